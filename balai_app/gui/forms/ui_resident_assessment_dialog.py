# Generated from ui/resident_assessment_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QDate, QSize, Qt)
from PySide6.QtWidgets import (QDateEdit, QDialogButtonBox, QFormLayout,
    QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AssessmentDialog(object):
    def setupUi(self, AssessmentDialog):
        if not AssessmentDialog.objectName():
            AssessmentDialog.setObjectName(u"AssessmentDialog")
        AssessmentDialog.resize(620, 640)
        self.dialogLayout = QVBoxLayout(AssessmentDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.residentLabel = QLabel(AssessmentDialog)
        self.residentLabel.setObjectName(u"residentLabel")

        self.dialogLayout.addWidget(self.residentLabel)

        self.errorSummary = QLabel(AssessmentDialog)
        self.errorSummary.setObjectName(u"errorSummary")
        self.errorSummary.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorSummary)

        self.scroll = QScrollArea(AssessmentDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.scrollLayout.setContentsMargins(4, 4, 4, 4)
        self.assessmentForm = QFormLayout()
        self.assessmentForm.setObjectName(u"assessmentForm")
        self.assessmentForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.assessmentForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.assessmentForm.setHorizontalSpacing(10)
        self.assessmentForm.setVerticalSpacing(4)
        self.dateEditLabel = QLabel(self.scrollContents)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.assessmentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateRow = QHBoxLayout()
        self.dateRow.setSpacing(8)
        self.dateRow.setObjectName(u"dateRow")
        self.dateEdit = QDateEdit(self.scrollContents)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setMinimumDate(QDate(1900, 1, 1))

        self.dateRow.addWidget(self.dateEdit)

        self.dateSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateSpacer)


        self.assessmentForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.dateRow)

        self.dateError = QLabel(self.scrollContents)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)
        self.dateError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateError)

        self.assessorEditLabel = QLabel(self.scrollContents)
        self.assessorEditLabel.setObjectName(u"assessorEditLabel")

        self.assessmentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.assessorEditLabel)

        self.assessorEdit = QLineEdit(self.scrollContents)
        self.assessorEdit.setObjectName(u"assessorEdit")
        self.assessorEdit.setMaxLength(200)

        self.assessmentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.assessorEdit)

        self.assessorError = QLabel(self.scrollContents)
        self.assessorError.setObjectName(u"assessorError")
        self.assessorError.setWordWrap(True)
        self.assessorError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.assessorError)

        self.physicalEditLabel = QLabel(self.scrollContents)
        self.physicalEditLabel.setObjectName(u"physicalEditLabel")

        self.assessmentForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.physicalEditLabel)

        self.physicalEdit = QPlainTextEdit(self.scrollContents)
        self.physicalEdit.setObjectName(u"physicalEdit")
        self.physicalEdit.setMinimumSize(QSize(0, 48))
        self.physicalEdit.setTabChangesFocus(True)

        self.assessmentForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.physicalEdit)

        self.physicalError = QLabel(self.scrollContents)
        self.physicalError.setObjectName(u"physicalError")
        self.physicalError.setWordWrap(True)
        self.physicalError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.physicalError)

        self.mentalEditLabel = QLabel(self.scrollContents)
        self.mentalEditLabel.setObjectName(u"mentalEditLabel")

        self.assessmentForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.mentalEditLabel)

        self.mentalEdit = QPlainTextEdit(self.scrollContents)
        self.mentalEdit.setObjectName(u"mentalEdit")
        self.mentalEdit.setMinimumSize(QSize(0, 48))
        self.mentalEdit.setTabChangesFocus(True)

        self.assessmentForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.mentalEdit)

        self.mentalError = QLabel(self.scrollContents)
        self.mentalError.setObjectName(u"mentalError")
        self.mentalError.setWordWrap(True)
        self.mentalError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.mentalError)

        self.socialEditLabel = QLabel(self.scrollContents)
        self.socialEditLabel.setObjectName(u"socialEditLabel")

        self.assessmentForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.socialEditLabel)

        self.socialEdit = QPlainTextEdit(self.scrollContents)
        self.socialEdit.setObjectName(u"socialEdit")
        self.socialEdit.setMinimumSize(QSize(0, 48))
        self.socialEdit.setTabChangesFocus(True)

        self.assessmentForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.socialEdit)

        self.socialError = QLabel(self.scrollContents)
        self.socialError.setObjectName(u"socialError")
        self.socialError.setWordWrap(True)
        self.socialError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.socialError)

        self.familyEditLabel = QLabel(self.scrollContents)
        self.familyEditLabel.setObjectName(u"familyEditLabel")

        self.assessmentForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.familyEditLabel)

        self.familyEdit = QPlainTextEdit(self.scrollContents)
        self.familyEdit.setObjectName(u"familyEdit")
        self.familyEdit.setMinimumSize(QSize(0, 48))
        self.familyEdit.setTabChangesFocus(True)

        self.assessmentForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.familyEdit)

        self.familyError = QLabel(self.scrollContents)
        self.familyError.setObjectName(u"familyError")
        self.familyError.setWordWrap(True)
        self.familyError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.familyError)

        self.vocationalEditLabel = QLabel(self.scrollContents)
        self.vocationalEditLabel.setObjectName(u"vocationalEditLabel")

        self.assessmentForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.vocationalEditLabel)

        self.vocationalEdit = QPlainTextEdit(self.scrollContents)
        self.vocationalEdit.setObjectName(u"vocationalEdit")
        self.vocationalEdit.setMinimumSize(QSize(0, 36))
        self.vocationalEdit.setTabChangesFocus(True)

        self.assessmentForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.vocationalEdit)

        self.vocationalInterestError = QLabel(self.scrollContents)
        self.vocationalInterestError.setObjectName(u"vocationalInterestError")
        self.vocationalInterestError.setWordWrap(True)
        self.vocationalInterestError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.vocationalInterestError)

        self.summaryEditLabel = QLabel(self.scrollContents)
        self.summaryEditLabel.setObjectName(u"summaryEditLabel")

        self.assessmentForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.summaryEditLabel)

        self.summaryEdit = QPlainTextEdit(self.scrollContents)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMinimumSize(QSize(0, 60))
        self.summaryEdit.setTabChangesFocus(True)

        self.assessmentForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.summaryError = QLabel(self.scrollContents)
        self.summaryError.setObjectName(u"summaryError")
        self.summaryError.setWordWrap(True)
        self.summaryError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.summaryError)

        self.recommendationEditLabel = QLabel(self.scrollContents)
        self.recommendationEditLabel.setObjectName(u"recommendationEditLabel")

        self.assessmentForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.recommendationEditLabel)

        self.recommendationEdit = QPlainTextEdit(self.scrollContents)
        self.recommendationEdit.setObjectName(u"recommendationEdit")
        self.recommendationEdit.setMinimumSize(QSize(0, 48))
        self.recommendationEdit.setTabChangesFocus(True)

        self.assessmentForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.recommendationEdit)

        self.recommendationError = QLabel(self.scrollContents)
        self.recommendationError.setObjectName(u"recommendationError")
        self.recommendationError.setWordWrap(True)
        self.recommendationError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.assessmentForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.recommendationError)


        self.scrollLayout.addLayout(self.assessmentForm)

        self.scrollStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scrollLayout.addItem(self.scrollStretch)

        self.scroll.setWidget(self.scrollContents)

        self.dialogLayout.addWidget(self.scroll)

        self.buttonBox = QDialogButtonBox(AssessmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.assessorEditLabel.setBuddy(self.assessorEdit)
        self.physicalEditLabel.setBuddy(self.physicalEdit)
        self.mentalEditLabel.setBuddy(self.mentalEdit)
        self.socialEditLabel.setBuddy(self.socialEdit)
        self.familyEditLabel.setBuddy(self.familyEdit)
        self.vocationalEditLabel.setBuddy(self.vocationalEdit)
        self.summaryEditLabel.setBuddy(self.summaryEdit)
        self.recommendationEditLabel.setBuddy(self.recommendationEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssessmentDialog)
    # setupUi

    def retranslateUi(self, AssessmentDialog):
        AssessmentDialog.setWindowTitle(QCoreApplication.translate("AssessmentDialog", u"Tambah asesmen", None))
        self.residentLabel.setText("")
        self.errorSummary.setText("")
        self.dateEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Tanggal asesmen *", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("AssessmentDialog", u"dd/MM/yyyy", None))
        self.dateError.setText("")
        self.assessorEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Asesor *", None))
        self.assessorEdit.setPlaceholderText(QCoreApplication.translate("AssessmentDialog", u"Nama pekerja sosial/asesor", None))
        self.assessorError.setText("")
        self.physicalEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Aspek fisik", None))
        self.physicalError.setText("")
        self.mentalEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Aspek mental", None))
        self.mentalError.setText("")
        self.socialEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Aspek sosial", None))
        self.socialError.setText("")
        self.familyEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Aspek keluarga", None))
        self.familyError.setText("")
        self.vocationalEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Minat vokasional", None))
        self.vocationalInterestError.setText("")
        self.summaryEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Ringkasan", None))
        self.summaryError.setText("")
        self.recommendationEditLabel.setText(QCoreApplication.translate("AssessmentDialog", u"Rekomendasi layanan", None))
        self.recommendationError.setText("")
    # retranslateUi

