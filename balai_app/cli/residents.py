"""``balai-app residents ...``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from balai_app.cli import UsageError
from balai_app.cli.common import actor, open_db
from balai_app.domain.numbers import number
from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.nik import mask
from balai_app.i18n import tr
from balai_app.services import resident_io, resident_io_export, resident_io_read, residents

IMPORT_HELP = """\
Impor PM dari CSV (pemisah ',' atau ';', UTF-8 dengan/tanpa BOM atau Windows-1252) atau XLSX.
Baris pertama berisi judul kolom (huruf besar/kecil, spasi atau '_' bebas): nik, no_kk, nama,
jenis_kelamin, tempat_lahir, tanggal_lahir, klaster, alamat, tanggal_masuk, nama_wali,
telepon_wali, catatan. Wajib: nama, jenis_kelamin, klaster. Tanggal: HH/BB/TTTT, HH-BB-TTTT
atau TTTT-BB-HH. Baris tanpa NIK diimpor dengan alasan "NIK tidak tercantum pada berkas impor".

Semua atau tidak sama sekali: bila ada satu baris tidak valid, tidak ada yang disimpan.
Setiap masalah dicetak sebagai "baris R, kolom C: alasan" (judul kolom = baris 1, seperti di
Excel); peringatan tidak menghalangi impor. Baris terakhir: "imported N, skipped M"
(M = baris yang tidak disimpan).

