-- Hand-written: the staff list (names, roles, active, teams) joins the reference data whose
-- cached copies lib/reference/cache.ts checks against ReferenceVersion. The queue's filter offers
-- it on every request. Only changes to staff bump the version: the mail intake creates customers'
-- accounts all day, and those must not empty every process's cache.
CREATE TRIGGER "User_staff_insert_reference_version" AFTER INSERT ON "User" FOR EACH ROW
  WHEN (NEW."role" NOT IN ('BENEFICIARY', 'EMPLOYER_CONTACT'))
  EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "User" ENABLE ALWAYS TRIGGER "User_staff_insert_reference_version";

CREATE TRIGGER "User_staff_update_reference_version" AFTER UPDATE OF "name", "role", "active" ON "User" FOR EACH ROW
  WHEN ((OLD."role" NOT IN ('BENEFICIARY', 'EMPLOYER_CONTACT') OR NEW."role" NOT IN ('BENEFICIARY', 'EMPLOYER_CONTACT'))
    AND (OLD."name", OLD."role", OLD."active") IS DISTINCT FROM (NEW."name", NEW."role", NEW."active"))
  EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "User" ENABLE ALWAYS TRIGGER "User_staff_update_reference_version";

CREATE TRIGGER "User_staff_delete_reference_version" AFTER DELETE ON "User" FOR EACH ROW
  WHEN (OLD."role" NOT IN ('BENEFICIARY', 'EMPLOYER_CONTACT'))
  EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "User" ENABLE ALWAYS TRIGGER "User_staff_delete_reference_version";

-- Per row, not per statement: deleting a customer's account cascades a statement to TeamMember
-- that removes nothing, and a statement trigger would fire for it all the same.
CREATE TRIGGER "TeamMember_reference_version" AFTER INSERT OR UPDATE OR DELETE ON "TeamMember"
  FOR EACH ROW EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "TeamMember" ENABLE ALWAYS TRIGGER "TeamMember_reference_version";
CREATE TRIGGER "TeamMember_truncate_reference_version" AFTER TRUNCATE ON "TeamMember"
  FOR EACH STATEMENT EXECUTE FUNCTION "reference_version_bump"();
ALTER TABLE "TeamMember" ENABLE ALWAYS TRIGGER "TeamMember_truncate_reference_version";
