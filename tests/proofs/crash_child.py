"""Child process of the import crash proof: imports CSV files through the real importer.

    python crash_child.py DB FIRST_BATCH BATCH_SIZE MODE

Batch ``k`` is a CSV file of BATCH_SIZE rows, each with ``catatan = batch:k``, imported
with ``resident_io.run_import`` (read and check the whole file, then ONE write
transaction with one audit event per row). The child reports what it is doing, and
the parent kills it on a report, never after a sleep:

- ``starting`` before the database is opened (MODE ``open``: killed while opening);
- ``committed k`` after batch k is written;
- ``in-transaction k ROWS`` from inside the write transaction (checked with
  ``in_transaction()``), after ROWS rows of batch k were written. In MODE ``pause``
  the child then waits for a line on stdin that never comes: the kill certainly lands
  inside the open transaction, on a fast machine or a slow one.
"""

from __future__ import annotations

import sys
from pathlib import Path

HEADER = "nama;jenis_kelamin;klaster;tanggal_masuk;alamat;catatan\r\n"


def main(argv: list[str]) -> None:
    path, first, size, mode = Path(argv[0]), int(argv[1]), int(argv[2]), argv[3]
    print("starting", flush=True)
    from balai_app.db.connection import open_database
    from balai_app.db.models import database
    from balai_app.services import resident_io
    from balai_app.services.context import SYSTEM

    open_database(path, backup_dir=path.parent / "backups")
    print("ready", flush=True)
    batch = first
    while True:
        csv_path = path.parent / f"impor-{batch}.csv"
        csv_path.write_text(HEADER + "".join(
            f"PM {batch}-{i} Ma'ruf;P;tuna_sosial;05/01/2026;Jl. Melati No. 1;batch:{batch}\r\n" for i in range(size)),
            encoding="utf-8")
        total = 2 * size

        def progress(done: int, _total: int, batch: int = batch, total: int = total) -> None:
            if size < done < total and database.obj.in_transaction():
                print(f"in-transaction {batch} {done - size}", flush=True)
                if mode == "pause" and batch > first:
                    sys.stdin.readline()  # wait to be killed inside the transaction

        report = resident_io.run_import(SYSTEM, csv_path, progress=progress)
        assert report.imported == size, report.summary_line()
        print(f"committed {batch}", flush=True)
        batch += 1


if __name__ == "__main__":
    main(sys.argv[1:])
