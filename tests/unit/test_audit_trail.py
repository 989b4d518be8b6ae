"""The audit trail: a row for each kind of change, append-only, queried and exported by an admin."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3

import pytest
from support.accounts import PASSWORD, make_account

from balai_app.db.models import AuditEvent
from balai_app.domain import localtime
from balai_app.domain.errors import PermissionDenied, ValidationError
from balai_app.services import accounts, audit, profile, residents
from balai_app.services import audit_text
from balai_app.services.accounts import SignInError

pytestmark = pytest.mark.usefixtures("db", "fast_hashing")


def last(action=None, entity=None) -> AuditEvent:
    query = AuditEvent.select().order_by(AuditEvent.id.desc())
    if action:
        query = query.where(AuditEvent.action == action)
    if entity:
        query = query.where(AuditEvent.entity == entity)
    return query.first()


@pytest.fixture
def admin():
    from support.accounts import make_profile

    make_profile()
    return make_account("admin", "kepala")


def test_each_kind_of_change_leaves_a_row_with_who_what_and_values(admin, make_resident):
    staf = make_account("staf", "rina")
    resident = residents.create_resident(staf, {"name": "Muh. Ma'ruf", "sex": "L", "klaster": "napza",
                                                "nik": "3201011501900007", "birth_date": "15-01-1990",
                                                "entry_date": "2026-01-05"}, confirm_warnings=True)
    created = last("create", "resident")
    assert (created.username, created.user_id, created.entity_id) == ("rina", staf.user_id, resident.id)
    assert json.loads(created.changes)["name"] == [None, "Muh. Ma'ruf"]

    residents.update_resident(staf, resident.id, {"address": "Jl. Melati 5"}, expected_version=resident.version)
    updated = last("update", "resident")
    assert json.loads(updated.changes) == {"address": ["", "Jl. Melati 5"]}

    accounts.create_user(admin, {"username": "joko", "full_name": "Joko", "role": "instruktur"}, PASSWORD)
    assert last("create", "user").username == "kepala"
    accounts.set_active(admin, accounts.find_user(admin, "joko").id, False)
    assert json.loads(last("deactivate").changes) == {"active": [True, False]}
    profile.set_setting(admin, profile.IDLE_LOCK_KEY, 15)
    assert last("update", "setting").summary == profile.IDLE_LOCK_KEY
    info = profile.get_profile()
    profile.update_profile(admin, {"phone": "(0251) 123456"}, expected_version=info.version)
    assert json.loads(last("update", "balai_profile").changes) == {"phone": ["", "(0251) 123456"]}


def test_sign_ins_are_recorded_success_and_failure():
    make_account("staf", "rina")
    accounts.authenticate("rina", PASSWORD)
    with pytest.raises(SignInError):
        accounts.authenticate("rina", "keliru-123")
    with pytest.raises(SignInError):
        accounts.authenticate("siapa", "keliru-123")
    rows = [(e.action, e.username) for e in AuditEvent.select().where(AuditEvent.entity == "user")
            .order_by(AuditEvent.id)][-3:]
    assert rows == [("login", "rina"), ("login_failed", "rina"), ("login_failed", "siapa")]


def test_a_refused_change_leaves_no_row(admin):
    staf = make_account("staf", "rina")
    before = AuditEvent.select().count()
    with pytest.raises(PermissionDenied):
        accounts.create_user(staf, {"username": "x.y", "full_name": "X", "role": "admin"}, PASSWORD)
    with pytest.raises(ValidationError):
        residents.create_resident(staf, {"name": ""})
    assert AuditEvent.select().count() == before


@pytest.mark.sqlite_only
def test_triggers_refuse_update_and_delete_also_outside_the_program(admin, db_path):
    event = audit.record(admin, "create", "resident", 1, "asli")
    con = sqlite3.connect(db_path)
    try:
        for statement in ("UPDATE audit_event SET summary = 'palsu' WHERE id = ?", "DELETE FROM audit_event WHERE id = ?"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                con.execute(statement, (event.id,))
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM audit_event")
    finally:
        con.close()
    assert AuditEvent.get_by_id(event.id).summary == "asli"


def test_no_service_edits_or_deletes_audit_rows():
    """Append-only in the code too: no service module touches audit rows except by inserting."""
    import pathlib
    import re

    root = pathlib.Path(audit.__file__).resolve().parent.parent
    pattern = re.compile(r"AuditEvent\.(update|delete|delete_by_id|replace|insert_many)\b|"
                         r"(UPDATE|DELETE FROM)\s+\"?audit_event", re.IGNORECASE)
    offenders = [f"{path.relative_to(root).as_posix()}:{n}" for path in root.rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    # The one exception: migration 3 chains the events written before the chain existed.
    assert offenders == [o for o in offenders if o.startswith("db/migrations.py")]
    assert len(offenders) <= 1
    inserts = re.compile(r"AuditEvent\.(create|insert)\b|INSERT INTO\s+\"?audit_event", re.IGNORECASE)
    writers = [path.relative_to(root).as_posix() for path in root.rglob("*.py")
               if inserts.search(path.read_text(encoding="utf-8"))]
    assert writers == ["services/audit.py"]  # ONE writer of the trail


def test_filters(admin, make_resident, monkeypatch):
    staf = make_account("staf", "rina")
    first = make_resident(name="Sukarno")
    residents.update_resident(staf, first.id, {"notes": "pindah kamar"}, expected_version=first.version)
    with pytest.raises(SignInError):
        accounts.authenticate("rina", "salah-salah")
    everything = audit.count_events(admin)
    assert everything == AuditEvent.select().count()
    by_rina = audit.list_events(admin, audit.AuditFilter(username="rina"))
    assert by_rina and {r.username for r in by_rina} == {"rina"}
    record = audit.list_events(admin, audit.AuditFilter(entity="resident", entity_id=first.id))
    assert [r.action for r in record] == ["update", "create"]  # newest first
    failed = audit.list_events(admin, audit.AuditFilter(action="login_failed"))
    assert [r.username for r in failed] == ["rina"]
    assert audit.count_events(admin, audit.AuditFilter(text="kamar")) == 1
    today = localtime.today(audit.zone())  # the balai's day (WIB): the PC's own date differs from 17:00 UTC on
    assert audit.count_events(admin, audit.AuditFilter(date_from=today, date_to=today)) == everything
    assert audit.count_events(admin, audit.AuditFilter(date_to=today - dt.timedelta(days=1))) == 0
    assert audit.count_events(admin, audit.AuditFilter(date_from=today + dt.timedelta(days=1))) == 0
    choices = audit.filter_choices(admin)
    assert {"rina", "sistem"} <= set(choices["username"])
    assert {"create", "update", "login_failed"} <= set(choices["action"])
    page = audit.list_events(admin, limit=2, offset=1)
    assert [r.id for r in page] == [r.id for r in audit.list_events(admin)][1:3]


def test_only_an_admin_reads_the_trail(admin):
    for role in ("staf", "instruktur"):
        who = make_account(role)
        with pytest.raises(PermissionDenied, match="jejak audit"):
            audit.list_events(who)


def test_export_csv_and_xlsx_and_the_export_is_recorded(admin, make_resident, tmp_path):
    make_resident(name="=HYPERLINK(\"http://x\")")  # a hostile name stays text
    csv_path = tmp_path / "audit.csv"
    count = audit_text.export_events(admin, audit.AuditFilter(entity="resident"), csv_path)
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == audit_text.EXPORT_HEADERS and len(rows) == count + 1 == 2
    assert rows[1][3] == "Membuat" and rows[1][4] == "Penerima Manfaat"
    assert rows[1][6].startswith("'=")
    exported = last("export", "audit_event")
    assert exported.username == "kepala" and "audit.csv" in exported.summary

    from openpyxl import load_workbook

    xlsx_path = tmp_path / "audit.xlsx"
    total = audit_text.export_events(admin, None, xlsx_path)
    sheet = load_workbook(xlsx_path).active
    assert [c.value for c in sheet[1]] == audit_text.EXPORT_HEADERS
    assert sheet.max_row == total + 1
    with pytest.raises(ValidationError):
        audit_text.export_events(admin, None, tmp_path / "audit.pdf")
