#!/usr/bin/env bash
# Installs whatever is missing, builds the release page and serves it on
# http://127.0.0.1:8080 (rebuilding on changes). The page reads the bundled snapshot.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_build_tools
cargo fetch --locked
step "serving the release build on http://127.0.0.1:8080"
exec trunk serve --release
