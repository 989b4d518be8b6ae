# Generated from ui/resident_import.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ResidentImportDialog(object):
    def setupUi(self, ResidentImportDialog):
        if not ResidentImportDialog.objectName():
            ResidentImportDialog.setObjectName(u"ResidentImportDialog")
        ResidentImportDialog.resize(860, 560)
        self.dialogLayout = QVBoxLayout(ResidentImportDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(ResidentImportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileLabel = QLabel(ResidentImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileRow.addWidget(self.fileLabel)

        self.fileEdit = QLineEdit(ResidentImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileRow.addWidget(self.fileEdit)

        self.chooseButton = QPushButton(ResidentImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileRow.addWidget(self.chooseButton)

        self.recheckButton = QPushButton(ResidentImportDialog)
        self.recheckButton.setObjectName(u"recheckButton")

        self.fileRow.addWidget(self.recheckButton)


        self.dialogLayout.addLayout(self.fileRow)

        self.summaryLabel = QLabel(ResidentImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.problemTable = QTableView(ResidentImportDialog)
        self.problemTable.setObjectName(u"problemTable")
        self.problemTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.problemTable.setAlternatingRowColors(True)
        self.problemTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.problemTable.setWordWrap(False)

        self.dialogLayout.addWidget(self.problemTable)

        self.skipInvalidCheck = QCheckBox(ResidentImportDialog)
        self.skipInvalidCheck.setObjectName(u"skipInvalidCheck")

        self.dialogLayout.addWidget(self.skipInvalidCheck)

        self.progressBar = QProgressBar(ResidentImportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)
        self.progressBar.setTextVisible(True)

        self.dialogLayout.addWidget(self.progressBar)

        self.resultLabel = QLabel(ResidentImportDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.resultLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.importButton = QPushButton(ResidentImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonRow.addWidget(self.importButton)

        self.closeButton = QPushButton(ResidentImportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.chooseButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.chooseButton, self.recheckButton)
        QWidget.setTabOrder(self.recheckButton, self.problemTable)
        QWidget.setTabOrder(self.problemTable, self.skipInvalidCheck)
        QWidget.setTabOrder(self.skipInvalidCheck, self.importButton)
        QWidget.setTabOrder(self.importButton, self.closeButton)

        self.retranslateUi(ResidentImportDialog)
    # setupUi

    def retranslateUi(self, ResidentImportDialog):
        ResidentImportDialog.setWindowTitle(QCoreApplication.translate("ResidentImportDialog", u"Impor Penerima Manfaat", None))
        self.introLabel.setText(QCoreApplication.translate("ResidentImportDialog", u"Pilih berkas XLSX atau CSV. Baris pertama berisi judul kolom: <i>nik, no_kk, nama, jenis_kelamin, tempat_lahir, tanggal_lahir, klaster, alamat, tanggal_masuk, nama_wali, telepon_wali, catatan</i> (wajib: nama, jenis_kelamin, klaster). Berkas diperiksa lebih dahulu; tidak ada yang disimpan sebelum Anda menekan <b>Impor</b>.", None))
        self.fileLabel.setText(QCoreApplication.translate("ResidentImportDialog", u"&Berkas:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ResidentImportDialog", u"belum ada berkas dipilih", None))
        self.chooseButton.setText(QCoreApplication.translate("ResidentImportDialog", u"Pilih berkas\u2026", None))
        self.recheckButton.setText(QCoreApplication.translate("ResidentImportDialog", u"Periksa ulang", None))
#if QT_CONFIG(tooltip)
        self.recheckButton.setToolTip(QCoreApplication.translate("ResidentImportDialog", u"Periksa lagi berkas yang sama, misalnya setelah diperbaiki di Excel", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText("")
        self.skipInvalidCheck.setText(QCoreApplication.translate("ResidentImportDialog", u"&Lewati baris yang tidak valid", None))
#if QT_CONFIG(tooltip)
        self.skipInvalidCheck.setToolTip(QCoreApplication.translate("ResidentImportDialog", u"Simpan baris yang valid saja; baris yang tidak valid tetap tercantum di daftar di atas", None))
#endif // QT_CONFIG(tooltip)
        self.resultLabel.setText("")
        self.importButton.setText(QCoreApplication.translate("ResidentImportDialog", u"&Impor", None))
        self.closeButton.setText(QCoreApplication.translate("ResidentImportDialog", u"&Tutup", None))
    # retranslateUi

