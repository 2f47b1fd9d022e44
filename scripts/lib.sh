# Shared helpers of scripts/*.sh: install what is missing, idempotently, from registries only.
# shellcheck shell=bash

RAW_DATA="${RAW_DATA:-../shared/data/raw}"

step() { printf '\n==> %s\n' "$*"; }

ensure_rust_components() {
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
}
