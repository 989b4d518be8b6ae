"""Laporan: PMs served in a period, by klaster and by service; export to XLSX or PDF."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import qtawesome as qta

from balai_app.domain.errors import BalaiError
from balai_app.gui.common.table_height import fit_height
from balai_app.i18n import tr
from balai_app.services import reports
from balai_app.services.context import Actor


def _date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    return edit


class ReportsPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.report: reports.ServedReport | None = None
        today = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        title = QLabel(tr("Laporan Penerima Manfaat yang dilayani"))
        title.setStyleSheet("font-size:14pt; font-weight:bold;")
        layout.addWidget(title)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Periode:")))
        self.start_edit = _date_edit(dt.date(today.year, 1, 1))
        self.end_edit = _date_edit(today)
        bar.addWidget(self.start_edit)
        bar.addWidget(QLabel(tr("s.d.")))
        bar.addWidget(self.end_edit)
        self.show_button = QPushButton(qta.icon("fa5s.sync"), tr("Tampilkan"))
        self.show_button.clicked.connect(self.refresh)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        self.xlsx_button = QPushButton(qta.icon("fa5s.file-excel"), tr("Ekspor XLSX…"))
        self.pdf_button = QPushButton(qta.icon("fa5s.file-pdf"), tr("Ekspor PDF…"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        layout.addLayout(bar)

        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight:bold; margin-top:6px;")
        layout.addWidget(self.summary)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        tables_layout = QVBoxLayout(body)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.tables: dict[str, tuple[QStandardItemModel, QTableView]] = {}
        for key, label in (
            ("klaster", tr("Per klaster")),
            ("services", tr("Layanan ATENSI (jumlah layanan / PM)")),
            ("training", tr("Pelatihan vokasional")),
        ):
            heading = QLabel(label)
            heading.setStyleSheet("font-weight:bold; margin-top:8px;")
            tables_layout.addWidget(heading)
            model = QStandardItemModel(self)
            view = QTableView()
            view.setModel(model)
            view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            tables_layout.addWidget(view)
            self.tables[key] = (model, view)
        tables_layout.addStretch(1)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def refresh(self) -> None:
        start, end = self.period()
        try:
            self.report = reports.served_report(self.actor, start, end)
        except BalaiError as exc:
            QMessageBox.warning(self, tr("Laporan"), exc.message)
            return
        self.summary.setText(tr("{n} PM dilayani pada periode ini.").format(n=self.report.served_total()))
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
        try:
            reports.export_report(self.actor, self.report, path)
        except BalaiError as exc:
            QMessageBox.warning(self, tr("Laporan"), exc.message)
            return
        QMessageBox.information(self, tr("Laporan"), tr("Laporan disimpan di {path}.").format(path=path))
