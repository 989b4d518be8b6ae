"""The README's server section, proven on a bare PostgreSQL server (issue 16).

The SQL block(s) of "Beberapa komputer, satu balai" are read out of README.md and run
exactly as written, pasted into psql as the superuser (PostgreSQL's installer leaves only
``postgres``; here ``pgadmin``). Its ``pg_hba.conf`` line is added to the server's file and
must load without error. Then the README's own commands: ``move-to`` the server as
``balai_admin``, every-day work as ``kantor`` with the password from a pgpass line in the
README's format, the audit table refusing UPDATE/DELETE to ``kantor`` by privilege, and
``move-to`` back to a file without a row changed.
"""

from __future__ import annotations

import re
import shlex
import shutil
import tempfile
from pathlib import Path

import pytest

import pg_engine
from support.inprocess import invoke

ROOT = Path(__file__).resolve().parents[2]
pgtemp = pg_engine.pgtemp


def server_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Beberapa komputer, satu balai")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def fenced_blocks(section: str, language: str) -> list[str]:
    """The ```LANGUAGE blocks (indented inside a list item or not), without their indent."""
    blocks = []
    for match in re.finditer(rf"^( *)```{language}\n(.*?)^\1```", section, re.M | re.S):
        indent = len(match.group(1))
        blocks.append("\n".join(line[indent:] for line in match.group(2).splitlines()))
    return blocks


def readme_command(section: str, starts: str) -> str:
    for line in section.splitlines():
        if line.strip().startswith(starts):
            return line.strip()
    raise AssertionError(f"README has no command starting {starts!r}")


@pytest.fixture
def bare_server():
    if pgtemp.bindir() is None:
        pytest.fail("PostgreSQL's programs are needed for this test (the engine parameter says they are here)")
    folder = Path(tempfile.mkdtemp(prefix="balai-readme-pg-"))
    folder.chmod(0o755)
    try:
        port = pgtemp.start(folder, roles=False)
        yield folder, port
    finally:
        pgtemp.stop(folder, mode="immediate")
        shutil.rmtree(folder, ignore_errors=True)


def _superuser(folder: Path, port: int):
    from balai_app.db.server import load_driver

    psycopg = load_driver()
    return psycopg.connect(host="127.0.0.1", port=port, user="pgadmin", dbname="postgres",
                           password=pgtemp.PASSWORDS["pgadmin"], autocommit=True)


@pytest.mark.postgresql_only
def test_the_readme_server_set_up_works_as_written(engine, bare_server, tmp_path, monkeypatch):
    folder, port = bare_server
    section = server_section()
    sql_blocks = fenced_blocks(section, "sql")
    assert sql_blocks, "the README's set-up SQL is in ```sql blocks"
    # 1. The SQL, exactly as written, pasted into psql as the superuser.
    bins = pgtemp.bindir()
    for sql in sql_blocks:
        pgtemp._run([bins / "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder / "socket", "-p", port,
                     "-U", "pgadmin", "-d", "postgres", "-f", "-"], input=sql)
    passwords = dict(re.findall(r"CREATE ROLE (\w+) LOGIN PASSWORD '([^']+)'", "\n".join(sql_blocks)))
    assert set(passwords) == {"balai_admin", "kantor"}

    # 2. Its pg_hba.conf line loads without error (the server reports every rule it read).
    hba_lines = [line for block in fenced_blocks(section, "text") for line in block.splitlines()
                 if line.startswith("host")]
    assert len(hba_lines) == 1
    with open(folder / "data" / "pg_hba.conf", "a", encoding="utf-8") as hba:
        hba.write(hba_lines[0] + "\n")
    with _superuser(folder, port) as conn:
        conn.execute("SELECT pg_reload_conf()")
        errors = conn.execute("SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL").fetchall()
        rules = conn.execute("SELECT database, address, auth_method FROM pg_hba_file_rules "
                             "WHERE address = '192.168.1.0'").fetchall()
    assert errors == []
    assert rules == [(["balai"], "192.168.1.0", "scram-sha-256")]

    # The passwords come from a pgpass file with the README's line format.
    pgpass_example = re.search(r"`(192\.168\.1\.10:5432:balai:kantor:SANDI)`", section).group(1)
    here = f"127.0.0.1:{port}"
    pgpass = tmp_path / "pgpass.conf"
    pgpass.write_text("".join(pgpass_example.replace("192.168.1.10:5432", here).replace("kantor:SANDI", f"{u}:{p}")
                              + "\n" for u, p in passwords.items()), encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)

    # 3. The README's move-to, as balai_admin, from a balai's existing file.
    source = tmp_path / "balai.sqlite"
    assert invoke("--db", source, "demo", "--residents", "12").returncode == 0
    move = readme_command(section, 'balai-app --db "%LOCALAPPDATA%')
    move = move.replace('"%LOCALAPPDATA%\\Balai\\balai.sqlite"', shlex.quote(str(source)))
    move = move.replace("192.168.1.10:5432", here)
    moved = invoke(*shlex.split(move)[1:], env={"BALAI_PASSWORD": "demo"})
    assert moved.returncode == 0, moved.stderr
    assert "Selesai" in moved.stdout

    # 4. Every-day work as kantor (the README's connect command), through the program.
    kantor_url = readme_command(section, "balai-app --db postgresql://kantor@").split()[-1].replace(
        "192.168.1.10:5432", here)
    listed = invoke("--db", kantor_url, "--user", "admin", "residents", "list", env={"BALAI_PASSWORD": "demo"})
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) >= 12, listed.stderr
    added = invoke("--db", kantor_url, "--user", "admin", "partners", "add", "--name", "LKS Harapan", "--kind", "lks",
                   env={"BALAI_PASSWORD": "demo"})
    assert added.returncode == 0, added.stderr
    checked = invoke("--db", kantor_url, "check")
    assert checked.returncode == 0, checked.stderr

    # 5. What the README promises about kantor's privileges, asked of the server itself.
    from balai_app.db.server import load_driver

    psycopg = load_driver()
    with psycopg.connect(host="127.0.0.1", port=port, user="kantor", dbname="balai", autocommit=True) as conn:
        audit_rows = conn.execute("SELECT COUNT(*) FROM audit_event").fetchone()[0]
        assert audit_rows > 0
        for statement in ("UPDATE audit_event SET summary = 'diubah'", "DELETE FROM audit_event",
                          "TRUNCATE audit_event", "CREATE TABLE coba (id int)", "DROP TABLE resident"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute("SELECT COUNT(*) FROM audit_event").fetchone()[0] == audit_rows

    # 6. And back to a file, as the README says, without a row changed.
    back = readme_command(section, "(`balai-app --db postgresql://balai_admin@").strip("(`),")
    back = back.replace("192.168.1.10:5432", here).replace("balai-kembali.sqlite", shlex.quote(str(tmp_path / "k.sqlite")))
    returned = invoke(*shlex.split(back)[1:], env={"BALAI_PASSWORD": "demo"})
    assert returned.returncode == 0, returned.stderr
    from balai_app.db import transfer
    from balai_app.db.connection import close_database, open_database

    fingerprints = []
    for location in (f"postgresql://balai_admin@{here}/balai", tmp_path / "k.sqlite"):
        db = open_database(location, create=False)
        try:
            fingerprints.append(transfer.fingerprint(db))
        finally:
            close_database()
    assert fingerprints[0] == fingerprints[1]
