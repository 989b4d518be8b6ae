"""Competency certificates: eligibility, numbering, snapshot, verification, register.

A certificate states what is in its ``snapshot`` (JSON) and nothing else: the
holder, the program and its units, the dates, the signatories and the balai as
they were when it was issued. Reprints render only from the snapshot, so later
edits to a resident or a program never change a certificate already issued.

Numbers come from a template (Setting ``certificate.number_template``) with a
sequence per year taken as ``max(sequence) + 1`` inside a ``BEGIN IMMEDIATE``
transaction: two processes issuing at once wait for each other, so numbers are
unique and gap-free, and never reused (a revoked certificate keeps its row).

The verification code is an HMAC-SHA256 over the canonical snapshot JSON and
the number, keyed with a secret created once per database (Setting
``certificate_secret``), shortened to 12 Crockford base32 characters
``XXXX-XXXX-XXXX``. ``verify`` recomputes it, so a row edited behind the
program's back no longer verifies either.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import io
import json
import re
import secrets
import string
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from urllib.parse import parse_qs, quote, urlsplit

from peewee import JOIN, fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import (
    BalaiProfile,
    Batch,
    Certificate,
    CompetencyUnit,
    Enrollment,
    Program,
    Resident,
    ResidentPhoto,
    Setting,
    User,
    utcnow,
)
from balai_app.domain import codes
from balai_app.domain.dates import format_long, roman_month
from balai_app.domain.errors import BalaiError, NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require

SNAPSHOT_FORMAT = 1

# --- settings -----------------------------------------------------------------

KEY_TEMPLATE = "certificate.number_template"
KEY_URL = "certificate.verification_url"
KEY_BILINGUAL = "certificate.bilingual"
KEY_LSP_ENABLED = "certificate.lsp_enabled"
KEY_LSP_ORG = "certificate.lsp_org"
KEY_LSP_NAME = "certificate.lsp_name"
KEY_LSP_TITLE = "certificate.lsp_title"
KEY_LSP_NUMBER = "certificate.lsp_number"
KEY_SECRET = "certificate_secret"

DEFAULT_TEMPLATE = "{seq:04d}/SK-{program}/{balai}/{month}/{year}"
TEMPLATE_FIELDS = {"seq", "program", "balai", "month", "year"}


@dataclass
class CertificateSettings:
    number_template: str = DEFAULT_TEMPLATE
    verification_url: str = ""
    bilingual: bool = False
    lsp_enabled: bool = False
    lsp_org: str = ""
    lsp_name: str = ""
    lsp_title: str = ""
    lsp_number: str = ""


_SETTING_KEYS = {
    "number_template": KEY_TEMPLATE,
    "verification_url": KEY_URL,
    "bilingual": KEY_BILINGUAL,
    "lsp_enabled": KEY_LSP_ENABLED,
    "lsp_org": KEY_LSP_ORG,
    "lsp_name": KEY_LSP_NAME,
    "lsp_title": KEY_LSP_TITLE,
    "lsp_number": KEY_LSP_NUMBER,
}

SETTING_LABELS = {
    "number_template": "Format nomor sertifikat",
    "verification_url": "Alamat web verifikasi",
    "bilingual": "Dwibahasa (Indonesia/Inggris)",
    "lsp_enabled": "Penanda tangan kedua (LSP)",
    "lsp_org": "Nama LSP",
    "lsp_name": "Nama penanda tangan LSP",
    "lsp_title": "Jabatan penanda tangan LSP",
    "lsp_number": "Nomor registrasi penanda tangan LSP",
}


def _read_settings() -> CertificateSettings:
    rows = {row.key: row.value for row in Setting.select().where(Setting.key.in_(list(_SETTING_KEYS.values())))}
    out = CertificateSettings()
    for name, key in _SETTING_KEYS.items():
        if key not in rows:
            continue
        value = rows[key]
        if isinstance(getattr(out, name), bool):
            setattr(out, name, value == "1")
        else:
            setattr(out, name, value)
    if not out.number_template:
        out.number_template = DEFAULT_TEMPLATE
    return out


def get_settings(actor: Actor) -> CertificateSettings:
    require(actor, "certificates.view")
    return _read_settings()


def check_template(template: str) -> str | None:
    """An Indonesian message when ``template`` cannot make unique numbers, else None."""
    try:
        names = {fname.split(".")[0].split("[")[0] for _, fname, _, _ in string.Formatter().parse(template) if fname}
    except ValueError:
        return tr("Format nomor tidak dapat dibaca (periksa tanda kurung kurawal).")
    unknown = names - TEMPLATE_FIELDS
    if unknown:
        return tr("Format nomor memuat isian tak dikenal: {x}. Yang tersedia: {ok}.").format(
            x=", ".join(sorted(unknown)), ok=", ".join("{" + n + "}" for n in sorted(TEMPLATE_FIELDS)))
    if "seq" not in names or "year" not in names:
        return tr("Format nomor wajib memuat {seq} (urutan) dan {year} (tahun) agar nomor tidak kembar.")
    try:
        template.format(seq=7, program="MJH", balai="BRS", month="XI", year=2026)
    except (ValueError, KeyError, IndexError):
        return tr("Format nomor tidak valid; contoh yang benar: {x}").format(x=DEFAULT_TEMPLATE)
    return None


def save_settings(actor: Actor, data: dict[str, Any]) -> CertificateSettings:
    """Change some or all certificate settings (admin). Applies to certificates issued afterwards."""
    require(actor, "certificates.issue")
    before = _read_settings()
    merged = {**before.__dict__, **{k: val for k, val in data.items() if k in _SETTING_KEYS}}
    c = v.Collector()
    L = lambda name: tr(SETTING_LABELS[name])  # noqa: E731
    cleaned: dict[str, Any] = {}
    cleaned["number_template"] = c.take("number_template", v.text, merged["number_template"] or DEFAULT_TEMPLATE,
                                        L("number_template"), required=True, max_length=80)
    if cleaned["number_template"]:
        problem = check_template(cleaned["number_template"])
        if problem:
            c.error("number_template", problem)
    url = c.take("verification_url", v.text, merged["verification_url"], L("verification_url"), max_length=200)
    if url and not re.match(r"^https?://[^\s?#]+(\?[^\s#]*)?$", url):
        c.error("verification_url", tr("Alamat web verifikasi harus diawali http:// atau https:// tanpa spasi."))
    cleaned["verification_url"] = url or ""
    cleaned["bilingual"] = bool(merged["bilingual"])
    cleaned["lsp_enabled"] = bool(merged["lsp_enabled"])
    for name in ("lsp_org", "lsp_name", "lsp_title", "lsp_number"):
        cleaned[name] = c.take(name, v.text, merged[name], L(name), max_length=200) or ""
    if cleaned["lsp_enabled"] and not cleaned.get("lsp_name"):
        c.error("lsp_name", tr("Isi nama penanda tangan LSP, atau matikan penanda tangan kedua."))
    c.raise_if_any(confirm_warnings=True)
    with write_transaction():
        for name, key in _SETTING_KEYS.items():
            value = cleaned[name]
            text = ("1" if value else "0") if isinstance(value, bool) else value
            Setting.insert(key=key, value=text).on_conflict_replace().execute()
        changes = audit.diff(before.__dict__, cleaned)
        if changes:
            audit.record(actor, "update", "setting", None, tr("pengaturan sertifikat"), changes)
    return _read_settings()


def _secret() -> bytes:
    """The per-database HMAC key, created on first use (call inside a write transaction)."""
    row = Setting.get_or_none(Setting.key == KEY_SECRET)
    if row is None:
        value = secrets.token_bytes(32).hex()
        Setting.insert(key=KEY_SECRET, value=value).on_conflict_ignore().execute()
        row = Setting.get(Setting.key == KEY_SECRET)
    return bytes.fromhex(row.value)


# --- numbering ---------------------------------------------------------------


def format_number(template: str, *, seq: int, program_code: str, balai_code: str, issued: dt.date) -> str:
    return template.format(seq=seq, program=program_code, balai=balai_code, month=roman_month(issued.month),
                           year=issued.year)


def _next_sequence(year: int) -> int:
    """Call inside ``write_transaction()`` only (the BEGIN IMMEDIATE lock makes it safe)."""
    current = Certificate.select(fn.MAX(Certificate.sequence)).where(Certificate.year == year).scalar()
    return (current or 0) + 1


# --- verification code ---------------------------------------------------------

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def canonical(snapshot: dict[str, Any]) -> bytes:
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compute_code(secret: bytes, snapshot: dict[str, Any], number: str) -> str:
    digest = hmac.new(secret, canonical(snapshot) + b"\n" + number.encode("utf-8"), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:8], "big") >> 4  # 60 bits -> 12 characters of 5 bits
    chars = "".join(CROCKFORD[(bits >> (5 * i)) & 31] for i in reversed(range(12)))
    return f"{chars[0:4]}-{chars[4:8]}-{chars[8:12]}"


def normalise_code(code: str) -> str:
    """What a person typed, in canonical form: case, spaces and hyphens ignored, and
    Crockford's look-alikes read as the digits the alphabet uses (O -> 0, I/L -> 1),
    since the printed 0 and 1 are easily typed as letters. Scanned payloads are
    never normalised (see ``verify``)."""
    raw = re.sub(r"[\s\-]", "", code or "").upper().translate(_LOOKALIKES)
    if len(raw) != 12:
        return raw
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


def qr_payload(number: str, code: str, url: str) -> str:
    """The text in the QR: the verification address when one is set, else plain text."""
    if url:
        joiner = "&" if "?" in url else "?"
        return f"{url}{joiner}n={quote(number, safe='/')}&c={code}"
    return f"SERTIFIKAT KOMPETENSI\nNo: {number}\nKode: {code}"


_PLAIN = re.compile(r"^SERTIFIKAT KOMPETENSI\nNo: (?P<n>[^\n]+)\nKode: (?P<c>[^\n]+)$")


def parse_payload(payload: str) -> tuple[str, str] | None:
    """(number, code) from a QR payload, or None if it is not one of ours."""
    match = _PLAIN.match(payload)
    if match:
        return match.group("n"), match.group("c")
    if payload.startswith(("http://", "https://")):
        query = parse_qs(urlsplit(payload).query, keep_blank_values=True)
        if len(query.get("n", [])) == 1 and len(query.get("c", [])) == 1:
            return query["n"][0], query["c"][0]
    return None


VALID, REVOKED, INVALID = "VALID", "DICABUT", "TIDAK VALID"


@dataclass
class Verdict:
    status: str  # VALID | DICABUT | TIDAK VALID
    number: str = ""
    holder: str = ""
    program: str = ""
    issued_on: dt.date | None = None
    revoked_at: dt.datetime | None = None
    revoke_reason: str = ""
    replaced_by: str = ""  # the number of the certificate that replaces a revoked one

    @property
    def ok(self) -> bool:
        return self.status == VALID

    def text(self) -> str:
        if self.status == VALID:
            return tr("VALID — No. {n}, atas nama {holder}, program {program}, terbit {date}.").format(
                n=self.number, holder=self.holder, program=self.program, date=format_long(self.issued_on))
        if self.status == REVOKED:
            return tr("DICABUT — No. {n} atas nama {holder} dicabut pada {date}. Alasan: {reason}").format(
                n=self.number, holder=self.holder, date=format_long(self.revoked_at.date() if self.revoked_at else None),
                reason=_sentence(self.revoke_reason)) + (
                " " + tr("Diganti oleh No. {n}.").format(n=self.replaced_by) if self.replaced_by else "")
        return tr("TIDAK VALID — sertifikat tidak dikenal atau data/kode tidak cocok.")


def _sentence(text: str | None) -> str:
    """Free text ended with a full stop, so that a following sentence does not run into it."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _check(cert: Certificate | None, code: str, payload: str | None) -> Verdict:
    if cert is None:
        return Verdict(INVALID)
    snapshot = json.loads(cert.snapshot)
    expected = compute_code(_secret_readonly(), snapshot, cert.number)
    if not (hmac.compare_digest(expected, cert.verification_code) and hmac.compare_digest(expected, code)):
        return Verdict(INVALID)
    photo_hash = hashlib.sha256(bytes(cert.photo)).hexdigest() if cert.photo is not None else None
    if photo_hash != snapshot.get("photo_sha256"):  # the photo is kept beside the snapshot, covered by its hash
        return Verdict(INVALID)
    if payload is not None:
        exact = qr_payload(cert.number, expected, snapshot.get("verification_url", ""))
        if not hmac.compare_digest(exact.encode("utf-8"), payload.encode("utf-8")):
            return Verdict(INVALID)
    verdict = Verdict(
        VALID, cert.number, snapshot["holder"]["name"], snapshot["program"]["name"],
        dt.date.fromisoformat(snapshot["issue"]["date"]),
    )
    if cert.status == "dicabut":
        verdict.status = REVOKED
        verdict.revoked_at = cert.revoked_at
        verdict.revoke_reason = cert.revoke_reason
        successor = Certificate.select(Certificate.number).where(Certificate.replaces == cert.id).first()
        verdict.replaced_by = successor.number if successor else ""
    return verdict


