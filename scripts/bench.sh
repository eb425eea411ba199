#!/usr/bin/env bash
# The README's Performance figures: `extract` and `build` end to end over a corpus of at least
# 100 MB (the wikinews sample repeated, unique ids per copy, generated into /tmp), with 1 and
# 2 threads, under /usr/bin/time -v; then, unless --no-criterion, the criterion benchmarks of
# the stages (benches/stages.rs).
#
#   scripts/bench.sh [--megabytes N] [--threads "1 2"] [--no-criterion]
#
# Run it on a quiet machine: it prints the load average before and after, and the figures
# mean little if other jobs shared the cores.
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes=100
threads="1 2"
criterion=1
while [ $# -gt 0 ]; do
  case "$1" in
    --megabytes) megabytes=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --no-criterion) criterion=0; shift ;;
    *) echo "usage: $0 [--megabytes N] [--threads \"1 2\"] [--no-criterion]" >&2; exit 2 ;;
  esac
done

source=${NEWSGRAPH_BENCH_SOURCE:-../shared/corpus/wikinews/wikinews.jsonl}
corpus=/tmp/newsgraph-bench-${megabytes}mb.jsonl
out=$(mktemp -d /tmp/newsgraph-bench.XXXXXX)
trap 'rm -rf "$out"' EXIT

[ -s "$corpus" ] || python3 scripts/make-corpus.py "$source" "$corpus" "$megabytes"
cargo build --release --quiet
bin=target/release/newsgraph
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB, $(wc -l <"$corpus") articles); $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| command | threads | wall s | CPU s | MB/s | MB/s per thread | MB per CPU s | peak MB |\n'
printf '|---|---|---|---|---|---|---|---|\n'
declare -A wall
for cmd in extract build; do
  for t in $threads; do
    case $cmd in
      extract) target="$out/extract.jsonl" ;;
      build) target="$out/graph.json" ;;
    esac
    /usr/bin/time -v "$bin" "$cmd" "$corpus" -j "$t" -q -o "$target" 2>"$out/time"
    w=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$out/time")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$out/time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time")
    wall[$cmd-$t]=$w
    awk -v c="$cmd" -v t="$t" -v w="$w" -v cpu="$cpu" -v b="$bytes" -v rss="$rss" 'BEGIN {
      printf "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |\n", c, t, w, cpu, b/1e6/w, b/1e6/w/t, b/1e6/cpu, rss/1024 }'
  done
done
echo
for cmd in extract build; do
  set -- $threads
  first=$1
  for t in $threads; do
    [ "$t" = "$first" ] && continue
    awk -v c="$cmd" -v a="${wall[$cmd-$first]}" -v b="${wall[$cmd-$t]}" -v f="$first" -v t="$t" \
      'BEGIN { printf "%s: %s threads are %.2f times as fast as %s\n", c, t, a/b, f }'
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$criterion" = 1 ]; then
  echo
  cargo bench --bench stages -- --noplot 2>/dev/null | grep -E '^[a-z]|time:|thrpt:' | grep -v '%'
fi
