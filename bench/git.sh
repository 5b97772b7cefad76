#!/usr/bin/env bash
# Git history benchmark (issue 22): what reading page dates, authors and histories from git
# adds to a build. A synthetic handbook of N pages (default 10,000) is committed in C commits
# (default 1,000): each commit adds N/C pages and changes five earlier ones, by one of three
# authors. The same corpus is then built inside the repository (with the history) and as a
# copy outside any repository (without it), in interleaved pairs.
#   bench/git.sh [PAGES] [COMMITS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
pages="${1:-10000}"
commits="${2:-1000}"
work="${BENCH_DIR:-/tmp/handbok-bench-git-$pages-$commits}"
cd "$root"
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
if [ ! -f "$work/.complete" ]; then
  rm -rf "$work" "$work-files"
  ./target/release/examples/gen_corpus --pages "$pages" --seed 1 "$work-files" >/dev/null
  mkdir -p "$work"
  cp "$work-files"/*.yaml "$work/"
  mapfile -t files < <(cd "$work-files" && find content -type f | sort)
  g() { git -C "$work" -c init.defaultBranch=main -c commit.gpgsign=false "$@"; }
  g init -q
  per=$(( (${#files[@]} + commits - 1) / commits ))
  authors=("Anna Andersson" "Bertil Berg" "Cecilia Ceder")
  for c in $(seq 0 $((commits - 1))); do
    for f in "${files[@]:$((c * per)):$per}"; do
      mkdir -p "$work/$(dirname "$f")"
      cp "$work-files/$f" "$work/$f"
    done
    # Five earlier pages change in every commit after the first.
    if [ "$c" -gt 0 ]; then
      for k in 1 2 3 4 5; do
        added=$(( c * per < ${#files[@]} ? c * per : ${#files[@]} ))
        f="${files[$(( (c * 7919 + k * 104729) % added ))]}"
        [ -f "$work/$f" ] && printf '\nÄndring %s.\n' "$c" >> "$work/$f"
      done
    fi
    who="${authors[$((c % 3))]}"
    when="$(( 1735689600 + c * 3600 )) +0100"
    g add -A
    GIT_AUTHOR_NAME="$who" GIT_AUTHOR_EMAIL=x@example.se GIT_AUTHOR_DATE="$when" \
      GIT_COMMITTER_NAME="$who" GIT_COMMITTER_EMAIL=x@example.se GIT_COMMITTER_DATE="$when" \
      g commit -q -m "Ändring $c"
  done
  g gc -q
  touch "$work/.complete"
fi
echo "corpus: $(find "$work/content" -name '*.md' | wc -l) pages, $(git -C "$work" rev-list --count HEAD) commits in $work"
rm -rf "$work-plain" && mkdir -p "$work-plain"
cp -r "$work/content" "$work"/*.yaml "$work-plain/"
runs="${RUNS:-15}"
for _ in 1 2; do
  ./target/release/handbok build --root "$work" >/dev/null 2>&1
  ./target/release/handbok build --root "$work-plain" >/dev/null 2>&1
done
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
with=(); without=(); reads=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  out=$(HANDBOK_LANG=en ./target/release/handbok build --root "$work" --timings 2>&1)
  with+=($(( ($(date +%s%N) - start) / 1000000 )))
  reads+=("$(echo "$out" | sed -n 's/^timing: *the git history: \([0-9.]*\) ms/\1/p')")
  without+=("$(ms ./target/release/handbok build --root "$work-plain")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
w=$(median "${with[@]}"); wo=$(median "${without[@]}"); r=$(median "${reads[@]}")
echo "build with git history ${w} ms, without ${wo} ms (medians of $runs interleaved pairs): git adds $((w - wo)) ms"
echo "reading the history (beside the pages, --timings): ${r} ms"
echo "pages with git dates: $(grep -l 'class="last-changed">Senast ändrad' -r "$work/public" --include=index.html | wc -l); change log rows: $(grep -c '<tr><td><time' "$work/public/senaste-andringar/index.html")"
