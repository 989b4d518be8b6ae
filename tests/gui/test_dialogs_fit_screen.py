"""Every dialog fits a 1280×720 work area (issue 13): its size hint, its minimum size and where it is
shown, on a real 1280×720 offscreen screen in a child process (the test's own screen is 800×800)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1280, 720
TITLE_BAR = 30  # not part of a window's geometry offscreen; a Windows title bar is about this tall


def test_every_dialog_fits_a_1280x720_work_area(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}))
    # Qt splits the platform's arguments at every ':', so the file is named relative to the child's
    # working folder: an absolute Windows path (C:\...) would be cut at its drive letter.
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config.name}", BALAI_DATA_DIR=str(tmp_path / "data"),
               PYTHONPATH=os.pathsep.join([str(HERE.parent.parent), os.environ.get("PYTHONPATH", "")]))
    shots = os.environ.get("BALAI_DIALOG_SHOTS")  # a folder: also save a picture of each dialog
    result = subprocess.run([sys.executable, str(HERE / "dialog_sizes_child.py"), str(tmp_path / "demo.sqlite"),
                             *([shots] if shots else [])], env=env, cwd=tmp_path, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    head, dialogs = lines[0], lines[1:]
    assert head["screen"] == [WIDTH, HEIGHT]
    # every QDialog of the program is measured (a new dialog must be added to the child)
    assert sorted(d["dialog"] for d in dialogs) == head["classes"]
    too_big = []
    for d in dialogs:
        x, y, w, h = d["geometry"]
        limit_w, limit_h = WIDTH, HEIGHT - TITLE_BAR
        problems = []
        if d["hint"][0] > limit_w or d["hint"][1] > limit_h:
            problems.append(f"size hint {d['hint']}")
        if d["minimum"][0] > limit_w or d["minimum"][1] > limit_h:
            problems.append(f"minimum {d['minimum']}")
        if w > limit_w or h > limit_h or x < 0 or y < 0 or x + w > WIDTH or y + h + TITLE_BAR > HEIGHT + TITLE_BAR:
            problems.append(f"geometry {d['geometry']}")
        if problems:
            too_big.append(f"{d['dialog']} ({d['title']}): {', '.join(problems)}")
    assert too_big == []
