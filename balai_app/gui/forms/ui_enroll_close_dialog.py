# Generated from ui/enroll_close_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialogButtonBox,
    QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout)

class Ui_EnrollCloseDialog(object):
    def setupUi(self, EnrollCloseDialog):
        if not EnrollCloseDialog.objectName():
            EnrollCloseDialog.setObjectName(u"EnrollCloseDialog")
        EnrollCloseDialog.resize(520, 320)
        self.dialogLayout = QVBoxLayout(EnrollCloseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.intro = QLabel(EnrollCloseDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.dialogLayout.addWidget(self.intro)

        self.errorSummary = QLabel(EnrollCloseDialog)
        self.errorSummary.setObjectName(u"errorSummary")
        self.errorSummary.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorSummary)

        self.closeForm = QFormLayout()
        self.closeForm.setObjectName(u"closeForm")
        self.closeForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.statusLabel = QLabel(EnrollCloseDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.closeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusBox = QVBoxLayout()
        self.statusBox.setSpacing(1)
        self.statusBox.setObjectName(u"statusBox")
        self.status = QComboBox(EnrollCloseDialog)
        self.status.setObjectName(u"status")

        self.statusBox.addWidget(self.status)

        self.statusError = QLabel(EnrollCloseDialog)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)

        self.statusBox.addWidget(self.statusError)


        self.closeForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.statusBox)

        self.dateLabel = QLabel(EnrollCloseDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.closeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateBox = QVBoxLayout()
        self.dateBox.setSpacing(1)
        self.dateBox.setObjectName(u"dateBox")
        self.date = QDateEdit(EnrollCloseDialog)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)

        self.dateBox.addWidget(self.date)

        self.dateError = QLabel(EnrollCloseDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)

        self.dateBox.addWidget(self.dateError)


        self.closeForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dateBox)

        self.reasonLabel = QLabel(EnrollCloseDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.closeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonBox = QVBoxLayout()
        self.reasonBox.setSpacing(1)
        self.reasonBox.setObjectName(u"reasonBox")
        self.reason = QPlainTextEdit(EnrollCloseDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setMaximumSize(QSize(16777215, 80))

        self.reasonBox.addWidget(self.reason)

        self.reasonError = QLabel(EnrollCloseDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setWordWrap(True)

        self.reasonBox.addWidget(self.reasonError)


        self.closeForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.reasonBox)


        self.dialogLayout.addLayout(self.closeForm)

        self.buttons = QDialogButtonBox(EnrollCloseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(EnrollCloseDialog)
    # setupUi

    def retranslateUi(self, EnrollCloseDialog):
        EnrollCloseDialog.setWindowTitle(QCoreApplication.translate("EnrollCloseDialog", u"Tutup keikutsertaan", None))
        self.intro.setText("")
        self.errorSummary.setText("")
        self.errorSummary.setStyleSheet(QCoreApplication.translate("EnrollCloseDialog", u"color:#b91c1c;", None))
        self.statusLabel.setText(QCoreApplication.translate("EnrollCloseDialog", u"Status akhir", None))
        self.statusError.setText("")
        self.statusError.setStyleSheet(QCoreApplication.translate("EnrollCloseDialog", u"color:#b91c1c;", None))
        self.dateLabel.setText(QCoreApplication.translate("EnrollCloseDialog", u"Tanggal", None))
        self.date.setDisplayFormat(QCoreApplication.translate("EnrollCloseDialog", u"dd/MM/yyyy", None))
        self.dateError.setText("")
        self.dateError.setStyleSheet(QCoreApplication.translate("EnrollCloseDialog", u"color:#b91c1c;", None))
        self.reasonLabel.setText(QCoreApplication.translate("EnrollCloseDialog", u"Alasan", None))
        self.reasonError.setText("")
        self.reasonError.setStyleSheet(QCoreApplication.translate("EnrollCloseDialog", u"color:#b91c1c;", None))
    # retranslateUi

