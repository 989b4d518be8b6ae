"""Beranda: aftercare contacts due this month and overdue ones, each a link that opens the PM."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from balai_app.domain.dates import format_short
from balai_app.i18n import tr
from balai_app.services import followups
from balai_app.services.context import Actor

SHOWN = 8  # per list; the rest is counted


class FollowUpsPanel(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.detail = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 12, 0, 0)  # in line with the labels above
        self.heading = QLabel(tr("Bimbingan lanjut"))
        self.heading.setStyleSheet("font-weight:bold;")
        layout.addWidget(self.heading)
        self.body = QLabel()
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.body.linkActivated.connect(self.open_resident)
        layout.addWidget(self.body)
        self.listing = None

    def refresh(self) -> None:
        self.show_listing(followups.due_list(self.actor))

    def show_listing(self, listing: followups.DueList) -> None:
        """Show a due list read elsewhere (Beranda reads it on its worker thread)."""
        self.listing = listing
        parts = []
        for title, items, color in (
            (tr("Terlambat"), self.listing.overdue, "#b91c1c"),
            (tr("Jatuh tempo bulan ini"), self.listing.due, "#1d4ed8"),
        ):
            parts.append(f"<span style='color:{color}'><b>{html.escape(title)}: {len(items)}</b></span>")
            links = [
                f"<a href='pm:{i.resident_id}'>{html.escape(i.resident_name)}</a> "
                f"({html.escape(i.plan_label)}, {format_short(i.due_date)})"
                for i in items[:SHOWN]
            ]
            if len(items) > SHOWN:
                links.append(html.escape(tr("dan {n} lainnya").format(n=len(items) - SHOWN)))
            if links:
                parts.append("&nbsp;&nbsp;" + " · ".join(links))
        self.body.setText("<br>".join(parts))

    def open_resident(self, link: str) -> None:
        from balai_app.gui.residents.resident_detail import ResidentDetail

        resident_id = int(link.split(":", 1)[1])
        self.detail = ResidentDetail(self.actor, resident_id, self)
        self.detail.finished.connect(lambda _r: self.refresh())
        self.detail.open()
