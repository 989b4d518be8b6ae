"""Penerima Manfaat: the register's list, its search and filters (ui/residents_page.ui)."""

from __future__ import annotations

import importlib
import importlib.util

import qtawesome as qta
from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QHeaderView, QMenu, QWidget

from balai_app.domain import codes
from balai_app.gui.common import elided_tooltips
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.common.text_cells import PlainRowsPainter, TextCellDelegate
from balai_app.gui.forms.ui_residents_page import Ui_ResidentsPage
from balai_app.gui.residents.resident_model import COLUMN_KEYS, ResidentTableModel
from balai_app.i18n import tr
from balai_app.services import residents, residents_search
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed
from balai_app.services.residents import ResidentFilter

# Typing pauses this long before the search runs (on the worker thread: the box never waits).
SEARCH_DELAY_MS = 90
NAME_MIN_WIDTH = 180
HEADER_KEY = "residents/header"
# The status filter's extra entry: active PMs never assessed (Beranda's "Perlu asesmen" opens it).
NEEDS_ASSESSMENT = "aktif+belum_asesmen"
IMPORT_MODULE = "balai_app.gui.residents.resident_import_dialog"

# column -> default width in pixels; "name" takes the rest (at least NAME_MIN_WIDTH)
COLUMN_WIDTHS = {
    "id": 56, "nik": 140, "sex": 40, "birth_place": 120, "birth_date": 88, "klaster": 130, "status": 130,
    "entry_date": 88,
}


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class ResidentsPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.form_dialog = None  # the open ResidentForm, if any
        self.detail_dialog = None  # the open ResidentDetail, if any
        self.ui = Ui_ResidentsPage()
        self.ui.setupUi(self)
        self.model = ResidentTableModel(actor, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_in_background)
        self._setup_toolbar()
        self._setup_table()
        self._fill_filters()
        self.model.countChanged.connect(self._show_count)
        self.model.loadingChanged.connect(lambda _loading: self._show_count(self.model.total))
        self.model.failed.connect(self._search_failed)
        self.destroyed.connect(self.model.close)

    # --- set-up -------------------------------------------------------------
    def _setup_toolbar(self) -> None:
        ui = self.ui
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        ui.titleLabel.setFont(font)
        ui.addButton.setIcon(qta.icon("fa5s.user-plus", color="#1f3a5f"))
        ui.openButton.setIcon(qta.icon("fa5s.folder-open", color="#1f3a5f"))
        ui.importButton.setIcon(qta.icon("fa5s.file-import", color="#1f3a5f"))
        ui.exportButton.setIcon(qta.icon("fa5s.file-export", color="#1f3a5f"))
        ui.resetButton.setIcon(qta.icon("fa5s.times-circle", color="#666"))
        ui.searchEdit.addAction(qta.icon("fa5s.search", color="#888"), ui.searchEdit.ActionPosition.LeadingPosition)
        ui.emptyLabel.setStyleSheet("color:#666; padding:16px;")
        ui.countLabel.setStyleSheet("color:#555; padding-left:8px; padding-top:3px;")
        ui.emptyLabel.hide()

        can_edit = allowed(self.actor, "residents.edit")
        ui.addButton.setEnabled(can_edit)
        if not can_edit:
            ui.addButton.setToolTip(tr("Anda tidak berhak menambah PM."))
        ui.addButton.clicked.connect(self.add_resident)
        ui.openButton.clicked.connect(self.open_selected)
        ui.openButton.setEnabled(False)
        self._setup_transfer_buttons()

        ui.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        ui.searchEdit.returnPressed.connect(self._search_now)
        ui.searchEdit.installEventFilter(self)  # Down goes to the list
        for combo in (ui.klasterCombo, ui.statusCombo, ui.sexCombo, ui.yearCombo):
            combo.currentIndexChanged.connect(lambda _index: self.search_in_background())
        ui.resetButton.clicked.connect(self.reset_filters)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.add_resident)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        ui.searchEdit.setToolTip(tr("Cari nama, NIK atau tempat lahir (Ctrl+F)"))
        ui.openButton.setToolTip(tr("Buka data PM yang dipilih (Enter)"))
        # A right click on the list names the same jobs with their shortcuts.
        ui.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        ui.table.customContextMenuRequested.connect(self._show_context_menu)

    def _show_context_menu(self, pos) -> None:
        menu = self.context_menu()
        menu.exec(self.ui.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The list's right-click menu: each job with the shortcut that also does it."""
        menu = QMenu(self)
        for text, key, slot, enabled in (
            (tr("Buka data PM"), QKeySequence(Qt.Key.Key_Return), self.open_selected,
             self.selected_id() is not None),
            (tr("Tambah PM baru"), QKeySequence(QKeySequence.StandardKey.New), self.add_resident,
             self.ui.addButton.isEnabled()),
            (tr("Cari"), QKeySequence(QKeySequence.StandardKey.Find), self._focus_search, True),
        ):
            action = QAction(text, menu)
            action.setShortcut(key)  # shown beside the text; the page's own shortcuts do the work
            action.setShortcutVisibleInContextMenu(True)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)
        return menu

    def _setup_transfer_buttons(self) -> None:
        """Import/export live in another module; until it exists the buttons say so."""
        ui = self.ui
        present = importlib.util.find_spec(IMPORT_MODULE) is not None
        for button, permission, slot in (
            (ui.importButton, "residents.import", self.import_residents),
            (ui.exportButton, "residents.export", self.export_residents),
        ):
            button.clicked.connect(slot)
            if not present:
                button.setEnabled(False)
                button.setToolTip(tr("Belum tersedia pada versi ini."))
            elif not allowed(self.actor, permission):
                button.setEnabled(False)
                button.setToolTip(tr("Anda tidak berhak melakukan ini."))

    def _setup_table(self) -> None:
        table = self.ui.table
        table.setModel(self.model)
        # A search's repaint (text_cells.py): the plain rows in one Python call, the others
        # (selected, current, under the mouse) by Qt with one Python call per cell, not eight.
        self._rows_painter = PlainRowsPainter(table, self.model.row_cells)
        table.setItemDelegate(TextCellDelegate(table, self.model.cell))
        elided_tooltips.install(table)  # a cut-off name or place: its whole text on hover
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(COLUMN_KEYS.index("name"), Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, key in enumerate(COLUMN_KEYS):
            if key != "name":
                header.resizeSection(column, COLUMN_WIDTHS[key])
        header.setMinimumSectionSize(36)
        self._restore_header()
        header.sectionResized.connect(self._other_column_resized)
        # The model sorts in SQL; the view only tells it which column and order.
        table.setSortingEnabled(True)
        table.doubleClicked.connect(lambda index: self.open_resident(self.model.resident_id(index.row())))
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.installEventFilter(self)

    def _fill_filters(self) -> None:
        ui = self.ui
        ui.klasterCombo.addItem(tr("Semua klaster"), None)
        for code in codes.KLASTER:
            ui.klasterCombo.addItem(codes.label(codes.KLASTER, code), code)
        ui.statusCombo.addItem(tr("Semua status"), None)
        for code in codes.RESIDENT_STATUS:
            ui.statusCombo.addItem(codes.label(codes.RESIDENT_STATUS, code), code)
            if code == "aktif":
                ui.statusCombo.addItem(tr("Aktif, belum diasesmen"), NEEDS_ASSESSMENT)
                ui.statusCombo.setItemData(ui.statusCombo.count() - 1, tr(
                    "PM aktif yang belum pernah diasesmen"), Qt.ItemDataRole.ToolTipRole)
        ui.sexCombo.addItem(tr("L dan P"), None)
        for code in codes.SEX:
            ui.sexCombo.addItem(codes.label(codes.SEX, code), code)
        ui.yearCombo.addItem(tr("Semua tahun"), None)
        for combo in (ui.klasterCombo, ui.statusCombo):
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)

    def _fill_years(self) -> None:
        combo: QComboBox = self.ui.yearCombo
        current = combo.currentData()
        years = residents.entry_years(self.actor)
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for year in years:
                combo.addItem(tr("Masuk {year}").format(year=year), year)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)

    # --- remembered column widths and sort order ------------------------------
    def _restore_header(self) -> None:
        from balai_app.gui.main_window import settings

        state = settings().value(HEADER_KEY)
        header = self.ui.table.horizontalHeader()
        if isinstance(state, QByteArray) and not state.isEmpty() and header.restoreState(state):
            column = header.sortIndicatorSection()
            if 0 <= column < len(COLUMN_KEYS):
                self.model.sort(column, header.sortIndicatorOrder())

    def save_header(self) -> None:
        from balai_app.gui.main_window import settings

        store = settings()
        store.setValue(HEADER_KEY, self.ui.table.horizontalHeader().saveState())
        store.sync()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.save_header()
        super().hideEvent(event)

    def _fit_name_column(self) -> None:
        """The name takes the room the other columns leave, but never less than
        NAME_MIN_WIDTH: on a narrow screen the other columns scroll instead."""
        table = self.ui.table
        header = table.horizontalHeader()
        name = COLUMN_KEYS.index("name")
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != name)
        header.resizeSection(name, max(NAME_MIN_WIDTH, table.viewport().width() - others))

    def _other_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column != COLUMN_KEYS.index("name"):
            self._fit_name_column()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        """Enter on the list opens the selected PM (as a double-click does)."""
        if watched is self.ui.table and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit_name_column)
            # the viewport follows after this filter: the table's own height bounds it
            row_height = max(1, self.ui.table.verticalHeader().defaultSectionSize())
            self.model.fit_first_page(event.size().height() // row_height + 1)
        if (watched is self.ui.searchEdit and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down):
            self._search_now()
            if self.model.rowCount():
                self.ui.table.setFocus()
                if self.selected_id() is None:
                    self.ui.table.selectRow(0)
            return True
        if (watched is self.ui.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    # --- filter -------------------------------------------------------------
    def current_filter(self) -> ResidentFilter:
        ui = self.ui
        status = ui.statusCombo.currentData()
        return ResidentFilter(
            text=ui.searchEdit.text().strip(),
            klaster=ui.klasterCombo.currentData(),
            status="aktif" if status == NEEDS_ASSESSMENT else status,
            sex=ui.sexCombo.currentData(),
            entry_year=ui.yearCombo.currentData(),
            without_assessment=status == NEEDS_ASSESSMENT,
        )

    def show_needing_assessment(self) -> None:
        """Only the active PMs never assessed (from Beranda's "Perlu asesmen")."""
        ui = self.ui
        ui.statusCombo.blockSignals(True)
        self.reset_filters()
        ui.statusCombo.setCurrentIndex(ui.statusCombo.findData(NEEDS_ASSESSMENT))
        ui.statusCombo.blockSignals(False)
        self.apply_filter(force=True)

    def apply_filter(self, *, force: bool = False) -> None:
        """Show the residents matching the search and filters (``force``: read
        again even when they did not change, e.g. after a save)."""
        self._search_timer.stop()
        flt = self.current_filter()
        if not force and flt == self.model.filter and self.model.rowCount():
            return  # e.g. a space typed after a word: same search, no query
        selected = self.selected_id()
        self.model.set_filter(flt)
        if selected is not None:
            self.select_resident(selected)

    def search_in_background(self) -> None:
        """What typing and the filter boxes call: the query runs on the model's
        worker thread and this returns at once; the newest search wins."""
        self._search_timer.stop()
        flt = self.current_filter()
        if flt == self.model.requested_filter and (self.model.loading or self.model.rowCount()):
            return  # e.g. a space typed after a word: same search, no query
        self.model.request(flt)

    def _search_failed(self, message: str) -> None:
        self.ui.countLabel.setText(tr("Pencarian gagal: {error}").format(error=message))

    def _search_now(self) -> None:
        if self._search_timer.isActive() or self.model.loading:
            self.apply_filter(force=self.model.loading)

    def _focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def reset_filters(self) -> None:
        ui = self.ui
        for widget in (ui.searchEdit, ui.klasterCombo, ui.statusCombo, ui.sexCombo, ui.yearCombo):
            widget.blockSignals(True)
        ui.searchEdit.clear()
        for combo in (ui.klasterCombo, ui.statusCombo, ui.sexCombo, ui.yearCombo):
            combo.setCurrentIndex(0)
        for widget in (ui.searchEdit, ui.klasterCombo, ui.statusCombo, ui.sexCombo, ui.yearCombo):
            widget.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        """Called when the page is shown and after every change."""
        self._fill_years()
        self.apply_filter(force=True)

    def _show_count(self, total: int) -> None:
        count = self.model.count
        if self.model.loading:
            text = tr("Mencari…")
        elif count.exact:
            text = tr("{n} PM").format(n=thousands(total))
        elif total >= residents_search.COUNT_CAP:
            text = tr("lebih dari {n} PM").format(n=thousands(total))
        else:
            text = tr("{n}+ PM").format(n=thousands(total))  # the first page; counting follows
        self.ui.countLabel.setText(text)
        self.ui.countLabel.setToolTip(
            "" if count.exact or self.model.loading else
            tr("Perkiraan: kata pencarian yang pendek (1–2 huruf) tidak dihitung sampai habis. "
               "Ketik kata yang lebih panjang untuk jumlah yang pasti."))
        if self.model.loading:
            return
        if total == 0:
            if self.model.filter == ResidentFilter():
                text = tr("Belum ada PM terdaftar. Klik “Tambah PM” untuk mendaftarkan, "
                          "atau “Impor…” untuk mengambil data dari berkas Excel/CSV.")
            else:
                text = tr("Tidak ada PM yang cocok dengan pencarian dan saringan.")
            self.ui.emptyLabel.setText(text)
        self.ui.emptyLabel.setVisible(total == 0)
        self._selection_changed()

    # --- selection ----------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.resident_id(rows[0].row()) if rows else None

    def select_resident(self, resident_id: int) -> bool:
        row = self.model.row_of(resident_id)
        if row < 0:
            return False
        index = self.model.index(row, COLUMN_KEYS.index("name"))
        self.ui.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.ui.table.scrollTo(index)
        return True

    def _selection_changed(self, *_args) -> None:
        self.ui.openButton.setEnabled(self.selected_id() is not None)

    # --- actions ------------------------------------------------------------
    def open_selected(self) -> None:
        resident_id = self.selected_id()
        if resident_id is not None:
            self.open_resident(resident_id)

    def open_resident(self, resident_id: int | None) -> None:
        if resident_id is None:
            return
        from balai_app.gui.residents.resident_detail import ResidentDetail

        dialog = service_call(self, lambda: ResidentDetail(self.actor, resident_id, self), title=tr("Penerima Manfaat"))
        if dialog is FAILED:  # deleted or not allowed meanwhile
            self.refresh()
            return
        self.detail_dialog = dialog
        dialog.changed.connect(self.refresh)
        dialog.finished.connect(lambda _result: self._dialog_closed("detail_dialog", resident_id))
        dialog.open()

    def add_resident(self) -> None:
        if not self.ui.addButton.isEnabled():
            return
        from balai_app.gui.residents.resident_form import ResidentForm

        form = ResidentForm(self.actor, None, self)
        self.form_dialog = form
        form.finished.connect(lambda result: self._form_closed(form, result))
        form.open()

    def _form_closed(self, form, result: int) -> None:
        self.form_dialog = None
        if result == QDialog.DialogCode.Accepted and form.resident is not None:
            self.refresh()
            if not self.select_resident(form.resident.id):
                # Not in the current filter or page: search for it by name.
                self.reset_filters()
                self.ui.searchEdit.blockSignals(True)
                self.ui.searchEdit.setText(form.resident.name)
                self.ui.searchEdit.blockSignals(False)
                self.apply_filter()
                self.select_resident(form.resident.id)

    def _dialog_closed(self, attribute: str, resident_id: int) -> None:
        setattr(self, attribute, None)
        self.refresh()
        self.select_resident(resident_id)

    def import_residents(self) -> None:
        module = importlib.import_module(IMPORT_MODULE)
        module.ResidentImportDialog(self.actor, self).exec()
        self.refresh()

    def export_residents(self) -> None:
        module = importlib.import_module(IMPORT_MODULE)
        module.export_residents_interactive(self.actor, self)
