"""Case work for a resident (PM): the asesmen that starts every case response, and the
services given under ATENSI. The register itself lives in ``services/residents.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from balai_app.db.connection import write_transaction
from balai_app.db.models import Assessment, Resident, ServiceRecord
from balai_app.domain import codes
from balai_app.domain.errors import NotFound
from balai_app.i18n import tr
from balai_app.services import accounts, audit, residents, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.records import AssessmentRecord, ServiceRecordData
from balai_app.services.versioning import versioned_update

ASSESSMENT_LABELS = {
    "date": "Tanggal asesmen",
    "assessor": "Asesor",
    "physical": "Aspek fisik",
    "mental": "Aspek mental",
    "social": "Aspek sosial",
    "family": "Aspek keluarga",
    "vocational_interest": "Minat vokasional",
    "summary": "Ringkasan",
    "recommendation": "Rekomendasi layanan",
}


def _clean_assessment(data: dict[str, Any], resident: Resident) -> dict[str, Any]:
    c = v.Collector()
    L = lambda name: tr(ASSESSMENT_LABELS[name])  # noqa: E731
    out = {
        "date": c.take("date", v.date, data.get("date") or dt.date.today(), L("date"), required=True, not_future=True),
        "assessor": c.take("assessor", v.text, data.get("assessor"), L("assessor"), required=True),
    }
    for name in ("physical", "mental", "social", "family", "vocational_interest", "summary", "recommendation"):
        out[name] = c.take(name, v.text, data.get(name), L(name), max_length=5000, multiline=True)
    if not any(out[name] for name in ("physical", "mental", "social", "family", "vocational_interest", "summary")):
        c.error("summary", tr("Isi minimal satu aspek atau ringkasan asesmen."))
    if out["date"] and out["date"] < resident.entry_date - dt.timedelta(days=90):
        c.warn("date", tr("Tanggal asesmen jauh sebelum tanggal masuk."))
    c.raise_if_any(confirm_warnings=True)
    return out


def add_assessment(actor: Actor, resident_id: int, data: dict[str, Any]) -> AssessmentRecord:
    require(actor, "assessments.edit")
    resident = residents.load_resident(actor, resident_id)
    cleaned = _clean_assessment(data, resident)
    with write_transaction():
        row = Assessment.create(resident=resident, created_by=actor.user_id, **cleaned)
        audit.record(actor, "create", "assessment", row.id, resident.name, audit.diff({}, cleaned))
    return AssessmentRecord.of(row)


def update_assessment(actor: Actor, assessment_id: int, data: dict[str, Any], *,
                      expected_version: int) -> AssessmentRecord:
    require(actor, "assessments.edit")
    row = Assessment.get_or_none(Assessment.id == assessment_id)
    if row is None:
        raise NotFound(tr("Asesmen tidak ditemukan."))
    before = {name: getattr(row, name) for name in ASSESSMENT_LABELS}
    cleaned = _clean_assessment({**before, **data}, row.resident)
    with write_transaction():
        versioned_update(Assessment, assessment_id, cleaned, expected_version=expected_version,
                         stale=tr("Asesmen ini telah diubah oleh orang lain sejak dibuka; buka kembali lalu ulangi."))
        audit.record(actor, "update", "assessment", assessment_id, row.resident.name, audit.diff(before, cleaned))
    return AssessmentRecord.of(Assessment.get_by_id(assessment_id))


def assessments_of(actor: Actor, resident_id: int) -> list[AssessmentRecord]:
    require(actor, "residents.view")
    return [AssessmentRecord.of(a) for a in
            Assessment.select().where(Assessment.resident == resident_id).order_by(Assessment.date.desc())]


def has_assessment(resident_id: int) -> bool:
    return Assessment.select().where(Assessment.resident == resident_id).exists()


SERVICE_LABELS = {"date": "Tanggal layanan", "kind": "Jenis layanan", "subkind": "Jenis terapi", "description": "Uraian",
                  "staff": "Petugas"}


def add_service(actor: Actor, resident_id: int, data: dict[str, Any], *,
                confirm_warnings: bool = False) -> ServiceRecordData:
    """Log an ATENSI service. Warns (NeedsConfirmation) when the PM has no assessment yet."""
    require(actor, "services.edit")
    resident = residents.load_resident(actor, resident_id)
    c = v.Collector()
    L = lambda name: tr(SERVICE_LABELS[name])  # noqa: E731
    cleaned = {
        "date": c.take("date", v.date, data.get("date") or dt.date.today(), L("date"), required=True, not_future=True),
        "kind": c.take("kind", v.choice, data.get("kind"), L("kind"), codes.SERVICE_KINDS),
        "description": c.take("description", v.text, data.get("description"), L("description"), required=True,
                              max_length=2000, multiline=True),
        "staff": c.take("staff", v.text, data.get("staff") or accounts.display_name(actor.user_id) or actor.username,
                        L("staff")),
    }
    # Terapi is given as fisik, psikososial or mental spiritual (Permensos 7/2021); a caller
    # that does not say which records "belum dirinci", like the records migrated from v6.
    cleaned["subkind"] = c.take(
        "subkind", v.choice, data.get("subkind") or "belum_dirinci", L("subkind"), codes.THERAPY_KINDS
    ) if cleaned["kind"] == "terapi" else ""
    if not has_assessment(resident_id):
        c.warn("resident", tr("{name} belum pernah diasesmen. Layanan sebaiknya didasarkan pada asesmen.").format(
            name=resident.name))
    c.raise_if_any(confirm_warnings)
    with write_transaction():
        row = ServiceRecord.create(resident=resident, created_by=actor.user_id, **cleaned)
        audit.record(actor, "create", "service", row.id, resident.name, audit.diff({}, cleaned))
    return ServiceRecordData.of(row)


def services_of(actor: Actor, resident_id: int) -> list[ServiceRecordData]:
    require(actor, "residents.view")
    return [ServiceRecordData.of(r) for r in
            ServiceRecord.select().where(ServiceRecord.resident == resident_id).order_by(ServiceRecord.date.desc())]
