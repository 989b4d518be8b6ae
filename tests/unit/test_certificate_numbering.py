"""Two processes issuing into the same database at once: numbers unique and gap-free."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from balai_app.db.connection import close_database, open_database
from balai_app.db.models import Certificate
from support.certificates import build_course, make_admin, make_profile

WORKER = textwrap.dedent(
    """
    import sys
    from balai_app.db.connection import open_database
    from balai_app.services import certificates
    from balai_app.services.context import Actor

    db_path, batch_id, user_id, *resident_ids = sys.argv[1:]
    open_database(db_path)
    actor = Actor(int(user_id), "admin", "admin")
    print("ready", flush=True)
    sys.stdin.readline()  # "go": both are ready, they start together
    for rid in resident_ids:
        result = certificates.issue(actor, int(batch_id), [int(rid)])
        assert len(result.issued) == 1, result.refused
        print(result.issued[0].number, flush=True)
    """
)


@pytest.mark.slow
def test_two_processes_issue_at_once_without_duplicates_or_gaps(db, db_path, make_resident, tmp_path):
    make_profile()
    admin = make_admin()
    courses = [build_course(make_resident, names=[f"Peserta {k}-{i}" for i in range(12)], code=f"K{k}")
               for k in range(2)]
    close_database()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(db_path), str(course.batch.id), str(admin.user_id),
             *(str(r.id) for r in course.residents)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for course in courses
    ]
    for p in procs:  # each reports that it has opened the database and waits
        assert p.stdout is not None and p.stdout.readline().strip() == "ready", p.stderr and p.stderr.read()
    for p in procs:  # "go" to both before waiting for either
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    outputs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outputs):
        assert p.returncode == 0, err
    printed = [line for out, _ in outputs for line in out.split()]
    open_database(db_path)
    rows = list(Certificate.select().order_by(Certificate.sequence))
    assert len(rows) == 24 == len(printed)
    assert [r.sequence for r in rows] == list(range(1, 25))
    assert len({r.number for r in rows}) == 24 and set(printed) == {r.number for r in rows}
    assert {r.program_id for r in rows} == {c.program.id for c in courses}
