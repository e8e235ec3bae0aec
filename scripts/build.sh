#!/usr/bin/env bash
# Builds the wasm package into pkg/, the demo corpus into www/demo/ and the
# page's on-demand document readers into www/vendor/.
# Runs the set-up first when the toolchain is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The set-up also runs when package.json or its lock changed since the last
# npm install (a pull that adds a dependency).
if [ ! -f .wasm-route ] || ! command -v wasm-pack >/dev/null || ! command -v wasm-bindgen >/dev/null || [ ! -d node_modules ] \
  || [ package.json -nt node_modules/.setup-stamp ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  bash scripts/setup.sh
fi

# node_modules/.bin holds wasm-opt (binaryen), which wasm-pack uses when on PATH.
export PATH="$PWD/node_modules/.bin:$PATH"
if [ "$(cat .wasm-route)" = debian ]; then
  # Debian's Rust builds std for wasm32 from source (build-std); a target
  # dir of its own keeps it from invalidating the native builds.
  export PATH="/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_DIR="$PWD/target/wasm-debian"
fi
# Size over speed for what ships on news pages.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
echo "[build] wasm-pack build (release)"
wasm-pack --quiet build --target web --release --no-pack --out-dir pkg --out-name recoupe . 2>&1 | grep -v '^\[INFO\]' || true
test -f pkg/recoupe_bg.wasm || { echo "[build] wasm-pack produced no pkg/recoupe_bg.wasm" >&2; exit 1; }
rm -f pkg/.gitignore
printf '[build] pkg/recoupe_bg.wasm: %s bytes, %s gzipped\n' "$(wc -c <pkg/recoupe_bg.wasm)" "$(gzip -9 -c pkg/recoupe_bg.wasm | wc -c)"

node scripts/demo-corpus.mjs

# The document readers the page loads on demand (Readability, pdf.js).
node scripts/vendor.mjs

# What the npm package ships, minified.
node scripts/dist.mjs
