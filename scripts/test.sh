#!/usr/bin/env bash
# The project's one test command: installs whatever is missing, then runs every suite:
#   host      formatting, clippy (host and wasm), core/builder/app unit tests,
#             snapshot reproducibility (when ../shared/data/raw exists)
#   workflow  zizmor security audit and JSON-schema check of .github/workflows/pages.yml
#   browser   wasm-bindgen-test in headless Chromium (tests/web.rs)
#   e2e       Playwright against the served release build (e2e/*.test.mjs): charts,
#             controls, hover, phones, permalinks, hostile URLs, embeds, exports, CSP,
#             sub-path hosting
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

step "tools"
ensure_rust_components
ensure_build_tools
ensure_chromium
ensure_audit_tools
cargo fetch --locked

step "workflow audit: zizmor and the GitHub workflow schema"
# Any finding (unpinned action, broad permissions, persisted credentials, ...) fails here.
zizmor --offline .github/workflows/pages.yml
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/pages.yml
PASSED=$((PASSED + 2))

step "format"
cargo fmt --all --check

step "clippy"
cargo clippy --locked -p repricing-core -p snapshot-builder --all-targets -- -D warnings
cargo clippy --locked -p crypto-repricing --target wasm32-unknown-unknown --all-targets -- -D warnings

# Golden facts need the provider files; without them they fail unless told to skip.
[ -d "$RAW_DATA" ] || export REPRICING_SKIP_RAW=1

step "host tests: core, builder, app helpers"
cargo test --locked -p repricing-core -p snapshot-builder -p crypto-repricing --lib --bins --tests \
  2>&1 | tee "$LOG_DIR/host.log"
count_cargo_results "$LOG_DIR/host.log"

if [ -d "$RAW_DATA" ]; then
  step "snapshot reproducibility: rebuild from $RAW_DATA and compare"
  cargo run -q --locked -p snapshot-builder --bin build-snapshot -- \
    --raw "$RAW_DATA" --out public/data/snapshot.txt --check --quiet
else
  step "snapshot reproducibility: SKIPPED ($RAW_DATA not found)"
fi

step "browser tests: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --locked -p crypto-repricing \
  --target wasm32-unknown-unknown --test web 2>&1 | tee "$LOG_DIR/browser.log"
count_cargo_results "$LOG_DIR/browser.log"

step "end-to-end: Playwright against the release build (served with the strict CSP)"
trunk build --release
DIST=dist node --test --test-concurrency=1 --test-force-exit e2e/ 2>&1 | tee "$LOG_DIR/e2e.log"
count_node_results "$LOG_DIR/e2e.log"

step "all suites passed"
echo "tests: $PASSED passed, $FAILED failed"
