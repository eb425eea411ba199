"""Checks that what Python consumers loaded from newsgraph's outputs holds what graph.json holds.

tests/consumers/python.rs runs the README's own commands (which load the graphs) followed by a
call to one of these functions, in a directory holding graph.json (the reference) and the other
outputs written from it. Each prints one line per format and exits non-zero on a mismatch.
"""

import csv
import json
import os
import re
import sys

# What XML keeps of a string: the characters XML 1.0 forbids (and DEL, the C1 controls) go.
XML_DROPS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def xml_text(s):
    return XML_DROPS.sub("", s)


def check(condition, message):
    if not condition:
        sys.exit("mismatch: " + message)


class Reference:
    """graph.json, the graph every other format must reproduce."""

    def __init__(self, directory):
        with open(os.path.join(directory, "graph.json"), encoding="utf-8") as f:
            self.data = json.load(f)
        self.nodes = {n["id"]: n for n in self.data["nodes"]}
        self.edges = {
            (e["source"], e["target"], e["relation"], e["negated"]): e
            for e in self.data["edges"]
        }

    def compare(self, tool, fmt, nodes, edges, text=lambda s: s, decode=lambda v: v):
        """nodes: {id: attrs}; edges: [(source, target, attrs)]. `text` maps a reference string
        to what the format keeps of it; `decode` turns a list or evidence value as loaded into
        the JSON value (JSON strings in the flat formats)."""
        where = f"{tool} {fmt}"
        check(len(nodes) == len(self.nodes), f"{where}: {len(nodes)} nodes, want {len(self.nodes)}")
        check(len(edges) == len(self.edges), f"{where}: {len(edges)} edges, want {len(self.edges)}")
        by_text = {text(i): n for i, n in self.nodes.items()}
        for node_id, attrs in nodes.items():
            want = by_text.get(node_id)
            check(want is not None, f"{where}: unexpected node {node_id!r}")
            check(attrs["label"] == text(want["label"]), f"{where}: label of {node_id!r}: {attrs['label']!r}")
            check(attrs["type"] == want["type"], f"{where}: type of {node_id!r}")
            check(attrs["mentions"] == want["mentions"], f"{where}: mentions of {node_id!r}")
            check(decode(attrs["aliases"]) == want["aliases"], f"{where}: aliases of {node_id!r}")
            check(decode(attrs["documents"]) == want["documents"], f"{where}: documents of {node_id!r}")
            for optional in ["first_date", "last_date"]:
                check(attrs.get(optional) == want.get(optional), f"{where}: {optional} of {node_id!r}")
        by_ends = {
            (text(s), text(t), r, n): e for (s, t, r, n), e in self.edges.items()
        }
        seen = set()
        for source, target, attrs in edges:
            key = (source, target, attrs["relation"], attrs["negated"])
            want = by_ends.get(key)
            check(want is not None, f"{where}: unexpected edge {key!r}")
            check(key not in seen, f"{where}: edge {key!r} twice")
            seen.add(key)
            check(attrs["weight"] == want["weight"], f"{where}: weight of {key!r}")
            if "confidence" in attrs:
                check(abs(float(attrs["confidence"]) - want["confidence"]) < 1e-6,
                      f"{where}: confidence of {key!r}")
            check(decode(attrs["evidence"]) == want["evidence"], f"{where}: evidence of {key!r}")
            for optional in ["cameo", "polarity", "first_date", "last_date"]:
                check(attrs.get(optional) == want.get(optional), f"{where}: {optional} of {key!r}")
        print(f"ok {where}: {len(nodes)} nodes, {len(edges)} edges")


def first_day(date):
    """The first day of the period an ISO date names (a day, a month or a year)."""
    parts = date.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def gexf_spells(g, ref):
    """The GEXF of a dated graph is dynamic: what has dates lives in spells from its first."""
    dated = [n for n in ref.data["nodes"] if "first_date" in n]
    if not dated:
        check(g.graph.get("mode") != "dynamic", "networkx gexf: an undated graph is static")
        return
    check(g.graph.get("mode") == "dynamic", "networkx gexf: a dated graph is dynamic")
    for n in dated:
        spells = g.nodes[xml_text(n["id"])].get("spells")
        check(spells and spells[0][0] == first_day(n["first_date"]), f"networkx gexf: spells of {n['id']!r}: {spells}")
    for s, t, attrs in g.edges(data=True):
        if "first_date" in attrs:
            spells = attrs.get("spells")
            check(spells and spells[0][0] == first_day(attrs["first_date"]), f"networkx gexf: spells of {s}->{t}: {spells}")
    print(f"ok networkx gexf: spells on {len(dated)} dated nodes")


