"""The permission matrix: every public service function × every role, allowed or refused.

Service functions are found by introspection: every public function defined in
a ``balai_app.services`` (or ``balai_app.documents``) module whose first parameter
is ``actor``. Each must
have an entry in ``EXPECTED`` — a new function without one fails
``test_every_service_function_has_an_entry`` until someone decides who may
call it, following the role rules of issue 6:

- admin: everything;
- staf: residents, assessments, services, programs, batches, enrollment,
  reports; certificates may be viewed but not issued, revoked or printed;
- instruktur: only the batches they train (sessions, attendance, unit
  assessments, progress); participants' name, photo and sex only.

A call counts as *refused* when it raises ``PermissionDenied`` with the
"tidak berhak" message; anything else (a result, ``NotFound`` for the
placeholder ids, a validation error) means the role passed the gate. The
instruktur's limit to their own batches is tested with real batches below.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import random
from types import GeneratorType

import pytest
from support.accounts import make_account

import balai_app.documents as documents_package
import balai_app.services as services_package
from balai_app.domain.errors import PermissionDenied

ROLES = ("admin", "staf", "instruktur")
ADMIN = frozenset({"admin"})
OFFICE = frozenset({"admin", "staf"})
ALL = frozenset(ROLES)  # for instruktur: only their own batches (see the scope tests)
SELF = ALL  # acts on the actor's own account only
NO_GATE = "no gate"  # a building block called inside gated services; checked to refuse nobody

# Modules that are the mechanism itself, not services.
NOT_SERVICES = {"permissions", "context", "validation"}

EXPECTED: dict[str, frozenset[str] | str] = {
    # accounts
    "accounts.change_password": SELF,
    "accounts.create_user": ADMIN,
    "accounts.find_user": ADMIN,
    "accounts.get_user": ADMIN,
    "accounts.insert_user": ADMIN,
    "accounts.list_trainers": OFFICE,
    "accounts.list_users": ADMIN,
    "accounts.must_change_password": SELF,
    "accounts.reset_password": ADMIN,
    "accounts.set_active": ADMIN,
    "accounts.sign_out": SELF,
    "accounts.update_user": ADMIN,
    "accounts_demo.demo_accounts": ADMIN,
    # audit
    "audit.count_events": ADMIN,
    "audit_text.export_events": ADMIN,
    "audit.filter_choices": ADMIN,
    "audit.list_events": ADMIN,
    "audit.record": NO_GATE,
    # profile and settings
    "profile.set_setting": ADMIN,
    "profile.update_profile": ADMIN,
    # demo
    "demo.create_demo": ADMIN,
    # backups
    "backup.create_backup": ADMIN,
    "backup_restore.restore_backup": ADMIN,
    "server_backup.restore_into_server": ADMIN,
    "backup.set_second_folder": ADMIN,
    "server_move.move_database": ADMIN,
    # residents, assessments, services
    "casework.add_assessment": OFFICE,
    "casework.add_service": OFFICE,
    "casework.assessments_of": OFFICE,
    "residents_search.count_matching": OFFICE,
    "residents_search.count_residents": OFFICE,
    "duplicates.possible_duplicates": OFFICE,
    "residents_search.counts_by_klaster_and_status": OFFICE,
    "residents.create_resident": OFFICE,
    "residents_search.entry_years": OFFICE,
    "residents.find_resident": OFFICE,
    "residents_photo.get_photo": OFFICE,
    "residents.get_resident": OFFICE,
    "residents.load_resident": OFFICE,
    "residents_search.list_residents": OFFICE,
    "casework.services_of": OFFICE,
    "residents_photo.set_photo": OFFICE,
    "casework.update_assessment": OFFICE,
    "residents.update_resident": OFFICE,
    # import / export
    "resident_io.check_import": OFFICE,
    "resident_io_export.export_residents": OFFICE,
    "resident_io_export.export_rows": OFFICE,
    "resident_io.insert_rows": OFFICE,
    "resident_io.run_import": OFFICE,
    # reports
    "reports.dashboard": OFFICE,
    "reports.served_report": OFFICE,
    # programs and batches
    "curriculum.add_unit": OFFICE,
    "training.batch_row": ALL,
    "training.batch_years": ALL,
    "training.create_batch": OFFICE,
    "curriculum.create_program": OFFICE,
    "curriculum.create_sample_programs": OFFICE,
    "training.delete_batch": OFFICE,
    "curriculum.delete_program": OFFICE,
    "curriculum.delete_unit": OFFICE,
    "training.get_batch": ALL,
    "training.load_batch": ALL,
    "curriculum.get_program": ALL,
    "curriculum.load_program": ALL,
    "training.is_instruktur": NO_GATE,
    "training.list_batches": ALL,
    "curriculum.list_programs": ALL,
    "curriculum.move_unit": OFFICE,
    "training.set_batch_status": OFFICE,
    "curriculum.set_unit_retired": OFFICE,
    "curriculum.units_of": ALL,
    "training.update_batch": OFFICE,
    "curriculum.update_program": OFFICE,
    "curriculum.update_unit": OFFICE,
    "training_demo.demo_training": ADMIN,
    # enrollment
    "enrollment.batch_participants": ALL,
    "enrollment.close_open_enrollments": OFFICE,
    "enrollment.complete": OFFICE,
    "enrollment.enroll": OFFICE,
    "enrollment.enroll_candidates": OFFICE,
    "enrollment.enroll_many": OFFICE,
    "enrollment.enrollments_of_resident": ALL,
    "enrollment.get_enrollment": ALL,
    "enrollment.open_enrollments_of_resident": ALL,
    "enrollment.reactivate": OFFICE,
    "enrollment.reason_needed": OFFICE,
    "enrollment.remove": OFFICE,
    "enrollment.withdraw": OFFICE,
    # sessions, attendance, unit assessments (instruktur: own batches)
    "unit_assessments.add_unit_assessments": ALL,
    "unit_assessments.assess": ALL,
    "unit_assessments.assessment_history": ALL,
    "attendance.attendance_sheet": ALL,
    "batch_ready.batch_choice": ALL,
    "sessions.batch_for": ALL,
    "sessions.load_batch_for": ALL,
    "sessions.load_session_for": ALL,
    "sessions.batch_units": ALL,
    "sessions.classes_today": ALL,
    "sessions.create_session": ALL,
    "sessions.delete_session": ALL,
    "sessions.find_participant": ALL,
    "sessions.get_session": ALL,
    "sessions.list_sessions": ALL,
    "sessions.participants": ALL,
    "attendance.save_attendance": ALL,
    "attendance.set_attendance": ALL,
    "sessions.update_session": ALL,
    "sessions.visible_batches": ALL,
    "sessions_demo.demo_sessions": ADMIN,
    # progress
    "progress.attendance_month": ALL,
    "progress.attendance_months": ALL,
    "progress.batch_matrix": ALL,
    "progress.batch_progress": ALL,
    "progress.enrollment_progress": ALL,
    "progress.resident_training": ALL,
    # certificates: staf views, only admin issues, revokes, prints
    "certificates_issue.candidates": OFFICE,
    "certificates_issue.find": OFFICE,
    "certificates_issue.get": OFFICE,
    "certificates_issue.issue": ADMIN,
    "certificates_issue.record_print": ADMIN,
    "certificates_issue.reissue": ADMIN,
    "certificates_issue.revoke": ADMIN,
    "certificates_issue.units_without_code": OFFICE,
    "certificates_publish.publish": ADMIN,
    "certificates_register.batch_print_set": OFFICE,
    "certificates_register.batches": OFFICE,
    "certificates_register.count_certificates": OFFICE,
    "certificates_register.ids_of_batch": OFFICE,
    "certificates_register.list_certificates": OFFICE,
    "certificates_register.programs": OFFICE,
    "certificates_register.render_list": ADMIN,
    "certificates_register.write_pdf": ADMIN,
    "certificates_register.years": OFFICE,
    "certificates_settings.get_settings": OFFICE,
    "certificates_settings.next_number_example": OFFICE,
    "certificates_settings.save_settings": ADMIN,
    "signing_keys.current_private_key": ADMIN,
    "signing_keys.ensure_key": ADMIN,
    "signing_keys.export_key": ADMIN,
    "signing_keys.install_key": ADMIN,
    "signing_keys.rotate_key": ADMIN,
    "certificates_demo.demo_certificates": ADMIN,
    # after training (issue 15): office work; an instruktur sees none of it
    "partners.create_partner": OFFICE,
    "partners.get_partner": OFFICE,
    "partners.list_partners": OFFICE,
    "partners.update_partner": OFFICE,
    "outcomes.add_outcome": OFFICE,
    "outcomes.current_outcome": OFFICE,
    "outcomes.get_outcome": OFFICE,
    "outcomes.list_outcomes": OFFICE,
    "followups.due_list": OFFICE,
    "followups.followups_of": OFFICE,
    "followups.mark_missed": OFFICE,
    "followups.record_followup": OFFICE,
    "followups.set_intervals": ADMIN,
    "monthly_report.export_monthly": OFFICE,
    "graduate_profiles.consent_of": OFFICE,
    "aftercare_demo.demo_aftercare": ADMIN,
    "rehab_certificates.find": OFFICE,
    "rehab_certificates.issue": ADMIN,
    "rehab_certificates.of_resident": OFFICE,
    "rehab_certificates.revoke": ADMIN,
    "rehab_certificates.set_number_template": ADMIN,
    "rehab_certificates.write_pdf": ADMIN,
    "graduate_profiles.graduate_profile": OFFICE,
    "graduate_profiles.record_consent": OFFICE,
    "graduate_profiles.write_profile_pdf": OFFICE,
    "monthly_report.monthly_report": OFFICE,
    # exports (documents leaving the program)
    "exports.attendance_recap": ALL,
    "exports.participant_list": ALL,
    "exports.participants_pdf": ALL,
    "exports.participants_xlsx": ALL,
    "exports.progress_recap": ALL,
    "exports.served_report": OFFICE,
}


def service_functions() -> dict[str, object]:
    """Services, and documents that take an actor (they read through the services)."""
    found = {}
    for package, prefix in ((services_package, ""), (documents_package, "documents.")):
        for info in pkgutil.iter_modules(package.__path__):
            if info.name in NOT_SERVICES:
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, func in inspect.getmembers(module, inspect.isfunction):
                if name.startswith("_") or func.__module__ != module.__name__:
                    continue
                params = list(inspect.signature(func).parameters)
                if params and params[0] == "actor":
                    found[f"{prefix}{info.name}.{name}"] = func
    return found


FUNCTIONS = service_functions()


def test_every_service_function_has_an_entry():
    missing = sorted(set(FUNCTIONS) - set(EXPECTED))
    assert not missing, "service functions without an entry in EXPECTED (decide who may call them): " + ", ".join(missing)


def test_no_entry_for_a_function_that_is_gone():
    stale = sorted(set(EXPECTED) - set(FUNCTIONS))
    assert not stale, "entries for functions that no longer exist: " + ", ".join(stale)


def placeholder(name: str, annotation: str, tmp_path):
    """A harmless value for a required parameter: ids that do not exist, empty data."""
    text = str(annotation)
    if name in ("path", "out", "target", "source", "folder", "destination", "dest"):
        return tmp_path / "matrix-placeholder.xlsx"
    if name == "rng":
        return random.Random(1)
    if name in ("batch_id", "resident_id", "session_id", "enrollment_id", "user_id", "program_id", "unit_id",
                "certificate_id", "assessment_id", "id_or_code", "unit_key") or text in ("int", "int | None"):
        return 987654
    if "list" in text or "Iterable" in text:
        return []
    if "dict" in text or "Mapping" in text:
        return {}
    if "bytes" in text:
        return b""
    if text == "bool":
        return False
    if "date" in text or name in ("date", "start", "end"):
        return dt.date(2026, 1, 5)
    if "str" in text or text in ("Any", "None", ""):
        return "x"
    return None


def call(func, actor, tmp_path):
    signature = inspect.signature(func)
    args, kwargs = [actor], {}
    for index, (name, param) in enumerate(signature.parameters.items()):
        if index == 0 or param.default is not inspect.Parameter.empty:
            continue
        if param.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            continue
        value = placeholder(name, param.annotation, tmp_path)
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[name] = value
        else:
            args.append(value)
    result = func(*args, **kwargs)
    if isinstance(result, GeneratorType):
        next(result, None)
    return result


def outcome(func, actor, tmp_path) -> bool:
    """True when the actor passed the permission gate."""
    try:
        call(func, actor, tmp_path)
    except PermissionDenied as exc:
        if "tidak berhak" in exc.message:
            return False
        return True  # a scope refusal (not their batch) comes after the role gate
    except Exception:  # noqa: BLE001 (anything but a refusal means the gate let the role through)
        return True
    return True


@pytest.fixture
def world(db, fast_hashing):
    """One account per role, and a profile so that the demo refuses quickly."""
    from support.accounts import make_profile

    make_profile()
    return {role: make_account(role) for role in ROLES}


CASES = [(key, role) for key in sorted(FUNCTIONS) if key in EXPECTED for role in ROLES]


@pytest.mark.parametrize(("key", "role"), CASES, ids=[f"{k}-{r}" for k, r in CASES])
def test_permission_matrix(key, role, world, tmp_path):
    expected = EXPECTED[key]
    passed = outcome(FUNCTIONS[key], world[role], tmp_path)
    if expected == NO_GATE:
        assert passed, f"{key} is listed as a building block without a gate, but refused {role}"
    elif role in expected:
        assert passed, f"{key} refused {role}, who should be allowed"
    else:
        assert not passed, f"{key} let {role} through, who should be refused"


def test_refusals_are_clear_indonesian_messages(world):
    from balai_app.services import accounts

    with pytest.raises(PermissionDenied) as caught:
        accounts.list_users(world["staf"])
    assert caught.value.message == "Anda (staf) tidak berhak mengelola akun pengguna."


def test_every_permission_has_a_description_and_known_roles():
    from balai_app.services.permissions import DESCRIPTIONS, PERMISSIONS, ROLES as KNOWN

    assert set(PERMISSIONS) <= set(DESCRIPTIONS), sorted(set(PERMISSIONS) - set(DESCRIPTIONS))
    for name, roles in PERMISSIONS.items():
        assert roles <= set(KNOWN), name
        assert "admin" in roles, f"admin may do everything, but not {name}"
