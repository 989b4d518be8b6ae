"""Exporting the resident register (CSV and XLSX).

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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from balai_app.db.connection import write_transaction
from balai_app.db.models import Resident
from balai_app.domain import codes
from balai_app.domain.nik import mask
from balai_app.domain.spreadsheet import append_row, safe_cell
from balai_app.i18n import tr
from balai_app.services import audit, residents, residents_search
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.resident_io_read import DIGIT_HEADERS, HEADERS, ImportFileError, check_suffix


def export_rows(actor: Actor, *, with_nik: bool = False, flt: residents.ResidentFilter | None = None) -> Iterable[list[Any]]:
    """The export's data rows (values as the XLSX writes them), ordered by record number."""
    require(actor, "residents.export")
    if with_nik:
        require(actor, "residents.export_nik")
    fields = [getattr(Resident, name) for name in HEADERS.values()]
    query = residents_search.filtered(Resident.select(*fields), flt or residents.ResidentFilter()).order_by(Resident.id)
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
        for value in row:
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
