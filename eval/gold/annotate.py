#!/usr/bin/env python3
"""Tooling of the hand annotation behind the news gold (see README.md in this folder).

  annotate.py batches DIR     write the documents, sentence-numbered, into batch files to annotate
  annotate.py check FILE...   validate annotation files (the annotators' format) against the texts
  annotate.py build DIR       turn every annotation file of DIR into the gold (wikinews.jsonl,
                              gum-news.jsonl); the second annotations of the double-annotated
                              documents are read from DIR/second/, adjudications from DIR/adjudicated/

The annotators' format: one JSON object per document and line,
  {"id": DOC, "actors": {KEY: {"type": T, "names": [NAME, ...]}, ...},
   "relations": [{"sent": N | [N, M], "source": KEY, "source_text": S, "target": KEY,
                  "target_text": S, "types": [R, ...], "level": "must"|"may", "negated": bool,
                  "source_occ"?: K, "target_occ"?: K}, ...]}
`sent` numbers the sentences as the batch file shows them ([N, M]: the sentences N to M, when
the numbering split one sentence); `source_text` and `target_text` are the mentions as written in
that sentence (a name, a noun phrase or a pronoun), found as whole words, the K-th occurrence
(default 1).
"""
import argparse
import collections
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import docs as D  # noqa: E402
from vocab import ACTOR_TYPES, LEVELS, RELATIONS, SYMMETRIC  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def byte_offsets(text):
    offsets = [0]
    for c in text:
        offsets.append(offsets[-1] + len(c.encode("utf-8")))
    return offsets


def cmd_batches(args):
    docs = D.load_all()
    double = D.double_annotated(docs)
    os.makedirs(args.dir, exist_ok=True)

    def write(name, members):
        with open(os.path.join(args.dir, name), "w", encoding="utf-8") as f:
            for d in members:
                f.write(f"=== DOC {d['id']} ===\n")
                f.write(f"TITLE: {d['title']}\n\n")
                prev_end = None
                for n, (s, e) in enumerate(d["sentences"], 1):
                    if prev_end is not None and "\n" in d["text"][prev_end:s]:
                        f.write("\n")
                    f.write(f"[{n}] {d['text'][s:e]}\n")
                    prev_end = e
                f.write("\n")
        words = sum(len(d["text"].split()) for d in members)
        print(f"{name}: {len(members)} documents, {words} words")

    batch, words, n = [], 0, 0
    for d in docs:
        size = len(d["text"].split())
        if batch and words + size > args.words * 1.3:
            n += 1
            write(f"batch{n:02}.txt", batch)
            batch, words = [], 0
        batch.append(d)
        words += size
        if words >= args.words or len(batch) >= args.docs:
            n += 1
            write(f"batch{n:02}.txt", batch)
            batch, words = [], 0
    if batch:
        n += 1
        write(f"batch{n:02}.txt", batch)
    second = [d for d in docs if d["id"] in double]
    half = (len(second) + 1) // 2
    write("second1.txt", second[:half])
    write("second2.txt", second[half:])


def find_word(sentence, needle, occ):
    """Character offset in `sentence` of the occ-th whole-word occurrence of `needle`, or None."""
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    for k, m in enumerate(pat.finditer(sentence), 1):
        if k == occ:
            return m.start()
    return None


