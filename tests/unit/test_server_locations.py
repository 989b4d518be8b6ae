"""A server address is never turned into a file path (issue 16).

``Path("postgresql://…")`` folds ``//`` into a folder named ``postgresql:``; the name of a
server database is not a file in the working folder either. Backups, logs and signing keys
of a server database go to the data folder, and nothing at all appears in the folder the
program was started from.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support.inprocess import invoke


def _everything_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.postgresql_only
def test_database_path_refuses_a_server_address_from_db_option_and_environment(db_path, monkeypatch):
    from balai_app import paths

    paths.set_database_path(db_path)
    with pytest.raises(paths.ServerDatabase):
        paths.database_path()
    assert paths.database_location() == db_path
    paths.set_database_path(None)
    monkeypatch.setenv("BALAI_DB", db_path)
    with pytest.raises(paths.ServerDatabase):
        paths.database_path()
    assert paths.database_location() == db_path and paths.database_is_on_server()


@pytest.mark.postgresql_only
def test_the_open_server_database_has_no_file(db, db_path, tmp_path, monkeypatch):
    from balai_app import paths
    from balai_app.services import backup_files

    monkeypatch.chdir(tmp_path)
    with pytest.raises(paths.ServerDatabase):
        backup_files.current_database_path()  # was Path("<dbname>"): a file in the working folder


@pytest.mark.postgresql_only
def test_an_address_folded_into_a_path_is_refused_and_no_file_is_made(db_path, tmp_path, monkeypatch):
    from balai_app.db.connection import DatabaseError, open_database

    work = tmp_path / "kerja"
    work.mkdir()
    monkeypatch.chdir(work)
    with pytest.raises(DatabaseError, match="alamat server"):
        open_database(Path(db_path))
    assert _everything_under(work) == []


@pytest.mark.postgresql_only
def test_backups_logs_and_keys_of_a_server_database_go_to_the_data_folder(db_path, tmp_path, isolated_paths,
                                                                          monkeypatch):
    """Every command that derives a place from the database, run from an empty working folder:
    its files are in the data folder, and the working folder stays empty."""
    from balai_app.services import backup_steps

    work = tmp_path / "kerja"
    work.mkdir()
    monkeypatch.chdir(work)
    for command in (("partners", "add", "--name", "Bank Permata", "--kind", "perusahaan"),
                    ("backup",), ("check",), ("residents", "list")):
        result = invoke("--db", db_path, *command)
        assert result.returncode == 0, (command, result.stderr)
    backups = isolated_paths / "backups"
    made = sorted(p.name for p in backups.glob("*.sqlite"))
    assert len(made) == 1, made
    assert list((isolated_paths / "keys").glob("certificate-signing-*.pem")), "the signing key is in the data folder"
    assert (isolated_paths / "logs" / "balai.log").is_file()
    assert db_path in (isolated_paths / "logs" / "balai.log").read_text(encoding="utf-8")

    # A busy server database: the message names no restore file (a server has none) and looks
    # for none next to a "file" named after the address.
    from support.lock_holder import hold

    holder = hold(db_path, "write")
    try:
        busy = invoke("--db", db_path, "partners", "add", "--name", "LKS Harapan", "--kind", "lks",
                      env={"BALAI_BUSY_TIMEOUT": "0.2"})
    finally:
        holder.release()
    assert busy.returncode == 1 and "sedang dipakai" in busy.stderr, busy.stderr

    # The daily backup left unfinished (a window closed mid-backup) is finished at the next start
    # through the program's own layer, into the backups folder.
    from balai_app import paths
    from balai_app.db.connection import close_database, open_database

    (backups / backup_steps.PENDING).write_text("tertunda\n", encoding="utf-8")
    paths.set_database_path(db_path)
    open_database(db_path)
    try:
        resumed = backup_steps.resume_pending()
    finally:
        close_database()
    assert resumed is not None and resumed.info.path.parent == backups
    assert not backup_steps.pending(backups)
    assert resumed.info.path.is_file() and resumed.info.sound
    assert _everything_under(work) == [], "nothing in the working folder (no 'postgresql:' folder, no db-name file)"
    assert not any(part.startswith("postgres") for p in isolated_paths.rglob("*") for part in p.parts[-1:]), \
        "no file or folder named after the server address"


def test_a_local_database_keeps_its_file(tmp_path, monkeypatch):
    """The same calls for a SQLite database still name its file."""
    from balai_app import paths

    target = tmp_path / "b.sqlite"
    paths.set_database_path(target)
    assert paths.database_path() == target.resolve()
    paths.set_database_path(None)
    monkeypatch.setenv("BALAI_DB", str(target))
    assert paths.database_path() == target.resolve()
    monkeypatch.delenv("BALAI_DB")
    assert paths.database_path() == paths.local_database_path() == Path(os.environ["BALAI_DATA_DIR"]) / "balai.sqlite"
