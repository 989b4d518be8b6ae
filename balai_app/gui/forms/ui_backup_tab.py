# Generated from ui/backup_tab.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout)

class Ui_BackupTab(object):
    def setupUi(self, BackupTab):
        if not BackupTab.objectName():
            BackupTab.setObjectName(u"BackupTab")
        BackupTab.resize(900, 620)
        self.outerLayout = QVBoxLayout(BackupTab)
        self.outerLayout.setObjectName(u"outerLayout")
        self.networkWarning = QLabel(BackupTab)
        self.networkWarning.setObjectName(u"networkWarning")
        self.networkWarning.setWordWrap(True)

        self.outerLayout.addWidget(self.networkWarning)

        self.nowGroup = QGroupBox(BackupTab)
        self.nowGroup.setObjectName(u"nowGroup")
        self.nowLayout = QGridLayout(self.nowGroup)
        self.nowLayout.setObjectName(u"nowLayout")
        self.folderCaption = QLabel(self.nowGroup)
        self.folderCaption.setObjectName(u"folderCaption")

        self.nowLayout.addWidget(self.folderCaption, 0, 0, 1, 1)

        self.folderLabel = QLabel(self.nowGroup)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.nowLayout.addWidget(self.folderLabel, 0, 1, 1, 2)

        self.lastCaption = QLabel(self.nowGroup)
        self.lastCaption.setObjectName(u"lastCaption")

        self.nowLayout.addWidget(self.lastCaption, 1, 0, 1, 1)

        self.lastBackupLabel = QLabel(self.nowGroup)
        self.lastBackupLabel.setObjectName(u"lastBackupLabel")

        self.nowLayout.addWidget(self.lastBackupLabel, 1, 1, 1, 2)

        self.policyLabel = QLabel(self.nowGroup)
        self.policyLabel.setObjectName(u"policyLabel")
        self.policyLabel.setWordWrap(True)

        self.nowLayout.addWidget(self.policyLabel, 2, 0, 1, 3)

        self.nowButtons = QHBoxLayout()
        self.nowButtons.setObjectName(u"nowButtons")
        self.backupNowButton = QPushButton(self.nowGroup)
        self.backupNowButton.setObjectName(u"backupNowButton")

        self.nowButtons.addWidget(self.backupNowButton)

        self.checkButton = QPushButton(self.nowGroup)
        self.checkButton.setObjectName(u"checkButton")

        self.nowButtons.addWidget(self.checkButton)

        self.nowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nowButtons.addItem(self.nowSpacer)


        self.nowLayout.addLayout(self.nowButtons, 3, 0, 1, 3)


        self.outerLayout.addWidget(self.nowGroup)

        self.secondGroup = QGroupBox(BackupTab)
        self.secondGroup.setObjectName(u"secondGroup")
        self.secondLayout = QGridLayout(self.secondGroup)
        self.secondLayout.setObjectName(u"secondLayout")
        self.secondFolderEdit = QLineEdit(self.secondGroup)
        self.secondFolderEdit.setObjectName(u"secondFolderEdit")

        self.secondLayout.addWidget(self.secondFolderEdit, 0, 0, 1, 1)

        self.chooseSecondButton = QPushButton(self.secondGroup)
        self.chooseSecondButton.setObjectName(u"chooseSecondButton")

        self.secondLayout.addWidget(self.chooseSecondButton, 0, 1, 1, 1)

        self.saveSecondButton = QPushButton(self.secondGroup)
        self.saveSecondButton.setObjectName(u"saveSecondButton")

        self.secondLayout.addWidget(self.saveSecondButton, 0, 2, 1, 1)

        self.secondStatusLabel = QLabel(self.secondGroup)
        self.secondStatusLabel.setObjectName(u"secondStatusLabel")
        self.secondStatusLabel.setWordWrap(True)

        self.secondLayout.addWidget(self.secondStatusLabel, 1, 0, 1, 3)


        self.outerLayout.addWidget(self.secondGroup)

        self.listCaption = QLabel(BackupTab)
        self.listCaption.setObjectName(u"listCaption")

        self.outerLayout.addWidget(self.listCaption)

        self.backupsView = QTableView(BackupTab)
        self.backupsView.setObjectName(u"backupsView")
        self.backupsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.backupsView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.backupsView.setAlternatingRowColors(True)

        self.outerLayout.addWidget(self.backupsView)

        self.restoreButtons = QHBoxLayout()
        self.restoreButtons.setObjectName(u"restoreButtons")
        self.restoreButton = QPushButton(BackupTab)
        self.restoreButton.setObjectName(u"restoreButton")

        self.restoreButtons.addWidget(self.restoreButton)

        self.restoreFileButton = QPushButton(BackupTab)
        self.restoreFileButton.setObjectName(u"restoreFileButton")

        self.restoreButtons.addWidget(self.restoreFileButton)

        self.restoreSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.restoreButtons.addItem(self.restoreSpacer)


        self.outerLayout.addLayout(self.restoreButtons)

        self.statusLabel = QLabel(BackupTab)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outerLayout.addWidget(self.statusLabel)


        self.retranslateUi(BackupTab)
    # setupUi

    def retranslateUi(self, BackupTab):
        self.networkWarning.setText(QCoreApplication.translate("BackupTab", u"Peringatan jaringan", None))
        self.nowGroup.setTitle(QCoreApplication.translate("BackupTab", u"Cadangan basis data", None))
        self.folderCaption.setText(QCoreApplication.translate("BackupTab", u"Folder cadangan:", None))
        self.folderLabel.setText(QCoreApplication.translate("BackupTab", u"-", None))
        self.lastCaption.setText(QCoreApplication.translate("BackupTab", u"Cadangan terakhir:", None))
        self.lastBackupLabel.setText(QCoreApplication.translate("BackupTab", u"-", None))
        self.policyLabel.setText(QCoreApplication.translate("BackupTab", u"Otomatis saat program ditutup (paling banyak sekali sehari). Disimpan: 7 harian, 4 mingguan, 12 bulanan. Setiap cadangan diperiksa (integrity_check) setelah ditulis.", None))
        self.backupNowButton.setText(QCoreApplication.translate("BackupTab", u"Cadangkan sekarang", None))
        self.checkButton.setText(QCoreApplication.translate("BackupTab", u"Periksa basis data", None))
        self.secondGroup.setTitle(QCoreApplication.translate("BackupTab", u"Folder cadangan kedua (disk USB atau folder jaringan)", None))
        self.secondFolderEdit.setPlaceholderText(QCoreApplication.translate("BackupTab", u"mis. E:\\Cadangan Balai (kosong = tidak dipakai)", None))
        self.chooseSecondButton.setText(QCoreApplication.translate("BackupTab", u"Pilih\u2026", None))
        self.saveSecondButton.setText(QCoreApplication.translate("BackupTab", u"Simpan", None))
        self.secondStatusLabel.setText("")
        self.listCaption.setText(QCoreApplication.translate("BackupTab", u"Cadangan yang tersimpan (terbaru di atas):", None))
        self.restoreButton.setText(QCoreApplication.translate("BackupTab", u"Pulihkan cadangan terpilih\u2026", None))
        self.restoreFileButton.setText(QCoreApplication.translate("BackupTab", u"Pulihkan dari berkas lain\u2026", None))
        self.statusLabel.setText("")
        pass
    # retranslateUi

