"""Accounts: who may sign in, with which role, and signing in itself.

- Passwords are hashed with argon2id (argon2-cffi); never stored or logged in clear.
- A new account (and one whose password an admin reset) must change its
  password at the next sign-in.
- ``MAX_FAILED`` failed sign-ins in a row lock the account for ``LOCK_MINUTES``.
- Accounts are deactivated, never deleted: the audit trail keeps pointing at them.

Every sign-in, success or failure, is written to the audit trail.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from balai_app.db.connection import write_transaction
from balai_app.db.models import User, utcnow
from balai_app.domain.errors import BalaiError, NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import ROLES, require, role_label
from balai_app.services.records import UserRecord
from balai_app.services.versioning import versioned_update

MIN_PASSWORD = 8
MAX_FAILED = 5
LOCK_MINUTES = 5

# argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile). Loaded on the first
# hash or check, not with this module: the sign-in window paints without it.
HASHER: Any = None


def _hasher():
    global HASHER
    if HASHER is None:
        from argon2 import PasswordHasher

        HASHER = PasswordHasher()
    return HASHER

LABELS = {
    "username": "Nama pengguna",
    "full_name": "Nama lengkap",
    "role": "Peran",
    "nip": "NIP",
    "password": "Kata sandi",
}

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,49}$")


class SignInError(BalaiError):
    """A refused sign-in; the message is for the person at the keyboard."""


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    full_name: str
    must_change_password: bool


class UserRow(NamedTuple):
    id: int
    username: str
    full_name: str
    role: str
    nip: str
    active: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    version: int

    @property
    def locked(self) -> bool:
        return bool(self.locked_until and self.locked_until > _now())


def _now() -> dt.datetime:
    """The clock (UTC, naive); tests move it forward to end a lock."""
    return utcnow()


def actor_of(user: User | UserRecord) -> Actor:
    return Actor(user.id, user.username, user.role)


def has_accounts() -> bool:
    """True once the database has at least one account (then people must sign in)."""
    return User.select().exists()


# --- validation ---------------------------------------------------------------


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_new_password(password: Any, *, field: str = "password") -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValidationError({field: tr("Kata sandi minimal {n} karakter.").format(n=MIN_PASSWORD)})
    if not password.strip():
        raise ValidationError({field: tr("Kata sandi tidak boleh hanya berisi spasi.")})
    if len(password) > 200:
        raise ValidationError({field: tr("Kata sandi terlalu panjang (maksimal 200 karakter).")})
    return password


def _clean(data: dict[str, Any], *, user_id: int | None) -> dict[str, Any]:
    c = v.Collector()
    L = lambda name: tr(LABELS[name])  # noqa: E731
    out: dict[str, Any] = {}
    if user_id is None:
        username = c.take("username", v.text, data.get("username"), L("username"), required=True, max_length=50)
        if username:
            username = username.casefold()
            if not _USERNAME.match(username):
                c.error("username", tr("Nama pengguna 3–50 karakter: huruf kecil, angka, titik, '_' atau '-', "
                                       "diawali huruf atau angka."))
            elif User.select().where(User.username == username).exists():
                c.error("username", tr("Nama pengguna '{name}' sudah dipakai.").format(name=username))
        out["username"] = username
    out["full_name"] = c.take("full_name", v.text, data.get("full_name"), L("full_name"), required=True, max_length=200)
    out["role"] = c.take("role", v.choice, data.get("role"), L("role"), ROLES)
    out["nip"] = c.take("nip", v.digits, data.get("nip"), L("nip"), length=18)
    c.raise_if_any()
    return out


def _as_dict(user: User) -> dict[str, Any]:
    return {"username": user.username, "full_name": user.full_name, "role": user.role, "nip": user.nip,
            "active": user.active}


def _active_admins(exclude: int | None = None) -> int:
    query = User.select().where((User.role == "admin") & (User.active == True))  # noqa: E712
    if exclude is not None:
        query = query.where(User.id != exclude)
    return query.count()


# --- managing accounts (admin) ----------------------------------------------------


def insert_user(actor: Actor, data: dict[str, Any], password: str, *,
                must_change_password: bool = True) -> UserRecord:
    """Validate and insert an account inside the caller's transaction (``create_user``;
    first start acts as the system)."""
    require(actor, "accounts.manage")
    cleaned = _clean(data, user_id=None)
    check_new_password(password)
    user = User.create(**cleaned, password_hash=hash_password(password), must_change_password=must_change_password)
    audit.record(actor, "create", "user", user.id, f"{user.username} ({role_label(user.role)})",
                 audit.diff({}, _as_dict(user)))
    return UserRecord.of(user)


def create_user(actor: Actor, data: dict[str, Any], password: str) -> UserRecord:
    """A new account; its holder must change the password at first sign-in."""
    require(actor, "accounts.manage")
    with write_transaction():
        return insert_user(actor, data, password)


def get_user(actor: Actor, user_id: int) -> UserRecord:
    require(actor, "accounts.manage")
    return UserRecord.of(_get(user_id))


def find_user(actor: Actor, username: str) -> UserRecord:
    require(actor, "accounts.manage")
    user = User.get_or_none(User.username == (username or "").strip().casefold())
    if user is None:
        raise NotFound(tr("Akun '{name}' tidak ditemukan.").format(name=username))
    return UserRecord.of(user)


def _get(user_id: int) -> User:
    user = User.get_or_none(User.id == user_id)
    if user is None:
        raise NotFound(tr("Akun No. {id} tidak ditemukan.").format(id=user_id))
    return user


def list_users(actor: Actor, *, include_inactive: bool = True) -> list[UserRow]:
    require(actor, "accounts.manage")
    query = User.select(*(getattr(User, name) for name in UserRow._fields))
    if not include_inactive:
        query = query.where(User.active == True)  # noqa: E712
    return [UserRow(*row) for row in query.order_by(User.active.desc(), User.username).tuples()]


def list_trainers(actor: Actor) -> list[tuple[int, str]]:
    """(id, full name) of the active instruktur accounts, for choosing a batch's trainer."""
    require(actor, "accounts.trainers")
    query = (User.select(User.id, User.full_name)
             .where((User.role == "instruktur") & (User.active == True))  # noqa: E712
             .order_by(User.full_name))
    return list(query.tuples())


