#!/usr/bin/env python3
"""Relation extraction on the PLOVER gold records (example sentences of the CAMEO manual).

Each record is one sentence coded with one event category and its source and target actors.
Every record is one document for `newsgraph extract`.

Scope. Categories our vocabulary covers, and the relations that count for them:
  AGREE, COOPERATE -> cooperates-with     CONSULT -> meets-with, negotiates-with
  SUPPORT -> praises    AID -> aids       DEMAND -> demands     DISAPPROVE -> accuses, criticizes
  REJECT -> rejects     THREATEN -> threatens                   SANCTION -> sanctions
  COERCE -> arrests, prosecutes, extradites                     ASSAULT, FIGHT -> attacks
A record is in scope when its category is covered and it has an actor pair: each source with each
target; without a target, two or more sources are reciprocal (SRC/TAR: "X and Y agreed") and
pair with each other; a lone source without a target is out of scope ("no pair").

Actor matching. A gold actor (actorText, CAMEO code) matches a predicted entity when
  (a) a mention of the entity overlaps an occurrence of the actor's head phrase in the sentence
      (case and accent folded, whole words; "U.S. ... negotiators" is located piece by piece).
      The head phrase drops modifiers after a common noun and before a possessive common noun:
      "Red Cross operating in Iraq" -> "Red Cross operating", "Israel's militia ally" -> "militia
      ally"; names stay whole ("King Hassan of Morocco", "U.S. Secretary of State Warren
      Christopher"). Or
  (b) the entity's label equals the head phrase or occurs in it as whole words, or contains it, or
  (c) the entity is a country whose ISO3 code (data/lexicon/countries.tsv) is the first three
      letters of the actor's code (HUN, ROU, USA; CAMEO's JAP, ITL, VTN read as JPN, ITA, VNM).
      PLOVER codes actors at country level, so "Iraqi police" is IRQ and "Iraq" matches it;
      --no-codes turns this rule off for a stricter score.

Scores.
  recall    share of in-scope records where a non-negated predicted relation of a counted type
            links an entity matching a gold source to one matching a gold target (symmetric
            relations and reciprocal pairs in either direction).
  precision share of predicted event relations (not negated; static member-of, leader-of,
            part-of, relative-of, located-in left out) on in-scope records that are correct for
            the record's category. A sentence that is coded twice (two records) is judged
            against both codings. PLOVER codes one event per record, so a true second event in
            the sentence counts as wrong: precision is a lower bound.
  pair      share of in-scope records where any predicted event relation links the gold actors,
            whatever its type (separates argument errors from type errors).
Predictions on out-of-scope records are counted, not scored.
"""
import argparse
import collections
import json
import os
import random
import re
import sys

from common import SHARED, add_common_args, byte_offsets, fold, load_countries, run_extract

DEFAULT_FILE = os.path.join(SHARED, "data", "plover-gsr", "PLOVER_GSR_CAMEO.txt")
COUNTED = {
    "AGREE": {"cooperates-with"}, "COOPERATE": {"cooperates-with"},
    "CONSULT": {"meets-with", "negotiates-with"}, "SUPPORT": {"praises"}, "AID": {"aids"},
    "DEMAND": {"demands"}, "DISAPPROVE": {"accuses", "criticizes"}, "REJECT": {"rejects"},
    "THREATEN": {"threatens"}, "SANCTION": {"sanctions"},
    "COERCE": {"arrests", "prosecutes", "extradites"}, "ASSAULT": {"attacks"}, "FIGHT": {"attacks"},
}
SYMMETRIC = {"cooperates-with", "meets-with", "negotiates-with"}
STATIC = {"member-of", "leader-of", "part-of", "relative-of", "located-in"}
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
CUT_WORDS = {"of", "in", "from", "at", "to", "operating", "loyal", "based", "living", "ordered", "fleeing"}


def gold_pairs(rec):
    """(source actor, target actor) pairs of a record; reciprocal sources pair both ways."""
    sources = rec.get("source") if isinstance(rec.get("source"), list) else []
    targets = rec.get("target") if isinstance(rec.get("target"), list) else []
    if targets:
        return [(s, t) for s in sources for t in targets]
    return [(s, t) for s in sources for t in sources if s is not t]


