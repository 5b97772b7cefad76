#!/usr/bin/env bash
# Browser tests: builds the bundled handbook under a base path and runs every *.test.mjs
# against it in Debian's headless Chromium. Fails (never skips) when Chromium is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
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
(cd "$here/../.." && cargo run --release --quiet -- build --output "$site/public" --base-url /hallbarhet/)
cd "$here"
SITE_DIR="$site/public" BASE_PATH=/hallbarhet/ CHROMIUM="$chromium" node --test --test-concurrency=1 ./*.test.mjs
