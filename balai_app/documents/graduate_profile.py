"""Profil lulusan as an A4 PDF: a ``GraduateProfile`` in, bytes out.

It prints only what the PM achieved (name, photo, programmes, units found Kompeten,
certificate numbers, attendance); the data class it receives holds nothing else.
"""

from __future__ import annotations

import html
import io

from balai_app.documents import fonts
from balai_app.domain.dates import format_long, format_short
from balai_app.i18n import tr


def pdf_bytes(profile) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

    out = io.BytesIO()
    doc = fonts.doc_template(out, A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                             bottomMargin=18 * mm, title=tr("Profil Lulusan — {name}").format(name=profile.name))
    small = ParagraphStyle("small", fontName=fonts.SANS, fontSize=9, leading=11, textColor=colors.HexColor("#444444"))
    normal = ParagraphStyle("normal", fontName=fonts.SANS, fontSize=10, leading=13)
    bold = ParagraphStyle("bold", parent=normal, fontName=fonts.SANS_BOLD)
    title = ParagraphStyle("title", fontName=fonts.SANS_BOLD, fontSize=16, leading=20)
    name_style = ParagraphStyle("name", fontName=fonts.SANS_BOLD, fontSize=18, leading=22, spaceAfter=4)
    heading = ParagraphStyle("heading", fontName=fonts.SANS_BOLD, fontSize=11.5, leading=15, spaceBefore=10,
                             spaceAfter=4, textColor=colors.HexColor("#1f3a5f"))
    e = html.escape
    story = []
    if profile.balai_name:
        story.append(Paragraph(e(profile.balai_name), bold))
    story.append(Paragraph(tr("Profil Lulusan"), title))
    if profile.partner_name:
        story.append(Paragraph(e(tr("Disiapkan untuk {p}").format(p=profile.partner_name)), small))
    story.append(Spacer(1, 5 * mm))

    facts = [Paragraph(e(profile.name), name_style)]
    done = [p.program for p in profile.programmes]
    if done:
        facts.append(Paragraph(e(tr("Lulusan pelatihan vokasional: {p}").format(p=", ".join(done))), normal))
    if profile.certificates:
        facts.append(Paragraph(e(tr("Sertifikat: {n}").format(
            n="; ".join(f"{number} ({name})" for number, name in profile.certificates))), normal))
    photo = Paragraph("", normal)
    if profile.photo:
        photo = Image(io.BytesIO(profile.photo), width=30 * mm, height=40 * mm, kind="proportional")
    top = Table([[photo, facts]], colWidths=[36 * mm, None])
    top.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    story.append(top)

    story.append(Paragraph(tr("Program pelatihan yang diselesaikan"), heading))
    if not profile.programmes:
        story.append(Paragraph(tr("Belum ada program pelatihan yang diselesaikan."), normal))
    for programme in profile.programmes:
        block = [Paragraph(e(f"{programme.program} — {programme.batch}"), bold),
                 Paragraph(e(tr("Periode {a} s.d. {b} · kehadiran {p}").format(
                     a=format_short(programme.start), b=format_short(programme.end), p=programme.attendance)),
                     small)]
        if programme.units:
            rows = [[Paragraph(tr("Kode unit"), bold), Paragraph(tr("Unit kompetensi (Kompeten)"), bold)]]
            rows += [[Paragraph(e(code or "-"), normal), Paragraph(e(unit_title), normal)]
                     for code, unit_title in programme.units]
            table = Table(rows, colWidths=[42 * mm, None], repeatRows=1, hAlign="LEFT")
            table.setStyle(TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9aa8b6")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dbe7f3")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            block += [Spacer(1, 2 * mm), table]
        block.append(Spacer(1, 4 * mm))
        story.append(KeepTogether(block))

    story.append(Spacer(1, 6 * mm))
    place = f"{profile.balai_city}, " if profile.balai_city else ""
    story.append(Paragraph(e(tr("{place}{date}. Profil ini dibagikan dengan persetujuan yang bersangkutan "
                                "(tanggal {consent}).").format(place=place, date=format_long(profile.printed_on),
                                                             consent=format_long(profile.consent_date))), small))
    doc.build(story)
    return out.getvalue()