def head(actor_text):
    """The part of an actor phrase that names the actor: "Christian missionary from Calgary" ->
    "Christian missionary", "Israel's militia ally" -> "militia ally"; names stay whole
    ("King Hassan of Morocco", "Jordan's King Abdullah II")."""
    words = actor_text.split()
    for i in range(1, len(words)):
        if words[i] in CUT_WORDS and words[i - 1].islower():
            words = words[:i]
            break
    text = " ".join(words)
    rest = text.rsplit("'s ", 1)[-1]
    return rest if rest[:1].islower() else text


def words_pattern(text):
    """A regex finding the folded words of `text` as whole words, any spacing between them."""
    return r"(?<!\w)" + r"\s+".join(map(re.escape, fold(text).split())) + r"(?!\w)"


def words_in(small, big):
    return bool(small.split()) and re.search(words_pattern(small), fold(big)) is not None


def same_length_fold(text):
    """fold() one character at a time, keeping offsets: index i of the result is character i."""
    return "".join((fold(c) or c)[0] for c in text)


class Matcher:
    """Which predicted entities of one record match which gold actors."""

    def __init__(self, text, out, countries):
        self.folded, self.bytes_at = same_length_fold(text), byte_offsets(text)
        self.mentions = collections.defaultdict(list)
        for m in out["mentions"]:
            self.mentions[m["entity"]].append((m["start"], m["end"]))
        self.entities = {e["id"]: e for e in out["entities"]}
        self.countries = countries

    def locate(self, actor_text):
        spans = []
        for piece in actor_text.split("..."):
            if piece.split():
                for m in re.finditer(words_pattern(piece), self.folded):
                    spans.append((self.bytes_at[m.start()], self.bytes_at[m.end()]))
        return spans

    def matches(self, entity_id, actor):
        entity = self.entities.get(entity_id, {"label": entity_id, "type": ""})
        spans = self.locate(head(actor["actorText"]))
        if any(a < e and s < b for a, b in spans for s, e in self.mentions[entity_id]):
            return True
        label, text = entity["label"], head(actor["actorText"])
        if words_in(label, text) or words_in(text, label):
            return True
        code = LEGACY_CODES.get(actor["code"][:3], actor["code"][:3])
        return self.countries is not None and entity["type"] == "country" \
            and self.countries.get(fold(entity["label"])) == code


def judge(rel, matcher, codings):
    """Is a predicted relation right for any (category, pairs) coding of the sentence?"""
    for category, pairs in codings:
        if rel["relation"] not in COUNTED.get(category, ()):
            continue
        for s, t in pairs:
            if matcher.matches(rel["source"], s) and matcher.matches(rel["target"], t):
                return True
            if rel["relation"] in SYMMETRIC and matcher.matches(rel["target"], s) and matcher.matches(rel["source"], t):
                return True
    return False


def links_pair(rel, matcher, pairs):
    return any((matcher.matches(rel["source"], s) and matcher.matches(rel["target"], t))
               or (matcher.matches(rel["target"], s) and matcher.matches(rel["source"], t)) for s, t in pairs)


def diagnose(rec, rels, matcher, pairs):
    """Why a record was missed."""
    found = [any(matcher.matches(e, p[i]) for p in pairs for e in matcher.entities) for i in (0, 1)]
    if not all(found):
        return "actor not recognized: " + " and ".join(w for w, f in zip(("source", "target"), found) if not f)
    linking = sorted({r["relation"] for r in rels if links_pair(r, matcher, pairs)})
    if linking:
        return "actors linked by " + ", ".join(linking)
    if any(r["relation"] in COUNTED[rec["event"]] for r in rels):
        return "right type, other actors"
    return "no relation between the actors" if rels else "no event relation"


