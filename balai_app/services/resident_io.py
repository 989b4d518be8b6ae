"""Importing and exporting the resident register (CSV and XLSX).

Import
    ``read_rows(path)`` reads a CSV (comma, semicolon or tab separated; UTF-8
    with or without BOM, UTF-16 with BOM, else Windows-1252) or an XLSX file
    into ``RawRow`` objects keyed by the canonical header names of ``HEADERS``.
    ``check_import(actor, path)`` validates every row with
    ``services.residents.clean`` without writing anything, and
    ``run_import(actor, path, ...)`` writes the valid rows in ONE transaction:
    all or nothing by default, or only the valid rows with ``skip_invalid``.
    Every problem carries the row number as the spreadsheet shows it
    (header = row 1), the column (as the file names it) and the reason.

Export
    ``export_residents(actor, path, with_nik=False)`` writes the same headers.
    XLSX is the format to recommend to the office: NIK and No. KK are text
    cells, dates are real date cells. CSV is written the way Excel in the
    Indonesian locale opens it correctly with a double click:

    - separator ``;``: the id-ID list separator (the decimal separator is the
      comma), so Excel splits columns on ``;`` and not on ``,``;
    - UTF-8 *with* BOM: without the BOM Excel decodes CSV as the ANSI code
      page and ``Ma’ruf`` or ``é`` turn into mojibake;
    - long digit strings (NIK, No. KK, phone numbers) as ``="3201…"``: a plain
      16-digit number would be shown as 3,20101E+15 and keeps only 15 digits,
      and a phone number loses its leading 0;
    - text starting with ``= + - @`` or ``'`` gets a leading ``'`` so that Excel
      never runs it as a formula (CSV injection);
    - dates as YYYY-MM-DD, which Excel recognises whatever the locale.

    The importer undoes each of these, so an unmasked export imports back
    unchanged.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee

from balai_app.db.connection import write_transaction
from balai_app.db.models import Resident, utcnow
from balai_app.domain import codes
from balai_app.domain.csv_text import BadByte, decode_csv
from balai_app.domain.errors import BalaiError
from balai_app.domain.nik import mask
from balai_app.domain.spreadsheet import append_row, safe_cell, unescape
from balai_app.i18n import tr
from balai_app.services import audit, residents
from balai_app.services.context import Actor
from balai_app.services.permissions import require

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


@dataclass
class ValidRow:
    row: int
    data: dict[str, Any]  # cleaned values, ready to insert


@dataclass
class ImportReport:
    path: Path
    total: int = 0  # data rows in the file (blank rows not counted)
    valid_rows: list[ValidRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    imported: int = 0
    dry_run: bool = False
    skip_invalid: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def invalid_count(self) -> int:
        """Rows with at least one error."""
        return len({p.row for p in self.problems if p.is_error and p.row > 1})

    @property
    def skipped(self) -> int:
        """Data rows not written; for a dry run, the rows a real run would skip (the invalid ones)."""
        if self.dry_run:
            return self.invalid_count
        return self.total - self.imported

    def can_import(self, skip_invalid: bool) -> bool:
        if not self.valid_rows:
            return False
        return skip_invalid or not self.errors

    def summary_sentence(self) -> str:
        """The Indonesian sentence printed before ``summary_line`` (whose English words scripts rely on)."""
        if self.dry_run:
            return tr("Uji coba selesai: {v} baris siap diimpor, {i} baris tidak valid. Belum ada yang disimpan.").format(
                v=len(self.valid_rows), i=self.invalid_count)
        if self.imported:
            return tr("Impor selesai: {n} PM disimpan, {m} baris dilewati.").format(n=self.imported, m=self.skipped)
        return tr("Impor dibatalkan: tidak ada PM yang disimpan, {m} baris dilewati.").format(m=self.skipped)

    def summary_line(self) -> str:
        """The last line of the CLI: ``imported N, skipped M (...)``."""
        line = f"imported {self.imported}, skipped {self.skipped}"
        valid, invalid = len(self.valid_rows), self.invalid_count
        if self.dry_run:
            note = tr("uji coba: {v} baris valid siap diimpor, {i} baris tidak valid; belum ada yang disimpan").format(
                v=valid, i=invalid)
        elif self.imported and invalid:
            note = tr("{i} baris tidak valid dilewati").format(i=invalid)
        elif not self.imported and invalid:
            note = tr("{i} baris tidak valid; tidak ada yang disimpan").format(i=invalid)
        else:
            return line
        return f"{line} ({note})"


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
        raise ImportFileError(
            tr("Kolom wajib tidak ada: {m}. Baris pertama berkas harus berisi judul kolom, misalnya: {all}.").format(
                m=", ".join(missing), all=", ".join(HEADERS)
            )
        )

    rows: list[RawRow] = []
    for number, cells in records:
        if number <= header_number:
            continue
        values = {key: (cells[index] if index < len(cells) else None) for index, _written, key in columns}
        if not any(_present(v) for v in values.values()):
            continue
        rows.append(RawRow(number, values))
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


def _csv_records(path: Path) -> list[tuple[int, list[str]]]:
    text = _decode(path.read_bytes(), path)
    lines = text.splitlines()
    delimiter = None
    # Excel's own hint line: "sep=;" (Excel hides it, so it is no row).
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter = lines[0].strip()[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
        lines = lines[1:]
    if delimiter is None:
        delimiter = _sniff_delimiter([line for line in lines[:50] if line.strip()][:10])
    del lines
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # Excel shows one record per row (even with line breaks inside quotes): number records, not lines.
    return _limited_rows(path, ((number, [_unexcel(c) for c in cells]) for number, cells in enumerate(reader, start=1)))


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
    return max(counts, key=counts.get) if any(counts.values()) else ","


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
        return _limited_rows(path, ((number, [unescape(c) if isinstance(c, str) else c for c in cells])
                                    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)))
    finally:
        workbook.close()


# --- checking ---------------------------------------------------------------------


FIRST_SERIAL = 3654  # Excel's serial number of 1910-01-01
_EXCEL_SCI = re.compile(r"^\d[.,]\d+E\+?\d+$", re.IGNORECASE)
_FLOAT_ZERO = re.compile(r"^(\d+)[.,]0+$")
_DATE_MIDNIGHT = re.compile(r"^(\S+)\s+00:00(:00)?$")


def _digits_cell(value: Any, header: str, column: str, row: int, problems: list[Problem]) -> str:
    """A NIK / No. KK / phone cell as text, undoing what Excel does to numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            return repr(value)  # clean() reports it as not digits
        text = str(int(value))
        if header == "telepon_wali":
            text = "0" + text if not text.startswith(("0", "62")) else text
            problems.append(Problem(row, column, tr(
                "Telepon tersimpan sebagai angka; angka 0 di depan ditambahkan kembali ({t}). "
                "Periksa, lalu format kolom ini sebagai Teks.").format(t=text), "warning"))
        elif len(text) == 16 and text.endswith("0"):
            problems.append(Problem(row, column, tr(
                "{c} tersimpan sebagai angka; Excel hanya menyimpan 15 digit sehingga digit terakhir bisa "
                "berubah menjadi 0. Periksa, lalu format kolom ini sebagai Teks.").format(c=column), "warning"))
        return text
    text = str(value).strip()
    if text.startswith("'"):
        text = text[1:].strip()
    if len(text) >= 3 and text.startswith('="') and text.endswith('"'):
        text = text[2:-1].strip()
    match = _FLOAT_ZERO.match(text)
    if match and header != "telepon_wali":
        text = match.group(1)
    return text


