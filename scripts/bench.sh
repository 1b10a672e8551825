#!/usr/bin/env bash
# Runs the shared benchmark harness (../shared/bench, read-only, copied to
# target/bench/harness) with this app beside the peers, in one headless
# Chromium run, and saves the tables to docs/bench/results.md.
#   scripts/bench.sh                       # all sizes, 5 repetitions (about 40 minutes)
#   scripts/bench.sh --sizes 1000 --reps 2 # extra options go to the harness's run-bench.mjs
# The start-up bench (the app's default view beside the d3 peer, issue #18) is
# scripts/startup-bench.sh, which prepares the same harness copy.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
. scripts/harness.sh
cd "$H"
node scripts/gen-graph.mjs --out "$H/graphs"
# The peer is the bench page, dist/bench.html as its index.html with the files
# it loads: the renderer on a page of its own, as each peer is (index.html?graph=
# runs the same module after parsing the app's page: docs/bench/README.md). A
# copy, so a rebuild during the run cannot change what is measured.
P="$ROOT/target/bench/bench-page"
rm -rf "$P" && mkdir -p "$P"
cp "$ROOT/dist/bench.html" "$P/index.html"
cp "$ROOT"/dist/bench-start-*.js "$ROOT"/dist/bench-page* "$ROOT"/dist/layout-worker* "$P/"
node scripts/run-bench.mjs --peer space-alliances="$P" --out "$H/results.json" "$@"
mkdir -p "$ROOT/docs/bench"
# Paths relative to the repository: no machine paths in committed results.
sed -e "s#$ROOT/##g" "$H/results.md" > "$ROOT/docs/bench/results.md"
sed -e "s#$ROOT/##g" "$H/results.json" > "$ROOT/docs/bench/results.json"
echo "saved docs/bench/results.md"
