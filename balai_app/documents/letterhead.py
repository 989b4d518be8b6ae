"""The balai's name and address at the top of a printed list or report.

Documents receive it (built by the service that asks for the document) and never
look it up themselves."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Letterhead:
    name: str = ""
    address: str = ""
    city: str = ""

    def address_line(self) -> str:
        """'Jl. ..., Kota' (either part may be missing)."""
        return ", ".join(x for x in (self.address, self.city) if x)
