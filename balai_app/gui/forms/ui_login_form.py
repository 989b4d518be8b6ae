# Generated from ui/login_form.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_LoginForm(object):
    def setupUi(self, LoginForm):
        if not LoginForm.objectName():
            LoginForm.setObjectName(u"LoginForm")
        LoginForm.resize(420, 300)
        self.loginLayout = QVBoxLayout(LoginForm)
        self.loginLayout.setObjectName(u"loginLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.logoLabel = QLabel(LoginForm)
        self.logoLabel.setObjectName(u"logoLabel")
        self.logoLabel.setMinimumSize(QSize(64, 64))
        self.logoLabel.setMaximumSize(QSize(64, 64))
        self.logoLabel.setScaledContents(False)

        self.headerLayout.addWidget(self.logoLabel)

        self.titleLayout = QVBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.balaiName = QLabel(LoginForm)
        self.balaiName.setObjectName(u"balaiName")
        self.balaiName.setWordWrap(True)

        self.titleLayout.addWidget(self.balaiName)

        self.subtitle = QLabel(LoginForm)
        self.subtitle.setObjectName(u"subtitle")
        self.subtitle.setWordWrap(True)

        self.titleLayout.addWidget(self.subtitle)


        self.headerLayout.addLayout(self.titleLayout)


        self.loginLayout.addLayout(self.headerLayout)

        self.demoHint = QLabel(LoginForm)
        self.demoHint.setObjectName(u"demoHint")
        self.demoHint.setWordWrap(True)

        self.loginLayout.addWidget(self.demoHint)

        self.credentialsForm = QFormLayout()
        self.credentialsForm.setObjectName(u"credentialsForm")
        self.credentialsForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.usernameLabel = QLabel(LoginForm)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameEdit = QLineEdit(LoginForm)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(50)

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.usernameError = QLabel(LoginForm)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)

        self.credentialsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.passwordLabel = QLabel(LoginForm)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentialsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(LoginForm)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.Password)
        self.passwordEdit.setMaxLength(200)

        self.credentialsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordError = QLabel(LoginForm)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)

        self.credentialsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passwordError)


        self.loginLayout.addLayout(self.credentialsForm)

        self.messageLabel = QLabel(LoginForm)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.loginLayout.addWidget(self.messageLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.otherButton = QPushButton(LoginForm)
        self.otherButton.setObjectName(u"otherButton")

        self.buttonLayout.addWidget(self.otherButton)

        self.buttonSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.signInButton = QPushButton(LoginForm)
        self.signInButton.setObjectName(u"signInButton")

        self.buttonLayout.addWidget(self.signInButton)


        self.loginLayout.addLayout(self.buttonLayout)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.loginLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LoginForm)

        self.signInButton.setDefault(True)

    # setupUi

    def retranslateUi(self, LoginForm):
        LoginForm.setWindowTitle(QCoreApplication.translate("LoginForm", u"Masuk", None))
        self.balaiName.setText(QCoreApplication.translate("LoginForm", u"Balai", None))
        self.balaiName.setStyleSheet(QCoreApplication.translate("LoginForm", u"font-size:13pt; font-weight:bold;", None))
        self.subtitle.setText(QCoreApplication.translate("LoginForm", u"Masuk untuk melanjutkan", None))
        self.demoHint.setText("")
        self.demoHint.setStyleSheet(QCoreApplication.translate("LoginForm", u"background:#fef3c7; color:#78350f; padding:6px;", None))
        self.usernameLabel.setText(QCoreApplication.translate("LoginForm", u"Nama pengguna", None))
        self.usernameError.setStyleSheet(QCoreApplication.translate("LoginForm", u"color:#b91c1c;", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginForm", u"Kata sandi", None))
        self.passwordError.setStyleSheet(QCoreApplication.translate("LoginForm", u"color:#b91c1c;", None))
        self.messageLabel.setText("")
        self.messageLabel.setStyleSheet(QCoreApplication.translate("LoginForm", u"color:#b91c1c;", None))
        self.otherButton.setText(QCoreApplication.translate("LoginForm", u"Batal", None))
        self.signInButton.setText(QCoreApplication.translate("LoginForm", u"Masuk", None))
    # retranslateUi

