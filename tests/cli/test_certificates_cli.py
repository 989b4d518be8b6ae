"""``certificates issue|pdf|verify|revoke|list``: output and exit codes."""

from __future__ import annotations


import pytest
from pypdf import PdfReader

from balai_app.cli import main
from balai_app.db.connection import close_database, open_database
from support.inprocess import invoke
from support.certificates import build_course, make_profile


@pytest.fixture
def setup(db_path, make_resident):
    make_profile()
    course = build_course(make_resident, names=["Siti Rahayu", "Đặng Thị Ngọc Ánh", "Budi Santoso"],
                          eligible=[True, True, False], code="MJH", photo=True)
    close_database()
    yield str(db_path), course
    close_database()


def run(*argv) -> int:
    try:
        return main(list(argv))
    finally:
        close_database()


def test_issue_prints_one_line_per_certificate_and_per_refusal(setup, capsys):
    db, course = setup
    assert run("--db", db, "certificates", "issue", "--batch", str(course.batch.id)) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    issued = [line.split("\t") for line in lines if not line.startswith("DITOLAK")]
    assert sorted(name for _, name in issued) == ["Siti Rahayu", "Đặng Thị Ngọc Ánh"]
    assert all(number.startswith(f"000{i}/SK-MJH/BRS-PL/") for i, (number, _) in enumerate(issued, 1))
    refused = [line for line in lines if line.startswith("DITOLAK")]
    assert refused[0].startswith("DITOLAK\tBudi Santoso\t") and "kompeten" in refused[0].lower()


def test_override_for_one_resident(setup, capsys):
    db, course = setup
    budi = str(course.residents[2].id)
    assert run("--db", db, "certificates", "issue", "--batch", str(course.batch.id), "--resident", budi) == 1
    assert "DITOLAK\tBudi Santoso" in capsys.readouterr().out
    assert run("--db", db, "certificates", "issue", "--batch", str(course.batch.id),
               "--override-reason", "Dinilai oleh LSP mitra") == 2
    capsys.readouterr()
    assert run("--db", db, "certificates", "issue", "--batch", str(course.batch.id), "--resident",
               course.residents[2].nik, "--override-reason", "Dinilai oleh LSP mitra") == 0
    assert "\tBudi Santoso" in capsys.readouterr().out
    assert run("--db", db, "certificates", "list") == 0
    assert "pengecualian: Dinilai oleh LSP mitra" in capsys.readouterr().out


def test_pdf_verify_revoke_list(setup, capsys, tmp_path):
    db, course = setup
    run("--db", db, "certificates", "issue", "--batch", str(course.batch.id))
    first = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines() if "Đặng" in line][0]

    one = tmp_path / "one.pdf"
    assert run("--db", db, "certificates", "pdf", "--number", first, "--out", str(one)) == 0
    assert "1 sertifikat" in capsys.readouterr().out
    reader = PdfReader(str(one))
    assert len(reader.pages) == 2 and "Đặng Thị Ngọc Ánh" in reader.pages[0].extract_text()
    both = tmp_path / "batch.pdf"
    assert run("--db", db, "certificates", "pdf", "--batch", str(course.batch.id), "--out", str(both)) == 0
    capsys.readouterr()
    assert len(PdfReader(str(both)).pages) == 4
    with pytest.raises(SystemExit) as usage:  # neither --number nor --batch: argparse's usage error
        run("--db", db, "certificates", "pdf", "--out", str(both))
    assert usage.value.code == 2
    capsys.readouterr()

    open_database(db)
    from balai_app.db.models import Certificate
    from balai_app.services import certificates
    payload = certificates.render_data(Certificate.get(Certificate.number == first))["qr_payload"]
    close_database()

    assert run("--db", db, "certificates", "verify", payload) == 0
    out = capsys.readouterr().out
    assert out.startswith("VALID") and "Đặng Thị Ngọc Ánh" in out
    middle = len(payload) // 3
    changed = payload[:middle] + ("A" if payload[middle] != "A" else "B") + payload[middle + 1:]
    assert run("--db", db, "certificates", "verify", changed) == 1
    assert capsys.readouterr().out.startswith("TIDAK VALID")
    # the URL form, as a phone reads it, verifies the same way
    assert run("--db", db, "certificates", "verify", "https://balai.example/verifikasi/#" + payload) == 0
    capsys.readouterr()

    assert run("--db", db, "certificates", "revoke", "--number", first, "--reason", "Salah cetak nama") == 0
    capsys.readouterr()
    assert run("--db", db, "certificates", "verify", payload) == 1
    assert capsys.readouterr().out.startswith("DICABUT")
    assert run("--db", db, "certificates", "revoke", "--number", "0000/X", "--reason", "tidak ada") == 1
    assert run("--db", db, "certificates", "pdf", "--number", first, "--out", str(one)) == 1  # revoked
    capsys.readouterr()

    assert run("--db", db, "certificates", "list") == 0
    out = capsys.readouterr().out
    assert "Dicabut" in out and "Salah cetak nama" in out and out.strip().endswith("2 dari 2 sertifikat")
    assert run("--db", db, "certificates", "list", "--status", "berlaku") == 0
    assert capsys.readouterr().out.strip().endswith("1 dari 1 sertifikat")


