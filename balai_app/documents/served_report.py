"""The service report (Laporan PM yang dilayani) as an A4 PDF and as an XLSX workbook.

A renderer only: it receives the period, the report's tables (header row first,
as ``services.reports.table_rows`` builds them for the screen too) and the
letterhead, and writes a file. Fetching, permission and audit are the job of
``services/exports.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from balai_app.documents import fonts
from balai_app.documents.letterhead import Letterhead
from balai_app.domain.dates import format_long
from balai_app.domain.spreadsheet import append_row
from balai_app.i18n import tr

Tables = dict[str, list[list[Any]]]


def _titles() -> dict[str, str]:
    return {"klaster": tr("Per klaster"), "services": tr("Layanan ATENSI (jumlah layanan / PM)"),
            "training": tr("Pelatihan vokasional")}


def write_pdf(start: dt.date, end: dt.date, tables: Tables, head: Letterhead, path: str | Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    doc = fonts.doc_template(
        str(path), landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm, topMargin=14 * mm, bottomMargin=14 * mm,
        title=tr("Laporan Penerima Manfaat yang dilayani"),
    )
    title = ParagraphStyle("title", fontName=fonts.SANS_BOLD, fontSize=14, leading=18)
    normal = ParagraphStyle("normal", fontName=fonts.SANS, fontSize=9.5, leading=12)
    heading = ParagraphStyle("heading", fontName=fonts.SANS_BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4,
                             keepWithNext=True)
    number = ParagraphStyle("number", parent=normal, alignment=2)  # right-aligned figures
    story = []
    if head.name:
        story.append(Paragraph(head.name, heading))
        if head.address:
            story.append(Paragraph(f"{head.address}, {head.city}", normal))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(tr("Laporan Penerima Manfaat yang dilayani"), title))
    story.append(Paragraph(tr("Periode: {a} s.d. {b}").format(a=format_long(start), b=format_long(end)), normal))
    titles = _titles()
    for key, rows in tables.items():
        story.append(Paragraph(titles[key], heading))
        if len(rows) == 1:
            story.append(Paragraph(tr("Tidak ada data pada periode ini."), normal))
            continue
        cells = [
            [Paragraph(str(c), number if i and (not isinstance(c, str) or c[:1].isdigit()) else normal)
             for i, c in enumerate(row)]
            for row in rows
        ]
        table = Table(cells, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dbe7f3")),
            *([("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eef2f6"))] if key == "klaster" else []),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7a8a99")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        story.append(table)
    doc.build(story)
    return Path(path)


def write_xlsx(start: dt.date, end: dt.date, tables: Tables, head: Letterhead, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Laporan"
    append_row(sheet, [tr("Laporan Penerima Manfaat yang dilayani")])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [tr("Periode: {a} s.d. {b}").format(a=format_long(start), b=format_long(end))])
    titles = _titles()
    for key, rows in tables.items():
        append_row(sheet, [])
        append_row(sheet, [titles[key]])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for index, row in enumerate(rows):
            append_row(sheet, row)
            if index == 0:
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 42
    for column in "BCDEFG":
        sheet.column_dimensions[column].width = 18
    workbook.save(path)
    return Path(path)
