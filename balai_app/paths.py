"""Every path the program uses, in one place.

Nothing here touches the disk at import time: folders are created by the
functions that need them, when they are first called.

Database, backups and logs live in the user's data folder (platformdirs; on
Windows ``%LOCALAPPDATA%\\Balai``), never in the install folder, so that an
upgrade or uninstall cannot touch them. Each is overridable:

- database: ``--db PATH`` on the command line, else ``BALAI_DB`` (either may
  also be a server address ``postgresql://USER@HOST:PORT/DBNAME``, see
  ``database_location``);
- the whole data folder: ``BALAI_DATA_DIR`` (tests use it to isolate everything);
- backups: ``BALAI_BACKUP_DIR``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Balai"
APP_AUTHOR = "Balai"
DB_FILENAME = "balai.sqlite"

_db_override: Path | str | None = None


def _is_server(value: object) -> bool:
    return isinstance(value, str) and value.split("://", 1)[0].lower() in ("postgresql", "postgres") and "://" in value


def set_database_path(path: str | os.PathLike[str] | None) -> None:
    """Remember the ``--db`` option for the rest of the run."""
    global _db_override
    if _is_server(path):
        _db_override = str(path)
        return
    _db_override = Path(path).expanduser().resolve() if path else None


def database_location() -> Path | str:
    """The database: a SQLite file (Path) or a server address (``postgresql://…``, str).
    ``--db``, else ``BALAI_DB``, else the server chosen in the set-up wizard
    (``saved_server``), else the file in the user's data folder."""
    if _db_override is not None:
        return _db_override
    env = os.environ.get("BALAI_DB")
    if env and _is_server(env):
        return env
    if not env:
        saved = saved_server()
        if saved:
            return saved
    return database_path()


SERVER_FILE = "server.txt"


def saved_server() -> str | None:
    """The server address this PC was set up with (the set-up wizard's "Basis data di
    server"), kept in the data folder; never a password."""
    try:
        text = (data_dir() / SERVER_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text if _is_server(text) else None


def save_server(url: str | None) -> None:
    """Remember (or, with None, forget) the server address for the next starts."""
    target = data_dir() / SERVER_FILE
    if url is None:
        target.unlink(missing_ok=True)
        return
    ensure_dir(target.parent)
    tmp = target.with_name(SERVER_FILE + ".part")
    tmp.write_text(url + "\n", encoding="utf-8")
    os.replace(tmp, target)


def database_is_on_server() -> bool:
    return isinstance(database_location(), str)


def data_dir() -> Path:
    env = os.environ.get("BALAI_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    # appauthor=False: on Windows %LOCALAPPDATA%\Balai, not %LOCALAPPDATA%\Balai\Balai.
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


class ServerDatabase(ValueError):
    """``database_path`` asked while the database is on a server: a server address has no
    file, and nothing may be derived from it (backups, logs and keys go to the data folder)."""


def database_path() -> Path:
    """The SQLite file. With a server database (see ``database_location``) this raises
    ``ServerDatabase``: ``postgresql://…`` is never turned into a file path (a Path would
    even fold its ``//`` into a folder named ``postgresql:``)."""
    if _db_override is not None:
        if isinstance(_db_override, str):
            raise ServerDatabase(f"the database is on a server ({_db_override}); it has no file")
        return _db_override
    env = os.environ.get("BALAI_DB")
    if env and _is_server(env):
        raise ServerDatabase(f"the database is on a server ({env}); it has no file")
    if env:
        return Path(env).expanduser().resolve()
    return local_database_path()


def local_database_path() -> Path:
    """The database file in the user's data folder (the default for a balai with one PC)."""
    return data_dir() / DB_FILENAME


def backup_dir() -> Path:
    env = os.environ.get("BALAI_BACKUP_DIR")
    if env:
        return Path(env).expanduser()
    return data_dir() / "backups"


def log_dir() -> Path:
    return data_dir() / "logs"


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_root() -> Path:
    """The ``resources`` folder, wherever the program runs from.

    - frozen (PyInstaller): ``<bundle>/balai_app/resources``;
    - installed wheel: ``balai_app/resources`` (hatchling force-include);
    - source tree / editable install: ``<repo>/resources``.
    """
    package_dir = Path(__file__).resolve().parent
    candidates = []
    if getattr(sys, "frozen", False):
        candidates.append(Path(getattr(sys, "_MEIPASS", package_dir.parent)) / "balai_app" / "resources")
    candidates.append(package_dir / "resources")
    candidates.append(package_dir.parent / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found; looked in: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource file, e.g. ``resource_path("fonts", "X.ttf")``."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing: {'/'.join(parts)} (in {resources_root()})")
    return path
