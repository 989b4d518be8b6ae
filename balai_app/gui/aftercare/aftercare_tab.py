"""The PM detail's "Setelah pelatihan" tab: outcomes, aftercare follow-ups (and, where
built, the graduate profile and the social-rehabilitation certificate)."""

from __future__ import annotations

import datetime as dt

import qtawesome as qta
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balai_app.domain.dates import format_short
from balai_app.gui.training.training_models import Column, RowsModel
from balai_app.i18n import tr
from balai_app.services import followups, outcomes
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed

FOLLOWUP_COLORS = {"rencana": "#1d4ed8", "selesai": "#15803d", "terlewat": "#b91c1c"}


def _late(item) -> bool:
    """A planned contact past its due date with nothing recorded."""
    return item.status == "rencana" and item.due_date is not None and item.due_date < dt.date.today()


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setMinimumHeight(120)
    return table


class AftercareTab(QWidget):
    def __init__(self, actor: Actor, resident_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor, self.resident_id = actor, resident_id
        self.resident_name = ""
        self.dialog = None
        # Four boxes: on a 768-pixel screen the tab scrolls instead of pushing the dialog off screen.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)

        box = QGroupBox(tr("Hasil setelah pelatihan"))
        inner = QVBoxLayout(box)
        self.outcome_summary = QLabel()
        self.outcome_summary.setWordWrap(True)
        inner.addWidget(self.outcome_summary)
        self.outcome_model = RowsModel([
            Column(tr("Tanggal"), lambda o: format_short(o.date)),
            Column(tr("Hasil"), lambda o: o.summary(),
                   color=lambda o: "#888888" if o.corrected else None),
            Column(tr("Keterangan"), lambda o: (tr("dikoreksi oleh catatan yang lebih baru") if o.corrected
                                               else o.note)),
            Column(tr("Dicatat oleh"), lambda o: o.recorded_by or "—"),
        ], lambda: outcomes.list_outcomes(actor, resident_id=self.resident_id), self)
        self.outcome_table = _table(self.outcome_model)
        inner.addWidget(self.outcome_table)
        bar = QHBoxLayout()
        self.add_outcome_button = QPushButton(qta.icon("fa5s.briefcase", color="#1f3a5f"), tr("Catat hasil…"))
        self.add_outcome_button.clicked.connect(self.add_outcome)
        self.correct_button = QPushButton(qta.icon("fa5s.edit", color="#1f3a5f"), tr("Koreksi hasil terpilih…"))
        self.correct_button.clicked.connect(self.correct_outcome)
        bar.addWidget(self.add_outcome_button)
        bar.addWidget(self.correct_button)
        bar.addStretch(1)
        inner.addLayout(bar)
        layout.addWidget(box)

        box = QGroupBox(tr("Bimbingan lanjut"))
        inner = QVBoxLayout(box)
        self.followup_summary = QLabel()
        self.followup_summary.setWordWrap(True)
        inner.addWidget(self.followup_summary)
        self.followup_model = RowsModel([
            Column(tr("Rencana"), lambda f: f.plan_label),
            Column(tr("Jatuh tempo"), lambda f: format_short(f.due_date) or "—"),
            Column(tr("Status"), lambda f: tr("Terlambat") if _late(f) else f.status_label,
                   color=lambda f: "#b45309" if _late(f) else FOLLOWUP_COLORS.get(f.status)),
            Column(tr("Tanggal kontak"), lambda f: format_short(f.contact_date) or "—"),
            Column(tr("Cara"), lambda f: f.how_label or "—"),
            Column(tr("Petugas"), lambda f: f.staff or "—"),
            Column(tr("Hasil/temuan"), lambda f: f.finding),
        ], lambda: followups.followups_of(actor, self.resident_id), self)
        self.followup_table = _table(self.followup_model)
        inner.addWidget(self.followup_table)
        bar = QHBoxLayout()
        self.record_button = QPushButton(qta.icon("fa5s.phone", color="#1f3a5f"), tr("Catat kontak…"))
        self.record_button.clicked.connect(self.record_followup)
        self.missed_button = QPushButton(qta.icon("fa5s.times-circle", color="#1f3a5f"), tr("Tandai terlewat…"))
        self.missed_button.clicked.connect(self.mark_missed)
        bar.addWidget(self.record_button)
        bar.addWidget(self.missed_button)
        bar.addStretch(1)
        inner.addLayout(bar)
        layout.addWidget(box)
        self.profile_box = None
        if allowed(actor, "profiles.consent"):
            from balai_app.gui.aftercare.profile_box import ProfileBox

            self.profile_box = ProfileBox(actor, self)
            layout.addWidget(self.profile_box)
        self.rehab_box = None
        if allowed(actor, "rehab_certificates.view"):
            from balai_app.gui.aftercare.rehab_box import RehabBox

            self.rehab_box = RehabBox(actor, self)
            layout.addWidget(self.rehab_box)

        can_outcomes = allowed(actor, "outcomes.edit")
        can_followups = allowed(actor, "followups.edit")
        for button, ok in ((self.add_outcome_button, can_outcomes), (self.correct_button, can_outcomes),
                           (self.record_button, can_followups), (self.missed_button, can_followups)):
            button.setVisible(ok)
        self.outcome_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.followup_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def set_resident(self, resident_id: int) -> None:
        self.resident_id = resident_id
        self.refresh()

    # --- state --------------------------------------------------------------------
    def refresh(self) -> None:
        from balai_app.services import residents

        resident = residents.get_resident(self.actor, self.resident_id)
        self.resident_name = resident.name
        self.eligible = outcomes.eligible(resident)
        self.outcome_model.reload()
        self.followup_model.reload()
        current = outcomes.current_outcome(self.actor, self.resident_id)
        if current:
            self.outcome_summary.setText(tr("Saat ini: <b>{summary}</b> (sejak {date})").format(
                summary=current.summary().replace("<", "&lt;"), date=format_short(current.date)))
        elif self.eligible:
            self.outcome_summary.setText(tr("Belum ada hasil yang dicatat."))
        else:
            self.outcome_summary.setText(tr("Hasil dicatat setelah PM lulus dari pelatihan atau keluar dari balai."))
        plans = self.followup_model.rows()
        if not plans:
            self.followup_summary.setText(tr("Bimbingan lanjut direncanakan setelah PM keluar dari balai."))
        else:
            open_plans = [p for p in plans if p.status == "rencana"]
            self.followup_summary.setText(tr("{done} kontak dilaksanakan, {open} masih direncanakan.").format(
                done=sum(1 for p in plans if p.status == "selesai"), open=len(open_plans)))
        if self.profile_box is not None:
            self.profile_box.set_resident(self.resident_id, resident.name)
        if self.rehab_box is not None:
            self.rehab_box.set_resident(resident)
        self._update_buttons()

    def _selected_outcome(self):
        rows = self.outcome_table.selectionModel().selectedRows()
        return self.outcome_model.row_at(rows[0].row()) if rows else None

    def _selected_plan(self):
        rows = self.followup_table.selectionModel().selectedRows()
        return self.followup_model.row_at(rows[0].row()) if rows else None

    def _open_plans(self):
        return [p for p in self.followup_model.rows() if p.status == "rencana" and p.plan_months]

    def _update_buttons(self, *_args) -> None:
        chosen = self._selected_outcome()
        self.add_outcome_button.setEnabled(self.eligible)
        self.correct_button.setEnabled(chosen is not None and not chosen.corrected)
        has_plan = bool(self.followup_model.rows())
        self.record_button.setEnabled(has_plan)
        self.missed_button.setEnabled(bool(self._open_plans()))

    # --- actions ------------------------------------------------------------------
    def _run(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.open()

    def _closed(self, result: int) -> None:
        if result:
            self.refresh()
            parent = self.window()
            if hasattr(parent, "changed"):
                parent.changed.emit()

    def add_outcome(self) -> None:
        from balai_app.gui.aftercare.outcome_dialog import OutcomeDialog

        self._run(OutcomeDialog(self.actor, self.resident_id, self.resident_name, self))

    def correct_outcome(self) -> None:
        from balai_app.gui.aftercare.outcome_dialog import OutcomeDialog

        chosen = self._selected_outcome()
        if chosen is not None:
            self._run(OutcomeDialog(self.actor, self.resident_id, self.resident_name, self, corrects=chosen))

    def record_followup(self) -> None:
        from balai_app.gui.aftercare.followup_dialog import FollowUpDialog

        chosen = self._selected_plan()
        months = chosen.plan_months if chosen is not None and chosen.status == "rencana" else None
        self._run(FollowUpDialog(self.actor, self.resident_id, self.resident_name, self._open_plans(), self,
                                 plan_months=months))

    def mark_missed(self) -> None:
        from balai_app.gui.aftercare.followup_dialog import FollowUpDialog

        chosen = self._selected_plan()
        months = chosen.plan_months if chosen is not None and chosen.status == "rencana" else None
        self._run(FollowUpDialog(self.actor, self.resident_id, self.resident_name, self._open_plans(), self,
                                 plan_months=months, missed=True))
