"""Every line of a certificate true (issue 14): units, wording, period, hours, issue dates,
local time, children in adult programs. Read back from the snapshot and from the PDF."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader

from balai_app.db.models import Attendance, Certificate, Enrollment, Program, TrainingSession, UnitAssessment
from balai_app.domain import localtime
from balai_app.domain.errors import ValidationError
from balai_app.services import certificates, curriculum, enrollment, training
from support.certificates import build_course, make_admin, make_profile


@pytest.fixture
def admin(db):
    make_profile()
    return make_admin()


def front_text(cert_id: int, admin) -> str:
    out = io.BytesIO()
    certificates.write_pdf(admin, [cert_id], out, record=False)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    return " ".join(reader.pages[0].extract_text().split()), " ".join(reader.pages[1].extract_text().split())


def test_an_override_certificate_lists_only_the_units_found_kompeten(admin, make_resident):
    course = build_course(make_resident, names=["Slamet Riyadi"], eligible=[False], units=6)
    enrollment = course.enrollments[0]
    # the latest verdict counts: unit 1 BK, units 2..6 K; then make units 4..6 never assessed
    UnitAssessment.delete().where((UnitAssessment.enrollment == enrollment.id)
                                  & (UnitAssessment.unit.in_([u.id for u in course.units[3:]]))).execute()
    cert = certificates.issue(admin, course.batch.id, [course.residents[0].id],
                              override_reason="Dinilai ulang oleh LSP mitra; berita acara terlampir").issued[0]
    snap = json.loads(Certificate.get_by_id(cert.id).snapshot)
    assert [u["code"] for u in snap["units"]] == [u.code for u in course.units[1:3]]
    assert snap["units_total"] == 6
    front, back = front_text(cert.id, admin)
    assert "dinyatakan kompeten pada 2 dari 6 unit kompetensi" in front
    assert "KOMPETEN pada bidang" not in front
    assert course.units[0].code not in back and course.units[1].code in back
    # the signed payload (what the phone shows) lists the same units
    assert list(certificates.verify(Certificate.get_by_id(cert.id).payload).units) == [
        u.code for u in course.units[1:3]]


def test_no_unit_assessed_gives_a_training_certificate_claiming_no_competence(admin, make_resident):
    course = build_course(make_resident, names=["Wawan"], eligible=[False], units=6)
    UnitAssessment.delete().where(UnitAssessment.enrollment == course.enrollments[0].id).execute()
    cert = certificates.issue(admin, course.batch.id, [course.residents[0].id],
                              override_reason="Mengikuti pelatihan penuh, asesmen menyusul").issued[0]
    front, _back = front_text(cert.id, admin)
    assert "SERTIFIKAT PELATIHAN" in front and "SERTIFIKAT KOMPETENSI" not in front
    assert "kompeten" not in front.lower()


def test_the_period_is_the_holders_own_and_hours_those_attended(admin, make_resident):
    course = build_course(make_resident, names=["Awal", "Susulan"], sessions=4)
    batch = course.batch
    late = course.enrollments[1]
    late_start = batch.start_date + dt.timedelta(days=8)
    Enrollment.update(start_date=late_start).where(Enrollment.id == late.id).execute()
    TrainingSession.update(start_time="08:00", end_time="12:00").where(TrainingSession.batch == batch.id).execute()
    # the late one was present at 3 of the 4 sessions (4 hours each)
    first_session = TrainingSession.select().where(TrainingSession.batch == batch.id).order_by(TrainingSession.date).first()
    Attendance.update(status="A").where((Attendance.enrollment == late.id) & (Attendance.session == first_session.id)).execute()
    issued = {c.holder: c for c in certificates.issue(admin, batch.id).issued}
    whole = json.loads(Certificate.get_by_id(issued["Awal"].id).snapshot)["training"]
    part = json.loads(Certificate.get_by_id(issued["Susulan"].id).snapshot)["training"]
    assert (whole["start"], whole["end"], whole["hours"], whole["hours_kind"]) == (
        batch.start_date.isoformat(), batch.end_date.isoformat(), 240, "program")
    assert (part["start"], part["hours"], part["hours_kind"]) == (late_start.isoformat(), 12, "attended")
    front, _back = front_text(issued["Susulan"].id, admin)
    assert "(12 jam pelajaran yang diikuti)" in front


def test_issue_date_rules_name_the_earliest_allowed_date(admin, make_resident):
    a = build_course(make_resident, names=["Satu"], end=dt.date(2025, 3, 10))
    b = build_course(make_resident, names=["Dua"], end=dt.date(2025, 3, 10))
    with pytest.raises(ValidationError) as future:
        certificates.issue(admin, a.batch.id, issued_on=certificates.balai_today() + dt.timedelta(days=1))
    assert "masa depan" in future.value.message
    early = certificates.issue(admin, a.batch.id, issued_on=dt.date(2025, 3, 5))  # before the training ended
    assert early.issued == () and "10 Maret 2025" in early.refused[0][1]
    certificates.issue(admin, a.batch.id, issued_on=dt.date(2025, 3, 20))
    with pytest.raises(ValidationError) as order:
        certificates.issue(admin, b.batch.id, issued_on=dt.date(2025, 3, 15))
    assert "paling awal" in order.value.message and "20 Maret 2025" in order.value.message
    assert Certificate.select().count() == 1
    later = certificates.issue(admin, b.batch.id, issued_on=dt.date(2025, 3, 20)).issued[0]
    assert later.sequence == 2


def test_a_revocation_reads_in_the_balais_local_time(admin, make_resident):
    course = build_course(make_resident, names=["Rina Wati"])
    cert = certificates.issue(admin, course.batch.id).issued[0]
    certificates.revoke(admin, cert.id, "Nama salah tulis")
    # 21:20 UTC on 1 December is 04:20 WIB on 2 December
    Certificate.update(revoked_at=dt.datetime(2026, 12, 1, 21, 20)).where(Certificate.id == cert.id).execute()
    verdict = certificates.verify(Certificate.get_by_id(cert.id).payload)
    assert verdict.status == certificates.REVOKED and verdict.revoked_on == dt.date(2026, 12, 2)
    assert "2 Desember 2026" in verdict.text() and "pada 2 Desember 2026 pukul 04:20 WIB." in verdict.text()
    certificates.save_settings(admin, {"timezone": "WIT"})
    assert "2 Desember 2026 pukul 06:20 WIT." in certificates.verify(Certificate.get_by_id(cert.id).payload).text()
    assert localtime.format_local(dt.datetime(2026, 12, 1, 21, 20), "WITA") == "02/12/2026 05:20 WITA"


def test_title_header_and_lsp_settings_reach_the_snapshot(admin, make_resident):
    certificates.save_settings(admin, {"title": "pelatihan", "header_lines": "KEMENTERIAN SOSIAL RI\nSENTRA X",
                                       "lsp_enabled": True, "lsp_org": "LSP Garmen", "lsp_name": "Ir. Bambang",
                                       "lsp_number": "BNSP-LSP-1", "lsp_scheme": "Penjahit"})
    course = build_course(make_resident, names=["Kartini"])
    cert = certificates.issue(admin, course.batch.id).issued[0]
    snap = json.loads(Certificate.get_by_id(cert.id).snapshot)
    assert snap["title"] == "pelatihan" and snap["balai"]["header"] == ["KEMENTERIAN SOSIAL RI", "SENTRA X"]
    assert snap["second_signatory"]["licence"] == "BNSP-LSP-1" and snap["second_signatory"]["scheme"] == "Penjahit"
    assert snap["balai"]["logo_png"] is None  # no logo set: no emblem prints
    front, _back = front_text(cert.id, admin)
    assert front.startswith("KEMENTERIAN SOSIAL RI SENTRA X") and "SERTIFIKAT PELATIHAN" in front
    assert "No. Lisensi LSP: BNSP-LSP-1" in front and "Skema sertifikasi: Penjahit" in front


def test_a_child_is_not_enrolled_in_welding_without_a_written_reason(db, system, make_resident):
    welding = curriculum.create_program(system, {"code": "LAS", "name": "Pengelasan", "adults_only": True},
                                      [{"title": "K3 pengelasan"}])
    assert Program.get_by_id(welding.id).adults_only
    today = dt.date.today()
    batch = training.create_batch(system, {"program": welding.id, "name": "Angkatan Las", "capacity": 5,
                                           "start_date": today - dt.timedelta(days=3),
                                           "end_date": today + dt.timedelta(days=60)})
    child = make_resident(name="Anak Dua Belas", birth_date=(today - dt.timedelta(days=365 * 12 + 10)).strftime("%d-%m-%Y"))
    adult = make_resident(name="Dewasa", birth_date="15-01-1990")
    with pytest.raises(ValidationError) as refused:
        enrollment.enroll(system, batch.id, child.id, confirm_warnings=True)
    assert "12 tahun" in refused.value.message and "alasan tertulis" in refused.value.message
    assert Enrollment.select().count() == 0
    enrollment.enroll(system, batch.id, adult.id, confirm_warnings=True)
    enrollment.enroll(system, batch.id, child.id, confirm_warnings=True,
                    reason="Rekomendasi pekerja sosial: bengkel keluarga, di bawah pengawasan")
    assert Enrollment.select().count() == 2


def test_enrolling_after_the_batch_ended_is_refused_not_a_one_day_period(db, system, make_resident):
    program = curriculum.create_program(system, {"code": "MJH", "name": "Menjahit"}, [{"title": "K3"}])
    today = dt.date.today()
    batch = training.create_batch(system, {"program": program.id, "name": "Angkatan Lalu", "capacity": 5,
                                           "start_date": today - dt.timedelta(days=60),
                                           "end_date": today - dt.timedelta(days=5)})
    person = make_resident(name="Terlambat")
    with pytest.raises(ValidationError) as refused:
        enrollment.enroll(system, batch.id, person.id, confirm_warnings=True)
    assert "sudah berakhir" in refused.value.message
    # a past participation is recorded with its real start date
    row = enrollment.enroll(system, batch.id, person.id, confirm_warnings=True,
                          start_date=today - dt.timedelta(days=60))
    assert row.start_date == today - dt.timedelta(days=60)