Kode keluar: 0 = tersimpan (atau --dry-run tanpa kesalahan); dengan --skip-invalid juga 0 bila
minimal satu baris valid tersimpan, walaupun ada baris yang dilewati (baris terakhir
menyebutkannya); 1 = data tidak valid, tidak ada yang disimpan (juga: berkas tidak ada atau
tidak terbaca); 2 = salah pemakaian (mis. jenis berkas selain .csv/.xlsx).
"""

EXPORT_HELP = """\
Ekspor semua PM ke .xlsx (disarankan untuk Excel: NIK sebagai teks, tanggal sebagai tanggal)
atau .csv (pemisah ';' dan UTF-8 dengan BOM, sehingga Excel berbahasa Indonesia langsung
membukanya dengan benar). Judul kolom sama dengan impor. Tanggal di CSV tetap TTTT-BB-HH (ISO),
berbeda dengan layar dan keluaran perintah (HH/BB/TTTT), agar terbaca sama di setiap program.
NIK dan No. KK disamarkan (3201**********01) kecuali dengan --with-nik; setiap ekspor dicatat
di jejak audit. Ekspor dengan --with-nik dapat diimpor kembali tanpa perubahan.
"""


ADD_HELP = """\
Daftarkan PM baru, seperti formulir "Tambah PM". Wajib: --name, --sex, --klaster, dan --nik atau
--no-nik-reason. Tanggal: HH/BB/TTTT atau TTTT-BB-HH. Setiap isian yang salah disebutkan dengan
namanya (kode keluar 1, tidak ada yang disimpan). Peringatan (mis. NIK tidak cocok dengan tanggal
lahir, atau PM yang mungkin sudah terdaftar: nama dan tanggal lahir atau nama keluarga/wali sama)
menghentikan penyimpanan sampai perintah diulang dengan --yes.
"""

EDIT_HELP = """\
Ubah data PM: hanya isian yang disebut yang berubah; isian lain tetap. Isi "" untuk mengosongkan
(mis. --birth-date ""). Status selain aktif memerlukan --exit-date. Peringatan menghentikan
penyimpanan sampai perintah diulang dengan --yes.
"""

# option -> (service field, help); the same for add and edit
RESIDENT_OPTIONS = [
    ("--name", "name", "nama lengkap (sesuai KTP/KK)"),
    ("--nik", "nik", "NIK 16 digit"),
    ("--no-nik-reason", "nik_missing_reason", "alasan bila tidak ada NIK (mis. tidak memiliki KTP)"),
    ("--no-kk", "no_kk", "No. KK 16 digit"),
    ("--sex", "sex", "L atau P"),
    ("--birth-place", "birth_place", "tempat lahir"),
    ("--birth-date", "birth_date", "tanggal lahir"),
    ("--klaster", "klaster", "anak, disabilitas, lansia, napza, tuna_sosial (atau namanya)"),
    ("--disability", "disabilities", "jenis disabilitas, dipisah koma: " + ", ".join(codes.DISABILITIES)),
    ("--religion", "religion", ", ".join(codes.RELIGIONS)),
    ("--education", "education", "pendidikan terakhir, mis. \"SD/sederajat\""),
    ("--address", "address", "alamat"),
    ("--guardian", "guardian_name", "nama keluarga/wali"),
    ("--guardian-relation", "guardian_relation", "hubungan keluarga/wali, mis. Ibu"),
    ("--guardian-phone", "guardian_phone", "telepon keluarga/wali"),
    ("--entry-date", "entry_date", "tanggal masuk (bawaan: hari ini)"),
    ("--referral", "referral_source", "sumber rujukan"),
    ("--status", "status", ", ".join(codes.RESIDENT_STATUS)),
    ("--exit-date", "exit_date", "tanggal keluar (bila status bukan aktif)"),
    ("--exit-reason", "exit_reason", "alasan keluar"),
    ("--notes", "notes", "catatan"),
]


def _resident_options(parser: argparse.ArgumentParser, *, new: bool) -> None:
    for option, field, text in RESIDENT_OPTIONS:
        parser.add_argument(option, dest=field, metavar="NILAI", help=text)
    parser.add_argument("--yes", action="store_true", help="tetap simpan walau ada peringatan")


def _values(args: argparse.Namespace) -> dict:
    data = {field: getattr(args, field) for _o, field, _t in RESIDENT_OPTIONS if getattr(args, field) is not None}
    if "klaster" in data:
        data["klaster"] = codes.klaster_from_text(data["klaster"]) or data["klaster"]
    if "sex" in data:
        data["sex"] = codes.sex_from_text(data["sex"]) or data["sex"]
    return data


def cmd_add(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident = residents.create_resident(who, _values(args), confirm_warnings=args.yes)
    print(resident.id)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    current = residents.find_resident(who, args.resident)
    data = _values(args)
    if not data:
        raise UsageError(tr("sebutkan minimal satu isian yang diubah, mis. --address TEKS"))
    if "nik" in data and data["nik"] and "nik_missing_reason" not in data:
        data["nik_missing_reason"] = ""
    after = residents.update_resident(who, current.id, data, expected_version=current.version,
                                      confirm_warnings=args.yes)
    print(tr("Data {name} (No. {id}) disimpan.").format(name=after.name, id=after.id))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)  # personal data: a sensitive read
    r = residents.find_resident(who, args.resident)
    nik = mask(r.nik) if r.nik else tr("(tanpa NIK: {why})").format(
        why=r.nik_missing_reason or "-")
    rows = [
        ("No.", str(r.id)), (residents.label("name"), r.name), ("NIK", nik),
        (residents.label("no_kk"), mask(r.no_kk) if r.no_kk else "-"),
        (residents.label("sex"), codes.label(codes.SEX, r.sex)),
        (tr("Tempat, tanggal lahir"), f"{r.birth_place or '-'}, {format_short(r.birth_date) or '-'}"),
        (residents.label("klaster"), codes.label(codes.KLASTER, r.klaster)),
        (residents.label("disabilities"), ", ".join(codes.label(codes.DISABILITIES, d)
                                                    for d in (r.disabilities or "").split(",") if d) or "-"),
        (residents.label("entry_date"), format_short(r.entry_date)),
        (residents.label("status"), codes.label(codes.RESIDENT_STATUS, r.status)
         + (f" ({format_short(r.exit_date)})" if r.exit_date else "")),
        (residents.label("guardian_name"), " ".join(filter(None, [r.guardian_name, f"({r.guardian_relation})"
                                                                  if r.guardian_relation else ""])) or "-"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser("residents", help="data Penerima Manfaat")
    sub = parser.add_subparsers(dest="residents_command", metavar="<aksi>", required=True)

    p = sub.add_parser("list", help="daftar PM (NIK disamarkan)")
    p.add_argument("--search", default="", help="cari nama, NIK atau tempat lahir")
    p.add_argument("--klaster", choices=sorted(codes.KLASTER))
    p.add_argument("--status", choices=sorted(codes.RESIDENT_STATUS))
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("add", help="daftarkan PM baru; mencetak nomornya", description=ADD_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    _resident_options(p, new=True)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("edit", help="ubah data PM (hanya isian yang disebut)", description=EDIT_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("resident", metavar="NIK_ATAU_NO", help="NIK 16 digit atau nomor PM")
    _resident_options(p, new=False)
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("show", help="data seorang PM (NIK dan No. KK disamarkan)")
    p.add_argument("resident", metavar="NIK_ATAU_NO", help="NIK 16 digit atau nomor PM")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("import", help="impor PM dari CSV atau XLSX", description=IMPORT_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="BERKAS", help="berkas .csv atau .xlsx")
    p.add_argument("--dry-run", action="store_true", help="hanya periksa; tidak ada yang disimpan")
    p.add_argument("--skip-invalid", action="store_true",
                   help="simpan baris yang valid dan lewati (laporkan) baris yang tidak valid")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="ekspor PM ke XLSX atau CSV (NIK disamarkan)", description=EXPORT_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", metavar="BERKAS", help="berkas tujuan .xlsx atau .csv")
    p.add_argument("--with-nik", action="store_true", help="NIK dan No. KK lengkap, tanpa samaran (tercatat di audit)")
    p.set_defaults(func=cmd_export)


def cmd_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    flt = residents.ResidentFilter(text=args.search, klaster=args.klaster, status=args.status)
    rows = residents.list_residents(who, flt, limit=args.limit)
    for row in rows:
        print(f"{row.id}\t{mask(row.nik) or '-'}\t{row.name}\t{row.sex}\t{codes.label(codes.KLASTER, row.klaster)}\t"
              f"{codes.label(codes.RESIDENT_STATUS, row.status)}\t{format_short(row.entry_date)}")
    total = residents.count_residents(who, flt)
    print(tr("{n} dari {total} PM").format(n=number(len(rows)), total=number(total)))
    return 0


def _checked_suffix(file: str) -> Path:
    path = Path(file)
    try:
        resident_io_read.check_suffix(path)
    except resident_io_read.UnsupportedFormat as exc:
        raise UsageError(exc.message) from None
    return path


def cmd_import(args: argparse.Namespace) -> int:
    path = _checked_suffix(args.file)
    if not path.is_file():
        print(tr("Berkas '{path}' tidak ditemukan.").format(path=path), file=sys.stderr)
        print(tr("Impor dibatalkan: tidak ada PM yang disimpan."))
        print("imported 0, skipped 0")
        return 1
    open_db(args, create=True)  # a new balai may start from its spreadsheet
    who = actor(args, write=True)  # even a dry run reads who already has which NIK
    try:
        report = resident_io.run_import(who, path, dry_run=args.dry_run, skip_invalid=args.skip_invalid)
    except resident_io.ImportFileError as exc:
        print(exc.message, file=sys.stderr)
        print(tr("Impor dibatalkan: tidak ada PM yang disimpan."))
        print("imported 0, skipped 0")
        return 1
    for problem in report.problems:
        note = "" if problem.is_error else "peringatan: "
        print(f"baris {problem.row}, kolom {problem.column}: {note}{problem.message}")
    print(report.summary_sentence())
    print(report.summary_line())
    if report.dry_run:
        return 0 if report.can_import(args.skip_invalid) else 1
    return 0 if report.imported else 1


def cmd_export(args: argparse.Namespace) -> int:
    path = _checked_suffix(args.file)
    open_db(args)
    who = actor(args, write=True)  # an export of personal data is a sensitive read
    count = resident_io_export.export_residents(who, path, with_nik=args.with_nik)
    kind = "NIK lengkap" if args.with_nik else "NIK dan No. KK disamarkan"
    print(tr("{n} PM diekspor ke {path} ({kind})").format(n=number(count), path=path, kind=kind))
    return 0
