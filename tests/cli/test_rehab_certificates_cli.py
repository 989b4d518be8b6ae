"""``rehab-certificates issue|pdf|verify|revoke``: output and exit codes 0/1/2."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from balai_app.cli import main
from balai_app.db.connection import close_database, open_database


@pytest.fixture
def dbfile(tmp_path, system):
    from support.accounts import make_profile

    from balai_app.services import residents

    path = tmp_path / "cli.sqlite"
    open_database(path)
    make_profile()
    residents.create_resident(system, {"name": "Muh. Ma'ruf", "sex": "L", "klaster": "napza",
                                       "nik": "3201011501900001", "birth_date": "15-01-1990", "birth_place": "Bogor",
                                       "entry_date": "2026-01-05", "status": "selesai", "exit_date": "2026-06-30"},
                              confirm_warnings=True)
    residents.create_resident(system, {"name": "Sukarti", "sex": "P", "klaster": "lansia", "nik": "",
                                       "nik_missing_reason": "Tidak punya KTP", "entry_date": "2026-01-05"},
                              confirm_warnings=True)
    close_database()
    yield str(path)
    close_database()


def test_issue_pdf_verify_revoke(dbfile, capsys, tmp_path):
    assert main(["--db", dbfile, "rehab-certificates", "issue", "--resident", "3201011501900001",
                 "--date", "2026-07-01"]) == 0
    number = capsys.readouterr().out.strip()
    assert number == "001/SRS/BRS-UJI/VII/2026"
    out = tmp_path / "srs.pdf"
    assert main(["--db", dbfile, "rehab-certificates", "pdf", "--number", number, "--out", str(out)]) == 0
    capsys.readouterr()
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Muh. Ma'ruf" in text and "NAPZA" not in text
    open_database(dbfile)
    from balai_app.db.models import RehabCertificate

    row = RehabCertificate.get()
    code, payload = row.verification_code, row.payload
    close_database()
    assert main(["--db", dbfile, "rehab-certificates", "verify", payload]) == 0
    assert capsys.readouterr().out.startswith("VALID")
    assert main(["--db", dbfile, "rehab-certificates", "verify", number, "--code", code.lower()]) == 0
    capsys.readouterr()
    assert main(["--db", dbfile, "rehab-certificates", "verify", payload + "x"]) == 1
    assert capsys.readouterr().out.startswith("TIDAK VALID")
    assert main(["--db", dbfile, "rehab-certificates", "revoke", "--number", number, "--reason", "Salah data"]) == 0
    capsys.readouterr()
    assert main(["--db", dbfile, "rehab-certificates", "verify", payload]) == 1
    assert capsys.readouterr().out.startswith("DICABUT")


def test_refusals_and_usage(dbfile, capsys, tmp_path):
    assert main(["--db", dbfile, "rehab-certificates", "issue", "--resident", "2"]) == 1
    assert "saat terminasi" in capsys.readouterr().err
    assert main(["--db", dbfile, "rehab-certificates", "pdf", "--number", "9/X", "--out", str(tmp_path / "a.pdf")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    assert main(["--db", dbfile, "rehab-certificates", "pdf", "--number", "9/X", "--out", "a.docx"]) == 2
    assert main(["--db", dbfile, "rehab-certificates", "issue", "--resident", "1", "--date", "2026-02-30"]) == 2
    with pytest.raises(SystemExit) as caught:
        main(["--db", dbfile, "rehab-certificates", "issue"])
    assert caught.value.code == 2
