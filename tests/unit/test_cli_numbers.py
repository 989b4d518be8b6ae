"""Counts in command output use the Indonesian thousands separator (issue 13: "numbers use the
Indonesian separators everywhere", "1.884.160 bita"), through the one formatter
``domain.numbers.number``.

A count printed straight from ``len(...)`` reads ``1884160``; this walks every command module
and names each place where ``len(...)`` reaches an f-string or a ``.format(...)`` argument
without passing through ``number``."""
from __future__ import annotations

import ast
from pathlib import Path

import balai_app
from balai_app.domain.numbers import number

CLI = Path(balai_app.__file__).parent / "cli"


def _bare_len(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len"


def offenders(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FormattedValue) and _bare_len(node.value):
            found.append(f"{name}:{node.lineno}")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"):
            found += [f"{name}:{kw.value.lineno}" for kw in node.keywords if _bare_len(kw.value)]
    return found


def test_no_command_prints_a_count_without_the_separator():
    found = []
    for path in sorted(CLI.glob("*.py")):
        found += offenders(path.read_text(encoding="utf-8"), path.name)
    assert not found, "wrap these counts in domain.numbers.number():\n" + "\n".join(found)


def test_the_walk_finds_a_bare_count():
    assert offenders('print(f"{len(rows)} program")', "x.py") == ["x.py:1"]
    assert offenders('print("{n} angkatan".format(n=len(rows)))', "x.py") == ["x.py:1"]
    assert offenders('print(f"{number(len(rows))} program")', "x.py") == []


def test_the_indonesian_separators():
    assert number(1884160) == "1.884.160"
    assert number(999) == "999"
    assert number(12.5) == "12,5"
    assert number(3.0) == "3"
