"""The demo's accounts: one per role, password ``demo`` (shown on the sign-in screen of a demo)."""

from __future__ import annotations

import random

from balai_app.db.connection import write_transaction
from balai_app.i18n import tr
from balai_app.services import accounts, audit
from balai_app.services.context import Actor
from balai_app.services.permissions import require

DEMO_PASSWORD = "demo"

# username, full name, role, NIP
DEMO_ACCOUNTS = [
    ("admin", "Sri Wahyuni, S.Sos.", "admin", "197903152005012002"),
    ("staf", "Rina Kartika, S.Tr.Sos.", "staf", ""),
    ("instruktur", "Joko Prasetyo, A.Md.", "instruktur", ""),
]


def demo_accounts(actor: Actor, rng: random.Random) -> str:
    """Three accounts, one per role. The demo password is shorter than the rule allows, so
    the accounts are written directly; they need no password change (a demo is for trying)."""
    from balai_app.db.models import User

    require(actor, "demo.create")
    with write_transaction():
        for username, full_name, role, nip in DEMO_ACCOUNTS:
            user = User.create(username=username, full_name=full_name, role=role, nip=nip,
                               password_hash=accounts.hash_password(DEMO_PASSWORD), must_change_password=False)
            audit.record(actor, "create", "user", user.id, f"{username} (demo)",
                                  {"role": [None, role], "full_name": [None, full_name]})
    return tr("akun demo dibuat: admin, staf, instruktur (kata sandi: {pw})").format(pw=DEMO_PASSWORD)
