// The newsgraph view: the graph JSON embedded in this page, drawn with Cytoscape.js at the
// positions newsgraph computed, with search, filters and the evidence of every relation.
// Everything the page shows comes from the embedded data; nothing is fetched.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("newsgraph-data").textContent);
  const G = DATA.graph;
  const V = DATA.view;
  // Entity types in their order (person first), each with its colour and shape.
  const TYPES = new Map(V.types.map((t) => [t.name, t]));
  const $ = (id) => document.getElementById(id);
  const el = (tag, props, ...children) => {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (k === "class") e.className = v;
        else if (k === "text") e.textContent = v;
        else e.setAttribute(k, v);
      }
    }
    e.append(...children.filter((c) => c !== null && c !== undefined));
    return e;
  };
  const fill = (parent, ...children) =>
    parent.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
  const plural = (n, one, many) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  const fold = (s) =>
    s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

  // ---- Dates: a date names a day, a month or a year; it falls in a range of days when its
  // whole period does (as --since and --until decide).
  const pad = (n) => String(n).padStart(2, "0");
  function period(date) {
    const [y, m, d] = date.split("-").map(Number);
    if (d) return [date, date];
    if (m) {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return [`${date}-01`, `${date}-${pad(last)}`];
    }
    return [`${date}-01-01`, `${date}-12-31`];
  }
  const periods = new Map();
  const periodOf = (date) => {
    let p = periods.get(date);
    if (!p) periods.set(date, (p = period(date)));
    return p;
  };

  // ---- The graph's parts, indexed.
  const documents = new Map(G.graph.documents.map((d) => [d.id, d]));
  const nodes = G.nodes;
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const edgeKey = (e) => `${e.source}->${e.target}:${e.key}`;
  const edges = G.edges;
  const edgeById = new Map(edges.map((e) => [edgeKey(e), e]));
  const relationStyle = (r) => V.relations[r] || { color: V.colors.hostile, symmetric: false };
  const degree = new Map(nodes.map((n) => [n.id, 0]));
  for (const e of edges) {
    degree.set(e.source, degree.get(e.source) + 1);
    degree.set(e.target, degree.get(e.target) + 1);
  }
  const days = [...new Set(edges.flatMap((e) => Object.keys(e.dates || {}).flatMap(periodOf)))].sort();
  const hasConfidence = edges.some((e) => typeof e.confidence === "number");
  const maxWeight = edges.reduce((m, e) => Math.max(m, e.weight), 1);

  // ---- Drawing.
  const penWidth = (w) => Math.min(1 + Math.log(Math.max(w, 1)) * 1.2, 6);
  const edgeLabel = (e) => (e.negated ? "not " : "") + e.relation + (e.weight > 1 ? ` ×${e.weight}` : "");
  const elements = [];
  nodes.forEach((n, i) => {
    const t = TYPES.get(n.type) || TYPES.get("other");
    elements.push({
      group: "nodes",
      data: { id: n.id, label: n.label, size: V.sizes[i], color: t.color, shape: t.shape },
      position: { x: V.positions[i][0], y: V.positions[i][1] },
    });
  });
  for (const e of edges) {
    const r = relationStyle(e.relation);
    elements.push({
      group: "edges",
      data: {
        id: edgeKey(e),
        source: e.source,
        target: e.target,
        label: edgeLabel(e),
        color: r.color,
        width: penWidth(e.weight),
        arrow: r.symmetric ? "none" : "triangle",
        negated: e.negated ? 1 : 0,
      },
    });
  }
  const large = V.large;
  const cy = cytoscape({
    container: $("graph"),
    elements,
    layout: { name: "preset", fit: true, padding: 30 },
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : "auto",
    style: [
      {
        selector: "node",
        style: {
          width: "data(size)",
          height: "data(size)",
          shape: "data(shape)",
          "background-color": "data(color)",
          "border-width": 1,
          "border-color": "#57606a",
          label: "data(label)",
          "font-size": V.font_size,
          "font-family": "system-ui, sans-serif",
          color: "#1d2329",
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": 360,
          "text-background-color": "#fafbfc",
          "text-background-opacity": 0.75,
          "min-zoomed-font-size": large ? 9 : 0,
        },
      },
      {
        selector: "edge",
        style: {
          width: "data(width)",
          "line-color": "data(color)",
          "target-arrow-color": "data(color)",
          "target-arrow-shape": large ? "none" : "data(arrow)",
          "curve-style": large ? "haystack" : "bezier",
          "haystack-radius": 0,
          opacity: large ? 0.5 : 0.9,
          label: large ? "" : "data(label)",
          "font-size": 13,
          color: "data(color)",
          "text-background-color": "#fafbfc",
          "text-background-opacity": 0.85,
          "min-zoomed-font-size": large ? 8 : 0,
        },
      },
      { selector: "edge[negated = 1]", style: { "line-style": "dashed" } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: ".faded", style: { opacity: 0.4 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#0969da" } },
      {
        selector: "edge:selected",
        style: { width: 5, "line-color": "#0969da", "target-arrow-color": "#0969da", opacity: 1 },
      },
    ],
  });

  // ---- Filters.
  const state = {
    relations: new Set(edges.map((e) => e.relation)),
    types: new Set(nodes.map((n) => n.type)),
    minWeight: 1,
    from: 0,
    to: Math.max(days.length - 1, 0),
    minConfidence: 0,
    unrelated: true,
  };
  const dateActive = () => days.length > 0 && (state.from > 0 || state.to < days.length - 1);
  // A relation filter set: entities left without a shown relation are hidden, as
  // --relations and --min-weight drop them.
  const relationFilterActive = () =>
    dateActive() ||
    state.minWeight > 1 ||
    state.minConfidence > 0 ||
    state.relations.size < new Set(edges.map((e) => e.relation)).size;
  function inRange(date) {
    const [first, last] = periodOf(date);
    return first >= days[state.from] && last <= days[state.to];
  }
  /** The statements of `e` the date filter keeps. */
  function shownWeight(e) {
    if (!dateActive()) return e.weight;
    let n = 0;
    for (const [date, count] of Object.entries(e.dates || {})) if (inRange(date)) n += count;
    return n;
  }
  function edgeShown(e) {
    if (!state.relations.has(e.relation)) return false;
    if (!state.types.has(nodeById.get(e.source).type) || !state.types.has(nodeById.get(e.target).type))
      return false;
    if (typeof e.confidence === "number" && e.confidence < state.minConfidence) return false;
    const w = shownWeight(e);
    return w > 0 && w >= state.minWeight;
  }
  // Nothing is hidden when the page opens.
  let shown = { nodes: new Set(nodes.map((n) => n.id)), edges: new Set(edges.map(edgeKey)) };
  function apply() {
    const shownEdges = new Set();
    const related = new Set();
    let statements = 0;
    for (const e of edges) {
      if (edgeShown(e)) {
        shownEdges.add(edgeKey(e));
        related.add(e.source);
        related.add(e.target);
        statements += shownWeight(e);
      }
    }
    const strict = relationFilterActive();
    $("unrelated").disabled = strict;
    const shownNodes = new Set();
    for (const n of nodes) {
      if (!state.types.has(n.type)) continue;
      if (related.has(n.id) || (!strict && state.unrelated)) shownNodes.add(n.id);
    }
    // Only what changes is restyled: a filter that moves little costs little.
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        if (shown.nodes.has(n.id()) !== shownNodes.has(n.id())) n.toggleClass("hidden", !shownNodes.has(n.id()));
      });
      cy.edges().forEach((e) => {
        if (shown.edges.has(e.id()) !== shownEdges.has(e.id())) e.toggleClass("hidden", !shownEdges.has(e.id()));
      });
    });
    shown = { nodes: shownNodes, edges: shownEdges };
    $("counts").textContent =
      `Shown: ${shownNodes.size.toLocaleString("en")} of ${plural(nodes.length, "entity", "entities")}, ` +
      `${shownEdges.size.toLocaleString("en")} of ${plural(edges.length, "relation", "relations")} ` +
      `(${plural(statements, "statement", "statements")})`;
    // What the details show follows the filters too.
    if (!selected) showOverview();
    else if (selected.node) showNode(selected.id);
    else showEdge(selected.id);
  }
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      apply();
    });
  };

  function checkbox(container, name, count, swatch, set) {
    const input = el("input", { type: "checkbox", value: name });
    input.checked = true;
    input.addEventListener("change", () => {
      if (input.checked) set.add(name);
      else set.delete(name);
      schedule();
    });
    container.append(el("label", null, input, swatch, el("span", { text: name }), el("span", { class: "count", text: count.toLocaleString("en") })));
  }
  const countBy = (items, key) => {
    const m = new Map();
    for (const i of items) m.set(key(i), (m.get(key(i)) || 0) + 1);
    return m;
  };
  const svg = (w, h, inner) => {
    const s = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    s.setAttribute("width", w);
    s.setAttribute("height", h);
    s.setAttribute("class", "swatch");
    s.setAttribute("aria-hidden", "true");
    for (const [tag, attrs] of inner) {
      const c = document.createElementNS("http://www.w3.org/2000/svg", tag);
      for (const [k, v] of Object.entries(attrs)) c.setAttribute(k, v);
      s.append(c);
    }
    return s;
  };
  const SHAPES = {
    ellipse: [["ellipse", { cx: 8, cy: 8, rx: 7, ry: 6 }]],
    "round-rectangle": [["rect", { x: 1, y: 3, width: 14, height: 10, rx: 3 }]],
    octagon: [["polygon", { points: "5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" }]],
    pentagon: [["polygon", { points: "8,1 15,7 13,15 3,15 1,7" }]],
    rhomboid: [["polygon", { points: "4,3 15,3 12,13 1,13" }]],
    "cut-rectangle": [["polygon", { points: "1,3 12,3 15,6 15,13 1,13" }]],
  };
  const shapeSwatch = (t) =>
    svg(16, 16, SHAPES[t.shape].map(([tag, a]) => [tag, { ...a, fill: t.color, stroke: "#57606a" }]));
  const lineSwatch = (color, dashed, width) =>
    svg(28, 10, [["line", { x1: 1, y1: 5, x2: 27, y2: 5, stroke: color, "stroke-width": width || 2, "stroke-dasharray": dashed ? "4 3" : "none" }]]);

  const relationCounts = countBy(edges, (e) => e.relation);
  for (const r of [...relationCounts.keys()].sort()) {
    checkbox($("relation-types"), r, relationCounts.get(r), lineSwatch(relationStyle(r).color), state.relations);
  }
  const typeCounts = countBy(nodes, (n) => n.type);
  for (const [t, s] of TYPES) {
    if (typeCounts.has(t)) checkbox($("entity-types"), t, typeCounts.get(t), shapeSwatch(s), state.types);
  }
  $("unrelated").addEventListener("change", (ev) => {
    state.unrelated = ev.target.checked;
    schedule();
  });
  const weight = $("weight");
  weight.max = String(maxWeight);
  weight.disabled = maxWeight <= 1;
  weight.addEventListener("input", () => {
    state.minWeight = Number(weight.value);
    $("weight-label").textContent = weight.value;
    schedule();
  });
  if (hasConfidence) {
    $("confidence-filter").hidden = false;
    $("confidence").addEventListener("input", (ev) => {
      state.minConfidence = Number(ev.target.value);
      $("confidence-label").textContent = state.minConfidence.toFixed(2);
      schedule();
    });
  }
  const from = $("date-from");
  const to = $("date-to");
  function dateLabels() {
    $("date-from-label").textContent = days[state.from] || "";
    $("date-to-label").textContent = days[state.to] || "";
    $("dates-note").textContent = dateActive()
      ? "Relations stated in the range; weights count those statements. Undated ones are hidden."
      : "";
  }
  if (days.length === 0) {
    $("dates-controls").hidden = true;
    $("dates-filter").append(el("p", { class: "note", text: "No dates in this graph (JSONL \"date\", or --date for text files)." }));
  } else {
    for (const input of [from, to]) {
      input.max = String(days.length - 1);
      input.disabled = days.length < 2;
    }
    to.value = String(days.length - 1);
    from.addEventListener("input", () => {
      state.from = Math.min(Number(from.value), state.to);
      from.value = String(state.from);
      dateLabels();
      schedule();
    });
    to.addEventListener("input", () => {
      state.to = Math.max(Number(to.value), state.from);
      to.value = String(state.to);
      dateLabels();
      schedule();
    });
    dateLabels();
  }

  // ---- Legend.
  const legend = $("legend");
  for (const [t, s] of TYPES) {
    if (typeCounts.has(t)) legend.append(el("div", null, shapeSwatch(s), el("span", { text: t })));
  }
  for (const [name, color] of [["cooperative", V.colors.cooperative], ["hostile", V.colors.hostile], ["static (member-of, leader-of, …)", V.colors.static]]) {
    legend.append(el("div", null, lineSwatch(color), el("span", { text: name })));
  }
  legend.append(el("div", null, lineSwatch("#57606a", true), el("span", { text: "denied (negated)" })));
  legend.append(el("div", null, lineSwatch("#57606a", false, penWidth(10)), el("span", { text: "width: statements (1, 10, …)" })));
  legend.append(el("div", null, el("span", { class: "muted", text: "Node size: mentions. Arrows point from the actor to the target." })));

  // ---- Summary.
  const dated = G.graph.documents.map((d) => d.date).filter(Boolean).sort();
  $("summary").textContent =
    `${plural(G.graph.documents.length, "document", "documents")}` +
    (dated.length ? `, ${dated[0]} to ${dated[dated.length - 1]}` : "");

  // ---- Details: an entity, a relation, or an overview.
  const details = $("details");
  let selected = null;
  /** A link inside the page: it selects something, it goes nowhere. */
  function link(text, onClick) {
    const a = el("a", { href: "#", class: "link", text });
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      onClick();
    });
    return a;
  }
  const nodeLabel = (id) => (nodeById.get(id) || { label: id }).label;
  function relationLine(e, from) {
    const r = relationStyle(e.relation);
    const verb = (e.negated ? "not " : "") + e.relation;
    const text =
      from === undefined
        ? `${nodeLabel(e.source)} ${verb} ${nodeLabel(e.target)}`
        : e.source === from
          ? `${r.symmetric ? "" : "→ "}${verb} ${nodeLabel(e.target)}`
          : `${r.symmetric ? "" : "← "}${nodeLabel(e.source)} ${verb}`;
    const button = link(text, () => selectEdge(edgeKey(e), true));
    const w = shownWeight(e);
    const weightText = w === e.weight ? `×${e.weight}` : `×${w} of ${e.weight}`;
    return el("li", null, lineSwatch(r.color, e.negated), " ", button, el("span", { class: "muted", text: ` ${weightText}` }));
  }
  const strongestFirst = (a, b) =>
    shownWeight(b) - shownWeight(a) || a.relation.localeCompare(b.relation) || edgeKey(a).localeCompare(edgeKey(b));
  function showOverview() {
    const list = edges.filter((e) => shown.edges.has(edgeKey(e))).sort(strongestFirst);
    const top = list.slice(0, 25);
    fill(details, 
      el("h3", { text: "Strongest relations" }),
      el("p", { class: "hint", text: "Click an entity for its relations, a relation for the sentences that state it." }),
      top.length ? el("ol", null, ...top.map((e) => relationLine(e))) : el("p", { class: "hint", text: "No relation is shown." }),
      list.length > top.length ? el("p", { class: "muted", text: `and ${plural(list.length - top.length, "more", "more")}` }) : null,
    );
  }
  function showNode(id) {
    const n = nodeById.get(id);
    const rels = edges.filter((e) => e.source === id || e.target === id).sort(strongestFirst);
    const visible = rels.filter((e) => shown.edges.has(edgeKey(e)));
    const aliases = n.aliases.filter((a) => a !== n.label);
    fill(details, 
      el("h3", { text: n.label }),
      el("p", { class: "meta" }, el("span", { class: "badge", text: n.type }), `${plural(n.mentions, "mention", "mentions")} in ${plural(n.documents.length, "document", "documents")}`),
      n.first_date ? el("p", { class: "meta", text: n.first_date === n.last_date ? `mentioned ${n.first_date}` : `mentioned ${n.first_date} to ${n.last_date}` }) : null,
      aliases.length ? el("p", { class: "meta", text: `also: ${aliases.join("; ")}` }) : null,
      shown.nodes.has(id) ? null : el("p", { class: "note", text: "Hidden by the filters." }),
      el("h2", { text: `${plural(visible.length, "relation", "relations")} shown${rels.length > visible.length ? ` (of ${rels.length})` : ""}` }),
      visible.length ? el("ol", null, ...visible.map((e) => relationLine(e, id))) : el("p", { class: "hint", text: "None under the current filters." }),
    );
  }
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  /** The sentence with its trigger marked; offsets are UTF-8 bytes into the document. */
  function sentence(ev) {
    const t = ev.trigger;
    const q = el("blockquote");
    if (t && t.start >= ev.start && t.end <= ev.end) {
      const bytes = enc.encode(ev.text);
      const s = t.start - ev.start;
      const e = t.end - ev.start;
      if (e <= bytes.length) {
        q.append(dec.decode(bytes.subarray(0, s)), el("mark", { text: dec.decode(bytes.subarray(s, e)) }), dec.decode(bytes.subarray(e)));
        return q;
      }
    }
    q.append(ev.text);
    return q;
  }
  function source(ev) {
    const d = documents.get(ev.document) || { id: ev.document };
    const parts = el("div", { class: "source" }, el("strong", { text: d.title || d.id }));
    const date = ev.date || d.date;
    if (date) parts.append(` · ${date}`);
    if (d.title) parts.append(el("span", { class: "muted", text: ` · ${d.id}` }));
    if (d.url) {
      parts.append(el("br"));
      if (/^https?:\/\//i.test(d.url)) parts.append(el("a", { href: d.url, target: "_blank", rel: "noopener noreferrer", text: d.url }));
      else parts.append(d.url);
    }
    return parts;
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    const r = relationStyle(e.relation);
    const facts = [];
    if (e.cameo) facts.push(`CAMEO ${e.cameo}`);
    if (typeof e.polarity === "number") facts.push(`Goldstein ${e.polarity > 0 ? "+" : ""}${e.polarity}`);
    if (e.first_date) facts.push(e.first_date === e.last_date ? `stated ${e.first_date}` : `stated ${e.first_date} to ${e.last_date}`);
    if (typeof e.confidence === "number") facts.push(`confidence ${e.confidence.toFixed(2)}`);
    const w = shownWeight(e);
    const evidence = e.evidence.map((ev) =>
      el(
        "div",
        { class: "evidence" },
        sentence(ev),
        source(ev),
        e.negated ? el("div", null, el("span", { class: "badge negated", text: "denied: the sentence says it did not happen" })) : null,
        typeof ev.confidence === "number" ? el("div", { class: "muted", text: `confidence ${ev.confidence.toFixed(2)}` }) : null,
        ev.reason ? el("div", { class: "reason", text: ev.reason }) : null,
      ),
    );
    const from = link(nodeLabel(e.source), () => selectNode(e.source, true));
    const to = link(nodeLabel(e.target), () => selectNode(e.target, true));
    fill(details, 
      el("h3", null, from, ` ${e.negated ? "not " : ""}${e.relation} `, to),
      el(
        "p",
        { class: "meta" },
        lineSwatch(r.color, e.negated),
        " ",
        e.negated ? el("span", { class: "badge negated", text: "negated" }) : null,
        `${plural(e.weight, "statement", "statements")}` + (w !== e.weight ? ` (${w} in the date range)` : ""),
      ),
      facts.length ? el("p", { class: "meta", text: facts.join(" · ") }) : null,
      e.reason ? el("p", { class: "reason", text: e.reason }) : null,
      shown.edges.has(id) ? null : el("p", { class: "note", text: "Hidden by the filters." }),
      el("h2", { text: e.evidence.length < e.weight ? `Evidence: ${e.evidence.length} of ${e.weight} sentences kept` : "Evidence" }),
      ...evidence,
    );
  }
  function focus(ele, zoomIn) {
    cy.elements().removeClass("faded");
    const hood = ele.isNode() ? ele.closedNeighborhood() : ele.connectedNodes().union(ele);
    if (!large) cy.elements().not(hood).addClass("faded");
    if (zoomIn) cy.animate({ center: { eles: ele }, zoom: Math.max(cy.zoom(), large ? 1.2 : 1) }, { duration: 300 });
  }
  function selectNode(id, zoomIn) {
    const ele = cy.getElementById(id);
    cy.elements().unselect();
    ele.select();
    selected = { node: true, id };
    focus(ele, zoomIn);
    showNode(id);
  }
  function selectEdge(id, zoomIn) {
    const ele = cy.getElementById(id);
    cy.elements().unselect();
    ele.select();
    selected = { node: false, id };
    focus(ele, zoomIn);
    showEdge(id);
  }
  cy.on("tap", "node", (ev) => selectNode(ev.target.id(), false));
  cy.on("tap", "edge", (ev) => selectEdge(ev.target.id(), false));
  cy.on("tap", (ev) => {
    if (ev.target === cy) {
      selected = null;
      cy.elements().unselect().removeClass("faded");
      showOverview();
    }
  });

  // ---- Search: labels and aliases, accents and case folded; best matches first.
  const names = nodes.map((n) => ({ n, keys: [n.label, ...n.aliases].map((a) => [a, fold(a)]) }));
  const search = $("search");
  const matches = $("matches");
  function find(query) {
    const q = fold(query);
    if (!q) return [];
    const found = [];
    for (const { n, keys } of names) {
      let best = null;
      for (const [name, key] of keys) {
        const rank = key === q ? 0 : key.startsWith(q) ? 1 : key.split(" ").some((w) => w.startsWith(q)) ? 2 : key.includes(q) ? 3 : null;
        if (rank !== null && (best === null || rank < best.rank)) best = { rank, name };
      }
      if (best) found.push({ n, ...best });
    }
    found.sort((a, b) => a.rank - b.rank || (degree.get(b.n.id) - degree.get(a.n.id)) || b.n.mentions - a.n.mentions || a.n.id.localeCompare(b.n.id));
    return found.slice(0, 12);
  }
  function choose(id) {
    matches.replaceChildren();
    selectNode(id, true);
  }
  search.addEventListener("input", () => {
    const found = find(search.value);
    matches.replaceChildren(
      ...found.map(({ n, name }) => {
        const b = el("button", { type: "button" }, n.label, el("small", { text: ` ${n.type}${name !== n.label ? ` (as “${name}”)` : ""}` }));
        b.addEventListener("click", () => choose(n.id));
        return el("li", null, b);
      }),
    );
    if (search.value && !found.length) matches.append(el("li", { class: "muted", text: "no entity by that name" }));
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const found = find(search.value);
      if (found.length) choose(found[0].n.id);
    }
  });

  apply();
  // For tests and the console: the Cytoscape instance, the data and the filter state.
  window.newsgraph = {
    cy,
    data: DATA,
    state,
    shown: () => shown,
    get pending() {
      return pending;
    },
  };
})();
