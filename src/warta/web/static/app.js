// warta page: Read and Explore views. Plain JS, no framework, no network beyond this server.
// Safety rule: every value from the server or the user is put into the page as text
// (textContent / createTextNode / setAttribute on SVG geometry), never as HTML.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const TYPE_COLOURS = {
  AGREE: "#2e8b3a", CONSULT: "#4f9fd6", SUPPORT: "#7cc36b", CONCEDE: "#9ccfa0", COOPERATE: "#1f7a8c",
  AID: "#47b39c", RETREAT: "#b7b7b7", REQUEST: "#8e7cc3", ACCUSE: "#e69138", REJECT: "#cc7a00",
  THREATEN: "#d9534f", PROTEST: "#c27ba0", SANCTION: "#a64d79", MOBILIZE: "#996633", COERCE: "#b03a2e",
  ASSAULT: "#7a1010",
};
const STATUS_COLOURS = {
  asserted: "#2f6fce", claimed: "#e69138", possible: "#b7a300", negated: "#777777", denied: "#b03a2e",
  planned: "#2e8b3a", failed: "#7a4cc2",
};
const ENT_COLOURS = { PER: "#2f6fce", ORG: "#d0731b", LOC: "#2e8b3a", MISC: "#7a4cc2" };

// ---------- small DOM helpers (text only) ----------
function el(tag, cls, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
const $ = (id) => document.getElementById(id);
function typeChip(type) {
  const chip = el("span", "chip", type);
  chip.style.setProperty("background", TYPE_COLOURS[type] || "#5f6877");
  return chip;
}
function link(href, text) { const a = el("a", null, text); a.setAttribute("href", href); return a; }
function articleHref(id, eventId) {
  return "#/article/" + encodeURIComponent(id) + (eventId ? "?event=" + encodeURIComponent(eventId) : "");
}

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const detail = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : res.statusText;
    throw new Error(res.status + ": " + detail);
  }
  return body;
}

// ---------- routing ----------
const state = { info: null, record: null, exploreLoaded: false };

function route() {
  const hash = location.hash || "#/read";
  const [path, query] = hash.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean);
  const view = parts[0] === "explore" ? "explore" : "read";
  for (const v of ["read", "explore"]) $("view-" + v).hidden = v !== view;
  document.querySelectorAll("header nav a[data-view]").forEach((a) => a.classList.toggle("active", a.dataset.view === view));
  if (parts[0] === "article" && parts[1]) {
    openArticle(decodeURIComponent(parts.slice(1).join("/")), params.get("event"));
  } else if (view === "explore" && !state.exploreLoaded) {
    loadExplore();
  }
}

// ---------- Read view ----------
async function openArticle(id, eventId) {
  $("extract-status").textContent = "Loading article…";
  try {
    const rec = await api("/api/articles/" + encodeURIComponent(id));
    $("extract-status").textContent = "";
    renderRecord(rec);
    if (eventId) selectEvent(eventId, true);
  } catch (err) {
    $("extract-status").textContent = "Could not open article: " + err.message;
  }
}

