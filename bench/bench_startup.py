#!/usr/bin/env python3
"""Start-up to a shown main window on a 20,000-resident database, beside a bare
PySide6 QMainWindow started in the same run (target: within 3x the bare window).

    .venv/bin/python bench/bench_startup.py [--residents 20000] [--runs 5] [--keep DIR]

Each measurement is a fresh Python process; the time runs from just before the
process is spawned until the child prints, from a QTimer fired after ``show()``
once the event loop runs, that its window is on screen. Bare and Balai runs
alternate so that both see the same machine load. Also reported: the time the
Balai child needs to open the Penerima Manfaat section (its first page of the
list) after the window is shown. Without a DISPLAY the offscreen platform is used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GIVEN_L = ["Agus", "Budi", "Slamet", "Joko", "Ahmad", "Muhammad", "Rudi", "Hendra", "Wahyu", "Eko", "Made", "Andi"]
GIVEN_P = ["Siti", "Sri", "Dewi", "Nur", "Ayu", "Rina", "Wati", "Fitri", "Ni Luh Putu", "Maria", "Aisyah", "Putri"]
SURNAMES = ["Santoso", "Wijaya", "Saputra", "Hidayat", "Pratama", "Nugroho", "Siregar", "Ma'ruf", "Lubis", "", "Rahayu"]
PLACES = [("3201", "Bogor"), ("3171", "Jakarta"), ("3273", "Bandung"), ("3374", "Semarang"), ("3578", "Surabaya"),
          ("1271", "Medan"), ("7371", "Makassar"), ("5171", "Denpasar"), ("6471", "Balikpapan"), ("3275", "Bekasi")]


def build_database(path: Path, count: int, seed: int = 2026) -> float:
    """A database with ``count`` realistic residents (bulk insert_many). Returns seconds."""
    from balai_app.db.connection import close_database, open_database, write_transaction
    from balai_app.db.models import BalaiProfile, Resident
    from balai_app.domain import codes
    from balai_app.services.residents import search_key

    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    open_database(path)
    rng = random.Random(seed)
    klasters = list(codes.KLASTER)
    statuses = ["aktif"] * 6 + ["selesai", "kembali_keluarga", "dirujuk"]
    today = dt.date.today()
    rows = []
    for i in range(count):
        sex = rng.choice("LP")
        name = f"{rng.choice(GIVEN_L if sex == 'L' else GIVEN_P)} {rng.choice(SURNAMES)}".strip()
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(365 * 65))
        region, place = rng.choice(PLACES)
        day = birth.day + (40 if sex == "P" else 0)
        # serial = i + 1 keeps every NIK unique (the column is UNIQUE)
        nik = None if rng.random() < 0.05 else (
            f"{region}{rng.randint(1, 30):02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{i % 9999 + 1:04d}")
        entry = max(birth, today - dt.timedelta(days=rng.randrange(5, 2000)))
        status = rng.choice(statuses)
        rows.append({
            "nik": nik, "nik_missing_reason": "" if nik else "Tidak memiliki KTP",
            "no_kk": "", "name": name, "sex": sex, "birth_place": place, "birth_date": birth,
            "klaster": klasters[i % len(klasters)], "disabilities": "", "religion": "Islam",
            "education": "SD/sederajat", "address": f"Jl. Melati No. {rng.randrange(1, 200)}, {place}",
            "guardian_name": "", "guardian_relation": "", "guardian_phone": "", "entry_date": entry,
            "referral_source": "Dinas Sosial", "status": status,
            "exit_date": None if status == "aktif" else min(today, entry + dt.timedelta(days=90)),
            "exit_reason": "", "notes": "", "search_text": search_key(name, nik, place),
        })
    # NIK collisions are possible with i % 9999 serials: make the rare duplicate NIK-less.
    seen: set[str] = set()
    for row in rows:
        if row["nik"] in seen:
            row["nik"], row["nik_missing_reason"] = None, "Tidak memiliki KTP"
            row["search_text"] = search_key(row["name"], None, row["birth_place"])
        elif row["nik"]:
            seen.add(row["nik"])
    with write_transaction():
        BalaiProfile.create(id=1, name="Balai Rehabilitasi Sosial (bench)", code="BRS-B", city="Bogor")
        for start in range(0, len(rows), 500):
            Resident.insert_many(rows[start:start + 500]).execute()
    close_database()
    return time.perf_counter() - started


def existing_count(path: Path) -> int:
    """Residents in an existing bench database (to reuse it with --keep), or -1."""
    import sqlite3

    try:
        with sqlite3.connect(path) as con:
            return con.execute("SELECT COUNT(*) FROM resident").fetchone()[0]
    except sqlite3.Error:
        return -1


BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1280, 720)
w.setWindowTitle("bare")
w.show()
def done():
    print("SHOWN", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

# The same steps as balai_app.gui.app.run_gui after sign-in (a person's typing is not
# start-up time), with a timer after show().
BALAI = """
import sys, time
from PySide6.QtCore import QTimer
from balai_app import paths
from balai_app.gui.app import make_application
from balai_app.db.connection import open_database
from balai_app.services.context import SYSTEM
paths.set_database_path(sys.argv[1])
app = make_application()
open_database(paths.database_path())
try:  # the window as run_gui shows it once someone has signed in
    from balai_app.gui.app import GuiSession
    session = GuiSession(app)
    session.show_window(SYSTEM)
    window = session.window
