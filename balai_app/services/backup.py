"""Backups and restore: the copies that survive a dead PC or a wrong click.

- ``create_backup``: SQLite's backup API (safe while the program writes, in WAL
  mode) into the backups folder, then ``PRAGMA integrity_check`` on the copy;
  a copy that fails is deleted and the backup reported as failed. Then the
  rotation (7 daily, 4 weekly, 12 monthly by default) and a copy into the
  second folder (USB disk or network share) when one is set; a failure there
  is returned in ``BackupResult.second_error`` for the caller to show.
- ``backup_if_due``: the automatic backup when the program closes, at most
  once a day.
- ``restore_backup``: checks the file (sound, a Balai database, not from a
  newer program), keeps a safety copy of the current database, then copies
  the backup in and records it in the audit trail.
- ``startup_state``: the quick check at start-up; a damaged database is
  reported with the newest sound backup, never opened for writing.

Regular backups are named ``balai-YYYYMMDD-HHMMSS.sqlite`` (local time);
only those are rotated. Safety copies (``sebelum-pemulihan-*``,
``sebelum-migrasi-*``, ``rusak-*``) are kept until someone deletes them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import peewee

from balai_app import log, paths
from balai_app.db import migrations
from balai_app.db.connection import PRAGMAS, backup_to, write_transaction
from balai_app.db.models import Setting, database
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services import audit, integrity
from balai_app.services.context import SYSTEM, Actor
from balai_app.services.permissions import require

REGULAR_PREFIX = "balai-"
SAFETY_PREFIX = "sebelum-pemulihan-"
DAMAGED_PREFIX = "rusak-"
SUFFIX = ".sqlite"
_STAMP = re.compile(r"(\d{8})-(\d{6})")

SETTING_SECOND_FOLDER = "backup.second_folder"
SETTING_KEEP = {"daily": "backup.keep_daily", "weekly": "backup.keep_weekly", "monthly": "backup.keep_monthly"}


class BackupError(BalaiError):
    """A backup could not be written or did not pass its check."""


class RestoreRefused(BalaiError):
    """The chosen file cannot be restored (damaged, not Balai, newer schema, ...)."""


@dataclass(frozen=True)
class Rotation:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass
class BackupInfo:
    """What a person needs to recognise a backup before restoring it."""

    path: Path
    taken_at: dt.datetime
    size: int
    schema_version: int | None = None
    residents: int | None = None
    certificates: int | None = None
    problems: list[str] = field(default_factory=list)
    checked: bool = False  # True when ``problems`` comes from a full integrity check

    @property
    def sound(self) -> bool:
        return not self.problems

    @property
    def kind(self) -> str:
        name = self.path.name
        if name.startswith(REGULAR_PREFIX):
            return tr("rutin")
        if name.startswith(SAFETY_PREFIX):
            return tr("sebelum pemulihan")
        if name.startswith("sebelum-migrasi-"):
            return tr("sebelum pembaruan")
        if name.startswith(DAMAGED_PREFIX):
            return tr("salinan rusak")
        return tr("lain")


@dataclass
class BackupResult:
    info: BackupInfo
    second_path: Path | None = None
    second_error: str | None = None  # shown to the user: never silent
    removed: list[Path] = field(default_factory=list)


@dataclass
class RestoreResult:
    restored: BackupInfo
    safety_copy: Path | None


# --- naming and reading ---------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def stamp_of(path: Path) -> dt.datetime | None:
    match = _STAMP.search(path.name)
    if not match:
        return None
    try:
        return dt.datetime.strptime("".join(match.groups()), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _taken_at(path: Path) -> dt.datetime:
    return stamp_of(path) or dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def _free_name(folder: Path, prefix: str, when: dt.datetime) -> Path:
    base = f"{prefix}{when:%Y%m%d-%H%M%S}"
    candidate = folder / f"{base}{SUFFIX}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{base}-{n}{SUFFIX}"
        n += 1
    return candidate


def inspect_backup(path: str | os.PathLike[str], *, full: bool = True) -> BackupInfo:
    """Date and counts of one backup file; with ``full`` also its integrity and
    foreign-key checks (without: only that it opens as a Balai database)."""
    path = Path(path)
    check = integrity.check_file(path, foreign_keys=full, scan=full)
    try:
        size = path.stat().st_size
        taken = _taken_at(path)
    except OSError:
        size, taken = 0, _now()
    return BackupInfo(
        path=path,
        taken_at=taken,
        size=size,
        schema_version=check.schema_version,
        residents=check.residents,
        certificates=check.certificates,
        problems=check.messages(),
        checked=full,
    )


def list_backups(folder: Path | None = None, *, full: bool = False) -> list[BackupInfo]:
    """Every ``*.sqlite`` in the backups folder, newest first."""
    folder = folder or paths.backup_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.glob(f"*{SUFFIX}") if p.is_file()]
    infos = [inspect_backup(p, full=full) for p in files]
    infos.sort(key=lambda i: (i.taken_at, i.path.name), reverse=True)
    return infos


def newest_sound_backup(folders: list[Path] | None = None) -> BackupInfo | None:
    """The newest backup that passes the full check, searching every folder given."""
    candidates: list[Path] = []
    for folder in folders or [paths.backup_dir()]:
        if folder and folder.is_dir():
            candidates.extend(
                p for p in folder.glob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith(DAMAGED_PREFIX)
            )
    candidates.sort(key=lambda p: (_taken_at(p), p.name), reverse=True)
    for path in candidates:
        info = inspect_backup(path, full=True)
        if info.sound:
            return info
    return None


# --- settings -----------------------------------------------------------------------


def _setting(key: str, default: str = "") -> str:
    try:
        row = Setting.get_or_none(Setting.key == key)
    except Exception:  # no database bound (start-up, damaged file): defaults
        return default
    return row.value if row else default


def second_folder() -> Path | None:
    value = _setting(SETTING_SECOND_FOLDER).strip()
    return Path(value) if value else None


def set_second_folder(actor: Actor, folder: str | os.PathLike[str] | None) -> None:
    """Set (or with None/"" clear) the second backup folder."""
    require(actor, "backup.manage")
    value = str(folder).strip() if folder else ""
    if value and not Path(value).is_absolute():
        raise BalaiError(tr("Folder cadangan kedua harus berupa lokasi lengkap (mis. E:\\Cadangan)."))
    old = _setting(SETTING_SECOND_FOLDER)
    with write_transaction():
        if value:
            Setting.insert(key=SETTING_SECOND_FOLDER, value=value).on_conflict_replace().execute()
        else:
            Setting.delete().where(Setting.key == SETTING_SECOND_FOLDER).execute()
        audit.record(actor, "update", "setting", None, tr("folder cadangan kedua"),
                     {SETTING_SECOND_FOLDER: [old, value]})


def rotation() -> Rotation:
    values = {}
    for name, key in SETTING_KEEP.items():
        try:
            values[name] = max(0, int(_setting(key, str(getattr(Rotation, name)))))
        except ValueError:
            values[name] = getattr(Rotation, name)
    return Rotation(**values)


# --- rotation ----------------------------------------------------------------------------


def choose_kept(stamps: list[dt.datetime], policy: Rotation) -> set[dt.datetime]:
    """Grandfather-father-son: the newest backup of each of the last ``daily``
    days that have one, of the last ``weekly`` ISO weeks, of the last
    ``monthly`` months. The newest backup is always kept."""
    ordered = sorted(set(stamps), reverse=True)
    kept: set[dt.datetime] = set(ordered[:1])
    for keep, period in (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: tuple(t.isocalendar())[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    ):
        seen: list = []
        for stamp in ordered:
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) >= keep:
                break
            seen.append(key)
            kept.add(stamp)
    return kept


def rotate(folder: Path, policy: Rotation | None = None) -> list[Path]:
    """Delete regular backups the policy no longer keeps; returns what was removed."""
    policy = policy or rotation()
    regular = [p for p in folder.glob(f"{REGULAR_PREFIX}*{SUFFIX}") if stamp_of(p)]
    by_stamp: dict[dt.datetime, list[Path]] = {}
    for p in regular:
        by_stamp.setdefault(stamp_of(p), []).append(p)
    kept = choose_kept(list(by_stamp), policy)
    removed = []
    for stamp, files in by_stamp.items():
        files.sort(key=lambda p: p.name)
        # Several files in the same second: keep the last written only.
        doomed = files if stamp not in kept else files[:-1]
        for p in doomed:
            try:
                p.unlink()
                removed.append(p)
            except OSError:
                pass
    return removed


# --- making backups ------------------------------------------------------------------------


def _verified_copy(source, target: Path) -> BackupInfo:
    """Backup API copy of ``source`` to ``target``, then the full check on the copy."""
    try:
        backup_to(source, target)
    except (sqlite3.Error, OSError) as exc:
        log.get("backup").error("cadangan gagal ditulis ke %s: %s", target, exc)
        raise BackupError(tr("Cadangan gagal ditulis ke '{path}': {err}").format(path=target, err=exc)) from exc
    info = inspect_backup(target, full=True)
    if not info.sound:
        try:
            target.unlink()
        except OSError:
            pass
        raise BackupError(
            tr("Cadangan '{name}' tidak lolos pemeriksaan dan telah dihapus: {problems}").format(
                name=target.name, problems="; ".join(info.problems[:3]))
        )
    return info


def current_database_path() -> Path:
    """The file of the open database, else the program's database path."""
    db = database.obj
    if db is not None and getattr(db, "database", None) and db.database != ":memory:":
        return Path(db.database)
    return paths.database_path()


