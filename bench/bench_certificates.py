#!/usr/bin/env python3
"""Certificates: 100 into one PDF, interleaved with the simplest reportlab script drawing the same page.

    .venv/bin/python bench/bench_certificates.py [--count 100] [--rounds 5] [--qr-count 10] [--keep DIR]

Every figure is per certificate, min / median / max of ``--rounds`` rounds, the program and
the yardsticks alternating in one process (the order reversed every other round), with the
machine's load printed before and after (``benchlib``):

- program, signing included: read the certificates from the database
  (``certificates.write_pdf``: one query for the batch) and draw them with
  ``documents.certificate`` (what the certificates of the PDF share, as form XObjects
  written once; fonts registered once per process; each QR a form whose compressed
  stream of module rectangles was made once, when the certificate was issued, and goes
  into the PDF as it is; photos passed through as JPEG, never decoded), plus Ed25519 over
  each certificate's document (``domain.signed_payload.sign``), as issuing does;
- yardstick without its QR: the simplest straightforward script a reviewer would write
  for the same two pages, with no database: ``drawString``/``drawCentredString`` for every
  text, ``drawImage`` for logo and photo, the ruled table of units line by line, every
  page drawn in full -- the hardest comparison for the program;
- yardstick with its QR: the same script drawing each QR with reportlab's ``QrCodeWidget``
  sized by its ``barWidth``/``barHeight`` (one encoding a code, no ``getBounds`` pass),
  as the reportlab manual shows. Its pure-Python encoder takes a few hundred ms for a
  signed payload, so it runs on ``--qr-count`` certificates per round;
- issue-time QR encoding and drawing: the one-off cost per certificate that printing no longer pays.

Target (issue 18): program with signing <= 5 ms per certificate; signing adds at most
10 % (issue 14). Also: one certificate with a photo under 150 KB. No timing enters the
test suite: this runs on demand. Exit status 0 when the targets are met.
"""

from __future__ import annotations

import argparse
import base64
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
    """A database with ``count`` issued (signed) certificates: one batch, every participant eligible, photos."""
    import os as _os

    _os.environ.setdefault("BALAI_DATA_DIR", str(folder / "data"))
    from balai_app.db.connection import open_database
    from balai_app.services import certificates, residents
    from balai_app.services import residents_photo
    from balai_app.domain.photo import prepare_photo
    from balai_app.services.context import SYSTEM
    from support.certificates import build_course, jpeg, make_profile

    open_database(folder / "bench.sqlite")
    make_profile()
    certificates.save_settings(SYSTEM, {"verification_url": "https://balai.example.go.id/verifikasi/",
                                        "bilingual": True})
    counter = iter(range(1, 100_000))

    def make_resident(**overrides):
        n = next(counter)
        data = {"name": f"Penerima {n}", "sex": "L", "klaster": "anak", "nik": f"3201011501{10:02d}{n:04d}",
                "birth_date": "15-01-2000", "entry_date": "2026-01-05"}
        data.update(overrides)
        return residents.create_resident(SYSTEM, data, confirm_warnings=True)

    names = [f"Ni Luh Putu Ayu Đặng {i:03d} Wijayakusuma" for i in range(count)]
    course = build_course(make_resident, names=names, units=6, code="MJH")
    for i, r in enumerate(course.residents):  # a different photo each, as in life
        residents_photo.set_photo(SYSTEM, r.id, prepare_photo(jpeg(900 + i, 1200)))
    result = certificates.issue(SYSTEM, course.batch.id)
    assert len(result.issued) == count, result.refused
    return [c.id for c in result.issued]


def program_path(ids: list[int], target) -> None:
    from balai_app.services import certificates
    from balai_app.services.context import SYSTEM

    certificates.write_pdf(SYSTEM, ids, target, record=False)


def signing(documents: list[dict], key) -> None:
    from balai_app.domain import signed_payload

    for document in documents:
        signed_payload.sign(document, key)


def qr_encoding(texts: list[str]) -> None:
    from balai_app.documents.certificate import qr_drawing, qr_matrix

    for text in texts:
        qr_drawing(qr_matrix(text))


