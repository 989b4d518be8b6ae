"""The register's loaded rows, packed column by column, so that a list scrolled to the
end of 200,000 residents holds every row in a few megabytes (``resident_model.py``)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice
from typing import Any, overload

from balai_app import gc_pause
from balai_app.services.residents import ResidentRow


class LoadedResidents(Sequence[ResidentRow]):
    """The register's loaded rows, packed: about 60 bytes a row where the ``ResidentRow``
    tuples take about 280 (the tuple, its id, NIK and name objects, the list's pointer).

    Per row: the id (8 bytes); the NIK and the name as UTF-8 in one ``bytearray``
    with where each ends (2 x 4 bytes); and four codes (4 x 4 bytes) into one table
    of distinct values: (sex, klaster, status) together, the place of birth and the
    two dates; a byte telling a NIK that is None from an empty one. Reading a row builds
    its ``ResidentRow`` again (the view asks only for the rows it shows, and the model
    keeps their texts)."""

    def __init__(self, rows: Iterable[ResidentRow] = ()):
        self._ids = array("q")
        self._text = bytearray()
        self._ends = array("I")  # per row: where its NIK ends, where its name ends
        # per row, a code each: (sex, klaster, status), place of birth, birth date, entry date
        self._codes = tuple(array("I") for _ in range(4))
        self._code_of: dict[Any, int] = {}  # value -> its code (in insertion order: the code)
        self._values: list[Any] = []  # code -> value
        self._no_nik = bytearray()  # per row: 1 when its NIK is None (not only empty)
        self.extend(rows)

    def extend(self, rows: Iterable[ResidentRow]) -> None:
        """Append ``rows``, column by column (C-level loops: scrolling to the end packs every row)."""
        rows = list(rows)
        if not rows:
            return
        with gc_pause.paused():  # the page's thousands of passing tuples would start collections
            self._append(rows)

    def _append(self, rows: list[ResidentRow]) -> None:
        # Everything that can fail (a text that does not encode) comes before the first change:
        # a page is packed whole or not at all.
        ids, niks, names, sexes, places, births, klasters, statuses, entries = zip(*rows, strict=True)
        encoded = list(map(str.encode, chain.from_iterable(zip([nik or "" for nik in niks], names))))
        no_nik = bytes(nik is None for nik in niks)
        columns = (list(zip(sexes, klasters, statuses)), places, births, entries)
        known = self._code_of
        for column in columns:
            for value in set(column).difference(known):
                known[value] = len(known)
        if len(self._values) != len(known):
            self._values = list(known)
        self._ids.extend(ids)
        self._no_nik += no_nik
        self._ends.extend(islice(accumulate(map(len, encoded), initial=len(self._text)), 1, None))
        self._text += b"".join(encoded)
        for codes_, column in zip(self._codes, columns):
            codes_.extend(map(known.__getitem__, column))

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, row: int) -> ResidentRow: ...
    @overload
    def __getitem__(self, row: slice) -> list[ResidentRow]: ...

    def __getitem__(self, row: int | slice) -> ResidentRow | list[ResidentRow]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self._ids)
        if not 0 <= row < len(self._ids):
            raise IndexError(row)
        ends, text, values = self._ends, self._text, self._values
        start, nik_end, name_end = self._nik_start(row), ends[2 * row], ends[2 * row + 1]
        triples, places, births, entries = self._codes
        sex, klaster, status = values[triples[row]]
        return ResidentRow(self._ids[row], None if self._no_nik[row] else text[start:nik_end].decode(),
                           text[nik_end:name_end].decode(), sex, values[places[row]], values[births[row]],
                           klaster, status, values[entries[row]])

    def __iter__(self) -> Iterator[ResidentRow]:
        return (self[row] for row in range(len(self._ids)))

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def has_nik(self, row: int) -> bool:
        return not self._no_nik[row] and self._ends[2 * row] > self._nik_start(row)

    def _nik_start(self, row: int) -> int:
        """Where ``row``'s NIK starts in the packed text (where the row before it ends)."""
        return self._ends[2 * row - 1] if row else 0

    def row_of_id(self, resident_id: int) -> int:
        """The row holding ``resident_id``, or -1."""
        try:
            return self._ids.index(resident_id)
        except ValueError:
            return -1

    def nbytes(self) -> int:
        """What the packed rows take (the distinct values shared with the rest of the program excluded)."""
        return sum(part.buffer_info()[1] * part.itemsize for part in (self._ids, self._ends, *self._codes)) + len(
            self._text) + len(self._no_nik)
