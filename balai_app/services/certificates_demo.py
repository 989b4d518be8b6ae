"""The demo's certificates: issued to the eligible graduates of the finished demo batches
(except the newest, left for trying), numbered in date order.

Runs after the sessions step (which makes most graduates eligible). Also shows
the register's other cases: one certificate revoked and reissued, and one
issued by exception with a written reason.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from balai_app.db.models import Batch
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.context import Actor
from balai_app.services.permissions import require


DEMO_VERIFICATION_URL = "https://verifikasi.brs-demo.example/"


def demo_certificates(actor: Actor, rng: random.Random, *, today: dt.date | None = None) -> str:
    require(actor, "demo.create")  # a demo step runs only inside create_demo
    today = today or dt.date.today()
    # The demo balai has a verification address, so that its QR codes hold the URL form that a
    # phone camera opens (the published folder at that address verifies them, issue 14).
    certificates.save_settings(actor, {"bilingual": True, "verification_url": DEMO_VERIFICATION_URL})
    issued: list[Any] = []  # certificates.CertificateInfo
    refused = 0
    override_done = False
    last_on = dt.date.min
    finished = list(Batch.select().where(Batch.status == "selesai").order_by(Batch.end_date, Batch.id))
    # The newest finished batch is left without certificates, so that issuing can be tried.
    for batch in finished[:-1] if len(finished) > 1 else finished:
        # numbers follow their dates in the register: never dated before the previous batch's
        on = max(last_on, min(today, batch.end_date + dt.timedelta(days=rng.randint(3, 10))))
        last_on = on
        result = certificates.issue(actor, batch.id, issued_on=on)
        issued.extend(result.issued)
        refused += len(result.refused)
        if not override_done:
            others = [c for c in certificates.candidates(actor, batch.id) if not c.eligible and not c.certificate
                      and c.attendance_rate is not None and c.attendance_rate >= 0.5]
            if others:
                extra = certificates.issue(actor, batch.id, [others[0].resident_id], issued_on=on, override_reason=tr(
                    "Penilaian unit dilakukan ulang oleh LSP mitra; berita acara terlampir."))
                issued.extend(extra.issued)
                refused -= len(extra.issued)
                override_done = True
    revoked = 0
    if len(issued) >= 2:
        old = issued[1]
        certificates.reissue(actor, old.id, tr("Penulisan tempat lahir salah."),
                             issued_on=today)
        revoked = 1
    return tr("{n} sertifikat demo diterbitkan ({r} dicabut dan diterbitkan ulang); {m} peserta belum memenuhi "
              "syarat").format(n=len(issued) + revoked, r=revoked, m=refused)