async function submitExtract(ev) {
  ev.preventDefault();
  const text = $("in-text").value;
  if (!text.trim()) { $("extract-status").textContent = "Paste some text first."; return; }
  const body = { text, title: $("in-title").value || null, published: $("in-published").value || null };
  $("btn-extract").disabled = true;
  $("extract-status").textContent = "Extracting…";
  const t0 = performance.now();
  try {
    const rec = await api("/api/extract", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    $("extract-status").textContent = "Done in " + Math.round(performance.now() - t0) + " ms.";
    if (location.hash.startsWith("#/article/")) history.replaceState(null, "", "#/read");
    renderRecord(rec);
  } catch (err) {
    $("extract-status").textContent = "Extraction failed: " + err.message;
  } finally {
    $("btn-extract").disabled = false;
  }
}

function loadFile() {
  const file = $("in-file").files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => { $("in-text").value = String(reader.result); };
  reader.readAsText(file, "utf-8");
}

// Index of rendered text pieces, so hovering a list item can outline its spans.
let pieces = [];          // [{node, start, end, ents:Set, quote, trig:Set}]
let selectedEvent = null;

function renderRecord(rec) {
  state.record = rec;
  selectedEvent = null;
  $("read-result").hidden = false;
  $("event-detail").hidden = true;
  $("doc-title").textContent = rec.title || (rec.id ? "Article " + rec.id : "Article");
  const meta = [];
  if (rec.published) meta.push("published " + rec.published);
  if (rec.lang) meta.push("language " + rec.lang);
  if (rec.tone) meta.push("tone " + Number(rec.tone.score || 0).toFixed(2));
  if (rec.url) meta.push(rec.url);
  $("doc-meta").textContent = meta.join(" · ");
  renderText(rec);
  renderLists(rec);
}

function renderText(rec) {
  const text = rec.text || "";
  const entities = rec.entities || [];
  const anns = [];  // {start, end, kind, id}
  for (const e of entities) for (const m of e.mentions || []) anns.push({ start: m.start, end: m.end, kind: "ent", id: e.id });
  for (const q of rec.quotes || []) anns.push({ start: q.start, end: q.end, kind: "quote", id: q.id });
  for (const t of rec.times || []) anns.push({ start: t.start, end: t.end, kind: "time", id: t.id });
  for (const p of rec.places || []) anns.push({ start: p.start, end: p.end, kind: "place", id: p.id });
  for (const v of rec.events || []) if (v.trigger) anns.push({ start: v.trigger.start, end: v.trigger.end, kind: "trig", id: v.id });
  const valid = anns.filter((a) => Number.isInteger(a.start) && Number.isInteger(a.end) && a.start < a.end && a.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const a of valid) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: annotations sorted by start enter the active set, leave when their end is passed.
  valid.sort((a, b) => a.start - b.start);
  const entType = Object.fromEntries(entities.map((e) => [e.id, e.type]));
  const speakerName = {};
  const entName = Object.fromEntries(entities.map((e) => [e.id, e.name]));
  const timeById = Object.fromEntries((rec.times || []).map((t) => [t.id, t]));
  const placeById = Object.fromEntries((rec.places || []).map((p) => [p.id, p]));
  const eventById = Object.fromEntries((rec.events || []).map((v) => [v.id, v]));
  for (const q of rec.quotes || []) speakerName[q.id] = q.speaker ? (entName[q.speaker] || q.speaker) : "unknown speaker";
  const doc = clear($("doc"));
  pieces = [];
  let active = [];
  let next = 0;
  const badged = new Set();
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    while (next < valid.length && valid[next].start <= a) active.push(valid[next++]);
    active = active.filter((x) => x.end > a);
    const cover = active.filter((x) => x.start <= a && x.end >= b);
    const piece = { start: a, end: b, ents: new Set(), quote: null, trig: new Set(), node: null };
    const classes = [];
    let innermost = null;
    for (const x of cover) {
      if (x.kind === "ent") {
        piece.ents.add(x.id);
        if (!innermost || (x.end - x.start) < (innermost.end - innermost.start)) innermost = x;
      } else if (x.kind === "quote") {
        piece.quote = x.id; classes.push("q");
        if (!badged.has(x.id) && x.start === a) {
          badged.add(x.id);
          const badge = el("span", "quote-badge", speakerName[x.id]);
          badge.dataset.quote = x.id;
          badge.setAttribute("title", "quote " + x.id + ", speaker");
          doc.appendChild(badge);
        }
      } else if (x.kind === "time") classes.push("tm");
      else if (x.kind === "place") classes.push("pl");
      else if (x.kind === "trig") { piece.trig.add(x.id); classes.push("trg"); }
    }
    if (innermost) classes.push("ent", "ent-" + (entType[innermost.id] || "MISC"));
    const node = classes.length ? el("span", classes.join(" "), text.slice(a, b)) : document.createTextNode(text.slice(a, b));
    if (innermost && node.dataset) node.dataset.entity = innermost.id;
    if (node.setAttribute) {  // a plain-text tooltip: what this piece of text was resolved to
      const tips = [];
      if (innermost) tips.push((entType[innermost.id] || "MISC") + ": " + (entName[innermost.id] || ""));
      for (const x of cover) {
        if (x.kind === "time" && timeById[x.id]) tips.push("time: " + (timeById[x.id].value || "?"));
        if (x.kind === "place" && placeById[x.id]) tips.push("place: " + placeById[x.id].name + (placeById[x.id].country ? " (" + placeById[x.id].country + ")" : ""));
        if (x.kind === "trig" && eventById[x.id]) tips.push("event " + x.id + ": " + eventById[x.id].type + ", " + eventById[x.id].status);
      }
      if (tips.length) node.setAttribute("title", tips.join("\n"));
    }
    piece.node = node;
    pieces.push(piece);
    doc.appendChild(node);
  }
}

