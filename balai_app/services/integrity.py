"""Is a database file sound? Read-only checks, and where the file lives.

Nothing here writes to the file it checks: files are opened read-only
(``mode=ro``), so a damaged database is examined without being touched.

- ``check_file``: SQLite header, ``PRAGMA integrity_check`` (or the faster
  ``quick_check``), ``PRAGMA foreign_key_check``, "is this a Balai database"
  and "is its schema newer than this program", plus the counts a person
  needs to recognise a backup (residents, certificates);
- ``network_location``: a database on a network drive (UNC path or mapped
  drive on Windows, nfs/cifs/smb mount on Linux) -- SQLite there is not safe
  for several PCs at once, so the program warns (the one-PC rule).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from balai_app.db import migrations
from balai_app.db.connection import CORE_TABLES, is_busy_error, read_only_reason, set_read_only
from balai_app.i18n import tr

# For the window (which never imports balai_app.db): the read-only switch and the busy test.
__all__ = ["CORE_TABLES", "FileCheck", "check_file", "readonly_connect", "one_pc_warning", "network_location",
           "is_busy_error", "read_only_reason", "set_read_only"]
MAX_LISTED_PROBLEMS = 20


@dataclass
class FileCheck:
    """The outcome of checking one database file (nothing was written to it)."""

    path: Path
    problems: list[str] = field(default_factory=list)  # damage: cannot open, integrity, foreign keys
    refusals: list[str] = field(default_factory=list)  # sound but not restorable here: not Balai, newer schema
    schema_version: int | None = None
    residents: int | None = None
    certificates: int | None = None

    @property
    def damaged(self) -> bool:
        return bool(self.problems)

    @property
    def sound(self) -> bool:
        """Undamaged and a Balai database this program can use."""
        return not self.problems and not self.refusals

    def messages(self) -> list[str]:
        return self.problems + self.refusals


def readonly_connect(path: Path) -> sqlite3.Connection:
    uri_path = urllib.parse.quote(str(path.resolve()).replace("\\", "/"), safe="/:")
    if not uri_path.startswith("/"):
        uri_path = "/" + uri_path  # Windows drive letter: file:///C:/...
    try:
        conn = sqlite3.connect(f"file:{uri_path}?mode=ro", uri=True, timeout=15)
    except sqlite3.Error:
        # e.g. a UNC path SQLite cannot take as a URI: a plain connection that refuses writes.
        conn = sqlite3.connect(str(path), timeout=15)
        conn.execute("PRAGMA query_only = 1")
    conn.execute("PRAGMA busy_timeout = 15000")
    return conn


def _limited(rows: list[str]) -> list[str]:
    if len(rows) <= MAX_LISTED_PROBLEMS:
        return rows
    extra = len(rows) - MAX_LISTED_PROBLEMS
    return rows[:MAX_LISTED_PROBLEMS] + [tr("... dan {n} masalah lain.").format(n=extra)]


def audit_findings(conn: sqlite3.Connection) -> list[str]:
    """Tampering with the audit trail or the certificates' revocations (read-only):
    a guard trigger missing, the first event where the hash chain breaks, a
    certificate whose status disagrees with the revocations the trail records."""
    from balai_app.domain.audit_chain import CONTENT_COLUMNS, first_break

    findings: list[str] = []
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < migrations.AUDIT_CHAIN_VERSION:  # before the chain: nothing to verify (opening upgrades it)
        return findings
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [name for name in migrations.AUDIT_TRIGGERS_SQLITE if name not in triggers]
    if missing:
        findings.append(tr("Pengaman jejak audit hilang (trigger {names} dihapus): jejak audit dapat diubah tanpa "
                           "terlihat.").format(names=", ".join(missing)))
    columns = ", ".join(f'"{c}"' for c in CONTENT_COLUMNS)
    broken = first_break(conn.execute(f'SELECT {columns}, prev_hash, hash FROM "audit_event" ORDER BY id'))
    if broken is not None:
        why = (tr("isinya diubah") if broken.reason == "hash"
               else tr("peristiwa sebelumnya dihapus atau disisipkan"))
        findings.append(tr("Rantai jejak audit putus pada peristiwa No. {id}: {why}.").format(id=broken.event_id, why=why))
    revoked_in_trail = {r[0] for r in conn.execute(
        "SELECT DISTINCT entity_id FROM audit_event WHERE action = 'revoke' AND entity = 'certificate'")}
    for cert_id, number, status in conn.execute('SELECT id, number, status FROM "certificate" ORDER BY id'):
        if cert_id in revoked_in_trail and status != "dicabut":
            findings.append(tr("Sertifikat {number} berstatus '{status}' padahal jejak audit mencatat "
                               "pencabutannya.").format(number=number, status=status))
        elif status == "dicabut" and cert_id not in revoked_in_trail:
            findings.append(tr("Sertifikat {number} berstatus dicabut tanpa catatan pencabutan di jejak audit.").format(
                number=number))
    return _limited(findings)


def check_file(
    path: str | os.PathLike[str], *, quick: bool = False, foreign_keys: bool = True, scan: bool = True,
    audit: bool = False,
) -> FileCheck:
    """Check a database file read-only. ``quick`` uses ``quick_check`` (start-up);
    ``scan=False`` skips the page scan entirely (listing many backups: header,
    schema and counts only); ``audit`` also verifies the audit chain, its guard
    triggers and the certificates' revocations (``check``)."""
    path = Path(path)
    result = FileCheck(path)
    if not path.exists():
        result.problems.append(tr("Berkas '{path}' tidak ditemukan.").format(path=path))
        return result
    if path.is_dir():
        result.problems.append(tr("'{path}' adalah folder, bukan berkas basis data.").format(path=path))
        return result
    # Never open() the file: it may be the database this process has open, and closing any
    # descriptor of it would drop SQLite's POSIX locks (another process could then delete the
    # WAL holding our writes). SQLite itself says when a file is not a database.
    try:
        if path.stat().st_size == 0:
            result.problems.append(tr("Berkas '{path}' kosong (0 bita).").format(path=path))
            return result
    except OSError as exc:
        result.problems.append(tr("Berkas '{path}' tidak dapat dibaca: {err}").format(path=path, err=exc))
        return result
    try:
        conn = readonly_connect(path)
    except sqlite3.Error as exc:
        result.problems.append(tr("Berkas '{path}' tidak dapat dibuka: {err}").format(path=path, err=exc))
        return result
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()] if scan else ["ok"]
        if rows != ["ok"]:
            result.problems.extend(
                _limited([tr("Kerusakan: {detail}").format(detail=row) for row in rows])
            )
            return result
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        result.schema_version = conn.execute("PRAGMA user_version").fetchone()[0]
        missing = [t for t in CORE_TABLES if t not in tables]
        if missing or not result.schema_version:
            result.refusals.append(
                tr("Berkas '{name}' bukan basis data Balai (tabel {tables} tidak ada).").format(
                    name=path.name, tables=", ".join(missing) or "-")
                if missing else
                tr("Berkas '{name}' bukan basis data Balai (versi skema tidak tercatat).").format(name=path.name)
            )
            return result
        latest = migrations.latest_version()
        if result.schema_version > latest:
            result.refusals.append(
                tr("Berkas '{name}' dibuat oleh versi Balai yang lebih baru (skema {v}, program ini mengenal "
                   "sampai {latest}). Perbarui program Balai terlebih dahulu.").format(
                    name=path.name, v=result.schema_version, latest=latest)
            )
        if foreign_keys:
            bad = conn.execute("PRAGMA foreign_key_check").fetchall()
            result.problems.extend(_limited([
                tr("Rujukan putus: tabel {table} baris {rowid} merujuk ke {parent} yang tidak ada.").format(
                    table=table, rowid=rowid, parent=parent)
                for table, rowid, parent, _fkid in bad
            ]))
        if audit:
            result.problems.extend(audit_findings(conn))
        result.residents = conn.execute("SELECT COUNT(*) FROM resident").fetchone()[0]
        result.certificates = conn.execute("SELECT COUNT(*) FROM certificate").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            result.problems.append(
                tr("Berkas '{path}' bukan basis data SQLite (kepala berkas rusak atau berkas lain).").format(path=path)
            )
        else:
            result.problems.append(tr("Basis data rusak: {err}").format(err=exc))
    finally:
        conn.close()
    return result


