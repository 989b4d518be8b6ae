"""Beranda: how many PMs, per klaster and status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from balai_app.domain import codes
from balai_app.gui.common.table_height import fit_height
from balai_app.i18n import tr
from balai_app.services import accounts, profile, reports, residents
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


class HomePage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        layout = QVBoxLayout(self)
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
        layout.addWidget(self.table)
        self.follow_up = QLabel()
        self.follow_up.setTextFormat(Qt.TextFormat.RichText)
        self.follow_up.setStyleSheet("margin-top:14px;")
        layout.addWidget(self.follow_up)
        layout.addStretch(1)
        self.can_see_residents = allowed(actor, "residents.view")
        self.heading.setVisible(self.can_see_residents)
        self.table.setVisible(self.can_see_residents)
        self.follow_up.setVisible(allowed(actor, "reports.view"))

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
        self.heading.setText(tr("Jumlah Penerima Manfaat per klaster dan status"))
        if self.can_see_residents:
            self._fill_counts(residents.counts_by_klaster_and_status(self.actor))
        if self.follow_up.isVisibleTo(self):
            self._fill_follow_up(reports.dashboard(self.actor))

    def _fill_follow_up(self, board) -> None:
        lines = [
            tr("<b>Pelatihan berjalan:</b> {b} angkatan, {p} peserta aktif").format(
                b=board.running_batches, p=board.active_participants),
            tr("<b>Sertifikat tahun ini:</b> {n} berlaku, {r} dicabut").format(
                n=board.certificates_this_year, r=board.revoked_this_year),
        ]
        if board.active_without_assessment:
            lines.append(tr("<span style='color:#b45309'><b>Perlu asesmen:</b> {n} PM aktif belum pernah "
                            "diasesmen</span>").format(n=board.active_without_assessment))
        else:
            lines.append(tr("<b>Asesmen:</b> semua PM aktif sudah diasesmen"))
        self.follow_up.setText("<br>".join(lines))

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
        fit_height(self.table)

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _number(self, n: int, bold: bool = False) -> QStandardItem:
        item = QStandardItem(f"{n:,}".replace(",", "."))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold:
            item.setFont(self._bold())
        return item
