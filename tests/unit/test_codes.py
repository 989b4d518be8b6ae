"""Status codes are StrEnums: a member is its stored code, and the label maps list every member."""

from __future__ import annotations

import json

import pytest

from balai_app.domain import codes


@pytest.mark.parametrize(("enum", "labels"), [
    (codes.ResidentStatus, codes.RESIDENT_STATUS),
    (codes.BatchStatus, codes.BATCH_STATUS),
    (codes.EnrollmentStatus, codes.ENROLLMENT_STATUS),
    (codes.Attendance, codes.ATTENDANCE),
    (codes.UnitResult, codes.UNIT_RESULT),
    (codes.CertificateStatus, codes.CERTIFICATE_STATUS),
])
def test_every_member_has_a_label_and_is_its_code(enum, labels):
    assert list(labels) == list(enum)
    for member in enum:
        assert member == member.value and isinstance(member, str)
        assert codes.label(labels, member.value) == codes.label(labels, member) != member.value


def test_a_member_is_stored_and_written_as_its_code():
    assert json.dumps([codes.BatchStatus.RUNNING]) == '["berjalan"]'
    assert f"{codes.EnrollmentStatus.WITHDRAWN}" == "mengundurkan_diri"
    assert codes.EnrollmentStatus("lulus") is codes.EnrollmentStatus.PASSED
    with pytest.raises(ValueError):
        codes.BatchStatus("berjalan ")  # a misspelt code is no member


@pytest.mark.parametrize(("typed", "code"), [
    ("kembali_keluarga", "kembali_keluarga"), ("KEMBALI KELUARGA", "kembali_keluarga"),
    ("  Kembali   ke keluarga ", "kembali_keluarga"), ("selesai/terminasi", "selesai"), ("Aktif", "aktif"),
])
def test_a_code_is_found_from_itself_or_its_label(typed, code):
    assert codes.code_from_text(codes.RESIDENT_STATUS, typed) == code


def test_an_unknown_text_names_no_code():
    assert codes.code_from_text(codes.RESIDENT_STATUS, "pulang") is None
    assert codes.code_from_text(codes.DISABILITIES, "") is None
    assert codes.code_from_text(codes.DISABILITIES, "Sensorik") is None  # a part of a label is not the label


def test_a_label_is_found_in_the_language_on_screen_too(monkeypatch):
    from balai_app import i18n

    assert codes.code_from_text(codes.DISABILITIES, "Sensorik netra") == "sensorik_netra"
    with monkeypatch.context() as patch:
        patch.setattr(i18n, "_translate", lambda _context, text: {"Sensorik netra": "Blind"}.get(text, text + "*"))
        assert codes.code_from_text(codes.DISABILITIES, "blind") == "sensorik_netra"
        assert codes.code_from_text(codes.DISABILITIES, "Sensorik netra") == "sensorik_netra"  # as written
    assert codes.code_from_text(codes.DISABILITIES, "blind") is None  # the lookup follows the language


@pytest.mark.parametrize("table", [codes.RESIDENT_STATUS, codes.DISABILITIES, codes.KLASTER, codes.SERVICE_KINDS])
def test_a_typed_text_names_at_most_one_code(table):
    """Case, spaces and '_' are ignored: no two codes of a table may then read alike."""
    seen: dict[str, str] = {}
    for code, name in table.items():
        for written in {code, name}:
            key = " ".join(written.casefold().replace("_", " ").split())
            assert seen.setdefault(key, code) == code, (written, seen[key])


@pytest.mark.parametrize(("typed", "code"), [
    ("anak", "anak"), ("TUNA_SOSIAL", "tuna_sosial"), ("tuna sosial", "tuna_sosial"), ("Lanjut usia", "lansia"),
    ("penyandang disabilitas", "disabilitas"), ("Korban penyalahgunaan NAPZA", "napza"),
    ("Korban Perdagangan Orang", "tuna_sosial"), ("tuna sosial dan korban perdagangan orang", "tuna_sosial"),
    ("remaja", None), ("", None),
])
def test_a_klaster_is_found_from_its_code_its_label_or_its_second_group(typed, code):
    assert codes.klaster_from_text(typed) == code
