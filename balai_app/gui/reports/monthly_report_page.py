"""Laporan bulanan: a month (or any period) per klaster and sex, on screen, as XLSX and as PDF.

The table shows ``services.monthly_report.table_rows`` — the very rows the XLSX and
the PDF are made of.
"""

from __future__ import annotations

import datetime as dt

import qtawesome as qta
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balai_app.domain import codes
from balai_app.domain.dates import MONTHS
from balai_app.gui.common import file_dialogs
from balai_app.gui.common.qt_dates import from_qdate, to_qdate
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.i18n import tr
from balai_app.services import monthly_report as mr
from balai_app.services.context import Actor
from balai_app.domain.numbers import number

SECTION_BACKGROUND = QColor("#eef2f6")
# Column headers narrow enough for ten figures beside the labels; the tooltip names the klaster.
NARROW = {"anak": "Anak", "disabilitas": "Disabil.", "lansia": "Lansia", "napza": "NAPZA", "tuna_sosial": "TS/KPO"}


class MonthlyReportPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.report: mr.MonthlyReport | None = None
        today = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        title = QLabel(tr("Laporan Bulanan"))
        title.setStyleSheet("font-size:14pt; font-weight:bold;")
        layout.addWidget(title)

        bar = QHBoxLayout()
        self.month_radio = QRadioButton(tr("Bulan:"))
        self.month_radio.setChecked(True)
        bar.addWidget(self.month_radio)
        self.month_combo = QComboBox()
        for index, name in enumerate(MONTHS, start=1):
            self.month_combo.addItem(tr(name), index)
        self.month_combo.setCurrentIndex(today.month - 1)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        bar.addWidget(self.month_combo)
        bar.addWidget(self.year_spin)
        bar.addSpacing(16)
        self.period_radio = QRadioButton(tr("Periode:"))
        bar.addWidget(self.period_radio)
        self.start_edit = self._date_edit(today.replace(day=1))
        self.end_edit = self._date_edit(today)
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
        self.month_radio.toggled.connect(self._mode_changed)
        self._mode_changed()

        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight:bold; margin-top:6px;")
        layout.addWidget(self.summary)
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(52)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        layout.addWidget(self.table, 1)
        note = QLabel(tr("L = laki-laki, P = perempuan. Angka yang sama dipakai untuk XLSX dan PDF."))
        note.setStyleSheet("color:#555;")
        layout.addWidget(note)

    @staticmethod
    def _date_edit(value: dt.date) -> QDateEdit:
        edit = QDateEdit(to_qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMaximumDate(QDate(2100, 12, 31))
        return edit

    def _mode_changed(self) -> None:
        by_month = self.month_radio.isChecked()
        for widget in (self.month_combo, self.year_spin):
            widget.setEnabled(by_month)
        for widget in (self.start_edit, self.end_edit):
            widget.setEnabled(not by_month)

    def period(self) -> tuple[dt.date, dt.date]:
        if self.month_radio.isChecked():
            return mr.month_period(self.year_spin.value(), self.month_combo.currentData())
        return from_qdate(self.start_edit.date()), from_qdate(self.end_edit.date())

    def refresh(self) -> None:
        report = service_call(self, lambda: mr.monthly_report(self.actor, *self.period()), title=tr("Laporan"))
        if report is FAILED:
            return
        self.report = report
        report = self.report
        self.summary.setText(tr("{title} {period}: {n} PM dilayani, {k} layanan ATENSI, {w} mulai bekerja.").format(
            title=report.title, period=report.period_text, n=number(report.line("residents", "served").total),
            k=number(report.line("services", "service_total").total),
            w=number(report.line("outcomes", "outcome_bekerja").total)))
        self.model.clear()
        top, _bottom = mr.header_rows()
        labels = [top[0]] + [f"{tr(NARROW[k])}\n{sex}" for k, sex in mr.COLUMNS] + [top[-1]]
        self.model.setHorizontalHeaderLabels(labels)
        for index, (klaster, sex) in enumerate(mr.COLUMNS, start=1):
            self.model.horizontalHeaderItem(index).setToolTip(
                f"{codes.label(codes.KLASTER, klaster)} — {codes.label(codes.SEX, sex)}")
        bold = QFont(self.font())
        bold.setBold(True)
        for kind, cells in mr.table_rows(report):
            if kind == "section":
                item = QStandardItem(cells[0])
                item.setFont(bold)
                row = [item] + [QStandardItem("") for _ in labels[1:]]
                for cell in row:
                    cell.setBackground(QBrush(SECTION_BACKGROUND))
                self.model.appendRow(row)
                continue
            row = [QStandardItem(("      " if kind == "subline" else "") + cells[0])]
            for index, value in enumerate(cells[1:], start=1):
                item = QStandardItem(f"{value:,}".replace(",", "."))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if index == len(cells) - 1:
                    item.setFont(bold)
                row.append(item)
            self.model.appendRow(row)
        for index, (kind, _cells) in enumerate(mr.table_rows(report)):
            if kind == "section":
                self.table.setSpan(index, 0, 1, len(labels))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def export(self, kind: str) -> None:
        if self.report is None or (self.report.start, self.report.end) != self.period():
            self.refresh()
            if self.report is None:
                return
        start, end = self.report.start, self.report.end
        suggested = (f"laporan-bulanan-{start:%Y-%m}.{kind}" if mr.is_whole_month(start, end)
                     else f"laporan-{start:%Y%m%d}-{end:%Y%m%d}.{kind}")
        pattern = tr("Excel (*.xlsx)") if kind == "xlsx" else tr("PDF (*.pdf)")
        path = file_dialogs.get_save_file_name(self, tr("Simpan laporan"), suggested, pattern)
        if isinstance(path, tuple):
            path = path[0]
        if not path:
            return
        if not path.lower().endswith("." + kind):
            path += "." + kind
        if service_call(self, lambda: mr.export_monthly(self.actor, self.report, path), title=tr("Laporan")) is FAILED:
            return
        QMessageBox.information(self, tr("Laporan"), tr("Laporan disimpan di {path}.").format(path=path))
