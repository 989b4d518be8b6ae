"""Who may read (issue 12): once a database has accounts, every command that shows data
needs --user; only --version, --help, check and certificates verify stay open."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run(*args, env_extra=None):
    env = {**os.environ, "BALAI_PASSWORD": "demo", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "balai_app", *args], capture_output=True, text=True,
                          timeout=120, env=env)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("baca") / "kantor.sqlite"
    assert run("--db", str(path), "demo", "--residents", "20").returncode == 0
    return path


@pytest.mark.parametrize("command", [
    ["residents", "list"], ["certificates", "list"], ["batches", "list"], ["programs", "list"],
    ["sessions", "list", "--batch", "1"], ["progress", "--batch", "1"], ["audit", "list"],
])
def test_reading_without_an_account_is_refused(demo_db, command):
    result = run("--db", str(demo_db), *command)
    assert result.returncode == 2, result.stdout
    assert "--user" in result.stderr and result.stdout == ""


def test_the_open_commands_stay_open(demo_db):
    assert run("--version").returncode == 0
    assert run("--db", str(demo_db), "residents", "--help").returncode == 0
    assert run("--db", str(demo_db), "check").returncode == 0
    verify = run("--db", str(demo_db), "certificates", "verify", "BALAI1|0001/X|ABCD")
    assert verify.returncode == 1 and "--user" not in verify.stderr and "TIDAK VALID" in verify.stdout


def test_an_instruktur_cannot_list_the_register(demo_db):
    result = run("--db", str(demo_db), "--user", "instruktur", "residents", "list")
    assert result.returncode == 1 and "Ditolak" in result.stderr
    assert run("--db", str(demo_db), "--user", "staf", "residents", "list").returncode == 0
