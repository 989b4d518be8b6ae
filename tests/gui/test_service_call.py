"""gui/common/service_call.py: a service's refusal becomes a message where the screen wants it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from balai_app.domain.errors import NeedsConfirmation, StaleRecord, ValidationError
from balai_app.gui.common.service_call import FAILED, service_call


def refuse(exc):
    def call(*_args):
        raise exc
    return call


def test_the_result_comes_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    assert service_call(parent, lambda: 42) == 42
    assert service_call(parent, lambda: None) is None  # a service returning nothing is no failure


def test_a_refusal_goes_to_a_warning_box_titled_by_the_screen(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, title, text: shown.append((title, text)))
    result = service_call(parent, refuse(StaleRecord("Data telah diubah orang lain.")), title="Laporan")
    assert result is FAILED and not result
    assert shown == [("Laporan", "Data telah diubah orang lain.")]


def test_field_errors_land_beside_their_fields(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    name, summary = QLabel(parent), QLabel(parent)
    errors = {"name": "Nama wajib diisi.", "other": "Lainnya salah."}
    assert service_call(parent, refuse(ValidationError(errors)), labels={"name": name}, summary=summary) is FAILED
    assert name.text() == "Nama wajib diisi." and summary.text() == "Lainnya salah."


def test_on_error_receives_the_message(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    said = []
    service_call(parent, refuse(ValidationError({"a": "Satu.", "b": "Dua."})), on_error=said.append)
    assert said == ["Satu.\nDua."]


def test_warnings_are_confirmed_before_the_second_call(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    calls = []

    def call(confirm_warnings):
        calls.append(confirm_warnings)
        if not confirm_warnings:
            raise NeedsConfirmation({"x": "Belum diasesmen."})
        return "ok"

    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    assert service_call(parent, call, confirm=True) is FAILED  # declined
    assert service_call(parent, call, confirm=True) == "ok"
    assert calls == [False, False, True]
