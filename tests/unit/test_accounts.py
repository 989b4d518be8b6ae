"""Accounts and signing in: argon2id, the password rules, lockout, reset, deactivation."""

from __future__ import annotations

import datetime as dt

import pytest
from support.accounts import PASSWORD, make_account

from balai_app.db.models import AuditEvent, User
from balai_app.domain.errors import PermissionDenied, StaleRecord, ValidationError
from balai_app.services import accounts
from balai_app.services.accounts import SignInError

pytestmark = pytest.mark.usefixtures("db", "fast_hashing")


def events(action=None):
    query = AuditEvent.select().order_by(AuditEvent.id)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(query)


def test_password_is_stored_as_argon2id_never_in_clear(system):
    user = accounts.create_user(system, {"username": "rina", "full_name": "Rina", "role": "staf"}, PASSWORD)
    stored = User.get_by_id(user.id).password_hash
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    created = events("create")[-1]
    assert PASSWORD not in created.changes and stored not in created.changes


def test_production_hasher_is_argon2id(production_hashing):
    """The program's parameters, not the tests' cheap ones (``fast_hashing`` is undone here):
    argon2id, 3 passes over 64 MiB in 4 lanes (argon2-cffi's RFC 9106 low-memory profile)."""
    from argon2 import Type

    stored = accounts.hash_password("rahasia-123")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    hasher = accounts._hasher()
    assert hasher.type is Type.ID
    assert (hasher.time_cost, hasher.memory_cost, hasher.parallelism) == (3, 65536, 4)
    assert hasher.verify(stored, "rahasia-123")



