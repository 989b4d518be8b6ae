"""What the importer remembers per file (``validation.Outcomes``) and the shortcuts it takes
for the usual cell: every row still gets the same result, and every error its own row number."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from balai_app.domain import text as text_module
from balai_app.services import resident_io as rio
from balai_app.services import residents
from balai_app.services import validation as v


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_remembered_invalid_value_is_an_error_on_every_row_it_appears_on(db, system, tmp_path):
    path = _write(tmp_path / "repeat.csv", [
        "nama;jenis_kelamin;klaster;tanggal_lahir;status",
        "Ani;P;anak;31/02/1990;",
        "Budi;L;xyz;01/02/1990;",
        "Citra;P;anak;31/02/1990;selesai",
        "Dodi;L;xyz;31/02/1990;",
        "Eka;P;anak;01/02/1990;selesai",
    ])
    report = rio.check_import(system, path)
    errors = [(p.row, p.column, p.message) for p in report.errors]
    bad_date = "Tanggal lahir: tanggal tidak ada di kalender: '31/02/1990'"
    no_exit = "Tanggal keluar wajib diisi bila status bukan Aktif."
    unknown_klaster = [m for r, c, m in errors if (r, c) == (3, "klaster")]
    assert errors == [
        (2, "tanggal_lahir", bad_date),
        (3, "klaster", unknown_klaster[0]),
        (4, "tanggal_lahir", bad_date),
        (4, "tanggal_keluar", no_exit),
        (5, "klaster", unknown_klaster[0]),
        (5, "tanggal_lahir", bad_date),
        (6, "tanggal_keluar", no_exit),
    ]
    assert "xyz" in unknown_klaster[0]
    assert report.invalid_count == 5 and not report.valid_rows


def test_a_remembered_value_is_checked_once_and_its_error_given_to_every_row():
    calls = []

    def cleaner(value, label, **options):
        calls.append(value)
        if value == "bad":
            raise v.FieldError(f"{label}: {value} ({options['n']})")
        return value.upper()

    outcomes = v.Outcomes()
    outcomes.start("day 1")
    results, refused = outcomes.column("f", cleaner, ["ok", "bad", "ok", "bad"], "F", {"n": 1})
    assert results == ["OK", "F: bad (1)", "OK", "F: bad (1)"] and refused == [1, 3]
    assert calls == ["ok", "bad"]
    outcomes.start("day 1")  # nothing the cleaners depend on changed: still remembered
    assert outcomes.column("f", cleaner, ["ok", "bad"], "F", {"n": 1}) == (["OK", "F: bad (1)"], [1])
    assert calls == ["ok", "bad"]
    outcomes.start("day 2")  # the day (or the language) changed: checked again
    outcomes.column("f", cleaner, ["ok"], "F", {"n": 1})
    assert calls == ["ok", "bad", "ok"]
    outcomes.column("g", cleaner, ["ok"], "G", {"n": 1})  # another field: its own outcomes
    outcomes.column("f", cleaner, ["ok", "ok"], "F", {"n": 1}, remember=False)  # a person's own: checked each time
    assert calls == ["ok", "bad", "ok", "ok", "ok", "ok"]


def test_only_text_and_none_are_remembered_equal_numbers_are_cleaned_apart():
    outcomes = v.Outcomes()
    outcomes.start()
    results, refused = outcomes.column("name", v.text, ["1", 1, True, 1.0, None, ""], "Nama", {})
    assert results == ["1", "1", "Nama: isian tidak valid.", "1.0", "", ""] and refused == [2]


def test_the_limit_keeps_the_first_values_and_still_checks_the_others():
    calls = []

    def cleaner(value, label):
        calls.append(value)
        return value

    outcomes = v.Outcomes(limit=2)
    outcomes.start()
    assert outcomes.column("f", cleaner, ["a", "b", "c", "a", "c"], "F", {}) == (["a", "b", "c", "a", "c"], [])
    assert calls == ["a", "b", "c", "c"]


CELLS = {
    "name": ["Siti", "", None, " Budi ", "A" * 201, "Ev\u202eil", 12],
    "sex": ["L", "P", "X", "", None, " P "],
    "klaster": ["anak", "lansia", "xyz", "", None],
    "birth_place": ["Bogor", "", None, "B" * 101, "Jak\tarta"],
    "birth_date": ["01/02/1990", "1990-02-01", "31/02/1990", "", None, "1899-12-31",
                   (dt.date.today() + dt.timedelta(days=2)).isoformat(), dt.date(1990, 2, 1)],
    "entry_date": ["01/01/2024", "", None, "01/01/1980", "32/01/2024", dt.date(2024, 1, 1)],
    "religion": ["", None, "Islam", "Zz"],
    "guardian_phone": ["081234567", "12", "", None],
    "no_kk": ["3201010000000001", "320101", "", None, "abc"],
    "status": ["", None, "aktif", "selesai", "xyz"],
    "exit_date": ["", None, "01/06/2024", "01/01/2023", "bad"],
    "nik": ["3201014501900001", "3201010101900001", "32010145019000", "", None],
    "nik_missing_reason": ["", None, "tidak punya KTP"],
    "disabilities": [[], ["fisik"], ["xyz"]],
}


OWNERS = {"3201014501900001": (7, "Ani")}  # a registered PM holds one of the NIKs above


def _clean_one_by_one(data: dict, nik_owners: dict) -> tuple[dict, v.Collector]:
    """``residents.clean`` as it was before the importer cleaned field by field (frozen here as
    the reference): one row, each field's cleaner called in turn, then the checks across fields."""
    from balai_app.domain import codes
    from balai_app.domain.nik import check_nik

    c, out = v.Collector(), {}
    for name, cleaner, options, empty, _repeats in residents._FIELDS:
        value = data.get(name)
        if empty is not None and not value:
            value = empty(dt.date.today())
        out[name] = c.take(name, cleaner, value, residents.label(name), **options)
    disabilities = data.get("disabilities") or []
    if isinstance(disabilities, str):
        disabilities = [d.strip() for d in disabilities.split(",") if d.strip()]
    elif not isinstance(disabilities, (list, tuple, set, frozenset)) or not all(isinstance(d, str) for d in disabilities):
        c.error("disabilities", "Jenis disabilitas tidak valid.")
        disabilities = []
    unknown = [d for d in disabilities if d not in codes.DISABILITIES]
    if unknown:
        c.error("disabilities", "Jenis disabilitas tidak dikenal: {x}.".format(x=", ".join(map(str, unknown))[:80]))
    out["disabilities"] = ",".join(d for d in codes.DISABILITIES if d in disabilities)
    if out["birth_date"] and out["entry_date"] and out["entry_date"] < out["birth_date"]:
        c.error("entry_date", "Tanggal masuk tidak boleh sebelum tanggal lahir.")
    if out["status"] and out["status"] != "aktif":
        if not out["exit_date"] and "exit_date" not in c.errors:
            c.error("exit_date", "Tanggal keluar wajib diisi bila status bukan Aktif.")
        elif out["exit_date"] and out["entry_date"] and out["exit_date"] < out["entry_date"]:
            c.error("exit_date", "Tanggal keluar tidak boleh sebelum tanggal masuk.")
    elif out["status"] == "aktif":
        out["exit_date"] = None
    raw_nik = "" if data.get("nik") is None else str(data["nik"]).strip()
    if not raw_nik:
        out["nik"] = None
        if not out.get("nik_missing_reason") and "nik_missing_reason" not in c.errors:
            c.error("nik_missing_reason", "Isi alasan bila NIK tidak ada (mis. tidak memiliki KTP).")
    else:
        result = check_nik(raw_nik, out.get("birth_date"), out.get("sex"))
        if result.errors:
            c.error("nik", result.errors[0])
            out["nik"] = None
        else:
            out["nik"] = result.nik
            out["nik_missing_reason"] = ""
            for warning in result.warnings:
                c.warn("nik", warning)
            if result.nik in nik_owners:
                owner_id, owner_name = nik_owners[result.nik]
                c.error("nik", f"NIK sudah terdaftar atas nama {owner_name} (No. {owner_id}).")
    return out, c


