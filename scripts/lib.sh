# Shared helpers of scripts/*.sh: install what is missing, idempotently, from registries only.
# shellcheck shell=bash

RAW_DATA="${RAW_DATA:-../shared/data/raw}"

step() { printf '\n==> %s\n' "$*"; }

ensure_rust_components() {
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
}

LOG_DIR="${LOG_DIR:-target/test-logs}"
mkdir -p "$LOG_DIR"
PASSED=0
FAILED=0

# Adds up cargo's "test result: ok. N passed; M failed" lines of a log.
count_cargo_results() {
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
}