function outline(pred, cls) {
  for (const p of pieces) if (p.node.classList && pred(p)) p.node.classList.add(cls);
}
function clearOutline() {
  for (const p of pieces) if (p.node.classList) p.node.classList.remove("hl", "hl-src", "hl-tgt");
}

function eventSpans(v) {
  const rec = state.record;
  const sent = (rec.sentences || [])[v.sentence];
  const within = (p) => !sent || (p.start >= sent.start && p.end <= sent.end);
  const actorPred = (actor) => {
    if (!actor || !actor.entity) return () => false;
    const inSentence = pieces.some((p) => p.ents.has(actor.entity) && within(p));
    return (p) => p.ents.has(actor.entity) && (!inSentence || within(p));
  };
  return { trig: (p) => p.trig.has(v.id), src: actorPred(v.source), tgt: actorPred(v.target) };
}

function highlightEvent(v) {
  clearOutline();
  const s = eventSpans(v);
  outline(s.trig, "hl"); outline(s.src, "hl-src"); outline(s.tgt, "hl-tgt");
}

function actorLabel(actor, rec) {
  if (!actor) return "—";
  const e = (rec.entities || []).find((x) => x.id === actor.entity);
  const name = e ? e.name : (actor.text || actor.code || "?");
  return name + (actor.code ? " [" + actor.code + "]" : "");
}

function selectEvent(id, scroll) {
  const rec = state.record;
  const v = (rec.events || []).find((x) => x.id === id);
  if (!v) return;
  selectedEvent = v;
  document.querySelectorAll("#list-events li").forEach((li) => li.classList.toggle("active", li.dataset.event === id));
  highlightEvent(v);
  const box = clear($("event-detail"));
  box.hidden = false;
  box.appendChild(el("h2", null, "Event " + v.id + ": " + v.type));
  const dl = el("dl");
  const places = Object.fromEntries((rec.places || []).map((p) => [p.id, p]));
  const quotes = Object.fromEntries((rec.quotes || []).map((q) => [q.id, q]));
  const ents = Object.fromEntries((rec.entities || []).map((e) => [e.id, e]));
  const rows = [
    ["type", v.type + (v.mode ? " / " + v.mode : "") + (v.cameo ? " (CAMEO " + v.cameo + ")" : "")],
    ["status", v.status + (v.claimed_by ? " by " + ((ents[v.claimed_by] || {}).name || v.claimed_by) : "")],
    ["trigger", v.trigger ? (v.trigger.text || rec.text.slice(v.trigger.start, v.trigger.end)) : "—"],
    ["source", actorLabel(v.source, rec)],
    ["target", actorLabel(v.target, rec)],
    ["date", v.date || "—"],
    ["place", v.place && places[v.place] ? places[v.place].name : "—"],
    ["in quote", v.quote && quotes[v.quote] ? quotes[v.quote].text : "—"],
    ["confidence", v.confidence === null || v.confidence === undefined ? "—" : Number(v.confidence).toFixed(2)],
  ];
  const sent = (rec.sentences || [])[v.sentence];
  if (sent) rows.push(["sentence", rec.text.slice(sent.start, sent.end)]);
  for (const [k, val] of rows) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, val)); }
  box.appendChild(dl);
  if (scroll) {
    const first = pieces.find((p) => p.trig.has(v.id));
    if (first && first.node.scrollIntoView) first.node.scrollIntoView({ block: "center" });
  }
}

