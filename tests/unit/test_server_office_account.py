"""What only the owner account may do on the server is refused to an office PC's account
before anything is tried, in Indonesian, with nothing changed (issue 16).

Restoring a backup into the server and moving a balai onto an empty server create or
replace the Balai tables: PostgreSQL would refuse half-way with "must be owner of table"
(an unexpected error in English); the program says whom to ask instead.
"""

from __future__ import annotations

import pytest

import pg_engine
from balai_app.db import transfer
from balai_app.db.connection import close_database, open_database


@pytest.mark.postgresql_only
def test_an_office_account_restoring_into_the_server_is_told_to_use_the_owner(db, db_path, make_resident, system,
                                                                             tmp_path, isolated_paths):
    from balai_app.db.models import Resident
    from balai_app.services import backup, server_backup

    make_resident(name="Sebelum Cadangan")
    copy = backup.create_backup(system, out=tmp_path / "cadangan.sqlite").info.path
    make_resident(name="Sesudah Cadangan")
    close_database()
    open_database(pg_engine.as_app_user(db_path))
    before = sorted((isolated_paths / "backups").glob("*.sqlite")) if (isolated_paths / "backups").exists() else []
    with pytest.raises(server_backup.ServerRestoreRefused) as refused:
        server_backup.restore_into_server(system, copy)
    assert "akun pemilik" in refused.value.message and "balai_pc" in refused.value.message
    assert "balai_admin" in refused.value.message and "Tidak ada yang diubah" in refused.value.message
    assert sorted(r.name for r in Resident.select()) == ["Sebelum Cadangan", "Sesudah Cadangan"]
    after = sorted((isolated_paths / "backups").glob("*.sqlite")) if (isolated_paths / "backups").exists() else []
    assert after == before, "no safety copy is made for a restore that cannot happen"


@pytest.mark.postgresql_only
def test_the_database_layer_refuses_an_office_accounts_restore_itself(db, db_path, make_resident, system, tmp_path):
    """``replace_server_contents`` checks the owner on its own (its caller's check is not assumed)."""
    from balai_app.db.models import Resident
    from balai_app.services import backup

    make_resident(name="Tetap Ada")
    copy = backup.create_backup(system, out=tmp_path / "cadangan.sqlite").info.path
    close_database()
    office = open_database(pg_engine.as_app_user(db_path))
    source = transfer.open_new_sqlite(copy)
    try:
        with pytest.raises(transfer.TransferError, match="akun pemilik"):
            transfer.replace_server_contents(office, source)
    finally:
        source.close()
    assert [r.name for r in Resident.select()] == ["Tetap Ada"]


@pytest.mark.postgresql_only
def test_an_office_account_cannot_fill_an_empty_server_and_is_told_so(pg_empty_database, tmp_path):
    from balai_app.services import server_move
    from balai_app.services.context import SYSTEM

    with pg_engine.admin_connection() as conn:  # a balai's empty database, where office accounts may connect
        name = pg_empty_database.rpartition("/")[2]
        conn.execute(f'GRANT CONNECT ON DATABASE "{name}" TO balai_pengguna')
    source = tmp_path / "balai.sqlite"
    open_database(source)
    try:
        with pytest.raises(server_move.MoveError) as refused:
            server_move.move_database(SYSTEM, pg_engine.as_app_user(pg_empty_database))
    finally:
        close_database()
    assert "akun pemilik" in refused.value.message and "balai_pc" in refused.value.message
    from balai_app.db.connection import connect_server

    owner = connect_server(pg_empty_database)
    try:
        assert transfer.is_empty(owner), "nothing was created in the target"
    finally:
        owner.close()
