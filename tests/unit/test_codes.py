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
