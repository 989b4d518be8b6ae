"""Checking the rows of a resident file: every cell as ``residents.clean`` expects it,
every problem with its row and column (as the file names it), nothing written.

``check_rows(rows, columns)`` returns the valid rows and every problem (errors and
warnings); Excel's ways with numbers, dates and NIKs are undone or explained here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from balai_app.db.models import Resident
from balai_app.domain import codes
from balai_app.i18n import tr
from balai_app.services import residents, validation
from balai_app.services.resident_io_read import (
    CHUNK,
    DATE_HEADERS,
    DEFAULT_NIK_MISSING_REASON,
    DIGIT_HEADERS,
    FIELD_TO_HEADER,
    HEADERS,
    Problem,
    RawRow,
)


@dataclass
class ValidRow:
    row: int
    data: dict[str, Any]  # cleaned values, ready to insert


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
    if isinstance(value, str):  # a CSV's cell; "dd/mm/yyyy 00:00" as Excel may write a date
        text = value.strip()
        match = _DATE_MIDNIGHT.match(text) if "00:00" in text else None
        return match.group(1) if match else text
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # An Excel serial number in a cell not formatted as a date. Not below
        # 3654 (1910-01-01): a bare year such as 1990 must not become 12-06-1905.
        if FIRST_SERIAL <= value < 2958466:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value)
        return str(int(value)) if float(value).is_integer() else str(value)
    return value


def _text_cell(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return value


_DIGITS, _DATE, _TEXT = 0, 1, 2
# Each column's kind, worked out once (not per cell): (canonical header, clean() field, kind).
_CELL_KINDS = [(header, name, _DIGITS if header in DIGIT_HEADERS else _DATE if header in DATE_HEADERS else _TEXT)
               for header, name in HEADERS.items()]
_LIST_SEPARATORS = re.compile(r"[,;/]")
_EMPTY_DATA = {name: "" if kind == _DIGITS else None for _header, name, kind in _CELL_KINDS}


class _RowReader:
    """Turns a file's raw rows into the dicts ``residents.clean`` expects; built once per
    file: the kinds of its columns, and what each code written in it (sex, klaster,
    status, disability) names, looked up once per distinct text."""

    def __init__(self, written: dict[str, str]) -> None:
        self.written = written  # canonical header -> the header as the file writes it
        kinds = [kind for kind in _CELL_KINDS if kind[0] in written]  # its rows' values hold exactly these
        self.texts = [(header, name) for header, name, kind in kinds if kind == _TEXT]
        self.digits = [(header, name) for header, name, kind in kinds if kind == _DIGITS]
        self.dates = [(header, name) for header, name, kind in kinds if kind == _DATE]
        self._codes: dict[tuple[Callable[[str], str | None], str], str | None] = {}

    def _code(self, lookup: Callable[[str], str | None], text: str) -> str | None:
        key = (lookup, text)
        if key not in self._codes:
            self._codes[key] = lookup(text)
        return self._codes[key]

    def _coded(self, raw: RawRow, data: dict[str, Any], problems: list[Problem], name: str,
               lookup: Callable[[str], str | None], header: str, unknown: Callable[[str], str]) -> bool:
        """``data[name]`` as the code its text names ("" and the problem ``unknown(text)`` when
        it names none); False when the cell is empty."""
        text = "" if data.get(name) is None else str(data[name]).strip()
        if not text:
            return False
        code = self._code(lookup, text)
        if code is None:
            problems.append(Problem(raw.row, self.col(header), unknown(text)))
        data[name] = code or ""
        return True

    def col(self, header: str) -> str:
        return self.written.get(header, header)

    def data(self, raw: RawRow, problems: list[Problem]) -> dict[str, Any]:
        """The dict for one raw row. Problems found here (unknown sex or klaster, an NIK
        mangled by Excel or masked) are appended to ``problems``, with a better message than
        ``clean`` would give; ``check_rows`` then drops clean's message for that column."""
        v = raw.values
        data: dict[str, Any] = dict(_EMPTY_DATA)  # an empty cell or a column the file does not have
        for header, name in self.texts:
            cell = v.get(header)
            if cell is not None:
                data[name] = cell if cell.__class__ is str else _text_cell(cell)
        for header, name in self.digits:
            cell = v.get(header)
            if cell.__class__ is str and cell.isdigit() and cell.isascii():  # the usual cell: nothing to undo
                data[name] = cell
            elif cell is not None:
                data[name] = _digits_cell(cell, header, self.col(header), raw.row, problems)
        for header, name in self.dates:
            cell = v.get(header)
            if cell is not None:
                data[name] = _date_cell(cell)
        self._nik(raw, data, problems)
        self._codes_of(raw, data, problems)
        return data

    def _nik(self, raw: RawRow, data: dict[str, Any], problems: list[Problem]) -> None:
        nik = data["nik"]
        if nik and _EXCEL_SCI.match(nik):
            problems.append(Problem(raw.row, self.col("nik"), tr(
                "NIK rusak oleh Excel (tertulis {x}): format kolom NIK sebagai Teks lalu isi ulang NIK lengkap."
            ).format(x=nik)))
            data["nik"] = None
            data["nik_missing_reason"] = tr(DEFAULT_NIK_MISSING_REASON)
        elif nik and "*" in nik:
            problems.append(Problem(raw.row, self.col("nik"), tr(
                "NIK disamarkan ({x}); impor memerlukan NIK lengkap (ekspor ulang dengan NIK lengkap)."
            ).format(x=nik)))
            data["nik"] = None
            data["nik_missing_reason"] = tr(DEFAULT_NIK_MISSING_REASON)
        elif not nik:
            data["nik"] = None
            data["nik_missing_reason"] = data.get("nik_missing_reason") or tr(DEFAULT_NIK_MISSING_REASON)
        if data["no_kk"] and "*" in str(data["no_kk"]):
            problems.append(Problem(raw.row, self.col("no_kk"), tr("No. KK disamarkan; impor memerlukan No. KK lengkap.")))
            data["no_kk"] = ""

    def _codes_of(self, raw: RawRow, data: dict[str, Any], problems: list[Problem]) -> None:
        self._coded(raw, data, problems, "sex", codes.sex_from_text, "jenis_kelamin", lambda x: tr(
            "Jenis kelamin tidak dikenal: '{x}' (gunakan L/P atau Laki-laki/Perempuan).").format(x=x[:40]))
        self._coded(raw, data, problems, "klaster", codes.klaster_from_text, "klaster", lambda x: tr(
            "Klaster tidak dikenal: '{x}' (gunakan anak, disabilitas, lansia, napza, tuna_sosial "
            "atau nama klaster lengkap).").format(x=x[:60]))
        if not self._coded(raw, data, problems, "status", _status_from_text, "status", lambda x: tr(
                "Status tidak dikenal: '{x}' (gunakan {all}).").format(
                x=x[:40], all=", ".join(codes.RESIDENT_STATUS.values()))):
            data["status"] = "aktif"
        disabilities_text = "" if data.get("disabilities") is None else str(data["disabilities"]).strip()
        found = []
        for part in (p.strip() for p in _LIST_SEPARATORS.split(disabilities_text) if p.strip()) if disabilities_text else ():
            code = self._code(_disability_from_text, part)
            if code is None:
                problems.append(Problem(raw.row, self.col("disabilitas"), tr(
                    "Jenis disabilitas tidak dikenal: '{x}' (gunakan {all}).").format(
                    x=part[:40], all=", ".join(codes.DISABILITIES.values()))))
            else:
                found.append(code)
        data["disabilities"] = found


