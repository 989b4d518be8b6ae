"""The program's log: a rotating file in the data folder's ``logs/`` (``balai.log``).

Support at a balai without internet starts from this file, so it records what
happened -- start-up, the database opened, migrations, backups and restores,
errors with their tracebacks -- and never a NIK, a name or a password: messages
are written by our own code with record numbers and counts only, and a filter
masks any run of 16 digits (a NIK or No. KK that an error message might carry)
and anything after "password"/"kata sandi".

``setup()`` is called once by the entry points (window and command line); it
creates nothing at import time. A log that cannot be written (read-only
folder, full disk) never stops the program.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOGGER_NAME = "balai"
FILE_NAME = "balai.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(process)d]: %(message)s"

_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_SECRET = re.compile(r"(?i)((?:password|kata ?sandi|passwd)\s*[=:]\s*)\S+")


def scrub(text: str) -> str:
    """A log line without NIK-like numbers or password values."""
    return _SECRET.sub(r"\1***", _NIK.sub("****************", text))


class ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


_handler: logging.Handler | None = None


def log_file() -> Path:
    from balai_app import paths

    return paths.log_dir() / FILE_NAME


def setup(level: int = logging.INFO) -> Path | None:
    """Attach the rotating file to the ``balai`` logger (once); returns the file, or None
    when the folder cannot be written."""
    global _handler
    logger = logging.getLogger(LOGGER_NAME)
    target = log_file()
    if _handler is not None and getattr(_handler, "baseFilename", None) == str(target.resolve()):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(ScrubbingFormatter(FORMAT))
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    _handler = handler
    logger.addHandler(handler)
    logger.setLevel(level)
    return target


def get(name: str) -> logging.Logger:
    """A child of the program's logger (``balai.db``, ``balai.backup``, ...)."""
    return logging.getLogger(f"{LOGGER_NAME}.{name}")
