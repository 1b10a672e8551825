#!/usr/bin/env bash
# Start-up bench (issue #18, "The graph at first paint"): the real app's default
# view beside the shared harness's d3-force peer drawing the same graph (the
# app's default view, exported by examples/bench_graph.rs), one fresh headless
# Chromium per load. Prepares the harness copy as scripts/bench.sh does
# (../shared/bench, read-only, copied to target/bench/harness), then runs
# scripts/startup-bench.mjs and saves its table to target/bench/startup.md.
#   scripts/startup-bench.sh              # 7 loads of each page (about 2 minutes)
#   scripts/startup-bench.sh --loads 2    # extra options go to startup-bench.mjs
# scripts/setup.sh builds the release into dist/ (SKIP_SETUP=1: use dist/ as it is).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
[ -f dist/index.html ] || { echo "no release build in dist/: run trunk build --release first" >&2; exit 1; }
. scripts/harness.sh
# The app's default view in the harness's graph format.
cargo run -q --example bench_graph -- "$H/graphs/real.json"
# A copy of dist/, so a rebuild during the run cannot change what is measured.
rm -rf "$ROOT/target/bench/app" && cp -r "$ROOT/dist" "$ROOT/target/bench/app"
node scripts/startup-bench.mjs --app target/bench/app --harness target/bench/harness \
  --graph target/bench/harness/graphs/real.json --out target/bench/startup.json "$@"
echo "saved target/bench/startup.md and startup.json (docs/bench/startup.md is a reviewed copy)"
