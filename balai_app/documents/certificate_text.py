"""The certificate's wording and small parts, apart from the drawing (``documents.certificate``):
titles, the competence sentence (never more than the units found Kompeten), period and hours,
NIP and dates, fitting text to a width, the QR module matrix, and a sample certificate.

Imports only ``domain`` and ``documents.fonts``; reportlab loads lazily.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from balai_app.documents import fonts
from balai_app.domain.dates import format_long

QR_MASK = 0

# The title by setting (``snapshot['title']``): Indonesian, English subtitle.
TITLES = {
    "kompetensi": ("SERTIFIKAT KOMPETENSI", "CERTIFICATE OF COMPETENCE"),
    "pelatihan": ("SERTIFIKAT PELATIHAN", "CERTIFICATE OF TRAINING"),
}


def competence_sentence(d: dict[str, Any]) -> tuple[str, str]:
    """What the certificate says was achieved: never more than the units found Kompeten."""
    found = len(d.get("units") or [])
    total = d.get("units_total", found)  # older snapshots listed every unit
    if found and found >= total:
        return ("telah mengikuti pelatihan keterampilan dan dinyatakan KOMPETEN pada bidang",
                "has completed the vocational training and is declared COMPETENT in")
    if found:
        return (f"telah mengikuti pelatihan keterampilan dan dinyatakan kompeten pada {found} dari {total} unit "
                "kompetensi (terlampir) bidang",
                f"has attended the vocational training and is declared competent in {found} of {total} "
                "competency units (listed overleaf) of")
    return "telah mengikuti pelatihan keterampilan bidang", "has attended the vocational training in"


def hours_of(d: dict[str, Any]) -> tuple[int | None, bool]:
    """(hours, attended): the program's planned hours, or the hours of sessions attended."""
    training = d["training"]
    if "hours" in training:
        return training.get("hours"), training.get("hours_kind") == "attended"
    return d["program"].get("hours"), False


def period_lines(d: dict[str, Any]) -> tuple[str, str]:
    hours, attended = hours_of(d)
    text = f"Pelatihan {period_text(d['training'])}"
    english = "Training period"
    if hours:
        text += f" ({hours} jam pelajaran yang diikuti)" if attended else f" ({hours} jam pelajaran)"
        english += f" ({hours} training hours attended)" if attended else f" ({hours} training hours)"
    return text, english


