"""Bad input everywhere: the resident register's writes under random and hostile values.

Hypothesis builds a valid resident, then replaces one to four fields with
hostile values: empty, blanks, very long, control characters, lone
surrogates, bidi overrides, SQL, wrong types (numbers, lists, dicts, bytes,
booleans, datetimes), impossible dates (31-02, 29-02 of a non-leap year).
Every call must either store the record correctly or be refused with a
BalaiError carrying an Indonesian message -- and a refused call must leave
the database byte-for-byte as it was (all tables compared).
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from balai_app.db.models import Resident
from balai_app.domain.errors import BalaiError
from balai_app.services import residents
from balai_app.services import residents_photo
from balai_app.domain.photo import MAX_PHOTO_SIDE
from balai_app.services import casework
from proofs.hostile import ANY_HOSTILE, HYPOTHESIS, assert_database_sane, assert_refusal_is_clear, dump


def valid_resident(n: int) -> dict:
    return {
        "name": f"Penerima Uji {n}", "sex": "P", "klaster": "disabilitas", "birth_place": "Bogor",
        "birth_date": "21-08-1990", "entry_date": "2026-01-05", "nik": "", "nik_missing_reason": "Tidak memiliki KTP",
        "no_kk": "3201012345678901", "disabilities": "fisik", "religion": "Islam", "address": "Jl. Melati No. 5",
        "guardian_name": "Ibu Siti", "guardian_relation": "Ibu", "guardian_phone": "0812-3456-7890",
        "referral_source": "Dinas Sosial", "status": "aktif", "notes": "",
    }


@st.composite
def hostile_resident(draw):
    data = valid_resident(draw(st.integers(0, 10**6)))
    fields = draw(st.lists(st.sampled_from(residents.EDITABLE), min_size=1, max_size=4, unique=True))
    for name in fields:
        data[name] = draw(ANY_HOSTILE)
    if draw(st.booleans()):
        data["nik"] = draw(st.sampled_from(["3201016108900003", "3201016108900004", "32010161089000", "320101610890000x",
                                            "3201013102900001", "0000000000000000", "3201016108900000", "3201 0161 0890 0005"]))
    return data


# --- what "stored correctly" means ---------------------------------------------------

TEXT_LIMITS = {f.name: f.max_length for f in Resident._meta.sorted_fields if getattr(f, "max_length", None)}


def assert_stored_correctly(resident_id: int, data: dict) -> None:
    stored = Resident.get_by_id(resident_id)
    expected, collector = residents.clean({**data}, resident_id=resident_id)
    assert not collector.errors
    for name in residents.EDITABLE:
        value = getattr(stored, name)
        assert value == expected[name], (name, value, expected[name])
        if isinstance(value, str):
            assert "\x00" not in value and value == value.strip()
            assert len(value) <= TEXT_LIMITS.get(name, 5000), name
            value.encode("utf-8")  # storable and readable everywhere
        if isinstance(value, dt.date):
            assert dt.date(1900, 1, 1) <= value <= dt.date.today()
    assert stored.nik is None or (len(stored.nik) == 16 and stored.nik.isdigit())
    assert stored.sex in ("L", "P")


# --- the properties --------------------------------------------------------------------


@pytest.mark.slow
@HYPOTHESIS
@given(data=hostile_resident(), confirm=st.booleans())
def test_create_resident_stores_or_refuses_cleanly(db, system, data, confirm):
    path = Path(db.database)
    before = dump(path)
    try:
        created = residents.create_resident(system, data, confirm_warnings=confirm)
    except BalaiError as exc:
        assert_refusal_is_clear(exc)
        assert dump(path) == before
    else:
        assert_stored_correctly(created.id, data)
        assert_database_sane(path)


@pytest.mark.slow
@HYPOTHESIS
@given(data=hostile_resident(), stale=st.booleans())
def test_update_resident_stores_or_refuses_cleanly(db, system, make_resident, data, stale):
    target = make_resident(nik=None, nik_missing_reason="belum ada")
    changes = {k: v for k, v in data.items() if k in residents.EDITABLE}
    path = Path(db.database)
    before = dump(path)
    try:
        updated = residents.update_resident(system, target.id, changes,
                                            expected_version=target.version + (1 if stale else 0),
                                            confirm_warnings=True)
    except BalaiError as exc:
        assert_refusal_is_clear(exc)
        assert dump(path) == before
    else:
        assert not stale
        assert updated.version == target.version + 1
        merged = {**{n: getattr(target, n) for n in residents.EDITABLE}, **changes}
        assert_stored_correctly(target.id, merged)
        assert_database_sane(path)


@pytest.mark.slow
@HYPOTHESIS
@given(fields=st.dictionaries(st.sampled_from(list(casework.ASSESSMENT_LABELS)), ANY_HOSTILE, max_size=5),
       service=st.dictionaries(st.sampled_from(["date", "kind", "description", "staff"]), ANY_HOSTILE, max_size=4))
def test_assessments_and_services_store_or_refuse_cleanly(db, system, make_resident, fields, service):
    resident = make_resident(nik=None, nik_missing_reason="belum ada")
    path = Path(db.database)
    for call in (
        lambda: casework.add_assessment(system, resident.id, {"date": "2026-01-06", "assessor": "Rina", "summary": "ok", **fields}),
        lambda: casework.add_service(system, resident.id, {"kind": "terapi", "description": "x", **service},
                                      confirm_warnings=True),
    ):
        before = dump(path)
        try:
            row = call()
        except BalaiError as exc:
            assert_refusal_is_clear(exc)
            assert dump(path) == before
        else:
            for name in ("date", "kind", "description", "staff", "assessor", "summary"):
                value = getattr(row, name, None)
                if isinstance(value, str):
                    assert "\x00" not in value and len(value) <= 5000


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims the given size (a decompression bomb when huge)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = lambda kind, body: struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))  # noqa: E731
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def real_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (900, 500), (10, 200, 30, 128)).save(buf, "PNG")
    return buf.getvalue()


@pytest.mark.slow
@HYPOTHESIS
@given(photo=st.one_of(
    st.binary(max_size=200),
    st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a", b"%PDF-1.4", png_header(100_000, 100_000),
                     png_header(1, 1), png_header(0, 0), real_png()[:300], real_png(), b"\x00" * 100]),
))
def test_photos_store_or_refuse_cleanly(db, system, make_resident, photo):
    resident = make_resident(nik=None, nik_missing_reason="belum ada")
    path = Path(db.database)
    before = dump(path)
    try:
        residents_photo.set_photo(system, resident.id, photo)
    except BalaiError as exc:
        assert_refusal_is_clear(exc)
        assert dump(path) == before
    else:
        stored = residents_photo.get_photo(system, resident.id)
        if photo:
            from PIL import Image

            image = Image.open(io.BytesIO(stored))
            assert image.format == "JPEG" and max(image.size) <= MAX_PHOTO_SIDE


@pytest.mark.slow
@HYPOTHESIS
@given(fields=st.dictionaries(st.sampled_from(list(casework.ASSESSMENT_LABELS)), ANY_HOSTILE, min_size=1, max_size=5),
       stale=st.booleans())
def test_assessment_updates_store_or_refuse_cleanly(db, system, make_resident, fields, stale):
    from proofs.hostile import attempt

    resident = make_resident(nik=None, nik_missing_reason="belum ada")
    row = casework.add_assessment(system, resident.id, {"date": "2026-01-06", "assessor": "Rina", "summary": "ok"})
    attempt(Path(db.database), lambda: casework.update_assessment(system, row.id, fields,
                                                                  expected_version=row.version + int(stale)))
