"""Catat kontak bimbingan lanjut: date, how, what was found, by whom; or mark a planned contact missed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from balai_app.domain import codes
from balai_app.gui.aftercare.form_dialog import FormDialog, combo, date_edit
from balai_app.gui.common.qt_dates import from_qdate
from balai_app.i18n import tr
from balai_app.services import accounts, followups
from balai_app.services.context import Actor


class FollowUpDialog(FormDialog):
    """``plans``: the open planned contacts [(months, due date)], the one to answer first selected."""

    def __init__(self, actor: Actor, resident_id: int, resident_name: str, plans: list[followups.FollowUpItem],
                 parent: QWidget | None = None, *, plan_months: int | None = None, missed: bool = False):
        title = tr("Kontak terlewat — {name}") if missed else tr("Catat bimbingan lanjut — {name}")
        super().__init__(title.format(name=resident_name), parent)
        self.actor, self.resident_id, self.missed = actor, resident_id, missed
        items = [(p.plan_months, tr("{plan} (jatuh tempo {date})").format(
            plan=p.plan_label, date=p.due_date.strftime("%d/%m/%Y"))) for p in plans]
        if not missed:
            items.append((0, tr("Di luar rencana")))
        self.plan = self.add_row("plan_months", tr("Rencana kontak"), combo(items))
        if plan_months is not None:
            self.plan.setCurrentIndex(max(0, self.plan.findData(plan_months)))
        if missed:
            self.set_intro(tr("Tandai kontak yang direncanakan ini tidak terlaksana (mis. PM tidak dapat dihubungi)."))
            self.finding = self.add_row("finding", tr("Keterangan"), QPlainTextEdit())
        else:
            self.contact_date = self.add_row("contact_date", tr("Tanggal kontak"), date_edit())
            self.how = self.add_row("how", tr("Cara"), combo(
                [(c, codes.label(codes.FOLLOWUP_HOW, c)) for c in codes.FOLLOWUP_HOW], tr("— pilih —")))
            self.finding = self.add_row("finding", tr("Hasil/temuan"), QPlainTextEdit())
            self.staff = self.add_row("staff", tr("Petugas"), QLineEdit(
                "" if actor.is_system else accounts.display_name(actor.user_id) or actor.username))
        self.finding.setMaximumHeight(100)
        self.resize(480, 360)

    def submit(self):
        if self.missed:
            return followups.mark_missed(self.actor, self.resident_id, self.plan.currentData(),
                                         self.finding.toPlainText())
        return followups.record_followup(self.actor, self.resident_id, {
            "plan_months": self.plan.currentData(),
            "contact_date": from_qdate(self.contact_date.date()),
            "how": self.how.currentData(),
            "finding": self.finding.toPlainText(),
            "staff": self.staff.text(),
        })
