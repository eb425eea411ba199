#!/usr/bin/env bash
# Throughput (MB/s) and peak memory (maximum resident set size) of `newsgraph extract` and
# `newsgraph build` on the Wikinews corpus, measured with /usr/bin/time -v.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/target/release/newsgraph"
corpus="$root/../shared/corpus/wikinews/wikinews.jsonl"
runs=3
limit=600

usage() {
  cat <<EOF
Usage: eval/throughput.sh [--bin PATH] [--corpus FILE.jsonl] [--runs N] [--timeout SECS]

Runs 'extract' and 'build' on the corpus N times each (default $runs) and prints, per command,
the input size, the best wall-clock time (and the CPU time of that run: user + system, less
sensitive to a busy machine), MB/s of wall time (MB = 10^6 bytes of input) and the largest peak
RSS (MiB). Builds the release binary first when the default binary is missing.
  --bin PATH      newsgraph binary (default: target/release/newsgraph)
  --corpus FILE   JSONL corpus (default: ../shared/corpus/wikinews/wikinews.jsonl)
  --runs N        repetitions per command (default: $runs)
  --timeout SECS  give up on a run after SECS seconds and say so (default: $limit)
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
[ -f "$corpus" ] || { echo "error: no corpus at $corpus" >&2; exit 1; }
if [ ! -x "$bin" ]; then
  [ "$bin" = "$root/target/release/newsgraph" ] || { echo "error: no executable at $bin" >&2; exit 1; }
  (cd "$root" && cargo build --release --quiet)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(stat -c %s "$corpus")
docs=$(grep -c . "$corpus")
echo "corpus: $corpus ($docs documents, $bytes bytes); binary: $bin; best of $runs runs"

for cmd in extract build; do
  best="" best_cpu="" rss=0
  for _ in $(seq "$runs"); do
    out="$tmp/out.jsonl"; [ "$cmd" = build ] && out="$tmp/graph.json"
    status=0
    /usr/bin/time -v timeout "$limit" "$bin" "$cmd" -q "$corpus" -o "$out" 2>"$tmp/time" >/dev/null || status=$?
    if [ "$status" = 124 ]; then echo "$cmd: no result within $limit s (--timeout)"; continue 2; fi
    [ "$status" = 0 ] || { cat "$tmp/time" >&2; exit 1; }
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23" -> seconds
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tmp/time")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
    cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$tmp/time")
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN {exit !(a < b)}'; then best=$secs best_cpu=$cpu; fi
    if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
  done
  awk -v c="$cmd" -v b="$bytes" -v s="$best" -v u="$best_cpu" -v k="$rss" 'BEGIN {
    printf "%-8s %.2f MB in %.2f s wall (%.2f s CPU) = %.2f MB/s, peak RSS %.1f MiB\n",
      c, b / 1e6, s, u, (s > 0 ? b / 1e6 / s : 0), k / 1024 }'
done
