"""Folding text for search: what a person types should find what was registered.

"dang" finds "Đặng", "ma'ruf" finds "Ma’ruf", "NI LUH" finds "Ni Luh". The
stored name is never changed; only the search key is folded.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u00b4": "'"})
# Letters that do not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i"})


def fold(text: str) -> str:
    if text.isascii():  # most names: nothing to decompose (ASCII casefold is lower; '`' is the one ASCII apostrophe)
        return text.lower().replace("`", "'")
    text = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES).translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def search_key(name: str, nik: str | None, birth_place: str) -> str:
    """The resident's search column: folded name, NIK and folded place of birth."""
    return " ".join(part for part in (fold(name), nik or "", fold(birth_place or "")) if part)


def search_words(text: str) -> list[str]:
    """The words of a search box, folded like ``search_key``."""
    return fold(text or "").split()


def batch_phrase(name: str, *, start: bool = False) -> str:
    """A batch named in a sentence: "angkatan Las I", but "Angkatan II 2026" stays as it is.

    Batches are usually named "Angkatan …"; putting the word before such a name
    would double it ("Angkatan Angkatan II 2026"). ``start`` capitalises the
    added word for the start of a sentence.
    """
    name = (name or "").strip()
    if fold(name).startswith(("angkatan", "kelas", "batch")):
        return name
    return ("Angkatan " if start else "angkatan ") + name


def program_phrase(name: str, *, start: bool = False) -> str:
    """A program named in a sentence: "program Menjahit", but "Pelatihan Las" or "Program Menjahit
    Dasar" stays as it is (no "Program Program Menjahit Dasar")."""
    name = (name or "").strip()
    if fold(name).startswith(("program", "pelatihan")):
        return name
    return ("Program " if start else "program ") + name
