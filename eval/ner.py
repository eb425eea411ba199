#!/usr/bin/env python3
"""Entity recognition: exact-span precision, recall and F1 of `newsgraph extract` mentions.

Datasets and type mapping (gold -> scored type <- predicted):
  crossner  CrossNER politics (token TAB BIO tag). person, politician -> person;
            politicalparty, organisation -> organization; country -> country; location -> location.
            election, event, misc are not scored. Predicted person/organization/country/location.
  uner      Universal NER English EWT (.iob2). PER, ORG, LOC; a predicted country or location
            counts as LOC.
  gum       GUM CoNLL-U with entity annotation (a file of whole documents, as tools/gum_split.py
            writes them). Named person, organization and place mentions -> PER, ORG, LOC, by the
            rule of src/ner/gum.rs (a mention headed by a proper noun, or by a common noun with a
            proper noun in apposition; its name is that proper noun with its flat, compound,
            fixed, capitalized amod/nummod and "of"-proper-noun dependents);
            other named mentions (events, works, objects) are not scored. A predicted country or
            location counts as LOC.

Rules (printed with the results):
  - A mention is correct when its byte span is exactly a gold span and its type is the gold type.
  - A prediction that is not exactly a scored gold span but overlaps a gold span of an unscored
    type (election, event, misc) is ignored: neither right nor wrong.
  - Predicted group and other mentions are ignored (no dataset type corresponds).
  - A predicted demonym ("Mexican", a country mention whose text is a demonym in
    data/lexicon/countries.tsv) is credited when it is exactly a gold span and otherwise ignored:
    neither dataset annotates adjectival demonyms as entities (CrossNER tags them misc, UNER O),
    while newsgraph marks them on purpose. --score-demonyms counts them as false positives.
  - "boundary" scores the spans alone, whatever the types.

Documents: a sentence's text is its tokens joined by single spaces (--text joined) or, for UNER,
the original "# text" line with the tokens located in it (--text raw). --doc-per N puts N
consecutive sentences in one document, one per line; --doc-per 0 keeps the dataset's own
documents (UNER and GUM "# newdoc"). extract runs once over all documents. Defaults mirror real
use: UNER and GUM keep their real documents and text (GUM: the "# text" lines joined by a space,
or a newline where "# newpar" starts a paragraph, as eval/gold/docs.py rebuilds them); CrossNER
sentences come from unrelated Wikipedia articles, so each is its own document.
"""
import argparse
import collections
import random
import sys

from common import add_common_args, byte_offsets, fold, load_countries, prf, run_extract

GOLD_TYPES = {
    "crossner": {"person": "person", "politician": "person", "politicalparty": "organization",
                 "organisation": "organization", "country": "country", "location": "location"},
    "uner": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "gum": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
}
PRED_TYPES = {
    "crossner": {"person": "person", "organization": "organization", "country": "country",
                 "location": "location"},
    "uner": {"person": "PER", "organization": "ORG", "country": "LOC", "location": "LOC"},
    "gum": {"person": "PER", "organization": "ORG", "country": "LOC", "location": "LOC"},
}
GUM_KINDS = {"person": "PER", "organization": "ORG", "place": "LOC"}


def gum_mentions(words):
    """(first, last, GUM type) of every mention of a sentence, from the Entity= values."""
    opened, out = [], []
    for i, w in enumerate(words):
        value = next((f[len("Entity="):] for f in w["misc"].split("|") if f.startswith("Entity=")), None)
        if value is None:
            continue
        at = 0
        while at < len(value):
            if value[at] == "(":
                end = at + 1
                while end < len(value) and value[end] not in "()":
                    end += 1
                fields = value[at + 1:end].split("-")
                if value[end:end + 1] == ")":
                    out.append((i, i, fields[1]))
                    at = end + 1
                else:
                    opened.append((fields[0], fields[1], i))
                    at = end
            elif value[at] == ")":
                at += 1
            else:
                end = value.index(")", at)
                k = max(j for j, o in enumerate(opened) if o[0] == value[at:end])
                eid, kind, first = opened.pop(k)
                out.append((first, i, kind))
                at = end + 1
    return out


