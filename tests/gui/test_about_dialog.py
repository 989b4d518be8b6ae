"""Tentang Balai: shows the version and the data folder; reachable from the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton


def test_about_dialog_shows_version_and_data_folder(gui_app, qtbot, isolated_paths):
    from balai_app import __version__
    from balai_app.gui.common.about_dialog import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Tentang Balai"
    assert __version__ in dialog.ui.versionLabel.text()
    assert str(isolated_paths) in dialog.ui.dataFolderLabel.text()
    assert "Qt " in dialog.ui.detailsLabel.text()
    assert not dialog.ui.iconLabel.pixmap().isNull()


def test_copy_puts_version_details_on_the_clipboard(gui_app, qtbot):
    from balai_app import __version__
    from balai_app.gui.common.about_dialog import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.copyButton, Qt.MouseButton.LeftButton)
    assert f"Balai {__version__}" in QApplication.clipboard().text()


def test_main_window_has_an_about_button(gui_app, qtbot, db, system):
    from balai_app.gui.main_window import MainWindow

    window = MainWindow(system)
    qtbot.addWidget(window)
    button = window.findChild(QToolButton, "aboutButton")
    assert button is not None and button.text() == "Tentang"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.about_dialog.isVisible())
    assert window.about_dialog.ui.versionLabel.text().startswith("Versi ")
    window.about_dialog.reject()
    assert not window.windowIcon().isNull()
