"""Catat hasil setelah pelatihan: bekerja, magang, wirausaha, pendidikan, keluarga, belum bekerja.

Only the fields of the chosen kind are shown. With ``corrects`` the dialog records a
correction: a newer outcome that replaces the chosen one (the old one stays in the history).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from balai_app.domain import codes
from balai_app.gui.aftercare.form_dialog import FormDialog, combo, date_edit
from balai_app.gui.common.qt_dates import from_qdate
from balai_app.i18n import tr
from balai_app.services import outcomes, partners
from balai_app.services.context import Actor

# kind -> the fields it shows (besides kind, date, note)
KIND_FIELDS = {
    "bekerja": ("partner", "employer", "position", "start_date", "wage_band"),
    "magang": ("partner", "employer", "position", "start_date", "end_date"),
    "wirausaha": ("business_kind", "support_received", "support_programme", "support_value"),
    "pendidikan": ("partner", "employer"),
    "keluarga": (),
    "belum": (),
}
OPTIONAL = ("partner", "employer", "position", "start_date", "end_date", "wage_band", "business_kind",
            "support_received", "support_programme", "support_value")


class OutcomeDialog(FormDialog):
    def __init__(self, actor: Actor, resident_id: int, resident_name: str, parent: QWidget | None = None,
                 *, corrects: outcomes.OutcomeRow | None = None):
        title = tr("Koreksi hasil — {name}") if corrects else tr("Catat hasil setelah pelatihan — {name}")
        super().__init__(title.format(name=resident_name), parent)
        self.actor, self.resident_id, self.corrects = actor, resident_id, corrects
        if corrects:
            self.set_intro(tr("Mengoreksi: {summary} ({date}). Hasil lama tetap tersimpan dalam riwayat, "
                              "ditandai sudah dikoreksi.").format(summary=corrects.summary(),
                                                                  date=corrects.date.strftime("%d/%m/%Y")))
        self.kind = self.add_row("kind", tr("Jenis hasil"), combo(
            [(c, codes.label(codes.OUTCOME_KINDS, c)) for c in codes.OUTCOME_KINDS], tr("— pilih —")))
        self.date = self.add_row("date", tr("Tanggal"), date_edit())
        partner_items = [(None, tr("— bukan mitra —"))] + [
            (p.id, p.name) for p in partners.list_partners(actor, include_ended=False)]
        self.partner = self.add_row("partner", tr("Mitra"), combo(partner_items))
        self.employer = self.add_row("employer", tr("Tempat kerja/lembaga (bila bukan mitra)"), QLineEdit())
        self.position = self.add_row("position", tr("Jabatan/posisi"), QLineEdit())
        self.start_date = self.add_row("start_date", tr("Tanggal mulai"), date_edit(maximum_today=False))
        self.end_date = self.add_row("end_date", tr("Tanggal selesai magang"), date_edit(maximum_today=False))
        self.wage_band = self.add_row("wage_band", tr("Kisaran upah (pilihan)"), combo(
            [("", tr("— tidak diketahui —"))] + [(c, codes.label(codes.WAGE_BANDS, c)) for c in codes.WAGE_BANDS]))
        self.business_kind = self.add_row("business_kind", tr("Jenis usaha"), QLineEdit())
        self.support_received = self.add_row("support_received", tr("Bantuan"),
                                              QCheckBox(tr("Menerima bantuan modal/alat")))
        self.support_programme = self.add_row("support_programme", tr("Program bantuan"), QLineEdit())
        self.support_programme.setPlaceholderText(tr("mis. PENA"))
        self.support_value = self.add_row("support_value", tr("Nilai bantuan (Rp)"), QLineEdit())
        self.support_value.setPlaceholderText(tr("mis. 5.000.000"))
        self.note = self.add_row("note", tr("Catatan"), QPlainTextEdit())
        self.note.setMaximumHeight(80)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.support_received.toggled.connect(self._kind_changed)
        if corrects:
            self.kind.setCurrentIndex(self.kind.findData(corrects.kind))
            from balai_app.gui.common.qt_dates import to_qdate

            self.date.setDate(to_qdate(corrects.date))
            self.partner.setCurrentIndex(max(0, self.partner.findData(corrects.partner_id)))
            self.employer.setText(corrects.employer)
            self.position.setText(corrects.position)
            self.business_kind.setText(corrects.business_kind)
        self._kind_changed()
        self.resize(520, 560)
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        shown = KIND_FIELDS.get(self.kind.currentData(), ())
        for field in OPTIONAL:
            visible = field in shown
            if field in ("support_programme", "support_value"):
                visible = visible and self.support_received.isChecked()
            self.set_row_visible(field, visible)

    def values(self) -> dict:
        return {
            "kind": self.kind.currentData(),
            "date": from_qdate(self.date.date()),
            "partner": self.partner.currentData(),
            "employer": self.employer.text(),
            "position": self.position.text(),
            "start_date": from_qdate(self.start_date.date()),
            "end_date": from_qdate(self.end_date.date()),
            "wage_band": self.wage_band.currentData() or "",
            "business_kind": self.business_kind.text(),
            "support_received": self.support_received.isChecked(),
            "support_programme": self.support_programme.text(),
            "support_value": self.support_value.text(),
            "note": self.note.toPlainText(),
            "corrects": self.corrects.id if self.corrects else None,
        }

    def submit(self):
        return outcomes.add_outcome(self.actor, self.resident_id, self.values())