def gum_joins_name(words, d):
    """Whether word d joins the name of its head (src/ner/gum.rs joins_name)."""
    w = words[d]
    rel, cap = w["deprel"], w["form"][:1].isupper()
    ordinal = w["upos"] == "ADJ" and w["form"][:1].isdigit()
    if rel in ("flat", "compound", "fixed", "goeswith"):
        return True
    if rel in ("amod", "nummod"):
        return cap or ordinal or w["upos"] == "PROPN"
    if rel == "nmod:desc":
        return d + 1 > w["head"] or w["form"] in ("St.", "St", "Saint", "Ste.", "Sainte")
    if rel == "nmod":
        return w["upos"] == "PROPN" and any(
            c["head"] == d + 1 and c["deprel"] == "case" and c["form"] == "of" for c in words)
    if rel in ("case", "det"):
        return w["head"] > 0 and words[w["head"] - 1]["deprel"] == "nmod"
    if rel == "punct":
        return w["form"] in ("-", "&")
    return False


def gum_tags(words):
    """BIO tags of a GUM sentence: named PER/ORG/LOC, and MISC for other named mentions."""
    names = []
    for first, last, kind in gum_mentions(words):
        inside = lambda k: first <= k <= last
        head = next((k for k in range(first, last + 1)
                     if words[k]["head"] == 0 or not inside(words[k]["head"] - 1)), None)
        if head is not None and words[head]["upos"] != "PROPN":
            head = next((k for k in range(first, last + 1) if words[k]["head"] == head + 1
                         and words[k]["deprel"] in ("appos", "flat") and words[k]["upos"] == "PROPN"), None)
        if head is None:
            continue
        name, k = [head], 0
        while k < len(name):
            h = name[k]
            for d in range(first, last + 1):
                inner_only = words[d]["deprel"] in ("case", "det")
                if (words[d]["head"] == h + 1 and d not in name and not (inner_only and h == head)
                        and gum_joins_name(words, d)):
                    name.append(d)
            k += 1
        a, b = min(name), max(name)
        while a < b and not any(c.isalnum() for c in words[a]["form"]):
            a += 1
        names.append((a, b, GUM_KINDS.get(kind, "MISC")))
    # As in src/ner/gum.rs, person/organization/place names first, longer then earlier first;
    # other named mentions (unscored) only where they overlap none of those.
    names = sorted(set(names), key=lambda n: (n[2] == "MISC", -(n[1] - n[0]), n[0]))
    tags, seen = ["O"] * len(words), set()
    for a, b, kind in names:
        if (a, b) in seen or any(t != "O" for t in tags[a:b + 1]):
            continue
        seen.add((a, b))
        tags[a] = "B-" + kind
        for k in range(a + 1, b + 1):
            tags[k] = "I-" + kind
    return tags


def read_gum(path):
    """Sentences of a GUM CoNLL-U file as read_sentences gives them, with "sep": what joins the
    sentence to the one before ("\n" at a paragraph start, else " ")."""
    sents, words, raw, doc, newpar = [], [], None, None, False

    def flush():
        if words:
            sents.append({"tokens": [w["form"] for w in words], "tags": gum_tags(words), "raw": raw,
                          "doc": doc, "sep": "\n" if newpar else " "})
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if line.startswith("# newdoc id = "):
                    doc = line[len("# newdoc id = "):]
                elif line.strip() == "# newpar" or line.startswith("# newpar "):
                    newpar = True
                elif line.startswith("# text = "):
                    raw = line[len("# text = "):]
                continue
            if not line.strip():
                flush()
                if words:
                    newpar = False
                words = []
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append({"form": cols[1], "upos": cols[3], "head": int(cols[6]), "deprel": cols[7],
                          "misc": cols[9]})
    flush()
    return sents


def read_sentences(dataset, path):
    """Sentences as {"tokens", "tags", "raw", "doc"}; raw and doc only for UNER and GUM."""
    if dataset == "gum":
        return read_gum(path)
    sents, cur, raw, doc = [], None, None, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if dataset == "uner" and line.startswith("#"):
                if line.startswith("# newdoc id = "):
                    doc = line[len("# newdoc id = "):]
                elif line.startswith("# text = "):
                    raw = line[len("# text = "):]
                continue
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = None
                continue
            cols = line.split("\t")
            token, tag = (cols[1], cols[2]) if dataset == "uner" else (cols[0], cols[1])
            if cur is None:
                cur = {"tokens": [], "tags": [], "raw": raw, "doc": doc}
            cur["tokens"].append(token)
            cur["tags"].append(tag)
    if cur:
        sents.append(cur)
    return sents


def bio_spans(tags):
    """(first token, last token + 1, type) for each B-/I- run; a stray I- starts a span."""
    spans, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, t = tag.partition("-")
        if start is not None and (prefix != "I" or t != kind):
            spans.append((start, i, kind))
            start = None
        if prefix in ("B", "I") and start is None:
            start, kind = i, t
    return spans


