#!/usr/bin/env bash
# Extraction throughput (benches/extract.rs): `extract` and `numbers` on the
# seed articles repeated to 1 MB and 10 MB, then a summary in MB/s; equal
# MB/s at both sizes means linear time. Then the full-size robustness tests
# (too slow for debug builds), unless --no-tests.
#
#   scripts/bench.sh [--no-tests] [criterion filter...]
#   BENCH_OPT_LEVEL=z scripts/bench.sh   # at the wasm build's size-tuned level
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

run_tests=1
if [ "${1:-}" = "--no-tests" ]; then
  run_tests=0
  shift
fi

# The release profile aborts on panic, but benches and tests unwind: cargo
# would then build the library twice into the same file names (and may link
# the CLI against the wrong one). Unwinding here builds it once.
export CARGO_PROFILE_RELEASE_PANIC=unwind
if [ -n "${BENCH_OPT_LEVEL:-}" ]; then
  export CARGO_PROFILE_RELEASE_OPT_LEVEL="$BENCH_OPT_LEVEL"
fi
target_dir="${CARGO_TARGET_DIR:-target}"
log="$target_dir/bench-extract.log"
mkdir -p "$target_dir"

echo "[bench] cargo bench --bench extract (opt-level: ${BENCH_OPT_LEVEL:-from the release profile})"
cargo bench --bench extract -- "$@" 2>&1 | tee "$log"

echo
echo "[bench] summary (MB = 10^6 bytes)"
node - "$target_dir/criterion" "$log" <<'EOF'
const fs = require("fs");
const [dir, logPath] = process.argv.slice(2);
const log = fs.readFileSync(logPath, "utf8");
const rate = {};
for (const size of ["1MB", "10MB"]) {
  for (const name of ["extract", "numbers"]) {
    const id = `${size}/${name}`;
    const single = log.match(new RegExp(`^${id}\\s+single run: ([0-9.]+) s, ([0-9.]+) MB/s`, "m"));
    let line;
    if (single) {
      rate[id] = Number(single[2]);
      line = `${Number(single[1]).toFixed(3)} s (one run, too slow to sample)`;
    } else if (new RegExp(`^${id}\\s+time:`, "m").test(log)) {
      const est = JSON.parse(fs.readFileSync(`${dir}/${size}/${name}/new/estimates.json`, "utf8"));
      const bench = JSON.parse(fs.readFileSync(`${dir}/${size}/${name}/new/benchmark.json`, "utf8"));
      const bytes = Object.values(bench.throughput)[0];
      const secs = est.mean.point_estimate / 1e9;
      rate[id] = bytes / 1e6 / secs;
      line = `${secs.toFixed(3)} s mean (±${(est.mean.standard_error / 1e6).toFixed(1)} ms)`;
    } else {
      continue;
    }
    console.log(`  ${id.padEnd(14)} ${rate[id].toFixed(2).padStart(8)} MB/s   ${line}`);
  }
}
for (const name of ["extract", "numbers"]) {
  const a = rate[`1MB/${name}`], b = rate[`10MB/${name}`];
  if (a && b) {
    const ratio = a / b;
    const verdict = ratio < 1.15 ? "linear within 15 %" : `NOT linear: 10x the input takes ${(10 * ratio).toFixed(1)}x the time`;
    console.log(`  ${name}: 10 MB time / 1 MB time = ${(10 * ratio).toFixed(1)} (${verdict})`);
  }
}
EOF

if [ "$run_tests" = 1 ]; then
  echo
  echo "[bench] full-size robustness tests (release)"
  time cargo test --release --test robustness -- --ignored --test-threads 1
fi