def _secret_readonly() -> bytes:
    row = Setting.get_or_none(Setting.key == KEY_SECRET)
    return bytes.fromhex(row.value) if row else secrets.token_bytes(32)  # no secret: nothing verifies


def verify(payload: str) -> Verdict:
    """Check a scanned QR payload exactly: any changed character gives TIDAK VALID.

    Anyone signed in may verify (it reveals only what the certificate states).
    """
    parsed = parse_payload(payload or "")
    if parsed is None:
        return Verdict(INVALID)
    number, code = parsed
    return _check(Certificate.get_or_none(Certificate.number == number), code, payload)


def verify_code(number: str, code: str) -> Verdict:
    """Check a number and code typed by a person (case, spaces and hyphens in the code ignored)."""
    return _check(Certificate.get_or_none(Certificate.number == (number or "").strip()), normalise_code(code), None)


# --- eligibility ---------------------------------------------------------------


@dataclass
class Candidate:
    enrollment_id: int
    resident_id: int
    name: str
    eligible: bool
    reasons: list[str] = field(default_factory=list)
    attendance_rate: float | None = None  # 0..1
    certificate: str = ""  # number of a valid certificate already held for this enrollment


def _active_units(program_id: int) -> list[CompetencyUnit]:
    from balai_app.services import training

    return list(training.active_units(program_id))


