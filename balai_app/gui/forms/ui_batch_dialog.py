# Generated from ui/batch_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QTimeEdit, QVBoxLayout, QWidget)

class Ui_BatchDialog(object):
    def setupUi(self, BatchDialog):
        if not BatchDialog.objectName():
            BatchDialog.setObjectName(u"BatchDialog")
        BatchDialog.resize(640, 460)
        self.dialogLayout = QVBoxLayout(BatchDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.errorSummary = QLabel(BatchDialog)
        self.errorSummary.setObjectName(u"errorSummary")
        self.errorSummary.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorSummary)

        self.batchForm = QFormLayout()
        self.batchForm.setObjectName(u"batchForm")
        self.batchForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.programLabel = QLabel(BatchDialog)
        self.programLabel.setObjectName(u"programLabel")

        self.batchForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.programLabel)

        self.programBox = QVBoxLayout()
        self.programBox.setSpacing(1)
        self.programBox.setObjectName(u"programBox")
        self.program = QComboBox(BatchDialog)
        self.program.setObjectName(u"program")

        self.programBox.addWidget(self.program)

        self.programError = QLabel(BatchDialog)
        self.programError.setObjectName(u"programError")
        self.programError.setWordWrap(True)

        self.programBox.addWidget(self.programError)


        self.batchForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.programBox)

        self.nameLabel = QLabel(BatchDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.batchForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QVBoxLayout()
        self.nameBox.setSpacing(1)
        self.nameBox.setObjectName(u"nameBox")
        self.name = QLineEdit(BatchDialog)
        self.name.setObjectName(u"name")

        self.nameBox.addWidget(self.name)

        self.nameError = QLabel(BatchDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.nameBox.addWidget(self.nameError)


        self.batchForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.trainerLabel = QLabel(BatchDialog)
        self.trainerLabel.setObjectName(u"trainerLabel")

        self.batchForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.trainerLabel)

        self.trainerBox = QVBoxLayout()
        self.trainerBox.setSpacing(1)
        self.trainerBox.setObjectName(u"trainerBox")
        self.trainer = QComboBox(BatchDialog)
        self.trainer.setObjectName(u"trainer")

        self.trainerBox.addWidget(self.trainer)

        self.trainerError = QLabel(BatchDialog)
        self.trainerError.setObjectName(u"trainerError")
        self.trainerError.setWordWrap(True)

        self.trainerBox.addWidget(self.trainerError)


        self.batchForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.trainerBox)

        self.start_dateLabel = QLabel(BatchDialog)
        self.start_dateLabel.setObjectName(u"start_dateLabel")

        self.batchForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.start_dateLabel)

        self.start_dateBox = QVBoxLayout()
        self.start_dateBox.setSpacing(1)
        self.start_dateBox.setObjectName(u"start_dateBox")
        self.periodBox = QWidget(BatchDialog)
        self.periodBox.setObjectName(u"periodBox")
        self.periodRow = QHBoxLayout(self.periodBox)
        self.periodRow.setObjectName(u"periodRow")
        self.periodRow.setContentsMargins(0, 0, 0, 0)
        self.start_date = QDateEdit(self.periodBox)
        self.start_date.setObjectName(u"start_date")
        self.start_date.setCalendarPopup(True)

        self.periodRow.addWidget(self.start_date)

        self.periodDash = QLabel(self.periodBox)
        self.periodDash.setObjectName(u"periodDash")

        self.periodRow.addWidget(self.periodDash)

        self.end_date = QDateEdit(self.periodBox)
        self.end_date.setObjectName(u"end_date")
        self.end_date.setCalendarPopup(True)

        self.periodRow.addWidget(self.end_date)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRow.addItem(self.periodSpacer)


        self.start_dateBox.addWidget(self.periodBox)

        self.start_dateError = QLabel(BatchDialog)
        self.start_dateError.setObjectName(u"start_dateError")
        self.start_dateError.setWordWrap(True)

        self.start_dateBox.addWidget(self.start_dateError)


        self.batchForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.start_dateBox)

        self.end_dateLabel = QLabel(BatchDialog)
        self.end_dateLabel.setObjectName(u"end_dateLabel")

        self.batchForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.end_dateLabel)

        self.end_dateBox = QVBoxLayout()
        self.end_dateBox.setSpacing(1)
        self.end_dateBox.setObjectName(u"end_dateBox")
        self.endHint = QLabel(BatchDialog)
        self.endHint.setObjectName(u"endHint")

        self.end_dateBox.addWidget(self.endHint)

        self.end_dateError = QLabel(BatchDialog)
        self.end_dateError.setObjectName(u"end_dateError")
        self.end_dateError.setWordWrap(True)

        self.end_dateBox.addWidget(self.end_dateError)


        self.batchForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.end_dateBox)

        self.scheduleLabel = QLabel(BatchDialog)
        self.scheduleLabel.setObjectName(u"scheduleLabel")

        self.batchForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.scheduleLabel)

        self.scheduleBox = QVBoxLayout()
        self.scheduleBox.setSpacing(1)
        self.scheduleBox.setObjectName(u"scheduleBox")
        self.scheduleBox1 = QWidget(BatchDialog)
        self.scheduleBox1.setObjectName(u"scheduleBox1")
        self.scheduleRow = QHBoxLayout(self.scheduleBox1)
        self.scheduleRow.setObjectName(u"scheduleRow")
        self.scheduleRow.setContentsMargins(0, 0, 0, 0)
        self.daySen = QCheckBox(self.scheduleBox1)
        self.daySen.setObjectName(u"daySen")

        self.scheduleRow.addWidget(self.daySen)

        self.daySel = QCheckBox(self.scheduleBox1)
        self.daySel.setObjectName(u"daySel")

        self.scheduleRow.addWidget(self.daySel)

        self.dayRab = QCheckBox(self.scheduleBox1)
        self.dayRab.setObjectName(u"dayRab")

        self.scheduleRow.addWidget(self.dayRab)

        self.dayKam = QCheckBox(self.scheduleBox1)
        self.dayKam.setObjectName(u"dayKam")

        self.scheduleRow.addWidget(self.dayKam)

        self.dayJum = QCheckBox(self.scheduleBox1)
        self.dayJum.setObjectName(u"dayJum")

        self.scheduleRow.addWidget(self.dayJum)

        self.daySab = QCheckBox(self.scheduleBox1)
        self.daySab.setObjectName(u"daySab")

        self.scheduleRow.addWidget(self.daySab)

        self.dayMin = QCheckBox(self.scheduleBox1)
        self.dayMin.setObjectName(u"dayMin")

        self.scheduleRow.addWidget(self.dayMin)

        self.timeLabel = QLabel(self.scheduleBox1)
        self.timeLabel.setObjectName(u"timeLabel")

        self.scheduleRow.addWidget(self.timeLabel)

        self.timeStart = QTimeEdit(self.scheduleBox1)
        self.timeStart.setObjectName(u"timeStart")

        self.scheduleRow.addWidget(self.timeStart)

        self.timeDash = QLabel(self.scheduleBox1)
        self.timeDash.setObjectName(u"timeDash")

        self.scheduleRow.addWidget(self.timeDash)

        self.timeEnd = QTimeEdit(self.scheduleBox1)
        self.timeEnd.setObjectName(u"timeEnd")

        self.scheduleRow.addWidget(self.timeEnd)

        self.scheduleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scheduleRow.addItem(self.scheduleSpacer)


        self.scheduleBox.addWidget(self.scheduleBox1)

        self.scheduleError = QLabel(BatchDialog)
        self.scheduleError.setObjectName(u"scheduleError")
        self.scheduleError.setWordWrap(True)

        self.scheduleBox.addWidget(self.scheduleError)


        self.batchForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.scheduleBox)

        self.roomLabel = QLabel(BatchDialog)
        self.roomLabel.setObjectName(u"roomLabel")

        self.batchForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.roomLabel)

        self.roomBox = QVBoxLayout()
        self.roomBox.setSpacing(1)
        self.roomBox.setObjectName(u"roomBox")
        self.room = QLineEdit(BatchDialog)
        self.room.setObjectName(u"room")

        self.roomBox.addWidget(self.room)

        self.roomError = QLabel(BatchDialog)
        self.roomError.setObjectName(u"roomError")
        self.roomError.setWordWrap(True)

        self.roomBox.addWidget(self.roomError)


        self.batchForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.roomBox)

        self.capacityLabel = QLabel(BatchDialog)
        self.capacityLabel.setObjectName(u"capacityLabel")

        self.batchForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.capacityLabel)

        self.capacityBox = QVBoxLayout()
        self.capacityBox.setSpacing(1)
        self.capacityBox.setObjectName(u"capacityBox")
        self.capacity = QSpinBox(BatchDialog)
        self.capacity.setObjectName(u"capacity")
        self.capacity.setMinimum(1)
        self.capacity.setMaximum(500)

        self.capacityBox.addWidget(self.capacity)

        self.capacityError = QLabel(BatchDialog)
        self.capacityError.setObjectName(u"capacityError")
        self.capacityError.setWordWrap(True)

        self.capacityBox.addWidget(self.capacityError)


        self.batchForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.capacityBox)

        self.statusLabel = QLabel(BatchDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.batchForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusBox = QVBoxLayout()
        self.statusBox.setSpacing(1)
        self.statusBox.setObjectName(u"statusBox")
        self.status = QComboBox(BatchDialog)
        self.status.setObjectName(u"status")

        self.statusBox.addWidget(self.status)

        self.statusError = QLabel(BatchDialog)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)

        self.statusBox.addWidget(self.statusError)


        self.batchForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.statusBox)


        self.dialogLayout.addLayout(self.batchForm)

        self.buttons = QDialogButtonBox(BatchDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(BatchDialog)
    # setupUi

    def retranslateUi(self, BatchDialog):
        BatchDialog.setWindowTitle(QCoreApplication.translate("BatchDialog", u"Angkatan", None))
        self.errorSummary.setText("")
        self.errorSummary.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.programLabel.setText(QCoreApplication.translate("BatchDialog", u"Program", None))
        self.programError.setText("")
        self.programError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.nameLabel.setText(QCoreApplication.translate("BatchDialog", u"Nama angkatan", None))
        self.name.setPlaceholderText(QCoreApplication.translate("BatchDialog", u"mis. Angkatan I 2026", None))
        self.nameError.setText("")
        self.nameError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.trainerLabel.setText(QCoreApplication.translate("BatchDialog", u"Instruktur", None))
        self.trainerError.setText("")
        self.trainerError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.start_dateLabel.setText(QCoreApplication.translate("BatchDialog", u"Periode", None))
        self.start_date.setDisplayFormat(QCoreApplication.translate("BatchDialog", u"dd/MM/yyyy", None))
        self.periodDash.setText(QCoreApplication.translate("BatchDialog", u"s.d.", None))
        self.end_date.setDisplayFormat(QCoreApplication.translate("BatchDialog", u"dd/MM/yyyy", None))
        self.start_dateError.setText("")
        self.start_dateError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.end_dateLabel.setText("")
        self.endHint.setText("")
        self.end_dateError.setText("")
        self.end_dateError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.scheduleLabel.setText(QCoreApplication.translate("BatchDialog", u"Jadwal mingguan", None))
        self.daySen.setText(QCoreApplication.translate("BatchDialog", u"Sen", None))
        self.daySel.setText(QCoreApplication.translate("BatchDialog", u"Sel", None))
        self.dayRab.setText(QCoreApplication.translate("BatchDialog", u"Rab", None))
        self.dayKam.setText(QCoreApplication.translate("BatchDialog", u"Kam", None))
        self.dayJum.setText(QCoreApplication.translate("BatchDialog", u"Jum", None))
        self.daySab.setText(QCoreApplication.translate("BatchDialog", u"Sab", None))
        self.dayMin.setText(QCoreApplication.translate("BatchDialog", u"Min", None))
        self.timeLabel.setText(QCoreApplication.translate("BatchDialog", u"  pukul", None))
        self.timeStart.setDisplayFormat(QCoreApplication.translate("BatchDialog", u"HH:mm", None))
        self.timeDash.setText(QCoreApplication.translate("BatchDialog", u"\u2013", None))
        self.timeEnd.setDisplayFormat(QCoreApplication.translate("BatchDialog", u"HH:mm", None))
        self.scheduleError.setText("")
        self.scheduleError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.roomLabel.setText(QCoreApplication.translate("BatchDialog", u"Ruang", None))
        self.room.setPlaceholderText(QCoreApplication.translate("BatchDialog", u"mis. Ruang Jahit", None))
        self.roomError.setText("")
        self.roomError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.capacityLabel.setText(QCoreApplication.translate("BatchDialog", u"Kapasitas", None))
        self.capacityError.setText("")
        self.capacityError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
        self.statusLabel.setText(QCoreApplication.translate("BatchDialog", u"Status", None))
        self.statusError.setText("")
        self.statusError.setStyleSheet(QCoreApplication.translate("BatchDialog", u"color:#b91c1c;", None))
    # retranslateUi

