#!/usr/bin/env bash
# The README's first command: install what is missing, build, and serve the
# app at http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
echo
echo "Serving dist/ at http://127.0.0.1:8080/"
exec node e2e/serve.mjs dist 8080
