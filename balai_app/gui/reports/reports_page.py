"""Laporan: PMs served in a period, by klaster and by service; export to XLSX or PDF."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableView,
    QWidget,
)

import qtawesome as qta

from balai_app.gui.common.table_height import fit_height
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_reports_page import Ui_ReportsPage
from balai_app.i18n import tr
from balai_app.services import exports, reports
from balai_app.services.context import Actor
from balai_app.domain.numbers import number


class ReportsPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.report: reports.ServedReport | None = None
        self.ui = Ui_ReportsPage()
        self.ui.setupUi(self)
        today = dt.date.today()
        self.start_edit, self.end_edit = self.ui.startEdit, self.ui.endEdit
        self.start_edit.setDate(QDate(today.year, 1, 1))
        self.end_edit.setDate(QDate(today.year, today.month, today.day))
        self.show_button, self.xlsx_button, self.pdf_button = self.ui.showButton, self.ui.xlsxButton, self.ui.pdfButton
        self.show_button.setIcon(qta.icon("fa5s.sync"))
        self.xlsx_button.setIcon(qta.icon("fa5s.file-excel"))
        self.pdf_button.setIcon(qta.icon("fa5s.file-pdf"))
        self.show_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.summary = self.ui.summaryLabel
        self.tables: dict[str, tuple[QStandardItemModel, QTableView]] = {}
        for key, view in (("klaster", self.ui.klasterTable), ("services", self.ui.servicesTable),
                          ("training", self.ui.trainingTable)):
            model = QStandardItemModel(self)
            view.setModel(model)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.tables[key] = (model, view)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def refresh(self) -> None:
        start, end = self.period()
        report = service_call(self, lambda: reports.served_report(self.actor, start, end), title=tr("Laporan"))
        if report is FAILED:
            return
        self.report = report
        self.summary.setText(tr("{n} PM dilayani pada periode ini.").format(n=number(self.report.served_total())))
        for key, rows in reports.table_rows(self.report).items():
            model, view = self.tables[key]
            model.clear()
            model.setHorizontalHeaderLabels([str(h) for h in rows[0]])
            for row in rows[1:]:
                items = []
                for value in row:
                    item = QStandardItem(str(value))
                    if not isinstance(value, str) or value[:1].isdigit():
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    items.append(item)
                model.appendRow(items)
            fit_height(view)

    def export(self, kind: str) -> None:
        if self.report is None:
            self.refresh()
        start, end = self.period()
        suggested = f"laporan-layanan-{start:%Y%m%d}-{end:%Y%m%d}.{kind}"
        pattern = tr("Excel (*.xlsx)") if kind == "xlsx" else tr("PDF (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Simpan laporan"), suggested, pattern)
        if not path:
            return
        if not path.lower().endswith("." + kind):
            path += "." + kind
        if service_call(self, lambda: exports.served_report(self.actor, self.report, path),
                        title=tr("Laporan")) is FAILED:
            return
        QMessageBox.information(self, tr("Laporan"), tr("Laporan disimpan di {path}.").format(path=path))
