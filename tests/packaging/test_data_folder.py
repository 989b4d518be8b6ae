"""Where the data lives: the user data folder, apart from where the installer puts the program."""

from __future__ import annotations

from pathlib import PureWindowsPath

import platformdirs
import platformdirs.windows

LOCAL = r"C:\Users\siti\AppData\Local"


def test_windows_data_folder_is_localappdata_balai(monkeypatch):
    """%LOCALAPPDATA%\\Balai, as README and installer.iss say (platformdirs would add the author)."""
    from balai_app import paths

    monkeypatch.delenv("BALAI_DATA_DIR", raising=False)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: {"CSIDL_LOCAL_APPDATA": LOCAL}[csidl])
    monkeypatch.setattr(platformdirs, "user_data_dir",
                        lambda *a, **kw: platformdirs.windows.Windows(*a, **kw).user_data_dir)
    folder = PureWindowsPath(str(paths.data_dir()).replace("/", "\\"))
    assert folder == PureWindowsPath(LOCAL) / "Balai"
    # The per-user install folder ({autopf} = %LOCALAPPDATA%\Programs) is elsewhere.
    assert not folder.is_relative_to(PureWindowsPath(LOCAL) / "Programs")


def test_data_folder_override_moves_everything(isolated_paths):
    from balai_app import paths

    assert paths.data_dir() == isolated_paths
    assert paths.database_path().parent == isolated_paths
    assert paths.log_dir().parent == isolated_paths
