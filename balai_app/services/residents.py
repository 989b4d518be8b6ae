"""The register of Penerima Manfaat (PM): recording, checking and listing residents.

Their photos are ``services/residents_photo.py``; assessments and services ``casework.py``."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from peewee import SQL, Case, NodeList, fn

from balai_app.db import search_index
from balai_app.db.connection import write_transaction
from balai_app.db.models import Assessment, Resident, ResidentPhoto, database
from balai_app.domain import codes
from balai_app.domain.errors import NotFound, ValidationError
from balai_app.domain.nik import check_nik
from balai_app.domain.photo import prepare_photo
from balai_app.domain.text import search_key, search_words
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




def clean(data: dict[str, Any], *, resident_id: int | None = None,
          nik_owners: dict[str, tuple[int, str]] | None = None) -> tuple[dict[str, Any], v.Collector]:
    """Validate a resident's data. Returns the cleaned values and the collector
    holding errors and warnings; nothing is written. ``nik_owners`` ({NIK: (id, name)},
    looked up once for a whole file by the importer) replaces the per-row query."""
    c = v.Collector()
    out: dict[str, Any] = {}
    L = v.translated(LABELS).__getitem__  # once per language, not 19 times per imported row
    out["name"] = c.take("name", v.text, data.get("name"), L("name"), required=True, max_length=200)
    out["sex"] = c.take("sex", v.choice, data.get("sex"), L("sex"), codes.SEX)
    out["klaster"] = c.take("klaster", v.choice, data.get("klaster"), L("klaster"), codes.KLASTER)
    out["birth_place"] = c.take("birth_place", v.text, data.get("birth_place"), L("birth_place"), max_length=100)
    out["birth_date"] = c.take("birth_date", v.date, data.get("birth_date"), L("birth_date"), not_future=True)
    out["entry_date"] = c.take(
        "entry_date", v.date, data.get("entry_date") or dt.date.today(), L("entry_date"), required=True, not_future=True
    )
    out["religion"] = c.take("religion", v.choice, data.get("religion"), L("religion"), codes.RELIGIONS, required=False)
    out["education"] = c.take("education", v.choice, data.get("education"), L("education"), codes.EDUCATION, required=False)
    out["address"] = c.take("address", v.text, data.get("address"), L("address"), max_length=500, multiline=True)
    out["guardian_name"] = c.take("guardian_name", v.text, data.get("guardian_name"), L("guardian_name"))
    out["guardian_relation"] = c.take("guardian_relation", v.text, data.get("guardian_relation"), L("guardian_relation"), max_length=50)
    out["guardian_phone"] = c.take("guardian_phone", v.phone, data.get("guardian_phone"), L("guardian_phone"))
    out["referral_source"] = c.take("referral_source", v.text, data.get("referral_source"), L("referral_source"))
    out["notes"] = c.take("notes", v.text, data.get("notes"), L("notes"), max_length=5000, multiline=True)
    out["no_kk"] = c.take("no_kk", v.digits, data.get("no_kk"), L("no_kk"), length=16)
    out["status"] = c.take("status", v.choice, data.get("status") or "aktif", L("status"), codes.RESIDENT_STATUS)
    out["exit_date"] = c.take("exit_date", v.date, data.get("exit_date"), L("exit_date"), not_future=True)
    out["exit_reason"] = c.take("exit_reason", v.text, data.get("exit_reason"), L("exit_reason"), max_length=1000, multiline=True)
    out["nik_missing_reason"] = c.take(
        "nik_missing_reason", v.text, data.get("nik_missing_reason"), L("nik_missing_reason")
    )

    disabilities = data.get("disabilities") or []
    if isinstance(disabilities, str):
        disabilities = [d.strip() for d in disabilities.split(",") if d.strip()]
    elif not isinstance(disabilities, (list, tuple, set, frozenset)) or not all(isinstance(d, str) for d in disabilities):
        c.error("disabilities", tr("Jenis disabilitas tidak valid."))
        disabilities = []
    unknown = [d for d in disabilities if d not in codes.DISABILITIES]
    if unknown:
        c.error("disabilities", tr("Jenis disabilitas tidak dikenal: {x}.").format(x=", ".join(map(str, unknown))[:80]))
    out["disabilities"] = ",".join(d for d in codes.DISABILITIES if d in disabilities)

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
    return out, c


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


# --- the list ---------------------------------------------------------------


@dataclass
class ResidentFilter:
    text: str = ""
    klaster: str | None = None
    status: str | None = None
    sex: str | None = None
    entry_year: int | None = None
    without_assessment: bool = False  # never assessed (Beranda's "Perlu asesmen")


class ResidentRow(NamedTuple):
    id: int
    nik: str | None
    name: str
    sex: str
    birth_place: str
    birth_date: dt.date | None
    klaster: str
    status: str
    entry_date: dt.date


SORT_COLUMNS = {
    "id": Resident.id,
    "nik": Resident.nik,
    "name": Resident.name,
    "sex": Resident.sex,
    "birth_place": Resident.birth_place,
    "birth_date": Resident.birth_date,
    "klaster": Resident.klaster,
    "status": Resident.status,
    "entry_date": Resident.entry_date,
}


def _label_order(column, labels: Mapping[Any, str]):
    """Sort a coded column in the order of the labels the list shows (a code's
    alphabet differs: 'disabilitas' is 'Penyandang Disabilitas')."""
    ranked = sorted(labels, key=lambda code: labels[code].casefold())
    return Case(column, [(code, rank) for rank, code in enumerate(ranked)], len(ranked))


# Sort keys that differ from the column itself.
SORT_KEYS = {
    "klaster": _label_order(Resident.klaster, codes.KLASTER),
    "status": _label_order(Resident.status, codes.RESIDENT_STATUS),
}
# code -> its rank in SORT_KEYS, for keyset paging
_RANKS = {
    name: {code: rank for rank, code in enumerate(sorted(labels, key=lambda c: labels[c].casefold()))}
    for name, labels in (("klaster", codes.KLASTER), ("status", codes.RESIDENT_STATUS))
}


def matching_text(query, text: str):
    """Narrow a Resident query to rows whose name, NIK or place of birth contain
    every word of ``text`` (case, accents and apostrophe styles ignored). Words of
    three or more characters are looked up in the trigram index
    (``db/search_index.py``), not scanned."""
    for clause in search_index.contains_all(database.obj, search_words(text), Resident.id, Resident.search_text):
        query = query.where(clause)
    return query


def _filtered(query, flt: ResidentFilter):
    query = matching_text(query, flt.text)
    if flt.klaster:
        query = query.where(Resident.klaster == flt.klaster)
    if flt.status:
        query = query.where(Resident.status == flt.status)
    if flt.sex:
        query = query.where(Resident.sex == flt.sex)
    if flt.entry_year:
        start = dt.date(flt.entry_year, 1, 1)
        query = query.where((Resident.entry_date >= start) & (Resident.entry_date < start.replace(year=flt.entry_year + 1)))
    if flt.without_assessment:
        query = query.where(~fn.EXISTS(Assessment.select(Assessment.id).where(Assessment.resident == Resident.id)))
    return query


def list_residents(
    actor: Actor,
    flt: ResidentFilter | None = None,
    *,
    order_by: str = "name",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
    after: ResidentRow | None = None,
) -> list[ResidentRow]:
    """One page of the list: only the light columns, never photos or notes.

    ``after``: the last row of the previous page; the page starts after it in
    the same order (keyset paging: as fast at row 50,000 as at row 1, where an
    ``offset`` makes SQLite step over every earlier row again).
    """
    require(actor, "residents.view")
    query = _list_query(flt or ResidentFilter(), order_by, descending, limit, offset)
    if after is not None:
        query = query.where(_after(order_by, descending, after))
    # The rows straight from the driver: peewee's per-value conversion costs more than the
    # query itself when the list is scrolled to its end (dates are converted once per value).
    sql, params = query.sql()
    return _compact_rows(database.obj.execute_sql(sql, params).fetchall())


# Values that repeat across the register (sex, place, dates, klaster, status) are kept once:
# a list scrolled to its end holds every row, and each repeated string or date would cost
# its own 50-80 bytes per row. Bounded: distinct values only, and cleared when it grows large.
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 100_000


_DATES: dict[Any, dt.date | None] = {}


def _date(value) -> dt.date | None:
    """A date column's value as a date, each distinct value converted and held once
    (SQLite hands out ISO text, PostgreSQL dates)."""
    shared = _DATES.get(value)
    if shared is None and value is not None:
        if len(_DATES) >= _SHARED_MAX:
            _DATES.clear()
        shared = _DATES[value] = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    return shared


def _compact_rows(values: list[tuple]) -> list[ResidentRow]:
    """Driver rows as ``ResidentRow`` tuples whose repeated values are held once
    (one loop without per-value calls: scrolling to the end builds every row)."""
    if len(_SHARED) >= _SHARED_MAX:
        _SHARED.clear()
    shared, dates, make, new = _SHARED.setdefault, _DATES.get, _date, tuple.__new__
    out = []
    collecting = gc.isenabled()
    gc.disable()  # thousands of new tuples would start cycle collections over every row held
    try:
        for rid, nik, name, sex, place, birth, klaster, status, entry in values:
            out.append(new(ResidentRow, (
                rid, nik, name, shared(sex, sex), shared(place, place),
                dates(birth) or make(birth), shared(klaster, klaster), shared(status, status),
                dates(entry) or make(entry))))
    finally:
        if collecting:
            gc.enable()
    return out


def _sort_value(order_by: str, row: ResidentRow):
    """The value the list sorts ``row`` by (the label rank for coded columns)."""
    value = getattr(row, order_by)
    if order_by in _RANKS:
        return _RANKS[order_by].get(value, len(_RANKS[order_by]))
    return value


def _after(order_by: str, descending: bool, row: ResidentRow):
    """Rows after ``row`` in ORDER BY key [DESC], id. SQLite puts NULLs first
    going up and last going down; ties are broken by id, always ascending."""
    column: Any = SORT_KEYS[order_by] if order_by in SORT_KEYS else SORT_COLUMNS[order_by]
    value = _sort_value(order_by, row)
    same_later = Resident.id > row.id
    if value is None:
        if descending:
            return column.is_null() & same_later
        return column.is_null(False) | (column.is_null() & same_later)
    beyond = (column < value) | column.is_null() if descending else column > value
    return beyond | ((column == value) & same_later)


def _list_query(flt: ResidentFilter, order_by: str, descending: bool, limit: int, offset: int):
    column = SORT_KEYS[order_by] if order_by in SORT_KEYS else SORT_COLUMNS[order_by]
    if flt.text.split() and order_by not in ("id", *SORT_KEYS):
        # With a search text, walking the sort column's index row by row (what SQLite picks
        # for ORDER BY ... LIMIT) checks the search on most of the table before it has a page
        # when few rows match. A unary plus keeps SQLite off that index: it takes the
        # matches from the search index and sorts only them.
        column = NodeList((SQL("+"), column), glue="")
    query = _filtered(Resident.select(*(SORT_COLUMNS[name] for name in ResidentRow._fields)), flt)
    return query.order_by(column.desc() if descending else column.asc(), Resident.id).limit(limit).offset(offset)


class ResidentCount(NamedTuple):
    """How many residents match: ``exact`` False means "at least ``n``" (a search
    the index cannot serve is not counted to the end)."""

    n: int
    exact: bool


# A search of only one- and two-letter words is checked row by row: its count stops here.
COUNT_CAP = 1000


def count_residents(actor: Actor, flt: ResidentFilter | None = None) -> int:
    require(actor, "residents.view")
    return _filtered(Resident.select(fn.COUNT(Resident.id)), flt or ResidentFilter()).scalar() or 0


def count_matching(actor: Actor, flt: ResidentFilter | None = None) -> ResidentCount:
    """The count the list shows. Exact when an index narrows the search (the
    trigram index, or no text at all: SQLite counts an index, not the rows);
    otherwise counted up to ``COUNT_CAP`` and marked as a lower bound."""
    require(actor, "residents.view")
    flt = flt or ResidentFilter()
    if search_index.uses_index(database.obj, search_words(flt.text)):
        return ResidentCount(count_residents(actor, flt), True)
    capped = _filtered(Resident.select(Resident.id), flt).limit(COUNT_CAP + 1)
    n = Resident.select(fn.COUNT(SQL("*"))).from_(capped.alias("capped")).scalar() or 0
    return ResidentCount(min(n, COUNT_CAP), n <= COUNT_CAP)


def entry_years(actor: Actor) -> list[int]:
    require(actor, "residents.view")
    rows = Resident.select(fn.DISTINCT(fn.strftime("%Y", Resident.entry_date))).tuples()
    return sorted((int(y) for (y,) in rows if y), reverse=True)


def counts_by_klaster_and_status(actor: Actor) -> dict[tuple[str, str], int]:
    """{(klaster, status): count} for the home screen and reports: read from the counts
    the database keeps (``db/search_index.py``), else counted over the covering index."""
    require(actor, "residents.view")
    kept = search_index.kept_counts(database.obj)
    if kept is not None:
        return {(k, s): n for k, s, n in kept}
    query = Resident.select(Resident.klaster, Resident.status, fn.COUNT(Resident.id)).group_by(
        Resident.klaster, Resident.status
    )
    return {(k, s): n for k, s, n in query.tuples()}