def _source():
    db = database.obj
    if db is None or db.is_closed():
        path = current_database_path()
        if not path.exists():
            raise BackupError(tr("Basis data '{path}' tidak ditemukan; tidak ada yang dicadangkan.").format(path=path))
        return path
    return db


def create_backup(
    actor: Actor = SYSTEM,
    *,
    out: str | os.PathLike[str] | None = None,
    folder: Path | None = None,
    now: dt.datetime | None = None,
    second: Path | None | bool = True,
) -> BackupResult:
    """Back up the open database now.

    ``out``: write exactly that file (no rotation, no second folder).
    Otherwise a regular backup in ``folder`` (default: the backups folder),
    rotated, and copied to the second folder when one is set (``second``:
    True = the setting, a Path = that folder, None/False = none).
    Raises BackupError when the main copy fails; a failure in the second
    folder is returned in ``second_error``.
    """
    if actor is not SYSTEM:
        require(actor, "backup.manage")
    source = _source()
    if out is not None:
        target = Path(out).expanduser()
        if target.exists() and target.is_dir():
            raise BackupError(tr("'{path}' adalah folder; sebutkan nama berkas cadangan.").format(path=target))
        if target.resolve() == current_database_path().resolve():
            raise BackupError(tr("'{path}' adalah basis data yang sedang dipakai; pilih berkas lain untuk "
                                 "cadangan.").format(path=target))
        return BackupResult(_verified_copy(source, target))
    when = now or _now()
    folder = folder or paths.backup_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            tr("Folder cadangan '{path}' tidak dapat dibuat: {err}").format(path=folder, err=exc)
        ) from exc
    info = _verified_copy(source, _free_name(folder, REGULAR_PREFIX, when))
    log.get("backup").info("cadangan dibuat: %s (%s byte)", info.path, info.size)
    result = BackupResult(info)
    result.removed = rotate(folder)
    if second is True:
        second = second_folder()
    if second:
        result.second_path, result.second_error = _copy_to_second(info, Path(second))
    return result


