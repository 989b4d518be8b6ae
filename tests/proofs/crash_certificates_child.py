"""Child process of the certificate crash proof: reissues certificates until killed.

    python crash_certificates_child.py DB ADMIN_ID HOLDER_ID...

Each step takes the holder's valid certificate and reissues it
(``certificates.reissue``: the old one revoked and a new number allocated in
one transaction). Prints ``writing N`` before and ``committed NUMBER`` after.
"""

from __future__ import annotations

import itertools
import sys

from balai_app.db.connection import open_database
from balai_app.db.models import Certificate
from balai_app.services import certificates
from balai_app.services.context import Actor


def main(argv: list[str]) -> None:
    path, admin_id, holders = argv[0], int(argv[1]), [int(h) for h in argv[2:]]
    open_database(path)
    admin = Actor(admin_id, "admin", "admin")
    print("ready", flush=True)
    for step in itertools.count():
        holder = holders[step % len(holders)]
        current = Certificate.get((Certificate.resident == holder) & (Certificate.status == "berlaku"))
        print(f"writing {step}", flush=True)
        new = certificates.reissue(admin, current.id, "perbaikan data sertifikat")
        print(f"committed {new.number}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