def _date_cell(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # An Excel serial number in a cell not formatted as a date. Not below
        # 3654 (1910-01-01): a bare year such as 1990 must not become 12-06-1905.
        if FIRST_SERIAL <= value < 2958466:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value)
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, str):
        text = value.strip()
        match = _DATE_MIDNIGHT.match(text)
        return match.group(1) if match else text
    return value


def _text_cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return value


def row_to_data(raw: RawRow, written: dict[str, str], problems: list[Problem]) -> dict[str, Any]:
    """The dict that ``residents.clean`` expects, from one raw row.

    Problems found here (unknown sex or klaster, an NIK mangled by Excel or
    masked) are appended to ``problems``, with a better message than ``clean``
    would give; ``check_rows`` then drops clean's message for that column.
    """
    v = raw.values
    data: dict[str, Any] = {}
    for header, name in HEADERS.items():
        cell = v.get(header)
        if header in DIGIT_HEADERS:
            data[name] = _digits_cell(cell, header, written.get(header, header), raw.row, problems)
        elif header in DATE_HEADERS:
            data[name] = _date_cell(cell)
        else:
            data[name] = _text_cell(cell)

    col = lambda h: written.get(h, h)  # noqa: E731
    nik = data["nik"]
    if nik and _EXCEL_SCI.match(nik):
        problems.append(Problem(raw.row, col("nik"), tr(
            "NIK rusak oleh Excel (tertulis {x}): format kolom NIK sebagai Teks lalu isi ulang NIK lengkap."
        ).format(x=nik)))
        data["nik"] = None
        data["nik_missing_reason"] = tr(DEFAULT_NIK_MISSING_REASON)
    elif nik and "*" in nik:
        problems.append(Problem(raw.row, col("nik"), tr(
            "NIK disamarkan ({x}); impor memerlukan NIK lengkap (ekspor ulang dengan NIK lengkap)."
        ).format(x=nik)))
        data["nik"] = None
        data["nik_missing_reason"] = tr(DEFAULT_NIK_MISSING_REASON)
    elif not nik:
        data["nik"] = None
        data["nik_missing_reason"] = data.get("nik_missing_reason") or tr(DEFAULT_NIK_MISSING_REASON)
    if data["no_kk"] and "*" in str(data["no_kk"]):
        problems.append(Problem(raw.row, col("no_kk"), tr("No. KK disamarkan; impor memerlukan No. KK lengkap.")))
        data["no_kk"] = ""

    sex_text = "" if data["sex"] is None else str(data["sex"]).strip()
    if sex_text:
        sex = codes.sex_from_text(sex_text)
        if sex is None:
            problems.append(Problem(raw.row, col("jenis_kelamin"), tr(
                "Jenis kelamin tidak dikenal: '{x}' (gunakan L/P atau Laki-laki/Perempuan)."
            ).format(x=sex_text[:40])))
        data["sex"] = sex or ""
    klaster_text = "" if data["klaster"] is None else str(data["klaster"]).strip()
    if klaster_text:
        klaster = codes.klaster_from_text(klaster_text)
        if klaster is None:
            problems.append(Problem(raw.row, col("klaster"), tr(
                "Klaster tidak dikenal: '{x}' (gunakan anak, disabilitas, lansia, napza, tuna_sosial "
                "atau nama klaster lengkap)."
            ).format(x=klaster_text[:60])))
        data["klaster"] = klaster or ""
    status_text = "" if data.get("status") is None else str(data["status"]).strip()
    if status_text:
        status = _code_from_text(codes.RESIDENT_STATUS, status_text)
        if status is None:
            problems.append(Problem(raw.row, col("status"), tr(
                "Status tidak dikenal: '{x}' (gunakan {all}).").format(
                x=status_text[:40], all=", ".join(codes.RESIDENT_STATUS.values()))))
        data["status"] = status or ""
    else:
        data["status"] = "aktif"
    disabilities_text = "" if data.get("disabilities") is None else str(data["disabilities"]).strip()
    found = []
    for part in (p.strip() for p in re.split(r"[,;/]", disabilities_text) if p.strip()):
        code = _code_from_text(codes.DISABILITIES, part)
        if code is None:
            problems.append(Problem(raw.row, col("disabilitas"), tr(
                "Jenis disabilitas tidak dikenal: '{x}' (gunakan {all}).").format(
                x=part[:40], all=", ".join(codes.DISABILITIES.values()))))
        else:
            found.append(code)
    data["disabilities"] = found
    return data


