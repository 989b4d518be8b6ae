"""The daily backup on closing (issue 18): never a wait, never a half-written backup.

The copy is made in steps; a process killed in the middle of it (on the third step,
which the child reports) leaves only a ``.part`` copy and the pending marker, never a
file with a backup's name; the next start removes the partial copy and finishes a
verified backup.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from balai_app.services import backup_files, backup_steps

CHILD = Path(__file__).with_name("close_backup_child.py")


def _line_starting(proc: subprocess.Popen, prefix: str) -> str:
    """The child's first stdout line starting with ``prefix`` (what it reports, not a sleep)."""
    for line in proc.stdout:
        if line.startswith(prefix):
            return line.strip()
    raise AssertionError(f"the child ended before '{prefix}': {proc.stderr.read()}")


def _fill(make_resident, n: int = 60) -> None:
    for i in range(n):
        make_resident(name=f"Penerima {i}", notes="x" * 2000)  # a few dozen pages to copy


@pytest.mark.sqlite_only  # copies the SQLite file in steps; a server database: test_a_server_database_is_backed_up_on_close
def test_a_kill_mid_backup_leaves_no_backup_and_the_next_start_finishes_a_verified_one(
        db, db_path, make_resident, isolated_paths, tmp_path):
    _fill(make_resident)
    folder = isolated_paths / "backups"
    env = {**os.environ, "BALAI_DATA_DIR": str(isolated_paths), "BALAI_BACKUP_DIR": str(folder)}
    proc = subprocess.Popen([sys.executable, str(CHILD), str(db_path), str(folder)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    total = int(_line_starting(proc, "step 3 of").rsplit(" ", 1)[1])
    assert total > 3  # the kill lands inside the copy, not after it
    proc.kill()  # SIGKILL / TerminateProcess: no chance to clean up
    proc.communicate(timeout=60)
    assert proc.returncode != 0

    assert backup_steps.pending(folder)
    assert backup_steps.partial_copies(folder), "the half-written copy is there, under its .part name"
    assert not list(folder.glob("balai-*.sqlite")), "no file carries a backup's name before it is verified"

    result = backup_steps.resume_pending(db_path, folder=folder)  # what the next start does
    assert result is not None and result.info.path.exists()
    assert not backup_steps.pending(folder) and not backup_steps.partial_copies(folder)
    regular = list(folder.glob("balai-*.sqlite"))
    assert regular == [result.info.path]
    info = backup_files.inspect_backup(regular[0], full=True)
    assert info.sound and info.residents == 60
    assert backup_steps.resume_pending(db_path, folder=folder) is None  # nothing pending any more


@pytest.mark.sqlite_only  # copies the SQLite file in steps; a server database: test_a_server_database_is_backed_up_on_close
def test_closing_stops_at_its_deadline_and_leaves_the_backup_pending(db, db_path, make_resident, isolated_paths):
    _fill(make_resident)
    folder = isolated_paths / "backups"
    steps: list[int] = []
    result = backup_steps.run_stepped(db_path, folder=folder, pages=1, deadline=0.0,
                                      on_step=lambda done, total: steps.append(done))
    assert result is None and steps == [1]  # stopped after the first step, however fast the machine
    assert backup_steps.pending(folder) and not backup_steps.partial_copies(folder)
    assert not list(folder.glob("balai-*.sqlite"))
    assert backup_steps.backup_on_close(folder=folder, when=dt.datetime(2026, 12, 2, 17, 0)) is not None
    assert not backup_steps.pending(folder)
    assert backup_steps.backup_on_close(folder=folder, when=dt.datetime(2026, 12, 2, 18, 0)) is None  # once a day


@pytest.mark.postgresql_only
def test_a_server_database_is_backed_up_on_close(db, db_path, make_resident, isolated_paths):
    """On a server database the closing backup is a SQLite file written through the program's
    own layer (no file to copy in steps); it checks like any backup, once a day."""
    import sqlite3

    from balai_app import paths
    from balai_app.services import backup_steps

    make_resident(name="Sebelum Tutup")
    paths.set_database_path(db_path)
    backups = isolated_paths / "backups"
    backups.mkdir(parents=True, exist_ok=True)
    (backups / backup_steps.PENDING).write_text("tertunda\n", encoding="utf-8")  # left by an earlier session
    result = backup_steps.backup_on_close()
    assert result is not None and result.info.sound and result.info.residents == 1
    assert result.info.path.parent == isolated_paths / "backups"
    conn = sqlite3.connect(result.info.path)
    try:
        assert conn.execute("SELECT name FROM resident").fetchall() == [("Sebelum Tutup",)]
    finally:
        conn.close()
    assert not backup_steps.pending(backups)  # done: the marker is gone, as after a backup in steps
    assert backup_steps.backup_on_close() is None  # at most once a day
