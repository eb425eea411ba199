#!/usr/bin/env python3
"""Relations on the project's news gold (eval/gold/): precision and recall per relation type.

Runs `newsgraph extract` once over the documents of a split of the gold (Wikinews articles and
GUM news/interview documents, annotated by hand for every stated relation; see
eval/gold/README.md) and compares its relations with the gold, document by document.

Actor matching. Each predicted entity of a document stands for at most one gold actor of that
document. Each of its mentions stands for the actor of the name occurrence (a whole-word
occurrence in the text of a name the gold lists for the actor) that fits it best, by overlap
over union (the "United States" nested in "United States Navy" is the country, the whole name
the navy); the entity stands for the actor most of its mentions stand for. An entity with no
such mention stands for the actor one of whose names equals its label (case, accents, "the"
and dots folded), else for the country actor with the same ISO3 code in
data/lexicon/countries.tsv, else for none.

Matching rule. A predicted relation (source entity, type, target entity, negated) is right when
both entities stand for gold actors and the gold holds a relation between those actors, of
either level (`must` or `may`), that lists this type among its types, in the same direction
(either direction for the symmetric cooperates-with, meets-with, negotiates-with, relative-of),
with the same negation. Each document counts a (source, type, target, negated) once, on both
sides, as the gold does.

Scores.
  precision  right predicted relations / predicted relations, per type and for events (the 16
             event types) and static relations (member-of, leader-of, part-of, relative-of,
             located-in).
  recall     gold `must` relations found / gold `must` relations. A gold relation is found when
             a predicted relation matches it by the rule above; it counts under its first type.
`may` relations are never missed, and never wrong when predicted.

The last line is `summary: event_p=… event_r=… static_p=… static_r=…`.
"""
import argparse
import collections
import json
import os
import random
import re
import sys

from common import ROOT, add_common_args, byte_offsets, fold, load_countries, run_extract

sys.path.insert(0, os.path.join(ROOT, "eval", "gold"))
import docs as D  # noqa: E402
from vocab import EVENTS, RELATIONS, STATIC, SYMMETRIC  # noqa: E402

GOLD_DIR = os.path.join(ROOT, "eval", "gold")


