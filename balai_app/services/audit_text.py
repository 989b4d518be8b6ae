"""The audit trail as a reader sees it: field names and codes in Indonesian.

Events store their changes as the services wrote them -- the model's own field
names (``full_name``, ``exit_date``) and codes (``tuna_sosial``, ``instruktur``,
ISO dates). The audit page, ``balai-app audit list`` and the export show them
through this module: each field under the label its own form uses (the services'
``LABELS``), each code under its label, each date as DD/MM/YYYY. What is unknown
(an event written by an older version, a new field) is shown as stored.

Kept apart from ``services.audit`` (the writer every service imports) because it
reads the labels of those services.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.errors import ValidationError
from balai_app.domain.spreadsheet import append_row, safe_cell
from balai_app.i18n import tr
from balai_app.services import (
    accounts,
    casework,
    certificates_settings,
    curriculum,
    followups,
    graduate_profiles,
    outcomes,
    partners,
    permissions,
    profile,
    residents,
    sessions,
    training,
    unit_assessments,
)
from balai_app.services.audit import (
    ACTIONS,
    ENTITIES,
    AuditFilter,
    AuditRow,
    action_label,
    entity_label,
    list_events,
    record,
    to_local,
    zone,
)
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.db.connection import write_transaction

_CERTIFICATE = {
    "nomor": "Nomor sertifikat",
    "program": "Program",
    "status": "Status",
    "alasan": "Alasan",
    "alasan_pengecualian": "Alasan pengecualian",
    "menggantikan": "Menggantikan sertifikat",
    "unit_kompeten": "Unit kompeten",
}

# Field labels per entity: the labels of the form that edits it, plus the keys that
# services write by hand into the trail.
FIELDS: dict[str, Mapping[str, str]] = {
    "resident": {**residents.LABELS, "nik_lengkap": "NIK lengkap", "berkas": "Berkas", "sumber": "Sumber",
                 "photo": "Foto"},
    "batch": training.BATCH_LABELS,
    "program": {**curriculum.PROGRAM_LABELS, "adults_only": "Hanya untuk usia 15 tahun ke atas",
                "units": "Unit kompetensi"},
    "unit": curriculum.UNIT_LABELS,
    "competency_unit": curriculum.UNIT_LABELS,
    "user": {**accounts.LABELS, "active": "Aktif", "must_change_password": "Wajib mengganti kata sandi"},
    "partner": partners.LABELS,
    "outcome": outcomes.LABELS,
    "follow_up": {**followups.LABELS, "due_date": "Jatuh tempo", "status": "Status"},
    "profile_consent": graduate_profiles.LABELS,
    "balai_profile": profile.LABELS,
    "assessment": casework.ASSESSMENT_LABELS,
    "service": casework.SERVICE_LABELS,
    "setting": certificates_settings.SETTING_LABELS,
    "session": sessions.SESSION_LABELS,
    "training_session": sessions.SESSION_LABELS,
    "unit_assessment": unit_assessments.ASSESS_LABELS,
    "certificate": _CERTIFICATE,
    "rehab_certificate": _CERTIFICATE,
    "enrollment": {"batch": "Angkatan", "resident": "Penerima Manfaat", "start_date": "Tanggal mulai",
                   "status": "Status", "alasan": "Alasan"},
    "audit_event": {"dicabut": "Sertifikat kompetensi dicabut",
                    "dicabut_rehabilitasi_sosial": "Sertifikat rehabilitasi sosial dicabut",
                    "tanggal_daftar": "Tanggal daftar"},
}

# Codes shown under their labels: per (entity, field), then per field for every entity.
_STATUS: dict[str, Mapping[Any, str]] = {
    "resident": codes.RESIDENT_STATUS,
    "batch": codes.BATCH_STATUS,
    "enrollment": codes.ENROLLMENT_STATUS,
    "certificate": codes.CERTIFICATE_STATUS,
    "rehab_certificate": codes.CERTIFICATE_STATUS,
    "follow_up": codes.FOLLOWUP_STATUS,
}
_KIND: dict[str, Mapping[Any, str]] = {"partner": codes.PARTNER_KINDS, "outcome": codes.OUTCOME_KINDS, "service": codes.SERVICE_KINDS}
_CODES: dict[str, Mapping[Any, str]] = {
    "klaster": codes.KLASTER,
    "sex": codes.SEX,
    "role": permissions.ROLES,
    "how": codes.FOLLOWUP_HOW,
    "wage_band": codes.WAGE_BANDS,
    "result": codes.UNIT_RESULT,
    "method": codes.ASSESSMENT_METHODS,
    "subkind": codes.THERAPY_KINDS,
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def field_label(entity: str, key: str) -> str:
    """The field's label as its form shows it, or the key as stored when unknown."""
    text = FIELDS.get(entity, {}).get(key)
    return tr(text) if text else key


