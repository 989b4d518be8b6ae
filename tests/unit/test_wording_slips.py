"""Wording slips of issue 13: Ya/Tidak in audit diffs, the full stop before "Diganti oleh",
the Indonesian sentence before the import's kept English line, no English "sign-in"."""

from __future__ import annotations

from pathlib import Path

from balai_app.services import audit, audit_text
from balai_app.services import certificates as certs
from balai_app.services.resident_io import ImportReport
from support.certificates import build_course, make_admin, make_profile

ROOT = Path(__file__).resolve().parents[2]


def test_audit_changes_show_ya_tidak(db, system):
    audit.record(system, "deactivate", "user", 7, "joko", {"active": [True, False], "note": [None, "x"]})
    row = audit.list_events(system, audit.AuditFilter())[0]
    assert audit_text.changes_text(row) == "Aktif: Ya → Tidak; note:  → x"
    assert "True" not in audit_text.changes_text(row)


def test_revocation_reason_ends_before_diganti_oleh(db, make_resident):
    make_profile()
    admin = make_admin()
    course = build_course(make_resident, names=["Rina Wati"])
    result = certs.issue(admin, course.batch.id)
    assert result.issued, result.refused
    old = result.issued[0]
    new = certs.reissue(admin, old.id, "Nama salah tulis")
    text = certs.verify_code(old.number, old.verification_code).text()
    assert f"Nama salah tulis. Diganti oleh No. {new.number}." in text


def test_import_summary_has_an_indonesian_sentence_first():
    report = ImportReport(Path("pm.csv"), total=5, imported=3)
    assert report.summary_sentence().startswith("Impor selesai: 3 PM disimpan")
    assert report.summary_line().startswith("imported 3, skipped 2")


def test_no_english_sign_in_in_user_text():
    sources = [p for p in (ROOT / "balai_app" / "gui").rglob("*.py")] + list((ROOT / "ui").glob("*.ui"))
    offenders = []
    for path in sources:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "tr(" in line and ("sign-in" in line.lower() or "pensiunkan" in line.lower()):
                offenders.append(f"{path.name}:{number}")
    assert offenders == []