def sentence_text(sent, mode):
    """The sentence's text and each token's (start, end) character offsets in it."""
    tokens = sent["tokens"]
    if mode == "raw" and sent["raw"]:
        raw, pos, offsets = sent["raw"], 0, []
        for tok in tokens:
            while pos < len(raw) and raw[pos].isspace():
                pos += 1
            if not raw.startswith(tok, pos):
                break  # tokens do not spell the text: fall back to joined
            offsets.append((pos, pos + len(tok)))
            pos += len(tok)
        else:
            return raw, offsets
    text, offsets = "", []
    for tok in tokens:
        text += " " if text else ""
        offsets.append((len(text), len(text) + len(tok)))
        text += tok
    return text, offsets


def build_documents(sents, doc_per, mode, gold_map):
    """Documents: id, text, sentence byte ranges, gold spans (start, end, type) in bytes."""
    groups = []
    for i, s in enumerate(sents):
        new = (s["doc"] != sents[i - 1]["doc"] or s["doc"] is None) if doc_per == 0 else i % doc_per == 0
        if not groups or new:
            groups.append([])
        groups[-1].append(s)
    docs = []
    for g in groups:
        text, sent_ranges, gold, unscored = "", [], [], []
        for s in g:
            stext, offs = sentence_text(s, mode)
            base = len(text) + (1 if text else 0)
            text += (s.get("sep", "\n") if text else "") + stext
            sent_ranges.append((base, base + len(stext)))
            for a, b, t in bio_spans(s["tags"]):
                span = (base + offs[a][0], base + offs[b - 1][1])
                if t in gold_map:
                    gold.append(span + (gold_map[t],))
                else:
                    unscored.append(span + (t,))
        bo = byte_offsets(text)
        to_bytes = lambda spans: [(bo[a], bo[b], t) for a, b, t in spans]
        docs.append({"id": f"d{len(docs)}", "text": text, "sentences": [(bo[a], bo[b]) for a, b in sent_ranges],
                     "gold": to_bytes(gold), "unscored": to_bytes(unscored)})
    return docs


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score(docs, outputs, pred_map, demonyms, score_demonyms):
    """Counts per (type, gold|pred|correct), ignored predictions per reason, and the errors."""
    counts, skipped = collections.Counter(), collections.Counter()
    errors = []  # (FP|FN, kind, nearby spans, doc, span, type)
    for doc, out in zip(docs, outputs):
        gold = set(doc["gold"])
        gold_spans = {(a, b): t for a, b, t in gold}
        preds, ignored = set(), []
        for m in out["mentions"]:
            span, kind = (m["start"], m["end"]), pred_map.get(m["type"])
            if kind is None:
                skipped[m["type"]] += 1
                ignored.append(span + (m["type"],))
            elif span in gold_spans:
                preds.add(span + (kind,))
            elif any(overlaps(span, u) for u in doc["unscored"]):
                skipped["overlapping unscored gold"] += 1
                ignored.append(span + (m["type"] + " (ignored)",))
            elif m["type"] == "country" and fold(m["text"]) in demonyms and not score_demonyms:
                skipped["demonym"] += 1
                ignored.append(span + ("demonym",))
            else:
                preds.add(span + (kind,))
        pred_spans = {(a, b): t for a, b, t in preds}
        for a, b, t in gold:
            counts[t, "gold"] += 1
            counts["boundary", "gold"] += 1
            counts["boundary", "correct"] += (a, b) in pred_spans
        for a, b, t in preds:
            counts[t, "pred"] += 1
            counts["boundary", "pred"] += 1
            counts[t, "correct"] += (a, b, t) in gold
        describe = lambda spans: ", ".join(f"{s[2]} '{span_text(doc, s)}'" for s in spans)
        for a, b, t in sorted(gold - preds):
            near = [p for p in sorted(preds) if overlaps(p, (a, b))]
            other = [p for p in ignored if overlaps(p, (a, b))]
            if (a, b) in pred_spans:
                kind = f"typed {pred_spans[a, b]}"
            else:
                kind = "boundary" if near else f"as {other[0][2]}" if other else "missed"
            errors.append(("FN", kind, describe(near + other), doc, (a, b), t))
        for a, b, t in sorted(preds - gold):
            near = [g for g in sorted(gold) if overlaps(g, (a, b))]
            kind = f"gold {gold_spans[a, b]}" if (a, b) in gold_spans else "boundary" if near else "spurious"
            errors.append(("FP", kind, describe(near), doc, (a, b), t))
    return counts, skipped, errors


