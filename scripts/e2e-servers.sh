#!/usr/bin/env bash
# The e2e run's app servers (tests/e2e/servers.ts): one production build, then every server at once,
# each on its own fresh embedded database. E2E_SERVERS lists them as "port:dbPort" pairs. Started
# one after another they waited on each other's migrate and seed (about 12 s a server).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${E2E_SKIP_BUILD:-}" != "1" ]; then
  # The message slices follow the client components (a unit test checks the committed file).
  npx tsx scripts/client-namespaces.ts >/dev/null
  npx next build
fi
for server in ${E2E_SERVERS:?E2E_SERVERS lists the servers as port:dbPort pairs}; do
  PORT="${server%%:*}" E2E_DB_PORT="${server##*:}" bash scripts/e2e-server.sh &
done
# Playwright stops the whole process group; a server that dies early ends the run.
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
wait -n
exit 1
