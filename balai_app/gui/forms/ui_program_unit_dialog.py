# Generated from ui/program_unit_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSpinBox, QVBoxLayout)

class Ui_ProgramUnitDialog(object):
    def setupUi(self, ProgramUnitDialog):
        if not ProgramUnitDialog.objectName():
            ProgramUnitDialog.setObjectName(u"ProgramUnitDialog")
        ProgramUnitDialog.resize(520, 260)
        self.dialogLayout = QVBoxLayout(ProgramUnitDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.hintLabel = QLabel(ProgramUnitDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.errorSummary = QLabel(ProgramUnitDialog)
        self.errorSummary.setObjectName(u"errorSummary")
        self.errorSummary.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorSummary)

        self.unitForm = QFormLayout()
        self.unitForm.setObjectName(u"unitForm")
        self.unitForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.codeLabel = QLabel(ProgramUnitDialog)
        self.codeLabel.setObjectName(u"codeLabel")

        self.unitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeBox = QVBoxLayout()
        self.codeBox.setSpacing(1)
        self.codeBox.setObjectName(u"codeBox")
        self.code = QLineEdit(ProgramUnitDialog)
        self.code.setObjectName(u"code")

        self.codeBox.addWidget(self.code)

        self.codeError = QLabel(ProgramUnitDialog)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)

        self.codeBox.addWidget(self.codeError)


        self.unitForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.codeBox)

        self.titleLabel = QLabel(ProgramUnitDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.unitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleBox = QVBoxLayout()
        self.titleBox.setSpacing(1)
        self.titleBox.setObjectName(u"titleBox")
        self.title = QLineEdit(ProgramUnitDialog)
        self.title.setObjectName(u"title")

        self.titleBox.addWidget(self.title)

        self.titleError = QLabel(ProgramUnitDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.titleBox.addWidget(self.titleError)


        self.unitForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.titleBox)

        self.hoursLabel = QLabel(ProgramUnitDialog)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.unitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursBox = QVBoxLayout()
        self.hoursBox.setSpacing(1)
        self.hoursBox.setObjectName(u"hoursBox")
        self.hours = QSpinBox(ProgramUnitDialog)
        self.hours.setObjectName(u"hours")
        self.hours.setMinimum(0)
        self.hours.setMaximum(10000)

        self.hoursBox.addWidget(self.hours)

        self.hoursError = QLabel(ProgramUnitDialog)
        self.hoursError.setObjectName(u"hoursError")
        self.hoursError.setWordWrap(True)

        self.hoursBox.addWidget(self.hoursError)


        self.unitForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.hoursBox)


        self.dialogLayout.addLayout(self.unitForm)

        self.buttons = QDialogButtonBox(ProgramUnitDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttons)


        self.retranslateUi(ProgramUnitDialog)
    # setupUi

    def retranslateUi(self, ProgramUnitDialog):
        ProgramUnitDialog.setWindowTitle(QCoreApplication.translate("ProgramUnitDialog", u"Unit kompetensi", None))
        self.hintLabel.setText(QCoreApplication.translate("ProgramUnitDialog", u"Kode unit ditulis bebas sesuai SKKNI, mis. J.620100.017.02 atau TIK.DG01.001.01. Kosongkan bila belum diketahui.", None))
        self.errorSummary.setText("")
        self.errorSummary.setStyleSheet(QCoreApplication.translate("ProgramUnitDialog", u"color:#b91c1c;", None))
        self.codeLabel.setText(QCoreApplication.translate("ProgramUnitDialog", u"Kode unit", None))
        self.code.setPlaceholderText(QCoreApplication.translate("ProgramUnitDialog", u"mis. J.620100.017.02", None))
        self.codeError.setText("")
        self.codeError.setStyleSheet(QCoreApplication.translate("ProgramUnitDialog", u"color:#b91c1c;", None))
        self.titleLabel.setText(QCoreApplication.translate("ProgramUnitDialog", u"Judul unit", None))
        self.titleError.setText("")
        self.titleError.setStyleSheet(QCoreApplication.translate("ProgramUnitDialog", u"color:#b91c1c;", None))
        self.hoursLabel.setText(QCoreApplication.translate("ProgramUnitDialog", u"Jam", None))
        self.hours.setSpecialValueText(QCoreApplication.translate("ProgramUnitDialog", u"\u2014", None))
        self.hoursError.setText("")
        self.hoursError.setStyleSheet(QCoreApplication.translate("ProgramUnitDialog", u"color:#b91c1c;", None))
    # retranslateUi