def test_verify_number_and_code(setup, capsys):
    db, course = setup
    run("--db", db, "certificates", "issue", "--batch", str(course.batch.id))
    capsys.readouterr()
    open_database(db)
    from balai_app.db.models import Certificate
    cert = Certificate.select().first()
    number, code = cert.number, cert.verification_code
    close_database()
    result = invoke("--db", db, "certificates", "verify", number, "--code", code.lower())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("VALID")
    result = invoke("--db", db, "certificates", "verify", "omong kosong")
    assert result.returncode == 1 and result.stdout.startswith("TIDAK VALID")


def test_issue_warns_when_units_lack_an_official_code(setup, capsys):
    from balai_app.db.models import CompetencyUnit

    db, course = setup
    open_database(db)
    first = course.units[0] if hasattr(course, "units") else CompetencyUnit.select().first()
    CompetencyUnit.update(code="").where(CompetencyUnit.id == first.id).execute()
    close_database()
    assert run("--db", db, "certificates", "issue", "--batch", str(course.batch.id)) == 0
    captured = capsys.readouterr()
    assert "peringatan" in captured.err and "belum memiliki kode resmi" in captured.err and first.title in captured.err
    assert len(captured.out.strip().splitlines()) == 3  # still issued: a warning, not a refusal


def test_publish_and_key_commands(setup, capsys, tmp_path, monkeypatch):
    db, course = setup
    assert run("--db", db, "certificates", "key", "show") == 0  # made when the program opened the database
    capsys.readouterr()
    run("--db", db, "certificates", "issue", "--batch", str(course.batch.id))
    number = capsys.readouterr().out.splitlines()[0].split("\t")[0]
    assert run("--db", db, "certificates", "publish", "--out", str(tmp_path / "site")) == 0
    assert "Folder verifikasi ditulis" in capsys.readouterr().out
    assert (tmp_path / "site" / "index.html").exists() and (tmp_path / "site" / "revoked.js").exists()
    assert run("--db", db, "certificates", "key", "show") == 0
    kid = capsys.readouterr().out.split("\t")[0]
    monkeypatch.setenv("BALAI_KEY_PASSPHRASE", "kata sandi cadangan 2026")
    export = tmp_path / "kunci.pem"
    assert run("--db", db, "certificates", "key", "export", "--file", str(export)) == 0
    assert b"ENCRYPTED PRIVATE KEY" in export.read_bytes()
    capsys.readouterr()
    # another PC: the same database, an empty data folder; it verifies but cannot sign until installed
    monkeypatch.setenv("BALAI_DATA_DIR", str(tmp_path / "other-pc"))
    from balai_app.services import signing_keys

    signing_keys._cache.clear()
    assert run("--db", db, "certificates", "reissue", "--number", number, "--reason", "Perbaikan nama") == 1
    assert "tidak ada di komputer ini" in capsys.readouterr().err
    assert run("--db", db, "certificates", "verify", number, "--code", "0000-0000-0000") == 1  # still verifies here
    capsys.readouterr()
    monkeypatch.setenv("BALAI_KEY_PASSPHRASE", "salah sekali kata sandinya")
    assert run("--db", db, "certificates", "key", "install", "--file", str(export)) == 1
    capsys.readouterr()
    monkeypatch.setenv("BALAI_KEY_PASSPHRASE", "kata sandi cadangan 2026")
    assert run("--db", db, "certificates", "key", "install", "--file", str(export)) == 0
    assert kid in capsys.readouterr().out
    assert (tmp_path / "other-pc" / "keys").is_dir()
