# Generated from ui/resident_detail.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget,
    QTableView, QTextBrowser, QVBoxLayout, QWidget)

class Ui_ResidentDetail(object):
    def setupUi(self, ResidentDetail):
        if not ResidentDetail.objectName():
            ResidentDetail.setObjectName(u"ResidentDetail")
        ResidentDetail.resize(900, 620)
        self.dialogLayout = QVBoxLayout(ResidentDetail)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headerRow = QHBoxLayout()
        self.headerRow.setSpacing(8)
        self.headerRow.setObjectName(u"headerRow")
        self.photoLabel = QLabel(ResidentDetail)
        self.photoLabel.setObjectName(u"photoLabel")
        self.photoLabel.setMinimumSize(QSize(96, 120))
        self.photoLabel.setMaximumSize(QSize(96, 120))
        self.photoLabel.setAlignment(Qt.AlignCenter)
        self.photoLabel.setFrameShape(QFrame.StyledPanel)

        self.headerRow.addWidget(self.photoLabel)

        self.identityBox = QVBoxLayout()
        self.identityBox.setObjectName(u"identityBox")
        self.nameLabel = QLabel(ResidentDetail)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setWordWrap(True)
        self.nameLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.identityBox.addWidget(self.nameLabel)

        self.subtitleLabel = QLabel(ResidentDetail)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)

        self.identityBox.addWidget(self.subtitleLabel)

        self.warningLabel = QLabel(ResidentDetail)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.identityBox.addWidget(self.warningLabel)

        self.identityStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.identityBox.addItem(self.identityStretch)


        self.headerRow.addLayout(self.identityBox)

        self.buttonsBox = QVBoxLayout()
        self.buttonsBox.setObjectName(u"buttonsBox")
        self.editButton = QPushButton(ResidentDetail)
        self.editButton.setObjectName(u"editButton")

        self.buttonsBox.addWidget(self.editButton)

        self.closeButton = QPushButton(ResidentDetail)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonsBox.addWidget(self.closeButton)

        self.buttonsStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonsBox.addItem(self.buttonsStretch)


        self.headerRow.addLayout(self.buttonsBox)


        self.dialogLayout.addLayout(self.headerRow)

        self.tabs = QTabWidget(ResidentDetail)
        self.tabs.setObjectName(u"tabs")
        self.dataTab = QWidget()
        self.dataTab.setObjectName(u"dataTab")
        self.dataTabLayout = QVBoxLayout(self.dataTab)
        self.dataTabLayout.setObjectName(u"dataTabLayout")
        self.dataTabLayout.setContentsMargins(0, 0, 0, 0)
        self.dataScroll = QScrollArea(self.dataTab)
        self.dataScroll.setObjectName(u"dataScroll")
        self.dataScroll.setFrameShape(QFrame.NoFrame)
        self.dataScroll.setWidgetResizable(True)
        self.dataScrollContents = QWidget()
        self.dataScrollContents.setObjectName(u"dataScrollContents")
        self.dataScrollLayout = QVBoxLayout(self.dataScrollContents)
        self.dataScrollLayout.setObjectName(u"dataScrollLayout")
        self.dataScrollLayout.setContentsMargins(4, 4, 4, 4)
        self.dataPlaceholder = QWidget(self.dataScrollContents)
        self.dataPlaceholder.setObjectName(u"dataPlaceholder")

        self.dataScrollLayout.addWidget(self.dataPlaceholder)

        self.dataScrollStretch = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dataScrollLayout.addItem(self.dataScrollStretch)

        self.dataScroll.setWidget(self.dataScrollContents)

        self.dataTabLayout.addWidget(self.dataScroll)

        self.tabs.addTab(self.dataTab, "")
        self.assessmentTab = QWidget()
        self.assessmentTab.setObjectName(u"assessmentTab")
        self.assessmentLayout = QVBoxLayout(self.assessmentTab)
        self.assessmentLayout.setObjectName(u"assessmentLayout")
        self.assessmentBar = QHBoxLayout()
        self.assessmentBar.setSpacing(8)
        self.assessmentBar.setObjectName(u"assessmentBar")
        self.assessmentCountLabel = QLabel(self.assessmentTab)
        self.assessmentCountLabel.setObjectName(u"assessmentCountLabel")

        self.assessmentBar.addWidget(self.assessmentCountLabel)

        self.assessmentBarSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.assessmentBar.addItem(self.assessmentBarSpacer)

        self.addAssessmentButton = QPushButton(self.assessmentTab)
        self.addAssessmentButton.setObjectName(u"addAssessmentButton")

        self.assessmentBar.addWidget(self.addAssessmentButton)


        self.assessmentLayout.addLayout(self.assessmentBar)

        self.assessmentSplitter = QSplitter(self.assessmentTab)
        self.assessmentSplitter.setObjectName(u"assessmentSplitter")
        self.assessmentSplitter.setOrientation(Qt.Vertical)
        self.assessmentSplitter.setChildrenCollapsible(False)
        self.assessmentTable = QTableView(self.assessmentSplitter)
        self.assessmentTable.setObjectName(u"assessmentTable")
        self.assessmentTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.assessmentTable.setAlternatingRowColors(True)
        self.assessmentTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.assessmentTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.assessmentTable.setWordWrap(False)
        self.assessmentSplitter.addWidget(self.assessmentTable)
        self.assessmentText = QTextBrowser(self.assessmentSplitter)
        self.assessmentText.setObjectName(u"assessmentText")
        self.assessmentSplitter.addWidget(self.assessmentText)

        self.assessmentLayout.addWidget(self.assessmentSplitter)

        self.tabs.addTab(self.assessmentTab, "")
        self.serviceTab = QWidget()
        self.serviceTab.setObjectName(u"serviceTab")
        self.serviceLayout = QVBoxLayout(self.serviceTab)
        self.serviceLayout.setObjectName(u"serviceLayout")
        self.serviceBar = QHBoxLayout()
        self.serviceBar.setSpacing(8)
        self.serviceBar.setObjectName(u"serviceBar")
        self.serviceCountLabel = QLabel(self.serviceTab)
        self.serviceCountLabel.setObjectName(u"serviceCountLabel")

        self.serviceBar.addWidget(self.serviceCountLabel)

        self.serviceBarSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.serviceBar.addItem(self.serviceBarSpacer)

        self.addServiceButton = QPushButton(self.serviceTab)
        self.addServiceButton.setObjectName(u"addServiceButton")

        self.serviceBar.addWidget(self.addServiceButton)


        self.serviceLayout.addLayout(self.serviceBar)

        self.serviceSplitter = QSplitter(self.serviceTab)
        self.serviceSplitter.setObjectName(u"serviceSplitter")
        self.serviceSplitter.setOrientation(Qt.Vertical)
        self.serviceSplitter.setChildrenCollapsible(False)
        self.serviceTable = QTableView(self.serviceSplitter)
        self.serviceTable.setObjectName(u"serviceTable")
        self.serviceTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.serviceTable.setAlternatingRowColors(True)
        self.serviceTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.serviceTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.serviceTable.setWordWrap(False)
        self.serviceSplitter.addWidget(self.serviceTable)
        self.serviceText = QTextBrowser(self.serviceSplitter)
        self.serviceText.setObjectName(u"serviceText")
        self.serviceSplitter.addWidget(self.serviceText)

        self.serviceLayout.addWidget(self.serviceSplitter)

        self.tabs.addTab(self.serviceTab, "")

        self.dialogLayout.addWidget(self.tabs)


        self.retranslateUi(ResidentDetail)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, ResidentDetail):
        ResidentDetail.setWindowTitle(QCoreApplication.translate("ResidentDetail", u"Penerima Manfaat", None))
        self.nameLabel.setText("")
        self.subtitleLabel.setText("")
        self.warningLabel.setText("")
        self.editButton.setText(QCoreApplication.translate("ResidentDetail", u"Ubah\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("ResidentDetail", u"Tutup", None))
        self.tabs.setTabText(self.tabs.indexOf(self.dataTab), QCoreApplication.translate("ResidentDetail", u"Data", None))
        self.assessmentCountLabel.setText("")
        self.addAssessmentButton.setText(QCoreApplication.translate("ResidentDetail", u"Tambah asesmen\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.assessmentTab), QCoreApplication.translate("ResidentDetail", u"Asesmen", None))
        self.serviceCountLabel.setText("")
        self.addServiceButton.setText(QCoreApplication.translate("ResidentDetail", u"Catat layanan\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.serviceTab), QCoreApplication.translate("ResidentDetail", u"Layanan", None))
    # retranslateUi