def candidates(actor: Actor, batch_id: int) -> list[Candidate]:
    """Every participant of a batch, with whether a certificate may be issued and why not."""
    require(actor, "certificates.view")
    batch = Batch.get_or_none(Batch.id == batch_id)
    if batch is None:
        raise NotFound(tr("Angkatan No. {id} tidak ditemukan.").format(id=batch_id))
    from balai_app.services import progress  # the training area owns the eligibility rules

    rows = [Candidate(p.enrollment_id, p.resident_id, p.name, bool(p.eligible), list(p.reasons), p.attendance_rate)
            for p in progress.batch_progress(actor, batch_id)]
    held = dict(Certificate.select(Certificate.enrollment, Certificate.number)
                .where((Certificate.batch == batch_id) & (Certificate.status == "berlaku")).tuples())
    for row in rows:
        row.certificate = held.get(row.enrollment_id, "")
    return rows


# --- the snapshot ------------------------------------------------------------------


def _placeholder_logo() -> bytes:
    from balai_app.paths import resource_path

    return resource_path("images", "logo-placeholder.png").read_bytes()


PHOTO_PIXELS = (354, 472)  # 3 x 4 cm at 300 dpi


def certificate_photo(data: bytes) -> bytes:
    """The resident's photo, scaled down to what a 3 x 4 cm frame prints at 300 dpi (keeps the PDF small)."""
    from PIL import Image

    image = Image.open(io.BytesIO(data))
    if image.width <= PHOTO_PIXELS[0] and image.height <= PHOTO_PIXELS[1] and image.format == "JPEG":
        return data
    image = image.convert("RGB")
    image.thumbnail(PHOTO_PIXELS)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()


