"""Backups: verified copies, rotation, second folder, restore refusals, start-up check."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from balai_app.domain import backup_rotation
from balai_app.domain.errors import BalaiError, PermissionDenied
from balai_app.services import backup, backup_files, backup_restore, backup_startup, integrity
from balai_app.services.context import Actor

ADMIN = Actor(1, "admin", "admin")
STAF = Actor(2, "staf", "staf")


def corrupt(path: Path, *, offset: int = 4096 * 3, length: int = 4096 * 4) -> None:
    """Overwrite pages in the middle of a (closed, checkpointed) database file."""
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xde\xad\xbe\xef" * (length // 4))


@pytest.fixture
def filled(db, make_resident):
    for _ in range(30):
        make_resident()
    return Path(db.database)


def test_backup_is_a_verified_copy_with_counts(filled, system, isolated_paths):
    result = backup.create_backup(system, now=dt.datetime(2026, 11, 24, 9, 30, 0))
    info = result.info
    assert info.path.parent == isolated_paths / "backups"
    assert info.path.name == "balai-20261124-093000.sqlite"
    assert info.sound and info.checked
    assert (info.residents, info.certificates, info.taken_at) == (30, 0, dt.datetime(2026, 11, 24, 9, 30))
    # A second backup in the same second gets its own name.
    again = backup.create_backup(system, now=dt.datetime(2026, 11, 24, 9, 30, 0))
    assert again.info.path.name == "balai-20261124-093000-2.sqlite"


def test_backup_that_fails_its_check_is_deleted_and_reported(filled, system, monkeypatch):
    real = backup.backup_to

    def damaging_backup_to(source, target):
        real(source, target)
        corrupt(target, offset=4096 * 2, length=4096 * 6)
        return target

    monkeypatch.setattr(backup, "backup_to", damaging_backup_to)
    with pytest.raises(backup.BackupError, match="tidak lolos pemeriksaan"):
        backup.create_backup(system, out=filled.parent / "x.sqlite")
    assert not (filled.parent / "x.sqlite").exists()


@pytest.mark.sqlite_only
def test_backup_out_writes_exactly_that_file(filled, system, tmp_path):
    result = backup.create_backup(system, out=tmp_path / "usb" / "salinan.sqlite")
    assert result.info.path == tmp_path / "usb" / "salinan.sqlite" and result.info.sound
    with pytest.raises(backup.BackupError, match="folder"):
        backup.create_backup(system, out=tmp_path)
    before = filled.read_bytes()
    with pytest.raises(backup.BackupError, match="sedang dipakai"):
        backup.create_backup(system, out=filled)
    assert filled.read_bytes() == before


def test_second_folder_gets_a_checked_copy(filled, system, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_second_folder(system, usb)
    assert backup.second_folder() == usb
    result = backup.create_backup(system)
    assert result.second_error is None
    assert result.second_path == usb / result.info.path.name
    assert integrity.check_file(result.second_path).sound


def test_missing_second_folder_is_reported_never_silent(filled, system, tmp_path):
    backup.set_second_folder(system, tmp_path / "usb-not-plugged-in")
    result = backup.create_backup(system)
    assert result.info.path.exists()  # the main backup is made anyway
    assert result.second_path is None
    assert "tidak ditemukan" in result.second_error and "usb-not-plugged-in" in result.second_error


def test_second_folder_must_be_absolute_and_needs_permission(filled, system):
    with pytest.raises(BalaiError, match="lokasi lengkap"):
        backup.set_second_folder(system, "relatif/folder")
    with pytest.raises(PermissionDenied):
        backup.set_second_folder(STAF, "/tmp")


def test_on_close_backup_at_most_once_a_day(filled, isolated_paths):
    day = dt.datetime(2026, 11, 24, 17, 0, 0)
    assert backup.backup_if_due(now=day) is not None
    assert backup.backup_if_due(now=day + dt.timedelta(hours=1)) is None
    assert backup.backup_if_due(now=day + dt.timedelta(days=1)) is not None
    assert len(list((isolated_paths / "backups").glob("balai-*.sqlite"))) == 2


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    start = dt.datetime(2025, 1, 1, 16, 0)
    stamps = [start + dt.timedelta(days=n, minutes=m) for n in range(500) for m in (0, 30)]
    kept = backup_rotation.choose_kept(stamps, backup_rotation.Rotation())
    newest = max(stamps)
    days = sorted({k.date() for k in kept}, reverse=True)
    # The newest of each of the last 7 days ...
    for n in range(7):
        assert newest.replace(minute=30) - dt.timedelta(days=n) in kept
    # ... one per week for 4 weeks and one per month for 12 months, nothing else.
    months = {(k.year, k.month) for k in kept}
    assert len(months) == 12
    assert all(sum(1 for k in kept if k.date() == d) == 1 for d in days)
    assert len(kept) <= 7 + 4 + 12
    assert min(kept) >= newest - dt.timedelta(days=366)


def test_rotate_deletes_only_regular_backups(tmp_path):
    start = dt.datetime(2026, 1, 1, 16, 0)
    for n in range(60):
        (tmp_path / f"balai-{start + dt.timedelta(days=n):%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
    (tmp_path / "sebelum-pemulihan-20250101-100000.sqlite").write_bytes(b"x")
    (tmp_path / "sebelum-migrasi-v1-20250101-100000.sqlite").write_bytes(b"x")
    removed = backup.rotate(tmp_path, backup_rotation.Rotation(daily=7, weekly=4, monthly=12))
    left = sorted(p.name for p in tmp_path.iterdir())
    assert "sebelum-pemulihan-20250101-100000.sqlite" in left and "sebelum-migrasi-v1-20250101-100000.sqlite" in left
    assert len(removed) == 60 - (len(left) - 2)
    assert 7 <= len(left) - 2 <= 7 + 4 + 2


@pytest.mark.sqlite_only
def test_restore_refuses_files_that_are_not_sound_balai_databases(filled, system, tmp_path):
    text = tmp_path / "catatan.sqlite"
    text.write_text("bukan basis data", encoding="utf-8")
    empty = tmp_path / "kosong.sqlite"
    empty.write_bytes(b"")
    other = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE foo (x)")
    conn.commit()
    conn.close()
    newer = backup.create_backup(system, out=tmp_path / "baru.sqlite").info.path
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    damaged = backup.create_backup(system, out=tmp_path / "rusak.sqlite").info.path
    corrupt(damaged, offset=4096 * 2, length=4096 * 6)

    cases = {
        text: "bukan basis data SQLite",
        empty: "kosong",
        other: "bukan basis data Balai",
        newer: "versi Balai yang lebih baru",
        damaged: "",
        tmp_path / "tidak-ada.sqlite": "tidak ditemukan",
        filled: "sedang dipakai",
    }
    before = filled.read_bytes()
    for path, words in cases.items():
        with pytest.raises(BalaiError) as info:
            backup_restore.restore_backup(system, path, db_path=filled)
        assert words in info.value.message, (path, info.value.message)
    assert filled.read_bytes() == before
    assert not list((filled.parent / "userdata" / "backups").glob("sebelum-pemulihan-*"))


@pytest.mark.sqlite_only  # a file over a file; a server's restore: tests/cli/test_move_cli.py
def test_restore_needs_the_restore_permission(filled, system, tmp_path):
    copy = backup.create_backup(system, out=tmp_path / "c.sqlite").info.path
    with pytest.raises(PermissionDenied):
        backup_restore.restore_backup(STAF, copy, db_path=filled)
    backup_restore.restore_backup(ADMIN, copy, db_path=filled)  # an admin may; the audit row has no user 1 here
    conn = sqlite3.connect(filled)
    row = conn.execute("SELECT user_id, username, action FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert row == (None, "admin", "restore")


def _damaged_database(filled: Path, system) -> None:
    from balai_app.db.connection import close_database

    close_database()
    corrupt(filled)


@pytest.mark.sqlite_only
def test_startup_finds_damage_and_offers_the_newest_sound_backup(filled, system, isolated_paths):
    good = backup.create_backup(system, now=dt.datetime(2026, 11, 20, 8, 0)).info.path
    bad = backup.create_backup(system, now=dt.datetime(2026, 11, 21, 8, 0)).info.path
    corrupt(bad, offset=4096 * 2, length=4096 * 6)
    healthy = backup_startup.startup_state(filled)
    assert not healthy.damaged and healthy.network_warning is None
    _damaged_database(filled, system)
    state = backup_startup.startup_state(filled)
    assert state.damaged and state.problems
    assert state.newest_backup.path == good  # the newer one is damaged itself
    assert "rusak" in state.message and "20/11/2026 08:00" in state.message and "30 PM" in state.message


@pytest.mark.sqlite_only
def test_restore_over_a_damaged_database_keeps_the_damaged_file(filled, system, isolated_paths):
    good = backup.create_backup(system).info.path
    _damaged_database(filled, system)
    damaged_bytes = filled.read_bytes()
    result = backup_restore.restore_backup(system, good, db_path=filled)
    assert result.safety_copy.name.startswith("rusak-")
    assert result.safety_copy.read_bytes() == damaged_bytes
    check = integrity.check_file(filled)
    assert check.sound and check.residents == 30
    assert not backup_startup.startup_state(filled).damaged


def test_startup_of_a_new_installation_is_fine(tmp_path):
    state = backup_startup.startup_state(tmp_path / "belum-ada.sqlite")
    assert not state.damaged


@pytest.mark.sqlite_only
def test_check_reports_broken_references(filled):
    from balai_app.db.connection import close_database

    close_database()
    conn = sqlite3.connect(filled)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("INSERT INTO service_record (resident_id, date, kind, description, staff, created_at, updated_at, "
                 "version) VALUES (999, '2026-01-01', 'terapi', 'x', 'y', '2026-01-01', '2026-01-01', 1)")
    conn.commit()
    conn.close()
    result = integrity.check_file(filled)
    assert result.damaged
    assert any("service_record" in p and "resident" in p for p in result.problems)
    assert integrity.check_file(filled, foreign_keys=False).sound


@pytest.mark.sqlite_only
def test_list_backups_newest_first(filled, system):
    backup.create_backup(system, now=dt.datetime(2026, 11, 1, 8, 0))
    backup.create_backup(system, now=dt.datetime(2026, 11, 2, 8, 0))
    shutil.copy(filled, filled.parent / "userdata" / "backups" / "tanpa-tanggal.sqlite")
    infos = backup_files.list_backups()
    names = [i.path.name for i in infos]
    assert names.index("balai-20261102-080000.sqlite") < names.index("balai-20261101-080000.sqlite")
    assert all(i.residents == 30 for i in infos if i.path.name.startswith("balai-"))


MOUNTS = """\
sysfs /sys sysfs rw,nosuid 0 0
/dev/sda1 / ext4 rw,relatime 0 0
//nas/balai /mnt/kantor cifs rw,vers=3.0 0 0
nas:/export /srv/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/kantor/lokal ext4 rw 0 0
/dev/sdc1 /media/USB\\040Disk vfat rw 0 0
"""


@pytest.mark.parametrize("path, network", [
    ("/mnt/kantor/balai.sqlite", True),
    ("/srv/nfs/data/balai.sqlite", True),
    ("/mnt/kantor/lokal/balai.sqlite", False),  # a local disk mounted inside the share
    ("/home/staf/balai.sqlite", False),
    ("/media/USB Disk/balai.sqlite", False),
    ("/mnt/kantorlain/balai.sqlite", False),
])
def test_network_drive_detection_on_linux(path, network):
    found = integrity.network_location(path, platform="linux", mounts_text=MOUNTS)
    assert bool(found) is network, found


def test_network_drive_detection_on_windows():
    types = {"C:\\": 3, "Z:\\": integrity.DRIVE_REMOTE}

    def detect(path):
        return integrity.network_location(path, platform="win32", drive_type=lambda root: types[root])
    assert "jaringan" in detect(r"\\server\share\balai.sqlite")
    assert "jaringan" in detect("//server/share/balai.sqlite")
    assert "Z:" in detect(r"Z:\Balai\balai.sqlite")
    assert "Z:" in detect(r"z:\Balai\balai.sqlite")
    assert detect(r"C:\Users\staf\AppData\Local\Balai\balai.sqlite") is None
    warning = integrity.one_pc_warning(r"Z:\b.sqlite", platform="win32", drive_type=lambda root: types[root])
    assert "SATU PC" in warning


@pytest.mark.sqlite_only
def test_startup_also_looks_in_the_second_folder(filled, system, tmp_path, isolated_paths):
    """The PC's own backups are gone too (same disk); the copy on the USB disk is offered."""
    from balai_app.db.connection import close_database

    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_second_folder(system, usb)
    made = backup.create_backup(system)
    assert made.second_path is not None
    made.info.path.unlink()
    close_database()
    conn = sqlite3.connect(filled)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'resident'").fetchone()[0]
    conn.close()
    corrupt(filled, offset=(root - 1) * page_size, length=page_size)  # the residents break, settings still read
    state = backup_startup.startup_state(filled)
    assert state.damaged
    assert state.newest_backup is not None and state.newest_backup.path == made.second_path


