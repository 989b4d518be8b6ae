#!/usr/bin/env python3
"""Build the frozen program with PyInstaller, check it, and (on Windows) its installer.

    python3 scripts/build_frozen.py               # dist/balai-app/ + its --self-test
    py scripts\\build_frozen.py --installer        # ... + dist\\installer\\balai-setup-<version>.exe
    python3 scripts/build_frozen.py --no-build    # check and self-test the existing bundle

Steps: the build extra (PyInstaller) into ``.venv`` (as ``scripts/dev.py`` makes it),
the version check (``balai_app/_version.py`` against ``pyproject.toml``), PyInstaller
with ``packaging/balai.spec``, the check that ``installer.iss`` installs exactly the
files of the bundle, then the bundle's own ``--self-test`` (offscreen where there is
no display) with a temporary data folder. Prints the bundle's size, the build time
and the time from start-up to the self-test's exit. Exit 0 when all passed.

Standard library only (it runs before the virtual environment exists).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import dev  # noqa: E402 (scripts/dev.py: venv and Debian packages)
import version  # noqa: E402 (scripts/version.py)

SPEC = ROOT / "packaging" / "balai.spec"
ISS = ROOT / "installer.iss"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
WINDOWS = os.name == "nt"
# PyInstaller on Linux reads shared libraries with objdump (binutils).
BUILD_TOOLS = [("binutils", "objdump")]
# The installer's Indonesian messages, ours, in the repository (no download at build time).
INDONESIAN_ISL = ROOT / "resources" / "installer" / "Indonesian.isl"


def spec_names() -> tuple[str, str]:
    """(APP_NAME, CONTENTS_DIR) as the spec defines them."""
    text = SPEC.read_text(encoding="utf-8")
    app = re.search(r'^APP_NAME = "([^"]+)"', text, re.M)
    contents = re.search(r'^CONTENTS_DIR = "([^"]+)"', text, re.M)
    if not app or not contents:
        raise SystemExit("build_frozen.py: APP_NAME / CONTENTS_DIR not found in packaging/balai.spec")
    return app.group(1), contents.group(1)


def bundle_dir() -> Path:
    return DIST / spec_names()[0]


def executable(bundle: Path) -> Path:
    return bundle / (spec_names()[0] + (".exe" if WINDOWS else ""))


# --- installer.iss against the bundle ------------------------------------------------------


def iss_file_entries(iss_text: str, overrides: dict[str, str] | None = None) -> list[tuple[str, list[str]]]:
    """``[Files]`` entries as (Source, flags), with ``{#Name}`` defines substituted.

    ``overrides`` stand for ``iscc /DName=value`` (e.g. ``BundleDir``).
    """
    defines = dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', iss_text, re.M))
    defines.update(overrides or {})
    entries, section = [], ""
    for raw in iss_text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].lower()
            continue
        if section != "files":
            continue
        fields = {}
        for part in line.split(";"):
            key, _, value = part.partition(":")
            fields[key.strip().lower()] = value.strip().strip('"')
        source = re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), fields.get("source", ""))
        entries.append((source, fields.get("flags", "").split()))
    return entries


def iss_problems(iss_text: str, root: Path, bundle: Path, *, windows: bool,
                 overrides: dict[str, str] | None = None) -> list[str]:
    """What is wrong between ``[Files]`` and a built bundle (empty when they agree).

    Each Source must name existing files (a pattern must match at least one);
    every file of the bundle must be installed by some Source. The sources are
    written for Windows: on another system the program file is the same name
    without ``.exe`` -- the only difference, handled here explicitly.
    """
    problems, covered = [], set()
    entries = iss_file_entries(iss_text, overrides)
    if not entries:
        return ["installer.iss has no [Files] entries"]
    for source, flags in entries:
        if "{#" in source:
            problems.append(f"unresolved define in Source: {source}")
            continue
        rel = source.replace("\\", "/")
        if not windows and rel.endswith(".exe"):
            rel = rel[: -len(".exe")]
        base, _, pattern = rel.rpartition("/")
        folder = root / base
        if any(ch in pattern for ch in "*?"):
            if "recursesubdirs" in flags:
                matched = [p for p in folder.rglob("*") if p.is_file() and fnmatch.fnmatch(p.name, pattern)]
            else:
                matched = [p for p in folder.glob(pattern) if p.is_file()]
            if not matched:
                problems.append(f"Source {source!r} matches no file under {folder}")
            covered.update(matched)
        else:
            path = folder / pattern
            if not path.is_file():
                problems.append(f"Source {source!r} does not exist: {path}")
            else:
                covered.add(path)
    missing = sorted(str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_file() and p not in covered)
    if missing:
        shown = ", ".join(missing[:8]) + (f" (and {len(missing) - 8} more)" if len(missing) > 8 else "")
        problems.append(f"{len(missing)} file(s) of the bundle not installed by [Files]: {shown}")
    return problems


# --- steps -----------------------------------------------------------------------------------


def _debian_libpython() -> list[tuple[str, str]]:
    """Debian's own python3 links libpython statically; PyInstaller needs the shared one."""
    if sys.base_prefix != "/usr" or sysconfig.get_config_var("Py_ENABLE_SHARED"):
        return []
    ver = f"{sys.version_info.major}.{sys.version_info.minor}"
    return [(f"libpython{ver}", f"libpython{ver}.so.1.0")]


def ensure_build_environment() -> Path:
    if not WINDOWS and sys.platform != "darwin":
        dev.ensure_system_packages(dev.QT_OFFSCREEN + BUILD_TOOLS + _debian_libpython())
    python = dev.venv_python()
    if not python.exists():
        return dev.ensure_venv("[build]")
    has = subprocess.run([str(python), "-c", "import PyInstaller"], capture_output=True).returncode == 0
    if not has:
        print("build_frozen.py: installing the build extra (PyInstaller) into .venv", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", ".[build]"], check=True, cwd=ROOT)
    return python


def run_pyinstaller(python: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)],
        check=True, cwd=ROOT,
    )
    return time.perf_counter() - started


