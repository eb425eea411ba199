#!/usr/bin/env python3
"""Repeats a JSONL corpus until it reaches a size, giving each copy's records unique ids.

    scripts/make-corpus.py SOURCE.jsonl OUT.jsonl MEGABYTES

Copy k's record "x" gets id "k-x" (records without an id get "k-line-N"); the text is
unchanged, so every copy extracts exactly as the original does.
"""
import json
import sys


def main():
    source, out, megabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
    with open(source, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    target = megabytes * 1e6
    written = 0
    copy = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            for n, record in enumerate(records, 1):
                record = dict(record)
                record["id"] = f"{copy}-{record.get('id', f'line-{n}')}"
                line = json.dumps(record, ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
            copy += 1
    print(f"{out}: {copy} copies, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
