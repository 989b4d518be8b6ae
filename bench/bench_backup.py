#!/usr/bin/env python3
"""Backup, check and restore of a realistic database.

    .venv/bin/python bench/bench_backup.py [--residents 10000] [--photos 2000]

Builds a database (WAL, synchronous=FULL) with N residents, each with an
assessment and a service, some with a ~40 KB photo, then times:
``create_backup`` (backup API + integrity_check of the copy + rotation),
the start-up quick check, the full ``check`` (integrity + foreign keys),
and ``restore_backup`` (safety copy + copy in + audit).
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


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    print(f"{label:<48} {time.perf_counter() - start:7.2f} s")
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=10_000)
    parser.add_argument("--photos", type=int, default=2_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BALAI_DATA_DIR"] = str(Path(tmp) / "data")
        from balai_app.db.connection import open_database, write_transaction
        from balai_app.db.models import Assessment, Resident, ResidentPhoto, ServiceRecord
        from balai_app.services import backup, integrity
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
        result = timed(f"create_backup ({size:.0f} MB, incl. integrity_check)", lambda: backup.create_backup(SYSTEM))
        timed("start-up quick_check", lambda: integrity.check_file(db_path, quick=True, foreign_keys=False))
        timed("check (integrity_check + foreign_key_check)", lambda: integrity.check_file(db_path))
        timed("restore_backup (safety copy + restore)", lambda: backup.restore_backup(SYSTEM, result.info.path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
