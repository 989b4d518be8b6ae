"""Bad input everywhere, issue 15: partners, outcomes, follow-ups, consents, rehab certificates,
the monthly report period.

Each property takes a valid call and replaces some of its values with hostile ones (see
``proofs/hostile.py``). Every call either stores something sane or is refused with a
BalaiError carrying an Indonesian message, the database unchanged (every table compared).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from balai_app.services import followups, graduate_profiles, monthly_report, outcomes, partners, rehab_certificates
from proofs.hostile import ANY_HOSTILE, HYPOTHESIS, attempt
from support.accounts import make_profile


@pytest.fixture
def world(db, system, make_resident):
    make_profile()
    leaver = make_resident(name="Siti Aminah", sex="P", nik="3201015501100001", entry_date="2025-01-06",
                           status="selesai", exit_date="2025-06-30")
    bank = partners.create_partner(system, {"name": "Bank Mandiri", "kind": "perusahaan"})
    first = outcomes.add_outcome(system, leaver.id, {"kind": "belum", "date": "2025-07-01"})
    return system, leaver, bank, first, Path(db.database)


def mutate(draw, base: dict, keys: list[str]) -> dict:
    data = dict(base)
    for name in draw(st.lists(st.sampled_from(keys), min_size=1, max_size=min(4, len(keys)), unique=True)):
        data[name] = draw(ANY_HOSTILE)
    return data


PARTNER = {"name": "Bank Permata", "kind": "perusahaan", "address": "Jl. Sudirman", "contact_name": "Ibu Rina",
           "contact_phone": "021-5237788", "agreement_number": "PKS-1", "agreement_start": "2026-01-01",
           "agreement_end": "2027-01-01", "agreement_scope": "Penempatan", "active": True, "notes": ""}


@pytest.mark.slow
@HYPOTHESIS
@given(data=st.data())
def test_partners(world, data):
    system, _leaver, bank, _first, path = world
    values = mutate(data.draw, {**PARTNER, "name": f"Mitra {data.draw(st.integers(0, 10**6))}"}, list(PARTNER))
    attempt(path, lambda: partners.create_partner(system, values))
    attempt(path, lambda: partners.update_partner(system, bank.id, values,
                                                  expected_version=partners.get_partner(system, bank.id).version))


OUTCOME = {"kind": "bekerja", "date": "2025-08-01", "partner": None, "employer": "Toko Maju", "position": "Kasir",
           "start_date": "2025-08-01", "end_date": "2025-11-01", "wage_band": "umk", "business_kind": "Warung",
           "support_received": True, "support_programme": "PENA", "support_value": "5000000", "note": "",
           "corrects": None}


@pytest.mark.slow
@HYPOTHESIS
@given(data=st.data(), kind=st.sampled_from(["bekerja", "magang", "wirausaha", "pendidikan", "keluarga", "belum"]))
def test_outcomes(world, data, kind):
    system, leaver, bank, first, path = world
    base = {**OUTCOME, "kind": kind, "partner": bank.id if kind == "magang" else None,
            "corrects": first.id if data.draw(st.booleans()) else None}
    values = mutate(data.draw, base, list(OUTCOME))
    attempt(path, lambda: outcomes.add_outcome(system, leaver.id, values))


FOLLOWUP = {"contact_date": "2025-10-01", "how": "telepon", "finding": "Sudah bekerja", "staff": "Pak Budi",
            "plan_months": 3}


@pytest.mark.slow
@HYPOTHESIS
@given(data=st.data())
def test_followups(world, data):
    system, leaver, _bank, _first, path = world
    values = mutate(data.draw, FOLLOWUP, list(FOLLOWUP))
    attempt(path, lambda: followups.record_followup(system, leaver.id, values))
    months = data.draw(ANY_HOSTILE)
    note = data.draw(ANY_HOSTILE)
    attempt(path, lambda: followups.mark_missed(system, leaver.id, months, note))
    attempt(path, lambda: followups.set_intervals(system, data.draw(ANY_HOSTILE)))


@pytest.mark.slow
@HYPOTHESIS
@given(data=st.data())
def test_consent_rehab_certificate_and_report_period(world, data):
    system, leaver, _bank, _first, path = world
    consent = mutate(data.draw, {"date": "2025-07-01", "asked_by": "Bu Rina", "given": True, "note": ""},
                     ["date", "asked_by", "given", "note"])
    attempt(path, lambda: graduate_profiles.record_consent(system, leaver.id, consent))
    attempt(path, lambda: rehab_certificates.set_number_template(system, data.draw(ANY_HOSTILE)))
    attempt(path, lambda: rehab_certificates.issue(system, leaver.id, issued_on=data.draw(ANY_HOSTILE)))
    attempt(path, lambda: rehab_certificates.revoke(system, data.draw(ANY_HOSTILE), data.draw(ANY_HOSTILE)))
    assert not rehab_certificates.verify(str(data.draw(ANY_HOSTILE))).ok
    text = data.draw(ANY_HOSTILE)
    try:
        monthly_report.parse_month(text)
    except ValueError as exc:
        assert "bulan tidak valid" in str(exc)
    attempt(path, lambda: monthly_report.monthly_report(system, dt.date(2026, 1, 1), dt.date(2026, 1, 31)))
