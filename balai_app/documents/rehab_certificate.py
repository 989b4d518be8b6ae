"""Sertifikat Rehabilitasi Sosial as an A4 landscape PDF: a snapshot dict in, bytes out.

The dict is ``services.rehab_certificates.render_data``: the stored snapshot plus
number, code, QR payload and photo. It holds nothing stigmatising, and this module
prints only what it holds.
"""

from __future__ import annotations

import base64
import datetime as dt
import io

from balai_app.documents import fonts
from balai_app.documents.certificate import format_nip
from balai_app.domain.dates import format_long
from balai_app.i18n import tr

NAVY = (0.12, 0.23, 0.37)
GREY = (0.33, 0.33, 0.33)


def _date(value: str | None) -> str:
    return format_long(dt.date.fromisoformat(value)) if value else ""


class _Canvas:
    """What ``certificate._Renderer.qr`` needs: the canvas (one QR drawing for both certificates)."""

    def __init__(self, canvas):
        self.c = canvas


def _qr(canvas, payload: str, x: float, y: float, size: float) -> None:
    from balai_app.documents.certificate import _Renderer

    _Renderer.qr(_Canvas(canvas), payload, x, y, size)  # type: ignore[arg-type]  # duck-typed: only .c is used


def pdf_bytes(d: dict) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Paragraph

    out = io.BytesIO()
    width, height = landscape(A4)
    c = fonts.new_canvas(out, (width, height))
    c.setTitle(tr("Sertifikat Rehabilitasi Sosial {n}").format(n=d["number"]))
    c.setStrokeColorRGB(*NAVY)
    c.setLineWidth(3)
    c.rect(22, 22, width - 44, height - 44)
    c.setLineWidth(0.8)
    c.rect(30, 30, width - 60, height - 60)

    if d["balai"].get("logo_png"):  # no invented emblem: without the balai's logo, none prints
        logo = base64.b64decode(d["balai"]["logo_png"])
        c.drawImage(ImageReader(io.BytesIO(logo)), width / 2 - 28, height - 110, 56, 56, mask="auto",
                    preserveAspectRatio=True)
    center = width / 2
    c.setFillColorRGB(*NAVY)
    c.setFont(fonts.SANS_BOLD, 13)
    c.drawCentredString(center, height - 128, d["balai"]["name"])
    c.setFont(fonts.SANS, 8.5)
    c.setFillColorRGB(*GREY)
    c.drawCentredString(center, height - 141, d["balai"]["address"])
    c.setFillColorRGB(*NAVY)
    c.setFont(fonts.SERIF_BOLD, 26)
    c.drawCentredString(center, height - 180, tr("SERTIFIKAT REHABILITASI SOSIAL"))
    c.setFont(fonts.SANS, 10.5)
    c.setFillColorRGB(0, 0, 0)
    c.drawCentredString(center, height - 198, tr("Nomor: {n}").format(n=d["number"]))
    c.drawCentredString(center, height - 224, tr("diberikan kepada"))
    c.setFont(fonts.SERIF_BOLD, 22)
    c.drawCentredString(center, height - 252, d["holder"]["name"])
    born = ", ".join(x for x in (d["holder"]["birth_place"], _date(d["holder"]["birth_date"])) if x)
    c.setFont(fonts.SANS, 10.5)
    if born:
        c.drawCentredString(center, height - 270, born)

    statement = tr(
        "telah menyelesaikan layanan rehabilitasi sosial melalui Asistensi Rehabilitasi Sosial (ATENSI) di "
        "{balai} pada periode {a} sampai dengan {b}, dan keberfungsian sosialnya telah membaik."
    ).format(balai=d["balai"]["name"], a=_date(d["service"]["start"]), b=_date(d["service"]["end"]))
    style = ParagraphStyle("statement", fontName=fonts.SANS, fontSize=11, leading=15, alignment=1)
    paragraph = Paragraph(statement, style)
    box = width - 240
    _w, h = paragraph.wrap(box, 80)
    paragraph.drawOn(c, 120, height - 290 - h)
    y = height - 300 - h
    if d.get("services"):
        small = ParagraphStyle("services", fontName=fonts.SANS, fontSize=9, leading=12, alignment=1)
        line = Paragraph(tr("Layanan yang diterima: {s}.").format(s=", ".join(d["services"])), small)
        _w, h2 = line.wrap(box, 60)
        line.drawOn(c, 120, y - h2)
        y -= h2 + 6

    # bottom: QR and code (left), photo (middle), place, date and signatory (right)
    _qr(c, d["qr_payload"], 48, 46, 118)  # a signed payload: big enough to scan from paper
    c.setFont(fonts.SANS, 7)
    c.setFillColorRGB(*GREY)
    c.drawString(172, 110, tr("Pindai kode QR atau masukkan"))
    c.drawString(172, 100, tr("nomor dan kode verifikasi:"))
    c.setFont(fonts.SANS_BOLD, 10)
    c.setFillColorRGB(0, 0, 0)
    c.drawString(172, 86, d["code"])
    if d.get("photo"):
        c.drawImage(ImageReader(io.BytesIO(d["photo"])), center - 42, 60, 85, 113, preserveAspectRatio=True)
    else:
        c.setStrokeColorRGB(0.7, 0.7, 0.7)
        c.rect(center - 42, 60, 85, 113)
    sx = width - 250
    c.setFont(fonts.SANS, 10)
    place = d["issue"]["place"]
    c.drawString(sx, 168, f"{place + ', ' if place else ''}{_date(d['issue']['date'])}")
    c.drawString(sx, 154, d["signatory"]["title"])
    c.setFont(fonts.SANS_BOLD, 10.5)
    c.drawString(sx, 80, d["signatory"]["name"])
    c.setLineWidth(0.6)
    c.setStrokeColorRGB(0, 0, 0)
    c.line(sx, 77, sx + 190, 77)
    if d["signatory"]["nip"]:
        c.setFont(fonts.SANS, 9.5)
        c.drawString(sx, 64, tr("NIP. {nip}").format(nip=format_nip(d["signatory"]["nip"])))
    if d.get("revoked"):
        c.saveState()
        c.setFillColorRGB(0.75, 0.1, 0.1)
        c.setFont(fonts.SANS_BOLD, 60)
        c.translate(center, height / 2)
        c.rotate(25)
        c.drawCentredString(0, 0, tr("DICABUT"))
        c.restoreState()
    c.showPage()
    c.save()
    return out.getvalue()
