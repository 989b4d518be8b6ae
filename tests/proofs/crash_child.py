"""Child process of the crash proof: imports residents in transactions of known size.

    python crash_child.py DB FIRST_BATCH BATCH_SIZE

Every row of batch ``k`` carries ``notes = "batch:k"``; the batch is written
with ``residents.bulk_create`` (the importer's path: one transaction, one
audit event per row). After each commit it prints ``committed k``; before it, ``writing k``. The parent
kills it with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys

from balai_app.db.connection import open_database
from balai_app.services import residents
from balai_app.services.context import SYSTEM


def main(argv: list[str]) -> None:
    path, first, size = argv[0], int(argv[1]), int(argv[2])
    open_database(path, backup_dir=None)
    template, collector = residents.clean({
        "name": "Contoh", "sex": "P", "klaster": "tuna_sosial", "entry_date": "2026-01-05",
        "nik_missing_reason": "Tidak memiliki KTP", "address": "Jl. Melati No. 1",
    })
    assert not collector.errors, collector.errors
    print("ready", flush=True)
    batch = first
    while True:
        print(f"writing {batch}", flush=True)
        rows = [dict(template, name=f"PM {batch}-{i} Ma'ruf", notes=f"batch:{batch}") for i in range(size)]
        residents.bulk_create(SYSTEM, rows)
        print(f"committed {batch}", flush=True)
        batch += 1


if __name__ == "__main__":
    main(sys.argv[1:])
