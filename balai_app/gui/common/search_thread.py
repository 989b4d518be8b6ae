"""One worker thread that keeps its database connection while it is kept busy.

Opening a connection costs more than a search of the register (the pragmas, the
schema, a cold page cache; on a server, a login). A thread of Qt's pool cannot
keep one: PySide gives it a fresh Python thread state for every task, and the
connection in peewee's thread-local state goes with the old one. This is a
Python thread: its connection lasts from one job to the next. When no job has
come for ``idle_s`` seconds it closes the connection and ends (the next job
starts it again), so an idle window holds no database file open; ``release()``
closes it at once (a restore is about to replace the file), ``stop()`` for good.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable

from balai_app.services import connections

Job = Callable[[], None]
log = logging.getLogger(__name__)


class SearchThread:
    def __init__(self, name: str, idle_s: float):
        self.name = name
        self.idle_s = idle_s
        self._jobs: deque[Job] = deque()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None  # running, or None
        self._stopped = False
        self._used = threading.local()  # on the thread: the database objects its jobs used

    def submit(self, job: Job) -> None:
        """Run ``job`` on the thread after the jobs before it; returns at once."""
        with self._changed:
            if self._stopped:
                raise RuntimeError(f"{self.name} is stopped")
            self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name=self.name, daemon=True)
                self._thread.start()
            self._changed.notify()

    def release(self) -> None:
        """Close the thread's connection now (after the jobs before it); returns when closed."""
        self._run_and_wait(self._close_connections)

    def stop(self) -> None:
        """Drop the jobs not started, let a running one finish, close the connection, end."""
        with self._changed:
            self._stopped = True
            self._jobs.clear()
            thread = self._thread
            self._changed.notify()
        if thread is not None:
            thread.join()

    def running(self) -> bool:
        with self._changed:
            return self._thread is not None

    def _run_and_wait(self, job: Job) -> None:
        with self._changed:
            if self._thread is None or self._stopped:
                return  # no thread: no connection
        done = threading.Event()

        def run() -> None:
            try:
                job()
            finally:
                done.set()

        self.submit(run)
        done.wait()

    def _serve(self) -> None:
        self._used.databases = set()
        while True:
            with self._changed:
                if not self._jobs and not self._stopped:
                    self._changed.wait(self.idle_s)
                job = self._jobs.popleft() if self._jobs and not self._stopped else None
            if job is None:
                # Idle or stopped: close first, and only then say there is no thread, so that a
                # release() or stop() finding none can rely on the connection being closed.
                self._close_connections()
                with self._changed:
                    if self._jobs and not self._stopped:
                        continue  # a job came while closing: this thread serves it
                    self._thread = None  # the next submit starts a new thread
                    return
            # The database before the job too: the program may switch to another during it.
            self._note_database()
            try:
                job()
            except Exception:  # noqa: BLE001 - one failed job must not leave the next ones unserved
                log.exception("%s: a job failed", self.name)
            self._note_database()

    def _note_database(self) -> None:
        db = connections.current_database()
        if db is not None:
            self._used.databases.add(db)

    def _close_connections(self) -> None:
        """On the thread: close its connection to every database it used (the program may
        have opened another one since, after a sign-out)."""
        for db in self._used.databases:
            try:
                connections.close_thread_connection(db)
            except Exception:  # noqa: BLE001 - e.g. a transaction left open; the others still close
                log.exception("%s: could not close a connection", self.name)
        self._used.databases.clear()
