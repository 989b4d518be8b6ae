"""The whole domain's tables, as peewee models over one SQLite file.

Conventions:
- every editable record carries ``version`` (optimistic locking: a save whose
  version no longer matches is refused, never a silent overwrite);
- timestamps are UTC ``datetime``; calendar facts (birth date, session date)
  are ``date``;
- coded values (klaster, status, ...) are stored as short English-free codes
  listed in ``balai_app.domain.codes``, with their Indonesian labels there;
- the schema itself is created and changed only by ``balai_app.db.migrations``;
  ``tests/unit/test_schema.py`` fails when these models and the migrated schema
  disagree.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    """Key/value settings of this installation (numbering template, idle lock, ...)."""

    key = CharField(primary_key=True, max_length=100)
    value = TextField()


class BalaiProfile(BaseModel):
    """The one balai this database serves (a single row, id 1)."""

    name = CharField(max_length=200)
    code = CharField(max_length=20)  # short code used in certificate numbers, e.g. BRS-PL
    address = TextField(default="")
    city = CharField(max_length=100, default="")
    phone = CharField(max_length=50, default="")
    logo = BlobField(null=True)  # PNG bytes
    head_name = CharField(max_length=200, default="")
    head_nip = CharField(max_length=18, default="")
    head_title = CharField(max_length=200, default="Kepala Balai")
    is_demo = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class User(BaseModel):
    username = CharField(max_length=50, unique=True)
    full_name = CharField(max_length=200)
    role = CharField(max_length=20)  # admin | staf | instruktur
    password_hash = CharField(max_length=200)
    must_change_password = BooleanField(default=True)
    active = BooleanField(default=True)
    failed_logins = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    nip = CharField(max_length=18, default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class Resident(BaseModel):
    """A Penerima Manfaat (PM)."""

    nik = CharField(max_length=16, null=True, unique=True)
    nik_missing_reason = CharField(max_length=200, default="")
    no_kk = CharField(max_length=16, default="")
    name = CharField(max_length=200, index=True)
    sex = CharField(max_length=1)  # L | P
    birth_place = CharField(max_length=100, default="")
    birth_date = DateField(null=True)
    klaster = CharField(max_length=20, index=True)
    disabilities = CharField(max_length=200, default="")  # comma-separated codes
    religion = CharField(max_length=30, default="")
    education = CharField(max_length=30, default="")
    address = TextField(default="")
    guardian_name = CharField(max_length=200, default="")
    guardian_relation = CharField(max_length=50, default="")
    guardian_phone = CharField(max_length=30, default="")
    entry_date = DateField(index=True)
    referral_source = CharField(max_length=200, default="")
    status = CharField(max_length=20, default="aktif", index=True)
    exit_date = DateField(null=True, index=True)
    exit_reason = TextField(default="")
    notes = TextField(default="")
    # casefolded name + NIK + birth place: search-as-you-type without a full decode
    search_text = TextField(default="", index=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class ResidentPhoto(BaseModel):
    """Kept apart from Resident so that list queries never load image bytes."""

    resident = ForeignKeyField(Resident, backref="photo_rows", unique=True, on_delete="CASCADE")
    image = BlobField()  # JPEG, scaled to at most 600 px on the long side
    updated_at = DateTimeField(default=utcnow)


class Assessment(BaseModel):
    """An asesmen: the start of every case response."""

    resident = ForeignKeyField(Resident, backref="assessments", on_delete="RESTRICT")
    date = DateField()
    assessor = CharField(max_length=200)
    physical = TextField(default="")
    mental = TextField(default="")
    social = TextField(default="")
    family = TextField(default="")
    vocational_interest = TextField(default="")
    summary = TextField(default="")
    recommendation = TextField(default="")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class ServiceRecord(BaseModel):
    """A service given under ATENSI."""

    resident = ForeignKeyField(Resident, backref="services", on_delete="RESTRICT")
    date = DateField(index=True)
    kind = CharField(max_length=30)  # codes.SERVICE_KINDS (the ATENSI forms)
    subkind = CharField(max_length=30, default="")  # codes.THERAPY_KINDS when kind is "terapi"
    description = TextField(default="")
    staff = CharField(max_length=200, default="")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class Program(BaseModel):
    """A vocational skill taught by the balai (keterampilan)."""

    code = CharField(max_length=10, unique=True)
    name = CharField(max_length=200)
    description = TextField(default="")
    field = CharField(max_length=200, default="")
    hours = IntegerField(null=True)
    weeks = IntegerField(null=True)
    min_attendance = IntegerField(default=80)  # percent, for a certificate
    is_sample = BooleanField(default=False)  # starter content to be completed by the admin
    adults_only = BooleanField(default=False)  # enrolling a PM under 15 needs a written reason
    active = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class CompetencyUnit(BaseModel):
    program = ForeignKeyField(Program, backref="units", on_delete="RESTRICT")
    position = IntegerField()
    code = CharField(max_length=50, default="")  # free text: SKKNI codes vary in format
    title = CharField(max_length=300)
    hours = IntegerField(null=True)
    retired = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class Batch(BaseModel):
    """An angkatan: one program, one trainer, one period."""

    program = ForeignKeyField(Program, backref="batches", on_delete="RESTRICT")
    name = CharField(max_length=200)
    trainer = ForeignKeyField(User, null=True, backref="batches", on_delete="SET NULL")
    start_date = DateField()
    end_date = DateField()
    schedule = CharField(max_length=200, default="")  # e.g. "Sen-Jum 08:00-12:00"
    room = CharField(max_length=100, default="")
    capacity = IntegerField(default=20)
    status = CharField(max_length=20, default="direncanakan", index=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class Enrollment(BaseModel):
    batch = ForeignKeyField(Batch, backref="enrollments", on_delete="RESTRICT")
    resident = ForeignKeyField(Resident, backref="enrollments", on_delete="RESTRICT")
    start_date = DateField()
    end_date = DateField(null=True)
    status = CharField(max_length=20, default="aktif")  # aktif|lulus|mengundurkan_diri|dikeluarkan
    status_date = DateField(null=True)
    status_reason = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)

    class Meta:
        indexes = ((("batch", "resident"), True),)


class TrainingSession(BaseModel):
    batch = ForeignKeyField(Batch, backref="sessions", on_delete="RESTRICT")
    date = DateField(index=True)
    start_time = CharField(max_length=5, default="")  # HH:MM
    end_time = CharField(max_length=5, default="")
    topic = CharField(max_length=300, default="")
    trainer = ForeignKeyField(User, null=True, on_delete="SET NULL")
    notes = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class SessionUnit(BaseModel):
    """The competency units a session covered."""

    session = ForeignKeyField(TrainingSession, backref="unit_links", on_delete="CASCADE")
    unit = ForeignKeyField(CompetencyUnit, on_delete="RESTRICT")

    class Meta:
        indexes = ((("session", "unit"), True),)


class Attendance(BaseModel):
    session = ForeignKeyField(TrainingSession, backref="attendance", on_delete="CASCADE")
    enrollment = ForeignKeyField(Enrollment, backref="attendance", on_delete="RESTRICT")
    status = CharField(max_length=1)  # H | I | S | A
    note = CharField(max_length=300, default="")
    updated_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("session", "enrollment"), True),)


class UnitAssessment(BaseModel):
    """A verdict on one competency unit; re-assessment adds a row, the latest counts."""

    enrollment = ForeignKeyField(Enrollment, backref="unit_assessments", on_delete="RESTRICT")
    unit = ForeignKeyField(CompetencyUnit, backref="assessments", on_delete="RESTRICT")
    result = CharField(max_length=2)  # K | BK
    date = DateField()
    assessor = ForeignKeyField(User, null=True, on_delete="SET NULL")
    assessor_name = CharField(max_length=200, default="")
    method = CharField(max_length=20, default="observasi")
    score = IntegerField(null=True)
    evidence = TextField(default="")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("enrollment", "unit", "date"), False),)


class Certificate(BaseModel):
    """A competency certificate. What it states lives in ``snapshot`` (JSON) and
    never changes after issue; reprints render from it."""

    number = CharField(max_length=100, unique=True)
    year = IntegerField()
    sequence = IntegerField()
    resident = ForeignKeyField(Resident, backref="certificates", on_delete="RESTRICT")
    enrollment = ForeignKeyField(Enrollment, null=True, backref="certificates", on_delete="RESTRICT")
    program = ForeignKeyField(Program, on_delete="RESTRICT")
    batch = ForeignKeyField(Batch, null=True, on_delete="RESTRICT")
    snapshot = TextField()
    photo = BlobField(null=True)
    verification_code = CharField(max_length=40)
    # Ed25519-signed payload (domain.signed_payload) and its key id; empty for the
    # older certificates, which verify with their HMAC ``verification_code``.
    payload = TextField(default="")
    key_id = CharField(max_length=16, default="")
    qr = BlobField(null=True)  # the QR's modules, encoded once at issue (documents.certificate.qr_matrix)
    # ... and its PDF drawing, made then too (documents.certificate.qr_drawing): derived from qr,
    # redrawn when printed if missing or of an older format, so it may be set to NULL at any time
    qr_drawing = BlobField(null=True)
    status = CharField(max_length=20, default="berlaku")  # berlaku | dicabut
    override_reason = TextField(default="")
    issued_at = DateTimeField(default=utcnow)
    issued_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    revoked_at = DateTimeField(null=True)
    revoked_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    revoke_reason = TextField(default="")
    replaces = ForeignKeyField("self", null=True, backref="replaced_by", on_delete="RESTRICT")

    class Meta:
        indexes = ((("year", "sequence"), True),)


class AuditEvent(BaseModel):
    """Append-only: SQLite triggers refuse UPDATE and DELETE on this table."""

    at = DateTimeField(default=utcnow, index=True)
    user = ForeignKeyField(User, null=True, on_delete="RESTRICT")
    username = CharField(max_length=50, default="")  # kept as text too: survives anything
    action = CharField(max_length=30)  # create|update|delete|login|login_failed|export|print|...
    entity = CharField(max_length=50, default="")
    entity_id = IntegerField(null=True)

    class Meta:
        indexes = ((("entity", "entity_id"), False),)
    summary = TextField(default="")
    changes = TextField(default="")  # JSON {"field": [old, new], ...}
    # The tamper-evident chain (domain.audit_chain); written only by services.audit.
    prev_hash = CharField(max_length=64, null=True)
    hash = CharField(max_length=64, null=True)


# --- after training (issue 15, schema v7) ------------------------------------------


class Partner(BaseModel):
    """A mitra: a company, LKS, LSP or office the balai cooperates with."""

    name = CharField(max_length=200, index=True)
    kind = CharField(max_length=20)  # codes.PARTNER_KINDS
    address = TextField(default="")
    contact_name = CharField(max_length=200, default="")
    contact_phone = CharField(max_length=30, default="")
    agreement_number = CharField(max_length=100, default="")
    agreement_start = DateField(null=True)
    agreement_end = DateField(null=True)
    agreement_scope = TextField(default="")
    active = BooleanField(default=True)
    notes = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)


class Outcome(BaseModel):
    """What became of a PM after training or leaving (penempatan, magang, wirausaha, ...).

    Append-only: a correction is a newer row that names the row it corrects
    (``corrects``); the history stays.
    """

    resident = ForeignKeyField(Resident, backref="outcomes", on_delete="RESTRICT")
    date = DateField(index=True)
    kind = CharField(max_length=20)  # codes.OUTCOME_KINDS
    partner = ForeignKeyField(Partner, null=True, backref="outcomes", on_delete="RESTRICT")
    employer = CharField(max_length=200, default="")  # employer, school or other organisation
    position = CharField(max_length=200, default="")
    start_date = DateField(null=True)
    end_date = DateField(null=True)  # end of an internship
    wage_band = CharField(max_length=20, default="")  # codes.WAGE_BANDS
    business_kind = CharField(max_length=200, default="")
    support_received = BooleanField(default=False)  # bantuan modal/alat
    support_programme = CharField(max_length=100, default="")  # e.g. PENA
    support_value = IntegerField(null=True)  # rupiah
    note = TextField(default="")
    corrects = ForeignKeyField("self", null=True, backref="corrected_by", on_delete="RESTRICT")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)


class FollowUp(BaseModel):
    """A bimbingan lanjut contact: done (with date, how, finding) or missed.

    ``plan_months`` names the planned contact it answers (3, 6, 12 months after
    exit); None for an extra contact outside the plan.
    """

    resident = ForeignKeyField(Resident, backref="followups", on_delete="RESTRICT")
    plan_months = IntegerField(null=True)
    due_date = DateField(null=True)
    status = CharField(max_length=20)  # selesai | terlewat
    contact_date = DateField(null=True, index=True)
    how = CharField(max_length=20, default="")  # codes.FOLLOWUP_HOW
    finding = TextField(default="")
    staff = CharField(max_length=200, default="")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("resident", "plan_months"), False),)


class ProfileConsent(BaseModel):
    """A PM's consent (or its withdrawal) to share a graduate profile with partners."""

    resident = ForeignKeyField(Resident, backref="profile_consents", on_delete="RESTRICT")
    date = DateField()
    asked_by = CharField(max_length=200)
    given = BooleanField(default=True)
    note = TextField(default="")
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)