def _status_from_text(text: str) -> str | None:
    return codes.code_from_text(codes.RESIDENT_STATUS, text)


def _disability_from_text(text: str) -> str | None:
    return codes.code_from_text(codes.DISABILITIES, text)


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
    outcomes = validation.Outcomes()  # a date or a code that repeats is checked once per file
    reader = _RowReader(written)
    for start in range(0, len(rows), CHUNK):  # checked a chunk at a time, field by field (progress per chunk)
        chunk = rows[start:start + CHUNK]
        found: list[list[Problem]] = [[] for _ in chunk]
        datas = [reader.data(raw, row_problems) for raw, row_problems in zip(chunk, found)]
        checked = residents.clean_rows(datas, nik_owners=owners, outcomes=outcomes)
        for raw, row_problems, (cleaned, collector) in zip(chunk, found, checked):
            if collector.errors:
                reported = {p.column for p in row_problems if p.is_error}  # said better already; not twice
                for name, message in collector.errors.items():
                    if column_of(name) not in reported:
                        row_problems.append(Problem(raw.row, column_of(name), message))
            for name, message in collector.warnings.items():
                row_problems.append(Problem(raw.row, column_of(name), message, "warning"))
            if cleaned.get("name") and not (row_problems and any(p.is_error for p in row_problems)):
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
            if not row_problems:  # most rows
                valid.append(ValidRow(raw.row, cleaned))
                continue
            problems.extend(row_problems)
            if not any(p.is_error for p in row_problems):
                valid.append(ValidRow(raw.row, cleaned))
        if progress:
            progress(start + len(chunk), total)
    return valid, problems


