# Generated from ui/enroll_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QTableView, QVBoxLayout)

class Ui_EnrollDialog(object):
    def setupUi(self, EnrollDialog):
        if not EnrollDialog.objectName():
            EnrollDialog.setObjectName(u"EnrollDialog")
        EnrollDialog.resize(760, 560)
        self.dialogLayout = QVBoxLayout(EnrollDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.batchLabel = QLabel(EnrollDialog)
        self.batchLabel.setObjectName(u"batchLabel")
        self.batchLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.batchLabel)

        self.search = QLineEdit(EnrollDialog)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.dialogLayout.addWidget(self.search)

        self.candidates = QTableView(EnrollDialog)
        self.candidates.setObjectName(u"candidates")
        self.candidates.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.candidates.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.candidates.setAlternatingRowColors(True)

        self.dialogLayout.addWidget(self.candidates)

        self.chosenLabel = QLabel(EnrollDialog)
        self.chosenLabel.setObjectName(u"chosenLabel")
        self.chosenLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.chosenLabel)

        self.errorSummary = QLabel(EnrollDialog)
        self.errorSummary.setObjectName(u"errorSummary")
        self.errorSummary.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorSummary)

        self.enrollForm = QFormLayout()
        self.enrollForm.setObjectName(u"enrollForm")
        self.enrollForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.start_dateLabel = QLabel(EnrollDialog)
        self.start_dateLabel.setObjectName(u"start_dateLabel")

        self.enrollForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.start_dateLabel)

        self.start_dateBox = QVBoxLayout()
        self.start_dateBox.setSpacing(1)
        self.start_dateBox.setObjectName(u"start_dateBox")
        self.start_date = QDateEdit(EnrollDialog)
        self.start_date.setObjectName(u"start_date")
        self.start_date.setCalendarPopup(True)

        self.start_dateBox.addWidget(self.start_date)

        self.start_dateError = QLabel(EnrollDialog)
        self.start_dateError.setObjectName(u"start_dateError")
        self.start_dateError.setWordWrap(True)

        self.start_dateBox.addWidget(self.start_dateError)


        self.enrollForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.start_dateBox)

        self.reasonLabel = QLabel(EnrollDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.enrollForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonBox = QVBoxLayout()
        self.reasonBox.setSpacing(1)
        self.reasonBox.setObjectName(u"reasonBox")
        self.reason = QLineEdit(EnrollDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMaxLength(1000)

        self.reasonBox.addWidget(self.reason)

        self.reasonError = QLabel(EnrollDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setWordWrap(True)

        self.reasonBox.addWidget(self.reasonError)


        self.enrollForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.reasonBox)


        self.dialogLayout.addLayout(self.enrollForm)

        self.buttons = QDialogButtonBox(EnrollDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EnrollDialog)
    # setupUi

    def retranslateUi(self, EnrollDialog):
        EnrollDialog.setWindowTitle(QCoreApplication.translate("EnrollDialog", u"Daftarkan peserta", None))
        self.batchLabel.setText("")
        self.batchLabel.setStyleSheet(QCoreApplication.translate("EnrollDialog", u"font-weight:bold;", None))
        self.search.setPlaceholderText(QCoreApplication.translate("EnrollDialog", u"Cari nama, NIK atau tempat lahir PM berstatus Aktif\u2026", None))
        self.chosenLabel.setText("")
        self.errorSummary.setText("")
        self.errorSummary.setStyleSheet(QCoreApplication.translate("EnrollDialog", u"color:#b91c1c;", None))
        self.start_dateLabel.setText(QCoreApplication.translate("EnrollDialog", u"Tanggal mulai", None))
        self.start_date.setDisplayFormat(QCoreApplication.translate("EnrollDialog", u"dd/MM/yyyy", None))
        self.start_dateError.setText("")
        self.start_dateError.setStyleSheet(QCoreApplication.translate("EnrollDialog", u"color:#b91c1c;", None))
        self.reasonLabel.setText(QCoreApplication.translate("EnrollDialog", u"Alasan (PM di bawah 15 tahun)", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("EnrollDialog", u"Wajib bila program hanya untuk peserta 15 tahun ke atas dan PM berumur di bawah 15 tahun", None))
        self.reasonError.setText("")
        self.reasonError.setStyleSheet(QCoreApplication.translate("EnrollDialog", u"color:#b91c1c;", None))
    # retranslateUi