def build_snapshot(enrollment: Enrollment, issued: dt.date, settings: CertificateSettings) -> tuple[dict, bytes | None]:
    """Everything the certificate will state, as plain JSON values, and the photo bytes."""
    resident: Resident = enrollment.resident
    batch: Batch = enrollment.batch
    program: Program = batch.program
    balai = BalaiProfile.get_or_none(BalaiProfile.id == 1)
    if balai is None:
        raise BalaiError(tr("Profil balai belum diisi; lengkapi dahulu nama, kode dan kepala balai."))
    missing = [label for label, value in ((tr("kode balai"), balai.code), (tr("nama kepala balai"), balai.head_name))
               if not value]
    if missing:
        raise BalaiError(tr("Profil balai belum lengkap: {x}.").format(x=", ".join(missing)))
    units = _active_units(program.id)
    if not units:
        raise BalaiError(tr("Program {p} belum memiliki unit kompetensi aktif.").format(p=program.name))
    photo_row = ResidentPhoto.select(ResidentPhoto.image).where(ResidentPhoto.resident == resident.id).first()
    photo = certificate_photo(bytes(photo_row.image)) if photo_row else None
    logo = bytes(balai.logo) if balai.logo else _placeholder_logo()
    snapshot = {
        "format": SNAPSHOT_FORMAT,
        "holder": {
            "name": resident.name,
            "birth_place": resident.birth_place or "",
            "birth_date": resident.birth_date.isoformat() if resident.birth_date else None,
        },
        "photo_sha256": hashlib.sha256(photo).hexdigest() if photo else None,
        "program": {"code": program.code, "name": program.name, "field": program.field or "", "hours": program.hours},
        "units": [{"code": u.code or "", "title": u.title} for u in units],
        "training": {
            "batch": batch.name,
            "start": (enrollment.start_date or batch.start_date).isoformat(),
            "end": (enrollment.end_date or batch.end_date).isoformat(),
        },
        "issue": {"place": balai.city or "", "date": issued.isoformat()},
        "signatory": {"name": balai.head_name, "title": balai.head_title or tr("Kepala Balai"), "nip": balai.head_nip or ""},
        "second_signatory": (
            {"org": settings.lsp_org, "name": settings.lsp_name, "title": settings.lsp_title, "number": settings.lsp_number}
            if settings.lsp_enabled and settings.lsp_name else None
        ),
        "balai": {
            "name": balai.name,
            "code": balai.code,
            "address": ", ".join(p for p in (balai.address, balai.city) if p),
            "logo_png": base64.b64encode(logo).decode("ascii"),
        },
        "bilingual": settings.bilingual,
        "verification_url": settings.verification_url,
    }
    return snapshot, photo


