# Generated from ui/audit_page.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox,
    QDateEdit, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView, QTextBrowser, QVBoxLayout)

class Ui_AuditPage(object):
    def setupUi(self, AuditPage):
        if not AuditPage.objectName():
            AuditPage.setObjectName(u"AuditPage")
        AuditPage.resize(1000, 640)
        self.mainLayout = QVBoxLayout(AuditPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(AuditPage)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.filterLayout = QGridLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.userLabel = QLabel(AuditPage)
        self.userLabel.setObjectName(u"userLabel")

        self.filterLayout.addWidget(self.userLabel, 0, 0, 1, 1)

        self.userCombo = QComboBox(AuditPage)
        self.userCombo.setObjectName(u"userCombo")
        self.userCombo.setMinimumSize(QSize(140, 0))

        self.filterLayout.addWidget(self.userCombo, 0, 1, 1, 1)

        self.actionLabel = QLabel(AuditPage)
        self.actionLabel.setObjectName(u"actionLabel")

        self.filterLayout.addWidget(self.actionLabel, 0, 2, 1, 1)

        self.actionCombo = QComboBox(AuditPage)
        self.actionCombo.setObjectName(u"actionCombo")
        self.actionCombo.setMinimumSize(QSize(140, 0))

        self.filterLayout.addWidget(self.actionCombo, 0, 3, 1, 1)

        self.entityLabel = QLabel(AuditPage)
        self.entityLabel.setObjectName(u"entityLabel")

        self.filterLayout.addWidget(self.entityLabel, 0, 4, 1, 1)

        self.entityCombo = QComboBox(AuditPage)
        self.entityCombo.setObjectName(u"entityCombo")
        self.entityCombo.setMinimumSize(QSize(140, 0))

        self.filterLayout.addWidget(self.entityCombo, 0, 5, 1, 1)

        self.idLabel = QLabel(AuditPage)
        self.idLabel.setObjectName(u"idLabel")

        self.filterLayout.addWidget(self.idLabel, 0, 6, 1, 1)

        self.idEdit = QLineEdit(AuditPage)
        self.idEdit.setObjectName(u"idEdit")
        self.idEdit.setMaximumSize(QSize(90, 16777215))

        self.filterLayout.addWidget(self.idEdit, 0, 7, 1, 1)

        self.fromCheck = QCheckBox(AuditPage)
        self.fromCheck.setObjectName(u"fromCheck")

        self.filterLayout.addWidget(self.fromCheck, 1, 0, 1, 1)

        self.fromDate = QDateEdit(AuditPage)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)
        self.fromDate.setEnabled(False)

        self.filterLayout.addWidget(self.fromDate, 1, 1, 1, 1)

        self.toCheck = QCheckBox(AuditPage)
        self.toCheck.setObjectName(u"toCheck")

        self.filterLayout.addWidget(self.toCheck, 1, 2, 1, 1)

        self.toDate = QDateEdit(AuditPage)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)
        self.toDate.setEnabled(False)

        self.filterLayout.addWidget(self.toDate, 1, 3, 1, 1)

        self.textLabel = QLabel(AuditPage)
        self.textLabel.setObjectName(u"textLabel")

        self.filterLayout.addWidget(self.textLabel, 1, 4, 1, 1)

        self.textEdit = QLineEdit(AuditPage)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.textEdit, 1, 5, 1, 3)


        self.mainLayout.addLayout(self.filterLayout)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.todayButton = QPushButton(AuditPage)
        self.todayButton.setObjectName(u"todayButton")

        self.actionsLayout.addWidget(self.todayButton)

        self.resetButton = QPushButton(AuditPage)
        self.resetButton.setObjectName(u"resetButton")

        self.actionsLayout.addWidget(self.resetButton)

        self.actionsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.countLabel = QLabel(AuditPage)
        self.countLabel.setObjectName(u"countLabel")

        self.actionsLayout.addWidget(self.countLabel)

        self.exportButton = QPushButton(AuditPage)
        self.exportButton.setObjectName(u"exportButton")

        self.actionsLayout.addWidget(self.exportButton)


        self.mainLayout.addLayout(self.actionsLayout)

        self.splitter = QSplitter(AuditPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.auditTable = QTableView(self.splitter)
        self.auditTable.setObjectName(u"auditTable")
        self.auditTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.auditTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.auditTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.auditTable.setAlternatingRowColors(True)
        self.auditTable.setWordWrap(False)
        self.splitter.addWidget(self.auditTable)
        self.detailView = QTextBrowser(self.splitter)
        self.detailView.setObjectName(u"detailView")
        self.splitter.addWidget(self.detailView)

        self.mainLayout.addWidget(self.splitter)


        self.retranslateUi(AuditPage)
    # setupUi

    def retranslateUi(self, AuditPage):
        AuditPage.setWindowTitle(QCoreApplication.translate("AuditPage", u"Jejak Audit", None))
        self.heading.setText(QCoreApplication.translate("AuditPage", u"Jejak audit: siapa melakukan apa, kapan, dengan nilai lama dan baru. Catatan tidak dapat diubah atau dihapus.", None))
        self.userLabel.setText(QCoreApplication.translate("AuditPage", u"Pengguna", None))
        self.actionLabel.setText(QCoreApplication.translate("AuditPage", u"Tindakan", None))
        self.entityLabel.setText(QCoreApplication.translate("AuditPage", u"Jenis data", None))
        self.idLabel.setText(QCoreApplication.translate("AuditPage", u"No. data", None))
        self.fromCheck.setText(QCoreApplication.translate("AuditPage", u"Sejak", None))
        self.fromDate.setDisplayFormat(QCoreApplication.translate("AuditPage", u"dd/MM/yyyy", None))
        self.toCheck.setText(QCoreApplication.translate("AuditPage", u"Sampai", None))
        self.toDate.setDisplayFormat(QCoreApplication.translate("AuditPage", u"dd/MM/yyyy", None))
        self.textLabel.setText(QCoreApplication.translate("AuditPage", u"Cari", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("AuditPage", u"teks dalam ringkasan atau perubahan", None))
        self.todayButton.setText(QCoreApplication.translate("AuditPage", u"Hari ini", None))
        self.resetButton.setText(QCoreApplication.translate("AuditPage", u"Hapus saringan", None))
        self.countLabel.setText("")
        self.exportButton.setText(QCoreApplication.translate("AuditPage", u"Ekspor\u2026", None))
    # retranslateUi

