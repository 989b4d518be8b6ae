"""Tampering (issue 12): the audit trail can only be appended to, any rewrite is found by
``check`` (which names the first broken event), a revocation cannot be undone by an UPDATE,
and a restore is recorded in the restored database together with the switch."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support.certificates import build_course, make_admin, make_profile

from balai_app.db.connection import close_database, open_database
from balai_app.db.models import Certificate
from balai_app.domain.audit_chain import CONTENT_COLUMNS, first_break
from balai_app.services import audit, backup, backup_restore, backup_startup, integrity
from balai_app.services import certificates as certs
from balai_app.services.context import SYSTEM

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _events(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM audit_event ORDER BY id").fetchall()
    finally:
        conn.close()


def _chain_break(path: Path):
    conn = sqlite3.connect(path)
    try:
        cols = ", ".join(CONTENT_COLUMNS)
        return first_break(conn.execute(f"SELECT {cols}, prev_hash, hash FROM audit_event ORDER BY id").fetchall())
    finally:
        conn.close()


@pytest.fixture
def trail(db, make_resident):
    for _ in range(3):
        make_resident()
    audit.record(SYSTEM, "export", "report", None, "laporan")
    path = Path(db.database)
    return path


@pytest.mark.parametrize("statement", [
    "REPLACE INTO audit_event (id, at, username, action, entity, summary, changes, prev_hash, hash) "
    "VALUES (1, '2026-01-01 00:00:00', 'x', 'create', 'resident', 'palsu', '{}', '', '')",
    "INSERT OR REPLACE INTO audit_event (id, at, username, action, entity, summary, changes, prev_hash, hash) "
    "VALUES (2, '2026-01-01 00:00:00', 'x', 'create', 'resident', 'palsu', '{}', '', '')",
    "INSERT INTO audit_event (at, username, action, entity, summary, changes) "
    "VALUES ('2026-01-01 00:00:00', 'x', 'create', 'resident', 'tanpa rantai', '{}')",
    "UPDATE audit_event SET summary = 'diubah' WHERE id = 1",
    "DELETE FROM audit_event WHERE id = 1",
])
def test_every_way_of_changing_the_trail_is_refused(trail, statement):
    close_database()
    before = _events(trail)
    conn = sqlite3.connect(trail)
    with pytest.raises(sqlite3.DatabaseError, match="audit_event"):
        conn.execute(statement)
        conn.commit()
    conn.close()
    assert _events(trail) == before
    assert _chain_break(trail) is None


def test_check_names_the_first_broken_event_and_the_missing_triggers(trail):
    assert integrity.check_file(trail, audit=True).sound
    close_database()
    conn = sqlite3.connect(trail)
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("UPDATE audit_event SET summary = 'Budi (diubah)' WHERE id = 2")
    conn.commit()
    conn.close()
    result = integrity.check_file(trail, audit=True)
    text = "\n".join(result.problems)
    assert "audit_event_no_update" in text and "peristiwa No. 2" in text and "diubah" in text
    env = {**os.environ}
    cli = subprocess.run([sys.executable, "-m", "balai_app", "--db", str(trail), "check"],
                         capture_output=True, text=True, timeout=120, env=env)
    assert cli.returncode == 1 and "peristiwa No. 2" in cli.stdout and "Traceback" not in cli.stderr


def test_a_removed_event_breaks_the_link(trail):
    close_database()
    conn = sqlite3.connect(trail)
    conn.execute("DROP TRIGGER audit_event_no_delete")
    conn.execute("DELETE FROM audit_event WHERE id = 2")
    conn.commit()
    conn.close()
    assert "peristiwa No. 3" in "\n".join(integrity.check_file(trail, audit=True).problems)


def test_older_databases_get_the_chain_by_migration(tmp_path):
    copy = tmp_path / "v2.sqlite"
    shutil.copy(FIXTURES / "schema_v2.sqlite", copy)
    assert _events(copy)  # the fixture has events without hashes
    open_database(copy)
    audit.record(SYSTEM, "export", "report", None, "sesudah pembaruan")
    close_database()
    rows = _events(copy)
    assert all(r[-1] for r in rows) and _chain_break(copy) is None
    assert integrity.check_file(copy, audit=True).sound


def test_bulk_form_continues_the_chain(trail):
    before = len(_events(trail))
    recorded = audit.record_many([audit.NewEvent(None, "sistem", "create", "resident", n, f"PM {n}")
                                  for n in range(50)])
    assert recorded.count == 50 and len(_events(trail)) == before + 50
    close_database()
    assert _chain_break(trail) is None


def test_a_revocation_cannot_be_undone_by_an_update(db, make_resident):
    make_profile()
    admin = make_admin()
    course = build_course(make_resident, names=["Rina Wati"], end=dt.date(2026, 10, 30))
    cert = certs.issue(admin, course.batch.id, issued_on=dt.date(2026, 11, 2)).issued[0]
    payload = certs.render_data(Certificate.get_by_id(cert.id))["qr_payload"]
    certs.revoke(admin, cert.id, "Nama salah tulis")
    path = Path(db.database)
    close_database()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE certificate SET status = 'berlaku', revoked_at = NULL, revoke_reason = '' WHERE id = ?",
                 (cert.id,))
    conn.commit()
    conn.close()
    open_database(path)
    verdict = certs.verify(payload)
    assert verdict.status == certs.REVOKED and "Nama salah tulis" in verdict.text()
    close_database()
    problems = "\n".join(integrity.check_file(path, audit=True).problems)
    assert cert.number in problems and "pencabutannya" in problems


def test_the_restore_is_recorded_in_the_staging_copy_before_the_switch(trail, tmp_path, monkeypatch):
    saved = backup.create_backup(SYSTEM, out=tmp_path / "cadangan.sqlite").info.path
    seen = {}
    real_copy = backup_restore._copy_into

    def switch(staging, db_path):
        seen["staging"] = [r for r in _events(staging) if r[4] == "restore"]
        seen["chain"] = _chain_break(staging)
        raise OSError("mati listrik tepat sebelum peralihan")

    monkeypatch.setattr(backup_restore, "_copy_into", switch)
    with pytest.raises(Exception, match="mati listrik"):
        backup_restore.restore_backup(SYSTEM, saved, db_path=trail)
    assert len(seen["staging"]) == 1 and seen["chain"] is None  # data and record travel together
    assert not list(trail.parent.glob("*.pulih.*"))  # the failed restore removed its staging copy
    monkeypatch.setattr(backup_restore, "_copy_into", real_copy)
    backup_restore.restore_backup(SYSTEM, saved, db_path=trail)
    close_database()
    restored = [r for r in _events(trail) if r[4] == "restore"]
    assert len(restored) == 1 and _chain_break(trail) is None


def test_a_crashed_restores_staging_copy_is_cleaned_at_the_next_start(trail):
    close_database()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = trail.with_name(f"{trail.name}.pulih.{int(dead.stdout)}.part")
    legacy = trail.with_name(f"{trail.name}.pulih.part")
    mine = trail.with_name(f"{trail.name}.pulih.{os.getpid()}.part")  # a restore running now
    for f in (leftover, legacy, mine):
        shutil.copy(trail, f)
    backup_startup.startup_state(trail)
    assert not leftover.exists() and not legacy.exists() and mine.exists()
