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

    # numbers follow their dates; no child holds a welding certificate; some graduates are left to issue
    import datetime as dt
    import json

    from balai_app.db.models import Batch, Enrollment, Program, Resident

    for year in {c.year for c in rows}:
        dated = [json.loads(c.snapshot)["issue"]["date"] for c in sorted(rows, key=lambda c: c.sequence)
                 if c.year == year]
        assert dated == sorted(dated)
    for cert in rows:
        program = Program.get_by_id(cert.program_id)
        if program.adults_only:
            born = Resident.get_by_id(cert.resident_id).birth_date
            start = Enrollment.get_by_id(cert.enrollment_id).start_date
            assert born is None or (start - born) >= dt.timedelta(days=15 * 365)
    newest = Batch.select().where(Batch.status == "selesai").order_by(Batch.end_date.desc(), Batch.id.desc()).first()
    waiting = [c for c in certificates.candidates(system, newest.id) if c.eligible and not c.certificate]
    assert waiting, "the demo leaves eligible participants without a certificate"