def yardstick(items: list[dict], target, qr: bool = True) -> None:
    """The simplest straightforward reportlab script that draws the same two pages.
    ``qr=False``: the same without its QR code (reportlab's pure-Python QR encoder is most of
    its time): a lower bound for any script, the hardest comparison for the program."""
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from balai_app.documents import fonts

    fonts.register()
    W, H = landscape(A4)
    c = canvas.Canvas(target, pagesize=landscape(A4), initialFontName=fonts.SANS)
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
                if d["balai"].get("logo_png"):
                    c.drawImage(ImageReader(io.BytesIO(base64.b64decode(d["balai"]["logo_png"]))), W / 2 - 24,
                                H - 88, 48, 48, mask="auto")
                y = H - 100
                for line in d["balai"].get("header", []):
                    c.setFont(fonts.SANS_BOLD, 9)
                    c.drawCentredString(W / 2, y, line)
                    y -= 11
                c.setFont(fonts.SERIF_BOLD, 14)
                c.drawCentredString(W / 2, y - 6, d["balai"]["name"])
                c.setFont(fonts.SANS, 8.5)
                c.drawCentredString(W / 2, y - 17, d["balai"]["address"])
                c.setFont(fonts.SERIF_BOLD, 30)
                c.drawCentredString(W / 2, H - 190, "SERTIFIKAT KOMPETENSI")
                c.setFont(fonts.SERIF_ITALIC, 11)
                c.drawCentredString(W / 2, H - 204, "CERTIFICATE OF COMPETENCE")
                c.setFont(fonts.SANS, 11)
                c.drawCentredString(W / 2, H - 222, "Nomor: " + d["number"])
                c.setFont(fonts.SERIF_ITALIC, 13)
                c.drawCentredString(W / 2, H - 250, "diberikan kepada")
                c.setFont(fonts.SERIF_BOLD, 26)
                c.drawCentredString(W / 2, H - 285, d["holder"]["name"])
                c.setFont(fonts.SANS, 10.5)
                c.drawCentredString(W / 2, H - 305, "Tempat dan tanggal lahir: " + d["holder"]["birth_place"] + ", "
                                    + str(d["holder"]["birth_date"]))
                c.setFont(fonts.SERIF_ITALIC, 12)
                c.drawCentredString(W / 2, H - 330, "telah mengikuti pelatihan keterampilan dan dinyatakan "
                                                    "KOMPETEN pada bidang")
                c.setFont(fonts.SERIF_BOLD, 21)
                c.drawCentredString(W / 2, H - 360, d["program"]["name"])
                c.setFont(fonts.SANS, 10)
                c.drawCentredString(W / 2, H - 378, "Pelatihan " + d["training"]["start"] + " s.d. "
                                    + d["training"]["end"])
                if qr:
                    widget = QrCodeWidget(d["qr_payload"], barLevel="M", barWidth=112, barHeight=112)
                    drawing = Drawing(112, 112)
                    drawing.add(widget)
                    renderPDF.draw(drawing, c, 46, 44)
                c.setFont(fonts.SANS, 7.5)
                c.drawString(164, 138, "Kode verifikasi / Verification code")
                c.setFont(fonts.SERIF_BOLD, 12)
                c.drawString(164, 123, d["code"])
                c.setFont(fonts.SANS, 7)
                c.drawString(164, 106, "Pindai kode QR dengan kamera ponsel untuk memeriksa keaslian.")
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
                c.setFont(fonts.SERIF_BOLD, 11)
                c.drawCentredString(W / 2, H - 90, d["program"]["name"] + " — " + d["holder"]["name"])
                y = H - 130
                c.setFont(fonts.SANS, 10)
                c.drawString(74, y, "No.")
                c.drawString(110, y, "Kode Unit")
                c.drawString(280, y, "Judul Unit Kompetensi")
                for i, unit in enumerate(d["units"], 1):
                    c.line(70, y - 6, W - 70, y - 6)
                    y -= 22
                    c.drawString(74, y, str(i))
                    c.drawString(110, y, unit["code"] or "-")
                    c.drawString(280, y, unit["title"])
                c.line(70, y - 6, W - 70, y - 6)
                c.drawString(70, y - 30, "Periode pelatihan: " + d["training"]["start"] + " s.d. "
                             + d["training"]["end"])
                c.setFont(fonts.SANS, 8)
                c.drawString(70, 44, "Kode verifikasi: " + d["code"])
            c.showPage()
    c.save()


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100, help="certificates in the PDF (default 100)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--qr-count", type=int, default=10,
                        help="certificates per round of the yardstick with its QR (default 10)")
    parser.add_argument("--keep", type=Path, help="folder for the database and the PDFs (kept)")
    args = parser.parse_args(argv)
    from benchlib import interleave, load, report

    print(load())
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        ids = setup(folder, args.count)
        print(f"set-up: {args.count} certificates issued (signed, QR encoded and drawn) in {time.perf_counter() - t0:.2f} s")

        from balai_app.db.models import Certificate
        from balai_app.domain import signed_payload
        from balai_app.services import certificates, signing_keys
        from balai_app.services.context import SYSTEM

        items = certificates.render_list(SYSTEM, ids)  # the yardstick gets the same values, in memory
        for item in items:
            item.pop("qr_matrix", None)  # it encodes and draws its QR codes itself, as such a script does
            item.pop("qr_drawing", None)
        payloads = [c.payload for c in Certificate.select(Certificate.payload).where(Certificate.id.in_(ids))]
        documents = [signed_payload.decode(p).document for p in payloads]
        qr_texts = [item["qr_payload"] for item in items]
        _kid, key = signing_keys.current_private_key()
        n, q = len(ids), min(args.qr_count, len(ids))
        signs: list[float] = []

        def program() -> float:
            drawn = timed(lambda: program_path(ids, folder / "program.pdf"))
            signed = timed(lambda: signing(documents, key))
            signs.append(signed / n)
            return (drawn + signed) / n

        def plain() -> float:
            return timed(lambda: yardstick(items, str(folder / "yardstick-no-qr.pdf"), qr=False)) / n

        def with_qr() -> float:
            return timed(lambda: yardstick(items[:q], str(folder / "yardstick.pdf"))) / q

        tasks = {"program": program, "plain": plain, "qr": with_qr}
        rounds: dict[str, list[float]] = {name: [] for name in tasks}
        interleave({name: (lambda t=task: t()) for name, task in tasks.items()}, runs=0)  # warm: fonts, imports
        signs.clear()
        for round_ in range(args.rounds):
            names = list(tasks) if round_ % 2 == 0 else list(reversed(tasks))
            for name, samples in interleave({k: tasks[k] for k in names}, runs=1, warm=0).items():
                rounds[name] += samples
        encode = [timed(lambda: qr_encoding(qr_texts[:q])) / q for _ in range(min(args.rounds, 2))]
        try:
            import _rl_accel  # noqa: F401 - reportlab's C accelerators (the rl-accel package)

            accelerated = "yes"
        except ImportError:
            accelerated = "NO (pure-Python fallbacks: install rl-accel)"
        print(f"reportlab C accelerators: {accelerated}")
        print(f"per certificate, {n} certificates in one PDF ({q} for the yardstick with its QR):")
        report("program, signing included", rounds["program"], "plain reportlab, no QR", rounds["plain"],
               goal="program <= 5 ms per certificate")
        report("program, signing included", rounds["program"], "plain reportlab with QrCodeWidget", rounds["qr"])
        report("  of which signing (Ed25519)", signs)
        report("issue-time QR encoding + drawing (once, not when printing)", encode)
        sign_share = statistics.median(signs) / (statistics.median(rounds["program"]) - statistics.median(signs))
        print(f"  signing adds {sign_share * 100:.1f} % to rendering (target <= 10 %)")
        print(f"  PDF sizes: program {(folder / 'program.pdf').stat().st_size / 1024:.0f} KB, "
              f"yardstick without QR {(folder / 'yardstick-no-qr.pdf').stat().st_size / 1024:.0f} KB")
        one = folder / "one-with-photo.pdf"
        program_path(ids[:1], one)
        size = one.stat().st_size
        print(f"  one certificate with a photo: {size / 1024:.0f} KB (target < 150 KB)")
        print(load())
        per_cert = statistics.median(rounds["program"]) * 1000
        ok = per_cert <= 5 and sign_share <= 0.10 and size < 150 * 1024
        from balai_app.db.connection import close_database

        close_database()
        print("OK" if ok else f"TARGET MISSED (program {per_cert:.2f} ms per certificate, target 5 ms)")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
