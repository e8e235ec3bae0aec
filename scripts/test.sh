#!/usr/bin/env bash
# Every test: formatting and lints, the Rust core, the wasm package in Node,
# the page in headless Chromium. Builds (and sets up) first when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/build.sh
echo "[test] cargo fmt --check"
cargo fmt --check
echo "[test] cargo clippy"
cargo clippy --quiet --all-targets -- -D warnings
echo "[test] cargo test"
cargo test --quiet
echo "[test] node --test tests/js/"
node --test --test-concurrency=1 tests/js/
# Each fuzz target for a bounded time (scripts/fuzz.sh 600 for a long run).
echo "[test] fuzzing, ${RECOUPE_FUZZ_SECONDS:-20} s per target"
bash scripts/fuzz.sh "${RECOUPE_FUZZ_SECONDS:-20}"
