-- Schema version 1 (frozen: later changes are new migration steps, never edits here).

CREATE TABLE "resident" ("id" INTEGER NOT NULL PRIMARY KEY, "nik" VARCHAR(16), "nik_missing_reason" VARCHAR(200) NOT NULL, "no_kk" VARCHAR(16) NOT NULL, "name" VARCHAR(200) NOT NULL, "sex" VARCHAR(1) NOT NULL, "birth_place" VARCHAR(100) NOT NULL, "birth_date" DATE, "klaster" VARCHAR(20) NOT NULL, "disabilities" VARCHAR(200) NOT NULL, "religion" VARCHAR(30) NOT NULL, "education" VARCHAR(30) NOT NULL, "address" TEXT NOT NULL, "guardian_name" VARCHAR(200) NOT NULL, "guardian_relation" VARCHAR(50) NOT NULL, "guardian_phone" VARCHAR(30) NOT NULL, "entry_date" DATE NOT NULL, "referral_source" VARCHAR(200) NOT NULL, "status" VARCHAR(20) NOT NULL, "exit_date" DATE, "exit_reason" TEXT NOT NULL, "notes" TEXT NOT NULL, "search_text" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL);

CREATE TABLE "user" ("id" INTEGER NOT NULL PRIMARY KEY, "username" VARCHAR(50) NOT NULL, "full_name" VARCHAR(200) NOT NULL, "role" VARCHAR(20) NOT NULL, "password_hash" VARCHAR(200) NOT NULL, "must_change_password" INTEGER NOT NULL, "active" INTEGER NOT NULL, "failed_logins" INTEGER NOT NULL, "locked_until" DATETIME, "nip" VARCHAR(18) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL);

CREATE TABLE "assessment" ("id" INTEGER NOT NULL PRIMARY KEY, "resident_id" INTEGER NOT NULL, "date" DATE NOT NULL, "assessor" VARCHAR(200) NOT NULL, "physical" TEXT NOT NULL, "mental" TEXT NOT NULL, "social" TEXT NOT NULL, "family" TEXT NOT NULL, "vocational_interest" TEXT NOT NULL, "summary" TEXT NOT NULL, "recommendation" TEXT NOT NULL, "created_by_id" INTEGER, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL, FOREIGN KEY ("resident_id") REFERENCES "resident" ("id") ON DELETE RESTRICT, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE SET NULL);

CREATE TABLE "program" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(10) NOT NULL, "name" VARCHAR(200) NOT NULL, "description" TEXT NOT NULL, "field" VARCHAR(200) NOT NULL, "hours" INTEGER, "weeks" INTEGER, "min_attendance" INTEGER NOT NULL, "is_sample" INTEGER NOT NULL, "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL);

CREATE TABLE "batch" ("id" INTEGER NOT NULL PRIMARY KEY, "program_id" INTEGER NOT NULL, "name" VARCHAR(200) NOT NULL, "trainer_id" INTEGER, "start_date" DATE NOT NULL, "end_date" DATE NOT NULL, "schedule" VARCHAR(200) NOT NULL, "room" VARCHAR(100) NOT NULL, "capacity" INTEGER NOT NULL, "status" VARCHAR(20) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL, FOREIGN KEY ("program_id") REFERENCES "program" ("id") ON DELETE RESTRICT, FOREIGN KEY ("trainer_id") REFERENCES "user" ("id") ON DELETE SET NULL);

CREATE TABLE "training_session" ("id" INTEGER NOT NULL PRIMARY KEY, "batch_id" INTEGER NOT NULL, "date" DATE NOT NULL, "start_time" VARCHAR(5) NOT NULL, "end_time" VARCHAR(5) NOT NULL, "topic" VARCHAR(300) NOT NULL, "trainer_id" INTEGER, "notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL, FOREIGN KEY ("batch_id") REFERENCES "batch" ("id") ON DELETE RESTRICT, FOREIGN KEY ("trainer_id") REFERENCES "user" ("id") ON DELETE SET NULL);

CREATE TABLE "enrollment" ("id" INTEGER NOT NULL PRIMARY KEY, "batch_id" INTEGER NOT NULL, "resident_id" INTEGER NOT NULL, "start_date" DATE NOT NULL, "end_date" DATE, "status" VARCHAR(20) NOT NULL, "status_date" DATE, "status_reason" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL, FOREIGN KEY ("batch_id") REFERENCES "batch" ("id") ON DELETE RESTRICT, FOREIGN KEY ("resident_id") REFERENCES "resident" ("id") ON DELETE RESTRICT);

CREATE TABLE "attendance" ("id" INTEGER NOT NULL PRIMARY KEY, "session_id" INTEGER NOT NULL, "enrollment_id" INTEGER NOT NULL, "status" VARCHAR(1) NOT NULL, "note" VARCHAR(300) NOT NULL, "updated_by_id" INTEGER, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("session_id") REFERENCES "training_session" ("id") ON DELETE CASCADE, FOREIGN KEY ("enrollment_id") REFERENCES "enrollment" ("id") ON DELETE RESTRICT, FOREIGN KEY ("updated_by_id") REFERENCES "user" ("id") ON DELETE SET NULL);

CREATE TABLE "audit_event" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "user_id" INTEGER, "username" VARCHAR(50) NOT NULL, "action" VARCHAR(30) NOT NULL, "entity" VARCHAR(50) NOT NULL, "entity_id" INTEGER, "summary" TEXT NOT NULL, "changes" TEXT NOT NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE RESTRICT);

