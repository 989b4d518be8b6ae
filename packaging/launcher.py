"""PyInstaller's entry script: the frozen ``balai-app`` runs what ``python -m balai_app`` runs.

With ``--self-test``, an error that escapes before the self-test could report it
(say, a command module missing from the bundle) is still written to the
self-test log and ends with exit 1: a windowed program would otherwise show
PyInstaller's traceback dialog and wait for a click, which hangs unattended CI.
"""

import sys
import traceback

from balai_app.__main__ import main


def _log_crash() -> None:
    text = "self-test: GAGAL sebelum pemeriksaan dimulai\n" + traceback.format_exc()
    try:
        from balai_app import paths
        from balai_app.selftest import LOG_NAME

        (paths.ensure_dir(paths.log_dir()) / LOG_NAME).write_text(text, encoding="utf-8")
    except Exception:  # noqa: BLE001 (nothing more can be done; stderr below)
        pass
    if sys.stderr is not None:
        sys.stderr.write(text)


def run() -> int:
    try:
        return main()
    except Exception:
        if "--self-test" not in sys.argv[1:]:
            raise
        _log_crash()
        return 1


if __name__ == "__main__":
    sys.exit(run())