def render_data(cert: Certificate) -> dict[str, Any]:
    """The dict ``documents.certificate.render_certificates`` draws: the snapshot plus number,
    code, QR payload and photo — all from the stored certificate, nothing from live data."""
    data = json.loads(cert.snapshot)
    data["number"] = cert.number
    data["code"] = cert.verification_code
    data["qr_payload"] = qr_payload(cert.number, cert.verification_code, data.get("verification_url", ""))
    data["photo"] = bytes(cert.photo) if cert.photo is not None else None
    data["revoked"] = cert.status == "dicabut"
    return data


# --- issuing -----------------------------------------------------------------------


@dataclass
class IssueResult:
    issued: list[Certificate] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (name, why)
    warnings: list[str] = field(default_factory=list)  # shown, never blocking


def units_without_code(actor: Actor, batch_id: int) -> list[str]:
    """Titles of the batch program's active units that have no official (SKKNI) code yet.

    A certificate prints '-' for them: the admin is told before issuing, since
    the program never invents official codes.
    """
    require(actor, "certificates.view")
    from balai_app.services import training

    batch = training.get_batch(actor, batch_id)
    return [unit.title for unit in training.active_units(batch.program_id) if not (unit.code or "").strip()]


def missing_codes_warning(titles: list[str]) -> str:
    if not titles:
        return ""
    return tr("{n} unit kompetensi belum memiliki kode resmi (SKKNI) dan akan tercetak '-': {units}. "
              "Lengkapi kodenya di Pelatihan › Program sebelum menerbitkan.").format(
        n=len(titles), units="; ".join(titles[:3]) + (" …" if len(titles) > 3 else ""))


MIN_OVERRIDE_REASON = 10


def _create(actor: Actor, enrollment: Enrollment, issued: dt.date, settings: CertificateSettings,
            override_reason: str = "", replaces: Certificate | None = None) -> Certificate:
    """Inside ``write_transaction()``: allocate the next number and store the certificate."""
    snapshot, photo = build_snapshot(enrollment, issued, settings)
    seq = _next_sequence(issued.year)
    program = enrollment.batch.program
    number = format_number(settings.number_template, seq=seq, program_code=program.code,
                           balai_code=snapshot["balai"]["code"], issued=issued)
    if Certificate.select().where(Certificate.number == number).exists():
        raise BalaiError(tr("Nomor {n} sudah dipakai; periksa format nomor sertifikat di pengaturan.").format(n=number))
    code = compute_code(_secret(), snapshot, number)
    cert = Certificate.create(
        number=number, year=issued.year, sequence=seq, resident=enrollment.resident_id, enrollment=enrollment.id,
        program=program.id, batch=enrollment.batch_id, snapshot=json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
        photo=photo, verification_code=code, status="berlaku", override_reason=override_reason,
        issued_at=utcnow(), issued_by=actor.user_id, replaces=replaces.id if replaces else None,
    )
    summary = f"{number} — {snapshot['holder']['name']}"
    changes = {"nomor": ["", number], "program": ["", program.name]}
    if override_reason:
        changes["alasan_pengecualian"] = ["", override_reason]
    if replaces is not None:
        changes["menggantikan"] = ["", replaces.number]
    audit.record(actor, "issue", "certificate", cert.id, summary, changes)
    return cert


