"""What schema step 2 needs, frozen as released.

A migration step must write tomorrow exactly what it wrote the day it was
released, so it never calls live code that may change (here: the search-key
folding of ``domain/text.py`` as of schema version 2). A later change to the
folding is a new step of its own.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u00b4": "'"})
_SPECIAL = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ı": "i"})


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES).translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def search_key(name: str, nik: str | None, birth_place: str) -> str:
    """Folded name, NIK and folded place of birth, as schema version 2 stores them."""
    return " ".join(part for part in (_fold(name), nik or "", _fold(birth_place or "")) if part)
