#!/usr/bin/env bash
# Installs whatever is missing to build and test the app, from the package
# registries only (crates, npm, Debian), then builds the release into dist/.
# Each step is skipped when already satisfied, so a warm run takes seconds.
#   scripts/setup.sh            install + release build
#   scripts/setup.sh --no-build install only
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }
TRUNK_VERSION=0.21.14

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
# Cross-browser tests: Firefox ESR, WebKitGTK's WebDriver (+ MiniBrowser), and
# an X server for WebKit, which has no headless mode.
[ -x /usr/bin/firefox-esr ] || need_apt+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || need_apt+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || need_apt+=(xvfb)
command -v xauth >/dev/null || need_apt+=(xauth)
if [ ${#need_apt[@]} -gt 0 ]; then
  step "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (takes ~9 minutes on 2 cores, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

DENY_VERSION=0.20.2
if [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $DENY_VERSION" ]; then
  step "cargo install cargo-deny $DENY_VERSION (about 4 minutes, once)"
  cargo install --locked cargo-deny --version "$DENY_VERSION"
fi

GECKODRIVER_VERSION=0.37.1
if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
  step "cargo install geckodriver $GECKODRIVER_VERSION (about 2 minutes, once)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WB=$(awk '$0=="name = \"wasm-bindgen\"" {getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  step "cargo install wasm-bindgen-cli $WB"
  # Its packaged lockfile pins a crate the registry index lacks; fall back to unlocked.
  cargo install --locked wasm-bindgen-cli --version "$WB" || cargo install wasm-bindgen-cli --version "$WB"
fi

# wasm-split-cli splits the app's module (scripts/split.mjs); its crate is
# versioned with wasm_split_helpers, which must match Cargo.lock's.
WS=$(awk '$0=="name = \"wasm_split_helpers\"" {getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WS:"; then
  step "cargo install wasm_split_cli_support $WS (about a minute, once)"
  cargo install --locked wasm_split_cli_support --version "$WS" --features build-binary
fi

# npm: binaryen (wasm-opt 132), Playwright and selenium-webdriver; no browser
# or driver download.
STAMP=node_modules/.package-lock.sha
SUM=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$SUM" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$SUM" > "$STAMP"
fi

step "cargo fetch --locked"
cargo fetch --locked -q

if [ "${1:-}" != "--no-build" ]; then
  step "trunk build --release"
  trunk build --release
fi
