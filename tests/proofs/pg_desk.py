"""One office PC in the PostgreSQL proofs: a process that works on the server database.

    python pg_desk.py URL MODE ARGS...

Modes (each waits for a line "go" on stdin, so that all desks start together):

- ``register N``           register N PMs one by one (a social worker's desk);
- ``attend SESSION_IDS ENROLLMENT_IDS``  save attendance of each session, all marks H
                             (a trainer in the workshop); comma-separated ids;
- ``issue BATCH RESIDENT_IDS``  issue one certificate per resident (the head's office);
- ``hang-in-issue BATCH RID`` / ``hang-in-register``: start the write, report
  "inside" from within the transaction and wait there (the parent kills the
  process or stops the server on that event).

After each committed write the desk prints one line (``ok ...``), flushed.
"""

from __future__ import annotations

import sys

from balai_app.db.connection import open_database
from balai_app.services import attendance, audit, certificates, residents
from balai_app.services.context import SYSTEM, Actor

ADMIN = Actor(1, "kepala", "admin")


def hang_inside_transaction() -> None:
    real = audit.record

    def record(*args, **kwargs):
        row = real(*args, **kwargs)  # the write and its audit row are in the open transaction
        print("inside", flush=True)
        sys.stdin.readline()  # wait here until killed (or the server goes away)
        return row

    audit.record = record  # the services call it as audit.record(...)


def main(argv: list[str]) -> int:
    url, mode, *rest = argv
    open_database(url, create=False)
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return 2
    if mode.startswith("hang"):
        hang_inside_transaction()
    if mode in ("register", "hang-in-register"):
        count = int(rest[0]) if rest else 1
        for i in range(count):
            nik = f"320101450190{i + 1:04d}"
            r = residents.create_resident(SYSTEM, {"name": f"Pendaftar {i}", "sex": "P", "klaster": "lansia",
                                                   "nik": nik, "birth_date": "05-01-1990",
                                                   "entry_date": "2026-01-05"}, confirm_warnings=True)
            print(f"ok resident {r}", flush=True)
    elif mode == "attend":
        session_ids = [int(x) for x in rest[0].split(",")]
        enrollment_ids = [int(x) for x in rest[1].split(",")]
        for sid in session_ids:
            for status in ("A", "H"):
                n = attendance.save_attendance(ADMIN, sid, {e: status for e in enrollment_ids})
                print(f"ok attendance {sid} {status} {n}", flush=True)
    elif mode in ("issue", "hang-in-issue"):
        batch = int(rest[0])
        for rid in (int(x) for x in rest[1].split(",")):
            result = certificates.issue(ADMIN, batch, [rid])
            print(f"ok certificate {result.issued[0].number}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