def bundle_size(bundle: Path) -> tuple[int, int]:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    return len(files), sum(p.stat().st_size for p in files)


def run_self_test(bundle: Path) -> tuple[int, float, str]:
    """Start the frozen program with ``--self-test``: (exit code, seconds, report)."""
    exe = executable(bundle)
    with tempfile.TemporaryDirectory(prefix="balai-frozen-") as tmp:
        env = {**os.environ, "BALAI_DATA_DIR": tmp}
        env.pop("BALAI_DB", None)
        if not WINDOWS and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        started = time.perf_counter()
        # A windowed program may have no stdout: its report is read from the log it writes.
        result = subprocess.run([str(exe), "--self-test"], env=env, cwd=tmp,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300)
        elapsed = time.perf_counter() - started
        log = Path(tmp) / "logs" / "self-test.log"
        report = log.read_text(encoding="utf-8") if log.exists() else "(no self-test.log written)\n"
        if result.stderr.strip():
            report += "stderr:\n" + result.stderr
    return result.returncode, elapsed, report


def find_iscc() -> Path | None:
    """ISCC.exe: $ISCC, then PATH, then Inno Setup 6's folder, then a newer major's."""
    candidates = [os.environ.get("ISCC"), shutil.which("iscc"), shutil.which("ISCC")]
    bases = [Path(b) for b in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")) if b]
    candidates += [str(base / "Inno Setup 6" / "ISCC.exe") for base in bases]
    candidates += [str(p) for base in bases for p in sorted(base.glob("Inno Setup */ISCC.exe"))]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def build_installer() -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("build_frozen.py: Inno Setup 6 not found (install it: choco install innosetup, "
                         "or set ISCC to ISCC.exe)")
    if not INDONESIAN_ISL.is_file():
        raise SystemExit(f"build_frozen.py: {INDONESIAN_ISL} is missing (it belongs in the repository)")
    ver = version.project_version()
    subprocess.run([str(iscc), f"/DAppVersion={ver}", f"/DAppVersionNumeric={version.numeric_version(ver)}",
                    str(ISS)], check=True, cwd=ROOT)
    setup = DIST / "installer" / f"balai-setup-{ver}.exe"
    if not setup.is_file():
        raise SystemExit(f"build_frozen.py: ISCC finished but {setup} is missing")
    return setup


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="check and self-test the existing bundle")
    parser.add_argument("--installer", action="store_true", help="then compile installer.iss (Windows, Inno Setup 6)")
    args = parser.parse_args(argv)

    if version.main(["--check"]) != 0:
        return 1
    bundle = bundle_dir()
    build_seconds = None
    if not args.no_build:
        python = ensure_build_environment()
        print(f"build_frozen.py: PyInstaller {SPEC.relative_to(ROOT)} -> {bundle.relative_to(ROOT)}", flush=True)
        build_seconds = run_pyinstaller(python)
    if not executable(bundle).is_file():
        print(f"build_frozen.py: no bundle at {bundle}", file=sys.stderr)
        return 1

    count, size = bundle_size(bundle)
    print(f"build_frozen.py: bundle {bundle.relative_to(ROOT)}: {count} files, {size / 2**20:.1f} MiB"
          + (f", built in {build_seconds:.0f} s" if build_seconds is not None else ""), flush=True)

    problems = iss_problems(ISS.read_text(encoding="utf-8"), ROOT, bundle, windows=WINDOWS)
    for problem in problems:
        print(f"build_frozen.py: installer.iss: {problem}", file=sys.stderr)
    if not problems:
        print("build_frozen.py: installer.iss [Files] match the bundle", flush=True)

    code, seconds, report = run_self_test(bundle)
    print(report, end="", flush=True)
    print(f"build_frozen.py: frozen --self-test exit {code} after {seconds:.2f} s (start-up to exit)", flush=True)
    if problems or code != 0:
        return 1

    if args.installer:
        setup = build_installer()
        print(f"build_frozen.py: installer {setup.relative_to(ROOT)} ({setup.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
