# Shared helpers of scripts/*.sh: install what is missing, idempotently, from the package
# registries only (crates.io, npm, Debian). Nothing is cached by hand.
# shellcheck shell=bash

RAW_DATA="${RAW_DATA:-../shared/data/raw}"
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.129" # must equal the wasm-bindgen pin in Cargo.toml
ZIZMOR_VERSION="1.32.0"
CHECK_JSONSCHEMA_VERSION="0.39.0"
AUDIT_VENV="tools/venv" # git-ignored

LOG_DIR="${LOG_DIR:-target/test-logs}"
mkdir -p "$LOG_DIR"
PASSED=0
FAILED=0

# Project-local npm tools (wasm-opt from binaryen, playwright-core) come first on PATH.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

ensure_rust_components() {
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
}

ensure_wasm_target() {
  rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    step "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked
  fi
}

ensure_node_tools() {
  if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/playwright-core ] \
     || [ ! -d tools/node_modules/axe-core ] \
     || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
    step "installing project-local npm tools (binaryen, playwright-core, axe-core)"
    npm ci --prefix tools --no-audit --no-fund
  fi
  ln -sfn ../tools/node_modules e2e/node_modules
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "installing Debian's chromium and chromium-driver"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
  fi
}

# zizmor (GitHub workflow security audit) and check-jsonschema (workflow schema) from PyPI,
# pinned, in a project-local venv; their commands are put on PATH.
ensure_audit_tools() {
  if ! "$AUDIT_VENV/bin/zizmor" --version 2>/dev/null | grep -q "$ZIZMOR_VERSION" \
     || ! "$AUDIT_VENV/bin/check-jsonschema" --version 2>/dev/null | grep -q "$CHECK_JSONSCHEMA_VERSION"; then
    step "installing zizmor $ZIZMOR_VERSION and check-jsonschema $CHECK_JSONSCHEMA_VERSION into $AUDIT_VENV"
    python3 -m venv "$AUDIT_VENV"
    "$AUDIT_VENV/bin/pip" install --quiet --disable-pip-version-check \
      "zizmor==$ZIZMOR_VERSION" "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
  fi
  export PATH="$PWD/$AUDIT_VENV/bin:$PATH"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_tools
}

# Adds up "N passed; M failed" (cargo) or "# pass N / # fail M" (node) lines of a log.
count_cargo_results() {
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$1" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$1" | awk '{s+=$1} END {print s+0}')
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
}

count_node_results() {
  local p f
  p=$(grep -E '^# pass [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')
  f=$(grep -E '^# fail [0-9]+' "$1" | awk '{s+=$3} END {print s+0}')
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
}

# Serves dist/ on 127.0.0.1:$1 in the background; sets SERVER_PID.
serve_dist() {
  python3 -m http.server "$1" --bind 127.0.0.1 --directory dist >"$LOG_DIR/http-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 50); do
    curl -fsS "http://127.0.0.1:$1/" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2
  return 1
}
