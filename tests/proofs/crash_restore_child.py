"""Child process of the restore crash proof: restores two backups in turn until killed.

    python crash_restore_child.py DB BACKUP_A BACKUP_B MODE

Prints ``starting``, ``ready``, ``restoring X`` before and ``restored X`` after each
restore. Between preparing the staging copy (the backup, migrated, with the restore
already in its audit trail) and the switch it prints ``staged X``; in MODE ``pause``
it then waits for a line on stdin that never comes, so the parent's kill lands
exactly there (a staging copy is left behind for the next start to clean).
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    db_path, files, mode = Path(argv[0]), [Path(a) for a in argv[1:3]], argv[3]
    print("starting", flush=True)
    from balai_app.db.connection import open_database
    from balai_app.services import backup_restore
    from balai_app.services.context import SYSTEM

    real_copy = backup_restore._copy_into

    def copy_into(staging: Path, target: Path) -> None:
        print(f"staged {staging.name}", flush=True)
        if mode == "pause":
            sys.stdin.readline()
        real_copy(staging, target)

    backup_restore._copy_into = copy_into
    open_database(db_path)
    print("ready", flush=True)
    for step in itertools.count():
        source = files[step % 2]
        print(f"restoring {source.name}", flush=True)
        backup_restore.restore_backup(SYSTEM, source, db_path=db_path)
        print(f"restored {source.name}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
