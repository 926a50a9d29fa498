#!/usr/bin/env bash
# Starts Glossa on the embedded default (no DATABASE_URL) from an empty data directory, loads a source
# page, stops it with Ctrl-C (SIGINT), starts it again and checks the data survived: the page still
# shows and the import finds every source already there.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$(mktemp -d)/data"
port=3190
log="$(mktemp)"
url="http://127.0.0.1:$port/en/sources/kuty-directive"

start() {
  env -u DATABASE_URL GLOSSA_DATA_DIR="$data" PORT=$port npm start >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "$url" -o /tmp/glossa-page.html 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "Glossa exited before serving"; exit 1; }
    sleep 1
  done
  cat "$log"; echo "Glossa did not serve $url in 120 s"; exit 1
}
stop() {
  # npm start runs tsx, which runs the start script: signal the whole process group as Ctrl-C would.
  pkill -INT -f "lib/cli/start.ts" || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "Glossa did not stop on SIGINT"; exit 1; fi
  grep -q "Stopped." "$log" || { cat "$log"; echo "Glossa did not stop cleanly"; exit 1; }
}

start
grep -q "Kuty Directive" /tmp/glossa-page.html || { echo "source page lacks its title"; exit 1; }
grep -q "source created" "$log" || { cat "$log"; echo "first start did not import the sources"; exit 1; }
stop
start
grep -q "Kuty Directive" /tmp/glossa-page.html || { echo "source page lacks its title after restart"; exit 1; }
grep -q "Sources: 5 up to date, nothing changed." "$log" || { cat "$log"; echo "data did not survive the restart"; exit 1; }
stop
echo "Embedded default: served, stopped cleanly, restarted with its data."