function renderLists(rec) {
  const ents = Object.fromEntries((rec.entities || []).map((e) => [e.id, e]));
  const fill = (listId, countId, items, make) => {
    const list = clear($(listId));
    $(countId).textContent = "(" + items.length + ")";
    for (const item of items) list.appendChild(make(item));
  };
  fill("list-events", "n-events", rec.events || [], (v) => {
    const li = el("li", "event",
      typeChip(v.type), actorLabel(v.source, rec), " → ", actorLabel(v.target, rec), " ",
      el("span", "status", "“" + ((v.trigger && v.trigger.text) || "") + "”, " + v.status + (v.date ? ", " + v.date : "")));
    li.dataset.event = v.id;
    li.addEventListener("mouseenter", () => highlightEvent(v));
    li.addEventListener("mouseleave", () => { clearOutline(); if (selectedEvent) highlightEvent(selectedEvent); });
    li.addEventListener("click", () => selectEvent(v.id, true));
    return li;
  });
  fill("list-quotes", "n-quotes", rec.quotes || [], (q) => {
    const li = el("li", null, el("strong", null, q.speaker ? (ents[q.speaker] || {}).name || q.speaker : "unknown speaker"),
      " ", el("span", "status", q.kind + (q.cue && q.cue.text ? ", cue “" + q.cue.text + "”" : "")), ": ", q.text);
    li.dataset.quote = q.id;
    li.addEventListener("mouseenter", () => { clearOutline(); outline((p) => p.quote === q.id, "hl"); if (q.speaker) outline((p) => p.ents.has(q.speaker), "hl-src"); });
    li.addEventListener("mouseleave", clearOutline);
    return li;
  });
  fill("list-entities", "n-entities", rec.entities || [], (e) => {
    const extra = [e.role, e.country, e.wikidata, e.actor].filter(Boolean).join(" · ");
    const li = el("li", null, el("span", "chip " + e.type, e.type), e.name, " ",
      el("span", "status", "×" + (e.mentions || []).length + (extra ? " · " + extra : "")));
    li.dataset.entity = e.id;
    li.addEventListener("mouseenter", () => { clearOutline(); outline((p) => p.ents.has(e.id), "hl"); });
    li.addEventListener("mouseleave", clearOutline);
    return li;
  });
  fill("list-times", "n-times", rec.times || [], (t) => el("li", null, t.text, " → ", el("strong", null, t.value || "?"), " ", el("span", "status", t.kind || "")));
  fill("list-places", "n-places", rec.places || [], (p) => el("li", null, p.text, " → ", el("strong", null, p.name), " ",
    el("span", "status", [p.country, p.feature, (p.lat !== null && p.lat !== undefined) ? p.lat.toFixed(2) + ", " + p.lon.toFixed(2) : null].filter(Boolean).join(" · "))));
  fill("list-warnings", "n-warnings", rec.warnings || [], (w) => el("li", null, w));
}

// ---------- Explore view ----------
async function loadExplore() {
  state.exploreLoaded = true;
  const info = state.info || {};
  $("no-corpus").hidden = (info.articles || 0) > 0;
  for (const [id, values] of [["ev-type", Object.keys(TYPE_COLOURS)], ["ev-status", Object.keys(STATUS_COLOURS)]]) {
    const sel = $(id);
    if (sel.options.length > 1) continue;
    for (const v of values) { const o = el("option", null, v); o.value = v; sel.appendChild(o); }
  }
  await Promise.all([search(), loadEvents(), loadNetwork(), loadTimeline(), loadMap(), loadEntities(), loadQuotes()]
    .map((p) => p.catch((err) => console.error(err))));
}

function snippetNodes(snippet) {
  // The server marks hits with \u0002…\u0003; split and wrap as <mark> text nodes.
  const frag = document.createDocumentFragment();
  const parts = String(snippet || "").split(/([\u0002\u0003])/);
  let inMark = false;
  for (const part of parts) {
    if (part === "\u0002") { inMark = true; continue; }
    if (part === "\u0003") { inMark = false; continue; }
    if (part) frag.appendChild(inMark ? el("mark", null, part) : document.createTextNode(part));
  }
  return frag;
}

