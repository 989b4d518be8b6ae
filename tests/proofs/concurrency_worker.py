"""Worker of the concurrency proof: hundreds of mixed writes through the services.

    python concurrency_worker.py DB WORKER_NO OPS GO_FILE ADMIN_ID OWN_RESIDENT SHARED_RESIDENT STOP_FILE

Waits for GO_FILE so that both workers start together, then runs OPS
operations in a seeded random mix: register a PM (own NIK range), edit one of the shared PMs
(optimistic locking: re-read and retry on StaleRecord), add an assessment,
add a service, reissue a certificate (a new number inside the write
transaction; the old one revoked in the same step) of this worker's own
participant or of the participant both workers reissue. Before that, both
race to register the same 20 NIKs. After the OPS operations it keeps editing the shared PMs
until STOP_FILE exists (the parent creates it once the command line is done), so that the
command line always runs while both workers write, however fast or slow the machine. Prints one JSON line: what succeeded, and every exception
that reached the caller (there must be none but the expected refusals).
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import time
import traceback
from pathlib import Path

from balai_app.db.connection import is_busy_error, open_database
from balai_app.db.models import Certificate
from balai_app.domain.errors import BalaiError, StaleRecord, ValidationError
from balai_app.services import certificates, residents
from balai_app.services import casework
from balai_app.services.context import SYSTEM, Actor

SHARED = 10  # residents 1..10 are created by the parent and edited by both workers
CONTESTED = 20  # NIK serials 9001..9020 are registered by both workers
BUSY_TRIES = 50  # a write refused as busy (the lock stayed taken past the wait) is tried again


def until_not_busy(operation, done: dict, errors: list[str], what: str) -> None:
    """Run ``operation``; a refusal as busy (the write lock stayed taken past the wait on a
    loaded PC) has written nothing, so the same operation is tried again."""
    for _busy in range(BUSY_TRIES):
        try:
            operation()
            return
        except Exception as exc:  # noqa: BLE001 (only "database is locked" is tried again)
            if not is_busy_error(exc):
                raise
            done["busy_retries"] += 1
    errors.append(f"{what}: busy {BUSY_TRIES} times")


def nik(serial: int) -> str:
    return f"320101150110{serial:04d}"


def main(argv: list[str]) -> None:
    path, worker, ops, go = argv[0], int(argv[1]), int(argv[2]), Path(argv[3])
    admin = Actor(int(argv[4]), "admin", "admin")
    own_holder, shared_holder = int(argv[5]), int(argv[6])
    stop = Path(argv[7])
    open_database(path)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    started = time.time()
    rng = random.Random(worker)
    done = {"create": [], "contested_won": [], "contested_refused": [], "update": 0, "stale_retries": 0,
            "assessment": 0, "service": 0, "certificates": [], "reissue_refused": 0, "busy_retries": 0}
    errors: list[str] = []
    own = []
    # First both workers race for the same NIKs, in the same order, at the same moment.
    for serial in range(9001, 9001 + CONTESTED):
        try:
            def contest(serial=serial):
                try:
                    residents.create_resident(SYSTEM, {
                        "name": f"Rebutan {serial} oleh {worker}", "sex": "L", "klaster": "anak", "nik": nik(serial),
                        "birth_date": "15-01-2010", "entry_date": "2026-01-05"}, confirm_warnings=True)
                    done["contested_won"].append(serial)
                except ValidationError as exc:
                    assert "nik" in exc.errors, exc.errors
                    done["contested_refused"].append(serial)

            until_not_busy(contest, done, errors, f"contested {serial}")
        except Exception as exc:  # noqa: BLE001 (recorded, then judged by the parent)
            errors.append(f"contested: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
    for i in itertools.count():
        if i >= ops and stop.exists():
            break
        kind = rng.choice(["create", "create", "update", "update", "assessment", "service", "certificate", "certificate"])
        if i >= ops:
            kind = "update"  # until the parent says stop: writes that use up no NIK
        if kind in ("assessment", "service") and not own:
            kind = "create"
        try:
            def operation(kind=kind, i=i):
                if kind == "create":
                    serial = worker * 1000 + len(own) + 1
                    r = residents.create_resident(SYSTEM, {
                        "name": f"Pekerja {worker} PM {i}", "sex": "L", "klaster": "anak", "nik": nik(serial),
                        "birth_date": "15-01-2010", "entry_date": "2026-01-05"}, confirm_warnings=True)
                    own.append(r.id)
                    done["create"].append(r.id)
                elif kind == "update":
                    target = rng.randint(1, SHARED)
                    for _attempt in range(200):
                        current = residents.get_resident(SYSTEM, target)
                        try:
                            residents.update_resident(SYSTEM, target, {"notes": f"{current.notes} w{worker}.{i}".strip()[-4000:]},
                                                      expected_version=current.version)
                            done["update"] += 1
                            break
                        except StaleRecord:
                            done["stale_retries"] += 1
                    else:
                        errors.append("update never succeeded after 200 retries")
                elif kind == "certificate":
                    holder = own_holder if rng.random() < 0.5 else shared_holder
                    for _attempt in range(200):
                        current = Certificate.get((Certificate.resident == holder) & (Certificate.status == "berlaku"))
                        try:
                            new = certificates.reissue(admin, current.id, f"perbaikan oleh pekerja {worker}")
                            done["certificates"].append([new.year, new.sequence, new.number])
                            break
                        except BalaiError as exc:  # the other worker replaced it first: read again
                            assert "sudah pernah diganti" in exc.message or "sudah dicabut" in exc.message, exc.message
                            done["reissue_refused"] += 1
                    else:
                        errors.append("reissue never succeeded after 200 retries")
                elif kind == "assessment":
                    casework.add_assessment(SYSTEM, rng.choice(own), {
                        "date": "2026-01-06", "assessor": f"Pekerja {worker}", "summary": f"asesmen {i}"})
                    done["assessment"] += 1
                else:
                    casework.add_service(SYSTEM, rng.choice(own), {
                        "date": "2026-01-07", "kind": "terapi", "description": f"layanan {i}"},
                        confirm_warnings=True)
                    done["service"] += 1

            until_not_busy(operation, done, errors, kind)
        except Exception as exc:  # noqa: BLE001 (everything reaching the caller is recorded, then judged by the parent)
            errors.append(f"{kind}: {type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
    print(json.dumps({"worker": worker, "done": done, "errors": errors, "span": [started, time.time()]}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