def convert(record, doc, where):
    """One annotator record -> (gold relations, problems)."""
    problems = []
    text, sents = doc["text"], doc["sentences"]
    offs = byte_offsets(text)
    actors = record.get("actors") or {}
    if not isinstance(actors, dict):
        return [], [f"{where}: actors must be an object"]
    for key, a in actors.items():
        if a.get("type") not in ACTOR_TYPES:
            problems.append(f"{where}: actor {key}: unknown type {a.get('type')!r}")
        names = a.get("names")
        if not names or not all(isinstance(x, str) and x.strip() for x in names):
            problems.append(f"{where}: actor {key}: names must be a non-empty list of strings")
            continue
        for name in names:
            if name not in text:
                problems.append(f"{where}: actor {key}: name {name!r} does not occur in the text")
    out, seen = [], {}
    for i, r in enumerate(record.get("relations") or [], 1):
        w = f"{where}: relation {i}"
        sent = r.get("sent")
        if isinstance(sent, int):
            sent = [sent, sent]
        if not (isinstance(sent, list) and len(sent) == 2 and all(isinstance(x, int) for x in sent)
                and 1 <= sent[0] <= sent[1] <= len(sents)):
            problems.append(f"{w}: sent {r.get('sent')!r} is not a sentence number (1..{len(sents)}) or range")
            continue
        ev_start, ev_end = sents[sent[0] - 1][0], sents[sent[1] - 1][1]
        evidence = text[ev_start:ev_end]
        types = r.get("types")
        if isinstance(types, str):
            types = [types]
        if not types or any(t not in RELATIONS for t in types) or len(set(types)) != len(types):
            problems.append(f"{w}: types {r.get('types')!r}: each must be one of the vocabulary, once")
            continue
        if r.get("level") not in LEVELS:
            problems.append(f"{w}: level {r.get('level')!r} is not must or may")
            continue
        if not isinstance(r.get("negated"), bool):
            problems.append(f"{w}: negated must be true or false")
            continue
        ends = {}
        for role in ("source", "target"):
            key = r.get(role)
            if key not in actors:
                problems.append(f"{w}: {role} {key!r} is not a listed actor")
                break
            mention = r.get(role + "_text")
            if not isinstance(mention, str) or not mention.strip():
                problems.append(f"{w}: {role}_text is missing")
                break
            at = find_word(evidence, mention, r.get(role + "_occ", 1))
            if at is None:
                problems.append(f"{w}: {role}_text {mention!r} is not a whole word in sentence {r.get('sent')}: {evidence[:90]!r}")
                break
            start = ev_start + at
            a = actors[key]
            names = a["names"]
            ends[role] = {"text": mention, "start": offs[start], "end": offs[start + len(mention)],
                          "names": names, "type": a["type"], "actor": key}
        if len(ends) < 2:
            continue
        if r["source"] == r["target"]:
            problems.append(f"{w}: source and target are the same actor")
            continue
        for t in types:
            s, g = r["source"], r["target"]
            if t in SYMMETRIC and s > g:
                s, g = g, s
            k = (s, t, g, r["negated"])
            if k in seen:
                problems.append(f"{w}: duplicate of relation {seen[k]} ({s} {t} {g}, negated={r['negated']}): "
                                "one relation per (source, relation, target) and document")
            seen[k] = i
        out.append({"source": ends["source"], "target": ends["target"], "types": types,
                    "level": r["level"], "negated": r["negated"],
                    "evidence": {"start": offs[ev_start], "end": offs[ev_end]}})
    return out, problems


def read_annotations(path, docs_by_id):
    records, problems = {}, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{os.path.basename(path)}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"{where}: malformed JSON: {e}")
                continue
            doc = docs_by_id.get(rec.get("id"))
            if doc is None:
                problems.append(f"{where}: unknown document id {rec.get('id')!r}")
                continue
            if rec["id"] in records:
                problems.append(f"{where}: document {rec['id']} annotated twice in this file")
            rels, p = convert(rec, doc, f"{where} ({rec['id']})")
            problems += p
            records[rec["id"]] = (rec, rels)
    return records, problems


def cmd_check(args):
    docs_by_id = {d["id"]: d for d in D.load_all()}
    bad = 0
    for path in args.files:
        records, problems = read_annotations(path, docs_by_id)
        for p in problems:
            print(p)
        bad += len(problems)
        nrel = sum(len(r[1]) for r in records.values())
        print(f"{path}: {len(records)} documents, {nrel} relations, {len(problems)} problems")
        if args.batch:
            want = re.findall(r"^=== DOC (\S+) ===$", open(args.batch, encoding="utf-8").read(), re.M)
            missing = [i for i in want if i not in records]
            if missing:
                print(f"{path}: documents of {args.batch} not annotated: {', '.join(missing)}")
                bad += len(missing)
    sys.exit(1 if bad else 0)


def gold_record(doc, split, double, rec, rels):
    actors = {k: {"type": a["type"], "names": a["names"]} for k, a in sorted(rec["actors"].items())}
    rels = sorted(rels, key=lambda r: (r["evidence"]["start"], r["source"]["start"], r["target"]["start"],
                                       r["types"]))
    return {"id": doc["id"], "corpus": doc["corpus"], "split": split, "double_annotated": double,
            "actors": actors, "relations": rels}


def cmd_build(args):
    docs = D.load_all()
    by_id = {d["id"]: d for d in docs}
    split = D.splits(docs)
    double = D.double_annotated(docs)
    first, adjudicated, problems = {}, {}, []
    for path in sorted(glob.glob(os.path.join(args.dir, "batch*.jsonl"))):
        recs, p = read_annotations(path, by_id)
        problems += p
        for k, v in recs.items():
            if k in first:
                problems.append(f"{path}: {k} already annotated in another batch")
            first[k] = v
    for path in sorted(glob.glob(os.path.join(args.dir, "adjudicated", "*.jsonl"))):
        recs, p = read_annotations(path, by_id)
        problems += p
        adjudicated.update(recs)
    missing = [d["id"] for d in docs if d["id"] not in first and d["id"] not in adjudicated]
    if missing and not args.partial:
        problems.append(f"not annotated: {len(missing)} documents, e.g. {missing[:3]}")
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        sys.exit(1)
    counts = collections.Counter()
    for corpus in D.CORPORA:
        with open(os.path.join(HERE, f"{corpus}.jsonl"), "w", encoding="utf-8") as f:
            for d in docs:
                if d["corpus"] != corpus:
                    continue
                src = adjudicated.get(d["id"]) or first.get(d["id"])
                if src is None:
                    continue
                rec = gold_record(d, split[d["id"]], d["id"] in double, *src)
                counts[corpus] += 1
                f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
    print(", ".join(f"{c}: {n} documents" for c, n in counts.items()))


