#!/usr/bin/env python3
"""Validate the news gold (eval/gold/wikinews.jsonl, eval/gold/gum-news.jsonl) against the texts.

Fails (exit 1, one line per problem) on: a missing or extra document, a document twice, a split
that is not the fixed one (docs.splits), a double-annotation flag that is not the fixed set, an
unknown actor type, relation type or level, a mention whose byte offsets do not give its text, a
mention outside its evidence range, an evidence range that is not inside the text or does not start
and end on sentence boundaries of docs.sentences(), a name not in the text, a mention of an actor
the record does not list, a relation from an actor to itself, and a duplicate (the same source,
type, target and negation twice in a document; symmetric types in either direction).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import docs as D  # noqa: E402
from vocab import ACTOR_TYPES, LEVELS, RELATIONS, SYMMETRIC  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def check(gold_dir=HERE):
    problems = []
    docs = D.load_all()
    by_id = {d["id"]: d for d in docs}
    split = D.splits(docs)
    double = D.double_annotated(docs)
    seen = set()
    n_rel = 0
    for corpus in D.CORPORA:
        path = os.path.join(gold_dir, f"{corpus}.jsonl")
        if not os.path.exists(path):
            problems.append(f"{path}: missing")
            continue
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                where = f"{os.path.basename(path)}:{n}"
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    problems.append(f"{where}: malformed JSON: {e}")
                    continue
                doc = by_id.get(rec.get("id"))
                if doc is None or doc["corpus"] != corpus:
                    problems.append(f"{where}: {rec.get('id')!r} is no document of {corpus}")
                    continue
                if rec["id"] in seen:
                    problems.append(f"{where}: {rec['id']} twice")
                seen.add(rec["id"])
                if rec.get("split") != split[rec["id"]]:
                    problems.append(f"{where}: split {rec.get('split')!r}, the fixed split says {split[rec['id']]}")
                if rec.get("double_annotated") != (rec["id"] in double):
                    problems.append(f"{where}: double_annotated should be {rec['id'] in double}")
                problems += check_record(rec, doc, where)
                n_rel += len(rec.get("relations", []))
    for d in docs:
        if d["id"] not in seen:
            problems.append(f"{d['corpus']}.jsonl: document {d['id']} missing")
    return problems, len(seen), n_rel


def check_record(rec, doc, where):
    problems = []
    raw = doc["text"].encode("utf-8")
    actors = rec.get("actors", {})
    for key, a in actors.items():
        if a.get("type") not in ACTOR_TYPES:
            problems.append(f"{where}: actor {key}: unknown type {a.get('type')!r}")
        for name in a.get("names", []):
            if name not in doc["text"]:
                problems.append(f"{where}: actor {key}: name {name!r} not in the text")
        if not a.get("names"):
            problems.append(f"{where}: actor {key}: no names")
    offs = [0]
    for c in doc["text"]:
        offs.append(offs[-1] + len(c.encode("utf-8")))
    starts = {offs[s] for s, _ in doc["sentences"]}
    ends = {offs[e] for _, e in doc["sentences"]}
    facts = set()
    for i, r in enumerate(rec.get("relations", []), 1):
        w = f"{where}: relation {i}"
        ev = r.get("evidence", {})
        if not (ev.get("start") in starts and ev.get("end") in ends and ev["start"] < ev["end"]):
            problems.append(f"{w}: evidence {ev} is not a range of whole sentences")
            continue
        types = r.get("types") or []
        if not types or any(t not in RELATIONS for t in types) or len(set(types)) != len(types):
            problems.append(f"{w}: types {types!r}")
        if r.get("level") not in LEVELS:
            problems.append(f"{w}: level {r.get('level')!r}")
        if not isinstance(r.get("negated"), bool):
            problems.append(f"{w}: negated {r.get('negated')!r}")
        for role in ("source", "target"):
            m = r.get(role, {})
            if raw[m.get("start", 0):m.get("end", 0)].decode("utf-8", "replace") != m.get("text") or not m.get("text"):
                problems.append(f"{w}: {role} {m.get('text')!r} at {m.get('start')}..{m.get('end')} does not match the text")
            if not (ev["start"] <= m.get("start", -1) and m.get("end", 1 << 60) <= ev["end"]):
                problems.append(f"{w}: {role} outside the evidence")
            if m.get("actor") not in actors:
                problems.append(f"{w}: {role} actor {m.get('actor')!r} not listed")
            elif sorted(m.get("names", [])) != sorted(actors[m["actor"]]["names"]) or m.get("type") != actors[m["actor"]]["type"]:
                problems.append(f"{w}: {role} names or type differ from actor {m['actor']}")
        s, g = r.get("source", {}).get("actor"), r.get("target", {}).get("actor")
        if s == g:
            problems.append(f"{w}: from an actor to itself")
        for t in types:
            a, b = (min(s, g), max(s, g)) if t in SYMMETRIC else (s, g)
            k = (a, t, b, r.get("negated"))
            if k in facts:
                problems.append(f"{w}: duplicate {a} {t} {b}")
            facts.add(k)
    return problems


def main():
    problems, n_docs, n_rel = check()
    for p in problems:
        print(p)
    print(f"news gold: {n_docs} documents, {n_rel} relations, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