def _code_from_text(table: dict[str, str], text: str) -> str | None:
    """A code of ``table`` from its code or its label (case, spaces and '_' ignored)."""
    key = " ".join(text.casefold().replace("_", " ").split())
    for code, label in table.items():
        if key in (code.replace("_", " "), " ".join(label.casefold().split())):
            return code
    return None


def check_rows(
    rows: list[RawRow],
    columns: list[tuple[str, str]],
    *,
    progress: Callable[[int, int], None] | None = None,
    progress_total: int | None = None,
) -> tuple[list[ValidRow], list[Problem]]:
    """Validate every row; returns the valid ones and every problem (errors and warnings)."""
    written = {key: text for text, key in columns}

    def column_of(name: str) -> str:  # a clean() field -> the header as the file writes it
        header = FIELD_TO_HEADER.get(name, name)
        if header not in written and name == "nik_missing_reason":
            header = "nik"  # a file without that column: the reason belongs to the missing NIK
        return written.get(header, header)

    valid: list[ValidRow] = []
    problems: list[Problem] = []
    first_row_of_nik: dict[str, int] = {}
    total = progress_total or len(rows)
    owners = _nik_owners(rows)  # one query per 500 NIKs of the file, not one per row
    people = _Twins()  # possible duplicates: registered PMs and earlier rows of the file
    for done, raw in enumerate(rows, start=1):
        row_problems: list[Problem] = []
        data = row_to_data(raw, written, row_problems)
        reported = {p.column for p in row_problems if p.is_error}  # said better already; not twice
        cleaned, collector = residents.clean(data, nik_owners=owners)
        for name, message in collector.errors.items():
            if column_of(name) not in reported:
                row_problems.append(Problem(raw.row, column_of(name), message))
        for name, message in collector.warnings.items():
            row_problems.append(Problem(raw.row, column_of(name), message, "warning"))
        if cleaned.get("name") and not any(p.is_error for p in row_problems):
            twin = people.twin_of(cleaned, raw.row)
            if twin:
                row_problems.append(Problem(raw.row, column_of("name"), twin, "warning"))
        nik = cleaned.get("nik")
        if nik:
            if nik in first_row_of_nik:
                row_problems.append(Problem(raw.row, written.get("nik", "nik"), tr(
                    "NIK {nik} sudah dipakai di baris {r} berkas ini.").format(nik=nik, r=first_row_of_nik[nik])))
            else:
                first_row_of_nik[nik] = raw.row
        problems.extend(row_problems)
        if not any(p.is_error for p in row_problems):
            valid.append(ValidRow(raw.row, cleaned))
        if progress and (done % CHUNK == 0 or done == len(rows)):
            progress(done, total)
    return valid, problems


