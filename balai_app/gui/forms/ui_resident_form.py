# Generated from ui/resident_form.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QDate, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox,
    QDateEdit, QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout, QWidget)

class Ui_ResidentForm(object):
    def setupUi(self, ResidentForm):
        if not ResidentForm.objectName():
            ResidentForm.setObjectName(u"ResidentForm")
        ResidentForm.resize(760, 560)
        self.dialogLayout = QVBoxLayout(ResidentForm)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.errorSummary = QLabel(ResidentForm)
        self.errorSummary.setObjectName(u"errorSummary")
        self.errorSummary.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorSummary)

        self.tabs = QTabWidget(ResidentForm)
        self.tabs.setObjectName(u"tabs")
        self.identityTab = QWidget()
        self.identityTab.setObjectName(u"identityTab")
        self.identityTabLayout = QVBoxLayout(self.identityTab)
        self.identityTabLayout.setObjectName(u"identityTabLayout")
        self.identityTabLayout.setContentsMargins(0, 0, 0, 0)
        self.identityTabScroll = QScrollArea(self.identityTab)
        self.identityTabScroll.setObjectName(u"identityTabScroll")
        self.identityTabScroll.setFrameShape(QFrame.NoFrame)
        self.identityTabScroll.setWidgetResizable(True)
        self.identityTabContents = QWidget()
        self.identityTabContents.setObjectName(u"identityTabContents")
        self.identityTabContentsLayout = QVBoxLayout(self.identityTabContents)
        self.identityTabContentsLayout.setObjectName(u"identityTabContentsLayout")
        self.identityTabContentsLayout.setContentsMargins(12, 12, 12, 12)
        self.identityRow = QHBoxLayout()
        self.identityRow.setSpacing(8)
        self.identityRow.setObjectName(u"identityRow")
        self.identityForm = QFormLayout()
        self.identityForm.setObjectName(u"identityForm")
        self.identityForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.identityForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.identityForm.setHorizontalSpacing(10)
        self.identityForm.setVerticalSpacing(4)
        self.nameEditLabel = QLabel(self.identityTabContents)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.nameEdit = QLineEdit(self.identityTabContents)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.identityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.identityTabContents)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.klasterComboLabel = QLabel(self.identityTabContents)
        self.klasterComboLabel.setObjectName(u"klasterComboLabel")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.klasterComboLabel)

        self.klasterCombo = QComboBox(self.identityTabContents)
        self.klasterCombo.setObjectName(u"klasterCombo")
        self.klasterCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.klasterCombo.setMinimumContentsLength(20)

        self.identityForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.klasterCombo)

        self.klasterError = QLabel(self.identityTabContents)
        self.klasterError.setObjectName(u"klasterError")
        self.klasterError.setWordWrap(True)
        self.klasterError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.klasterError)

        self.nikEditLabel = QLabel(self.identityTabContents)
        self.nikEditLabel.setObjectName(u"nikEditLabel")

        self.identityForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nikEditLabel)

        self.nikRow = QHBoxLayout()
        self.nikRow.setSpacing(8)
        self.nikRow.setObjectName(u"nikRow")
        self.nikEdit = QLineEdit(self.identityTabContents)
        self.nikEdit.setObjectName(u"nikEdit")
        self.nikEdit.setMaxLength(20)

        self.nikRow.addWidget(self.nikEdit)

        self.noNikCheck = QCheckBox(self.identityTabContents)
        self.noNikCheck.setObjectName(u"noNikCheck")

        self.nikRow.addWidget(self.noNikCheck)


        self.identityForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.nikRow)

        self.nikError = QLabel(self.identityTabContents)
        self.nikError.setObjectName(u"nikError")
        self.nikError.setWordWrap(True)
        self.nikError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nikError)

        self.nikReasonEditLabel = QLabel(self.identityTabContents)
        self.nikReasonEditLabel.setObjectName(u"nikReasonEditLabel")

        self.identityForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.nikReasonEditLabel)

        self.nikReasonEdit = QLineEdit(self.identityTabContents)
        self.nikReasonEdit.setObjectName(u"nikReasonEdit")
        self.nikReasonEdit.setMaxLength(200)

        self.identityForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.nikReasonEdit)

        self.nikMissingReasonError = QLabel(self.identityTabContents)
        self.nikMissingReasonError.setObjectName(u"nikMissingReasonError")
        self.nikMissingReasonError.setWordWrap(True)
        self.nikMissingReasonError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.nikMissingReasonError)

        self.noKkEditLabel = QLabel(self.identityTabContents)
        self.noKkEditLabel.setObjectName(u"noKkEditLabel")

        self.identityForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.noKkEditLabel)

        self.noKkEdit = QLineEdit(self.identityTabContents)
        self.noKkEdit.setObjectName(u"noKkEdit")
        self.noKkEdit.setMaxLength(20)

        self.identityForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.noKkEdit)

        self.noKkError = QLabel(self.identityTabContents)
        self.noKkError.setObjectName(u"noKkError")
        self.noKkError.setWordWrap(True)
        self.noKkError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.noKkError)

        self.sexComboLabel = QLabel(self.identityTabContents)
        self.sexComboLabel.setObjectName(u"sexComboLabel")

        self.identityForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.sexComboLabel)

        self.sexCombo = QComboBox(self.identityTabContents)
        self.sexCombo.setObjectName(u"sexCombo")
        self.sexCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.sexCombo.setMinimumContentsLength(20)

        self.identityForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.sexCombo)

        self.sexError = QLabel(self.identityTabContents)
        self.sexError.setObjectName(u"sexError")
        self.sexError.setWordWrap(True)
        self.sexError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.sexError)

        self.birthPlaceEditLabel = QLabel(self.identityTabContents)
        self.birthPlaceEditLabel.setObjectName(u"birthPlaceEditLabel")

        self.identityForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.birthPlaceEditLabel)

        self.birthPlaceEdit = QLineEdit(self.identityTabContents)
        self.birthPlaceEdit.setObjectName(u"birthPlaceEdit")
        self.birthPlaceEdit.setMaxLength(100)

        self.identityForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.birthPlaceEdit)

        self.birthPlaceError = QLabel(self.identityTabContents)
        self.birthPlaceError.setObjectName(u"birthPlaceError")
        self.birthPlaceError.setWordWrap(True)
        self.birthPlaceError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.birthPlaceError)

        self.birthDateEditLabel = QLabel(self.identityTabContents)
        self.birthDateEditLabel.setObjectName(u"birthDateEditLabel")

        self.identityForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.birthDateEditLabel)

        self.birthRow = QHBoxLayout()
        self.birthRow.setSpacing(8)
        self.birthRow.setObjectName(u"birthRow")
        self.birthDateEdit = QDateEdit(self.identityTabContents)
        self.birthDateEdit.setObjectName(u"birthDateEdit")
        self.birthDateEdit.setCalendarPopup(True)
        self.birthDateEdit.setMinimumDate(QDate(1900, 1, 1))

        self.birthRow.addWidget(self.birthDateEdit)

        self.birthUnknownCheck = QCheckBox(self.identityTabContents)
        self.birthUnknownCheck.setObjectName(u"birthUnknownCheck")

        self.birthRow.addWidget(self.birthUnknownCheck)

        self.birthSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.birthRow.addItem(self.birthSpacer)


        self.identityForm.setLayout(14, QFormLayout.ItemRole.FieldRole, self.birthRow)

        self.birthDateError = QLabel(self.identityTabContents)
        self.birthDateError.setObjectName(u"birthDateError")
        self.birthDateError.setWordWrap(True)
        self.birthDateError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.birthDateError)

        self.religionComboLabel = QLabel(self.identityTabContents)
        self.religionComboLabel.setObjectName(u"religionComboLabel")

        self.identityForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.religionComboLabel)

        self.religionCombo = QComboBox(self.identityTabContents)
        self.religionCombo.setObjectName(u"religionCombo")
        self.religionCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.religionCombo.setMinimumContentsLength(20)

        self.identityForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.religionCombo)

        self.religionError = QLabel(self.identityTabContents)
        self.religionError.setObjectName(u"religionError")
        self.religionError.setWordWrap(True)
        self.religionError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.religionError)

        self.educationComboLabel = QLabel(self.identityTabContents)
        self.educationComboLabel.setObjectName(u"educationComboLabel")

        self.identityForm.setWidget(18, QFormLayout.ItemRole.LabelRole, self.educationComboLabel)

        self.educationCombo = QComboBox(self.identityTabContents)
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.educationCombo.setMinimumContentsLength(20)

        self.identityForm.setWidget(18, QFormLayout.ItemRole.FieldRole, self.educationCombo)

        self.educationError = QLabel(self.identityTabContents)
        self.educationError.setObjectName(u"educationError")
        self.educationError.setWordWrap(True)
        self.educationError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityForm.setWidget(19, QFormLayout.ItemRole.FieldRole, self.educationError)


        self.identityRow.addLayout(self.identityForm)

        self.photoGroup = QGroupBox(self.identityTabContents)
        self.photoGroup.setObjectName(u"photoGroup")
        self.photoLayout = QVBoxLayout(self.photoGroup)
        self.photoLayout.setObjectName(u"photoLayout")
        self.photoLabel = QLabel(self.photoGroup)
        self.photoLabel.setObjectName(u"photoLabel")
        self.photoLabel.setMinimumSize(QSize(150, 190))
        self.photoLabel.setMaximumSize(QSize(150, 190))
        self.photoLabel.setAlignment(Qt.AlignCenter)
        self.photoLabel.setFrameShape(QFrame.StyledPanel)

        self.photoLayout.addWidget(self.photoLabel)

        self.pickPhotoButton = QPushButton(self.photoGroup)
        self.pickPhotoButton.setObjectName(u"pickPhotoButton")

        self.photoLayout.addWidget(self.pickPhotoButton)

        self.removePhotoButton = QPushButton(self.photoGroup)
        self.removePhotoButton.setObjectName(u"removePhotoButton")

        self.photoLayout.addWidget(self.removePhotoButton)

        self.photoError = QLabel(self.photoGroup)
        self.photoError.setObjectName(u"photoError")
        self.photoError.setWordWrap(True)
        self.photoError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.photoLayout.addWidget(self.photoError)

        self.photoStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.photoLayout.addItem(self.photoStretch)


        self.identityRow.addWidget(self.photoGroup)


        self.identityTabContentsLayout.addLayout(self.identityRow)

        self.identityTabStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.identityTabContentsLayout.addItem(self.identityTabStretch)

        self.identityTabScroll.setWidget(self.identityTabContents)

        self.identityTabLayout.addWidget(self.identityTabScroll)

        self.tabs.addTab(self.identityTab, "")
        self.klasterTab = QWidget()
        self.klasterTab.setObjectName(u"klasterTab")
        self.klasterTabLayout = QVBoxLayout(self.klasterTab)
        self.klasterTabLayout.setObjectName(u"klasterTabLayout")
        self.klasterTabLayout.setContentsMargins(0, 0, 0, 0)
        self.klasterTabScroll = QScrollArea(self.klasterTab)
        self.klasterTabScroll.setObjectName(u"klasterTabScroll")
        self.klasterTabScroll.setFrameShape(QFrame.NoFrame)
        self.klasterTabScroll.setWidgetResizable(True)
        self.klasterTabContents = QWidget()
        self.klasterTabContents.setObjectName(u"klasterTabContents")
        self.klasterTabContentsLayout = QVBoxLayout(self.klasterTabContents)
        self.klasterTabContentsLayout.setObjectName(u"klasterTabContentsLayout")
        self.klasterTabContentsLayout.setContentsMargins(12, 12, 12, 12)
        self.klasterForm = QFormLayout()
        self.klasterForm.setObjectName(u"klasterForm")
        self.klasterForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.klasterForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.klasterForm.setHorizontalSpacing(10)
        self.klasterForm.setVerticalSpacing(4)
        self.disabilityListLabel = QLabel(self.klasterTabContents)
        self.disabilityListLabel.setObjectName(u"disabilityListLabel")

        self.klasterForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.disabilityListLabel)

        self.disabilityList = QListWidget(self.klasterTabContents)
        self.disabilityList.setObjectName(u"disabilityList")
        self.disabilityList.setMinimumSize(QSize(0, 90))
        self.disabilityList.setMaximumSize(QSize(16777215, 170))
        self.disabilityList.setSelectionMode(QAbstractItemView.NoSelection)

        self.klasterForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.disabilityList)

        self.disabilitiesError = QLabel(self.klasterTabContents)
        self.disabilitiesError.setObjectName(u"disabilitiesError")
        self.disabilitiesError.setWordWrap(True)
        self.disabilitiesError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.klasterForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.disabilitiesError)

        self.entryDateEditLabel = QLabel(self.klasterTabContents)
        self.entryDateEditLabel.setObjectName(u"entryDateEditLabel")

        self.klasterForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.entryDateEditLabel)

        self.entryRow = QHBoxLayout()
        self.entryRow.setSpacing(8)
        self.entryRow.setObjectName(u"entryRow")
        self.entryDateEdit = QDateEdit(self.klasterTabContents)
        self.entryDateEdit.setObjectName(u"entryDateEdit")
        self.entryDateEdit.setCalendarPopup(True)
        self.entryDateEdit.setMinimumDate(QDate(1900, 1, 1))

        self.entryRow.addWidget(self.entryDateEdit)

        self.entrySpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.entryRow.addItem(self.entrySpacer)


        self.klasterForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.entryRow)

        self.entryDateError = QLabel(self.klasterTabContents)
        self.entryDateError.setObjectName(u"entryDateError")
        self.entryDateError.setWordWrap(True)
        self.entryDateError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.klasterForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.entryDateError)

        self.referralComboLabel = QLabel(self.klasterTabContents)
        self.referralComboLabel.setObjectName(u"referralComboLabel")

        self.klasterForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.referralComboLabel)

        self.referralCombo = QComboBox(self.klasterTabContents)
        self.referralCombo.setObjectName(u"referralCombo")
        self.referralCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.referralCombo.setMinimumContentsLength(20)
        self.referralCombo.setEditable(True)

        self.klasterForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.referralCombo)

        self.referralSourceError = QLabel(self.klasterTabContents)
        self.referralSourceError.setObjectName(u"referralSourceError")
        self.referralSourceError.setWordWrap(True)
        self.referralSourceError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.klasterForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.referralSourceError)


        self.klasterTabContentsLayout.addLayout(self.klasterForm)

        self.klasterTabStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.klasterTabContentsLayout.addItem(self.klasterTabStretch)

        self.klasterTabScroll.setWidget(self.klasterTabContents)

        self.klasterTabLayout.addWidget(self.klasterTabScroll)

        self.tabs.addTab(self.klasterTab, "")
        self.familyTab = QWidget()
        self.familyTab.setObjectName(u"familyTab")
        self.familyTabLayout = QVBoxLayout(self.familyTab)
        self.familyTabLayout.setObjectName(u"familyTabLayout")
        self.familyTabLayout.setContentsMargins(0, 0, 0, 0)
        self.familyTabScroll = QScrollArea(self.familyTab)
        self.familyTabScroll.setObjectName(u"familyTabScroll")
        self.familyTabScroll.setFrameShape(QFrame.NoFrame)
        self.familyTabScroll.setWidgetResizable(True)
        self.familyTabContents = QWidget()
        self.familyTabContents.setObjectName(u"familyTabContents")
        self.familyTabContentsLayout = QVBoxLayout(self.familyTabContents)
        self.familyTabContentsLayout.setObjectName(u"familyTabContentsLayout")
        self.familyTabContentsLayout.setContentsMargins(12, 12, 12, 12)
        self.familyForm = QFormLayout()
        self.familyForm.setObjectName(u"familyForm")
        self.familyForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.familyForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.familyForm.setHorizontalSpacing(10)
        self.familyForm.setVerticalSpacing(4)
        self.addressEditLabel = QLabel(self.familyTabContents)
        self.addressEditLabel.setObjectName(u"addressEditLabel")

        self.familyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.addressEditLabel)

        self.addressEdit = QPlainTextEdit(self.familyTabContents)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMinimumSize(QSize(0, 70))
        self.addressEdit.setTabChangesFocus(True)

        self.familyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.addressError = QLabel(self.familyTabContents)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setWordWrap(True)
        self.addressError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.familyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressError)

        self.guardianNameEditLabel = QLabel(self.familyTabContents)
        self.guardianNameEditLabel.setObjectName(u"guardianNameEditLabel")

        self.familyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.guardianNameEditLabel)

        self.guardianNameEdit = QLineEdit(self.familyTabContents)
        self.guardianNameEdit.setObjectName(u"guardianNameEdit")
        self.guardianNameEdit.setMaxLength(200)

        self.familyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.guardianNameEdit)

        self.guardianNameError = QLabel(self.familyTabContents)
        self.guardianNameError.setObjectName(u"guardianNameError")
        self.guardianNameError.setWordWrap(True)
        self.guardianNameError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.familyForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.guardianNameError)

        self.guardianRelationComboLabel = QLabel(self.familyTabContents)
        self.guardianRelationComboLabel.setObjectName(u"guardianRelationComboLabel")

        self.familyForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.guardianRelationComboLabel)

        self.guardianRelationCombo = QComboBox(self.familyTabContents)
        self.guardianRelationCombo.setObjectName(u"guardianRelationCombo")
        self.guardianRelationCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.guardianRelationCombo.setMinimumContentsLength(20)
        self.guardianRelationCombo.setEditable(True)

        self.familyForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.guardianRelationCombo)

        self.guardianRelationError = QLabel(self.familyTabContents)
        self.guardianRelationError.setObjectName(u"guardianRelationError")
        self.guardianRelationError.setWordWrap(True)
        self.guardianRelationError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.familyForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.guardianRelationError)

        self.guardianPhoneEditLabel = QLabel(self.familyTabContents)
        self.guardianPhoneEditLabel.setObjectName(u"guardianPhoneEditLabel")

        self.familyForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.guardianPhoneEditLabel)

        self.guardianPhoneEdit = QLineEdit(self.familyTabContents)
        self.guardianPhoneEdit.setObjectName(u"guardianPhoneEdit")
        self.guardianPhoneEdit.setMaxLength(30)

        self.familyForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.guardianPhoneEdit)

        self.guardianPhoneError = QLabel(self.familyTabContents)
        self.guardianPhoneError.setObjectName(u"guardianPhoneError")
        self.guardianPhoneError.setWordWrap(True)
        self.guardianPhoneError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.familyForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.guardianPhoneError)


        self.familyTabContentsLayout.addLayout(self.familyForm)

        self.familyTabStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.familyTabContentsLayout.addItem(self.familyTabStretch)

        self.familyTabScroll.setWidget(self.familyTabContents)

        self.familyTabLayout.addWidget(self.familyTabScroll)

        self.tabs.addTab(self.familyTab, "")
        self.statusTab = QWidget()
        self.statusTab.setObjectName(u"statusTab")
        self.statusTabLayout = QVBoxLayout(self.statusTab)
        self.statusTabLayout.setObjectName(u"statusTabLayout")
        self.statusTabLayout.setContentsMargins(0, 0, 0, 0)
        self.statusTabScroll = QScrollArea(self.statusTab)
        self.statusTabScroll.setObjectName(u"statusTabScroll")
        self.statusTabScroll.setFrameShape(QFrame.NoFrame)
        self.statusTabScroll.setWidgetResizable(True)
        self.statusTabContents = QWidget()
        self.statusTabContents.setObjectName(u"statusTabContents")
        self.statusTabContentsLayout = QVBoxLayout(self.statusTabContents)
        self.statusTabContentsLayout.setObjectName(u"statusTabContentsLayout")
        self.statusTabContentsLayout.setContentsMargins(12, 12, 12, 12)
        self.statusForm = QFormLayout()
        self.statusForm.setObjectName(u"statusForm")
        self.statusForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.statusForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.statusForm.setHorizontalSpacing(10)
        self.statusForm.setVerticalSpacing(4)
        self.statusComboLabel = QLabel(self.statusTabContents)
        self.statusComboLabel.setObjectName(u"statusComboLabel")

        self.statusForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusComboLabel)

        self.statusCombo = QComboBox(self.statusTabContents)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.statusCombo.setMinimumContentsLength(20)

        self.statusForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.statusError = QLabel(self.statusTabContents)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)
        self.statusError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.statusForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusError)

        self.exitDateEditLabel = QLabel(self.statusTabContents)
        self.exitDateEditLabel.setObjectName(u"exitDateEditLabel")

        self.statusForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.exitDateEditLabel)

        self.exitRow = QHBoxLayout()
        self.exitRow.setSpacing(8)
        self.exitRow.setObjectName(u"exitRow")
        self.exitDateEdit = QDateEdit(self.statusTabContents)
        self.exitDateEdit.setObjectName(u"exitDateEdit")
        self.exitDateEdit.setCalendarPopup(True)
        self.exitDateEdit.setMinimumDate(QDate(1900, 1, 1))

        self.exitRow.addWidget(self.exitDateEdit)

        self.exitSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exitRow.addItem(self.exitSpacer)


        self.statusForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.exitRow)

        self.exitDateError = QLabel(self.statusTabContents)
        self.exitDateError.setObjectName(u"exitDateError")
        self.exitDateError.setWordWrap(True)
        self.exitDateError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.statusForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.exitDateError)

        self.exitReasonEditLabel = QLabel(self.statusTabContents)
        self.exitReasonEditLabel.setObjectName(u"exitReasonEditLabel")

        self.statusForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.exitReasonEditLabel)

        self.exitReasonEdit = QPlainTextEdit(self.statusTabContents)
        self.exitReasonEdit.setObjectName(u"exitReasonEdit")
        self.exitReasonEdit.setMinimumSize(QSize(0, 50))
        self.exitReasonEdit.setTabChangesFocus(True)

        self.statusForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.exitReasonEdit)

        self.exitReasonError = QLabel(self.statusTabContents)
        self.exitReasonError.setObjectName(u"exitReasonError")
        self.exitReasonError.setWordWrap(True)
        self.exitReasonError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.statusForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.exitReasonError)

        self.notesEditLabel = QLabel(self.statusTabContents)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.statusForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(self.statusTabContents)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 80))
        self.notesEdit.setTabChangesFocus(True)

        self.statusForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.notesError = QLabel(self.statusTabContents)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)
        self.notesError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.statusForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesError)


        self.statusTabContentsLayout.addLayout(self.statusForm)

        self.statusTabStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.statusTabContentsLayout.addItem(self.statusTabStretch)

        self.statusTabScroll.setWidget(self.statusTabContents)

        self.statusTabLayout.addWidget(self.statusTabScroll)

        self.tabs.addTab(self.statusTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setSpacing(8)
        self.bottomRow.setObjectName(u"bottomRow")
        self.requiredNote = QLabel(ResidentForm)
        self.requiredNote.setObjectName(u"requiredNote")

        self.bottomRow.addWidget(self.requiredNote)

        self.buttonBox = QDialogButtonBox(ResidentForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.bottomRow.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.bottomRow)

#if QT_CONFIG(shortcut)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.klasterComboLabel.setBuddy(self.klasterCombo)
        self.nikEditLabel.setBuddy(self.nikEdit)
        self.nikReasonEditLabel.setBuddy(self.nikReasonEdit)
        self.noKkEditLabel.setBuddy(self.noKkEdit)
        self.sexComboLabel.setBuddy(self.sexCombo)
        self.birthPlaceEditLabel.setBuddy(self.birthPlaceEdit)
        self.birthDateEditLabel.setBuddy(self.birthDateEdit)
        self.religionComboLabel.setBuddy(self.religionCombo)
        self.educationComboLabel.setBuddy(self.educationCombo)
        self.disabilityListLabel.setBuddy(self.disabilityList)
        self.entryDateEditLabel.setBuddy(self.entryDateEdit)
        self.referralComboLabel.setBuddy(self.referralCombo)
        self.addressEditLabel.setBuddy(self.addressEdit)
        self.guardianNameEditLabel.setBuddy(self.guardianNameEdit)
        self.guardianRelationComboLabel.setBuddy(self.guardianRelationCombo)
        self.guardianPhoneEditLabel.setBuddy(self.guardianPhoneEdit)
        self.statusComboLabel.setBuddy(self.statusCombo)
        self.exitDateEditLabel.setBuddy(self.exitDateEdit)
        self.exitReasonEditLabel.setBuddy(self.exitReasonEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ResidentForm)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, ResidentForm):
        ResidentForm.setWindowTitle(QCoreApplication.translate("ResidentForm", u"Data Penerima Manfaat", None))
        self.errorSummary.setText("")
        self.nameEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Nama lengkap *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ResidentForm", u"Tulis sesuai KTP/KK, mis. Muh. Ma'ruf", None))
        self.nameError.setText("")
        self.klasterComboLabel.setText(QCoreApplication.translate("ResidentForm", u"Klaster *", None))
        self.klasterError.setText("")
        self.nikEditLabel.setText(QCoreApplication.translate("ResidentForm", u"NIK", None))
        self.nikEdit.setPlaceholderText(QCoreApplication.translate("ResidentForm", u"16 digit", None))
        self.noNikCheck.setText(QCoreApplication.translate("ResidentForm", u"Tidak memiliki NIK", None))
        self.nikError.setText("")
        self.nikReasonEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Alasan tanpa NIK", None))
        self.nikReasonEdit.setPlaceholderText(QCoreApplication.translate("ResidentForm", u"mis. tidak memiliki KTP", None))
        self.nikMissingReasonError.setText("")
        self.noKkEditLabel.setText(QCoreApplication.translate("ResidentForm", u"No. KK", None))
        self.noKkEdit.setPlaceholderText(QCoreApplication.translate("ResidentForm", u"16 digit (boleh kosong)", None))
        self.noKkError.setText("")
        self.sexComboLabel.setText(QCoreApplication.translate("ResidentForm", u"Jenis kelamin *", None))
        self.sexError.setText("")
        self.birthPlaceEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Tempat lahir", None))
        self.birthPlaceError.setText("")
        self.birthDateEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Tanggal lahir", None))
        self.birthDateEdit.setDisplayFormat(QCoreApplication.translate("ResidentForm", u"dd/MM/yyyy", None))
        self.birthUnknownCheck.setText(QCoreApplication.translate("ResidentForm", u"Tidak diketahui", None))
        self.birthDateError.setText("")
        self.religionComboLabel.setText(QCoreApplication.translate("ResidentForm", u"Agama", None))
        self.religionError.setText("")
        self.educationComboLabel.setText(QCoreApplication.translate("ResidentForm", u"Pendidikan terakhir", None))
        self.educationError.setText("")
        self.photoGroup.setTitle(QCoreApplication.translate("ResidentForm", u"Foto", None))
        self.pickPhotoButton.setText(QCoreApplication.translate("ResidentForm", u"Pilih foto\u2026", None))
        self.removePhotoButton.setText(QCoreApplication.translate("ResidentForm", u"Hapus foto", None))
        self.photoError.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.identityTab), QCoreApplication.translate("ResidentForm", u"Identitas", None))
        self.disabilityListLabel.setText(QCoreApplication.translate("ResidentForm", u"Jenis disabilitas", None))
        self.disabilitiesError.setText("")
        self.entryDateEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Tanggal masuk *", None))
        self.entryDateEdit.setDisplayFormat(QCoreApplication.translate("ResidentForm", u"dd/MM/yyyy", None))
        self.entryDateError.setText("")
        self.referralComboLabel.setText(QCoreApplication.translate("ResidentForm", u"Sumber rujukan", None))
        self.referralSourceError.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.klasterTab), QCoreApplication.translate("ResidentForm", u"Kondisi && masuk", None))
        self.addressEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Alamat", None))
        self.addressError.setText("")
        self.guardianNameEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Nama keluarga/wali", None))
        self.guardianNameError.setText("")
        self.guardianRelationComboLabel.setText(QCoreApplication.translate("ResidentForm", u"Hubungan", None))
        self.guardianRelationError.setText("")
        self.guardianPhoneEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Telepon keluarga/wali", None))
        self.guardianPhoneEdit.setPlaceholderText(QCoreApplication.translate("ResidentForm", u"mis. 0812 3456 7890", None))
        self.guardianPhoneError.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.familyTab), QCoreApplication.translate("ResidentForm", u"Keluarga/wali", None))
        self.statusComboLabel.setText(QCoreApplication.translate("ResidentForm", u"Status", None))
        self.statusError.setText("")
        self.exitDateEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Tanggal keluar", None))
        self.exitDateEdit.setDisplayFormat(QCoreApplication.translate("ResidentForm", u"dd/MM/yyyy", None))
        self.exitDateError.setText("")
        self.exitReasonEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Alasan keluar", None))
        self.exitReasonError.setText("")
        self.notesEditLabel.setText(QCoreApplication.translate("ResidentForm", u"Catatan", None))
        self.notesError.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.statusTab), QCoreApplication.translate("ResidentForm", u"Status && catatan", None))
        self.requiredNote.setText(QCoreApplication.translate("ResidentForm", u"Tanda * wajib diisi.", None))
    # retranslateUi

