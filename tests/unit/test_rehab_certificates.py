"""Sertifikat Rehabilitasi Sosial: at termination only, numbered without gaps, snapshot, revocable,
verifiable, printed without anything that stigmatises the holder."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from support.accounts import make_profile
from support.rehab import SECRETS

from balai_app.db.models import AuditEvent, RehabCertificate, Resident
from balai_app.domain.errors import PermissionDenied, ValidationError
from balai_app.services import rehab_certificates as rc
from balai_app.services.context import Actor

def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_issued_at_termination_only(db, system, make_resident):
    make_profile()
    active = make_resident(name="Masih Aktif")
    with pytest.raises(ValidationError, match="saat terminasi"):
        rc.issue(system, active.id)
    back_home = make_resident(name="Pulang", nik="3201011501100099", status="kembali_keluarga",
                              exit_date="2026-03-01")
    with pytest.raises(ValidationError, match="Selesai/Terminasi"):
        rc.issue(system, back_home.id)
    assert RehabCertificate.select().count() == 0


def test_numbers_without_gaps_and_one_valid_per_pm(terminated, system, make_resident):
    first = rc.issue(system, terminated.id, issued_on=dt.date(2026, 7, 1))
    assert first.number == "001/SRS/BRS-UJI/VII/2026"
    with pytest.raises(ValidationError, match="sudah memiliki"):
        rc.issue(system, terminated.id)
    other = make_resident(name="Dewi", sex="P", nik="3201015501100002", status="selesai", exit_date="2026-06-01")
    second = rc.issue(system, other.id, issued_on=dt.date(2026, 7, 2))
    assert second.number == "002/SRS/BRS-UJI/VII/2026"
    rc.revoke(system, first.id, "Salah tanggal lahir")
    third = rc.issue(system, terminated.id, issued_on=dt.date(2026, 7, 3))
    assert third.number == "003/SRS/BRS-UJI/VII/2026"  # a revoked number is never reused
    events = AuditEvent.select().where(AuditEvent.entity == "rehab_certificate").order_by(AuditEvent.id)
    assert [e.action for e in events] == ["issue", "issue", "revoke", "issue"]


def test_pdf_says_nothing_stigmatising(terminated, system, tmp_path):
    cert = rc.issue(system, terminated.id, with_services=True, issued_on=dt.date(2026, 7, 1))
    path = rc.write_pdf(system, cert.number, tmp_path / "srs.pdf")
    text = text_of(path)
    assert "SERTIFIKAT REHABILITASI SOSIAL" in text and "Yohanes Sembiring" in text and "Medan" in text
    assert "5 Januari 2026 sampai dengan 30 Juni 2026" in text and "keberfungsian sosialnya telah membaik" in text
    assert "Layanan yang diterima: Terapi, Pelatihan vokasional" in text
    for secret in SECRETS:
        assert secret not in text, secret


def test_services_print_only_when_asked(terminated, system, tmp_path):
    cert = rc.issue(system, terminated.id)
    assert "Layanan yang diterima" not in text_of(rc.write_pdf(system, cert.number, tmp_path / "x.pdf"))


def test_snapshot_verify_and_revoke(terminated, system, tmp_path):
    cert = rc.issue(system, terminated.id, issued_on=dt.date(2026, 7, 1))
    row = RehabCertificate.get_by_id(cert.id)
    assert row.key_id and row.payload and cert.code == row.verification_code  # signed (issue 14)
    payload = rc.qr_payload(row)
    from balai_app.domain import signed_payload

    document = signed_payload.decode(payload).document
    assert document["t"] == "SR" and set(document) == {"v", "t", "k", "n", "h", "b", "s", "e", "d", "c", "z"}
    Resident.update(name="Nama Lain").where(Resident.id == terminated.id).execute()  # live data changes
    verdict = rc.verify(payload)
    assert verdict.ok and verdict.holder == "Yohanes Sembiring"  # the snapshot speaks
    assert rc.verify_code(cert.number, cert.code.lower().replace("-", " ")).ok
    forged = payload[:10] + ("A" if payload[10] != "A" else "B") + payload[11:]
    assert not rc.verify(forged).ok
    assert rc.verify("SERTIFIKAT KOMPETENSI\nNo: 1\nKode: x").status == rc.INVALID
    assert not rc.verify_code(cert.number, "AAAA-BBBB-CCCC").ok
    original = RehabCertificate.get_by_id(cert.id).snapshot
    RehabCertificate.update(snapshot=original.replace("Medan", "Bogor")).execute()
    assert rc.verify(payload).status == rc.INVALID  # a forged snapshot does not verify
    RehabCertificate.update(snapshot=original).execute()
    rc.revoke(system, cert.id, "Diterbitkan karena kekeliruan")
    verdict = rc.verify(payload)
    assert verdict.status == rc.REVOKED and "kekeliruan" in verdict.text()
    with pytest.raises(Exception, match="dicabut dan tidak dapat dicetak"):
        rc.write_pdf(system, cert.number, tmp_path / "r.pdf")


def test_only_admin_issues_revokes_prints(terminated):
    staf = Actor(None, "staf", "staf")
    with pytest.raises(PermissionDenied):
        rc.issue(staf, terminated.id)
    assert rc.of_resident(staf, terminated.id) == []


def test_number_template_is_a_setting(terminated, system):
    with pytest.raises(ValidationError, match="seq"):
        rc.set_number_template(system, "SRS/{year}")
    rc.set_number_template(system, "SRS-{seq:05d}/{year}")
    assert rc.issue(system, terminated.id, issued_on=dt.date(2026, 7, 1)).number == "SRS-00001/2026"
