"""Crash proofs: kill a process that is writing, many times; nothing is half-written.

Every kill answers an event the child reports ("in-transaction", "committed",
"starting"), never a sleep: the proofs hold on a fast PC, a slow one, or a CI
machine busy with other work, and they still prove that kills landed inside
open transactions (the child waits inside one, so the kill cannot miss it).

The import proof kills the real importer (``resident_io.run_import``); after every kill:

- ``PRAGMA integrity_check`` is ok and ``foreign_key_check`` finds nothing;
- every batch is all-or-nothing: its residents and their audit events are
  either all there or all absent, and the audit trail's hash chain is whole;
- every batch the child reported as committed is there (durability); the batch
  killed inside its transaction is not.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from balai_app.domain.audit_chain import CONTENT_COLUMNS, first_break

CHILD = Path(__file__).with_name("crash_child.py")
BATCH = 1200  # above the importer's progress step (500 rows): reports come from inside the transaction
# What each run waits for before the kill: (mode, event).
SCHEDULE = [("pause", "in-transaction"), ("free", "committed"), ("open", "starting"), ("free", "in-transaction")] * 4


def _state(path: Path) -> tuple[list[str], list, Counter, Counter, object]:
    conn = sqlite3.connect(str(path))
    try:
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        fks = conn.execute("PRAGMA foreign_key_check").fetchall()
        per_batch = Counter(dict(conn.execute(
            "SELECT notes, COUNT(*) FROM resident WHERE notes LIKE 'batch:%' GROUP BY notes").fetchall()))
        audits = Counter(dict(conn.execute(
            "SELECT r.notes, COUNT(*) FROM audit_event a JOIN resident r ON r.id = a.entity_id "
            "WHERE a.entity = 'resident' AND a.action = 'create' GROUP BY r.notes").fetchall()))
        cols = ", ".join(CONTENT_COLUMNS)
        broken = first_break(conn.execute(f"SELECT {cols}, prev_hash, hash FROM audit_event ORDER BY id"))
    finally:
        conn.close()
    return check, fks, per_batch, audits, broken


def hard_kill(proc: subprocess.Popen) -> tuple[str, str]:
    """Kill with no chance to clean up: SIGKILL on POSIX, TerminateProcess on Windows."""
    proc.kill()
    out, err = proc.communicate(timeout=60)
    expected = -signal.SIGKILL if os.name == "posix" else 1
    assert proc.returncode == expected, err
    return out, err


def read_until(proc: subprocess.Popen, prefix: str, seen: list[str]) -> str:
    """Lines of the child's stdout up to the first that starts with ``prefix`` (kept in ``seen``)."""
    while True:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"child ended before '{prefix}': {seen} {proc.stderr.read()}")
        seen.append(line.strip())
        if line.startswith(prefix):
            return line.strip()


@pytest.mark.slow
def test_sigkill_during_import_never_leaves_half_a_transaction(tmp_path):
    db_path = tmp_path / "crash.sqlite"
    env = {**os.environ, "BALAI_DATA_DIR": str(tmp_path / "data")}
    committed: set[int] = set()
    killed_inside: list[int] = []
    for run, (mode, event) in enumerate(SCHEDULE):
        first = run * 100_000
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(db_path), str(first), str(BATCH), mode],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        seen: list[str] = []
        if mode == "pause":
            # the second batch: the first one is committed, the second open with 500 rows written
            line = read_until(proc, f"in-transaction {first + 1} ", seen)
        else:
            line = read_until(proc, event, seen)
        out, err = hard_kill(proc)
        lines = seen + out.splitlines()
        reported = {int(x.split()[1]) for x in lines if x.startswith("committed")}
        committed |= reported

        check, fks, per_batch, audits, broken = (_state(db_path) if db_path.exists()
                                                 else (["ok"], [], Counter(), Counter(), None))
        assert check == ["ok"], f"after kill {run}: {check}"
        assert fks == [], f"after kill {run}: {fks}"
        assert broken is None, f"after kill {run}: audit chain broken at {broken}"
        for notes, count in per_batch.items():
            assert count == BATCH, f"after kill {run}: {notes} has {count} of {BATCH} rows"
            assert audits[notes] == BATCH, f"after kill {run}: {notes} has {audits[notes]} audit events"
        present = {int(n.split(":")[1]) for n in per_batch}
        assert committed <= present, f"committed batches lost: {sorted(committed - present)}"
        this_run = {b for b in present if first <= b < first + 100_000}
        unreported = this_run - reported
        # Only the batch committed in the instant before the kill may lack its report.
        assert len(unreported) <= 1 and all(b == max(this_run) for b in unreported), (run, sorted(unreported))
        if mode == "pause":
            assert first in present and first + 1 not in present, (run, line)  # rolled back whole
            killed_inside.append(first + 1)

    # Deterministic: every "pause" run was killed inside an open transaction that had rows in it.
    assert len(killed_inside) == sum(1 for mode, _ in SCHEDULE if mode == "pause")
    # The program still opens and writes normally afterwards.
    from balai_app.db.connection import close_database, open_database
    from balai_app.services import residents
    from balai_app.services.context import SYSTEM

    open_database(db_path)
    try:
        residents.create_resident(SYSTEM, {"name": "Setelah Crash", "sex": "L", "klaster": "anak",
                                           "entry_date": "2026-01-05", "nik_missing_reason": "belum ada"})
    finally:
        close_database()
    check, fks, per_batch, _, broken = _state(db_path)
    assert check == ["ok"] and fks == [] and broken is None
    print(f"\ncrash proof: {len(SCHEDULE)} kills, {len(killed_inside)} inside an open transaction (rolled back "
          f"whole), {len(committed)} batches reported committed, {sum(per_batch.values())} residents present")


