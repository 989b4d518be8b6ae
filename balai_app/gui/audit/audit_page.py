"""Jejak Audit (admin): browse, filter and export the audit trail.

The table is a query-backed model that fetches pages as the view scrolls.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QWidget

from balai_app.domain.dates import format_long
from balai_app.gui.common.rows_model import Column, RowsModel
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_audit_page import Ui_AuditPage
from balai_app.i18n import tr
from balai_app.domain import localtime
from balai_app.services import audit, audit_text
from balai_app.services.context import Actor
from balai_app.domain.numbers import number


class AuditModel(RowsModel):
    """The trail over the one table model: keyset pages (newest first) as the view scrolls."""

    HEADERS = ("Waktu", "Pengguna", "Tindakan", "Jenis data", "No. data", "Ringkasan")

    def __init__(self, actor: Actor, parent=None):
        super().__init__([Column(header, str) for header in self.HEADERS], parent=parent, pager=self._page)
        self.actor = actor
        self.flt = audit.AuditFilter()
        self.total = 0

    def _page(self, after: audit.AuditRow | None, limit: int) -> list[audit.AuditRow]:
        return audit.list_events(self.actor, self.flt, limit=limit, after=after)

    def set_filter(self, flt: audit.AuditFilter) -> None:
        self.flt = flt
        self.total = audit.count_events(self.actor, flt)
        self.reload()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return audit.to_local(row.at).strftime("%d/%m/%Y %H:%M:%S")
            if column == 1:
                return row.username or "—"
            if column == 2:
                return audit.action_label(row.action)
            if column == 3:
                return audit.entity_label(row.entity)
            if column == 4:
                return "" if row.entity_id is None else str(row.entity_id)
            return row.summary
        if role == Qt.ItemDataRole.ForegroundRole and row.action == "login_failed":
            return QColor("#b91c1c")
        return None


def _combo_fill(combo, values: list[str], label) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(tr("(semua)"), None)
    for value in values:
        combo.addItem(label(value), value)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class AuditPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_AuditPage()
        self.ui.setupUi(self)
        self.model = AuditModel(actor, self)
        ui = self.ui
        ui.auditTable.setModel(self.model)
        ui.auditTable.verticalHeader().setVisible(False)
        ui.auditTable.verticalHeader().setDefaultSectionSize(ui.auditTable.fontMetrics().height() + 8)
        header = ui.auditTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 110, 170, 140, 70)):
            ui.auditTable.setColumnWidth(column, width)
        ui.splitter.setSizes([420, 160])
        today = QDate.currentDate()
        for check, edit in ((ui.fromCheck, ui.fromDate), (ui.toCheck, ui.toDate)):
            edit.setDate(today)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply)
            edit.dateChanged.connect(self.apply)
        for combo in (ui.userCombo, ui.actionCombo, ui.entityCombo):
            combo.currentIndexChanged.connect(self.apply)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.apply)
        ui.idEdit.textChanged.connect(lambda _t: self._debounce.start())
        ui.textEdit.textChanged.connect(lambda _t: self._debounce.start())
        ui.todayButton.clicked.connect(self.show_today)
        ui.resetButton.clicked.connect(self.reset_filters)
        ui.exportButton.clicked.connect(self.export)
        ui.auditTable.selectionModel().currentRowChanged.connect(self._show_detail)
        self.ui.detailView.setPlaceholderText(tr("Pilih satu baris untuk melihat nilai lama dan baru."))
        self._opened = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # The first view is today's changes; "Hapus saringan" shows the whole trail.
        if not self._opened:
            self._opened = True
            self._set_today()
        super().showEvent(event)

    def refresh(self) -> None:
        choices = audit.filter_choices(self.actor)
        _combo_fill(self.ui.userCombo, choices["username"], lambda v: v)
        _combo_fill(self.ui.actionCombo, choices["action"], audit.action_label)
        _combo_fill(self.ui.entityCombo, choices["entity"], audit.entity_label)
        self.apply()

    def current_filter(self) -> audit.AuditFilter:
        ui = self.ui
        text = ui.idEdit.text().strip()
        return audit.AuditFilter(
            username=ui.userCombo.currentData(),
            action=ui.actionCombo.currentData(),
            entity=ui.entityCombo.currentData(),
            entity_id=int(text) if text.isdigit() else None,
            date_from=ui.fromDate.date().toPython() if ui.fromCheck.isChecked() else None,
            date_to=ui.toDate.date().toPython() if ui.toCheck.isChecked() else None,
            text=ui.textEdit.text().strip(),
        )

    def apply(self, *_args) -> None:
        flt = self.current_filter()
        self.model.set_filter(flt)
        self.ui.idEdit.setStyleSheet("" if not self.ui.idEdit.text().strip() or flt.entity_id is not None
                                     else "background:#fee2e2;")
        self.ui.countLabel.setText(tr("{n} catatan").format(n=number(self.model.total)))
        self.ui.detailView.clear()

    def show_today(self) -> None:
        self._set_today()
        self.apply()

    def _set_today(self) -> None:
        ui = self.ui
        for widget in (ui.fromCheck, ui.toCheck, ui.fromDate, ui.toDate):
            widget.blockSignals(True)
        today = localtime.today(audit.zone())  # the balai's day, as the trail's dates are read
        ui.fromDate.setDate(QDate(today.year, today.month, today.day))
        ui.toDate.setDate(QDate(today.year, today.month, today.day))
        ui.fromCheck.setChecked(True)
        ui.toCheck.setChecked(True)
        ui.fromDate.setEnabled(True)
        ui.toDate.setEnabled(True)
        for widget in (ui.fromCheck, ui.toCheck, ui.fromDate, ui.toDate):
            widget.blockSignals(False)

    def reset_filters(self) -> None:
        ui = self.ui
        widgets = (ui.userCombo, ui.actionCombo, ui.entityCombo, ui.idEdit, ui.textEdit, ui.fromCheck, ui.toCheck)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in (ui.userCombo, ui.actionCombo, ui.entityCombo):
            combo.setCurrentIndex(0)
        ui.idEdit.clear()
        ui.textEdit.clear()
        ui.fromCheck.setChecked(False)
        ui.toCheck.setChecked(False)
        ui.fromDate.setEnabled(False)
        ui.toDate.setEnabled(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply()

    def _show_detail(self, current: QModelIndex, _previous=None) -> None:
        if not current.isValid() or current.row() >= self.model.rowCount():
            self.ui.detailView.clear()
            return
        row = self.model.row_at(current.row())
        local = audit.to_local(row.at)
        parts = [
            f"<p><b>{html.escape(audit.action_label(row.action))}</b> — {html.escape(audit.entity_label(row.entity))}"
            + (f" No. {row.entity_id}" if row.entity_id is not None else "")
            + f"<br>{html.escape(format_long(local.date()))} {local:%H:%M:%S} {audit.zone()}"
            + f" · {html.escape(row.username or '—')}"
            + (f"<br>{html.escape(row.summary)}" if row.summary else "") + "</p>"
        ]
        if row.changes_dict():
            parts.append(f"<table border='1' cellspacing='0' cellpadding='4'><tr><th>{tr('Isian')}</th>"
                         f"<th>{tr('Nilai lama')}</th><th>{tr('Nilai baru')}</th></tr>")
            for cells in audit_text.change_rows(row):
                parts.append("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in cells) + "</tr>")
            parts.append("</table>")
        self.ui.detailView.setHtml("".join(parts))

    def export(self) -> None:
        default = f"jejak-audit-{dt.date.today():%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, tr("Ekspor jejak audit"), default,
                                              tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        count = service_call(self, lambda: audit_text.export_events(self.actor, self.current_filter(), path),
                             title=tr("Ekspor jejak audit"), also=(OSError,))
        if count is FAILED:
            return
        QMessageBox.information(self, tr("Ekspor jejak audit"),
                                tr("{n} baris diekspor ke {file}.").format(n=number(count), file=path))
        self.refresh()
