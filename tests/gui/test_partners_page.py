"""Mitra: the partner register on screen: add, find, edit, end a cooperation."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from balai_app.db.models import AuditEvent, Partner
from balai_app.gui.aftercare.partners_page import PartnersPage
from balai_app.services.context import Actor


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_add_find_and_end_a_partner(gui_app, db, qtbot, tmp_path):
    page = PartnersPage(Actor(None, "staf", "staf"))
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    page.refresh()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    save(qtbot, dialog)
    assert dialog.message_of("name") == "Nama mitra wajib diisi." and dialog.message_of("kind")
    qtbot.keyClicks(dialog.name, "Bank Rakyat Indonesia")
    dialog.kind.setCurrentIndex(dialog.kind.findData("perusahaan"))
    qtbot.keyClicks(dialog.contact_phone, "telepon")
    dialog.has_dates.setChecked(True)
    dialog.agreement_end.setDate(dialog.agreement_start.date().addDays(-1))
    save(qtbot, dialog)
    assert "Telepon narahubung" in dialog.message_of("contact_phone")
    assert "sebelum tanggal mulainya" in dialog.message_of("agreement_end")
    assert Partner.select().count() == 0
    dialog.contact_phone.setText("021-5755555")
    dialog.agreement_end.setDate(dialog.agreement_start.date().addYears(2))
    qtbot.keyClicks(dialog.agreement_number, "PKS-12/2026")
    save(qtbot, dialog)
    assert not dialog.isVisible() and page.model.rowCount() == 1
    assert page.model.index(0, 4).data().startswith("PKS-12/2026 s.d.")
    if os.environ.get("BALAI_SHOTS"):
        qtbot.wait(50)
        page.grab().save(str(tmp_path / "partners.png"))
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    edit = page.dialog
    assert edit.name.text() == "Bank Rakyat Indonesia" and edit.has_dates.isChecked()
    edit.active.setChecked(False)
    save(qtbot, edit)
    assert page.model.index(0, 5).data() == "Berakhir"
    page.ended.setChecked(False)
    assert page.model.rowCount() == 0
    page.ended.setChecked(True)
    page.search.setText("rakyat")
    assert page.model.rowCount() == 1
    page.search.setText("mandiri")
    assert page.model.rowCount() == 0
    assert [e.action for e in AuditEvent.select().where(AuditEvent.entity == "partner").order_by(AuditEvent.id)] == [
        "create", "update"]


def test_instruktur_has_no_partner_section():
    from balai_app.gui.sections import SECTIONS
    from balai_app.services.permissions import allowed

    section = next(s for s in SECTIONS if s.key == "partners")
    assert not allowed(Actor(None, "guru", "instruktur"), section.permission)
    assert allowed(Actor(None, "staf", "staf"), section.permission)