class _Twins:
    """The same person twice, when a NIK cannot tell (issue 13): the name folded as the search
    folds it plus the birth date, or plus the family/guardian name, matches a registered PM
    or an earlier row of the file. Loaded once per file; only a warning, never a refusal."""

    def __init__(self) -> None:
        from balai_app.domain.text import fold

        self.fold = fold
        self.by_birth: dict[tuple[str, Any], str] = {}
        self.by_guardian: dict[tuple[str, str], str] = {}
        query = Resident.select(Resident.id, Resident.name, Resident.birth_date, Resident.guardian_name)
        for rid, name, birth, guardian in query.tuples().iterator():
            who = tr("PM No. {id} ({name})").format(id=rid, name=name)
            self._remember(name, birth, guardian, who)

    def _keys(self, name: str, birth: Any, guardian: str) -> tuple[tuple | None, tuple | None]:
        folded = " ".join(self.fold(name).split())
        return ((folded, birth) if birth else None,
                (folded, " ".join(self.fold(guardian).split())) if guardian and guardian.strip() else None)

    def _remember(self, name: str, birth: Any, guardian: str, who: str) -> None:
        by_birth, by_guardian = self._keys(name, birth, guardian or "")
        if by_birth:
            self.by_birth.setdefault(by_birth, who)
        if by_guardian:
            self.by_guardian.setdefault(by_guardian, who)

    def twin_of(self, cleaned: dict[str, Any], row: int) -> str | None:
        by_birth, by_guardian = self._keys(cleaned["name"], cleaned.get("birth_date"), cleaned.get("guardian_name") or "")
        message = None
        if by_birth and by_birth in self.by_birth:
            message = tr("Mungkin orang yang sama dengan {who}: nama dan tanggal lahir sama. Periksa sebelum "
                         "mengimpor agar tidak tercatat dua kali.").format(who=self.by_birth[by_birth])
        elif by_guardian and by_guardian in self.by_guardian:
            message = tr("Mungkin orang yang sama dengan {who}: nama dan nama keluarga/wali sama. Periksa sebelum "
                         "mengimpor agar tidak tercatat dua kali.").format(who=self.by_guardian[by_guardian])
        self._remember(cleaned["name"], cleaned.get("birth_date"), cleaned.get("guardian_name") or "",
                       tr("baris {r} berkas ini").format(r=row))
        return message