def load_gold(split):
    gold = []
    for corpus in D.CORPORA:
        with open(os.path.join(GOLD_DIR, f"{corpus}.jsonl"), encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if split == "all" or rec["split"] == split:
                    gold.append(rec)
    return gold


def name_key(name):
    k = fold(name).strip()
    k = re.sub(r"^the\s+", "", k).replace(".", "")
    k = re.sub(r"('s|')$", "", k)
    return " ".join(k.split())


class Matcher:
    """Predicted entities -> gold actors, for one document."""

    def __init__(self, text, rec, out, countries):
        offs = byte_offsets(text)
        self.spans = collections.defaultdict(list)  # actor key -> [(start, end)] byte spans
        self.keys = {}
        for key, actor in rec["actors"].items():
            for name in actor["names"]:
                self.keys.setdefault(name_key(name), key)
                for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                    self.spans[key].append((offs[m.start()], offs[m.end()]))
        self.country_of = {}
        for key, actor in rec["actors"].items():
            if actor["type"] == "country":
                for name in actor["names"]:
                    code = countries.get(fold(name))
                    if code:
                        self.country_of.setdefault(code, key)
        # Each mention stands for the actor of the name occurrence that fits it best
        # (overlap over union: the "United States" of "United States Navy" is the country,
        # the whole name the navy); an entity for the actor most of its mentions stand for.
        votes = collections.defaultdict(collections.Counter)
        for m in out["mentions"]:
            best = None
            for key, spans in self.spans.items():
                for s, e in spans:
                    o = min(e, m["end"]) - max(s, m["start"])
                    if o > 0:
                        fit = o / (max(e, m["end"]) - min(s, m["start"]))
                        if best is None or fit > best[0] or fit == best[0] and key < best[1]:
                            best = (fit, key)
            if best:
                votes[m["entity"]][best[1]] += best[0]
        self.actor = {}
        for ent in out["entities"]:
            v = votes.get(ent["id"])
            if v:
                top = max(v.values())
                self.actor[ent["id"]] = min(k for k, x in v.items() if x == top)
            elif name_key(ent["label"]) in self.keys:
                self.actor[ent["id"]] = self.keys[name_key(ent["label"])]
            elif ent["type"] == "country" and countries.get(fold(ent["label"])) in self.country_of:
                self.actor[ent["id"]] = self.country_of[countries.get(fold(ent["label"]))]


def norm(s, t, g, neg):
    if t in SYMMETRIC and s > g:
        s, g = g, s
    return (s, t, g, neg)


def score(gold, outs, countries):
    """Per document: predicted facts judged, gold must facts found; plus examples."""
    pred = collections.Counter()
    right = collections.Counter()
    must = collections.Counter()
    found = collections.Counter()
    wrong, missed = [], []
    texts = {d["id"]: d["text"] for d in D.load_all()}
    for rec, out in zip(gold, outs):
        text = texts[rec["id"]]
        matcher = Matcher(text, rec, out, countries)
        gold_facts = {}
        for g in rec["relations"]:
            for t in g["types"]:
                gold_facts.setdefault(norm(g["source"]["actor"], t, g["target"]["actor"], g["negated"]), g)
        predicted = {}
        for r in out["relations"]:
            s = matcher.actor.get(r["source"])
            g = matcher.actor.get(r["target"])
            key = norm(s, r["relation"], g, r["negated"]) if s and g and s != g else None
            ident = key or (r["source"], r["relation"], r["target"], r["negated"])
            predicted.setdefault(ident, (key, r))
        hit = set()
        for ident, (key, r) in predicted.items():
            pred[r["relation"]] += 1
            if key in gold_facts:
                right[r["relation"]] += 1
                hit.add(key)
            else:
                wrong.append((rec["id"], text, r))
        for g in rec["relations"]:
            if g["level"] != "must":
                continue
            t0 = g["types"][0]
            must[t0] += 1
            if any(norm(g["source"]["actor"], t, g["target"]["actor"], g["negated"]) in hit for t in g["types"]):
                found[t0] += 1
            else:
                missed.append((rec["id"], text, g))
    return pred, right, must, found, wrong, missed


def prf(right, predicted, gold, found):
    return (right / predicted if predicted else 0.0), (found / gold if gold else 0.0)


def byte_slice(text, start, end):
    return text.encode("utf-8")[start:end].decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("train", "dev", "test", "all"), default="dev",
                    help="which documents of the gold to score (default: dev; test is for reporting only)")
    add_common_args(ap)
    ap.add_argument("--seed", type=int, default=1, help="seed of the error sample (default %(default)s)")
    args = ap.parse_args()

    gold = load_gold(args.split)
    texts = {d["id"]: d for d in D.load_all()}
    records = [{"id": g["id"], "text": texts[g["id"]]["text"]} for g in gold]
    outs = run_extract(args.bin, records)
    countries = load_countries()[0]
    pred, right, must, found, wrong, missed = score(gold, outs, countries)

    print(f"news gold, split {args.split}: {len(gold)} documents, "
          f"{sum(must.values())} must relations ({sum(len(g['relations']) for g in gold)} in all)")
    print(f"{'relation':<18}{'pred':>6}{'right':>7}{'P':>7}{'gold':>7}{'found':>7}{'R':>7}")
    totals = {}
    for group, types in (("events", EVENTS), ("static", STATIC)):
        tp = sum(pred[t] for t in types)
        tr = sum(right[t] for t in types)
        tg = sum(must[t] for t in types)
        tf = sum(found[t] for t in types)
        for t in types:
            if pred[t] or must[t]:
                p, r = prf(right[t], pred[t], must[t], found[t])
                print(f"{t:<18}{pred[t]:>6}{right[t]:>7}{p:>7.2f}{must[t]:>7}{found[t]:>7}{r:>7.2f}")
        p, r = prf(tr, tp, tg, tf)
        totals[group] = (p, r)
        print(f"{'= ' + group:<18}{tp:>6}{tr:>7}{p:>7.2f}{tg:>7}{tf:>7}{r:>7.2f}")
    if args.errors:
        rnd = random.Random(args.seed)
        print(f"\n{args.errors} wrong predictions (of {len(wrong)}):")
        for doc, text, r in rnd.sample(wrong, min(args.errors, len(wrong))):
            sent = byte_slice(text, r["sentence"]["start"], r["sentence"]["end"])
            neg = " (negated)" if r["negated"] else ""
            print(f"  {r['source']} {r['relation']}{neg} {r['target']}  [{doc}]\n      {sent[:300]}")
        print(f"\n{args.errors} missed must relations (of {len(missed)}):")
        for doc, text, g in rnd.sample(missed, min(args.errors, len(missed))):
            sent = byte_slice(text, g["evidence"]["start"], g["evidence"]["end"])
            neg = " (negated)" if g["negated"] else ""
            print(f"  {g['source']['text']} {'/'.join(g['types'])}{neg} {g['target']['text']}  [{doc}]\n"
                  f"      {sent[:300]}")
    ep, er = totals["events"]
    sp, sr = totals["static"]
    print(f"summary: event_p={ep:.3f} event_r={er:.3f} static_p={sp:.3f} static_r={sr:.3f}")


if __name__ == "__main__":
    main()
