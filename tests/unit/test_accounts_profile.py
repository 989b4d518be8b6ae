"""First start, the balai's profile and settings."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from support.accounts import PASSWORD, make_account

from balai_app.db.models import AuditEvent, BalaiProfile, User
from balai_app.domain.errors import BalaiError, PermissionDenied, StaleRecord, ValidationError
from balai_app.services import accounts, profile

pytestmark = pytest.mark.usefixtures("db", "fast_hashing")

PROFILE = {
    "name": "Sentra Terpadu \u201cPangudi Luhur\u201d",
    "code": "brs-pl",
    "address": "Jl. H. Moeri No. 1\nKota Bekasi",
    "city": "Bekasi",
    "phone": "(021) 8860000",
    "head_name": "Dr. Muh. Ma'ruf, M.Si.",
    "head_nip": "197512302000031001",
    "head_title": "Kepala Sentra",
}


def png(width=1200, height=800, mode="RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), (20, 60, 120, 128) if mode == "RGBA" else (20, 60, 120)).save(out, "PNG")
    return out.getvalue()


def test_initialise_creates_profile_and_first_admin_in_one_go():
    signed = profile.initialise(PROFILE, {"username": "admin.balai", "full_name": "Sri Wahyuni"}, PASSWORD,
                                logo=png())
    info = profile.get_profile()
    assert info.code == "BRS-PL"  # codes are upper case
    assert info.name == PROFILE["name"] and info.head_name == "Dr. Muh. Ma'ruf, M.Si."
    logo = Image.open(io.BytesIO(bytes(info.logo)))
    assert logo.format == "PNG" and max(logo.size) == 600 and logo.mode == "RGBA"
    assert signed.actor.role == "admin" and not signed.must_change_password
    assert accounts.authenticate("admin.balai", PASSWORD).actor == signed.actor
    actions = [(e.username, e.action, e.entity) for e in AuditEvent.select().order_by(AuditEvent.id)]
    assert ("admin.balai", "create", "balai_profile") in actions
    assert ("sistem", "create", "user") in actions


def test_initialise_is_refused_once_done():
    profile.initialise(PROFILE, {"username": "admin", "full_name": "A"}, PASSWORD)
    with pytest.raises(BalaiError, match="sudah disiapkan"):
        profile.initialise(PROFILE, {"username": "admin2", "full_name": "B"}, PASSWORD)
    assert User.select().count() == 1


def test_initialise_refuses_invalid_data_and_writes_nothing():
    with pytest.raises(ValidationError) as caught:
        profile.initialise({**PROFILE, "code": "BRS/PL", "head_nip": "1234"}, {"username": "admin", "full_name": "A"},
                           PASSWORD, logo=b"not an image")
    assert set(caught.value.errors) == {"code", "head_nip", "logo"}
    with pytest.raises(ValidationError) as short:
        profile.initialise(PROFILE, {"username": "admin", "full_name": "A"}, "pendek")
    assert "password" in short.value.errors
    assert not BalaiProfile.select().exists() and not User.select().exists()


@pytest.mark.parametrize(
    ("nip", "ok"),
    [
        ("196805121990032001", True),
        ("19680512 199003 2 001", True),  # as printed on documents
        ("196813121990032001", False),  # month 13
        ("196805121990033001", False),  # sex digit 3
        ("19680512199003200", False),  # 17 digits
        ("19680512199003200A", False),
    ],
)
def test_head_nip_is_18_digits_with_a_birth_date_and_sex_digit(nip, ok):
    if ok:
        assert profile.clean_profile({**PROFILE, "head_nip": nip})["head_nip"] == nip.replace(" ", "")
    else:
        with pytest.raises(ValidationError) as caught:
            profile.clean_profile({**PROFILE, "head_nip": nip})
        assert "head_nip" in caught.value.errors


@pytest.mark.parametrize("phone", ["(021) 8750000", "0251-8123456", "+62 21 875 0000", ""])
def test_office_phone_numbers_as_written(phone):
    assert profile.clean_profile({**PROFILE, "phone": phone})["phone"] == phone


@pytest.mark.parametrize("phone", ["telp 021", "12", "021=8750000"])
def test_bad_phone_numbers(phone):
    with pytest.raises(ValidationError) as caught:
        profile.clean_profile({**PROFILE, "phone": phone})
    assert "phone" in caught.value.errors


def test_first_admin_for_a_database_with_a_profile_but_no_account():
    from support.accounts import make_profile

    make_profile()
    signed = profile.create_first_admin({"username": "admin", "full_name": "Admin"}, PASSWORD)
    assert signed.actor.role == "admin"
    with pytest.raises(BalaiError):
        profile.create_first_admin({"username": "admin2", "full_name": "Admin"}, PASSWORD)


def test_update_profile_is_admin_only_audited_and_version_checked():
    signed = profile.initialise(PROFILE, {"username": "admin", "full_name": "A"}, PASSWORD)
    admin = signed.actor
    staf = make_account("staf", "rina")
    version = profile.get_profile().version
    with pytest.raises(PermissionDenied, match="tidak berhak mengubah profil balai"):
        profile.update_profile(staf, {"city": "Jakarta"}, expected_version=version)
    profile.update_profile(admin, {"city": "Kota Bekasi"}, expected_version=version, logo=png(100, 50, "RGB"))
    event = AuditEvent.select().where(AuditEvent.action == "update").order_by(AuditEvent.id.desc()).first()
    assert event.entity == "balai_profile" and '"city": ["Bekasi", "Kota Bekasi"]' in event.changes
    assert '"logo": [null, "<' in event.changes  # image bytes are summarised, never dumped
    with pytest.raises(StaleRecord):
        profile.update_profile(admin, {"city": "X"}, expected_version=version)
    profile.update_profile(admin, {}, expected_version=version + 1, logo=None)
    assert profile.get_profile().logo is None


def test_settings_are_admin_only_validated_and_audited():
    signed = profile.initialise(PROFILE, {"username": "admin", "full_name": "A"}, PASSWORD)
    staf = make_account("staf", "rina")
    assert profile.idle_lock_minutes() == 10
    with pytest.raises(PermissionDenied):
        profile.set_setting(staf, profile.IDLE_LOCK_KEY, 5)
    for bad in (0, 241, "lima", ""):
        with pytest.raises(ValidationError):
            profile.set_setting(signed.actor, profile.IDLE_LOCK_KEY, bad)
    profile.set_setting(signed.actor, profile.IDLE_LOCK_KEY, "3")
    assert profile.idle_lock_minutes() == 3
    event = AuditEvent.select().where(AuditEvent.entity == "setting").get()
    assert event.summary == profile.IDLE_LOCK_KEY and '"idle_lock_minutes": [null, "3"]' in event.changes
    profile.set_setting(signed.actor, profile.IDLE_LOCK_KEY, 3)  # unchanged: no new row
    assert AuditEvent.select().where(AuditEvent.entity == "setting").count() == 1
