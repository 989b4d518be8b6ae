"""The demo balai gets real certificates: eligible graduates, one exception, one reissue."""

from __future__ import annotations

from balai_app.db.models import Certificate
from balai_app.services import certificates, demo


def test_demo_issues_certificates_that_verify(db, system):
    lines = demo.create_demo(system, residents=120)
    assert any("sertifikat demo diterbitkan" in line for line in lines)
    rows = list(Certificate.select())
    assert len(rows) >= 10
    assert sum(1 for c in rows if c.override_reason) == 1
    assert sum(1 for c in rows if c.replaces_id) == 1
    assert sum(1 for c in rows if c.status == "dicabut") == 1
    for cert in rows:
        verdict = certificates.verify(certificates.render_data(cert)["qr_payload"])
        assert verdict.status == (certificates.REVOKED if cert.status == "dicabut" else certificates.VALID)
    for year in {c.year for c in rows}:
        assert sorted(c.sequence for c in rows if c.year == year) == list(range(1, 1 + sum(c.year == year for c in rows)))
