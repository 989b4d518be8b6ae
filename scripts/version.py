#!/usr/bin/env python3
"""The program's version: one source, ``pyproject.toml``.

    python scripts/version.py            # print it (e.g. for ISCC /DAppVersion=...)
    python scripts/version.py --numeric  # four numbers for Windows file versions: 0.1.0.0
    python scripts/version.py --check    # exit 1 when balai_app/_version.py disagrees
    python scripts/version.py --write    # rewrite balai_app/_version.py from pyproject.toml

``balai_app/_version.py`` is the fallback used when no package metadata exists
(the frozen build); the test suite checks it agrees. Standard library only.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
VERSION_FILE = ROOT / "balai_app" / "_version.py"
VERSION_FILE_TEXT = (
    "# Written by the build from pyproject.toml; fallback when no package metadata exists.\n"
    'VERSION = "{version}"\n'
)


def project_version() -> str:
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def numeric_version(version: str | None = None) -> str:
    """``1.2.3rc1`` -> ``1.2.3.0``: the leading numbers, padded to four (Windows file versions)."""
    version = version or project_version()
    release = re.match(r"\d+(\.\d+)*", version)
    parts = release.group(0).split(".") if release else ["0"]
    return ".".join((parts + ["0"] * 4)[:4])


def fallback_version() -> str:
    match = re.search(r'^VERSION\s*=\s*"([^"]+)"', VERSION_FILE.read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else ""


def main(argv: list[str]) -> int:
    version = project_version()
    if not argv:
        print(version)
        return 0
    if argv == ["--numeric"]:
        print(numeric_version(version))
        return 0
    if argv == ["--check"]:
        found = fallback_version()
        if found != version:
            print(f"version.py: balai_app/_version.py says {found!r}, pyproject.toml says {version!r}; "
                  "run: python scripts/version.py --write", file=sys.stderr)
            return 1
        return 0
    if argv == ["--write"]:
        VERSION_FILE.write_text(VERSION_FILE_TEXT.format(version=version), encoding="utf-8")
        print(f"version.py: balai_app/_version.py = {version}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
