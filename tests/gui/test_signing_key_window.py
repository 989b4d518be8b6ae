"""Issue 14: the window makes the balai's signing key pair when it first shows (after its
integrity check), not at the first certificate; it opens a database without writing."""

from __future__ import annotations


def test_the_window_start_makes_the_key_pair(gui_app, tmp_path, isolated_paths, qtbot, system):
    from balai_app.db import connection
    from balai_app.gui.app import GuiSession
    from balai_app.services import signing_keys
    from balai_app.services.database import close_database, open_database

    fresh = tmp_path / "kosong.sqlite"
    connection.open_database(fresh)  # made by the schema alone, as before signing
    close_database()
    open_database(fresh, migrate=False)  # as the window opens before its check: nothing written
    assert signing_keys.current() is None and not (isolated_paths / "keys").exists()
    session = GuiSession(gui_app)
    try:
        session.show_window(system)
        assert signing_keys.current() is not None
        assert len(list((isolated_paths / "keys").glob("*.pem"))) == 1
    finally:
        if session.window is not None:
            session.window.close()
        close_database()
