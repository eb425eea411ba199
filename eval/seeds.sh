#!/usr/bin/env bash
# Builds the seed articles (seeds/) into a temporary graph and scores it against the hand-made
# reference annotation with ../shared/eval/score.py --verbose.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/target/release/newsgraph"
shared="$root/../shared"

usage() {
  cat <<EOF
Usage: eval/seeds.sh [--bin PATH] [--json]

Builds $root/seeds into a temporary graph JSON and runs
  python3 ../shared/eval/score.py ../shared/gold/seeds.json GRAPH --verbose
(entity must-recall, precision and type accuracy; relation must-recall and precision; the
missing, mistyped and unlisted entities and relations). Builds the release binary first when
the default binary is missing.
  --bin PATH   newsgraph binary (default: target/release/newsgraph)
  --json       print score.py's figures as JSON instead
EOF
}

mode=--verbose
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --json) mode=--json; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

if [ ! -x "$bin" ]; then
  [ "$bin" = "$root/target/release/newsgraph" ] || { echo "error: no executable at $bin" >&2; exit 1; }
  (cd "$root" && cargo build --release --quiet)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build -q "$root/seeds" -o "$tmp/seeds.json"
python3 "$shared/eval/score.py" "$shared/gold/seeds.json" "$tmp/seeds.json" "$mode"
