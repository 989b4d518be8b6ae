"""Numbers as an Indonesian reader writes them: 1.884.160 and 12,5.

One formatter for the window, the command line and the documents, so that a count never reads
``1884160`` in one place and ``1.884.160`` in another."""
from __future__ import annotations


def number(n: int | float | None) -> str:
    """1.884.160 — the thousands separator is a dot; a fraction gets one decimal after a comma;
    an unknown count (None) is "-"."""
    if n is None:
        return "-"
    if isinstance(n, float) and not n.is_integer():
        whole, _, frac = f"{n:,.1f}".partition(".")
        return whole.replace(",", ".") + "," + frac
    return f"{int(n):,}".replace(",", ".")
