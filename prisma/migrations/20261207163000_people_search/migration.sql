-- Hand-written (Prisma's schema cannot express it). The people searches (the phone desk's caller
-- search, the beneficiaries list, the privacy desk, the audit reader) now test the lower-cased
-- columns that User's trigram index holds (lib/people/search.ts); through Prisma's ILIKE on the bare
-- columns they read every account, 1.0-1.5 s a search at 1,000,000 people. The caller search also
-- looks for a part of a phone number: the index gets the number beside the name, address and
-- client number.
DROP INDEX "User_search_trgm_idx";
CREATE INDEX "User_search_trgm_idx" ON "User" USING gin (
  lower("name") gin_trgm_ops,
  lower("email") gin_trgm_ops,
  lower(coalesce("clientNumber", '')) gin_trgm_ops,
  coalesce("phone", '') gin_trgm_ops
);

-- A common text (more than RARE_PEOPLE accounts hold it) is found by walking the accounts in name
-- order until the page is full, as the lists show them.
CREATE INDEX "User_name_id_idx" ON "User"("name", "id");
