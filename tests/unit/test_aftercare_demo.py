"""The demo balai gains partners, outcomes, follow-ups (some overdue) and consents."""

from __future__ import annotations

from balai_app.db.models import FollowUp, Outcome, Partner, ProfileConsent, RehabCertificate
from balai_app.services import demo, followups, monthly_report as mr


def test_demo_has_life_after_training(db, system):
    lines = demo.create_demo(system, residents=120)
    assert any("mitra" in line and "bimbingan lanjut" in line for line in lines)
    names = {p.name for p in Partner.select()}
    assert {"Bank Mandiri", "Bank Permata", "Bank Indonesia", "BRI", "BCA", "Astra Finance"} <= names
    assert Outcome.select().where(Outcome.kind == "bekerja", Outcome.partner.is_null(False)).exists()
    assert Outcome.select().where(Outcome.corrects.is_null(False)).count() == 1
    assert Outcome.select().where(Outcome.kind == "wirausaha", Outcome.support_programme == "PENA").exists()
    assert FollowUp.select().where(FollowUp.status == "selesai").exists()
    assert ProfileConsent.select().exists()
    rehab = list(RehabCertificate.select().order_by(RehabCertificate.year, RehabCertificate.sequence))
    assert len(rehab) == 3 and all(r.resident.status == "selesai" for r in rehab)
    assert any("sertifikat rehabilitasi sosial" in line for line in lines)
    listing = followups.due_list(system)
    assert listing.overdue, "Beranda shows overdue contacts in the demo"
    report = mr.monthly_report(system, *mr.month_period(listing.month_start.year, listing.month_start.month))
    assert report.line("residents", "served").total > 0
