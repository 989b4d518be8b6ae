"""Drawing primitives of the competency certificate (``documents.certificate`` draws the
pages with them): cached images and glyph coverage, centred text that shrinks then narrows
to fit, word wrap, the border (once per PDF, a form XObject), whatever many certificates of
one PDF share (the heading, labels, the table of units, the signature block: a form XObject
from its second use on), the DICABUT mark, the QR (a form of integer module rectangles,
drawn once at issue), the holder's name layout and the vertical flow of lines.
"""

from __future__ import annotations

import hashlib
import io
from functools import cache, partial
from collections.abc import Callable, Hashable
from typing import Any

from balai_app.documents import fonts
from balai_app.documents.certificate_text import fit, line_width, qr_drawing, qr_drawing_parts, qr_matrix

NAVY = (0.12, 0.23, 0.37)
GOLD = (0.77, 0.60, 0.17)
GREY = (0.35, 0.35, 0.35)
RED = (0.75, 0.1, 0.1)
QR_SIZE = 112  # a signed payload (~500-750 characters) is 89-105 modules: >= 1.0 pt each, read back at 150 dpi
NAME_SIZE, NAME_MIN_SIZE = 26, 12
NAME_ONE_LINE_MIN = 22  # below this a long name goes on two lines instead
NAME_MAX_WIDTH = 641.89  # the page less 100 pt each side: well inside the frame
PROGRAM_SIZE, PROGRAM_MIN_SIZE = 21, 11

# One line of the page's vertical flow: (advance before it, draw(baseline)).
FlowOp = tuple[float, Callable[[float], object]]


