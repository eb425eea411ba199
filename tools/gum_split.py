#!/usr/bin/env python3
"""Writes the GUM documents of ../shared/data/gum/dep into one CoNLL-U file per split.

GUM ships one file per document and SPLIT.txt names the documents of the official UD dev
and test partitions; every other document is train. The documents listed in
models/gum-held-out.txt are left out of every split (they belong to the evaluation data of
newsgraph's relation gold). Writes, into OUT:

  train.conllu       train documents
  dev.conllu         dev documents (all genres)
  test.conllu        test documents (all genres)
  dev-news.conllu    dev documents of the news and interview genres
  test-news.conllu   test documents of the news and interview genres

Documents are written in name order, unchanged (their `# newdoc id` lines included), so the
files are the same bytes on every run. Python 3 standard library only.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_GUM = os.path.join(os.path.dirname(ROOT), "shared", "data", "gum")
DEFAULT_HELD_OUT = os.path.join(ROOT, "models", "gum-held-out.txt")
NEWS_GENRES = ("news", "interview")


def read_ids(path):
    """Document ids of a list file: the last field of each line, '#' comments skipped."""
    ids = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                ids.append(line.split()[-1])
    return ids


def read_split(path):
    """{document id: 'dev' | 'test'} from GUM's SPLIT.txt."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            fields = line.split()
            if len(fields) != 2 or fields[0] not in ("dev", "test"):
                sys.exit(f"{path}:{n}: expected 'dev|test<TAB>DOCUMENT', got {line!r}")
            out[fields[1]] = fields[0]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--out", required=True, help="output directory (created if missing)")
    ap.add_argument("--gum", default=DEFAULT_GUM, help="the GUM folder (dep/ and SPLIT.txt)")
    ap.add_argument("--held-out", default=DEFAULT_HELD_OUT, help="documents left out of every split")
    args = ap.parse_args()

    dep = os.path.join(args.gum, "dep")
    split = read_split(os.path.join(args.gum, "SPLIT.txt"))
    held_out = set(read_ids(args.held_out))
    docs = sorted(f[: -len(".conllu")] for f in os.listdir(dep) if f.endswith(".conllu"))
    if not docs:
        sys.exit(f"{dep}: no .conllu files")
    for doc in sorted(held_out | set(split)):
        if doc not in docs:
            sys.exit(f"{doc}: listed but not in {dep}")
    clash = held_out & set(split)
    if clash:
        sys.exit(f"held-out documents already in dev/test: {', '.join(sorted(clash))}")

    parts = {name: [] for name in ("train", "dev", "test", "dev-news", "test-news")}
    for doc in docs:
        if doc in held_out:
            continue
        part = split.get(doc, "train")
        with open(os.path.join(dep, doc + ".conllu"), encoding="utf-8") as f:
            text = f.read()
        if not text.endswith("\n\n"):
            text = text.rstrip("\n") + "\n\n"
        parts[part].append(text)
        genre = doc.split("_")[1]
        if part != "train" and genre in NEWS_GENRES:
            parts[part + "-news"].append(text)
    os.makedirs(args.out, exist_ok=True)
    for name, texts in parts.items():
        path = os.path.join(args.out, name + ".conllu")
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(texts))
        print(f"{path}: {len(texts)} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
