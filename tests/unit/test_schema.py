"""The database: pragmas, migrations, version refusal, upgrades of released versions."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from balai_app.db import migrations
from balai_app.db.connection import DatabaseTooNew, close_database, open_database
from balai_app.db.models import ALL_MODELS, AuditEvent, Resident

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.sqlite_only
def test_pragmas_protect_against_power_cuts(db):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


@pytest.mark.sqlite_only
def test_migrated_schema_matches_models(db):
    """A fresh database built by the migrations has every column the models use."""
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1]: row for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
        assert columns, f"table {table} missing"
        expected = {field.column_name for field in model._meta.sorted_fields}
        assert set(columns) == expected, f"{table}: migrated {sorted(columns)} != models {sorted(expected)}"


@pytest.mark.sqlite_only
def test_schema_version_is_latest(db):
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.latest_version()


@pytest.mark.sqlite_only
def test_database_from_newer_program_is_refused(db_path):
    open_database(db_path)
    close_database()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    con.commit()
    con.close()
    with pytest.raises(DatabaseTooNew, match="lebih baru"):
        open_database(db_path)


def test_not_a_database_is_refused_clearly(tmp_path):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"this is not sqlite" * 100)
    from balai_app.db.connection import DatabaseError

    with pytest.raises(DatabaseError, match="tidak dapat dibuka"):
        open_database(bogus)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_v*.sqlite")), ids=lambda p: p.stem)
def test_released_databases_upgrade(fixture, tmp_path, isolated_paths):
    """Every released schema version opens and upgrades with its data intact."""
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    old_version = sqlite3.connect(copy).execute("PRAGMA user_version").fetchone()[0]
    db = open_database(copy)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
        names = {r.name for r in Resident.select()}
        assert {"Ni Luh Putu Ayu", "Sukarno"} <= names
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        if old_version < migrations.latest_version():
            backups = list((isolated_paths / "backups").glob(f"sebelum-migrasi-v{old_version}-*.sqlite"))
            assert len(backups) == 1, "an upgrade must back up the old database first"
    finally:
        close_database()


def test_first_fixture_is_version_1():
    assert (FIXTURES / "schema_v1.sqlite").exists()


@pytest.mark.sqlite_only
def test_migration_step_is_atomic(db_path, monkeypatch):
    """A step that fails half-way leaves the database at the old version with nothing half-made."""

    def broken(db):
        db.execute_sql('CREATE TABLE "half_made" (id INTEGER)')
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, (migrations.latest_version() + 1, "broken", broken)])
    with pytest.raises(RuntimeError):
        open_database(db_path)
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.STEPS[-2][0]
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name='half_made'").fetchone()[0] == 0
    con.close()


def test_migration_backs_up_before_upgrading(db_path, monkeypatch, isolated_paths):
    open_database(db_path)
    close_database()
    monkeypatch.setattr(
        migrations, "STEPS",
        [*migrations.STEPS, (migrations.latest_version() + 1, "add table", lambda d: d.execute_sql("CREATE TABLE x (id INTEGER)"))],
    )
    open_database(db_path)
    close_database()
    backups = list((isolated_paths / "backups").glob("sebelum-migrasi-*.sqlite"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.STEPS[-2][0]
    con.close()


def test_audit_rows_cannot_be_changed_or_deleted(db, system):
    from peewee import IntegrityError

    from balai_app.services import audit

    event = audit.record(system, "create", "resident", 1, "x")
    with pytest.raises(IntegrityError, match="append-only"):
        AuditEvent.update(summary="forged").where(AuditEvent.id == event.id).execute()
    with pytest.raises(IntegrityError, match="append-only"):
        AuditEvent.delete().where(AuditEvent.id == event.id).execute()
    assert AuditEvent.get_by_id(event.id).summary == "x"


def test_nothing_is_created_at_import(tmp_path, monkeypatch):
    import importlib
    import subprocess
    import sys

    target = tmp_path / "data"
    code = "import balai_app.paths, balai_app.db.connection, balai_app.services.residents, balai_app.cli"
    env = {"BALAI_DATA_DIR": str(target), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=Path(__file__).parents[2])
    assert not target.exists()
    importlib.invalidate_caches()


@pytest.mark.sqlite_only
def test_v2_recomputes_search_keys_of_a_v1_database(db_path, isolated_paths):
    """A v1 database (folded with casefold only) finds accented names after the upgrade."""
    from balai_app.db.connection import _connect
    from balai_app.services import residents
    from balai_app.services.context import SYSTEM

    raw = _connect(db_path)
    for version, _description, apply in migrations.STEPS[:1]:
        with raw.atomic("IMMEDIATE"):
            apply(raw)
            raw.execute_sql(f"PRAGMA user_version = {version}")
    raw.execute_sql(
        "INSERT INTO resident (name, nik_missing_reason, no_kk, sex, birth_place, klaster, disabilities, religion, "
        "education, address, guardian_name, guardian_relation, guardian_phone, entry_date, referral_source, status, "
        "exit_reason, notes, search_text, created_at, updated_at, version) VALUES ('Đặng Thị Ánh', 'x', '', 'P', "
        "'Đà Nẵng', 'tuna_sosial', '', '', '', '', '', '', '', '2025-01-01', '', 'aktif', '', '', 'đặng thị ánh đà nẵng', "
        "'2025-01-01', '2025-01-01', 1)"
    )
    raw.close()
    open_database(db_path)
    try:
        found = residents.list_residents(SYSTEM, residents.ResidentFilter(text="dang da nang"))
        assert [r.name for r in found] == ["Đặng Thị Ánh"]
        indexes = {r[1] for r in Resident._meta.database.execute_sql('PRAGMA index_list("resident")').fetchall()}
        assert "resident_search_text" in indexes
        assert list((isolated_paths / "backups").glob("sebelum-migrasi-v1-*.sqlite")), "backed up before upgrading"
    finally:
        close_database()


def test_v7_maps_every_service_record_to_the_atensi_forms(engine, request, tmp_path, isolated_paths):
    """No service record is lost, none changes its PM or date; the five old kinds become
    the regulation's forms (terapi -> terapi, sub-kind 'belum dirinci'). Both engines:
    a version-2 database with data, upgraded by opening it."""
    from balai_app.db.connection import _connect, connect_server
    from balai_app.db.models import ServiceRecord
    from balai_app.domain import codes

    if engine == "postgresql":
        db_path = request.getfixturevalue("pg_empty_database")
        raw = connect_server(db_path)
    else:
        db_path = tmp_path / "balai.sqlite"
        raw = _connect(db_path)
    migrations.run(raw, 0, until=2)
    resident_sql = (
        "INSERT INTO resident (name, nik_missing_reason, no_kk, sex, birth_place, klaster, disabilities, religion, "
        "education, address, guardian_name, guardian_relation, guardian_phone, entry_date, referral_source, status, "
        "exit_reason, notes, search_text, created_at, updated_at, version) VALUES (?, 'x', '', 'L', '', 'anak', '', "
        "'', '', '', '', '', '', '2025-01-01', '', 'aktif', '', '', ?, '2025-01-01', '2025-01-01', 1)"
    )
    for name in ("Satu", "Dua"):
        raw.execute_sql(resident_sql, (name, name.lower()))
    old_kinds = ["kebutuhan_dasar", "terapi", "pengasuhan", "dukungan_keluarga", "vokasional"]
    before = []
    for index in range(25):
        kind = old_kinds[index % 5]
        resident_id = 1 + index % 2
        date = f"2025-{1 + index % 12:02d}-{1 + index:02d}"
        raw.execute_sql(
            "INSERT INTO service_record (resident_id, date, kind, description, staff, created_at, updated_at, "
            "version) VALUES (?, ?, ?, ?, '', '2025-01-01', '2025-01-01', 1)",
            (resident_id, date, kind, f"layanan {index}"))
        before.append((index + 1, resident_id, date, kind, f"layanan {index}"))
    raw.close()
    open_database(db_path)
    try:
        after = {s.id: s for s in ServiceRecord.select()}
        assert len(after) == len(before)
        expected = {"kebutuhan_dasar": ("hidup_layak", ""), "terapi": ("terapi", "belum_dirinci"),
                    "pengasuhan": ("perawatan_sosial", ""), "dukungan_keluarga": ("dukungan_keluarga", ""),
                    "vokasional": ("vokasional", "")}
        for record_id, resident_id, date, kind, description in before:
            row = after[record_id]
            assert (row.resident_id, row.date.isoformat(), row.description) == (resident_id, date, description)
            assert (row.kind, row.subkind) == expected[kind]
            assert row.kind in codes.SERVICE_KINDS
    finally:
        close_database()