def qr_matrix(text: str) -> bytes:
    """The QR code of ``text`` (error correction M, one fixed mask) as packed modules:
    2 bytes of module count, then the rows, one bit per module. Encoding a ~500-character
    payload in pure Python is the slow part of a certificate, so it is done once, at issue."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    code = QrCodeWidget(text, barLevel="M").qr
    # One fixed mask instead of trying all eight (QR allows any; the search costs 8x).
    if code.version is None:
        code.version = code.calculate_version()
    code.makeImpl(False, QR_MASK)
    count = code.getModuleCount()
    bits = 0
    for row in code.modules:
        for module in row:
            bits = (bits << 1) | (1 if module else 0)
    return count.to_bytes(2, "big") + bits.to_bytes((count * count + 7) // 8, "big")


_BYTE_BITS = [format(b, "08b") for b in range(256)]


def qr_path_ops(packed: bytes) -> tuple[int, str]:
    """(module count, PDF path operators ``x y w 1 re`` for each horizontal run of dark modules)."""
    count = int.from_bytes(packed[:2], "big")
    total = count * count
    bits = "".join(_BYTE_BITS[b] for b in packed[2:])[-total:] if total else ""
    ops = []
    for r in range(count):
        tail = f" {r} "
        col = 0
        for run in bits[r * count:(r + 1) * count].split("0"):  # C-level: the runs of dark modules
            if run:
                ops.append(f"{col}{tail}{len(run)} 1 re")
                col += len(run) + 1
            else:
                col += 1
    return count, "\n".join(ops)


QR_DRAWING_FORMAT = b"\x01"  # bump when the drawing or how it is placed changes: older ones are redrawn


def qr_drawing(packed: bytes) -> bytes:
    """The QR of ``packed`` as the content of a PDF form in module units, rows downwards:
    the format byte, 2 bytes of module count, then the zlib-compressed fill of its module
    rectangles (the form's stream as it goes into the PDF). Writing and compressing ~2,000
    rectangles costs half of a certificate's page, so it is done once, at issue."""
    import zlib

    count, ops = qr_path_ops(packed)
    return QR_DRAWING_FORMAT + count.to_bytes(2, "big") + zlib.compress(f"0 g\n{ops}\nf".encode("ascii"))


def qr_drawing_parts(drawing: bytes) -> tuple[int, bytes] | None:
    """(module count, compressed stream) of a ``qr_drawing``; None when it is of another format."""
    if drawing[:1] != QR_DRAWING_FORMAT:
        return None
    return int.from_bytes(drawing[1:3], "big"), bytes(drawing[3:])


def unpack_qr(packed: bytes) -> tuple[int, list[list[bool]]]:
    count = int.from_bytes(packed[:2], "big")
    bits = int.from_bytes(packed[2:], "big")
    total = count * count
    text = format(bits, f"0{(len(packed) - 2) * 8}b")[-total:] if total else ""
    return count, [[text[r * count + col] == "1" for col in range(count)] for r in range(count)]


def format_nip(nip: str) -> str:
    """18 digits written the official way: 19680512 199003 2 001."""
    if len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def date_text(value: str | None) -> str:
    return format_long(dt.date.fromisoformat(value)) if value else ""


def period_text(training: dict[str, Any]) -> str:
    start, end = dt.date.fromisoformat(training["start"]), dt.date.fromisoformat(training["end"])
    return f"{format_long(start)} s.d. {format_long(end)}"


def line_width(text: str, font: str, size: float, char_space: float = 0, scale: float = 100.0) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return (stringWidth(text, font, size) + char_space * max(len(text) - 1, 0)) * scale / 100.0


def fit(text: str, font: str, size: float, max_width: float | None, min_size: float = 6,
        char_space: float = 0) -> tuple[float, float, float]:
    """(size, char_space, horizontal scale %) so that ``text`` fits ``max_width`` on one line:
    first a smaller size, down to ``min_size``, then narrower glyphs. Never wider, never wrapped."""
    natural = line_width(text, font, size, char_space)
    if not max_width or natural <= max_width:
        return size, char_space, 100.0
    fitted = size * max_width / natural
    if fitted >= min_size:
        return fitted, char_space * fitted / size, 100.0
    char_space = char_space * min_size / size
    scale = 100.0 * max_width / line_width(text, font, min_size, char_space)
    return min_size, char_space, scale * 0.999


def name_font(name: str) -> str:
    """Serif bold, unless it lacks a glyph of the name (then sans bold)."""
    from reportlab.pdfbase import pdfmetrics

    fonts.register()
    glyphs = pdfmetrics.getFont(fonts.SERIF_BOLD).face.charToGlyph
    return fonts.SERIF_BOLD if all(ord(ch) in glyphs for ch in name if ch.isprintable()) else fonts.SANS_BOLD


def sample_item() -> dict[str, Any]:
    """A complete certificate that needs no database (installer self-test, benchmarks)."""
    from balai_app.paths import resource_path

    logo = base64.b64encode(resource_path("images", "logo-placeholder.png").read_bytes()).decode("ascii")
    return {
        "format": 2,
        "kind": "SK",
        "title": "kompetensi",
        "holder": {"name": "Đặng Thị Ngọc Ánh", "birth_place": "Denpasar", "birth_date": "2001-03-17"},
        "photo_sha256": None,
        "program": {"code": "MJH", "name": "Menjahit", "field": "Garmen", "hours": 240},
        "units": [
            {"code": "C.141000.001.01", "title": "Mengukur Tubuh Pelanggan"},
            {"code": "C.141000.002.01", "title": "Membuat Pola Dasar Busana"},
            {"code": "C.141000.003.01", "title": "Memotong Bahan Busana"},
            {"code": "C.141000.004.01", "title": "Menjahit Busana dengan Mesin Jahit"},
            {"code": "C.141000.005.01", "title": "Menyelesaikan Busana dengan Jahitan Tangan"},
        ],
        "units_total": 5,
        "training": {"batch": "Angkatan I Menjahit 2026", "start": "2026-08-03", "end": "2026-10-30", "whole": True,
                     "hours": 240, "hours_kind": "program"},
        "issue": {"place": "Bogor", "date": "2026-11-20"},
        "signatory": {"name": "Dra. Sri Wahyuningsih, M.Si.", "title": "Kepala Balai", "nip": "196805121990032001"},
        "second_signatory": None,
        "balai": {"name": "Balai Rehabilitasi Sosial Contoh", "code": "BRS-CT", "address": "Jl. Contoh No. 1, Bogor",
                  "logo_png": logo,
                  "header": ["KEMENTERIAN SOSIAL REPUBLIK INDONESIA", "DIREKTORAT JENDERAL REHABILITASI SOSIAL"]},
        "bilingual": True,
        "verification_url": "",
        "number": "0001/SK-MJH/BRS-CT/XI/2026",
        "code": "ABCD-EFGH-JKMN",
        # a signed payload of the usual size (the signature here is not a real one)
        "qr_payload": "https://balai.example.go.id/verifikasi/#" + base64.urlsafe_b64encode(
            b'{"v":1,"t":"SK","k":"0a1b2c3d","n":"0001/SK-MJH/BRS-CT/XI/2026","h":"\xc4\x90\xe1\xba\xb7ng Th'
            b'\xe1\xbb\x8b Ng\xe1\xbb\x8dc \xc3\x81nh","b":"2001-03-17","p":"Menjahit","u":["C.141000.001.01",'
            b'"C.141000.002.01","C.141000.003.01","C.141000.004.01","C.141000.005.01"],"s":"2026-08-03",'
            b'"e":"2026-10-30","d":"2026-11-20","c":"BRS-CT"}').decode().rstrip("=") + "." + "A" * 86,
        "photo": None,
        "revoked": False,
    }
