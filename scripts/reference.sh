#!/usr/bin/env bash
# Renews the reference screenshots (e2e/reference/) for the current data
# version, from a fresh release build. Look at every picture it lists before
# committing them: they are what the suite will hold the app to.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
trunk build --release
RENEW_REFERENCE=1 node_modules/.bin/playwright test -c e2e/playwright.config.mjs reference
awk -F, '$1 == "version" { print $2 }' assets/data/meta.csv > e2e/reference/VERSION
echo "reference screenshots for data version $(cat e2e/reference/VERSION):"
ls -1 e2e/reference/*.png
