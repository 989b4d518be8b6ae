"""Impor and ekspor of Penerima Manfaat (ui/resident_import.ui).

``ResidentImportDialog(actor, parent)``: choose a file, see every problem
(row, column, reason) and the counts before anything is written, optionally
skip invalid rows, import with a progress bar, see the result.

``export_residents_interactive(actor, parent)``: choose an .xlsx/.csv file,
answer whether full NIKs go in (only asked when the actor may), export.

The import runs in the GUI thread in chunks: the service reports progress
every few hundred rows and the dialog processes events then, so the window
stays responsive while the whole write remains one transaction on the one
connection (no second thread, no second connection).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QHeaderView, QMessageBox, QWidget

from balai_app import paths
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_resident_import import Ui_ResidentImportDialog
from balai_app.gui.residents.problem_model import ERROR_COLOR, ProblemModel
from balai_app.i18n import tr
from balai_app.services import resident_io, resident_io_export
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed
from balai_app.domain.numbers import number

IMPORT_FILTER = "Data PM (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"
EXPORT_FILTERS = {"Excel (*.xlsx)": ".xlsx", "CSV untuk Excel (*.csv)": ".csv"}
OK_COLOR = "#15803d"


def _settings() -> QSettings:
    return QSettings(str(paths.data_dir() / "balai-gui.ini"), QSettings.Format.IniFormat)


def _last_dir() -> str:
    folder = _settings().value("resident_io/last_dir", "", type=str)
    if folder and Path(folder).is_dir():
        return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def _remember_dir(path: str | Path) -> None:
    _settings().setValue("resident_io/last_dir", str(Path(path).parent))


class ResidentImportDialog(QDialog):
    """After the dialog closes, ``imported`` is the number of PM written (0 if none)."""

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.path: Path | None = None
        self.report: resident_io.ImportReport | None = None
        self.imported = 0
        self._busy = False
        self.ui = Ui_ResidentImportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.chooseButton.setIcon(qta.icon("fa5s.folder-open"))
        ui.recheckButton.setIcon(qta.icon("fa5s.redo"))
        ui.importButton.setIcon(qta.icon("fa5s.file-import"))
        self.model = ProblemModel(self)
        ui.problemTable.setModel(self.model)
        ui.problemTable.verticalHeader().hide()
        ui.problemTable.verticalHeader().setDefaultSectionSize(ui.problemTable.fontMetrics().height() + 8)
        header = ui.problemTable.horizontalHeader()
        header.setHighlightSections(False)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        ui.progressBar.hide()
        ui.recheckButton.setEnabled(False)
        ui.chooseButton.clicked.connect(self.choose_file)
        ui.recheckButton.clicked.connect(self.recheck)
        ui.skipInvalidCheck.toggled.connect(self._update_state)
        ui.importButton.clicked.connect(self.start_import)
        ui.closeButton.clicked.connect(self.reject)
        ui.importButton.setDefault(True)
        screen = self.screen().availableGeometry()
        self.resize(min(self.width(), screen.width() - 40), min(self.height(), screen.height() - 60))
        if not allowed(actor, "residents.import"):
            ui.chooseButton.setEnabled(False)
            self._set_summary(tr("Anda tidak berhak mengimpor data Penerima Manfaat."), ERROR_COLOR)
        self._update_state()

    # --- choosing and checking -----------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Pilih berkas data PM"), _last_dir(), tr(IMPORT_FILTER))
        if path:
            _remember_dir(path)
            self.load_file(path)

    def recheck(self) -> None:
        if self.path is not None:
            self.load_file(self.path)

    def load_file(self, path: str | Path) -> None:
        """Read and check ``path``; shows every problem. Nothing is written."""
        self.path = Path(path)
        self.imported = 0
        self.report = None
        self.ui.fileEdit.setText(str(self.path))
        self.ui.resultLabel.clear()
        self.model.set_problems([])
        self._set_busy(True, tr("Memeriksa berkas… %p%"))
        try:
            report = service_call(self, lambda: resident_io.check_import(self.actor, self.path, progress=self._progress),
                                  on_error=lambda text: self._set_summary(text, ERROR_COLOR))
            self.report = None if report is FAILED else report
        finally:
            self._set_busy(False)
            self.ui.progressBar.hide()  # the bar is for the import; checking is usually quick
        if self.report is not None:
            self.model.set_problems(self.report.problems)
            self._show_counts()
        self._update_state()

    def _show_counts(self) -> None:
        report = self.report
        valid, invalid, warnings = len(report.valid_rows), report.invalid_count, len(report.warnings)
        text = tr("{total} baris data: <b>{valid} valid</b>, {invalid} tidak valid, {warnings} peringatan.").format(
            total=number(report.total), valid=number(valid), invalid=number(invalid), warnings=number(warnings))
        if not report.errors:
            color = OK_COLOR
            if warnings:
                text += " " + tr("Siap diimpor; peringatan tidak menghalangi impor.")
            else:
                text += " " + tr("Semua baris siap diimpor.")
        elif valid:
            color = ERROR_COLOR
            text += " " + tr("Perbaiki berkas lalu tekan <i>Periksa ulang</i>, atau centang "
                             "<i>Lewati baris yang tidak valid</i> untuk mengimpor {n} baris yang valid saja.").format(n=number(valid))
        else:
            color = ERROR_COLOR
            text += " " + tr("Tidak ada baris yang dapat diimpor; perbaiki berkas lalu tekan <i>Periksa ulang</i>.")
        self._set_summary(text, color, rich=True)

    def _set_summary(self, text: str, color: str, *, rich: bool = False) -> None:
        body = text if rich else html.escape(text)
        self.ui.summaryLabel.setText(f'<span style="color:{color}">{body}</span>')

    def _update_state(self) -> None:
        ui = self.ui
        possible = (
            not self._busy
            and self.report is not None
            and not self.imported
            and self.report.can_import(ui.skipInvalidCheck.isChecked())
        )
        ui.importButton.setEnabled(possible)
        if self.report is not None and not self.imported and not self._busy:
            count = len(self.report.valid_rows)
            ui.importButton.setText(tr("&Impor {n} PM").format(n=number(count)))
        ui.recheckButton.setEnabled(self.path is not None and not self._busy and not self.imported)
        ui.chooseButton.setEnabled(not self._busy and allowed(self.actor, "residents.import"))
        ui.skipInvalidCheck.setEnabled(not self._busy and not self.imported)
        ui.closeButton.setEnabled(not self._busy)

    # --- importing -------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.path is None or self.report is None or self._busy:
            return
        skip = self.ui.skipInvalidCheck.isChecked()
        self.ui.resultLabel.clear()
        self._set_busy(True, tr("Mengimpor… %p%"))
        errors: list[str] = []
        try:
            report = service_call(
                self, lambda: resident_io.run_import(self.actor, self.path, skip_invalid=skip, progress=self._progress),
                on_error=errors.append)
        finally:
            self._set_busy(False)  # also when something unexpected escapes: never a stuck dialog
        if report is FAILED:
            error = "\n".join(errors)
            self._set_result(error, ERROR_COLOR)
            QMessageBox.warning(self, tr("Impor PM"), error)
            self._update_state()
            return
        # The file was checked again right before writing; show what that check found.
        self.report = report
        self.model.set_problems(report.problems)
        self._show_counts()
        if report.imported:
            self.imported = report.imported
            self._set_summary(tr("{total} baris data: {valid} valid, {invalid} tidak valid, {warnings} peringatan.").format(
                total=number(report.total), valid=number(len(report.valid_rows)),
                invalid=number(report.invalid_count), warnings=number(len(report.warnings))), OK_COLOR)
            text = tr("{n} PM berhasil diimpor.").format(n=number(report.imported))
            if report.skipped:
                text += " " + tr("{m} baris tidak valid dilewati (tercantum di daftar).").format(m=number(report.skipped))
            self._set_result(text, OK_COLOR)
            self.ui.closeButton.setText(tr("&Selesai"))
            self.ui.closeButton.setFocus()
        else:
            self._set_result(tr("Tidak ada yang disimpan: berkas atau data berubah sejak diperiksa. "
                                "Lihat daftar masalah."), ERROR_COLOR)
        self._update_state()

    def _set_result(self, text: str, color: str) -> None:
        self.ui.resultLabel.setText(f'<span style="color:{color}"><b>{html.escape(text)}</b></span>')

    def _set_busy(self, busy: bool, fmt: str = "") -> None:
        self._busy = busy
        bar = self.ui.progressBar
        if busy:
            bar.setFormat(fmt)
            bar.setRange(0, 0)  # busy indicator until the first count arrives
            bar.show()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
            if bar.maximum() == 0:
                bar.setRange(0, 1)
                bar.setValue(1)
        self._update_state()
        QApplication.processEvents()

    def _progress(self, done: int, total: int) -> None:
        bar = self.ui.progressBar
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        QApplication.processEvents()

    def reject(self) -> None:
        if self._busy:  # never close half-way: the transaction is still open
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)


def export_residents_interactive(actor: Actor, parent: QWidget | None = None, flt=None) -> int | None:
    """Ask for a file (and, when permitted, whether to include full NIKs), export,
    and tell the count. Returns the count, or None when cancelled or refused."""
    title = tr("Ekspor Penerima Manfaat")
    if not allowed(actor, "residents.export"):
        QMessageBox.warning(parent, title, tr("Anda tidak berhak mengekspor data Penerima Manfaat."))
        return None
    default = str(Path(_last_dir()) / f"penerima-manfaat-{dt.date.today():%Y%m%d}.xlsx")
    filters = ";;".join(tr(f) for f in EXPORT_FILTERS)
    path, chosen = QFileDialog.getSaveFileName(parent, title, default, filters)
    if not path:
        return None
    if Path(path).suffix.lower() not in (".xlsx", ".csv"):
        suffix = next((s for f, s in EXPORT_FILTERS.items() if tr(f) == chosen), ".xlsx")
        path += suffix
    _remember_dir(path)
    with_nik = False
    if allowed(actor, "residents.export_nik"):
        answer = _ask_full_nik(parent, title)
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        with_nik = answer == QMessageBox.StandardButton.Yes
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        count = service_call(parent, lambda: resident_io_export.export_residents(actor, path, with_nik=with_nik, flt=flt),
                             on_error=lambda text: _warn_idle(parent, title, text))
    finally:
        QGuiApplication.restoreOverrideCursor()
    if count is FAILED:
        return None
    kind = tr("NIK lengkap") if with_nik else tr("NIK dan No. KK disamarkan")
    QMessageBox.information(parent, title, tr("{n} PM diekspor ke {file} ({kind}).").format(n=number(count), file=path, kind=kind))
    return count


def _warn_idle(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box shown with the normal cursor (the wait cursor is for the export)."""
    QGuiApplication.restoreOverrideCursor()
    QMessageBox.warning(parent, title, text)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # restored once by the caller


def _ask_full_nik(parent: QWidget | None, title: str) -> QMessageBox.StandardButton:
    """Yes (full NIK), No (masked, the default) or Cancel, with Indonesian
    buttons: Qt ships no Indonesian translation of its own Yes/No."""
    Button = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        tr("Sertakan NIK dan No. KK lengkap dalam berkas?\n\n"
           "Tanpa itu keduanya disamarkan (contoh 3201**********01). Berkas dengan NIK lengkap berisi "
           "data pribadi (UU PDP): simpan di tempat yang aman. Setiap ekspor dicatat di jejak audit."),
        Button.Yes | Button.No | Button.Cancel,
        parent,
    )
    box.button(Button.Yes).setText(tr("NIK lengkap"))
    box.button(Button.No).setText(tr("Samarkan NIK"))
    box.button(Button.Cancel).setText(tr("Batal"))
    box.setDefaultButton(Button.No)
    box.setEscapeButton(Button.Cancel)
    return Button(box.exec())