CREATE TABLE "balai_profile" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(200) NOT NULL, "code" VARCHAR(20) NOT NULL, "address" TEXT NOT NULL, "city" VARCHAR(100) NOT NULL, "phone" VARCHAR(50) NOT NULL, "logo" BLOB, "head_name" VARCHAR(200) NOT NULL, "head_nip" VARCHAR(18) NOT NULL, "head_title" VARCHAR(200) NOT NULL, "is_demo" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL);

CREATE TABLE "certificate" ("id" INTEGER NOT NULL PRIMARY KEY, "number" VARCHAR(100) NOT NULL, "year" INTEGER NOT NULL, "sequence" INTEGER NOT NULL, "resident_id" INTEGER NOT NULL, "enrollment_id" INTEGER, "program_id" INTEGER NOT NULL, "batch_id" INTEGER, "snapshot" TEXT NOT NULL, "photo" BLOB, "verification_code" VARCHAR(40) NOT NULL, "status" VARCHAR(20) NOT NULL, "override_reason" TEXT NOT NULL, "issued_at" DATETIME NOT NULL, "issued_by_id" INTEGER, "revoked_at" DATETIME, "revoked_by_id" INTEGER, "revoke_reason" TEXT NOT NULL, "replaces_id" INTEGER, FOREIGN KEY ("resident_id") REFERENCES "resident" ("id") ON DELETE RESTRICT, FOREIGN KEY ("enrollment_id") REFERENCES "enrollment" ("id") ON DELETE RESTRICT, FOREIGN KEY ("program_id") REFERENCES "program" ("id") ON DELETE RESTRICT, FOREIGN KEY ("batch_id") REFERENCES "batch" ("id") ON DELETE RESTRICT, FOREIGN KEY ("issued_by_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("revoked_by_id") REFERENCES "user" ("id") ON DELETE SET NULL, FOREIGN KEY ("replaces_id") REFERENCES "certificate" ("id") ON DELETE RESTRICT);

CREATE TABLE "competency_unit" ("id" INTEGER NOT NULL PRIMARY KEY, "program_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "code" VARCHAR(50) NOT NULL, "title" VARCHAR(300) NOT NULL, "hours" INTEGER, "retired" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL, FOREIGN KEY ("program_id") REFERENCES "program" ("id") ON DELETE RESTRICT);

CREATE TABLE "resident_photo" ("id" INTEGER NOT NULL PRIMARY KEY, "resident_id" INTEGER NOT NULL, "image" BLOB NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("resident_id") REFERENCES "resident" ("id") ON DELETE CASCADE);

CREATE TABLE "service_record" ("id" INTEGER NOT NULL PRIMARY KEY, "resident_id" INTEGER NOT NULL, "date" DATE NOT NULL, "kind" VARCHAR(30) NOT NULL, "description" TEXT NOT NULL, "staff" VARCHAR(200) NOT NULL, "created_by_id" INTEGER, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL, FOREIGN KEY ("resident_id") REFERENCES "resident" ("id") ON DELETE RESTRICT, FOREIGN KEY ("created_by_id") REFERENCES "user" ("id") ON DELETE SET NULL);

CREATE TABLE "session_unit" ("id" INTEGER NOT NULL PRIMARY KEY, "session_id" INTEGER NOT NULL, "unit_id" INTEGER NOT NULL, FOREIGN KEY ("session_id") REFERENCES "training_session" ("id") ON DELETE CASCADE, FOREIGN KEY ("unit_id") REFERENCES "competency_unit" ("id") ON DELETE RESTRICT);

CREATE TABLE "setting" ("key" VARCHAR(100) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);

CREATE TABLE "unit_assessment" ("id" INTEGER NOT NULL PRIMARY KEY, "enrollment_id" INTEGER NOT NULL, "unit_id" INTEGER NOT NULL, "result" VARCHAR(2) NOT NULL, "date" DATE NOT NULL, "assessor_id" INTEGER, "assessor_name" VARCHAR(200) NOT NULL, "method" VARCHAR(20) NOT NULL, "score" INTEGER, "evidence" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("enrollment_id") REFERENCES "enrollment" ("id") ON DELETE RESTRICT, FOREIGN KEY ("unit_id") REFERENCES "competency_unit" ("id") ON DELETE RESTRICT, FOREIGN KEY ("assessor_id") REFERENCES "user" ("id") ON DELETE SET NULL);

CREATE UNIQUE INDEX "resident_nik" ON "resident" ("nik");

CREATE INDEX "resident_name" ON "resident" ("name");

CREATE INDEX "resident_klaster" ON "resident" ("klaster");

CREATE INDEX "resident_entry_date" ON "resident" ("entry_date");

CREATE INDEX "resident_status" ON "resident" ("status");

CREATE UNIQUE INDEX "user_username" ON "user" ("username");

CREATE INDEX "assessment_resident_id" ON "assessment" ("resident_id");

CREATE INDEX "assessment_created_by_id" ON "assessment" ("created_by_id");

CREATE UNIQUE INDEX "program_code" ON "program" ("code");

CREATE INDEX "batch_program_id" ON "batch" ("program_id");

CREATE INDEX "batch_trainer_id" ON "batch" ("trainer_id");

CREATE INDEX "batch_status" ON "batch" ("status");

CREATE INDEX "training_session_batch_id" ON "training_session" ("batch_id");

CREATE INDEX "training_session_date" ON "training_session" ("date");

CREATE INDEX "training_session_trainer_id" ON "training_session" ("trainer_id");

CREATE INDEX "enrollment_batch_id" ON "enrollment" ("batch_id");

CREATE INDEX "enrollment_resident_id" ON "enrollment" ("resident_id");

CREATE UNIQUE INDEX "enrollment_batch_id_resident_id" ON "enrollment" ("batch_id", "resident_id");

CREATE INDEX "attendance_session_id" ON "attendance" ("session_id");

CREATE INDEX "attendance_enrollment_id" ON "attendance" ("enrollment_id");

CREATE INDEX "attendance_updated_by_id" ON "attendance" ("updated_by_id");

CREATE UNIQUE INDEX "attendance_session_id_enrollment_id" ON "attendance" ("session_id", "enrollment_id");

CREATE INDEX "audit_event_at" ON "audit_event" ("at");

CREATE INDEX "audit_event_user_id" ON "audit_event" ("user_id");

CREATE INDEX "audit_event_entity_entity_id" ON "audit_event" ("entity", "entity_id");

CREATE UNIQUE INDEX "certificate_number" ON "certificate" ("number");

CREATE INDEX "certificate_resident_id" ON "certificate" ("resident_id");

CREATE INDEX "certificate_enrollment_id" ON "certificate" ("enrollment_id");

CREATE INDEX "certificate_program_id" ON "certificate" ("program_id");

CREATE INDEX "certificate_batch_id" ON "certificate" ("batch_id");

CREATE INDEX "certificate_issued_by_id" ON "certificate" ("issued_by_id");

CREATE INDEX "certificate_revoked_by_id" ON "certificate" ("revoked_by_id");

CREATE INDEX "certificate_replaces_id" ON "certificate" ("replaces_id");

CREATE UNIQUE INDEX "certificate_year_sequence" ON "certificate" ("year", "sequence");

CREATE INDEX "competency_unit_program_id" ON "competency_unit" ("program_id");

CREATE UNIQUE INDEX "resident_photo_resident_id" ON "resident_photo" ("resident_id");

CREATE INDEX "service_record_resident_id" ON "service_record" ("resident_id");

CREATE INDEX "service_record_created_by_id" ON "service_record" ("created_by_id");

CREATE INDEX "session_unit_session_id" ON "session_unit" ("session_id");

CREATE INDEX "session_unit_unit_id" ON "session_unit" ("unit_id");

CREATE UNIQUE INDEX "session_unit_session_id_unit_id" ON "session_unit" ("session_id", "unit_id");

CREATE INDEX "unit_assessment_enrollment_id" ON "unit_assessment" ("enrollment_id");

CREATE INDEX "unit_assessment_unit_id" ON "unit_assessment" ("unit_id");

CREATE INDEX "unit_assessment_assessor_id" ON "unit_assessment" ("assessor_id");

CREATE INDEX "unit_assessment_enrollment_id_unit_id_date" ON "unit_assessment" ("enrollment_id", "unit_id", "date");


-- The audit trail is append-only, whatever code runs against this file.
CREATE TRIGGER "audit_event_no_update" BEFORE UPDATE ON "audit_event"
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;

CREATE TRIGGER "audit_event_no_delete" BEFORE DELETE ON "audit_event"
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
