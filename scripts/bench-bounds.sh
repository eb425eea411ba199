#!/usr/bin/env bash
# The README's figures for inputs without bounds of their own (Performance): one document of
# 10 MB, and 2 MB of names and verbs without a full stop, each built with one thread under
# /usr/bin/time -v. The inputs are generated into /tmp:
#
# - paragraph-2mb.txt: the words of "Mexico Sheinbaum the United States accused and cartel
#   Rubio praised of China government police arrested" drawn at random, no sentence end;
# - record-10mb.jsonl: one JSONL record, the Wikinews sample's articles joined and repeated
#   to 10 MB (few distinct names: the sample's own);
# - names-10mb.jsonl: one JSONL record of 10 MB of short sentences with invented names,
#   every name new (the entities grow with the text).
#
#   scripts/bench-bounds.sh
set -euo pipefail
cd "$(dirname "$0")/.."

source=${NEWSGRAPH_BENCH_SOURCE:-../shared/corpus/wikinews/wikinews.jsonl}
dir=/tmp/newsgraph-bench-bounds
mkdir -p "$dir"
python3 - "$dir" "$source" <<'PY'
import json, os, random, sys
out, source = sys.argv[1], sys.argv[2]
random.seed(1)
words = "Mexico Sheinbaum the United States accused and cartel Rubio praised of China government police arrested".split()
path = os.path.join(out, "paragraph-2mb.txt")
if not os.path.exists(path):
    with open(path, "w") as f:
        f.write(" ".join(random.choice(words) for _ in range(600000))[:2000000] + "\n")
path = os.path.join(out, "record-10mb.jsonl")
if not os.path.exists(path):
    texts = [json.loads(line)["text"] for line in open(source) if line.strip()]
    text = "\n\n".join(texts)
    while len(text.encode()) < 10_000_000:
        text += "\n\n" + "\n\n".join(texts)
    text = text.encode()[:10_000_000].decode("utf-8", "ignore")
    with open(path, "w") as f:
        f.write(json.dumps({"id": "one", "text": text}) + "\n")
path = os.path.join(out, "names-10mb.jsonl")
if not os.path.exists(path):
    random.seed(7)
    syllables = "ka lo mi ra ve to su na de fi bo ri la ne go pa zu me ti".split()
    def name():
        return "".join(random.choice(syllables) for _ in range(random.randint(2, 3))).capitalize()
    verbs = ["accused", "praised", "met", "criticized", "threatened", "arrested", "thanked", "urged"]
    parts, size = [], 0
    while size < 10_000_000:
        a, b, party = f"{name()} {name()}", f"{name()} {name()}", f"{name()} Party"
        s = (f"{a} of the {party} {random.choice(verbs)} {b} in {name()} on Monday. "
             f"{a.split()[1]} said the {party} would respond. ")
        parts.append(s)
        size += len(s)
        if random.random() < 0.1:
            parts.append("\n\n")
    with open(path, "w") as f:
        f.write(json.dumps({"id": "names", "text": "".join(parts)}) + "\n")
PY
cargo build --release --quiet
bin=target/release/newsgraph
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| input | MB | wall s | CPU s | peak MB | graph JSON MB |\n|---|---|---|---|---|---|\n'
for input in paragraph-2mb.txt record-10mb.jsonl names-10mb.jsonl; do
  /usr/bin/time -v "$bin" build -j 1 -q "$dir/$input" -o "$dir/out.json" 2>"$dir/time"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$dir/time")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$dir/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$dir/time")
  mb=$(awk -v b="$(stat -c %s "$dir/$input")" 'BEGIN{printf "%.1f", b/1e6}')
  out=$(awk -v b="$(stat -c %s "$dir/out.json")" 'BEGIN{printf "%.1f", b/1e6}')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$input" "$mb" "$wall" "$cpu" "$rss" "$out"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