CERT_CHILD = Path(__file__).with_name("crash_certificates_child.py")
CERT_SCHEDULE = [("pause", "in-transaction"), ("free", "committed"), ("open", "starting"),
                 ("free", "in-transaction")] * 2 + [("pause", "in-transaction")]


@pytest.mark.sqlite_only  # checks the file with sqlite3; PostgreSQL: test_proof_postgres.py
@pytest.mark.slow
def test_sigkill_during_certificates_issue_batch_keeps_numbers_whole(tmp_path, db, make_resident, monkeypatch):
    """``certificates issue --batch`` is killed on the child's reports (inside the issuing
    transaction, after a commit, while starting): every batch is issued whole or not at
    all, numbering stays gap-free, every printed number survives, the audit chain holds."""
    from support.accounts import PASSWORD, make_account
    from support.certificates import build_course, make_profile

    from balai_app.db.connection import close_database

    make_profile()
    make_account("admin", "kepala")
    batches = [str(build_course(make_resident, names=[f"Peserta {n}-{i}" for i in range(3)]).batch.id)
               for n in range(2 * len(CERT_SCHEDULE))]
    db_path = Path(db.database)
    close_database()

    # the same PC's data folder: the certificate signing key is there (issue 14)
    env = {**os.environ, "BALAI_PASSWORD": PASSWORD}
    printed: set[str] = set()
    inside = 0
    for run, (mode, event) in enumerate(CERT_SCHEDULE):
        mine = batches[2 * run: 2 * run + 2]
        proc = subprocess.Popen([sys.executable, str(CERT_CHILD), str(db_path), "kepala", mode, *mine],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env)
        seen: list[str] = []
        read_until(proc, f"in-transaction {mine[1]} 2" if mode == "pause" else event, seen)
        out, err = hard_kill(proc)
        lines = seen + out.splitlines()
        printed |= {line.split("\t")[0] for line in lines if "\t" in line and "/SK-" in line}

        conn = sqlite3.connect(str(db_path))
        try:
            assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            rows = conn.execute("SELECT year, sequence, number, batch_id FROM certificate ORDER BY year, sequence"
                                ).fetchall()
            issued_events = conn.execute("SELECT COUNT(*) FROM audit_event WHERE entity = 'certificate' "
                                         "AND action = 'issue'").fetchone()[0]
            cols = ", ".join(CONTENT_COLUMNS)
            broken = first_break(conn.execute(f"SELECT {cols}, prev_hash, hash FROM audit_event ORDER BY id"))
        finally:
            conn.close()
        for year in {r[0] for r in rows}:
            sequences = [r[1] for r in rows if r[0] == year]
            assert sequences == list(range(1, len(sequences) + 1)), f"after kill {run}: gap in {year}"
        per_batch = Counter(str(r[3]) for r in rows)
        assert all(n == 3 for n in per_batch.values()), f"after kill {run}: a batch issued in part {per_batch}"
        assert issued_events == len(rows) and broken is None, f"after kill {run}"
        assert printed <= {r[2] for r in rows}, "a printed certificate number was lost"
        if mode == "pause":
            assert per_batch[mine[0]] == 3 and per_batch[mine[1]] == 0, (run, per_batch)
            inside += 1
    assert inside == sum(1 for mode, _ in CERT_SCHEDULE if mode == "pause")
    print(f"\ncertificate crash proof: {len(CERT_SCHEDULE)} kills of 'certificates issue --batch' ({inside} inside "
          f"the issuing transaction), {len(rows)} certificates, numbers 1..{len(rows)} gap-free")


