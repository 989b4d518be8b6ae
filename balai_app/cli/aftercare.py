"""``partners add|list``, ``outcomes add|list``, ``followups due|record|missed`` (issue 15)."""

from __future__ import annotations

import argparse

from balai_app.cli import UsageError
from balai_app.cli.common import actor, open_db
from balai_app.domain import codes
from balai_app.domain.dates import format_short, parse_date
from balai_app.services import followups, outcomes, partners, residents
from balai_app.domain.numbers import number


def register(subparsers) -> None:
    parser = subparsers.add_parser("partners", help="mitra (perusahaan, LKS, LSP, instansi)")
    sub = parser.add_subparsers(dest="partners_command", metavar="<aksi>", required=True)
    p = sub.add_parser("add", help="daftarkan mitra; mencetak nomornya")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, choices=list(codes.PARTNER_KINDS))
    p.add_argument("--contact", metavar="NAMA", help="narahubung")
    p.add_argument("--phone", metavar="NOMOR", help="telepon narahubung")
    p.add_argument("--address")
    p.add_argument("--agreement", metavar="NOMOR", help="nomor perjanjian kerja sama")
    p.add_argument("--agreement-start", metavar="TANGGAL")
    p.add_argument("--agreement-end", metavar="TANGGAL")
    p.add_argument("--scope", help="ruang lingkup kerja sama")
    p.set_defaults(func=cmd_partners_add)
    p = sub.add_parser("list", help="daftar mitra")
    p.add_argument("--active", action="store_true", help="hanya mitra yang kerja samanya aktif")
    p.set_defaults(func=cmd_partners_list)

    parser = subparsers.add_parser("outcomes", help="hasil setelah pelatihan (bekerja, magang, wirausaha, ...)")
    sub = parser.add_subparsers(dest="outcomes_command", metavar="<aksi>", required=True)
    p = sub.add_parser("add", help="catat hasil seorang PM; mencetak nomornya")
    p.add_argument("--resident", metavar="NIK_ATAU_NO", required=True)
    p.add_argument("--kind", required=True, choices=list(codes.OUTCOME_KINDS))
    p.add_argument("--partner", metavar="ID", help="nomor mitra (lihat 'partners list')")
    p.add_argument("--date", metavar="TANGGAL", help="tanggal hasil (bawaan: hari ini)")
    p.add_argument("--employer", metavar="NAMA", help="tempat kerja/sekolah bila bukan mitra")
    p.add_argument("--position", metavar="JABATAN")
    p.add_argument("--start", metavar="TANGGAL", help="mulai bekerja/magang (bawaan: --date)")
    p.add_argument("--end", metavar="TANGGAL", help="akhir magang")
    p.add_argument("--wage", choices=list(codes.WAGE_BANDS), help="kisaran upah (bekerja)")
    p.add_argument("--business", metavar="JENIS", help="jenis usaha (wirausaha)")
    p.add_argument("--support-programme", metavar="PROGRAM", help="bantuan modal/alat dari program ini, mis. PENA")
    p.add_argument("--support-value", metavar="RUPIAH", help="nilai bantuan")
    p.add_argument("--note")
    p.add_argument("--corrects", metavar="ID", help="hasil yang dikoreksi oleh catatan ini")
    p.set_defaults(func=cmd_outcomes_add)
    p = sub.add_parser("list", help="daftar hasil (terbaru dahulu)")
    p.add_argument("--resident", metavar="NIK_ATAU_NO")
    p.add_argument("--current", action="store_true", help="tanpa hasil yang sudah dikoreksi")
    p.set_defaults(func=cmd_outcomes_list)

    parser = subparsers.add_parser("followups", help="bimbingan lanjut setelah PM keluar")
    sub = parser.add_subparsers(dest="followups_command", metavar="<aksi>", required=True)
    p = sub.add_parser("due", help="kontak yang jatuh tempo bulan ini dan yang terlambat")
    p.set_defaults(func=cmd_followups_due)
    p = sub.add_parser("record", help="catat kontak bimbingan lanjut yang dilaksanakan")
    p.add_argument("--resident", metavar="NIK_ATAU_NO", required=True)
    p.add_argument("--date", metavar="TANGGAL", required=True)
    p.add_argument("--how", required=True, choices=list(codes.FOLLOWUP_HOW))
    p.add_argument("--note", metavar="TEKS", required=True, help="apa yang ditemukan")
    p.add_argument("--plan", metavar="BULAN", help="rencana yang dijawab (mis. 6); bawaan: yang terdekat")
    p.add_argument("--staff", metavar="NAMA", help="petugas (bawaan: pengguna)")
    p.set_defaults(func=cmd_followups_record)
    p = sub.add_parser("missed", help="tandai kontak yang direncanakan tidak terlaksana")
    p.add_argument("--resident", metavar="NIK_ATAU_NO", required=True)
    p.add_argument("--plan", metavar="BULAN", required=True)
    p.add_argument("--note", metavar="TEKS", default="")
    p.set_defaults(func=cmd_followups_missed)


