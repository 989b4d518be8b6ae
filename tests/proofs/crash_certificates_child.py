"""Child process of the certificate crash proof: ``certificates issue --batch`` through the real CLI.

    python crash_certificates_child.py DB USER MODE BATCH_ID...

For each batch it runs ``balai-app --db DB --user USER certificates issue --batch ID``
(``balai_app.cli.main``, in this process) and prints ``committed ID`` when it returns;
the CLI itself prints each number issued. Inside the issuing transaction, after each
certificate's audit event, it prints ``in-transaction ID N``. In MODE ``pause`` it then
waits (for a line on stdin that never comes) at the second certificate of the second
batch, so that the parent's kill certainly lands inside the open transaction. Prints
``starting`` before anything is opened.
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> None:
    db, user, mode, batches = argv[0], argv[1], argv[2], argv[3:]
    print("starting", flush=True)
    from balai_app.cli import main as cli_main
    from balai_app.db.models import database
    from balai_app.services import audit

    real_record = audit.record
    state = {"batch": None, "count": 0}

    def record(actor, action, *args, **kwargs):
        result = real_record(actor, action, *args, **kwargs)
        if action == "issue" and database.obj.in_transaction():
            state["count"] += 1
            print(f"in-transaction {state['batch']} {state['count']}", flush=True)
            if mode == "pause" and state["batch"] == batches[1] and state["count"] == 2:
                sys.stdin.readline()  # wait to be killed inside the transaction
        return result

    audit.record = record
    for batch in batches:
        state["batch"], state["count"] = batch, 0
        code = cli_main(["--db", db, "--user", user, "certificates", "issue", "--batch", batch])
        assert code == 0, code
        print(f"committed {batch}", flush=True)
    print("done", flush=True)
    sys.stdin.readline()  # stay alive until killed, as a running program would


if __name__ == "__main__":
    main(sys.argv[1:])