class CertificateCanvas:
    def __init__(self, canvas):
        from reportlab.lib.pagesizes import A4, landscape

        self.c = canvas
        self.W, self.H = landscape(A4)
        self._images: dict[str, Any] = {}
        self._glyphs: dict[str, set[int]] = {}
        self._frame_ready = False
        self._seen: set[Hashable] = set()
        self._forms: dict[Hashable, str] = {}
        self._table_heights: dict[Hashable, float] = {}

    # --- helpers ----------------------------------------------------------
    def image(self, data: bytes):
        """A reader for ``drawImage``, one per distinct image of the PDF. A JPEG (the photos)
        goes into the PDF as it is; reportlab would decode it only to name it by the MD5 of
        its pixels (several ms a photo): here it is named by the SHA-1 of the file."""
        from reportlab.lib.utils import ImageReader

        key = hashlib.sha1(data).hexdigest()
        reader = self._images.get(key)
        if reader is None:
            reader = ImageReader(io.BytesIO(data))
            if getattr(reader._image, "format", None) == "JPEG":
                reader = _jpeg_reader_class()(reader)  # the same state ("borgized"), named by its SHA-1
                reader._key, reader._dataA = key.encode("ascii"), None
            self._images[key] = reader
        return reader

    def once(self, key: Hashable, draw: Callable[[], object]) -> None:
        """``draw()`` what ``key`` names (everything it draws must follow from ``key``): the
        first time directly, from its second use on as a form XObject written once per PDF."""
        name = self._forms.get(key)
        if name is None:
            if key not in self._seen:
                self._seen.add(key)
                draw()
                return
            name = self._forms[key] = f"balai-{len(self._forms)}"
            self.c.beginForm(name)
            draw()
            self.c.endForm()
        self.c.doForm(name)

    def covers(self, font: str, text: str) -> bool:
        glyphs = self._glyphs.get(font)
        if glyphs is None:
            from reportlab.pdfbase import pdfmetrics

            glyphs = self._glyphs[font] = set(pdfmetrics.getFont(font).face.charToGlyph)
        return all(ord(ch) in glyphs for ch in text if ch.isprintable())

    def font_for(self, text: str, preferred: str, fallback: str) -> str:
        return preferred if self.covers(preferred, text) else fallback

    def width(self, text: str, font: str, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(text, font, size)

    def centred(self, text: str, y: float, font: str, size: float, color=(0, 0, 0), x: float | None = None,
                max_width: float | None = None, min_size: float = 6, char_space: float = 0,
                scale: float = 100.0) -> float:
        """Centred on one line; shrinks (down to ``min_size``) then narrows to fit ``max_width``
        (or, without ``max_width``, is drawn at the horizontal ``scale`` given)."""
        c = self.c
        x = self.W / 2 if x is None else x
        if max_width is not None or scale == 100.0:
            size, char_space, scale = fit(text, font, size, max_width, min_size, char_space)
        drawn = line_width(text, font, size, char_space, scale)
        t = c.beginText()
        t.setFont(font, size)
        t.setFillColorRGB(*color)
        # Tc and Tz outlive the text object in PDF: always reset them after use.
        if char_space:
            t.setCharSpace(char_space)
        if scale != 100.0:
            t.setHorizScale(scale)
        t.setTextOrigin(x - drawn / 2, y)
        t.textOut(text)
        if char_space:
            t.setCharSpace(0)
        if scale != 100.0:
            t.setHorizScale(100)
        c.drawText(t)
        return size

    def text(self, text: str, x: float, y: float, font: str, size: float, color=(0, 0, 0)) -> None:
        self.c.setFont(font, size)
        self.c.setFillColorRGB(*color)
        self.c.drawString(x, y, text)

    def wrap(self, text: str, font: str, size: float, width: float) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if self.width(candidate, font, size) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
        return lines

    def frame(self) -> None:
        """The border, drawn once per PDF as a form XObject and placed on every page."""
        if not self._frame_ready:
            self.c.beginForm("balai-frame")
            self._draw_frame()
            self.c.endForm()
            self._frame_ready = True
        self.c.doForm("balai-frame")

    def _draw_frame(self) -> None:
        c, W, H = self.c, self.W, self.H
        c.setStrokeColorRGB(*NAVY)
        c.setLineWidth(3.2)
        c.rect(18, 18, W - 36, H - 36)
        c.setStrokeColorRGB(*GOLD)
        c.setLineWidth(1)
        c.rect(25, 25, W - 50, H - 50)
        c.setLineWidth(0.5)
        c.rect(28, 28, W - 56, H - 56)
        c.setFillColorRGB(*GOLD)
        for x, y in ((25, 25), (W - 25, 25), (25, H - 25), (W - 25, H - 25)):
            p = c.beginPath()
            p.moveTo(x - 6, y)
            p.lineTo(x, y + 6)
            p.lineTo(x + 6, y)
            p.lineTo(x, y - 6)
            p.close()
            c.drawPath(p, stroke=0, fill=1)

    def void_mark(self) -> None:
        c = self.c
        c.saveState()
        c.setFillColorRGB(*RED)
        c.setFillAlpha(0.25)
        c.translate(self.W / 2, self.H / 2)
        c.rotate(25)
        c.setFont(fonts.SERIF_BOLD, 110)
        c.drawCentredString(0, -40, "DICABUT")
        c.restoreState()

    def qr(self, payload: str, x: float, y: float, size: float, matrix: bytes | None = None,
           drawing: bytes | None = None) -> None:
        """The QR of ``payload`` on a white square: its ``drawing`` (made once, at issue,
        from the ``matrix`` encoded then; derived here for a certificate that has none, or
        one of an older format) goes into the PDF as it is, a form in module units."""
        parts = qr_drawing_parts(drawing) if drawing else None
        if parts is None:
            parts = qr_drawing_parts(qr_drawing(matrix or qr_matrix(payload)))
            assert parts is not None
        count, stream = parts
        border = 2
        box = size / (count + 2 * border)
        c = self.c
        c.setFillColorRGB(1, 1, 1)
        c.rect(x, y, size, size, stroke=0, fill=1)
        c.saveState()
        c.translate(x + border * box, y + size - border * box)
        c.scale(box, -box)  # module units, rows downwards
        c.doForm(_qr_form(c, count, stream))
        c.restoreState()

    # --- pages -------------------------------------------------------------
    def name_layout(self, name: str, font: str, floor: float) -> tuple[float, list[str], float]:
        """(size, lines, horizontal scale %) for the holder's name: one line at up to
        ``NAME_SIZE``, else two balanced lines; never below ``floor`` (the program name's
        size), narrowing the glyphs only when two lines at ``floor`` still do not fit."""
        width = NAME_MAX_WIDTH
        natural = self.width(name, font, NAME_SIZE)
        one_line_min = max(floor, NAME_ONE_LINE_MIN)
        if natural <= width:
            return NAME_SIZE, [name], 100.0
        if NAME_SIZE * width / natural >= one_line_min:
            return NAME_SIZE * width / natural, [name], 100.0
        words = name.split()
        if len(words) < 2:
            size = floor
            return size, [name], min(100.0, 100.0 * width / self.width(name, font, size) * 0.999)
        best = None
        for cut in range(1, len(words)):
            lines = [" ".join(words[:cut]), " ".join(words[cut:])]
            widest = max(self.width(line, font, NAME_SIZE) for line in lines)
            if best is None or widest < best[0]:
                best = (widest, lines)
        assert best is not None
        widest, lines = best
        size = min(NAME_SIZE, NAME_SIZE * width / widest)
        if size >= floor:
            return size, lines, 100.0
        return floor, lines, min(100.0, 100.0 * width / self.width(max(lines, key=len), font, floor) * 0.999)

    def flow(self, ops: list[FlowOp], top: float, floor: float, shared: dict[int, Hashable] | None = None) -> float:
        """Draw ``ops`` (advance before it, drawing function taking the baseline) downwards
        from ``top``; gaps shrink together when the whole would go below ``floor``.
        ``shared``: op index -> key of what that op draws, for lines many certificates share
        (the heading, the labels): each run of them is drawn ``once`` at its baselines."""
        total = sum(advance for advance, _draw in ops)
        factor = min(1.0, (top - floor) / total) if total else 1.0
        ys = []
        y = top
        for advance, _draw in ops:
            y -= advance * factor
            ys.append(y)
        shared = shared or {}
        index = 0
        while index < len(ops):
            end = index
            while end in shared:
                end += 1
            if end == index:
                ops[index][1](ys[index])
                index += 1
                continue
            run = range(index, end)
            self.once(("flow", tuple((shared[k], ys[k]) for k in run)), partial(_draw_run, ops, ys, run))
            index = end
        return y


def _draw_run(ops: list[FlowOp], ys: list[float], run: range) -> None:
    for k in run:
        ops[k][1](ys[k])


def _qr_form(canvas, count: int, stream: bytes) -> str:
    """The name of the form XObject of a QR of ``count`` modules whose compressed ``stream``
    (``certificate_text.qr_drawing``) goes into the PDF unchanged, once per PDF for one QR."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, xObjectName

    name = "qr-" + hashlib.sha1(stream).hexdigest()[:20]
    if not canvas._doc.hasForm(name):
        form = PDFDictionary({"Type": PDFName("XObject"), "Subtype": PDFName("Form"),
                              "BBox": PDFArray([0, 0, count, count]), "Resources": PDFDictionary({}),
                              "Filter": PDFArray([PDFName("FlateDecode")])})  # already applied
        canvas._doc.Reference(PDFStream(form, stream), xObjectName(name))
    return name


@cache
def _jpeg_reader_class():
    from reportlab.lib.utils import ImageReader

    class JpegReader(ImageReader):
        """An ImageReader of a JPEG that ``drawImage`` names by the SHA-1 of the file instead of
        by the MD5 of its decoded pixels; the file goes into the PDF unchanged (DCTDecode)."""

        _key = b""

        def getRGBData(self) -> bytes:  # noqa: N802 (reportlab's name) read only to name the image: never decoded
            return self._key

    return JpegReader