async function search(ev) {
  if (ev) ev.preventDefault();
  const q = $("search-q").value.trim();
  const data = await api("/api/articles?limit=20" + (q ? "&q=" + encodeURIComponent(q) : ""));
  $("search-count").textContent = data.total + (q ? " matching" : " articles") + (data.total > data.items.length ? ", first " + data.items.length + " shown" : "");
  const list = clear($("search-results"));
  for (const a of data.items) {
    const li = el("li", null, link(articleHref(a.id), a.title || a.id), " ",
      el("span", "muted small", [a.published, a.n_events + " events", a.n_quotes + " quotes"].filter(Boolean).join(" · ")));
    if (a.snippet) li.appendChild(el("div", "small", snippetNodes(a.snippet)));
    list.appendChild(li);
  }
}

async function loadEvents(ev) {
  if (ev) ev.preventDefault();
  const params = new URLSearchParams({ limit: "200" });
  for (const [key, id] of [["actor", "ev-actor"], ["type", "ev-type"], ["status", "ev-status"], ["since", "ev-since"], ["until", "ev-until"]]) {
    const value = $(id).value.trim();
    if (value) params.set(key, value);
  }
  const body = clear($("events-body"));
  let data;
  try { data = await api("/api/events?" + params); } catch (err) { $("events-count").textContent = err.message; return; }
  $("events-count").textContent = data.total + " events" + (data.total > data.items.length ? ", first " + data.items.length + " shown" : "");
  for (const v of data.items) {
    const tr = el("tr", null,
      el("td", null, v.date || "—"), el("td", null, typeChip(v.type)), el("td", "status", v.status),
      el("td", null, v.source || "—"), el("td", null, v.trigger || ""), el("td", null, v.target || "—"),
      el("td", null, v.place || ""), el("td", null, link(articleHref(v.article, v.id), v.title || v.article)));
    tr.firstChild.style.setProperty("white-space", "nowrap");
    body.appendChild(tr);
  }
}

async function loadEntities() {
  const items = await api("/api/entities?limit=30");
  const list = clear($("top-entities"));
  for (const e of items) {
    const a = link("#/explore", e.name);
    a.addEventListener("click", (ev) => { ev.preventDefault(); filterActor(e.key, e.name); });
    list.appendChild(el("li", null, el("span", "chip " + e.type, e.type), a, " ",
      el("span", "status", e.articles + " articles, " + e.mentions + " mentions" + (e.wikidata ? " · " + e.wikidata : ""))));
  }
}

async function loadQuotes(speaker, label) {
  const data = await api("/api/quotes?limit=30" + (speaker ? "&speaker=" + encodeURIComponent(speaker) : ""));
  $("quotes-speaker").textContent = speaker ? "by " + (label || speaker) + " (" + data.total + ")" : "(" + data.total + ")";
  const list = clear($("corpus-quotes"));
  for (const q of data.items) {
    list.appendChild(el("li", null, el("strong", null, q.speaker || "unknown"), ": ", q.text, " ",
      link(articleHref(q.article), "↗")));
  }
}

function filterActor(key, name) {
  $("ev-actor").value = key;
  loadEvents();
  loadQuotes(key, name);
  $("events-form").scrollIntoView({ block: "start" });
}