def display_name(user_id: int | None) -> str:
    """The full name to show for an account id ('' when unknown). Public facts only."""
    if user_id is None:
        return ""
    row = User.select(User.full_name).where(User.id == user_id).first()
    return row.full_name if row else ""


def update_user(actor: Actor, user_id: int, data: dict[str, Any], *, expected_version: int) -> UserRecord:
    """Change full name, role or NIP (the username never changes)."""
    require(actor, "accounts.manage")
    before = _get(user_id)
    merged = {**_as_dict(before), **data}
    cleaned = _clean(merged, user_id=user_id)
    if before.role == "admin" and cleaned["role"] != "admin" and before.active and _active_admins(exclude=user_id) == 0:
        raise ValidationError({"role": tr("Harus ada sedikitnya satu admin aktif; peran admin terakhir tidak dapat diubah.")})
    with write_transaction():
        versioned_update(User, user_id, cleaned, expected_version=expected_version,
                         stale=tr("Akun {name} telah diubah oleh orang lain sejak dibuka; buka kembali lalu "
                                  "ulangi.").format(name=before.username))
        after = User.get_by_id(user_id)
        changes = audit.diff(_as_dict(before), _as_dict(after))
        if changes:
            audit.record(actor, "update", "user", user_id, after.username, changes)
    return UserRecord.of(after)