@settings(max_examples=80, deadline=None)
@given(st.lists(st.fixed_dictionaries({k: st.sampled_from(values) for k, values in CELLS.items()}),
                min_size=1, max_size=12), st.integers(min_value=1, max_value=5))
def test_many_rows_cleaned_together_give_what_each_row_gave_alone(rows, chunk):
    """The importer cleans a file in chunks, field by field, with one ``Outcomes``: every row
    gets the values and the messages (in the same order, as plain text) that cleaning it alone,
    one field after another, gave -- and a form's ``clean`` too."""
    outcomes = v.Outcomes()
    together = [result for start in range(0, len(rows), chunk)
                for result in residents.clean_rows([dict(data) for data in rows[start:start + chunk]],
                                                   nik_owners=OWNERS, outcomes=outcomes)]
    assert len(together) == len(rows)
    for data, (cleaned, collector) in zip(rows, together):
        before, before_collector = _clean_one_by_one(dict(data), OWNERS)
        assert cleaned == before
        assert list(collector.errors.items()) == list(before_collector.errors.items())
        assert all(type(message) is str for message in collector.errors.values())
        assert collector.warnings == before_collector.warnings
        alone, alone_collector = residents.clean(dict(data), nik_owners=OWNERS)
        assert (alone, alone_collector.errors, alone_collector.warnings) == (
            cleaned, collector.errors, collector.warnings)