def _date(value: str | None, option: str):
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def cmd_partners_add(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    row = partners.create_partner(who, {
        "name": args.name, "kind": args.kind, "contact_name": args.contact, "contact_phone": args.phone,
        "address": args.address, "agreement_number": args.agreement,
        "agreement_start": _date(args.agreement_start, "--agreement-start"),
        "agreement_end": _date(args.agreement_end, "--agreement-end"), "agreement_scope": args.scope,
    })
    print(row.id)
    return 0


def cmd_partners_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    rows = partners.list_partners(who, include_ended=not args.active)
    for r in rows:
        agreement = r.agreement_number or "-"
        if r.agreement_end:
            agreement += f" s.d. {format_short(r.agreement_end)}"
        print(f"{r.id}\t{r.name}\t{r.kind_label}\t{'aktif' if r.active else 'berakhir'}\t{r.contact_name or '-'}"
              f"\t{r.contact_phone or '-'}\t{agreement}\t{r.placements} penempatan")
    print(f"{number(len(rows))} mitra")
    return 0


def cmd_outcomes_add(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident = residents.find_resident(who, args.resident)
    row = outcomes.add_outcome(who, resident.id, {
        "kind": args.kind, "partner": args.partner, "date": _date(args.date, "--date"), "employer": args.employer,
        "position": args.position, "start_date": _date(args.start, "--start"), "end_date": _date(args.end, "--end"),
        "wage_band": args.wage, "business_kind": args.business, "support_received": bool(args.support_programme),
        "support_programme": args.support_programme, "support_value": args.support_value, "note": args.note,
        "corrects": args.corrects,
    })
    print(row.id)
    return 0


def cmd_outcomes_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident_id = residents.find_resident(who, args.resident).id if args.resident else None
    rows = outcomes.list_outcomes(who, resident_id=resident_id, include_corrected=not args.current)
    for r in rows:
        flag = "\t(dikoreksi)" if r.corrected else ""
        print(f"{r.id}\t{format_short(r.date)}\t{r.resident_name} (No. {r.resident_id})\t{r.summary()}{flag}")
    print(f"{number(len(rows))} hasil")
    return 0


def cmd_followups_due(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    listing = followups.due_list(who)
    for title, items in (("Jatuh tempo bulan ini", listing.due), ("Terlambat", listing.overdue)):
        print(f"{title}: {number(len(items))}")
        for i in items:
            print(f"{format_short(i.due_date)}\t{i.resident_name} (No. {i.resident_id})\t{i.plan_label}"
                  f"\tkeluar {format_short(i.exit_date)}")
    return 0


def cmd_followups_record(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident = residents.find_resident(who, args.resident)
    item = followups.record_followup(who, resident.id, {
        "contact_date": _date(args.date, "--date"), "how": args.how, "finding": args.note, "staff": args.staff,
        "plan_months": args.plan,
    })
    print(f"{resident.name}: kontak {format_short(item.contact_date)} dicatat ({item.plan_label})")
    return 0


def cmd_followups_missed(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident = residents.find_resident(who, args.resident)
    item = followups.mark_missed(who, resident.id, args.plan, args.note)
    print(f"{resident.name}: kontak {item.plan_label} ditandai terlewat")
    return 0