# --- a write-ahead log that nobody holds open -------------------------------------

SHM_DMS_BYTE = 128  # SQLite's "dead man switch" lock in the -shm file (unix and win32 VFS)


def _someone_has_it_open(shm: Path) -> bool:
    """True when a process holds SQLite's shared lock on the -shm file's DMS byte.

    Only call from a process that does not have this database open: closing our
    probe descriptor would drop this process's own POSIX locks on the -shm."""
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, SHM_DMS_BYTE, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]  # Windows only
            except OSError:
                return True
            os.lseek(fd, SHM_DMS_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]  # Windows only
            return False
        import fcntl

        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)


def stray_wal_warning(path: str | os.PathLike[str]) -> str | None:
    """A warning when a non-empty ``-wal`` lies next to a database that no process has
    open: SQLite merges it silently at the next open, and a WAL copied from another copy
    of the database would mix two databases. Run before the file is opened."""
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    try:
        if not wal.exists() or wal.stat().st_size == 0:
            return None
    except OSError:
        return None
    shm = path.with_name(path.name + "-shm")
    if shm.exists() and _someone_has_it_open(shm):
        return None
    return tr("Berkas '{wal}' ada di samping basis data, padahal tidak ada program yang sedang membukanya. Bisa "
              "jadi sisa program yang terhenti (SQLite akan memasukkannya saat dibuka), tetapi bila berkas itu "
              "berasal dari salinan lain, isinya dapat mencampur dua basis data. Jangan menyalin basis data "
              "beserta berkas -wal dari tempat lain; bila ragu, buat cadangan lalu periksa data, atau pulihkan "
              "dari cadangan.").format(wal=wal.name)