RESTORE_CHILD = Path(__file__).with_name("crash_restore_child.py")
RESTORE_SCHEDULE = [("pause", "staged"), ("free", "restored"), ("free", "restoring"), ("free", "staged")] * 3


def snapshot(path: Path) -> tuple[dict[str, list[tuple]], list[tuple]]:
    """Every table's rows (the audit trail apart) and the audit trail."""
    conn = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        # every row of every table, in a fixed order (a full-text index's shadow tables have no rowid)
        data = {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
                if t != "audit_event"}
        trail = conn.execute("SELECT id, action, entity, summary, changes FROM audit_event ORDER BY id").fetchall()
    finally:
        conn.close()
    return data, trail


@pytest.mark.sqlite_only  # checks the file with sqlite3; PostgreSQL: test_proof_postgres.py
@pytest.mark.slow
def test_sigkill_during_restore_leaves_one_whole_database(tmp_path, db, make_resident, system):
    """A child restores backup A, then B, then A ... and is killed on its reports: every
    table is always exactly A's or B's, and the audit trail is that backup's trail, plus
    the record of the restore when (and only when) the switch happened."""
    from balai_app.db.connection import close_database
    from balai_app.services import backup, backup_startup

    for _ in range(300):
        make_resident(nik=None, nik_missing_reason="belum ada", notes="isi cadangan A " * 20)
    a = backup.create_backup(system, out=tmp_path / "A.sqlite").info.path
    for _ in range(200):
        make_resident(nik=None, nik_missing_reason="belum ada", notes="isi cadangan B " * 20)
    b = backup.create_backup(system, out=tmp_path / "B.sqlite").info.path
    db_path = Path(db.database)
    close_database()

    states = {"A": snapshot(a), "B": snapshot(b)}
    names = {"A": a.name, "B": b.name}
    env = {**os.environ, "BALAI_DATA_DIR": str(tmp_path / "data")}
    seen, staged_kills = set(), 0
    for run, (mode, event) in enumerate(RESTORE_SCHEDULE):
        proc = subprocess.Popen([sys.executable, str(RESTORE_CHILD), str(db_path), str(a), str(b), mode],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env)
        lines: list[str] = []
        read_until(proc, event, lines)
        hard_kill(proc)
        staging_left = list(db_path.parent.glob(f"{db_path.name}.pulih.*"))
        if mode == "pause":
            assert staging_left, "killed between staging and switch: the staging copy is still there"
            staged_kills += 1
        check = integrity_of(db_path)
        assert check == ["ok"], f"after kill {run}: {check}"
        data, trail = snapshot(db_path)
        match = [name for name, (rows, _trail) in states.items() if rows == data]
        assert match, f"after kill {run}: the tables are neither all of backup A nor all of backup B"
        name = match[0]
        base = states[name][1]
        if trail != base:  # restored: the backup's own trail plus exactly the record of this restore
            assert trail[:-1] == base, f"after kill {run}: the audit trail is not backup {name}'s"
            assert trail[-1][1] == "restore" and names[name] in trail[-1][4], (run, trail[-1])
        seen.add(name)
        # The next start (here: the start-up check) removes a crashed restore's staging copy.
        backup_startup.startup_state(db_path)
        assert not list(db_path.parent.glob(f"{db_path.name}.pulih.*"))
    assert seen == {"A", "B"}
    assert staged_kills == sum(1 for mode, _ in RESTORE_SCHEDULE if mode == "pause")
    print(f"\nrestore crash proof: {len(RESTORE_SCHEDULE)} kills ({staged_kills} between staging and switch), "
          "every table always all of A or all of B, audit trail = that backup's + its restore record")


def integrity_of(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
