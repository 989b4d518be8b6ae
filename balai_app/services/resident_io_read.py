"""Reading a resident file (CSV or XLSX) into rows keyed by the canonical headers.

``read_table(path)`` reads a CSV (comma, semicolon or tab separated; UTF-8 with or
without BOM, UTF-16 with BOM, else Windows-1252 when the whole file looks like it)
or an XLSX file: ([(header as written, canonical key)], data rows, header problems).
Files over the limits (``MAX_FILE_MB``, ``MAX_ROWS``) are refused with the limit named.
Every problem carries the row number as the spreadsheet shows it (header = row 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from balai_app.domain.csv_text import BadByte, decode_csv
from balai_app.domain.errors import BalaiError
from balai_app.domain.spreadsheet import unescape
from balai_app.i18n import tr

# Canonical header -> field of services.residents.clean. Order = export order.
HEADERS: dict[str, str] = {
    "nik": "nik",
    "no_kk": "no_kk",
    "nama": "name",
    "jenis_kelamin": "sex",
    "tempat_lahir": "birth_place",
    "tanggal_lahir": "birth_date",
    "klaster": "klaster",
    "alamat": "address",
    "tanggal_masuk": "entry_date",
    "nama_wali": "guardian_name",
    "telepon_wali": "guardian_phone",
    "catatan": "notes",
    # Since the round-trip fix (issue 13): everything else a PM record holds, so that an
    # export with NIK imported into an empty database gives the same PMs back.
    "status": "status",
    "tanggal_keluar": "exit_date",
    "alasan_keluar": "exit_reason",
    "disabilitas": "disabilities",
    "alasan_tanpa_nik": "nik_missing_reason",
    "agama": "religion",
    "pendidikan": "education",
    "hubungan_wali": "guardian_relation",
    "sumber_rujukan": "referral_source",
}
REQUIRED_HEADERS = ("nama", "jenis_kelamin", "klaster")
# A few spellings seen in real office spreadsheets.
HEADER_ALIASES = {
    "nama_lengkap": "nama",
    "nomor_kk": "no_kk",
    "no_kartu_keluarga": "no_kk",
    "tgl_lahir": "tanggal_lahir",
    "tgl_masuk": "tanggal_masuk",
}
FIELD_TO_HEADER = {f: h for h, f in HEADERS.items()}
DATE_HEADERS = ("tanggal_lahir", "tanggal_masuk", "tanggal_keluar")
DIGIT_HEADERS = ("nik", "no_kk", "telepon_wali")

DEFAULT_NIK_MISSING_REASON = "NIK tidak tercantum pada berkas impor"
SUPPORTED_SUFFIXES = (".csv", ".xlsx")
CHUNK = 500  # rows between two progress reports


class ImportFileError(BalaiError):
    """The file as a whole cannot be imported (unreadable, wrong format, missing headers)."""


class UnsupportedFormat(ImportFileError):
    """The file name does not end in .csv or .xlsx."""


@dataclass
class RawRow:
    row: int  # as the spreadsheet shows it; the header is row 1
    values: dict[str, Any]  # canonical header -> cell value (str, number, date or None)


@dataclass
class Problem:
    row: int
    column: str  # the header as the file writes it
    message: str
    level: str = "error"  # "error" | "warning"

    @property
    def is_error(self) -> bool:
        return self.level == "error"


# --- reading ------------------------------------------------------------------


def header_key(text: Any) -> str:
    """'Jenis Kelamin', 'jenis_kelamin', ' No. KK ' -> canonical-looking key."""
    key = unicodedata.normalize("NFKC", "" if text is None else str(text)).replace("\ufeff", "").strip().lower()
    key = re.sub(r"[^0-9a-z]+", "_", key).strip("_")
    return HEADER_ALIASES.get(key, key)


def check_suffix(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".xls":
        raise UnsupportedFormat(
            tr("Format .xls (Excel 97-2003) tidak didukung. Simpan berkas sebagai .xlsx atau .csv.")
        )
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(
            tr("Jenis berkas '{s}' tidak didukung; gunakan .xlsx atau .csv.").format(s=suffix or Path(path).name)
        )
    return suffix


def read_rows(path: str | Path) -> list[RawRow]:
    """The data rows of a CSV or XLSX file; see ``read_table`` for the headers."""
    return read_table(path)[1]


def read_table(path: str | Path) -> tuple[list[tuple[str, str]], list[RawRow], list[Problem]]:
    """([(header as written, canonical key)], data rows, header problems).

    Raises ``ImportFileError`` for a file that cannot be read at all, has no
    header row, or lacks a required column.
    """
    path = Path(path)
    suffix = check_suffix(path)
    if not path.is_file():
        raise ImportFileError(tr("Berkas '{p}' tidak ditemukan.").format(p=path))
    try:
        _check_size(path, suffix)
        if suffix == ".csv":
            _check_csv_header(path)
        records = _xlsx_records(path) if suffix == ".xlsx" else _csv_records(path)
    except ImportFileError:
        raise
    except PermissionError as exc:
        raise ImportFileError(tr(
            "Berkas '{p}' tidak dapat dibuka: mungkin masih terbuka di Excel atau program lain. "
            "Tutup berkas itu lalu coba lagi.").format(p=path.name)) from exc
    except (OSError, csv.Error, ValueError, KeyError) as exc:
        raise ImportFileError(tr("Berkas '{p}' tidak dapat dibaca: {e}").format(p=path.name, e=exc)) from exc
    except Exception as exc:  # openpyxl raises zipfile/XML errors of many kinds
        raise ImportFileError(
            tr("Berkas '{p}' bukan berkas {k} yang dapat dibaca: {e}").format(p=path.name, k=suffix[1:].upper(), e=exc)
        ) from exc

    header_number, header_cells = _find_header(records, path)

    columns: list[tuple[int, str, str]] = []  # (index, as written, key)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for index, cell in enumerate(header_cells):
        written = "" if cell is None else str(cell).replace("\ufeff", "").strip()
        if not written:
            continue
        key = header_key(written)
        if key not in HEADERS:
            problems.append(Problem(header_number, written, tr("Kolom tidak dikenal; isinya diabaikan."), "warning"))
            continue
        if key in seen:
            raise ImportFileError(
                tr("Kolom '{a}' dan '{b}' berarti sama ({k}); hapus salah satu.").format(a=seen[key], b=written, k=key)
            )
        seen[key] = written
        columns.append((index, written, key))
    missing = [h for h in REQUIRED_HEADERS if h not in seen]
    if missing:
        raise ImportFileError(_missing_columns(missing))

    rows: list[RawRow] = []
    keys = [key for _index, _written, key in columns]
    indexes = [index for index, _written, _key in columns]
    width = max(indexes) + 1
    for number, cells in records:
        if number <= header_number:
            continue
        if len(cells) >= width:  # the usual record: a cell for every known column
            picked = [cells[index] for index in indexes]
        else:
            picked = [cells[index] if index < len(cells) else None for index in indexes]
        try:
            present = bool("".join(picked).strip())  # a CSV's record: text cells only
        except TypeError:  # a number, a date or an empty cell of a spreadsheet
            present = any(_present(v) for v in picked)
        if present:
            rows.append(RawRow(number, dict(zip(keys, picked))))
    return [(written, key) for _index, written, key in columns], rows, problems


def _find_header(records: list[tuple[int, list[Any]]], path: Path) -> tuple[int, list[Any]]:
    """The header row: the first non-empty row, unless a title sits above the
    headers (common in office sheets): then the first of the top ten non-empty
    rows that holds every required header."""
    candidates = [(number, cells) for number, cells in records[:200] if any(_present(c) for c in cells)][:10]
    if not candidates:
        raise ImportFileError(tr("Berkas '{p}' kosong.").format(p=path.name))
    for number, cells in candidates:
        keys = {header_key(c) for c in cells if _present(c)}
        if all(h in keys for h in REQUIRED_HEADERS):
            return number, cells
    return candidates[0]


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


MAX_FILE_MB = 40  # a CSV/XLSX larger than this is refused before it is read
MAX_ROWS = 100_000  # data rows: keeps the peak memory of checking a file under about 300 MB
MAX_XLSX_UNPACKED_MB = 400  # what an XLSX (a zip) may unpack to: a zip bomb is refused unread


def _too_large(path: Path, why: str) -> ImportFileError:
    return ImportFileError(tr(
        "Berkas '{p}' terlalu besar untuk diimpor sekaligus ({why}). Batasnya {mb} MB dan {rows} baris data; "
        "bagi berkas menjadi beberapa bagian lalu impor satu per satu.").format(
        p=path.name, why=why, mb=MAX_FILE_MB, rows=f"{MAX_ROWS:,}".replace(",", ".")))


def _check_size(path: Path, suffix: str) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        raise _too_large(path, tr("{mb:.0f} MB").format(mb=size / 1024 / 1024))
    if suffix == ".xlsx":
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError):
            return  # openpyxl says what is wrong with it
        if unpacked > MAX_XLSX_UNPACKED_MB * 1024 * 1024:
            raise _too_large(path, tr("isinya {mb:.0f} MB setelah dibuka").format(mb=unpacked / 1024 / 1024))


def _decode(data: bytes, path: Path) -> str:
    try:
        return decode_csv(data)[0]
    except BadByte as bad:
        head = data[: bad.offset - len(bad.line_prefix.encode("utf-8", errors="replace"))]
        header_line = next((line for line in head.decode("utf-8", errors="replace").splitlines() if line.strip()), "")
        delimiter = _sniff_delimiter([header_line]) if header_line else ","
        headers = next(csv.reader([header_line], delimiter=delimiter), [])
        index = max(0, len(next(csv.reader([bad.line_prefix], delimiter=delimiter), [""])) - 1)
        column = headers[index].strip() if index < len(headers) and bad.line > 1 else str(index + 1)
        raise ImportFileError(tr(
            "Berkas '{p}' bukan teks UTF-8 yang sah: baris {row}, kolom '{col}' berisi byte 0x{b:02X} yang tidak "
            "dapat dibaca. Bagian lain berkas ditulis dalam UTF-8, jadi berkas tidak dibaca sebagai Windows-1252 "
            "(nama beraksen akan rusak). Perbaiki sel itu, simpan sebagai 'CSV UTF-8', lalu impor lagi.").format(
            p=path.name, row=bad.line, col=column, b=bad.byte)) from None


HEAD_BYTES = 64 * 1024  # what is read of a CSV to check its header before the rest


def _check_csv_header(path: Path) -> None:
    """Refuse a CSV whose first lines hold no header with the required columns, having
    read only its first ``HEAD_BYTES`` (another program's file or random bytes is refused
    before the rest is read). Anything less clear is left to the full reading."""
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
        more = bool(handle.read(1))
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    lines = text.splitlines()
    if more and lines:
        lines = lines[:-1]  # cut off in the middle
    delimiter, lines = _delimiter_of(lines)
    candidates = [line for line in lines if line.strip()][:10]
    if not candidates or (not more and len(candidates) < 10):
        return  # empty, or short enough that the full reading says the same at once
    keys_of = [{header_key(c) for c in next(csv.reader([line], delimiter=delimiter), [])} for line in candidates]
    if any(all(h in keys for h in REQUIRED_HEADERS) for keys in keys_of):
        return
    missing = [h for h in REQUIRED_HEADERS if h not in keys_of[0]]
    raise ImportFileError(_missing_columns(missing))


def _missing_columns(missing: list[str]) -> str:
    return tr("Kolom wajib tidak ada: {m}. Baris pertama berkas harus berisi judul kolom, misalnya: {all}.").format(
        m=", ".join(missing), all=", ".join(HEADERS))


def _delimiter_of(lines: list[str]) -> tuple[str, list[str]]:
    """(separator, the lines without Excel's ``sep=;`` hint line, which Excel hides)."""
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        return lines[0].strip()[4], lines[1:]
    return _sniff_delimiter([line for line in lines[:50] if line.strip()][:10]), lines


def _csv_records(path: Path) -> list[tuple[int, list[str]]]:
    """The records of a CSV, read as a stream when it is UTF-8 (the usual case: never the
    whole file in memory at once, and refused at the first row past ``MAX_ROWS``); other
    files (UTF-16, Windows-1252, a bad byte to name) are decoded whole by ``decode_csv``."""
    with open(path, "rb") as handle:
        start = handle.read(2)
    if not start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            with open(path, encoding="utf-8-sig", errors="strict", newline="") as handle:
                head = [line for _, line in zip(range(50), handle)]
                delimiter, rest_of_head = _delimiter_of(head)
                reader = csv.reader(itertools.chain(rest_of_head, handle), delimiter=delimiter)
                # Excel shows one record per row (even with line breaks inside quotes): number records, not lines.
                return _limited_rows(path, ((number, _unexcel_all(cells)) for number, cells in enumerate(reader, start=1)))
        except UnicodeDecodeError:  # not UTF-8 throughout: decoded whole, which names the bad byte or reads Windows-1252
            return _csv_records_whole(path)
    return _csv_records_whole(path)


def _csv_records_whole(path: Path) -> list[tuple[int, list[str]]]:
    text = _decode(path.read_bytes(), path)
    first = text.split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:
        delimiter = first[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = _sniff_delimiter([line for line in text[:HEAD_BYTES].splitlines()[:50] if line.strip()][:10])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _limited_rows(path, ((number, _unexcel_all(cells)) for number, cells in enumerate(reader, start=1)))


def _limited_rows(path: Path, records) -> list[tuple[int, list[Any]]]:
    """The records, refused as soon as there are more than ``MAX_ROWS`` (+ a title block)."""
    out = []
    for record in records:
        out.append(record)
        if len(out) > MAX_ROWS + 11:
            raise _too_large(path, tr("lebih dari {n} baris").format(n=f"{MAX_ROWS:,}".replace(",", ".")))
    return out


def _sniff_delimiter(lines: list[str]) -> str:
    """The separator that splits a line into the required headers; else the
    one the first line holds most of (Excel in the id-ID locale: ';')."""
    for line in lines:
        for delimiter in (";", ",", "\t"):
            keys = {header_key(cell) for cell in next(csv.reader([line], delimiter=delimiter), [])}
            if all(h in keys for h in REQUIRED_HEADERS):
                return delimiter
    first = lines[0] if lines else ""
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


_EXCEL_MARKS = frozenset("='")  # how a cell that ``_unexcel`` changes starts


def _unexcel_all(cells: list[str]) -> list[str]:
    """``_unexcel`` of every cell of a record (most cells start with neither mark: no call for them)."""
    joined = "".join(cells)
    if "'" not in joined and "=" not in joined:  # most records: no cell can start with a mark
        return cells
    return [_unexcel(c) if c[:1] in _EXCEL_MARKS else c for c in cells]


def _unexcel(cell: str) -> str:
    """Undo what the exporter does for Excel: ="123" and a leading apostrophe."""
    if len(cell) >= 3 and cell.startswith('="') and cell.endswith('"'):
        return cell[2:-1].replace('""', '"')
    return unescape(cell)


def _xlsx_records(path: Path) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong used range; read every row
        # our own export wrote '=... for text a spreadsheet would run
        records = ((number, [unescape(c) if isinstance(c, str) else c for c in cells])
                   for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1))
        return _limited_rows(path, _header_first(records))
    finally:
        workbook.close()


def _header_first(records: Iterator[tuple[int, list[Any]]]) -> Iterator[tuple[int, list[Any]]]:
    """The records, unchanged, once the first ten non-empty ones (among the first 200) are
    seen to hold the required headers; refused before the rest is read otherwise."""
    head: list[tuple[int, list[Any]]] = []
    non_empty: list[set[str]] = []
    for record in records:
        head.append(record)
        if any(_present(c) for c in record[1]):
            non_empty.append({header_key(c) for c in record[1] if _present(c)})
        if len(non_empty) >= 10 or len(head) >= 200:
            break
    else:
        yield from head  # a short file: the full reading says what is wrong with it
        return
    if non_empty and not any(all(h in keys for h in REQUIRED_HEADERS) for keys in non_empty):
        raise ImportFileError(_missing_columns([h for h in REQUIRED_HEADERS if h not in non_empty[0]]))
    yield from head
    yield from records
