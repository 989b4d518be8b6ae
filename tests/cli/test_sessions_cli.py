"""``sessions add``, ``attendance set``, ``assess``, ``progress`` and ``sessions recap``: the CLI contract."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from balai_app.cli import main
from support.inprocess import invoke
from support.sessions import DAY, build_training, make_user

TODAY = dt.date.today()
PASSWORD = "Rahasia-Instruktur-1"


@pytest.fixture
def training(db, make_resident, monkeypatch):
    t = build_training(make_resident, participants=2, units=2, start=TODAY - 30 * DAY, password=PASSWORD)
    monkeypatch.setenv("BALAI_PASSWORD", PASSWORD)
    return t


def cli(db_path, user, *args):
    return main(["--db", str(db_path), "--user", user, *args])


def test_record_a_day_and_read_progress(training, db_path, capsys):
    user = training.trainer.username
    u1, u2 = training.units
    r1, r2 = training.residents
    assert cli(db_path, user, "sessions", "add", "--batch", str(training.batch.id), "--date",
               (TODAY - DAY).strftime("%d/%m/%Y"), "--topic", "Menjahit lurus", "--units", f"{u1.code},{u2.code}") == 0
    session_id = int(capsys.readouterr().out.strip())
    assert cli(db_path, user, "attendance", "set", "--session", str(session_id), "--resident", r1.nik,
               "--status", "H") == 0
    assert cli(db_path, user, "attendance", "set", "--session", str(session_id), "--resident", str(r2.id),
               "--status", "s") == 0
    for unit in (u1.code, str(u2.id)):
        assert cli(db_path, user, "assess", "--batch", str(training.batch.id), "--resident", r1.nik,
                   "--unit", unit, "--result", "K", "--date", (TODAY - DAY).isoformat()) == 0
    assert cli(db_path, user, "assess", "--batch", str(training.batch.id), "--resident", r2.nik,
               "--unit", u1.code, "--result", "BK") == 0
    capsys.readouterr()

    assert cli(db_path, user, "progress", "--batch", str(training.batch.id), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    rows = {p["resident_id"]: p for p in data["participants"]}
    assert rows[r1.id]["attendance_rate"] == 1.0 and rows[r1.id]["eligible"] is True
    assert rows[r1.id]["units_competent"] == 2 and rows[r1.id]["units_total"] == 2
    assert rows[r2.id]["sick"] == 1 and rows[r2.id]["attendance_rate"] == 0.0 and rows[r2.id]["eligible"] is False
    assert rows[r2.id]["unit_results"] == {str(u1.id): "BK", str(u2.id): None}

    assert cli(db_path, user, "progress", "--batch", str(training.batch.id)) == 0
    text = capsys.readouterr().out
    assert "100%" in text and "LAYAK" in text and "1 dari 2 peserta layak" in text


def test_exit_codes(training, db_path, capsys):
    user = training.trainer.username
    batch = str(training.batch.id)
    # invalid data: 1
    assert cli(db_path, user, "sessions", "add", "--batch", batch, "--date", "31/02/2026", "--topic", "x") == 1
    assert cli(db_path, user, "sessions", "add", "--batch", batch, "--date", TODAY.isoformat(), "--topic", "x",
               "--units", "TIDAK.ADA") == 1
    assert cli(db_path, user, "assess", "--batch", batch, "--resident", "9999999999999999", "--unit",
               training.units[0].code, "--result", "K") == 1
    assert cli(db_path, user, "progress", "--batch", "999") == 1
    # another trainer's batch: refused (1)
    other = make_user("instruktur", password=PASSWORD)
    assert cli(db_path, other.username, "sessions", "add", "--batch", batch, "--date", TODAY.isoformat(),
               "--topic", "x") == 1
    assert "Ditolak" in capsys.readouterr().err
    # usage: 2
    with pytest.raises(SystemExit) as exit_:
        cli(db_path, user, "attendance", "set", "--session", "1", "--resident", "1", "--status", "X")
    assert exit_.value.code == 2
    assert main(["--db", str(db_path), "sessions", "add", "--batch", batch, "--date", TODAY.isoformat(),
                 "--topic", "tanpa akun"]) == 2


def test_recap_files(training, db_path, tmp_path, capsys):
    user = training.trainer.username
    batch = str(training.batch.id)
    assert cli(db_path, user, "sessions", "add", "--batch", batch, "--date", TODAY.isoformat(), "--topic", "A") == 0
    out = tmp_path / "rekap.pdf"
    assert cli(db_path, user, "sessions", "recap", "--batch", batch, "--month", TODAY.strftime("%Y-%m"),
               "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert cli(db_path, user, "sessions", "recap", "--batch", batch, "--out", str(tmp_path / "p.xlsx")) == 0
    assert cli(db_path, user, "sessions", "recap", "--batch", batch, "--out", str(tmp_path / "p.txt")) == 2


def test_commands_are_listed_in_the_help():
    result = invoke("progress", "--help")
    assert result.returncode == 0 and "--batch" in result.stdout and "--json" in result.stdout