async function loadNetwork() {
  const data = await api("/api/network?limit=40");
  const box = clear($("network"));
  const W = 600, H = 480;
  const nodes = data.nodes.map((n, i) => ({ ...n, x: W / 2 + 160 * Math.cos(2 * Math.PI * i / data.nodes.length),
    y: H / 2 + 140 * Math.sin(2 * Math.PI * i / data.nodes.length), vx: 0, vy: 0 }));
  const index = Object.fromEntries(nodes.map((n) => [n.key, n]));
  const edges = data.edges.filter((e) => index[e.source] && index[e.target]);
  if (!nodes.length) { box.appendChild(svg("text", { x: 20, y: 30 }, "No actor pairs in this corpus yet.")); return; }
  // Fruchterman-Reingold layout: repulsion k²/d between all nodes, attraction d²/k along edges,
  // a weak pull to the centre so unconnected actors stay in view, and a cooling step size.
  const k = Math.sqrt((W - 80) * (H - 60) / nodes.length) * 0.6;
  let temp = W / 8;
  for (let step = 0; step < 300; step++) {
    for (const n of nodes) { n.dx = 0; n.dy = 0; }
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i], b = nodes[j];
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = k * k / d;
      dx /= d; dy /= d;
      a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
    }
    for (const e of edges) {
      const a = index[e.source], b = index[e.target];
      let dx = a.x - b.x, dy = a.y - b.y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = d * d / k;
      dx /= d; dy /= d;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const n of nodes) {
      n.dx += (W / 2 - n.x) * 0.012 * k; n.dy += (H / 2 - n.y) * 0.012 * k;
      const len = Math.max(Math.sqrt(n.dx * n.dx + n.dy * n.dy), 1e-6), move = Math.min(len, temp);
      n.x = Math.min(W - 40, Math.max(40, n.x + n.dx / len * move));
      n.y = Math.min(H - 20, Math.max(20, n.y + n.dy / len * move));
    }
    temp = Math.max(1, temp * 0.985);
  }
  const defs = svg("defs");
  for (const kind of ["event", "quote"]) {
    const marker = svg("marker", { id: "arrow-" + kind, viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" });
    marker.appendChild(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: kind === "event" ? "#a3191b" : "#8a6d00" }));
    defs.appendChild(marker);
  }
  box.appendChild(defs);
  for (const e of edges) {
    const a = index[e.source], b = index[e.target];
    const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: e.kind, "stroke-width": Math.min(6, 1 + Math.log2(e.count)),
      "marker-end": "url(#arrow-" + e.kind + ")" });
    line.appendChild(svg("title", {}, a.name + (e.kind === "event" ? " → " : " talks about ") + b.name + " (" + e.count + (e.types ? ": " + e.types : "") + ")"));
    box.appendChild(line);
  }
  const maxDeg = Math.max(...nodes.map((n) => n.degree));
  for (const n of nodes) {
    const g = svg("g", { class: "node", transform: "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")" });
    g.appendChild(svg("circle", { r: (5 + 9 * Math.sqrt(n.degree / maxDeg)).toFixed(1), fill: ENT_COLOURS[n.type] || "#5f6877" }));
    const right = n.x > W * 0.72;  // labels near the right edge go to the left of their node
    g.appendChild(svg("text", { x: right ? -12 : 12, y: 4, "text-anchor": right ? "end" : "start" }, n.name));
    g.appendChild(svg("title", {}, n.name + ": " + n.degree));
    g.addEventListener("click", () => filterActor(n.key, n.name));
    box.appendChild(g);
  }
}

async function loadTimeline() {
  const precision = $("tl-precision").value, colourBy = $("tl-colour").value;
  const data = await api("/api/timeline?precision=" + precision);
  const box = clear($("timeline"));
  const legend = clear($("tl-legend"));
  const W = 1100, H = 260, L = 40, B = 40, T = 10;
  let dates = [...new Set(data.buckets.map((b) => b.date))].sort();
  if (!dates.length) { box.appendChild(svg("text", { x: 20, y: 30 }, "No dated events yet.")); return; }
  // A true time axis (empty days/months shown) when the span is small enough to draw;
  // otherwise only the dates that have events, side by side.
  const filled = fillDates(dates[0], dates[dates.length - 1], precision, 400);
  const continuous = filled !== null;
  if (continuous) dates = filled;
  const stacks = {};
  for (const b of data.buckets) {
    const key = colourBy === "type" ? b.type : b.status;
    stacks[b.date] = stacks[b.date] || {};
    stacks[b.date][key] = (stacks[b.date][key] || 0) + b.count;
  }
  const maxTotal = Math.max(...dates.map((d) => Object.values(stacks[d] || {}).reduce((s, x) => s + x, 0)));
  const colours = colourBy === "type" ? TYPE_COLOURS : STATUS_COLOURS;
  const bw = Math.min(40, (W - L - 10) / dates.length);
  const scale = (H - B - T) / maxTotal;
  box.appendChild(svg("text", { x: 2, y: T + 8 }, maxTotal));
  box.appendChild(svg("line", { x1: L, y1: H - B, x2: W - 5, y2: H - B, stroke: "#aab" }));
  const labelEvery = Math.ceil(dates.length / 14);
  dates.forEach((d, i) => {
    let y = H - B;
    for (const key of Object.keys(colours)) {
      const n = (stacks[d] || {})[key];
      if (!n) continue;
      const h = n * scale;
      y -= h;
      const rect = svg("rect", { x: (L + i * bw + 1).toFixed(1), y: y.toFixed(1), width: Math.max(1, bw - 2).toFixed(1), height: h.toFixed(1), fill: colours[key] });
      rect.appendChild(svg("title", {}, d + " " + key + ": " + n));
      box.appendChild(rect);
    }
    if (i % labelEvery === 0) box.appendChild(svg("text", { x: (L + i * bw).toFixed(1), y: H - B + 14 }, d));
  });
  for (const [key, colour] of Object.entries(colours)) {
    const sw = el("span", "sw"); sw.style.setProperty("background", colour);
    legend.appendChild(sw); legend.appendChild(document.createTextNode(key));
  }
  if (data.undated) legend.appendChild(el("span", "muted", " · " + data.undated + " events without a date this precise"));
  if (!continuous) legend.appendChild(el("span", "muted", " · axis shows only dates with events (span too long to draw)"));
}

