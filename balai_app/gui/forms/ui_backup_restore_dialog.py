# Generated from ui/backup_restore_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_RestoreDialog(object):
    def setupUi(self, RestoreDialog):
        if not RestoreDialog.objectName():
            RestoreDialog.setObjectName(u"RestoreDialog")
        RestoreDialog.resize(560, 380)
        self.outerLayout = QVBoxLayout(RestoreDialog)
        self.outerLayout.setObjectName(u"outerLayout")
        self.infoLayout = QFormLayout()
        self.infoLayout.setObjectName(u"infoLayout")
        self.fileCaption = QLabel(RestoreDialog)
        self.fileCaption.setObjectName(u"fileCaption")

        self.infoLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileCaption)

        self.fileLabel = QLabel(RestoreDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.infoLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fileLabel)

        self.dateCaption = QLabel(RestoreDialog)
        self.dateCaption.setObjectName(u"dateCaption")

        self.infoLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateCaption)

        self.dateLabel = QLabel(RestoreDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.infoLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateLabel)

        self.residentsCaption = QLabel(RestoreDialog)
        self.residentsCaption.setObjectName(u"residentsCaption")

        self.infoLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.residentsCaption)

        self.residentsLabel = QLabel(RestoreDialog)
        self.residentsLabel.setObjectName(u"residentsLabel")

        self.infoLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.residentsLabel)

        self.certificatesCaption = QLabel(RestoreDialog)
        self.certificatesCaption.setObjectName(u"certificatesCaption")

        self.infoLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.certificatesCaption)

        self.certificatesLabel = QLabel(RestoreDialog)
        self.certificatesLabel.setObjectName(u"certificatesLabel")

        self.infoLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.certificatesLabel)

        self.checkCaption = QLabel(RestoreDialog)
        self.checkCaption.setObjectName(u"checkCaption")

        self.infoLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.checkCaption)

        self.checkLabel = QLabel(RestoreDialog)
        self.checkLabel.setObjectName(u"checkLabel")
        self.checkLabel.setWordWrap(True)

        self.infoLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.checkLabel)


        self.outerLayout.addLayout(self.infoLayout)

        self.warningLabel = QLabel(RestoreDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.outerLayout.addWidget(self.warningLabel)

        self.confirmBox = QCheckBox(RestoreDialog)
        self.confirmBox.setObjectName(u"confirmBox")

        self.outerLayout.addWidget(self.confirmBox)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outerLayout.addItem(self.bottomSpacer)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.restoreButton = QPushButton(RestoreDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonLayout.addWidget(self.restoreButton)

        self.cancelButton = QPushButton(RestoreDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)


        self.outerLayout.addLayout(self.buttonLayout)


        self.retranslateUi(RestoreDialog)
    # setupUi

    def retranslateUi(self, RestoreDialog):
        RestoreDialog.setWindowTitle(QCoreApplication.translate("RestoreDialog", u"Pulihkan dari cadangan", None))
        self.fileCaption.setText(QCoreApplication.translate("RestoreDialog", u"Berkas:", None))
        self.fileLabel.setText(QCoreApplication.translate("RestoreDialog", u"-", None))
        self.dateCaption.setText(QCoreApplication.translate("RestoreDialog", u"Tanggal cadangan:", None))
        self.dateLabel.setText(QCoreApplication.translate("RestoreDialog", u"-", None))
        self.residentsCaption.setText(QCoreApplication.translate("RestoreDialog", u"Penerima Manfaat:", None))
        self.residentsLabel.setText(QCoreApplication.translate("RestoreDialog", u"-", None))
        self.certificatesCaption.setText(QCoreApplication.translate("RestoreDialog", u"Sertifikat:", None))
        self.certificatesLabel.setText(QCoreApplication.translate("RestoreDialog", u"-", None))
        self.checkCaption.setText(QCoreApplication.translate("RestoreDialog", u"Pemeriksaan:", None))
        self.checkLabel.setText(QCoreApplication.translate("RestoreDialog", u"-", None))
        self.warningLabel.setText(QCoreApplication.translate("RestoreDialog", u"Semua data sekarang akan diganti dengan isi cadangan ini. Sebelumnya, basis data sekarang disimpan sebagai salinan pengaman di folder cadangan.", None))
        self.confirmBox.setText(QCoreApplication.translate("RestoreDialog", u"Saya mengerti: data yang dicatat sesudah tanggal cadangan ini tidak ada lagi di basis data.", None))
        self.restoreButton.setText(QCoreApplication.translate("RestoreDialog", u"Pulihkan", None))
        self.cancelButton.setText(QCoreApplication.translate("RestoreDialog", u"Batal", None))
    # retranslateUi

