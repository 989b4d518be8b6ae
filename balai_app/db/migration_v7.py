"""Schema version 7 (issue 15): life after training, and ATENSI as the regulation names it.

Frozen like ``schema_v1.sql``: these are copies of the models as they stood
when v7 was released, so that later edits of ``models.py`` never change what
this step creates. The tables are made through peewee (``create_tables``), and
the two data statements are plain portable SQL, so the step runs on SQLite and
on PostgreSQL alike.

- new tables: partner, outcome, follow_up, profile_consent, rehab_certificate;
- ``service_record.subkind`` and indexes on ``service_record.date`` and
  ``resident.exit_date``; the five old service kinds are mapped onto the
  seven forms of Permensos 7/2021 (amended by 7/2022): kebutuhan_dasar ->
  hidup_layak, pengasuhan -> perawatan_sosial, terapi -> terapi with sub-kind
  "belum_dirinci"; dukungan_keluarga and vokasional keep their codes. No row
  is added or removed and no PM or date changes.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

# kind of schema v1-v6 -> (kind of v7, subkind)
SERVICE_KIND_MAP = {
    "kebutuhan_dasar": ("hidup_layak", ""),
    "pengasuhan": ("perawatan_sosial", ""),
    "terapi": ("terapi", "belum_dirinci"),
    "dukungan_keluarga": ("dukungan_keluarga", ""),
    "vokasional": ("vokasional", ""),
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class _Base(Model):
    class Meta:
        legacy_table_names = False


class _User(_Base):
    class Meta:
        table_name = "user"


class _Resident(_Base):
    class Meta:
        table_name = "resident"


class _Partner(_Base):
    name = CharField(max_length=200, index=True)
    kind = CharField(max_length=20)
    address = TextField(default="")
    contact_name = CharField(max_length=200, default="")
    contact_phone = CharField(max_length=30, default="")
    agreement_number = CharField(max_length=100, default="")
    agreement_start = DateField(null=True)
    agreement_end = DateField(null=True)
    agreement_scope = TextField(default="")
    active = BooleanField(default=True)
    notes = TextField(default="")
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    version = IntegerField(default=1)

    class Meta:
        table_name = "partner"


class _Outcome(_Base):
    resident = ForeignKeyField(_Resident, on_delete="RESTRICT")
    date = DateField(index=True)
    kind = CharField(max_length=20)
    partner = ForeignKeyField(_Partner, null=True, on_delete="RESTRICT")
    employer = CharField(max_length=200, default="")
    position = CharField(max_length=200, default="")
    start_date = DateField(null=True)
    end_date = DateField(null=True)
    wage_band = CharField(max_length=20, default="")
    business_kind = CharField(max_length=200, default="")
    support_received = BooleanField(default=False)
    support_programme = CharField(max_length=100, default="")
    support_value = IntegerField(null=True)
    note = TextField(default="")
    corrects = ForeignKeyField("self", null=True, on_delete="RESTRICT")
    created_by = ForeignKeyField(_User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=_now)

    class Meta:
        table_name = "outcome"


class _FollowUp(_Base):
    resident = ForeignKeyField(_Resident, on_delete="RESTRICT")
    plan_months = IntegerField(null=True)
    due_date = DateField(null=True)
    status = CharField(max_length=20)
    contact_date = DateField(null=True, index=True)
    how = CharField(max_length=20, default="")
    finding = TextField(default="")
    staff = CharField(max_length=200, default="")
    created_by = ForeignKeyField(_User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=_now)

    class Meta:
        table_name = "follow_up"
        indexes = ((("resident", "plan_months"), False),)


class _ProfileConsent(_Base):
    resident = ForeignKeyField(_Resident, on_delete="RESTRICT")
    date = DateField()
    asked_by = CharField(max_length=200)
    given = BooleanField(default=True)
    note = TextField(default="")
    created_by = ForeignKeyField(_User, null=True, on_delete="SET NULL")
    created_at = DateTimeField(default=_now)

    class Meta:
        table_name = "profile_consent"


class _RehabCertificate(_Base):
    number = CharField(max_length=100, unique=True)
    year = IntegerField()
    sequence = IntegerField()
    resident = ForeignKeyField(_Resident, on_delete="RESTRICT")
    snapshot = TextField()
    photo = BlobField(null=True)
    verification_code = CharField(max_length=40)
    payload = TextField(default="")  # a signed payload (Ed25519, issue 14) when the balai signs
    key_id = CharField(max_length=16, default="")
    status = CharField(max_length=20, default="berlaku")
    issued_at = DateTimeField(default=_now)
    issued_by = ForeignKeyField(_User, null=True, on_delete="SET NULL")
    revoked_at = DateTimeField(null=True)
    revoked_by = ForeignKeyField(_User, null=True, on_delete="SET NULL")
    revoke_reason = TextField(default="")
    replaces = ForeignKeyField("self", null=True, on_delete="RESTRICT")

    class Meta:
        table_name = "rehab_certificate"
        indexes = ((("year", "sequence"), True),)


NEW_TABLES = [_Partner, _Outcome, _FollowUp, _ProfileConsent, _RehabCertificate]


def apply(db) -> None:
    """Migration step 7 (runs inside the step's transaction)."""
    with db.bind_ctx([_User, _Resident, *NEW_TABLES]):
        db.create_tables(NEW_TABLES, safe=False)
    db.execute_sql("ALTER TABLE service_record ADD COLUMN subkind VARCHAR(30) NOT NULL DEFAULT ''")
    # The monthly report counts services by date (150,000 rows in a 10-year balai).
    db.execute_sql('CREATE INDEX "service_record_date" ON "service_record" ("date")')
    # ... and PMs who left in (or a year before) the period, for exits and aftercare.
    db.execute_sql('CREATE INDEX "resident_exit_date" ON "resident" ("exit_date")')
    for old, (new, subkind) in SERVICE_KIND_MAP.items():
        db.execute_sql("UPDATE service_record SET kind = ?, subkind = ? WHERE kind = ?", (new, subkind, old))