def issue(
    actor: Actor,
    batch_id: int,
    resident_ids: list[int] | None = None,
    *,
    override_reason: str = "",
    issued_on: dt.date | None = None,
) -> IssueResult:
    """Issue certificates for a batch: every eligible participant, or only ``resident_ids``.

    A participant who is not eligible is refused with the reasons, unless
    ``override_reason`` (a written reason, at least 10 characters) is given
    together with explicit ``resident_ids``. A participant already holding a
    valid certificate for this enrollment is refused (use ``reissue``).
    All certificates of one call are numbered consecutively in one transaction.
    """
    require(actor, "certificates.issue")
    override_reason = v.text(override_reason, tr("Alasan pengecualian"), max_length=1000, multiline=True)
    if override_reason and not resident_ids:
        raise ValidationError({"override_reason": tr(
            "Pengecualian hanya untuk peserta yang dipilih satu per satu, bukan seluruh angkatan.")})
    if override_reason and len(override_reason) < MIN_OVERRIDE_REASON:
        raise ValidationError({"override_reason": tr(
            "Tulis alasan pengecualian yang jelas (minimal {n} karakter).").format(n=MIN_OVERRIDE_REASON)})
    issued_on = v.date(issued_on, tr("Tanggal terbit"), earliest=dt.date(2000, 1, 1)) or dt.date.today()
    rows = candidates(actor, batch_id)
    from balai_app.services.sessions import require_ready  # the training area owns when a batch is running

    require_ready(Batch.get_by_id(batch_id), tr("sertifikat"), trainer_or_sessions=True)
    if resident_ids is not None:
        wanted = set(resident_ids)
        found = {row.resident_id for row in rows}
        for rid in sorted(wanted - found):
            who = Resident.get_or_none(Resident.id == rid)
            raise NotFound(tr("{name} bukan peserta angkatan ini.").format(name=who.name if who else f"No. {rid}"))
        rows = [row for row in rows if row.resident_id in wanted]
    result = IssueResult()
    warning = missing_codes_warning(units_without_code(actor, batch_id))
    if warning:
        result.warnings.append(warning)
    settings = _read_settings()
    with write_transaction():
        for row in rows:
            held = Certificate.get_or_none((Certificate.enrollment == row.enrollment_id) & (Certificate.status == "berlaku"))
            if held is not None:
                result.refused.append((row.name, tr("sudah memiliki sertifikat No. {n}").format(n=held.number)))
                continue
            if not row.eligible and not override_reason:
                why = " ".join(row.reasons) or tr("belum memenuhi syarat")
                result.refused.append((row.name, why))
                continue
            enrollment = Enrollment.get_by_id(row.enrollment_id)
            reason = override_reason if not row.eligible else ""
            result.issued.append(_create(actor, enrollment, issued_on, settings, reason))
    return result


def get(actor: Actor, certificate_id: int) -> Certificate:
    require(actor, "certificates.view")
    cert = Certificate.get_or_none(Certificate.id == certificate_id)
    if cert is None:
        raise NotFound(tr("Sertifikat tidak ditemukan."))
    return cert


def find(actor: Actor, number: str) -> Certificate:
    require(actor, "certificates.view")
    cert = Certificate.get_or_none(Certificate.number == (number or "").strip())
    if cert is None:
        raise NotFound(tr("Sertifikat No. {n} tidak ditemukan.").format(n=number))
    return cert


