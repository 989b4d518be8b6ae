"""Issue 14: every stored time (UTC) is shown in the balai's zone (WIB/WITA/WIT, a profile
setting), not in UTC nor in the PC's own zone: an event at 04:20 WIB reads that day."""

from __future__ import annotations

import datetime as dt

from balai_app.db.models import AuditEvent, Setting
from balai_app.domain import localtime
from balai_app.services import audit
from balai_app.services import audit_text
from balai_app.services.context import SYSTEM

STORED = dt.datetime(2026, 11, 21, 21, 20)  # UTC: 22/11/2026 04:20 WIB, 05:20 WITA


def _event() -> None:
    audit.record_many([audit.NewEvent(None, "sistem", "update", "resident", 7, "Alamat diubah")], at=STORED)


def test_the_audit_page_and_its_filter_use_the_balai_zone(db, db_path, gui_app, qtbot):
    from balai_app.gui.audit.audit_page import AuditPage

    _event()
    page = AuditPage(SYSTEM)
    qtbot.addWidget(page)
    page.show()
    page.reset_filters()  # it opens on today's events
    row = next(i for i, r in enumerate(page.model.rows()) if r.entity_id == 7)
    assert page.model.index(row, 0).data() == "22/11/2026 04:20:00"
    page.ui.auditTable.setCurrentIndex(page.model.index(row, 0))
    assert "04:20:00 WIB" in page.ui.detailView.toPlainText()
    page.resize(1100, 600)
    page.grab().save(str(db_path.parent / "audit-wib.png"))
    on_22 = audit.AuditFilter(date_from=dt.date(2026, 11, 22), date_to=dt.date(2026, 11, 22))
    on_21 = audit.AuditFilter(date_from=dt.date(2026, 11, 21), date_to=dt.date(2026, 11, 21))
    assert [e.entity_id for e in audit.list_events(SYSTEM, on_22)] == [7]
    assert audit.list_events(SYSTEM, on_21) == []

    Setting.insert(key=localtime.SETTING_KEY, value="WITA").on_conflict_replace().execute()
    page.apply()
    assert page.model.index(row, 0).data() == "22/11/2026 05:20:00"


def test_audit_list_and_export_print_the_balai_zone(db, db_path, tmp_path):
    from balai_app.services.database import close_database
    from support.inprocess import invoke

    _event()
    assert audit_text.export_events(SYSTEM, None, tmp_path / "jejak.csv") == AuditEvent.select().count() - 1
    assert "2026-11-22 04:20:00" in (tmp_path / "jejak.csv").read_text(encoding="utf-8-sig")
    close_database()
    result = invoke("--db", db_path, "audit", "list", "--entity", "resident")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("22/11/2026 04:20:00 WIB\tsistem")


def test_a_rehab_certificate_revocation_reads_the_local_day(db):
    from balai_app.services.rehab_certificates import REVOKED, Verdict

    verdict = Verdict(REVOKED, "001/RS", "Ani", dt.date(2026, 11, 1), "Salah data", revoked_at=STORED, zone="WIB")
    assert "22 November 2026 (22/11/2026 04:20 WIB)" in verdict.text()
