# Generated from ui/certificate_register.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout)

class Ui_CertificateRegister(object):
    def setupUi(self, CertificateRegister):
        if not CertificateRegister.objectName():
            CertificateRegister.setObjectName(u"CertificateRegister")
        CertificateRegister.resize(1100, 680)
        self.mainLayout = QVBoxLayout(CertificateRegister)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(CertificateRegister)
        self.heading.setObjectName(u"heading")

        self.mainLayout.addWidget(self.heading)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.issueButton = QPushButton(CertificateRegister)
        self.issueButton.setObjectName(u"issueButton")

        self.actionLayout.addWidget(self.issueButton)

        self.previewButton = QPushButton(CertificateRegister)
        self.previewButton.setObjectName(u"previewButton")

        self.actionLayout.addWidget(self.previewButton)

        self.printButton = QPushButton(CertificateRegister)
        self.printButton.setObjectName(u"printButton")

        self.actionLayout.addWidget(self.printButton)

        self.savePdfButton = QPushButton(CertificateRegister)
        self.savePdfButton.setObjectName(u"savePdfButton")

        self.actionLayout.addWidget(self.savePdfButton)

        self.saveFolderButton = QPushButton(CertificateRegister)
        self.saveFolderButton.setObjectName(u"saveFolderButton")

        self.actionLayout.addWidget(self.saveFolderButton)

        self.revokeButton = QPushButton(CertificateRegister)
        self.revokeButton.setObjectName(u"revokeButton")

        self.actionLayout.addWidget(self.revokeButton)

        self.reissueButton = QPushButton(CertificateRegister)
        self.reissueButton.setObjectName(u"reissueButton")

        self.actionLayout.addWidget(self.reissueButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)

        self.verifyButton = QPushButton(CertificateRegister)
        self.verifyButton.setObjectName(u"verifyButton")

        self.actionLayout.addWidget(self.verifyButton)


        self.mainLayout.addLayout(self.actionLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchEdit = QLineEdit(CertificateRegister)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.yearLabel = QLabel(CertificateRegister)
        self.yearLabel.setObjectName(u"yearLabel")

        self.filterLayout.addWidget(self.yearLabel)

        self.yearCombo = QComboBox(CertificateRegister)
        self.yearCombo.setObjectName(u"yearCombo")

        self.filterLayout.addWidget(self.yearCombo)

        self.programLabel = QLabel(CertificateRegister)
        self.programLabel.setObjectName(u"programLabel")

        self.filterLayout.addWidget(self.programLabel)

        self.programCombo = QComboBox(CertificateRegister)
        self.programCombo.setObjectName(u"programCombo")

        self.filterLayout.addWidget(self.programCombo)

        self.batchLabel = QLabel(CertificateRegister)
        self.batchLabel.setObjectName(u"batchLabel")

        self.filterLayout.addWidget(self.batchLabel)

        self.batchCombo = QComboBox(CertificateRegister)
        self.batchCombo.setObjectName(u"batchCombo")
        self.batchCombo.setMinimumSize(QSize(200, 0))

        self.filterLayout.addWidget(self.batchCombo)

        self.statusLabel = QLabel(CertificateRegister)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(CertificateRegister)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.selectAllButton = QPushButton(CertificateRegister)
        self.selectAllButton.setObjectName(u"selectAllButton")

        self.filterLayout.addWidget(self.selectAllButton)


        self.mainLayout.addLayout(self.filterLayout)

        self.table = QTableView(CertificateRegister)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setWordWrap(False)

        self.mainLayout.addWidget(self.table)

        self.detailLabel = QLabel(CertificateRegister)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.detailLabel)

        self.countLabel = QLabel(CertificateRegister)
        self.countLabel.setObjectName(u"countLabel")

        self.mainLayout.addWidget(self.countLabel)


        self.retranslateUi(CertificateRegister)
    # setupUi

    def retranslateUi(self, CertificateRegister):
        CertificateRegister.setWindowTitle(QCoreApplication.translate("CertificateRegister", u"Sertifikat", None))
        self.heading.setText(QCoreApplication.translate("CertificateRegister", u"Register sertifikat kompetensi", None))
        self.issueButton.setText(QCoreApplication.translate("CertificateRegister", u"Terbitkan\u2026", None))
        self.previewButton.setText(QCoreApplication.translate("CertificateRegister", u"Pratinjau", None))
        self.printButton.setText(QCoreApplication.translate("CertificateRegister", u"Cetak\u2026", None))
        self.savePdfButton.setText(QCoreApplication.translate("CertificateRegister", u"Simpan PDF\u2026", None))
        self.saveFolderButton.setText(QCoreApplication.translate("CertificateRegister", u"PDF per sertifikat\u2026", None))
        self.revokeButton.setText(QCoreApplication.translate("CertificateRegister", u"Cabut\u2026", None))
        self.reissueButton.setText(QCoreApplication.translate("CertificateRegister", u"Terbitkan ulang\u2026", None))
        self.verifyButton.setText(QCoreApplication.translate("CertificateRegister", u"Verifikasi\u2026", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CertificateRegister", u"Cari nomor atau nama\u2026", None))
        self.yearLabel.setText(QCoreApplication.translate("CertificateRegister", u"Tahun", None))
        self.programLabel.setText(QCoreApplication.translate("CertificateRegister", u"Program", None))
        self.batchLabel.setText(QCoreApplication.translate("CertificateRegister", u"Angkatan", None))
        self.statusLabel.setText(QCoreApplication.translate("CertificateRegister", u"Status", None))
        self.selectAllButton.setText(QCoreApplication.translate("CertificateRegister", u"Pilih semua", None))
    # retranslateUi

