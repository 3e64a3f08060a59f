#!/usr/bin/env bash
# The server the e2e tests run against: a production build on a fresh embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
export LOKET_DATA_DIR=".data/e2e-${PORT:-3100}"
export LOKET_DB_PORT="${E2E_DB_PORT:-54339}"
# The demo data must stay as seeded while the specs run: no sweeps, no mail intake.
export LOKET_BACKGROUND=off
export AUTH_SECRET="${AUTH_SECRET:-e2e-only-secret-not-for-production}"
# The telephone platform's signing secret; the CTI spec signs its events with the same value.
export LOKET_CTI_SECRET="${LOKET_CTI_SECRET:-whsec_ZTJlLW9ubHktY3RpLXNlY3JldA==}"
rm -rf "$LOKET_DATA_DIR"
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then
  # The message slices follow the client components (a unit test checks the committed file).
  npx tsx scripts/client-namespaces.ts >/dev/null
  npx next build
fi
unset DATABASE_URL
exec npx tsx --conditions=react-server scripts/launch.ts start
