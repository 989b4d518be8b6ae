"""Accounts for tests (``from support.accounts import ...``); the ``fast_hashing``
fixture lives in tests/conftest.py."""

from __future__ import annotations


PASSWORD = "rahasia123"


def make_account(role: str, username: str | None = None, *, password: str = PASSWORD, must_change: bool = False,
                 full_name: str | None = None):
    """An account straight through the service (as the system); returns its Actor."""
    from balai_app.db.models import User
    from balai_app.services import accounts
    from balai_app.services.context import SYSTEM

    username = username or role
    user = accounts.create_user(SYSTEM, {"username": username, "full_name": full_name or f"{role.title()} Uji",
                                         "role": role}, password)
    if not must_change:
        User.update(must_change_password=False).where(User.id == user.id).execute()
    return accounts.actor_of(user)


def make_profile(**overrides):
    from balai_app.db.models import BalaiProfile

    data = dict(id=1, name="Balai Uji", code="BRS-UJI", address="Jl. Uji 1", city="Bogor", head_name="Dra. Uji",
                head_nip="196805121990032001", head_title="Kepala Balai")
    data.update(overrides)
    return BalaiProfile.create(**data)
