"""Issuing, reissuing and revoking certificates; numbering and the issue-date rules.

Numbers come from a template (Setting ``certificate.number_template``) with a
sequence per year taken as ``max(sequence) + 1`` inside a ``BEGIN IMMEDIATE``
transaction: two processes issuing at once wait for each other, so numbers are
unique and gap-free, and never reused (a revoked certificate keeps its row).

Issue date: never before the end of the holder's training or their last
assessment, never in the future (at the balai's time zone), and never earlier
than the newest certificate already numbered in that year, so that numbers read
in date order in the register, as in an agenda book.

Each certificate is signed with the balai's Ed25519 key (``signing_keys``): the
payload is stored beside it and its typed code is derived from the signature.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from peewee import fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import Batch, Certificate, Enrollment, Resident, UnitAssessment, User, utcnow
from balai_app.domain import localtime, signed_payload
from balai_app.domain.dates import format_long
from balai_app.domain.errors import BalaiError, NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, certificates_settings as cs, signing_keys, validation as v
from balai_app.services.certificates_snapshot import build_snapshot, holder_period, signed_document
from balai_app.services.context import Actor
from balai_app.services.permissions import require

MIN_OVERRIDE_REASON = 10


# --- what the services hand out ---------------------------------------------------------


@dataclass(frozen=True)
class CertificateInfo:
    id: int
    number: str
    year: int
    sequence: int
    resident_id: int
    enrollment_id: int | None
    program_id: int
    batch_id: int | None
    holder: str
    program: str
    issued_on: dt.date
    status: str  # berlaku | dicabut
    override_reason: str
    issued_at: dt.datetime  # UTC
    revoked_at: dt.datetime | None  # UTC
    revoke_reason: str
    replaces_id: int | None
    verification_code: str
    key_id: str  # empty: an older certificate with an HMAC code

    @property
    def signed(self) -> bool:
        return bool(self.key_id)


def info(cert: Certificate) -> CertificateInfo:
    snapshot = json.loads(cert.snapshot)
    return CertificateInfo(
        id=cert.id, number=cert.number, year=cert.year, sequence=cert.sequence, resident_id=cert.resident_id,
        enrollment_id=cert.enrollment_id, program_id=cert.program_id, batch_id=cert.batch_id,
        holder=snapshot["holder"]["name"], program=snapshot["program"]["name"],
        issued_on=dt.date.fromisoformat(snapshot["issue"]["date"]), status=cert.status,
        override_reason=cert.override_reason, issued_at=cert.issued_at, revoked_at=cert.revoked_at,
        revoke_reason=cert.revoke_reason, replaces_id=cert.replaces_id, verification_code=cert.verification_code,
        key_id=cert.key_id or "",
    )


@dataclass(frozen=True)
class Candidate:
    enrollment_id: int
    resident_id: int
    name: str
    eligible: bool
    reasons: tuple[str, ...] = ()
    attendance_rate: float | None = None  # 0..1
    certificate: str = ""  # number of a valid certificate already held for this enrollment
    units_competent: int = 0
    units_total: int = 0


@dataclass(frozen=True)
class IssueResult:
    issued: tuple[CertificateInfo, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()  # (name, why)
    warnings: tuple[str, ...] = ()  # shown, never blocking


# --- eligibility ------------------------------------------------------------------------


def candidates(actor: Actor, batch_id: int) -> list[Candidate]:
    """Every participant of a batch, with whether a certificate may be issued and why not."""
    require(actor, "certificates.view")
    batch = Batch.get_or_none(Batch.id == batch_id)
    if batch is None:
        raise NotFound(tr("Angkatan No. {id} tidak ditemukan.").format(id=batch_id))
    from balai_app.services import progress  # the training area owns the eligibility rules

    held = dict(Certificate.select(Certificate.enrollment, Certificate.number)
                .where((Certificate.batch == batch_id) & (Certificate.status == "berlaku")).tuples())
    return [Candidate(p.enrollment_id, p.resident_id, p.name, bool(p.eligible), tuple(p.reasons), p.attendance_rate,
                      held.get(p.enrollment_id, ""), p.units_competent, p.units_total)
            for p in progress.batch_progress(actor, batch_id)]


def units_without_code(actor: Actor, batch_id: int) -> list[str]:
    """Titles of the batch program's active units that have no official (SKKNI) code yet.

    A certificate prints '-' for them: the admin is told before issuing, since
    the program never invents official codes.
    """
    require(actor, "certificates.view")
    from balai_app.services import curriculum, training

    batch = training.get_batch(actor, batch_id)
    return [unit.title for unit in curriculum.active_units(batch.program_id) if not (unit.code or "").strip()]


def missing_codes_warning(titles: list[str]) -> str:
    if not titles:
        return ""
    return tr("{n} unit kompetensi belum memiliki kode resmi (SKKNI) dan akan tercetak '-': {units}. "
              "Lengkapi kodenya di Pelatihan › Program sebelum menerbitkan.").format(
        n=len(titles), units="; ".join(titles[:3]) + (" …" if len(titles) > 3 else ""))


# --- issue dates ------------------------------------------------------------------------


def balai_today() -> dt.date:
    return localtime.today(cs.zone())


def year_floor(year: int) -> tuple[dt.date, str] | None:
    """(issue date, number) of the newest certificate already numbered in ``year``."""
    row = (Certificate.select(Certificate.number, Certificate.snapshot).where(Certificate.year == year)
           .order_by(Certificate.sequence.desc()).first())
    if row is None:
        return None
    return dt.date.fromisoformat(json.loads(row.snapshot)["issue"]["date"]), row.number


def earliest_for(enrollment: Enrollment) -> dt.date:
    """The first day a certificate may be dated for this enrollment: the end of the holder's
    training, or their last unit assessment if that came later."""
    _start, end, _whole = holder_period(enrollment, enrollment.batch)
    last = UnitAssessment.select(fn.MAX(UnitAssessment.date)).where(UnitAssessment.enrollment == enrollment.id).scalar()
    if isinstance(last, str):
        last = dt.date.fromisoformat(last)
    return max(end, last) if last else end


def _check_issue_date(issued_on: dt.date) -> None:
    """Inside the write transaction: the date is not in the future and keeps numbers in date order."""
    today = balai_today()
    if issued_on > today:
        raise ValidationError({"issued_on": tr("Tanggal terbit tidak boleh di masa depan; paling lambat {d}.").format(
            d=format_long(today))})
    floor = year_floor(issued_on.year)
    if floor and issued_on < floor[0]:
        raise ValidationError({"issued_on": tr(
            "Tanggal terbit paling awal yang diizinkan adalah {d}: sertifikat terakhir tahun {y} (No. {n}) bertanggal "
            "{d}, dan nomor di register harus urut menurut tanggal.").format(
            d=format_long(floor[0]), y=issued_on.year, n=floor[1])})


# --- issuing ----------------------------------------------------------------------------


def _next_sequence(year: int) -> int:
    """Call inside ``write_transaction()`` only (the BEGIN IMMEDIATE lock makes it safe)."""
    current = Certificate.select(fn.MAX(Certificate.sequence)).where(Certificate.year == year).scalar()
    return (current or 0) + 1


def _create(actor: Actor, enrollment: Enrollment, issued: dt.date, settings: cs.CertificateSettings, signer,
            override_reason: str = "", replaces: Certificate | None = None) -> Certificate:
    """Inside ``write_transaction()``: allocate the next number, sign and store the certificate."""
    kid, private_key = signer
    snapshot, photo = build_snapshot(enrollment, issued, settings, actor)
    seq = _next_sequence(issued.year)
    program = enrollment.batch.program
    number = cs.format_number(settings.number_template, seq=seq, program_code=program.code,
                              balai_code=snapshot["balai"]["code"], issued=issued)
    if Certificate.select().where(Certificate.number == number).exists():
        raise BalaiError(tr("Nomor {n} sudah dipakai; periksa format nomor sertifikat di pengaturan.").format(n=number))
    payload = signed_payload.sign(signed_document(snapshot, number, kid), private_key)
    signature = signed_payload.b64url_decode(payload.split(".")[1])
    from balai_app.documents.certificate import qr_drawing, qr_matrix

    qr = qr_matrix(signed_payload.qr_text(payload, snapshot.get("verification_url", "")))  # once, not per print
    cert = Certificate.create(
        number=number, year=issued.year, sequence=seq, resident=enrollment.resident_id, enrollment=enrollment.id,
        program=program.id, batch=enrollment.batch_id,
        snapshot=json.dumps(snapshot, ensure_ascii=False, sort_keys=True), photo=photo,
        verification_code=signed_payload.typed_code(signature), payload=payload, key_id=kid, qr=qr,
        qr_drawing=qr_drawing(qr), status="berlaku", override_reason=override_reason, issued_at=utcnow(),
        issued_by=actor.user_id,
        replaces=replaces.id if replaces else None,
    )
    summary = f"{number} — {snapshot['holder']['name']}"
    changes = {"nomor": ["", number], "program": ["", program.name],
               "unit_kompeten": ["", f"{len(snapshot['units'])}/{snapshot['units_total']}"]}
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
    together with explicit ``resident_ids``; such a certificate lists only the
    units found Kompeten. A participant already holding a valid certificate for
    this enrollment is refused (use ``reissue``). All certificates of one call are
    numbered consecutively in one transaction.
    """
    require(actor, "certificates.issue")
    override_reason = v.text(override_reason, tr("Alasan pengecualian"), max_length=1000, multiline=True)
    if override_reason and not resident_ids:
        raise ValidationError({"override_reason": tr(
            "Pengecualian hanya untuk peserta yang dipilih satu per satu, bukan seluruh angkatan.")})
    if override_reason and len(override_reason) < MIN_OVERRIDE_REASON:
        raise ValidationError({"override_reason": tr(
            "Tulis alasan pengecualian yang jelas (minimal {n} karakter).").format(n=MIN_OVERRIDE_REASON)})
    issued_on = v.date(issued_on, tr("Tanggal terbit"), earliest=dt.date(2000, 1, 1)) or balai_today()
    rows = candidates(actor, batch_id)
    from balai_app.services.batch_ready import require_ready  # the training area owns when a batch is running

    require_ready(Batch.get_by_id(batch_id), tr("sertifikat"), trainer_or_sessions=True)
    if resident_ids is not None:
        wanted = set(resident_ids)
        found = {row.resident_id for row in rows}
        for rid in sorted(wanted - found):
            who = Resident.get_or_none(Resident.id == rid)
            raise NotFound(tr("{name} bukan peserta angkatan ini.").format(name=who.name if who else f"No. {rid}"))
        rows = [row for row in rows if row.resident_id in wanted]
    warnings = []
    warning = missing_codes_warning(units_without_code(actor, batch_id))
    if warning:
        warnings.append(warning)
    settings = cs.read_settings()
    issued: list[CertificateInfo] = []
    refused: list[tuple[str, str]] = []
    signer = None
    with write_transaction():
        _check_issue_date(issued_on)
        for row in rows:
            held = Certificate.get_or_none((Certificate.enrollment == row.enrollment_id) & (Certificate.status == "berlaku"))
            if held is not None:
                refused.append((row.name, tr("sudah memiliki sertifikat No. {n}").format(n=held.number)))
                continue
            if not row.eligible and not override_reason:
                refused.append((row.name, " ".join(row.reasons) or tr("belum memenuhi syarat")))
                continue
            enrollment = Enrollment.get_by_id(row.enrollment_id)
            earliest = earliest_for(enrollment)
            if issued_on < earliest:
                refused.append((row.name, tr("tanggal terbit paling awal untuk peserta ini {d} (akhir pelatihan atau "
                                             "asesmen terakhirnya)").format(d=format_long(earliest))))
                continue
            if signer is None:
                signer = signing_keys.current_private_key(actor)
            reason = override_reason if not row.eligible else ""
            issued.append(info(_create(actor, enrollment, issued_on, settings, signer, reason)))
    return IssueResult(tuple(issued), tuple(refused), tuple(warnings))


