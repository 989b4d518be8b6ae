"""Bad input everywhere, part 3: the resident importer under hostile files.

Hypothesis writes real CSV files (every separator and encoding an office
produces, random headers, duplicated and unknown columns, hostile cells) and
XLSX files (cells of every type openpyxl writes), plus files of random bytes.
``resident_io.run_import`` must either refuse the file with a BalaiError
carrying an Indonesian message (database unchanged), or return a report whose
count matches what was written: nothing at all when it wrote nothing (all or
nothing by default), every stored value of its column's declared kind, and
every problem an Indonesian sentence with its row number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import event, given, strategies as st

from balai_app.domain.errors import BalaiError
from balai_app.services import resident_io, resident_io_read
from proofs.hostile import (
    BAD_DATES,
    HOSTILE_TEXT,
    HYPOTHESIS,
    INDONESIAN,
    PYTHON_LEAKS,
    assert_database_sane,
    assert_refusal_is_clear,
    dump,
)

HEADERS = list(resident_io_read.HEADERS) + list(resident_io_read.HEADER_ALIASES) + ["Nama Lengkap", "NIK ", "\ufeffnama",
                                                                          "kolom_lain", "", "=cmd|' /C calc'!A0"]
VALID = {"nik": "3201016108900003", "no_kk": "3201012345678901", "nama": "Ni Luh Putu Ayu", "jenis_kelamin": "P",
         "tempat_lahir": "Denpasar", "tanggal_lahir": "21/08/1990", "klaster": "anak", "alamat": "Br. Kaja",
         "tanggal_masuk": "05/01/2026", "nama_wali": "Made", "telepon_wali": "0812-3456-7890", "catatan": ""}
CELL_TEXT = st.one_of(HOSTILE_TEXT, BAD_DATES, st.sampled_from(["L", "P", "l", "anak", "lansia", "NAPZA", "x",
                                                                 "=\"3201016108900003\"", "'=1+1", "3,20101E+15",
                                                                 "32010161089000031", "1990-08-21"]))


@st.composite
def table(draw):
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=0, max_size=14))
    if draw(st.integers(0, 5)) > 0:  # mostly a usable file, so that rows are really written
        headers = ["nama", "jenis_kelamin", "klaster", *headers]
        seen: set[str] = set()
        headers = [h for h in headers if not (resident_io_read.header_key(h) in seen or seen.add(resident_io_read.header_key(h)))]
    rows = []
    for n in range(draw(st.integers(0, 6))):
        row = []
        for header in headers:
            key = resident_io_read.header_key(header)
            if draw(st.integers(0, 7)) == 0:
                row.append(draw(CELL_TEXT))
            else:
                value = VALID.get(key, "")
                if key == "nik" and value:
                    value = f"32010161089{n:05d}"[:12] + f"{n + 1:04d}"
                row.append(value)
        if draw(st.integers(0, 5)) == 0:
            row = row[: draw(st.integers(0, len(row)))] + [draw(CELL_TEXT)] * draw(st.integers(0, 2))
        rows.append(row)
    return headers, rows


def write_csv(path: Path, headers, rows, separator: str, encoding: str) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=separator)
    for line in [headers, *rows]:
        writer.writerow([cell.replace("\x00", "") for cell in line])
    path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))


def write_xlsx(path: Path, headers, rows, typed) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    sheet = book.active
    for line in [headers, *rows]:
        out = []
        for cell in line:
            value = typed.pop(0) if typed and typed[0] is not ... else cell
            out.append(value)
        try:
            sheet.append(out)
        except (IllegalCharacterError, ValueError, TypeError):
            sheet.append([str(c).encode("ascii", "ignore").decode()[:100] if isinstance(c, str) else c for c in out
                          if not isinstance(c, str) or c.isprintable()])
    book.save(path)


TYPED = st.lists(st.one_of(st.just(...), st.integers(-10**20, 10**20), st.floats(allow_nan=False, allow_infinity=False),
                           st.dates(min_value=dt.date(1900, 1, 1)), st.datetimes(min_value=dt.datetime(1900, 1, 1)),
                           st.booleans(), st.none(), st.just(3201016108900003), st.just(3.201016108900003e15)),
                 max_size=20)


def check(path: Path, db_path: Path, admin, skip_invalid: bool) -> None:
    before = dump(db_path)
    try:
        report = resident_io.run_import(admin, path, skip_invalid=skip_invalid)
    except BalaiError as exc:
        event("file refused")
        assert_refusal_is_clear(exc)
        assert dump(db_path) == before, "a refused import altered the database"
        return
    after = dump(db_path)
    event("rows imported" if report.imported else "report, nothing imported")
    assert len(after["resident"]) == len(before["resident"]) + report.imported
    if report.imported == 0:
        assert after == before, "an import that wrote nothing changed the database"
    if report.errors and not skip_invalid:
        assert report.imported == 0, "all or nothing: an invalid row let others in"
    for problem in report.problems:
        assert isinstance(problem.row, int) and problem.row >= 1
        assert not any(leak in problem.message for leak in PYTHON_LEAKS), problem.message
        assert any(word in problem.message.casefold() for word in INDONESIAN), problem.message
    assert_database_sane(db_path)


@pytest.fixture
def admin(db):
    from support.certificates import make_admin

    return make_admin()


@pytest.mark.slow
@HYPOTHESIS
@given(data=table(), separator=st.sampled_from([",", ";", "\t", "|"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]), skip_invalid=st.booleans())
def test_hostile_csv_files(db, admin, tmp_path, data, separator, encoding, skip_invalid):
    headers, rows = data
    path = tmp_path / "impor.csv"
    write_csv(path, headers, rows, separator, encoding)
    check(path, Path(db.database), admin, skip_invalid)


@pytest.mark.slow
@HYPOTHESIS
@given(data=table(), typed=TYPED, skip_invalid=st.booleans())
def test_hostile_xlsx_files(db, admin, tmp_path, data, typed, skip_invalid):
    headers, rows = data
    path = tmp_path / "impor.xlsx"
    write_xlsx(path, headers, rows, list(typed))
    check(path, Path(db.database), admin, skip_invalid)


@pytest.mark.slow
@HYPOTHESIS
@given(blob=st.one_of(st.binary(max_size=400), st.sampled_from([
    b"", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04" + b"\x00" * 60, b"nama;jenis_kelamin;klaster\r\n",
    b"nama,jenis_kelamin,klaster\n\x00\x00\x00", "nama;jenis_kelamin;klaster\nSiti;P;anak\n".encode("utf-16-le"),
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 40])), suffix=st.sampled_from([".csv", ".xlsx", ".xls", ".txt", ""]))
def test_random_bytes_files(db, admin, tmp_path, blob, suffix):
    path = tmp_path / f"berkas{suffix}"
    path.write_bytes(blob)
    check(path, Path(db.database), admin, False)
