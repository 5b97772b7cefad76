#!/usr/bin/env bash
# Search benchmark (issue 6): on a synthetic handbook of N pages (default 10,000) reports the
# wall time the search index adds to the build (with against without it), the index size, and, in
# headless Chromium, the bytes a first query downloads and the time to its first results.
#   bench/search.sh [PAGES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
pages="${1:-10000}"
work="${BENCH_DIR:-/tmp/handbok-bench-search-$pages}"
cd "$root"
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
./target/release/examples/gen_corpus --pages "$pages" --seed 1 "$work"
echo "corpus: $pages pages, $(du -sh "$work/content" | cut -f1) of Markdown in $work"
# The index's cost: the same build with and without it (a build of handbok with the
# benchmark-only feature that skips the index), each on its own copy of the corpus so that
# each reuses its own previous output, warmed up twice, then interleaved pairs.
cargo build --release --quiet --features bench-without-search-index --target-dir target/bench-without-index
without_bin=target/bench-without-index/release/handbok
rm -rf "$work-without" && mkdir -p "$work-without"
cp -r "$work/content" "$work"/*.yaml "$work-without/"
runs=15
for _ in 1 2; do
  ./target/release/handbok build --root "$work" >/dev/null 2>&1
  "$without_bin" build --root "$work-without" >/dev/null 2>&1
done
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
with=(); without=(); indexes=()
for i in $(seq $runs); do
  start=$(date +%s%N)
  out=$(HANDBOK_LANG=en ./target/release/handbok build --root "$work" --timings 2>&1)
  with+=($(( ($(date +%s%N) - start) / 1000000 )))
  indexes+=("$(echo "$out" | sed -n 's/^timing: *of which the search index (beside the pages): \([0-9.]*\) ms/\1/p')")
  without+=("$(ms "$without_bin" build --root "$work-without")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
w=$(median "${with[@]}"); wo=$(median "${without[@]}"); x=$(median "${indexes[@]}")
ratios=(); for i in $(seq 0 $((runs - 1))); do ratios+=("$(awk "BEGIN {print ${with[$i]}/${without[$i]}}")"); done
echo "build with the index ${w} ms, without ${wo} ms (medians of $runs interleaved pairs): the index adds $(awk "BEGIN {printf \"%.0f\", 100*($w/$wo-1)}")% (median of the pairs' ratios: $(awk "BEGIN {printf \"%.0f\", 100*($(median "${ratios[@]}")-1)}")%)"
# The index is built beside the pages (rayon::join), so its own time is not all added.
echo "the index's own time beside the pages (--timings): ${x} ms"
sok="$work/public/sok"
echo "index: $(find "$sok" -type f | wc -l) files, $(du -sb "$sok" | cut -f1) bytes ($(du -sh --apparent-size "$sok" | cut -f1)); largest postings file $(ls -S "$sok/i" | head -1 | xargs -I{} stat -c %s "$sok/i/{}") bytes"
if [ -x /usr/bin/chromium ] && [ -d "$root/tests/browser/node_modules/playwright-core" ]; then
  SITE_DIR="$work/public" node "$here/search-query.mjs" klimatanpassning hållbara strategi folkhälsa
else
  echo "browser measurement skipped: needs /usr/bin/chromium and tests/browser/node_modules (npm ci in tests/browser)"
fi
