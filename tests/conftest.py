"""Every test runs against real files in its own temporary folder.

- ``BALAI_DATA_DIR`` / ``BALAI_BACKUP_DIR`` point into tmp_path, so nothing a
  test does can touch a real user's data (qutebrowser's discipline);
- ``db`` is a real SQLite file, migrated like a user's, closed afterwards;
- the service, CLI and proof tests (tests/unit, tests/cli, tests/proofs) that
  use ``db``/``db_path`` run twice, through the ONE parameter ``engine``:
  ``sqlite`` and ``postgresql`` (a fresh database per test on a throw-away
  server, see ``tests/pg_engine.py``). ``@pytest.mark.sqlite_only`` keeps a
  test about the SQLite file itself (backups of the file, PRAGMAs) to SQLite.
- ``fast_hashing`` (every test) swaps the argon2id parameters for cheap ones (the hash is
  still argon2id, verified by the real library); production keeps the defaults, which
  ``production_hashing`` restores for the tests that check them (tests/unit/test_accounts.py);
- ``demo_copy`` copies a demo database built once per run (``tests/support/demo.py``)
  instead of building the demo balai again in every test that starts from it.

Fixtures used by more than one test folder live here, never imported across
folders; plain data builders live in ``tests/support/`` (``from support.accounts import ...``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Fonts for Qt's offscreen platform on every OS: on Windows it reads only QT_QPA_FONTDIR
# (the PySide6 wheel ships no fonts), and without fonts text has no size and layouts break.
os.environ.setdefault("QT_QPA_FONTDIR", os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                                     "resources", "fonts"))

pytest_plugins = ["pg_engine"]

BOTH_ENGINES = ("unit", "cli", "proofs")


def pytest_generate_tests(metafunc):
    from pg_engine import server_available

    if "engine" not in metafunc.fixturenames:
        return
    area = Path(str(metafunc.definition.fspath)).parent.name
    if metafunc.definition.get_closest_marker("postgresql_only"):
        metafunc.parametrize("engine", ["postgresql"], indirect=True)
    elif area in BOTH_ENGINES and not metafunc.definition.get_closest_marker("sqlite_only") and server_available():
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path, monkeypatch):
    from balai_app import paths

    data = tmp_path / "userdata"
    monkeypatch.setenv("BALAI_DATA_DIR", str(data))
    monkeypatch.setenv("BALAI_BACKUP_DIR", str(data / "backups"))
    monkeypatch.delenv("BALAI_DB", raising=False)
    monkeypatch.delenv("BALAI_PASSWORD", raising=False)
    monkeypatch.delenv("BALAI_ADMIN_PASSWORD", raising=False)
    paths.set_database_path(None)
    yield data
    paths.set_database_path(None)


@pytest.fixture
def db_path(tmp_path, engine, request):
    """Where the test's database lives: a SQLite file, or (engine postgresql) the
    ``postgresql://`` address of a fresh database on the test server."""
    if engine == "postgresql":
        return request.getfixturevalue("pg_database")
    return tmp_path / "balai.sqlite"


@pytest.fixture
def db(db_path):
    from balai_app.db.connection import close_database, open_database

    database = open_database(db_path)
    yield database
    close_database()


@pytest.fixture
def system():
    from balai_app.services.context import SYSTEM

    return SYSTEM


@pytest.fixture
def make_resident(db, system):
    """Create a valid resident; keyword arguments override the defaults."""
    from balai_app.services import residents

    counter = iter(range(1, 10_000))

    def make(**overrides):
        n = next(counter)
        data = {
            "name": f"Penerima {n}",
            "sex": "L",
            "klaster": "anak",
            "nik": f"3201011501{10:02d}{n:04d}",
            "birth_date": "15-01-2010",
            "entry_date": "2026-01-05",
        }
        data.update(overrides)
        return residents.create_resident(system, data, confirm_warnings=True)

    return make


@pytest.fixture
def gui_app(qapp):
    """The QApplication configured like the real program (translator hook, locale).

    Its translators are removed again after the test: ``make_application`` installs a new set
    each time, and Qt asks every installed translator for every ``tr()`` and sends every widget
    a LanguageChange per installation; left in place, 200 tests' sets made ``tr()`` 50 times
    slower than the program's one set by the end of tests/gui."""
    from PySide6.QtCore import QTranslator

    from balai_app.gui.app import make_application

    app = make_application()
    yield app
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.setParent(None)


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    """Cheap argon2id for every test in this process (a production hash costs ~0.4 s on a busy
    PC, and accounts are made and signed into in hundreds of tests). Subprocesses hash as
    production does."""
    from argon2 import PasswordHasher

    from balai_app.services import accounts

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def production_hashing(fast_hashing, monkeypatch):
    """The program's own argon2id parameters (undoes ``fast_hashing``)."""
    from balai_app.services import accounts

    monkeypatch.setattr(accounts, "HASHER", None)


@pytest.fixture(scope="session")
def demo_cache(tmp_path_factory):
    from support.demo import DemoCache

    return DemoCache(tmp_path_factory.mktemp("demo-databases"))


@pytest.fixture
def demo_copy(demo_cache, isolated_paths):
    """``demo_copy(residents, target, kind="cli")`` -> target: the demo balai with ``residents``
    PM at ``target`` and its signing key in the test's data folder, as if the test had run
    ``balai-app --db target demo --residents N`` (kind ``"cli"``) or ``create_demo`` on a
    freshly opened database (kind ``"service"``) itself; built once per run, copied here."""

    def copy(residents: int, target, *, kind: str = "cli") -> Path:
        return demo_cache.copy(kind, residents, Path(target), isolated_paths)

    return copy


@pytest.fixture
def open_demo(demo_copy, db_path):
    """``open_demo(residents)`` -> the open database: what ``db`` followed by
    ``create_demo(SYSTEM, residents=N)`` gives, from a copy (see ``demo_copy``)."""
    from balai_app.db.connection import close_database, open_database

    opened = []

    def open_(residents: int):
        demo_copy(residents, db_path, kind="service")
        opened.append(open_database(db_path))
        return opened[-1]

    yield open_
    if opened:
        close_database()
