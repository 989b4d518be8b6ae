"""Beranda lists the aftercare contacts due this month and the overdue ones; a link opens the PM."""

from __future__ import annotations

import datetime as dt
import os

from balai_app.gui.home.home import HomePage
from balai_app.services import followups
from balai_app.services.context import Actor


def test_due_and_overdue_followups_link_to_the_pm(gui_app, db, system, make_resident, qtbot, tmp_path):
    first = dt.date.today().replace(day=1)
    due_now = make_resident(name="Dewi Lestari", sex="P", nik="3201015501100011", entry_date="2024-01-08",
                            status="selesai", exit_date=followups.add_months(first, -6).isoformat())
    late = make_resident(name="Muh. Ma'ruf", nik="3201011501100012", entry_date="2024-01-08",
                         status="kembali_keluarga", exit_date=followups.add_months(first, -4).isoformat())
    make_resident(name="Masih Aktif", nik="3201011501100013")
    page = HomePage(Actor(None, "staf", "staf"))
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    panel = page.aftercare
    with qtbot.waitSignal(page.numbers_shown, timeout=60_000):
        page.refresh()  # the due list is read on the page's worker thread, with the counts
        assert panel.body.text() == ""  # nothing read on the GUI thread: it arrives with the counts
    text = panel.body.text()
    assert f"<a href='pm:{due_now.id}'>Dewi Lestari</a> (6 bulan" in text
    assert f"<a href='pm:{late.id}'>Muh. Ma&#x27;ruf</a> (3 bulan" in text
    assert "Terlambat: 2" in text and "Jatuh tempo bulan ini: 1" in text and "Masih Aktif" not in text
    if os.environ.get("BALAI_SHOTS"):
        qtbot.wait(50)  # let the layout give the labels their height
        page.grab().save(str(tmp_path / "home.png"))
    panel.body.linkActivated.emit(f"pm:{late.id}")
    assert panel.detail.ui.nameLabel.text() == "Muh. Ma'ruf"
    panel.detail.reject()
    followups.record_followup(system, late.id, {"how": "kunjungan", "finding": "Sehat, membantu usaha keluarga"})
    with qtbot.waitSignal(page.numbers_shown, timeout=60_000):
        page.refresh()
    assert "Terlambat: 1" in panel.body.text()  # only Dewi's 3-month contact is left


def test_instruktur_sees_no_followups(gui_app, db, qtbot):
    page = HomePage(Actor(None, "guru", "instruktur"))
    qtbot.addWidget(page)
    page.refresh()
    assert page.aftercare is None
