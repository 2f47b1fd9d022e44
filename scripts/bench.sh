#!/usr/bin/env bash
# Size and speed numbers of the release build (prints, never fails on a number).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
ensure_build_tools
ensure_chromium
trunk build --release
serve_dist 8766
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
node e2e/bench.mjs http://127.0.0.1:8766/ dist
