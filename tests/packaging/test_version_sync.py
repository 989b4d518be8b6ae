"""One version: pyproject.toml, balai_app/_version.py (the frozen build's) and the package agree."""

from __future__ import annotations

import subprocess
import sys

from packaging_helpers import ROOT, load_script


def test_version_file_agrees_with_pyproject():
    version = load_script("version")
    from balai_app._version import VERSION

    assert VERSION == version.project_version()


def test_installed_metadata_agrees_with_pyproject():
    import balai_app

    assert balai_app.__version__ == load_script("version").project_version()


def test_version_script_check_passes_and_prints_the_version():
    script = ROOT / "scripts" / "version.py"
    assert subprocess.run([sys.executable, str(script), "--check"], capture_output=True).returncode == 0
    printed = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    assert printed.strip() == load_script("version").project_version()


def test_version_script_check_fails_when_the_fallback_disagrees(tmp_path, monkeypatch):
    version = load_script("version")
    stale = tmp_path / "_version.py"
    stale.write_text('VERSION = "0.0.0-stale"\n', encoding="utf-8")
    monkeypatch.setattr(version, "VERSION_FILE", stale)
    assert version.main(["--check"]) == 1
    assert version.main(["--write"]) == 0
    assert version.fallback_version() == version.project_version()
    assert version.main(["--check"]) == 0


def test_numeric_version_for_windows_file_versions():
    numeric = load_script("version").numeric_version
    assert numeric("0.1.0") == "0.1.0.0"
    assert numeric("1.2") == "1.2.0.0"
    assert numeric("2.3.4rc1") == "2.3.4.0"
    assert numeric("1.2.3.4.5") == "1.2.3.4"
