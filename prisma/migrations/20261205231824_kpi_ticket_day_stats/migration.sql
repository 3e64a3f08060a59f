-- CreateTable
CREATE TABLE "TicketDayStat" (
    "day" DATE NOT NULL,
    "categoryId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "tickets" INTEGER NOT NULL,
    "questions" INTEGER NOT NULL,
    "fcr" INTEGER NOT NULL,

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

    CONSTRAINT "TicketDayDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TicketDayDelta_day_idx" ON "TicketDayDelta"("day");

-- Hand-written (Prisma does not model triggers): every insert, delete and change of a counted
-- column of "Ticket" appends its difference to "TicketDayDelta", by the ticket's Amsterdam
-- calendar day (createdAt is stored as UTC without a time zone). Inserts and deletes are counted
-- per statement from the transition table, so a bulk insert writes one delta per group rather
-- than one per ticket; an update only fires when a counted column changes (the WHEN clause is
-- checked without calling the function). Not ENABLE ALWAYS: a restore in replica mode brings its
-- own rollup rows and must not count the restored tickets again.
CREATE FUNCTION "ticket_day_delta_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "TicketDayDelta" ("day", "categoryId", "channel", "tickets", "questions", "fcr")
    SELECT ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, "categoryId", "channel",
           count(*), count(*) FILTER (WHERE NOT "senderUnverified"), count(*) FILTER (WHERE "firstContactResolution")
    FROM changed_rows GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO "TicketDayDelta" ("day", "categoryId", "channel", "tickets", "questions", "fcr")
    SELECT ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, "categoryId", "channel",
           -count(*), -count(*) FILTER (WHERE NOT "senderUnverified"), -count(*) FILTER (WHERE "firstContactResolution")
    FROM changed_rows GROUP BY 1, 2, 3;
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "ticket_day_delta_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TicketDayDelta" ("day", "categoryId", "channel", "tickets", "questions", "fcr") VALUES
    ((OLD."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, OLD."categoryId", OLD."channel",
     -1, CASE WHEN OLD."senderUnverified" THEN 0 ELSE -1 END, CASE WHEN OLD."firstContactResolution" THEN -1 ELSE 0 END),
    ((NEW."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, NEW."categoryId", NEW."channel",
     1, CASE WHEN NEW."senderUnverified" THEN 0 ELSE 1 END, CASE WHEN NEW."firstContactResolution" THEN 1 ELSE 0 END);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Ticket_day_delta_insert" AFTER INSERT ON "Ticket" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_day_delta_rows"();
CREATE TRIGGER "Ticket_day_delta_delete" AFTER DELETE ON "Ticket" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "ticket_day_delta_rows"();
CREATE TRIGGER "Ticket_day_delta_update" AFTER UPDATE ON "Ticket" FOR EACH ROW
  WHEN (OLD."createdAt" IS DISTINCT FROM NEW."createdAt" OR OLD."categoryId" IS DISTINCT FROM NEW."categoryId"
        OR OLD."channel" IS DISTINCT FROM NEW."channel" OR OLD."senderUnverified" IS DISTINCT FROM NEW."senderUnverified"
        OR OLD."firstContactResolution" IS DISTINCT FROM NEW."firstContactResolution")
  EXECUTE FUNCTION "ticket_day_delta_change"();

-- The tickets already there.
INSERT INTO "TicketDayStat" ("day", "categoryId", "channel", "tickets", "questions", "fcr")
SELECT ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Amsterdam')::date, "categoryId", "channel",
       count(*), count(*) FILTER (WHERE NOT "senderUnverified"), count(*) FILTER (WHERE "firstContactResolution")
FROM "Ticket" GROUP BY 1, 2, 3;