def span_text(doc, span):
    return doc["text"].encode("utf-8")[span[0]:span[1]].decode("utf-8", "replace")


def in_context(doc, span):
    data = doc["text"].encode("utf-8")
    sa, sb = next(r for r in doc["sentences"] if r[0] <= span[0] <= r[1])
    show = lambda a, b: data[a:b].decode("utf-8", "replace")
    return f"{show(sa, span[0])}[[{show(*span)}]]{show(span[1], sb)}"


def print_errors(errors, n):
    for side in ("FP", "FN"):
        mine = [e for e in errors if e[0] == side]
        kinds = collections.Counter(f"{e[5]} {e[1]}" for e in mine)
        print(f"\n{side} by kind ({len(mine)}):")
        for k, c in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {c:5d}  {k}")
        strings = collections.Counter(f"{span_text(e[3], e[4])} ({e[5]}, {e[1]})" for e in mine)
        print(f"most frequent {side}: " + "; ".join(
            f"{s} x{c}" for s, c in sorted(strings.items(), key=lambda kv: (-kv[1], kv[0]))[:25]))
        print(f"{side} examples:")
        sample = random.Random(0).sample(mine, min(n, len(mine)))
        for e in sorted(sample, key=lambda e: (int(e[3]["id"][1:]), e[4])):
            near = f" near {e[2]}" if e[2] else ""
            print(f"  {e[5]} '{span_text(e[3], e[4])}' {e[1]}{near} | {in_context(e[3], e[4])}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dataset", choices=["crossner", "uner", "gum"])
    ap.add_argument("file", help="a CrossNER .txt, UNER .iob2 or GUM .conllu file")
    ap.add_argument("--doc-per", type=int, default=None, metavar="N",
                    help="sentences per document; 0 = the dataset's documents (default: crossner 1, uner and gum 0)")
    ap.add_argument("--text", choices=["joined", "raw"], default=None,
                    help="how tokens become text (default: crossner joined, uner and gum raw)")
    ap.add_argument("--score-demonyms", action="store_true", help="count unmatched demonym mentions as false positives")
    add_common_args(ap)
    args = ap.parse_args()
    doc_per = args.doc_per if args.doc_per is not None else (1 if args.dataset == "crossner" else 0)
    mode = args.text or ("joined" if args.dataset == "crossner" else "raw")

    sents = read_sentences(args.dataset, args.file)
    docs = build_documents(sents, doc_per, mode, GOLD_TYPES[args.dataset])
    outputs = run_extract(args.bin, [{"id": d["id"], "text": d["text"]} for d in docs])
    _, demonyms = load_countries()
    counts, skipped, errors = score(docs, outputs, PRED_TYPES[args.dataset], demonyms, args.score_demonyms)

    print(f"{args.dataset} {args.file}: {len(sents)} sentences in {len(docs)} documents "
          f"(--doc-per {doc_per}, --text {mode}{', --score-demonyms' if args.score_demonyms else ''})")
    mapping = ", ".join(f"{g}->{s}" for g, s in GOLD_TYPES[args.dataset].items())
    print(f"scored gold types: {mapping}; predicted: "
          + ", ".join(f"{p}->{s}" for p, s in PRED_TYPES[args.dataset].items()))
    print("rule: exact span and type; a prediction overlapping an unscored gold span (and not exactly a scored one) "
          "is ignored; predicted group/other are ignored; unmatched demonyms are ignored unless --score-demonyms")
    print("ignored predictions: " + (", ".join(f"{v} {k}" for k, v in sorted(skipped.items())) or "none"))
    print(f"\n{'type':<14}{'gold':>6}{'pred':>6}{'correct':>8}{'P':>7}{'R':>7}{'F1':>7}")
    types = sorted({t for t, _ in counts} - {"boundary"})
    for t, x in [(t, x) for t in types for x in ("gold", "pred", "correct")]:
        counts["micro", x] += counts[t, x]
    for t in types + ["micro", "boundary"]:
        row = [counts[t, x] for x in ("gold", "pred", "correct")]
        p, r, f = prf(row[2], row[1], row[0])
        print(f"{t:<14}{row[0]:>6}{row[1]:>6}{row[2]:>8}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    if args.errors:
        print_errors(errors, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
