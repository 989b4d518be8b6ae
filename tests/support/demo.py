"""Demo databases built once per test run and copied for every test that needs one.

Building the demo balai costs seconds (its certificates are signed and carry QR codes);
many tests only need it as their starting point. ``DemoCache`` builds each kind once, in
a folder of its own with its own data folder (the signing key lives there, never in the
database), and ``copy`` puts the database file and that data folder where the test's
database and data folder are: the same state as building it in the test.

Two kinds, as the tests build them:
- ``"cli"``: ``balai-app --db FILE demo --residents N`` (through the in-process CLI);
- ``"service"``: ``open_database(FILE)`` then ``services.demo.create_demo(SYSTEM, residents=N)``.
Accounts are hashed with the tests' cheap argon2id parameters (``fast_hashing``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

KINDS = ("cli", "service")


class DemoCache:
    def __init__(self, root: Path):
        self.root = root
        self._built: dict[tuple[str, int], Path] = {}

    def folder(self, kind: str, residents: int) -> Path:
        """The folder holding ``balai.sqlite`` and ``data/`` of this demo, built on first use."""
        key = (kind, residents)
        if key not in self._built:
            self._built[key] = self._build(kind, residents)
        return self._built[key]

    def _build(self, kind: str, residents: int) -> Path:
        from argon2 import PasswordHasher

        from balai_app import paths
        from balai_app.services import accounts

        from balai_app.db.models import database as current

        if kind not in KINDS:
            raise ValueError(f"unknown demo kind {kind!r}: one of {KINDS}")
        if current.obj is not None and not current.obj.is_closed():
            raise RuntimeError("copy the demo before the test opens its database (building it opens another)")
        folder = self.root / f"{kind}-{residents}"
        data = folder / "data"
        data.mkdir(parents=True)
        saved_env = dict(os.environ)
        saved_hasher = accounts.HASHER
        os.environ.update({"BALAI_DATA_DIR": str(data), "BALAI_BACKUP_DIR": str(data / "backups")})
        accounts.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        try:
            if kind == "cli":
                from support.inprocess import invoke

                result = invoke("--db", folder / "balai.sqlite", "demo", "--residents", residents)
                if result.returncode != 0:
                    raise RuntimeError(result.stderr)
            else:
                from balai_app.db.connection import close_database, open_database
                from balai_app.services import demo
                from balai_app.services.context import SYSTEM

                open_database(folder / "balai.sqlite")
                try:
                    demo.create_demo(SYSTEM, residents=residents)
                finally:
                    close_database()
        finally:
            accounts.HASHER = saved_hasher
            os.environ.clear()
            os.environ.update(saved_env)
            paths.set_database_path(None)
        leftovers = [p.name for p in folder.glob("balai.sqlite-*")]
        if leftovers:  # a WAL not folded back: the file alone would not be the whole database
            raise RuntimeError(f"the demo database was not closed cleanly: {leftovers}")
        return folder

    def copy(self, kind: str, residents: int, database: Path, data: Path) -> Path:
        """The demo's database file to ``database`` and its data folder (signing key) into ``data``."""
        folder = self.folder(kind, residents)
        database.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(folder / "balai.sqlite", database)
        shutil.copytree(folder / "data", data, dirs_exist_ok=True)
        return database
