"""Recaps of a training batch: the monthly attendance grid and the progress matrix.

Each as a printable A4 landscape PDF (reportlab, embedded DejaVu through
``documents.fonts``) and as an XLSX workbook (openpyxl). The figures come
ready-made from ``services.progress`` (``attendance_month``, ``batch_matrix``),
so a recap's totals are by construction the CLI's ``progress`` figures.
reportlab and openpyxl are imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from balai_app.domain.dates import format_long, format_short, month_name
from balai_app.domain.spreadsheet import append_row, put
from balai_app.i18n import tr
from balai_app.domain.progress import AttendanceMonth, BatchProgress, percent

# Cell colours (light, so that the letter stays readable in black-and-white print too).
FILL = {"H": "#dcfce7", "I": "#dbeafe", "S": "#fef3c7", "A": "#fee2e2", "K": "#dcfce7", "BK": "#fee2e2"}
OUTSIDE = "–"  # the participant was not enrolled on that day


@dataclass
class Letterhead:
    balai_name: str = ""
    city: str = ""




def _legend_attendance() -> str:
    return tr("H = Hadir, I = Izin, S = Sakit, A = Alpa; kosong = belum diisi; "
              "{o} = belum/tidak lagi terdaftar pada tanggal itu (tidak dihitung).").format(o=OUTSIDE)


def _batch_lines(b: BatchProgress) -> list[tuple[str, str]]:
    return [
        (tr("Program"), f"{b.program_name} ({b.program_code})"),
        (tr("Angkatan"), f"{b.batch_name}, {format_short(b.start_date)} s.d. {format_short(b.end_date)}"),
        (tr("Instruktur"), b.trainer_name or "-"),
    ]


# --- PDF -----------------------------------------------------------------------------


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    from balai_app.documents import fonts

    fonts.register()
    return {
        "title": ParagraphStyle("title", fontName=fonts.SANS_BOLD, fontSize=12, leading=15, alignment=1),
        "sub": ParagraphStyle("sub", fontName=fonts.SANS, fontSize=8.5, leading=11, alignment=1),
        "meta": ParagraphStyle("meta", fontName=fonts.SANS, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", fontName=fonts.SANS, fontSize=7, leading=8.4),
        "small": ParagraphStyle("small", fontName=fonts.SANS, fontSize=6.5, leading=8),
        "note": ParagraphStyle("note", fontName=fonts.SANS, fontSize=7, leading=9),
        "head": ParagraphStyle("head", fontName=fonts.SANS_BOLD, fontSize=6.5, leading=7.5, alignment=1),
    }


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _heading(story, styles, title: str, b: BatchProgress, head: Letterhead, extra: list[tuple[str, str]]):
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from balai_app.documents import fonts

    if head.balai_name:
        story.append(Paragraph(_esc(head.balai_name), styles["sub"]))
    story.append(Paragraph(_esc(title), styles["title"]))
    story.append(Spacer(1, 2 * mm))
    lines = _batch_lines(b) + extra
    half = (len(lines) + 1) // 2
    left, right = lines[:half], lines[half:]
    data = []
    for i in range(half):
        row = [Paragraph(f"{_esc(left[i][0])}", styles["meta"]), Paragraph(f": {_esc(left[i][1])}", styles["meta"])]
        if i < len(right):
            row += [Paragraph(_esc(right[i][0]), styles["meta"]), Paragraph(f": {_esc(right[i][1])}", styles["meta"])]
        else:
            row += ["", ""]
        data.append(row)
    table = Table(data, colWidths=[22 * mm, 110 * mm, 34 * mm, 96 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, 8),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story.append(table)
    story.append(Spacer(1, 3 * mm))


def _signature(story, styles, b: BatchProgress, head: Letterhead):
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from balai_app.documents import fonts

    place = f"{head.city}, " if head.city else ""
    block = [
        Paragraph(_esc(f"{place}{format_long(dt.date.today())}"), styles["meta"]),
        Paragraph(_esc(tr("Instruktur")), styles["meta"]),
        Spacer(1, 14 * mm),
        Paragraph(_esc(b.trainer_name or "(..............................)"), styles["meta"]),
    ]
    table = Table([["", block]], colWidths=[190 * mm, 70 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, 8)]))
    story.append(Spacer(1, 4 * mm))
    story.append(KeepTogether(table))


def _page_footer(title: str):
    from reportlab.lib.units import mm

    from balai_app.documents import fonts

    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(fonts.SANS, 7)
        canvas.drawString(doc.leftMargin, 7 * mm, title)
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 7 * mm,
                               tr("Halaman {n}").format(n=canvas.getPageNumber()))
        canvas.restoreState()

    return draw


def attendance_pdf(grid: AttendanceMonth, target: Path | str, head: Letterhead | None = None) -> Path:
    """The month's attendance grid on A4 landscape: participants × sessions, H/I/S/A, totals."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from balai_app.documents import fonts

    head = head or Letterhead()
    styles = _styles()
    b = grid.batch
    target = Path(target)
    title = tr("REKAP PRESENSI PESERTA PELATIHAN — {m}").format(m=month_name(grid.year, grid.month).upper())
    doc = fonts.doc_template(str(target), landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                             topMargin=10 * mm, bottomMargin=13 * mm, title=title, author=head.balai_name or "Balai")
    story: list = []
    _heading(story, styles, title, b, head, [
        (tr("Sesi bulan ini"), str(len(grid.columns))),
        (tr("Minimum kehadiran"), f"{b.min_attendance}%"),
    ])
    n = len(grid.columns)
    width = landscape(A4)[0] - 20 * mm
    fixed = [7 * mm, 48 * mm]
    totals = [7 * mm] * 5 + [12 * mm, 14 * mm]
    day_w = min(8 * mm, (width - sum(fixed) - sum(totals)) / max(n, 1))
    header1 = [tr("No"), tr("Nama peserta")] + [str(c.date.day) for c in grid.columns] + [
        "H", "I", "S", "A", tr("Sesi"), Paragraph(_esc(tr("% bulan ini")), styles["head"]),
        Paragraph(_esc(tr("% kumulatif")), styles["head"])]
    hours = [c.start_time[:2] if c.start_time and _same_day_twice(grid, c) else "" for c in grid.columns]
    header0 = ["", "", *hours] + [""] * 7
    cumulative = {r.enrollment_id: r for r in b.rows}
    size = 7 if n <= 28 else (6 if n <= 38 else 5)  # two sessions a day: narrower columns, smaller letters
    data = [header0, header1] if any(header0[2:2 + n]) else [header1]
    heads = len(data)
    style = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS, size),
        ("FONT", (0, 0), (-1, heads - 1), fonts.SANS_BOLD, size),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("ALIGN", (1, heads), (1, -1), "LEFT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#6b7280")),
        ("BACKGROUND", (0, 0), (-1, heads - 1), colors.HexColor("#e5e7eb")),
        ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ]
    if heads == 2:
        style.append(("FONT", (0, 0), (-1, 0), fonts.SANS, 5))
    first_row = len(data)
    present_per_column = [0] * n
    for i, row in enumerate(grid.rows, start=1):
        r = len(data)
        cells = []
        for j, cell in enumerate(row.cells):
            if cell is None:
                cells.append(OUTSIDE)
                style.append(("TEXTCOLOR", (2 + j, r), (2 + j, r), colors.HexColor("#9ca3af")))
            else:
                cells.append(cell)
                if cell in FILL and cell != "H":  # the exceptions stand out; Hadir stays plain
                    style.append(("BACKGROUND", (2 + j, r), (2 + j, r), colors.HexColor(FILL[cell])))
                if cell == "H":
                    present_per_column[j] += 1
        monthly = percent(row.present / row.counted) if row.counted else "—"
        overall = cumulative.get(row.enrollment_id)
        data.append([str(i), Paragraph(_esc(row.name), styles["cell"]), *cells, row.present, row.excused, row.sick,
                     row.absent, row.counted, monthly, overall.rate_text if overall else "—"])
    data.append(["", tr("Jumlah hadir")] + present_per_column + [
        sum(r.present for r in grid.rows), sum(r.excused for r in grid.rows), sum(r.sick for r in grid.rows),
        sum(r.absent for r in grid.rows), sum(r.counted for r in grid.rows), "", ""])
    style += [("FONT", (0, -1), (-1, -1), fonts.SANS_BOLD, size),
              ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f4f6")),
              ("FONT", (-7, first_row), (-3, -1), fonts.SANS_BOLD, size)]
    if not grid.rows:
        data.insert(first_row, ["", tr("Tidak ada peserta pada bulan ini.")] + [""] * (n + 7))
    table = Table(data, colWidths=fixed + [day_w] * n + totals, repeatRows=first_row, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    story.append(table)
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(_esc(_legend_attendance()), styles["note"]))
    story.append(Paragraph(_esc(tr(
        "% kumulatif = Hadir ÷ sesi terlaksana dalam masa kepesertaan masing-masing, sejak awal angkatan "
        "sampai hari ini (sama dengan angka progres).")), styles["note"]))
    _signature(story, styles, b, head)
    footer = _page_footer(f"{b.batch_name} — {month_name(grid.year, grid.month)}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return target


def _same_day_twice(grid: AttendanceMonth, column) -> bool:
    return sum(1 for c in grid.columns if c.date == column.date) > 1


def _short_reasons(p, matrix: BatchProgress) -> str:
    """Why not eligible, in a few words (the matrix beside it shows which units)."""
    if p.eligible:
        return ""
    parts = [r for r in p.reasons if r.startswith(tr("Status peserta"))]
    not_yet = sum(1 for r in p.unit_results.values() if r == "BK")
    missing = sum(1 for r in p.unit_results.values() if r is None)
    if not matrix.units:
        parts.append(tr("Program belum memiliki unit aktif."))
    if not_yet:
        parts.append(tr("BK {n} unit.").format(n=not_yet))
    if missing:
        parts.append(tr("Belum dinilai {n} unit.").format(n=missing))
    if p.attendance_rate is None:
        parts.append(tr("Belum ada sesi terhitung."))
    elif p.attendance_rate * 100 + 1e-9 < matrix.min_attendance:
        parts.append(tr("Kehadiran di bawah {m}%.").format(m=matrix.min_attendance))
    return " ".join(parts)


def progress_pdf(matrix: BatchProgress, target: Path | str, head: Letterhead | None = None) -> Path:
    """The progress matrix on A4 landscape: units K/BK/—, attendance, eligibility and why not."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from balai_app.documents import fonts

    head = head or Letterhead()
    styles = _styles()
    target = Path(target)
    title = tr("REKAP PROGRES PESERTA PELATIHAN")
    doc = fonts.doc_template(str(target), landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                             topMargin=10 * mm, bottomMargin=13 * mm, title=title, author=head.balai_name or "Balai")
    story: list = []
    _heading(story, styles, title, matrix, head, [
        (tr("Sesi terlaksana"), str(matrix.sessions_held)),
        (tr("Syarat sertifikat"), tr("semua unit K dan kehadiran ≥ {m}%").format(m=matrix.min_attendance)),
        (tr("Per tanggal"), format_long(dt.date.today())),
    ])
    units = matrix.units
    n = len(units)
    width = landscape(A4)[0] - 20 * mm
    fixed = [7 * mm, 46 * mm]
    tail = [10 * mm, 14 * mm, 24 * mm, 12 * mm, 13 * mm]
    unit_w = min(10 * mm, max(6.5 * mm, (width - sum(fixed) - sum(tail) - 60 * mm) / max(n, 1)))
    reasons_w = width - sum(fixed) - sum(tail) - unit_w * n
    header = [tr("No"), tr("Nama peserta")] + [f"U{i + 1}" for i in range(n)] + [
        tr("Sesi"), tr("Hadir"), "H / I / S / A", tr("Unit K"), tr("Layak"), tr("Keterangan")]
    data = [header]
    style = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS, 7),
        ("FONT", (0, 0), (-1, 0), fonts.SANS_BOLD, 7),
        ("ALIGN", (0, 0), (-2, -1), "CENTER"),
        ("ALIGN", (1, 1), (1, -1), "LEFT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#6b7280")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e5e7eb")),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5), ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ]
    for i, p in enumerate(matrix.rows, start=1):
        r = len(data)
        cells = []
        for j, u in enumerate(units):
            result = p.unit_results.get(u.id)
            cells.append(result or "—")
            if result in FILL:
                style.append(("BACKGROUND", (2 + j, r), (2 + j, r), colors.HexColor(FILL[result])))
        mark = tr("Ya") if p.eligible else tr("Belum")
        mark_colour = colors.HexColor("#bbf7d0" if p.eligible else "#f3f4f6")
        style.append(("BACKGROUND", (2 + n + 4, r), (2 + n + 4, r), mark_colour))
        if p.eligible:
            style.append(("FONT", (2 + n + 4, r), (2 + n + 4, r), fonts.SANS_BOLD, 7))
        data.append([str(i), Paragraph(_esc(p.name), styles["cell"]), *cells, str(p.sessions_counted), p.rate_text,
                     f"{p.present} / {p.excused} / {p.sick} / {p.absent}", f"{p.units_competent}/{p.units_total}",
                     mark, Paragraph(_esc(_short_reasons(p, matrix)), styles["small"])])
    if not matrix.rows:
        data.append(["", tr("Belum ada peserta.")] + [""] * (n + 6))
    table = Table(data, colWidths=fixed + [unit_w] * n + tail + [reasons_w], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    story.append(table)
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(_esc(tr(
        "K = Kompeten, BK = Belum Kompeten, — = belum dinilai (penilaian terakhir yang berlaku). "
        "Layak: memenuhi syarat sertifikat kompetensi. {e} dari {n} peserta layak.").format(
            e=matrix.eligible_count, n=len(matrix.rows))), styles["note"]))
    story.append(Spacer(1, 2 * mm))
    legend = [[f"U{i + 1}", Paragraph(_esc(u.code or "-"), styles["cell"]), Paragraph(_esc(u.title), styles["cell"])]
              for i, u in enumerate(units)]
    if legend:
        lt = Table([[tr("No"), tr("Kode unit"), tr("Judul unit kompetensi")]] + legend,
                   colWidths=[10 * mm, 45 * mm, 150 * mm], repeatRows=1, hAlign="LEFT")
        lt.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, 7),
                                ("FONT", (0, 0), (-1, 0), fonts.SANS_BOLD, 7),
                                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9ca3af")),
                                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e5e7eb")),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        story.append(lt)
    _signature(story, styles, matrix, head)
    footer = _page_footer(f"{matrix.batch_name} — {tr('rekap progres')}")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return target


# --- XLSX ----------------------------------------------------------------------------


def _xlsx_heading(ws, title: str, b: BatchProgress, head: Letterhead, extra: list[tuple[str, str]]) -> int:
    from openpyxl.styles import Font

    row = 1
    if head.balai_name:
        put(ws, row, 1, head.balai_name)
        row += 1
    put(ws, row, 1, title).font = Font(bold=True, size=12)
    row += 1
    for label, value in _batch_lines(b) + extra:
        put(ws, row, 1, label)
        put(ws, row, 3, value)
        row += 1
    return row + 1


def _fill(code: str):
    from openpyxl.styles import PatternFill

    color = FILL[code].lstrip("#").upper()
    return PatternFill("solid", start_color=color, end_color=color)


def attendance_xlsx(grid: AttendanceMonth, target: Path | str, head: Letterhead | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    head = head or Letterhead()
    target = Path(target)
    b = grid.batch
    wb = Workbook()
    ws = wb.active
    ws.title = f"Presensi {grid.month:02d}-{grid.year}"
    top = _xlsx_heading(ws, tr("Rekap presensi peserta pelatihan — {m}").format(m=month_name(grid.year, grid.month)),
                        b, head, [(tr("Minimum kehadiran"), f"{b.min_attendance}%")])
    n = len(grid.columns)
    header = [tr("No"), tr("Nama peserta")] + [c.date for c in grid.columns] + [
        "H", "I", "S", "A", tr("Sesi"), tr("% bulan"), tr("% kumulatif")]
    thin = Side(style="thin", color="9CA3AF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, value in enumerate(header, start=1):
        cell = put(ws, top, col, value)
        cell.font = Font(bold=True)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", text_rotation=90 if 3 <= col < 3 + n else 0)
        if isinstance(value, dt.date):
            cell.number_format = "DD/MM"
    cumulative = {r.enrollment_id: r for r in b.rows}
    r = top
    for i, row in enumerate(grid.rows, start=1):
        r += 1
        values: list[Any] = [i, row.name] + [OUTSIDE if c is None else c for c in row.cells] + [
            row.present, row.excused, row.sick, row.absent, row.counted,
            (row.present / row.counted) if row.counted else None,
            cumulative[row.enrollment_id].attendance_rate if row.enrollment_id in cumulative else None]
        for col, value in enumerate(values, start=1):
            cell = put(ws, r, col, value)
            cell.border = border
            if col >= 3:
                cell.alignment = Alignment(horizontal="center")
            if isinstance(value, str) and value in FILL and 3 <= col < 3 + n:
                cell.fill = _fill(value)
            if col >= 3 + n + 5:
                cell.number_format = "0.0%"
    r += 1
    put(ws, r, 2, tr("Jumlah hadir")).font = Font(bold=True)
    for j in range(n):
        put(ws, r, 3 + j, sum(1 for row in grid.rows if row.cells[j] == "H")).alignment = Alignment(horizontal="center")
    for k, attr in enumerate(("present", "excused", "sick", "absent", "counted")):
        put(ws, r, 3 + n + k, sum(getattr(row, attr) for row in grid.rows)).font = Font(bold=True)
    put(ws, r + 2, 1, _legend_attendance())
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 32
    for j in range(n):
        ws.column_dimensions[get_column_letter(3 + j)].width = 4.5
    for k in range(7):
        ws.column_dimensions[get_column_letter(3 + n + k)].width = 9
    ws.freeze_panes = ws.cell(top + 1, 3)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(target)
    return target


def progress_xlsx(matrix: BatchProgress, target: Path | str, head: Letterhead | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    head = head or Letterhead()
    target = Path(target)
    wb = Workbook()
    ws = wb.active
    ws.title = tr("Progres")
    top = _xlsx_heading(ws, tr("Rekap progres peserta pelatihan"), matrix, head, [
        (tr("Sesi terlaksana"), str(matrix.sessions_held)),
        (tr("Syarat sertifikat"), tr("semua unit K dan kehadiran ≥ {m}%").format(m=matrix.min_attendance)),
        (tr("Per tanggal"), format_short(dt.date.today())),
    ])
    units = matrix.units
    header = [tr("No"), tr("Nama peserta")] + [u.short for u in units] + [
        tr("Sesi dihitung"), "H", "I", "S", "A", tr("Kehadiran"), tr("Unit K"), tr("Jumlah unit"), tr("Layak"),
        tr("Keterangan")]
    for col, value in enumerate(header, start=1):
        cell = put(ws, top, col, value)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    r = top
    for i, p in enumerate(matrix.rows, start=1):
        r += 1
        values: list[Any] = [i, p.name] + [p.unit_results.get(u.id) or "—" for u in units] + [
            p.sessions_counted, p.present, p.excused, p.sick, p.absent, p.attendance_rate, p.units_competent,
            p.units_total, tr("Ya") if p.eligible else tr("Belum"), " ".join(p.reasons)]
        for col, value in enumerate(values, start=1):
            cell = put(ws, r, col, value)
            if 3 <= col < 3 + len(units) and value in FILL:
                cell.fill = _fill(value)
            if col == 3 + len(units) + 5:
                cell.number_format = "0.0%"
    legend = wb.create_sheet(tr("Unit kompetensi"))
    append_row(legend, [tr("No"), tr("Kode unit"), tr("Judul unit kompetensi")])
    for i, u in enumerate(units, start=1):
        append_row(legend, [i, u.code, u.title])
    ws.column_dimensions["B"].width = 32
    ws.freeze_panes = ws.cell(top + 1, 3)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    wb.save(target)
    return target
