"""The README's command-line examples work as typed after ``python3 scripts/dev.py run`` (issue 13):
``dev.py cli ARGS`` is ``balai-app ARGS`` from .venv, ``dev.py where`` prints the program's path.
(The suite itself runs from that .venv: ``python3 scripts/dev.py test``.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "scripts" / "dev.py"


def dev(*args, **env):
    return subprocess.run([sys.executable, str(DEV), *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **env}, timeout=600)


def test_dev_cli_runs_balai_app_from_the_venv(tmp_path):
    where = dev("where")
    assert where.returncode == 0, where.stderr
    program = Path(where.stdout.strip().splitlines()[-1])
    assert program.exists() and program.name.startswith("balai-app")
    assert dev("cli", "--version").stdout.startswith("balai-app ")
    db = tmp_path / "x.sqlite"
    made = dev("cli", "--db", str(db), "init", "--name", "Balai Uji", "--code", "BU", "--admin", "kepala",
               BALAI_ADMIN_PASSWORD="Rahasia-Admin-123")
    assert made.returncode == 0, made.stderr
    listed = dev("cli", "--db", str(db), "--user", "kepala", "residents", "list",
                 BALAI_PASSWORD="Rahasia-Admin-123")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.strip().splitlines()[-1] == "0 dari 0 PM"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 scripts/dev.py cli --user admin residents list" in readme and "scripts/dev.py where" in readme
