"""Run `balai-app ARGS` in this process (``balai_app.cli.main``): many times faster than starting
Python per command. ``test_cli_basic.py`` and a few others keep real end-to-end runs of
``python -m balai_app``."""

from __future__ import annotations

import io
import os
import subprocess
from contextlib import redirect_stderr, redirect_stdout


def invoke(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``balai-app ARGS`` in-process: exit code, stdout and stderr as a finished process has them."""
    from balai_app import cli, paths
    from balai_app.services.database import close_database

    argv = [str(a) for a in args]
    saved = dict(os.environ)
    os.environ.update(env or {})
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # argparse: usage errors and --help
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        close_database()
        paths.set_database_path(None)
        os.environ.clear()
        os.environ.update(saved)
    texts = []
    for stream in (out, err):
        stream.flush()
        texts.append(stream.buffer.getvalue().decode("utf-8"))  # type: ignore[attr-defined]
    return subprocess.CompletedProcess(argv, code, texts[0], texts[1])
