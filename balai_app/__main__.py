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
        _utf8_pipes()
    return cli.main(args)


def _utf8_pipes() -> None:
    """On Windows, output to a pipe or file in UTF-8, not the ANSI code page.

    Otherwise a name or path outside the code page (e.g. 'Ağustus') ends the command with
    UnicodeEncodeError (found under Wine with the frozen program). A console needs nothing.
    """
    if sys.platform != "win32":
        return
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