def test_an_unknown_name_costs_one_verification_and_no_hashing(production_hashing, system, monkeypatch):
    """The first refusal of an unknown name used to make the dummy hash first (a second hash's
    time, telling that the name did not exist): now it only verifies, like a known name,
    against a hash with the production parameters."""
    from argon2 import PasswordHasher

    accounts.create_user(system, {"username": "rina", "full_name": "Rina", "role": "staf"}, PASSWORD)
    verified: list[str] = []
    real_verify = PasswordHasher.verify

    def no_hashing(self, password):
        raise AssertionError("a sign-in hashed a password")

    def recording_verify(self, stored, password):
        verified.append(stored)
        return real_verify(self, stored, password)

    monkeypatch.setattr(PasswordHasher, "hash", no_hashing)
    monkeypatch.setattr(PasswordHasher, "verify", recording_verify)
    for name in ("tidak-ada", "rina"):
        with pytest.raises(accounts.SignInError):
            accounts.authenticate(name, "salah-sekali")
    assert len(verified) == 2
    assert all(stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$") for stored in verified)

@pytest.mark.parametrize(
    ("data", "password", "field"),
    [
        ({"username": "ok.name", "full_name": "A", "role": "staf"}, "pendek", "password"),
        ({"username": "ok.name", "full_name": "A", "role": "staf"}, "        ", "password"),
        ({"username": "x", "full_name": "A", "role": "staf"}, PASSWORD, "username"),
        ({"username": "ada spasi", "full_name": "A", "role": "staf"}, PASSWORD, "username"),
        ({"username": "ok.name", "full_name": "", "role": "staf"}, PASSWORD, "full_name"),
        ({"username": "ok.name", "full_name": "A", "role": "kepala"}, PASSWORD, "role"),
        ({"username": "ok.name", "full_name": "A", "role": "staf", "nip": "123"}, PASSWORD, "nip"),
    ],
)
def test_invalid_accounts_are_refused_with_a_message_per_field(system, data, password, field):
    with pytest.raises(ValidationError) as caught:
        accounts.create_user(system, data, password)
    assert field in caught.value.errors
    assert not User.select().exists()


def test_username_is_unique_ignoring_case(system):
    make_account("staf", "rina")
    with pytest.raises(ValidationError, match="sudah dipakai"):
        accounts.create_user(system, {"username": "RINA", "full_name": "Rina Lain", "role": "staf"}, PASSWORD)


def test_a_new_account_must_change_its_password_at_first_sign_in(system):
    accounts.create_user(system, {"username": "baru", "full_name": "Orang Baru", "role": "instruktur"}, PASSWORD)
    signed = accounts.authenticate("baru", PASSWORD)
    assert signed.must_change_password
    accounts.change_password(signed.actor, PASSWORD, "sandi-baru-99")
    again = accounts.authenticate("baru", "sandi-baru-99")
    assert not again.must_change_password
    assert [e.action for e in events() if e.entity == "user"][-3:] == ["login", "change_password", "login"]


def test_sign_in_success_and_failure_are_audited_with_the_same_message_for_unknown_names():
    make_account("staf", "rina")
    with pytest.raises(SignInError) as wrong:
        accounts.authenticate("rina", "salah-sekali")
    with pytest.raises(SignInError) as unknown:
        accounts.authenticate("tidakada", "apa-saja-123")
    assert "Nama pengguna atau kata sandi salah." in wrong.value.message
    assert unknown.value.message == wrong.value.message  # an unknown name is not told apart (issue 12)
    failed = events("login_failed")
    assert [(e.username, e.user_id is not None) for e in failed] == [("rina", True), ("tidakada", False)]
    accounts.authenticate("Rina ", PASSWORD)  # case and spaces around the name do not matter
    assert events("login")[-1].username == "rina"


def test_five_failures_lock_the_account_for_five_minutes(monkeypatch):
    make_account("staf", "rina")
    now = dt.datetime(2026, 11, 24, 8, 0)
    monkeypatch.setattr(accounts, "_now", lambda: now)
    for attempt in range(1, 5):
        with pytest.raises(SignInError, match="Setelah 5 kali salah"):
            accounts.authenticate("rina", "salah")
        assert User.get(User.username == "rina").failed_logins == attempt
    with pytest.raises(SignInError, match="Setelah 5 kali salah") as fifth:
        accounts.authenticate("rina", "salah")
    with pytest.raises(SignInError) as unknown:
        accounts.authenticate("tidakada", "salah")
    assert fifth.value.message == unknown.value.message  # a lock does not reveal that the name exists
    assert User.get(User.username == "rina").locked_until is not None
    # locked: even the right password is refused, with the reason
    with pytest.raises(SignInError, match="terkunci"):
        accounts.authenticate("rina", PASSWORD)
    now = now + dt.timedelta(minutes=4, seconds=59)
    with pytest.raises(SignInError, match="terkunci"):
        accounts.authenticate("rina", PASSWORD)
    now = now + dt.timedelta(seconds=2)
    signed = accounts.authenticate("rina", PASSWORD)
    assert signed.actor.username == "rina"
    user = User.get(User.username == "rina")
    assert user.failed_logins == 0 and user.locked_until is None
    assert len(events("login_failed")) == 8  # five wrong, one unknown name, two while locked


def test_after_a_lock_ends_the_count_starts_again(monkeypatch):
    make_account("staf", "rina")
    now = dt.datetime(2026, 11, 24, 8, 0)
    monkeypatch.setattr(accounts, "_now", lambda: now)
    for _ in range(5):
        with pytest.raises(SignInError):
            accounts.authenticate("rina", "salah")
    now = now + dt.timedelta(minutes=6)
    with pytest.raises(SignInError):
        accounts.authenticate("rina", "salah")
    assert User.get(User.username == "rina").failed_logins == 1


def test_a_success_resets_the_failure_count():
    make_account("staf", "rina")
    for _ in range(4):
        with pytest.raises(SignInError):
            accounts.authenticate("rina", "salah")
    accounts.authenticate("rina", PASSWORD)
    with pytest.raises(SignInError):
        accounts.authenticate("rina", "salah")
    assert User.get(User.username == "rina").failed_logins == 1


def test_change_password_rules():
    staf = make_account("staf", "rina")
    with pytest.raises(ValidationError) as wrong_old:
        accounts.change_password(staf, "bukan-ini-1", "sandi-baru-99")
    assert "old_password" in wrong_old.value.errors
    with pytest.raises(ValidationError) as short:
        accounts.change_password(staf, PASSWORD, "pendek")
    assert "minimal 8" in short.value.errors["new_password"]
    with pytest.raises(ValidationError, match="berbeda"):
        accounts.change_password(staf, PASSWORD, PASSWORD)
    accounts.change_password(staf, PASSWORD, "sandi-baru-99")
    with pytest.raises(SignInError):
        accounts.authenticate("rina", PASSWORD)
    assert accounts.authenticate("rina", "sandi-baru-99").actor == staf


def test_admin_resets_a_password_which_lifts_the_lock_and_must_be_changed():
    admin = make_account("admin", "kepala")
    staf = make_account("staf", "rina")
    for _ in range(5):
        with pytest.raises(SignInError):
            accounts.authenticate("rina", "salah")
    accounts.reset_password(admin, staf.user_id, "sementara-1")
    signed = accounts.authenticate("rina", "sementara-1")
    assert signed.must_change_password
    reset = events("reset_password")[-1]
    assert reset.username == "kepala" and reset.entity_id == staf.user_id
    assert "sementara-1" not in reset.changes


def test_only_an_admin_manages_accounts():
    staf = make_account("staf", "rina")
    instruktur = make_account("instruktur", "joko")
    for who in (staf, instruktur):
        with pytest.raises(PermissionDenied, match="tidak berhak mengelola akun pengguna"):
            accounts.create_user(who, {"username": "lain", "full_name": "Lain", "role": "admin"}, PASSWORD)
        with pytest.raises(PermissionDenied):
            accounts.reset_password(who, staf.user_id, "sementara-1")
        with pytest.raises(PermissionDenied):
            accounts.set_active(who, instruktur.user_id, False)


def test_deactivated_accounts_cannot_sign_in_and_are_never_deleted():
    admin = make_account("admin", "kepala")
    staf = make_account("staf", "rina")
    accounts.set_active(admin, staf.user_id, False)
    with pytest.raises(SignInError, match="dinonaktifkan"):
        accounts.authenticate("rina", PASSWORD)
    assert User.get_by_id(staf.user_id).active is False
    assert not any(name.startswith("delete") for name in dir(accounts))
    assert events("deactivate")[-1].entity_id == staf.user_id
    accounts.set_active(admin, staf.user_id, True)
    assert accounts.authenticate("rina", PASSWORD).actor == staf
    # the audit trail keeps pointing at the account: the database itself refuses a delete
    from peewee import IntegrityError

    with pytest.raises(IntegrityError):
        User.delete().where(User.id == staf.user_id).execute()


def test_the_last_active_admin_stays(system):
    admin = make_account("admin", "kepala")
    with pytest.raises(ValidationError, match="akun Anda sendiri"):
        accounts.set_active(admin, admin.user_id, False)
    with pytest.raises(ValidationError, match="Admin aktif terakhir"):
        accounts.set_active(system, admin.user_id, False)
    user = accounts.get_user(admin, admin.user_id)
    with pytest.raises(ValidationError, match="admin aktif"):
        accounts.update_user(admin, admin.user_id, {"role": "staf"}, expected_version=user.version)
    second = make_account("admin", "wakil")
    accounts.set_active(second, admin.user_id, False)
    assert not User.get_by_id(admin.user_id).active


def test_update_user_records_old_and_new_values_and_refuses_stale_versions():
    admin = make_account("admin", "kepala")
    staf = make_account("staf", "rina", full_name="Rina")
    version = accounts.get_user(admin, staf.user_id).version
    accounts.update_user(admin, staf.user_id, {"full_name": "Rina Kartika, S.Tr.Sos.", "role": "instruktur"},
                         expected_version=version)
    event = events("update")[-1]
    assert event.entity == "user" and event.username == "kepala"
    assert '"full_name": ["Rina", "Rina Kartika, S.Tr.Sos."]' in event.changes
    assert '"role": ["staf", "instruktur"]' in event.changes
    with pytest.raises(StaleRecord):
        accounts.update_user(admin, staf.user_id, {"full_name": "X"}, expected_version=version)


def test_list_trainers_lists_only_active_instruktur():
    admin = make_account("admin", "kepala")
    joko = make_account("instruktur", "joko", full_name="Joko Prasetyo")
    ani = make_account("instruktur", "ani", full_name="Ani Lestari")
    make_account("staf", "rina")
    accounts.set_active(admin, ani.user_id, False)
    assert accounts.list_trainers(admin) == [(joko.user_id, "Joko Prasetyo")]


def test_sign_out_is_recorded():
    staf = make_account("staf", "rina")
    accounts.sign_out(staf)
    assert events("logout")[-1].username == "rina"
