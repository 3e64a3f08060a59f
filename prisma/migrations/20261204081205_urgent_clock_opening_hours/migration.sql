-- The urgent request's clock counts the employer line's opening hours instead of wall time, so a
-- Friday-afternoon request is not breached over the weekend: 7 hours of the 09:00-16:00 line is one
-- working day ("within 24 hours" on working days). Only a policy still at the old default changes.
-- A separate migration: PostgreSQL cannot use an enum value added in the same transaction.
UPDATE "SlaPolicy" SET "unit" = 'OPENING_HOURS', "amount" = 7, "lineKey" = 'EMPLOYER'
WHERE "key" = 'URGENT_REQUEST' AND "unit" = 'CALENDAR_HOURS' AND "amount" = 24;
