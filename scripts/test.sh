#!/usr/bin/env bash
# The README's second command, and what CI runs (.ci/run): installs what is
# missing, then runs every check and test. Every step runs; the script exits
# non-zero when any fails, and ends with a "N passed, N failed" line of steps.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/setup.sh --no-build || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; failures=()
run() {
  local name="$1"; shift
  printf '\n== %s\n' "$name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); printf -- '-- ok: %s (%ss)\n' "$name" $((SECONDS - t0))
  else
    failed=$((failed + 1)); failures+=("$name"); printf -- '-- FAILED: %s (%ss)\n' "$name" $((SECONDS - t0))
  fi
}

run "cargo fmt --check" cargo fmt --all --check
run "countries.csv is what keshvar generates" cargo run -q --locked -p countries-gen -- --check
run "world.txt is what world-atlas generates" node tools/world-gen.mjs --check
run "cargo deny: licences, bans, sources" cargo deny --offline --log-level error check licenses bans sources
run "clippy (native)" cargo clippy -q --locked --workspace --all-targets -- -D warnings
run "clippy (wasm32)" cargo clippy -q --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
# The release build's split views (src/app/later.rs, feature `split`).
run "clippy (wasm32, split)" cargo clippy -q --locked --target wasm32-unknown-unknown --all-targets --features split -- -D warnings
run "cargo test (native)" cargo test --locked --workspace
run "wasm-bindgen-test (headless Chromium)" cargo test --locked --target wasm32-unknown-unknown --test web
# The same wasm tests in Firefox (geckodriver) and WebKit (WebKitWebDriver in the
# runner's Safari slot; MiniBrowser has no headless mode, hence Xvfb).
XVFB=(xvfb-run -a -s "-screen 0 1280x1024x24")
run "wasm-bindgen-test (headless Firefox)" env GECKODRIVER="$(command -v geckodriver)" \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver-firefox.json" \
  timeout 600 cargo test --locked --target wasm32-unknown-unknown --test web
# WEBKIT_SKIA_ENABLE_CPU_RENDERING: WebKitGTK's GPU path under Xvfb's software GL
# sometimes fails to compile a Skia shader (getImageData's unpremultiply step:
# "integer is too large: 255") and its WebProcess crashes; the CPU renderer
# draws the same pixels.
run "wasm-bindgen-test (WebKit under Xvfb)" env SAFARIDRIVER=/usr/bin/WebKitWebDriver WEBKIT_SKIA_ENABLE_CPU_RENDERING=1 \
  timeout 600 "${XVFB[@]}" cargo test --locked --target wasm32-unknown-unknown --test web
run "trunk build --release" trunk build --release
run "Playwright end-to-end (Chromium)" node_modules/.bin/playwright test -c e2e/playwright.config.mjs
# The shared reader journeys (e2e/journeys.mjs) in the other engines, via WebDriver.
run "cross-browser journeys (Firefox)" timeout 900 node e2e/cross/run.mjs firefox
run "cross-browser journeys (WebKit under Xvfb)" timeout 900 "${XVFB[@]}" node e2e/cross/run.mjs webkit

echo
if [ "$failed" -gt 0 ]; then printf 'failed steps: %s\n' "${failures[*]}"; fi
echo "steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