def fold_name(n):
    import unicodedata
    n = unicodedata.normalize("NFKD", n)
    n = "".join(c for c in n if not unicodedata.combining(c)).lower().replace(".", "")
    n = re.sub(r"^the\s+", "", n)
    return " ".join(n.split())


def actor_map(rec_a, rec_b):
    """Actor keys of annotation A -> actor keys of annotation B: the B actor sharing most
    (folded) names with it."""
    out = {}
    for ka, a in rec_a["actors"].items():
        na = {fold_name(x) for x in a["names"]}
        best = None
        for kb, b in rec_b["actors"].items():
            shared = len(na & {fold_name(x) for x in b["names"]})
            if shared and (best is None or shared > best[0]):
                best = (shared, kb)
        if best:
            out[ka] = best[1]
    return out


def facts_of(rels, level=None):
    """(source, target, frozenset(types), negated, relation) per relation."""
    return [(r["source"]["actor"], r["target"]["actor"], frozenset(r["types"]), r["negated"], r)
            for r in rels if level is None or r["level"] == level]


def matches(fa, fb, amap):
    s, t, types, neg, _ = fa
    s2, t2 = amap.get(s), amap.get(t)
    for sb, tb, types_b, neg_b, _ in fb:
        if neg != neg_b or not (types & types_b):
            continue
        sym = any(x in SYMMETRIC for x in types & types_b)
        if (s2, t2) == (sb, tb) or sym and (s2, t2) == (tb, sb):
            return True
    return False


def cmd_agreement(args):
    docs = D.load_all()
    by_id = {d["id"]: d for d in docs}
    double = D.double_annotated(docs)
    first, second = {}, {}
    for path in sorted(glob.glob(os.path.join(args.dir, "batch*.jsonl"))):
        first.update(read_annotations(path, by_id)[0])
    for path in sorted(glob.glob(os.path.join(args.dir, "second", "*.jsonl"))):
        second.update(read_annotations(path, by_id)[0])
    ids = [d["id"] for d in docs if d["id"] in double and d["id"] in first and d["id"] in second]
    rows = collections.defaultdict(lambda: [0, 0, 0, 0])  # type -> [|A|, A matched, |B|, B matched]
    for level in (None, "must"):
        rows.clear()
        for i in ids:
            (ra, rels_a), (rb, rels_b) = first[i], second[i]
            a2b, b2a = actor_map(ra, rb), actor_map(rb, ra)
            fa, fb = facts_of(rels_a, level), facts_of(rels_b, level)
            all_b, all_a = facts_of(rels_b), facts_of(rels_a)
            for f in fa:
                hit = matches(f, all_b if level else fb, a2b)
                for t in f[2]:
                    rows[t][0] += 1
                    rows[t][1] += hit
                rows["all"][0] += 1
                rows["all"][1] += hit
            for f in fb:
                hit = matches(f, all_a if level else fa, b2a)
                for t in f[2]:
                    rows[t][2] += 1
                    rows[t][3] += hit
                rows["all"][2] += 1
                rows["all"][3] += hit
        title = "all relations" if level is None else "must relations (matched against the other's relations of any level)"
        print(f"\nAgreement on {len(ids)} documents, {title}:")
        print("| relation | first | matched | second | matched | F1 |\n|---|---|---|---|---|---|")
        for t in list(RELATIONS) + ["all"]:
            if t not in rows:
                continue
            na, ma, nb, mb = rows[t]
            r = ma / na if na else 0.0
            p = mb / nb if nb else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            name = f"**{t}**" if t == "all" else t
            print(f"| {name} | {na} | {ma} | {nb} | {mb} | {f1:.2f} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("batches", help="write batch files to annotate")
    b.add_argument("dir")
    b.add_argument("--words", type=int, default=16000, help="words per batch (default %(default)s)")
    b.add_argument("--docs", type=int, default=30, help="most documents per batch (default %(default)s)")
    c = sub.add_parser("check", help="validate annotation files")
    c.add_argument("files", nargs="+")
    c.add_argument("--batch", help="the batch file the annotation file answers: every document must be annotated")
    bu = sub.add_parser("build", help="write the gold from the annotation files of DIR")
    bu.add_argument("dir")
    bu.add_argument("--partial", action="store_true", help="allow documents without annotation (they are left out)")
    ag = sub.add_parser("agreement", help="relation F1 of the first annotation against the second, per type")
    ag.add_argument("dir")
    args = ap.parse_args()
    {"batches": cmd_batches, "check": cmd_check, "build": cmd_build, "agreement": cmd_agreement}[args.cmd](args)


if __name__ == "__main__":
    main()
