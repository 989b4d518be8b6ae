"""The service report as an A4 PDF (reportlab; every font embedded)."""

from __future__ import annotations

from balai_app.documents import fonts
from balai_app.domain.dates import format_long
from balai_app.i18n import tr


def write_served_report(report, path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from balai_app.services import profile
    from balai_app.services.reports import table_rows

    info = profile.get_profile()
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
    if info:
        story.append(Paragraph(info.name, heading))
        if info.address:
            story.append(Paragraph(f"{info.address}, {info.city}", normal))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(tr("Laporan Penerima Manfaat yang dilayani"), title))
    story.append(Paragraph(tr("Periode: {a} s.d. {b}").format(a=format_long(report.start), b=format_long(report.end)), normal))
    titles = {"klaster": tr("Per klaster"), "services": tr("Layanan ATENSI (jumlah layanan / PM)"),
              "training": tr("Pelatihan vokasional")}
    for key, rows in table_rows(report).items():
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
