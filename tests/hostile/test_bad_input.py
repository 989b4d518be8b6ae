"""Bad input (issue 12): one bad byte, files too large, image bombs, invisible characters."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from balai_app.db.models import Resident
from balai_app.domain.errors import ValidationError
from balai_app.services import resident_io as rio
from balai_app.services import resident_io_read as rio_read
from balai_app.services import residents
from balai_app.domain.photo import prepare_photo

HEADER = "nama;jenis_kelamin;klaster;tanggal_masuk;catatan\r\n"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_utf8_file_with_one_bad_byte_is_refused_naming_row_and_column(db, system, tmp_path):
    body = (HEADER + "Muh. Ma\u2019ruf;L;anak;2026-01-05;baik\r\n"
            + "René;L;anak;2026-01-05;CATATAN\r\n").encode("utf-8")
    bad = body.replace(b"CATATAN", b"cat\x92tan")  # one Windows-1252 byte inside a UTF-8 file
    path = _write(tmp_path / "pm.csv", bad)
    with pytest.raises(rio.ImportFileError) as caught:
        rio.check_import(system, path)
    message = caught.value.message
    assert "baris 3" in message and "'catatan'" in message and "0x92" in message
    with pytest.raises(rio.ImportFileError):
        rio.run_import(system, path)
    assert Resident.select().count() == 0


def test_a_whole_windows_1252_file_is_still_read(db, system, tmp_path):
    path = _write(tmp_path / "pm.csv", (HEADER + "Muh. Ma\u2019ruf;L;anak;2026-01-05;Café\r\n").encode("cp1252"))
    report = rio.run_import(system, path)
    assert report.imported == 1
    assert Resident.get().name == "Muh. Ma\u2019ruf" and Resident.get().notes == "Café"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(db, system, tmp_path, monkeypatch):
    path = tmp_path / "besar.csv"
    with open(path, "wb") as handle:
        handle.write(HEADER.encode())
        handle.truncate(rio_read.MAX_FILE_MB * 1024 * 1024 + 1)  # sparse: no time, no disk
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(rio.ImportFileError) as caught:
        rio.check_import(system, path)
    assert not read
    assert f"{rio_read.MAX_FILE_MB} MB" in caught.value.message and "baris" in caught.value.message


def test_too_many_rows_are_refused_with_the_limit_stated(db, system, tmp_path, monkeypatch):
    monkeypatch.setattr(rio_read, "MAX_ROWS", 5)
    path = _write(tmp_path / "pm.csv", (HEADER + "".join(f"PM {n};L;anak;2026-01-05;\r\n" for n in range(30)))
                  .encode("utf-8"))
    with pytest.raises(rio.ImportFileError, match="terlalu besar") as caught:
        rio.check_import(system, path)
    assert "5 baris" in caught.value.message
    assert Resident.select().count() == 0


def test_an_xlsx_that_unpacks_beyond_the_limit_is_refused(db, system, tmp_path, monkeypatch):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["nama", "jenis_kelamin", "klaster"])
    book.save(tmp_path / "pm.xlsx")
    monkeypatch.setattr(rio_read, "MAX_XLSX_UNPACKED_MB", 0)
    with pytest.raises(rio.ImportFileError, match="setelah dibuka"):
        rio.check_import(system, tmp_path / "pm.xlsx")


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def test_a_169_megapixel_photo_is_refused_from_its_header(db):
    with pytest.raises(ValidationError) as caught:
        prepare_photo(_png_header(13_000, 13_000))
    assert "169 megapiksel" in caught.value.errors["photo"] and "maksimal 50" in caught.value.errors["photo"]


@pytest.mark.parametrize("name", ["\u202eSiti Aminah", "Siti\u200bAminah", "Budi\u200d", "\ufeffRina"])
def test_invisible_format_characters_are_refused_in_names(db, system, name):
    with pytest.raises(ValidationError) as caught:
        residents.create_resident(system, {"name": name, "sex": "P", "klaster": "anak", "nik": "",
                                           "nik_missing_reason": "Tidak memiliki KTP",
                                           "entry_date": "2026-01-05"}, confirm_warnings=True)
    assert "tak terlihat" in caught.value.errors["name"]
    assert Resident.select().count() == 0


def test_invisible_characters_in_an_import_name_the_row_and_column(db, system, tmp_path):
    path = _write(tmp_path / "pm.csv", (HEADER + "Siti;P;anak;2026-01-05;\r\n\u202eBudi;L;anak;2026-01-05;\r\n")
                  .encode("utf-8"))
    report = rio.check_import(system, path)
    assert [(p.row, p.column) for p in report.errors] == [(3, "nama")]
    assert "tak terlihat" in report.errors[0].message


def _peak_of(call) -> tuple[int, BaseException | None]:
    """Python's peak allocation (tracemalloc) while ``call`` runs, and what it raised."""
    import tracemalloc

    tracemalloc.start()
    try:
        call()
        raised = None
    except rio.ImportFileError as exc:
        raised = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, raised


def test_another_programs_csv_is_refused_from_its_first_lines(db, system, tmp_path):
    path = tmp_path / "pesanan.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("order_id,amount,customer\r\n")
        handle.write("12345,99.50,PT Contoh Sejahtera Abadi\r\n" * 800_000)  # about 30 MB
    peak, raised = _peak_of(lambda: rio.check_import(system, path))
    assert raised is not None and "Kolom wajib tidak ada: nama, jenis_kelamin, klaster" in raised.message
    assert peak < 4 * 1024 * 1024, f"{peak / 1e6:.1f} MB for a 30 MB file refused by its header"


def test_a_csv_past_the_row_limit_is_refused_while_streaming(db, system, tmp_path):
    path = tmp_path / "besar.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("nama;jenis_kelamin;klaster\r\n")
        handle.write("Siti;P;anak\r\n" * 2_500_000)  # 32 MB, under the size limit, 25 times the row limit
    assert path.stat().st_size < rio_read.MAX_FILE_MB * 1024 * 1024
    peak, raised = _peak_of(lambda: rio.check_import(system, path))
    assert raised is not None and "100.000 baris" in raised.message and f"{rio_read.MAX_FILE_MB} MB" in raised.message
    # Only the rows up to the limit were ever held: not the file, its text or its 2.5 million lines.
    assert peak < path.stat().st_size, f"{peak / 1e6:.1f} MB for a {path.stat().st_size / 1e6:.0f} MB file"


def test_an_xlsx_without_the_headers_is_refused_before_its_rows_are_read(db, system, tmp_path, monkeypatch):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Pesanan")
    sheet.append(["order_id", "amount", "customer"])
    for n in range(300):
        sheet.append([n, 99.5, "PT Contoh"])
    book.save(tmp_path / "pesanan.xlsx")
    monkeypatch.setattr(rio_read, "MAX_ROWS", 100)  # reading every row would meet this limit first
    with pytest.raises(rio.ImportFileError, match="Kolom wajib tidak ada: nama, jenis_kelamin, klaster"):
        rio.check_import(system, tmp_path / "pesanan.xlsx")
