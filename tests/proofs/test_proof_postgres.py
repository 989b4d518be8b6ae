"""Proofs on PostgreSQL: several PCs on one server database (issue 16).

- three processes (three desks) at once: one registers PMs, one records
  attendance, one issues certificates; afterwards every reported write is
  there with its audit event, and certificate numbers are 1..N without a gap;
- SIGKILL of a client in the middle of a transaction (on the event the child
  reports from inside it): nothing of that transaction remains, the write lock
  is free again, and the next certificate takes the next number;
- an immediate stop of the server during a write, then a restart: all or
  nothing, numbers gap-free, the audit complete; a connection that was idle
  reconnects by itself.

Processes are stopped on events they report (``ready``, ``inside``), never
after a sleep.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import pg_engine
from balai_app.db.connection import close_database, open_database, write_transaction

DESK = Path(__file__).with_name("pg_desk.py")
ROOT = Path(__file__).resolve().parents[2]


def desk(url: str, *args) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(DESK), url, *map(str, args)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = proc.stdout.readline().strip()
    assert line == "ready", proc.stderr.read()
    return proc


def go(*procs) -> None:
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()


def counts(db) -> dict[str, int]:
    rows = db.execute_sql("SELECT entity || ':' || action, COUNT(*) FROM audit_event GROUP BY 1").fetchall()
    return dict(rows)


def chain_break(db):
    """The first event where the audit trail's hash chain breaks (None: intact), as ``check`` verifies it."""
    from balai_app.domain.audit_chain import CONTENT_COLUMNS, first_break

    columns = ", ".join(f'"{c}"' for c in CONTENT_COLUMNS)
    return first_break(db.execute_sql(f'SELECT {columns}, prev_hash, hash FROM "audit_event" ORDER BY id'))


def sequences(db) -> list[int]:
    return [r[0] for r in db.execute_sql("SELECT sequence FROM certificate ORDER BY sequence").fetchall()]


@pytest.fixture
def office(pg_database, make_resident_pg):
    """A server database with an admin (id 1), a finished course of 12 participants and a running one."""
    from balai_app.services import accounts
    from balai_app.services.context import SYSTEM
    from support.certificates import build_course, make_profile

    db = open_database(pg_database)
    make_profile()
    with write_transaction():
        admin = accounts.insert_user(SYSTEM, {"username": "kepala", "full_name": "Kepala Balai", "role": "admin"},
                                     "rahasia-kantor-2026", must_change_password=False)
    assert admin.id == 1
    finished = build_course(make_resident_pg, names=[f"Lulusan {i}" for i in range(12)], code="MJH")
    running = build_course(make_resident_pg, names=[f"Peserta {i}" for i in range(8)], code="LAS", sessions=6)
    from balai_app.db.models import Batch

    Batch.update(trainer=admin.id).where(Batch.id.in_([finished.batch.id, running.batch.id])).execute()
    close_database()
    return db, pg_database, finished, running


@pytest.fixture
def make_resident_pg():
    from balai_app.services import residents
    from balai_app.services.context import SYSTEM

    counter = iter(range(1, 10_000))

    def make(**overrides):
        n = next(counter)
        data = {"name": f"Penerima {n}", "sex": "L", "klaster": "anak", "nik": f"32010115011{n:05d}",
                "birth_date": "15-01-2010", "entry_date": "2026-01-05"}
        data.update(overrides)
        return residents.create_resident(SYSTEM, data, confirm_warnings=True)

    return make


@pytest.mark.slow
def test_three_desks_write_at_once_and_every_proof_holds(office):
    _db, url, finished, running = office
    # Each PC signs in with the office account of the README (a member of balai_pengguna),
    # never the owner: everything the three desks do must work with its privileges.
    pc = pg_engine.as_app_user(url)
    registrar = desk(pc, "register", 60)
    trainer = desk(pc, "attend", ",".join(str(s.id) for s in running.batch.sessions),
                   ",".join(str(e.id) for e in running.enrollments))
    head = desk(pc, "issue", finished.batch.id, ",".join(str(r.id) for r in finished.residents))
    go(registrar, trainer, head)
    outputs = {}
    for name, proc in (("registrar", registrar), ("trainer", trainer), ("head", head)):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        outputs[name] = [line.split() for line in out.splitlines() if line.startswith("ok ")]
    db = open_database(url)
    try:
        before = 20  # PMs of the two courses
        assert len(outputs["registrar"]) == 60
        assert db.execute_sql("SELECT COUNT(*) FROM resident").fetchone()[0] == before + 60
        assert len(outputs["head"]) == 12
        assert sequences(db) == list(range(1, 13))  # unique, sequential, gap-free
        printed = sorted(line[2] for line in outputs["head"])
        assert printed == sorted(r[0] for r in db.execute_sql("SELECT number FROM certificate").fetchall())
        assert len(outputs["trainer"]) == 2 * 6
        marks = db.execute_sql("SELECT status, COUNT(*) FROM attendance a JOIN training_session s "
                               "ON s.id = a.session_id WHERE s.batch_id = ? GROUP BY status",
                               (running.batch.id,)).fetchall()
        assert dict(marks) == {"H": 6 * 8}
        audit = counts(db)
        assert audit["resident:create"] == before + 60
        assert audit["certificate:issue"] == 12
        attendance_events = sum(n for key, n in audit.items() if key.startswith("attendance:"))
        assert attendance_events == 2 * 6
        assert chain_break(db) is None  # three writers at once, one unbroken chain
    finally:
        close_database()


