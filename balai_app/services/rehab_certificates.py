"""Sertifikat Rehabilitasi Sosial (seed 004): issued by an admin at termination.

It reuses the competency certificate's machinery: the snapshot taken at issue
(reprints render from it, never from live data), numbering without gaps in its
own yearly series under ``write_transaction`` (template in the settings),
revocation with a written reason (the number is never reused), and verification
by QR payload or by number and typed code, and the signature: each certificate
is signed with the balai's Ed25519 key (``signing_keys``, issue 14) as a
``domain.signed_payload`` document of kind ``SR``; the typed code derives from
the signature.

What it states never stigmatises the holder: name, place and date of birth, the
period of service, that the PM completed social-rehabilitation services (ATENSI)
at the balai, place, date, signatory. Never the klaster, a disability, the case,
the referral or the reason for coming. The list of services received prints only
when the admin asks for it, as neutral service names.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peewee import fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import BalaiProfile, RehabCertificate, Resident, ResidentPhoto, ServiceRecord, Setting, utcnow
from balai_app.domain import localtime
from balai_app.domain.dates import format_long, roman_month
from balai_app.domain.errors import BalaiError, NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require

SNAPSHOT_FORMAT = 1
KEY_TEMPLATE = "rehab_certificate.number_template"
DEFAULT_TEMPLATE = "{seq:03d}/SRS/{balai}/{month}/{year}"
TEMPLATE_FIELDS = {"seq", "balai", "month", "year"}

# The ATENSI forms as printed on the certificate when the admin asks for the list.
# Sub-kinds of terapi are never printed, and "dukungan aksesibilitas" is left out:
# it would tell a reader that the holder has a disability.
NEUTRAL_SERVICES = {
    "hidup_layak": "Dukungan pemenuhan kebutuhan hidup layak",
    "perawatan_sosial": "Perawatan sosial",
    "dukungan_keluarga": "Dukungan keluarga",
    "terapi": "Terapi",
    "vokasional": "Pelatihan vokasional dan/atau pembinaan kewirausahaan",
    "bantuan_sosial": "Bantuan sosial dan asistensi sosial",
}


@dataclass(frozen=True)
class RehabCertificateRow:
    id: int
    number: str
    resident_id: int
    holder: str
    issued_on: dt.date
    status: str  # berlaku | dicabut
    code: str
    revoke_reason: str

    @property
    def valid(self) -> bool:
        return self.status == "berlaku"


VALID, REVOKED, INVALID = "VALID", "DICABUT", "TIDAK VALID"


@dataclass(frozen=True)
class Verdict:
    status: str
    number: str = ""
    holder: str = ""
    issued_on: dt.date | None = None
    revoke_reason: str = ""
    note: str = ""
    revoked_at: dt.datetime | None = None  # UTC as stored
    zone: str = localtime.DEFAULT_ZONE

    @property
    def ok(self) -> bool:
        return self.status == VALID

    def text(self) -> str:
        if self.status == VALID:
            return tr("VALID — Sertifikat Rehabilitasi Sosial No. {n}, atas nama {h}, terbit {d}.").format(
                n=self.number, h=self.holder, d=format_long(self.issued_on)) + (f" {self.note}" if self.note else "")
        if self.status == REVOKED:
            text = tr("DICABUT — Sertifikat Rehabilitasi Sosial No. {n} atas nama {h} dicabut pada {date} pukul {time}. "
                      "Alasan: {r}").format(n=self.number, h=self.holder, r=self.revoke_reason.rstrip("."),
                                             date=format_long(localtime.local_date(self.revoked_at, self.zone)),
                                             time=localtime.format_clock(self.revoked_at, self.zone))
            return text.rstrip(".") + "."
        return tr("TIDAK VALID — sertifikat tidak dikenal atau data/kode tidak cocok.")


def _row(cert: RehabCertificate) -> RehabCertificateRow:
    snapshot = json.loads(cert.snapshot)
    return RehabCertificateRow(cert.id, cert.number, cert.resident_id, snapshot["holder"]["name"],
                               dt.date.fromisoformat(snapshot["issue"]["date"]), cert.status, cert.verification_code,
                               cert.revoke_reason)


# --- settings ----------------------------------------------------------------------------


def number_template() -> str:
    row = Setting.get_or_none(Setting.key == KEY_TEMPLATE)
    return row.value if row else DEFAULT_TEMPLATE


def check_template(template: str) -> str | None:
    """An Indonesian message when the template cannot number certificates without clashes."""
    fields = set(re.findall(r"{(\w+)(?::[^}]*)?}", template))
    unknown = fields - TEMPLATE_FIELDS
    if unknown:
        return tr("Format nomor memuat isian tidak dikenal: {x}.").format(x=", ".join(sorted(unknown)))
    if "seq" not in fields or "year" not in fields:
        return tr("Format nomor harus memuat {seq} dan {year} agar setiap nomor berbeda.")
    try:
        template.format(seq=1, balai="X", month="I", year=2026)
    except (ValueError, IndexError, KeyError):
        return tr("Format nomor tidak dapat dipakai; periksa tanda kurung kurawal.")
    return None


def set_number_template(actor: Actor, template: str) -> str:
    require(actor, "settings.edit")
    template = v.text(template, tr("Format nomor sertifikat rehabilitasi sosial"), required=True, max_length=100)
    problem = check_template(template)
    if problem:
        raise ValidationError({"template": problem})
    with write_transaction():
        before = number_template()
        Setting.insert(key=KEY_TEMPLATE, value=template).on_conflict_replace().execute()
        audit.record(actor, "update", "setting", None, KEY_TEMPLATE, {KEY_TEMPLATE: [before, template]})
    return template


# --- the signature (issue 14's Ed25519 core, document kind "SR") ---------------------------

KIND = "SR"


def signed_document(snapshot: dict[str, Any], number: str, kid: str) -> dict[str, Any]:
    """What the QR carries and the signature covers: name, birth date, period of service,
    issue date, balai, and a digest of the whole snapshot. Nothing else (no klaster, no case)."""
    from balai_app.domain import signed_payload

    return {
        "v": signed_payload.FORMAT, "t": KIND, "k": kid, "n": number, "h": snapshot["holder"]["name"],
        "b": snapshot["holder"].get("birth_date"), "s": snapshot["service"]["start"],
        "e": snapshot["service"]["end"], "d": snapshot["issue"]["date"], "c": snapshot["balai"]["code"],
        # Everything a reprint shows (place of birth, the service list, signatory, ...), as a digest:
        # a changed row no longer matches what was signed.
        "z": hashlib.sha256(json.dumps(snapshot, sort_keys=True, ensure_ascii=False,
                                       separators=(",", ":")).encode("utf-8")).hexdigest()[:16],
    }


def qr_payload(cert: RehabCertificate) -> str:
    from balai_app.domain import signed_payload

    return signed_payload.qr_text(cert.payload, json.loads(cert.snapshot).get("verification_url", ""))


# --- issuing ----------------------------------------------------------------------------


def _resident(resident_id: int) -> Resident:
    key = v.record_id(resident_id)
    resident = Resident.get_or_none(Resident.id == key) if key is not None else None
    if resident is None:
        raise NotFound(tr("Penerima Manfaat No. {id} tidak ditemukan.").format(id=str(resident_id)[:20]))
    return resident


def check_eligible(resident: Resident) -> None:
    """Only at termination: status Selesai/Terminasi, with its exit date."""
    if resident.status != "selesai" or resident.exit_date is None:
        raise ValidationError({"resident": tr(
            "Sertifikat rehabilitasi sosial diterbitkan saat terminasi: ubah dahulu status {name} menjadi "
            "Selesai/Terminasi dengan tanggal keluarnya.").format(name=resident.name)})


def build_snapshot(resident: Resident, issued: dt.date, *, with_services: bool) -> tuple[dict, bytes | None]:
    from balai_app.services.certificates_settings import read_settings
    from balai_app.services.certificates_snapshot import certificate_photo

    balai = BalaiProfile.get_or_none(BalaiProfile.id == 1)
    if balai is None or not balai.code or not balai.head_name:
        raise BalaiError(tr("Profil balai belum lengkap: isi nama, kode dan kepala balai."))
    photo_row = ResidentPhoto.select(ResidentPhoto.image).where(ResidentPhoto.resident == resident.id).first()
    photo = certificate_photo(bytes(photo_row.image)) if photo_row else None
    services = None
    if with_services:
        given = {k for (k,) in ServiceRecord.select(fn.DISTINCT(ServiceRecord.kind))
                 .where(ServiceRecord.resident == resident.id).tuples()}
        services = [tr(label) for kind, label in NEUTRAL_SERVICES.items() if kind in given]
    snapshot = {
        "format": SNAPSHOT_FORMAT,
        "holder": {"name": resident.name, "birth_place": resident.birth_place or "",
                   "birth_date": resident.birth_date.isoformat() if resident.birth_date else None},
        "photo_sha256": hashlib.sha256(photo).hexdigest() if photo else None,
        "service": {"start": resident.entry_date.isoformat(), "end": resident.exit_date.isoformat()},
        "services": services,
        "issue": {"place": balai.city or "", "date": issued.isoformat()},
        "signatory": {"name": balai.head_name, "title": balai.head_title or tr("Kepala Balai"),
                      "nip": balai.head_nip or ""},
        "balai": {"name": balai.name, "code": balai.code,
                  "address": ", ".join(p for p in (balai.address, balai.city) if p),
                  "logo_png": base64.b64encode(bytes(balai.logo)).decode("ascii") if balai.logo else None},
        "verification_url": read_settings().verification_url,
    }
    return snapshot, photo


def issue(actor: Actor, resident_id: int, *, with_services: bool = False,
          issued_on: dt.date | None = None) -> RehabCertificateRow:
    """Issue the PM's certificate: the next number of the year, in one transaction."""
    require(actor, "rehab_certificates.issue")
    resident = _resident(resident_id)
    check_eligible(resident)
    issued = v.date(issued_on, tr("Tanggal terbit"), earliest=dt.date(2000, 1, 1)) or dt.date.today()
    if issued < resident.exit_date:
        raise ValidationError({"issued_on": tr("Tanggal terbit tidak boleh sebelum tanggal terminasi ({d}).").format(
            d=format_long(resident.exit_date))})
    template = number_template()
    from balai_app.domain import signed_payload
    from balai_app.services import signing_keys

    kid, private_key = signing_keys.current_private_key(actor)
    with write_transaction():
        held = RehabCertificate.get_or_none((RehabCertificate.resident == resident.id)
                                            & (RehabCertificate.status == "berlaku"))
        if held is not None:
            raise ValidationError({"resident": tr("{name} sudah memiliki sertifikat rehabilitasi sosial No. {n}.")
                                   .format(name=resident.name, n=held.number)})
        snapshot, photo = build_snapshot(resident, issued, with_services=with_services)
        seq = (RehabCertificate.select(fn.MAX(RehabCertificate.sequence))
               .where(RehabCertificate.year == issued.year).scalar() or 0) + 1
        number = template.format(seq=seq, balai=snapshot["balai"]["code"], month=roman_month(issued.month),
                                 year=issued.year)
        if RehabCertificate.select().where(RehabCertificate.number == number).exists():
            raise BalaiError(tr("Nomor {n} sudah dipakai; periksa format nomor di pengaturan.").format(n=number))
        payload = signed_payload.sign(signed_document(snapshot, number, kid), private_key)
        signature = signed_payload.b64url_decode(payload.split(".")[1])
        cert = RehabCertificate.create(
            number=number, year=issued.year, sequence=seq, resident=resident.id,
            snapshot=json.dumps(snapshot, ensure_ascii=False, sort_keys=True), photo=photo,
            verification_code=signed_payload.typed_code(signature), payload=payload, key_id=kid,
            status="berlaku", issued_at=utcnow(), issued_by=actor.user_id)
        audit.record(actor, "issue", "rehab_certificate", cert.id, f"{number} — {resident.name}",
                     {"nomor": ["", number]})
    return _row(cert)


