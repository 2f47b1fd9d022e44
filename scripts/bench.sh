#!/usr/bin/env bash
# Size and speed numbers of the release build, each beside its target (issue 15) and the
# peer page's figure. Prints; never fails on a number. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_build_tools
ensure_chromium
if [ ! -d tools/bench/node_modules/uplot ] || [ ! -d tools/bench/node_modules/lighthouse ] \
   || [ tools/bench/package-lock.json -nt tools/bench/node_modules/.package-lock.json ]; then
  step "installing the benchmark's npm tools (uPlot, Lighthouse) into tools/bench"
  npm ci --prefix tools/bench --no-audit --no-fund
fi
if ! twiggy --version >/dev/null 2>&1; then
  step "installing twiggy (wasm size profiler)"
  cargo install twiggy --version 0.8.0 --locked
fi

step "release build"
trunk build --release

step "core statistics (native)"
cargo run -q --release --locked -p repricing-core --example bench_stats

if command -v valgrind >/dev/null 2>&1; then
  step "core: instructions per pass of every rolling correlation (callgrind: steady where milliseconds are not)"
  cargo build -q --release --locked -p repricing-core --example corr_passes
  passes="${CARGO_TARGET_DIR:-target}/release/examples/corr_passes"
  ir() { CORR_PASSES="$1" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$passes" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
  base=$(ir 0); five=$(ir 5)
  echo "  $(( (five - base) / 5 )) instructions per pass (21.2 M at 5555bf0, before session 6)"
fi

step "page against the uPlot peer, in headless Chromium"
node e2e/bench.mjs dist tools/bench/node_modules

step "where the wasm bytes go (twiggy top, before wasm-opt, names kept)"
twiggy top -n 20 "${CARGO_TARGET_DIR:-target}/wasm-bindgen/release/crypto-repricing_bg.wasm"
