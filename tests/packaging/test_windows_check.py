"""scripts/windows_check.py, CI's Windows proof under Wine: how it judges each step.

The check itself runs in .ci/run (it takes minutes); these tests hold the parts that decide
pass or fail -- verdict lines, JUnit reports, the installer's messages -- to what they claim.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from packaging_helpers import ROOT, load_script


@pytest.fixture
def check():
    return load_script("windows_check")


def test_ci_runs_the_check_after_the_linux_tests_in_one_line():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    calls = [i for i, line in enumerate(lines) if "windows_check.py" in line and not line.startswith("#")]
    assert len(calls) == 1 and lines[calls[0]] == "python3 scripts/windows_check.py"
    assert calls[0] > lines.index("python3 scripts/dev.py test")


def test_skipping_needs_the_variable_and_says_so(tmp_path):
    env = {"BALAI_SKIP_WINDOWS_CHECK": "1", "PATH": "/usr/bin:/bin", "SYSTEMROOT": "C:\\Windows"}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "windows_check.py")], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert "SKIPPED because BALAI_SKIP_WINDOWS_CHECK=1" in result.stdout and "NOT checked" in result.stdout


def test_the_self_test_verdict_line_decides_not_the_exit_code(check):
    passed = "OK    versi: balai-app 0.1.0\nself-test: lulus (9 pemeriksaan, 7.0 d)\n"
    assert check.self_test_verdict(passed, "x") == "self-test: lulus (9 pemeriksaan, 7.0 d)"
    with pytest.raises(check.CheckFailed, match="GAGAL"):
        check.self_test_verdict("GAGAL PDF: boom\nself-test: GAGAL (1 dari 9): PDF\n", "x")
    with pytest.raises(check.CheckFailed, match="no verdict line"):
        check.self_test_verdict("OK    versi: balai-app 0.1.0\n", "x")  # a crash half-way


def _junit(tmp_path: Path, tests: int, failures: int = 0, errors: int = 0, skipped: int = 0) -> Path:
    cases = "".join(f'<testcase classname="t" name="c{i}"/>' for i in range(tests - failures))
    cases += "".join(f'<testcase classname="t" name="bad{i}"><failure message="x"/></testcase>'
                     for i in range(failures))
    path = tmp_path / "junit.xml"
    path.write_text(f'<testsuites><testsuite name="pytest" tests="{tests}" failures="{failures}" errors="{errors}" '
                    f'skipped="{skipped}">{cases}</testsuite></testsuites>', encoding="utf-8")
    return path


def test_the_junit_report_decides_the_tests_step(check, tmp_path):
    assert check.junit_verdict(_junit(tmp_path, 5), "w") == (5, 0)
    with pytest.raises(check.CheckFailed, match=r"1 failed.*t::bad0"):
        check.junit_verdict(_junit(tmp_path, 5, failures=1), "w")
    with pytest.raises(check.CheckFailed, match="no test ran"):
        check.junit_verdict(_junit(tmp_path, 0), "w")
    with pytest.raises(check.CheckFailed, match="did not finish"):
        check.junit_verdict(tmp_path / "missing.xml", "w")


def test_indonesian_messages_are_checked_against_the_compilers_default(check, tmp_path):
    ours = check.isl_keys(ROOT / "resources" / "installer" / "Indonesian.isl")
    inno = tmp_path / "inno"
    inno.mkdir()
    (inno / "Default.isl").write_text("\ufeff[Messages]\n" + "".join(f"{k}=x\n" for k in sorted(ours)),
                                      encoding="utf-8")
    check.check_indonesian_messages(inno)
    with (inno / "Default.isl").open("a", encoding="utf-8") as f:
        f.write("SomethingNewInInno=New message\n")
    with pytest.raises(check.CheckFailed, match="SomethingNewInInno"):
        check.check_indonesian_messages(inno)


def test_wine_paths(check, tmp_path):
    wine = check.Wine(tmp_path / "prefix", tmp_path)
    (tmp_path / "prefix" / "drive_c" / "users").mkdir(parents=True)
    assert wine.winpath(Path("/var/cache/x/python.exe")) == "Z:\\var\\cache\\x\\python.exe"
    assert wine.winpath(tmp_path / "prefix" / "drive_c" / "users") == "C:\\users"
    assert wine.unixpath("C:\\users\\Siti Nur'aini") == tmp_path / "prefix" / "drive_c" / "users" / "Siti Nur'aini"
    assert "'" in check.WINE_USER and " " in check.WINE_USER  # the paths the issue asks for
    assert not check.NON_ASCII_DB.isascii()


def test_the_cache_stays_outside_the_clone(check, monkeypatch):
    monkeypatch.setenv("BALAI_WINDOWS_CACHE", str(ROOT / "build" / "cache"))
    with pytest.raises(check.CheckFailed, match="inside the clone"):
        check.cache_root()


def test_every_wine_gap_test_names_its_reason():
    """A test left out under Wine says why, and only Wine's reason (the workflow still runs it)."""
    found = []
    for path in (ROOT / "tests").rglob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"pytest\.mark\.wine_gap(\((?:[^()]|\([^()]*\))*\))?", text):
            found.append((path.name, match.group(1) or ""))
    for name, args in found:
        assert re.search(r"reason\s*=\s*\S", args), f"{name}: wine_gap without reason="
        assert "Wine" in args, f"{name}: the reason must name what Wine lacks"


