"""Import speed (issue 18): the NIK check of a whole file is one query per 500 NIKs, not one
query per row -- with every check kept (a NIK registered already is still refused)."""

from __future__ import annotations

REGIONS = ["320101", "327101", "317101", "510101", "650101"]


def _csv(path, n: int) -> list[str]:
    niks, lines = [], ["nik;nama;jenis_kelamin;klaster;tanggal_lahir;tanggal_masuk"]
    for i in range(n):
        region, serial = REGIONS[i % 5], i // 5 + 1
        nik = f"{region}1501{90 + i % 9:02d}{serial:04d}"
        niks.append(nik)
        lines.append(f"{nik};Penerima {i};L;anak;15/01/19{90 + i % 9:02d};05/01/2026")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return niks


def test_nik_lookups_are_built_once_per_file_not_per_row(db, system, tmp_path, make_resident):
    from balai_app.services import resident_io

    niks = _csv(tmp_path / "pm.csv", 1200)
    make_resident(nik=niks[7], birth_date="15-01-1997", sex="L")
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    try:
        report = resident_io.check_import(system, tmp_path / "pm.csv")
    finally:
        db.connection().set_trace_callback(None)
    lookups = [s for s in statements if 'FROM "resident"' in s]
    assert len(lookups) <= 4, len(lookups)  # 1,200 rows: 3 queries of up to 500 NIKs
    refused = [p for p in report.errors if "sudah terdaftar" in p.message]
    assert [p.row for p in refused] == [9]  # the check is kept (row 9 = the 8th PM; header = row 1)
