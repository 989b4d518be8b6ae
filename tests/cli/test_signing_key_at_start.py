"""Issue 14: the balai's signing key pair is made at first start (``init``, ``demo``, the
window's start) and for a database from before signing on its first open after the upgrade,
never lazily at the first certificate."""

from __future__ import annotations

import shutil
from pathlib import Path

from balai_app.services import signing_keys
from support.inprocess import invoke

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _key_files(data: Path) -> list[Path]:
    return sorted((data / "keys").glob("certificate-signing-*.pem"))


def _registered(db: Path) -> list[str]:
    from balai_app.services.database import close_database, open_database

    open_database(db)
    try:
        return [k.key_id for k in signing_keys.keys()]
    finally:
        close_database()


def _init(db: Path):
    return invoke("--db", db, "init", "--name", "Balai Uji", "--code", "BU", "--admin", "admin",
                  env={"BALAI_ADMIN_PASSWORD": "rahasia-admin-123"})


def test_demo_makes_the_key_pair(isolated_paths, tmp_path):
    db = tmp_path / "demo.sqlite"
    assert invoke("--db", db, "demo", "--residents", "20").returncode == 0
    assert len(_key_files(isolated_paths)) == 1 and len(_registered(db)) == 1


def test_init_makes_the_key_pair_before_any_certificate(isolated_paths, tmp_path):
    db = tmp_path / "baru.sqlite"
    result = _init(db)
    assert result.returncode == 0, result.stderr
    files = _key_files(isolated_paths)
    assert len(files) == 1
    kids = _registered(db)
    assert kids and files[0].name == f"certificate-signing-{kids[0]}.pem"
    assert "PRIVATE KEY" in files[0].read_text()


def test_an_old_database_gets_its_key_on_the_first_open_after_the_upgrade(isolated_paths, tmp_path):
    db = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "schema_v1_full.sqlite", db)
    assert _key_files(isolated_paths) == []
    assert len(_registered(db)) == 1  # opening it (and migrating) made the key
    assert len(_key_files(isolated_paths)) == 1
    assert len(_registered(db)) == 1  # a second open keeps the same key


def test_a_database_whose_key_is_on_another_pc_gets_no_new_key(isolated_paths, tmp_path, monkeypatch):
    db = tmp_path / "bersama.sqlite"
    assert _init(db).returncode == 0
    first = _registered(db)
    other_pc = tmp_path / "pc-lain"
    monkeypatch.setenv("BALAI_DATA_DIR", str(other_pc))
    assert _registered(db) == first  # the other PC verifies with the key, it does not make its own
    assert _key_files(other_pc) == []
