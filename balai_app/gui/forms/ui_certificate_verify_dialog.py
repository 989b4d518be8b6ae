# Generated from ui/certificate_verify_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout)

class Ui_CertificateVerifyDialog(object):
    def setupUi(self, CertificateVerifyDialog):
        if not CertificateVerifyDialog.objectName():
            CertificateVerifyDialog.setObjectName(u"CertificateVerifyDialog")
        CertificateVerifyDialog.resize(560, 420)
        self.mainLayout = QVBoxLayout(CertificateVerifyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.payloadLabel = QLabel(CertificateVerifyDialog)
        self.payloadLabel.setObjectName(u"payloadLabel")

        self.mainLayout.addWidget(self.payloadLabel)

        self.payloadEdit = QPlainTextEdit(CertificateVerifyDialog)
        self.payloadEdit.setObjectName(u"payloadEdit")
        self.payloadEdit.setMaximumSize(QSize(16777215, 90))

        self.mainLayout.addWidget(self.payloadEdit)

        self.orLabel = QLabel(CertificateVerifyDialog)
        self.orLabel.setObjectName(u"orLabel")

        self.mainLayout.addWidget(self.orLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.numberLabel = QLabel(CertificateVerifyDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(CertificateVerifyDialog)
        self.numberEdit.setObjectName(u"numberEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.codeLabel = QLabel(CertificateVerifyDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(CertificateVerifyDialog)
        self.codeEdit.setObjectName(u"codeEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.verifyButton = QPushButton(CertificateVerifyDialog)
        self.verifyButton.setObjectName(u"verifyButton")

        self.mainLayout.addWidget(self.verifyButton)

        self.resultLabel = QLabel(CertificateVerifyDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.resultLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(CertificateVerifyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(CertificateVerifyDialog)

        self.verifyButton.setDefault(True)

    # setupUi

    def retranslateUi(self, CertificateVerifyDialog):
        CertificateVerifyDialog.setWindowTitle(QCoreApplication.translate("CertificateVerifyDialog", u"Verifikasi sertifikat", None))
        self.payloadLabel.setText(QCoreApplication.translate("CertificateVerifyDialog", u"Tempel teks hasil pindai kode QR:", None))
        self.orLabel.setText(QCoreApplication.translate("CertificateVerifyDialog", u"atau ketik nomor dan kode verifikasi yang tercetak di sertifikat:", None))
        self.numberLabel.setText(QCoreApplication.translate("CertificateVerifyDialog", u"Nomor sertifikat", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("CertificateVerifyDialog", u"0007/SK-MJH/BRS-PL/XI/2026", None))
        self.codeLabel.setText(QCoreApplication.translate("CertificateVerifyDialog", u"Kode verifikasi", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("CertificateVerifyDialog", u"XXXX-XXXX-XXXX", None))
        self.verifyButton.setText(QCoreApplication.translate("CertificateVerifyDialog", u"Periksa", None))
    # retranslateUi

