"""The monthly report as XLSX and as an A4 landscape PDF: rows in, bytes out.

The rows come ready-made from ``services.monthly_report.table_rows`` (the same rows
the screen shows); this module only lays them out. reportlab and openpyxl are
imported inside the functions.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from balai_app.documents import fonts
from balai_app.domain.spreadsheet import append_row
from balai_app.i18n import tr


@dataclass(frozen=True)
class Heading:
    balai: str
    address: str
    title: str
    period: str


def _number(value) -> str:
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def xlsx_bytes(heading: Heading, headers: list[list[str]], rows: list[tuple[str, list]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = tr("Laporan")
    width = len(headers[0])
    append_row(sheet, [heading.balai])
    append_row(sheet, [heading.address])
    append_row(sheet, [f"{heading.title} — {heading.period}"])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet["A3"].font = Font(bold=True, size=13)
    append_row(sheet, [])
    thin = Side(style="thin", color="7A8A99")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="DBE7F3")
    section_fill = PatternFill("solid", fgColor="EEF2F6")
    first_header = sheet.max_row + 1
    for header in headers:
        append_row(sheet, header)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            cell.fill = head_fill
            cell.border = border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    # Klaster names span their L and P columns; Uraian and Jumlah span both header rows.
    for column in range(2, width - 1, 2):
        sheet.merge_cells(start_row=first_header, start_column=column, end_row=first_header, end_column=column + 1)
    for column in (1, width):
        sheet.merge_cells(start_row=first_header, start_column=column, end_row=first_header + 1, end_column=column)
    for kind, cells in rows:
        if kind == "section":
            append_row(sheet, [cells[0]])
            row = sheet.max_row
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            sheet.cell(row, 1).font = Font(bold=True)
            sheet.cell(row, 1).fill = section_fill
            for column in range(1, width + 1):
                sheet.cell(row, column).border = border
            continue
        append_row(sheet, cells)
        row = sheet.max_row
        for column in range(1, width + 1):
            sheet.cell(row, column).border = border
        if kind == "subline":
            sheet.cell(row, 1).alignment = Alignment(indent=2)
        sheet.cell(row, width).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 44
    for column in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 7 if column < width else 9
    sheet.freeze_panes = sheet.cell(first_header + 2, 2)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def pdf_bytes(heading: Heading, headers: list[list[str]], rows: list[tuple[str, list]]) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    out = io.BytesIO()
    doc = fonts.doc_template(out, landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm,
                             bottomMargin=12 * mm, title=f"{heading.title} {heading.period}")
    title = ParagraphStyle("title", fontName=fonts.SANS_BOLD, fontSize=14, leading=18)
    normal = ParagraphStyle("normal", fontName=fonts.SANS, fontSize=9, leading=11)
    bold = ParagraphStyle("bold", parent=normal, fontName=fonts.SANS_BOLD)
    cell = ParagraphStyle("cell", parent=normal, fontSize=8.5, leading=10)
    sub = ParagraphStyle("sub", parent=cell, leftIndent=4 * mm)
    story = []
    if heading.balai:
        story.append(Paragraph(heading.balai, bold))
    if heading.address:
        story.append(Paragraph(heading.address, normal))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(f"{heading.title} — {heading.period}", title))
    story.append(Spacer(1, 3 * mm))
    width = len(headers[0])
    data = [list(h) for h in headers]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("FONTNAME", (0, 0), (-1, 1), fonts.SANS_BOLD),
        ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#dbe7f3")),
        ("ALIGN", (1, 0), (-1, 1), "CENTER"),
        ("ALIGN", (1, 2), (-1, -1), "RIGHT"),
        ("FONTNAME", (-1, 2), (-1, -1), fonts.SANS_BOLD),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7a8a99")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (width - 1, 0), (width - 1, 1)),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for column in range(1, width - 1, 2):
        style.append(("SPAN", (column, 0), (column + 1, 0)))
    for kind, cells in rows:
        index = len(data)
        if kind == "section":
            data.append([cells[0]] + [""] * (width - 1))
            style += [("SPAN", (0, index), (-1, index)), ("FONTNAME", (0, index), (-1, index), fonts.SANS_BOLD),
                      ("BACKGROUND", (0, index), (-1, index), colors.HexColor("#eef2f6")),
                      ("ALIGN", (0, index), (-1, index), "LEFT")]
        else:
            label = Paragraph(html.escape(str(cells[0])), sub if kind == "subline" else cell)
            data.append([label] + [_number(c) for c in cells[1:]])
    label_width = 72 * mm
    other = (landscape(A4)[0] - 24 * mm - label_width) / (width - 1)
    table = Table(data, colWidths=[label_width] + [other] * (width - 1), repeatRows=2, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    story.append(table)
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(tr("L = laki-laki, P = perempuan. Hasil setelah pelatihan: hasil terbaru yang tidak "
                              "dikoreksi; sertifikat: yang masih berlaku."), normal))
    doc.build(story)
    return out.getvalue()
