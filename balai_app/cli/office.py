"""The office's everyday jobs from the command line, as in the window (issue 13):

- ``assessments add|list`` and ``services add|list`` (asesmen and ATENSI services of a PM);
- ``enrollment withdraw|complete`` (a participant leaves a batch, or completes it);
- ``programs show CODE`` lives in ``cli.training``; ``reports served`` here (the Laporan page);
- ``settings show|profile|certificates`` (the balai's profile and the certificate settings).

Dates are printed DD/MM/YYYY and numbers with Indonesian separators, like the window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from balai_app.cli import UsageError
from balai_app.cli.common import actor, command_group, open_db
from balai_app.domain.numbers import number
from balai_app.domain import codes
from balai_app.domain.dates import format_short, parse_date
from balai_app.domain.errors import BalaiError, NeedsConfirmation
from balai_app.i18n import tr
from balai_app.services import casework, enrollment, profile, reports, residents


def _date(value: str | None, option: str):
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def register(subparsers) -> None:
    parser = subparsers.add_parser("assessments", help="asesmen PM")
    sub = parser.add_subparsers(dest="assessments_command", metavar="<aksi>", required=True)
    p = sub.add_parser("add", help="catat asesmen seorang PM; mencetak nomornya")
    p.add_argument("--resident", required=True, metavar="NIK_ATAU_NO")
    p.add_argument("--assessor", required=True, metavar="NAMA", help="pekerja sosial yang mengasesmen")
    p.add_argument("--date", metavar="TANGGAL", help="tanggal asesmen (bawaan: hari ini)")
    for name, text in (("physical", "kondisi fisik"), ("mental", "kondisi mental"), ("social", "kondisi sosial"),
                       ("family", "kondisi keluarga"), ("vocational-interest", "minat vokasional"),
                       ("summary", "ringkasan"), ("recommendation", "rekomendasi layanan")):
        p.add_argument(f"--{name}", default="", metavar="TEKS", help=text)
    p.set_defaults(func=cmd_assessment_add)
    p = sub.add_parser("list", help="asesmen seorang PM, terbaru dahulu")
    p.add_argument("--resident", required=True, metavar="NIK_ATAU_NO")
    p.set_defaults(func=cmd_assessment_list)

    parser = subparsers.add_parser("services", help="layanan ATENSI PM")
    sub = parser.add_subparsers(dest="services_command", metavar="<aksi>", required=True)
    p = sub.add_parser("add", help="catat layanan ATENSI seorang PM; mencetak nomornya")
    p.add_argument("--resident", required=True, metavar="NIK_ATAU_NO")
    p.add_argument("--kind", required=True, choices=list(codes.SERVICE_KINDS),
                   help="; ".join(f"{k} = {label}" for k, label in codes.SERVICE_KINDS.items()))
    p.add_argument("--description", required=True, metavar="TEKS")
    p.add_argument("--date", metavar="TANGGAL", help="tanggal layanan (bawaan: hari ini)")
    p.add_argument("--staff", metavar="NAMA", help="petugas (bawaan: akun yang menjalankan)")
    p.add_argument("--yes", action="store_true", help="tetap simpan walau PM belum diasesmen")
    p.set_defaults(func=cmd_service_add)
    p = sub.add_parser("list", help="layanan seorang PM")
    p.add_argument("--resident", required=True, metavar="NIK_ATAU_NO")
    p.set_defaults(func=cmd_service_list)

    parser = subparsers.add_parser("enrollment", help="keikutsertaan PM dalam angkatan")
    sub = parser.add_subparsers(dest="enrollment_command", metavar="<aksi>", required=True)
    p = sub.add_parser("withdraw", help="peserta mengundurkan diri dari angkatan")
    p.add_argument("--batch", type=int, required=True, metavar="ID")
    p.add_argument("--resident", required=True, metavar="NIK_ATAU_NO")
    p.add_argument("--reason", required=True, metavar="TEKS")
    p.add_argument("--date", metavar="TANGGAL", help="tanggal mengundurkan diri (bawaan: hari ini)")
    p.set_defaults(func=cmd_withdraw)
    p = sub.add_parser("complete", help="peserta menyelesaikan angkatan (lulus)")
    p.add_argument("--batch", type=int, required=True, metavar="ID")
    p.add_argument("--resident", required=True, metavar="NIK_ATAU_NO")
    p.add_argument("--date", metavar="TANGGAL", help="tanggal selesai (bawaan: hari ini)")
    p.set_defaults(func=cmd_complete)

    sub = command_group(subparsers, "reports", "laporan: PM dilayani (served) dan laporan bulanan (monthly)")
    p = sub.add_parser("served", help="PM yang dilayani dalam periode: per klaster, layanan ATENSI, pelatihan")
    p.add_argument("--from", dest="start", required=True, metavar="TANGGAL")
    p.add_argument("--to", dest="end", required=True, metavar="TANGGAL")
    p.add_argument("--out", metavar="BERKAS", help="simpan juga sebagai .xlsx atau .pdf")
    p.set_defaults(func=cmd_report_served)

    parser = subparsers.add_parser("settings", help="profil balai dan pengaturan sertifikat")
    sub = parser.add_subparsers(dest="settings_command", metavar="<aksi>", required=True)
    p = sub.add_parser("show", help="tampilkan profil balai dan pengaturan sertifikat")
    p.set_defaults(func=cmd_settings_show)
    p = sub.add_parser("profile", help="ubah profil balai (hanya isian yang disebut)")
    for name in profile.FIELDS:
        p.add_argument(f"--{name.replace('_', '-')}", dest=name, metavar="TEKS", help=profile.LABELS[name])
    p.set_defaults(func=cmd_settings_profile)
    p = sub.add_parser("certificates", help="ubah pengaturan sertifikat (hanya isian yang disebut)")
    p.add_argument("--number-format", dest="number_template", metavar="FORMAT",
                   help="format nomor sertifikat, dengan isian seperti pada 'settings show'")
    p.add_argument("--verification-url", dest="verification_url", metavar="URL")
    p.add_argument("--bilingual", choices=["ya", "tidak"], help="dwibahasa Indonesia/Inggris")
    p.add_argument("--lsp", choices=["ya", "tidak"], dest="lsp_enabled", help="penanda tangan kedua (LSP)")
    p.add_argument("--lsp-org", dest="lsp_org", metavar="TEKS")
    p.add_argument("--lsp-name", dest="lsp_name", metavar="TEKS")
    p.add_argument("--lsp-title", dest="lsp_title", metavar="TEKS")
    p.add_argument("--lsp-number", dest="lsp_number", metavar="TEKS")
    p.set_defaults(func=cmd_settings_certificates)


# --- assessments and services ------------------------------------------------------


def cmd_assessment_add(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident = residents.find_resident(who, args.resident)
    row = casework.add_assessment(who, resident.id, {
        "date": _date(args.date, "--date"), "assessor": args.assessor, "physical": args.physical,
        "mental": args.mental, "social": args.social, "family": args.family,
        "vocational_interest": args.vocational_interest, "summary": args.summary,
        "recommendation": args.recommendation})
    print(row.id)
    return 0


def cmd_assessment_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)  # case notes: a sensitive read
    resident = residents.find_resident(who, args.resident)
    rows = casework.assessments_of(who, resident.id)
    for row in rows:
        text = row.summary or row.recommendation or ""
        print(f"{row.id}\t{format_short(row.date)}\t{row.assessor}\t{' '.join(text.split())[:80]}")
    print(tr("{n} asesmen {name}").format(n=number(len(rows)), name=resident.name))
    return 0


def cmd_service_add(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident = residents.find_resident(who, args.resident)
    data = {"date": _date(args.date, "--date"), "kind": args.kind, "description": args.description,
            "staff": args.staff}
    row = casework.add_service(who, resident.id, data, confirm_warnings=args.yes)
    print(row.id)
    return 0


def cmd_service_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    resident = residents.find_resident(who, args.resident)
    rows = casework.services_of(who, resident.id)
    for row in rows:
        print(f"{row.id}\t{format_short(row.date)}\t{codes.label(codes.SERVICE_KINDS, row.kind)}\t{row.staff}\t"
              f"{' '.join((row.description or '').split())[:80]}")
    print(tr("{n} layanan {name}").format(n=number(len(rows)), name=resident.name))
    return 0


# --- enrollment ----------------------------------------------------------------------


def _enrollment_of(who, batch_id: int, key: str):
    resident = residents.find_resident(who, key)
    for row in enrollment.enrollments_of_resident(who, resident.id):
        if row.batch_id == batch_id:
            return resident, row
    raise BalaiError(tr("{name} bukan peserta angkatan No. {id}.").format(name=resident.name, id=batch_id))


def cmd_withdraw(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident, row = _enrollment_of(who, args.batch, args.resident)
    done = enrollment.withdraw(who, row.enrollment_id, _date(args.date, "--date") or dt.date.today(), args.reason)
    print(tr("{name} mengundurkan diri per {d}.").format(name=resident.name, d=format_short(done.status_date)))
    return 0


def cmd_complete(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident, row = _enrollment_of(who, args.batch, args.resident)
    done = enrollment.complete(who, row.enrollment_id, _date(args.date, "--date") or dt.date.today())
    print(tr("{name} lulus per {d}.").format(name=resident.name, d=format_short(done.status_date or done.end_date)))
    return 0


# --- reports -------------------------------------------------------------------------


def cmd_report_served(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    start, end = _date(args.start, "--from"), _date(args.end, "--to")
    report = reports.served_report(who, start, end)
    print(tr("PM dilayani {a} s.d. {b}").format(a=format_short(start), b=format_short(end)))
    print(tr("Klaster\tL\tP\tJumlah\tBaru\tKeluar"))
    totals = [0, 0, 0, 0, 0]
    for klaster, row in report.by_klaster.items():
        values = [row["L"], row["P"], row["L"] + row["P"], row["baru"], row["keluar"]]
        totals = [t + x for t, x in zip(totals, values)]
        print("\t".join([codes.label(codes.KLASTER, klaster), *(number(x) for x in values)]))
    print("\t".join([tr("Jumlah"), *(number(x) for x in totals)]))
    print()
    print(tr("Layanan ATENSI\tLayanan\tPM"))
    for kind, per_klaster in report.services.items():
        services = sum(n for n, _people in per_klaster.values())
        people = sum(p for _n, p in per_klaster.values())
        print(f"{codes.label(codes.SERVICE_KINDS, kind)}\t{number(services)}\t{number(people)}")
    print()
    print(tr("Pelatihan\tPeserta\tLulus"))
    for name, (enrolled, completed) in report.training.items():
        print(f"{name}\t{number(enrolled)}\t{number(completed)}")
    if args.out:
        path = Path(args.out)
        if path.suffix.lower() not in (".xlsx", ".pdf"):
            raise UsageError(tr("--out: berkas harus .xlsx atau .pdf"))
        from balai_app.services import exports

        exports.served_report(who, report, path)
        print(tr("Laporan disimpan ke {path}").format(path=path), file=sys.stderr)
    return 0


# --- settings ------------------------------------------------------------------------


def cmd_settings_show(args: argparse.Namespace) -> int:
    from balai_app.services import certificates

    open_db(args)
    who = actor(args, write=False)
    info = profile.get_profile()
    print(tr("Profil balai"))
    for name in profile.FIELDS:
        print(f"  {tr(profile.LABELS[name])}: {getattr(info, name, '') or '-' if info else '-'}")
    settings = certificates.get_settings(who)
    print(tr("Sertifikat"))
    for name, label in certificates.SETTING_LABELS.items():
        value = getattr(settings, name, "")
        if name == "number_template":
            value = certificates.template_to_indonesian(value)
        if name == "title":
            value = tr(certificates.TITLE_LABELS.get(value, value))
        if isinstance(value, (list, tuple)):
            value = " / ".join(map(str, value))
        if isinstance(value, str):
            value = " / ".join(line.strip() for line in value.splitlines() if line.strip())
        if isinstance(value, bool):
            value = tr("Ya") if value else tr("Tidak")
        print(f"  {tr(label)}: {value or '-'}")
    return 0


def cmd_settings_profile(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    data = {name: getattr(args, name) for name in profile.FIELDS if getattr(args, name) is not None}
    if not data:
        raise UsageError(tr("sebutkan minimal satu isian, mis. --head-name NAMA"))
    info = profile.get_profile()
    if info is None:
        raise BalaiError(tr("Profil balai belum ada; jalankan 'balai-app init' dahulu."))
    profile.update_profile(who, data, expected_version=info.version)
    print(tr("Profil balai disimpan."))
    return 0


def cmd_settings_certificates(args: argparse.Namespace) -> int:
    from balai_app.services import certificates

    open_db(args)
    who = actor(args, write=True)
    data = {}
    for name in ("number_template", "verification_url", "lsp_org", "lsp_name", "lsp_title", "lsp_number"):
        if getattr(args, name) is not None:
            data[name] = getattr(args, name)
    if "number_template" in data:  # typed with Indonesian placeholders ({urut}, {tahun}, ...)
        data["number_template"] = certificates.template_from_indonesian(data["number_template"])
    for name in ("bilingual", "lsp_enabled"):
        if getattr(args, name) is not None:
            data[name] = getattr(args, name) == "ya"
    if not data:
        raise UsageError(tr("sebutkan minimal satu isian, mis. --bilingual ya"))
    certificates.save_settings(who, data)
    print(tr("Pengaturan sertifikat disimpan."))
    return 0


__all__ = ["register", "number", "NeedsConfirmation"]
