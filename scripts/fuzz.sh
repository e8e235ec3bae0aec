#!/usr/bin/env bash
# Fuzzes the extraction entry points with libFuzzer: scripts/fuzz.sh [SECONDS]
# runs each target for SECONDS (default 30) and prints, per target, the
# executions, the corpus size and the crashes. Crashing inputs land in
# fuzz/artifacts/<target>/; reproduce one with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
# The corpus starts from the seed articles (copied at run time; corpora
# stay out of git) and grows in fuzz/corpus/<target>/ across runs.
# Exits non-zero when a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

DURATION="${1:-30}"
# Long enough for a whole seed article; longer inputs only slow each run.
MAX_LEN="${FUZZ_MAX_LEN:-8192}"
TARGETS=(numbers extract check)

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "[fuzz] installing the nightly toolchain (libFuzzer's instrumentation needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "[fuzz] installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# The crate has no unsafe code: a sanitizer would find nothing a panic does
# not, and it costs most of the speed. Set FUZZ_SANITIZER=address to use one.
SANITIZER="${FUZZ_SANITIZER:-none}"
echo "[fuzz] building targets (nightly, sanitizer: $SANITIZER)"
(cd fuzz && cargo +nightly fuzz build -s "$SANITIZER")

summary=()
crashed=0
for t in "${TARGETS[@]}"; do
  corpus="fuzz/corpus/$t"
  artifacts="fuzz/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  cp tests/fixtures/seeds/*.txt "$corpus/"
  log="fuzz/artifacts/$t.log"
  echo "[fuzz] $t for ${DURATION}s (log: $log)"
  status=0
  # Fork mode with -ignore_crashes keeps fuzzing after a crash, so one run
  # reports every crash it meets rather than only the first.
  (cd fuzz && cargo +nightly fuzz run -s "$SANITIZER" "$t" "corpus/$t" -- \
    -max_total_time="$DURATION" -max_len="$MAX_LEN" -timeout=10 -dict=recoupe.dict \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1) >"$log" 2>&1 || status=$?
  last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1)
  execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
  speed=$(grep -oE 'exec/s: [0-9]+' <<<"$last" | grep -oE '[0-9]+$' || true)
  counts=$(grep -oE 'oom/timeout/crash: [0-9]+/[0-9]+/[0-9]+' <<<"$last" | grep -oE '[0-9/]+$' || true)
  crashes="${counts##*/}"
  timeouts=$(cut -d/ -f2 <<<"${counts:-0/0/0}")
  inputs=$(find "$corpus" -type f | wc -l)
  # Distinct places the crashes panicked at (one bug can crash many inputs).
  places=$(grep -oE "panicked at [^:]+:[0-9]+:[0-9]+" "$log" | sort | uniq -c | sort -rn || true)
  if [ "$status" -ne 0 ] || [ "${crashes:-0}" -gt 0 ] || [ "${timeouts:-0}" -gt 0 ]; then
    crashed=1
  fi
  summary+=("$(printf '%-8s %10s execs %6s exec/s %5s corpus inputs %4s crashes %3s timeouts' "$t" "${execs:-?}" "${speed:-?}" "$inputs" "${crashes:-?}" "${timeouts:-?}")")
  if [ -n "$places" ]; then
    while read -r line; do summary+=("           $line"); done <<<"$places"
  fi
done

echo "[fuzz] summary (${DURATION}s per target, max_len ${MAX_LEN}; crashing inputs in fuzz/artifacts/<target>/)"
printf '  %s\n' "${summary[@]}"
exit "$crashed"
