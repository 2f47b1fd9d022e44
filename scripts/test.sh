#!/usr/bin/env bash
# The project's one test command: installs whatever is missing, then runs every suite.
#   host: formatting, clippy, core + builder tests, snapshot reproducibility
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

step "rust components"
ensure_rust_components

step "format"
cargo fmt --all --check

step "clippy (host crates)"
cargo clippy -p repricing-core -p snapshot-builder --all-targets --locked -- -D warnings

step "host tests: core and builder"
cargo test -p repricing-core -p snapshot-builder --locked --lib --bins --tests 2>&1 | tee "$LOG_DIR/host.log"
count_cargo_results "$LOG_DIR/host.log"

if [ -d "$RAW_DATA" ]; then
  step "snapshot reproducibility: rebuild from $RAW_DATA and compare"
  cargo run -q --locked -p snapshot-builder --bin build-snapshot -- \
    --raw "$RAW_DATA" --out public/data/snapshot.json --check --quiet
else
  step "snapshot reproducibility: SKIPPED ($RAW_DATA not found)"
fi

step "all suites passed"
echo "tests: $PASSED passed, $FAILED failed"
