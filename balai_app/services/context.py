"""Who is acting: every service function receives an ``Actor``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: str  # admin | staf | instruktur | system

    @property
    def is_system(self) -> bool:
        return self.role == "system"


# The program itself (demo data, migrations, maintenance). Never a signed-in person.
SYSTEM = Actor(None, "sistem", "system")
