"""Participant list of a batch: XLSX and PDF, NIK masked, nothing personal for an instruktur."""

from __future__ import annotations

import datetime as dt

import pytest

from balai_app.db.models import BalaiProfile, User
from balai_app.services import exports
from balai_app.services import training
from balai_app.services import curriculum
from balai_app.services import enrollment
from balai_app.services.context import Actor

TODAY = dt.date.today()


@pytest.fixture
def setup(db, system, make_resident):
    BalaiProfile.create(id=1, name="Balai Rehabilitasi Sosial Uji", code="BRS-U", city="Bogor")
    joko = User.create(username="joko", full_name="Joko Prasetyo", role="instruktur", password_hash="x")
    program = curriculum.create_program(system, {"code": "MJH", "name": "Menjahit"}, [{"title": "K3"}])
    batch = training.create_batch(system, {"program": program.id, "name": "Angkatan I 2026", "trainer": joko.id,
                                           "start_date": TODAY - dt.timedelta(days=10),
                                           "end_date": TODAY + dt.timedelta(days=50)})
    a = make_resident(name="Muh. Ma'ruf", nik="3201011501100001")
    b = make_resident(name="Ni Luh Putu Ayu", sex="P", nik="", nik_missing_reason="Tidak punya KTP")
    enrollment.enroll(system, batch.id, a.id, confirm_warnings=True)
    e = enrollment.enroll(system, batch.id, b.id, confirm_warnings=True)
    enrollment.withdraw(system, e.id, TODAY, "Kembali ke keluarga")
    return batch, Actor(joko.id, "joko", "instruktur")


def pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_pdf_has_balai_name_and_masked_nik(setup, system, tmp_path):
    batch, _ = setup
    target = exports.participants_pdf(system, batch.id, tmp_path / "p.pdf")
    text = pdf_text(target)
    assert "Balai Rehabilitasi Sosial Uji" in text and "DAFTAR PESERTA PELATIHAN" in text
    assert "Muh. Ma'ruf" in text and "Ni Luh Putu Ayu" in text and "Kembali ke keluarga" in text
    assert "3201011501100001" not in text and "3201**********01" in text
    from pypdf import PdfReader

    reader = PdfReader(str(target))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and not any("Helvetica" in f for f in fonts)


def test_pdf_for_instruktur_has_no_nik_or_klaster(setup, tmp_path):
    batch, joko = setup
    text = pdf_text(exports.participants_pdf(joko, batch.id, tmp_path / "i.pdf"))
    assert "Muh. Ma'ruf" in text
    assert "NIK" not in text and "Klaster" not in text and "3201" not in text


def test_xlsx(setup, system, tmp_path):
    from openpyxl import load_workbook

    batch, joko = setup
    ws = load_workbook(exports.participants_xlsx(system, batch.id, tmp_path / "p.xlsx")).active
    values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert values[0][0] == "Balai Rehabilitasi Sosial Uji"
    header = next(r for r in values if r and r[0] == "No.")
    assert "NIK" in header and "Klaster" in header
    flat = [str(c) for r in values for c in r if c is not None]
    assert "3201**********01" in flat and "3201011501100001" not in flat and "(tanpa NIK)" in flat
    ws = load_workbook(exports.participants_xlsx(joko, batch.id, tmp_path / "i.xlsx")).active
    header = next(r for r in ws.iter_rows(values_only=True) if r and r[0] == "No.")
    assert "NIK" not in header and "Klaster" not in header