def load_row(certificate_id: int) -> Certificate:
    """The row itself, for other services only (never above services/)."""
    cert = Certificate.get_or_none(Certificate.id == certificate_id)
    if cert is None:
        raise NotFound(tr("Sertifikat tidak ditemukan."))
    return cert


def get(actor: Actor, certificate_id: int) -> CertificateInfo:
    require(actor, "certificates.view")
    return info(load_row(certificate_id))


def find(actor: Actor, number: str) -> CertificateInfo:
    require(actor, "certificates.view")
    cert = Certificate.get_or_none(Certificate.number == (number or "").strip())
    if cert is None:
        raise NotFound(tr("Sertifikat No. {n} tidak ditemukan.").format(n=number))
    return info(cert)


def revoke(actor: Actor, certificate_id: int, reason: str) -> CertificateInfo:
    """Revoke with a written reason; the number is never reused."""
    require(actor, "certificates.revoke")
    reason = v.text(reason, tr("Alasan pencabutan"), max_length=1000, multiline=True)
    if len(reason) < 5:
        raise ValidationError({"reason": tr("Tulis alasan pencabutan (minimal 5 karakter).")})
    with write_transaction():
        cert = load_row(certificate_id)
        if cert.status == "dicabut":
            raise BalaiError(tr("Sertifikat No. {n} sudah dicabut.").format(n=cert.number))
        _revoke(actor, cert, reason)
    return info(load_row(certificate_id))


