-- Hand-written (Prisma's schema cannot express these). The queue's search finds a text anywhere in
-- a ticket's number, subject, requester, organisation and messages. Without an index it tested
-- every open ticket in queue order: at 1,000,000 tickets a search that matched nothing took 2.3 s
-- and part of a ticket number 1.0 s (npm run bench:queue -- --million). Trigram indexes answer
-- "contains" for any text of three characters or more. pg_trgm is a trusted extension: the
-- database's owner may create it (PostgreSQL 13 and later); the embedded PGlite loads it too
-- (lib/db/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Ticket_search_trgm_idx" ON "Ticket" USING gin (
  "number" gin_trgm_ops,
  lower("subject") gin_trgm_ops,
  lower(coalesce("requesterName", '')) gin_trgm_ops,
  lower(coalesce("requesterEmail", '')) gin_trgm_ops
);

CREATE INDEX "User_search_trgm_idx" ON "User" USING gin (
  lower("name") gin_trgm_ops,
  lower("email") gin_trgm_ops,
  lower(coalesce("clientNumber", '')) gin_trgm_ops
);

CREATE INDEX "Organisation_search_trgm_idx" ON "Organisation" USING gin (
  lower("name") gin_trgm_ops,
  lower("externalNumber") gin_trgm_ops
);

CREATE INDEX "Message_search_trgm_idx" ON "Message" USING gin (lower("body") gin_trgm_ops);
