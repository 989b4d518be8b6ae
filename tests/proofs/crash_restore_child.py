"""Child process of the restore crash proof: restores two backups in turn until killed.

    python crash_restore_child.py DB BACKUP_A BACKUP_B

Prints ``restoring X`` before and ``restored X`` after each restore.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from balai_app.db.connection import open_database
from balai_app.services import backup
from balai_app.services.context import SYSTEM


def main(argv: list[str]) -> None:
    db_path, files = Path(argv[0]), [Path(a) for a in argv[1:3]]
    open_database(db_path)
    print("ready", flush=True)
    for step in itertools.count():
        source = files[step % 2]
        print(f"restoring {source.name}", flush=True)
        backup.restore_backup(SYSTEM, source, db_path=db_path)
        print(f"restored {source.name}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
