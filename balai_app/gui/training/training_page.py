"""Pelatihan: the batches (angkatan) with their participants, and the programs with their units.

Laid out in ``ui/training_page.ui`` and ``ui/batches_tab.ui``; the batch detail and the
programs tab are their own screens, put in place here.

An instruktur sees only his own batches (the services enforce it) and the
programs read-only.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from balai_app.domain import codes
from balai_app.gui.forms.ui_batches_tab import Ui_BatchesTab
from balai_app.gui.forms.ui_training_page import Ui_TrainingPage
from balai_app.gui.training.batch_detail import BatchDetail
from balai_app.gui.training.program_editor import ProgramsTab
from balai_app.gui.training.training_models import RowsModel, batch_columns
from balai_app.i18n import tr
from balai_app.services import training
from balai_app.services import curriculum
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


class BatchesTab(QWidget):
    """Filters (program, status, year), the batch list, and the chosen batch's detail."""

    def __init__(self, actor: Actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_BatchesTab()
        self.ui.setupUi(self)
        self.program_filter = self.ui.programFilter
        self.status_filter = self.ui.statusFilter
        self.year_filter = self.ui.yearFilter
        self.status_filter.addItem(tr("Semua status"), None)
        for code in codes.BATCH_STATUS:
            self.status_filter.addItem(codes.label(codes.BATCH_STATUS, code), code)
        for combo in (self.program_filter, self.status_filter, self.year_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.count_label = self.ui.countLabel
        self.new_button = self.ui.newButton
        self.new_button.setIcon(qta.icon("fa5s.plus"))
        self.new_button.clicked.connect(self.new_batch)
        self.new_button.setVisible(allowed(actor, "batches.edit"))

        self.model = RowsModel(batch_columns(), parent=self)
        self.table = self.ui.batchTable
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(60)  # measure the first rows only: 400 batches stay quick
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = BatchDetail(actor)
        self.detail.changed.connect(self._detail_changed)
        splitter = self.ui.splitter
        splitter.replaceWidget(1, self.detail)  # the form holds its place; the detail needs the actor
        self.ui.detailPlaceholder.deleteLater()
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 400])
        self._filling = False

    # --- filters ---------------------------------------------------------------
    def fill_filters(self) -> None:
        self._filling = True
        current_program = self.program_filter.currentData()
        current_year = self.year_filter.currentData()
        self.program_filter.clear()
        self.program_filter.addItem(tr("Semua program"), None)
        for program in curriculum.list_programs(self.actor, include_inactive=True):
            self.program_filter.addItem(f"{program.code} — {program.name}", program.id)
        self.program_filter.setCurrentIndex(max(0, self.program_filter.findData(current_program)))
        self.year_filter.clear()
        self.year_filter.addItem(tr("Semua tahun"), None)
        for year in training.batch_years(self.actor):
            self.year_filter.addItem(str(year), year)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(current_year)))
        self._filling = False

    def set_filters(self, program_id=None, status=None, year=None) -> None:
        self._filling = True
        self.program_filter.setCurrentIndex(max(0, self.program_filter.findData(program_id)))
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(year)))
        self._filling = False
        self.reload()

    def reload(self, *_args, select_id: int | None = None) -> None:
        if self._filling:
            return
        if select_id is None:
            select_id = self.detail.batch_id
        rows = training.list_batches(self.actor, program_id=self.program_filter.currentData(),
                                     status=self.status_filter.currentData(), year=self.year_filter.currentData())
        self.model.set_rows(rows)
        self.count_label.setText(tr("{n} angkatan").format(n=len(rows)))
        row = self.model.find(lambda r: r.id == select_id) if select_id else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.detail.show_batch(None)

    def refresh(self) -> None:
        self.fill_filters()
        self.reload()

    def select_batch(self, batch_id: int) -> bool:
        row = self.model.find(lambda r: r.id == batch_id)
        if row < 0:
            self.set_filters()
            row = self.model.find(lambda r: r.id == batch_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _selection_changed(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.row_at(rows[0].row()) if rows else None
        if record is not None and record.id != self.detail.batch_id:
            self.detail.show_batch(record.id)
        elif record is None:
            self.detail.show_batch(None)

    def _detail_changed(self, batch_id: int) -> None:
        # The detail has reloaded itself (keeping its selected participant); only the list follows.
        self.fill_filters()
        self.reload(select_id=batch_id)

    def new_batch(self) -> None:
        from balai_app.gui.training.batch_dialog import BatchDialog

        if not curriculum.list_programs(self.actor):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, tr("Angkatan baru"), tr("Belum ada program aktif. Buat program dahulu di "
                                                                  "tab Program."))
            return
        dialog = BatchDialog(self.actor, None, self, program_id=self.program_filter.currentData())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self.fill_filters()
            self.set_filters()
            self.select_batch(dialog.saved.id)


class TrainingPage(QWidget):
    def __init__(self, actor: Actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_TrainingPage()
        self.ui.setupUi(self)
        self.tabs = self.ui.tabs
        self.batches = BatchesTab(actor)
        self.programs = ProgramsTab(actor)
        self.tabs.addTab(self.batches, qta.icon("fa5s.users"), tr("Angkatan"))
        self.tabs.addTab(self.programs, qta.icon("fa5s.book"), tr("Program dan unit kompetensi"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        if self.tabs.currentWidget() is self.batches:
            self.batches.refresh()
        else:
            self.programs.refresh()
