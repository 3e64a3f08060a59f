#!/usr/bin/env bash
# One e2e app server (started by scripts/e2e-servers.sh after the build): the production build on a
# fresh embedded database, on PORT with its database on E2E_DB_PORT.
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
unset DATABASE_URL
exec npx tsx --conditions=react-server scripts/launch.ts start
