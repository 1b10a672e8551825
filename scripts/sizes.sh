#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli -q 11 bytes of every file in dist/ and the total.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
[ -d dist ] || { echo "dist/ is missing: run scripts/setup.sh first" >&2; exit 1; }
printf '%-52s %10s %10s %10s\n' file raw gzip brotli
tr=0; tg=0; tb=0
for f in $(find dist -type f | sort); do
  r=$(stat -c%s "$f"); g=$(gzip -9c "$f" | wc -c); b=$(brotli -q 11 -c "$f" | wc -c)
  tr=$((tr + r)); tg=$((tg + g)); tb=$((tb + b))
  printf '%-52s %10d %10d %10d\n' "${f#dist/}" "$r" "$g" "$b"
done
printf '%-52s %10d %10d %10d\n' TOTAL "$tr" "$tg" "$tb"
