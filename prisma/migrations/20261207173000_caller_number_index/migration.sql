-- Hand-written (Prisma's schema cannot express an index on an expression). An incoming call's
-- screen pop looks the caller up by the digits of their stored number (lib/telephony/mutations.ts,
-- findCallerByNumber) with exactly this expression; without an index that read every account on
-- every ringing call: 364 ms through the app at 1,000,000 people, 1.6 ms with it (npm run bench:people).
CREATE INDEX "User_phone_digits_idx" ON "User" (regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g'));

-- The planner judges the expression by statistics of its own, which ANALYZE gathers; until then it
-- read the whole table (364 ms through the app right after the index was made, 0.2 ms after).
-- Autovacuum would analyze only after enough rows changed. This also covers the phone number
-- added to User's trigram index by *_people_search.
ANALYZE "User";
