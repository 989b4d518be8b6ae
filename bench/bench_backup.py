#!/usr/bin/env python3
"""Backup, check and restore of a realistic database.

    .venv/bin/python bench/bench_backup.py [--residents 10000] [--photos 2000]

Builds a database (WAL, synchronous=FULL) with N residents, each with an
assessment and a service, some with a ~40 KB photo, then times:
``create_backup`` (backup API + integrity_check of the copy + rotation),
the start-up quick check, the full ``check`` (integrity + foreign keys),
and ``restore_backup`` (safety copy + copy in + audit), each interleaved
(``--repeat`` times) with its yardstick in plain ``sqlite3``: the backup API
copy alone, ``PRAGMA quick_check``, ``PRAGMA integrity_check`` +
``foreign_key_check``, and a backup-API copy over the database. Printed:
min / median / max, the ratio of medians, the machine's load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import clock, interleave, load, report  # noqa: E402


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:<48} {time.perf_counter() - start:7.2f} s")
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(load())
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BALAI_DATA_DIR"] = str(Path(tmp) / "data")
        from balai_app.db.connection import open_database, write_transaction
        from balai_app.db.models import (
            Assessment,
            Resident,
            ResidentPhoto,
            ServiceRecord,
        )
        from balai_app.services import backup, backup_restore, integrity
        from balai_app.services.context import SYSTEM

        db_path = Path(tmp) / "balai.sqlite"
        open_database(db_path)
        rng = random.Random(1)
        photo = rng.randbytes(40_000)

        def fill():
            with write_transaction():
                for i in range(args.residents):
                    r = Resident.create(name=f"PM {i}", sex="L", klaster="anak", entry_date=dt.date(2026, 1, 5),
                                        nik_missing_reason="x", search_text=f"pm {i}", notes="catatan " * 20)
                    Assessment.create(resident=r.id, date=dt.date(2026, 1, 6), assessor="Rina", summary="ringkas " * 30)
                    ServiceRecord.create(resident=r.id, date=dt.date(2026, 1, 7), kind="terapi", description="layanan")
                    if i < args.photos:
                        ResidentPhoto.create(resident=r.id, image=photo)

        timed(f"fill {args.residents} PM, {args.photos} photos", fill)
        size = db_path.stat().st_size / 1024 / 1024
        import sqlite3

        plain_copy = Path(tmp) / "plain-copy.sqlite"

        def plain_backup():
            src, dst = sqlite3.connect(db_path), sqlite3.connect(plain_copy)
            src.backup(dst)
            dst.close()
            src.close()

        def plain_pragma(*pragmas):
            def run():
                conn = sqlite3.connect(db_path)
                for pragma in pragmas:
                    conn.execute(f"PRAGMA {pragma}").fetchall()
                conn.close()
            return run

        made = []

        def program_backup():
            made.append(backup.create_backup(SYSTEM))

        def plain_restore():
            src, dst = sqlite3.connect(made[-1].info.path), sqlite3.connect(db_path)
            src.backup(dst)
            dst.close()
            src.close()

        print(f"\ndatabase {size:.0f} MB, {args.repeat} interleaved runs each:")
        rounds = interleave({"f": clock(program_backup), "y": clock(plain_backup)}, args.repeat, warm=0)
        report("create_backup (copy + integrity_check + rotation)", rounds["f"], "plain sqlite3 backup API copy",
               rounds["y"])
        rounds = interleave({"f": clock(lambda: integrity.check_file(db_path, quick=True, foreign_keys=False)),
                             "y": clock(plain_pragma("quick_check"))}, args.repeat)
        report("start-up quick check", rounds["f"], "plain PRAGMA quick_check", rounds["y"])
        rounds = interleave({"f": clock(lambda: integrity.check_file(db_path)),
                             "y": clock(plain_pragma("integrity_check", "foreign_key_check"))}, args.repeat)
        report("check (integrity + foreign keys)", rounds["f"], "plain PRAGMA integrity_check + foreign_key_check",
               rounds["y"])
        rounds = interleave({"f": clock(lambda: backup_restore.restore_backup(SYSTEM, made[-1].info.path)),
                             "y": clock(plain_restore)}, args.repeat, warm=0)
        report("restore_backup (safety copy + restore + audit)", rounds["f"], "plain backup API copy over it",
               rounds["y"])
        print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
