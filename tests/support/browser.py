"""The verification page read back from a real headless Chromium (issue 14): the verdict it
shows and its text, with no network."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

# Debian's chromium; on Windows the workflow puts Google Chrome's folder on PATH (chrome.exe)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("chrome")


def chromium_verdict(page: Path, payload: str, tmp_path: Path, query: str = "") -> tuple[str, str]:
    """(verdict, page text) as the page shows them after verifying ``payload``."""
    assert CHROMIUM, "a Chromium is needed: Debian's chromium (.ci/run installs it) or Chrome on PATH (the workflow)"
    profile = tmp_path / f"chromium-profile-{abs(hash(payload))}"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         f"--user-data-dir={profile}", "--virtual-time-budget=8000", "--dump-dom",
         page.resolve().as_uri() + query + "#" + payload],
        capture_output=True, text=True, timeout=120)
    verdict = re.search(r'data-verdict="([^"]*)"', result.stdout)
    assert verdict, result.stderr[-2000:]
    text = re.sub(r"<[^>]+>", " ", result.stdout)
    return verdict.group(1), re.sub(r"\s+", " ", text)
