"""Helpers shared by the evaluation commands: run `newsgraph extract`, fold text, country codes."""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
DEFAULT_BIN = os.path.join(ROOT, "target", "release", "newsgraph")


def add_common_args(parser):
    parser.add_argument("--bin", default=DEFAULT_BIN, help="newsgraph binary (default: %(default)s)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print N example errors of each kind, and the most frequent error strings")


def run_extract(binary, records, timeout=900):
    """Run `extract` once over all records ({"id", "text"}); return its outputs in input order."""
    if not os.access(binary, os.X_OK):
        sys.exit(f"error: no executable at {binary} (cargo build --release, or pass --bin)")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "input.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        try:
            proc = subprocess.run([binary, "extract", "--input-format", "jsonl", "-q", path],
                                  capture_output=True, text=True, encoding="utf-8", timeout=timeout)
        except subprocess.TimeoutExpired:
            sys.exit(f"error: {binary} extract did not finish within {timeout} s")
    if proc.returncode != 0:
        sys.exit(f"error: {binary} extract failed ({proc.returncode}): {proc.stderr.strip()}")
    out = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    if [o["id"] for o in out] != [r["id"] for r in records]:
        sys.exit("error: extract output does not match the input records one to one")
    return out


def fold(text):
    """Lowercase, strip accents, straighten quotes: a lookup key, never used for offsets."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def byte_offsets(text):
    """offsets[i] = UTF-8 byte offset of character i (len(text) + 1 entries)."""
    offsets = [0]
    for c in text:
        offsets.append(offsets[-1] + len(c.encode("utf-8")))
    return offsets


def load_countries():
    """Folded country name/alias/demonym -> ISO3, and the set of folded demonyms,
    from the project's own lexicon (data/lexicon/countries.tsv)."""
    names, demonyms = {}, set()
    with open(os.path.join(ROOT, "data", "lexicon", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            iso3, forms = cols[0], [cols[1]] + cols[2].split("|") + cols[3].split("|")
            for form in filter(None, forms):
                names.setdefault(fold(form), iso3)
            demonyms.update(fold(d) for d in cols[3].split("|") if d)
    return names, demonyms


def prf(correct, predicted, gold):
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
