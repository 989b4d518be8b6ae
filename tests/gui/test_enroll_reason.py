"""Issue 14: the enroll dialog has the written-reason field a PM under 15 needs in an adults-only
program (las); without it the enrollment is refused beside the field, with it the reason is audited."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from balai_app.db.models import AuditEvent, Enrollment
from balai_app.services import curriculum, training

TODAY = dt.date.today()
CHILD_BIRTH = (TODAY - dt.timedelta(days=365 * 12 + 30)).strftime("%d-%m-%Y")


def _welding_batch(system):
    welding = curriculum.create_program(system, {"code": "LAS", "name": "Pengelasan", "adults_only": True},
                                        [{"title": "K3 pengelasan"}])
    return training.create_batch(system, {"program": welding.id, "name": "Las I", "capacity": 5,
                                          "start_date": TODAY - dt.timedelta(days=2),
                                          "end_date": TODAY + dt.timedelta(days=60)})


def _audited_reason() -> str:
    event = AuditEvent.get((AuditEvent.entity == "enrollment") & (AuditEvent.action == "create"))
    return json.loads(event.changes)["alasan"][1]


def test_the_enroll_dialog_asks_for_the_reason(db, gui_app, qtbot, system, make_resident, monkeypatch, tmp_path):
    from balai_app.gui.training.enroll_dialog import EnrollDialog

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    batch = _welding_batch(system)
    child = make_resident(name="Anak Dua Belas", birth_date=CHILD_BIRTH)
    dialog = EnrollDialog(system, batch.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(child.id)
    ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert Enrollment.select().count() == 0
    assert dialog.ui.reasonError.isVisible() and "15 tahun" in dialog.ui.reasonError.text()
    assert "Anak Dua Belas berumur 12 tahun" in dialog.ui.errorSummary.text()
    dialog.grab().save(str(tmp_path / "enroll-reason.png"))
    qtbot.keyClicks(dialog.ui.reason, "Rekomendasi pekerja sosial, di bawah pengawasan")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert Enrollment.select().count() == 1
    assert _audited_reason() == "Rekomendasi pekerja sosial, di bawah pengawasan"


def test_enrolling_from_the_residents_tab_asks_for_the_reason(db, gui_app, qtbot, system, make_resident,
                                                              monkeypatch):
    from balai_app.gui.residents.enrollments_tab import EnrollmentsTab

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    _welding_batch(system)
    child = make_resident(name="Anak Dua Belas", birth_date=CHILD_BIRTH)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda parent, title, label, items, *a: (items[0], True)))
    asked = []

    def reason(parent, title, label, *a, **k):
        asked.append(label)
        return "Rekomendasi pekerja sosial", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(reason))
    tab = EnrollmentsTab(system, child.id)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.enroll_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "12 tahun" in asked[0]
    assert Enrollment.select().count() == 1 and _audited_reason() == "Rekomendasi pekerja sosial"
