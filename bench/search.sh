#!/usr/bin/env bash
# Search benchmark (issue 6): on a synthetic handbook of N pages (default 10,000) reports the
# search index's build time and its share of the whole build, the index size, and, in
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
runs=5
totals=(); shares=(); indexes=()
for i in $(seq $runs); do
  start=$(date +%s%N)
  out=$(./target/release/handbok build --root "$work" --timings 2>&1)
  end=$(date +%s%N)
  total=$(( (end - start) / 1000000 ))
  index=$(echo "$out" | sed -n 's/^timing: *of which the search index (beside the pages): \([0-9.]*\) ms/\1/p')
  totals+=("$total"); indexes+=("$index")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t=$(median "${totals[@]}"); x=$(median "${indexes[@]}")
# The index is built beside the pages (rayon::join), so its time is not all added to the
# build's wall time; the share below is its own wall time against the whole build's.
echo "build (median of $runs): ${t} ms; search index ${x} ms beside the pages = $(awk "BEGIN {printf \"%.0f\", 100*$x/$t}")% of the build's wall time"
sok="$work/public/sok"
echo "index: $(find "$sok" -type f | wc -l) files, $(du -sb "$sok" | cut -f1) bytes ($(du -sh --apparent-size "$sok" | cut -f1)); largest postings file $(ls -S "$sok/i" | head -1 | xargs -I{} stat -c %s "$sok/i/{}") bytes"
if [ -x /usr/bin/chromium ] && [ -d "$root/tests/browser/node_modules/playwright-core" ]; then
  SITE_DIR="$work/public" node "$here/search-query.mjs" klimatanpassning hållbara strategi folkhälsa
else
  echo "browser measurement skipped: needs /usr/bin/chromium and tests/browser/node_modules (npm ci in tests/browser)"
fi
