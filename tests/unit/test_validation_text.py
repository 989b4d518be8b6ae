"""``validation.text``: one set of checks for every cell, ASCII or not (the ASCII cells
only skip what cannot apply to them: normalising, invisible and surrogate characters)."""

from __future__ import annotations

import pytest

from balai_app.services.validation import FieldError, text


@pytest.mark.parametrize(("value", "multiline", "cleaned"), [
    ("  Siti\r\nAminah\t", False, "Siti Aminah"),
    ("  Sití\r\nAminah\t", False, "Sití Aminah"),
    ("baris 1\r\nbaris 2\rbaris 3", True, "baris 1\nbaris 2\nbaris 3"),
    ("barís 1\r\nbaris 2\rbaris 3", True, "barís 1\nbaris 2\nbaris 3"),
    ("Jose\u0301", False, "Jos\u00e9"),  # composed (NFC)
    ("\u212a", False, "K"),  # the Kelvin sign is a K once normalised
    (12, False, "12"),
])
def test_a_cell_is_cleaned_the_same_way_whatever_its_letters(value, multiline, cleaned):
    assert text(value, "Nama", multiline=multiline) == cleaned


@pytest.mark.parametrize(("value", "kwargs", "message"), [
    ("Siti\x07", {}, "tidak diizinkan"),
    ("Sití\x07", {}, "tidak diizinkan"),
    ("Siti\ud800", {}, "tidak diizinkan"),
    ("Siti\u202eanimA", {}, "karakter tak terlihat"),
    ("Siti\u200b", {}, "karakter tak terlihat"),
    ("   ", {"required": True}, "wajib diisi"),
    ("abcdef", {"max_length": 5}, "terlalu panjang"),
    ("abcdé", {"max_length": 4}, "terlalu panjang"),
])
def test_a_cell_that_cannot_be_stored_is_refused(value, kwargs, message):
    with pytest.raises(FieldError, match=message):
        text(value, "Nama", **kwargs)
