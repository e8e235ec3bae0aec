#!/usr/bin/env bash
# Makes this machine able to build and test recoupe: the wasm toolchain, the
# Node dependencies and a headless Chromium. Idempotent: each step checks
# first and says what it does; a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

# The wasm-bindgen CLI must match the crate pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
WASM_PACK_VERSION=0.15.1
: "${WASM_BINDGEN_VERSION:?cannot read the pinned wasm-bindgen version from Cargo.toml}"

say() { printf '[setup] %s\n' "$*"; }
started=$(date +%s)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

# 1. A Rust compiler that can target wasm32. An ordinary machine has the
# target through rustup; where it does not (and rustup cannot download it),
# Debian's Rust with its std source builds std for wasm32 (build-std).
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup has wasm32-unknown-unknown: using it"
  echo rustup > .wasm-route
else
  missing=()
  for p in rustc-web cargo-web rust-web-src lld-22; do have_pkg "$p" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; else say "Debian's Rust, std source and lld: present"; fi
  # wasm-pack checks for this folder; with build-std an empty one is right.
  if [ ! -d /usr/lib/rustlib/wasm32-unknown-unknown/lib ]; then
    say "creating the empty wasm32 sysroot folder wasm-pack checks for"
    $SUDO mkdir -p /usr/lib/rustlib/wasm32-unknown-unknown/lib
  fi
  echo debian > .wasm-route
fi

# 2. Chromium and its driver for the browser tests.
missing=()
for p in chromium chromium-driver; do have_pkg "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; else say "chromium: present"; fi

# 3. wasm-bindgen CLI (exact version) and wasm-pack, compiled from crates.io.
export PATH="$HOME/.cargo/bin:$PATH"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
else
  say "wasm-bindgen $WASM_BINDGEN_VERSION: present"
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "cargo install wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install -q wasm-pack --version "$WASM_PACK_VERSION" --locked --force
else
  say "wasm-pack $WASM_PACK_VERSION: present"
fi

# 4. cargo-fuzz, for the bounded fuzzing runs of the tests (libFuzzer needs
# the nightly toolchain, which rustup provides on these machines).
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "cargo install cargo-fuzz (a few minutes)"
  cargo install -q cargo-fuzz --locked
else
  say "cargo-fuzz: present"
fi

# 5. Node dependencies (wasm-opt from binaryen, playwright-core, typescript).
if [ ! -d node_modules ] || [ package.json -nt node_modules/.setup-stamp ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  say "npm install"
  # `npm install`, not `npm ci`: the lock holds the packages of this
  # platform only (the registry here serves no others), which `npm ci`
  # refuses as out of sync; `npm install` follows the lock all the same.
  npm install --no-audit --no-fund --loglevel=error
  touch node_modules/.setup-stamp
else
  say "node_modules: up to date"
fi
say "ready in $(( $(date +%s) - started )) s"
