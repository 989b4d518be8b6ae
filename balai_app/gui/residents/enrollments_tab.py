"""A resident's enrollments, for the resident's detail view: ``EnrollmentsTab(actor, resident_id, parent)``."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from balai_app.gui.training.training_models import RowsModel, resident_enrollment_columns
from balai_app.i18n import tr
from balai_app.services import enrollment
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


class EnrollmentsTab(QWidget):
    def __init__(self, actor: Actor, resident_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.resident_id = actor, resident_id
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.model = RowsModel(resident_enrollment_columns(),
                               lambda: enrollment.enrollments_of_resident(actor, self.resident_id), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        bar = QHBoxLayout()
        self.enroll_button = QPushButton(qta.icon("fa5s.user-plus"), tr("Daftarkan ke pelatihan…"))
        self.enroll_button.clicked.connect(self.enroll)
        self.enroll_button.setVisible(allowed(actor, "enrollment.edit"))
        bar.addWidget(self.enroll_button)
        bar.addStretch(1)
        self.close_button = QPushButton(qta.icon("fa5s.sign-out-alt"), tr("Tutup pelatihan yang masih aktif…"))
        self.close_button.clicked.connect(self.close_open)
        self.close_button.setVisible(allowed(actor, "enrollment.edit"))
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        self.refresh()

    def set_resident(self, resident_id: int) -> None:
        self.resident_id = resident_id
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        rows = self.model.rows()
        open_count = sum(1 for r in rows if r.status == "aktif")
        if not rows:
            self.summary.setText(tr("Belum pernah terdaftar di pelatihan."))
        else:
            self.summary.setText(tr("{n} keikutsertaan pelatihan, {k} masih aktif.").format(n=len(rows), k=open_count))
        self.close_button.setEnabled(open_count > 0)

    def enroll(self) -> None:
        from balai_app.gui.training.enroll_dialog import enroll_resident

        if enroll_resident(self, self.actor, self.resident_id) is not None:
            self.refresh()

    def close_open(self) -> None:
        from balai_app.gui.training.enroll_close_dialog import ask_close_open_enrollments

        ask_close_open_enrollments(self, self.actor, self.resident_id)
        self.refresh()