def _codes_for(entity: str, key: str) -> Mapping[Any, str] | None:
    if key == "status":
        return _STATUS.get(entity)
    if key == "kind":
        return _KIND.get(entity)
    return _CODES.get(key)


def value_text(entity: str, key: str, value: Any) -> str:
    """A stored value as a reader sees it: Ya/Tidak, labels for codes, DD/MM/YYYY dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("Ya") if value else tr("Tidak")
    if isinstance(value, str):
        mapping = _codes_for(entity, key)
        if mapping is not None and value in mapping:
            return codes.label(mapping, value)
        if _ISO_DATE.match(value):
            try:
                return format_short(dt.date.fromisoformat(value))
            except ValueError:
                return value
    return str(value)


def _changes(row: AuditRow) -> list[tuple[str, str, str, bool]]:
    """(field, old, new, is_a_change) per stored field, in the reader's words (decoded once)."""
    out = []
    for key, value in row.changes_dict().items():
        pair = isinstance(value, list) and len(value) == 2
        old, new = value if pair else (None, value)
        out.append((field_label(row.entity, key), value_text(row.entity, key, old), value_text(row.entity, key, new),
                    pair))
    return out


def change_rows(row: AuditRow) -> list[tuple[str, str, str]]:
    """(field, old, new) per changed field, in the reader's words."""
    return [(field, old, new) for field, old, new, _pair in _changes(row)]


def changes_text(row: AuditRow) -> str:
    """The changes on one line: "Peran: Staf → Admin; Aktif: Ya → Tidak"."""
    return "; ".join(f"{field}: {old} → {new}" if pair else f"{field}: {new}" for field, old, new, pair in _changes(row))


# A CSV keeps ISO dates (sortable, read the same by every spreadsheet) and says so in its header.
EXPORT_HEADERS = ["No.", "Waktu (TTTT-BB-HH JJ:MM:SS)", "Pengguna", "Tindakan", "Jenis data", "No. data", "Ringkasan", "Perubahan"]


def export_events(actor: Actor, flt: AuditFilter | None, path: str | Path) -> int:
    """Write the filtered trail to ``path`` (.csv or .xlsx); returns the number of rows.

    The export itself is recorded (the trail holds personal data such as NIK)."""
    require(actor, "audit.export")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError({"path": tr("Pilih berkas .csv atau .xlsx.")})
    flt = flt or AuditFilter()
    headers = [tr(h) for h in EXPORT_HEADERS]
    rows = []
    here = zone()
    for row in list_events(actor, flt, limit=-1):
        rows.append([row.id, to_local(row.at, here).strftime("%Y-%m-%d %H:%M:%S"), row.username, action_label(row.action),
                     entity_label(row.entity), row.entity_id if row.entity_id is not None else "", row.summary,
                     changes_text(row)])
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows([safe_cell(x) for x in values] for values in rows)
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = tr("Jejak audit")
        append_row(sheet, headers)
        for values in rows:
            append_row(sheet, values)
        for column, width in zip("ABCDEFGH", (8, 20, 16, 22, 18, 9, 40, 80), strict=True):
            sheet.column_dimensions[column].width = width
        sheet.freeze_panes = "A2"
        book.save(path)
    with write_transaction():
        record(actor, "export", "audit_event", None, tr("{n} baris jejak audit ke {file}").format(n=len(rows), file=path.name))
    return len(rows)


def _code_of(text: str, labels: Mapping[str, str], what: str) -> str:
    code = codes.code_from_text(labels, text)
    if code is not None:
        return code
    choices = ", ".join(f"{code} ({tr(label)})" for code, label in labels.items())
    raise ValueError(tr("{what} tidak dikenal: {text}. Pilih salah satu: {choices}.").format(
        what=what, text=text, choices=choices))


def action_code(text: str) -> str:
    """The stored action for a code or its Indonesian label ("update" or "Mengubah")."""
    return _code_of(text, ACTIONS, tr("Tindakan"))


def entity_code(text: str) -> str:
    """The stored kind of data for a code or its label ("resident" or "Penerima Manfaat")."""
    return _code_of(text, ENTITIES, tr("Jenis data"))
