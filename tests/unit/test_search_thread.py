"""The register's worker thread keeps its connection between jobs, closes it and ends when
idle or released or stopped, and runs jobs in order."""

from __future__ import annotations

import threading

import pytest

from balai_app.db.models import database
from balai_app.gui.common.search_thread import SearchThread
from balai_app.services import residents
from balai_app.services.residents import ResidentFilter


def on_worker(worker: SearchThread, job):
    result: list = []
    done = threading.Event()

    def run() -> None:
        result.append(job())
        done.set()

    worker.submit(run)
    assert done.wait(30)
    return result[0]


def connection_open() -> bool:
    return not database.obj.is_closed()


def test_jobs_run_in_order_on_one_thread_that_keeps_its_connection(db, system, make_resident):
    make_resident(name="Siti Aminah")
    worker = SearchThread("t", idle_s=60)
    try:
        seen: list[tuple[int, str]] = []
        for text in ("s", "si", "sit"):
            worker.submit(lambda text=text: seen.append(
                (threading.get_ident(), residents.list_residents(system, ResidentFilter(text=text))[0].name)))
        assert on_worker(worker, connection_open), "the connection was closed after the searches"
        assert [name for _t, name in seen] == ["Siti Aminah"] * 3
        assert len({thread for thread, _n in seen}) == 1
        worker.release()
        assert not on_worker(worker, connection_open)
    finally:
        worker.stop()
    assert not worker.running()


def test_the_connection_to_a_database_opened_before_a_switch_is_closed_too(db, db_path, system, tmp_path):
    """After a sign-out the program may open the database again (a new database object):
    the thread closes its connection to the one it used before as well."""
    from balai_app.db.connection import open_database

    worker = SearchThread("t", idle_s=60)
    try:
        old = on_worker(worker, lambda: (residents.count_residents(system), database.obj)[1])
        assert on_worker(worker, lambda: not old.is_closed())
        open_database(db_path)  # the program's next database object
        assert database.obj is not old
        on_worker(worker, lambda: residents.count_residents(system))
        worker.release()
        assert on_worker(worker, lambda: old.is_closed()), "the old connection was left open"
    finally:
        worker.stop()


def test_an_idle_thread_closes_its_connection_and_ends_and_the_next_job_starts_another(db, system, monkeypatch):
    from balai_app.services import connections

    closed_on: list[threading.Thread] = []
    real_close = connections.close_thread_connection

    def recording_close(db=None) -> None:
        closed_on.append(threading.current_thread())
        real_close(db)

    monkeypatch.setattr(connections, "close_thread_connection", recording_close)
    worker = SearchThread("t", idle_s=0.05)
    try:
        first = on_worker(worker, lambda: (residents.count_residents(system), threading.current_thread())[1])
        first.join(30)  # it ends after its idle time (an event: the thread's end, not a sleep)
        assert not first.is_alive() and not worker.running()
        assert closed_on == [first], "the idle thread ended without closing its connection"
        assert not on_worker(worker, connection_open)  # a new thread, no connection carried over
    finally:
        worker.stop()


def test_a_stopped_worker_takes_no_more_jobs(db):
    worker = SearchThread("t", idle_s=60)
    on_worker(worker, lambda: None)
    worker.stop()
    assert not worker.running()
    with pytest.raises(RuntimeError):
        worker.submit(lambda: None)
    worker.release()  # nothing to close: returns at once


def test_a_failing_job_leaves_the_thread_serving_the_next_ones(db, system, caplog):
    worker = SearchThread("t", idle_s=60)
    try:
        def failing() -> None:
            raise RuntimeError("a search went wrong")

        worker.submit(failing)
        assert on_worker(worker, lambda: residents.count_residents(system)) == 0
        worker.release()  # returns: the thread still serves (it waited forever before)
        assert not on_worker(worker, connection_open)
        assert "a search went wrong" in caplog.text
    finally:
        worker.stop()
    assert not worker.running()


def test_a_database_switched_during_a_job_has_its_connection_closed(db, db_path, system):
    """The database a job opened its connection on is noted before the job runs, not only
    after it (a sign-out may open another database while the job is running)."""
    from balai_app.db.connection import open_database

    worker = SearchThread("t", idle_s=60)
    try:
        def search_then_switch():
            residents.count_residents(system)  # a connection to the database of now
            old = database.obj
            open_database(db_path)  # meanwhile, the program opened another database object
            return old

        old = on_worker(worker, search_then_switch)
        assert database.obj is not old
        assert on_worker(worker, lambda: not old.is_closed())
        worker.release()
        assert on_worker(worker, lambda: old.is_closed()), "the old database's connection was left open"
    finally:
        worker.stop()


def test_release_waits_for_an_idle_thread_still_closing(db, system, monkeypatch):
    """A thread going idle closes its connection before it counts as ended, so a release()
    (a restore about to replace the file) never returns while the connection is open."""
    from balai_app.services import connections

    closing, go = threading.Event(), threading.Event()
    real_close = connections.close_thread_connection

    def slow_close(db=None) -> None:
        if threading.current_thread().name == "t" and not go.is_set():
            closing.set()
            assert go.wait(60)
        real_close(db)

    monkeypatch.setattr(connections, "close_thread_connection", slow_close)
    worker = SearchThread("t", idle_s=0.05)
    try:
        first = on_worker(worker, lambda: (residents.count_residents(system), threading.current_thread())[1])
        assert closing.wait(60)  # the thread went idle and is closing its connection
        released = threading.Event()
        releaser = threading.Thread(target=lambda: (worker.release(), released.set()))
        releaser.start()
        # release() cannot return while the close is held (it returned at once before)
        assert not released.wait(0.2)
        go.set()
        releaser.join(60)
        assert released.is_set()
        first.join(60)
        assert not first.is_alive()
    finally:
        go.set()
        worker.stop()
