"""Concurrency proof: two processes write to one database at the same time.

Two worker processes (``concurrency_worker.py``) each run hundreds of mixed
writes through the services -- the same code the window uses -- and keep
writing until the command line is done (it says so with a file), while the
command line imports 3 x 150 residents (``balai-app residents import``) and
backs the database up three times (``balai-app backup``). Afterwards:

- no exception reached a caller except the expected refusals (a contested
  NIK refused by validation, StaleRecord on a concurrent edit, then retried):
  in particular never "database is locked";
- nothing is lost: every reported write is in the database, each with its
  audit event; resident numbers are unique and gap-free (1..N), and so are
  certificate numbers (sequence 1..N of the year, each number once);
- every concurrent edit of a shared PM is counted in its ``version``
  (no lost update), and each contested NIK was registered exactly once;
- each participant holds exactly one valid certificate, every revoked one
  is replaced exactly once (the shared participant's chain too);
- every backup taken during the writes passes ``integrity_check``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WORKER = Path(__file__).with_name("concurrency_worker.py")
OPS = 300
SHARED = 10
CONTESTED = 20
IMPORT_ROWS = 150


BUSY = "sedang dipakai"  # the command line's refusal when the write lock stays taken past its wait


def _count(db_path: Path, pattern: str) -> int:
    conn = sqlite3.connect(str(db_path), timeout=600)
    try:
        return conn.execute("SELECT COUNT(*) FROM resident WHERE name LIKE ?", (pattern,)).fetchone()[0]
    finally:
        conn.close()


def _run_cli(args: list[str], env: dict[str, str], unchanged) -> subprocess.CompletedProcess:
    """Run a command until it succeeds. On a slow or busy PC the two workers can keep the write
    lock taken past the command's wait: it is then refused (exit 1, the busy message) and must
    have changed nothing -- checked by ``unchanged`` -- before it is tried again. The workers do
    a fixed number of operations, so the lock is free at the latest when they are done."""
    for _attempt in range(50):
        cli = subprocess.run([sys.executable, "-m", "balai_app", *args],
                             capture_output=True, text=True, env=env, timeout=600)
        if cli.returncode == 1 and BUSY in cli.stderr:
            assert unchanged(), f"a refused command changed something: {args}\n{cli.stderr}"
            continue
        assert cli.returncode == 0, cli.stdout + cli.stderr
        return cli
    raise AssertionError(f"still refused as busy after 50 tries: {args}")


@pytest.mark.sqlite_only  # checks the file with sqlite3; PostgreSQL: test_proof_postgres.py
@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path, db, make_resident):
    from balai_app.db.connection import close_database
    from balai_app.services import certificates
    from support.certificates import build_course, make_profile

    db_path = Path(db.database)
    for _ in range(SHARED):
        make_resident(nik=None, nik_missing_reason="belum ada")
    make_profile()
    from balai_app.db.connection import write_transaction
    from balai_app.services import accounts
    from balai_app.services.context import SYSTEM, Actor

    with write_transaction():  # an admin who can sign in on the command line
        user = accounts.insert_user(SYSTEM, {"username": "kepala", "full_name": "Kepala Balai", "role": "admin"},
                                    "rahasia-kantor-2026", must_change_password=False)
    admin = Actor(user.id, user.username, "admin")
    course = build_course(make_resident, names=["Milik Pekerja 1", "Milik Pekerja 2", "Milik Bersama"])
    holders = [r.id for r in course.residents]
    first = certificates.issue(admin, course.batch.id).issued
    assert len(first) == 3
    base_residents = SHARED + 3
    close_database()

    go, stop = tmp_path / "go", tmp_path / "stop"
    # The workers are processes on the same PC: they share its data folder, where the
    # certificate signing key lives (issue 14).
    env = {**os.environ, "BALAI_PASSWORD": "rahasia-kantor-2026"}
    workers = [
        subprocess.Popen([sys.executable, str(WORKER), str(db_path), str(n), str(OPS), str(go), str(admin.user_id),
                          str(holders[n - 1]), str(holders[2]), str(stop)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for n in (1, 2)
    ]
    for proc in workers:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    go.touch()
    started = time.monotonic()

    # Meanwhile the command line imports residents and backs the database up.
    backups, imported, cli_spans = [], 0, []
    try:
        for n in range(3):
            cli_start = time.time()
            out = tmp_path / f"during-{n}.sqlite"
            cli = _run_cli(["--db", str(db_path), "--user", "kepala", "backup", "--out", str(out)], env,
                           unchanged=lambda out=out: not out.exists())
            backups.append(out)
            csv_file = tmp_path / f"impor-{n}.csv"
            lines = ["nama;jenis_kelamin;klaster;tanggal_masuk"] + [
                f"Impor {n}-{i} Ma'ruf;L;napza;05/01/2026" for i in range(IMPORT_ROWS)]
            csv_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
            cli = _run_cli(["--db", str(db_path), "--user", "kepala", "residents", "import", str(csv_file)], env,
                           unchanged=lambda n=n: _count(db_path, f"Impor {n}-%") == 0)
            assert f"imported {IMPORT_ROWS}, skipped 0" in cli.stdout
            imported += IMPORT_ROWS
            cli_spans.append((cli_start, time.time()))
    finally:
        stop.touch()  # the workers write until now (at least OPS operations each), never longer

    reports = []
    for proc in workers:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    elapsed = time.monotonic() - started

    for report in reports:
        assert report["errors"] == [], "\n".join(report["errors"])
    # The command line really ran while both workers were writing.
    both = (max(r["span"][0] for r in reports), min(r["span"][1] for r in reports))
    overlapping = [span for span in cli_spans if span[0] < both[1] and span[1] > both[0]]
    assert overlapping, (both, cli_spans)
    done = [r["done"] for r in reports]

    conn = sqlite3.connect(str(db_path))
    try:
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ids = [r[0] for r in conn.execute("SELECT id FROM resident ORDER BY id")]
        created = [i for d in done for i in d["create"]]
        won = [s for d in done for s in d["contested_won"]]
        # Unique and gap-free numbering.
        assert ids == list(range(1, len(ids) + 1))
        assert len(ids) == base_residents + len(created) + len(won) + imported
        assert conn.execute("SELECT COUNT(*) FROM resident WHERE name LIKE 'Impor %'").fetchone()[0] == imported
        assert set(created) <= set(ids) and len(set(created)) == len(created)
        # Each contested NIK registered exactly once, refused for the other worker.
        assert sorted(won) == sorted(set(won))
        refused = [s for d in done for s in d["contested_refused"]]
        assert sorted(won) == list(range(9001, 9001 + CONTESTED))
        assert sorted(won + refused) == sorted(list(range(9001, 9001 + CONTESTED)) * 2)
        for serial in set(won) | set(refused):
            assert conn.execute("SELECT COUNT(*) FROM resident WHERE nik = ?", (f"320101150110{serial:04d}",)).fetchone()[0] == 1
        # No lost update: every successful edit raised a shared PM's version by one.
        versions = sum(r[0] - 1 for r in conn.execute("SELECT version FROM resident WHERE id <= ?", (SHARED,)))
        assert versions == sum(d["update"] for d in done)
        # Every write has its row and its audit event.
        assert conn.execute("SELECT COUNT(*) FROM assessment").fetchone()[0] == sum(d["assessment"] for d in done)
        assert conn.execute("SELECT COUNT(*) FROM service_record").fetchone()[0] == sum(d["service"] for d in done)
        audit = dict(conn.execute("SELECT entity || ':' || action, COUNT(*) FROM audit_event GROUP BY 1").fetchall())
        assert audit.get("resident:create", 0) == len(ids)
        # Certificates: unique, gap-free numbering; one valid per participant; each replaced once.
        reissued = [c for d in done for c in d["certificates"]]
        rows = conn.execute("SELECT year, sequence, number, status, resident_id, replaces_id FROM certificate "
                            "ORDER BY year, sequence").fetchall()
        assert len(rows) == 3 + len(reissued)
        for year in {r[0] for r in rows}:
            sequences = [r[1] for r in rows if r[0] == year]
            assert sequences == list(range(1, len(sequences) + 1)), f"gap or duplicate in {year}"
        assert len({r[2] for r in rows}) == len(rows)
        assert {c[2] for c in reissued} <= {r[2] for r in rows}
        for holder in holders:
            assert sum(1 for r in rows if r[4] == holder and r[3] == "berlaku") == 1
        replaced = [r[5] for r in rows if r[5] is not None]
        assert len(replaced) == len(set(replaced)) == len(reissued)
        assert sum(1 for r in rows if r[3] == "dicabut") == len(reissued)
        assert audit.get("certificate:issue", 0) == len(rows)
        assert audit.get("certificate:revoke", 0) == len(reissued)
        assert audit.get("resident:update", 0) == versions
        assert audit.get("assessment:create", 0) == sum(d["assessment"] for d in done)
        assert audit.get("service:create", 0) == sum(d["service"] for d in done)
    finally:
        conn.close()

    from balai_app.services import integrity

    for path in backups:
        assert integrity.check_file(path).sound, path

    writes = len(ids) - base_residents - imported + versions + sum(d["assessment"] + d["service"] for d in done) + len(reissued)
    retries = sum(d["stale_retries"] for d in done)
    print(f"\nconcurrency proof: 2 processes, {writes} writes in {elapsed:.1f} s ({len(reissued)} certificates "
          f"reissued, numbers 1..{len(rows)} gap-free, {sum(d['reissue_refused'] for d in done)} lost races refused), "
          f"{retries} StaleRecord retries, {imported} PM imported by the CLI ({len(overlapping)} of 3 rounds during the writes), "
          f"{len(refused)} contested NIKs refused, 3 backups taken during the writes, all sound")
