"""The register of Penerima Manfaat (PM): recording and checking residents (the list: ``residents_search``).

Their photos are ``services/residents_photo.py``; assessments and services ``casework.py``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from balai_app.db.connection import write_transaction
from balai_app.db.models import Resident, ResidentPhoto
from balai_app.domain import codes
from balai_app.domain.errors import NotFound, ValidationError
from balai_app.domain.nik import check_nik
from balai_app.domain.photo import prepare_photo
from balai_app.domain.text import search_key
from balai_app.i18n import tr
from balai_app.services import audit, duplicates, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.records import ResidentRecord
from balai_app.services.versioning import versioned_update

# Field name -> label, as the form and the messages show it.
LABELS = {
    "nik": "NIK",
    "nik_missing_reason": "Alasan tanpa NIK",
    "no_kk": "No. KK",
    "name": "Nama lengkap",
    "sex": "Jenis kelamin",
    "birth_place": "Tempat lahir",
    "birth_date": "Tanggal lahir",
    "klaster": "Klaster",
    "disabilities": "Jenis disabilitas",
    "religion": "Agama",
    "education": "Pendidikan terakhir",
    "address": "Alamat",
    "guardian_name": "Nama keluarga/wali",
    "guardian_relation": "Hubungan",
    "guardian_phone": "Telepon keluarga/wali",
    "entry_date": "Tanggal masuk",
    "referral_source": "Sumber rujukan",
    "status": "Status",
    "exit_date": "Tanggal keluar",
    "exit_reason": "Alasan keluar",
    "notes": "Catatan",
}

EDITABLE = list(LABELS)


def label(field_name: str) -> str:
    return tr(LABELS[field_name])


class _Field(NamedTuple):
    """One field ``clean`` checks with a cleaner of ``services.validation``."""

    name: str
    cleaner: Callable[..., Any]
    options: dict[str, Any]
    empty: Callable[[dt.date], Any] | None = None  # the value of an empty field, given today's date
    repeats: bool = True  # the same value on many rows of an import (worth remembering): not a person's own


# In the order their messages are collected.
_FIELDS = (
    _Field("name", v.text, {"required": True, "max_length": 200}, repeats=False),
    _Field("sex", v.choice, {"options": codes.SEX}),
    _Field("klaster", v.choice, {"options": codes.KLASTER}),
    _Field("birth_place", v.text, {"max_length": 100}),
    _Field("birth_date", v.date, {"not_future": True}),
    _Field("entry_date", v.date, {"required": True, "not_future": True}, lambda today: today),
    _Field("religion", v.choice, {"options": codes.RELIGIONS, "required": False}),
    _Field("education", v.choice, {"options": codes.EDUCATION, "required": False}),
    _Field("address", v.text, {"max_length": 500, "multiline": True}, repeats=False),
    _Field("guardian_name", v.text, {}, repeats=False),
    _Field("guardian_relation", v.text, {"max_length": 50}),
    _Field("guardian_phone", v.phone, {}, repeats=False),
    _Field("referral_source", v.text, {}),
    _Field("notes", v.text, {"max_length": 5000, "multiline": True}),
    _Field("no_kk", v.digits, {"length": 16}, repeats=False),
    _Field("status", v.choice, {"options": codes.RESIDENT_STATUS}, lambda _today: "aktif"),
    _Field("exit_date", v.date, {"not_future": True}),
    _Field("exit_reason", v.text, {"max_length": 1000, "multiline": True}),
    _Field("nik_missing_reason", v.text, {}),
)


def clean(data: dict[str, Any], *, resident_id: int | None = None,
          nik_owners: dict[str, tuple[int, str]] | None = None) -> tuple[dict[str, Any], v.Collector]:
    """Validate a resident's data. Returns the cleaned values and the collector
    holding errors and warnings; nothing is written. ``nik_owners``: see ``clean_rows``."""
    return clean_rows([data], resident_id=resident_id, nik_owners=nik_owners)[0]


_NAMES = [f.name for f in _FIELDS]


def clean_rows(rows: list[dict[str, Any]], *, resident_id: int | None = None,
               nik_owners: dict[str, tuple[int, str]] | None = None,
               outcomes: v.Outcomes | None = None) -> list[tuple[dict[str, Any], v.Collector]]:
    """``clean`` for many residents at once, field by field (one form is a list of one).

    ``nik_owners`` ({NIK: (id, name)}, looked up once for a whole file by the importer)
    replaces the per-row query; ``outcomes`` (one per file, from the importer) remembers
    what the cleaners gave for values that repeat from row to row, across calls."""
    labels = v.translated(LABELS)  # once per language, not 19 times per imported row
    today = dt.date.today()  # asked once: the clock is slow to ask on Windows and Linux alike
    if outcomes is None:
        outcomes = v.Outcomes()
    outcomes.start(today, labels)  # what the cleaners depend on besides the value
    collectors = [v.Collector() for _ in rows]
    columns = []
    for name, cleaner, options, empty, repeats in _FIELDS:
        values = [data.get(name) for data in rows]
        if empty is not None:
            values = [value if value else empty(today) for value in values]
        if cleaner is v.date:
            options = {**options, "today": today}
        cleaned, refused = outcomes.column(name, cleaner, values, labels[name], options, remember=repeats)
        for i in refused:
            collectors[i].error(name, str(cleaned[i]))  # the message, as a plain str
            cleaned[i] = None
        columns.append(cleaned)
    results = []
    for data, collector, row_values in zip(rows, collectors, zip(*columns)):
        out = dict(zip(_NAMES, row_values))
        _clean_across(data, out, collector, resident_id, nik_owners)
        results.append((out, collector))
    return results


def _clean_across(data: dict[str, Any], out: dict[str, Any], c: v.Collector, resident_id: int | None,
                  nik_owners: dict[str, tuple[int, str]] | None) -> None:
    """What ``clean_rows`` checks row by row: the disabilities, the dates and the status
    together, and the NIK (with the birth date and sex it encodes, and who has it)."""
    disabilities = data.get("disabilities")
    if not disabilities:  # most rows: none
        out["disabilities"] = ""
    else:
        _clean_disabilities(disabilities, out, c)

    # Dates that depend on each other.
    if out["birth_date"] and out["entry_date"] and out["entry_date"] < out["birth_date"]:
        c.error("entry_date", tr("Tanggal masuk tidak boleh sebelum tanggal lahir."))
    if out["status"] and out["status"] != "aktif":
        if not out["exit_date"] and "exit_date" not in c.errors:
            c.error("exit_date", tr("Tanggal keluar wajib diisi bila status bukan Aktif."))
        elif out["exit_date"] and out["entry_date"] and out["exit_date"] < out["entry_date"]:
            c.error("exit_date", tr("Tanggal keluar tidak boleh sebelum tanggal masuk."))
    elif out["status"] == "aktif":
        out["exit_date"] = None

    # NIK: optional, but then a reason is recorded.
    raw_nik = data.get("nik")
    raw_nik = "" if raw_nik is None else str(raw_nik).strip()
    if not raw_nik:
        out["nik"] = None
        if not out.get("nik_missing_reason") and "nik_missing_reason" not in c.errors:
            c.error("nik_missing_reason", tr("Isi alasan bila NIK tidak ada (mis. tidak memiliki KTP)."))
    else:
        result = check_nik(raw_nik, out.get("birth_date"), out.get("sex"))
        if result.errors:
            c.error("nik", result.errors[0])
            out["nik"] = None
        else:
            out["nik"] = result.nik
            out["nik_missing_reason"] = ""
            for warning in result.warnings:
                c.warn("nik", warning)
            if nik_owners is not None:
                found = nik_owners.get(result.nik)
                owner_id, owner_name = found if found and found[0] != resident_id else (None, "")
            else:
                owner = Resident.select(Resident.id, Resident.name).where(Resident.nik == result.nik)
                if resident_id is not None:
                    owner = owner.where(Resident.id != resident_id)
                owner = owner.first()
                owner_id, owner_name = (owner.id, owner.name) if owner else (None, "")
            if owner_id is not None:
                c.error("nik", tr("NIK sudah terdaftar atas nama {name} (No. {id}).").format(name=owner_name, id=owner_id))


def _clean_disabilities(disabilities: Any, out: dict[str, Any], c: v.Collector) -> None:
    """The disabilities given (codes in a list, or in a text separated by commas), as stored."""
    if isinstance(disabilities, str):
        disabilities = [d.strip() for d in disabilities.split(",") if d.strip()]
    elif not isinstance(disabilities, (list, tuple, set, frozenset)) or not all(isinstance(d, str) for d in disabilities):
        c.error("disabilities", tr("Jenis disabilitas tidak valid."))
        disabilities = []
    unknown = [d for d in disabilities if d not in codes.DISABILITIES]
    if unknown:
        c.error("disabilities", tr("Jenis disabilitas tidak dikenal: {x}.").format(x=", ".join(map(str, unknown))[:80]))
    out["disabilities"] = ",".join(d for d in codes.DISABILITIES if d in disabilities)


def _as_dict(resident: Resident) -> dict[str, Any]:
    return {name: getattr(resident, name) for name in EDITABLE}


def _validated(data: dict[str, Any], resident_id: int | None, confirm_warnings: bool,
               actor: Actor | None = None, before: dict[str, Any] | None = None) -> dict[str, Any]:
    cleaned, collector = clean(data, resident_id=resident_id)
    if actor is not None and not collector.errors and not confirm_warnings:
        _warn_duplicates(actor, cleaned, resident_id, before, collector)
    collector.raise_if_any(confirm_warnings)
    cleaned["search_text"] = search_key(cleaned["name"], cleaned["nik"], cleaned["birth_place"])
    return cleaned


def _warn_duplicates(actor: Actor, cleaned: dict[str, Any], resident_id: int | None,
                     before: dict[str, Any] | None, collector: v.Collector) -> None:
    """Warn (never refuse) when the PM may already be registered; on an edit only when the
    name, birth date or family/guardian name changed."""
    keys = ("name", "birth_date", "guardian_name")
    if before is not None and all(before.get(k) == cleaned.get(k) for k in keys):
        return
    found = duplicates.possible_duplicates(actor, cleaned["name"], cleaned["birth_date"], cleaned["guardian_name"],
                                           nik=cleaned["nik"], exclude_id=resident_id, limit=3)
    if found:
        collector.warn("name", " ".join(d.message for d in found)
                       + " " + tr("Periksa dulu agar satu orang tidak terdaftar dua kali."))


def _check_nik_free(nik: str | None, resident_id: int | None) -> None:
    """Inside the write transaction: ``clean`` checked the NIK before the lock was
    taken, so another process may have registered it since (a refusal, not an
    IntegrityError)."""
    if not nik:
        return
    owner = Resident.select(Resident.id, Resident.name).where(Resident.nik == nik)
    if resident_id is not None:
        owner = owner.where(Resident.id != resident_id)
    owner = owner.first()
    if owner:
        raise ValidationError(
            {"nik": tr("NIK sudah terdaftar atas nama {name} (No. {id}).").format(name=owner.name, id=owner.id)}
        )


def create_resident(
    actor: Actor, data: dict[str, Any], *, photo: bytes | None = None, confirm_warnings: bool = False
) -> ResidentRecord:
    """Register a new PM. Raises ValidationError or NeedsConfirmation (warnings)."""
    require(actor, "residents.edit")
    cleaned = _validated(data, None, confirm_warnings, actor)
    image = prepare_photo(photo) if photo else None
    with write_transaction():
        _check_nik_free(cleaned["nik"], None)
        resident = Resident.create(**cleaned)
        if image:
            ResidentPhoto.create(resident=resident, image=image)
        audit.record(actor, "create", "resident", resident.id, resident.name, audit.diff({}, _as_dict(resident)))
    return ResidentRecord.of(resident)


def update_resident(
    actor: Actor,
    resident_id: int,
    data: dict[str, Any],
    *,
    expected_version: int,
    confirm_warnings: bool = False,
) -> ResidentRecord:
    """Save changes; refused (StaleRecord) if the record changed since ``expected_version``.

    ``data`` may hold only the fields to change; the others keep their value.
    """
    require(actor, "residents.edit")
    current = load_resident(actor, resident_id)
    merged = {**_as_dict(current), **data}
    cleaned = _validated(merged, resident_id, confirm_warnings, actor, _as_dict(current))
    with write_transaction():
        _check_nik_free(cleaned["nik"], resident_id)
        before = Resident.get_by_id(resident_id)
        versioned_update(Resident, resident_id, cleaned, expected_version=expected_version,
                         stale=tr("Data {name} telah diubah oleh orang lain sejak formulir dibuka. "
                                  "Tutup formulir, buka kembali, lalu ulangi perubahan Anda.").format(name=before.name))
        after = Resident.get_by_id(resident_id)
        changes = audit.diff(_as_dict(before), _as_dict(after))
        if changes:
            audit.record(actor, "update", "resident", resident_id, after.name, changes)
    return ResidentRecord.of(after)


def get_resident(actor: Actor, resident_id: int) -> ResidentRecord:
    return ResidentRecord.of(load_resident(actor, resident_id))


def load_resident(actor: Actor, resident_id: int) -> Resident:
    """The resident row, for other services (``residents.view`` checked)."""
    require(actor, "residents.view")
    resident = Resident.get_or_none(Resident.id == resident_id)
    if resident is None:
        raise NotFound(tr("Penerima Manfaat No. {id} tidak ditemukan.").format(id=resident_id))
    return resident


def find_resident(actor: Actor, nik_or_id: str) -> ResidentRecord:
    """By 16-digit NIK, else by record number."""
    require(actor, "residents.view")
    key = str(nik_or_id).strip()
    resident = None
    if len(key) == 16 and key.isdigit():
        resident = Resident.get_or_none(Resident.nik == key)
    elif key.isdigit():
        resident = Resident.get_or_none(Resident.id == int(key))
    if resident is None:
        raise NotFound(tr("Penerima Manfaat '{key}' tidak ditemukan (gunakan NIK 16 digit atau nomor).").format(key=key))
    return ResidentRecord.of(resident)


# The list, its search and counts (re-exported: callers import them from here).
from balai_app.services.residents_search import (  # noqa: E402
    COUNT_CAP,
    SORT_COLUMNS,
    ResidentCount,
    ResidentFilter,
    ResidentRow,
    count_matching,
    count_residents,
    counts_by_klaster_and_status,
    entry_years,
    list_residents,
    matching_text,
)

__all__ = [
    "COUNT_CAP", "SORT_COLUMNS", "ResidentCount", "ResidentFilter", "ResidentRow", "count_matching",
    "count_residents", "counts_by_klaster_and_status", "entry_years", "list_residents", "matching_text",
]