def networkx(from_json, from_graphml, from_gexf, directory="."):
    """Checks the graphs the README's networkx commands load."""
    ref = Reference(directory)
    g = from_json
    check(g.is_directed() and g.is_multigraph(), "networkx json: not a directed multigraph")
    for s, t, k, attrs in g.edges(keys=True, data=True):
        # node_link_graph takes "key" as the multigraph key, out of the attributes.
        check(k == ("not-" if attrs["negated"] else "") + attrs["relation"], f"networkx json: key {k!r}")
    ref.compare("networkx", "json", dict(g.nodes(data=True)), list(g.edges(data=True)))
    for fmt, g in [("graphml", from_graphml), ("gexf", from_gexf)]:
        check(g.is_directed(), f"networkx {fmt}: undirected")
        check(g.graph.get("generator", "newsgraph").startswith("newsgraph"), f"networkx {fmt}: generator")
        ref.compare("networkx", fmt, dict(g.nodes(data=True)), list(g.edges(data=True)),
                    text=xml_text, decode=json.loads)
    gexf_spells(from_gexf, ref)


def igraph(g, directory="."):
    """Checks the graph the README's igraph command loads."""
    ref = Reference(directory)
    check(g.is_directed(), "igraph graphml: undirected")
    # igraph (0.11.8 and 1.0.0, through libxml2) returns "&" in XML attribute values, the node
    # ids here, as "&#38;"; text content is right. newsgraph's ids are slugs, without "&".
    ids = [v["id"].replace("&#38;", "&") for v in g.vs]
    nodes = {i: v.attributes() for i, v in zip(ids, g.vs)}
    edges = [(ids[e.source], ids[e.target], e.attributes()) for e in g.es]
    # igraph stores every numeric attribute as a float, and absent ones as None or NaN.
    for attrs in list(nodes.values()) + [a for _, _, a in edges]:
        for optional in ["cameo", "polarity", "first_date", "last_date"]:
            value = attrs.get(optional)
            if value is None or value == "" or value != value:
                attrs.pop(optional, None)
    ref.compare("igraph", "graphml", nodes, edges, text=xml_text, decode=json.loads)


def neo4j_csv(directory="."):
    """Reads neo4j/*.csv as neo4j-admin import does: RFC 4180 quoting, one record per line
    (no --multiline-fields), typed headers, arrays split at U+001F."""
    ref = Reference(directory)

    def rows(name):
        with open(os.path.join(directory, "neo4j", name), newline="", encoding="utf-8") as f:
            lines = f.read().split("\n")
        check(lines[-1] == "", f"neo4j {name}: no final newline")
        return [next(csv.reader([line], strict=True)) for line in lines[:-1]]

    def clean(s):
        out = ""
        for c in s:
            if c in "\r\n":
                out += "" if out.endswith(" ") else " "
            elif c == "\t" or c >= " ":
                out += c
        return out

    header, *node_rows = rows("nodes.csv")
    check(header == ["id:ID", ":LABEL", "label", "type", "aliases:string[]", "mentions:int",
                     "documents:string[]", "first_date", "last_date"], f"neo4j nodes.csv header {header}")
    nodes = {}
    for r in node_rows:
        check(len(r) == len(header), f"neo4j nodes.csv: {len(r)} fields")
        node_id, label, name, kind, aliases, mentions, documents, first_date, last_date = r
        check(label == kind.capitalize(), f"neo4j: :LABEL {label!r} for type {kind!r}")
        nodes[node_id] = {"label": name, "type": kind, "mentions": int(mentions),
                          "aliases": aliases.split("\x1f"), "documents": documents.split("\x1f")}
        if first_date:
            nodes[node_id].update(first_date=first_date, last_date=last_date)
    header, *edge_rows = rows("relationships.csv")
    check(header == [":START_ID", ":END_ID", ":TYPE", "key", "relation", "weight:int",
                     "negated:boolean", "confidence:double", "cameo", "polarity:double",
                     "first_date", "last_date", "evidence"],
          f"neo4j relationships.csv header {header}")
    edges = []
    for r in edge_rows:
        check(len(r) == len(header), f"neo4j relationships.csv: {len(r)} fields")
        (start, end, rtype, key, relation, weight, negated, confidence, cameo, polarity, first_date,
         last_date, evidence) = r
        check(rtype == key.upper().replace("-", "_"), f"neo4j: :TYPE {rtype!r} for key {key!r}")
        check(re.fullmatch("[A-Z_]+", rtype) is not None, f"neo4j: :TYPE {rtype!r}")
        check(negated in ("true", "false"), f"neo4j: negated {negated!r}")
        attrs = {"relation": relation, "weight": int(weight), "negated": negated == "true",
                 "confidence": float(confidence), "evidence": json.loads(evidence)}
        if cameo:
            attrs["cameo"] = cameo
        if polarity:
            attrs["polarity"] = float(polarity)
        if first_date:
            attrs.update(first_date=first_date, last_date=last_date)
        edges.append((start, end, attrs))
    for n in ref.data["nodes"]:
        n["aliases"] = [clean(a) for a in n["aliases"]]
    ref.compare("neo4j-admin", "csv", nodes, edges, text=clean)

