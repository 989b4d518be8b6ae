"""Issue 11: test helpers live in ``tests/support/`` (plain functions) and ``conftest.py`` files
(fixtures); no test folder imports another's modules, and no fixture is imported by hand (the
``# noqa: F401`` / ``F811`` pattern that hid it from the linters)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
FOLDERS = {p.name for p in TESTS.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}


def offences(path: Path, source: str) -> list[str]:
    own = path.relative_to(TESTS).parts[0] if len(path.relative_to(TESTS).parts) > 1 else ""
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            top = name.split(".")[0]
            if top in FOLDERS and top not in (own, "support"):
                found.append(f"{path.relative_to(TESTS).as_posix()}:{node.lineno} imports {name} from another test folder")
    for number, line in enumerate(source.splitlines(), 1):
        if line.lstrip().startswith(("from ", "import ")) and ("noqa: F401" in line or "noqa: F811" in line):
            found.append(f"{path.relative_to(TESTS).as_posix()}:{number} imports a fixture by hand: {line.strip()}")
    return found


def test_no_test_folder_imports_another_and_no_fixture_is_imported_by_hand():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        found += offences(path, path.read_text(encoding="utf-8"))
    assert not found, "move shared helpers to tests/support/ and fixtures to a conftest.py:\n" + "\n".join(found)


def test_the_walk_sees_both_faults():
    path = TESTS / "cli" / "test_x.py"
    assert offences(path, "from unit.test_certificate_publish import verdict\n") == [
        "cli/test_x.py:1 imports unit.test_certificate_publish from another test folder"]
    assert offences(path, "from cli.helpers import terminated  # noqa: F401 - the fixture\n") == [
        "cli/test_x.py:1 imports a fixture by hand: from cli.helpers import terminated  # noqa: F401 - the fixture"]
    assert offences(path, "from support.accounts import make_account\n") == []
