# Generated from ui/main_window.ui by scripts/compile_ui.py (pyside6-uic) — do not edit by hand.

from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QListWidget,
    QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 720)
        MainWindow.setMinimumSize(QSize(760, 460))
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.outerLayout = QVBoxLayout(self.centralwidget)
        self.outerLayout.setSpacing(0)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.demoBanner = QLabel(self.centralwidget)
        self.demoBanner.setObjectName(u"demoBanner")
        self.demoBanner.setAlignment(Qt.AlignCenter)

        self.outerLayout.addWidget(self.demoBanner)

        self.mainLayout = QHBoxLayout()
        self.mainLayout.setSpacing(0)
        self.mainLayout.setObjectName(u"mainLayout")
        self.sidebar = QListWidget(self.centralwidget)
        self.sidebar.setObjectName(u"sidebar")
        self.sidebar.setMinimumSize(QSize(190, 0))
        self.sidebar.setMaximumSize(QSize(240, 16777215))
        self.sidebar.setFrameShape(QFrame.NoFrame)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

        self.mainLayout.addWidget(self.sidebar)

        self.pages = QStackedWidget(self.centralwidget)
        self.pages.setObjectName(u"pages")

        self.mainLayout.addWidget(self.pages)


        self.outerLayout.addLayout(self.mainLayout)

        MainWindow.setCentralWidget(self.centralwidget)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Balai", None))
        self.demoBanner.setText(QCoreApplication.translate("MainWindow", u"DEMO \u2014 data contoh, bukan data sebenarnya", None))
    # retranslateUi

