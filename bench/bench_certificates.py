#!/usr/bin/env python3
"""Certificates: 100 into one PDF, against a plain reportlab script; size of one with a photo.

    .venv/bin/python bench/bench_certificates.py [--count 100] [--repeat 3] [--keep DIR]

Targets (issue 5): the program's path (read the certificates from the database,
then ``documents.certificate.render_certificates``) at most 1.5x a plain
reportlab script that draws the same content from in-memory values with no
database, and under 3 s; one certificate with a photo under 150 KB.

The plain script is written the way one would without the program: the same
fonts, the same texts and frames, reportlab's QrCodeWidget drawn through a
Drawing, and a platypus Table for the units.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def setup(folder: Path, count: int) -> list[int]:
    """A database with ``count`` issued certificates (one batch, every participant eligible, photos)."""
    from balai_app.db.connection import open_database
    from balai_app.services import certificates, residents
    from balai_app.services.context import SYSTEM
    from unit.certificate_fixtures import build_course, jpeg, make_profile

    open_database(folder / "bench.sqlite")
    make_profile()
    counter = iter(range(1, 100_000))

    def make_resident(**overrides):
        n = next(counter)
        data = {"name": f"Penerima {n}", "sex": "L", "klaster": "anak", "nik": f"3201011501{10:02d}{n:04d}",
                "birth_date": "15-01-2010", "entry_date": "2026-01-05"}
        data.update(overrides)
        return residents.create_resident(SYSTEM, data, confirm_warnings=True)

    names = [f"Ni Luh Putu Ayu Đặng {i:03d} Wijayakusuma" for i in range(count)]
    course = build_course(make_resident, names=names, units=6, code="MJH")
    for i, r in enumerate(course.residents):  # a different photo each, as in life
        residents.set_photo(SYSTEM, r.id, residents.prepare_photo(jpeg(900 + i, 1200)))
    result = certificates.issue(SYSTEM, course.batch.id)
    assert len(result.issued) == count, result.refused
    return [c.id for c in result.issued]


def program_path(ids: list[int], target) -> None:
    from balai_app.services import certificates
    from balai_app.services.context import SYSTEM

    certificates.write_pdf(SYSTEM, ids, target, record=False)


def plain_script(items: list[dict], target) -> None:
    """Draw the same content the obvious way: no database, no caching, no helpers of the program."""
    import base64

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Paragraph, Table, TableStyle

    from balai_app.documents import fonts

    W, H = landscape(A4)
    c = fonts.new_canvas(target, landscape(A4), pageCompression=1)
    cell = ParagraphStyle("c", fontName=fonts.SANS, fontSize=10, leading=12)
    for d in items:
        for page in (1, 2):
            c.setStrokeColorRGB(0.12, 0.23, 0.37)
            c.setLineWidth(3.2)
            c.rect(18, 18, W - 36, H - 36)
            c.setStrokeColorRGB(0.77, 0.6, 0.17)
            c.setLineWidth(1)
            c.rect(25, 25, W - 50, H - 50)
            c.rect(28, 28, W - 56, H - 56)
            if page == 1:
                c.drawImage(ImageReader(io.BytesIO(base64.b64decode(d["balai"]["logo_png"]))), W / 2 - 27, H - 94,
                            54, 54, mask="auto")
                c.setFont(fonts.SERIF_BOLD, 14)
                c.drawCentredString(W / 2, H - 110, d["balai"]["name"])
                c.setFont(fonts.SANS, 8.5)
                c.drawCentredString(W / 2, H - 122, d["balai"]["address"])
                c.setFont(fonts.SERIF_BOLD, 30)
                c.drawCentredString(W / 2, H - 162, "SERTIFIKAT KOMPETENSI")
                c.setFont(fonts.SANS, 11)
                c.drawCentredString(W / 2, H - 198, "Nomor: " + d["number"])
                c.setFont(fonts.SERIF_ITALIC, 13)
                c.drawCentredString(W / 2, H - 228, "diberikan kepada")
                c.setFont(fonts.SERIF_BOLD, 26)
                c.drawCentredString(W / 2, H - 272, d["holder"]["name"])
                c.setFont(fonts.SANS, 10.5)
                c.drawCentredString(W / 2, H - 297, "Tempat dan tanggal lahir: " + d["holder"]["birth_place"] + ", "
                                    + d["holder"]["birth_date"])
                c.setFont(fonts.SERIF_ITALIC, 12)
                c.drawCentredString(W / 2, H - 327, "telah mengikuti pelatihan keterampilan dan dinyatakan "
                                                    "KOMPETEN pada bidang")
                c.setFont(fonts.SERIF_BOLD, 21)
                c.drawCentredString(W / 2, H - 364, d["program"]["name"])
                c.setFont(fonts.SANS, 10)
                c.drawCentredString(W / 2, H - 382, "Pelatihan " + d["training"]["start"] + " s.d. "
                                    + d["training"]["end"])
                widget = QrCodeWidget(d["qr_payload"], barLevel="M")
                x0, y0, x1, y1 = widget.getBounds()
                drawing = Drawing(92, 92, transform=[92 / (x1 - x0), 0, 0, 92 / (y1 - y0), 0, 0])
                drawing.add(widget)
                renderPDF.draw(drawing, c, 52, 50)
                c.setFont(fonts.SERIF_BOLD, 12)
                c.drawString(152, 112, d["code"])
                if d.get("photo"):
                    c.drawImage(ImageReader(io.BytesIO(d["photo"])), 440, 52, 85, 113, preserveAspectRatio=True)
                c.setFont(fonts.SANS, 10)
                c.drawCentredString(W - 175, 182, d["issue"]["place"] + ", " + d["issue"]["date"])
                c.drawCentredString(W - 175, 168, d["signatory"]["title"] + ",")
                c.setFont(fonts.SERIF_BOLD, 10.5)
                c.drawCentredString(W - 175, 88, d["signatory"]["name"])
                c.setFont(fonts.SANS, 9)
                c.drawCentredString(W - 175, 74, "NIP. " + d["signatory"]["nip"])
            else:
                c.setFont(fonts.SERIF_BOLD, 18)
                c.drawCentredString(W / 2, H - 70, "DAFTAR UNIT KOMPETENSI")
                rows = [["No.", "Kode Unit", "Judul Unit Kompetensi"]] + [
                    [str(i), Paragraph(u["code"], cell), Paragraph(u["title"], cell)]
                    for i, u in enumerate(d["units"], 1)]
                table = Table(rows, colWidths=[36, 170, W - 346])
                table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
                                           ("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
                _, th = table.wrapOn(c, W - 140, H)
                table.drawOn(c, 70, H - 120 - th)
                c.setFont(fonts.SANS, 10)
                c.drawString(70, H - 140 - th, "Periode pelatihan: " + d["training"]["start"] + " s.d. "
                             + d["training"]["end"])
            c.showPage()
    c.save()


def best(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        ids = setup(folder, args.count)
        print(f"set-up: {args.count} certificates issued in {time.perf_counter() - t0:.2f} s")

        from balai_app.services import certificates
        from balai_app.services.context import SYSTEM

        items = certificates.render_list(SYSTEM, ids)  # the plain script gets the same values, in memory
        from balai_app.documents import fonts

        fonts.register()
        plain_script(items[:1], io.BytesIO())  # warm-up: font files parsed once for both
        program_path(ids[:1], io.BytesIO())

        ours_best, ours_median = best(lambda: program_path(ids, folder / "program.pdf"), args.repeat)
        plain_best, plain_median = best(lambda: plain_script(items, str(folder / "plain.pdf")), args.repeat)
        ratio = ours_best / plain_best
        print(f"program (database + render_certificates): best {ours_best:.2f} s, median {ours_median:.2f} s, "
              f"{(folder / 'program.pdf').stat().st_size / 1024:.0f} KB")
        print(f"plain reportlab script (no database):     best {plain_best:.2f} s, median {plain_median:.2f} s, "
              f"{(folder / 'plain.pdf').stat().st_size / 1024:.0f} KB")
        print(f"ratio {ratio:.2f}x (target <= 1.5x); program under 3 s: {'yes' if ours_best < 3 else 'NO'}")

        one = folder / "one-with-photo.pdf"
        program_path(ids[:1], one)
        size = one.stat().st_size
        print(f"one certificate with a photo: {size / 1024:.0f} KB (target < 150 KB)")
        ok = ratio <= 1.5 and ours_best < 3 and size < 150 * 1024
        from balai_app.db.connection import close_database

        close_database()
        print("OK" if ok else "TARGET MISSED")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
