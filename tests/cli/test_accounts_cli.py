"""``init``, ``users``, ``audit`` and ``--user``: the command line obeys the same permissions."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from balai_app import cli
from balai_app.db.connection import close_database

pytestmark = pytest.mark.usefixtures("fast_hashing")

ADMIN_PW = "rahasia-admin-1"


@pytest.fixture
def run(db_path, monkeypatch, capsys):
    """Run ``balai-app --db DB ...`` in this process; returns (exit code, stdout, stderr)."""

    def invoke(*argv, env=None):
        for key in ("BALAI_PASSWORD", "BALAI_NEW_PASSWORD", "BALAI_ADMIN_PASSWORD"):
            monkeypatch.delenv(key, raising=False)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        try:
            code = cli.main(["--db", str(db_path), *argv])
        finally:
            close_database()
        out = capsys.readouterr()
        return code, out.out, out.err

    return invoke


@pytest.fixture
def initialised(run):
    code, out, err = run("init", "--name", "Balai Uji", "--code", "brs-uji", "--admin", "Kepala",
                         env={"BALAI_ADMIN_PASSWORD": ADMIN_PW})
    assert code == 0, err
    return run


def as_admin(**extra):
    return {"BALAI_PASSWORD": ADMIN_PW, **extra}


@pytest.mark.sqlite_only
def test_init_creates_profile_and_admin_and_refuses_a_second_time(initialised, db_path):
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT name, code FROM balai_profile").fetchall() == [("Balai Uji", "BRS-UJI")]
    assert con.execute("SELECT username, role, must_change_password FROM user").fetchall() == [("kepala", "admin", 0)]
    con.close()
    code, _out, err = initialised("init", "--name", "Lain", "--code", "LAIN", "--admin", "lain",
                                  env={"BALAI_ADMIN_PASSWORD": ADMIN_PW})
    assert code == 1 and "sudah disiapkan" in err


def test_init_output_and_short_password(run):
    code, _out, err = run("init", "--name", "Balai Uji", "--code", "BRS", "--admin", "kepala",
                          env={"BALAI_ADMIN_PASSWORD": "pendek"})
    assert code == 1 and "minimal 8 karakter" in err
    code, out, _err = run("init", "--name", "Balai Uji", "--code", "BRS", "--admin", "kepala",
                          env={"BALAI_ADMIN_PASSWORD": ADMIN_PW})
    assert code == 0 and out.strip() == "Balai 'Balai Uji' (BRS) disiapkan; admin: kepala"


def test_init_reads_the_password_from_the_prompt(run, monkeypatch):
    answers = iter([ADMIN_PW, ADMIN_PW])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _out, err = run("init", "--name", "Balai Uji", "--code", "BRS", "--admin", "kepala")
    assert code == 0, err
    answers = iter(["satu-dua-tiga", "lain-lagi-99"])
    code, _out, err = run("--user", "kepala", "users", "add", "rina", "--name", "Rina", "--role", "staf", env=as_admin())
    # the admin's password came from BALAI_PASSWORD; the new one from the prompt, typed twice differently
    assert code == 1 and "tidak sama" in err


def test_write_commands_need_a_user_once_accounts_exist(initialised):
    code, _out, err = initialised("users", "add", "rina", "--name", "Rina", "--role", "staf",
                                  env={"BALAI_NEW_PASSWORD": "sementara-1"})
    assert code == 2 and "--user" in err
    code, _out, err = initialised("--user", "kepala", "users", "add", "rina", "--name", "Rina", "--role", "staf",
                                  env={"BALAI_PASSWORD": "salah-sekali", "BALAI_NEW_PASSWORD": "sementara-1"})
    assert code == 1 and "salah" in err


@pytest.mark.sqlite_only
def test_users_lifecycle_and_permissions(initialised, db_path):
    run = initialised
    code, out, err = run("--user", "kepala", "users", "add", "Rina", "--name", "Rina Kartika", "--role", "staf",
                         env=as_admin(BALAI_NEW_PASSWORD="sementara-1"))
    assert code == 0, err
    assert "wajib diganti" in out
    # a new account must change its password before it can act
    code, _out, err = run("--user", "rina", "users", "list", env={"BALAI_PASSWORD": "sementara-1"})
    assert code == 1 and "users password" in err
    code, out, err = run("--user", "rina", "users", "password",
                         env={"BALAI_PASSWORD": "sementara-1", "BALAI_NEW_PASSWORD": "milik-rina-1"})
    assert code == 0, err
    # a staf is refused account management with a clear message
    code, _out, err = run("--user", "rina", "users", "add", "joko", "--name", "Joko", "--role", "instruktur",
                          env={"BALAI_PASSWORD": "milik-rina-1", "BALAI_NEW_PASSWORD": "sementara-2"})
    assert code == 1 and err.strip() == "Ditolak: Anda (rina) tidak berhak mengelola akun pengguna."
    code, out, _err = run("--user", "kepala", "users", "list", env=as_admin())
    assert "rina\tRina Kartika\tStaf\taktif" in out
    code, _out, err = run("--user", "kepala", "users", "reset-password", "rina",
                          env=as_admin(BALAI_NEW_PASSWORD="sementara-3"))
    assert code == 0, err
    code, _out, _err = run("--user", "kepala", "users", "deactivate", "rina", env=as_admin())
    assert code == 0
    code, out, _err = run("--user", "kepala", "users", "list", env=as_admin())
    assert "rina\tRina Kartika\tStaf\tnonaktif" in out
    code, _out, err = run("--user", "rina", "users", "list", env={"BALAI_PASSWORD": "sementara-3"})
    assert code == 1 and "dinonaktifkan" in err
    code, _out, err = run("--user", "kepala", "users", "deactivate", "kepala", env=as_admin())
    assert code == 1 and "sendiri" in err
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT count(*) FROM user").fetchone()[0] == 2  # never deleted
    con.close()


def test_read_only_commands_need_a_user_once_accounts_exist(initialised):
    code, out, err = initialised("residents", "list")
    assert code == 2 and "--user" in err and out == ""  # issue 12: no reading without an account
    code, out, err = initialised("--user", "kepala", "residents", "list", env=as_admin())
    assert code == 0, err
    assert "0 dari 0 PM" in out


def test_audit_list_and_export(initialised, tmp_path):
    run = initialised
    run("--user", "kepala", "users", "add", "rina", "--name", "Rina", "--role", "staf",
        env=as_admin(BALAI_NEW_PASSWORD="sementara-1"))
    code, _out, err = run("audit", "list")
    assert code == 2 and "--user" in err  # the trail is personal data: never without an account
    code, out, err = run("--user", "kepala", "audit", "list", "--by", "kepala", "--action", "create", env=as_admin())
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 2 and all("\tkepala\tMembuat\t" in line for line in lines)
    assert any("\tAkun No. 2\t" in line and "Peran:  → Staf" in line for line in lines), lines
    code, out2, err = run("--user", "kepala", "audit", "list", "--by", "kepala", "--action", "Membuat", env=as_admin())
    assert code == 0 and out2 == out, err  # a label filters like its code
    code, _out, err = run("--user", "kepala", "audit", "list", "--entity", "orang", env=as_admin())
    assert code == 2 and "Jenis data tidak dikenal: orang" in err and "user (Akun)" in err
    target = tmp_path / "jejak.xlsx"
    code, out, err = run("--user", "kepala", "audit", "export", "--out", str(target), "--entity", "Akun", env=as_admin())
    assert code == 0, err
    assert target.exists()
    assert "diekspor" in out
    code, _out, err = run("--user", "kepala", "audit", "list", "--from", "31-02-2026", env=as_admin())
    assert code == 2


def test_demo_and_init_work_on_an_empty_database_without_a_user(tmp_path):
    """The real entry point, as a script would call it."""
    import os

    db = tmp_path / "demo.sqlite"
    env = {**os.environ}
    env.pop("BALAI_PASSWORD", None)
    result = subprocess.run([sys.executable, "-m", "balai_app", "--db", str(db), "demo", "--residents", "3"],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "akun demo dibuat: admin, staf, instruktur" in result.stdout
    con = sqlite3.connect(db)
    rows = con.execute("SELECT username, role, must_change_password FROM user ORDER BY id").fetchall()
    assert rows[:3] == [("admin", "admin", 0), ("staf", "staf", 0), ("instruktur", "instruktur", 0)]
    assert con.execute("SELECT is_demo FROM balai_profile").fetchone() == (1,)
    con.close()
    again = subprocess.run([sys.executable, "-m", "balai_app", "--db", str(db), "init", "--name", "X", "--code", "X",
                            "--admin", "x"], capture_output=True, text=True,
                           env={**env, "BALAI_ADMIN_PASSWORD": ADMIN_PW})
    assert again.returncode == 1 and "sudah disiapkan" in again.stderr
