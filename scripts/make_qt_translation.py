#!/usr/bin/env python3
"""Write resources/translations/qtbase_id.ts and compile it to qtbase_id.qm.

Qt ships no Indonesian translation of its own widgets, so standard buttons
(OK, Cancel, Yes, No), file dialogs and edit menus would speak English. This
file holds our translation of the strings the program shows; run it after
editing the table below (``--check`` exits 1 when the committed .qm is stale).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"

STRINGS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "OK", "Save": "Simpan", "Save All": "Simpan Semua", "Open": "Buka", "&Yes": "&Ya",
        "Yes to &All": "Ya untuk &Semua", "&No": "&Tidak", "N&o to All": "T&idak untuk Semua",
        "Abort": "Batalkan", "Retry": "Coba Lagi", "Ignore": "Abaikan", "Close": "Tutup", "Cancel": "Batal",
        "Discard": "Buang", "Help": "Bantuan", "Apply": "Terapkan", "Reset": "Atur Ulang",
        "Restore Defaults": "Kembalikan Bawaan", "Don't Save": "Jangan Simpan",
    },
    "QMessageBox": {
        "Show Details...": "Tampilkan Rincian...", "Hide Details...": "Sembunyikan Rincian...",
        "OK": "OK", "Help": "Bantuan",
    },
    "QDialogButtonBox": {"OK": "OK", "Cancel": "Batal", "&Yes": "&Ya", "&No": "&Tidak", "Close": "Tutup"},
    "QWidgetTextControl": {
        "&Undo": "&Urungkan", "&Redo": "U&lang", "Cu&t": "Po&tong", "&Copy": "&Salin",
        "Copy &Link Location": "Salin &Alamat Tautan", "&Paste": "Te&mpel", "Delete": "Hapus",
        "Select All": "Pilih Semua",
    },
    "QLineEdit": {
        "&Undo": "&Urungkan", "&Redo": "U&lang", "Cu&t": "Po&tong", "&Copy": "&Salin", "&Paste": "Te&mpel",
        "Delete": "Hapus", "Select All": "Pilih Semua",
    },
    "QFileDialog": {
        "Look in:": "Lihat di:", "File &name:": "&Nama berkas:", "Files of type:": "Jenis berkas:",
        "&Open": "&Buka", "&Save": "&Simpan", "&Choose": "&Pilih", "Cancel": "Batal", "Open": "Buka",
        "Save As": "Simpan Sebagai", "Back": "Kembali", "Forward": "Maju", "Parent Directory": "Folder Induk",
        "Create New Folder": "Buat Folder Baru", "List View": "Tampilan Daftar", "Detail View": "Tampilan Rinci",
        "New Folder": "Folder Baru", "&Rename": "&Ganti Nama", "&Delete": "&Hapus", "Show &hidden files": "Tampilkan berkas &tersembunyi",
        "All Files (*)": "Semua Berkas (*)", "Directory:": "Folder:", "My Computer": "Komputer Saya",
        "Recent Places": "Tempat Terakhir", "Directories": "Folder",
        "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti berkas itu?",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nBerkas tidak ditemukan.\nPeriksa kembali nama berkasnya.",
    },
    "QFileSystemModel": {"Name": "Nama", "Size": "Ukuran", "Type": "Jenis", "Date Modified": "Tanggal Diubah"},
    "QWizard": {
        "< &Back": "< &Kembali", "&Next >": "&Lanjut >", "&Finish": "&Selesai", "Cancel": "Batal",
        "Help": "Bantuan", "Go Back": "Kembali", "Continue": "Lanjutkan", "Commit": "Terapkan", "Done": "Selesai",
        "&Next": "&Lanjut",
    },
    "QPrintDialog": {"Print": "Cetak", "&Print": "&Cetak", "Print To File ...": "Cetak ke Berkas ...",
                     "&Options >>": "&Opsi >>", "&Options <<": "&Opsi <<"},
    "QPrintPreviewDialog": {"Print Preview": "Pratinjau Cetak", "Print": "Cetak", "Close": "Tutup"},
    "QCalendarWidget": {"Today": "Hari ini", "Week": "Minggu"},
    "QShortcut": {"Ctrl": "Ctrl", "Shift": "Shift", "Del": "Del"},
}


def ts_text() -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="id_ID">']
    for context, pairs in STRINGS.items():
        out.append(f"<context>\n    <name>{context}</name>")
        for source, translation in pairs.items():
            out.append(
                f"    <message>\n        <source>{escape(source)}</source>\n"
                f"        <translation>{escape(translation)}</translation>\n    </message>"
            )
        out.append("</context>")
    out.append("</TS>\n")
    return "\n".join(out)


def lrelease_command() -> list[str]:
    """Qt's lrelease as the PySide6 wheel ships it (``lrelease.exe`` on Windows).

    The wheel puts the binary in the PySide6 folder (``Qt/libexec`` on some builds); the
    ``pyside6-lrelease`` launcher only starts that binary, and is missing where the
    package was unpacked rather than installed (as in CI's Windows Python).
    """
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    names = ["lrelease.exe"] if sys.platform == "win32" else ["lrelease"]
    for folder in (base, base / "Qt" / "libexec", base / "Qt" / "bin"):
        for name in names:
            if (folder / name).is_file():
                return [str(folder / name)]
    # Elsewhere: the pyside6-lrelease launcher's own entry point, which knows where the binary is.
    return [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()"]


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        with tempfile.TemporaryDirectory() as tmp:
            ts, qm = Path(tmp) / "qtbase_id.ts", Path(tmp) / "qtbase_id.qm"
            ts.write_text(ts_text(), encoding="utf-8")
            lrelease(ts, qm)
            same = (OUT / "qtbase_id.ts").read_text(encoding="utf-8") == ts_text() and (
                OUT / "qtbase_id.qm"
            ).read_bytes() == qm.read_bytes()
        if not same:
            print("resources/translations/qtbase_id.* is stale: run scripts/make_qt_translation.py")
            return 1
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "qtbase_id.ts").write_text(ts_text(), encoding="utf-8")
    lrelease(OUT / "qtbase_id.ts", OUT / "qtbase_id.qm")
    print(f"wrote {OUT / 'qtbase_id.qm'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
