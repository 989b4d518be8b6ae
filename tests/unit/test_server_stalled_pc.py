"""A PC that stops in the middle of a write does not hold the balai's write lock for hours
(issue 16): the server ends a session that sits idle inside a transaction (the program
sets ``idle_in_transaction_session_timeout`` on every connection, and TCP keepalives so a
silent client is found within about a minute). Its transaction is rolled back whole; the
other PCs' writes, which were waiting on the lock, go through.
"""

from __future__ import annotations

import contextlib

import pytest

from balai_app.db import server


@pytest.mark.postgresql_only
def test_a_pc_stalled_inside_a_write_frees_the_lock_and_leaves_nothing(db, db_path, make_resident, monkeypatch):
    from balai_app.db.models import Setting

    monkeypatch.setattr(server, "IDLE_IN_TRANSACTION_MS", 300)  # the stalled PC's session (120 s in use)
    stalled = server.connect(server.parse_url(db_path))
    raw = stalled.connection()
    settings = dict(raw.execute("SELECT name, setting FROM pg_settings WHERE name IN "
                                "('idle_in_transaction_session_timeout', 'tcp_keepalives_idle', 'lock_timeout')"))
    assert settings["idle_in_transaction_session_timeout"] == "300"
    assert settings["lock_timeout"] == str(server.DEFAULT_LOCK_TIMEOUT_MS) and settings["tcp_keepalives_idle"] == "30"
    raw.execute("BEGIN")
    raw.execute("SELECT pg_advisory_xact_lock(%s)", (server.WRITE_LOCK_KEY,))  # the balai's write lock
    raw.execute("INSERT INTO setting (key, value) VALUES ('setengah', 'tertulis')")
    # ...and the PC stops here. This PC's write waits on the lock (up to its 15 s), and goes
    # through once the server has ended the stalled session: no sleep, the lock is the event.
    made = make_resident(name="Sesudah PC Macet")
    assert made.name == "Sesudah PC Macet"
    assert Setting.get_or_none(Setting.key == "setengah") is None, "the stalled transaction was rolled back whole"
    with contextlib.suppress(Exception):  # the server has already ended that session
        stalled.close()
