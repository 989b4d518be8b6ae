"""The balai's profile (name, code, head), first start, and settings."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

from balai_app.db.connection import write_transaction
from balai_app.db.models import BalaiProfile, Setting
from balai_app.domain.errors import BalaiError, ValidationError
from balai_app.i18n import tr
from balai_app.services import accounts, audit, validation as v
from balai_app.services.context import SYSTEM, Actor
from balai_app.services.permissions import require
from balai_app.services.records import ProfileRecord
from balai_app.services.versioning import versioned_update

LABELS = {
    "name": "Nama balai",
    "code": "Kode singkat",
    "address": "Alamat",
    "city": "Kota/kabupaten",
    "phone": "Telepon",
    "logo": "Logo",
    "head_name": "Nama kepala balai",
    "head_nip": "NIP kepala balai",
    "head_title": "Jabatan",
}
FIELDS = [name for name in LABELS if name != "logo"]

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9.-]{0,19}$")
_PHONE = re.compile(r"^\+?[0-9( ][0-9() \-/]{5,29}$")
MAX_LOGO_SIDE = 600
KEEP = object()  # ``update_profile(logo=KEEP)``: leave the logo as it is


def get_profile() -> ProfileRecord | None:
    """Public facts about the balai (shown on every screen and document)."""
    row = BalaiProfile.get_or_none(BalaiProfile.id == 1)
    return ProfileRecord.of(row) if row is not None else None


def is_initialised() -> bool:
    return BalaiProfile.select().exists()


# --- validation ---------------------------------------------------------------------


def check_nip(value: Any, label: str) -> str:
    """An 18-digit NIP: birth date YYYYMMDD, appointment YYYYMM, sex 1|2, serial."""
    nip = v.digits(value, label, length=18)
    if not nip:
        return ""
    try:
        dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
        year, month = int(nip[8:12]), int(nip[12:14])
        if not (1940 <= year <= 2100 and 1 <= month <= 12) or nip[14] not in "12":
            raise ValueError
    except ValueError:
        raise v.FieldError(tr("{label} tidak valid: 8 digit tanggal lahir (TTTTBBHH), 6 digit TMT (TTTTBB), "
                              "1 digit jenis kelamin (1/2), 3 digit nomor urut.").format(label=label)) from None
    return nip


def check_phone(value: Any, label: str) -> str:
    """Office numbers as written in Indonesia: ``(021) 8750000``, ``0251-8123456``, ``+62 21 ...``."""
    value = v.text(value, label, max_length=30)
    if value and (not _PHONE.match(value) or sum(ch.isdigit() for ch in value) < 6):
        raise v.FieldError(tr("{label} tidak valid: gunakan angka, spasi, '-', '( )' atau '+' di depan.").format(
            label=label))
    return value


def clean_profile(data: dict[str, Any], *, require_head: bool = True) -> dict[str, Any]:
    c = v.Collector()
    L = lambda name: tr(LABELS[name])  # noqa: E731
    out: dict[str, Any] = {
        "name": c.take("name", v.text, data.get("name"), L("name"), required=True, max_length=200),
        "code": c.take("code", v.text, data.get("code"), L("code"), required=True, max_length=20),
        "address": c.take("address", v.text, data.get("address"), L("address"), max_length=500, multiline=True),
        "city": c.take("city", v.text, data.get("city"), L("city"), max_length=100),
        "phone": c.take("phone", check_phone, data.get("phone"), L("phone")),
        "head_name": c.take("head_name", v.text, data.get("head_name"), L("head_name"), required=require_head),
        "head_nip": c.take("head_nip", check_nip, data.get("head_nip"), L("head_nip")),
        "head_title": c.take("head_title", v.text, data.get("head_title") or tr("Kepala Balai"), L("head_title")),
    }
    if out["code"]:
        out["code"] = out["code"].upper()
        if not _CODE.match(out["code"]):
            c.error("code", tr("Kode singkat hanya huruf, angka, titik atau '-', tanpa spasi atau '/' (contoh: BRS-PL)."))
    if require_head and not out["head_nip"] and "head_nip" not in c.errors:
        c.error("head_nip", tr("{label} wajib diisi.").format(label=L("head_nip")))
    c.raise_if_any()
    return out


def prepare_logo(data: bytes) -> bytes:
    """Check a JPEG/PNG logo and scale it to at most 600 px; stored as PNG (transparency kept)."""
    from PIL import Image, UnidentifiedImageError

    if len(data) > 10 * 1024 * 1024:
        raise ValidationError({"logo": tr("Berkas logo terlalu besar (maksimal 10 MB).")})
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in ("JPEG", "PNG"):
            raise ValidationError({"logo": tr("Logo harus berformat PNG atau JPEG.")})
        from balai_app.domain.photo import MAX_PHOTO_PIXELS

        if image.width * image.height > MAX_PHOTO_PIXELS:  # read from the header, before decoding
            raise ValidationError({"logo": tr("Logo terlalu besar: {w} x {h} piksel (maksimal {max} megapiksel).").format(
                w=image.width, h=image.height, max=MAX_PHOTO_PIXELS // 1_000_000)})
        image.load()
        image.thumbnail((MAX_LOGO_SIDE, MAX_LOGO_SIDE))
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        out = io.BytesIO()
        image.save(out, "PNG", optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError({"logo": tr("Berkas bukan gambar yang dapat dibaca.")}) from exc
    return out.getvalue()


def _as_dict(row: BalaiProfile | ProfileRecord) -> dict[str, Any]:
    out = {name: getattr(row, name) for name in FIELDS}
    out["logo"] = bytes(row.logo) if row.logo else None
    return out


# --- first start and changes -----------------------------------------------------------


def initialise(
    profile_data: dict[str, Any],
    admin_data: dict[str, Any],
    admin_password: str,
    *,
    logo: bytes | None = None,
    require_head: bool = True,
) -> accounts.SignedIn:
    """First start: the balai's profile and its first admin account, in one transaction.

    Refused once the database has a profile or an account. The admin chose
    the password here, so they need not change it at first sign-in.
    """
    if is_initialised() or accounts.has_accounts():
        raise BalaiError(tr("Balai ini sudah disiapkan; penyiapan awal hanya untuk basis data kosong."))
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    try:
        cleaned = clean_profile(profile_data, require_head=require_head)
    except ValidationError as exc:
        errors.update(exc.errors)
    image = None
    if logo:
        try:
            image = prepare_logo(logo)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        user = accounts.insert_user(SYSTEM, {**admin_data, "role": "admin"}, admin_password,
                                    must_change_password=False)
        admin = accounts.actor_of(user)
        row = BalaiProfile.create(id=1, logo=image, **cleaned)
        audit.record(admin, "create", "balai_profile", 1, row.name, audit.diff({}, _as_dict(row)))
    return accounts.SignedIn(admin, user.full_name, False)


def create_first_admin(admin_data: dict[str, Any], admin_password: str) -> accounts.SignedIn:
    """The first admin of a database that has a profile but no account yet (made by an older
    version, or by the demo of one). Refused once any account exists."""
    if accounts.has_accounts():
        raise BalaiError(tr("Basis data ini sudah memiliki akun; masuk dengan akun admin."))
    with write_transaction():
        user = accounts.insert_user(SYSTEM, {**admin_data, "role": "admin"}, admin_password,
                                    must_change_password=False)
    return accounts.SignedIn(accounts.actor_of(user), user.full_name, False)


def update_profile(
    actor: Actor, data: dict[str, Any], *, expected_version: int, logo: Any = KEEP
) -> ProfileRecord:
    """Change the profile. ``logo``: new image bytes, ``None`` to remove, ``KEEP`` to leave."""
    require(actor, "profile.edit")
    before = get_profile()
    if before is None:
        raise BalaiError(tr("Profil balai belum ada; jalankan penyiapan awal."))
    merged = {**_as_dict(before), **data}
    cleaned = clean_profile(merged)
    if logo is not KEEP:
        cleaned["logo"] = prepare_logo(logo) if logo else None
    with write_transaction():
        versioned_update(BalaiProfile, 1, cleaned, expected_version=expected_version,
                         stale=tr("Profil balai telah diubah oleh orang lain sejak dibuka; buka kembali lalu ulangi."))
        after = ProfileRecord.of(BalaiProfile.get_by_id(1))
        changes = audit.diff(_as_dict(before), _as_dict(after))
        if changes:
            audit.record(actor, "update", "balai_profile", 1, after.name, changes)
    return after


# --- settings ------------------------------------------------------------------------

IDLE_LOCK_KEY = "idle_lock_minutes"
IDLE_LOCK_DEFAULT = 10


def _minutes(value: Any, label: str) -> str:
    return str(v.integer(value, label, required=True, minimum=1, maximum=240))


# key -> (label, cleaner(value, label) -> str). Keys not listed are free text.
SETTINGS: dict[str, tuple[str, Callable[[Any, str], str]]] = {
    IDLE_LOCK_KEY: ("Kunci layar setelah tidak aktif (menit)", _minutes),
}


def get_setting(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default


def set_setting(actor: Actor, key: str, value: Any) -> str:
    """Store one setting (validated when its key is known) and record the change."""
    require(actor, "settings.edit")
    key = str(key).strip()
    if not key or len(key) > 100 or not key.isprintable():
        raise ValidationError({"key": tr("Nama pengaturan tidak valid.")})
    label, cleaner = SETTINGS.get(key, (key, lambda val, lab: v.text(val, lab, max_length=2000, multiline=True)))
    try:
        cleaned = cleaner(value, tr(label))
    except v.FieldError as exc:
        raise ValidationError({key: str(exc)}) from None
    with write_transaction():
        old = get_setting(key, None)  # type: ignore[arg-type]
        if old == cleaned:
            return cleaned
        Setting.insert(key=key, value=cleaned).on_conflict_replace().execute()
        audit.record(actor, "update", "setting", None, key, {key: [old, cleaned]})
    return cleaned


def idle_lock_minutes() -> int:
    try:
        minutes = int(get_setting(IDLE_LOCK_KEY, str(IDLE_LOCK_DEFAULT)))
    except ValueError:
        return IDLE_LOCK_DEFAULT
    return minutes if 1 <= minutes <= 240 else IDLE_LOCK_DEFAULT