def _revoke(actor: Actor, cert: Certificate, reason: str) -> None:
    Certificate.update(status="dicabut", revoked_at=utcnow(), revoked_by=actor.user_id, revoke_reason=reason).where(
        Certificate.id == cert.id).execute()
    audit.record(actor, "revoke", "certificate", cert.id, cert.number, {"status": ["berlaku", "dicabut"],
                                                                        "alasan": ["", reason]})


def reissue(actor: Actor, certificate_id: int, reason: str, *, issued_on: dt.date | None = None) -> CertificateInfo:
    """A new certificate (new number, today's data) replacing an old one, which is revoked
    (if it was not already) with ``reason``. Both happen in one transaction."""
    require(actor, "certificates.issue")
    require(actor, "certificates.revoke")
    reason = v.text(reason, tr("Alasan penerbitan ulang"), max_length=1000, multiline=True)
    issued_on = v.date(issued_on, tr("Tanggal terbit"), earliest=dt.date(2000, 1, 1)) or balai_today()
    if len(reason) < 5:
        raise ValidationError({"reason": tr("Tulis alasan penerbitan ulang (minimal 5 karakter).")})
    signer = signing_keys.current_private_key(actor)
    with write_transaction():
        old = load_row(certificate_id)
        if old.enrollment_id is None:
            raise BalaiError(tr("Sertifikat ini tidak terkait keikutsertaan pelatihan; tidak dapat diterbitkan ulang."))
        if Certificate.select().where(Certificate.replaces == old.id).exists():
            raise BalaiError(tr("Sertifikat No. {n} sudah pernah diganti.").format(n=old.number))
        _check_issue_date(issued_on)
        enrollment = Enrollment.get_by_id(old.enrollment_id)
        earliest = earliest_for(enrollment)
        if issued_on < earliest:
            raise ValidationError({"issued_on": tr("Tanggal terbit paling awal untuk peserta ini adalah {d}.").format(
                d=format_long(earliest))})
        if old.status == "berlaku":
            _revoke(actor, old, tr("Diterbitkan ulang: {r}").format(r=reason))
        new = _create(actor, enrollment, issued_on, cs.read_settings(), signer, old.override_reason, replaces=old)
    return info(new)


def record_print(actor: Actor, certificate_ids: list[int], copies: int = 1, how: str = "printer") -> None:
    """Record that certificates were printed (or saved as PDF): who, when, how many copies."""
    require(actor, "certificates.print")
    with write_transaction():
        for cid, number in Certificate.select(Certificate.id, Certificate.number).where(
                Certificate.id.in_(certificate_ids)).tuples():
            audit.record(actor, "print", "certificate", cid, number, {"salinan": ["", copies], "ke": ["", how]})


def issued_by_name(cert: CertificateInfo | Certificate) -> str:
    row = Certificate.get_or_none(Certificate.id == cert.id)
    if row is None or row.issued_by_id is None:
        return tr("sistem")
    user = User.get_or_none(User.id == row.issued_by_id)
    return user.full_name if user else ""
