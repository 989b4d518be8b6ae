# Generated from ui/session_dialog.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SessionDialog(object):
    def setupUi(self, SessionDialog):
        if not SessionDialog.objectName():
            SessionDialog.setObjectName(u"SessionDialog")
        SessionDialog.resize(600, 600)
        self.dialogLayout = QVBoxLayout(SessionDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.batchLabel = QLabel(SessionDialog)
        self.batchLabel.setObjectName(u"batchLabel")
        self.batchLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.batchLabel)

        self.formError = QLabel(SessionDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setStyleSheet(u"color:#b91c1c;")

        self.dialogLayout.addWidget(self.formError)

        self.sessionForm = QFormLayout()
        self.sessionForm.setObjectName(u"sessionForm")
        self.sessionForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.sessionForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.sessionForm.setVerticalSpacing(3)
        self.dateLabel = QLabel(SessionDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.sessionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(SessionDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.sessionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.dateError = QLabel(SessionDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)
        self.dateError.setStyleSheet(u"color:#b91c1c;")

        self.sessionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateError)

        self.timeLabel = QLabel(SessionDialog)
        self.timeLabel.setObjectName(u"timeLabel")

        self.sessionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timeLabel)

        self.timeLayout = QHBoxLayout()
        self.timeLayout.setObjectName(u"timeLayout")
        self.startTimeEdit = QLineEdit(SessionDialog)
        self.startTimeEdit.setObjectName(u"startTimeEdit")
        self.startTimeEdit.setMaxLength(5)
        self.startTimeEdit.setMaximumWidth(80)

        self.timeLayout.addWidget(self.startTimeEdit)

        self.timeDash = QLabel(SessionDialog)
        self.timeDash.setObjectName(u"timeDash")

        self.timeLayout.addWidget(self.timeDash)

        self.endTimeEdit = QLineEdit(SessionDialog)
        self.endTimeEdit.setObjectName(u"endTimeEdit")
        self.endTimeEdit.setMaxLength(5)
        self.endTimeEdit.setMaximumWidth(80)

        self.timeLayout.addWidget(self.endTimeEdit)

        self.timeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeLayout.addItem(self.timeSpacer)


        self.sessionForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.timeLayout)

        self.start_timeError = QLabel(SessionDialog)
        self.start_timeError.setObjectName(u"start_timeError")
        self.start_timeError.setWordWrap(True)
        self.start_timeError.setStyleSheet(u"color:#b91c1c;")

        self.sessionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.start_timeError)

        self.end_timeError = QLabel(SessionDialog)
        self.end_timeError.setObjectName(u"end_timeError")
        self.end_timeError.setWordWrap(True)
        self.end_timeError.setStyleSheet(u"color:#b91c1c;")

        self.sessionForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.end_timeError)

        self.topicLabel = QLabel(SessionDialog)
        self.topicLabel.setObjectName(u"topicLabel")

        self.sessionForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicEdit = QLineEdit(SessionDialog)
        self.topicEdit.setObjectName(u"topicEdit")
        self.topicEdit.setMaxLength(300)

        self.sessionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.topicError = QLabel(SessionDialog)
        self.topicError.setObjectName(u"topicError")
        self.topicError.setWordWrap(True)
        self.topicError.setStyleSheet(u"color:#b91c1c;")

        self.sessionForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.topicError)

        self.unitsLabel = QLabel(SessionDialog)
        self.unitsLabel.setObjectName(u"unitsLabel")

        self.sessionForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.unitsLabel)

        self.unitsList = QListWidget(SessionDialog)
        self.unitsList.setObjectName(u"unitsList")
        self.unitsList.setMinimumHeight(90)
        self.unitsList.setMaximumHeight(170)

        self.sessionForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.unitsList)

        self.unitsError = QLabel(SessionDialog)
        self.unitsError.setObjectName(u"unitsError")
        self.unitsError.setWordWrap(True)
        self.unitsError.setStyleSheet(u"color:#b91c1c;")

        self.sessionForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.unitsError)

        self.notesLabel = QLabel(SessionDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.sessionForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(SessionDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumHeight(60)

        self.sessionForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.notesError = QLabel(SessionDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)
        self.notesError.setStyleSheet(u"color:#b91c1c;")

        self.sessionForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.notesError)

        self.participantsTitle = QLabel(SessionDialog)
        self.participantsTitle.setObjectName(u"participantsTitle")

        self.sessionForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.participantsTitle)

        self.participantsLayout = QVBoxLayout()
        self.participantsLayout.setObjectName(u"participantsLayout")
        self.participantsLabel = QLabel(SessionDialog)
        self.participantsLabel.setObjectName(u"participantsLabel")
        self.participantsLabel.setWordWrap(True)

        self.participantsLayout.addWidget(self.participantsLabel)

        self.participantsList = QListWidget(SessionDialog)
        self.participantsList.setObjectName(u"participantsList")
        self.participantsList.setMaximumHeight(120)
        self.participantsList.setSelectionMode(QAbstractItemView.NoSelection)
        self.participantsList.setFocusPolicy(Qt.NoFocus)

        self.participantsLayout.addWidget(self.participantsList)


        self.sessionForm.setLayout(11, QFormLayout.ItemRole.FieldRole, self.participantsLayout)


        self.dialogLayout.addLayout(self.sessionForm)

        self.buttons = QDialogButtonBox(SessionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.timeLabel.setBuddy(self.startTimeEdit)
        self.topicLabel.setBuddy(self.topicEdit)
        self.unitsLabel.setBuddy(self.unitsList)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.startTimeEdit)
        QWidget.setTabOrder(self.startTimeEdit, self.endTimeEdit)
        QWidget.setTabOrder(self.endTimeEdit, self.topicEdit)
        QWidget.setTabOrder(self.topicEdit, self.unitsList)
        QWidget.setTabOrder(self.unitsList, self.notesEdit)

        self.retranslateUi(SessionDialog)
    # setupUi

    def retranslateUi(self, SessionDialog):
        SessionDialog.setWindowTitle(QCoreApplication.translate("SessionDialog", u"Sesi baru", None))
        self.batchLabel.setText("")
        self.formError.setText("")
        self.dateLabel.setText(QCoreApplication.translate("SessionDialog", u"Tanggal *", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("SessionDialog", u"dd/MM/yyyy", None))
        self.dateError.setText("")
        self.timeLabel.setText(QCoreApplication.translate("SessionDialog", u"Jam", None))
        self.startTimeEdit.setPlaceholderText(QCoreApplication.translate("SessionDialog", u"08:00", None))
        self.timeDash.setText(QCoreApplication.translate("SessionDialog", u"s.d.", None))
        self.endTimeEdit.setPlaceholderText(QCoreApplication.translate("SessionDialog", u"12:00", None))
        self.start_timeError.setText("")
        self.end_timeError.setText("")
        self.topicLabel.setText(QCoreApplication.translate("SessionDialog", u"Topik/materi *", None))
        self.topicError.setText("")
        self.unitsLabel.setText(QCoreApplication.translate("SessionDialog", u"Unit yang dibahas", None))
        self.unitsError.setText("")
        self.notesLabel.setText(QCoreApplication.translate("SessionDialog", u"Catatan", None))
        self.notesError.setText("")
        self.participantsTitle.setText(QCoreApplication.translate("SessionDialog", u"Peserta", None))
        self.participantsLabel.setText("")
    # retranslateUi

