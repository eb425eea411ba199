#!/usr/bin/env bash
# The README's figures for the HTML view: for news-like graphs of N entities and 4N relations
# (examples/large_graph.rs), the CPU time and peak memory of `newsgraph view` (/usr/bin/time
# -v), the page's size, and the seconds headless Chromium takes to open the page and draw it
# (tests/consumers/browser_check.py: wall clock, and the CPU time of the page's main thread,
# which other jobs on the machine inflate less).
#
#   scripts/bench-view.sh [N ...]          (default: 1000 5000 10000 20000)
#
# Needs chromium, chromedriver and Selenium (see .ci/run). Run it on a quiet machine: it
# prints the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${*:-1000 5000 10000 20000}
cargo build --release --quiet
cargo build --release --quiet --example large_graph
out=$(mktemp -d /tmp/newsgraph-bench-view.XXXXXX)
trap 'rm -rf "$out"' EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| entities | relations | view CPU s | view peak MB | page MB | browser s | main-thread CPU s |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  m=$((n * 4))
  target/release/examples/large_graph "$n" "$m" "$out/g.json"
  /usr/bin/time -v target/release/newsgraph view "$out/g.json" -o "$out/g.html" 2> "$out/time.txt"
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$out/time.txt")
  peak=$(awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$out/time.txt")
  page=$(stat -c %s "$out/g.html" | awk '{printf "%.1f", $1 / 1e6}')
  line=$(python3 tests/consumers/browser_check.py "$out/g.html" "$out/g.json" --max-load-seconds 600 | sed -n 1p)
  browser=$(echo "$line" | sed -n 's/.* in \([0-9.]*\) s (\([0-9.]*\) s main-thread CPU).*/\1 | \2/p')
  echo "| $n | $m | $cpu | $peak | $page | $browser |"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
