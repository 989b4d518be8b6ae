"""First start: the balai's profile, its head, and the first admin account.

Shown when the database has no balai profile. The first page (``server_page``)
asks where the data lives: this PC's file, or a server shared by several PCs
(a server that already holds the balai goes straight to the sign-in). "Pakai
data demo" fills the empty database with the demo balai instead (then the
sign-in screen follows).
With ``admin_only`` (a database that has a profile but no account yet) only
the admin page is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from balai_app.gui.common.form_errors import ERROR_STYLE, clear_errors, error_labels, show_errors
from balai_app.gui.common.logo_picker import choose_logo_file, logo_pixmap, read_logo
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_setup_wizard import Ui_SetupWizard
from balai_app.i18n import tr
from balai_app.services import accounts, profile
from balai_app.services.accounts import SignedIn

SERVER_PAGE_ID = 100  # above the form's pages; the wizard starts there (setStartId)
BALAI_FIELDS = ("name", "code", "address", "city", "phone", "logo")
HEAD_FIELDS = ("head_name", "head_nip", "head_title")
ADMIN_FIELDS = ("username", "full_name", "password", "repeat")


class SetupWizard(QWizard):
    def __init__(self, parent: QWidget | None = None, *, admin_only: bool = False):
        super().__init__(parent)
        self.ui = Ui_SetupWizard()
        self.ui.setupUi(self)
        self.setWindowTitle(tr("Penyiapan awal Balai"))
        self.admin_only = admin_only
        self.signed: SignedIn | None = None
        self.demo_created = False
        self.logo: bytes | None = None
        for label in error_labels(self.ui).values():
            label.setStyleSheet(ERROR_STYLE)
        self.ui.finishError.setStyleSheet(ERROR_STYLE)
        clear_errors(self.ui, self.ui.finishError)
        self.ui.headTitleEdit.setText(tr("Kepala Balai"))
        self.ui.chooseLogoButton.clicked.connect(self.choose_logo)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Batal"))
        self.server_page = None
        self.server_ready = False  # the chosen server already holds a balai with accounts
        if not admin_only:
            from balai_app.gui.start.server_page import ServerPage

            self.server_page = ServerPage(self)
            self.setPage(SERVER_PAGE_ID, self.server_page)
            self.setStartId(SERVER_PAGE_ID)
        if admin_only:
            self.removePage(self.pageIds()[0])
            self.removePage(self.pageIds()[0])
            self.ui.adminPage.setSubTitle(tr("Basis data ini belum memiliki akun. Buat akun admin pertama."))
        else:
            self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
            self.setButtonText(QWizard.WizardButton.CustomButton1, tr("Pakai data demo"))
            self.customButtonClicked.connect(self._custom_button)

    # --- logo -------------------------------------------------------------
    def choose_logo(self) -> None:
        path = choose_logo_file(self)
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: Path) -> None:
        logo = read_logo(self.ui, path)
        if logo is None:
            return
        self.logo = logo
        self.ui.logoPreview.setPixmap(logo_pixmap(self.logo, 72))
        show_errors(self.ui, {})

    # --- pages --------------------------------------------------------------
    def profile_data(self) -> dict[str, str]:
        ui = self.ui
        return {"name": ui.nameEdit.text(), "code": ui.codeEdit.text(), "address": ui.addressEdit.toPlainText(),
                "city": ui.cityEdit.text(), "phone": ui.phoneEdit.text(), "head_name": ui.headNameEdit.text(),
                "head_nip": ui.headNipEdit.text(), "head_title": ui.headTitleEdit.text()}

    def _page_errors(self, fields: tuple[str, ...], *, require_head: bool) -> dict[str, str]:
        found: dict[str, str] = {}
        service_call(self, lambda: profile.clean_profile(self.profile_data(), require_head=require_head),
                     on_errors=found.update)
        return {k: m for k, m in found.items() if k in fields}

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt name)
        if self.demo_created or self.server_ready:  # QWizard.done() validates the page once more
            return True
        page = self.currentPage()
        if page is not None and page is self.server_page:
            return self._leave_server_page()
        if page is self.ui.balaiPage:
            errors = self._page_errors(BALAI_FIELDS, require_head=False)
        elif page is self.ui.headPage:
            errors = self._page_errors(HEAD_FIELDS, require_head=True)
        else:
            return self._finish()
        show_errors(self.ui, errors)
        return not errors

    def _finish(self) -> bool:
        ui = self.ui
        if ui.passwordEdit.text() != ui.repeatEdit.text():
            show_errors(ui, {"repeat": tr("Kedua kata sandi tidak sama.")}, ui.finishError)
            return False
        admin = {"username": ui.usernameEdit.text(), "full_name": ui.fullNameEdit.text()}

        def create() -> SignedIn:
            if self.admin_only:
                return profile.create_first_admin(admin, ui.passwordEdit.text())
            return profile.initialise(self.profile_data(), admin, ui.passwordEdit.text(), logo=self.logo)

        show_errors(ui, {}, ui.finishError)
        signed = service_call(self, create, on_errors=self._finish_errors, summary=ui.finishError)
        if signed is FAILED:
            return False
        self.signed = signed
        return True

    def nextId(self) -> int:  # noqa: N802 (Qt name)
        """The server page comes first although its id is the highest."""
        ids = [i for i in self.pageIds() if i != SERVER_PAGE_ID]
        current = self.currentId()
        if current == SERVER_PAGE_ID:
            return ids[0] if ids else -1
        later = [i for i in ids if i > current]
        return later[0] if later else -1

    def _leave_server_page(self) -> bool:
        """The server page switched the program to its database (or kept the file): a server
        that already holds a balai with accounts needs no set-up (the sign-in follows); one with
        a profile but no account gets only the admin page."""
        assert self.server_page is not None
        if not self.server_page.validatePage():
            return False
        if self.server_page.on_server and profile.is_initialised():
            if accounts.has_accounts():
                self.server_ready = True
                self.done(QWizard.DialogCode.Accepted)
                return False
            self.admin_only = True
            for page_id in self.pageIds():
                page = self.page(page_id)
                if page is self.ui.balaiPage or page is self.ui.headPage:
                    self.removePage(page_id)
        return True

    def reject(self) -> None:
        """Cancelled after choosing a server: this PC keeps its own file (nothing was set up)."""
        if self.server_page is not None and self.server_page.on_server and not self.server_ready:
            from balai_app.services import server_check

            server_check.use_local()
            self.server_page.on_server = False
        super().reject()

    def _finish_errors(self, errors: dict[str, str]) -> None:
        ui = self.ui
        other = {k: m for k, m in errors.items() if k not in ADMIN_FIELDS}
        show_errors(ui, errors, ui.finishError)
        if other:
            ui.finishError.setText(tr("Periksa halaman sebelumnya: ") + " ".join(other.values()))
            ui.finishError.setVisible(True)

    # --- demo ------------------------------------------------------------------
    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value or which == QWizard.WizardButton.CustomButton1:
            self.create_demo()

    def create_demo(self) -> None:
        answer = QMessageBox.question(
            self, tr("Data demo"),
            tr("Isi basis data ini dengan balai DEMO (data contoh, bukan data sebenarnya) untuk mencoba program?\n\n"
               "Akun demo: admin, staf, instruktur; kata sandi: demo."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        from balai_app.services import demo
        from balai_app.services.context import SYSTEM

        if service_call(self, lambda: demo.create_demo(SYSTEM), title=tr("Data demo")) is FAILED:
            return
        self.demo_created = True
        self.done(QWizard.DialogCode.Accepted)


def needs_setup() -> bool:
    return not profile.is_initialised() or not accounts.has_accounts()
