#!/usr/bin/env bash
# Whole-build benchmark (issue 9): generates synthetic handbooks with the project's own
# generator and builds each SIZE with handbok RUNS times, printing the median wall time,
# pages per second and peak memory (/usr/bin/time -v). When `hugo` or `zola` are on PATH it
# builds the same logical corpus with them in the same run (from ../shared/bench/gen_corpus.py
# when that generator is present, and handbok's own corpus as a Zola and a Hugo site, from
# `gen_corpus --layout`) and prints the ratios; absent peers are skipped, never downloaded. It also times the floor the issue measures against, pulldown-cmark alone
# reading, rendering and writing every page of the shared corpus (`examples/floor.rs`).
#
# Two measurements per tool:
# - "rebuild": RUNS builds in a row into the same output folder (a CI job or an editor
#   rebuilding a site whose output is already there; handbok reuses its spare folder and
#   does not rewrite unchanged files, Hugo overwrites its destination);
# - "cold": RUNS builds each into an output folder that does not exist yet (a fresh clone);
#   the folders are removed after the measurement, outside the timed runs. Before the cold
#   runs the script waits PAUSE seconds (default 370). On a file system without a journal
#   (as on this machine), ext4 checks every inode it is about to hand out and skips those
#   deleted in the last 60 s, or in the last 360 s when their inode table block is dirty,
#   which the allocation itself makes it. Right after the corpus generator (or the clean-up
#   of an earlier size) deleted a few hundred thousand files, creating tens of thousands of
#   files costs several times its usual system time; a fresh CI machine has no such
#   deletions. All cold runs come before anything is deleted, and each is followed by an
#   untimed `sync`, so that no run competes with the write-back of the one before. A shorter
#   PAUSE gives a quicker but noisier cold measurement.
# Peers: Hugo from PATH (Debian's package) and Zola from ZOLA (default ../shared/bin/zola,
# else PATH). Rebuild outputs go to OUT_DIR (default /dev/shm, so that disk write-back does
# not move the figures by seconds); cold builds run only with COLD=1 (the shared corpus
# only). The last lines are the ratios of the run: handbok's median over each peer's, on the
# same corpus.
#   bench/run.sh [SIZE ...]          default: 1000 10000
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs="${RUNS:-5}"
cold_runs="${COLD:-0}"
out_dir="${OUT_DIR:-/dev/shm}"
zola_bin="${ZOLA:-$root/../shared/bin/zola}"
[ -x "$zola_bin" ] || zola_bin="$(command -v zola || true)"
summary=()
own_summary=()
cd "$root"
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus --example floor
if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # name, command...: prints "median_ms peak_mib"
  local name="$1"; shift
  local walls=() peaks=()
  # One untimed build first, so that every timed one finds the output of the same input.
  "$@" >/dev/null 2>&1 || true
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
cold() { # name, output-folder-base, command with OUT for the output folder: "median_ms peak_mib"
  local name="$1" base="$2"; shift 2
  local walls=() peaks=()
  for run in $(seq "$runs"); do
    local out="$base-cold-$run" log; log="$(mktemp)"
    rm -rf "$out"
    local cmd=("${@/OUT/$out}")
    /usr/bin/time -v "${cmd[@]}" >/dev/null 2>"$log" || { echo "$name failed:" >&2; tail -5 "$log" >&2; rm -f "$log"; return 1; }
    walls+=("$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF==3) print int(($1*3600+$2*60+$3)*1000); else print int(($1*60+$2)*1000) }')")
    peaks+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")")
    rm -f "$log"
    # Untimed: write the run's files to disk, so that the next run does not compete with
    # their write-back (a CI job builds once).
    sync
  done
  echo "$(median "${walls[@]}") $(( $(median "${peaks[@]}") / 1024 ))"
}
shared_gen="$root/../shared/bench/gen_corpus.py"
pause="${PAUSE:-370}"
ratio() { awk "BEGIN {printf \"%.2f\", $1/$2}"; }
for n in "${sizes[@]}"; do
  # Every corpus first: generating deletes the previous ones.
  dir="/tmp/handbok-bench-$n"
  ./target/release/examples/gen_corpus --pages "$n" --seed 1 "$dir"
  shared=""
  peers=()
  if [ -f "$shared_gen" ] && { command -v hugo >/dev/null || [ -n "$zola_bin" ]; }; then
    shared=1
    plain="/tmp/handbok-bench-plain-$n"
    rm -rf "$plain"
    python3 "$shared_gen" --pages "$n" --seed 1 --layout plain "$plain" >/dev/null
    printf 'title: Benchmark\ntaxonomies:\n  - name: tags\n  - name: fokusomrade\n' > "$plain/handbok.yaml"
  fi
  own_peers=()
  for peer in hugo zola; do
    if [ "$peer" = hugo ] && ! command -v hugo >/dev/null; then echo "hugo     not on PATH: skipped"; continue; fi
    if [ "$peer" = zola ] && [ -z "$zola_bin" ]; then echo "zola     not found (ZOLA, ../shared/bin/zola, PATH): skipped"; continue; fi
    # handbok's own corpus in the peer's layout: the same pages, words and links.
    rm -rf "/tmp/handbok-bench-own-$peer-$n"
    ./target/release/examples/gen_corpus --pages "$n" --seed 1 --layout "$peer" "/tmp/handbok-bench-own-$peer-$n" >/dev/null
    own_peers+=("$peer")
    if [ -z "$shared" ]; then echo "$peer     no shared corpus generator: skipped"; continue; fi
    pdir="/tmp/handbok-bench-$peer-$n"
    rm -rf "$pdir"
    python3 "$shared_gen" --pages "$n" --seed 1 --layout "$peer" "$pdir" >/dev/null
    peers+=("$peer")
  done
  peer_cmd() { # peer, output folder[, site folder: default the shared corpus in its layout]
    local pdir="${3:-/tmp/handbok-bench-$1-$n}"
    if [ "$1" = hugo ]; then echo "hugo --quiet --source $pdir --destination $2"; else echo "$zola_bin --root $pdir build --output-dir $2 --force"; fi
  }
  sync
  if [ "$cold_runs" = 1 ]; then
  sleep "$pause"

  # Cold builds, each into a folder that does not exist yet.
  read -r ms mib < <(cold handbok "$dir/out" ./target/release/handbok build --root "$dir" --output OUT)
  echo "handbok  $n pages, cold:    ${ms} ms median of $runs, $(( n * 1000 / (ms > 0 ? ms : 1) )) pages/s, peak ${mib} MiB"
  if [ -n "$shared" ]; then
    read -r same_cold same_cold_mib < <(cold handbok "$plain/out" ./target/release/handbok build --root "$plain" --output OUT)
    echo "handbok  $n pages of the shared corpus, cold:    ${same_cold} ms, peak ${same_cold_mib} MiB"
    read -r fcold fcold_mib < <(cold floor "$plain/floor" ./target/release/examples/floor "$plain/content" OUT)
    echo "floor    $n pages of the shared corpus, cold:    ${fcold} ms, peak ${fcold_mib} MiB (pulldown-cmark alone); handbok takes $(ratio "$same_cold" "$fcold")x the floor"
  fi
  for peer in "${peers[@]}"; do
    # shellcheck disable=SC2046
    read -r pcold pcold_mib < <(cold "$peer" "/tmp/handbok-bench-$peer-$n/out" $(peer_cmd "$peer" OUT))
    echo "$peer     $n pages of the shared corpus, cold:    ${pcold} ms, peak ${pcold_mib} MiB; handbok is $(ratio "$pcold" "$same_cold")x as fast"
  done

  fi

  # Rebuilds into an output folder that holds the output of the same input.
  rm -rf "$out_dir/handbok-bench-out-$n"
  mkdir -p "$out_dir/handbok-bench-out-$n"
  o="$out_dir/handbok-bench-out-$n"
  read -r ms mib < <(measure handbok ./target/release/handbok build --root "$dir" --output "$o/own")
  echo "handbok  $n pages, rebuild: ${ms} ms median of $runs, $(( n * 1000 / (ms > 0 ? ms : 1) )) pages/s, peak ${mib} MiB"
  if [ -n "$shared" ]; then
    read -r same_ms same_mib < <(measure handbok ./target/release/handbok build --root "$plain" --output "$o/plain")
    echo "handbok  $n pages of the shared corpus, rebuild: ${same_ms} ms, peak ${same_mib} MiB"
    read -r fms fmib < <(measure floor ./target/release/examples/floor "$plain/content" "$o/floor")
    echo "floor    $n pages of the shared corpus, rebuild: ${fms} ms, peak ${fmib} MiB (pulldown-cmark alone); handbok takes $(ratio "$same_ms" "$fms")x the floor"
  fi
  for peer in "${peers[@]}"; do
    # shellcheck disable=SC2046
    read -r pms pmib < <(measure "$peer" $(peer_cmd "$peer" "$o/$peer"))
    echo "$peer     $n pages of the shared corpus, rebuild: ${pms} ms, peak ${pmib} MiB; handbok is $(ratio "$pms" "$same_ms")x as fast"
    summary+=("$n pages: handbok / $peer = $(ratio "$same_ms" "$pms") (${same_ms} ms, ${same_mib} MiB vs ${pms} ms, ${pmib} MiB)")
  done
  for peer in "${own_peers[@]}"; do
    # shellcheck disable=SC2046
    read -r oms omib < <(measure "$peer" $(peer_cmd "$peer" "$o/own-$peer" "/tmp/handbok-bench-own-$peer-$n"))
    echo "$peer     $n pages of handbok's corpus, rebuild: ${oms} ms, peak ${omib} MiB; handbok is $(ratio "$oms" "$ms")x as fast"
    own_summary+=("$n pages: handbok / $peer = $(ratio "$ms" "$oms") (${ms} ms, ${mib} MiB vs ${oms} ms, ${omib} MiB)")
  done
  rm -rf "$o"

  [ "$cold_runs" = 1 ] || continue
  bases=("$dir/out")
  [ -n "$shared" ] && bases+=("$plain/out" "$plain/floor")
  for peer in "${peers[@]}"; do bases+=("/tmp/handbok-bench-$peer-$n/out"); done
  for base in "${bases[@]}"; do
    for run in $(seq "$runs"); do rm -rf "$base-cold-$run" "$(dirname "$base")/.$(basename "$base")-cold-$run".*; done
  done
done
echo "== ratios of this run (rebuilds of the shared corpus, output in $out_dir, medians of $runs)"
printf '%s\n' "${summary[@]}"
echo "== ratios of this run (rebuilds of handbok's corpus in each tool's layout, output in $out_dir, medians of $runs)"
printf '%s\n' "${own_summary[@]}"
