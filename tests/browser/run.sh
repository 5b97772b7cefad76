#!/usr/bin/env bash
# Browser tests: builds the bundled handbook under a base path and runs every *.test.mjs
# against it in Debian's headless Chromium. Fails (never skips) when Chromium is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "error: Chromium not found at $chromium; install Debian's package: apt-get install chromium" >&2
  exit 1
fi
if ! java -version >/dev/null 2>&1; then
  echo "error: Java not found (the HTML validator needs it): apt-get install default-jre-headless" >&2
  exit 1
fi
if [ ! -d "$here/node_modules/vnu-jar" ]; then
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)
fi
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
(cd "$root" && cargo run --release --quiet -- build --output "$site/public" --base-url /hallbarhet/)
# A small fixture site with an edit URL, for the page footer's "Redigera sidan" link.
cp -r "$here/../fixtures/basic" "$site/edit-site"
printf 'edit_url: https://git.example.se/handbok/-/edit/main/content/{path}\n' >> "$site/edit-site/handbok.yaml"
(cd "$root" && cargo run --release --quiet -- build --root "$site/edit-site" --output "$site/edit-public" --base-url /hallbarhet/)
# How the index analyses every word of the bundled handbook and of a 10,000-page synthetic
# corpus, for analysis.test.mjs to compare with the browser's analysis.
(cd "$root" && cargo build --release --quiet --example gen_corpus --example analysis)
target="${CARGO_TARGET_DIR:-$root/target}"
"$target/release/examples/gen_corpus" --pages 10000 --seed 1 "$site/corpus" >/dev/null
"$target/release/examples/analysis" "$root" > "$site/analysis-bundled.json"
"$target/release/examples/analysis" "$site/corpus" > "$site/analysis-corpus.json"
cd "$here"
(cd "$root" && cargo build --release --quiet)
SITE_DIR="$site/public" EDIT_SITE_DIR="$site/edit-public" BASE_PATH=/hallbarhet/ CHROMIUM="$chromium" \
  HANDBOK_BIN="$target/release/handbok" SERVE_FIXTURE="$root/tests/fixtures/basic" \
  ANALYSIS_BUNDLED="$site/analysis-bundled.json" ANALYSIS_CORPUS="$site/analysis-corpus.json" \
  node --test --test-concurrency=1 ./*.test.mjs
