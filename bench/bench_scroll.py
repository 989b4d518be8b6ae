#!/usr/bin/env python3
"""Scrolling the Penerima Manfaat list to its end, as a person drags the scroll bar
(goal, issue 18: <= 1 s at 50,000 PMs; memory <= 150 MB at 200,000).

    .venv/bin/python bench/bench_scroll.py [--residents 50000] [--runs 5] [--db FILE]

A ResidentsPage is shown (offscreen without a DISPLAY). One run: the list is
reset to its first page, then ``scrollToBottom`` + event processing is repeated
until the model has nothing more to fetch (the view asks for keyset pages as
its scroll bar reaches the end), and the last row is painted.

Yardstick: the same rows (same columns, same order) in plain ``sqlite3``
(``fetchall``, no ORM, no GUI). Figure and yardstick alternate, ``--runs``
times each, so both see the same load; min / median / max, the ratio of the
medians and the machine's load are printed.

Memory: the resident memory of a fresh process that shows the page and scrolls it
to the end once (a child process, so that neither the timed runs nor the
yardstick's 200,000 plain tuples leave their freed memory in the figure), beside
a bare PySide6 process showing an empty QTableView, and the bytes per loaded row
(RSS before/after the scroll, and what the model's packed rows take,
``LoadedResidents.nbytes``).
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import interleave, load, report  # noqa: E402

BARE = """
import os, sys
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv)
view = QTableView()
view.resize(1150, 680)
view.show()
app.processEvents()
with open("/proc/self/statm") as handle:
    print(int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20)
"""


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--residents", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="an existing bench database (built when missing)")
    parser.add_argument("--memory-only", action="store_true", help=argparse.SUPPRESS)  # the child
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from bench_startup import build_database, existing_count

    db_path = args.db or Path(tempfile.mkdtemp(prefix="balai-bench-")) / "bench-scroll.sqlite"
    os.environ.setdefault("BALAI_DATA_DIR", str(db_path.parent / "userdata"))
    if args.memory_only:
        pass
    elif db_path.exists() and existing_count(db_path) == args.residents:
        print(f"reusing {db_path} ({args.residents:,} residents)")
    else:
        print(f"building {args.residents:,} residents in {db_path} ...", flush=True)
        print(f"  built in {build_database(db_path, args.residents):.1f} s")

    import sqlite3

    from balai_app.gui.app import make_application
    from balai_app.gui.residents.residents_page import ResidentsPage
    from balai_app.services.context import SYSTEM
    from balai_app.services.database import open_database

    app = make_application()
    open_database(db_path)
    page = ResidentsPage(SYSTEM)
    page.resize(1150, 680)
    page.show()
    page.refresh()
    app.processEvents()
    table, model = page.ui.table, page.model
    conn = sqlite3.connect(str(db_path))
    columns = "id, nik, name, sex, birth_place, birth_date, klaster, status, entry_date"
    fetches = [0]
    real_fetched = model.fetched

    def counting(added: int) -> None:
        fetches[0] += 1
        real_fetched(added)

    model.fetched = counting  # type: ignore[method-assign]

    def scroll() -> float:
        page.refresh()
        app.processEvents()
        fetches[0] = 0
        started = time.perf_counter()
        while True:
            table.scrollToBottom()
            app.processEvents()
            if not model.canFetchMore():
                break
        table.viewport().repaint()
        took = time.perf_counter() - started
        assert model.rowCount() == args.residents, model.rowCount()
        return took

    def plain() -> float:
        started = time.perf_counter()
        rows = conn.execute(f"SELECT {columns} FROM resident ORDER BY name, id").fetchall()
        took = time.perf_counter() - started
        assert len(rows) == args.residents
        return took

    if args.memory_only:
        gc.collect()
        before = rss_mb()
        scroll()
        gc.collect()
        rows = model.loaded_rows()
        print(before, rss_mb(), rows.nbytes() / len(rows))
        model.close()
        return 0

    rounds = interleave({"scroll": scroll, "plain": plain}, args.runs, warm=0)
    print(f"\nscrolling to the end of {args.residents:,} PM ({fetches[0]} pages after the first), "
          f"{args.runs} interleaved runs:")
    report("drag to the end, every page, last row painted", rounds["scroll"],
           "plain sqlite3 fetchall of the same rows", rounds["plain"], goal="<= 1 s at 50,000")

    model.close()

    def child(script: list[str]) -> list[float]:
        out = subprocess.run([sys.executable, *script], capture_output=True, text=True, env={**os.environ},
                             check=True).stdout
        return [float(value) for value in out.strip().splitlines()[-1].split()]

    before, loaded, per_row = child([__file__, "--memory-only", "--residents", str(args.residents),
                                     "--db", str(db_path)])
    (bare,) = child(["-c", BARE])
    print(f"\nmemory with all {args.residents:,} rows loaded (goal <= 150 MB at 200,000), fresh processes:")
    print(f"  the page scrolled to the end: {loaded:.0f} MB resident; a bare PySide6 QTableView process: "
          f"{bare:.0f} MB (ratio {loaded / bare:.2f})")
    print(f"  the scroll: {before:.0f} MB -> {loaded:.0f} MB "
          f"({(loaded - before) * 2**20 / args.residents:.0f} bytes per row by RSS); "
          f"rows held: {per_row:.0f} bytes per row packed")
    print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
