"""One PM at a glance: photo, data, assessments and services (ui/resident_detail.ui).

Other areas add their tabs (enrollments, certificates, ...) either by listing
them in ``EXTRA_TABS`` (built as ``Class(actor, resident_id, parent)``; an
optional ``refresh()`` is called after every change) or by calling
``ResidentDetail.add_tab(title, widget)``.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib

import qtawesome as qta
from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QToolButton,
    QWidget,
)

from balai_app.gui.common.screen_fit import fit_to_work_area, room
from balai_app.domain import codes, dates
from balai_app.domain.nik import mask
from balai_app.gui.residents.form_helpers import set_photo_preview
from balai_app.gui.residents.resident_model import RecordTableModel
from balai_app.gui.forms.ui_resident_detail import Ui_ResidentDetail
from balai_app.i18n import tr
from balai_app.services import audit, residents
from balai_app.services import residents_photo
from balai_app.services import casework
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed

# (tab title, "module:Class", permission or None) — tabs of other areas.
EXTRA_TABS: list[tuple[str, str, str | None]] = [
    ("Pelatihan", "balai_app.gui.residents.enrollments_tab:EnrollmentsTab", "training.view"),
    ("Progres pelatihan", "balai_app.gui.sessions.progress_tab:ResidentProgressTab", "sessions.view"),
    ("Setelah pelatihan", "balai_app.gui.aftercare.aftercare_tab:AftercareTab", "outcomes.view"),
]
# tab title -> qtawesome icon, for the tabs above
EXTRA_TAB_ICONS = {
    "Pelatihan": "fa5s.chalkboard-teacher", "Progres pelatihan": "fa5s.tasks", "Sertifikat": "fa5s.certificate",
    "Setelah pelatihan": "fa5s.briefcase",
}

EMPTY = "—"


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _value_label(text: str) -> QLabel:
    label = QLabel(text if text else EMPTY)
    # Only long text wraps: a wrapped label in a form row gets uneven height.
    label.setWordWrap(len(text) > 45 or "\n" in text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    if not text:
        label.setStyleSheet("color:#888;")
    return label


class ResidentDetail(QDialog):
    """``changed`` is emitted whenever something of this PM was saved from here."""

    changed = Signal()

    def __init__(self, actor: Actor, resident_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.resident_id = resident_id
        self.resident = None
        self.form_dialog = None
        self.assessment_dialog = None
        self.service_dialog = None
        self._nik_shown = False
        self.ui = Ui_ResidentDetail()
        self.ui.setupUi(self)
        self._setup()
        self._extra: list[QWidget] = []
        for title, target, permission in EXTRA_TABS:
            if permission and not allowed(actor, permission):
                continue
            module_name, class_name = target.split(":")
            widget = getattr(importlib.import_module(module_name), class_name)(actor, resident_id, self)
            index = self.add_tab(tr(title), widget)
            if title in EXTRA_TAB_ICONS:
                self.ui.tabs.setTabIcon(index, qta.icon(EXTRA_TAB_ICONS[title], color="#1f3a5f"))
        self.reload()
        fit_to_work_area(self)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """Never ask for more than the screen's work area (the tabs scroll)."""
        return super().sizeHint().boundedTo(room(self))

    # --- extension point ----------------------------------------------------
    def add_tab(self, title: str, widget: QWidget) -> int:
        """Add a tab after the built-in ones (for enrollments, certificates, ...)."""
        self._extra.append(widget)
        return self.ui.tabs.addTab(widget, title)

    # --- set-up -------------------------------------------------------------
    def _setup(self) -> None:
        ui = self.ui
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        ui.nameLabel.setFont(font)
        ui.subtitleLabel.setStyleSheet("color:#444;")
        ui.headerRow.setStretch(1, 1)
        ui.headerRow.setSpacing(14)
        ui.warningLabel.setStyleSheet(
            "QLabel{color:#7a4a00; background:#fff4e0; border:1px solid #f0d19a; border-radius:3px; padding:3px 6px;}"
        )
        ui.photoLabel.setStyleSheet("QLabel{background:#f4f6f8;}")
        ui.editButton.setIcon(qta.icon("fa5s.edit", color="#1f3a5f"))
        ui.closeButton.setIcon(qta.icon("fa5s.times", color="#444"))
        ui.addAssessmentButton.setIcon(qta.icon("fa5s.clipboard-check", color="#1f3a5f"))
        ui.addServiceButton.setIcon(qta.icon("fa5s.hands-helping", color="#1f3a5f"))
        ui.closeButton.setDefault(True)  # Enter closes; changing data is a deliberate click
        ui.editButton.setAutoDefault(False)
        ui.editButton.clicked.connect(self.edit)
        ui.closeButton.clicked.connect(self.accept)
        ui.addAssessmentButton.clicked.connect(self.add_assessment)
        ui.addServiceButton.clicked.connect(self.add_service)
        for button, permission in ((ui.editButton, "residents.edit"),
                                   (ui.addAssessmentButton, "assessments.edit"),
                                   (ui.addServiceButton, "services.edit")):
            if not allowed(self.actor, permission):
                button.setEnabled(False)
                button.setToolTip(tr("Anda tidak berhak melakukan ini."))
        ui.tabs.setTabIcon(0, qta.icon("fa5s.id-card", color="#1f3a5f"))
        ui.tabs.setTabIcon(1, qta.icon("fa5s.clipboard-list", color="#1f3a5f"))
        ui.tabs.setTabIcon(2, qta.icon("fa5s.hands-helping", color="#1f3a5f"))

        self.assessment_model = RecordTableModel([
            ("Tanggal", lambda a: dates.format_short(a.date)),
            ("Asesor", lambda a: a.assessor),
            ("Ringkasan", lambda a: a.summary),
            ("Rekomendasi layanan", lambda a: a.recommendation),
        ], self)
        self.service_model = RecordTableModel([
            ("Tanggal", lambda s: dates.format_short(s.date)),
            ("Jenis layanan", lambda s: codes.service_label(s.kind, s.subkind)),
            ("Uraian", lambda s: s.description),
            ("Petugas", lambda s: s.staff),
        ], self)
        for table, model, text in ((ui.assessmentTable, self.assessment_model, ui.assessmentText),
                                   (ui.serviceTable, self.service_model, ui.serviceText)):
            table.setModel(model)
            table.verticalHeader().hide()
            header = table.horizontalHeader()
            header.setHighlightSections(False)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            header.resizeSection(0, 90)
            header.resizeSection(1, 200)
            header.resizeSection(2, 320)
            text.setOpenLinks(False)
            table.selectionModel().currentRowChanged.connect(self._show_current)
        ui.assessmentSplitter.setSizes([220, 200])
        ui.serviceSplitter.setSizes([260, 120])

        # The data tab: four groups in two columns.
        self.data_grid = QGridLayout(ui.dataPlaceholder)
        self.data_grid.setContentsMargins(8, 8, 8, 8)
        self.data_grid.setHorizontalSpacing(12)
        self.data_grid.setVerticalSpacing(12)
        self.data_grid.setColumnStretch(0, 1)
        self.data_grid.setColumnStretch(1, 1)
        self._groups: dict[str, QFormLayout] = {}
        for position, (key, title) in enumerate((
            ("identity", "Identitas"), ("klaster", "Klaster && kondisi"),
            ("family", "Keluarga/wali"), ("status", "Status && catatan"),
        )):
            box = QGroupBox(tr(title))
            form = QFormLayout(box)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            self._groups[key] = form
            self.data_grid.addWidget(box, position // 2, position % 2, Qt.AlignmentFlag.AlignTop)
        self.data_grid.setRowStretch(2, 1)

    # --- content --------------------------------------------------------------
    def reload(self) -> None:
        """Read everything again from the database."""
        resident = residents.get_resident(self.actor, self.resident_id)
        self.resident = resident
        ui = self.ui
        self.setWindowTitle(tr("Penerima Manfaat — {name}").format(name=resident.name))
        ui.nameLabel.setText(resident.name)
        parts = [
            tr("No. {id}").format(id=resident.id),
            codes.label(codes.KLASTER, resident.klaster),
            codes.label(codes.RESIDENT_STATUS, resident.status),
            tr("masuk {date}").format(date=dates.format_long(resident.entry_date)),
        ]
        ui.subtitleLabel.setText("  ·  ".join(parts))
        set_photo_preview(ui.photoLabel, residents_photo.get_photo(self.actor, resident.id), tr("Belum ada foto"))
        self._fill_data(resident)

        assessments = casework.assessments_of(self.actor, resident.id)
        services = casework.services_of(self.actor, resident.id)
        self.assessment_model.set_records(assessments)
        self.service_model.set_records(services)
        ui.assessmentCountLabel.setText(tr("{n} asesmen").format(n=len(assessments)))
        ui.serviceCountLabel.setText(tr("{n} layanan tercatat").format(n=len(services)))
        ui.tabs.setTabText(1, tr("Asesmen ({n})").format(n=len(assessments)))
        ui.tabs.setTabText(2, tr("Layanan ({n})").format(n=len(services)))
        ui.warningLabel.setText(tr("Belum pernah diasesmen — layanan sebaiknya didasarkan pada asesmen."))
        ui.warningLabel.setVisible(not assessments)
        for table, model, text in ((ui.assessmentTable, self.assessment_model, ui.assessmentText),
                                   (ui.serviceTable, self.service_model, ui.serviceText)):
            if model.rowCount():
                table.selectionModel().setCurrentIndex(
                    model.index(0, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
            else:
                text.setHtml(f"<p style='color:#777'>{html.escape(self._empty_text(table))}</p>")
        for widget in self._extra:
            if hasattr(widget, "refresh"):
                widget.refresh()

    def _empty_text(self, table: QTableView) -> str:
        if table is self.ui.assessmentTable:
            return tr("Belum ada asesmen. Klik “Tambah asesmen…” untuk mencatat asesmen pertama.")
        return tr("Belum ada layanan yang dicatat.")

    def _fill_data(self, r) -> None:
        today = dt.date.today()
        for form in self._groups.values():
            while form.rowCount():
                form.removeRow(0)

        ident = self._groups["identity"]
        if r.nik:
            nik_row = QWidget()
            row_layout = QHBoxLayout(nik_row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            self.nik_label = _value_label(r.nik if self._nik_shown else mask(r.nik))
            self.nik_button = QToolButton()
            self.nik_button.setAutoRaise(True)
            self.nik_button.setIcon(qta.icon("fa5s.eye-slash" if self._nik_shown else "fa5s.eye", color="#555"))
            self.nik_button.setToolTip(tr("Sembunyikan NIK") if self._nik_shown else tr("Tampilkan NIK lengkap"))
            self.nik_button.clicked.connect(self._toggle_nik)
            row_layout.addWidget(self.nik_label)
            row_layout.addWidget(self.nik_button)
            row_layout.addStretch(1)
            ident.addRow(tr("NIK") + ":", nik_row)
        else:
            reason = r.nik_missing_reason or ""
            ident.addRow(tr("NIK") + ":", _value_label(tr("Tidak ada") + (f" ({reason})" if reason else "")))
        ident.addRow(tr("No. KK") + ":", _value_label(
            (r.no_kk if self._nik_shown else mask(r.no_kk)) if r.no_kk else ""))
        ident.addRow(tr("Jenis kelamin") + ":", _value_label(codes.label(codes.SEX, r.sex)))
        if r.birth_date:
            born = dates.format_long(r.birth_date)
            born += " " + tr("({n} tahun)").format(n=age_on(r.birth_date, today))
        else:
            born = tr("tidak diketahui")
        place = r.birth_place or ""
        ident.addRow(tr("Tempat, tanggal lahir") + ":", _value_label(f"{place}, {born}" if place else born))
        ident.addRow(tr("Agama") + ":", _value_label(tr(r.religion) if r.religion else ""))
        ident.addRow(tr("Pendidikan terakhir") + ":", _value_label(tr(r.education) if r.education else ""))

        kl = self._groups["klaster"]
        kl.addRow(tr("Klaster") + ":", _value_label(codes.label(codes.KLASTER, r.klaster)))
        if r.klaster == "disabilitas" or r.disabilities:
            names = [codes.label(codes.DISABILITIES, d) for d in (r.disabilities or "").split(",") if d]
            kl.addRow(tr("Jenis disabilitas") + ":", _value_label(", ".join(names)))
        kl.addRow(tr("Tanggal masuk") + ":", _value_label(dates.format_long(r.entry_date)))
        kl.addRow(tr("Sumber rujukan") + ":", _value_label(r.referral_source or ""))

        fam = self._groups["family"]
        fam.addRow(tr("Alamat") + ":", _value_label(r.address or ""))
        fam.addRow(tr("Nama keluarga/wali") + ":", _value_label(r.guardian_name or ""))
        fam.addRow(tr("Hubungan") + ":", _value_label(r.guardian_relation or ""))
        fam.addRow(tr("Telepon") + ":", _value_label(r.guardian_phone or ""))

        st = self._groups["status"]
        st.addRow(tr("Status") + ":", _value_label(codes.label(codes.RESIDENT_STATUS, r.status)))
        if r.status != "aktif":
            st.addRow(tr("Tanggal keluar") + ":", _value_label(dates.format_long(r.exit_date)))
            st.addRow(tr("Alasan keluar") + ":", _value_label(r.exit_reason or ""))
        st.addRow(tr("Catatan") + ":", _value_label(r.notes or ""))
        st.addRow(tr("Terakhir diubah") + ":", _value_label(
            dates.format_long(audit.to_local(r.updated_at).date()) if r.updated_at else ""))  # the balai's zone

    def _toggle_nik(self) -> None:
        self._nik_shown = not self._nik_shown
        self._fill_data(self.resident)

    def _show_current(self, current, _previous=None) -> None:
        ui = self.ui
        if self.sender() is ui.assessmentTable.selectionModel():
            record = self.assessment_model.record(current.row())
            if record is not None:
                ui.assessmentText.setHtml(self._assessment_html(record))
        else:
            record = self.service_model.record(current.row())
            if record is not None:
                ui.serviceText.setHtml(self._service_html(record))

    @staticmethod
    def _paragraph(text: str) -> str:
        return html.escape(text).replace("\n", "<br>") if text else f"<span style='color:#888'>{EMPTY}</span>"

    def _assessment_html(self, a) -> str:
        head = tr("Asesmen {date} oleh {who}").format(date=dates.format_long(a.date), who=a.assessor)
        rows = "".join(
            f"<tr><td style='padding:2px 12px 2px 0; color:#555' valign='top'>{html.escape(tr(label))}</td>"
            f"<td style='padding:2px 0' valign='top'>{self._paragraph(getattr(a, field))}</td></tr>"
            for field, label in casework.ASSESSMENT_LABELS.items() if field not in ("date", "assessor")
        )
        return f"<p><b>{html.escape(head)}</b></p><table>{rows}</table>"

    def _service_html(self, s) -> str:
        head = tr("{kind}, {date} — {staff}").format(
            kind=codes.service_label(s.kind, s.subkind), date=dates.format_long(s.date), staff=s.staff or EMPTY)
        return f"<p><b>{html.escape(head)}</b></p><p>{self._paragraph(s.description)}</p>"

    # --- actions --------------------------------------------------------------
    def edit(self) -> None:
        from balai_app.gui.residents.resident_form import ResidentForm

        form = ResidentForm(self.actor, self.resident_id, self)
        self.form_dialog = form
        form.finished.connect(lambda result: self._sub_closed("form_dialog", result))
        form.open()

    def add_assessment(self) -> None:
        from balai_app.gui.residents.assessment_dialog import AssessmentDialog

        dialog = AssessmentDialog(self.actor, self.resident_id, self)
        self.assessment_dialog = dialog
        dialog.finished.connect(lambda result: self._sub_closed("assessment_dialog", result, tab=1))
        dialog.open()

    def add_service(self) -> None:
        from balai_app.gui.residents.service_dialog import ServiceDialog

        dialog = ServiceDialog(self.actor, self.resident_id, self)
        self.service_dialog = dialog
        dialog.finished.connect(lambda result: self._sub_closed("service_dialog", result, tab=2))
        dialog.open()

    def _sub_closed(self, attribute: str, result: int, tab: int | None = None) -> None:
        setattr(self, attribute, None)
        if result == QDialog.DialogCode.Accepted:
            self.reload()
            if tab is not None:
                self.ui.tabs.setCurrentIndex(tab)
            self.changed.emit()
