# Generated from ui/program_editor.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QTableView, QVBoxLayout)

class Ui_ProgramEditor(object):
    def setupUi(self, ProgramEditor):
        if not ProgramEditor.objectName():
            ProgramEditor.setObjectName(u"ProgramEditor")
        ProgramEditor.resize(640, 620)
        self.editorLayout = QVBoxLayout(ProgramEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.sampleBanner = QLabel(ProgramEditor)
        self.sampleBanner.setObjectName(u"sampleBanner")
        self.sampleBanner.setWordWrap(True)

        self.editorLayout.addWidget(self.sampleBanner)

        self.errorSummary = QLabel(ProgramEditor)
        self.errorSummary.setObjectName(u"errorSummary")
        self.errorSummary.setWordWrap(True)

        self.editorLayout.addWidget(self.errorSummary)

        self.programForm = QFormLayout()
        self.programForm.setObjectName(u"programForm")
        self.programForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.codeLabel = QLabel(ProgramEditor)
        self.codeLabel.setObjectName(u"codeLabel")

        self.programForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeBox = QVBoxLayout()
        self.codeBox.setSpacing(1)
        self.codeBox.setObjectName(u"codeBox")
        self.code = QLineEdit(ProgramEditor)
        self.code.setObjectName(u"code")

        self.codeBox.addWidget(self.code)

        self.codeError = QLabel(ProgramEditor)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)

        self.codeBox.addWidget(self.codeError)


        self.programForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.codeBox)

        self.nameLabel = QLabel(ProgramEditor)
        self.nameLabel.setObjectName(u"nameLabel")

        self.programForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QVBoxLayout()
        self.nameBox.setSpacing(1)
        self.nameBox.setObjectName(u"nameBox")
        self.name = QLineEdit(ProgramEditor)
        self.name.setObjectName(u"name")

        self.nameBox.addWidget(self.name)

        self.nameError = QLabel(ProgramEditor)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.nameBox.addWidget(self.nameError)


        self.programForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.fieldLabel = QLabel(ProgramEditor)
        self.fieldLabel.setObjectName(u"fieldLabel")

        self.programForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fieldLabel)

        self.fieldBox = QVBoxLayout()
        self.fieldBox.setSpacing(1)
        self.fieldBox.setObjectName(u"fieldBox")
        self.field = QLineEdit(ProgramEditor)
        self.field.setObjectName(u"field")

        self.fieldBox.addWidget(self.field)

        self.fieldError = QLabel(ProgramEditor)
        self.fieldError.setObjectName(u"fieldError")
        self.fieldError.setWordWrap(True)

        self.fieldBox.addWidget(self.fieldError)


        self.programForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.fieldBox)

        self.hoursLabel = QLabel(ProgramEditor)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.programForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursBox = QVBoxLayout()
        self.hoursBox.setSpacing(1)
        self.hoursBox.setObjectName(u"hoursBox")
        self.hours = QSpinBox(ProgramEditor)
        self.hours.setObjectName(u"hours")
        self.hours.setMinimum(0)
        self.hours.setMaximum(10000)

        self.hoursBox.addWidget(self.hours)

        self.hoursError = QLabel(ProgramEditor)
        self.hoursError.setObjectName(u"hoursError")
        self.hoursError.setWordWrap(True)

        self.hoursBox.addWidget(self.hoursError)


        self.programForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.hoursBox)

        self.weeksLabel = QLabel(ProgramEditor)
        self.weeksLabel.setObjectName(u"weeksLabel")

        self.programForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.weeksLabel)

        self.weeksBox = QVBoxLayout()
        self.weeksBox.setSpacing(1)
        self.weeksBox.setObjectName(u"weeksBox")
        self.weeks = QSpinBox(ProgramEditor)
        self.weeks.setObjectName(u"weeks")
        self.weeks.setMinimum(0)
        self.weeks.setMaximum(520)

        self.weeksBox.addWidget(self.weeks)

        self.weeksError = QLabel(ProgramEditor)
        self.weeksError.setObjectName(u"weeksError")
        self.weeksError.setWordWrap(True)

        self.weeksBox.addWidget(self.weeksError)


        self.programForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.weeksBox)

        self.min_attendanceLabel = QLabel(ProgramEditor)
        self.min_attendanceLabel.setObjectName(u"min_attendanceLabel")

        self.programForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.min_attendanceLabel)

        self.min_attendanceBox = QVBoxLayout()
        self.min_attendanceBox.setSpacing(1)
        self.min_attendanceBox.setObjectName(u"min_attendanceBox")
        self.min_attendance = QSpinBox(ProgramEditor)
        self.min_attendance.setObjectName(u"min_attendance")
        self.min_attendance.setMinimum(0)
        self.min_attendance.setMaximum(100)

        self.min_attendanceBox.addWidget(self.min_attendance)

        self.min_attendanceError = QLabel(ProgramEditor)
        self.min_attendanceError.setObjectName(u"min_attendanceError")
        self.min_attendanceError.setWordWrap(True)

        self.min_attendanceBox.addWidget(self.min_attendanceError)


        self.programForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.min_attendanceBox)

        self.descriptionLabel = QLabel(ProgramEditor)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.programForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionBox = QVBoxLayout()
        self.descriptionBox.setSpacing(1)
        self.descriptionBox.setObjectName(u"descriptionBox")
        self.description = QPlainTextEdit(ProgramEditor)
        self.description.setObjectName(u"description")
        self.description.setMaximumSize(QSize(16777215, 70))

        self.descriptionBox.addWidget(self.description)

        self.descriptionError = QLabel(ProgramEditor)
        self.descriptionError.setObjectName(u"descriptionError")
        self.descriptionError.setWordWrap(True)

        self.descriptionBox.addWidget(self.descriptionError)


        self.programForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.descriptionBox)


        self.editorLayout.addLayout(self.programForm)

        self.programButtons = QHBoxLayout()
        self.programButtons.setObjectName(u"programButtons")
        self.active = QCheckBox(ProgramEditor)
        self.active.setObjectName(u"active")

        self.programButtons.addWidget(self.active)

        self.programSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.programButtons.addItem(self.programSpacer)

        self.deleteProgram = QPushButton(ProgramEditor)
        self.deleteProgram.setObjectName(u"deleteProgram")

        self.programButtons.addWidget(self.deleteProgram)

        self.saveProgram = QPushButton(ProgramEditor)
        self.saveProgram.setObjectName(u"saveProgram")

        self.programButtons.addWidget(self.saveProgram)


        self.editorLayout.addLayout(self.programButtons)

        self.unitsHeading = QLabel(ProgramEditor)
        self.unitsHeading.setObjectName(u"unitsHeading")

        self.editorLayout.addWidget(self.unitsHeading)

        self.unitsLayout = QHBoxLayout()
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.units = QTableView(ProgramEditor)
        self.units.setObjectName(u"units")
        self.units.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.units.setSelectionMode(QAbstractItemView.SingleSelection)
        self.units.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.units.setAlternatingRowColors(True)

        self.unitsLayout.addWidget(self.units)

        self.unitButtons = QVBoxLayout()
        self.unitButtons.setObjectName(u"unitButtons")
        self.addUnit = QPushButton(ProgramEditor)
        self.addUnit.setObjectName(u"addUnit")

        self.unitButtons.addWidget(self.addUnit)

        self.editUnit = QPushButton(ProgramEditor)
        self.editUnit.setObjectName(u"editUnit")

        self.unitButtons.addWidget(self.editUnit)

        self.moveUp = QPushButton(ProgramEditor)
        self.moveUp.setObjectName(u"moveUp")

        self.unitButtons.addWidget(self.moveUp)

        self.moveDown = QPushButton(ProgramEditor)
        self.moveDown.setObjectName(u"moveDown")

        self.unitButtons.addWidget(self.moveDown)

        self.retireUnit = QPushButton(ProgramEditor)
        self.retireUnit.setObjectName(u"retireUnit")

        self.unitButtons.addWidget(self.retireUnit)

        self.deleteUnit = QPushButton(ProgramEditor)
        self.deleteUnit.setObjectName(u"deleteUnit")

        self.unitButtons.addWidget(self.deleteUnit)

        self.unitSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.unitButtons.addItem(self.unitSpacer)


        self.unitsLayout.addLayout(self.unitButtons)


        self.editorLayout.addLayout(self.unitsLayout)


        self.retranslateUi(ProgramEditor)
    # setupUi

    def retranslateUi(self, ProgramEditor):
        ProgramEditor.setWindowTitle(QCoreApplication.translate("ProgramEditor", u"Program", None))
        self.sampleBanner.setText(QCoreApplication.translate("ProgramEditor", u"Program contoh \u2014 sesuaikan dengan SKKNI: lengkapi kode unit resmi dan periksa judul unit sebelum sertifikat diterbitkan.", None))
        self.sampleBanner.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"background:#fef3c7; color:#78350f; border:1px solid #f59e0b; padding:6px;", None))
        self.errorSummary.setText("")
        self.errorSummary.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"color:#b91c1c;", None))
        self.codeLabel.setText(QCoreApplication.translate("ProgramEditor", u"Kode", None))
        self.code.setPlaceholderText(QCoreApplication.translate("ProgramEditor", u"mis. MJH", None))
        self.codeError.setText("")
        self.codeError.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"color:#b91c1c;", None))
        self.nameLabel.setText(QCoreApplication.translate("ProgramEditor", u"Nama program", None))
        self.name.setPlaceholderText(QCoreApplication.translate("ProgramEditor", u"mis. Menjahit", None))
        self.nameError.setText("")
        self.nameError.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"color:#b91c1c;", None))
        self.fieldLabel.setText(QCoreApplication.translate("ProgramEditor", u"Bidang", None))
        self.fieldError.setText("")
        self.fieldError.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"color:#b91c1c;", None))
        self.hoursLabel.setText(QCoreApplication.translate("ProgramEditor", u"Durasi (jam)", None))
        self.hours.setSpecialValueText(QCoreApplication.translate("ProgramEditor", u"\u2014", None))
        self.hoursError.setText("")
        self.hoursError.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"color:#b91c1c;", None))
        self.weeksLabel.setText(QCoreApplication.translate("ProgramEditor", u"Durasi (minggu)", None))
        self.weeks.setSpecialValueText(QCoreApplication.translate("ProgramEditor", u"\u2014", None))
        self.weeksError.setText("")
        self.weeksError.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"color:#b91c1c;", None))
        self.min_attendanceLabel.setText(QCoreApplication.translate("ProgramEditor", u"Kehadiran minimal (%)", None))
        self.min_attendanceError.setText("")
        self.min_attendanceError.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"color:#b91c1c;", None))
        self.descriptionLabel.setText(QCoreApplication.translate("ProgramEditor", u"Deskripsi", None))
        self.descriptionError.setText("")
        self.descriptionError.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"color:#b91c1c;", None))
        self.active.setText(QCoreApplication.translate("ProgramEditor", u"Program aktif", None))
        self.deleteProgram.setText(QCoreApplication.translate("ProgramEditor", u"Hapus program", None))
        self.saveProgram.setText(QCoreApplication.translate("ProgramEditor", u"Simpan program", None))
        self.unitsHeading.setText(QCoreApplication.translate("ProgramEditor", u"Unit kompetensi (urut)", None))
        self.unitsHeading.setStyleSheet(QCoreApplication.translate("ProgramEditor", u"font-weight:bold; margin-top:8px;", None))
        self.addUnit.setText(QCoreApplication.translate("ProgramEditor", u"Tambah unit", None))
        self.editUnit.setText(QCoreApplication.translate("ProgramEditor", u"Ubah\u2026", None))
        self.moveUp.setText(QCoreApplication.translate("ProgramEditor", u"Naik", None))
        self.moveDown.setText(QCoreApplication.translate("ProgramEditor", u"Turun", None))
        self.retireUnit.setText(QCoreApplication.translate("ProgramEditor", u"Nonaktifkan", None))
        self.deleteUnit.setText(QCoreApplication.translate("ProgramEditor", u"Hapus unit", None))
    # retranslateUi

