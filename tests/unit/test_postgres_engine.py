"""The database engines: what must hold on PostgreSQL as on SQLite (issue 16).

Tests taking ``engine`` run on both engines (the one fixture parameter);
the server-only ones (privileges, addresses, server messages) ask for
``pg_database``/``pg_empty_database`` directly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from balai_app.db import dialect, migrations, server, transfer
from balai_app.db.connection import (
    DatabaseError,
    DatabaseTooNew,
    ServerUnavailable,
    close_database,
    open_database,
)


def test_qmark_sql_becomes_psycopg_placeholders():
    convert = server._qmark_to_format
    assert convert("SELECT * FROM t WHERE a = ? AND b = ?") == "SELECT * FROM t WHERE a = %s AND b = %s"
    assert convert("SELECT '?', x FROM t WHERE y LIKE ? ESCAPE '\\'") == "SELECT '?', x FROM t WHERE y LIKE %s ESCAPE '\\'"
    assert convert("SELECT strftime('%Y', d) FROM t WHERE a = ?") == "SELECT strftime('%%Y', d) FROM t WHERE a = %s"
    assert convert('SELECT "t1"."id" FROM "t" WHERE ("x" = %s) AND y LIKE ?') == \
        'SELECT "t1"."id" FROM "t" WHERE ("x" = %s) AND y LIKE %s'


@pytest.mark.parametrize("url, problem", [
    ("postgresql://balai:rahasia@server:5432/balai", "kata sandi"),
    ("postgresql://server:5432/balai", "PENGGUNA"),
    ("postgresql://balai@server:5432/", "BASISDATA"),
    ("postgresql://balai@server:port/balai", "Port"),
])
def test_server_address_is_checked_and_never_carries_a_password(url, problem):
    with pytest.raises(server.ServerError, match=problem):
        server.parse_url(url)


def test_server_address_parts():
    a = server.parse_url("postgresql://kantor@192.168.1.10:5433/balai_bekasi")
    assert (a.user, a.host, a.port, a.dbname) == ("kantor", "192.168.1.10", 5433, "balai_bekasi")
    assert server.parse_url("postgres://kantor@srv/balai").port == 5432
    assert "rahasia" not in server.parse_url("postgresql://kantor@srv/balai?sslmode=require").url


def test_newer_schema_is_refused_on_both_engines(db, db_path, engine):
    with db.atomic("IMMEDIATE"):
        dialect.set_schema_version(db, migrations.latest_version() + 1)
    close_database()
    with pytest.raises(DatabaseTooNew, match="lebih baru"):
        open_database(db_path)


def test_schema_version_is_latest_on_both_engines(db, engine):
    assert dialect.schema_version(db) == migrations.latest_version()
    assert "resident" in dialect.user_tables(db) and dialect.VERSION_TABLE not in dialect.user_tables(db)


def test_a_write_transaction_is_all_or_nothing_on_both_engines(db, make_resident, engine):
    from balai_app.db.connection import write_transaction
    from balai_app.db.models import Resident

    make_resident(name="Ada")
    with pytest.raises(RuntimeError), write_transaction():
        Resident.update(name="Diubah").execute()
        raise RuntimeError("power cut")
    assert [r.name for r in Resident.select()] == ["Ada"]


def test_server_database_with_other_tables_is_not_a_balai_database(pg_empty_database):
    psycopg = server.load_driver()

    a = server.parse_url(pg_empty_database)
    with psycopg.connect(host=a.host, port=a.port, user=a.user, dbname=a.dbname, autocommit=True) as conn:
        conn.execute("CREATE TABLE pelanggan (id int)")
    with pytest.raises(DatabaseError, match="bukan basis data Balai"):
        open_database(pg_empty_database)


def test_empty_server_database_is_set_up_only_when_asked(pg_empty_database):
    with pytest.raises(DatabaseError, match="masih kosong"):
        open_database(pg_empty_database, create=False)
    db = open_database(pg_empty_database)
    assert dialect.schema_version(db) == migrations.latest_version()
    close_database()


def _as(url: str, user: str):
    psycopg = server.load_driver()

    a = server.parse_url(url)
    return psycopg.connect(host=a.host, port=a.port, user=user, dbname=a.dbname, autocommit=True)


@pytest.mark.postgresql_only
def test_audit_trail_is_append_only_by_privilege_for_the_office_accounts(db, db_path, make_resident):
    psycopg = server.load_driver()

    assert dialect.is_postgres(db)
    make_resident(name="Siti")
    with _as(db_path, "balai_pc") as pc:  # an office PC's account, in balai_pengguna
        with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only|hash chain"):
            pc.execute("INSERT INTO audit_event (at, username, action, entity, summary, changes) "
                       "VALUES (now(), 'pc', 'login', '', '', '')")  # may insert, but only a chained event
        assert pc.execute("SELECT COUNT(*) FROM audit_event").fetchone()[0] == 1
        pc.execute("UPDATE resident SET notes = 'boleh' WHERE name = 'Siti'")  # ordinary tables: yes
        for sql in ("UPDATE audit_event SET summary = 'x'", "DELETE FROM audit_event", "TRUNCATE audit_event",
                    "UPDATE balai_schema SET version = 1"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                pc.execute(sql)
    with _as(db_path, "balai_admin") as owner:  # the owner: the triggers still refuse
        for sql in ("UPDATE audit_event SET summary = 'x'", "DELETE FROM audit_event", "TRUNCATE audit_event"):
            with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only"):
                owner.execute(sql)
        assert owner.execute("SELECT COUNT(*) FROM audit_event").fetchone()[0] == 1


def test_office_account_cannot_upgrade_the_schema_and_is_told_whom_to_ask(pg_empty_database, isolated_paths):
    import pg_engine

    db = open_database(pg_empty_database, migrate=False)
    with db.atomic("IMMEDIATE"):
        migrations.run(db, 0, until=1)
        dialect.ensure_server_objects(db)
    close_database()
    with pytest.raises(DatabaseError, match="pemilik basis data"):
        open_database(pg_engine.as_app_user(pg_empty_database))


def test_upgrade_of_a_server_database_is_backed_up_first_into_a_sqlite_file(pg_empty_database, isolated_paths,
                                                                         tmp_path):
    from balai_app.services import integrity

    db = open_database(pg_empty_database, migrate=False)
    with db.atomic("IMMEDIATE"):
        migrations.run(db, 0, until=1)
    db.execute_sql("INSERT INTO resident (nik_missing_reason, no_kk, name, sex, birth_place, klaster, disabilities, "
                   "religion, education, address, guardian_name, guardian_relation, guardian_phone, entry_date, "
                   "referral_source, status, exit_reason, notes, search_text, created_at, updated_at, version) "
                   "VALUES ('', '', 'Đặng', 'P', '', 'anak', '', '', '', '', '', '', '', '2026-01-05', '', 'aktif', "
                   "'', '', 'dang', now(), now(), 1)")
    close_database()
    backups = tmp_path / "bk"
    db = open_database(pg_empty_database, backup_dir=backups)
    assert dialect.schema_version(db) == migrations.latest_version()
    (copy,) = backups.glob("sebelum-migrasi-v1-*.sqlite")
    check = integrity.check_file(copy)
    assert not check.damaged and check.schema_version == 1 and check.residents == 1
    close_database()


def test_wrong_password_and_unreachable_server_are_explained(pg_database, monkeypatch):
    a = server.parse_url(pg_database)
    monkeypatch.setenv("PGPASSWORD", "salah")
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    with pytest.raises(ServerUnavailable, match="kata sandi salah") as wrong:
        open_database(pg_database)
    assert wrong.value.kind == "auth"
    asked = []
    monkeypatch.delenv("PGPASSWORD")
    with pytest.raises(ServerUnavailable, match="kata sandi salah"):
        open_database(pg_database, password_prompt=lambda address: asked.append(address.user) or "tetap-salah")
    assert asked == [a.user]  # asked once, then the refusal
    server.remember_password(a, None)
    with pytest.raises(ServerUnavailable, match="tidak dapat dihubungi") as gone:
        open_database(f"postgresql://{a.user}@127.0.0.1:1/{a.dbname}")
    assert gone.value.kind == "unreachable"
    monkeypatch.undo()  # the right password file again
    with pytest.raises(ServerUnavailable, match="tidak ada di server"):
        open_database(pg_database + "_tidak_ada")


@pytest.mark.postgresql_only
def test_server_backup_is_a_sqlite_file_that_checks_like_any_backup(db, make_resident, tmp_path):
    from balai_app.services import backup

    for name in ("Siti", "Muh. Ma'ruf", "Ni Luh Putu Ayu"):
        make_resident(name=name)
    result = backup.create_backup(out=tmp_path / "server.sqlite")
    assert result.info.sound and result.info.residents == 3
    copy = transfer.open_new_sqlite(tmp_path / "server.sqlite")
    try:
        assert transfer.fingerprint(copy) == transfer.fingerprint(db)
    finally:
        copy.close()


def test_connection_test_explains_each_case_in_indonesian(pg_empty_database, monkeypatch, isolated_paths):
    import pg_engine
    from balai_app.services.server_check import check_server

    a = server.parse_url(pg_empty_database)
    empty = check_server(pg_empty_database)
    assert (empty.ok, empty.kind) == (True, "empty") and "masih kosong" in empty.message
    assert check_server(pg_engine.as_app_user(pg_empty_database)).kind == "needs_owner"
    open_database(pg_empty_database)
    close_database()
    ready = check_server(pg_engine.as_app_user(pg_empty_database))
    assert (ready.ok, ready.kind, ready.residents) == (True, "ready", 0) and "Tersambung" in ready.message
    assert check_server(f"postgresql://{a.user}@127.0.0.1:1/{a.dbname}").kind == "unreachable"
    assert check_server(pg_empty_database + "_hilang").kind == "no_database"
    assert check_server("postgresql://x:sandi@h/db").kind == "usage"
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    wrong = check_server(pg_empty_database, password="salah")
    assert (wrong.ok, wrong.kind) == (False, "auth") and "kata sandi salah" in wrong.message
    monkeypatch.undo()
    db = open_database(pg_empty_database)
    with db.atomic("IMMEDIATE"):
        dialect.set_schema_version(db, migrations.latest_version() + 1)
    close_database()
    assert check_server(pg_empty_database).kind == "too_new"


@pytest.mark.postgresql_only
def test_an_office_account_backs_up_the_server_database_too(db, db_path, make_resident, tmp_path):
    """Not the owner: information_schema hides the foreign keys from it; the copy's order must not depend on it."""
    import pg_engine
    make_resident(name="Siti")
    close_database()
    office = open_database(pg_engine.as_app_user(db_path))
    copy = transfer.open_new_sqlite(tmp_path / "kantor.sqlite")
    try:
        transfer.copy_database(office, copy)
        assert transfer.fingerprint(copy) == transfer.fingerprint(office)
        order = transfer.table_order(office)
        assert order.index("resident") < order.index("assessment") and order.index("user") < order.index("batch")
    finally:
        copy.close()
        close_database()


