"""Writing documents out of the program: one pattern for every export.

Each export (1) checks who may ask for it, (2) fetches the rows it prints
through the services (so the same visibility rules apply as on screen), (3)
hands them to a renderer in ``documents/`` that only writes the file, and (4)
records the export in the audit trail once the file exists. A renderer that
fails leaves no audit row behind; a refused actor never reaches the renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from balai_app.db.connection import write_transaction
from balai_app.documents.letterhead import Letterhead
from balai_app.domain.errors import ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, enrollment, profile, reports, training
from balai_app.services.context import Actor
from balai_app.services.permissions import require

if TYPE_CHECKING:
    from balai_app.documents.participants import ParticipantList
    from balai_app.documents.recaps import Letterhead as RecapLetterhead

FORMATS = (".xlsx", ".pdf")


def letterhead() -> Letterhead:
    """The balai's name and address for a document's heading (empty before set-up)."""
    info = profile.get_profile()
    if info is None:
        return Letterhead()
    return Letterhead(info.name, info.address, info.city)


def _format(target: str | Path) -> str:
    suffix = Path(target).suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError({"path": tr("Format berkas tidak dikenal: gunakan .xlsx atau .pdf.")})
    return suffix


def _export(actor: Actor, target: str | Path, write: Callable[[Path], Path], *, entity: str,
            entity_id: int | None, summary: str, changes: dict | None = None) -> Path:
    """Render with ``write`` into ``target``, then one audit row for the export."""
    path = write(Path(target))
    with write_transaction():
        audit.record(actor, "export", entity, entity_id, summary, changes)
    return path


# --- the participant list of a batch ----------------------------------------------------


def participant_list(actor: Actor, batch_id: int) -> ParticipantList:
    """The rows of a batch's participant list, as the actor may see them: an instruktur
    only for his own batches, and without NIK or klaster."""
    from balai_app.documents.participants import ParticipantList

    batch = training.batch_row(actor, batch_id)  # training.view + the trainer's scope
    people = enrollment.batch_participants(actor, batch_id)
    personal = not training.is_instruktur(actor) and (not people or people[0].klaster is not None)
    return ParticipantList(letterhead(), batch, people, personal)


def participants_xlsx(actor: Actor, batch_id: int, target: str | Path) -> Path:
    """The participant list as an XLSX workbook."""
    return _participants(actor, batch_id, target, "XLSX")


def participants_pdf(actor: Actor, batch_id: int, target: str | Path) -> Path:
    """The participant list as an A4 PDF."""
    return _participants(actor, batch_id, target, "PDF")


def _participants(actor: Actor, batch_id: int, target: str | Path, kind: str) -> Path:
    from balai_app.documents import participants as document

    data = participant_list(actor, batch_id)
    write = document.write_xlsx if kind == "XLSX" else document.write_pdf
    return _export(actor, target, lambda path: write(data, path), entity="batch", entity_id=batch_id,
                   summary=tr("daftar peserta {name} ({kind})").format(name=data.batch.name, kind=kind),
                   changes={"peserta": [None, len(data.people)]})


# --- the service report (Laporan) ----------------------------------------------------------


def served_report(actor: Actor, report: reports.ServedReport, target: str | Path) -> Path:
    """The service report as ``.xlsx`` or ``.pdf`` (by the file's extension)."""
    from balai_app.documents import served_report as document

    require(actor, "reports.view")
    kind = _format(target)
    write = document.write_xlsx if kind == ".xlsx" else document.write_pdf
    tables = reports.table_rows(report)
    head = letterhead()
    return _export(actor, target, lambda path: write(report.start, report.end, tables, head, path),
                   entity="report", entity_id=None,
                   summary=tr("Laporan layanan {a} s.d. {b}").format(a=report.start, b=report.end))


# --- the recaps of a batch (monthly attendance, progress matrix) ------------------------------


def _recap_head() -> RecapLetterhead:
    from balai_app.documents import recaps

    head = letterhead()
    return recaps.Letterhead(head.name, head.city)


def attendance_recap(actor: Actor, batch_id: int, year: int, month: int, target: str | Path) -> Path:
    """The monthly attendance grid of a batch as ``.pdf`` or ``.xlsx`` (by the file's extension)."""
    from balai_app.documents import recaps
    from balai_app.services import progress

    kind = _format(target)
    grid = progress.attendance_month(actor, batch_id, year, month)  # sessions.view + the trainer's scope
    write = recaps.attendance_pdf if kind == ".pdf" else recaps.attendance_xlsx
    head = _recap_head()
    return _export(actor, target, lambda path: write(grid, path, head), entity="batch", entity_id=batch_id,
                   summary=tr("Rekap {batch}: {what}").format(batch=grid.batch.batch_name, what=Path(target).name))


def progress_recap(actor: Actor, batch_id: int, target: str | Path) -> Path:
    """The progress matrix of a batch as ``.pdf`` or ``.xlsx`` (by the file's extension)."""
    from balai_app.documents import recaps
    from balai_app.services import progress

    kind = _format(target)
    matrix = progress.batch_matrix(actor, batch_id)  # sessions.view + the trainer's scope
    write = recaps.progress_pdf if kind == ".pdf" else recaps.progress_xlsx
    head = _recap_head()
    return _export(actor, target, lambda path: write(matrix, path, head), entity="batch", entity_id=batch_id,
                   summary=tr("Rekap {batch}: {what}").format(batch=matrix.batch_name, what=Path(target).name))