def _copy_to_second(info: BackupInfo, folder: Path) -> tuple[Path | None, str | None]:
    """Copy a verified backup into the second folder; (path, None) or (None, message)."""
    try:
        if not folder.is_dir():
            return None, tr(
                "Folder cadangan kedua '{path}' tidak ditemukan (disk USB belum dipasang atau jaringan "
                "terputus?). Cadangan hanya tersimpan di folder utama."
            ).format(path=folder)
        target = folder / info.path.name
        part = target.with_name(target.name + ".part")
        shutil.copyfile(info.path, part)
        os.replace(part, target)
        copied = inspect_backup(target, full=True)
        if not copied.sound:
            target.unlink(missing_ok=True)
            return None, tr("Salinan di folder cadangan kedua '{path}' rusak saat ditulis dan telah dihapus.").format(
                path=folder)
        rotate(folder)
        return target, None
    except OSError as exc:
        return None, tr("Gagal menyalin cadangan ke folder kedua '{path}': {err}").format(path=folder, err=exc)


def backed_up_today(folder: Path | None = None, today: dt.date | None = None) -> bool:
    folder = folder or paths.backup_dir()
    today = today or dt.date.today()
    if not folder.is_dir():
        return False
    return any(
        (stamp_of(p) or dt.datetime.min).date() == today for p in folder.glob(f"{REGULAR_PREFIX}*{SUFFIX}")
    )


