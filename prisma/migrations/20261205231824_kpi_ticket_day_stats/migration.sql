-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "firstAnswerAt" TIMESTAMP(3),
ADD COLUMN     "firstAnswerDueAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CallbackAppointment" ADD COLUMN     "firstAttemptAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TicketDayStat" (
    "day" DATE NOT NULL,
    "categoryId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "tickets" INTEGER NOT NULL,
    "questions" INTEGER NOT NULL,
    "fcr" INTEGER NOT NULL,
    "writtenAnswered" INTEGER NOT NULL DEFAULT 0,
    "writtenInTime" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TicketDayStat_pkey" PRIMARY KEY ("day","categoryId","channel")
);

-- CreateTable
CREATE TABLE "TicketDayDelta" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "categoryId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "tickets" INTEGER NOT NULL,
    "questions" INTEGER NOT NULL,
    "fcr" INTEGER NOT NULL,
    "writtenAnswered" INTEGER NOT NULL DEFAULT 0,
    "writtenInTime" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TicketDayDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TicketDayDelta_day_idx" ON "TicketDayDelta"("day");


-- Hand-written from here (Prisma does not model triggers or partial indexes).
--
-- The KPI page's ticket counts per Amsterdam calendar day, category and channel (lib/kpi/day-stats.ts):
-- every insert, delete and change of a counted column of "Ticket" appends its difference to
-- "TicketDayDelta", by the ticket's Amsterdam day (createdAt is stored as UTC without a time zone);
-- the kpiRollup sweep folds the deltas into "TicketDayStat". Inserts and deletes are counted per
-- statement from the transition table, so a bulk insert writes one delta per group; an update fires
-- only when what it counts changes (the WHEN clause is checked without calling the function). Not
-- ENABLE ALWAYS: a restore in replica mode brings its own rollup rows and must not count the
-- restored tickets again.

-- A written question (portal, mail or letter under the written-question policy) answered, and answered
-- before its due time: the first answer's due time where one was recorded, else the ticket's own.
CREATE FUNCTION "ticket_kpi_written_answered"("channel" "Channel", "policy" TEXT, "answeredAt" TIMESTAMP(3)) RETURNS BOOLEAN
  LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE("channel" IN ('PORTAL', 'EMAIL', 'LETTER') AND "policy" = 'WRITTEN_QUESTION' AND "answeredAt" IS NOT NULL, false)
$$;
CREATE FUNCTION "ticket_kpi_written_in_time"("channel" "Channel", "policy" TEXT, "answeredAt" TIMESTAMP(3), "firstDueAt" TIMESTAMP(3), "dueAt" TIMESTAMP(3)) RETURNS BOOLEAN
  LANGUAGE sql IMMUTABLE AS $$
  SELECT "ticket_kpi_written_answered"("channel", "policy", "answeredAt") AND COALESCE("answeredAt" <= COALESCE("firstDueAt", "dueAt"), false)
$$;

