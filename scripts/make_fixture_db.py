#!/usr/bin/env python3
"""Write tests/fixtures/schema_v<N>.sqlite: a small database at the current schema.

Run once per released schema version and commit the file; the upgrade test
opens every such file with the current program (TagStudio's practice).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from balai_app.db import migrations  # noqa: E402
from balai_app.db.connection import close_database, open_database  # noqa: E402
from balai_app.services import residents  # noqa: E402
from balai_app.services.context import SYSTEM  # noqa: E402


def main() -> int:
    version = migrations.latest_version()
    target = ROOT / "tests" / "fixtures" / f"schema_v{version}.sqlite"
    if target.exists():
        print(f"{target} exists; released fixtures are never rewritten")
        return 1
    open_database(target)
    residents.create_resident(SYSTEM, {
        "name": "Ni Luh Putu Ayu", "sex": "P", "klaster": "disabilitas", "nik": "5171015505990002",
        "birth_date": dt.date(1999, 5, 15), "birth_place": "Denpasar", "entry_date": dt.date(2024, 3, 1),
        "disabilities": "fisik",
    })
    residents.create_resident(SYSTEM, {
        "name": "Sukarno", "sex": "L", "klaster": "tuna_sosial", "nik": None,
        "nik_missing_reason": "Tidak memiliki KTP", "entry_date": dt.date(2024, 6, 1),
    })
    close_database()
    import sqlite3

    con = sqlite3.connect(target)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("VACUUM")
    con.close()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
