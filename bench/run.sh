#!/usr/bin/env bash
# Whole-build benchmark (issue 9): generates synthetic handbooks with the project's own
# generator and builds each SIZE with handbok RUNS times, printing the median wall time,
# pages per second and peak memory (/usr/bin/time -v). When `hugo` or `zola` are on PATH it
# builds the same logical corpus with them in the same run (from ../shared/bench/gen_corpus.py
# when that generator is present) and prints the ratio; absent peers are skipped, never
# downloaded.
#   bench/run.sh [SIZE ...]          default: 1000 10000
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs="${RUNS:-5}"
cd "$root"
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # name, command...: prints "median_ms peak_mib"
  local name="$1"; shift
  local walls=() peaks=()
  for _ in $(seq "$runs"); do
    local log; log="$(mktemp)"
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || { echo "$name failed:" >&2; tail -5 "$log" >&2; rm -f "$log"; return 1; }
    local wall; wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF==3) print ($1*3600+$2*60+$3)*1000; else print ($1*60+$2)*1000 }')
    local peak; peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    walls+=("${wall%.*}"); peaks+=("$peak")
    rm -f "$log"
  done
  echo "$(median "${walls[@]}") $(( $(median "${peaks[@]}") / 1024 ))"
}
shared_gen="$root/../shared/bench/gen_corpus.py"
for n in "${sizes[@]}"; do
  dir="/tmp/handbok-bench-$n"
  ./target/release/examples/gen_corpus --pages "$n" --seed 1 "$dir"
  read -r ms mib < <(measure handbok ./target/release/handbok build --root "$dir" --output "$dir/public")
  pps=$(( n * 1000 / (ms > 0 ? ms : 1) ))
  echo "handbok  $n pages: ${ms} ms median of $runs, $pps pages/s, peak ${mib} MiB"
  # The same logical corpus for handbok and its peers: the shared generator's layouts.
  same_ms=""
  if [ -f "$shared_gen" ] && { command -v hugo >/dev/null || command -v zola >/dev/null; }; then
    plain="/tmp/handbok-bench-plain-$n"
    rm -rf "$plain"
    python3 "$shared_gen" --pages "$n" --seed 1 --layout plain "$plain" >/dev/null
    printf 'title: Benchmark\ntaxonomies:\n  - name: tags\n  - name: fokusomrade\n' > "$plain/handbok.yaml"
    read -r same_ms same_mib < <(measure handbok ./target/release/handbok build --root "$plain" --output "$plain/public")
    echo "handbok  $n pages of the shared corpus: ${same_ms} ms, peak ${same_mib} MiB"
  fi
  for peer in hugo zola; do
    if ! command -v "$peer" >/dev/null; then echo "$peer     not on PATH: skipped"; continue; fi
    if [ -z "$same_ms" ]; then echo "$peer     no shared corpus generator: skipped"; continue; fi
    pdir="/tmp/handbok-bench-$peer-$n"
    rm -rf "$pdir"
    python3 "$shared_gen" --pages "$n" --seed 1 --layout "$peer" "$pdir" >/dev/null
    if [ "$peer" = hugo ]; then cmd=(hugo --quiet --source "$pdir" --destination "$pdir/public"); else cmd=(zola --root "$pdir" build --output-dir "$pdir/public" --force); fi
    read -r pms pmib < <(measure "$peer" "${cmd[@]}")
    echo "$peer     $n pages of the shared corpus: ${pms} ms, peak ${pmib} MiB; handbok is $(awk "BEGIN {printf \"%.2f\", $pms/$same_ms}")x as fast"
  done
done
