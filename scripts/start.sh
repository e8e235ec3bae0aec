#!/usr/bin/env bash
# Sets up what is missing, builds, and serves the page with the demo
# article and sources loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs "$@"
