# Generated from ui/setup_wizard.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget, QWizard, QWizardPage)

class Ui_SetupWizard(object):
    def setupUi(self, SetupWizard):
        if not SetupWizard.objectName():
            SetupWizard.setObjectName(u"SetupWizard")
        SetupWizard.resize(640, 520)
        SetupWizard.setWizardStyle(QWizard.ClassicStyle)
        self.balaiPage = QWizardPage()
        self.balaiPage.setObjectName(u"balaiPage")
        self.balaiLayout = QVBoxLayout(self.balaiPage)
        self.balaiLayout.setObjectName(u"balaiLayout")
        self.balaiForm = QFormLayout()
        self.balaiForm.setObjectName(u"balaiForm")
        self.balaiForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(self.balaiPage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.balaiForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.balaiPage)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.balaiForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.balaiPage)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.balaiForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.codeLabel = QLabel(self.balaiPage)
        self.codeLabel.setObjectName(u"codeLabel")

        self.balaiForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.balaiPage)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(20)

        self.balaiForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeError = QLabel(self.balaiPage)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)

        self.balaiForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.codeError)

        self.addressLabel = QLabel(self.balaiPage)
        self.addressLabel.setObjectName(u"addressLabel")

        self.balaiForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QPlainTextEdit(self.balaiPage)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaximumSize(QSize(16777215, 60))

        self.balaiForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.addressError = QLabel(self.balaiPage)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setWordWrap(True)

        self.balaiForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.addressError)

        self.cityLabel = QLabel(self.balaiPage)
        self.cityLabel.setObjectName(u"cityLabel")

        self.balaiForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cityLabel)

        self.cityEdit = QLineEdit(self.balaiPage)
        self.cityEdit.setObjectName(u"cityEdit")
        self.cityEdit.setMaxLength(100)

        self.balaiForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cityEdit)

        self.cityError = QLabel(self.balaiPage)
        self.cityError.setObjectName(u"cityError")
        self.cityError.setWordWrap(True)

        self.balaiForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.cityError)

        self.phoneLabel = QLabel(self.balaiPage)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.balaiForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.balaiPage)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.balaiForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.phoneError = QLabel(self.balaiPage)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)

        self.balaiForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneError)

        self.logoLabel = QLabel(self.balaiPage)
        self.logoLabel.setObjectName(u"logoLabel")

        self.balaiForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoBox = QWidget(self.balaiPage)
        self.logoBox.setObjectName(u"logoBox")
        self.logoLayout = QHBoxLayout(self.logoBox)
        self.logoLayout.setObjectName(u"logoLayout")
        self.logoLayout.setContentsMargins(0, 0, 0, 0)
        self.logoPreview = QLabel(self.logoBox)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(72, 72))
        self.logoPreview.setMaximumSize(QSize(72, 72))
        self.logoPreview.setFrameShape(QFrame.StyledPanel)
        self.logoPreview.setAlignment(Qt.AlignCenter)

        self.logoLayout.addWidget(self.logoPreview)

        self.chooseLogoButton = QPushButton(self.logoBox)
        self.chooseLogoButton.setObjectName(u"chooseLogoButton")

        self.logoLayout.addWidget(self.chooseLogoButton)

        self.logoSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoLayout.addItem(self.logoSpacer)


        self.balaiForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.logoBox)

        self.logoError = QLabel(self.balaiPage)
        self.logoError.setObjectName(u"logoError")
        self.logoError.setWordWrap(True)

        self.balaiForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.logoError)


        self.balaiLayout.addLayout(self.balaiForm)

        SetupWizard.addPage(self.balaiPage)
        self.headPage = QWizardPage()
        self.headPage.setObjectName(u"headPage")
        self.headLayout = QVBoxLayout(self.headPage)
        self.headLayout.setObjectName(u"headLayout")
        self.headForm = QFormLayout()
        self.headForm.setObjectName(u"headForm")
        self.headForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.head_nameLabel = QLabel(self.headPage)
        self.head_nameLabel.setObjectName(u"head_nameLabel")

        self.headForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.head_nameLabel)

        self.headNameEdit = QLineEdit(self.headPage)
        self.headNameEdit.setObjectName(u"headNameEdit")
        self.headNameEdit.setMaxLength(200)

        self.headForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.headNameEdit)

        self.head_nameError = QLabel(self.headPage)
        self.head_nameError.setObjectName(u"head_nameError")
        self.head_nameError.setWordWrap(True)

        self.headForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.head_nameError)

        self.head_nipLabel = QLabel(self.headPage)
        self.head_nipLabel.setObjectName(u"head_nipLabel")

        self.headForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.head_nipLabel)

        self.headNipEdit = QLineEdit(self.headPage)
        self.headNipEdit.setObjectName(u"headNipEdit")
        self.headNipEdit.setMaxLength(24)

        self.headForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.headNipEdit)

        self.head_nipError = QLabel(self.headPage)
        self.head_nipError.setObjectName(u"head_nipError")
        self.head_nipError.setWordWrap(True)

        self.headForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.head_nipError)

        self.head_titleLabel = QLabel(self.headPage)
        self.head_titleLabel.setObjectName(u"head_titleLabel")

        self.headForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.head_titleLabel)

        self.headTitleEdit = QLineEdit(self.headPage)
        self.headTitleEdit.setObjectName(u"headTitleEdit")
        self.headTitleEdit.setMaxLength(200)

        self.headForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.headTitleEdit)

        self.head_titleError = QLabel(self.headPage)
        self.head_titleError.setObjectName(u"head_titleError")
        self.head_titleError.setWordWrap(True)

        self.headForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.head_titleError)


        self.headLayout.addLayout(self.headForm)

        SetupWizard.addPage(self.headPage)
        self.adminPage = QWizardPage()
        self.adminPage.setObjectName(u"adminPage")
        self.adminLayout = QVBoxLayout(self.adminPage)
        self.adminLayout.setObjectName(u"adminLayout")
        self.adminForm = QFormLayout()
        self.adminForm.setObjectName(u"adminForm")
        self.adminForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.usernameLabel = QLabel(self.adminPage)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(self.adminPage)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(50)

        self.adminForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.usernameError = QLabel(self.adminPage)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)

        self.adminForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.full_nameLabel = QLabel(self.adminPage)
        self.full_nameLabel.setObjectName(u"full_nameLabel")

        self.adminForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.full_nameLabel)

        self.fullNameEdit = QLineEdit(self.adminPage)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(200)

        self.adminForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.full_nameError = QLabel(self.adminPage)
        self.full_nameError.setObjectName(u"full_nameError")
        self.full_nameError.setWordWrap(True)

        self.adminForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.full_nameError)

        self.passwordLabel = QLabel(self.adminPage)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.adminForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(self.adminPage)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)
        self.passwordEdit.setMaxLength(200)

        self.adminForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordError = QLabel(self.adminPage)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)

        self.adminForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordError)

        self.repeatLabel = QLabel(self.adminPage)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.adminForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(self.adminPage)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)
        self.repeatEdit.setMaxLength(200)

        self.adminForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.repeatError = QLabel(self.adminPage)
        self.repeatError.setObjectName(u"repeatError")
        self.repeatError.setWordWrap(True)

        self.adminForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.repeatError)


        self.adminLayout.addLayout(self.adminForm)

        self.finishError = QLabel(self.adminPage)
        self.finishError.setObjectName(u"finishError")
        self.finishError.setWordWrap(True)

        self.adminLayout.addWidget(self.finishError)

        SetupWizard.addPage(self.adminPage)
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
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.full_nameLabel.setBuddy(self.fullNameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SetupWizard)
    # setupUi

    def retranslateUi(self, SetupWizard):
        SetupWizard.setWindowTitle(QCoreApplication.translate("SetupWizard", u"Penyiapan awal Balai", None))
        self.balaiPage.setTitle(QCoreApplication.translate("SetupWizard", u"Profil balai", None))
        self.balaiPage.setSubTitle(QCoreApplication.translate("SetupWizard", u"Data balai ini tampil di setiap layar, laporan dan sertifikat.", None))
        self.nameLabel.setText(QCoreApplication.translate("SetupWizard", u"Nama balai", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"mis. Sentra Terpadu Pangudi Luhur", None))
        self.nameError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.codeLabel.setText(QCoreApplication.translate("SetupWizard", u"Kode singkat", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"mis. BRS-PL (dipakai pada nomor sertifikat)", None))
        self.codeError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.addressLabel.setText(QCoreApplication.translate("SetupWizard", u"Alamat", None))
        self.addressError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.cityLabel.setText(QCoreApplication.translate("SetupWizard", u"Kota/kabupaten", None))
        self.cityError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.phoneLabel.setText(QCoreApplication.translate("SetupWizard", u"Telepon", None))
        self.phoneError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.logoLabel.setText(QCoreApplication.translate("SetupWizard", u"Logo (PNG/JPEG)", None))
        self.chooseLogoButton.setText(QCoreApplication.translate("SetupWizard", u"Pilih logo\u2026", None))
        self.logoError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.headPage.setTitle(QCoreApplication.translate("SetupWizard", u"Kepala balai", None))
        self.headPage.setSubTitle(QCoreApplication.translate("SetupWizard", u"Penanda tangan sertifikat: nama, NIP (18 digit) dan jabatan.", None))
        self.head_nameLabel.setText(QCoreApplication.translate("SetupWizard", u"Nama kepala balai", None))
        self.headNameEdit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"dengan gelar", None))
        self.head_nameError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.head_nipLabel.setText(QCoreApplication.translate("SetupWizard", u"NIP", None))
        self.headNipEdit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"18 digit", None))
        self.head_nipError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.head_titleLabel.setText(QCoreApplication.translate("SetupWizard", u"Jabatan", None))
        self.headTitleEdit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"Kepala Balai", None))
        self.head_titleError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.adminPage.setTitle(QCoreApplication.translate("SetupWizard", u"Akun admin pertama", None))
        self.adminPage.setSubTitle(QCoreApplication.translate("SetupWizard", u"Admin mengelola akun, pengaturan dan sertifikat. Akun lain dibuat kemudian di Pengaturan \u203a Pengguna.", None))
        self.usernameLabel.setText(QCoreApplication.translate("SetupWizard", u"Nama pengguna", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"huruf kecil, mis. admin.balai", None))
        self.usernameError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.full_nameLabel.setText(QCoreApplication.translate("SetupWizard", u"Nama lengkap", None))
        self.full_nameError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.passwordLabel.setText(QCoreApplication.translate("SetupWizard", u"Kata sandi", None))
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("SetupWizard", u"minimal 8 karakter", None))
        self.passwordError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.repeatLabel.setText(QCoreApplication.translate("SetupWizard", u"Ulangi kata sandi", None))
        self.repeatError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
        self.finishError.setText("")
        self.finishError.setStyleSheet(QCoreApplication.translate("SetupWizard", u"color:#b91c1c;", None))
    # retranslateUi