def revoke(actor: Actor, certificate_id: int, reason: str) -> Certificate:
    """Revoke with a written reason; the number is never reused."""
    require(actor, "certificates.revoke")
    reason = v.text(reason, tr("Alasan pencabutan"), max_length=1000, multiline=True)
    if len(reason) < 5:
        raise ValidationError({"reason": tr("Tulis alasan pencabutan (minimal 5 karakter).")})
    with write_transaction():
        cert = get(actor, certificate_id)
        if cert.status == "dicabut":
            raise BalaiError(tr("Sertifikat No. {n} sudah dicabut.").format(n=cert.number))
        _revoke(actor, cert, reason)
    return Certificate.get_by_id(certificate_id)


def _revoke(actor: Actor, cert: Certificate, reason: str) -> None:
    Certificate.update(status="dicabut", revoked_at=utcnow(), revoked_by=actor.user_id, revoke_reason=reason).where(
        Certificate.id == cert.id).execute()
    audit.record(actor, "revoke", "certificate", cert.id, cert.number, {"status": ["berlaku", "dicabut"],
                                                                        "alasan": ["", reason]})


def reissue(actor: Actor, certificate_id: int, reason: str, *, issued_on: dt.date | None = None) -> Certificate:
    """A new certificate (new number, today's data) replacing an old one, which is revoked
    (if it was not already) with ``reason``. Both happen in one transaction."""
    require(actor, "certificates.issue")
    require(actor, "certificates.revoke")
    reason = v.text(reason, tr("Alasan penerbitan ulang"), max_length=1000, multiline=True)
    issued_on = v.date(issued_on, tr("Tanggal terbit"), earliest=dt.date(2000, 1, 1))
    if len(reason) < 5:
        raise ValidationError({"reason": tr("Tulis alasan penerbitan ulang (minimal 5 karakter).")})
    with write_transaction():
        old = get(actor, certificate_id)
        if old.enrollment_id is None:
            raise BalaiError(tr("Sertifikat ini tidak terkait keikutsertaan pelatihan; tidak dapat diterbitkan ulang."))
        if Certificate.select().where(Certificate.replaces == old.id).exists():
            raise BalaiError(tr("Sertifikat No. {n} sudah pernah diganti.").format(n=old.number))
        if old.status == "berlaku":
            _revoke(actor, old, tr("Diterbitkan ulang: {r}").format(r=reason))
        new = _create(actor, Enrollment.get_by_id(old.enrollment_id), issued_on or dt.date.today(), _read_settings(),
                      old.override_reason, replaces=old)
    return new


def record_print(actor: Actor, certificate_ids: list[int], copies: int = 1, how: str = "printer") -> None:
    """Record that certificates were printed (or saved as PDF): who, when, how many copies."""
    require(actor, "certificates.print")
    with write_transaction():
        for cid, number in Certificate.select(Certificate.id, Certificate.number).where(
                Certificate.id.in_(certificate_ids)).tuples():
            audit.record(actor, "print", "certificate", cid, number, {"salinan": ["", copies], "ke": ["", how]})


def render_list(actor: Actor, certificate_ids: list[int], *, printable: bool = True) -> list[dict[str, Any]]:
    """Render dicts for these certificates, in the given order. With ``printable``, a revoked
    certificate is refused (it may be previewed, marked, but not printed)."""
    require(actor, "certificates.print" if printable else "certificates.view")
    by_id = {c.id: c for c in Certificate.select().where(Certificate.id.in_(certificate_ids))}
    out = []
    for cid in certificate_ids:
        cert = by_id.get(cid)
        if cert is None:
            raise NotFound(tr("Sertifikat tidak ditemukan."))
        if printable and cert.status == "dicabut":
            raise BalaiError(tr("Sertifikat No. {n} sudah dicabut dan tidak dapat dicetak.").format(n=cert.number))
        out.append(render_data(cert))
    return out


def write_pdf(actor: Actor, certificate_ids: list[int], target, *, record: bool = True, progress=None) -> int:
    """Render certificates into one PDF at ``target``; recorded as printed (to a file)."""
    from balai_app.documents.certificate import render_certificates

    data = render_list(actor, certificate_ids)
    render_certificates(data, target, progress=progress)
    if record:
        record_print(actor, certificate_ids, 1, "pdf")
    return len(data)


def ids_of_batch(actor: Actor, batch_id: int, *, valid_only: bool = True) -> list[int]:
    require(actor, "certificates.view")
    query = Certificate.select(Certificate.id).where(Certificate.batch == batch_id)
    if valid_only:
        query = query.where(Certificate.status == "berlaku")
    return [cid for (cid,) in query.order_by(Certificate.year, Certificate.sequence).tuples()]