def show(rel, matcher):
    label = lambda i: matcher.entities.get(i, {"label": i})["label"]
    return f"{label(rel['source'])} -{rel['relation']}-> {label(rel['target'])}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", default=DEFAULT_FILE, help="PLOVER GSR JSON (default: %(default)s)")
    ap.add_argument("--no-codes", action="store_true", help="match actors by text only, not by country code (rule c)")
    add_common_args(ap)
    args = ap.parse_args()

    with open(args.file, encoding="utf-8") as f:
        records = [r for r in json.load(f) if r.get("event") != "DOCUMENT" and r.get("text")]
    # A few records share an id (one sentence coded twice); extract wants ids unique.
    outputs = run_extract(args.bin, [{"id": f"{k}:{r['id']}", "text": r["text"]} for k, r in enumerate(records)])
    countries = None if args.no_codes else load_countries()[0]
    codings = collections.defaultdict(list)
    for r in records:
        codings[r["text"]].append((r["event"], gold_pairs(r)))

    table = collections.defaultdict(collections.Counter)
    by_type, outside = collections.Counter(), collections.Counter()
    misses, false_pos, negated = [], [], 0
    for rec, out in zip(records, outputs):
        cat, pairs, row = rec["event"], gold_pairs(rec), table[rec["event"]]
        row["records"] += 1
        rels = [r for r in out["relations"] if not r["negated"] and r["relation"] not in STATIC]
        negated += sum(r["negated"] for r in out["relations"])
        if cat not in COUNTED or not pairs:
            row["no pair" if cat in COUNTED else "out of scope"] += 1
            outside.update(r["relation"] for r in rels)
            continue
        matcher = Matcher(rec["text"], out, countries)
        row["in scope"] += 1
        hit = False
        for rel in rels:
            right = judge(rel, matcher, codings[rec["text"]])
            row["predicted"] += 1
            row["correct"] += right
            by_type[rel["relation"], "predicted"] += 1
            by_type[rel["relation"], "correct"] += right
            hit = hit or (right and judge(rel, matcher, [(cat, pairs)]))
            if not right:
                why = "actors are a gold pair" if links_pair(rel, matcher, pairs) else "actors not a gold pair"
                false_pos.append((rec, show(rel, matcher), why))
        row["hits"] += hit
        row["pair"] += any(links_pair(r, matcher, pairs) for r in rels)
        if not hit:
            misses.append((rec, diagnose(rec, rels, matcher, pairs), [show(r, matcher) for r in rels]))

    print(f"PLOVER {args.file}: {len(records)} records, {sum(r['in scope'] for r in table.values())} in scope"
          + (" (--no-codes)" if args.no_codes else ""))
    print("rule: recall = in-scope records whose category's relation links matching gold actors; precision over "
          "non-negated event relations predicted on in-scope records; actors match by mention, label"
          + ("" if args.no_codes else " or country code"))
    print(f"\n{'category':<12}{'counted as':<33}{'records':>8}{'scope':>6}{'hits':>5}{'recall':>7}{'pair':>6}"
          f"{'pred':>6}{'right':>6}{'prec':>6}")
    total = collections.Counter()
    for cat in sorted(table, key=lambda c: (c not in COUNTED, c)):
        row = table[cat]
        total.update(row)
        counted = ", ".join(sorted(COUNTED.get(cat, {"(not scored)"})))
        print_row(cat, counted, row)
    print_row("all", "", total)
    print("\nby predicted relation (in scope): " + ", ".join(
        f"{t} {by_type[t, 'correct']}/{by_type[t, 'predicted']}" for t in sorted({t for t, _ in by_type})))
    print(f"out of scope or no pair: {total['out of scope'] + total['no pair']} records "
          f"({total['no pair']} covered categories without a target), "
          f"{sum(outside.values())} event relations predicted there, not scored: "
          + ", ".join(f"{t} {c}" for t, c in sorted(outside.items())))
    print(f"negated relations (not scored): {negated}")

    if args.errors:
        print_errors(misses, false_pos, args.errors)
    return 0


def print_row(cat, counted, row):
    scope = row["in scope"]
    line = f"{cat:<12}{counted:<33}{row['records']:>8}{scope:>6}"
    if scope:
        p = row["correct"] / row["predicted"] if row["predicted"] else 0.0
        line += (f"{row['hits']:>5}{row['hits'] / scope:>7.2f}{row['pair'] / scope:>6.2f}"
                 f"{row['predicted']:>6}{row['correct']:>6}{p:>6.2f}")
    print(line)


def print_errors(misses, false_pos, n):
    for name, errors in (("misses", misses), ("false positives", false_pos)):
        kinds = collections.Counter(e[1 if name == "misses" else 2].split(":")[0] for e in errors)
        print(f"\n{name} by kind ({len(errors)}): " + "; ".join(f"{k} {c}" for k, c in kinds.most_common()))
        for e in sorted(random.Random(0).sample(errors, min(n, len(errors))), key=lambda e: e[0]["id"]):
            rec = e[0]
            gold = "; ".join(f"{s['actorText']} -> {t['actorText']}" for s, t in gold_pairs(rec))
            if name == "misses":
                print(f"  {rec['id']} {rec['event']} [{gold}] {e[1]}; predicted: {'; '.join(e[2]) or 'none'}"
                      f"\n      {rec['text']}")
            else:
                print(f"  {rec['id']} {rec['event']} predicted {e[1]} ({e[2]}; gold {gold})\n      {rec['text']}")


if __name__ == "__main__":
    sys.exit(main())
