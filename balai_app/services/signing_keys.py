"""The balai's Ed25519 signing key: made once, kept on one PC, never in the database.

- The private key lives in the data folder (``paths.signing_key_dir()``), one file
  per key named by its key id, written readable only by the user (POSIX mode
  0600 in a 0700 folder; on Windows an ACL that admits the user's SID alone, set
  with ``icacls`` -- not Administrators, not other users of a shared PC). It never goes into the database, so neither a copy of the database
  nor an ordinary backup can sign anything.
- The public keys (current and all earlier ones) are in the database (Setting
  ``signing.public_keys``), so every PC can verify, and ``certificates publish``
  writes them for the verification page.
- An admin exports the private key encrypted with a passphrase (PKCS#8,
  ``BestAvailableEncryption``) for disaster recovery or to sign on another PC,
  and installs it there from that file.

Generic: any signed document of the balai (competency or social-rehabilitation
certificate) signs with ``current_private_key()``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from balai_app.db.connection import write_transaction
from balai_app.db.models import Setting
from balai_app.domain import signed_payload
from balai_app.domain.errors import BalaiError, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit
from balai_app.services.context import SYSTEM, Actor
from balai_app.services.permissions import require

KEY_PUBLIC_KEYS = "signing.public_keys"
MIN_PASSPHRASE = 10


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    public_key: str  # base64url of the raw 32 bytes
    created: str  # ISO date
    retired: str | None  # ISO date when a newer key replaced it
    on_this_pc: bool  # the private key file is here

    @property
    def current(self) -> bool:
        return self.retired is None


def key_dir() -> Path:
    from balai_app import paths

    return paths.data_dir() / "keys"


def _key_file(kid: str) -> Path:
    return key_dir() / f"certificate-signing-{kid}.pem"


def _registry() -> list[dict]:
    row = Setting.get_or_none(Setting.key == KEY_PUBLIC_KEYS)
    return json.loads(row.value) if row else []


def _save_registry(entries: list[dict]) -> None:
    Setting.insert(key=KEY_PUBLIC_KEYS, value=json.dumps(entries)).on_conflict_replace().execute()


def keys() -> list[KeyInfo]:
    """Every public key of this balai, oldest first (verifying needs no permission)."""
    return [KeyInfo(e["id"], e["public"], e["created"], e.get("retired"), _key_file(e["id"]).exists())
            for e in _registry()]


def public_keys() -> dict[str, bytes]:
    """key id -> raw public key, for ``signed_payload.verify``."""
    return {e["id"]: signed_payload.b64url_decode(e["public"]) for e in _registry()}


def current() -> KeyInfo | None:
    for info in reversed(keys()):
        if info.current:
            return info
    return None


def _write_private(private_key) -> str:
    from cryptography.hazmat.primitives import serialization

    raw = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    kid = signed_payload.key_id(raw)
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    folder = key_dir()
    folder.mkdir(parents=True, exist_ok=True)
    restrict_to_user(folder)
    target = _key_file(kid)
    temp = target.with_suffix(".tmp")
    temp.unlink(missing_ok=True)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        restrict_to_user(temp)  # before the key is in it; os.replace keeps the file's ACL
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, target)
    _cache.pop(kid, None)
    return kid


def acl_commands(path: Path, sid: str) -> list[list[str]]:
    """The ``icacls`` calls that make ``path`` readable by the user ``sid`` alone: inherited
    entries (Administrators, SYSTEM, Users of a shared PC) removed, full control granted to the
    user only, and for a folder inherited by what is made in it."""
    grant = f"*{sid}:(OI)(CI)F" if path.is_dir() else f"*{sid}:F"
    return [["icacls", str(path), "/inheritance:r", "/grant:r", grant]]


def _windows_user_sid() -> str:
    """The string SID of the Windows user running the program (the process token's user)."""
    import ctypes
    from ctypes import wintypes

    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    # Declared types: GetCurrentProcess's pseudo-handle is a 64-bit (HANDLE)-1, not an int
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    advapi32.OpenProcessToken.argtypes = [wintypes.HANDLE, wintypes.DWORD, ctypes.POINTER(wintypes.HANDLE)]
    advapi32.OpenProcessToken.restype = wintypes.BOOL
    token = wintypes.HANDLE()
    token_query, token_user = 0x0008, 1
    if not advapi32.OpenProcessToken(kernel32.GetCurrentProcess(), token_query, ctypes.byref(token)):
        raise OSError(ctypes.get_last_error(), "OpenProcessToken")  # type: ignore[attr-defined]
    try:
        size = wintypes.DWORD()
        advapi32.GetTokenInformation(token, token_user, None, 0, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        if not advapi32.GetTokenInformation(token, token_user, buffer, size, ctypes.byref(size)):
            raise OSError(ctypes.get_last_error(), "GetTokenInformation")  # type: ignore[attr-defined]
        sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
        text = wintypes.LPWSTR()
        if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
            raise OSError(ctypes.get_last_error(), "ConvertSidToStringSidW")  # type: ignore[attr-defined]
        try:
            return str(text.value)
        finally:
            kernel32.LocalFree(text)
    finally:
        kernel32.CloseHandle(token)


def restrict_to_user(path: Path) -> None:
    """Only the user running the program may read ``path``: POSIX mode 0700/0600; on Windows an
    ACL with one entry, the user's SID (from the process token through ctypes, set with icacls). A failure is logged, not fatal: the data folder
    in ``%LOCALAPPDATA%`` is already the user's own."""
    if os.name != "nt":
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
        return
    import subprocess

    from balai_app import log

    try:
        sid = _windows_user_sid()
        for command in acl_commands(path, sid):
            subprocess.run(command, capture_output=True, check=True,
                           creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    except (OSError, subprocess.CalledProcessError) as exc:
        log.get("signing").warning("hak akses kunci tanda tangan tidak dapat dibatasi (%s): %s", path, exc)


def _public_entry(private_key) -> dict:
    from cryptography.hazmat.primitives import serialization

    raw = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"id": signed_payload.key_id(raw), "public": signed_payload.b64url(raw),
            "created": dt.date.today().isoformat(), "retired": None}


def ensure_key(actor: Actor = SYSTEM) -> KeyInfo:
    """The current key, made now when this database has none yet (first start, or a database
    from before signing). A database that has a key made on another PC keeps it: this PC
    then verifies but cannot sign until an admin installs the key (``install``)."""
    require(actor, "certificates.issue")
    info = current()
    if info is not None:
        return info
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private_key = Ed25519PrivateKey.generate()
    with write_transaction():
        if current() is None:  # another PC may have registered one while we waited for the lock
            _write_private(private_key)
            entries = _registry()
            entries.append(_public_entry(private_key))
            _save_registry(entries)
            audit.record(actor, "create", "signing_key", None, tr("kunci tanda tangan sertifikat {k}").format(
                k=entries[-1]["id"]))
    info = current()
    assert info is not None
    return info


_cache: dict[str, object] = {}


def private_key(kid: str):
    """The private key ``kid`` from this PC's data folder; a clear message when it is elsewhere."""
    cached = _cache.get(kid)
    if cached is not None:
        return cached
    from cryptography.hazmat.primitives import serialization

    path = _key_file(kid)
    if not path.exists():
        raise BalaiError(tr(
            "Kunci tanda tangan sertifikat ({k}) tidak ada di komputer ini, jadi sertifikat tidak dapat "
            "ditandatangani di sini. Terbitkan di komputer yang memegang kunci, atau pasang kunci dari berkas "
            "ekspornya: Pengaturan › Sertifikat › Pasang kunci.").format(k=kid))
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    _cache[kid] = key
    return key


def current_private_key(actor: Actor = SYSTEM):
    """(key id, private key) to sign with now; makes the key when the database has none."""
    require(actor, "certificates.issue")
    info = ensure_key(actor)
    return info.key_id, private_key(info.key_id)


def _check_passphrase(passphrase: str) -> bytes:
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise ValidationError({"passphrase": tr("Kata sandi kunci minimal {n} karakter.").format(n=MIN_PASSPHRASE)})
    return passphrase.encode("utf-8")


def export_key(actor: Actor, target: str | os.PathLike[str], passphrase: str) -> KeyInfo:
    """Write the current private key to ``target``, encrypted with ``passphrase`` (admin)."""
    require(actor, "certificates.issue")
    from cryptography.hazmat.primitives import serialization

    secret = _check_passphrase(passphrase)
    info = current()
    if info is None:
        info = ensure_key(actor)
    pem = private_key(info.key_id).private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.BestAvailableEncryption(secret))
    Path(target).write_bytes(pem)
    with write_transaction():
        audit.record(actor, "export", "signing_key", None, tr("ekspor kunci tanda tangan {k}").format(k=info.key_id))
    return info


def install_key(actor: Actor, source: str | os.PathLike[str], passphrase: str) -> KeyInfo:
    """Install a private key exported on another PC. It must be one of this balai's keys
    (or the first key of a database that has none)."""
    require(actor, "certificates.issue")
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    secret = _check_passphrase(passphrase)
    try:
        key = serialization.load_pem_private_key(Path(source).read_bytes(), password=secret)
    except (ValueError, TypeError):
        raise ValidationError({"passphrase": tr("Berkas kunci tidak dapat dibuka: kata sandi salah atau berkas "
                                                "bukan ekspor kunci Balai.")}) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ValidationError({"source": tr("Berkas ini bukan kunci tanda tangan Balai (Ed25519).")})
    entry = _public_entry(key)
    with write_transaction():
        entries = _registry()
        known = {e["id"] for e in entries}
        if entries and entry["id"] not in known:
            raise BalaiError(tr("Kunci {k} bukan kunci balai ini (kunci balai: {known}).").format(
                k=entry["id"], known=", ".join(sorted(known))))
        _write_private(key)
        if not entries:
            _save_registry([entry])
        audit.record(actor, "install", "signing_key", None, tr("pasang kunci tanda tangan {k}").format(k=entry["id"]))
    return next(i for i in keys() if i.key_id == entry["id"])


def rotate_key(actor: Actor) -> KeyInfo:
    """A new key for certificates issued from now on; the old one is kept for verifying."""
    require(actor, "certificates.issue")
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    with write_transaction():
        entries = _registry()
        today = dt.date.today().isoformat()
        for e in entries:
            if e.get("retired") is None:
                e["retired"] = today
        _write_private(key)
        entries.append(_public_entry(key))
        _save_registry(entries)
        audit.record(actor, "create", "signing_key", None, tr("kunci tanda tangan baru {k}").format(
            k=entries[-1]["id"]))
    info = current()
    assert info is not None
    return info
