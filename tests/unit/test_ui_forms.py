"""Every Designer form is compiled, and the committed module matches its form."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_generated_modules_match_forms():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "compile_ui.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_form_has_a_module():
    forms = sorted(p.stem for p in (ROOT / "ui").glob("*.ui"))
    assert forms, "no forms found"
    for stem in forms:
        assert (ROOT / "balai_app" / "gui" / "forms" / f"ui_{stem}.py").exists(), stem
