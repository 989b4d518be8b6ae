"""gui/common/service_call.py: a service's refusal becomes a message where the screen wants it."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

import balai_app.domain
import balai_app.gui
import balai_app.services
from balai_app.domain.errors import BalaiError, NeedsConfirmation, PermissionDenied, StaleRecord, ValidationError
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


def test_field_errors_go_to_the_screens_own_display(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    shown, said = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a))
    result = service_call(parent, refuse(ValidationError({"nik": "NIK harus 16 digit."})),
                          on_errors=said.append, on_error=shown.append)
    assert result is FAILED
    assert said == [{"nik": "NIK harus 16 digit."}] and shown == []


def test_a_stale_record_can_be_told_apart(qtbot, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    stale, other = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: other.append(a))
    service_call(parent, refuse(StaleRecord("Data telah diubah orang lain.")), on_stale=stale.append)
    assert stale == ["Data telah diubah orang lain."] and other == []
    service_call(parent, refuse(PermissionDenied("Tidak berwenang.")), on_stale=stale.append, on_error=other.append)
    assert other == ["Tidak berwenang."]


def test_a_file_error_is_said_only_when_the_screen_expects_one(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    said = []
    missing = tmp_path / "tidak-ada" / "foto.jpg"
    assert service_call(parent, missing.read_bytes, also=(OSError,), on_error=said.append) is FAILED
    assert len(said) == 1 and said[0].startswith("Berkas atau folder tidak dapat dipakai")
    with pytest.raises(FileNotFoundError):  # not expected: the unexpected-error dialog's job
        service_call(parent, missing.read_bytes, on_error=said.append)


def test_a_database_busy_in_another_program_is_said_and_nothing_else_is_swallowed(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "balai.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    writer = sqlite3.connect(path, timeout=0)
    try:
        busy, said = [], []
        result = service_call(parent, lambda: writer.execute("INSERT INTO t VALUES (1)"),
                              on_error=said.append, on_busy=busy.append)
        assert result is FAILED and said == []
        assert len(busy) == 1 and "coba lagi" in busy[0]
        service_call(parent, lambda: writer.execute("INSERT INTO t VALUES (1)"), on_error=said.append)
        assert said == busy  # without on_busy the same sentence goes where the screen's messages go
        with pytest.raises(sqlite3.OperationalError):
            service_call(parent, lambda: writer.execute("INSERT INTO nope VALUES (1)"), on_error=said.append)
    finally:
        writer.close()
        holder.execute("ROLLBACK")
        holder.close()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_the_screens_own_question_decides_on_warnings(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    asked, calls = [], []

    def call(confirm_warnings):
        calls.append(confirm_warnings)
        if not confirm_warnings:
            raise NeedsConfirmation({"x": "Belum diasesmen."})
        return "ok"

    assert service_call(parent, call, confirm=lambda w: asked.append(w) or False) is FAILED
    assert service_call(parent, call, confirm=lambda w: asked.append(w) or True) == "ok"
    assert asked == [{"x": "Belum diasesmen."}] * 2 and calls == [False, False, True]


# --- no screen turns a service error into a message by hand -------------------------------

GUI = Path(balai_app.gui.__file__).parent
HELPER = GUI / "common" / "service_call.py"
BUSY_WAIT = GUI / "common" / "busy_wait.py"  # the helper's retry behind a busy bar
# Files still holding hand-written handlers, by the helper converting them: the count may
# only go down, and a file leaves this list once it has none.
ALLOWED: dict[str, tuple[int, str]] = {
}


def service_error_names() -> set[str]:
    """BalaiError and every subclass the program defines (ValidationError, SignInError, …)."""
    for package in (balai_app.domain, balai_app.services):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
    found, todo = {BalaiError}, [BalaiError]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return {cls.__name__ for cls in found}


def hand_written_handlers(path: Path, names: set[str]) -> list[int]:
    """Lines of ``except`` clauses catching a service error, or testing for a busy database."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.ExceptHandler):
            continue
        caught = [] if node.type is None else (node.type.elts if isinstance(node.type, ast.Tuple) else [node.type])
        caught_names = {c.id if isinstance(c, ast.Name) else getattr(c, "attr", "") for c in caught}
        busy_test = any(isinstance(n, ast.Name | ast.Attribute) and
                        (getattr(n, "id", None) or getattr(n, "attr", None)) == "is_busy_error"
                        for part in node.body for n in ast.walk(part))
        if caught_names & names or busy_test:
            lines.append(node.lineno)
    return lines


def test_the_guard_sees_a_hand_written_handler(tmp_path):
    names = service_error_names()
    assert {"BalaiError", "ValidationError", "StaleRecord", "SignInError", "PermissionDenied"} <= names
    sample = tmp_path / "page.py"
    sample.write_text(
        "try:\n    save()\nexcept errors.ValidationError as exc:\n    show(exc)\n"
        "try:\n    save()\nexcept (OSError, SignInError):\n    pass\n"
        "try:\n    save()\nexcept Exception as exc:\n    if not is_busy_error(exc):\n        raise\n"
        "try:\n    open_it()\nexcept OSError:\n    pass\n", encoding="utf-8")
    assert hand_written_handlers(sample, names) == [3, 7, 11]


def test_every_screen_calls_services_through_service_call():
    names = service_error_names()
    found = {}
    for path in sorted(GUI.rglob("*.py")):
        if path in (HELPER, BUSY_WAIT) or "forms" in path.relative_to(GUI).parts:
            continue
        lines = hand_written_handlers(path, names)
        if lines:
            found[path.relative_to(GUI).as_posix()] = lines
    new = {f: lines for f, lines in found.items() if f not in ALLOWED or len(lines) > ALLOWED[f][0]}
    assert not new, f"use gui/common/service_call.py instead of a hand-written except: {new}"
    gone = sorted(set(ALLOWED) - set(found))
    assert not gone, f"converted: remove them from ALLOWED: {gone}"
