"""Every spreadsheet cell the program writes passes through here (pure: no openpyxl import).

Formula injection: a PM named ``=HYPERLINK("http://…","klik")`` must stay text in
every XLSX and CSV the program produces. Text that a spreadsheet would run as a
formula -- starting with ``= + - @``, a tab or a carriage return -- gets a leading
apostrophe (OWASP's advice; Excel and LibreOffice then show it as text). Text that
already starts with an apostrophe gets one more, so that ``unescape`` restores
exactly what was written (the importer reads our own exports back).

- ``safe_cell(value)``: the value to write (numbers, dates and None unchanged);
- ``append_row(sheet, values)`` / ``put(sheet, row, column, value)``: write through
  ``safe_cell`` into an openpyxl worksheet (the only way the program writes cells);
- ``unescape(text)``: undo ``safe_cell`` when a file is imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ESCAPED_START = (*FORMULA_START, "'")


def safe_cell(value: Any) -> Any:
    """``value`` as it may be written into a spreadsheet cell (a lone "-" stays as it is:
    one character is never a formula)."""
    if isinstance(value, str) and len(value) > 1 and value.startswith(ESCAPED_START):
        return "'" + value
    return value


def unescape(text: str) -> str:
    """The text ``safe_cell`` was given (a leading apostrophe removed)."""
    if len(text) > 2 and text.startswith("'") and text[1:].startswith(ESCAPED_START):
        return text[1:]
    return text


def append_row(sheet, values: Iterable[Any]) -> None:
    """Append one row to an openpyxl worksheet, every value through ``safe_cell``."""
    sheet.append([safe_cell(v) for v in values])


def put(sheet, row: int, column: int, value: Any):
    """Write one cell of an openpyxl worksheet through ``safe_cell``; returns the cell."""
    cell = sheet.cell(row=row, column=column)
    cell.value = safe_cell(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # never a formula
    return cell
