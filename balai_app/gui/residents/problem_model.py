"""The problems of one import check (row, column, kind, reason) over the one table model."""

from __future__ import annotations

import qtawesome as qta

from balai_app.gui.common.rows_model import RIGHT, Column, RowsModel
from balai_app.i18n import tr
from balai_app.services import resident_io

ERROR_COLOR = "#b91c1c"
WARNING_COLOR = "#b45309"


class ProblemModel(RowsModel):
    """The problems of one ImportReport: row, column, kind, reason. No queries."""

    def __init__(self, parent=None) -> None:
        icons = {
            "error": qta.icon("fa5s.times-circle", color=ERROR_COLOR),
            "warning": qta.icon("fa5s.exclamation-triangle", color=WARNING_COLOR),
        }
        super().__init__([
            Column("Baris", lambda p: p.row, RIGHT),
            Column("Kolom", lambda p: p.column),
            Column("Jenis", lambda p: tr("Kesalahan") if p.is_error else tr("Peringatan"),
                   color=lambda p: ERROR_COLOR if p.is_error else WARNING_COLOR, icon=lambda p: icons[p.level]),
            Column("Keterangan", lambda p: p.message, tooltip=lambda p: p.message),
        ], parent=parent)

    def set_problems(self, problems: list[resident_io.Problem]) -> None:
        # Errors first within a row; rows in file order.
        self.set_rows(sorted(problems, key=lambda p: (p.row, not p.is_error)))
