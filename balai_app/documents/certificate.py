"""The competency certificate: A4 landscape, two pages per certificate.

``render_certificates(items, target)`` draws each item (a dict: the stored
snapshot plus ``number``, ``code``, ``qr_payload``, ``photo`` bytes or None,
``revoked``, and the QR's ``qr_matrix`` and ``qr_drawing`` made at issue, or None;
see ``services.certificates.render_data``) into one PDF. It reads nothing else: no
database, no settings, so a reprint is always what was issued.

Front: logo and balai name, title, number, "diberikan kepada", the name (shrunk,
then narrowed, to stay on one line), place and date of birth, the skill, the
training period, the QR with the verification code beside it, the photo (or an
empty 3×4 cm frame), place and date of issue and the signature block(s).
Back: the table of units (no., code, title) and the training period.
Every font is an embedded DejaVu (``documents.fonts``); only three faces are used
(serif bold, serif italic, sans; sans bold only for a name serif cannot print),
each embedded subset costs about 18 KB.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Hashable
from functools import partial
from typing import Any

from balai_app.documents import fonts
from balai_app.documents.certificate_text import (  # noqa: F401 (part of this module's interface)
    QR_MASK,
    TITLES,
    competence_sentence,
    date_text,
    fit,
    format_nip,
    hours_of,
    line_width,
    name_font,
    period_lines,
    period_text,
    QR_DRAWING_FORMAT,
    qr_drawing,
    qr_matrix,
    sample_item,
    unpack_qr,
)
from balai_app.documents.certificate_canvas import (  # noqa: F401 (part of this module's interface)
    GOLD,
    GREY,
    NAME_MAX_WIDTH,
    NAME_MIN_SIZE,
    NAME_SIZE,
    NAVY,
    PROGRAM_MIN_SIZE,
    PROGRAM_SIZE,
    QR_SIZE,
    RED,
    CertificateCanvas,
    FlowOp,
)


class Cancelled(Exception):
    """``progress`` returned False: rendering stopped, the target is incomplete."""


class _Renderer(CertificateCanvas):
    # --- pages -------------------------------------------------------------
    def front(self, d: dict[str, Any]) -> None:
        c, W, H = self.c, self.W, self.H
        en = bool(d.get("bilingual"))
        holder, program, balai = d["holder"], d["program"], d["balai"]
        title, title_en = TITLES.get(d.get("title") or "kompetensi", TITLES["kompetensi"])
        self.frame()
        ops: list[FlowOp] = []
        shared: dict[int, Hashable] = {}  # op index -> what it draws, for lines every certificate of a PDF shares

        def same(*key: Hashable) -> None:
            shared[len(ops) - 1] = key

        logo = balai.get("logo_png")
        if logo:
            ops.append((50, lambda y: c.drawImage(self.image(base64.b64decode(logo)), W / 2 - 24, y, 48, 48,
                                                  mask="auto", preserveAspectRatio=True, anchor="c")))
            same("logo", logo)
        header = balai.get("header") or []
        for index, line in enumerate(header):
            ops.append((14 if index == 0 and logo else 11 if index else 2,
                        partial(self.centred, line, font=fonts.SANS_BOLD, size=9, color=NAVY, max_width=W - 140,
                                min_size=6)))
            same("header", line)
        ops.append((17 if header or logo else 2,
                    lambda y: self.centred(balai["name"], y, self.font_for(balai["name"], fonts.SERIF_BOLD,
                                                                           fonts.SANS_BOLD), 14, NAVY,
                                           max_width=W - 140)))
        same("balai", balai["name"])
        if balai.get("address"):
            ops.append((11, lambda y: self.centred(balai["address"], y, fonts.SANS, 8.5, GREY, max_width=W - 140)))
            same("address", balai["address"])

        def rule(y: float) -> None:
            c.setStrokeColorRGB(*GOLD)
            c.setLineWidth(1.2)
            c.line(W / 2 - 170, y, W / 2 + 170, y)

        ops.append((8, rule))
        same("rule")
        ops.append((31, lambda y: self.centred(title, y, fonts.SERIF_BOLD, 30, NAVY, char_space=2.5)))
        same("title", title)
        if en:
            ops.append((15, lambda y: self.centred(title_en, y, fonts.SERIF_ITALIC, 11, GREY, char_space=1.5)))
            same("title-en", title_en)
        ops.append((19, lambda y: self.centred(f"Nomor: {d['number']}", y, fonts.SANS, 11, max_width=W - 200)))
        if en:
            ops.append((10, lambda y: self.centred("Number", y, fonts.SERIF_ITALIC, 7.5, GREY)))
            same("number-en")
        ops.append((20, lambda y: self.centred("diberikan kepada", y, fonts.SERIF_ITALIC, 13)))
        same("awarded")
        if en:
            ops.append((11, lambda y: self.centred("awarded to", y, fonts.SERIF_ITALIC, 9, GREY)))
            same("awarded-en")

        program_font = self.font_for(program["name"], fonts.SERIF_BOLD, fonts.SANS_BOLD)
        program_size = fit(program["name"], program_font, PROGRAM_SIZE, W - 200, PROGRAM_MIN_SIZE)[0]
        name = holder["name"]
        nfont = name_font(name)
        size, lines, scale = self.name_layout(name, nfont, program_size)
        for index, line in enumerate(lines):
            ops.append(((size * 1.3 if index == 0 else size * 1.12),
                        partial(self.centred, line, font=nfont, size=size, color=NAVY, char_space=0,
                                max_width=NAME_MAX_WIDTH if scale == 100.0 else None, min_size=size, scale=scale)))

        def name_rule(y: float) -> None:
            c.setStrokeColorRGB(*GOLD)
            c.setLineWidth(0.8)
            c.line(W / 2 - 230, y, W / 2 + 230, y)

        ops.append((9, name_rule))
        born = ", ".join(p for p in (holder.get("birth_place"), date_text(holder.get("birth_date"))) if p) or "-"
        ops.append((16, lambda y: self.centred(f"Tempat dan tanggal lahir: {born}", y,
                                               self.font_for(born, fonts.SANS, fonts.SERIF), 10.5, max_width=W - 200)))
        if en:
            ops.append((10, lambda y: self.centred("Place and date of birth", y, fonts.SERIF_ITALIC, 7.5, GREY)))
            same("born-en")
        sentence, sentence_en = competence_sentence(d)
        ops.append((20, lambda y: self.centred(sentence, y, fonts.SERIF_ITALIC, 12, max_width=W - 160)))
        same("sentence", sentence)
        if en:
            ops.append((11, lambda y: self.centred(sentence_en, y, fonts.SERIF_ITALIC, 9, GREY, max_width=W - 160)))
            same("sentence-en", sentence_en)
        ops.append((program_size + 6, lambda y: self.centred(program["name"], y, program_font, program_size, NAVY,
                                                             max_width=W - 200, min_size=PROGRAM_MIN_SIZE)))
        same("program", program["name"], program_font, program_size)
        period, period_en = period_lines(d)
        ops.append((18, lambda y: self.centred(period, y, fonts.SANS, 10, max_width=W - 200)))
        same("period", period)
        if en:
            ops.append((10, lambda y: self.centred(period_en, y, fonts.SERIF_ITALIC, 7.5, GREY, max_width=W - 200)))
            same("period-en", period_en)
        second = d.get("second_signatory")
        scheme = (second or {}).get("scheme")
        if scheme:
            ops.append((13, lambda y: self.centred(f"Skema sertifikasi: {scheme}", y, fonts.SANS, 9,
                                                   max_width=W - 200)))
            same("scheme", scheme)
        self.flow(ops, H - 38, 198, shared)

        # bottom row: QR + code, photo, signatures
        qr_size = QR_SIZE
        self.qr(d["qr_payload"], 46, 44, qr_size, d.get("qr_matrix"), d.get("qr_drawing"))
        tx = 46 + qr_size + 6
        self.once(("code-label", tx, en), lambda: self.text("Kode verifikasi" + (" / Verification code" if en else ""),
                                                            tx, 138, fonts.SANS, 7.5, GREY))
        self.text(d["code"], tx, 123, fonts.SERIF_BOLD, 12, NAVY)
        self.once(("hint", tx, en), partial(self.scan_hint, tx, en))

        pw, ph = 85.04, 113.39  # 3 x 4 cm
        px = 318 if second else 440
        py = 52
        photo = d.get("photo")
        if photo:
            c.drawImage(self.image(photo), px, py, pw, ph, preserveAspectRatio=True, anchor="c")
            c.setStrokeColorRGB(*GREY)
            c.setLineWidth(0.5)
            c.rect(px, py, pw, ph)
        else:
            self.once(("no-photo", px, py), partial(self.photo_frame, px, py, pw, ph))

        issue = d["issue"]
        place_date = ", ".join(p for p in (issue.get("place"), date_text(issue.get("date"))) if p)
        head = d["signatory"]
        head_lines = [head.get("title") or "Kepala Balai"]
        head_id = f"NIP. {format_nip(head['nip'])}" if head.get("nip") else ""
        if second:
            licence = second.get("licence", second.get("number", ""))
            self.signature(517, (second.get("title") or "", second.get("org") or ""), second["name"],
                           f"No. Lisensi LSP: {licence}" if licence else "", None, 178)
            self.signature(W - 140, tuple(head_lines), head["name"], head_id, place_date, 178)
        else:
            self.signature(W - 175, tuple(head_lines), head["name"], head_id, place_date, 230)
        self.text(f"{balai.get('code', '')} · {d['number']}", 36, 32, fonts.SANS, 5.5, GREY)
        if d.get("revoked"):
            self.void_mark()

    def scan_hint(self, tx: float, en: bool) -> None:
        hint = ["Pindai kode QR dengan kamera", "ponsel untuk memeriksa", "keaslian sertifikat ini."]
        for index, line in enumerate(hint):
            self.text(line, tx, 106 - 9 * index, fonts.SANS, 7, GREY)
        if en:
            self.text("Scan the QR code with a phone", tx, 74, fonts.SERIF_ITALIC, 6.5, GREY)
            self.text("camera to check authenticity.", tx, 66, fonts.SERIF_ITALIC, 6.5, GREY)

    def photo_frame(self, px: float, py: float, pw: float, ph: float) -> None:
        """The empty 3 x 4 cm frame where no photo is stored."""
        c = self.c
        c.setStrokeColorRGB(*GREY)
        c.setLineWidth(0.6)
        c.setDash(2, 2)
        c.rect(px, py, pw, ph)
        c.setDash()
        self.centred("Pas foto", py + ph / 2 + 2, fonts.SANS, 7.5, GREY, x=px + pw / 2)
        self.centred("3 × 4 cm", py + ph / 2 - 8, fonts.SANS, 7.5, GREY, x=px + pw / 2)

    def signature(self, x: float, title_lines: tuple[str, ...], name: str, id_line: str, place_date: str | None,
                  width: float) -> None:
        """A signature block (usually the same on every certificate of a batch: drawn ``once``)."""
        self.once(("signature", x, title_lines, name, id_line, place_date, width),
                  partial(self._signature, x, title_lines, name, id_line, place_date, width))

    def _signature(self, x: float, title_lines: tuple[str, ...], name: str, id_line: str, place_date: str | None,
                   width: float) -> None:
        y = 182
        if place_date is not None:
            self.centred(place_date, y, fonts.SANS, 10, x=x, max_width=width)
        y -= 14
        lines = [t for t in title_lines if t]
        for index, line in enumerate(lines):
            last = index == len(lines) - 1
            for part in self.wrap(line + ("," if last else ""), fonts.SANS, 10, width)[:2]:
                self.centred(part, y, fonts.SANS, 10, x=x, max_width=width)
                y -= 12
        y = 88
        font = self.font_for(name, fonts.SERIF_BOLD, fonts.SANS_BOLD)
        size = self.centred(name, y, font, 10.5, x=x, max_width=width, min_size=7)
        w = min(self.width(name, font, size), width)
        self.c.setStrokeColorRGB(0, 0, 0)
        self.c.setLineWidth(0.6)
        self.c.line(x - w / 2, y - 2.5, x + w / 2, y - 2.5)
        if id_line:
            self.centred(id_line, y - 14, fonts.SANS, 9, x=x, max_width=width)

    def unit_table(self, units: list[dict[str, str]], x: float, top: float, width: float, en: bool) -> float:
        """The table of units (usually the same on every certificate of a batch: drawn ``once``);
        returns its height."""
        key = ("units", tuple((unit.get("code"), unit["title"]) for unit in units), x, top, width, en)
        height = self._table_heights.get(key)
        if height is None:
            height = self._table_heights[key] = self._unit_table(units, x, top, width, en, draw=False)
        self.once(key, partial(self._unit_table, units, x, top, width, en))
        return height

    def _unit_table(self, units: list[dict[str, str]], x: float, top: float, width: float, en: bool,
                    draw: bool = True) -> float:
        """The table drawn directly (a platypus Table is several times slower); returns its height."""
        c = self.c
        size = 10 if len(units) <= 14 else 8.5 if len(units) <= 22 else 7
        leading, pad = size * 1.22, 3.5
        widths = [36, 170, width - 206]
        xs = [x, x + widths[0], x + widths[0] + widths[1], x + width]
        header = [("No.", "No."), ("Kode Unit", "Unit Code"), ("Judul Unit Kompetensi", "Title of Competency Unit")]
        head_h = leading + (size * 1.0 if en else 0) + 2 * pad
        rows = []
        for i, unit in enumerate(units, 1):
            code_lines = self.wrap(unit.get("code") or "-", fonts.SANS, size, widths[1] - 2 * pad)
            title_lines = self.wrap(unit["title"], fonts.SANS, size, widths[2] - 2 * pad)
            rows.append(([str(i)], code_lines, title_lines))
        heights = [max(len(col) for col in row) * leading + 2 * pad for row in rows]
        total = head_h + sum(heights)
        if not draw:
            return total
        c.setFillColorRGB(*NAVY)
        c.rect(x, top - head_h, width, head_h, stroke=0, fill=1)
        for (label, english), left in zip(header, xs):
            self.text(label, left + pad, top - pad - size * 0.95, fonts.SERIF_BOLD, size, (1, 1, 1))
            if en:
                self.text(english, left + pad, top - pad - size * 0.95 - size, fonts.SERIF_ITALIC, size - 2, (1, 1, 1))
        y = top - head_h
        for index, (row, h) in enumerate(zip(rows, heights)):
            if index % 2:
                c.setFillColorRGB(0.95, 0.95, 0.92)
                c.rect(x, y - h, width, h, stroke=0, fill=1)
            for lines, left in zip(row, xs):
                first = y - h / 2 + (len(lines) - 1) * leading / 2 - size * 0.35
                for k, line in enumerate(lines):
                    self.text(line, left + pad, first - k * leading, fonts.SANS, size)
            y -= h
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.setLineWidth(0.4)
        c.rect(x, top - total, width, total, stroke=1, fill=0)
        for left in xs[1:-1]:
            c.line(left, top, left, top - total)
        y = top - head_h
        for h in heights[:-1]:
            y -= h
            c.line(x, y, x + width, y)
        return total

    def back_heading(self, some: bool, en: bool) -> None:
        W, H = self.W, self.H
        heading = "UNIT KOMPETENSI YANG DINYATAKAN KOMPETEN" if some else "DAFTAR UNIT KOMPETENSI"
        heading_en = "COMPETENCY UNITS FOUND COMPETENT" if some else "LIST OF COMPETENCY UNITS"
        self.centred(heading, H - 70, fonts.SERIF_BOLD, 18, NAVY, char_space=1.5, max_width=W - 140)
        if en:
            self.centred(heading_en, H - 86, fonts.SERIF_ITALIC, 9.5, GREY, char_space=1)

    def back_period(self, line: str, english: str, batch: str, y: float) -> None:
        self.text(line, 70, y, fonts.SANS, 10)
        if english:
            self.text(english, 70, y - 10, fonts.SERIF_ITALIC, 7.5, GREY)
        if batch:
            self.text(f"Angkatan: {batch}", 70, y - (24 if english else 14),
                      self.font_for(batch, fonts.SANS, fonts.SERIF), 10)

    def back(self, d: dict[str, Any]) -> None:
        W, H = self.W, self.H
        en = bool(d.get("bilingual"))
        self.frame()
        units = d.get("units") or []
        total = d.get("units_total", len(units))
        some = len(units) < total  # only some units found kompeten
        self.once(("back-heading", some, en), partial(self.back_heading, some, en))
        y = H - 86 - (16 if en else 0)
        holder = d["holder"]["name"]
        self.centred(f"{d['program']['name']} — {holder}", y - 4, self.font_for(holder, fonts.SERIF_BOLD, fonts.SANS_BOLD),
                     11, max_width=W - 140, min_size=7)
        self.centred(f"Nomor sertifikat: {d['number']}", y - 18, fonts.SANS, 9, GREY, max_width=W - 140)
        top = y - 34
        if some:
            note = (f"Dinyatakan kompeten pada {len(units)} dari {total} unit kompetensi program ini; "
                    "unit lainnya belum dinilai kompeten." if units else
                    "Belum ada unit kompetensi yang dinyatakan kompeten; sertifikat ini menyatakan keikutsertaan "
                    "dalam pelatihan.")
            self.once(("note", note, top), partial(self.centred, note, top - 4, fonts.SANS, 9.5, max_width=W - 140,
                                                   min_size=7))
            top -= 18
        th = self.unit_table(units, 70, top, W - 140, en) if units else 0
        y = top - th - 22
        hours, attended = hours_of(d)
        line = f"Periode pelatihan: {period_text(d['training'])}"
        if hours:
            line += f", {hours} jam pelajaran yang diikuti" if attended else f", {hours} jam pelajaran"
        english = ("Training period" + (", training hours attended" if attended and hours else "")) if en else ""
        batch = d["training"].get("batch") or ""
        self.once(("period", line, english, batch, y), partial(self.back_period, line, english, batch, y))
        self.text(f"Kode verifikasi: {d['code']}", 70, 44, fonts.SANS, 8, GREY)
        balai = d["balai"]["name"]
        self.once(("footer", balai), lambda: self.text(balai, 70, 34, self.font_for(balai, fonts.SANS, fonts.SERIF),
                                                       7, GREY))
        if d.get("revoked"):
            self.void_mark()


def render_certificates(items: list[dict[str, Any]], target, *,
                        progress: Callable[[int, int], bool | None] | None = None) -> None:
    """Write one PDF (two pages per certificate) to ``target`` (a path or a binary file object).

    ``progress(done, total)`` is called after each certificate; returning False
    stops with ``Cancelled`` (a path target is then removed).
    """
    from reportlab import rl_config

    a85 = rl_config.useA85
    rl_config.useA85 = 0  # binary streams: a quarter smaller, and encoding them is most of save()
    try:
        _render(items, target, progress)
    finally:
        rl_config.useA85 = a85


def _render(items, target, progress) -> None:
    from reportlab.lib.pagesizes import A4, landscape

    canvas = fonts.new_canvas(target if not hasattr(target, "__fspath__") else str(target), landscape(A4),
                              pageCompression=1)
    first_title = (items[0].get("title") if items else None) or "kompetensi"
    canvas.setTitle(TITLES.get(first_title, TITLES["kompetensi"])[0].title())
    canvas.setAuthor(items[0]["balai"]["name"] if items else "Balai")
    canvas.setCreator("Balai")
    renderer = _Renderer(canvas)
    total = len(items)
    for index, item in enumerate(items, 1):
        renderer.front(item)
        canvas.showPage()
        renderer.back(item)
        canvas.showPage()
        if progress is not None and progress(index, total) is False:
            if hasattr(target, "__fspath__") or isinstance(target, str):
                from pathlib import Path

                Path(target).unlink(missing_ok=True)
            raise Cancelled()
    canvas.save()


