// Checks that what JavaScript consumers loaded from newsgraph's outputs holds what graph.json
// holds. tests/consumers/node.rs runs the README's own commands (which load the graphs)
// followed by a call to one of these functions, in a directory holding graph.json (the
// reference) and the other outputs written from it. Each prints one line per format and
// throws on a mismatch.

"use strict";

const fs = require("fs");
const assert = require("assert");

const ref = JSON.parse(fs.readFileSync("graph.json", "utf8"));

// What XML keeps of a string: the characters XML 1.0 forbids (and DEL, the C1 controls) go.
const xmlText = (s) => s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]/g, "");
const same = (s) => s;

// nodes: [[id, attrs]]; edges: [[source, target, attrs]]. `text` maps a reference string to
// what the format keeps of it; `decode` turns a list or evidence value as loaded into the JSON.
function compare(where, nodes, edges, text = same, decode = same) {
  assert.strictEqual(nodes.length, ref.nodes.length, `${where}: node count`);
  assert.strictEqual(edges.length, ref.edges.length, `${where}: edge count`);
  const byId = new Map(ref.nodes.map((n) => [text(n.id), n]));
  for (const [id, a] of nodes) {
    const want = byId.get(id);
    assert.ok(want, `${where}: unexpected node ${JSON.stringify(id)}`);
    assert.strictEqual(a.label, text(want.label), `${where}: label of ${id}`);
    assert.strictEqual(a.type, want.type, `${where}: type of ${id}`);
    assert.strictEqual(a.mentions, want.mentions, `${where}: mentions of ${id}`);
    assert.deepStrictEqual(decode(a.aliases), want.aliases, `${where}: aliases of ${id}`);
    assert.deepStrictEqual(decode(a.documents), want.documents, `${where}: documents of ${id}`);
    assert.strictEqual(a.first_date, want.first_date, `${where}: first_date of ${id}`);
    assert.strictEqual(a.last_date, want.last_date, `${where}: last_date of ${id}`);
  }
  const edgeKey = (s, t, r, n) => JSON.stringify([s, t, r, n]);
  const byEnds = new Map(
    ref.edges.map((e) => [edgeKey(text(e.source), text(e.target), e.relation, e.negated), e]),
  );
  const seen = new Set();
  for (const [s, t, a] of edges) {
    const key = edgeKey(s, t, a.relation, a.negated);
    const want = byEnds.get(key);
    assert.ok(want, `${where}: unexpected edge ${key}`);
    assert.ok(!seen.has(key), `${where}: edge ${key} twice`);
    seen.add(key);
    assert.strictEqual(a.weight, want.weight, `${where}: weight of ${key}`);
    assert.deepStrictEqual(decode(a.evidence), want.evidence, `${where}: evidence of ${key}`);
    assert.strictEqual(a.cameo, want.cameo, `${where}: cameo of ${key}`);
    assert.strictEqual(a.polarity, want.polarity, `${where}: polarity of ${key}`);
    assert.strictEqual(a.first_date, want.first_date, `${where}: first_date of ${key}`);
    assert.strictEqual(a.last_date, want.last_date, `${where}: last_date of ${key}`);
  }
  console.log(`ok ${where}: ${nodes.length} nodes, ${edges.length} edges`);
}

function graphologyLists(g) {
  const nodes = g.mapNodes((id, a) => [id, a]);
  const edges = g.mapEdges((_, a, s, t) => [s, t, a]);
  return [nodes, edges];
}

/** Checks the Cytoscape.js instance the README's command makes. */
exports.cytoscape = function (cy) {
  const nodes = cy.nodes().map((n) => [n.id(), n.data()]);
  const edges = cy.edges().map((e) => [e.source().id(), e.target().id(), e.data()]);
  for (const [, a] of nodes) assert.strictEqual(a.name, a.label, "cytoscape: name is the label");
  compare("cytoscape cyjs", nodes, edges, same, (v) => (typeof v === "string" ? JSON.parse(v) : v));
};

/** Checks the graphology graphs the README's commands make from JSON, GEXF and GraphML. */
exports.graphology = function (graph, fromGexf, fromGraphml) {
  assert.ok(graph.multi, "graphology json: multi");
  compare("graphology json", ...graphologyLists(graph));
  for (const [name, g] of [["gexf", fromGexf], ["graphml", fromGraphml]]) {
    compare(`graphology ${name}`, ...graphologyLists(g), xmlText, JSON.parse);
  }
};

/** Checks that the README's D3 command resolved every edge to its nodes. */
exports.d3 = function (data, simulation) {
  simulation.stop();
  simulation.tick(1);
  for (const e of data.edges) {
    assert.strictEqual(typeof e.source, "object", "d3: source resolved");
    assert.ok(Number.isFinite(e.source.x) && Number.isFinite(e.target.y), "d3: positions");
  }
  const nodes = data.nodes.map((n) => [n.id, n]);
  const edges = data.edges.map((e) => [e.source.id, e.target.id, e]);
  compare("d3-force json", nodes, edges);
};
