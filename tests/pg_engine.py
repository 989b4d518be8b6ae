"""The ``engine`` parameter's PostgreSQL side: a throw-away server and a fresh database per test.

The server is the one ``.ci/run`` started (``BALAI_TEST_PG``, ``PGPASSFILE``),
else one this test session starts itself with ``scripts/pgtemp.py`` when
PostgreSQL is installed (Debian: ``apt-get install postgresql``) and stops at
the end. Without either, the tests run on SQLite only and the summary says so.

Each test gets ``CREATE DATABASE … TEMPLATE`` of a database migrated once per
session, owned by ``balai_admin`` (the balai's administrator account: runs
migrations); ``pg_app_url`` gives the same database as ``balai_pc``, an
office PC's everyday account in the group role ``balai_pengguna``.
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("pgtemp", ROOT / "scripts" / "pgtemp.py")
pgtemp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pgtemp)

_state: dict = {}
_counter = itertools.count(1)


def server_available() -> bool:
    return bool(os.environ.get("BALAI_TEST_PG")) or pgtemp.bindir() is not None


def pytest_report_header(config):
    if os.environ.get("BALAI_TEST_PG"):
        return f"engines: sqlite + postgresql ({os.environ['BALAI_TEST_PG']})"
    if pgtemp.bindir() is not None:
        return "engines: sqlite + postgresql (throw-away server started by the tests)"
    return "engines: sqlite only — PostgreSQL is not installed, its half of the engine parameter is not run"


def _server() -> dict:
    """{'url': admin address of the postgres db, 'dir': server folder or None}."""
    if "url" in _state:
        return _state
    if os.environ.get("BALAI_TEST_PG"):
        _state.update(url=os.environ["BALAI_TEST_PG"], dir=os.environ.get("BALAI_TEST_PG_DIR"), own=False)
        return _state
    folder = Path(tempfile.mkdtemp(prefix="balai-pg-"))
    folder.chmod(0o755)
    pgtemp.start(folder)
    os.environ["PGPASSFILE"] = str(folder / "pgpass")
    _state.update(url=pgtemp.url(folder), dir=str(folder), own=True)
    return _state


def pytest_sessionfinish(session, exitstatus):
    if _state.get("own"):
        try:
            pgtemp.stop(Path(_state["dir"]), mode="immediate")
        finally:
            shutil.rmtree(_state["dir"], ignore_errors=True)


def _with_db(url: str, dbname: str, user: str | None = None) -> str:
    base, _, _old = url.rpartition("/")
    if user:
        scheme, _, rest = base.partition("://")
        base = f"{scheme}://{user}@{rest.split('@', 1)[1]}"
    return f"{base}/{dbname}"


def admin_connection():
    from balai_app.db.server import load_driver

    psycopg = load_driver()

    from balai_app.db.server import parse_url

    a = parse_url(_server()["url"])
    return psycopg.connect(host=a.host, port=a.port, user=a.user, dbname=a.dbname, autocommit=True)


def _template() -> str:
    if "template" in _state:
        return _state["template"]
    from balai_app.db.connection import open_database
    from balai_app.db.models import database

    name = f"balai_tpl_{os.getpid()}"
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    db = open_database(_with_db(_server()["url"], name), backup_dir=Path(tempfile.gettempdir()))
    db.close()
    database.initialize(None)
    _state["template"] = name
    return name


def new_database() -> str:
    """A fresh, migrated Balai database on the test server; its admin address."""
    template = _template()
    name = f"balai_t{os.getpid()}_{next(_counter)}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return _with_db(_server()["url"], name)


def empty_database() -> str:
    """A new database without tables (what a balai creates on its server)."""
    name = f"balai_e{os.getpid()}_{next(_counter)}"
    with admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return _with_db(_server()["url"], name)


def drop_database(url: str) -> None:
    name = url.rpartition("/")[2]
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def as_app_user(url: str) -> str:
    """The same database as an office PC's account (``balai_pc`` in ``balai_pengguna``)."""
    return _with_db(url, url.rpartition("/")[2], user="balai_pc")


@pytest.fixture
def engine(request):
    return getattr(request, "param", "sqlite")


@pytest.fixture
def pg_database():
    url = new_database()
    yield url
    from balai_app.db.connection import close_database

    try:
        close_database()
    except Exception:  # noqa: BLE001 - the test may have closed it already
        pass
    drop_database(url)


@pytest.fixture
def pg_empty_database():
    url = empty_database()
    yield url
    drop_database(url)


def pytest_collection_modifyitems(config, items):
    """Without PostgreSQL on this machine, tests that need the server are left out
    (deselected and counted in the summary, never silently passed or skipped)."""
    if server_available():
        return
    needs = {"pg_database", "pg_empty_database"}
    left_out = [i for i in items if needs & set(getattr(i, "fixturenames", ()))
                or getattr(getattr(i, "callspec", None), "params", {}).get("engine") == "postgresql"]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [i for i in items if i not in left_out]