class _Twins:
    """The same person twice, when a NIK cannot tell (issue 13): the name folded as the search
    folds it plus the birth date, or plus the family/guardian name, matches a registered PM
    or an earlier row of the file. Loaded once per file; only a warning, never a refusal."""

    def __init__(self) -> None:
        from balai_app.domain.text import fold

        self.fold = fold
        self.by_birth: dict[tuple[str, Any], tuple[int, str] | int] = {}
        self.by_guardian: dict[tuple[str, str], tuple[int, str] | int] = {}
        query = Resident.select(Resident.id, Resident.name, Resident.birth_date, Resident.guardian_name)
        for rid, name, birth, guardian in query.tuples().iterator():
            self._remember(name, birth, guardian, (rid, name))

    def _keys(self, name: str, birth: Any, guardian: str) -> tuple[tuple | None, tuple | None]:
        folded = " ".join(self.fold(name).split())
        return ((folded, birth) if birth else None,
                (folded, " ".join(self.fold(guardian).split())) if guardian and guardian.strip() else None)

    def _remember(self, name: str, birth: Any, guardian: str, who: tuple[int, str] | int) -> None:
        self._remember_keys(*self._keys(name, birth, guardian or ""), who)

    def _remember_keys(self, by_birth: tuple | None, by_guardian: tuple | None, who: tuple[int, str] | int) -> None:
        if by_birth:
            self.by_birth.setdefault(by_birth, who)
        if by_guardian:
            self.by_guardian.setdefault(by_guardian, who)

    @staticmethod
    def _who(who: tuple[int, str] | int) -> str:
        # a registered PM is kept as (number, name), an earlier row of the file as its number:
        # the text is made only when a twin is found
        if isinstance(who, int):
            return tr("baris {r} berkas ini").format(r=who)
        return tr("PM No. {id} ({name})").format(id=who[0], name=who[1])

    def twin_of(self, cleaned: dict[str, Any], row: int) -> str | None:
        by_birth, by_guardian = self._keys(cleaned["name"], cleaned.get("birth_date"), cleaned.get("guardian_name") or "")
        message = None
        if by_birth and by_birth in self.by_birth:
            message = tr("Mungkin orang yang sama dengan {who}: nama dan tanggal lahir sama. Periksa sebelum "
                         "mengimpor agar tidak tercatat dua kali.").format(who=self._who(self.by_birth[by_birth]))
        elif by_guardian and by_guardian in self.by_guardian:
            message = tr("Mungkin orang yang sama dengan {who}: nama dan nama keluarga/wali sama. Periksa sebelum "
                         "mengimpor agar tidak tercatat dua kali.").format(who=self._who(self.by_guardian[by_guardian]))
        self._remember_keys(by_birth, by_guardian, row)
        return message


_NOT_DIGIT = re.compile(r"\D")


def _nik_owners(rows: list[RawRow]) -> dict[str, tuple[int, str]]:
    """{NIK: (record number, name)} of the registered PMs whose NIK appears in the file."""
    candidates = sorted({_NOT_DIGIT.sub("", str(raw.values.get("nik") or "")) for raw in rows} - {""})
    owners: dict[str, tuple[int, str]] = {}
    db = Resident._meta.database.obj
    for start in range(0, len(candidates), 500):
        chunk = candidates[start:start + 500]
        # Plain SQL: peewee took longer to build 500 parameters than the database to answer.
        sql = f'SELECT "nik", "id", "name" FROM "resident" WHERE "nik" IN ({", ".join("?" * len(chunk))})'
        owners.update({nik: (rid, name) for nik, rid, name in db.execute_sql(sql, chunk).fetchall()})
    return owners
