#!/usr/bin/env bash
# Runs npm scripts side by side (`bash scripts/run-parallel.sh lint typecheck test:unit`), each
# one's output kept apart and printed whole when it ends; fails when any of them fails.
set -uo pipefail
cd "$(dirname "$0")/.."
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
declare -A pids
for script in "$@"; do
  npm run --silent "$script" >"$dir/$script.log" 2>&1 &
  pids[$script]=$!
done
failed=()
for script in "$@"; do
  if wait "${pids[$script]}"; then status="ok"; else status="FAILED"; failed+=("$script"); fi
  echo "── npm run $script: $status"
  cat "$dir/$script.log"
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "── failed: ${failed[*]}"
  exit 1
fi
