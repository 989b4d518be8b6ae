# Generated from ui/resident_service_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QDate, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialogButtonBox,
    QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ServiceDialog(object):
    def setupUi(self, ServiceDialog):
        if not ServiceDialog.objectName():
            ServiceDialog.setObjectName(u"ServiceDialog")
        ServiceDialog.resize(560, 380)
        self.dialogLayout = QVBoxLayout(ServiceDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.residentLabel = QLabel(ServiceDialog)
        self.residentLabel.setObjectName(u"residentLabel")

        self.dialogLayout.addWidget(self.residentLabel)

        self.errorSummary = QLabel(ServiceDialog)
        self.errorSummary.setObjectName(u"errorSummary")
        self.errorSummary.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorSummary)

        self.scroll = QScrollArea(ServiceDialog)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.scrollLayout.setContentsMargins(4, 4, 4, 4)
        self.serviceForm = QFormLayout()
        self.serviceForm.setObjectName(u"serviceForm")
        self.serviceForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.serviceForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.serviceForm.setHorizontalSpacing(10)
        self.serviceForm.setVerticalSpacing(4)
        self.dateEditLabel = QLabel(self.scrollContents)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.serviceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

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


        self.serviceForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.dateRow)

        self.dateError = QLabel(self.scrollContents)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)
        self.dateError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.serviceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateError)

        self.kindComboLabel = QLabel(self.scrollContents)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.serviceForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(self.scrollContents)
        self.kindCombo.setObjectName(u"kindCombo")
        self.kindCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.kindCombo.setMinimumContentsLength(20)

        self.serviceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.kindError = QLabel(self.scrollContents)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setWordWrap(True)
        self.kindError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.serviceForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kindError)

        self.descriptionEditLabel = QLabel(self.scrollContents)
        self.descriptionEditLabel.setObjectName(u"descriptionEditLabel")

        self.serviceForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.descriptionEditLabel)

        self.descriptionEdit = QPlainTextEdit(self.scrollContents)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMinimumSize(QSize(0, 90))
        self.descriptionEdit.setTabChangesFocus(True)

        self.serviceForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.descriptionError = QLabel(self.scrollContents)
        self.descriptionError.setObjectName(u"descriptionError")
        self.descriptionError.setWordWrap(True)
        self.descriptionError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.serviceForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.descriptionError)

        self.staffEditLabel = QLabel(self.scrollContents)
        self.staffEditLabel.setObjectName(u"staffEditLabel")

        self.serviceForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.staffEditLabel)

        self.staffEdit = QLineEdit(self.scrollContents)
        self.staffEdit.setObjectName(u"staffEdit")
        self.staffEdit.setMaxLength(200)

        self.serviceForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.staffEdit)

        self.staffError = QLabel(self.scrollContents)
        self.staffError.setObjectName(u"staffError")
        self.staffError.setWordWrap(True)
        self.staffError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.serviceForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.staffError)


        self.scrollLayout.addLayout(self.serviceForm)

        self.scrollStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scrollLayout.addItem(self.scrollStretch)

        self.scroll.setWidget(self.scrollContents)

        self.dialogLayout.addWidget(self.scroll)

        self.buttonBox = QDialogButtonBox(ServiceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.descriptionEditLabel.setBuddy(self.descriptionEdit)
        self.staffEditLabel.setBuddy(self.staffEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ServiceDialog)
    # setupUi

    def retranslateUi(self, ServiceDialog):
        ServiceDialog.setWindowTitle(QCoreApplication.translate("ServiceDialog", u"Catat layanan", None))
        self.residentLabel.setText("")
        self.errorSummary.setText("")
        self.dateEditLabel.setText(QCoreApplication.translate("ServiceDialog", u"Tanggal layanan *", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("ServiceDialog", u"dd/MM/yyyy", None))
        self.dateError.setText("")
        self.kindComboLabel.setText(QCoreApplication.translate("ServiceDialog", u"Jenis layanan *", None))
        self.kindError.setText("")
        self.descriptionEditLabel.setText(QCoreApplication.translate("ServiceDialog", u"Uraian *", None))
        self.descriptionError.setText("")
        self.staffEditLabel.setText(QCoreApplication.translate("ServiceDialog", u"Petugas", None))
        self.staffError.setText("")
    # retranslateUi

