"""Profil lulusan: consent first; only achievements printed, never NIK, klaster, address, case or reason."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from support.certificates import build_course, jpeg

from balai_app.db.models import AuditEvent, Resident, ResidentPhoto
from balai_app.domain.errors import PermissionDenied, ValidationError
from balai_app.services import graduate_profiles as gp, partners
from balai_app.services.context import Actor

SECRETS = {"nik": "3201015501900009", "address": "Jl. Rahasia Nomor 77", "notes": "Catatan kasus: korban TPPO",
           "exit_reason": "Rehabilitasi NAPZA tuntas", "referral_source": "Dinsos Kota Bogor"}


@pytest.fixture
def graduate(db, system, make_resident):
    course = build_course(make_resident, names=["Rina Marlina"], units=3)
    resident = course.residents[0]
    Resident.update(klaster="napza", disabilities="fisik", nik=SECRETS["nik"], address=SECRETS["address"],
                    notes=SECRETS["notes"], exit_reason=SECRETS["exit_reason"],
                    referral_source=SECRETS["referral_source"]).where(Resident.id == resident.id).execute()
    ResidentPhoto.create(resident=resident.id, image=jpeg())
    from balai_app.db.models import Enrollment

    Enrollment.update(status="lulus", status_date=course.batch.end_date).where(
        Enrollment.id == course.enrollments[0].id).execute()
    return resident, course


def test_refused_until_the_pm_consents(graduate, system, tmp_path):
    resident, _course = graduate
    with pytest.raises(ValidationError, match="catat dahulu persetujuan"):
        gp.write_profile_pdf(system, resident.id, tmp_path / "p.pdf")
    gp.record_consent(system, resident.id, {"asked_by": "Bu Rina (peksos)", "given": "tidak"})
    with pytest.raises(ValidationError, match="tidak menyetujui"):
        gp.graduate_profile(system, resident.id)
    assert not (tmp_path / "p.pdf").exists()


def test_profile_prints_achievements_and_nothing_stigmatising(graduate, system, tmp_path):
    resident, course = graduate
    bank = partners.create_partner(system, {"name": "Bank Permata", "kind": "perusahaan"})
    consent = gp.record_consent(system, resident.id, {"asked_by": "Bu Rina (peksos)", "date": dt.date.today()})
    assert consent.given and consent.asked_by == "Bu Rina (peksos)"
    path = gp.write_profile_pdf(system, resident.id, tmp_path / "profil.pdf", partner_id=bank.id)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "Profil Lulusan" in text and "Rina Marlina" in text and "Disiapkan untuk Bank Permata" in text
    assert course.program.name in text and "kehadiran 100%" in text
    for unit in course.units:
        assert unit.title in text
    for secret in SECRETS.values():
        assert secret not in text
    for word in ("NAPZA", "napza", "Disabilitas", "disabilitas", "TPPO", "klaster", "Klaster", "NIK"):
        assert word not in text
    assert len(PdfReader(path).pages[0].images) == 1  # the photo
    event = AuditEvent.select().where(AuditEvent.action == "print").get()
    assert event.summary == "Profil lulusan Rina Marlina untuk Bank Permata"


def test_profile_has_no_field_for_sensitive_data():
    names = set(gp.GraduateProfile.__dataclass_fields__)
    assert not names & {"nik", "klaster", "disabilities", "address", "notes", "exit_reason", "referral_source"}


def test_consent_and_profile_are_office_work(graduate):
    resident, _course = graduate
    guru = Actor(None, "guru", "instruktur")
    with pytest.raises(PermissionDenied):
        gp.record_consent(guru, resident.id, {"asked_by": "x"})
    with pytest.raises(PermissionDenied):
        gp.graduate_profile(guru, resident.id)
