"""A resident's photo: replaced, removed or read (checked and scaled by ``domain/photo.py``)."""

from __future__ import annotations

from balai_app.db.connection import write_transaction
from balai_app.db.models import Resident, ResidentPhoto, utcnow
from balai_app.domain.photo import prepare_photo
from balai_app.services import audit
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.residents import load_resident


def set_photo(actor: Actor, resident_id: int, data: bytes | None) -> None:
    """Replace (or with None remove) a resident's photo."""
    require(actor, "residents.edit")
    resident = load_resident(actor, resident_id)
    image = prepare_photo(data) if data else None
    with write_transaction():
        ResidentPhoto.delete().where(ResidentPhoto.resident == resident_id).execute()
        if image:
            ResidentPhoto.create(resident=resident_id, image=image)
        Resident.update(updated_at=utcnow(), version=Resident.version + 1).where(Resident.id == resident_id).execute()
        audit.record(actor, "update", "resident", resident_id, resident.name,
                     {"photo": ["", "diganti" if image else "dihapus"]})


def get_photo(actor: Actor, resident_id: int) -> bytes | None:
    require(actor, "residents.view")
    row = ResidentPhoto.select(ResidentPhoto.image).where(ResidentPhoto.resident == resident_id).first()
    return bytes(row.image) if row else None
