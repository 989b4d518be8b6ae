#!/usr/bin/env python3
"""Compile every Designer form ``ui/*.ui`` into ``balai_app/gui/forms/ui_*.py`` with pyside6-uic.

Run after editing a form:  python scripts/compile_ui.py
``--check`` exits 1 when a committed module differs from what its form compiles to
(the test suite runs this check).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
OUT_DIR = ROOT / "balai_app" / "gui" / "forms"
HEADER = "# Generated from ui/{name} by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.\n"


def uic_command() -> list[str]:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if exe:
        return [exe]
    # The launcher's own entry point (``python -m PySide6.scripts.pyside_tool uic`` does not take a tool name).
    return [sys.executable, "-c", "from PySide6.scripts.pyside_tool import uic; uic()"]


def compile_one(form: Path) -> str:
    result = subprocess.run(
        [*uic_command(), "--no-autoconnection", str(form)], check=True, capture_output=True, text=True
    )
    body = result.stdout
    # Drop uic's own header (it names the Qt version and would churn on upgrades).
    lines = body.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return HEADER.format(name=form.name) + "\n" + "".join(lines)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for form in sorted(UI_DIR.glob("*.ui")):
        target = OUT_DIR / f"ui_{form.stem}.py"
        code = compile_one(form)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != code:
                stale.append(f"{form.name} -> {target.relative_to(ROOT)}")
        else:
            target.write_text(code, encoding="utf-8")
            print(f"compiled {form.name} -> {target.relative_to(ROOT)}")
    if stale:
        print("out of date (run scripts/compile_ui.py):\n  " + "\n  ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
