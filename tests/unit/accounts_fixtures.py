"""Accounts for tests (``from unit.accounts_fixtures import ...``).

``fast_hashing`` swaps the argon2id parameters for cheap ones (the hash is
still argon2id, verified by the real library); production keeps the defaults.
"""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

PASSWORD = "rahasia123"


@pytest.fixture
def fast_hashing(monkeypatch):
    from balai_app.services import accounts

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


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
