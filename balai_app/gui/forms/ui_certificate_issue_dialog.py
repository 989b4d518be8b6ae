# Generated from ui/certificate_issue_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit,
    QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout)

class Ui_CertificateIssueDialog(object):
    def setupUi(self, CertificateIssueDialog):
        if not CertificateIssueDialog.objectName():
            CertificateIssueDialog.setObjectName(u"CertificateIssueDialog")
        CertificateIssueDialog.resize(860, 600)
        self.mainLayout = QVBoxLayout(CertificateIssueDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.batchLabel = QLabel(CertificateIssueDialog)
        self.batchLabel.setObjectName(u"batchLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.batchLabel)

        self.batchCombo = QComboBox(CertificateIssueDialog)
        self.batchCombo.setObjectName(u"batchCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.batchCombo)

        self.dateLabel = QLabel(CertificateIssueDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(CertificateIssueDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.summaryLabel = QLabel(CertificateIssueDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.table = QTableView(CertificateIssueDialog)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(True)

        self.mainLayout.addWidget(self.table)

        self.overrideLabel = QLabel(CertificateIssueDialog)
        self.overrideLabel.setObjectName(u"overrideLabel")

        self.mainLayout.addWidget(self.overrideLabel)

        self.overrideEdit = QPlainTextEdit(CertificateIssueDialog)
        self.overrideEdit.setObjectName(u"overrideEdit")
        self.overrideEdit.setMaximumSize(QSize(16777215, 70))

        self.mainLayout.addWidget(self.overrideEdit)

        self.overrideError = QLabel(CertificateIssueDialog)
        self.overrideError.setObjectName(u"overrideError")
        self.overrideError.setWordWrap(True)

        self.mainLayout.addWidget(self.overrideError)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.issueAllButton = QPushButton(CertificateIssueDialog)
        self.issueAllButton.setObjectName(u"issueAllButton")

        self.buttonLayout.addWidget(self.issueAllButton)

        self.issueOneButton = QPushButton(CertificateIssueDialog)
        self.issueOneButton.setObjectName(u"issueOneButton")

        self.buttonLayout.addWidget(self.issueOneButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(CertificateIssueDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonLayout.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonLayout)


        self.retranslateUi(CertificateIssueDialog)
    # setupUi

    def retranslateUi(self, CertificateIssueDialog):
        CertificateIssueDialog.setWindowTitle(QCoreApplication.translate("CertificateIssueDialog", u"Terbitkan sertifikat", None))
        self.batchLabel.setText(QCoreApplication.translate("CertificateIssueDialog", u"Angkatan", None))
        self.dateLabel.setText(QCoreApplication.translate("CertificateIssueDialog", u"Tanggal terbit", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("CertificateIssueDialog", u"dd/MM/yyyy", None))
        self.overrideLabel.setText(QCoreApplication.translate("CertificateIssueDialog", u"Alasan pengecualian (wajib bila peserta terpilih belum memenuhi syarat):", None))
        self.overrideError.setStyleSheet(QCoreApplication.translate("CertificateIssueDialog", u"color:#b91c1c;", None))
        self.issueAllButton.setText(QCoreApplication.translate("CertificateIssueDialog", u"Terbitkan untuk semua yang memenuhi syarat", None))
        self.issueOneButton.setText(QCoreApplication.translate("CertificateIssueDialog", u"Terbitkan untuk peserta terpilih", None))
        self.closeButton.setText(QCoreApplication.translate("CertificateIssueDialog", u"Tutup", None))
    # retranslateUi

