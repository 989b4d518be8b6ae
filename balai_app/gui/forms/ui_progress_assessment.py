# Generated from ui/progress_assessment.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout)

from balai_app.gui.sessions.assessment_table import AssessmentView

class Ui_AssessmentEditor(object):
    def setupUi(self, AssessmentEditor):
        if not AssessmentEditor.objectName():
            AssessmentEditor.setObjectName(u"AssessmentEditor")
        AssessmentEditor.resize(1280, 640)
        self.mainLayout = QVBoxLayout(AssessmentEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.modeLabel = QLabel(AssessmentEditor)
        self.modeLabel.setObjectName(u"modeLabel")

        self.topLayout.addWidget(self.modeLabel)

        self.modeCombo = QComboBox(AssessmentEditor)
        self.modeCombo.setObjectName(u"modeCombo")

        self.topLayout.addWidget(self.modeCombo)

        self.targetCombo = QComboBox(AssessmentEditor)
        self.targetCombo.setObjectName(u"targetCombo")
        self.targetCombo.setMinimumSize(QSize(320, 0))

        self.topLayout.addWidget(self.targetCombo)

        self.topLayout.setStretch(2, 1)

        self.mainLayout.addLayout(self.topLayout)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.commonLayout = QHBoxLayout()
        self.commonLayout.setObjectName(u"commonLayout")
        self.dateLabel = QLabel(AssessmentEditor)
        self.dateLabel.setObjectName(u"dateLabel")

        self.commonLayout.addWidget(self.dateLabel)

        self.dateEdit = QDateEdit(AssessmentEditor)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.commonLayout.addWidget(self.dateEdit)

        self.methodLabel = QLabel(AssessmentEditor)
        self.methodLabel.setObjectName(u"methodLabel")

        self.commonLayout.addWidget(self.methodLabel)

        self.methodCombo = QComboBox(AssessmentEditor)
        self.methodCombo.setObjectName(u"methodCombo")

        self.commonLayout.addWidget(self.methodCombo)

        self.assessorLabel = QLabel(AssessmentEditor)
        self.assessorLabel.setObjectName(u"assessorLabel")

        self.commonLayout.addWidget(self.assessorLabel)

        self.assessorEdit = QLineEdit(AssessmentEditor)
        self.assessorEdit.setObjectName(u"assessorEdit")

        self.commonLayout.addWidget(self.assessorEdit)

        self.commonLayout.setStretch(5, 1)

        self.formLayout.setLayout(0, QFormLayout.ItemRole.SpanningRole, self.commonLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.assessmentTable = AssessmentView(AssessmentEditor)
        self.assessmentTable.setObjectName(u"assessmentTable")
        self.assessmentTable.setEditTriggers(QAbstractItemView.DoubleClicked|QAbstractItemView.EditKeyPressed)
        self.assessmentTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.assessmentTable.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.mainLayout.addWidget(self.assessmentTable)

        self.historyLabel = QLabel(AssessmentEditor)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.historyLabel)

        self.errorLabel = QLabel(AssessmentEditor)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.hintLabel = QLabel(AssessmentEditor)
        self.hintLabel.setObjectName(u"hintLabel")

        self.buttonLayout.addWidget(self.hintLabel)

        self.saveButton = QPushButton(AssessmentEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)

        self.buttonLayout.setStretch(0, 1)

        self.mainLayout.addLayout(self.buttonLayout)

        self.mainLayout.setStretch(2, 1)

        self.retranslateUi(AssessmentEditor)
    # setupUi

    def retranslateUi(self, AssessmentEditor):
        AssessmentEditor.setWindowTitle(QCoreApplication.translate("AssessmentEditor", u"Penilaian unit", None))
        self.modeLabel.setText(QCoreApplication.translate("AssessmentEditor", u"Penilaian:", None))
        self.dateLabel.setText(QCoreApplication.translate("AssessmentEditor", u"Tanggal", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("AssessmentEditor", u"dd/MM/yyyy", None))
        self.methodLabel.setText(QCoreApplication.translate("AssessmentEditor", u"Metode", None))
        self.assessorLabel.setText(QCoreApplication.translate("AssessmentEditor", u"Asesor", None))
        self.assessorEdit.setPlaceholderText(QCoreApplication.translate("AssessmentEditor", u"bawaan: nama akun Anda", None))
        self.historyLabel.setStyleSheet(QCoreApplication.translate("AssessmentEditor", u"color:#374151;", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("AssessmentEditor", u"color:#b91c1c;", None))
        self.hintLabel.setText(QCoreApplication.translate("AssessmentEditor", u"Ketik K (Kompeten) atau B untuk BK (Belum Kompeten) pada baris; Delete mengosongkan.", None))
        self.saveButton.setText(QCoreApplication.translate("AssessmentEditor", u"Simpan penilaian", None))
    # retranslateUi

