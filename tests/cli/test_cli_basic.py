"""The command line contract: names, exit codes, demo."""

from __future__ import annotations

import subprocess
import sys

from balai_app import __version__


def run(*args, env_extra=None, cwd=None):
    import os

    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "balai_app", *args], capture_output=True, text=True, env=env, cwd=cwd)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"balai-app {__version__}"


def test_unknown_command_is_usage_error():
    result = run("--db", "x.sqlite", "frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr or "pilihan" in result.stderr


def test_demo_fills_empty_database_with_all_five_klaster(tmp_path):
    db = tmp_path / "demo.sqlite"
    result = run("--db", str(db), "demo")
    assert result.returncode == 0, result.stderr
    assert "PM demo dibuat" in result.stdout
    import sqlite3

    con = sqlite3.connect(db)
    klaster = {k for (k,) in con.execute("SELECT DISTINCT klaster FROM resident")}
    assert klaster == {"anak", "disabilitas", "lansia", "napza", "tuna_sosial"}
    niks = [n for (n,) in con.execute("SELECT nik FROM resident WHERE nik IS NOT NULL")]
    con.close()
    from balai_app.domain.nik import check_nik

    assert niks and all(check_nik(n).ok for n in niks)


def test_demo_refuses_a_database_with_data(tmp_path, demo_copy):
    db = demo_copy(10, tmp_path / "demo.sqlite")  # `demo --residents 10`, built once per run (shared)
    again = run("--db", str(db), "demo")
    assert again.returncode == 1
    assert "sudah berisi data" in again.stderr


def test_residents_list_masks_nik(tmp_path, demo_copy):
    db = demo_copy(10, tmp_path / "demo.sqlite")  # `demo --residents 10`, built once per run
    result = run("--db", str(db), "--user", "staf", "residents", "list", "--limit", "3",
                 env_extra={"BALAI_PASSWORD": "demo"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "3 dari 10 PM"
    assert "**********" in result.stdout


def test_database_path_from_environment(tmp_path):
    db = tmp_path / "env.sqlite"
    result = run("demo", "--residents", "3", env_extra={"BALAI_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_newer_database_refused_with_exit_1(tmp_path):
    import sqlite3

    db = tmp_path / "new.sqlite"
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 999")
    con.close()
    result = run("--db", str(db), "residents", "list")
    assert result.returncode == 1
    assert "lebih baru" in result.stderr


def test_usage_errors_speak_indonesian():
    result = run("--db", "x.sqlite", "residents", "list", "--klaster", "bukan")
    assert result.returncode == 2
    assert "pemakaian:" in result.stderr and "kesalahan" in result.stderr and "pilihan tidak dikenal" in result.stderr
    assert "usage:" not in result.stderr


def test_output_piped_into_a_closed_pipe_ends_quietly(tmp_path, demo_copy):
    db = demo_copy(900, tmp_path / "demo.sqlite")  # `demo --residents 900`: ~90 KB, more than a pipe holds
    import os

    # As `| head -1` does (on every OS): read one line, then close the pipe.
    proc = subprocess.Popen(
        [sys.executable, "-m", "balai_app", "--db", str(db), "--user", "staf", "residents", "list", "--limit", "900"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "BALAI_PASSWORD": "demo"})
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert first.strip()
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Errno" not in stderr, stderr


def test_a_mistyped_database_path_is_refused_not_created(tmp_path):
    missing = tmp_path / "salah-ketik" / "balai.sqlite"
    result = run("--db", str(missing), "residents", "list")
    assert result.returncode == 1
    assert "tidak ditemukan" in result.stderr
    assert not missing.exists() and not missing.parent.exists()
