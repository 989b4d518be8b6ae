# Generated from ui/sessions_page.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_SessionsPage(object):
    def setupUi(self, SessionsPage):
        if not SessionsPage.objectName():
            SessionsPage.setObjectName(u"SessionsPage")
        SessionsPage.resize(1280, 720)
        self.mainLayout = QVBoxLayout(SessionsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(12, 10, 12, 10)
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.batchLabel = QLabel(SessionsPage)
        self.batchLabel.setObjectName(u"batchLabel")

        self.topLayout.addWidget(self.batchLabel)

        self.batchCombo = QComboBox(SessionsPage)
        self.batchCombo.setObjectName(u"batchCombo")
        self.batchCombo.setMinimumSize(QSize(420, 0))

        self.topLayout.addWidget(self.batchCombo)

        self.recapButton = QPushButton(SessionsPage)
        self.recapButton.setObjectName(u"recapButton")

        self.topLayout.addWidget(self.recapButton)

        self.topLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.topLayout)

        self.messageLabel = QLabel(SessionsPage)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setVisible(False)
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.tabs = QTabWidget(SessionsPage)
        self.tabs.setObjectName(u"tabs")
        self.attendanceTab = QWidget()
        self.attendanceTab.setObjectName(u"attendanceTab")
        self.attendanceLayout = QVBoxLayout(self.attendanceTab)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.splitter = QSplitter(self.attendanceTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.sessionsPane = QWidget(self.splitter)
        self.sessionsPane.setObjectName(u"sessionsPane")
        self.sessionsLayout = QVBoxLayout(self.sessionsPane)
        self.sessionsLayout.setObjectName(u"sessionsLayout")
        self.sessionsLayout.setContentsMargins(0, 0, 0, 0)
        self.sessionsTable = QTableView(self.sessionsPane)
        self.sessionsTable.setObjectName(u"sessionsTable")
        self.sessionsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.sessionsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.sessionsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.sessionsTable.setWordWrap(False)
        self.sessionsTable.verticalHeader().setVisible(False)

        self.sessionsLayout.addWidget(self.sessionsTable)

        self.sessionButtons = QHBoxLayout()
        self.sessionButtons.setObjectName(u"sessionButtons")
        self.newButton = QPushButton(self.sessionsPane)
        self.newButton.setObjectName(u"newButton")

        self.sessionButtons.addWidget(self.newButton)

        self.editButton = QPushButton(self.sessionsPane)
        self.editButton.setObjectName(u"editButton")

        self.sessionButtons.addWidget(self.editButton)

        self.deleteButton = QPushButton(self.sessionsPane)
        self.deleteButton.setObjectName(u"deleteButton")

        self.sessionButtons.addWidget(self.deleteButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sessionButtons.addItem(self.buttonSpacer)


        self.sessionsLayout.addLayout(self.sessionButtons)

        self.sessionsLayout.setStretch(0, 1)
        self.splitter.addWidget(self.sessionsPane)
        self.attendancePlaceholder = QWidget(self.splitter)
        self.attendancePlaceholder.setObjectName(u"attendancePlaceholder")
        self.splitter.addWidget(self.attendancePlaceholder)

        self.attendanceLayout.addWidget(self.splitter)

        self.tabs.addTab(self.attendanceTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.mainLayout.setStretch(2, 1)

        self.retranslateUi(SessionsPage)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, SessionsPage):
        SessionsPage.setWindowTitle(QCoreApplication.translate("SessionsPage", u"Sesi dan presensi", None))
        self.batchLabel.setText(QCoreApplication.translate("SessionsPage", u"Angkatan:", None))
        self.recapButton.setText(QCoreApplication.translate("SessionsPage", u"Rekap", None))
        self.newButton.setText(QCoreApplication.translate("SessionsPage", u"Sesi baru", None))
        self.editButton.setText(QCoreApplication.translate("SessionsPage", u"Ubah sesi", None))
        self.deleteButton.setText(QCoreApplication.translate("SessionsPage", u"Hapus sesi", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attendanceTab), QCoreApplication.translate("SessionsPage", u"Presensi", None))
    # retranslateUi

