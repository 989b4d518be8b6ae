"""The daily backup that never makes closing wait: copied a few pages at a time, finished later.

``run_stepped`` copies the database with SQLite's backup API a few pages per step
(``pages=``) into ``balai-<stamp>.sqlite.part`` and may be stopped between two steps
(``stop``: an event, ``deadline``: seconds). Only a copy that is complete AND passes
the full integrity check is renamed to its final name, so a regular backup is never
half-written. Before the first page it leaves a marker (``PENDING``) in the backups
folder, removed once the backup is done: a backup stopped at closing, or cut short by
a crash or a power cut, is thus known at the next start, where ``resume_pending``
removes the partial copy and makes the backup again (on a thread, in the window).

The window's closing (``gui/settings/backup_tab.backup_on_close``) gives the backup
about one second (``CLOSE_DEADLINE``): a small database is backed up at once, a large
one at the next start.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from balai_app import log, paths
from balai_app.db.connection import read_only_reason
from balai_app.domain.backup_rotation import REGULAR_PREFIX, SUFFIX
from balai_app.i18n import tr
from balai_app.services.backup import BackupError, BackupResult, backed_up_today, check_copy, create_backup, \
    finish_regular, regular_folder
from balai_app.services.backup_files import current_database_path, free_name, now

PENDING = "cadangan-tertunda.txt"  # in the backups folder while a regular backup is unfinished
PART = ".part"
CLOSE_DEADLINE = 1.0  # seconds the window's closing may spend on the daily backup
PAGES_PER_STEP = 256  # 1 MB of 4 KB pages: one step takes milliseconds
_log = log.get("backup")


class Stopped(Exception):
    """The backup was asked to stop between two steps (it stays pending)."""


def pending(folder: Path | None = None) -> bool:
    """True when a regular backup was started and not finished (stopped, killed, power cut)."""
    folder = folder or paths.backup_dir()
    return (folder / PENDING).exists() or any(partial_copies(folder))


def partial_copies(folder: Path) -> list[Path]:
    """The unfinished copies (``balai-*.sqlite.part``) in ``folder``."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{REGULAR_PREFIX}*{SUFFIX}{PART}"))


def _drop_partial(folder: Path) -> None:
    for part in partial_copies(folder):
        try:
            part.unlink()
            _log.info("salinan cadangan yang belum selesai dihapus: %s", part.name)
        except OSError as exc:
            _log.warning("salinan cadangan yang belum selesai tidak dapat dihapus: %s (%s)", part, exc)


def run_stepped(
    db_path: Path | None = None,
    *,
    folder: Path | None = None,
    when: dt.datetime | None = None,
    pages: int = PAGES_PER_STEP,
    stop: threading.Event | None = None,
    deadline: float | None = None,
    on_step: Callable[[int, int], None] | None = None,
    second: Path | None | bool = True,
) -> BackupResult | None:
    """Make a regular backup of ``db_path`` in steps; None when stopped before the end
    (the backup then stays pending). Raises BackupError when the copy fails or does not
    pass its check (the partial copy is removed either way).

    Without ``db_path``, a database on a server (issue 16) has no file to copy in steps: it
    is copied at once through the program's own layer (``create_backup``, a SQLite file)."""
    folder = regular_folder(folder)
    if db_path is None and paths.database_is_on_server():
        result = create_backup(folder=folder, now=when, second=second)
        (folder / PENDING).unlink(missing_ok=True)
        return result
    db_path = db_path or current_database_path()
    if not db_path.exists():
        raise BackupError(tr("Basis data '{path}' tidak ditemukan; tidak ada yang dicadangkan.").format(path=db_path))
    (folder / PENDING).write_text(tr("Cadangan harian belum selesai; dilanjutkan saat program dibuka lagi.\n"),
                                  encoding="utf-8")
    _drop_partial(folder)
    when = when or now()
    target = free_name(folder, REGULAR_PREFIX, when)
    part = target.with_name(target.name + PART)
    ends = time.monotonic() + deadline if deadline is not None else None

    def step(_status: int, remaining: int, total: int) -> None:
        if on_step is not None:
            on_step(total - remaining, total)
        if (stop is not None and stop.is_set()) or (ends is not None and time.monotonic() > ends):
            raise Stopped

    try:
        src = sqlite3.connect(str(db_path), timeout=15)
        try:
            dst = sqlite3.connect(str(part))
            try:
                src.backup(dst, pages=max(1, pages), progress=step)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except Stopped:
        part.unlink(missing_ok=True)
        _log.info("cadangan harian dihentikan sebelum selesai; dilanjutkan saat program dibuka lagi")
        return None
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        _log.error("cadangan gagal ditulis ke %s: %s", target, exc)
        raise BackupError(tr("Cadangan gagal ditulis ke '{path}': {err}").format(path=target, err=exc)) from exc
    info = check_copy(part)  # removes a copy that fails
    os.replace(part, target)
    (folder / PENDING).unlink(missing_ok=True)
    return finish_regular(dataclasses.replace(info, path=target, taken_at=when), folder, second)


def backup_on_close(*, folder: Path | None = None, when: dt.datetime | None = None,
                    deadline: float = CLOSE_DEADLINE) -> BackupResult | None:
    """The daily backup when the window closes: at most once a day, never longer than
    ``deadline`` seconds; what is not done by then is finished at the next start. None
    when not due, when stopped, and when the open database was found damaged (read-only:
    a copy of it would fail its check, and must never push a sound backup out of the rotation)."""
    if read_only_reason() is not None:
        return None
    when = when or now()
    if backed_up_today(folder, when.date()) and not pending(folder or paths.backup_dir()):
        return None
    return run_stepped(folder=folder, when=when, deadline=deadline)


def resume_pending(db_path: Path | None = None, *, folder: Path | None = None,
                   stop: threading.Event | None = None,
                   on_step: Callable[[int, int], None] | None = None) -> BackupResult | None:
    """At start: finish the backup that the last session left unfinished (its partial copy
    is removed first and the backup made again). None when nothing was pending."""
    folder = folder or paths.backup_dir()
    if not pending(folder):
        return None
    _log.info("cadangan harian yang tertunda dilanjutkan")
    return run_stepped(db_path, folder=folder, stop=stop, on_step=on_step)


def resume_in_background(db_path: Path | None = None) -> threading.Thread | None:
    """``resume_pending`` on a daemon thread (the window stays responsive); errors go to the log."""
    folder = paths.backup_dir()
    if not pending(folder):
        return None
    if db_path is None and not paths.database_is_on_server():
        db_path = current_database_path()

    def work() -> None:
        try:
            resume_pending(db_path, folder=folder)
        except BackupError as exc:
            _log.error("cadangan tertunda gagal: %s", exc.message)

    thread = threading.Thread(target=work, name="cadangan-tertunda", daemon=True)
    thread.start()
    return thread