def _get(certificate_id: int) -> RehabCertificate:
    cert = RehabCertificate.get_or_none(RehabCertificate.id == v.record_id(certificate_id))
    if cert is None:
        raise NotFound(tr("Sertifikat rehabilitasi sosial tidak ditemukan."))
    return cert


def find(actor: Actor, number: str) -> RehabCertificateRow:
    require(actor, "rehab_certificates.view")
    cert = RehabCertificate.get_or_none(RehabCertificate.number == str(number or "").strip())
    if cert is None:
        raise NotFound(tr("Sertifikat rehabilitasi sosial No. {n} tidak ditemukan.").format(n=str(number)[:100]))
    return _row(cert)


def of_resident(actor: Actor, resident_id: int) -> list[RehabCertificateRow]:
    require(actor, "rehab_certificates.view")
    return [_row(c) for c in RehabCertificate.select().where(RehabCertificate.resident == resident_id)
            .order_by(RehabCertificate.issued_at.desc(), RehabCertificate.id.desc())]


def revoke(actor: Actor, certificate_id: int, reason: str) -> RehabCertificateRow:
    require(actor, "rehab_certificates.revoke")
    reason = v.text(reason, tr("Alasan pencabutan"), max_length=1000, multiline=True)
    if len(reason) < 5:
        raise ValidationError({"reason": tr("Tulis alasan pencabutan (minimal 5 karakter).")})
    with write_transaction():
        cert = _get(certificate_id)
        if cert.status == "dicabut":
            raise BalaiError(tr("Sertifikat No. {n} sudah dicabut.").format(n=cert.number))
        RehabCertificate.update(status="dicabut", revoked_at=utcnow(), revoked_by=actor.user_id,
                                revoke_reason=reason).where(RehabCertificate.id == cert.id).execute()
        audit.record(actor, "revoke", "rehab_certificate", cert.id, cert.number,
                     {"status": ["berlaku", "dicabut"], "alasan": ["", reason]})
    return _row(_get(certificate_id))


