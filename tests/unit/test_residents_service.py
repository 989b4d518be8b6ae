"""The resident register's rules, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from balai_app.db.models import AuditEvent, Resident, ResidentPhoto
from balai_app.domain.errors import NeedsConfirmation, NotFound, StaleRecord, ValidationError
from balai_app.services import residents
from balai_app.services import residents_photo
from balai_app.services import casework
from balai_app.services.residents import ResidentFilter


def valid(**overrides):
    data = {
        "name": "Siti Rahayu",
        "sex": "P",
        "klaster": "tuna_sosial",
        "nik": "3201015505990002",  # 15-05-99, woman (+40)
        "birth_date": dt.date(1999, 5, 15),
        "birth_place": "Bogor",
        "entry_date": dt.date(2026, 2, 1),
    }
    data.update(overrides)
    return data


def snapshot():
    return [tuple(r) for r in Resident.select().order_by(Resident.id).tuples()]


def test_create_keeps_name_exactly(db, system):
    for name in ["Muh. Ma'ruf", "Sukarno", "Ni Luh Putu Ayu", "dr. ANAK agung", "Đặng Thị Ánh"]:
        nik = None
        r = residents.create_resident(system, valid(name=name, nik=nik, nik_missing_reason="Tidak punya KTP"))
        assert Resident.get_by_id(r.id).name == name


def test_name_is_required_and_message_names_the_field(db, system):
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(name="   "))
    assert info.value.errors["name"] == "Nama lengkap wajib diisi."
    assert Resident.select().count() == 0


def test_nik_optional_but_reason_required(db, system):
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(nik=""))
    assert "nik_missing_reason" in info.value.errors
    r = residents.create_resident(system, valid(nik="", nik_missing_reason="Tidak memiliki KTP"))
    assert r.nik is None and r.nik_missing_reason == "Tidak memiliki KTP"


@pytest.mark.parametrize(
    "nik, fragment",
    [
        ("320101550599000", "16 digit"),
        ("32010155059900AB", "angka"),
        ("3201013202990002", "tidak mungkin"),  # day 32
        ("3201015513990002", "tidak mungkin"),  # month 13
        ("3201015505990000", "0000"),
    ],
)
def test_malformed_nik_is_an_error(db, system, nik, fragment):
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(nik=nik))
    assert fragment in info.value.errors["nik"]


def test_nik_birth_date_mismatch_is_a_warning_to_confirm(db, system):
    data = valid(birth_date=dt.date(1999, 5, 16))
    with pytest.raises(NeedsConfirmation) as info:
        residents.create_resident(system, data)
    assert "berbeda" in info.value.warnings["nik"]
    assert Resident.select().count() == 0
    residents.create_resident(system, data, confirm_warnings=True)
    assert Resident.select().count() == 1


def test_nik_sex_mismatch_is_a_warning(db, system):
    with pytest.raises(NeedsConfirmation) as info:
        residents.create_resident(system, valid(sex="L"))
    assert "perempuan" in info.value.warnings["nik"]


def test_century_taken_from_birth_date(db, system):
    """A PM born in 2010 and one born in 1910 share the encoded year 10."""
    residents.create_resident(system, valid(nik="3201011501100001", sex="L", birth_date=dt.date(2010, 1, 15), klaster="anak"))
    residents.create_resident(system, valid(nik="3201011501100002", sex="L", birth_date=dt.date(1940, 1, 15), klaster="lansia"),
                              confirm_warnings=True)
    with pytest.raises(NeedsConfirmation):
        residents.create_resident(system, valid(nik="3201011501100003", sex="L", birth_date=dt.date(1940, 1, 15)))


def test_unknown_region_is_a_warning_not_an_error(db, system):
    # 65 = Kalimantan Utara, missing from python-stdnum's table: accepted silently.
    residents.create_resident(system, valid(nik="6501015505990002"))
    # 99 is no province at all: a warning to confirm.
    with pytest.raises(NeedsConfirmation) as info:
        residents.create_resident(system, valid(nik="9901015505990003"))
    assert "wilayah" in info.value.warnings["nik"]


def test_duplicate_nik_refused_naming_the_holder(db, system):
    first = residents.create_resident(system, valid())
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(name="Orang Lain"))
    assert "Siti Rahayu" in info.value.errors["nik"] and str(first.id) in info.value.errors["nik"]


def test_status_other_than_active_needs_exit_date(db, system):
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(status="dirujuk"))
    assert "exit_date" in info.value.errors
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(status="dirujuk", exit_date=dt.date(2026, 1, 1)))
    assert "sebelum tanggal masuk" in info.value.errors["exit_date"]


def test_klaster_must_be_one_of_five(db, system):
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(klaster="gelandangan"))
    assert "Klaster" in info.value.errors["klaster"]


def test_future_and_impossible_dates_refused(db, system):
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(entry_date=dt.date.today() + dt.timedelta(days=3)))
    assert "masa depan" in info.value.errors["entry_date"]
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(birth_date="31-02-1999"))
    assert "tidak ada di kalender" in info.value.errors["birth_date"]


def test_control_characters_refused(db, system):
    with pytest.raises(ValidationError) as info:
        residents.create_resident(system, valid(name="Siti\x00Rahayu"))
    assert "karakter" in info.value.errors["name"]


def test_update_with_stale_version_is_refused_and_changes_nothing(db, system):
    r = residents.create_resident(system, valid())
    residents.update_resident(system, r.id, {"address": "Jl. Baru"}, expected_version=1)
    before = snapshot()
    with pytest.raises(StaleRecord, match="diubah oleh orang lain"):
        residents.update_resident(system, r.id, {"address": "Jl. Lama"}, expected_version=1)
    assert snapshot() == before


def test_update_records_old_and_new_values(db, system):
    r = residents.create_resident(system, valid())
    residents.update_resident(system, r.id, {"address": "Jl. Kenanga 3"}, expected_version=r.version)
    event = AuditEvent.select().where(AuditEvent.action == "update").get()
    assert '"address": ["", "Jl. Kenanga 3"]' in event.changes
    assert event.entity == "resident" and event.entity_id == r.id


def test_search_over_name_nik_and_place(db, system, make_resident):
    make_resident(name="Ni Luh Putu Ayu", birth_place="Denpasar")
    make_resident(name="Muh. Ma'ruf", birth_place="Makassar")
    make_resident(name="Budi 100%")
    names = lambda text: [r.name for r in residents.list_residents(system, ResidentFilter(text=text))]  # noqa: E731
    assert names("putu") == ["Ni Luh Putu Ayu"]
    assert names("MA'RUF") == ["Muh. Ma'ruf"]
    assert names("denpasar") == ["Ni Luh Putu Ayu"]
    assert names("100%") == ["Budi 100%"]
    assert names("%") == ["Budi 100%"], "LIKE wildcards in the search text are literal"
    nik = Resident.get(Resident.name == "Muh. Ma'ruf").nik
    assert names(nik) == ["Muh. Ma'ruf"]


def test_filters_and_sorting(db, system, make_resident):
    make_resident(name="Andi", klaster="anak", entry_date="2025-03-01")
    make_resident(name="Bambang", klaster="lansia", entry_date="2026-01-10", birth_date="1950-01-15",
                  nik="3201011501500001")
    make_resident(name="Citra", klaster="anak", sex="P", entry_date="2026-02-10",
                  nik="3201015501100009")
    assert [r.name for r in residents.list_residents(system, ResidentFilter(klaster="anak"))] == ["Andi", "Citra"]
    assert [r.name for r in residents.list_residents(system, ResidentFilter(sex="P"))] == ["Citra"]
    assert [r.name for r in residents.list_residents(system, ResidentFilter(entry_year=2026))] == ["Bambang", "Citra"]
    assert [r.name for r in residents.list_residents(system, order_by="name", descending=True)] == ["Citra", "Bambang", "Andi"]
    assert residents.count_residents(system, ResidentFilter(klaster="anak")) == 2
    assert residents.entry_years(system) == [2026, 2025]
    assert residents.counts_by_klaster_and_status(system) == {("anak", "aktif"): 2, ("lansia", "aktif"): 1}


def test_photo_is_scaled_and_stored_apart(db, system):
    import io

    from PIL import Image

    r = residents.create_resident(system, valid())
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 3000), "navy").save(buffer, "PNG")
    residents_photo.set_photo(system, r.id, buffer.getvalue())
    stored = residents_photo.get_photo(system, r.id)
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and max(image.size) == 600
    with pytest.raises(ValidationError, match="gambar"):
        residents_photo.set_photo(system, r.id, b"not an image at all")
    assert ResidentPhoto.select().count() == 1


def test_find_resident_by_nik_or_number(db, system):
    r = residents.create_resident(system, valid())
    assert residents.find_resident(system, r.nik).id == r.id
    assert residents.find_resident(system, str(r.id)).id == r.id
    with pytest.raises(NotFound):
        residents.find_resident(system, "9999999999999999")


def test_service_without_assessment_warns(db, system):
    r = residents.create_resident(system, valid())
    with pytest.raises(NeedsConfirmation, match="belum pernah diasesmen"):
        casework.add_service(system, r.id, {"kind": "terapi", "description": "Konseling"})
    casework.add_service(system, r.id, {"kind": "terapi", "description": "Konseling"}, confirm_warnings=True)
    casework.add_assessment(system, r.id, {"assessor": "Rina", "summary": "Perlu terapi", "date": dt.date(2026, 2, 2)})
    casework.add_service(system, r.id, {"kind": "terapi", "description": "Konseling lanjutan"})
    assert len(casework.services_of(system, r.id)) == 2
    assert len(casework.assessments_of(system, r.id)) == 1


def test_assessment_needs_content(db, system):
    r = residents.create_resident(system, valid())
    with pytest.raises(ValidationError) as info:
        casework.add_assessment(system, r.id, {"assessor": "Rina"})
    assert "summary" in info.value.errors


def test_pasted_line_breaks_become_spaces_in_one_line_fields(db, system):
    r = residents.create_resident(system, valid(birth_place="Bekasi\r\nJawa Barat", name="Siti\tRahayu",
                                                nik="3201015505990002\n", notes="baris 1\nbaris 2"))
    assert (r.birth_place, r.name, r.nik, r.notes) == ("Bekasi Jawa Barat", "Siti Rahayu", "3201015505990002",
                                                       "baris 1\nbaris 2")


def test_search_ignores_accents_and_apostrophe_styles(db, system, make_resident):
    make_resident(name="Đặng Thị Ánh")
    make_resident(name="Muh. Ma’ruf")  # typographic apostrophe, as Word writes it
    make_resident(name="Zainal")
    names = lambda text: [r.name for r in residents.list_residents(system, ResidentFilter(text=text))]  # noqa: E731
    assert names("dang") == ["Đặng Thị Ánh"]
    assert names("ĐẶNG anh") == ["Đặng Thị Ánh"]
    assert names("ma'ruf") == ["Muh. Ma’ruf"]
    assert residents.count_residents(system, ResidentFilter(text="thi")) == 1
