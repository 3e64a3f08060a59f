-- CreateTable
CREATE TABLE "ReferenceVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL,

    CONSTRAINT "ReferenceVersion_pkey" PRIMARY KEY ("id")
);

-- Hand-written (Prisma does not model sequences or triggers): every write to the reference data
-- sets the version from a sequence inside the writing transaction. A sequence never hands out a
-- value twice, also not after a rollback, so a version names exactly one committed state and a
-- cache entry loaded under it can never be mistaken for a later one.
CREATE SEQUENCE "ReferenceVersion_seq";
INSERT INTO "ReferenceVersion" ("id", "version") VALUES (1, nextval('"ReferenceVersion_seq"'));

CREATE FUNCTION "reference_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReferenceVersion" ("id", "version") VALUES (1, nextval('"ReferenceVersion_seq"'))
  ON CONFLICT ("id") DO UPDATE SET "version" = EXCLUDED."version";
  RETURN NULL;
END;
$$;

-- ENABLE ALWAYS: also when rows are restored with session_replication_role = replica.
CREATE TRIGGER "Setting_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Setting" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "Setting" ENABLE ALWAYS TRIGGER "Setting_reference_version";
CREATE TRIGGER "ClosureDay_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ClosureDay" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "ClosureDay" ENABLE ALWAYS TRIGGER "ClosureDay_reference_version";
CREATE TRIGGER "LineClosureDay_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "LineClosureDay" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "LineClosureDay" ENABLE ALWAYS TRIGGER "LineClosureDay_reference_version";
CREATE TRIGGER "OpeningHours_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "OpeningHours" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "OpeningHours" ENABLE ALWAYS TRIGGER "OpeningHours_reference_version";
CREATE TRIGGER "ContactLine_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ContactLine" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "ContactLine" ENABLE ALWAYS TRIGGER "ContactLine_reference_version";
CREATE TRIGGER "SlaPolicy_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SlaPolicy" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "SlaPolicy" ENABLE ALWAYS TRIGGER "SlaPolicy_reference_version";
CREATE TRIGGER "TicketCategory_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TicketCategory" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "TicketCategory" ENABLE ALWAYS TRIGGER "TicketCategory_reference_version";
CREATE TRIGGER "Team_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Team" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "Team" ENABLE ALWAYS TRIGGER "Team_reference_version";
CREATE TRIGGER "MailTemplate_reference_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MailTemplate" FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "MailTemplate" ENABLE ALWAYS TRIGGER "MailTemplate_reference_version";
