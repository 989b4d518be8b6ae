"""packaging/balai.spec: one folder, windowed, only the Qt modules used, everything the program reads."""

from __future__ import annotations

import ast
import re

from packaging_helpers import ROOT

SPEC = (ROOT / "packaging" / "balai.spec").read_text(encoding="utf-8")
TREE = ast.parse(SPEC)


def _assigned(name: str):
    for node in ast.walk(TREE):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not assigned in balai.spec")


def _call_keywords(func: str) -> dict[str, ast.expr]:
    for node in ast.walk(TREE):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == func:
            return {k.arg: k.value for k in node.keywords}
    raise AssertionError(f"{func}(...) not found")


def test_only_the_qt_modules_the_program_uses():
    assert set(_assigned("QT_USED")) == {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPrintSupport"}
    excluded = set(_assigned("QT_EXCLUDED"))
    for heavy in ("QtWebEngineCore", "QtWebEngineWidgets", "QtQml", "QtQuick", "QtMultimedia", "Qt3DCore"):
        assert heavy in excluded
    assert not excluded & set(_assigned("QT_USED"))


def test_one_folder_windowed_with_icon():
    exe = _call_keywords("EXE")
    assert ast.literal_eval(exe["exclude_binaries"]) is True  # one-folder: binaries go to COLLECT
    assert ast.literal_eval(exe["console"]) is False
    assert "balai.ico" in ast.unparse(exe["icon"])
    assert (ROOT / "resources" / "images" / "balai.ico").is_file()
    assert "COLLECT(" in SPEC


def test_resources_and_package_data_and_icon_fonts_are_bundled():
    assert '(str(ROOT / "resources"), "balai_app/resources")' in SPEC
    assert 'collect_data_files("balai_app"' in SPEC
    assert 'collect_data_files("qtawesome"' in SPEC
    assert 'collect_submodules("balai_app")' in SPEC


def test_version_comes_from_pyproject():
    assert 'tomllib.load(f)["project"]["version"]' in SPEC


def test_the_launcher_runs_the_package_main():
    launcher = (ROOT / "packaging" / "launcher.py").read_text(encoding="utf-8")
    assert "from balai_app.__main__ import main" in launcher



def test_commands_write_utf8_into_pipes_on_windows():
    """Output to a pipe in the ANSI code page broke on a path like 'Ağustus' (found under Wine;
    PyInstaller's 'X utf8_mode=1' option did not help), so the program reconfigures its pipes."""
    main = (ROOT / "balai_app" / "__main__.py").read_text(encoding="utf-8")
    assert 'stream.reconfigure(encoding="utf-8", errors="replace")' in main
    assert re.search(r"_attach_windows_console\(\)\n        _utf8_pipes\(\)", main)
