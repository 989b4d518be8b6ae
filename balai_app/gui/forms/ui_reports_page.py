# Generated from ui/reports_page.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QFrame,
    QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ReportsPage(object):
    def setupUi(self, ReportsPage):
        if not ReportsPage.objectName():
            ReportsPage.setObjectName(u"ReportsPage")
        ReportsPage.resize(1000, 640)
        self.mainLayout = QVBoxLayout(ReportsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(18, 14, 18, 14)
        self.titleLabel = QLabel(ReportsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.barLayout = QHBoxLayout()
        self.barLayout.setObjectName(u"barLayout")
        self.periodLabel = QLabel(ReportsPage)
        self.periodLabel.setObjectName(u"periodLabel")

        self.barLayout.addWidget(self.periodLabel)

        self.startEdit = QDateEdit(ReportsPage)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setCalendarPopup(True)

        self.barLayout.addWidget(self.startEdit)

        self.untilLabel = QLabel(ReportsPage)
        self.untilLabel.setObjectName(u"untilLabel")

        self.barLayout.addWidget(self.untilLabel)

        self.endEdit = QDateEdit(ReportsPage)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setCalendarPopup(True)

        self.barLayout.addWidget(self.endEdit)

        self.showButton = QPushButton(ReportsPage)
        self.showButton.setObjectName(u"showButton")

        self.barLayout.addWidget(self.showButton)

        self.barSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)

        self.xlsxButton = QPushButton(ReportsPage)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.barLayout.addWidget(self.xlsxButton)

        self.pdfButton = QPushButton(ReportsPage)
        self.pdfButton.setObjectName(u"pdfButton")

        self.barLayout.addWidget(self.pdfButton)


        self.mainLayout.addLayout(self.barLayout)

        self.summaryLabel = QLabel(ReportsPage)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.mainLayout.addWidget(self.summaryLabel)

        self.scrollArea = QScrollArea(ReportsPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.tablesBody = QWidget()
        self.tablesBody.setObjectName(u"tablesBody")
        self.tablesLayout = QVBoxLayout(self.tablesBody)
        self.tablesLayout.setObjectName(u"tablesLayout")
        self.tablesLayout.setContentsMargins(0, 0, 0, 0)
        self.klasterHeading = QLabel(self.tablesBody)
        self.klasterHeading.setObjectName(u"klasterHeading")

        self.tablesLayout.addWidget(self.klasterHeading)

        self.klasterTable = QTableView(self.tablesBody)
        self.klasterTable.setObjectName(u"klasterTable")
        self.klasterTable.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.klasterTable.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.klasterTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.klasterTable.verticalHeader().setVisible(False)

        self.tablesLayout.addWidget(self.klasterTable)

        self.servicesHeading = QLabel(self.tablesBody)
        self.servicesHeading.setObjectName(u"servicesHeading")

        self.tablesLayout.addWidget(self.servicesHeading)

        self.servicesTable = QTableView(self.tablesBody)
        self.servicesTable.setObjectName(u"servicesTable")
        self.servicesTable.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.servicesTable.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.servicesTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.servicesTable.verticalHeader().setVisible(False)

        self.tablesLayout.addWidget(self.servicesTable)

        self.trainingHeading = QLabel(self.tablesBody)
        self.trainingHeading.setObjectName(u"trainingHeading")

        self.tablesLayout.addWidget(self.trainingHeading)

        self.trainingTable = QTableView(self.tablesBody)
        self.trainingTable.setObjectName(u"trainingTable")
        self.trainingTable.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.trainingTable.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.trainingTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.trainingTable.verticalHeader().setVisible(False)

        self.tablesLayout.addWidget(self.trainingTable)

        self.tablesSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.tablesLayout.addItem(self.tablesSpacer)

        self.scrollArea.setWidget(self.tablesBody)

        self.mainLayout.addWidget(self.scrollArea)

        self.mainLayout.setStretch(3, 1)

        self.retranslateUi(ReportsPage)
    # setupUi

    def retranslateUi(self, ReportsPage):
        ReportsPage.setWindowTitle(QCoreApplication.translate("ReportsPage", u"Laporan", None))
        self.titleLabel.setText(QCoreApplication.translate("ReportsPage", u"Laporan Penerima Manfaat yang dilayani", None))
        self.titleLabel.setStyleSheet(QCoreApplication.translate("ReportsPage", u"font-size:14pt; font-weight:bold;", None))
        self.periodLabel.setText(QCoreApplication.translate("ReportsPage", u"Periode:", None))
        self.startEdit.setDisplayFormat(QCoreApplication.translate("ReportsPage", u"dd/MM/yyyy", None))
        self.untilLabel.setText(QCoreApplication.translate("ReportsPage", u"s.d.", None))
        self.endEdit.setDisplayFormat(QCoreApplication.translate("ReportsPage", u"dd/MM/yyyy", None))
        self.showButton.setText(QCoreApplication.translate("ReportsPage", u"Tampilkan", None))
        self.xlsxButton.setText(QCoreApplication.translate("ReportsPage", u"Ekspor XLSX\u2026", None))
        self.pdfButton.setText(QCoreApplication.translate("ReportsPage", u"Ekspor PDF\u2026", None))
        self.summaryLabel.setText("")
        self.summaryLabel.setStyleSheet(QCoreApplication.translate("ReportsPage", u"font-weight:bold; margin-top:6px;", None))
        self.klasterHeading.setText(QCoreApplication.translate("ReportsPage", u"Per klaster", None))
        self.klasterHeading.setStyleSheet(QCoreApplication.translate("ReportsPage", u"font-weight:bold; margin-top:8px;", None))
        self.servicesHeading.setText(QCoreApplication.translate("ReportsPage", u"Layanan ATENSI (jumlah layanan / PM)", None))
        self.servicesHeading.setStyleSheet(QCoreApplication.translate("ReportsPage", u"font-weight:bold; margin-top:8px;", None))
        self.trainingHeading.setText(QCoreApplication.translate("ReportsPage", u"Pelatihan vokasional", None))
        self.trainingHeading.setStyleSheet(QCoreApplication.translate("ReportsPage", u"font-weight:bold; margin-top:8px;", None))
    # retranslateUi