def _nik_owners(rows: list[RawRow]) -> dict[str, tuple[int, str]]:
    """{NIK: (record number, name)} of the registered PMs whose NIK appears in the file."""
    candidates = sorted({re.sub(r"\D", "", str(raw.values.get("nik") or "")) for raw in rows} - {""})
    owners: dict[str, tuple[int, str]] = {}
    for start in range(0, len(candidates), 500):
        query = (Resident.select(Resident.nik, Resident.id, Resident.name)
                 .where(Resident.nik.in_(candidates[start:start + 500])))
        owners.update({nik: (rid, name) for nik, rid, name in query.tuples()})
    return owners


def _read_data(path: str | Path) -> tuple[list[tuple[str, str]], list[RawRow], list[Problem]]:
    columns, rows, header_problems = read_table(path)
    if not rows:
        raise ImportFileError(tr("Berkas '{p}' tidak berisi baris data di bawah judul kolom.").format(p=Path(path).name))
    return columns, rows, header_problems


def check_import(actor: Actor, path: str | Path, *, progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Read and validate a file; nothing is written."""
    require(actor, "residents.import")
    columns, rows, header_problems = _read_data(path)
    valid, problems = check_rows(rows, columns, progress=progress)
    return ImportReport(Path(path), total=len(rows), valid_rows=valid, problems=header_problems + problems, dry_run=True)


def run_import(
    actor: Actor,
    path: str | Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Validate and (unless ``dry_run``) write the file in one transaction.

    All or nothing by default: with any invalid row nothing is written.
    ``skip_invalid`` writes the valid rows. Warnings never block.
    ``progress(done, total)`` counts validation then writing, ``total`` being
    twice the number of rows.
    """
    require(actor, "residents.import")
    columns, rows, header_problems = _read_data(path)
    total = 2 * len(rows)
    valid, problems = check_rows(rows, columns, progress=progress, progress_total=total)
    report = ImportReport(Path(path), total=len(rows), valid_rows=valid, problems=header_problems + problems,
                          dry_run=dry_run, skip_invalid=skip_invalid)
    if dry_run or not report.can_import(skip_invalid):
        if progress:
            progress(total, total)
        return report
    write_progress = (lambda done, _n: progress(len(rows) + done, total)) if progress else None
    report.imported = insert_rows(actor, [r.data for r in valid], Path(path).name, progress=write_progress)
    if progress:
        progress(total, total)
    return report


def insert_rows(
    actor: Actor,
    rows: list[dict[str, Any]],
    source: str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Insert rows already cleaned by ``residents.clean`` in one transaction,
    with one audit event per resident and one for the whole import."""
    require(actor, "residents.import")
    if not rows:
        return 0
    try:
        with write_transaction():
            _check_niks_still_free(rows)
            _write_rows(actor, rows, progress)
            audit.record(actor, "import", "resident", None,
                         tr("Impor {n} PM dari {f}").format(n=len(rows), f=source))
    except (sqlite3.OperationalError, peewee.OperationalError) as exc:
        raise ImportFileError(tr(
            "Basis data sedang dipakai untuk menyimpan oleh komputer atau program lain ({e}). "
            "Tidak ada yang disimpan; coba lagi sebentar lagi.").format(e=exc)) from exc
    except (sqlite3.IntegrityError, peewee.IntegrityError) as exc:
        raise ImportFileError(tr(
            "Data bentrok dengan data yang baru saja disimpan pengguna lain ({e}). "
            "Tidak ada yang disimpan; periksa ulang berkas lalu ulangi.").format(e=exc)) from exc
    if progress:
        progress(len(rows), len(rows))
    return len(rows)


def _insert_sql(model, names: list[str]) -> str:
    columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
    return f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({", ".join("?" * len(names))})'


def _write_rows(actor: Actor, rows: list[dict[str, Any]], progress: Callable[[int, int], None] | None) -> None:
    """Inside the caller's transaction. The INSERT is prepared once and run
    through the DB-API cursor: building the same peewee query 10,000 times
    cost more than the writing itself."""
    now = str(utcnow())  # the text peewee stores for a DateTimeField
    fields = [f for f in Resident._meta.sorted_fields if f.name != "id"]
    resident_sql = _insert_sql(Resident, [f.name for f in fields])
    changes = '{"sumber": ["", "impor"]}'
    cursor = Resident._meta.database.cursor()
    events = []
    for done, cleaned in enumerate(rows, start=1):
        record = dict(cleaned)
        record["search_text"] = residents.search_key(record["name"], record.get("nik"), record.get("birth_place", ""))
        record["created_at"] = record["updated_at"] = now
        record["version"] = 1
        cursor.execute(resident_sql, [_sql_value(record[f.name]) if f.name in record else _default(f) for f in fields])
        events.append(audit.NewEvent(actor.user_id, actor.username, "create", "resident", cursor.lastrowid,
                                     record["name"], changes))
        if progress and done % CHUNK == 0:
            progress(done, len(rows))
    audit.append_events(cursor, events)


def _check_niks_still_free(rows: list[dict[str, Any]]) -> None:
    """Inside the write lock: the rows were checked before it was taken, and
    another user may have registered one of these NIKs since."""
    niks = [r["nik"] for r in rows if r.get("nik")]
    taken = []
    for start in range(0, len(niks), 500):
        query = Resident.select(Resident.id, Resident.name, Resident.nik).where(Resident.nik.in_(niks[start:start + 500]))
        taken.extend(query.tuples())
    if taken:
        listed = "; ".join(f"{nik} ({name}, No. {rid})" for rid, name, nik in taken[:5])
        raise ImportFileError(tr(
            "Selama berkas diperiksa, pengguna lain mendaftarkan NIK yang juga ada di berkas: {x}. "
            "Tidak ada yang disimpan; periksa dan ulangi impor."
        ).format(x=listed + (" …" if len(taken) > 5 else "")))


def _default(f) -> Any:
    # A column clean() does not know (added by a later migration): the model's default.
    value = f.default() if callable(f.default) else f.default
    return _sql_value(f.db_value(value))


def _sql_value(value: Any) -> Any:
    # As peewee stores them in SQLite: dates as ISO text.
    if isinstance(value, (dt.date, dt.datetime)):
        return str(value)
    return value


# --- export -------------------------------------------------------------------------

def export_rows(actor: Actor, *, with_nik: bool = False, flt: residents.ResidentFilter | None = None) -> Iterable[list[Any]]:
    """The export's data rows (values as the XLSX writes them), ordered by record number."""
    require(actor, "residents.export")
    if with_nik:
        require(actor, "residents.export_nik")
    fields = [getattr(Resident, name) for name in HEADERS.values()]
    query = residents._filtered(Resident.select(*fields), flt or residents.ResidentFilter()).order_by(Resident.id)
    for values in query.tuples().iterator():
        row = dict(zip(HEADERS, values))
        if not with_nik:
            row["nik"] = mask(row["nik"])
            row["no_kk"] = mask(row["no_kk"])
        row["nik"] = row["nik"] or ""
        row["klaster"] = codes.KLASTER.get(row["klaster"], row["klaster"])
        row["status"] = codes.RESIDENT_STATUS.get(row["status"], row["status"])
        row["disabilitas"] = ", ".join(codes.DISABILITIES.get(d, d) for d in (row["disabilitas"] or "").split(",") if d)
        yield [row[h] for h in HEADERS]


def export_residents(
    actor: Actor, path: str | Path, *, with_nik: bool = False, flt: residents.ResidentFilter | None = None
) -> int:
    """Write the residents to ``path`` (.xlsx or .csv); returns the number of rows.

    NIK and No. KK are masked unless ``with_nik`` (permission
    ``residents.export_nik``). Every export is recorded in the audit trail.
    """
    require(actor, "residents.export")
    if with_nik:
        require(actor, "residents.export_nik")
    path = Path(path)
    suffix = check_suffix(path)
    rows = export_rows(actor, with_nik=with_nik, flt=flt)
    tmp = path.with_name(path.name + ".part")
    try:
        count = _write_xlsx(tmp, rows) if suffix == ".xlsx" else _write_csv(tmp, rows)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, PermissionError):
            raise ImportFileError(tr(
                "Tidak dapat menulis '{p}': mungkin berkas itu sedang terbuka di Excel. Tutup berkas itu "
                "atau pilih nama lain.").format(p=path)) from exc
        raise ImportFileError(tr("Tidak dapat menulis '{p}': {e}").format(p=path, e=exc.strerror or exc)) from exc
    kind = tr("NIK lengkap") if with_nik else tr("NIK disamarkan")
    with write_transaction():
        audit.record(actor, "export", "resident", None,
                     tr("Ekspor {n} PM ke {f} ({k})").format(n=count, f=path.name, k=kind),
                     {"nik_lengkap": [None, with_nik], "berkas": [None, path.name]})
    return count


def _csv_value(header: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if header in DIGIT_HEADERS and text.isdigit():
        return f'="{text}"'
    return safe_cell(text)


def _write_csv(path: Path, rows: Iterable[list[Any]]) -> int:
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(list(HEADERS))
        for row in rows:
            writer.writerow([_csv_value(h, v) for h, v in zip(HEADERS, row)])
            count += 1
    return count


WIDTHS = {"nik": 20, "no_kk": 20, "nama": 30, "jenis_kelamin": 14, "tempat_lahir": 18, "tanggal_lahir": 14,
          "klaster": 30, "alamat": 40, "tanggal_masuk": 14, "nama_wali": 24, "telepon_wali": 16, "catatan": 40,
          "status": 18, "tanggal_keluar": 14, "alasan_keluar": 30, "disabilitas": 30, "alasan_tanpa_nik": 30,
          "agama": 12, "pendidikan": 18, "hubungan_wali": 14, "sumber_rujukan": 24}


def _write_xlsx(path: Path, rows: Iterable[list[Any]]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Penerima Manfaat")
    for index, header in enumerate(HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[header]
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heading = []
    for header in HEADERS:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        heading.append(cell)
    append_row(sheet, heading)
    count = 0
    for row in rows:
        out = []
        for header, value in zip(HEADERS, row):
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "DD/MM/YYYY"
            else:
                cell = WriteOnlyCell(sheet, value=None if value in (None, "") else safe_cell(value))
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, even when it starts with '='
            out.append(cell)
        append_row(sheet, out)
        count += 1
    workbook.save(path)
    return count
