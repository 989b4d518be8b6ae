"""The fonts every PDF uses, all embedded (no built-in Helvetica may remain).

``register()`` is idempotent. Use the names ``SANS``, ``SANS_BOLD``, ``SERIF``,
``SERIF_BOLD``, ``SERIF_ITALIC`` in canvases and paragraph styles, and start
every canvas with ``new_canvas()`` (it sets an embedded initial font, so
reportlab never writes its default Helvetica).
"""

from __future__ import annotations

from balai_app.paths import resource_path

SANS = "BalaiSans"
SANS_BOLD = "BalaiSans-Bold"
SANS_ITALIC = "BalaiSans-Italic"
SANS_BOLD_ITALIC = "BalaiSans-BoldItalic"
SERIF = "BalaiSerif"
SERIF_BOLD = "BalaiSerif-Bold"
SERIF_ITALIC = "BalaiSerif-Italic"
SERIF_BOLD_ITALIC = "BalaiSerif-BoldItalic"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "DejaVuSerif-BoldItalic.ttf",
}

_registered = False


def register() -> None:
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD_ITALIC)
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
    _registered = True


def new_canvas(target, pagesize, **kwargs):
    """A reportlab canvas whose initial font is embedded (not Helvetica)."""
    from reportlab.pdfgen import canvas

    register()
    return canvas.Canvas(target, pagesize=pagesize, initialFontName=SANS, initialFontSize=10, **kwargs)


def doc_template(target, pagesize, **kwargs):
    """A platypus SimpleDocTemplate with an embedded initial font."""
    from reportlab.platypus import SimpleDocTemplate

    register()
    return SimpleDocTemplate(target, pagesize=pagesize, initialFontName=SANS, **kwargs)
