-- Hand-written (Prisma's schema cannot express an expression index). The people searches also find
-- a client number typed without its signs ("k100232", "K 100 232" for K-100232), as it is read from
-- a letter or said on the phone (lib/people/search.ts, plainClientNumber): an exact match on the
-- number's letters and digits, lower-cased, which this index answers.
CREATE INDEX "User_clientNumber_plain_idx" ON "User" (regexp_replace(lower("clientNumber"), '[^a-z0-9]', '', 'g'));