function fillDates(first, last, precision, max) {
  const out = [];
  if (precision === "year") {
    for (let y = Number(first); y <= Number(last) && out.length <= max; y++) out.push(String(y).padStart(4, "0"));
  } else if (precision === "month") {
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    while ((y < ly || (y === ly && m <= lm)) && out.length <= max) {
      out.push(String(y).padStart(4, "0") + "-" + String(m).padStart(2, "0"));
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
  } else {
    const end = Date.parse(last + "T00:00:00Z");
    for (let t = Date.parse(first + "T00:00:00Z"); t <= end && out.length <= max; t += 86400000) {
      out.push(new Date(t).toISOString().slice(0, 10));
    }
  }
  return out.length > max || out.length === 0 ? null : out;
}

let worldOutline = null;
async function loadMap() {
  const box = clear($("map"));
  const W = 720, H = 360;
  const px = (lon, lat) => [((lon + 180) / 360 * W).toFixed(1), ((90 - lat) / 180 * H).toFixed(1)];
  if (!worldOutline) worldOutline = await api("/static/world-110m.geojson");
  const g = svg("g");
  for (const f of worldOutline.features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    let d = "";
    for (const poly of polys) for (const ring of poly) d += "M" + ring.map(([lon, lat]) => px(lon, lat).join(",")).join("L") + "Z";
    const path = svg("path", { d, class: "country" });
    path.appendChild(svg("title", {}, f.properties.name));
    g.appendChild(path);
  }
  box.appendChild(g);
  const places = await api("/api/places");
  const max = Math.max(1, ...places.map((p) => p.events));
  for (const p of places) {
    const [x, y] = px(p.lon, p.lat);
    const c = svg("circle", { cx: x, cy: y, r: (2.5 + 7 * Math.sqrt(p.events / max)).toFixed(1), class: "place" });
    c.appendChild(svg("title", {}, p.name + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " events" + (p.types ? " — " + p.types : "")));
    box.appendChild(c);
  }
}

// ---------- start ----------
async function start() {
  $("extract-form").addEventListener("submit", submitExtract);
  $("in-file").addEventListener("change", loadFile);
  $("search-form").addEventListener("submit", search);
  $("events-form").addEventListener("submit", loadEvents);
  $("tl-precision").addEventListener("change", loadTimeline);
  $("tl-colour").addEventListener("change", loadTimeline);
  try {
    state.info = await api("/api/info");
    $("corpus-info").textContent = state.info.articles
      ? "corpus " + state.info.name + ": " + state.info.articles + " articles, " + state.info.events + " events"
      : "no corpus loaded";
  } catch (err) {
    $("corpus-info").textContent = "server unreachable";
  }
  window.addEventListener("hashchange", route);
  route();
}
document.addEventListener("DOMContentLoaded", start);