def set_active(actor: Actor, user_id: int, active: bool) -> UserRecord:
    """Deactivate (or reactivate) an account. Accounts are never deleted."""
    require(actor, "accounts.manage")
    user = _get(user_id)
    if not active:
        if user_id == actor.user_id:
            raise ValidationError({"active": tr("Anda tidak dapat menonaktifkan akun Anda sendiri.")})
        if user.role == "admin" and _active_admins(exclude=user_id) == 0:
            raise ValidationError({"active": tr("Admin aktif terakhir tidak dapat dinonaktifkan.")})
    if bool(user.active) == bool(active):
        return UserRecord.of(user)
    with write_transaction():
        User.update(active=active, updated_at=utcnow(), version=User.version + 1).where(User.id == user_id).execute()
        audit.record(actor, "activate" if active else "deactivate", "user", user_id, user.username,
                     {"active": [bool(user.active), bool(active)]})
    return UserRecord.of(User.get_by_id(user_id))


def reset_password(actor: Actor, user_id: int, new_password: str) -> UserRecord:
    """An admin sets a temporary password; the holder must change it at next sign-in.
    Also lifts a lock from failed sign-ins."""
    require(actor, "accounts.manage")
    user = _get(user_id)
    check_new_password(new_password)
    with write_transaction():
        User.update(password_hash=hash_password(new_password), must_change_password=True, failed_logins=0,
                    locked_until=None, updated_at=utcnow(), version=User.version + 1).where(User.id == user_id).execute()
        audit.record(actor, "reset_password", "user", user_id, user.username,
                     {"password": ["***", "*** (sementara)"]})
    return UserRecord.of(User.get_by_id(user_id))


# --- signing in -------------------------------------------------------------------

_WRONG = "Nama pengguna atau kata sandi salah."
# The same words for an unknown name, a wrong password and a deactivated account: a sign-in
# must not tell whether a user name exists (issue 12; the audit trail keeps the real reason).
_LOCK_RULE = "Setelah {n} kali salah berturut-turut, akun dikunci {m} menit."


def _wrong() -> str:
    return tr(_WRONG) + " " + tr(_LOCK_RULE).format(n=MAX_FAILED, m=LOCK_MINUTES)


def _verify(user: User | None, password: str) -> bool:
    """Check a password; for an unknown name against a dummy hash, so that the time taken
    does not tell which names exist."""
    if not isinstance(password, str):
        password = ""  # a wrong type never matches (and still costs one hash check)
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        return _hasher().verify(user.password_hash if user else _dummy_hash(), password) and user is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError, UnicodeEncodeError):
        return False


# The hash of a password no account has (a random one, thrown away), with the production
# parameters: an unknown name is checked against it at the cost of one verification, as a
# real account is. It is written here, not made at the first unknown name: making it took a
# second hash's time, so that first refusal told that the name did not exist.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$5zTB43+v9VhCinpyyRlzcQ$7ar3cthliz3Tp7DsFw8QzyRhVX6LamnzL1MdpI7yA/s"
_dummy_for_other_parameters: dict[tuple, str] = {}


def _dummy_hash() -> str:
    """``_DUMMY_HASH``, or, for a hasher with other parameters (the tests' cheap one), a dummy
    hash made once with those."""
    hasher = _hasher()
    if not hasher.check_needs_rehash(_DUMMY_HASH):
        return _DUMMY_HASH
    key = (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len, hasher.salt_len, hasher.type)
    if key not in _dummy_for_other_parameters:
        _dummy_for_other_parameters[key] = hasher.hash("tidak-ada-akun")
    return _dummy_for_other_parameters[key]


def _refuse(user: User | None, username: str, reason: str, message: str) -> SignInError:
    audit.record(Actor(user.id if user else None, username[:50], user.role if user else ""), "login_failed",
                 "user", user.id if user else None, reason)
    return SignInError(message)


