#!/usr/bin/env python3
"""Compile every Designer form ``ui/*.ui`` into ``balai_app/gui/forms/ui_*.py`` with pyside6-uic.

uic imports some forty Qt classes into every module whether the form uses them or not;
each class PySide6 hands out is built on first use, with its enums (the sign-in's form paid
~10 ms for a dozen unused QtGui gradients, palettes and painters before the program's
first paint, issue 18). The imports are cut down to the names the module uses.

Run after editing a form:  python scripts/compile_ui.py
``--check`` exits 1 when a committed module differs from what its form compiles to
(the test suite runs this check).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import textwrap
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
    return HEADER.format(name=form.name) + "\n" + used_qt_imports("".join(lines))


def used_qt_imports(code: str) -> str:
    """``code`` with its ``from PySide6.… import (…)`` statements cut down to the names used
    (a statement left with none is dropped)."""
    tree = ast.parse(code)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = code.splitlines(keepends=True)
    for node in reversed(tree.body):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")):
            continue
        keep = [alias.name for alias in node.names if (alias.asname or alias.name) in used]
        statement = textwrap.fill(f"from {node.module} import ({', '.join(keep)})", width=79,
                                  subsequent_indent="    ", break_on_hyphens=False) + "\n" if keep else ""
        assert node.end_lineno is not None
        lines[node.lineno - 1:node.end_lineno] = [statement]
    return "".join(lines)


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
