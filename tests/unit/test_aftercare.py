"""Issue 15: partners, outcomes (append-only, corrected by newer ones), aftercare follow-ups."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from balai_app.db.models import AuditEvent, FollowUp, Outcome, Setting
from balai_app.domain.errors import NotFound, PermissionDenied, ValidationError
from balai_app.services import followups, outcomes, partners
from balai_app.services.context import Actor

INSTRUKTUR = Actor(None, "guru", "instruktur")
STAF = Actor(None, "staf", "staf")


def bank(system, **overrides):
    data = {"name": "Bank Mandiri", "kind": "perusahaan", "contact_name": "Ibu Rina", "contact_phone": "021-5245000",
            "agreement_number": "PKS-01/2026", "agreement_start": "2026-01-01", "agreement_end": "2027-12-31",
            "agreement_scope": "Penempatan lulusan contact center"}
    data.update(overrides)
    return partners.create_partner(system, data)


@pytest.fixture
def graduate(make_resident):
    """A PM who left the balai on 15 January 2026."""
    return make_resident(name="Siti Aminah", sex="P", nik="3201015501100001", entry_date="2025-06-02",
                         status="selesai", exit_date="2026-01-15")


# --- partners ------------------------------------------------------------------------------


def test_partner_is_created_listed_and_audited(db, system):
    row = bank(system)
    assert row.kind_label == "Perusahaan" and row.active and row.agreement_end == dt.date(2027, 12, 31)
    assert [p.name for p in partners.list_partners(system)] == ["Bank Mandiri"]
    event = AuditEvent.get((AuditEvent.entity == "partner") & (AuditEvent.entity_id == row.id))
    assert event.action == "create" and json.loads(event.changes)["name"] == [None, "Bank Mandiri"]


def test_partner_update_is_versioned_and_audited(db, system):
    from balai_app.domain.errors import StaleRecord

    row = bank(system)
    updated = partners.update_partner(system, row.id, {"active": False}, expected_version=row.version)
    assert not updated.active and updated.version == row.version + 1
    with pytest.raises(StaleRecord):
        partners.update_partner(system, row.id, {"active": True}, expected_version=row.version)
    changes = json.loads(AuditEvent.select().where(AuditEvent.action == "update").get().changes)
    assert changes == {"active": [True, False]}
    assert partners.list_partners(system, include_ended=False) == []


def test_partner_bad_input_names_the_field_and_changes_nothing(db, system):
    with pytest.raises(ValidationError) as caught:
        partners.create_partner(system, {"name": "", "kind": "bank", "agreement_start": "2026-05-01",
                                         "agreement_end": "2026-01-01", "contact_phone": "abc"})
    errors = caught.value.errors
    assert "Nama mitra wajib diisi." == errors["name"]
    assert "Jenis mitra" in errors["kind"] and "Telepon narahubung" in errors["contact_phone"]
    assert "sebelum tanggal mulainya" in errors["agreement_end"]
    assert partners.list_partners(system) == []
    bank(system)
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        bank(system, name="bank mandiri")


def test_instruktur_sees_no_partner(db, system):
    bank(system)
    with pytest.raises(PermissionDenied, match="tidak berhak melihat daftar mitra"):
        partners.list_partners(INSTRUKTUR)
    assert partners.list_partners(STAF)


# --- outcomes --------------------------------------------------------------------------------


def test_job_at_partner_bank(db, system, graduate):
    mandiri = bank(system)
    row = outcomes.add_outcome(system, graduate.id, {"kind": "bekerja", "partner": mandiri.id, "date": "2026-02-01",
                                                     "position": "Agen contact center", "wage_band": "umk"})
    assert row.partner_name == "Bank Mandiri" and row.start_date == dt.date(2026, 2, 1)
    assert row.summary() == "Bekerja — Bank Mandiri, Agen contact center"
    assert partners.get_partner(system, mandiri.id).placements == 1


def test_each_kind_keeps_only_its_fields_and_checks_them(db, system, graduate):
    with pytest.raises(ValidationError) as caught:
        outcomes.add_outcome(system, graduate.id, {"kind": "magang", "start_date": "2026-03-01",
                                                   "end_date": "2026-02-01"})
    assert "Pilih mitra" in caught.value.errors["employer"]
    assert "sebelum tanggal mulainya" in caught.value.errors["end_date"]
    with pytest.raises(ValidationError) as caught:
        outcomes.add_outcome(system, graduate.id, {"kind": "wirausaha", "support_received": True,
                                                   "support_value": "-5"})
    assert set(caught.value.errors) == {"business_kind", "support_programme", "support_value"}
    row = outcomes.add_outcome(system, graduate.id, {"kind": "wirausaha", "business_kind": "Jahit pakaian",
                                                     "support_received": "ya", "support_programme": "PENA",
                                                     "support_value": "Rp 5.000.000", "position": "ignored"})
    assert (row.support_received, row.support_programme, row.support_value, row.position) == (True, "PENA",
                                                                                              5_000_000, "")
    assert row.summary() == "Wirausaha — Jahit pakaian (bantuan PENA)"
    assert Outcome.select().count() == 1


def test_outcome_needs_a_graduate_or_a_leaver(db, system, make_resident):
    active = make_resident(name="Masih Aktif")
    with pytest.raises(ValidationError, match="belum lulus"):
        outcomes.add_outcome(system, active.id, {"kind": "belum"})
    with pytest.raises(NotFound):
        outcomes.add_outcome(system, 987654, {"kind": "belum"})


def test_correction_is_a_newer_outcome_and_history_stays(db, system, graduate, make_resident):
    first = outcomes.add_outcome(system, graduate.id, {"kind": "bekerja", "employer": "Toko Maju",
                                                       "date": "2026-02-01"})
    fixed = outcomes.add_outcome(system, graduate.id, {"kind": "magang", "employer": "Toko Maju",
                                                       "date": "2026-02-01", "end_date": "2026-05-01",
                                                       "corrects": first.id})
    history = outcomes.list_outcomes(system, resident_id=graduate.id)
    assert [(r.id, r.corrected) for r in history] == [(fixed.id, False), (first.id, True)]
    assert outcomes.current_outcome(system, graduate.id).id == fixed.id
    with pytest.raises(ValidationError, match="sudah pernah dikoreksi"):
        outcomes.add_outcome(system, graduate.id, {"kind": "belum", "corrects": first.id})
    other = make_resident(name="Lain", status="keluar", exit_date="2026-01-20")
    with pytest.raises(ValidationError, match="tidak ada pada PM ini"):
        outcomes.add_outcome(system, other.id, {"kind": "belum", "corrects": fixed.id})


def test_outcomes_are_office_work(db, system, graduate):
    with pytest.raises(PermissionDenied):
        outcomes.add_outcome(INSTRUKTUR, graduate.id, {"kind": "belum"})
    with pytest.raises(PermissionDenied):
        outcomes.list_outcomes(INSTRUKTUR)


# --- follow-ups ------------------------------------------------------------------------------


def test_plan_is_3_6_12_months_after_exit(db, system, graduate):
    items = followups.followups_of(system, graduate.id)
    assert [(i.plan_months, i.due_date, i.status) for i in items] == [
        (3, dt.date(2026, 4, 15), "rencana"), (6, dt.date(2026, 7, 15), "rencana"),
        (12, dt.date(2027, 1, 15), "rencana")]


def test_add_months_clamps_to_the_months_last_day():
    assert followups.add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert followups.add_months(dt.date(2026, 1, 31), -2) == dt.date(2025, 11, 30)


def test_due_this_month_and_overdue(db, system, graduate, make_resident):
    make_resident(name="Masih Aktif")
    make_resident(name="Meninggal", status="meninggal", exit_date="2026-01-15")
    listing = followups.due_list(system, today=dt.date(2026, 7, 3))
    assert [(i.resident_name, i.plan_months) for i in listing.due] == [("Siti Aminah", 6)]
    assert [(i.resident_name, i.plan_months, i.due_date) for i in listing.overdue] == [
        ("Siti Aminah", 3, dt.date(2026, 4, 15))]
    followups.record_followup(system, graduate.id, {"contact_date": "2026-04-20", "how": "telepon",
                                                    "finding": "Sudah bekerja, sehat"})
    listing = followups.due_list(system, today=dt.date(2026, 7, 3))
    assert listing.overdue == [] and len(listing.due) == 1


def test_record_answers_the_nearest_open_plan(db, system, graduate):
    item = followups.record_followup(system, graduate.id, {"contact_date": "2026-07-01", "how": "kunjungan",
                                                           "finding": "Usaha berjalan", "staff": "Pak Budi"})
    assert (item.plan_months, item.status, item.staff) == (6, "selesai", "Pak Budi")
    if dt.date.today() < dt.date(2027, 1, 15):
        with pytest.raises(ValidationError, match="belum dapat ditandai terlewat"):
            followups.mark_missed(system, graduate.id, 12)  # due 15/01/2027
    missed = followups.mark_missed(system, graduate.id, 3, "Nomor telepon tidak aktif")
    assert missed.status == "terlewat"
    statuses = {i.plan_months: i.status for i in followups.followups_of(system, graduate.id)}
    assert statuses == {3: "terlewat", 6: "selesai", 12: "rencana"}
    with pytest.raises(ValidationError, match="sudah dicatat"):
        followups.mark_missed(system, graduate.id, 3)


def test_record_refuses_bad_input_and_changes_nothing(db, system, graduate, make_resident):
    with pytest.raises(ValidationError) as caught:
        followups.record_followup(system, graduate.id, {"contact_date": "2026-01-01", "how": "surat",
                                                        "finding": ""})
    assert set(caught.value.errors) == {"contact_date", "how", "finding"}
    active = make_resident(name="Masih Aktif")
    with pytest.raises(ValidationError, match="belum keluar"):
        followups.record_followup(system, active.id, {"how": "telepon", "finding": "x"})
    assert FollowUp.select().count() == 0


def test_intervals_are_a_setting(db, system, graduate):
    assert followups.set_intervals(system, "12; 1") == (1, 12)
    assert Setting.get_by_id("aftercare.months").value == "1, 12"
    assert [i.plan_months for i in followups.followups_of(system, graduate.id)] == [1, 12]
    with pytest.raises(ValidationError, match="dua kali"):
        followups.set_intervals(system, "3, 3")
    with pytest.raises(PermissionDenied):
        followups.set_intervals(STAF, "3")
