"""The audit trail in the reader's words (review B1): field labels, code labels and
DD/MM/YYYY dates on the audit page, in ``audit list`` and in the export -- never the
model's English field names or raw codes."""

from __future__ import annotations

import csv

import pytest

from balai_app.services import audit, audit_text, residents
from balai_app.services.audit import AuditFilter


def _last(system):
    return audit.list_events(system, AuditFilter())[0]


def test_a_resident_change_reads_in_indonesian(db, make_resident, system):
    pm = make_resident(name="Siti Aminah")
    residents.update_resident(system, pm.id, {"status": "kembali_keluarga", "exit_date": "2026-11-20",
                                              "exit_reason": "Dijemput keluarga"}, expected_version=pm.version)
    row = _last(system)
    text = audit_text.changes_text(row)
    assert "Status: Aktif → Kembali ke keluarga" in text, text
    assert "Tanggal keluar:  → 20/11/2026" in text, text
    for raw in ("exit_date", "kembali_keluarga", "2026-11-20", "status:"):
        assert raw not in text, (raw, text)
    assert ("Status", "Aktif", "Kembali ke keluarga") in audit_text.change_rows(row)


def test_codes_are_labelled_per_kind_of_data(db, system):
    audit.record(system, "update", "user", 3, "joko", {"role": ["staf", "instruktur"], "full_name": ["Joko", "Joko P."]})
    assert audit_text.change_rows(_last(system)) == [("Peran", "Staf", "Instruktur"),
                                                     ("Nama lengkap", "Joko", "Joko P.")]
    audit.record(system, "update", "batch", 4, "", {"status": ["direncanakan", "berjalan"]})
    assert audit_text.changes_text(_last(system)) == "Status: Direncanakan → Berjalan"


def test_unknown_fields_and_codes_are_shown_as_stored(db, system):
    audit.record(system, "update", "resident", 1, "", {"field_from_the_future": ["a", "b"], "status": ["x", "y"]})
    assert audit_text.changes_text(_last(system)) == "field_from_the_future: a → b; Status: x → y"


def test_the_export_uses_the_same_words(db, make_resident, system, tmp_path):
    audit.record(system, "update", "user", 3, "joko", {"role": ["staf", "admin"]})
    audit_text.export_events(system, None, tmp_path / "jejak.csv")
    with (tmp_path / "jejak.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert ["Peran: Staf → Admin"] == [r[7] for r in rows[1:] if r[7].startswith("Peran")]


@pytest.mark.parametrize(("typed", "code"), [("update", "update"), ("Mengubah", "update"),
                                             ("gagal masuk", "login_failed"), ("LOGIN_FAILED", "login_failed")])
def test_the_cli_filter_takes_a_code_or_its_label(typed, code):
    assert audit_text.action_code(typed) == code


def test_an_unknown_filter_names_the_choices():
    with pytest.raises(ValueError, match="Jenis data tidak dikenal: orang.*resident \\(Penerima Manfaat\\)"):
        audit_text.entity_code("orang")
    assert audit_text.entity_code("penerima manfaat") == "resident"


@pytest.mark.parametrize("typed", ["Unit kompetensi", "unit", "competency_unit"])
def test_a_label_two_codes_share_finds_the_events_of_both(db, system, typed):
    """Competency units were once recorded as "unit", now as "competency_unit" (sessions: "session",
    "training_session"): filtering by the label they share, or by either code, finds both."""
    audit.record(system, "update", "unit", 1, "lama", {})
    audit.record(system, "update", "competency_unit", 2, "baru", {})
    audit.record(system, "update", "session", 3, "sesi", {})
    found = audit.list_events(system, AuditFilter(entity=audit_text.entity_code(typed)))
    assert sorted(row.summary for row in found) == ["baru", "lama"]
