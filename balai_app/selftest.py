"""``balai-app --self-test``: a smoke test of an installed or frozen program.

It proves, on the machine it runs on, that the parts a user needs are really
there: every module imports (a PyInstaller bundle misses the ones imported by
name), the shipped resources are found, a temporary database opens and takes
a resident through the services, the window builds with every section, and a
certificate for that resident (``documents.certificate``; without it, a page
in every embedded font) renders to a PDF with only embedded fonts, which Qt's
PDF module reads back and draws.

Nothing of the user's is touched: during the checks the data folder is a
temporary one (database, PDF, anything the window stores), removed afterwards.
The report is printed (when there is a console) and always written to
``<data folder>/logs/self-test.log``, because a windowed program on Windows has
no console when started from Explorer.

Exit code: 0 when every check passed, 1 otherwise (each failure is named).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

LOG_NAME = "self-test.log"
RESIDENT_NAME = "Siti Nurhaliza Uji-Mandiri"
# A standard (not embedded) PDF font, as reportlab writes it when no TrueType font is set.
STANDARD_FONT = re.compile(rb"/BaseFont\s*/((?:Helvetica|Times|Courier|Symbol|ZapfDingbats)[\w-]*)")


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    checks: int = 0

    def ok(self, name: str, detail: str = "") -> None:
        self.checks += 1
        self.lines.append(f"OK    {name}" + (f": {detail}" if detail else ""))

    def fail(self, name: str, detail: str) -> None:
        self.checks += 1
        self.failures.append(name)
        self.lines.append(f"GAGAL {name}: {detail}")


class CheckFailed(Exception):
    """A check's own verdict (as opposed to an unexpected exception)."""


@dataclass
class Context:
    workdir: Path
    resident_id: int | None = None
    pdf: Path | None = None
    qt_app: object = None


