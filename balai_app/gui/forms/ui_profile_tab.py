# Generated from ui/profile_tab.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_ProfileTab(object):
    def setupUi(self, ProfileTab):
        if not ProfileTab.objectName():
            ProfileTab.setObjectName(u"ProfileTab")
        ProfileTab.resize(760, 640)
        self.mainLayout = QVBoxLayout(ProfileTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.scrollArea = QScrollArea(ProfileTab)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.NoFrame)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.profileHeading = QLabel(self.scrollContents)
        self.profileHeading.setObjectName(u"profileHeading")

        self.scrollLayout.addWidget(self.profileHeading)

        self.profileForm = QFormLayout()
        self.profileForm.setObjectName(u"profileForm")
        self.profileForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(self.scrollContents)
        self.nameLabel.setObjectName(u"nameLabel")

        self.profileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.scrollContents)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.profileForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.scrollContents)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.profileForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.codeLabel = QLabel(self.scrollContents)
        self.codeLabel.setObjectName(u"codeLabel")

        self.profileForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.scrollContents)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(20)

        self.profileForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(self.scrollContents)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)

        self.profileForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.addressLabel = QLabel(self.scrollContents)
        self.addressLabel.setObjectName(u"addressLabel")

        self.profileForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(self.scrollContents)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaximumSize(QSize(16777215, 70))

        self.profileForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.addressError = QLabel(self.scrollContents)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setWordWrap(True)

        self.profileForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.addressError)

        self.cityLabel = QLabel(self.scrollContents)
        self.cityLabel.setObjectName(u"cityLabel")

        self.profileForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cityLabel)

        self.cityEdit = QLineEdit(self.scrollContents)
        self.cityEdit.setObjectName(u"cityEdit")
        self.cityEdit.setMaxLength(100)

        self.profileForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cityEdit)

        self.cityError = QLabel(self.scrollContents)
        self.cityError.setObjectName(u"cityError")
        self.cityError.setWordWrap(True)

        self.profileForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.cityError)

        self.phoneLabel = QLabel(self.scrollContents)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.profileForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.scrollContents)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.profileForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.phoneError = QLabel(self.scrollContents)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)

        self.profileForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneError)

        self.logoLabel = QLabel(self.scrollContents)
        self.logoLabel.setObjectName(u"logoLabel")

        self.profileForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoBox = QWidget(self.scrollContents)
        self.logoBox.setObjectName(u"logoBox")
        self.logoLayout = QHBoxLayout(self.logoBox)
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoLayout.setContentsMargins(0, 0, 0, 0)
        self.logoPreview = QLabel(self.logoBox)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(96, 96))
        self.logoPreview.setMaximumSize(QSize(96, 96))
        self.logoPreview.setFrameShape(QFrame.StyledPanel)
        self.logoPreview.setAlignment(Qt.AlignCenter)

        self.logoLayout.addWidget(self.logoPreview)

        self.logoButtons = QVBoxLayout()
        self.logoButtons.setObjectName(u"logoButtons")
        self.chooseLogoButton = QPushButton(self.logoBox)
        self.chooseLogoButton.setObjectName(u"chooseLogoButton")

        self.logoButtons.addWidget(self.chooseLogoButton)

        self.removeLogoButton = QPushButton(self.logoBox)
        self.removeLogoButton.setObjectName(u"removeLogoButton")

        self.logoButtons.addWidget(self.removeLogoButton)

        self.logoSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.logoButtons.addItem(self.logoSpacer)


        self.logoLayout.addLayout(self.logoButtons)

        self.logoHSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoLayout.addItem(self.logoHSpacer)


        self.profileForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.logoBox)

        self.logoError = QLabel(self.scrollContents)
        self.logoError.setObjectName(u"logoError")
        self.logoError.setWordWrap(True)

        self.profileForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.logoError)

        self.head_nameLabel = QLabel(self.scrollContents)
        self.head_nameLabel.setObjectName(u"head_nameLabel")

        self.profileForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.head_nameLabel)

        self.headNameEdit = QLineEdit(self.scrollContents)
        self.headNameEdit.setObjectName(u"headNameEdit")
        self.headNameEdit.setMaxLength(200)

        self.profileForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.headNameEdit)

        self.head_nameError = QLabel(self.scrollContents)
        self.head_nameError.setObjectName(u"head_nameError")
        self.head_nameError.setWordWrap(True)

        self.profileForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.head_nameError)

        self.head_nipLabel = QLabel(self.scrollContents)
        self.head_nipLabel.setObjectName(u"head_nipLabel")

        self.profileForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.head_nipLabel)

        self.headNipEdit = QLineEdit(self.scrollContents)
        self.headNipEdit.setObjectName(u"headNipEdit")
        self.headNipEdit.setMaxLength(24)

        self.profileForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.headNipEdit)

        self.head_nipError = QLabel(self.scrollContents)
        self.head_nipError.setObjectName(u"head_nipError")
        self.head_nipError.setWordWrap(True)

        self.profileForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.head_nipError)

        self.head_titleLabel = QLabel(self.scrollContents)
        self.head_titleLabel.setObjectName(u"head_titleLabel")

        self.profileForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.head_titleLabel)

        self.headTitleEdit = QLineEdit(self.scrollContents)
        self.headTitleEdit.setObjectName(u"headTitleEdit")
        self.headTitleEdit.setMaxLength(200)

        self.profileForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.headTitleEdit)

        self.head_titleError = QLabel(self.scrollContents)
        self.head_titleError.setObjectName(u"head_titleError")
        self.head_titleError.setWordWrap(True)

        self.profileForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.head_titleError)


        self.scrollLayout.addLayout(self.profileForm)

        self.settingsHeading = QLabel(self.scrollContents)
        self.settingsHeading.setObjectName(u"settingsHeading")

        self.scrollLayout.addWidget(self.settingsHeading)

        self.settingsForm = QFormLayout()
        self.settingsForm.setObjectName(u"settingsForm")
        self.settingsForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.idle_lock_minutesLabel = QLabel(self.scrollContents)
        self.idle_lock_minutesLabel.setObjectName(u"idle_lock_minutesLabel")

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.idle_lock_minutesLabel)

        self.idleSpin = QSpinBox(self.scrollContents)
        self.idleSpin.setObjectName(u"idleSpin")
        self.idleSpin.setMinimum(1)
        self.idleSpin.setMaximum(240)
        self.idleSpin.setValue(10)

        self.settingsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.idleSpin)

        self.idle_lock_minutesError = QLabel(self.scrollContents)
        self.idle_lock_minutesError.setObjectName(u"idle_lock_minutesError")
        self.idle_lock_minutesError.setWordWrap(True)

        self.settingsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idle_lock_minutesError)


        self.scrollLayout.addLayout(self.settingsForm)

        self.scrollSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.scrollLayout.addItem(self.scrollSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.mainLayout.addWidget(self.scrollArea)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.messageLabel = QLabel(ProfileTab)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.saveLayout.addWidget(self.messageLabel)

        self.saveSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)

        self.saveButton = QPushButton(ProfileTab)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.saveLayout)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.cityLabel.setBuddy(self.cityEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.logoLabel.setBuddy(self.logoBox)
        self.head_nameLabel.setBuddy(self.headNameEdit)
        self.head_nipLabel.setBuddy(self.headNipEdit)
        self.head_titleLabel.setBuddy(self.headTitleEdit)
        self.idle_lock_minutesLabel.setBuddy(self.idleSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProfileTab)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ProfileTab):
        ProfileTab.setWindowTitle(QCoreApplication.translate("ProfileTab", u"Profil balai", None))
        self.profileHeading.setText(QCoreApplication.translate("ProfileTab", u"Profil balai", None))
        self.profileHeading.setStyleSheet(QCoreApplication.translate("ProfileTab", u"font-weight:bold; font-size:11pt;", None))
        self.nameLabel.setText(QCoreApplication.translate("ProfileTab", u"Nama balai", None))
        self.nameError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.codeLabel.setText(QCoreApplication.translate("ProfileTab", u"Kode singkat", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("ProfileTab", u"mis. BRS-PL (dipakai pada nomor sertifikat)", None))
        self.codeError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.addressLabel.setText(QCoreApplication.translate("ProfileTab", u"Alamat", None))
        self.addressError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.cityLabel.setText(QCoreApplication.translate("ProfileTab", u"Kota/kabupaten", None))
        self.cityError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.phoneLabel.setText(QCoreApplication.translate("ProfileTab", u"Telepon", None))
        self.phoneError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.logoLabel.setText(QCoreApplication.translate("ProfileTab", u"Logo", None))
        self.chooseLogoButton.setText(QCoreApplication.translate("ProfileTab", u"Pilih logo\u2026", None))
        self.removeLogoButton.setText(QCoreApplication.translate("ProfileTab", u"Hapus logo", None))
        self.logoError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.head_nameLabel.setText(QCoreApplication.translate("ProfileTab", u"Nama kepala balai", None))
        self.headNameEdit.setPlaceholderText(QCoreApplication.translate("ProfileTab", u"dengan gelar, mis. Dra. Sri Wahyuningsih, M.Si.", None))
        self.head_nameError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.head_nipLabel.setText(QCoreApplication.translate("ProfileTab", u"NIP kepala balai", None))
        self.headNipEdit.setPlaceholderText(QCoreApplication.translate("ProfileTab", u"18 digit", None))
        self.head_nipError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.head_titleLabel.setText(QCoreApplication.translate("ProfileTab", u"Jabatan", None))
        self.headTitleEdit.setPlaceholderText(QCoreApplication.translate("ProfileTab", u"Kepala Balai", None))
        self.head_titleError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.settingsHeading.setText(QCoreApplication.translate("ProfileTab", u"Keamanan", None))
        self.settingsHeading.setStyleSheet(QCoreApplication.translate("ProfileTab", u"font-weight:bold; font-size:11pt; margin-top:10px;", None))
        self.idle_lock_minutesLabel.setText(QCoreApplication.translate("ProfileTab", u"Kunci layar setelah tidak aktif", None))
        self.idleSpin.setSuffix(QCoreApplication.translate("ProfileTab", u" menit", None))
        self.idle_lock_minutesError.setStyleSheet(QCoreApplication.translate("ProfileTab", u"color:#b91c1c;", None))
        self.messageLabel.setText("")
        self.saveButton.setText(QCoreApplication.translate("ProfileTab", u"Simpan", None))
    # retranslateUi