CREATE FUNCTION "ticket_day_delta_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign INTEGER := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  INSERT INTO "TicketDayDelta" ("day", "categoryId", "channel", "tickets", "questions", "fcr", "writtenAnswered", "writtenInTime")
  SELECT ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, "categoryId", "channel",
         sign * count(*), sign * count(*) FILTER (WHERE NOT "senderUnverified"), sign * count(*) FILTER (WHERE "firstContactResolution"),
         sign * count(*) FILTER (WHERE "ticket_kpi_written_answered"("channel", "slaPolicyKey", "firstResponseAt")),
         sign * count(*) FILTER (WHERE "ticket_kpi_written_in_time"("channel", "slaPolicyKey", "firstResponseAt", "firstAnswerDueAt", "slaDueAt"))
  FROM changed_rows GROUP BY 1, 2, 3;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ticket_day_delta_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TicketDayDelta" ("day", "categoryId", "channel", "tickets", "questions", "fcr", "writtenAnswered", "writtenInTime") VALUES
    ((OLD."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, OLD."categoryId", OLD."channel", -1,
     CASE WHEN OLD."senderUnverified" THEN 0 ELSE -1 END, CASE WHEN OLD."firstContactResolution" THEN -1 ELSE 0 END,
     CASE WHEN "ticket_kpi_written_answered"(OLD."channel", OLD."slaPolicyKey", OLD."firstResponseAt") THEN -1 ELSE 0 END,
     CASE WHEN "ticket_kpi_written_in_time"(OLD."channel", OLD."slaPolicyKey", OLD."firstResponseAt", OLD."firstAnswerDueAt", OLD."slaDueAt") THEN -1 ELSE 0 END),
    ((NEW."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, NEW."categoryId", NEW."channel", 1,
     CASE WHEN NEW."senderUnverified" THEN 0 ELSE 1 END, CASE WHEN NEW."firstContactResolution" THEN 1 ELSE 0 END,
     CASE WHEN "ticket_kpi_written_answered"(NEW."channel", NEW."slaPolicyKey", NEW."firstResponseAt") THEN 1 ELSE 0 END,
     CASE WHEN "ticket_kpi_written_in_time"(NEW."channel", NEW."slaPolicyKey", NEW."firstResponseAt", NEW."firstAnswerDueAt", NEW."slaDueAt") THEN 1 ELSE 0 END);
  RETURN NULL;
END;
$$;

-- The first answer's due time, from the sla.answered event however it was written (an answer, the
-- seed, an import): the earliest event wins, as the KPI always read it.
CREATE FUNCTION "ticket_first_answer"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ticket" SET "firstAnswerAt" = NEW."createdAt", "firstAnswerDueAt" = (NEW."data"->>'dueAt')::timestamp(3)
  WHERE "id" = NEW."ticketId" AND ("firstAnswerAt" IS NULL OR "firstAnswerAt" > NEW."createdAt");
  RETURN NULL;
END;
$$;

-- The tickets already there: their first answers, then their counts.
UPDATE "Ticket" t SET "firstAnswerAt" = f."createdAt", "firstAnswerDueAt" = f."dueAt"
FROM (
  SELECT DISTINCT ON ("ticketId") "ticketId", "createdAt", ("data"->>'dueAt')::timestamp(3) AS "dueAt"
  FROM "TicketEvent" WHERE "kind" = 'sla.answered' ORDER BY "ticketId", "createdAt"
) f
WHERE t."id" = f."ticketId";

INSERT INTO "TicketDayStat" ("day", "categoryId", "channel", "tickets", "questions", "fcr", "writtenAnswered", "writtenInTime")
SELECT ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, "categoryId", "channel",
       count(*), count(*) FILTER (WHERE NOT "senderUnverified"), count(*) FILTER (WHERE "firstContactResolution"),
       count(*) FILTER (WHERE "ticket_kpi_written_answered"("channel", "slaPolicyKey", "firstResponseAt")),
       count(*) FILTER (WHERE "ticket_kpi_written_in_time"("channel", "slaPolicyKey", "firstResponseAt", "firstAnswerDueAt", "slaDueAt"))
FROM "Ticket" GROUP BY 1, 2, 3;

CREATE TRIGGER "Ticket_day_delta_insert" AFTER INSERT ON "Ticket" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_day_delta_rows"();
CREATE TRIGGER "Ticket_day_delta_delete" AFTER DELETE ON "Ticket" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_day_delta_rows"();
CREATE TRIGGER "Ticket_day_delta_update" AFTER UPDATE ON "Ticket" FOR EACH ROW
  WHEN (OLD."createdAt" IS DISTINCT FROM NEW."createdAt" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId"
        OR OLD."channel" IS DISTINCT FROM NEW."channel" OR OLD."senderUnverified" IS DISTINCT FROM NEW."senderUnverified"
        OR OLD."firstContactResolution" IS DISTINCT FROM NEW."firstContactResolution"
        OR "ticket_kpi_written_answered"(OLD."channel", OLD."slaPolicyKey", OLD."firstResponseAt")
           IS DISTINCT FROM "ticket_kpi_written_answered"(NEW."channel", NEW."slaPolicyKey", NEW."firstResponseAt")
        OR "ticket_kpi_written_in_time"(OLD."channel", OLD."slaPolicyKey", OLD."firstResponseAt", OLD."firstAnswerDueAt", OLD."slaDueAt")
           IS DISTINCT FROM "ticket_kpi_written_in_time"(NEW."channel", NEW."slaPolicyKey", NEW."firstResponseAt", NEW."firstAnswerDueAt", NEW."slaDueAt"))
  EXECUTE FUNCTION "ticket_day_delta_change"();
CREATE TRIGGER "TicketEvent_first_answer" AFTER INSERT ON "TicketEvent" FOR EACH ROW
  WHEN (NEW."kind" = 'sla.answered') EXECUTE FUNCTION "ticket_first_answer"();

-- Written questions not answered yet: the KPI counts those past their due time live, as "now" moves.
CREATE INDEX "Ticket_written_unanswered_idx" ON "Ticket" ("createdAt", "slaDueAt")
  WHERE "firstResponseAt" IS NULL AND "slaPolicyKey" = 'WRITTEN_QUESTION' AND "channel" IN ('PORTAL', 'EMAIL', 'LETTER');

-- Each appointment's first call attempt, however the attempt was written (lib/kpi/queries.ts callbackFigures).
CREATE FUNCTION "callback_first_attempt"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "CallbackAppointment" SET "firstAttemptAt" = NEW."attemptedAt"
    WHERE "id" = NEW."appointmentId" AND ("firstAttemptAt" IS NULL OR "firstAttemptAt" > NEW."attemptedAt");
  ELSE
    -- Attempts are not moved or removed by the app; should one be, its appointments are recounted.
    UPDATE "CallbackAppointment" a SET "firstAttemptAt" = (SELECT min(x."attemptedAt") FROM "CallbackAttempt" x WHERE x."appointmentId" = a."id")
    WHERE a."id" IN (OLD."appointmentId", CASE WHEN TG_OP = 'UPDATE' THEN NEW."appointmentId" END);
  END IF;
  RETURN NULL;
END;
$$;
UPDATE "CallbackAppointment" a SET "firstAttemptAt" = f."first"
FROM (SELECT "appointmentId", min("attemptedAt") AS "first" FROM "CallbackAttempt" GROUP BY 1) f
WHERE a."id" = f."appointmentId";
CREATE TRIGGER "CallbackAttempt_first_attempt" AFTER INSERT OR DELETE OR UPDATE OF "attemptedAt", "appointmentId" ON "CallbackAttempt" FOR EACH ROW
  EXECUTE FUNCTION "callback_first_attempt"();
