"""Child of test_dialogs_fit_screen: every dialog of the program, built on a demo database and shown
on a 1280×720 offscreen screen; prints one JSON line per dialog with its size hints and geometry.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python dialog_sizes_child.py DB
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog


def every_dialog_class() -> set[str]:
    import balai_app.gui

    found = set()
    for info in pkgutil.walk_packages(balai_app.gui.__path__, "balai_app.gui."):
        if ".forms." in info.name:
            continue
        module = importlib.import_module(info.name)
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, QDialog) and obj.__module__ == module.__name__:
                found.add(f"{obj.__module__}:{name}")
    return found


def factories(db_path: Path):
    from balai_app.db.models import Batch, Certificate, Program, Resident
    from balai_app.services import backup, certificates
    from balai_app.services.context import SYSTEM
    from balai_app.services.training import get_batch

    resident = Resident.select().order_by(Resident.id).first().id
    running = Batch.select().where(Batch.status == "berjalan").order_by(Batch.id).first()
    finished = Batch.select().where(Batch.status == "selesai").order_by(Batch.id).first()
    program = Program.select().order_by(Program.id).first().id
    certs = [c.id for c in Certificate.select().where(Certificate.batch == finished.id)][:3]
    backup_file = db_path.parent / "dialogs-backup.sqlite"
    backup.create_backup(SYSTEM, out=backup_file)

    def make(path: str, *args, **kwargs):
        module, name = path.split(":")
        return path, lambda: getattr(importlib.import_module(module), name)(*args, **kwargs)

    items = [
        make("balai_app.gui.certificates.certificate_preview:CertificatePreview", SYSTEM, certs),
        make("balai_app.gui.certificates.certificate_verify_dialog:CertificateVerifyDialog"),
        make("balai_app.gui.certificates.certificate_issue_dialog:IssueResultDialog", certificates.IssueResult(
            refused=tuple((f"Peserta {i}", "sudah memiliki sertifikat No. 0001/SK-MJH/BRS/I/2026") for i in range(40)))),
        make("balai_app.gui.certificates.certificate_issue_dialog:CertificateIssueDialog", SYSTEM,
             batch_id=finished.id),
        make("balai_app.gui.training.batch_dialog:BatchDialog", SYSTEM, get_batch(SYSTEM, running.id)),
        make("balai_app.gui.training.program_editor:UnitDialog", SYSTEM, program),
        make("balai_app.gui.training.enroll_close_dialog:EnrollCloseDialog",
             "Tutup keikutsertaan 25 peserta angkatan ini.", ["lulus", "mengundurkan_diri"], lambda *a: None,
             title="Tutup keikutsertaan"),
        make("balai_app.gui.training.enroll_dialog:EnrollDialog", SYSTEM, running.id),
        make("balai_app.gui.start.change_password_dialog:ChangePasswordDialog", SYSTEM, forced=True),
        make("balai_app.gui.start.login_dialog:LoginDialog"),
        make("balai_app.gui.start.setup_wizard:SetupWizard"),
        make("balai_app.gui.common.about_dialog:AboutDialog"),
        make("balai_app.gui.settings.users_tab:UserDialog", SYSTEM),
        make("balai_app.gui.residents.assessment_dialog:AssessmentDialog", SYSTEM, resident),
        make("balai_app.gui.residents.resident_detail:ResidentDetail", SYSTEM, resident),
        make("balai_app.gui.residents.resident_form:ResidentForm", SYSTEM, resident),
        make("balai_app.gui.residents.service_dialog:ServiceDialog", SYSTEM, resident),
        make("balai_app.gui.residents.resident_import_dialog:ResidentImportDialog", SYSTEM),
        make("balai_app.gui.sessions.attendance_session_dialog:SessionDialog", SYSTEM, running.id),
    ]
    items.append(make("balai_app.gui.settings.restore_dialog:RestoreDialog", SYSTEM, backup_file, db_path=db_path))
    items.append(make("balai_app.gui.common.busy_wait:BusyWaitDialog", None, "Balai",
                      "Basis data sedang dipakai program lain. Menunggu sebentar lagi..."))
    from balai_app.services import followups

    name = Resident.get_by_id(resident).name
    items += [
        make("balai_app.gui.aftercare.form_dialog:FormDialog", "Isian"),
        make("balai_app.gui.aftercare.partners_page:PartnerDialog", SYSTEM),
        make("balai_app.gui.aftercare.followup_dialog:FollowUpDialog", SYSTEM, resident, name,
             followups.followups_of(SYSTEM, resident)),
        make("balai_app.gui.aftercare.outcome_dialog:OutcomeDialog", SYSTEM, resident, name),
        make("balai_app.gui.aftercare.profile_box:ConsentDialog", SYSTEM, resident, name),
    ]
    return items


def main(db_arg: str) -> int:
    from balai_app.db.connection import open_database
    from balai_app.gui.app import make_application
    from balai_app.services.context import SYSTEM
    from balai_app.services.demo import create_demo

    db_path = Path(db_arg)
    open_database(db_path, backup_dir=None)
    create_demo(SYSTEM, residents=40)
    app = QApplication.instance() or QApplication([])
    make_application()
    screen = app.primaryScreen().availableGeometry()
    print(json.dumps({"screen": [screen.width(), screen.height()], "classes": sorted(every_dialog_class())}),
          flush=True)
    for path, build in factories(db_path):
        dialog = build()
        dialog.show()
        app.processEvents()
        hint, minimum, geo = dialog.sizeHint(), dialog.minimumSizeHint(), dialog.frameGeometry()
        print(json.dumps({"dialog": path, "title": dialog.windowTitle(), "hint": [hint.width(), hint.height()],
                          "minimum": [max(minimum.width(), dialog.minimumWidth()),
                                      max(minimum.height(), dialog.minimumHeight())],
                          "geometry": [geo.x(), geo.y(), geo.width(), geo.height()]}), flush=True)
        name = path.rsplit(":", 1)[1]
        if len(sys.argv) > 2:
            dialog.grab().save(str(Path(sys.argv[2]) / f"{name}.png"))
        dialog.hide()
        dialog.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