# --- verification --------------------------------------------------------------------------


def _intact(cert: RehabCertificate, decoded) -> bool:
    """The stored row (what a reprint shows) still says what was signed."""
    snapshot = json.loads(cert.snapshot)
    photo_hash = hashlib.sha256(bytes(cert.photo)).hexdigest() if cert.photo is not None else None
    return (cert.payload == decoded.payload and photo_hash == snapshot.get("photo_sha256")
            and signed_document(snapshot, cert.number, decoded.key_id) == decoded.document)


def _verdict(decoded) -> Verdict:
    if decoded is None or decoded.document.get("t") != KIND:
        return Verdict(INVALID)
    doc = decoded.document
    cert = RehabCertificate.get_or_none(RehabCertificate.number == str(doc["n"]))
    issued = dt.date.fromisoformat(doc["d"])
    if cert is None:
        # Signed by this balai, unknown to this database (a copy from before it was issued).
        return Verdict(VALID, str(doc["n"]), str(doc["h"]), issued, note=tr(
            "Nomor ini tidak ada di basis data ini; status pencabutan tidak diketahui."))
    if not _intact(cert, decoded):
        return Verdict(INVALID)
    if cert.status == "dicabut":
        return Verdict(REVOKED, cert.number, str(doc["h"]), issued, cert.revoke_reason, revoked_at=cert.revoked_at,
                       zone=audit.zone())
    return Verdict(VALID, cert.number, str(doc["h"]), issued)


