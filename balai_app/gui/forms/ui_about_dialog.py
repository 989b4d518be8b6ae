# Generated from ui/about_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(620, 300)
        self.outerLayout = QVBoxLayout(AboutDialog)
        self.outerLayout.setObjectName(u"outerLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setSpacing(18)
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(AboutDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.iconLabel.sizePolicy().hasHeightForWidth())
        self.iconLabel.setSizePolicy(sizePolicy)
        self.iconLabel.setMinimumSize(QSize(96, 96))
        self.iconLabel.setMaximumSize(QSize(96, 96))
        self.iconLabel.setAlignment(Qt.AlignLeading|Qt.AlignTop)

        self.headerLayout.addWidget(self.iconLabel, 0, Qt.AlignTop)

        self.textLayout = QVBoxLayout()
        self.textLayout.setObjectName(u"textLayout")
        self.titleLabel = QLabel(AboutDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.textLayout.addWidget(self.titleLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.textLayout.addWidget(self.versionLabel)

        self.descriptionLabel = QLabel(AboutDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)

        self.textLayout.addWidget(self.descriptionLabel)

        self.detailsLabel = QLabel(AboutDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)
        self.detailsLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.textLayout.addWidget(self.detailsLabel)

        self.dataFolderLabel = QLabel(AboutDialog)
        self.dataFolderLabel.setObjectName(u"dataFolderLabel")
        self.dataFolderLabel.setWordWrap(True)
        self.dataFolderLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.textLayout.addWidget(self.dataFolderLabel)

        self.textSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.textLayout.addItem(self.textSpacer)


        self.headerLayout.addLayout(self.textLayout)

        self.headerLayout.setStretch(1, 1)

        self.outerLayout.addLayout(self.headerLayout)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.copyButton = QPushButton(AboutDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonLayout.addWidget(self.copyButton)

        self.openDataButton = QPushButton(AboutDialog)
        self.openDataButton.setObjectName(u"openDataButton")

        self.buttonLayout.addWidget(self.openDataButton)

        self.buttonBox = QDialogButtonBox(AboutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.buttonLayout.addWidget(self.buttonBox)


        self.outerLayout.addLayout(self.buttonLayout)


        self.retranslateUi(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"Tentang Balai", None))
        self.titleLabel.setText(QCoreApplication.translate("AboutDialog", u"Balai", None))
    # retranslateUi

