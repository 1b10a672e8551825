# Sourced by scripts/bench.sh and scripts/startup-bench.sh (after env.sh):
# copies the shared benchmark harness (../shared/bench, read-only) to
# target/bench/harness (not its outputs; installed node_modules are kept),
# installs its pinned packages, builds its peers when missing, and sets H.
SHARED="$ROOT/../shared/bench"
[ -d "$SHARED" ] || { echo "the shared bench harness is not beside the project (../shared/bench)" >&2; exit 1; }
H="$ROOT/target/bench/harness"
mkdir -p "$H"
(cd "$SHARED" && tar cf - --exclude=node_modules --exclude=graphs --exclude=dist .) | (cd "$H" && tar xf -)
chmod -R u+w "$H"
(
  cd "$H"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then npm ci --no-audit --no-fund --loglevel=error; fi
  [ -d dist/p1-d3-canvas ] || node scripts/build.mjs
)
