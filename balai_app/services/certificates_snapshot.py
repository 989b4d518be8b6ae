"""What a certificate states: the snapshot taken at issue, its signed payload, and the
render data the document draws.

Every line must be true (issue 14):
- units: only those the holder was found Kompeten in (latest verdict); when that
  is not every active unit of the program, the wording says so;
- period: the holder's own enrollment period within the batch;
- hours: the program's planned hours only when the holder followed the whole
  batch period, otherwise the hours of the sessions attended, stated as such;
- no invented emblem: without a logo, none prints.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
from typing import Any

from balai_app.db.models import (
    Attendance,
    BalaiProfile,
    Batch,
    Certificate,
    Enrollment,
    Program,
    Resident,
    ResidentPhoto,
    TrainingSession,
)
from balai_app.domain import signed_payload
from balai_app.domain.signed_payload import legacy_qr_payload
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services import certificates_settings as cs

SNAPSHOT_FORMAT = 2
PHOTO_PIXELS = (354, 472)  # 3 x 4 cm at 300 dpi
MINUTES_PER_HOUR = 60


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


def _minutes(start: str, end: str) -> int | None:
    try:
        h1, m1 = (int(x) for x in start.split(":"))
        h2, m2 = (int(x) for x in end.split(":"))
    except (ValueError, AttributeError):
        return None
    minutes = (h2 * 60 + m2) - (h1 * 60 + m1)
    return minutes if minutes > 0 else None


def attended_hours(enrollment: Enrollment, program: Program) -> int:
    """Hours of the sessions the holder attended (Hadir) within their period. A session
    without start and end times counts the program's planned hours shared equally over
    the batch's sessions."""
    sessions = list(TrainingSession.select(TrainingSession.id, TrainingSession.start_time, TrainingSession.end_time)
                    .where(TrainingSession.batch == enrollment.batch_id))
    if not sessions:
        return 0
    per_session = (program.hours or 0) * MINUTES_PER_HOUR / len(sessions)
    present = {sid for (sid,) in Attendance.select(Attendance.session).where(
        (Attendance.enrollment == enrollment.id) & (Attendance.status == "H")).tuples()}
    minutes = 0.0
    for s in sessions:
        if s.id in present:
            span = _minutes(s.start_time, s.end_time)
            minutes += span if span is not None else per_session
    return int(minutes // MINUTES_PER_HOUR)


def holder_period(enrollment: Enrollment, batch: Batch) -> tuple[dt.date, dt.date, bool]:
    """(start, end, whole): the holder's own period within the batch, and whether it is the whole batch."""
    start = max(enrollment.start_date or batch.start_date, batch.start_date)
    end = enrollment.end_date or batch.end_date
    if enrollment.status in ("mengundurkan_diri", "dikeluarkan") and enrollment.status_date:
        end = min(end, enrollment.status_date)
    end = max(min(end, batch.end_date), start)
    return start, end, start <= batch.start_date and end >= batch.end_date


def competent_units(enrollment: Enrollment, actor) -> tuple[list[dict[str, str]], int]:
    """(units found Kompeten, in program order; number of active units of the program)."""
    from balai_app.services import curriculum, progress

    units = curriculum.active_units(enrollment.batch.program_id)
    verdicts = progress.enrollment_progress(actor, enrollment.id).unit_results
    found = [{"code": u.code or "", "title": u.title} for u in units if verdicts.get(u.id) == "K"]
    return found, len(units)


def build_snapshot(enrollment: Enrollment, issued: dt.date, settings: cs.CertificateSettings,
                   actor) -> tuple[dict, bytes | None]:
    """Everything the certificate will state, as plain JSON values, and the photo bytes
    (a building block of ``certificates_issue``, which checks the permission)."""
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
    units, total = competent_units(enrollment, actor)
    if not total:
        raise BalaiError(tr("Program {p} belum memiliki unit kompetensi aktif.").format(p=program.name))
    photo_row = ResidentPhoto.select(ResidentPhoto.image).where(ResidentPhoto.resident == resident.id).first()
    photo = certificate_photo(bytes(photo_row.image)) if photo_row else None
    start, end, whole = holder_period(enrollment, batch)
    hours = program.hours if whole else attended_hours(enrollment, program)
    title = settings.title if units else "pelatihan"  # no unit found Kompeten: never a competence title
    snapshot = {
        "format": SNAPSHOT_FORMAT,
        "kind": signed_payload.KIND_COMPETENCY,
        "title": title,
        "holder": {
            "name": resident.name,
            "birth_place": resident.birth_place or "",
            "birth_date": resident.birth_date.isoformat() if resident.birth_date else None,
        },
        "photo_sha256": hashlib.sha256(photo).hexdigest() if photo else None,
        "program": {"code": program.code, "name": program.name, "field": program.field or "", "hours": hours},
        "units": units,
        "units_total": total,
        "training": {"batch": batch.name, "start": start.isoformat(), "end": end.isoformat(),
                     "whole": whole, "hours": hours, "hours_kind": "program" if whole else "attended"},
        "issue": {"place": balai.city or "", "date": issued.isoformat()},
        "signatory": {"name": balai.head_name, "title": balai.head_title or tr("Kepala Balai"),
                      "nip": balai.head_nip or ""},
        "second_signatory": (
            {"org": settings.lsp_org, "name": settings.lsp_name, "title": settings.lsp_title,
             "licence": settings.lsp_number, "scheme": settings.lsp_scheme}
            if settings.lsp_enabled and settings.lsp_name else None
        ),
        "balai": {
            "name": balai.name,
            "code": balai.code,
            "address": ", ".join(p for p in (balai.address, balai.city) if p),
            "logo_png": base64.b64encode(bytes(balai.logo)).decode("ascii") if balai.logo else None,
            "header": cs.header_lines(settings),
        },
        "bilingual": settings.bilingual,
        "verification_url": settings.verification_url,
    }
    return snapshot, photo


def signed_document(snapshot: dict[str, Any], number: str, kid: str) -> dict[str, Any]:
    """The payload's document for a competency certificate (see ``domain.signed_payload``)."""
    return {
        "v": signed_payload.FORMAT,
        "t": snapshot.get("kind", signed_payload.KIND_COMPETENCY),
        "k": kid,
        "n": number,
        "h": snapshot["holder"]["name"],
        "b": snapshot["holder"].get("birth_date"),
        "p": snapshot["program"]["name"],
        "u": [u["code"] or u["title"] for u in snapshot["units"]],
        "s": snapshot["training"]["start"],
        "e": snapshot["training"]["end"],
        "d": snapshot["issue"]["date"],
        "c": snapshot["balai"]["code"],
    }


def render_data(cert: Certificate) -> dict[str, Any]:
    """The dict ``documents.certificate.render_certificates`` draws: the snapshot plus number,
    code, QR text and photo — all from the stored certificate, nothing from live data."""
    data = json.loads(cert.snapshot)
    data["number"] = cert.number
    data["code"] = cert.verification_code
    if cert.payload:
        data["qr_payload"] = signed_payload.qr_text(cert.payload, data.get("verification_url", ""))
    else:
        data["qr_payload"] = legacy_qr_payload(cert.number, cert.verification_code, data.get("verification_url", ""))
    data["signed"] = bool(cert.payload)
    data["qr_matrix"] = bytes(cert.qr) if cert.payload and cert.qr is not None else None
    data["qr_drawing"] = bytes(cert.qr_drawing) if cert.payload and cert.qr_drawing is not None else None
    data["photo"] = bytes(cert.photo) if cert.photo is not None else None
    data["revoked"] = cert.status == "dicabut"
    return data
