"""Plain test helpers shared by every test folder (``from support.accounts import make_account``).

Builders of test data (accounts, a training with sessions, a certificate course), the in-process
CLI runner and the headless-browser reader. Fixtures live in ``conftest.py`` files; these are the
plain functions the fixtures and tests call. Nothing here is a test, and no test module is imported
by another."""
