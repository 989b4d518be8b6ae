"""The layers' boundary (issue 11), checked on the source itself.

- nothing above ``services/`` (``gui/``, ``cli/``, ``documents/``, the self-test)
  imports ``balai_app.db`` or peewee: they receive plain records from services;
- ``documents/`` imports no service: a renderer takes the rows it prints;
- no public service function hands out a peewee model (its return annotation
  names none);
- no import cycle between the program's modules (imports inside functions
  count too; only ``if TYPE_CHECKING:`` blocks are left out).

``ALLOWED`` lists the remaining offenders with the helper converting them; it
must shrink to empty, never grow.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import balai_app
import balai_app.services as services_package
from balai_app.db.models import ALL_MODELS

ROOT = Path(balai_app.__file__).parent

# Public service functions still returning a model, by the helper who converts them.
ALLOWED_MODEL_RETURNS: dict[str, str] = {
}


def modules(*folders: str) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        path = ROOT / folder
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def imports(path: Path, name: str | None = None) -> list[tuple[int, str]]:
    """(line, imported module) of every import in the file, outside ``if TYPE_CHECKING:``.
    ``name``: the file's module name (default: from its place under ``balai_app``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if _type_checking(node):
            return
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.append((node.lineno, base))
            # ``from balai_app.services import audit`` imports the module balai_app.services.audit
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def offenders(paths: list[Path], forbidden: re.Pattern[str]) -> list[str]:
    return [f"{p.relative_to(ROOT.parent)}:{line} imports {name}"
            for p in paths for line, name in imports(p) if forbidden.match(name)]


DB = re.compile(r"^(balai_app\.db|peewee|playhouse)(\.|$)")


# Modules above services/ still importing the database layer, by owner; must end empty.
ALLOWED_DB_IMPORTS: dict[str, str] = {}


def test_nothing_above_services_imports_the_database_layer():
    paths = [p for p in modules("gui", "cli", "documents", "selftest.py", "__main__.py")
             if p.relative_to(ROOT.parent).as_posix() not in ALLOWED_DB_IMPORTS]
    found = offenders(paths, DB)
    assert not found, "import the database layer only in services/ and db/:\n" + "\n".join(found)


def test_documents_import_no_service():
    found = offenders(modules("documents"), re.compile(r"^balai_app\.services(\.|$)"))
    assert not found, "documents/ only render what they are given:\n" + "\n".join(found)


def test_the_walker_sees_every_kind_of_import(tmp_path):
    """An import inside a function, a relative one, one under TYPE_CHECKING (left out)."""
    sample = tmp_path / "probe.py"
    sample.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import peewee\n"
                      "def f():\n    from balai_app.db.models import Batch\n\nfrom ..db import connection\n",
                      encoding="utf-8")
    found = {(line, name) for line, name in imports(sample, "balai_app.gui.probe") if DB.match(name)}
    assert found == {(5, "balai_app.db.models"), (5, "balai_app.db.models.Batch"), (7, "balai_app.db"),
                     (7, "balai_app.db.connection")}


def test_no_service_function_returns_a_model():
    names = {model.__name__ for model in ALL_MODELS}
    pattern = re.compile(r"\b(" + "|".join(sorted(names)) + r")\b")
    found = []
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"balai_app.services.{info.name}")
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or func.__module__ != module.__name__:
                continue
            if name.startswith("load_"):  # the row itself, for other services only (never above services/)
                continue
            returns = str(func.__annotations__.get("return", ""))
            key = f"{info.name}.{name}"
            if pattern.search(returns) and key not in ALLOWED_MODEL_RETURNS:
                found.append(f"{key} -> {returns}")
    assert not found, "services hand out plain records (services/records.py), not models:\n" + "\n".join(found)


def test_the_allow_list_only_names_real_offenders():
    names = {model.__name__ for model in ALL_MODELS}
    pattern = re.compile(r"\b(" + "|".join(sorted(names)) + r")\b")
    stale = []
    for key in ALLOWED_MODEL_RETURNS:
        module_part, _, name = key.partition(".")
        module = importlib.import_module(f"balai_app.services.{module_part}")
        func = getattr(module, name, None)
        if func is None or not pattern.search(str(func.__annotations__.get("return", ""))):
            stale.append(key)
    assert not stale, "remove from ALLOWED_MODEL_RETURNS (converted or gone): " + ", ".join(stale)


def import_graph() -> dict[str, set[str]]:
    paths = [p for p in ROOT.rglob("*.py") if "forms" not in p.parts]
    known = {module_name(p) for p in paths}
    graph: dict[str, set[str]] = {}
    for path in paths:
        source = module_name(path)
        targets = {name for _line, name in imports(path) if name in known and name != source}
        # a package's __init__ is imported on the way to any of its modules; it is not an edge back
        graph[source] = {t for t in targets if not source.startswith(t + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def strong(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                strong(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            strong(node)
    return found


# Cycles still to break, by the helper who owns the modules; must end empty.
ALLOWED_CYCLES: dict[tuple[str, ...], str] = {
}


def test_no_import_cycle():
    found = [c for c in cycles(import_graph()) if tuple(c) not in ALLOWED_CYCLES]
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_the_allowed_cycles_still_exist():
    present = {tuple(c) for c in cycles(import_graph())}
    stale = [c for c in ALLOWED_CYCLES if c not in present]
    assert not stale, f"remove from ALLOWED_CYCLES (broken now): {stale}"


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# Modules over the limit, by the helper splitting them (issue 11); must end empty.
ALLOWED_LONG_MODULES: dict[str, str] = {
}
MAX_LINES = 500


def test_no_module_holds_more_than_one_job():
    """No module over 500 lines outside the generated Designer forms."""
    long = {}
    for path in ROOT.rglob("*.py"):
        if "forms" in path.relative_to(ROOT).parts[:2]:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        key = path.relative_to(ROOT.parent).as_posix()
        if lines > MAX_LINES and key not in ALLOWED_LONG_MODULES:
            long[key] = lines
    assert not long, f"split these along their seams (over {MAX_LINES} lines): {long}"
    stale = [key for key in ALLOWED_LONG_MODULES
             if not (ROOT.parent / key).exists()
             or len((ROOT.parent / key).read_text(encoding="utf-8").splitlines()) <= MAX_LINES]
    assert not stale, f"remove from ALLOWED_LONG_MODULES (split now): {stale}"