def _count_elsewhere(path: Path) -> int:
    import subprocess
    import sys

    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "print(c.execute('select count(*) from resident').fetchone()[0]); c.close()")
    return int(subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                              check=True).stdout)


@pytest.mark.sqlite_only
def test_checking_the_open_database_keeps_its_locks(filled, system, make_resident, tmp_path):
    """Checking (and restoring into) the database this process has open must not open its file
    outside SQLite: closing any descriptor drops the process's POSIX locks, and another process
    would then checkpoint and delete the WAL holding our later writes."""
    copy = backup.create_backup(system, out=tmp_path / "c.sqlite").info.path
    assert integrity.check_file(filled).sound  # the "Periksa basis data" button
    backup_restore.restore_backup(system, copy, db_path=filled)  # the restore dialog, window still open
    assert _count_elsewhere(filled) == 30  # another process opens and closes the database
    make_resident(name="Sesudah pemeriksaan")
    assert _count_elsewhere(filled) == 31, "a write after the check was lost to other processes"


@pytest.mark.sqlite_only
def test_restore_over_a_damaged_database_this_process_has_open(filled, system, make_resident, tmp_path):
    """Damaged while the window had it open: after the restore, this process writes into the
    restored file (seen by others), not into the replaced one."""
    from balai_app.db.connection import close_database, open_database

    copy = backup.create_backup(system, out=tmp_path / "c.sqlite").info.path
    close_database()
    conn = sqlite3.connect(filled)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'service_record'").fetchone()[0]
    conn.close()
    corrupt(filled, offset=(root - 1) * page_size, length=page_size)
    open_database(filled)  # still opens: the damage is in a table not read at start
    assert backup_startup.startup_state(filled).damaged
    result = backup_restore.restore_backup(system, copy, db_path=filled)
    assert result.safety_copy.name.startswith("rusak-")
    make_resident(name="Sesudah pemulihan")
    assert _count_elsewhere(filled) == 31
    assert integrity.check_file(filled).sound


@pytest.mark.sqlite_only
def test_a_restore_over_a_damaged_file_first_closes_the_workers_kept_connections(filled, system, tmp_path):
    """The register's search keeps its thread's connection while the person types; replacing
    the file asks every such worker to close it first (Windows cannot replace an open file)."""
    from balai_app.db.connection import close_database, open_database
    from balai_app.services import connections

    copy = backup.create_backup(system, out=tmp_path / "c.sqlite").info.path

    class Worker:
        damaged_when_asked: list[bool] = []  # was the file still the damaged one when asked?

        def release(self) -> None:
            self.damaged_when_asked.append(not integrity.check_file(filled).sound)

    worker = Worker()
    connections.keeps_connection(worker.release)
    close_database()
    conn = sqlite3.connect(filled)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'service_record'").fetchone()[0]
    conn.close()
    corrupt(filled, offset=(root - 1) * page_size, length=page_size)
    open_database(filled)
    backup_restore.restore_backup(system, copy, db_path=filled)
    assert worker.damaged_when_asked, "the worker was not asked to close its connection"
    assert worker.damaged_when_asked[0], "asked only after the file was replaced"
    assert integrity.check_file(filled).sound
