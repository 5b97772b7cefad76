#!/usr/bin/env bash
# Checks that an optimisation changed nothing a reader gets: builds the bundled handbook and
# a synthetic corpus with two handbok binaries (before and after) into /dev/shm and compares
# the trees byte for byte (`diff -r`). Exit 0 when every file is identical.
#   bench/same-output.sh BEFORE_BINARY AFTER_BINARY [PAGES]     default PAGES: 10000
# For example, with the previous commit built into its own target folder:
#   git worktree add /tmp/before HEAD~1 && (cd /tmp/before && cargo build --release)
#   bench/same-output.sh /tmp/before/target/release/handbok target/release/handbok
# The bundled handbook reads the theme from this checkout's themes/default/: when a change
# moves text between theme files, set BEFORE_SITE=/tmp/before so that the before binary
# builds the before commit's checkout (its content is the same).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
before="$1"
after="$2"
pages="${3:-10000}"
work="${OUT_DIR:-/dev/shm}/handbok-same-output"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cd "$root"
cargo build --release --quiet --example gen_corpus
./target/release/examples/gen_corpus --pages "$pages" --seed 1 "$work/corpus" >/dev/null
status=0
for site in "$root" "$work/corpus"; do
  for which in before after; do
    bin="$before"; from="$site"
    [ "$which" = before ] && [ "$site" = "$root" ] && from="${BEFORE_SITE:-$root}"
    [ "$which" = after ] && bin="$after"
    SOURCE_DATE_EPOCH=1767225600 "$bin" build --root "$from" --output "$work/$which" \
      --base-url https://intranat.example.se/hallbarhet/ >"$work/build.log" 2>&1 ||
      { echo "the $which binary ($bin) failed to build $site:" >&2; grep -v '^ ' "$work/build.log" | tail -5 >&2; exit 1; }
  done
  # The ownership marker names its own folder; everything else must be identical.
  if diff -r -x .handbok-output "$work/before" "$work/after" >"$work/diff.txt"; then
    echo "same output: $site ($(find "$work/after" -type f | wc -l) files)"
  else
    echo "DIFFERENT output: $site" >&2
    head -20 "$work/diff.txt" >&2
    status=1
  fi
  rm -rf "$work/before" "$work/after" "$work"/.before.* "$work"/.after.*
done
exit "$status"