def test_the_tests_left_out_under_wine_exist(check):
    """A renamed test would run under Wine again (and fail loudly); a gone one is noticed here."""
    for node, tools in check.TEST_DESELECTED.items():
        path, _, name = node.partition("::")
        assert f"def {name}(" in (ROOT / path).read_text(encoding="utf-8"), node
        assert tools
    for path in check.TEST_IGNORED + check.TEST_PATHS:
        assert (ROOT / path).exists(), path


def _junit_failed(tmp_path: Path, name: str, message: str, *, classname: str = "tests.cli.test_accounts_cli",
                  kind: str = "failure") -> Path:
    path = tmp_path / f"report{len(list(tmp_path.iterdir()))}.xml"
    path.write_text(
        '<testsuites><testsuite name="pytest" tests="3" failures="1" errors="0" skipped="0">'
        '<testcase classname="tests.cli.test_accounts_cli" name="fine"/>'
        '<testcase classname="tests.unit.test_dates" name="fine_too[a/b]"/>'
        f'<testcase classname="{classname}" name="{name}"><{kind} message="{message}">trace</{kind}></testcase>'
        '</testsuite></testsuites>', encoding="utf-8")
    return path


def test_only_wines_transient_process_error_is_run_once_more(check, tmp_path):
    transient = "OSError: [WinError 1359] Internal error"
    report = _junit_failed(tmp_path, "test_demo[x/y]", transient)
    again = check.transient_failures(report)
    assert again == ["tests/cli/test_accounts_cli.py::test_demo[x/y]"]
    # it passed when run once more: the step passes, with every test counted
    assert check.junit_verdict(report, "w", rerun_passed=frozenset(again)) == (3, 0)
    # not run again: any other failure, an error of the test's own, a test in a class, or no report
    assert check.transient_failures(_junit_failed(tmp_path, "test_other", "AssertionError: 1 != 2")) == []
    assert check.transient_failures(_junit_failed(tmp_path, "test_class", transient,
                                                  classname="tests.cli.test_accounts_cli.TestX")) == []
    assert check.transient_failures(tmp_path / "missing.xml") == []
    assert check.transient_failures(_junit_failed(tmp_path, "test_err", transient, kind="error")) == [
        "tests/cli/test_accounts_cli.py::test_err"]  # raised in a fixture: the same error
    with pytest.raises(check.CheckFailed, match="1 failed"):  # without its rerun, the failure stands
        check.junit_verdict(report, "w")
    with pytest.raises(check.CheckFailed, match="1 failed"):  # another test's rerun does not excuse it
        check.junit_verdict(report, "w", rerun_passed=frozenset({"tests/cli/test_accounts_cli.py::fine"}))
