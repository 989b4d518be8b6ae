# Generated from ui/training_page.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QLabel, QTabWidget, QVBoxLayout)

class Ui_TrainingPage(object):
    def setupUi(self, TrainingPage):
        if not TrainingPage.objectName():
            TrainingPage.setObjectName(u"TrainingPage")
        TrainingPage.resize(1200, 760)
        self.mainLayout = QVBoxLayout(TrainingPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(TrainingPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.tabs = QTabWidget(TrainingPage)
        self.tabs.setObjectName(u"tabs")

        self.mainLayout.addWidget(self.tabs)


        self.retranslateUi(TrainingPage)

        self.tabs.setCurrentIndex(-1)

    # setupUi

    def retranslateUi(self, TrainingPage):
        TrainingPage.setWindowTitle(QCoreApplication.translate("TrainingPage", u"Pelatihan", None))
        self.titleLabel.setText(QCoreApplication.translate("TrainingPage", u"Pelatihan vokasional", None))
        self.titleLabel.setStyleSheet(QCoreApplication.translate("TrainingPage", u"font-size:15pt; font-weight:bold;", None))
    # retranslateUi