def authenticate(username: str, password: str) -> SignedIn:
    """Check a sign-in. Raises ``SignInError`` with a message for the user.

    Unknown names and wrong passwords get the same message. The fifth failure
    in a row locks the account for ``LOCK_MINUTES`` minutes.
    """
    # Any value: text SQLite cannot take (lone surrogates) becomes '?', control characters go
    # (the name is written to the audit trail on a failure), other types become their text.
    username = str(username or "").strip().casefold().encode("utf-8", "replace").decode("utf-8")
    username = "".join(ch for ch in username if ch.isprintable())[:200]
    password = password or ""
    now = _now()
    # The slow hash check runs before the write lock is taken (other PCs keep writing meanwhile).
    seen = User.get_or_none(User.username == username)
    correct = _verify(seen, password)
    checked_hash = seen.password_hash if seen else None
    error: SignInError | None = None
    with write_transaction():
        user = User.get_or_none(User.username == username)  # as it is now, under the lock
        if user is not None and user.password_hash != checked_hash:  # changed meanwhile: check again
            correct = _verify(user, password)
        if user is None:
            error = _refuse(None, username, tr("nama pengguna tidak dikenal"), _wrong())
        elif not user.active:
            # Only the owner (the right password) learns that the account is deactivated.
            error = _refuse(user, username, tr("akun nonaktif"),
                            tr("Akun ini sudah dinonaktifkan. Hubungi admin balai.") if correct else _wrong())
        elif user.locked_until and user.locked_until > now and not correct:
            error = _refuse(user, username, tr("akun terkunci"), _wrong())
        elif user.locked_until and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() + 59) // 60)
            error = _refuse(user, username, tr("akun terkunci"),
                            tr("Akun terkunci karena {n} kali salah kata sandi. Coba lagi dalam {m} menit "
                               "atau minta admin mengatur ulang kata sandi.").format(n=MAX_FAILED, m=minutes))
        elif not correct:
            failures = (0 if user.locked_until else user.failed_logins) + 1
            if failures >= MAX_FAILED:
                User.update(failed_logins=0, locked_until=now + dt.timedelta(minutes=LOCK_MINUTES)).where(
                    User.id == user.id).execute()
                error = _refuse(user, username, tr("kata sandi salah; akun dikunci {m} menit").format(m=LOCK_MINUTES),
                                _wrong())
            else:
                User.update(failed_logins=failures, locked_until=None).where(User.id == user.id).execute()
                left = MAX_FAILED - failures
                error = _refuse(user, username, tr("kata sandi salah ({n}×, sisa {left})").format(n=failures, left=left),
                                _wrong())
        else:
            updates: dict[str, Any] = {"failed_logins": 0, "locked_until": None}
            if _hasher().check_needs_rehash(user.password_hash):
                updates["password_hash"] = hash_password(password)
            User.update(**updates).where(User.id == user.id).execute()
            audit.record(actor_of(user), "login", "user", user.id, tr("masuk"))
    # The audit row of a refusal must stay: raise only after the transaction committed.
    if error is not None:
        raise error
    return SignedIn(actor_of(user), user.full_name, bool(user.must_change_password))


def change_password(actor: Actor, old_password: str, new_password: str) -> None:
    """The signed-in person changes their own password."""
    if actor.user_id is None:
        raise ValidationError({"password": tr("Akun sistem tidak memiliki kata sandi.")})
    user = _get(actor.user_id)
    if not _verify(user, old_password or ""):
        raise ValidationError({"old_password": tr("Kata sandi lama salah.")})
    check_new_password(new_password, field="new_password")
    if new_password == old_password:
        raise ValidationError({"new_password": tr("Kata sandi baru harus berbeda dari kata sandi lama.")})
    with write_transaction():
        User.update(password_hash=hash_password(new_password), must_change_password=False, updated_at=utcnow(),
                    version=User.version + 1).where(User.id == user.id).execute()
        audit.record(actor, "change_password", "user", user.id, user.username, {"password": ["***", "***"]})


def must_change_password(actor: Actor) -> bool:
    if actor.user_id is None:
        return False
    return bool(_get(actor.user_id).must_change_password)


def sign_out(actor: Actor, *, reason: str = "") -> None:
    """Record that a person signed out (by the button, or the window closed)."""
    if actor.user_id is None or not User.select().where(User.id == actor.user_id).exists():
        return  # e.g. a restored backup that predates this account (the restore itself is audited)
    with write_transaction():
        audit.record(actor, "logout", "user", actor.user_id, reason or tr("keluar"))
