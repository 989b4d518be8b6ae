#!/usr/bin/env python3
"""Write tests/fixtures/schema_v1_full.sqlite: a version-1 database with rows in every table.

Built from the frozen v1 schema (``balai_app/db/schema_v1.sql``) with plain SQL,
never through today's models or services, so it is what a balai running version 1
really had on disk: a profile, accounts, residents (one with a photo, accents and
a curly apostrophe), assessments, services, a program with units, a batch with
sessions, attendance, unit verdicts, a certificate and the audit trail. The
upgrade tests (tests/unit/test_migrations.py) open it with the current program.

Like every released fixture it is written once and committed; it is never rewritten.
"""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "tests" / "fixtures" / "schema_v1_full.sqlite"
NOW = "2025-03-03 08:00:00"


def _jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 80), (180, 140, 120)).save(out, "JPEG", quality=80)
    return out.getvalue()


def _insert(con: sqlite3.Connection, table: str, **values: object) -> int:
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join("?" for _ in values)
    cursor = con.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', tuple(values.values()))
    return int(cursor.lastrowid or 0)


def _stamps() -> dict[str, object]:
    return {"created_at": NOW, "updated_at": NOW, "version": 1}


def build(target: Path) -> None:
    con = sqlite3.connect(target)
    con.executescript((ROOT / "balai_app" / "db" / "schema_v1.sql").read_text(encoding="utf-8"))
    con.execute("PRAGMA user_version = 1")
    with con:
        _insert(con, "setting", key="idle_lock_minutes", value="10")
        _insert(con, "balai_profile", id=1, name="Balai Rehabilitasi Sosial Contoh", code="BRS-CT",
                address="Jl. Kenanga No. 5", city="Bandung", phone="022-1234567", logo=None,
                head_name="Dra. Siti Rahmawati", head_nip="196805121990032001", head_title="Kepala Balai",
                is_demo=0, **_stamps())
        user = {"must_change_password": 0, "active": 1, "failed_logins": 0, "locked_until": None}
        admin = _insert(con, "user", username="admin", full_name="Rina Admin", role="admin",
                        password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", nip="",
                        **user, **_stamps())
        trainer = _insert(con, "user", username="joko", full_name="Joko Instruktur", role="instruktur",
                          password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
                          nip="198001012005011001", **user, **_stamps())
        blank = {"no_kk": "", "disabilities": "", "religion": "", "education": "", "address": "",
                 "guardian_name": "", "guardian_relation": "", "guardian_phone": "", "referral_source": "",
                 "exit_date": None, "exit_reason": "", "notes": ""}
        # v1 keys were only casefolded: the upgrade to v2 recomputes them.
        ayu = _insert(con, "resident", **{**blank, "disabilities": "fisik"}, nik="5171015505990002",
                      nik_missing_reason="", name="Ni Luh Putu Ayu", sex="P", birth_place="Denpasar",
                      birth_date="1999-05-15", klaster="disabilitas", entry_date="2024-03-01", status="aktif",
                      search_text="ni luh putu ayu 5171015505990002 denpasar", **_stamps())
        _insert(con, "resident", **blank, nik=None, nik_missing_reason="Tidak memiliki KTP", name="Sukarno",
                sex="L", birth_place="", birth_date=None, klaster="tuna_sosial", entry_date="2024-06-01",
                status="aktif", search_text="sukarno", **_stamps())
        dang = _insert(con, "resident", **blank, nik="3273014107000003", nik_missing_reason="",
                       name="Đặng Thị Ánh Ma’ruf", sex="P", birth_place="Đà Nẵng", birth_date="2000-07-01",
                       klaster="tuna_sosial", entry_date="2024-07-01", status="aktif",
                       search_text="đặng thị ánh ma’ruf 3273014107000003 đà nẵng", **_stamps())
        _insert(con, "resident_photo", resident_id=ayu, image=_jpeg(), updated_at=NOW)
        _insert(con, "assessment", resident_id=ayu, date="2024-03-04", assessor="Rina Admin", physical="",
                mental="", social="Mandiri", family="", vocational_interest="Menjahit", summary="Siap pelatihan",
                recommendation="Menjahit", created_by_id=admin, **_stamps())
        _insert(con, "service_record", resident_id=ayu, date="2024-03-10", kind="terapi", description="Fisioterapi",
                staff="Rina Admin", created_by_id=admin, **_stamps())
        program = _insert(con, "program", code="MJH", name="Menjahit", description="", field="Garmen", hours=320,
                          weeks=16, min_attendance=80, is_sample=0, active=1, **_stamps())
        units = [_insert(con, "competency_unit", program_id=program, position=i + 1, code=f"C.141000.00{i + 1}.01",
                         title=title, hours=40, retired=0, **_stamps())
                 for i, title in enumerate(["Mengoperasikan mesin jahit", "Menjahit komponen pakaian"])]
        batch = _insert(con, "batch", program_id=program, name="Angkatan I 2024", trainer_id=trainer,
                        start_date="2024-08-01", end_date="2024-11-30", schedule="Sen, Rab, Jum 08:00-12:00",
                        room="Ruang Jahit", capacity=20, status="selesai", **_stamps())
        enrollments = [_insert(con, "enrollment", batch_id=batch, resident_id=rid, start_date="2024-08-01",
                               end_date="2024-11-30", status="lulus", status_date="2024-11-30", status_reason="",
                               **_stamps())
                       for rid in (ayu, dang)]
        session = _insert(con, "training_session", batch_id=batch, date="2024-08-02", start_time="08:00",
                          end_time="12:00", topic="Mesin jahit", trainer_id=trainer, notes="", **_stamps())
        _insert(con, "session_unit", session_id=session, unit_id=units[0])
        for enrollment in enrollments:
            _insert(con, "attendance", session_id=session, enrollment_id=enrollment, status="H", note="",
                    updated_by_id=trainer, updated_at=NOW)
            for unit in units:
                _insert(con, "unit_assessment", enrollment_id=enrollment, unit_id=unit, result="K",
                        date="2024-11-25", assessor_id=trainer, assessor_name="Joko Instruktur",
                        method="observasi", score=None, evidence="", created_at=NOW)
        snapshot = {"name": "Ni Luh Putu Ayu", "nik": "5171015505990002", "program": "Menjahit",
                    "units": [{"code": "C.141000.001.01", "title": "Mengoperasikan mesin jahit"},
                              {"code": "C.141000.002.01", "title": "Menjahit komponen pakaian"}]}
        certificate = _insert(con, "certificate", number="0001/SK-MJH/BRS-CT/XII/2024", year=2024, sequence=1,
                              resident_id=ayu, enrollment_id=enrollments[0], program_id=program, batch_id=batch,
                              snapshot=json.dumps(snapshot), photo=None, verification_code="K7Q2M9XW",
                              status="berlaku", override_reason="", issued_at=NOW, issued_by_id=admin,
                              revoked_at=None, revoked_by_id=None, revoke_reason="", replaces_id=None)
        for action, entity, entity_id in (("create", "resident", ayu), ("create", "batch", batch),
                                          ("issue", "certificate", certificate), ("login", "user", admin)):
            _insert(con, "audit_event", at=NOW, user_id=admin, username="admin", action=action, entity=entity,
                    entity_id=entity_id, summary="", changes="")
    con.execute("VACUUM")
    con.close()


def main() -> int:
    if TARGET.exists():
        print(f"{TARGET} exists; released fixtures are never rewritten")
        return 1
    build(TARGET)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
