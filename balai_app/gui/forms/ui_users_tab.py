# Generated from ui/users_tab.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout)

class Ui_UsersTab(object):
    def setupUi(self, UsersTab):
        if not UsersTab.objectName():
            UsersTab.setObjectName(u"UsersTab")
        UsersTab.resize(800, 480)
        self.mainLayout = QVBoxLayout(UsersTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.addButton = QPushButton(UsersTab)
        self.addButton.setObjectName(u"addButton")

        self.toolbarLayout.addWidget(self.addButton)

        self.editButton = QPushButton(UsersTab)
        self.editButton.setObjectName(u"editButton")

        self.toolbarLayout.addWidget(self.editButton)

        self.resetButton = QPushButton(UsersTab)
        self.resetButton.setObjectName(u"resetButton")

        self.toolbarLayout.addWidget(self.resetButton)

        self.activeButton = QPushButton(UsersTab)
        self.activeButton.setObjectName(u"activeButton")

        self.toolbarLayout.addWidget(self.activeButton)

        self.toolbarSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbarLayout.addItem(self.toolbarSpacer)


        self.mainLayout.addLayout(self.toolbarLayout)

        self.usersTable = QTableView(UsersTab)
        self.usersTable.setObjectName(u"usersTable")
        self.usersTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.usersTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.usersTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.usersTable.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.usersTable)

        self.infoLabel = QLabel(UsersTab)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.infoLabel)


        self.retranslateUi(UsersTab)
    # setupUi

    def retranslateUi(self, UsersTab):
        UsersTab.setWindowTitle(QCoreApplication.translate("UsersTab", u"Pengguna", None))
        self.addButton.setText(QCoreApplication.translate("UsersTab", u"Tambah akun", None))
        self.editButton.setText(QCoreApplication.translate("UsersTab", u"Ubah", None))
        self.resetButton.setText(QCoreApplication.translate("UsersTab", u"Atur ulang kata sandi", None))
        self.activeButton.setText(QCoreApplication.translate("UsersTab", u"Nonaktifkan", None))
        self.infoLabel.setText(QCoreApplication.translate("UsersTab", u"Akun tidak pernah dihapus: akun yang tidak dipakai lagi dinonaktifkan, agar jejak audit tetap utuh.", None))
        self.infoLabel.setStyleSheet(QCoreApplication.translate("UsersTab", u"color:#475569;", None))
    # retranslateUi

