"""The demo's certificates: issued to the eligible graduates of the finished demo batches.

Runs after the sessions step (which makes most graduates eligible). Also shows
the register's other cases: one certificate revoked and reissued, and one
issued by exception with a written reason.
"""

from __future__ import annotations

import datetime as dt
import random

from balai_app.db.models import Batch
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.context import Actor
from balai_app.services.permissions import require


WAITING = 3  # eligible graduates the demo leaves without a certificate


def demo_certificates(actor: Actor, rng: random.Random, *, today: dt.date | None = None) -> str:
    require(actor, "demo.create")  # a demo step runs only inside create_demo
    today = today or dt.date.today()
    certificates.save_settings(actor, {"bilingual": True})
    issued, refused = [], 0
    override_done = False
    # Numbers follow dates: the batches are certified in the order of their issue dates.
    finished = [(min(today, batch.end_date + dt.timedelta(days=rng.randint(3, 10))), batch.id)
                for batch in Batch.select().where(Batch.status == "selesai").order_by(Batch.end_date, Batch.id)]
    finished.sort()
    left_waiting = 0
    for number, (on, batch_id) in enumerate(finished):
        batch = Batch.get_by_id(batch_id)
        wanted = None
        if number == len(finished) - 1:
            # The newest batch keeps a few eligible graduates without a certificate, so that a
            # visitor can try "Terbitkan" on a real case.
            eligible = [c.resident_id for c in certificates.candidates(actor, batch.id)
                        if c.eligible and not c.certificate]
            left_waiting = min(WAITING, max(0, len(eligible) - 1))
            wanted = eligible[:len(eligible) - left_waiting]
        if wanted == []:
            continue
        result = certificates.issue(actor, batch.id, wanted, issued_on=on)
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
        # Reissued last, so dated on or after every other certificate: its number follows too.
        latest = max(finished)[0] if finished else today
        certificates.reissue(actor, old.id, tr("Penulisan tempat lahir salah."),
                             issued_on=min(today, latest + dt.timedelta(days=3)))
        revoked = 1
    return tr("{n} sertifikat demo diterbitkan ({r} dicabut dan diterbitkan ulang); {m} peserta belum memenuhi "
              "syarat; {w} peserta layak menunggu penerbitan").format(
        n=len(issued) + revoked, r=revoked, m=refused, w=left_waiting)
