"""The demo's life after training: partners (the banks of seed 002), outcomes, follow-ups, consents.

Runs after the certificates step. Some planned follow-up contacts are left open, so
Beranda shows overdue ones and ones due this month.
"""

from __future__ import annotations

import datetime as dt
import random

from balai_app.db.models import Batch, Enrollment, Program, Resident
from balai_app.domain import codes
from balai_app.i18n import tr
from balai_app.services import followups, graduate_profiles, outcomes, partners, rehab_certificates
from balai_app.services.context import Actor
from balai_app.services.permissions import require

BANKS = ["Bank Mandiri", "Bank Permata", "Bank Indonesia", "BRI", "BCA", "Astra Finance"]
OTHERS = [
    ("LKS Bina Insani", "lks", "Pendampingan keluarga dan bimbingan lanjut"),
    ("LSP Contact Center Indonesia", "lsp", "Uji kompetensi skema agen contact center"),
    ("Dinas Tenaga Kerja Kab. Bogor", "instansi", "Informasi lowongan dan bursa kerja"),
]
EMPLOYERS = ["Bengkel Maju Jaya", "Konveksi Sumber Rezeki", "Percetakan Mitra Grafika", "Toko Elektronik Sinar"]
BUSINESSES = ["Usaha jahit pakaian", "Bengkel motor rumahan", "Jasa desain undangan", "Servis elektronik",
              "Warung kelontong"]
REHAB_CERTIFICATES = 3
FINDINGS = ["Sudah bekerja, kondisi sehat, hubungan dengan keluarga baik.",
            "Usaha berjalan; perlu pendampingan pemasaran.",
            "Tinggal bersama keluarga, aktif di kegiatan masyarakat.",
            "Belum bekerja; dirujuk ke bursa kerja Disnaker."]


def demo_aftercare(actor: Actor, rng: random.Random, *, today: dt.date | None = None) -> str:
    require(actor, "demo.create")  # a demo step runs only inside create_demo
    today = today or dt.date.today()
    start = today - dt.timedelta(days=400)
    banks = []
    for index, name in enumerate(BANKS):
        banks.append(partners.create_partner(actor, {
            "name": name, "kind": "perusahaan", "contact_name": rng.choice(["Ibu Rina", "Bapak Hendra", "Ibu Maya"]),
            "contact_phone": f"021-{rng.randint(5000000, 5999999)}",
            "agreement_number": f"PKS-{index + 1:02d}/BRS-HM/{start.year}", "agreement_start": start,
            "agreement_end": start + dt.timedelta(days=3 * 365),
            "agreement_scope": tr("Penempatan kerja lulusan pelatihan contact center"),
        }))
    for name, kind, scope in OTHERS:
        partners.create_partner(actor, {"name": name, "kind": kind, "agreement_scope": scope,
                                        "agreement_start": start})

    graduates = {r for (r,) in Enrollment.select(Enrollment.resident).where(Enrollment.status == "lulus").tuples()}
    program_of = dict(Enrollment.select(Enrollment.resident, Program.name)
                      .join(Batch, on=(Enrollment.batch == Batch.id))
                      .join(Program, on=(Batch.program == Program.id))
                      .where(Enrollment.status == "lulus").tuples())
    left = list(Resident.select().where(Resident.exit_date.is_null(False)
                                        & Resident.status.in_(codes.AFTERCARE_STATUSES)).order_by(Resident.id))
    people = {r.id: r for r in left}
    for resident in Resident.select().where(Resident.id.in_(list(graduates))):
        people.setdefault(resident.id, resident)

    recorded = corrected = supported = 0
    for resident in sorted(people.values(), key=lambda r: r.id):
        base = resident.exit_date or resident.entry_date
        day = min(today, base + dt.timedelta(days=rng.randint(7, 60)))
        roll = rng.random()
        program = program_of.get(resident.id, "")
        if roll < 0.40:
            partner = rng.choice(banks) if "contact" in program.lower() or rng.random() < 0.5 else None
            data = {"kind": "bekerja", "partner": partner.id if partner else None,
                    "employer": "" if partner else rng.choice(EMPLOYERS),
                    "position": tr("Agen contact center") if partner else tr("Karyawan"),
                    "wage_band": rng.choice(list(codes.WAGE_BANDS))}
        elif roll < 0.50:
            data = {"kind": "magang", "partner": rng.choice(banks).id, "start_date": day,
                    "end_date": day + dt.timedelta(days=90)}
        elif roll < 0.72:
            support = rng.random() < 0.6
            supported += support
            data = {"kind": "wirausaha", "business_kind": rng.choice(BUSINESSES), "support_received": support,
                    "support_programme": "PENA" if support else "",
                    "support_value": rng.choice([2_500_000, 5_000_000, 7_500_000]) if support else None}
        elif roll < 0.80:
            data = {"kind": "pendidikan", "employer": tr("Paket C PKBM Cibinong")}
        elif roll < 0.90:
            data = {"kind": "keluarga"}
        else:
            data = {"kind": "belum"}
        row = outcomes.add_outcome(actor, resident.id, {**data, "date": day})
        recorded += 1
        if corrected == 0 and data["kind"] == "belum":  # one correction in the history
            outcomes.add_outcome(actor, resident.id, {"kind": "keluarga", "date": day, "corrects": row.id,
                                                      "note": tr("Koreksi: PM tinggal bersama keluarga.")})
            corrected = 1
        if resident.id in graduates and rng.random() < 0.5:
            graduate_profiles.record_consent(actor, resident.id, {"date": day, "asked_by": "Rina Pekerja Sosial"})

    done = missed = 0
    for resident in left:
        for item in followups.followups_of(actor, resident.id):
            if item.status != "rencana" or item.due_date is None or item.due_date >= today.replace(day=1):
                continue  # this month's and later contacts stay open
            roll = rng.random()
            if roll < 0.7:
                contact = min(today, item.due_date + dt.timedelta(days=rng.randint(0, 12)))
                followups.record_followup(actor, resident.id, {
                    "plan_months": item.plan_months, "contact_date": contact,
                    "how": rng.choice(list(codes.FOLLOWUP_HOW)), "finding": rng.choice(FINDINGS),
                    "staff": "Rina Pekerja Sosial, S.Tr.Sos."})
                done += 1
            elif roll < 0.8 and item.plan_months is not None:
                followups.mark_missed(actor, resident.id, item.plan_months, tr("Nomor telepon tidak aktif."))
                missed += 1
    rehab = 0  # a few social-rehabilitation certificates, numbered in the order of their dates
    finished = sorted((r for r in left if r.status == "selesai"), key=lambda r: (r.exit_date, r.id))
    for resident in finished[:REHAB_CERTIFICATES]:
        issued = min(today, resident.exit_date + dt.timedelta(days=rng.randint(2, 10)))
        rehab_certificates.issue(actor, resident.id, with_services=rng.random() < 0.5, issued_on=issued)
        rehab += 1
    return tr("{p} mitra, {o} hasil setelah pelatihan ({s} wirausaha dengan bantuan), {d} kontak bimbingan lanjut "
              "({m} terlewat), {r} sertifikat rehabilitasi sosial").format(
        p=len(BANKS) + len(OTHERS), o=recorded + corrected, s=supported, d=done + missed, m=missed, r=rehab)