def _need(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


# --- the checks, in order; each returns a short detail or raises ------------------------


def check_version(ctx: Context) -> str:
    from balai_app import __version__

    _need(bool(__version__), "versi kosong")
    frozen = "frozen" if getattr(sys, "frozen", False) else "python"
    return f"balai-app {__version__} ({frozen}, Python {sys.version.split()[0]}, {sys.platform})"


def check_resources(ctx: Context) -> str:
    from balai_app import paths
    from balai_app.documents import fonts

    files = [("fonts", name) for name in fonts._FILES.values()]
    files += [("images", "balai.png"), ("images", "balai.ico")]
    for parts in files:
        path = paths.resource_path(*parts)
        _need(path.stat().st_size > 0, f"berkas kosong: {path}")
    return f"{len(files)} berkas di {paths.resources_root()}"


def check_modules(ctx: Context) -> str:
    """Import every module of the package: catches hidden imports a frozen build lost."""
    import importlib
    import pkgutil

    import balai_app

    names = sorted(m.name for m in pkgutil.walk_packages(balai_app.__path__, "balai_app."))
    _need(len(names) > 10, f"hanya {len(names)} modul ditemukan")
    broken = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 (every failure is reported)
            broken.append(f"{name} ({type(exc).__name__}: {exc})")
    _need(not broken, "; ".join(broken))
    return f"{len(names)} modul"


def check_database(ctx: Context) -> str:
    from balai_app.services.database import open_database
    from balai_app.services import residents
    from balai_app.services.context import SYSTEM

    db_path = ctx.workdir / "self-test.sqlite"
    open_database(db_path, backup_dir=ctx.workdir / "backups")
    resident = residents.create_resident(
        SYSTEM,
        {
            "name": RESIDENT_NAME,
            "sex": "P",
            "klaster": "disabilitas",
            "nik": "3201015501100001",
            "birth_place": "Bogor",
            "birth_date": "15-01-2010",
            "entry_date": "2026-01-05",
        },
        confirm_warnings=True,
    )
    again = residents.get_resident(SYSTEM, resident.id)
    _need(again.name == RESIDENT_NAME, f"nama terbaca {again.name!r}")
    ctx.resident_id = resident.id
    # The register's search index: SQLite's FTS5 with the trigram tokenizer in this build.
    import sqlite3

    from balai_app.services.database import has_search_index

    _need(has_search_index(),
          f"indeks pencarian FTS5/trigram tidak tersedia (SQLite {sqlite3.sqlite_version})")
    word = RESIDENT_NAME.split()[0][1:4]
    found = residents.list_residents(SYSTEM, residents.ResidentFilter(text=word))
    _need([r.id for r in found] == [resident.id], f"pencarian {word!r} tidak menemukan PM uji")
    return f"PM #{resident.id} tersimpan di {db_path.name}; pencarian trigram (SQLite {sqlite3.sqlite_version})"


def check_libraries(ctx: Context) -> str:
    """Compiled and data-carrying libraries the services load lazily: password hashing, Excel."""
    from argon2 import PasswordHasher
    from openpyxl import Workbook, load_workbook

    hasher = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    _need(hasher.verify(hasher.hash("uji-mandiri"), "uji-mandiri"), "argon2 gagal memeriksa kata sandi")
    workbook = Workbook()
    workbook.active["A1"] = RESIDENT_NAME
    target = ctx.workdir / "self-test.xlsx"
    workbook.save(target)
    _need(load_workbook(target).active["A1"].value == RESIDENT_NAME, "isi berkas Excel tidak terbaca kembali")
    return "argon2 (kata sandi), openpyxl (Excel)"


def _certificate_module():
    try:
        from balai_app.documents import certificate
    except ImportError:  # not built yet
        return None
    return certificate if hasattr(certificate, "render_certificates") else None


def _render_fonts_page(target: Path, name: str) -> None:
    """Stand-in until documents.certificate exists: one A4 page in every embedded font."""
    from reportlab.lib.pagesizes import A4, landscape

    from balai_app.documents import fonts

    width, height = landscape(A4)
    c = fonts.new_canvas(str(target), pagesize=(width, height))
    c.setFont(fonts.SERIF_BOLD, 30)
    c.drawCentredString(width / 2, height - 120, "SERTIFIKAT KOMPETENSI")
    c.setFont(fonts.SANS, 14)
    c.drawCentredString(width / 2, height - 170, "Uji mandiri program Balai — diberikan kepada")
    c.setFont(fonts.SERIF_BOLD_ITALIC, 26)
    c.drawCentredString(width / 2, height - 220, name)
    y = height - 280
    for font in (fonts.SANS, fonts.SANS_BOLD, fonts.SANS_ITALIC, fonts.SERIF, fonts.SERIF_ITALIC):
        c.setFont(font, 12)
        c.drawCentredString(width / 2, y, f"{font}: Ñ é ü ß — “Harapan” Rp 1.500.000,00")
        y -= 22
    c.showPage()
    c.save()


def _certificate_item(certificate, resident) -> dict:
    """A certificate's render data (as ``services.certificates.render_data`` builds it) for the test PM."""
    item = certificate.sample_item() if hasattr(certificate, "sample_item") else _fallback_item()
    item["holder"] = {
        "name": resident.name,
        "birth_place": resident.birth_place or "",
        "birth_date": resident.birth_date.isoformat() if resident.birth_date else None,
    }
    return item


def _fallback_item() -> dict:
    import base64

    from balai_app import paths

    logo = paths.resource_path("images", "balai.png").read_bytes()
    return {
        "format": 1,
        "holder": {},
        "photo_sha256": None,
        "program": {"code": "UJI", "name": "Uji Mandiri", "field": "Program", "hours": 1},
        "units": [{"code": "UJI.01", "title": "Memeriksa program terpasang"}],
        "training": {"batch": "Uji", "start": "2026-01-05", "end": "2026-01-06"},
        "issue": {"place": "Bogor", "date": "2026-01-06"},
        "signatory": {"name": "Kepala Balai", "title": "Kepala Balai", "nip": ""},
        "second_signatory": None,
        "balai": {"name": "Balai Uji", "code": "UJI", "address": "Bogor",
                  "logo_png": base64.b64encode(logo).decode("ascii")},
        "bilingual": False,
        "verification_url": "",
        "number": "UJI/001/2026",
        "code": "UJI0-0000-0000",
        "qr_payload": "UJI/001/2026|UJI0-0000-0000",
        "photo": None,
        "revoked": False,
    }


def check_pdf(ctx: Context) -> str:
    from balai_app.services import residents
    from balai_app.services.context import SYSTEM

    target = ctx.workdir / "self-test.pdf"
    certificate = _certificate_module()
    if certificate is not None:
        resident = residents.get_resident(SYSTEM, ctx.resident_id)
        certificate.render_certificates([_certificate_item(certificate, resident)], target)
        what = "sertifikat"
    else:
        _render_fonts_page(target, RESIDENT_NAME)
        what = "halaman uji huruf (renderer sertifikat belum ada)"
    data = target.read_bytes()
    _need(data.startswith(b"%PDF-"), "bukan berkas PDF")
    _need(data.rstrip().endswith(b"%%EOF"), "PDF terpotong (tanpa %%EOF)")
    _need(len(data) > 5_000, f"PDF terlalu kecil ({len(data)} bita)")
    _need(b"/FontFile2" in data, "tidak ada huruf TrueType yang tertanam")
    standard = sorted({m.decode() for m in STANDARD_FONT.findall(data)})
    _need(not standard, f"huruf standar tidak tertanam: {', '.join(standard)}")
    detail = f"{what}, " + f"{len(data):,}".replace(",", ".") + " bita"
    try:
        import pypdf  # a test extra: present in a development install, not in the bundle
    except ImportError:
        pypdf = None
    if pypdf is not None:
        reader = pypdf.PdfReader(str(target))
        text = " ".join(page.extract_text() or "" for page in reader.pages)
        squeezed = "".join(text.split())
        _need("".join(RESIDENT_NAME.split()) in squeezed, "nama PM tidak terbaca dari PDF")
        detail += f", {len(reader.pages)} halaman (pypdf)"
    ctx.pdf = target
    return detail


def _ensure_platform() -> None:
    """With no display (a server, CI) Qt would abort: use the offscreen platform there."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def check_qt(ctx: Context) -> str:
    _ensure_platform()
    import qtawesome as qta
    from PySide6.QtCore import QSize, qVersion

    from balai_app.gui.app import make_application

    ctx.qt_app = app = make_application()
    pixmap = qta.icon("fa5s.users").pixmap(QSize(32, 32))
    _need(not pixmap.isNull(), "ikon qtawesome kosong (berkas huruf ikon hilang?)")
    return f"Qt {qVersion()}, platform {app.platformName()}"


def check_window(ctx: Context) -> str:
    import importlib

    from balai_app.gui.main_window import MainWindow
    from balai_app.gui.sections import SECTIONS
    from balai_app.services.context import SYSTEM

    # The window builds pages inside a Qt slot, where an import error would only show
    # as a missing page: import each page class first, so the report names the module.
    for section in SECTIONS:
        module_name, class_name = section.page.split(":")
        try:
            getattr(importlib.import_module(module_name), class_name)
        except (ImportError, AttributeError) as exc:
            raise CheckFailed(f"halaman '{section.key}' ({section.page}): {type(exc).__name__}: {exc}") from exc
    window = MainWindow(SYSTEM)
    try:
        keys = window.section_keys()
        for key in keys:
            window.open_section(key)
        ctx.qt_app.processEvents()
    finally:
        # No close(): closing runs the window's close actions (saving the layout, a backup).
        window.hide()
        window.deleteLater()
        ctx.qt_app.processEvents()
    return f"{len(keys)} bagian dibuka: {', '.join(keys)}"


def check_qtpdf(ctx: Context) -> str:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    _need(ctx.pdf is not None, "tidak ada PDF untuk dibaca")
    document = QPdfDocument()
    error = document.load(str(ctx.pdf))
    _need(error == QPdfDocument.Error.None_, f"QtPdf gagal membuka PDF: {error}")
    try:
        _need(document.pageCount() >= 1, "PDF tanpa halaman")
        image = document.render(0, QSize(420, 297))
        _need(not image.isNull(), "halaman PDF tidak dapat digambar")
        # A drawn page is not blank: some pixel is dark.
        dark = any(image.pixelColor(x, y).lightness() < 128 for x in range(0, 420, 3) for y in range(0, 297, 3))
        _need(dark, "halaman PDF kosong")
        return f"{document.pageCount()} halaman dibaca dan digambar"
    finally:
        document.close()


CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("versi", check_version),
    ("sumber daya (huruf, gambar)", check_resources),
    ("modul program", check_modules),
    ("basis data sementara + PM", check_database),
    ("pustaka kata sandi + Excel", check_libraries),
    ("PDF", check_pdf),
    ("Qt + ikon", check_qt),
    ("jendela utama", check_window),
    ("QtPdf membaca PDF", check_qtpdf),
]
# Checks that make no sense when an earlier one failed.
DEPENDS = {
    "PDF": ["basis data sementara + PM"],
    "jendela utama": ["Qt + ikon", "basis data sementara + PM"],
    "QtPdf membaca PDF": ["Qt + ikon", "PDF"],
}


def run_checks(workdir: Path) -> Report:
    report = Report()
    ctx = Context(workdir=workdir)
    for name, check in CHECKS:
        failed_before = [d for d in DEPENDS.get(name, []) if d in report.failures]
        if failed_before:
            report.fail(name, f"dilewati karena '{failed_before[0]}' gagal")
            continue
        started = time.perf_counter()
        try:
            detail = check(ctx)
        except CheckFailed as exc:
            report.fail(name, str(exc))
        except Exception as exc:  # noqa: BLE001 (the point is to name what failed)
            tb = traceback.format_exc(limit=-3).strip().splitlines()
            report.fail(name, f"{type(exc).__name__}: {exc} | {' / '.join(line.strip() for line in tb[-4:-1])}")
        else:
            report.ok(name, f"{detail} ({time.perf_counter() - started:.2f} d)")
    return report


def _write_log(text: str, folder: Path) -> Path | None:
    from balai_app import paths

    try:
        log = paths.ensure_dir(folder) / LOG_NAME
        log.write_text(text, encoding="utf-8")
        return log
    except OSError:
        return None


def _emit(text: str) -> None:
    stream = sys.stdout
    if stream is None:  # windowed program started without a console
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, UnicodeEncodeError, ValueError):
        try:
            stream.write(text.encode("ascii", "replace").decode("ascii"))
            stream.flush()
        except (OSError, ValueError):
            pass


def run() -> int:
    """Run every check; print and log the report; 0 when all passed, else 1."""
    from balai_app import paths
    from balai_app.services.database import close_database

    started = time.perf_counter()
    log_folder = paths.log_dir()  # the user's, resolved before the checks move the data folder
    redirected = ("BALAI_DATA_DIR", "BALAI_BACKUP_DIR")
    saved = {name: os.environ.get(name) for name in redirected}
    with tempfile.TemporaryDirectory(prefix="balai-self-test-", ignore_cleanup_errors=True) as tmp:
        # Whatever the window or a page stores (layout, settings) goes to the temporary folder.
        os.environ["BALAI_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["BALAI_BACKUP_DIR"] = str(Path(tmp) / "backups")
        try:
            report = run_checks(Path(tmp))
        finally:
            close_database()
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    elapsed = time.perf_counter() - started
    if report.failures:
        verdict = f"self-test: GAGAL ({len(report.failures)} dari {report.checks}): {', '.join(report.failures)}"
    else:
        verdict = f"self-test: lulus ({report.checks} pemeriksaan, {elapsed:.1f} d)"
    text = "\n".join([*report.lines, verdict]) + "\n"
    log = _write_log(text, log_folder)
    if log is not None:
        text += f"(laporan juga di {log})\n"
    _emit(text)
    return 1 if report.failures else 0