def database_is_open() -> bool:
    """True while this process has the database open (the window's close backup needs it)."""
    db = database.obj
    return db is not None and not db.is_closed()


def backup_if_due(*, now: dt.datetime | None = None, folder: Path | None = None) -> BackupResult | None:
    """The automatic backup on close: at most once a day. None when not due, and
    when the open database was found damaged (read-only): a copy of it would fail
    its check, and must never push a sound backup out of the rotation."""
    from balai_app.db.connection import read_only_reason

    if read_only_reason() is not None:
        return None
    when = now or _now()
    if backed_up_today(folder, when.date()):
        return None
    return create_backup(SYSTEM, now=when, folder=folder)


# --- restore ----------------------------------------------------------------------------------


def _safety_copy(db_path: Path, folder: Path, when: dt.datetime) -> Path | None:
    """Keep the current database before it is replaced.

    A readable database is copied with the backup API; a damaged one is
    copied byte for byte (with its -wal), so that nothing is ever lost.
    """
    if not db_path.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    check = integrity.check_file(db_path, quick=True, foreign_keys=False)
    if not check.damaged:
        target = _free_name(folder, SAFETY_PREFIX, when)
        try:
            backup_to(db_path, target)
            return target
        except sqlite3.Error:
            target.unlink(missing_ok=True)
    target = _free_name(folder, DAMAGED_PREFIX, when)
    _close_own_connection(db_path)
    shutil.copyfile(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def _close_own_connection(db_path: Path) -> None:
    """Close this process's connection to a damaged ``db_path`` before its file is copied or
    replaced: it must not outlive the file (it would go on writing into the replaced one), and
    copying the file outside SQLite drops the connection's locks anyway. peewee reconnects to
    the new file on next use."""
    db = database.obj
    if db is not None and not db.is_closed() and Path(db.database).resolve() == db_path.resolve():
        db.close()


def _page_size(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA page_size").fetchone()[0]


STAGING_MARK = ".pulih."


def _staging_path(db_path: Path) -> Path:
    """This process's staging copy of a restore (the pid tells a crashed restore's leftover
    from one still running in another window)."""
    return db_path.with_name(f"{db_path.name}{STAGING_MARK}{os.getpid()}.part")


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_staging(db_path: Path) -> list[Path]:
    """Remove staging copies left by a restore that crashed (``<db>.pulih.<pid>.part`` of a
    process that no longer runs, and the older ``<db>.pulih.part``). Returns what went."""
    removed = []
    try:
        candidates = list(db_path.parent.glob(f"{glob_escape(db_path.name)}{STAGING_MARK}*part*"))
    except OSError:
        return removed
    for path in candidates:
        middle = path.name[len(db_path.name) + len(STAGING_MARK):]
        pid_text = middle.split(".", 1)[0]
        if pid_text.isdigit() and _process_alive(int(pid_text)):
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _stage(source: Path, db_path: Path, actor: Actor, info: BackupInfo, safety: Path | None) -> Path:
    """A private copy of the backup, migrated to this program's schema, with the restore
    already recorded in its audit trail: the switch then brings data and record together
    (a crash can never leave a restored database without the record of its restore)."""
    from peewee import SqliteDatabase

    staging = _staging_path(db_path)
    staging.unlink(missing_ok=True)
    backup_to(source, staging)
    db = SqliteDatabase(str(staging), pragmas={"foreign_keys": 1, "busy_timeout": 15000}, timeout=15)
    db.connect()
    try:
        version = db.execute_sql("PRAGMA user_version").fetchone()[0]
        if version < migrations.latest_version():
            migrations.run(db, version)
        if db_path.exists():
            live = sqlite3.connect(str(db_path), timeout=15)
            try:
                wanted = _page_size(live)
            except sqlite3.Error:
                wanted = None
            finally:
                live.close()
            if wanted and _page_size(db.connection()) != wanted:  # a WAL destination needs the same page size
                db.execute_sql(f"PRAGMA page_size = {int(wanted)}")
                db.execute_sql("VACUUM")
        with db.atomic("IMMEDIATE"):
            user_id = actor.user_id
            if user_id is not None and not db.execute_sql('SELECT 1 FROM "user" WHERE id = ?', (user_id,)).fetchone():
                user_id = None
            changes = {"berkas": ["", str(info.path)], "salinan_pengaman": ["", str(safety or "")]}
            audit.append_events(db.cursor(), [audit.NewEvent(
                user_id, actor.username, "restore", "database", None,
                tr("dipulihkan dari cadangan {date}").format(date=info.taken_at.strftime("%d/%m/%Y %H:%M")),
                audit.changes_json(changes))])
    finally:
        db.close()
    return staging


def _copy_into(staging: Path, db_path: Path) -> None:
    """Replace the content of ``db_path`` with the prepared ``staging`` copy, in one step.

    A sound current database is overwritten through the backup API, which
    takes SQLite's locks (another window of the program waits, then sees the
    restored data) and writes all pages in one transaction. A damaged or
    missing one is replaced as a file (an atomic rename).
    """
    live_ok = db_path.exists() and not integrity.check_file(db_path, quick=True, foreign_keys=False).damaged
    if live_ok:
        dst = sqlite3.connect(str(db_path), timeout=15)
        try:
            dst.execute("PRAGMA busy_timeout = 15000")
            src = sqlite3.connect(str(staging))
            try:
                src.backup(dst)
            finally:
                src.close()
        finally:
            dst.close()
        staging.unlink(missing_ok=True)
    else:
        _close_own_connection(db_path)
        for extra in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + extra).unlink(missing_ok=True)
        os.replace(staging, db_path)
    from peewee import SqliteDatabase

    db = SqliteDatabase(str(db_path), pragmas=PRAGMAS, timeout=15)  # WAL again, as every open sets it
    db.connect()
    db.close()


def restore_backup(
    actor: Actor,
    source: str | os.PathLike[str],
    *,
    db_path: str | os.PathLike[str] | None = None,
    folder: Path | None = None,
    now: dt.datetime | None = None,
) -> RestoreResult:
    """Restore ``source`` over the database (default: the program's database).

    Refused (RestoreRefused) unless the file is a sound Balai database of
    this schema or an older one. The current database is kept first as
    ``sebelum-pemulihan-*.sqlite`` (or ``rusak-*`` when damaged) in the
    backups folder.
    """
    require(actor, "backup.restore")
    source = Path(source).expanduser()
    db_path = Path(db_path) if db_path else current_database_path()
    if source.exists() and db_path.exists() and source.resolve() == db_path.resolve():
        raise RestoreRefused(tr("Berkas yang dipilih adalah basis data yang sedang dipakai, bukan cadangan."))
    info = inspect_backup(source, full=True)
    if not info.sound:
        raise RestoreRefused(
            tr("Berkas '{name}' tidak dapat dipulihkan: {problems}").format(
                name=source.name, problems="; ".join(info.problems[:3]))
        )
    when = now or _now()
    try:
        safety = _safety_copy(db_path, folder or paths.backup_dir(), when)
    except (OSError, sqlite3.Error) as exc:
        raise BalaiError(
            tr("Pemulihan dibatalkan: salinan pengaman basis data sekarang gagal dibuat ({err}).").format(err=exc)
        ) from exc
    staging = None
    try:
        staging = _stage(source, db_path, actor, info, safety)
        _copy_into(staging, db_path)
    except (OSError, sqlite3.Error, peewee.DatabaseError) as exc:
        if staging is not None:
            staging.unlink(missing_ok=True)
        raise BalaiError(
            tr("Pemulihan gagal: {err}. Basis data sebelumnya tersimpan di '{safety}'.").format(err=exc, safety=safety)
        ) from exc
    log.get("backup").info("dipulihkan dari %s ke %s; salinan pengaman %s", info.path, db_path, safety)
    after = integrity.check_file(db_path, quick=True, foreign_keys=False)
    if after.damaged:
        raise BalaiError(
            tr("Pemulihan selesai tetapi pemeriksaan gagal: {p}. "
               "Basis data sebelumnya tersimpan di '{safety}'.").format(
                p="; ".join(after.problems[:3]), safety=safety)
        )
    return RestoreResult(info, safety)


# --- start-up -------------------------------------------------------------------------------------


@dataclass
class StartupState:
    path: Path
    damaged: bool = False
    problems: list[str] = field(default_factory=list)
    newest_backup: BackupInfo | None = None
    network_warning: str | None = None

    @property
    def message(self) -> str:
        text = tr("Basis data '{path}' rusak dan tidak dibuka agar tidak bertambah rusak.").format(path=self.path)
        detail = "\n".join(f"- {p}" for p in self.problems[:5])
        if self.newest_backup:
            b = self.newest_backup
            offer = tr("Cadangan sehat terbaru: {date} ({res} PM, {cert} sertifikat).").format(
                date=b.taken_at.strftime("%d/%m/%Y %H:%M"), res=b.residents, cert=b.certificates)
        else:
            offer = tr("Tidak ada cadangan sehat di folder cadangan. Hubungi petugas TI; jangan hapus berkas ini.")
        return f"{text}\n{detail}\n\n{offer}"


def startup_state(
    db_path: str | os.PathLike[str] | None = None, *, extra_folders: list[Path] | None = None,
    full: bool = False,
) -> StartupState:
    """The check before the database is opened for writing: ``quick_check`` (the
    window, which runs the full check in the background right after opening), or
    with ``full`` the complete ``integrity_check`` that also compares every index
    with its table (the command line, before any command reads or writes)."""
    db_path = Path(db_path) if db_path else paths.database_path()
    state = StartupState(db_path, network_warning=integrity.one_pc_warning(db_path))
    clean_stale_staging(db_path)  # a restore that crashed must not leave its copy behind
    if not db_path.exists() or db_path.stat().st_size == 0:
        return state  # a new installation (or an empty file the set-up wizard may fill): nothing to check
    check = integrity.check_file(db_path, quick=not full, foreign_keys=False)
    if check.damaged:
        state.damaged = True
        state.problems = check.problems
        folders = [paths.backup_dir(), *(extra_folders or [])]
        second = _second_folder_of_damaged(db_path)
        if second is not None:
            folders.append(second)
        state.newest_backup = newest_sound_backup(folders)
    return state


def _second_folder_of_damaged(db_path: Path) -> Path | None:
    """The second backup folder as set in a damaged database, when that part still reads."""
    try:
        conn = integrity.readonly_connect(db_path)
        try:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (SETTING_SECOND_FOLDER,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return Path(row[0]) if row and row[0] else None


def refuse_if_damaged(db_path: str | os.PathLike[str] | None = None) -> None:
    """For the command line: raise (with what to do) instead of opening a damaged database.

    The full integrity check runs here (about 0.5 s at 50,000 PMs on a loaded 2-core
    machine): a file whose indexes disagree with its tables gives wrong answers and must
    not be written to, and a command has no window in which to show a later warning."""
    state = startup_state(db_path, full=True)
    if state.damaged:
        hint = tr("Pulihkan dengan: balai-app --db \"{db}\" restore \"{file}\"").format(
            db=state.path, file=state.newest_backup.path if state.newest_backup else tr("BERKAS-CADANGAN"))
        raise BalaiError(f"{state.message}\n{hint}")
