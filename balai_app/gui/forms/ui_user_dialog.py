# Generated from ui/user_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QVBoxLayout)

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(480, 380)
        UserDialog.setModal(True)
        self.mainLayout = QVBoxLayout(UserDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.userForm = QFormLayout()
        self.userForm.setObjectName(u"userForm")
        self.userForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.usernameLabel = QLabel(UserDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.userForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(UserDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(50)

        self.userForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.usernameError = QLabel(UserDialog)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)

        self.userForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.full_nameLabel = QLabel(UserDialog)
        self.full_nameLabel.setObjectName(u"full_nameLabel")

        self.userForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.full_nameLabel)

        self.fullNameEdit = QLineEdit(UserDialog)
        self.fullNameEdit.setObjectName(u"fullNameEdit")
        self.fullNameEdit.setMaxLength(200)

        self.userForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.fullNameEdit)

        self.full_nameError = QLabel(UserDialog)
        self.full_nameError.setObjectName(u"full_nameError")
        self.full_nameError.setWordWrap(True)

        self.userForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.full_nameError)

        self.roleLabel = QLabel(UserDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.userForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(UserDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.userForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.roleError = QLabel(UserDialog)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setWordWrap(True)

        self.userForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.roleError)

        self.nipLabel = QLabel(UserDialog)
        self.nipLabel.setObjectName(u"nipLabel")

        self.userForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.nipLabel)

        self.nipEdit = QLineEdit(UserDialog)
        self.nipEdit.setObjectName(u"nipEdit")
        self.nipEdit.setMaxLength(24)

        self.userForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.nipEdit)

        self.nipError = QLabel(UserDialog)
        self.nipError.setObjectName(u"nipError")
        self.nipError.setWordWrap(True)

        self.userForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.nipError)

        self.passwordLabel = QLabel(UserDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.userForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(UserDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)
        self.passwordEdit.setMaxLength(200)

        self.userForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordError = QLabel(UserDialog)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)

        self.userForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.passwordError)

        self.repeatLabel = QLabel(UserDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.userForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(UserDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)
        self.repeatEdit.setMaxLength(200)

        self.userForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.repeatError = QLabel(UserDialog)
        self.repeatError.setObjectName(u"repeatError")
        self.repeatError.setWordWrap(True)

        self.userForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.repeatError)


        self.mainLayout.addLayout(self.userForm)

        self.roleHelp = QLabel(UserDialog)
        self.roleHelp.setObjectName(u"roleHelp")
        self.roleHelp.setWordWrap(True)

        self.mainLayout.addWidget(self.roleHelp)

        self.buttonBox = QDialogButtonBox(UserDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.full_nameLabel.setBuddy(self.fullNameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.nipLabel.setBuddy(self.nipEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        UserDialog.setWindowTitle(QCoreApplication.translate("UserDialog", u"Akun pengguna", None))
        self.usernameLabel.setText(QCoreApplication.translate("UserDialog", u"Nama pengguna", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"huruf kecil, mis. rina.k", None))
        self.usernameError.setStyleSheet(QCoreApplication.translate("UserDialog", u"color:#b91c1c;", None))
        self.full_nameLabel.setText(QCoreApplication.translate("UserDialog", u"Nama lengkap", None))
        self.full_nameError.setStyleSheet(QCoreApplication.translate("UserDialog", u"color:#b91c1c;", None))
        self.roleLabel.setText(QCoreApplication.translate("UserDialog", u"Peran", None))
        self.roleError.setStyleSheet(QCoreApplication.translate("UserDialog", u"color:#b91c1c;", None))
        self.nipLabel.setText(QCoreApplication.translate("UserDialog", u"NIP (opsional)", None))
        self.nipEdit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"18 digit", None))
        self.nipError.setStyleSheet(QCoreApplication.translate("UserDialog", u"color:#b91c1c;", None))
        self.passwordLabel.setText(QCoreApplication.translate("UserDialog", u"Kata sandi sementara", None))
        self.passwordError.setStyleSheet(QCoreApplication.translate("UserDialog", u"color:#b91c1c;", None))
        self.repeatLabel.setText(QCoreApplication.translate("UserDialog", u"Ulangi kata sandi", None))
        self.repeatError.setStyleSheet(QCoreApplication.translate("UserDialog", u"color:#b91c1c;", None))
        self.roleHelp.setText("")
        self.roleHelp.setStyleSheet(QCoreApplication.translate("UserDialog", u"color:#475569;", None))
    # retranslateUi

