#!/usr/bin/env bash
# Where the page's main-thread time goes: a release build whose wasm keeps its function
# names (target/profile-dist), traced in headless Chromium by e2e/profile.mjs. Prints;
# asserts nothing. Arguments go to e2e/profile.mjs, e.g.
#   scripts/profile.sh                                      # navigation → all charts drawn
#   scripts/profile.sh --from snapshot-parsed --to chart-draw-start:correlation
#   scripts/profile.sh --click burn:Daily --second          # a repeated click on a control
#   scripts/profile.sh --no-samples                         # trace events only (no profiler cost)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_build_tools
ensure_chromium

step "release build"
trunk build --release

step "a copy of it whose wasm keeps its function names (target/profile-dist)"
rm -rf target/profile-dist
cp -r dist target/profile-dist
wasm=$(basename "$(ls dist/*_bg.wasm)")
# The release build's optimisation (Trunk runs wasm-opt -Oz), with the names kept (-g).
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals "${CARGO_TARGET_DIR:-target}/wasm-bindgen/release/crypto-repricing_bg.wasm" \
  -o "target/profile-dist/$wasm"

step "profile"
node e2e/profile.mjs target/profile-dist "$@"
