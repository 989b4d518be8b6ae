"""The participant list of a batch: XLSX (openpyxl) and A4 PDF (reportlab). NIK is always masked;
an instruktur's list carries no NIK or klaster at all.

A renderer only: ``services/exports.py`` fetches the batch and its participants
(checking who may see them), hands them here as a ``ParticipantList``, and
records the export in the audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from balai_app.documents.letterhead import Letterhead
from balai_app.domain import codes
from balai_app.domain.dates import format_long, format_short
from balai_app.domain.nik import mask
from balai_app.domain.spreadsheet import append_row
from balai_app.i18n import tr


@dataclass(frozen=True)
class ParticipantList:
    """What the list prints.

    ``batch``: program_code, program_name, name, start_date, end_date, trainer_name,
    schedule, room, status, participants, capacity (``services.training.BatchRow``).
    ``people``: name, sex, nik, klaster, start_date, end_date, status, status_date,
    status_reason each (``services.enrollment.ParticipantRow``).
    ``personal``: print the NIK (masked) and klaster columns."""

    head: Letterhead
    batch: Any
    people: list[Any]
    personal: bool


def _table(data: ParticipantList) -> tuple[list[str], list[list[Any]]]:
    personal = data.personal
    header = [tr("No."), tr("Nama"), tr("L/P")]
    if personal:
        header += [tr("NIK"), tr("Klaster")]
    header += [tr("Mulai"), tr("Selesai"), tr("Status"), tr("Keterangan")]
    body = []
    for n, p in enumerate(data.people, start=1):
        line: list[Any] = [n, p.name, p.sex]
        if personal:
            line += [mask(p.nik) or tr("(tanpa NIK)"), codes.label(codes.KLASTER, p.klaster)]
        end = p.end_date if p.status != "aktif" else None
        line += [p.start_date, end, codes.label(codes.ENROLLMENT_STATUS, p.status), p.status_reason]
        body.append(line)
    return header, body


def _period(batch: Any) -> str:
    return f"{format_long(batch.start_date)} – {format_long(batch.end_date)}"


def write_xlsx(data: ParticipantList, target: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    batch = data.batch
    header, body = _table(data)
    wb = Workbook()
    ws = wb.active
    ws.title = tr("Peserta")
    append_row(ws, [data.head.name or tr("Balai")])
    ws["A1"].font = Font(bold=True, size=13)
    append_row(ws, [tr("Daftar Peserta Pelatihan")])
    ws["A2"].font = Font(bold=True)
    append_row(ws, [tr("Program"), f"{batch.program_code} — {batch.program_name}"])
    append_row(ws, [tr("Angkatan"), batch.name])
    append_row(ws, [tr("Periode"), _period(batch)])
    append_row(ws, [tr("Instruktur"), batch.trainer_name or "-"])
    append_row(ws, [])
    append_row(ws, header)
    head_row = ws.max_row
    fill = PatternFill("solid", fgColor="1F3A5F")
    for cell in ws[head_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
    for line in body:
        append_row(ws, line)
    for row in ws.iter_rows(min_row=head_row + 1):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    widths = {tr("No."): 5, tr("Nama"): 32, tr("L/P"): 5, tr("NIK"): 19, tr("Klaster"): 26, tr("Mulai"): 12,
              tr("Selesai"): 12, tr("Status"): 18, tr("Keterangan"): 36}
    for index, name in enumerate(header, start=1):
        ws.column_dimensions[ws.cell(row=head_row, column=index).column_letter].width = widths.get(name, 14)
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    target = Path(target)
    wb.save(target)
    return target


def write_pdf(data: ParticipantList, target: str | Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from balai_app.documents import fonts

    batch, people, personal, info = data.batch, data.people, data.personal, data.head
    balai = info.name or tr("Balai")
    target = Path(target)
    doc = fonts.doc_template(str(target), A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                             bottomMargin=18 * mm, title=tr("Daftar Peserta — {name}").format(name=batch.name),
                             author=balai)
    small = ParagraphStyle("small", fontName=fonts.SANS, fontSize=8.5, leading=10.5)
    cell = ParagraphStyle("cell", fontName=fonts.SANS, fontSize=8.5, leading=10.5)
    cell.boldFontName = fonts.SANS_BOLD
    head = ParagraphStyle("head", fontName=fonts.SANS_BOLD, fontSize=8.5, leading=10.5, textColor=colors.white)
    title = ParagraphStyle("title", fontName=fonts.SANS_BOLD, fontSize=14, leading=18, alignment=1)
    balai_style = ParagraphStyle("balai", fontName=fonts.SANS_BOLD, fontSize=12, leading=15, alignment=1)
    address = ParagraphStyle("addr", fontName=fonts.SANS, fontSize=9, leading=11, alignment=1)

    def esc(text: Any) -> str:
        return (str(text) if text is not None else "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    story: list[Any] = [Paragraph(esc(balai), balai_style)]
    if info.address_line():
        story.append(Paragraph(esc(info.address_line()), address))
    story += [Spacer(1, 3 * mm), Paragraph(tr("DAFTAR PESERTA PELATIHAN"), title), Spacer(1, 3 * mm)]
    facts = [
        (tr("Program"), f"{batch.program_code} — {batch.program_name}"),
        (tr("Angkatan"), batch.name),
        (tr("Periode"), _period(batch)),
        (tr("Instruktur"), batch.trainer_name or "-"),
        (tr("Jadwal / ruang"), " / ".join(x for x in (batch.schedule, batch.room) if x) or "-"),
        (tr("Status"), f"{codes.label(codes.BATCH_STATUS, batch.status)} — "
                       + tr("{n} dari {cap} kursi terisi").format(n=batch.participants, cap=batch.capacity)),
    ]
    info_table = Table([[Paragraph(esc(k), small), Paragraph(esc(v), small)] for k, v in facts],
                       colWidths=[32 * mm, None], hAlign="LEFT")
    info_table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    story += [info_table, Spacer(1, 4 * mm)]

    # Portrait A4 has room for seven columns: the period and the status with its reason are combined.
    header = [tr("No."), tr("Nama"), tr("L/P")]
    widths = [8, None, 8]
    if personal:
        header += [tr("NIK"), tr("Klaster")]
        widths += [33, 33]
    header += [tr("Periode"), tr("Status")]
    widths += [24, 34] if personal else [26, 60]
    rest = (A4[0] - 30 * mm) / mm - sum(w for w in widths if w)
    col_widths = [(w or rest) * mm for w in widths]
    rows = [[Paragraph(esc(h), head) for h in header]]
    for n, p in enumerate(people, start=1):
        line = [Paragraph(str(n), cell), Paragraph(esc(p.name), cell), Paragraph(p.sex, cell)]
        if personal:
            line += [Paragraph(esc(mask(p.nik)) or tr("(tanpa NIK)"), cell),
                     Paragraph(esc(codes.label(codes.KLASTER, p.klaster)), cell)]
        end = p.end_date if p.status != "aktif" else None
        line.append(Paragraph(format_short(p.start_date) + (" –<br/>" + format_short(end) if end else " –"), cell))
        status = "<b>" + esc(codes.label(codes.ENROLLMENT_STATUS, p.status)) + "</b>"
        if p.status_date and p.status != "aktif":
            status += " " + format_short(p.status_date)
        if p.status_reason:
            status += "<br/>" + esc(p.status_reason)
        line.append(Paragraph(status, cell))
        rows.append(line)
    if not people:
        rows.append([Paragraph(tr("Belum ada peserta."), cell)] + [""] * (len(header) - 1))
    table = Table(rows, colWidths=col_widths, repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3a5f")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if not people:
        style.append(("SPAN", (0, 1), (-1, 1)))
    for index in range(2, len(rows), 2):
        style.append(("BACKGROUND", (0, index), (-1, index), colors.HexColor("#f1f4f8")))
    table.setStyle(TableStyle(style))
    story.append(table)
    printed = dt.date.today()

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(fonts.SANS, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        note = f"{batch.program_code} — {batch.name} · " + tr("dicetak {date}").format(date=format_long(printed))
        if personal:
            note += " — " + tr("NIK disamarkan")
        canvas.drawString(15 * mm, 10 * mm, note)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, tr("Halaman {n}").format(n=document.page))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return target
