#!/usr/bin/env python3
"""Beranda: PMs per klaster and status over 200,000 residents (goal, issue 18: <= 20 ms).

    .venv/bin/python bench/bench_home.py [--residents 200000] [--repeat 7] [--keep DIR]

Figures, each interleaved with its yardstick in the same run (``--repeat`` times;
min / median / max, ratio of medians, the machine's load):

- ``services.residents.counts_by_klaster_and_status`` (the counts the database
  keeps by triggers) against reading the same counts table in plain ``sqlite3``;
  for reference the plain ``GROUP BY`` over the covering index (what engines
  without the counts table do) and without any index (before schema 4);
- ``reports.dashboard`` (the Beranda's follow-up figures) alone;
- the Beranda page's refresh (counts, follow-up figures, table) on screen
  (offscreen without a DISPLAY) against a bare ``QTableView`` filled with the
  same 5 x 7 numbers;
- for reference, the plain ``GROUP BY`` with the index switched off
  (``NOT INDEXED``): what the count cost before schema 4.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import clock, interleave, load, report  # noqa: E402

GROUP_BY = "SELECT klaster, status, count(id) FROM resident {hint} GROUP BY klaster, status"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="folder for the database (default: a temporary folder)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from bench_startup import build_database, existing_count

    folder = args.keep or Path(tempfile.mkdtemp(prefix="balai-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["BALAI_DATA_DIR"] = str(folder / "userdata")
    db_path = folder / "bench-home.sqlite"
    if args.keep and db_path.exists() and existing_count(db_path) == args.residents:
        print(f"reusing {db_path} ({args.residents:,} residents)")
    else:
        print(f"building {args.residents:,} residents in {db_path} ...", flush=True)
        print(f"  built in {build_database(db_path, args.residents):.1f} s")

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from balai_app.db.connection import open_database
    from balai_app.gui.app import make_application
    from balai_app.gui.home.home import HomePage
    from balai_app.services import residents
    from balai_app.services.context import SYSTEM

    app = make_application()
    open_database(db_path)
    plain = sqlite3.connect(str(db_path))
    print("plan:", " | ".join(r[-1] for r in plain.execute("EXPLAIN QUERY PLAN " + GROUP_BY.format(hint=""))))

    page = HomePage(SYSTEM)
    page.resize(1000, 640)
    page.show()
    bare = QTableView()
    bare.resize(1000, 640)
    bare.show()
    app.processEvents()

    def home_refresh():
        page.refresh()
        page.table.viewport().repaint()
        app.processEvents()

    def bare_refresh():
        model = QStandardItemModel()
        for row in plain.execute(GROUP_BY.format(hint="")).fetchall():
            model.appendRow([QStandardItem(str(v)) for v in row])
        bare.setModel(model)
        bare.viewport().repaint()
        app.processEvents()

    print(f"\n{args.residents:,} PM, {args.repeat} interleaved runs each:")
    from balai_app.services import reports

    rounds = interleave({
        "service": clock(lambda: residents.counts_by_klaster_and_status(SYSTEM)),
        "plain": clock(lambda: plain.execute("SELECT klaster, status, n FROM resident_count WHERE n > 0").fetchall()),
        "grouped": clock(lambda: plain.execute(GROUP_BY.format(hint="")).fetchall()),
        "unindexed": clock(lambda: plain.execute(GROUP_BY.format(hint="NOT INDEXED")).fetchall()),
        "dashboard": clock(lambda: reports.dashboard(SYSTEM)),
    }, args.repeat)
    report("counts_by_klaster_and_status", rounds["service"], "plain sqlite3 reading the same kept counts",
           rounds["plain"], goal="<= 20 ms at 200,000")
    report("for reference: plain GROUP BY, covering index", rounds["grouped"])
    report("for reference: plain GROUP BY without the index", rounds["unindexed"])
    report("reports.dashboard (follow-up figures, not ours)", rounds["dashboard"])
    rounds = interleave({"home": clock(home_refresh), "bare": clock(bare_refresh)}, args.repeat)
    report("Beranda refresh on screen", rounds["home"], "bare QTableView of the same counts", rounds["bare"])
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
