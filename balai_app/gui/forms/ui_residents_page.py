# Generated from ui/residents_page.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QToolButton, QVBoxLayout, QWidget)

class Ui_ResidentsPage(object):
    def setupUi(self, ResidentsPage):
        if not ResidentsPage.objectName():
            ResidentsPage.setObjectName(u"ResidentsPage")
        ResidentsPage.resize(1100, 640)
        self.pageLayout = QVBoxLayout(ResidentsPage)
        self.pageLayout.setSpacing(8)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(16, 12, 16, 12)
        self.titleRow = QHBoxLayout()
        self.titleRow.setSpacing(6)
        self.titleRow.setObjectName(u"titleRow")
        self.titleLabel = QLabel(ResidentsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleRow.addWidget(self.titleLabel)

        self.countLabel = QLabel(ResidentsPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setAlignment(Qt.AlignLeft|Qt.AlignVCenter)

        self.titleRow.addWidget(self.countLabel)

        self.titleSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)

        self.addButton = QPushButton(ResidentsPage)
        self.addButton.setObjectName(u"addButton")

        self.titleRow.addWidget(self.addButton)

        self.openButton = QPushButton(ResidentsPage)
        self.openButton.setObjectName(u"openButton")

        self.titleRow.addWidget(self.openButton)

        self.importButton = QPushButton(ResidentsPage)
        self.importButton.setObjectName(u"importButton")

        self.titleRow.addWidget(self.importButton)

        self.exportButton = QPushButton(ResidentsPage)
        self.exportButton.setObjectName(u"exportButton")

        self.titleRow.addWidget(self.exportButton)


        self.pageLayout.addLayout(self.titleRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setSpacing(6)
        self.filterRow.setObjectName(u"filterRow")
        self.searchEdit = QLineEdit(ResidentsPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(140, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.searchEdit)

        self.klasterCombo = QComboBox(ResidentsPage)
        self.klasterCombo.setObjectName(u"klasterCombo")
        self.klasterCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.klasterCombo.setMinimumContentsLength(10)

        self.filterRow.addWidget(self.klasterCombo)

        self.statusCombo = QComboBox(ResidentsPage)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.statusCombo.setMinimumContentsLength(9)

        self.filterRow.addWidget(self.statusCombo)

        self.sexCombo = QComboBox(ResidentsPage)
        self.sexCombo.setObjectName(u"sexCombo")
        self.sexCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterRow.addWidget(self.sexCombo)

        self.yearCombo = QComboBox(ResidentsPage)
        self.yearCombo.setObjectName(u"yearCombo")
        self.yearCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterRow.addWidget(self.yearCombo)

        self.resetButton = QToolButton(ResidentsPage)
        self.resetButton.setObjectName(u"resetButton")
        self.resetButton.setAutoRaise(True)

        self.filterRow.addWidget(self.resetButton)


        self.pageLayout.addLayout(self.filterRow)

        self.table = QTableView(ResidentsPage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSortingEnabled(False)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)

        self.pageLayout.addWidget(self.table)

        self.emptyLabel = QLabel(ResidentsPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignCenter)

        self.pageLayout.addWidget(self.emptyLabel)

        QWidget.setTabOrder(self.searchEdit, self.klasterCombo)
        QWidget.setTabOrder(self.klasterCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.sexCombo)
        QWidget.setTabOrder(self.sexCombo, self.yearCombo)
        QWidget.setTabOrder(self.yearCombo, self.table)
        QWidget.setTabOrder(self.table, self.addButton)
        QWidget.setTabOrder(self.addButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.exportButton)

        self.retranslateUi(ResidentsPage)
    # setupUi

    def retranslateUi(self, ResidentsPage):
        self.titleLabel.setText(QCoreApplication.translate("ResidentsPage", u"Penerima Manfaat", None))
#if QT_CONFIG(tooltip)
        self.countLabel.setToolTip(QCoreApplication.translate("ResidentsPage", u"Jumlah PM yang cocok dengan pencarian dan saringan", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("ResidentsPage", u"Tambah PM", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ResidentsPage", u"Daftarkan Penerima Manfaat baru (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("ResidentsPage", u"Buka", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("ResidentsPage", u"Buka data PM yang dipilih (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("ResidentsPage", u"Impor\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("ResidentsPage", u"Impor data PM dari berkas CSV atau XLSX", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("ResidentsPage", u"Ekspor\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("ResidentsPage", u"Ekspor data PM ke berkas XLSX atau CSV", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("ResidentsPage", u"Cari nama, NIK atau tempat lahir\u2026", None))
#if QT_CONFIG(tooltip)
        self.klasterCombo.setToolTip(QCoreApplication.translate("ResidentsPage", u"Saring menurut klaster", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.statusCombo.setToolTip(QCoreApplication.translate("ResidentsPage", u"Saring menurut status", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.sexCombo.setToolTip(QCoreApplication.translate("ResidentsPage", u"Saring menurut jenis kelamin", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.yearCombo.setToolTip(QCoreApplication.translate("ResidentsPage", u"Saring menurut tahun masuk", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.resetButton.setToolTip(QCoreApplication.translate("ResidentsPage", u"Hapus semua saringan", None))
#endif // QT_CONFIG(tooltip)
        self.emptyLabel.setText(QCoreApplication.translate("ResidentsPage", u"Tidak ada PM yang cocok dengan pencarian dan saringan.", None))
        pass
    # retranslateUi

