"""Beranda: how many PMs, per klaster and status; the work to follow up; today's classes.

Office staff see the register's figures, the follow-up lines ("Perlu asesmen"
is a link to the register filtered to those PMs) and the classes running
today; an instruktur sees his own classes and today's sessions, which fill the
page instead of leaving it empty.

The window may be made as small as its minimum size: the page then scrolls as a
whole, the follow-up lines move under the figures when they no longer have room
beside them, and the figures' columns scroll sideways inside the table. Nothing
is squeezed below its minimum size or painted over another part.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balai_app.domain import codes
from balai_app.domain.dates import format_long
from balai_app.gui.common.background import Background
from balai_app.gui.common.table_height import fit_height
from balai_app.gui.sessions.my_classes import MyClassesWidget
from balai_app.i18n import tr
from balai_app.services import accounts, profile, reports, residents
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


NEEDS_ASSESSMENT_LINK = "register:needs-assessment"
FACTS_MIN_CHARS = 30  # the follow-up lines stay beside the figures while they get this many characters a line
BESIDE_SPACING = 24  # between the figures and the follow-up lines beside them


def thousands(n: int) -> str:
    """1.884 — the Indonesian thousands separator."""
    return f"{n:,}".replace(",", ".")


class HomePage(QWidget):
    """Emits ``open_register_needing_assessment`` and ``open_class(batch_id, session_id or None)``,
    and follows them itself in the main window (``_main``) when the page lives in one."""

    open_register_needing_assessment = Signal()
    open_class = Signal(int, object)
    numbers_shown = Signal()  # the counts read on the worker thread are on screen

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.background = Background(self)
        # The page scrolls as a whole when the window is smaller than its content.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.content = QWidget()
        self.content.installEventFilter(self)  # its wish (sizeHint) is the page's: see eventFilter
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(24, 18, 24, 18)
        self.title = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.subtitle)
        self.heading = QLabel(tr("Jumlah Penerima Manfaat per klaster dan status"))
        self.heading.setStyleSheet("font-weight:bold; margin-top:12px;")
        layout.addWidget(self.heading)
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.table_width = 0  # wide enough for every column; 0 until the counts are shown
        # The figures and the follow-up side by side: no wide empty band right of the table
        # (the follow-up goes under the table when the page is too narrow, see _arrange).
        self.figures = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.figures.setSpacing(BESIDE_SPACING)
        self.figures.addWidget(self.table, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self.figures)
        self.follow_up = QLabel()
        self.follow_up.setTextFormat(Qt.TextFormat.RichText)
        self.follow_up.setWordWrap(True)
        self.follow_up.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.follow_up.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.follow_up.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                               | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.follow_up.linkActivated.connect(self._follow_link)
        self.figures.addWidget(self.follow_up, 1, Qt.AlignmentFlag.AlignTop)
        self.can_see_residents = allowed(actor, "residents.view")
        self.heading.setVisible(self.can_see_residents)
        self.table.setVisible(self.can_see_residents)
        self.follow_up.setVisible(allowed(actor, "reports.view"))
        self.aftercare = None
        if allowed(actor, "followups.view"):
            from balai_app.gui.aftercare.home_followups import FollowUpsPanel

            # Follow-ups due this month and overdue ones, under the figures.
            self.aftercare = FollowUpsPanel(actor, self)
            layout.addWidget(self.aftercare)
        # Today's classes fill the rest of the page (an instruktur: only his own).
        self.classes: MyClassesWidget | None = None
        if allowed(actor, "sessions.view"):
            self.classes = MyClassesWidget(actor, self)
            self.classes.layout().setContentsMargins(0, 12, 0, 0)
            if actor.role != "instruktur":
                self.classes.empty.setText(tr("Tidak ada angkatan yang sedang berjalan hari ini."))
            self.classes.open_today.connect(lambda batch_id, session_id: self._open_class(batch_id, session_id, True))
            self.classes.open_batch.connect(lambda batch_id: self._open_class(batch_id, None, False))
            layout.addWidget(self.classes, 1)
        else:
            layout.addStretch(1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """The content's own wish, not the scroll area's capped one: the window shares its width
        between the sidebar and the page as it did before the page scrolled. Its width is the one
        the figures want side by side, whichever way they stand now: a wish that followed the
        arrangement would move the sidebar, which would move the arrangement back (at the same
        window width, beside or under would depend on whether the window grew or shrank)."""
        hint = self.content.sizeHint()
        if self.table_width and self._both_shown():
            margins = self.content.layout().contentsMargins()
            beside = (margins.left() + margins.right() + self.table_width + BESIDE_SPACING
                      + self.follow_up.sizeHint().width())
            hint.setWidth(max(hint.width(), beside))
        return hint

    def _both_shown(self) -> bool:
        """Whether the figures and the follow-up lines are both on this page (roles see either)."""
        return self.table.isVisibleTo(self) and self.follow_up.isVisibleTo(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's wish changed (the figures came): the window asks again
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The follow-up lines beside the figures when both fit the page's width, under them
        otherwise; the table never wider than the page (its columns then scroll sideways)."""
        margins = self.content.layout().contentsMargins()
        # The room with the vertical scroll bar shown: whether it shows never changes the arrangement.
        room = (self.scroll.maximumViewportSize().width() - margins.left() - margins.right()
                - self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.scroll))
        facts_room = room - self.table_width - BESIDE_SPACING
        beside = not self._both_shown() or facts_room >= FACTS_MIN_CHARS * self.fontMetrics().averageCharWidth()
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if direction != self.figures.direction():
            self.figures.setDirection(direction)
            self.figures.setSpacing(BESIDE_SPACING if beside else self.content.layout().spacing())
        if self.table_width:
            width = min(self.table_width, max(room, 0))
            self.table.setFixedWidth(width)
            fit_height(self.table, width)

    def refresh(self) -> None:
        self._fill_header()
        self._fill_numbers()

    def refresh_after_paint(self, after_paint) -> None:
        """The greeting now; the counts once the window is on screen (``after_paint(fn)``)."""
        self._fill_header()
        if self.can_see_residents:
            self.heading.setText(tr("Jumlah Penerima Manfaat per klaster dan status (menghitung…)"))
        after_paint(self._fill_numbers)

    def _fill_header(self) -> None:
        info = profile.get_profile()
        self.title.setText(info.name if info else tr("Balai"))
        self.subtitle.setText(
            tr("Selamat datang, {user}").format(user=accounts.display_name(self.actor.user_id) or self.actor.username)
            + (f"\n{info.address}, {info.city}" if info and info.address else "")
        )

    def _fill_numbers(self) -> None:
        """The counts and the follow-up figures are read on the page's worker thread (a
        register of 200,000 PMs never makes the window wait); the newest reading wins."""
        actor, counts, board = self.actor, self.can_see_residents, self.follow_up.isVisibleTo(self)
        due = self.aftercare is not None
        if counts:
            self.heading.setText(tr("Jumlah Penerima Manfaat per klaster dan status (menghitung…)"))

        def read():
            from balai_app.services import followups

            return (residents.counts_by_klaster_and_status(actor) if counts else None,
                    reports.dashboard(actor) if board else None,
                    followups.due_list(actor) if due else None)

        self.background.run(read, self._show_numbers, self._numbers_failed)
        if self.classes is not None:
            self.classes.refresh()
            when = format_long(dt.date.today())
            self.classes.title.setText(tr("Kelas saya — {d}").format(d=when) if self.actor.role == "instruktur"
                                       else tr("Kelas berjalan — {d}").format(d=when))
            self.classes.title.setStyleSheet("font-weight:bold;")

    def _show_numbers(self, numbers) -> None:
        counts, board, due = numbers
        self.heading.setText(tr("Jumlah Penerima Manfaat per klaster dan status"))
        if counts is not None:
            self._fill_counts(counts)
        if board is not None:
            self._fill_follow_up(board)
        if due is not None and self.aftercare is not None:
            self.aftercare.show_listing(due)
        self.numbers_shown.emit()

    def _numbers_failed(self, exc: BaseException) -> None:
        why = str(getattr(exc, "message", "") or exc)
        self.heading.setText(tr("Jumlah Penerima Manfaat belum dapat dihitung: {why}").format(why=why))
        self.numbers_shown.emit()

    # --- following a link ------------------------------------------------------
    def _main(self):
        window = self.window()
        return window if hasattr(window, "open_section") else None

    def _follow_link(self, link: str) -> None:
        if link == NEEDS_ASSESSMENT_LINK:
            self.open_register_needing_assessment.emit()
            main = self._main()
            if main is not None:
                main.open_section("residents").show_needing_assessment()

    def _open_class(self, batch_id: int, session_id, today: bool) -> None:
        """"Isi presensi hari ini" (``today``: today's session, created first when there is none)
        or "Buka angkatan", on the Sesi & Presensi page."""
        self.open_class.emit(batch_id, session_id)
        main = self._main()
        if main is not None:
            page = main.open_section("sessions")
            if today:
                page.open_today(batch_id, session_id)
            else:
                page.open_batch(batch_id)

    def _fill_follow_up(self, board) -> None:
        lines = [
            tr("<b>Pelatihan berjalan:</b> {b} angkatan, {p} peserta aktif").format(
                b=thousands(board.running_batches), p=thousands(board.active_participants)),
            tr("<b>Sertifikat tahun ini:</b> {n} berlaku, {r} dicabut").format(
                n=thousands(board.certificates_this_year), r=thousands(board.revoked_this_year)),
        ]
        if board.active_without_assessment:
            text = tr("<span style='color:#b45309'><b>Perlu asesmen:</b> {n} PM aktif belum pernah "
                      "diasesmen</span>").format(n=thousands(board.active_without_assessment))
            if self.can_see_residents:
                text += " — <a href='{link}'>{label}</a>".format(
                    link=NEEDS_ASSESSMENT_LINK, label=tr("tampilkan daftarnya"))
            lines.append(text)
        else:
            lines.append(tr("<b>Asesmen:</b> semua PM aktif sudah diasesmen"))
        self.follow_up.setText("<p style='line-height:150%'>" + "<br>".join(lines) + "</p>")

    def _fill_counts(self, counts: dict[tuple[str, str], int]) -> None:
        statuses = list(codes.RESIDENT_STATUS)
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [tr("Klaster")] + [codes.label(codes.RESIDENT_STATUS, s) for s in statuses] + [tr("Jumlah")]
        )
        column_totals = [0] * (len(statuses) + 1)
        for klaster in codes.KLASTER:
            row = [QStandardItem(codes.label(codes.KLASTER, klaster))]
            total = 0
            for index, status in enumerate(statuses):
                n = counts.get((klaster, status), 0)
                total += n
                column_totals[index] += n
                row.append(self._number(n))
            column_totals[-1] += total
            row.append(self._number(total, bold=True))
            self.model.appendRow(row)
        footer = [QStandardItem(tr("Jumlah"))] + [self._number(n, bold=True) for n in column_totals]
        footer[0].setFont(self._bold())
        self.model.appendRow(footer)
        self.table.resizeColumnsToContents()
        self.table_width = self.table.horizontalHeader().length() + 2 * self.table.frameWidth() + 2
        self._arrange()  # as wide as its columns, or as the page

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _number(self, n: int, bold: bool = False) -> QStandardItem:
        item = QStandardItem(thousands(n))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            item.setFont(self._bold())
        return item