def verify(payload: str) -> Verdict:
    """What the QR holds (URL form or bare payload), exactly: any changed character gives TIDAK VALID."""
    from balai_app.domain import signed_payload
    from balai_app.services import signing_keys

    return _verdict(signed_payload.verify((payload or "").strip(), signing_keys.public_keys()))


def verify_code(number: str, code: str) -> Verdict:
    """A number and the code printed beside the QR, as a person typed them."""
    from balai_app.domain import signed_payload
    from balai_app.services import signing_keys
    from balai_app.services.certificates_verify import normalise_code

    cert = RehabCertificate.get_or_none(RehabCertificate.number == (number or "").strip())
    if cert is None or not cert.payload:
        return Verdict(INVALID)
    decoded = signed_payload.verify(cert.payload, signing_keys.public_keys())
    if decoded is None or not hmac.compare_digest(decoded.code, normalise_code(code)):
        return Verdict(INVALID)
    return _verdict(decoded)


# --- printing --------------------------------------------------------------------------------


def render_data(cert: RehabCertificate) -> dict[str, Any]:
    data = json.loads(cert.snapshot)
    data.update(number=cert.number, code=cert.verification_code, qr_payload=qr_payload(cert),
                photo=bytes(cert.photo) if cert.photo is not None else None,
                revoked=cert.status == "dicabut")
    return data


def write_pdf(actor: Actor, number: str, target) -> Path:
    """The certificate as an A4 PDF from its snapshot; a revoked one is refused. Audited as a print."""
    require(actor, "rehab_certificates.print")
    cert = RehabCertificate.get_or_none(RehabCertificate.number == str(number or "").strip())
    if cert is None:
        raise NotFound(tr("Sertifikat rehabilitasi sosial No. {n} tidak ditemukan.").format(n=str(number)[:100]))
    if cert.status == "dicabut":
        raise BalaiError(tr("Sertifikat No. {n} sudah dicabut dan tidak dapat dicetak.").format(n=cert.number))
    from balai_app.documents.rehab_certificate import pdf_bytes

    target = Path(target)
    content = pdf_bytes(render_data(cert))
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_bytes(content)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError({"path": tr("Berkas '{p}' tidak dapat ditulis: {e}").format(
            p=target, e=exc.strerror or exc)}) from None
    with write_transaction():
        audit.record(actor, "print", "rehab_certificate", cert.id, cert.number, {"ke": ["", "pdf"]})
    return target
