#!/usr/bin/env python3
"""A reproducible random sample of event relations from a JSONL archive, for judging by hand.

Precision on news the project was not developed on has no gold standard: draw N event
relations (static ones left out) with their sentences, judge each, and report the share
judged right with the seed, so anyone can redraw the same sample.

    python3 eval/sample.py [--seed S] [--n N] [FILE.jsonl]
"""
import argparse
import json
import random
import subprocess
import sys

from common import DEFAULT_BIN as BIN  # the release binary (cargo build --release)

STATIC = {"member-of", "leader-of", "part-of", "relative-of", "located-in"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default="../shared/corpus/wikinews/wikinews.jsonl")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--bin", default=BIN)
    args = ap.parse_args()
    texts = {}
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                texts[d["id"]] = d["text"].encode("utf-8")
    out = subprocess.run([args.bin, "extract", "-q", args.file], check=True, capture_output=True).stdout
    rels = []
    for line in out.decode("utf-8").splitlines():
        d = json.loads(line)
        label = {e["id"]: e["label"] for e in d["entities"]}
        text = texts[d["id"]]
        for r in d["relations"]:
            if r["relation"] in STATIC:
                continue
            sentence = text[r["sentence"]["start"]:r["sentence"]["end"]].decode("utf-8")
            neg = " (negated)" if r["negated"] else ""
            rels.append(f'{label[r["source"]]} -{r["relation"]}{neg}-> {label[r["target"]]} '
                        f'[{r["trigger"]["text"]}]\n    {sentence}')
    print(f"{len(rels)} event relations in {len(texts)} documents; sample of {args.n}, seed {args.seed}")
    random.seed(args.seed)
    for i, r in enumerate(random.sample(rels, min(args.n, len(rels)))):
        print(f"{i + 1}. {r}")


if __name__ == "__main__":
    sys.exit(main())
