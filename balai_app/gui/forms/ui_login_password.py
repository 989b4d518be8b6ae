# Generated from ui/login_password.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QVBoxLayout)

class Ui_ChangePasswordDialog(object):
    def setupUi(self, ChangePasswordDialog):
        if not ChangePasswordDialog.objectName():
            ChangePasswordDialog.setObjectName(u"ChangePasswordDialog")
        ChangePasswordDialog.resize(440, 260)
        ChangePasswordDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ChangePasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.infoLabel = QLabel(ChangePasswordDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.infoLabel)

        self.passwordForm = QFormLayout()
        self.passwordForm.setObjectName(u"passwordForm")
        self.passwordForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.old_passwordLabel = QLabel(ChangePasswordDialog)
        self.old_passwordLabel.setObjectName(u"old_passwordLabel")

        self.passwordForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.old_passwordLabel)

        self.oldEdit = QLineEdit(ChangePasswordDialog)
        self.oldEdit.setObjectName(u"oldEdit")
        self.oldEdit.setEchoMode(QLineEdit.Password)
        self.oldEdit.setMaxLength(200)

        self.passwordForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.oldEdit)

        self.old_passwordError = QLabel(ChangePasswordDialog)
        self.old_passwordError.setObjectName(u"old_passwordError")
        self.old_passwordError.setWordWrap(True)

        self.passwordForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.old_passwordError)

        self.new_passwordLabel = QLabel(ChangePasswordDialog)
        self.new_passwordLabel.setObjectName(u"new_passwordLabel")

        self.passwordForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.new_passwordLabel)

        self.newEdit = QLineEdit(ChangePasswordDialog)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setEchoMode(QLineEdit.Password)
        self.newEdit.setMaxLength(200)

        self.passwordForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.new_passwordError = QLabel(ChangePasswordDialog)
        self.new_passwordError.setObjectName(u"new_passwordError")
        self.new_passwordError.setWordWrap(True)

        self.passwordForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.new_passwordError)

        self.repeatLabel = QLabel(ChangePasswordDialog)
        self.repeatLabel.setObjectName(u"repeatLabel")

        self.passwordForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.repeatLabel)

        self.repeatEdit = QLineEdit(ChangePasswordDialog)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.Password)
        self.repeatEdit.setMaxLength(200)

        self.passwordForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.repeatError = QLabel(ChangePasswordDialog)
        self.repeatError.setObjectName(u"repeatError")
        self.repeatError.setWordWrap(True)

        self.passwordForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.repeatError)


        self.mainLayout.addLayout(self.passwordForm)

        self.buttonBox = QDialogButtonBox(ChangePasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.old_passwordLabel.setBuddy(self.oldEdit)
        self.new_passwordLabel.setBuddy(self.newEdit)
        self.repeatLabel.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChangePasswordDialog)
    # setupUi

    def retranslateUi(self, ChangePasswordDialog):
        ChangePasswordDialog.setWindowTitle(QCoreApplication.translate("ChangePasswordDialog", u"Ganti kata sandi", None))
        self.infoLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"Kata sandi minimal 8 karakter. Jangan memakai kata sandi yang sama dengan akun lain.", None))
        self.old_passwordLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"Kata sandi lama", None))
        self.old_passwordError.setStyleSheet(QCoreApplication.translate("ChangePasswordDialog", u"color:#b91c1c;", None))
        self.new_passwordLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"Kata sandi baru", None))
        self.new_passwordError.setStyleSheet(QCoreApplication.translate("ChangePasswordDialog", u"color:#b91c1c;", None))
        self.repeatLabel.setText(QCoreApplication.translate("ChangePasswordDialog", u"Ulangi kata sandi baru", None))
        self.repeatError.setStyleSheet(QCoreApplication.translate("ChangePasswordDialog", u"color:#b91c1c;", None))
    # retranslateUi

