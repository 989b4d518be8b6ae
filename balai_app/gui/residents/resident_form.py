"""The form to register a PM or change one's data (ui/resident_form.ui).

Everything is checked by ``services.residents``; the form only collects the
values, shows each service message in red right below its field, asks the user
to confirm warnings, and refuses to overwrite a record changed elsewhere
(``StaleRecord``) while keeping what the user typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from balai_app.domain import codes
from balai_app.domain.nik import birth_date_from_nik, check_nik, compact
from balai_app.domain.photo import prepare_photo
from balai_app.gui.common.qt_dates import to_qdate
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_resident_form import Ui_ResidentForm
from balai_app.gui.residents.form_helpers import (
    ERROR_STYLE,
    SUMMARY_STYLE,
    WARNING_STYLE,
    confirm,
    fill_combo,
    limit_text_height,
    prepare_error_label,
    select_code,
    set_photo_preview,
)
from balai_app.i18n import tr
from balai_app.services import residents, residents_photo
from balai_app.services.context import Actor

# service field -> (error label, widget to focus) as named in ui/resident_form.ui
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("nameError", "nameEdit"),
    "nik": ("nikError", "nikEdit"),
    "nik_missing_reason": ("nikMissingReasonError", "nikReasonEdit"),
    "no_kk": ("noKkError", "noKkEdit"),
    "sex": ("sexError", "sexCombo"),
    "birth_place": ("birthPlaceError", "birthPlaceEdit"),
    "birth_date": ("birthDateError", "birthDateEdit"),
    "religion": ("religionError", "religionCombo"),
    "education": ("educationError", "educationCombo"),
    "photo": ("photoError", "pickPhotoButton"),
    "klaster": ("klasterError", "klasterCombo"),
    "disabilities": ("disabilitiesError", "disabilityList"),
    "entry_date": ("entryDateError", "entryDateEdit"),
    "referral_source": ("referralSourceError", "referralCombo"),
    "address": ("addressError", "addressEdit"),
    "guardian_name": ("guardianNameError", "guardianNameEdit"),
    "guardian_relation": ("guardianRelationError", "guardianRelationCombo"),
    "guardian_phone": ("guardianPhoneError", "guardianPhoneEdit"),
    "status": ("statusError", "statusCombo"),
    "exit_date": ("exitDateError", "exitDateEdit"),
    "exit_reason": ("exitReasonError", "exitReasonEdit"),
    "notes": ("notesError", "notesEdit"),
}

REFERRAL_SUGGESTIONS = [
    "Dinas Sosial", "Satpol PP", "Kepolisian", "Rumah sakit", "Keluarga", "LKS mitra", "Penjangkauan",
    "Datang sendiri",
]
RELATION_SUGGESTIONS = [
    "Ayah", "Ibu", "Suami", "Istri", "Anak", "Kakak", "Adik", "Paman", "Bibi", "Kakek", "Nenek", "Wali",
    "Pendamping LKS",
]

PHOTO_FILTER = "Gambar JPEG/PNG (*.jpg *.jpeg *.png)"


class ResidentForm(QDialog):
    """Register (``resident_id=None``) or change one PM.

    After ``exec()`` returns Accepted, ``self.resident`` is the saved record.
    """

    def __init__(self, actor: Actor, resident_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.resident_id = resident_id
        self.resident = None
        self._version: int | None = None
        self._photo: bytes | None = None
        self._photo_changed = False
        self.ui = Ui_ResidentForm()
        self.ui.setupUi(self)
        self._setup_widgets()
        if resident_id is None:
            self.setWindowTitle(tr("Tambah Penerima Manfaat"))
            set_photo_preview(self.ui.photoLabel, None, tr("Belum ada foto"))
        else:
            self._load(residents.get_resident(actor, resident_id))
        self._update_enabled()
        self._clear_messages()
        self._fit_to_screen()
        self.ui.nameEdit.setFocus()
        self._initial = self.values()

    def is_dirty(self) -> bool:
        return self._photo_changed or self.values() != self._initial

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        """Ctrl+S saves from any field (the fields do not use it and pass it up)."""
        if event.matches(QKeySequence.StandardKey.Save):
            event.accept()
            self.save()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Batal, Esc or the window's close button: ask before throwing typing away."""
        if self.result() != QDialog.DialogCode.Accepted and self.is_dirty() and not confirm(
            self, tr("Batalkan perubahan?"),
            tr("Perubahan pada formulir ini belum disimpan dan akan hilang."), tr("Ya, buang perubahan"),
        ):
            return
        super().reject()

    # --- set-up -------------------------------------------------------------
    def _setup_widgets(self) -> None:
        ui = self.ui
        save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(tr("Simpan"))
        save_button.setToolTip(tr("Simpan data PM (Ctrl+S)"))
        cancel_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setText(tr("Batal"))
        cancel_button.setToolTip(tr("Tutup tanpa menyimpan (Esc)"))
        tab_hint = tr("Ctrl+Tab: tab berikutnya · Ctrl+Shift+Tab: tab sebelumnya")
        ui.tabs.setToolTip(tab_hint)
        for index in range(ui.tabs.count()):
            ui.tabs.setTabToolTip(index, tab_hint)
        ui.requiredNote.setText(tr("Tanda * wajib diisi. Ctrl+S menyimpan, Ctrl+Tab pindah tab."))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.requiredNote.setStyleSheet("color:#555;")
        ui.errorSummary.setStyleSheet(SUMMARY_STYLE)
        for error_name, _ in FIELDS.values():
            prepare_error_label(getattr(ui, error_name))

        fill_combo(ui.sexCombo, [(c, codes.label(codes.SEX, c)) for c in codes.SEX], placeholder=tr("— pilih —"))
        fill_combo(ui.klasterCombo, [(c, codes.label(codes.KLASTER, c)) for c in codes.KLASTER],
                   placeholder=tr("— pilih klaster —"))
        fill_combo(ui.statusCombo, [(c, codes.label(codes.RESIDENT_STATUS, c)) for c in codes.RESIDENT_STATUS])
        select_code(ui.statusCombo, "aktif")
        fill_combo(ui.religionCombo, [("", tr("(tidak diisi)"))] + [(r, tr(r)) for r in codes.RELIGIONS])
        fill_combo(ui.educationCombo, [("", tr("(tidak diisi)"))] + [(e, tr(e)) for e in codes.EDUCATION])
        for combo, suggestions in ((ui.referralCombo, REFERRAL_SUGGESTIONS),
                                   (ui.guardianRelationCombo, RELATION_SUGGESTIONS)):
            combo.addItems([tr(s) for s in suggestions])
            combo.setCurrentIndex(-1)
            combo.setEditText("")
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.lineEdit().setMaxLength(200 if combo is ui.referralCombo else 50)

        for code in codes.DISABILITIES:
            item = QListWidgetItem(codes.label(codes.DISABILITIES, code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.disabilityList.addItem(item)

        rows = ui.disabilityList.count()
        ui.disabilityList.setFixedHeight(ui.disabilityList.sizeHintForRow(0) * rows + 2 * ui.disabilityList.frameWidth() + 4)
        for edit, lines in ((ui.addressEdit, 3), (ui.exitReasonEdit, 3), (ui.notesEdit, 6)):
            limit_text_height(edit, lines)

        today = QDate.currentDate()
        for edit in (ui.birthDateEdit, ui.entryDateEdit, ui.exitDateEdit):
            edit.setMaximumDate(today)
            edit.setDate(today)
        self._default_birth = QDate(today.year() - 20, 1, 1)
        ui.birthDateEdit.setDate(self._default_birth)
        # A new PM starts with "unknown": a made-up default date must never be saved unnoticed.
        ui.birthUnknownCheck.setChecked(True)
        ui.birthUnknownCheck.setToolTip(tr("Centang bila tanggal lahir tidak diketahui"))
        ui.noNikCheck.setToolTip(tr("Centang bila PM tidak memiliki KTP/NIK; alasannya wajib diisi"))

        ui.pickPhotoButton.setIcon(qta.icon("fa5s.image"))
        ui.removePhotoButton.setIcon(qta.icon("fa5s.trash-alt"))
        ui.pickPhotoButton.clicked.connect(self.choose_photo)
        ui.removePhotoButton.clicked.connect(self.remove_photo)
        ui.photoLabel.setStyleSheet("QLabel{background:#f4f6f8;}")

        ui.nikEdit.textEdited.connect(self._fill_from_nik)
        ui.noNikCheck.toggled.connect(self._update_enabled)
        ui.birthUnknownCheck.toggled.connect(self._update_enabled)
        ui.klasterCombo.currentIndexChanged.connect(self._update_enabled)
        ui.statusCombo.currentIndexChanged.connect(self._update_enabled)

    def _fit_to_screen(self) -> None:
        """At 150 % scaling a 1366x768 screen is about 910x512 logical pixels."""
        screen = self.screen() or (self.parentWidget().screen() if self.parentWidget() else None)
        if screen is None:
            return
        area = screen.availableGeometry()
        width = min(self.width(), area.width() - 40)
        height = min(self.height(), area.height() - 60)
        self.resize(max(width, 400), max(height, 300))

    def _load(self, resident) -> None:
        ui = self.ui
        self._version = resident.version
        self.setWindowTitle(tr("Ubah data PM — {name}").format(name=resident.name))
        ui.nameEdit.setText(resident.name)
        ui.noNikCheck.setChecked(not resident.nik)
        ui.nikEdit.setText(resident.nik or "")
        ui.nikReasonEdit.setText(resident.nik_missing_reason or "")
        ui.noKkEdit.setText(resident.no_kk or "")
        select_code(ui.sexCombo, resident.sex)
        ui.birthPlaceEdit.setText(resident.birth_place or "")
        ui.birthUnknownCheck.setChecked(resident.birth_date is None)
        if resident.birth_date:
            ui.birthDateEdit.setDate(to_qdate(resident.birth_date))
        select_code(ui.religionCombo, resident.religion or "")
        select_code(ui.educationCombo, resident.education or "")
        select_code(ui.klasterCombo, resident.klaster)
        chosen = set(filter(None, (resident.disabilities or "").split(",")))
        for row in range(ui.disabilityList.count()):
            item = ui.disabilityList.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        ui.entryDateEdit.setDate(to_qdate(resident.entry_date))
        ui.referralCombo.setEditText(resident.referral_source or "")
        ui.addressEdit.setPlainText(resident.address or "")
        ui.guardianNameEdit.setText(resident.guardian_name or "")
        ui.guardianRelationCombo.setEditText(resident.guardian_relation or "")
        ui.guardianPhoneEdit.setText(resident.guardian_phone or "")
        select_code(ui.statusCombo, resident.status)
        if resident.exit_date:
            ui.exitDateEdit.setDate(to_qdate(resident.exit_date))
        ui.exitReasonEdit.setPlainText(resident.exit_reason or "")
        ui.notesEdit.setPlainText(resident.notes or "")
        self._photo = residents_photo.get_photo(self.actor, resident.id)
        set_photo_preview(ui.photoLabel, self._photo, tr("Belum ada foto"))

    def _update_enabled(self) -> None:
        ui = self.ui
        no_nik = ui.noNikCheck.isChecked()
        ui.nikEdit.setEnabled(not no_nik)
        ui.nikReasonEdit.setEnabled(no_nik)
        ui.nikReasonEditLabel.setEnabled(no_nik)
        ui.birthDateEdit.setEnabled(not ui.birthUnknownCheck.isChecked())
        is_disability = ui.klasterCombo.currentData() == "disabilitas"
        ui.disabilityList.setEnabled(is_disability)
        ui.disabilityListLabel.setEnabled(is_disability)
        ui.disabilityList.setToolTip("" if is_disability else tr("Hanya untuk klaster Penyandang Disabilitas"))
        leaving = ui.statusCombo.currentData() not in (None, "aktif")
        for widget in (ui.exitDateEdit, ui.exitDateEditLabel, ui.exitReasonEdit, ui.exitReasonEditLabel):
            widget.setEnabled(leaving)
        ui.removePhotoButton.setEnabled(self._photo is not None)

    def _fill_from_nik(self, _text: str = "") -> None:
        """On a new form, a NIK typed first fills sex and birth date (still editable;
        the service checks that they agree)."""
        ui = self.ui
        nik = compact(ui.nikEdit.text())
        if self.resident_id is not None or len(nik) != 16 or not nik.isdigit() or not check_nik(nik).ok:
            return
        if ui.sexCombo.currentIndex() < 0:
            select_code(ui.sexCombo, "P" if int(nik[6:8]) > 40 else "L")
        born = birth_date_from_nik(nik)
        if born and ui.birthDateEdit.date() == self._default_birth:
            ui.birthUnknownCheck.setChecked(False)
            ui.birthDateEdit.setDate(to_qdate(born))

    # --- values -------------------------------------------------------------
    @staticmethod
    def _date(edit: QDateEdit) -> dt.date:
        return edit.date().toPython()

    def values(self) -> dict[str, Any]:
        """The form's content as the service expects it."""
        ui = self.ui
        no_nik = ui.noNikCheck.isChecked()
        klaster = ui.klasterCombo.currentData()
        status = ui.statusCombo.currentData()
        disabilities = []
        if klaster == "disabilitas":
            for row in range(ui.disabilityList.count()):
                item = ui.disabilityList.item(row)
                if item.checkState() == Qt.CheckState.Checked:
                    disabilities.append(item.data(Qt.ItemDataRole.UserRole))
        return {
            "name": ui.nameEdit.text(),
            "nik": "" if no_nik else ui.nikEdit.text(),
            "nik_missing_reason": ui.nikReasonEdit.text() if no_nik else "",
            "no_kk": ui.noKkEdit.text(),
            "sex": ui.sexCombo.currentData(),
            "birth_place": ui.birthPlaceEdit.text(),
            "birth_date": None if ui.birthUnknownCheck.isChecked() else self._date(ui.birthDateEdit),
            "religion": ui.religionCombo.currentData() or "",
            "education": ui.educationCombo.currentData() or "",
            "klaster": klaster,
            "disabilities": disabilities,
            "entry_date": self._date(ui.entryDateEdit),
            "referral_source": ui.referralCombo.currentText(),
            "address": ui.addressEdit.toPlainText(),
            "guardian_name": ui.guardianNameEdit.text(),
            "guardian_relation": ui.guardianRelationCombo.currentText(),
            "guardian_phone": ui.guardianPhoneEdit.text(),
            "status": status,
            "exit_date": self._date(ui.exitDateEdit) if status not in (None, "aktif") else None,
            "exit_reason": ui.exitReasonEdit.toPlainText() if status not in (None, "aktif") else "",
            "notes": ui.notesEdit.toPlainText(),
        }

    # --- photo --------------------------------------------------------------
    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Pilih foto PM"), "", tr(PHOTO_FILTER))
        if path:
            self.load_photo_file(Path(path))

    def load_photo_file(self, path: Path) -> bool:
        self._show_message("photo", "")
        data = service_call(self, lambda: prepare_photo(path.read_bytes()), also=(OSError,),
                            on_error=lambda text: self._show_message("photo", text),
                            on_errors=lambda errors: self._show_message(
                                "photo", errors.get("photo", " ".join(errors.values()))))
        if data is FAILED:
            return False
        self._photo, self._photo_changed = data, True
        set_photo_preview(self.ui.photoLabel, data, tr("Belum ada foto"))
        self._update_enabled()
        return True

    def remove_photo(self) -> None:
        self._photo, self._photo_changed = None, True
        set_photo_preview(self.ui.photoLabel, None, tr("Belum ada foto"))
        self._update_enabled()

    # --- messages beside the fields ------------------------------------------
    def _label_for(self, field: str) -> QLabel | None:
        names = FIELDS.get(field)
        return getattr(self.ui, names[0]) if names else None

    def _show_message(self, field: str, text: str, style: str = ERROR_STYLE) -> bool:
        label = self._label_for(field)
        if label is None:
            return False
        label.setStyleSheet(style)
        label.setText(text)
        label.setVisible(bool(text))
        return True

    def _clear_messages(self) -> None:
        for field in FIELDS:
            self._show_message(field, "")
        self.ui.errorSummary.hide()
        self.ui.errorSummary.clear()
        for index in range(self.ui.tabs.count()):
            self.ui.tabs.setTabIcon(index, QIcon())

    def message_of(self, field: str) -> str:
        """The message shown beside a field ('' when none)."""
        label = self._label_for(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def _tab_of(self, widget: QWidget) -> int:
        for index in range(self.ui.tabs.count()):
            if self.ui.tabs.widget(index).isAncestorOf(widget):
                return index
        return -1

    def show_errors(self, errors: dict[str, str], *, warning: bool = False) -> None:
        """Each message in red right below its field; the first such tab comes to the front."""
        style = WARNING_STYLE if warning else ERROR_STYLE
        icon = qta.icon("fa5s.exclamation-circle", color="#8a5300" if warning else "#b3261e")
        first: QWidget | None = None
        unplaced = []
        for field, message in errors.items():
            if not self._show_message(field, message, style):
                unplaced.append(message)
                continue
            widget = getattr(self.ui, FIELDS[field][1])
            tab = self._tab_of(widget)
            if tab >= 0:
                self.ui.tabs.setTabIcon(tab, icon)
            if first is None or (tab >= 0 and tab < self._tab_of(first)):
                first = widget
        if warning:
            summary = tr("Periksa peringatan yang ditandai; data belum disimpan.")
        else:
            summary = tr("Data belum disimpan. Perbaiki {n} isian yang ditandai merah.").format(n=len(errors))
        if unplaced:
            summary += " " + " ".join(unplaced)
        self.ui.errorSummary.setText(summary)
        self.ui.errorSummary.show()
        if first is not None:
            self.ui.tabs.setCurrentIndex(self._tab_of(first))
            first.setFocus()

    # --- saving -------------------------------------------------------------
    def save(self) -> bool:
        """Save through the service; True when saved (the dialog then closes)."""
        self._clear_messages()
        data = self.values()
        resident = service_call(self, lambda confirm: self._write(data, confirm), confirm=self._confirm_or_mark,
                                title=tr("Tidak dapat menyimpan"), on_stale=self._stale,
                                on_errors=lambda errors: self.show_errors(self._placed(errors)))
        if resident is FAILED:
            return False
        self.resident = resident
        self.accept()
        return True

    def _confirm_or_mark(self, warnings: dict[str, str]) -> bool:
        """Asked before saving despite warnings; declined, the warnings stay beside their fields."""
        if self._confirm(warnings):
            return True
        self.show_errors(warnings, warning=True)
        return False

    def _stale(self, text: str) -> None:
        QMessageBox.warning(self, tr("Data telah berubah"), text)
        self.ui.errorSummary.setText(tr("Tidak disimpan: data PM ini telah diubah di tempat lain."))
        self.ui.errorSummary.show()

    def _placed(self, errors: dict[str, str]) -> dict[str, str]:
        """An empty NIK is reported by the service as a missing reason; while "Tidak memiliki
        NIK" is not ticked that field is greyed out, so the message belongs under the NIK."""
        if "nik_missing_reason" in errors and not self.ui.noNikCheck.isChecked() and "nik" not in errors:
            errors = {("nik" if key == "nik_missing_reason" else key): value for key, value in errors.items()}
            errors["nik"] = tr("NIK wajib diisi (16 digit). Bila PM tidak memiliki NIK, centang "
                               "\"Tidak memiliki NIK\" lalu tulis alasannya.")
        return errors

    def _write(self, data: dict[str, Any], confirm: bool):
        if self.resident_id is None:
            return residents.create_resident(
                self.actor, data, photo=self._photo if self._photo_changed else None, confirm_warnings=confirm
            )
        resident = residents.update_resident(
            self.actor, self.resident_id, data, expected_version=self._version, confirm_warnings=confirm
        )
        if self._photo_changed:
            residents_photo.set_photo(self.actor, self.resident_id, self._photo)
            resident = residents.get_resident(self.actor, self.resident_id)
        return resident

    def _confirm(self, warnings: dict[str, str]) -> bool:
        lines = "\n".join(f"• {message}" for message in warnings.values())
        return confirm(
            self,
            tr("Periksa kembali"),
            tr("Ada hal yang perlu diperiksa:\n\n{lines}\n\nTetap simpan data ini?").format(lines=lines),
            tr("Ya, simpan"),
        )