# --- network drives (the one-PC rule) ---------------------------------------

NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "fuse.sshfs", "fuse.smbnetfs", "davfs", "fuse.davfs2", "fuse.rclone", "lustre", "gpfs",
}
DRIVE_REMOTE = 4  # GetDriveTypeW


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]  # Windows only


def _linux_mount_fstype(path: Path, mounts_text: str) -> tuple[str, str] | None:
    """(mount point, fstype) of the longest mount point containing ``path``."""
    best: tuple[str, str] | None = None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        # /proc/mounts escapes spaces as \040
        mount_point = parts[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
        fstype = parts[2]
        prefix = mount_point.rstrip("/") + "/"
        if target == mount_point or target.startswith(prefix) or mount_point == "/":
            if best is None or len(mount_point) >= len(best[0]):
                best = (mount_point, fstype)
    return best


def network_location(
    path: str | os.PathLike[str],
    *,
    platform: str | None = None,
    drive_type: Callable[[str], int] | None = None,
    mounts_text: str | None = None,
) -> str | None:
    """A sentence explaining why ``path`` is on a network drive, else None.

    The keyword arguments let tests stand in for Windows or for /proc/mounts.
    """
    platform = platform or sys.platform
    raw = str(path)
    if platform == "win32":
        if raw.startswith(("\\\\", "//")):
            return tr("Basis data berada di folder jaringan ({path}).").format(path=raw)
        drive = os.path.splitdrive(raw)[0] if sys.platform == "win32" else raw[:2]
        if len(drive) == 2 and drive[1] == ":":
            getter = drive_type or _windows_drive_type
            try:
                kind = getter(drive.upper() + "\\")
            except (OSError, AttributeError):
                return None
            if kind == DRIVE_REMOTE:
                return tr("Basis data berada di drive jaringan {drive} ({path}).").format(drive=drive.upper(), path=raw)
        return None
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    if sys.platform == "win32":
        # Another system's path asked about on Windows (tests): taken as written, since
        # resolving it here would turn /mnt/... into C:\mnt\...
        resolved = PurePosixPath(raw)
    else:
        resolved = Path(raw).expanduser()
        try:
            resolved = resolved.resolve()
        except OSError:
            pass
    found = _linux_mount_fstype(resolved, mounts_text)
    if found and (found[1] in NETWORK_FILESYSTEMS or found[1].startswith(("nfs", "smb", "cifs"))):
        return tr("Basis data berada di folder jaringan ({fstype} di {mount}).").format(fstype=found[1], mount=found[0])
    return None


ONE_PC_RULE = (
    "SQLite di folder jaringan tidak aman bila dipakai beberapa PC sekaligus: data dapat rusak. "
    "Pakai basis data ini dari SATU PC saja, atau pindahkan ke disk lokal PC tersebut."
)


def one_pc_warning(path: str | os.PathLike[str], **kwargs) -> str | None:
    """The full warning to show for a database on a network drive, else None."""
    where = network_location(path, **kwargs)
    return f"{where} {tr(ONE_PC_RULE)}" if where else None