@pytest.mark.postgresql_only
def test_an_edit_saved_meanwhile_on_another_pc_refuses_the_stale_one(db, db_path, make_resident, system):
    """Two PCs open the same PM; the second save is refused, never a silent overwrite."""
    from balai_app.domain.errors import StaleRecord
    from balai_app.services import residents

    made = make_resident(name="Siti Aminah")
    rid = getattr(made, "id", made)
    form = residents.get_resident(system, rid)  # this PC's form, at version 1
    with _as(db_path, "balai_pc") as other_pc:  # the other PC saves first, through the server
        other_pc.execute("UPDATE resident SET notes = 'dari PC lain', version = version + 1 WHERE id = %s", (rid,))
    data = {f: getattr(form, f) for f in ("name", "sex", "klaster", "nik", "entry_date")}
    data["notes"] = "dari PC ini"
    with pytest.raises(StaleRecord):
        residents.update_resident(system, rid, data, expected_version=form.version, confirm_warnings=True)
    assert residents.get_resident(system, rid).notes == "dari PC lain"


@pytest.mark.postgresql_only
def test_the_windows_restore_puts_a_backup_file_into_the_open_server_database(db, db_path, make_resident, system,
                                                                              tmp_path, isolated_paths):
    """``backup_restore.restore_backup`` without a path (the restore dialog) on a server database:
    the server's contents are replaced whole, its data before is kept as a backup file, and no
    file is written where the server's database name would be a path."""
    from balai_app import paths
    from balai_app.db.models import Resident
    from balai_app.services import backup, backup_restore

    paths.set_database_path(db_path)
    make_resident(name="Sebelum Cadangan")
    copy = backup.create_backup(system, out=tmp_path / "cadangan.sqlite").info.path
    make_resident(name="Sesudah Cadangan")
    result = backup_restore.restore_backup(system, copy)
    assert [r.name for r in Resident.select()] == ["Sebelum Cadangan"]
    assert result.safety_copy is not None and result.safety_copy.exists()
    assert not Path(db_path.rpartition("/")[2]).exists()


@pytest.mark.postgresql_only  # the driver of the server engine (not in the Windows Python under Wine)
def test_the_driver_is_loaded_only_for_a_server_database(engine):
    """A SQLite balai never pays for psycopg at start-up (balai_app/__init__ keeps it out of
    peewee's import); a server database loads it and peewee then uses psycopg 3."""
    import subprocess
    import sys

    code = ("import sys, balai_app, peewee; first = peewee.psycopg is None and sys.modules.get('psycopg') is None; "
            "from balai_app.db import server; m = server.load_driver(); "
            "print(first, peewee.psycopg is m, m.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["True", "True", "psycopg"]
