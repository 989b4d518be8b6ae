"""Entry point: ``balai-app`` / ``python -m balai_app``.

With a command (``balai-app --db X residents list``) it runs the command line;
without one it opens the window.
"""

from __future__ import annotations

import sys


def _attach_windows_console() -> None:
    """A GUI-subsystem program on Windows has no stdout; borrow the parent console."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def main(argv: list[str] | None = None) -> int:
    from balai_app import cli

    args = sys.argv[1:] if argv is None else argv
    if cli.wants_cli(args):
        _attach_windows_console()
    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
