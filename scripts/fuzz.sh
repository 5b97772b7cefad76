#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for a bounded time and reports, per target, how many
# inputs it ran and whether it found a crash (panic, hang, out-of-memory).
#
#   scripts/fuzz.sh              # every target, 60 s each
#   scripts/fuzz.sh 300          # every target, 300 s each
#   FUZZ_SECONDS=120 scripts/fuzz.sh markdown front_matter
#
# Environment:
#   FUZZ_SECONDS     seconds per target (default 60; a numeric first argument wins)
#   FUZZ_TIMEOUT     seconds one input may take before it counts as a hang (default 10)
#   FUZZ_RSS_MB      memory limit in MB before an input counts as out-of-memory (default 2048)
#   FUZZ_SANITIZER   none (default, fastest) or address
#   CARGO_TARGET_DIR where the fuzz build goes (default fuzz/target)
#
# The corpus grows in fuzz/corpus/<target>/ (git-ignored), seeded from fuzz/seeds/<target>/.
# A crashing input is saved in fuzz/artifacts/<target>/; replay it with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
# Exit code: 0 when no target crashed, 1 when one did, 2 on a setup problem.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root" || exit 2

seconds="${FUZZ_SECONDS:-60}"
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
    seconds="$1"
    shift
fi
timeout="${FUZZ_TIMEOUT:-10}"
rss="${FUZZ_RSS_MB:-2048}"
sanitizer="${FUZZ_SANITIZER:-none}"
toolchain="${FUZZ_TOOLCHAIN:-+nightly}"

if ! cargo "$toolchain" --version >/dev/null 2>&1; then
    echo "fuzz.sh: cargo-fuzz needs a nightly toolchain: rustup toolchain install nightly" >&2
    exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz from crates.io" >&2
    cargo install cargo-fuzz --locked || exit 2
fi

target_dir=()
if [[ -n "${CARGO_TARGET_DIR:-}" ]]; then
    target_dir=(--target-dir "$CARGO_TARGET_DIR")
fi

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(cargo "$toolchain" fuzz list)
fi

echo "fuzz.sh: building ${targets[*]} (sanitizer: $sanitizer)"
cargo "$toolchain" fuzz build -s "$sanitizer" "${target_dir[@]}" || exit 2

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
failed=0
printf '\n%-14s %8s %14s %10s  %s\n' target seconds executions exec/s result
for t in "${targets[@]}"; do
    corpus="fuzz/corpus/$t"
    mkdir -p "$corpus" "fuzz/artifacts/$t"
    seeds=()
    [[ -d "fuzz/seeds/$t" ]] && seeds=("fuzz/seeds/$t")
    log="$logs/$t.log"
    start=$(date +%s)
    cargo "$toolchain" fuzz run -s "$sanitizer" "${target_dir[@]}" "$t" "$corpus" "${seeds[@]}" -- \
        -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb="$rss" \
        -print_final_stats=1 >"$log" 2>&1
    code=$?
    elapsed=$(($(date +%s) - start))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [[ $code -eq 0 ]]; then
        result="no crash"
    else
        failed=1
        artifact=$(grep -o 'Test unit written to [^ ]*' "$log" | tail -1 | sed 's/Test unit written to //')
        kind=$(grep -oE 'deadly signal|timeout|out-of-memory|panicked at [^ ]*|ERROR: [A-Za-z]+' "$log" | head -1)
        result="CRASH (${kind:-exit $code}) ${artifact:-see log}"
        cp "$log" "fuzz/artifacts/$t/last-run.log"
    fi
    printf '%-14s %8s %14s %10s  %s\n' "$t" "$elapsed" "${execs:-?}" "${speed:-?}" "$result"
done
if [[ $failed -ne 0 ]]; then
    echo
    echo "fuzz.sh: a target crashed; its log is in fuzz/artifacts/<target>/last-run.log"
fi
exit $failed