# --- the register -------------------------------------------------------------------


@dataclass
class CertificateFilter:
    text: str = ""
    year: int | None = None
    program_id: int | None = None
    batch_id: int | None = None
    status: str | None = None  # berlaku | dicabut


class CertificateRow(NamedTuple):
    id: int
    number: str
    holder: str
    program: str
    batch: str
    issued_on: dt.date  # the date printed on the certificate
    status: str
    override_reason: str
    revoked_at: dt.datetime | None
    revoke_reason: str
    replaces: str


STATUS_LABELS = {"berlaku": "Berlaku", "dicabut": "Dicabut"}

_HOLDER = fn.json_extract(Certificate.snapshot, "$.holder.name")
_ISSUED_ON = fn.json_extract(Certificate.snapshot, "$.issue.date")


def _filtered(query, flt: CertificateFilter):
    for word in flt.text.split():
        query = query.where(Certificate.number.contains(word) | _HOLDER.contains(word))
    if flt.year:
        query = query.where(Certificate.year == flt.year)
    if flt.program_id:
        query = query.where(Certificate.program == flt.program_id)
    if flt.batch_id:
        query = query.where(Certificate.batch == flt.batch_id)
    if flt.status:
        query = query.where(Certificate.status == flt.status)
    return query


def list_certificates(actor: Actor, flt: CertificateFilter | None = None, *, limit: int = 200,
                      offset: int = 0) -> list[CertificateRow]:
    """One page of the register, newest first; never loads photos or whole snapshots."""
    require(actor, "certificates.view")
    old = Certificate.alias("old")
    query = (
        Certificate.select(Certificate.id, Certificate.number, _HOLDER, Program.name, Batch.name, _ISSUED_ON,
                           Certificate.status, Certificate.override_reason, Certificate.revoked_at,
                           Certificate.revoke_reason, old.number)
        .join(Program, on=(Certificate.program == Program.id))
        .switch(Certificate).join(Batch, JOIN.LEFT_OUTER, on=(Certificate.batch == Batch.id))
        .switch(Certificate).join(old, JOIN.LEFT_OUTER, on=(Certificate.replaces == old.id))
    )
    query = _filtered(query, flt or CertificateFilter())
    query = query.order_by(Certificate.year.desc(), Certificate.sequence.desc()).limit(limit).offset(offset)
    out = []
    for row in query.tuples():
        row = list(row)
        row[4] = row[4] or ""
        row[5] = dt.date.fromisoformat(row[5])
        row[10] = row[10] or ""
        out.append(CertificateRow(*row))
    return out


def count_certificates(actor: Actor, flt: CertificateFilter | None = None) -> int:
    require(actor, "certificates.view")
    return _filtered(Certificate.select(fn.COUNT(Certificate.id)), flt or CertificateFilter()).scalar() or 0


def years(actor: Actor) -> list[int]:
    require(actor, "certificates.view")
    return [y for (y,) in Certificate.select(fn.DISTINCT(Certificate.year)).order_by(Certificate.year.desc()).tuples()]


def programs(actor: Actor) -> list[tuple[int, str]]:
    require(actor, "certificates.view")
    return list(Program.select(Program.id, Program.name).order_by(Program.name).tuples())


def batches(actor: Actor, program_id: int | None = None, *, issuable: bool = False) -> list[tuple[int, str]]:
    """(id, "name (program)") of batches, newest first. ``issuable``: only running and
    finished batches (a planned or cancelled one has nobody to certify), with their status."""
    require(actor, "certificates.view")
    query = (Batch.select(Batch.id, Batch.name, Program.name, Batch.status).join(Program)
             .order_by(Batch.start_date.desc(), Batch.id.desc()))
    if program_id:
        query = query.where(Batch.program == program_id)
    if issuable:
        query = query.where(Batch.status.in_(["berjalan", "selesai"]))
        return [(bid, f"{name} ({pname}) — {codes.label(codes.BATCH_STATUS, status)}")
                for bid, name, pname, status in query.tuples()]
    return [(bid, f"{name} ({pname})") for bid, name, pname, _status in query.tuples()]


def issued_by_name(cert: Certificate) -> str:
    if cert.issued_by_id is None:
        return tr("sistem")
    user = User.get_or_none(User.id == cert.issued_by_id)
    return user.full_name if user else ""
