"""Issuing, numbering, snapshots, revocation and verification, on a real database."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from balai_app.db.models import AuditEvent, Certificate, Program
from balai_app.domain.errors import BalaiError, PermissionDenied, ValidationError
from balai_app.services import certificates as certs
from balai_app.services import residents
from balai_app.services import residents_photo
from support.certificates import build_course, make_admin, make_profile, make_staff


@pytest.fixture
def admin(db):
    make_profile()
    return make_admin()


def test_issue_every_eligible_participant_with_sequential_numbers(admin, make_resident):
    course = build_course(make_resident, names=["Siti Rahayu", "Budi Santoso", "Muh. Ma'ruf"],
                          eligible=[True, False, True], code="MJH", end=dt.date(2026, 11, 14))
    result = certs.issue(admin, course.batch.id, issued_on=dt.date(2026, 11, 20))
    assert [c.number for c in result.issued] == ["0001/SK-MJH/BRS-PL/XI/2026", "0002/SK-MJH/BRS-PL/XI/2026"]
    names = [c.holder for c in result.issued]
    assert sorted(names) == ["Muh. Ma'ruf", "Siti Rahayu"]
    assert len(result.refused) == 1 and result.refused[0][0] == "Budi Santoso"
    assert "kompeten" in result.refused[0][1].lower()
    # audited, and issuing again refuses those who already hold one
    assert AuditEvent.select().where((AuditEvent.action == "issue") & (AuditEvent.entity == "certificate")).count() == 2
    again = certs.issue(admin, course.batch.id, issued_on=dt.date(2026, 11, 21))
    assert again.issued == ()
    assert {why for _, why in again.refused if "sudah memiliki" in why}


def test_sequence_is_per_year_and_never_reused_after_revocation(admin, make_resident):
    a = build_course(make_resident, names=["A Satu", "A Dua"], code="LAS", end=dt.date(2025, 2, 20))
    b = build_course(make_resident, names=["B Satu"], code="LAS2", end=dt.date(2025, 3, 20))
    first = certs.issue(admin, a.batch.id, issued_on=dt.date(2025, 3, 2)).issued
    certs.revoke(admin, first[1].id, "Data kelahiran salah ketik")
    later = certs.issue(admin, b.batch.id, issued_on=dt.date(2025, 4, 1)).issued
    assert [c.sequence for c in first + later] == [1, 2, 3]
    assert later[0].number == "0003/SK-LAS2/BRS-PL/IV/2025"
    c = build_course(make_resident, names=["C Satu"], code="OTO", end=dt.date(2026, 1, 2))
    next_year = certs.issue(admin, c.batch.id, issued_on=dt.date(2026, 1, 5)).issued[0]
    assert (next_year.year, next_year.sequence, next_year.number) == (2026, 1, "0001/SK-OTO/BRS-PL/I/2026")


def test_snapshot_does_not_change_when_resident_and_program_change(admin, make_resident, system):
    course = build_course(make_resident, names=["Dewi Lestari"], photo=True)
    cert = certs.issue(admin, course.batch.id).issued[0]
    before = certs.render_data(Certificate.get_by_id(cert.id))
    resident = course.residents[0]
    residents.update_resident(system, resident.id, {"name": "Dewi Lestari Wulandari", "birth_place": "Medan"},
                              expected_version=resident.version, confirm_warnings=True)
    residents_photo.set_photo(system, resident.id, None)
    Program.update(name="Tata Busana", hours=100).where(Program.id == course.program.id).execute()
    for unit in course.units:
        unit.title = unit.title + " (revisi)"
        unit.save()
    after = certs.render_data(Certificate.get_by_id(cert.id))
    assert after == before
    assert after["holder"]["name"] == "Dewi Lestari" and after["holder"]["birth_place"] == "Bogor"
    assert after["program"]["name"] == course.program.name and after["photo"]
    assert all("revisi" not in u["title"] for u in after["units"])
    assert certs.verify(after["qr_payload"]).status == certs.VALID


def test_snapshot_holds_what_is_printed(admin, make_resident):
    course = build_course(make_resident, names=["Đặng Thị Ngọc Ánh"], units=3, end=dt.date(2026, 11, 14))
    cert = certs.issue(admin, course.batch.id, issued_on=dt.date(2026, 11, 20)).issued[0]
    snap = json.loads(Certificate.get_by_id(cert.id).snapshot)
    assert snap["holder"] == {"name": "Đặng Thị Ngọc Ánh", "birth_place": "Bogor", "birth_date": "2010-01-15"}
    assert [u["code"] for u in snap["units"]] == [u.code for u in course.units]
    assert snap["signatory"] == {"name": "Dra. Sri Wahyuningsih, M.Si.", "title": "Kepala Balai",
                                 "nip": "196805121990032001"}
    assert snap["issue"] == {"place": "Bekasi", "date": "2026-11-20"}
    assert snap["balai"]["code"] == "BRS-PL" and snap["balai"]["logo_png"] is None  # no logo: no invented emblem
    assert snap["training"]["start"] == course.batch.start_date.isoformat()
    assert Certificate.get_by_id(cert.id).photo is None and snap["photo_sha256"] is None


def test_the_qr_is_encoded_and_drawn_once_at_issue_and_printed_from_what_was_stored(admin, make_resident, tmp_path,
                                                                                      monkeypatch):
    from pypdf import PdfReader

    from balai_app.documents import certificate as doc
    from balai_app.documents import certificate_canvas

    course = build_course(make_resident, names=["Rina Wati"], end=dt.date(2026, 11, 14))
    cert = Certificate.get_by_id(certs.issue(admin, course.batch.id, issued_on=dt.date(2026, 11, 20)).issued[0].id)
    data = certs.render_data(cert)
    assert bytes(cert.qr) == doc.qr_matrix(data["qr_payload"]) == data["qr_matrix"]
    assert bytes(cert.qr_drawing) == doc.qr_drawing(bytes(cert.qr)) == data["qr_drawing"]
    # a certificate issued before the drawing was stored hands none over (the renderer draws it)
    Certificate.update(qr_drawing=None).where(Certificate.id == cert.id).execute()
    older = certs.render_data(Certificate.get_by_id(cert.id))
    assert older["qr_drawing"] is None and older["qr_matrix"] == data["qr_matrix"]
    Certificate.update(qr_drawing=data["qr_drawing"]).where(Certificate.id == cert.id).execute()

    def refuse(*_args):
        raise AssertionError("the QR was encoded or drawn again when printing")

    # printing through the service: the stored drawing reaches the PDF as it is
    monkeypatch.setattr(certificate_canvas, "qr_drawing", refuse)
    monkeypatch.setattr(certificate_canvas, "qr_matrix", refuse)
    assert certs.write_pdf(admin, [cert.id], tmp_path / "qr.pdf") == 1
    xobjects = PdfReader(tmp_path / "qr.pdf").pages[0]["/Resources"]["/XObject"]
    streams = [ref.get_object()._data for name, ref in xobjects.items() if name.startswith("/FormXob.qr-")]
    assert streams == [data["qr_drawing"][3:]]


def test_revoke_then_reissue(admin, make_resident):
    course = build_course(make_resident, names=["Rina Wati"], end=dt.date(2026, 10, 30))
    old = certs.issue(admin, course.batch.id, issued_on=dt.date(2026, 11, 2)).issued[0]
    payload = certs.render_data(Certificate.get_by_id(old.id))["qr_payload"]
    with pytest.raises(ValidationError):
        certs.revoke(admin, old.id, "")
    certs.revoke(admin, old.id, "Nama salah tulis")
    verdict = certs.verify(payload)
    assert verdict.status == certs.REVOKED and verdict.revoked_at is not None
    assert "DICABUT" in verdict.text() and "Nama salah tulis" in verdict.text()
    with pytest.raises(BalaiError):
        certs.revoke(admin, old.id, "lagi dan lagi")
    new = certs.reissue(admin, old.id, "Perbaikan nama", issued_on=dt.date(2026, 11, 3))
    assert new.replaces_id == old.id and new.sequence == old.sequence + 1
    assert certs.verify(payload).replaced_by == new.number and new.number in certs.verify(payload).text()
    assert certs.verify(certs.render_data(Certificate.get_by_id(new.id))["qr_payload"]).status == certs.VALID
    with pytest.raises(BalaiError):
        certs.reissue(admin, old.id, "Sekali lagi")
    row = certs.list_certificates(admin, certs.CertificateFilter(text="Rina"))[0]
    assert row.number == new.number and row.replaces == old.number
    revoked = certs.list_certificates(admin, certs.CertificateFilter(status="dicabut"))
    assert [r.number for r in revoked] == [old.number] and revoked[0].revoke_reason == "Nama salah tulis"


def test_reissue_revokes_a_valid_certificate_in_the_same_step(admin, make_resident):
    course = build_course(make_resident, names=["Eko Pratama"])
    old = certs.issue(admin, course.batch.id).issued[0]
    new = certs.reissue(admin, old.id, "Foto diganti")
    assert Certificate.get_by_id(old.id).status == "dicabut"
    assert Certificate.get_by_id(new.id).status == "berlaku"


def test_every_changed_character_of_a_payload_is_not_valid(admin, make_resident):
    course = build_course(make_resident, names=["Yohanes Siregar"])
    cert = certs.issue(admin, course.batch.id).issued[0]
    payload = certs.render_data(Certificate.get_by_id(cert.id))["qr_payload"]
    assert certs.verify(payload).status == certs.VALID
    for index, char in enumerate(payload):
        for replacement in {"X", "0", "a", "."} - {char}:
            tampered = payload[:index] + replacement + payload[index + 1:]
            assert certs.verify(tampered).status == certs.INVALID, tampered
    assert certs.verify(payload + "x").status == certs.INVALID
    assert certs.verify(payload[:-1]).status == certs.INVALID
    assert certs.verify("").status == certs.INVALID


def test_number_and_code_typed_by_a_person(admin, make_resident):
    course = build_course(make_resident, names=["Ni Luh Putu Ayu"])
    cert = certs.issue(admin, course.batch.id).issued[0]
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", cert.verification_code)
    typed = cert.verification_code.replace("-", " ").lower()
    verdict = certs.verify_code(f" {cert.number} ", typed)
    assert verdict.ok and verdict.holder == "Ni Luh Putu Ayu" and verdict.program == course.program.name
    wrong = ("1" if cert.verification_code[0] != "1" else "2") + cert.verification_code[1:]
    assert certs.verify_code(cert.number, wrong).status == certs.INVALID
    assert certs.verify_code("9999/SK-X/Y/I/2026", cert.verification_code).status == certs.INVALID
    # The printed 0 and 1 are easily typed as O, I or l (Crockford's look-alikes).
    lookalikes = cert.verification_code.replace("0", "O").replace("1", "l")
    assert certs.verify_code(cert.number, lookalikes).ok
    assert certs.normalise_code("os6f akjm kvfi") == "0S6F-AKJM-KVF1"


def test_a_snapshot_edited_in_the_database_no_longer_verifies(admin, make_resident):
    course = build_course(make_resident, names=["Agus Salim"])
    cert = certs.issue(admin, course.batch.id).issued[0]
    payload = certs.render_data(Certificate.get_by_id(cert.id))["qr_payload"]
    snap = json.loads(Certificate.get_by_id(cert.id).snapshot)
    snap["holder"]["name"] = "Agus Salimin"
    Certificate.update(snapshot=json.dumps(snap)).where(Certificate.id == cert.id).execute()
    assert certs.verify(payload).status == certs.INVALID


def test_a_photo_swapped_in_the_database_no_longer_verifies(admin, make_resident):
    from support.certificates import jpeg

    course = build_course(make_resident, names=["Wati Lubis"], photo=True)
    cert = certs.issue(admin, course.batch.id).issued[0]
    payload = certs.render_data(Certificate.get_by_id(cert.id))["qr_payload"]
    assert certs.verify(payload).ok
    Certificate.update(photo=jpeg(300, 400)).where(Certificate.id == cert.id).execute()
    assert certs.verify(payload).status == certs.INVALID


def test_verification_url_payload(admin, make_resident):
    certs.save_settings(admin, {"verification_url": "https://balai.example.go.id/verifikasi"})
    course = build_course(make_resident, names=["Fitri Lubis"], code="DG", end=dt.date(2026, 11, 14))
    cert = certs.issue(admin, course.batch.id, issued_on=dt.date(2026, 11, 20)).issued[0]
    payload = certs.render_data(Certificate.get_by_id(cert.id))["qr_payload"]
    address, bare = payload.split("#")
    assert address == "https://balai.example.go.id/verifikasi" and bare == Certificate.get_by_id(cert.id).payload
    assert certs.verify(payload).ok and certs.verify(bare).ok
    # a number with characters a URL must escape: the payload is base64url, so it needs no escaping
    certs.save_settings(admin, {"number_template": "No {seq:03d}+{program}&{year}"})
    other = build_course(make_resident, names=["Rudi Hartono"], code="EL", end=dt.date(2026, 11, 14))
    odd = certs.issue(admin, other.batch.id, issued_on=dt.date(2026, 11, 21)).issued[0]
    odd_payload = certs.render_data(Certificate.get_by_id(odd.id))["qr_payload"]
    assert odd.number == "No 002+EL&2026" and " " not in odd_payload and "+" not in odd_payload
    assert certs.verify(odd_payload).ok
    # a later change of address does not break certificates already printed
    certs.save_settings(admin, {"verification_url": ""})
    assert certs.verify(payload).ok and certs.verify(odd_payload).ok


def test_certificates_issued_before_signing_keep_verifying(admin, make_resident):
    from support.certificates import jpeg, make_legacy_certificate

    course = build_course(make_resident, names=["Fitri Lubis", "Rudi Hartono"], code="DG")
    photo = jpeg(300, 400)
    plain = make_legacy_certificate(course.enrollments[0], number="0001/SK-DG/BRS-PL/XI/2026",
                                    issued_on=dt.date(2026, 11, 20), sequence=1, photo=photo)
    url = make_legacy_certificate(course.enrollments[1], number="No 002+EL&2026", issued_on=dt.date(2026, 11, 20),
                                  sequence=2, url="https://balai.example.go.id/verifikasi")
    plain_qr = certs.render_data(plain)["qr_payload"]
    url_qr = certs.render_data(url)["qr_payload"]
    assert plain_qr == f"SERTIFIKAT KOMPETENSI\nNo: {plain.number}\nKode: {plain.verification_code}"
    assert url_qr.startswith("https://balai.example.go.id/verifikasi?n=No%20002%2BEL%262026&c=")
    assert certs.verify(plain_qr).ok and certs.verify(url_qr).ok
    assert certs.verify_code(plain.number, plain.verification_code.lower()).ok
    assert certs.verify(plain_qr.replace("Kode: ", "Kode: X")).status == certs.INVALID
    Certificate.update(photo=jpeg(310, 400)).where(Certificate.id == plain.id).execute()
    assert certs.verify(plain_qr).status == certs.INVALID
    # a newly issued certificate is signed, the old ones are untouched
    certs.revoke(admin, url.id, "Diganti sertifikat bertanda tangan")
    assert certs.verify(url_qr).status == certs.REVOKED


def test_override_needs_a_written_reason_shown_in_the_register(admin, make_resident):
    course = build_course(make_resident, names=["Slamet Riyadi"], eligible=[False])
    rid = course.residents[0].id
    refused = certs.issue(admin, course.batch.id, [rid])
    assert refused.issued == () and refused.refused[0][0] == "Slamet Riyadi"
    with pytest.raises(ValidationError):
        certs.issue(admin, course.batch.id, [rid], override_reason="karena")
    with pytest.raises(ValidationError):
        certs.issue(admin, course.batch.id, override_reason="Penilaian dilakukan oleh LSP mitra")
    done = certs.issue(admin, course.batch.id, [rid], override_reason="Penilaian dilakukan oleh LSP mitra")
    assert done.issued[0].override_reason == "Penilaian dilakukan oleh LSP mitra"
    row = certs.list_certificates(admin)[0]
    assert row.override_reason == "Penilaian dilakukan oleh LSP mitra"


def test_override_reason_is_not_stored_for_an_eligible_participant(admin, make_resident):
    course = build_course(make_resident, names=["Sri Mulyani"], eligible=[True])
    done = certs.issue(admin, course.batch.id, [course.residents[0].id], override_reason="Alasan yang tidak perlu")
    assert done.issued[0].override_reason == ""


def test_staff_may_look_but_not_issue_revoke_or_print(admin, make_resident):
    course = build_course(make_resident, names=["Joko Susilo"])
    cert = certs.issue(admin, course.batch.id).issued[0]
    staff = make_staff()
    assert [r.number for r in certs.list_certificates(staff)] == [cert.number]
    with pytest.raises(PermissionDenied):
        certs.issue(staff, course.batch.id)
    with pytest.raises(PermissionDenied):
        certs.revoke(staff, cert.id, "tidak boleh")
    with pytest.raises(PermissionDenied):
        certs.render_list(staff, [cert.id])
    with pytest.raises(PermissionDenied):
        certs.save_settings(staff, {"bilingual": True})


def test_settings_are_validated_and_audited(admin):
    with pytest.raises(ValidationError) as info:
        certs.save_settings(admin, {"number_template": "{program}/{year}"})
    assert "{urut}" in info.value.errors["number_template"]
    with pytest.raises(ValidationError) as info:
        certs.save_settings(admin, {"number_template": "{urut:04d}/{tanggal}"})
    assert "{urut}, {program}, {balai}, {bulan}, {tahun}" in info.value.errors["number_template"]
    with pytest.raises(ValidationError):
        certs.save_settings(admin, {"verification_url": "balai.example.go.id"})
    with pytest.raises(ValidationError):
        certs.save_settings(admin, {"lsp_enabled": True})
    saved = certs.save_settings(admin, {"number_template": "SK/{urut:03d}/{balai}/{tahun}", "bilingual": True,
                                        "lsp_enabled": True, "lsp_name": "Ir. Bambang", "lsp_title": "Ketua LSP",
                                        "lsp_org": "LSP Garmen Indonesia"})
    assert saved.bilingual and saved.lsp_enabled and saved.number_template == "SK/{seq:03d}/{balai}/{year}"
    assert certs.get_settings(admin) == saved
    assert AuditEvent.select().where(AuditEvent.entity == "setting").count() == 1


def test_settings_at_issue_are_kept_in_the_snapshot(admin, make_resident):
    certs.save_settings(admin, {"number_template": "SK/{seq:03d}/{balai}/{year}", "bilingual": True,
                                "lsp_enabled": True, "lsp_name": "Ir. Bambang", "lsp_title": "Ketua LSP",
                                "lsp_org": "LSP Garmen", "lsp_number": "MET.000.1"})
    course = build_course(make_resident, names=["Kartini"], end=dt.date(2026, 4, 24))
    cert = certs.issue(admin, course.batch.id, issued_on=dt.date(2026, 5, 1)).issued[0]
    assert cert.number == "SK/001/BRS-PL/2026"
    certs.save_settings(admin, {"bilingual": False, "lsp_enabled": False})
    data = certs.render_data(Certificate.get_by_id(cert.id))
    assert data["bilingual"] is True and data["second_signatory"]["name"] == "Ir. Bambang"


def test_print_is_recorded_and_revoked_certificates_are_not_printable(admin, make_resident, tmp_path):
    course = build_course(make_resident, names=["Hendra", "Wahyu"])
    issued = certs.issue(admin, course.batch.id).issued
    certs.record_print(admin, [c.id for c in issued], copies=2)
    events = list(AuditEvent.select().where(AuditEvent.action == "print"))
    assert len(events) == 2 and all(json.loads(e.changes)["salinan"] == ["", 2] for e in events)
    assert {e.username for e in events} == {admin.username}
    certs.revoke(admin, issued[0].id, "Dicabut untuk uji")
    with pytest.raises(BalaiError):
        certs.render_list(admin, [issued[0].id])
    assert certs.ids_of_batch(admin, course.batch.id) == [issued[1].id]
    assert certs.write_pdf(admin, [issued[1].id], tmp_path / "x.pdf") == 1


def test_register_filters(admin, make_resident):
    a = build_course(make_resident, names=["Andi Saputra", "Ayu Permata"], code="KOM", end=dt.date(2025, 1, 25))
    b = build_course(make_resident, names=["Bayu Nugroho"], code="ELK", end=dt.date(2026, 1, 25))
    certs.issue(admin, a.batch.id, issued_on=dt.date(2025, 2, 1))
    certs.issue(admin, b.batch.id, issued_on=dt.date(2026, 2, 1))
    F = certs.CertificateFilter
    assert certs.count_certificates(admin) == 3
    assert certs.count_certificates(admin, F(year=2025)) == 2
    assert certs.count_certificates(admin, F(program_id=b.program.id)) == 1
    assert certs.count_certificates(admin, F(batch_id=a.batch.id)) == 2
    assert [r.holder for r in certs.list_certificates(admin, F(text="bayu"))] == ["Bayu Nugroho"]
    assert [r.holder for r in certs.list_certificates(admin, F(text="0002/SK-KOM"))] == ["Ayu Permata"] or \
        [r.holder for r in certs.list_certificates(admin, F(text="0002/SK-KOM"))] == ["Andi Saputra"]
    assert certs.count_certificates(admin, F(text="50%_")) == 0
    assert certs.years(admin) == [2026, 2025]
    assert [r.number.split("/")[0] for r in certs.list_certificates(admin, limit=2)] == ["0001", "0002"]


def test_issue_needs_a_complete_profile(db, make_resident):
    make_profile(head_name="")
    admin = make_admin()
    course = build_course(make_resident, names=["Putri"])
    with pytest.raises(BalaiError) as info:
        certs.issue(admin, course.batch.id)
    assert "kepala" in info.value.message
    assert Certificate.select().count() == 0