class RehabCertificate(BaseModel):
    """A Sertifikat Rehabilitasi Sosial: like ``Certificate``, what it states lives
    in ``snapshot`` (JSON) and never changes after issue."""

    number = CharField(max_length=100, unique=True)
    year = IntegerField()
    sequence = IntegerField()
    resident = ForeignKeyField(Resident, backref="rehab_certificates", on_delete="RESTRICT")
    snapshot = TextField()
    photo = BlobField(null=True)
    verification_code = CharField(max_length=40)
    payload = TextField(default="")  # a signed payload (Ed25519, issue 14) when the balai signs
    key_id = CharField(max_length=16, default="")
    status = CharField(max_length=20, default="berlaku")  # berlaku | dicabut
    issued_at = DateTimeField(default=utcnow)
    issued_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    revoked_at = DateTimeField(null=True)
    revoked_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    revoke_reason = TextField(default="")
    replaces = ForeignKeyField("self", null=True, backref="replaced_by", on_delete="RESTRICT")

    class Meta:
        indexes = ((("year", "sequence"), True),)


ALL_MODELS = [
    Setting,
    BalaiProfile,
    User,
    Resident,
    ResidentPhoto,
    Assessment,
    ServiceRecord,
    Program,
    CompetencyUnit,
    Batch,
    Enrollment,
    TrainingSession,
    SessionUnit,
    Attendance,
    UnitAssessment,
    Certificate,
    AuditEvent,
    Partner,
    Outcome,
    FollowUp,
    ProfileConsent,
    RehabCertificate,
]