@given(st.text(alphabet=string.printable.replace("\x0b", "").replace("\x0c", ""), max_size=30),
       st.booleans())
def test_printable_ascii_takes_the_shortcut_the_full_checks_agree_with(value, multiline):
    """``text`` strips printable ASCII without the full checks: they would give the same."""
    if value.isprintable():
        assert v.text(value, "Nama", multiline=multiline, max_length=99) == value.strip()
        assert v._unusual_text(value, "Nama", multiline) == value.strip()


def test_folding_ascii_is_folding_it_in_full():
    every_ascii = "".join(map(chr, range(128)))
    assert text_module.fold(every_ascii) == every_ascii.lower().translate(text_module._APOSTROPHES)
    assert text_module.fold("Ma`ruf") == "ma'ruf"


def test_a_remembered_refusal_keeps_no_frame_of_the_import_alive():
    """Only the message is remembered: a kept exception's traceback would hold the frames
    of the importer (every row read so far) while the collector is paused for the import."""
    import gc
    import weakref

    class Rows(list):
        pass

    outcomes = v.Outcomes()
    options = {"options": ["L", "P"]}

    def check_a_file() -> weakref.ref:
        rows = Rows(["the importer's rows"])  # a local of a frame the traceback would hold
        outcomes.start(dt.date(2026, 1, 1), "id")
        assert outcomes.column("sex", v.choice, ["X"], "Jenis kelamin", options) == (
            ["Jenis kelamin tidak dikenal: 'X'."], [0])
        return weakref.ref(rows)

    gc.disable()  # as during an import (gc_pause): only reference counts free memory
    try:
        rows = check_a_file()
        assert rows() is None, "a remembered refusal keeps the import's frames alive"
        # still remembered: the same message for the next row
        assert outcomes.column("sex", v.choice, ["X"], "Jenis kelamin", options) == (
            ["Jenis kelamin tidak dikenal: 'X'."], [0])
    finally:
        gc.enable()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=12),
                          st.text(alphabet=string.printable, max_size=12)), max_size=10),
       st.booleans(), st.integers(min_value=0, max_value=8), st.booleans())
def test_a_column_of_a_persons_own_text_gives_what_text_gives_each_cell(values, required, max_length, multiline):
    """``Outcomes.column`` of a column not remembered (names, addresses): every cell gets
    exactly what ``text`` gives it, or its message, and the refused ones are named."""
    options = {"required": required, "max_length": max_length, "multiline": multiline}
    expected, expected_refused = [], []
    for i, value in enumerate(values):
        try:
            expected.append(v.text(value, "Nama", **options))
        except v.FieldError as exc:
            expected.append(str(exc))
            expected_refused.append(i)
    results, refused = v.Outcomes().column("name", v.text, values, "Nama", options, remember=False)
    assert results == expected and refused == expected_refused