except ImportError:
    from balai_app.gui.main_window import MainWindow
    window = MainWindow(SYSTEM)
    window.show()
def shown():
    print("SHOWN", flush=True)
    t = time.perf_counter()
    page = window.open_section("residents")
    app.processEvents()
    print(f"RESIDENTS {time.perf_counter() - t:.4f} {page.model.total}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def run_child(code: str, *args: str, env: dict[str, str]) -> tuple[float, list[str]]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=str(ROOT))
    shown_at = None
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SHOWN") and shown_at is None:
            shown_at = time.perf_counter()
        lines.append(line.strip())
    proc.wait()
    if proc.returncode != 0 or shown_at is None:
        raise SystemExit(f"child failed ({proc.returncode}):\n{proc.stderr.read() if proc.stderr else ''}")
    return shown_at - started, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="folder for the database (default: a temporary folder)")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="balai-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "bench-startup.sqlite"
    env = dict(os.environ)
    env["BALAI_DATA_DIR"] = str(folder / "userdata")  # window state etc. stay out of the user's folder
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.keep and db_path.exists() and existing_count(db_path) == args.residents:
        print(f"reusing {db_path} ({args.residents:,} residents)")
    else:
        print(f"building {args.residents:,} residents in {db_path} ...", flush=True)
        print(f"  built in {build_database(db_path, args.residents):.1f} s")
    print(f"platform: {env.get('QT_QPA_PLATFORM') or 'xcb/default'}")

    run_child(BARE, env=env)  # warm the file cache for both
    run_child(BALAI, str(db_path), env=env)
    bare, balai, section = [], [], []
    for _ in range(args.runs):
        bare.append(run_child(BARE, env=env)[0])
        elapsed, lines = run_child(BALAI, str(db_path), env=env)
        balai.append(elapsed)
        section.extend(float(line.split()[1]) for line in lines if line.startswith("RESIDENTS"))
    b, m = statistics.median(bare), statistics.median(balai)
    print(f"bare QMainWindow shown:          median {b * 1000:6.0f} ms  (runs: "
          + ", ".join(f"{x * 1000:.0f}" for x in bare) + ")")
    print(f"Balai MainWindow shown ({args.residents:,} PM): median {m * 1000:6.0f} ms  (runs: "
          + ", ".join(f"{x * 1000:.0f}" for x in balai) + ")")
    print(f"ratio Balai/bare: {m / b:.2f}x  (target <= 3x: {'met' if m <= 3 * b else 'MISSED'})")
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"then opening Penerima Manfaat (first page of the list): median {statistics.median(section) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
