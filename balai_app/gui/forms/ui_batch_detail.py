# Generated from ui/batch_detail.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QToolButton, QVBoxLayout)

class Ui_BatchDetail(object):
    def setupUi(self, BatchDetail):
        if not BatchDetail.objectName():
            BatchDetail.setObjectName(u"BatchDetail")
        BatchDetail.resize(1200, 420)
        self.mainLayout = QVBoxLayout(BatchDetail)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(BatchDetail)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.factsFrame = QFrame(BatchDetail)
        self.factsFrame.setObjectName(u"factsFrame")
        self.factsFrame.setFrameShape(QFrame.StyledPanel)
        self.factsGrid = QGridLayout(self.factsFrame)
        self.factsGrid.setObjectName(u"factsGrid")
        self.factsGrid.setContentsMargins(8, 6, 8, 6)
        self.periodName = QLabel(self.factsFrame)
        self.periodName.setObjectName(u"periodName")

        self.factsGrid.addWidget(self.periodName, 0, 0, 1, 1)

        self.periodValue = QLabel(self.factsFrame)
        self.periodValue.setObjectName(u"periodValue")
        self.periodValue.setWordWrap(True)

        self.factsGrid.addWidget(self.periodValue, 0, 1, 1, 1)

        self.trainerName = QLabel(self.factsFrame)
        self.trainerName.setObjectName(u"trainerName")

        self.factsGrid.addWidget(self.trainerName, 0, 2, 1, 1)

        self.trainerValue = QLabel(self.factsFrame)
        self.trainerValue.setObjectName(u"trainerValue")
        self.trainerValue.setWordWrap(True)

        self.factsGrid.addWidget(self.trainerValue, 0, 3, 1, 1)

        self.scheduleName = QLabel(self.factsFrame)
        self.scheduleName.setObjectName(u"scheduleName")

        self.factsGrid.addWidget(self.scheduleName, 1, 0, 1, 1)

        self.scheduleValue = QLabel(self.factsFrame)
        self.scheduleValue.setObjectName(u"scheduleValue")
        self.scheduleValue.setWordWrap(True)

        self.factsGrid.addWidget(self.scheduleValue, 1, 1, 1, 1)

        self.roomName = QLabel(self.factsFrame)
        self.roomName.setObjectName(u"roomName")

        self.factsGrid.addWidget(self.roomName, 1, 2, 1, 1)

        self.roomValue = QLabel(self.factsFrame)
        self.roomValue.setObjectName(u"roomValue")
        self.roomValue.setWordWrap(True)

        self.factsGrid.addWidget(self.roomValue, 1, 3, 1, 1)

        self.seatsName = QLabel(self.factsFrame)
        self.seatsName.setObjectName(u"seatsName")

        self.factsGrid.addWidget(self.seatsName, 2, 0, 1, 1)

        self.seatsValue = QLabel(self.factsFrame)
        self.seatsValue.setObjectName(u"seatsValue")
        self.seatsValue.setWordWrap(True)

        self.factsGrid.addWidget(self.seatsValue, 2, 1, 1, 1)

        self.statusName = QLabel(self.factsFrame)
        self.statusName.setObjectName(u"statusName")

        self.factsGrid.addWidget(self.statusName, 2, 2, 1, 1)

        self.statusValue = QLabel(self.factsFrame)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setWordWrap(True)

        self.factsGrid.addWidget(self.statusValue, 2, 3, 1, 1)

        self.factsGrid.setColumnStretch(1, 1)
        self.factsGrid.setColumnStretch(3, 1)

        self.mainLayout.addWidget(self.factsFrame)

        self.barLayout = QHBoxLayout()
        self.barLayout.setObjectName(u"barLayout")
        self.enrollButton = QPushButton(BatchDetail)
        self.enrollButton.setObjectName(u"enrollButton")

        self.barLayout.addWidget(self.enrollButton)

        self.completeButton = QPushButton(BatchDetail)
        self.completeButton.setObjectName(u"completeButton")

        self.barLayout.addWidget(self.completeButton)

        self.withdrawButton = QPushButton(BatchDetail)
        self.withdrawButton.setObjectName(u"withdrawButton")

        self.barLayout.addWidget(self.withdrawButton)

        self.removeButton = QPushButton(BatchDetail)
        self.removeButton.setObjectName(u"removeButton")

        self.barLayout.addWidget(self.removeButton)

        self.reactivateButton = QPushButton(BatchDetail)
        self.reactivateButton.setObjectName(u"reactivateButton")

        self.barLayout.addWidget(self.reactivateButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.barLayout.addItem(self.barSpacer)

        self.editButton = QPushButton(BatchDetail)
        self.editButton.setObjectName(u"editButton")

        self.barLayout.addWidget(self.editButton)

        self.statusButton = QToolButton(BatchDetail)
        self.statusButton.setObjectName(u"statusButton")
        self.statusButton.setPopupMode(QToolButton.InstantPopup)
        self.statusButton.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)

        self.barLayout.addWidget(self.statusButton)

        self.exportButton = QToolButton(BatchDetail)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setPopupMode(QToolButton.InstantPopup)
        self.exportButton.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)

        self.barLayout.addWidget(self.exportButton)

        self.printCertificatesButton = QPushButton(BatchDetail)
        self.printCertificatesButton.setObjectName(u"printCertificatesButton")

        self.barLayout.addWidget(self.printCertificatesButton)


        self.mainLayout.addLayout(self.barLayout)

        self.participantTable = QTableView(BatchDetail)
        self.participantTable.setObjectName(u"participantTable")
        self.participantTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.participantTable.setAlternatingRowColors(True)
        self.participantTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.participantTable.horizontalHeader().setStretchLastSection(False)
        self.participantTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.participantTable)

        self.emptyLabel = QLabel(BatchDetail)
        self.emptyLabel.setObjectName(u"emptyLabel")

        self.mainLayout.addWidget(self.emptyLabel)

        self.mainLayout.setStretch(3, 1)

        self.retranslateUi(BatchDetail)
    # setupUi

    def retranslateUi(self, BatchDetail):
        BatchDetail.setWindowTitle(QCoreApplication.translate("BatchDetail", u"Angkatan", None))
        self.titleLabel.setStyleSheet(QCoreApplication.translate("BatchDetail", u"font-size:13pt; font-weight:bold;", None))
        self.periodName.setText(QCoreApplication.translate("BatchDetail", u"Periode", None))
        self.periodName.setStyleSheet(QCoreApplication.translate("BatchDetail", u"color:#4b5563;", None))
        self.trainerName.setText(QCoreApplication.translate("BatchDetail", u"Instruktur", None))
        self.trainerName.setStyleSheet(QCoreApplication.translate("BatchDetail", u"color:#4b5563;", None))
        self.scheduleName.setText(QCoreApplication.translate("BatchDetail", u"Jadwal", None))
        self.scheduleName.setStyleSheet(QCoreApplication.translate("BatchDetail", u"color:#4b5563;", None))
        self.roomName.setText(QCoreApplication.translate("BatchDetail", u"Ruang", None))
        self.roomName.setStyleSheet(QCoreApplication.translate("BatchDetail", u"color:#4b5563;", None))
        self.seatsName.setText(QCoreApplication.translate("BatchDetail", u"Peserta", None))
        self.seatsName.setStyleSheet(QCoreApplication.translate("BatchDetail", u"color:#4b5563;", None))
        self.statusName.setText(QCoreApplication.translate("BatchDetail", u"Status", None))
        self.statusName.setStyleSheet(QCoreApplication.translate("BatchDetail", u"color:#4b5563;", None))
        self.enrollButton.setText(QCoreApplication.translate("BatchDetail", u"Daftarkan peserta\u2026", None))
        self.completeButton.setText(QCoreApplication.translate("BatchDetail", u"Lulus", None))
        self.withdrawButton.setText(QCoreApplication.translate("BatchDetail", u"Mengundurkan diri", None))
        self.removeButton.setText(QCoreApplication.translate("BatchDetail", u"Keluarkan", None))
        self.reactivateButton.setText(QCoreApplication.translate("BatchDetail", u"Aktifkan kembali\u2026", None))
#if QT_CONFIG(tooltip)
        self.reactivateButton.setToolTip(QCoreApplication.translate("BatchDetail", u"Batalkan penutupan yang tercatat karena salah catat.", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("BatchDetail", u"Ubah angkatan\u2026", None))
        self.statusButton.setText(QCoreApplication.translate("BatchDetail", u"Status", None))
        self.exportButton.setText(QCoreApplication.translate("BatchDetail", u"Daftar peserta", None))
        self.printCertificatesButton.setText(QCoreApplication.translate("BatchDetail", u"Cetak sertifikat angkatan ini\u2026", None))
        self.emptyLabel.setText(QCoreApplication.translate("BatchDetail", u"Pilih angkatan di daftar untuk melihat pesertanya.", None))
        self.emptyLabel.setStyleSheet(QCoreApplication.translate("BatchDetail", u"color:#6b7280;", None))
    # retranslateUi

