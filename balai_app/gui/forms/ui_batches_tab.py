# Generated from ui/batches_tab.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_BatchesTab(object):
    def setupUi(self, BatchesTab):
        if not BatchesTab.objectName():
            BatchesTab.setObjectName(u"BatchesTab")
        BatchesTab.resize(1200, 700)
        self.mainLayout = QVBoxLayout(BatchesTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.programLabel = QLabel(BatchesTab)
        self.programLabel.setObjectName(u"programLabel")

        self.filterLayout.addWidget(self.programLabel)

        self.programFilter = QComboBox(BatchesTab)
        self.programFilter.setObjectName(u"programFilter")
        self.programFilter.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterLayout.addWidget(self.programFilter)

        self.statusLabel = QLabel(BatchesTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterLayout.addWidget(self.statusLabel)

        self.statusFilter = QComboBox(BatchesTab)
        self.statusFilter.setObjectName(u"statusFilter")
        self.statusFilter.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterLayout.addWidget(self.statusFilter)

        self.yearLabel = QLabel(BatchesTab)
        self.yearLabel.setObjectName(u"yearLabel")

        self.filterLayout.addWidget(self.yearLabel)

        self.yearFilter = QComboBox(BatchesTab)
        self.yearFilter.setObjectName(u"yearFilter")
        self.yearFilter.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterLayout.addWidget(self.yearFilter)

        self.countLabel = QLabel(BatchesTab)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.newButton = QPushButton(BatchesTab)
        self.newButton.setObjectName(u"newButton")

        self.filterLayout.addWidget(self.newButton)


        self.mainLayout.addLayout(self.filterLayout)

        self.splitter = QSplitter(BatchesTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.batchTable = QTableView(self.splitter)
        self.batchTable.setObjectName(u"batchTable")
        self.batchTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.batchTable.setAlternatingRowColors(True)
        self.batchTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.batchTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.splitter.addWidget(self.batchTable)
        self.batchTable.verticalHeader().setVisible(False)
        self.detailPlaceholder = QWidget(self.splitter)
        self.detailPlaceholder.setObjectName(u"detailPlaceholder")
        self.splitter.addWidget(self.detailPlaceholder)

        self.mainLayout.addWidget(self.splitter)

        self.mainLayout.setStretch(1, 1)

        self.retranslateUi(BatchesTab)
    # setupUi

    def retranslateUi(self, BatchesTab):
        BatchesTab.setWindowTitle(QCoreApplication.translate("BatchesTab", u"Angkatan", None))
        self.programLabel.setText(QCoreApplication.translate("BatchesTab", u"Program", None))
        self.statusLabel.setText(QCoreApplication.translate("BatchesTab", u"Status", None))
        self.yearLabel.setText(QCoreApplication.translate("BatchesTab", u"Tahun", None))
        self.countLabel.setStyleSheet(QCoreApplication.translate("BatchesTab", u"color:#4b5563;", None))
        self.newButton.setText(QCoreApplication.translate("BatchesTab", u"Angkatan baru\u2026", None))
    # retranslateUi

