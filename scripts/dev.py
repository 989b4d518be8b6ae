#!/usr/bin/env python3
"""Set up and run Balai from a fresh clone, on Linux or Windows.

    python3 scripts/dev.py run     # venv + install + demo database + open the window
    python3 scripts/dev.py test    # venv + test extras + the whole suite, offscreen
    python3 scripts/dev.py cli ARGS...   # the command line `balai-app ARGS...` from .venv
                                         # (on the demo database unless --db or BALAI_DB says otherwise)
    python3 scripts/dev.py where   # print the full path of .venv's balai-app, to call it directly
    python3 scripts/dev.py lint    # ruff (whole tree) + mypy (domain, db, services, documents)

Everything lives in ``.venv/`` and ``.dev/`` inside the clone. Extra arguments
after ``test`` go to pytest. Only the standard library is used here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
DEV = ROOT / ".dev"
WINDOWS = os.name == "nt"

# Debian packages Qt needs: (package, a library file it provides).
QT_OFFSCREEN = [
    ("libgl1", "libGL.so.1"),
    ("libegl1", "libEGL.so.1"),
    ("libfontconfig1", "libfontconfig.so.1"),
    ("libxkbcommon0", "libxkbcommon.so.0"),
    ("libglib2.0-0", "libglib-2.0.so.0"),
    ("libdbus-1-3", "libdbus-1.so.3"),
]
QT_X11 = [
    ("libxcb-cursor0", "libxcb-cursor.so.0"),
    ("libxcb-icccm4", "libxcb-icccm.so.4"),
    ("libxcb-keysyms1", "libxcb-keysyms.so.1"),
    ("libxcb-image0", "libxcb-image.so.0"),
    ("libxcb-render-util0", "libxcb-render-util.so.0"),
    ("libxcb-shape0", "libxcb-shape.so.0"),
    ("libxcb-xkb1", "libxcb-xkb.so.1"),
    ("libxkbcommon-x11-0", "libxkbcommon-x11.so.0"),
]
# Used by tests that look at rendered PDFs and by the screenshot tool.
TEST_TOOLS = [("poppler-utils", "pdftoppm"), ("zbar-tools", "zbarimg")]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def _have_library(name: str) -> bool:
    try:
        out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return True  # cannot tell; let Qt speak for itself
    return name in out


def ensure_system_packages(packages: list[tuple[str, str]]) -> None:
    """Name what is missing in one line; install it when running as root (CI)."""
    if WINDOWS or sys.platform == "darwin":
        return
    missing = [
        pkg for pkg, provided in packages
        if not provided or not (_have_library(provided) if ".so" in provided else shutil.which(provided))
    ]
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"dev.py: installing system packages: {' '.join(missing)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env)
        return
    sys.exit(f"dev.py: these Debian packages are missing here (Qt and Python need them): {' '.join(missing)} "
             f"(install: sudo apt-get install {' '.join(missing)})")


def ensure_venv(extras: str) -> Path:
    python = venv_python()
    if not python.exists():
        try:
            import ensurepip  # noqa: F401  (Debian ships it in python3-venv)
        except ImportError:
            ensure_system_packages([("python3-venv", "")])
        print("dev.py: creating .venv", flush=True)
        import venv  # here, not at import: a Python without venv (as CI's Windows one) can still import dev.py

        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".balai-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        print(f"dev.py: installing balai-app{extras} into .venv", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", f".{extras}"], check=True, cwd=ROOT)
        stamp.write_text(wanted)
    return python


def cmd_run(args: list[str]) -> int:
    ensure_system_packages(QT_OFFSCREEN + QT_X11)
    python = ensure_venv("[test]")
    DEV.mkdir(exist_ok=True)
    db = DEV / "demo.sqlite"
    if not db.exists():
        subprocess.run([str(python), "-m", "balai_app", "--db", str(db), "demo"], check=True)
    return subprocess.call([str(python), "-m", "balai_app", "--db", str(db), *args])


def balai_app_path() -> Path:
    return VENV / ("Scripts/balai-app.exe" if WINDOWS else "bin/balai-app")


def cmd_cli(args: list[str]) -> int:
    """``balai-app ARGS`` as the README writes it, without activating .venv (Windows and Linux)."""
    python = ensure_venv("[test]")
    names_db = any(a == "--db" or a.startswith("--db=") for a in args) or os.environ.get("BALAI_DB")
    if not names_db and args and args[0] not in ("--help", "-h", "--version"):
        db = DEV / "demo.sqlite"
        if not db.exists():
            DEV.mkdir(exist_ok=True)
            subprocess.run([str(python), "-m", "balai_app", "--db", str(db), "demo"], check=True)
        args = ["--db", str(db), *args]
    return subprocess.call([str(python), "-m", "balai_app", *args])


def cmd_where(_args: list[str]) -> int:
    """The program's full path: type it instead of ``balai-app`` (or put its folder on PATH)."""
    ensure_venv("[test]")
    print(balai_app_path())
    return 0


def cmd_test(args: list[str]) -> int:
    ensure_system_packages(QT_OFFSCREEN + TEST_TOOLS)
    python = ensure_venv("[test]")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT, env=env)


def cmd_lint(args: list[str]) -> int:
    """ruff and mypy as configured in pyproject.toml; either failing fails the command."""
    python = ensure_venv("[test]")
    ruff = subprocess.call([str(python), "-m", "ruff", "check", ".", *args], cwd=ROOT)
    mypy = subprocess.call([str(python), "-m", "mypy"], cwd=ROOT)
    return ruff or mypy


def main(argv: list[str]) -> int:
    commands = {"run": cmd_run, "test": cmd_test, "lint": cmd_lint, "cli": cmd_cli, "where": cmd_where}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
