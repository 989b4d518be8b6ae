"""Child process of the close-backup proof: the daily backup in steps of one page.

    python close_backup_child.py DB FOLDER

Prints ``step N of M`` after each step; after the third it waits for a line on stdin
that never comes, so the parent's kill lands in the middle of the copy.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> None:
    db_path, folder = Path(argv[0]), Path(argv[1])
    from balai_app.services import backup_steps

    def step(done: int, total: int) -> None:
        print(f"step {done} of {total}", flush=True)
        if done == 3:
            sys.stdin.readline()

    backup_steps.run_stepped(db_path, folder=folder, pages=1, on_step=step, second=False)
    print("finished", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
