"""Program (keterampilan) list and editor with its ordered competency units."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from balai_app.gui.training.training_models import (
    RowsModel,
    error_labels,
    indonesian_buttons,
    run_service,
    show_field_errors,
    unit_columns,
)
from balai_app.gui.forms.ui_program_editor import Ui_ProgramEditor
from balai_app.gui.forms.ui_program_unit_dialog import Ui_ProgramUnitDialog
from balai_app.i18n import tr
from balai_app.services import curriculum
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed
from balai_app.services.records import ProgramRecord, UnitRecord


class UnitDialog(QDialog):
    """Add or change one competency unit."""

    def __init__(self, actor: Actor, program_id: int, unit: UnitRecord | None = None, parent=None):
        super().__init__(parent)
        self.actor, self.program_id, self.unit = actor, program_id, unit
        self.ui = Ui_ProgramUnitDialog()
        self.ui.setupUi(self)
        self.labels = error_labels(self.ui)
        show_field_errors(self.labels, {}, self.ui.errorSummary)
        self.setWindowTitle(tr("Ubah unit kompetensi") if unit else tr("Tambah unit kompetensi"))
        if unit is not None:
            self.ui.code.setText(unit.code)
            self.ui.title.setText(unit.title)
            self.ui.hours.setValue(unit.hours or 0)
            why = curriculum.unit_history(unit.id)
            if why:
                self.ui.title.setReadOnly(True)
                self.ui.title.setToolTip(tr("Judul tidak dapat diubah karena {why}.").format(why=why))
                if unit.code:
                    self.ui.code.setReadOnly(True)
                self.ui.hintLabel.setText(tr("Catatan: {why}, sehingga judul (dan kode yang sudah terisi) tidak "
                                             "dapat diubah. Bila isinya berubah, nonaktifkan unit ini dan tambahkan "
                                             "unit baru.").format(why=why.capitalize()))
        indonesian_buttons(self.ui.buttons)
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.saved: UnitRecord | None = None

    def data(self) -> dict:
        return {"code": self.ui.code.text(), "title": self.ui.title.text(), "hours": self.ui.hours.value() or None}

    def save(self) -> None:
        if self.unit is None:
            call = lambda _confirm: curriculum.add_unit(self.actor, self.program_id, self.data())  # noqa: E731
        else:
            call = lambda _confirm: curriculum.update_unit(  # noqa: E731
                self.actor, self.unit.id, self.data(), expected_version=self.unit.version)
        result = run_service(self, call, labels=self.labels, summary=self.ui.errorSummary)
        if result is not None:
            self.saved = result
            self.accept()


class ProgramEditor(QWidget):
    """The form of one program and its units. ``saved(program_id)`` after every change."""

    saved = Signal(int)

    def __init__(self, actor: Actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_ProgramEditor()
        self.ui.setupUi(self)
        self.labels = error_labels(self.ui)
        self.program: ProgramRecord | None = None
        self.can_edit = allowed(actor, "programs.edit")
        self.units_model = RowsModel(unit_columns(), parent=self)
        self.ui.units.setModel(self.units_model)
        self.ui.units.verticalHeader().setVisible(False)
        header = self.ui.units.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ui.units.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.units.doubleClicked.connect(lambda _i: self.edit_unit())
        icons = {self.ui.addUnit: "fa5s.plus", self.ui.editUnit: "fa5s.pen", self.ui.moveUp: "fa5s.arrow-up",
                 self.ui.moveDown: "fa5s.arrow-down", self.ui.retireUnit: "fa5s.archive",
                 self.ui.deleteUnit: "fa5s.trash", self.ui.saveProgram: "fa5s.save",
                 self.ui.deleteProgram: "fa5s.trash"}
        for button, icon in icons.items():
            button.setIcon(qta.icon(icon))
        self.ui.saveProgram.clicked.connect(self.save)
        self.ui.deleteProgram.clicked.connect(self.delete_program)
        self.ui.addUnit.clicked.connect(self.add_unit)
        self.ui.editUnit.clicked.connect(self.edit_unit)
        self.ui.moveUp.clicked.connect(lambda: self.move(-1))
        self.ui.moveDown.clicked.connect(lambda: self.move(1))
        self.ui.retireUnit.clicked.connect(self.toggle_retired)
        self.ui.deleteUnit.clicked.connect(self.delete_unit)
        self.ui.sampleBanner.setText(tr("Contoh — sesuaikan dengan SKKNI. Program ini contoh awal: lengkapi kode unit "
                                        "resmi dan periksa judul unit sebelum sertifikat diterbitkan."))
        self.checked_button = QPushButton(qta.icon("fa5s.check"), tr("Tandai sudah disesuaikan dengan SKKNI"))
        self.checked_button.setToolTip(tr("Hilangkan tanda contoh setelah kode dan judul unit diperiksa."))
        self.checked_button.clicked.connect(self.mark_checked)
        self.checked_button.setVisible(False)
        banner_row = QHBoxLayout()
        banner_row.addStretch(1)
        banner_row.addWidget(self.checked_button)
        self.ui.editorLayout.insertLayout(1, banner_row)
        # issue 14: a PM under 15 is enrolled in an adults-only program (welding) only with a written reason
        self.adults_only = QCheckBox(tr("Hanya untuk peserta berumur 15 tahun ke atas; di bawah itu hanya dengan "
                                        "alasan tertulis"))
        self.ui.editorLayout.insertWidget(2, self.adults_only)
        for widget in (self.ui.code, self.ui.name, self.ui.field, self.ui.hours, self.ui.weeks,
                       self.ui.min_attendance, self.ui.description, self.ui.active, self.adults_only):
            widget.setEnabled(self.can_edit)
        self.ui.saveProgram.setVisible(self.can_edit)
        self.ui.deleteProgram.setVisible(self.can_edit)
        for button in (self.ui.addUnit, self.ui.editUnit, self.ui.moveUp, self.ui.moveDown, self.ui.retireUnit,
                       self.ui.deleteUnit):
            button.setVisible(self.can_edit)
        self.load(None)

    # --- loading ----------------------------------------------------------
    def load(self, program_id: int | None) -> None:
        self.program = curriculum.get_program(self.actor, program_id) if program_id else None
        p = self.program
        show_field_errors(self.labels, {}, self.ui.errorSummary)
        self.ui.sampleBanner.setVisible(bool(p and p.is_sample))
        self.checked_button.setVisible(bool(p and p.is_sample and self.can_edit))
        self.ui.code.setText(p.code if p else "")
        self.ui.name.setText(p.name if p else "")
        self.ui.field.setText(p.field if p else "")
        self.ui.hours.setValue((p.hours or 0) if p else 0)
        self.ui.weeks.setValue((p.weeks or 0) if p else 0)
        self.ui.min_attendance.setValue(p.min_attendance if p else 80)
        self.ui.description.setPlainText(p.description if p else "")
        self.ui.active.setChecked(p.active if p else True)
        self.adults_only.setChecked(bool(p and p.adults_only))
        self.ui.saveProgram.setText(tr("Simpan program") if p else tr("Buat program"))
        self.ui.deleteProgram.setEnabled(bool(p))
        self.ui.unitsHeading.setText(tr("Unit kompetensi (urut)") if p else
                                     tr("Unit kompetensi — simpan program dahulu, lalu tambahkan unit"))
        self.reload_units()

    def reload_units(self, select_id: int | None = None) -> None:
        units = curriculum.units_of(self.actor, self.program.id) if self.program else []
        self.units_model.set_rows(units)
        if select_id is not None:
            row = self.units_model.find(lambda u: u.id == select_id)
            if row >= 0:
                self.ui.units.selectRow(row)
        self._update_buttons()

    def selected_unit(self) -> UnitRecord | None:
        rows = self.ui.units.selectionModel().selectedRows()
        return self.units_model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        unit = self.selected_unit()
        has_program = self.program is not None
        self.ui.addUnit.setEnabled(has_program)
        for button in (self.ui.editUnit, self.ui.retireUnit, self.ui.deleteUnit, self.ui.moveUp, self.ui.moveDown):
            button.setEnabled(unit is not None)
        if unit is not None:
            count = self.units_model.rowCount()
            row = self.units_model.find(lambda u: u.id == unit.id)
            self.ui.moveUp.setEnabled(row > 0)
            self.ui.moveDown.setEnabled(row < count - 1)
            self.ui.retireUnit.setText(tr("Aktifkan lagi") if unit.retired else tr("Nonaktifkan"))

    # --- program ------------------------------------------------------------
    def form_data(self) -> dict:
        return {
            "code": self.ui.code.text(), "name": self.ui.name.text(), "field": self.ui.field.text(),
            "hours": self.ui.hours.value() or None, "weeks": self.ui.weeks.value() or None,
            "min_attendance": self.ui.min_attendance.value(), "description": self.ui.description.toPlainText(),
            "active": self.ui.active.isChecked(), "adults_only": self.adults_only.isChecked(),
        }

    def save(self) -> ProgramRecord | None:
        data = self.form_data()
        if self.program is None:
            active = data.pop("active")

            def call(_confirm):
                program = curriculum.create_program(self.actor, data)
                if not active:
                    program = curriculum.update_program(self.actor, program.id, {"active": False},
                                                      expected_version=program.version)
                return program
        else:
            program_id, version = self.program.id, self.program.version
            call = lambda _confirm: curriculum.update_program(  # noqa: E731
                self.actor, program_id, data, expected_version=version)
        result = run_service(self, call, labels=self.labels, summary=self.ui.errorSummary)
        if result is not None:
            self.load(result.id)
            self.saved.emit(result.id)
        return result

    def mark_checked(self) -> None:
        if self.program is None:
            return
        missing = sum(1 for u in curriculum.active_units(self.program.id) if not u.code)
        if missing:
            answer = QMessageBox.question(self, tr("Program contoh"), tr(
                "{n} unit belum memiliki kode. Tetap tandai program ini sudah disesuaikan dengan SKKNI?").format(
                n=missing))
            if answer != QMessageBox.StandardButton.Yes:
                return
        program_id, version = self.program.id, self.program.version
        result = run_service(self, lambda _c: curriculum.update_program(
            self.actor, program_id, {"is_sample": False}, expected_version=version))
        if result is not None:
            self.load(result.id)
            self.saved.emit(result.id)

    def delete_program(self) -> None:
        if self.program is None:
            return
        answer = QMessageBox.question(self, tr("Hapus program"), tr("Hapus program {name} beserta unitnya?").format(
            name=self.program.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if run_service(self, lambda _c: curriculum.delete_program(self.actor, self.program.id) or True) is not None:
            self.load(None)
            self.saved.emit(0)

    # --- units ---------------------------------------------------------------
    def add_unit(self) -> None:
        if self.program is None:
            return
        dialog = UnitDialog(self.actor, self.program.id, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self.reload_units(dialog.saved.id)
            self.saved.emit(self.program.id)

    def edit_unit(self) -> None:
        unit = self.selected_unit()
        if unit is None or not self.can_edit:
            return
        dialog = UnitDialog(self.actor, self.program.id, unit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
            self.reload_units(unit.id)

    def move(self, step: int) -> None:
        unit = self.selected_unit()
        if unit is not None and run_service(self, lambda _c: curriculum.move_unit(self.actor, unit.id, step) or True):
            self.reload_units(unit.id)

    def toggle_retired(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        if run_service(self, lambda _c: curriculum.set_unit_retired(self.actor, unit.id, not unit.retired)):
            self.reload_units(unit.id)
            self.saved.emit(self.program.id)

    def delete_unit(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        answer = QMessageBox.question(self, tr("Hapus unit"), tr("Hapus unit \"{title}\"?").format(title=unit.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if run_service(self, lambda _c: curriculum.delete_unit(self.actor, unit.id) or True):
            self.reload_units()
            self.saved.emit(self.program.id)


class ProgramsTab(QWidget):
    """Programs on the left (with a button for the starter programs when empty), the editor on the right."""

    def __init__(self, actor: Actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.can_edit = allowed(actor, "programs.edit")
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        left_layout.addWidget(self.list)
        self.empty_label = QLabel(tr("Belum ada program pelatihan. Buat program baru, atau mulai dari empat program "
                                     "contoh (Menjahit, Pengelasan, Desain Grafis, Contact Center) lalu sesuaikan "
                                     "dengan SKKNI."))
        self.empty_label.setWordWrap(True)
        left_layout.addWidget(self.empty_label)
        self.sample_button = QPushButton(qta.icon("fa5s.magic"), tr("Tambahkan program contoh"))
        self.sample_button.clicked.connect(self.add_samples)
        left_layout.addWidget(self.sample_button)
        self.new_button = QPushButton(qta.icon("fa5s.plus"), tr("Program baru"))
        self.new_button.clicked.connect(self.new_program)
        left_layout.addWidget(self.new_button)
        self.new_button.setVisible(self.can_edit)
        splitter.addWidget(left)
        self.editor = ProgramEditor(actor)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 800])
        self.list.currentItemChanged.connect(self._current_changed)
        self.editor.saved.connect(self.refresh)

    def refresh(self, select_id: int | None = None) -> None:
        if select_id is None and self.editor.program is not None:
            select_id = self.editor.program.id
        self.list.blockSignals(True)
        self.list.clear()
        programs = curriculum.list_programs(self.actor, include_inactive=True)
        for program in programs:
            text = f"{program.code} — {program.name}"
            if program.is_sample:
                text += tr("  (contoh)")
            if not program.active:
                text += tr(" (nonaktif)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, program.id)
            if not program.active:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.list.addItem(item)
            if program.id == select_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        empty = not programs
        self.empty_label.setVisible(empty)
        self.sample_button.setVisible(empty and self.can_edit)
        if self.list.currentItem() is None and programs and self.editor.program is None:
            self.list.setCurrentRow(0)
        elif select_id == 0 or (self.list.currentItem() is None and self.editor.program is not None):
            self.editor.load(None)
        else:
            self._current_changed(self.list.currentItem())

    def _current_changed(self, item: QListWidgetItem | None, *_args) -> None:
        if item is not None:
            self.editor.load(item.data(Qt.ItemDataRole.UserRole))

    def new_program(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.list.blockSignals(False)
        self.editor.load(None)
        self.editor.ui.code.setFocus()

    def add_samples(self) -> None:
        created = run_service(self, lambda _c: curriculum.create_sample_programs(self.actor))
        if created:
            self.refresh(created[0].id)
