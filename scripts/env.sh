# Sourced by the scripts: the project's tools first on PATH, no network pings.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Release wasm names its sources by crate, not by where this machine keeps
# them: panic locations would otherwise ship the registry's absolute path.
# (Cargo joins this with .cargo/config.toml's target rustflags.)
__remap=""
for __d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$__d" ] && __remap="$__remap --remap-path-prefix=${__d%/}=crates"
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components$__remap --remap-path-prefix=$ROOT=."
unset __remap __d