@pytest.mark.slow
def test_three_pcs_issuing_certificates_at_once_get_gap_free_numbers(office):
    _db, url, finished, _running = office
    people = [r.id for r in finished.residents]
    desks = [desk(url, "issue", finished.batch.id, ",".join(str(r) for r in people[i::3])) for i in range(3)]
    go(*desks)
    printed = []
    for proc in desks:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        printed += [line.split()[2] for line in out.splitlines() if line.startswith("ok certificate")]
    db = open_database(url)
    try:
        assert sequences(db) == list(range(1, 13))  # unique, sequential, gap-free across three PCs
        assert sorted(printed) == sorted(r[0] for r in db.execute_sql("SELECT number FROM certificate").fetchall())
        assert counts(db)["certificate:issue"] == 12
        assert chain_break(db) is None
    finally:
        close_database()


@pytest.mark.slow
def test_sigkill_of_a_client_inside_a_transaction_leaves_nothing_of_it(office):
    _db, url, finished, _running = office
    first = desk(url, "issue", finished.batch.id, finished.residents[0].id)
    go(first)
    assert first.communicate(timeout=120)[0].startswith("ok certificate")
    victim = desk(url, "hang-in-issue", finished.batch.id, finished.residents[1].id)
    go(victim)
    assert victim.stdout.readline().strip() == "inside"  # certificate 2 and its audit row written, not committed
    victim.kill()  # SIGKILL: the server rolls the transaction back
    victim.wait(timeout=60)
    after = desk(url, "issue", finished.batch.id, finished.residents[2].id)  # the lock is free again
    go(after)
    out, err = after.communicate(timeout=120)
    assert after.returncode == 0, err
    db = open_database(url)
    try:
        assert sequences(db) == [1, 2]  # the killed one's number was never taken
        holders = [r[0] for r in db.execute_sql("SELECT resident_id FROM certificate ORDER BY sequence").fetchall()]
        assert holders == [finished.residents[0].id, finished.residents[2].id]
        assert counts(db)["certificate:issue"] == 2
    finally:
        close_database()


def _server_dir() -> Path:
    state = pg_engine._server()
    assert state.get("dir"), "the proofs stop and restart the test server: it must be the throw-away one"
    return Path(state["dir"])


@pytest.mark.slow
def test_immediate_server_stop_during_writes_then_restart_is_all_or_nothing(office):
    _db, url, finished, _running = office
    folder = _server_dir()
    writer = desk(url, "issue", finished.batch.id, ",".join(str(r.id) for r in finished.residents[:2]))
    go(writer)
    assert writer.communicate(timeout=120)[0].count("ok certificate") == 2
    idle = open_database(url)  # a window left open on another PC, idle
    assert idle.execute_sql("SELECT COUNT(*) FROM certificate").fetchone()[0] == 2
    hung = desk(url, "hang-in-issue", finished.batch.id, finished.residents[2].id)
    go(hung)
    assert hung.stdout.readline().strip() == "inside"
    pg_engine.pgtemp.stop(folder, mode="immediate")  # power cut on the server, mid-transaction
    hung.stdin.write("\n")  # let it go on: its commit must fail
    hung.stdin.flush()
    _out, err = hung.communicate(timeout=120)
    assert hung.returncode != 0
    assert "tidak dapat" in err or "server" in err.lower()
    pg_engine.pgtemp.restart(folder)
    # The idle connection of the open window reconnects by itself.
    assert idle.execute_sql("SELECT COUNT(*) FROM certificate").fetchone()[0] == 2
    close_database()
    again = desk(url, "issue", finished.batch.id, finished.residents[3].id)
    go(again)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    db = open_database(url)
    try:
        assert sequences(db) == [1, 2, 3]
        holders = [r[0] for r in db.execute_sql("SELECT resident_id FROM certificate ORDER BY sequence").fetchall()]
        assert finished.residents[2].id not in holders
        assert counts(db)["certificate:issue"] == 3
    finally:
        close_database()


@pytest.mark.slow
def test_window_losing_the_server_mid_save_gets_a_clear_message_and_reconnects(office):
    from balai_app.db.models import Resident
    from balai_app.db.server import ConnectionLost
    from balai_app.domain.errors import BalaiError

    _db, url, _finished, _running = office
    folder = _server_dir()
    open_database(url)
    try:
        before = Resident.select().count()
        with pytest.raises(ConnectionLost) as lost:
            with write_transaction():
                Resident.update(notes="setengah").where(Resident.id == 1).execute()
                pg_engine.pgtemp.stop(folder, mode="immediate")  # the cable is pulled mid-save
                Resident.update(notes="setengah lagi").where(Resident.id == 2).execute()
        assert isinstance(lost.value, BalaiError)  # the window shows it like any refusal, the form stays open
        assert "TIDAK disimpan" in lost.value.message and "Isian Anda masih ada" in lost.value.message
        with pytest.raises(ConnectionLost, match="tidak dapat dihubungi"):
            Resident.select().count()  # still down: said so, nothing changed
        pg_engine.pgtemp.restart(folder)
        assert Resident.select().count() == before  # reconnected by itself
        assert Resident.select().where(Resident.notes.startswith("setengah")).count() == 0  # nothing half-written
    finally:
        close_database()
