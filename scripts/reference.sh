#!/usr/bin/env bash
# Renews the reference screenshots (e2e/reference/) for the current data
# version, from a fresh release build, and the markup of the page baked into
# index.html (assets/first-paint/shell.html, issue #18) that the build wraps
# around the default view's picture. Look at every picture it lists before
# committing them: they are what the suite will hold the app to.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
trunk build --release
before=$(cat assets/first-paint/shell.html 2>/dev/null || true)
node scripts/first-paint-shell.mjs
if [ "$before" != "$(cat assets/first-paint/shell.html)" ]; then
  echo "assets/first-paint/shell.html changed: building again with it"
  trunk build --release
fi
RENEW_REFERENCE=1 node_modules/.bin/playwright test -c e2e/playwright.config.mjs reference
awk -F, '$1 == "version" { print $2 }' assets/data/meta.csv > e2e/reference/VERSION
echo "reference screenshots for data version $(cat e2e/reference/VERSION):"
ls -1 e2e/reference/*.png
