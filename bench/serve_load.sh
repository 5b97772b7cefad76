#!/usr/bin/env bash
# Server under load (issue 10): `handbok serve` of the bundled handbook on 127.0.0.1 hit by
# ApacheBench (50 connections for 5 s, with and without keep-alive) and wrk (50 connections
# for 10 s over every page and asset), first idle, then while a page is saved every 0.3 s
# and handbok.yaml every 1.5 s (incremental and full rebuilds). Each run prints how many
# rebuilds happened during it: the runs are timed, not counted, so that every run under
# load overlaps several.
# Needs `ab` (apache2-utils) and `wrk`. HANDBOK_BIN picks another binary to compare.
# Usage: bench/serve_load.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
if [ -z "${HANDBOK_BIN:-}" ]; then
  (cd "$root" && cargo build --release --quiet)
  HANDBOK_BIN="$target/release/handbok"
fi
for tool in ab wrk; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y apache2-utils wrk)" >&2; exit 2; }
done

site="$(mktemp -d /tmp/handbok-serve-load-XXXXXX)"
cp -r "$root/content" "$root/handbok.yaml" "$root/ordlista.yaml" "$root/templates" "$root/themes" "$site/"
log="$site.log"
"$HANDBOK_BIN" serve --root "$site" --port 0 2>"$log" &
server=$!
editor=""
cleanup() {
  [ -n "$editor" ] && kill "$editor" 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$site" "$log" "$site.lua"
}
trap cleanup EXIT
port=""
for _ in $(seq 1 300); do
  port="$(sed -n 's#.*http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$log" | head -1)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve did not start:" >&2; cat "$log" >&2; exit 1; }
url="http://127.0.0.1:$port"
public="$(ls -d "${TMPDIR:-/tmp}"/handbok-serve-"$server"-*/public | head -1)"

# Every file of the site, for wrk to cycle through.
{
  echo "local paths = {"
  (cd "$public" && find . -type f ! -name '.*' | sed 's#^\./##; s#index\.html$##' | sort) |
    while read -r p; do echo "  \"/$p\","; done
  echo "}"
  echo "local i = 0"
  echo "request = function() i = i % #paths + 1; return wrk.format(\"GET\", paths[i]) end"
} >"$site.lua"

rebuilds() { echo "$(grep -c '^updated ' "$log") $(grep -c '^rebuilt ' "$log")"; }
during() { # the counts before a run: prints the rebuilds since
  local before after
  read -r -a before <<<"$1"
  read -r -a after <<<"$(rebuilds)"
  echo "   rebuilds during this run: $((after[0] - before[0])) incremental, $((after[1] - before[1])) full"
}

phase() {
  local counts
  for keep in "" "-k"; do
    echo "== ab -t 5 -n 10000000 -c 50 $keep /"
    counts="$(rebuilds)"
    ab -q -t 5 -n 10000000 -c 50 $keep "$url/" 2>&1 |
      grep -E "Complete requests|Failed requests|Non-2xx|Requests per second|^  50%|^  99%|^ 100%" || true
    during "$counts"
  done
  echo "== wrk -t2 -c50 -d10s --latency (every page and asset in turn)"
  counts="$(rebuilds)"
  wrk -t2 -c50 -d10s --latency -s "$site.lua" "$url" 2>&1 |
    grep -E "requests in|Requests/sec|Socket errors|Non-2xx|^ +50%|^ +99%" || true
  during "$counts"
}

edits() {
  local page="$site/content/strategi/index.md"
  [ -f "$page" ] || page="$(find "$site/content" -name '*.md' ! -name '_index.md' | sort | head -1)"
  local n=0
  while true; do
    n=$((n + 1))
    printf '\nRad %d.\n' "$n" >>"$page"
    if [ $((n % 5)) -eq 0 ]; then
      sed "s/^description: .*/description: Version $n./" "$site/handbok.yaml" >"$site/.handbok.yaml.tmp"
      mv "$site/.handbok.yaml.tmp" "$site/handbok.yaml"
    fi
    sleep 0.3
  done
}

echo "# idle"
phase
edits &
editor=$!
echo "# while rebuilding"
phase
kill "$editor" 2>/dev/null || true
editor=""
echo "# rebuilds during the runs: $(grep -c '^updated ' "$log") incremental, $(($(grep -c '^rebuilt ' "$log") - 1)) full"
curl -s -o /dev/null -w "# afterwards: GET / -> %{http_code}\n" "$url/"
