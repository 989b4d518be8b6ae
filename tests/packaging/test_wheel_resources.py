"""resources/ reaches an installed wheel, and one function finds it there and when frozen.

The wheel is really built and installed (into a plain folder, not the editable
install): a program that only works from the source tree would pass every other test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from packaging_helpers import ROOT, load_script

PROBE = """
import json, balai_app
from balai_app import paths
print(json.dumps({
    "package": balai_app.__file__,
    "version": balai_app.__version__,
    "root": str(paths.resources_root()),
    "font": str(paths.resource_path("fonts", "DejaVuSans.ttf")),
    "icon": str(paths.resource_path("images", "balai.ico")),
}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (found,) = out.glob("balai_app-*.whl")
    return found


def _resource_files() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file())


def test_wheel_holds_every_resource_and_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = ["balai_app/" + rel for rel in _resource_files()]
    assert "balai_app/resources/fonts/DejaVuSans.ttf" in expected
    assert [name for name in expected if name not in names] == []
    assert "balai_app/db/schema_v1.sql" in names
    compiled_forms = [p.name for p in (ROOT / "balai_app" / "gui" / "forms").glob("ui_*.py")]
    assert compiled_forms and all(f"balai_app/gui/forms/{name}" in names for name in compiled_forms)


def test_installed_wheel_finds_its_resources(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BALAI_")}
    env["PYTHONPATH"] = str(site)
    # -S: no site-packages, so the editable install of the work tree cannot answer instead.
    result = subprocess.run([sys.executable, "-S", "-c", PROBE], cwd=elsewhere, env=env,
                            capture_output=True, text=True, check=True)
    found = json.loads(result.stdout)
    site = site.resolve()
    for key in ("package", "root", "font", "icon"):
        assert Path(found[key]).resolve().is_relative_to(site), (key, found[key])
    assert Path(found["root"]).resolve() == site / "balai_app" / "resources"
    assert found["version"] == load_script("version").project_version()


def test_frozen_bundle_resources_are_found_under_meipass(tmp_path, monkeypatch):
    from balai_app import paths

    bundle = tmp_path / "_internal"
    font = bundle / "balai_app" / "resources" / "fonts" / "DejaVuSans.ttf"
    font.parent.mkdir(parents=True)
    font.write_bytes(b"font")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.resources_root() == bundle / "balai_app" / "resources"
    assert paths.resource_path("fonts", "DejaVuSans.ttf") == font
    with pytest.raises(FileNotFoundError, match="fonts/Missing.ttf"):
        paths.resource_path("fonts", "Missing.ttf")


def test_source_tree_resources_are_found():
    from balai_app import paths

    assert paths.resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert paths.resource_path("images", "balai.png").is_file()
