// redline dashboard: vanilla JS + SVG over the JSON API served by the same process. No build step, no CDN.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const QUADS = [
  ["verbal_coop", "verbal cooperation", "var(--coop1)", 1],
  ["material_coop", "material cooperation", "var(--coop2)", 1],
  ["verbal_conflict", "verbal conflict", "var(--conf1)", -1],
  ["material_conflict", "material conflict", "var(--conf2)", -1],
];
const LINE_COLORS = ["#1f4e99", "#7b1fa2", "#00838f", "#5d4037", "#ad1457"];
const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

const $ = (sel) => document.querySelector(sel);
const state = { evOffset: 0, evLimit: 25, pageMax: 500, loaded: {} };
const cap = (n) => Math.min(n, state.pageMax);

// ---- API ---------------------------------------------------------------------------------------------

async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "" && v !== false) q.set(k, v);
  }
  const url = path + (q.toString() ? "?" + q : "");
  const res = await fetch(url);
  const body = await res.json();
  if (!body.ok) throw new Error(body.error || ("HTTP " + res.status));
  return body;
}

function showError(err) {
  const box = $("#error");
  box.textContent = String(err.message || err);
  box.hidden = false;
}

function clearError() { $("#error").hidden = true; }

// ---- DOM helpers -------------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? "")));
  return node;
}

function svg(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function codes(ents) { return (ents || []).map((e) => e.code || "?" + e.entity_text).join(", ") || "\u2014"; }

// The sentence with trigger, actor and recipient wrapped in <mark>; text only via text nodes (no innerHTML).
function highlighted(text, spans) {
  const p = el("span", { class: "sentence" });
  let at = 0;
  for (const h of (spans || []).slice().sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    p.append(document.createTextNode(text.slice(at, h.start)));
    p.append(el("mark", { class: h.kind, title: h.kind + (h.code ? " " + h.code : "") }, text.slice(h.start, h.end)));
    at = h.end;
  }
  p.append(document.createTextNode(text.slice(at)));
  return p;
}

function evidenceItem(ev) {
  const open = el("a", { href: "#event=" + encodeURIComponent(ev.id), class: "open-event" }, "open");
  return el("li", { "data-event": ev.id },
    el("div", { class: "meta" },
      `${ev.date_text || "undated"} \u00b7 ${ev.event[0]}${ev.mode && ev.mode.length ? "/" + ev.mode[0] : ""} \u00b7 `
      + `${codes(ev.actor)} \u2192 ${codes(ev.recipient)} \u00b7 ${ev.factuality} \u00b7 `
      + `${ev.num_mentions || 1} mention(s) \u00b7 `, open),
    highlighted(ev.text || "", ev.highlights));
}

// ---- tabs and routing --------------------------------------------------------------------------------

function showTab(name) {
  for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("active", b.dataset.tab === name);
  for (const s of document.querySelectorAll(".tab")) s.hidden = s.id !== "tab-" + name;
  if (!state.loaded[name]) {
    state.loaded[name] = true;
    return ({ timeline: loadTimeline, events: loadEvents, network: loadNetwork, map: loadMap, alerts: loadAlerts,
              review: loadReviewTab })[name]();
  }
  return Promise.resolve();
}

function route() {
  const m = location.hash.match(/^#event=([^&]+)/);
  if (m) openEvent(decodeURIComponent(m[1]));
  else $("#event-view").hidden = true;
}

// ---- timeline ----------------------------------------------------------------------------------------

function parseDyads(text) {
  const out = [];
  for (const part of text.split(/[,;]/)) {
    const m = part.trim().toUpperCase().match(/^([A-Z0-9_]+)\s*(?:>|->|-|\s)\s*([A-Z0-9_]+)$/);
    if (m) out.push([m[1], m[2]]);
    else if (part.trim()) throw new Error(`dyads: ${JSON.stringify(part.trim())} is not ACTOR>RECIPIENT (e.g. RUS>UKR)`);
  }
  if (!out.length) throw new Error("dyads: give at least one pair, e.g. RUS>UKR");
  return out.slice(0, LINE_COLORS.length);
}

function timelineParams() {
  return { by: $("#tl-by").value, since: $("#tl-since").value, until: $("#tl-until").value,
           factuality: $("#tl-factuality").value, both: $("#tl-both").checked ? "true" : "" };
}

async function loadTimeline() {
  clearError();
  try {
    const dyads = parseDyads($("#tl-dyads").value);
    const p = timelineParams();
    const series = await Promise.all(dyads.map(([a, r]) => api("/timeline", { ...p, actor: a, recipient: r })));
    drawTimeline(dyads, series.map((s) => s.data), p);
    $("#timeline-left-out").textContent = series.map((s, k) => s.meta.left_out_note
      ? `${dyads[k].join("\u2192")}: ${s.meta.left_out_note}` : "").filter(Boolean).join("; ");
  } catch (err) { showError(err); }
}

function drawTimeline(dyads, series, params) {
  const box = $("#timeline-chart");
  box.replaceChildren();
  const periods = fillPeriods([...new Set(series.flat().map((r) => r.period))].sort(), params.by);
  if (!periods.length) { box.append(el("p", { class: "muted", id: "timeline-empty" }, "No dated events for these dyads.")); return; }
  const W = Math.max(1080, periods.length * 8 + 100), H = 320, L = 44, R = 64, T = 14, B = 36;
  const root = svg("svg", { width: W, height: H, id: "timeline-svg" }, box);
  const main = Object.fromEntries(series[0].map((r) => [r.period, r]));
  const up = (r) => (r ? r.verbal_coop + r.material_coop : 0);
  const down = (r) => (r ? r.verbal_conflict + r.material_conflict : 0);
  const maxN = Math.max(1, ...periods.map((p) => Math.max(up(main[p]), down(main[p]))));
  const step = (W - L - R) / periods.length, mid = T + (H - T - B) / 2, half = (H - T - B) / 2;
  const y = (n) => (n / maxN) * half;
  const yg = (g) => mid - (g / 10) * half;  // Goldstein -10..10 on the right axis
  svg("line", { x1: L, x2: W - R, y1: mid, y2: mid, stroke: "#9aa3ab" }, root);
  for (const [v, label] of [[maxN, "+" + maxN], [-maxN, "-" + maxN]]) {
    svg("text", { x: L - 6, y: mid - y(v) + 4, "text-anchor": "end" }, root).textContent = label;
  }
  for (const g of [10, 5, -5, -10]) {
    svg("text", { x: W - R + 6, y: yg(g) + 4 }, root).textContent = (g > 0 ? "+" : "") + g;
    svg("line", { x1: L, x2: W - R, y1: yg(g), y2: yg(g), stroke: "#eef0f2" }, root);
  }
  svg("text", { x: 4, y: H - 4 }, root).textContent = "events";
  svg("text", { x: W - 4, y: H - 4, "text-anchor": "end" }, root).textContent = "Goldstein";
  const every = Math.ceil(periods.length / Math.floor((W - L - R) / 70));
  periods.forEach((p, i) => {
    const x = L + i * step, r = main[p];
    const g = svg("g", { class: "point", "data-period": p, "data-events": r ? r.events : 0 }, root);
    svg("rect", { x, y: T, width: step, height: H - T - B, fill: "transparent" }, g);
    let top = mid, bottom = mid;
    for (const [key, label, color, sign] of QUADS) {
      const n = r ? r[key] : 0;
      if (!n) continue;
      const h = y(n);
      const ry = sign > 0 ? top - h : bottom;
      svg("rect", { x: x + 1, y: ry, width: Math.max(1, step - 2), height: h, fill: color }, g);
      if (sign > 0) top -= h; else bottom += h;
    }
    const tip = svg("title", {}, g);
    tip.textContent = r ? `${dyads[0].join("\u2192")} ${p}: ${r.events} events (coop ${up(r)}, conflict ${down(r)}), `
      + `mean Goldstein ${r.goldstein}, PLOVER ${r.plover_score}` : `${p}: no events`;
    g.addEventListener("click", () => drill(dyads[0], p, r ? r.end : p, params, g));
    if (i % every === 0) svg("text", { x: x + step / 2, y: H - B + 16, "text-anchor": "middle" }, root).textContent = p.slice(0, params.by === "year" ? 4 : 7);
  });
  series.forEach((rows, k) => {
    const pts = rows.filter((r) => r.goldstein !== null).map((r) => [L + periods.indexOf(r.period) * step + step / 2, yg(r.goldstein), r]);
    if (!pts.length) return;
    svg("polyline", { points: pts.map(([x, yy]) => `${x},${yy}`).join(" "), fill: "none", stroke: LINE_COLORS[k], "stroke-width": 1.5 }, root);
    for (const [x, yy, r] of pts) {
      const c = svg("circle", { cx: x, cy: yy, r: 3.5, fill: LINE_COLORS[k], class: "point dot", "data-period": r.period }, root);
      svg("title", {}, c).textContent = `${dyads[k].join("\u2192")} ${r.period}: mean Goldstein ${r.goldstein} over ${r.events} events`;
      c.addEventListener("click", () => drill(dyads[k], r.period, r.end, params, c));
    }
  });
  const legend = $("#timeline-legend");
  legend.replaceChildren(...QUADS.map(([, label, color]) => el("span", {}, swatch(color), label)),
    ...dyads.map((d, k) => el("span", {}, swatch(LINE_COLORS[k]), `${d.join("\u2192")} Goldstein`)));
}

// A date as far as it is known: 2014 (year), 2014-03 (month), 2014-03-05 (day); redline/precision.py in Python.
function dateText(date, precision) {
  if (!date || precision === "unknown") return "";
  return precision === "year" ? date.slice(0, 4) : precision === "month" ? date.slice(0, 7) : date.slice(0, 10);
}

// Every period from the first to the last one with events, so gaps show as gaps on the time axis.
function fillPeriods(sorted, by) {
  if (sorted.length < 2) return sorted;
  const out = [];
  const d = new Date(sorted[0] + "T00:00:00Z"), end = new Date(sorted[sorted.length - 1] + "T00:00:00Z");
  while (d <= end && out.length < 5000) {
    out.push(d.toISOString().slice(0, 10));
    if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
    else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
  }
  return out;
}

function swatch(color) { const s = el("span", { class: "swatch" }); s.style.background = color; return s; }

async function drill([actor, recipient], since, until, params, node) {
  clearError();
  for (const n of document.querySelectorAll(".point.selected")) n.classList.remove("selected");
  node.classList.add("selected");
  const base = { since, until, factuality: params.factuality, limit: cap(100) };
  try {
    const calls = [api("/events", { ...base, actor, recipient })];
    if (params.both) calls.push(api("/events", { ...base, actor: recipient, recipient: actor }));
    const res = await Promise.all(calls);
    const seen = new Set(), rows = [];
    for (const r of res.flatMap((x) => x.data)) if (!seen.has(r.id)) { seen.add(r.id); rows.push(r); }
    const total = res.reduce((n, x) => n + x.meta.total, 0);
    const title = $("#drill-title");
    title.hidden = false;
    title.textContent = `${actor} \u2192 ${recipient}${params.both ? " (both directions)" : ""}, ${since} to ${until}: `
      + `${total} event(s)${total > rows.length ? ", first " + rows.length + " shown" : ""}`;
    $("#drill").replaceChildren(...rows.map(evidenceItem));
    title.scrollIntoView({ behavior: "smooth", block: "start" });
  } catch (err) { showError(err); }
}

// ---- events table ------------------------------------------------------------------------------------

function eventFilters() {
  return { actor: $("#ev-actor").value.trim(), recipient: $("#ev-recipient").value.trim(), event: $("#ev-event").value,
           since: $("#ev-since").value, until: $("#ev-until").value, factuality: $("#ev-factuality").value,
           min_confidence: $("#ev-min-confidence").value };
}

async function loadEvents() {
  clearError();
  try {
    const res = await api("/events", { ...eventFilters(), limit: state.evLimit, offset: state.evOffset });
    const body = $("#events-table tbody");
    body.replaceChildren(...res.data.map((ev) => el("tr", { "data-event": ev.id, onclick: () => { location.hash = "event=" + encodeURIComponent(ev.id); } },
      el("td", {}, ev.date_text || ""), el("td", {}, ev.event[0]), el("td", {}, codes(ev.actor)), el("td", {}, codes(ev.recipient)),
      el("td", {}, ev.num_mentions), el("td", { class: "sentence" }, highlighted(ev.text || "", ev.highlights)))));
    const m = res.meta;
    $("#events-count").textContent = m.total ? `${m.offset + 1}\u2013${m.offset + res.data.length} of ${m.total} events` : "No events match.";
    $("#ev-prev").disabled = m.offset === 0;
    $("#ev-next").disabled = m.next_offset === null;
  } catch (err) { showError(err); }
}

// ---- event view --------------------------------------------------------------------------------------

async function openEvent(id) {
  clearError();
  try {
    const ev = (await api("/events/" + encodeURIComponent(id))).data;
    $("#event-title").textContent = `${ev.event[0]}: ${codes(ev.actor)} \u2192 ${codes(ev.recipient)} (${ev.date_text || "undated"})`;
    $("#event-sentence").replaceChildren(highlighted(ev.text || "", ev.highlights));
    const place = ev.event_loc ? `${ev.event_loc.name}${ev.event_loc.country_code ? " (" + ev.event_loc.country_code + ")" : ""}` : "\u2014";
    const ents = (xs) => (xs || []).map((e) => `${e.entity_text} [${e.code || "?"}${e.sector ? "-" + e.sector : ""}]`
      + (e.identifier_text ? ` = ${e.identifier_text}${e.office ? ", " + e.office : ""}` : "")).join("; ") || "\u2014";
    const rows = [
      ["event", `${ev.event[0]}${ev.mode.length ? " / " + ev.mode.join(", ") : ""}${ev.context.length ? " (" + ev.context.join(", ") + ")" : ""}`],
      ["trigger", ev.event_text], ["actor", ents(ev.actor)], ["recipient", ents(ev.recipient)],
      ["claimed by", ents(ev.claim_source)], ["date", `${ev.date_text || "undated"} ${ev.date_precision ? "(" + ev.date_precision + ", " + ev.date_source + ")" : ""}`],
      ["place", place], ["factuality", `${ev.factuality}${ev.factuality_reason ? " \u2014 " + ev.factuality_reason : ""}`],
      ["CAMEO / Goldstein", `${ev.cameo} / ${ev.goldstein}`], ["quad / PLOVER score", `${ev.quad_code} / ${ev.event_scale}`],
      ["mentions", `${ev.num_mentions} in ${ev.num_articles} article(s), ${ev.num_sources} source(s)`],
      ["rule", `${ev.rule} (confidence ${ev.confidence})`], ["event id", ev.id],
    ];
    $("#event-fields").replaceChildren(...rows.map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", {}, v))));
    $("#event-mentions").replaceChildren(...(ev.mentions || []).map((m) => el("li", {},
      el("div", { class: "meta" }, `${m.article.published || "undated"} \u00b7 ${m.article.publisher || ""} \u00b7 `,
        el("a", { href: "/articles/" + encodeURIComponent(m.article.id), target: "_blank" }, m.article.title || m.article.id)),
      highlighted(m.text || "", m.highlights))));
    showReview(ev);  // review.js
    $("#event-view").hidden = false;
  } catch (err) { showError(err); }
}

function closeEvent() {
  $("#event-view").hidden = true;
  if (location.hash.startsWith("#event=")) history.replaceState(null, "", location.pathname + location.search);
}

// ---- network -----------------------------------------------------------------------------------------

function conflictColor(share) {
  const s = Math.max(0, Math.min(1, share));
  const a = [46, 139, 61], b = [198, 40, 40];
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * s)).join(",")})`;
}

async function loadNetwork() {
  clearError();
  try {
    const net = (await api("/network", { limit: cap(40) })).data;
    const box = $("#network-chart");
    box.replaceChildren();
    if (!net.nodes.length) { box.append(el("p", { class: "muted" }, "No dyads yet.")); return; }
    const W = 900, H = 640, cx = W / 2, cy = H / 2, rad = Math.min(W, H) / 2 - 70;
    const root = svg("svg", { width: "100%", viewBox: `0 0 ${W} ${H}`, id: "network-svg" }, box);
    const defs = svg("defs", {}, root);
    const marker = svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9,
      markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
    svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#555" }, marker);
    const nodes = net.nodes.slice().sort((a, b) => (b.sent + b.received) - (a.sent + a.received));
    const maxN = Math.max(...nodes.map((n) => n.sent + n.received));
    const pos = {};
    nodes.forEach((n, i) => {
      const t = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      pos[n.code] = [cx + rad * Math.cos(t), cy + rad * Math.sin(t), 5 + 15 * Math.sqrt((n.sent + n.received) / maxN), t];
    });
    const maxE = Math.max(...net.edges.map((e) => e.events));
    for (const e of net.edges) {
      const [x1, y1, r1, t1] = pos[e.actor], [x2, y2, r2] = pos[e.recipient];
      const w = 1 + 6 * Math.sqrt(e.events / maxE);
      let path;
      const attrs = { fill: "none", stroke: conflictColor(e.conflict_share), "stroke-width": w, "stroke-opacity": 0.6,
        class: "edge", "data-dyad": `${e.actor}>${e.recipient}` };
      if (e.actor === e.recipient) {  // a loop just outside the node, away from the centre
        path = svg("circle", { ...attrs, cx: x1 + (r1 + 9) * Math.cos(t1), cy: y1 + (r1 + 9) * Math.sin(t1), r: 9 }, root);
      } else {
        const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15, my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
        const dx = x2 - mx, dy = y2 - my, len = Math.hypot(dx, dy) || 1;
        const d = `M ${x1} ${y1} Q ${mx} ${my} ${x2 - (dx / len) * (r2 + 2)} ${y2 - (dy / len) * (r2 + 2)}`;
        path = svg("path", { ...attrs, d, "marker-end": "url(#arrow)" }, root);
      }
      svg("title", {}, path).textContent = `${e.actor} \u2192 ${e.recipient}: ${e.events} events, conflict share ${Math.round(e.conflict_share * 100)}%, mean Goldstein ${e.goldstein}`;
      path.addEventListener("click", () => { $("#tl-dyads").value = `${e.actor}>${e.recipient}`; state.loaded.timeline = false; showTab("timeline"); });
    }
    for (const n of nodes) {
      const [x, yy, r, t] = pos[n.code];
      const g = svg("g", { class: "node", "data-code": n.code }, root);
      svg("circle", { cx: x, cy: yy, r, fill: "#20262d" }, g);
      const lx = cx + (rad + r + 24) * Math.cos(t), ly = cy + (rad + r + 24) * Math.sin(t) + 4;
      const anchor = Math.cos(t) > 0.3 ? "start" : Math.cos(t) < -0.3 ? "end" : "middle";
      svg("text", { x: lx, y: ly, "text-anchor": anchor, "font-weight": "600" }, g).textContent = n.code;
      svg("title", {}, g).textContent = `${n.code}: ${n.sent} events as actor, ${n.received} as recipient (in the dyads shown)`;
    }
  } catch (err) { showError(err); }
}

// ---- map ---------------------------------------------------------------------------------------------

// Decode a TopoJSON topology (quantized, delta-encoded arcs) into GeoJSON-like polygons: [[ring [lon,lat]...]...].
function topoPolygons(topo, objectName) {
  const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
  const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (ids) => {
    const out = [];
    for (const id of ids) {
      const a = id < 0 ? arcs[~id].slice().reverse() : arcs[id];
      out.push(...(out.length ? a.slice(1) : a));
    }
    return out;
  };
  const shapes = [];
  for (const g of topo.objects[objectName].geometries) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    shapes.push({ name: (g.properties || {}).name, rings: polys.flatMap((poly) => poly.map(ring)) });
  }
  return shapes;
}

// A ring crossing the antimeridian jumps by ~360 degrees: unwrap it, then also draw it shifted by 360 degrees so
// both halves show (the SVG viewport clips the rest).
function unwrapRing(ring) {
  const out = [];
  let shift = 0, prev = null;
  for (const [lon, lat] of ring) {
    if (prev !== null && Math.abs(lon + shift - prev) > 180) shift += prev > lon + shift ? 360 : -360;
    out.push([lon + shift, lat]);
    prev = lon + shift;
  }
  const lons = out.map((p) => p[0]);
  const rings = [out];
  if (Math.max(...lons) > 180) rings.push(out.map(([lon, lat]) => [lon - 360, lat]));
  if (Math.min(...lons) < -180) rings.push(out.map(([lon, lat]) => [lon + 360, lat]));
  return rings;
}

async function loadMap() {
  clearError();
  try {
    const [topo, locs] = await Promise.all([fetch("/static/vendor/world-atlas/countries-110m.json").then((r) => r.json()),
      api("/locations", { limit: cap(300) })]);
    const W = 960, H = 480;
    const px = (lon) => ((lon + 180) / 360) * W, py = (lat) => ((90 - lat) / 180) * H;  // plain equirectangular
    const box = $("#map-chart");
    box.replaceChildren();
    const root = svg("svg", { width: "100%", id: "map-svg", viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "xMidYMid meet" }, box);
    svg("rect", { width: W, height: H, fill: "#f4f8fb" }, root);
    for (let lon = -180; lon <= 180; lon += 30) svg("line", { x1: px(lon), x2: px(lon), y1: 0, y2: H, class: "graticule" }, root);
    for (let lat = -60; lat <= 60; lat += 30) svg("line", { x1: 0, x2: W, y1: py(lat), y2: py(lat), class: "graticule" }, root);
    for (const shape of topoPolygons(topo, "countries")) {
      const d = shape.rings.flatMap(unwrapRing).map((r) => "M" + r.map(([lon, lat]) => `${px(lon).toFixed(1)},${py(lat).toFixed(1)}`).join("L") + "Z").join("");
      const path = svg("path", { d, class: "country" }, root);
      svg("title", {}, path).textContent = shape.name || "";
    }
    const maxN = Math.max(1, ...locs.data.map((l) => l.events));
    for (const l of locs.data) {
      const c = svg("circle", { cx: px(l.lon), cy: py(l.lat), r: 3 + 14 * Math.sqrt(l.events / maxN), fill: conflictColor(l.conflict / l.events),
        class: "place", "data-place": l.name }, root);
      svg("title", {}, c).textContent = `${l.name}${l.country_code ? " (" + l.country_code + ")" : ""}: ${l.events} events, ${l.conflict} conflict`;
      c.addEventListener("click", () => placeEvents(l));
    }
    if (!locs.data.length) svg("text", { x: 20, y: 30 }, root).textContent = "No event has a place with coordinates yet.";
  } catch (err) { showError(err); }
}

async function placeEvents(l) {
  try {
    const evs = await Promise.all(l.event_ids.slice(0, 10).map((id) => api("/events/" + encodeURIComponent(id)).then((r) => r.data)));
    const title = $("#map-title");
    title.hidden = false;
    title.textContent = `${l.name}: ${l.events} event(s), latest ${evs.length} shown`;
    $("#map-events").replaceChildren(...evs.map(evidenceItem));
  } catch (err) { showError(err); }
}

// ---- alerts ------------------------------------------------------------------------------------------

async function loadAlerts() {
  clearError();
  try {
    const res = await api("/alerts", { by: $("#al-by").value, baseline: $("#al-baseline").value,
                                       min_baseline: $("#al-min-baseline").value });
    const list = $("#alerts-list");
    if (!res.data.length) { list.replaceChildren(el("li", {}, "No alerts.")); return; }
    list.replaceChildren(...res.data.map(alertItem));
  } catch (err) { showError(err); }
}

// One alert: what it says (summary), then its first evidence sentences (/alerts carries the first few of each
// alert unless asked for all), each linked to its event, and links to the other evidence events.
function alertItem(a) {
  const shown = a.sentences.slice(0, 5);
  const shownIds = new Set(shown.map((s) => s.id));
  const others = (a.evidence || []).filter((id) => !shownIds.has(id));
  const total = a.sentence_count ?? a.sentences.length;
  const sentences = shown.map((s) => el("li", { class: "alert-sentence" },
    el("a", { href: "#event=" + encodeURIComponent(s.id) }, `${s.date} ${s.event}`), " ",
    `${(s.actor || []).join(",") || "?"} → ${(s.recipient || []).join(",") || "?"}: `,
    el("q", {}, s.text), s.title ? el("span", { class: "muted" }, ` (${s.title})`) : ""));
  const more = total > shown.length
    ? el("div", { class: "meta" }, `+${total - shown.length} more: `,
         ...others.slice(0, 20).flatMap((id) => [el("a", { href: "#event=" + encodeURIComponent(id) }, id), " "]),
         others.length > 20 ? `and ${others.length - 20} other events (` : "",
         others.length > 20 ? el("a", { href: "/alerts?" + new URLSearchParams({ evidence: "all", by: $("#al-by").value,
           baseline: $("#al-baseline").value, min_baseline: $("#al-min-baseline").value }) }, "every sentence as JSON") : "",
         others.length > 20 ? ")" : "")
    : "";
  return el("li", { class: a.kind },
    el("span", { class: "badge" }, a.kind.replace("_", " ")), el("strong", {}, `${a.period} to ${a.end} `),
    el("span", { class: "summary" }, a.summary),
    el("ol", { class: "alert-evidence" }, ...sentences), more);
}

// ---- start -------------------------------------------------------------------------------------------

async function start() {
  for (const t of PLOVER_TYPES) $("#ev-event").append(el("option", { value: t }, t));
  for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));
  $("#timeline-form").addEventListener("submit", (e) => { e.preventDefault(); loadTimeline(); });
  $("#events-form").addEventListener("submit", (e) => { e.preventDefault(); state.evOffset = 0; loadEvents(); });
  $("#alerts-form").addEventListener("submit", (e) => { e.preventDefault(); loadAlerts(); });
  $("#ev-prev").addEventListener("click", () => { state.evOffset = Math.max(0, state.evOffset - state.evLimit); loadEvents(); });
  $("#ev-next").addEventListener("click", () => { state.evOffset += state.evLimit; loadEvents(); });
  $("#event-close").addEventListener("click", closeEvent);
  $("#event-view").addEventListener("click", (e) => { if (e.target.id === "event-view") closeEvent(); });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeEvent(); });
  window.addEventListener("hashchange", route);
  try {
    const stats = await api("/stats");
    const s = stats.data;
    state.pageMax = stats.meta.page_size_max;
    state.evLimit = cap(state.evLimit);
    $("#stats").textContent = `${s.events} events from ${s.articles} articles of ${s.articles_first || "?"} to `
      + `${s.articles_last || "?"}; events dated ${dateText(s.first, s.first_precision) || "?"} to `
      + `${dateText(s.last, s.last_precision) || "?"}${s.undated ? `, ${s.undated} undated` : ""}`;
    const top = (await api("/dyads", { limit: cap(8) })).data;
    $("#top-dyads").append(...top.map((d) => el("button", { type: "button", "data-dyad": `${d.actor}>${d.recipient}`,
      title: `${d.events} events, conflict share ${Math.round(d.conflict_share * 100)}%`,
      onclick: () => { $("#tl-dyads").value = `${d.actor}>${d.recipient}`; loadTimeline(); } },
      `${d.actor}→${d.recipient} (${d.events})`)));
    const actors = (await api("/actors", { limit: cap(200) })).data;
    $("#actor-codes").replaceChildren(...actors.map((a) => el("option", { value: a.code }, (a.names || []).join(", "))));
  } catch (err) { showError(err); }
  await showTab("timeline");  // ready once the first view has its data (tests navigate away after this)
  route();
  document.body.dataset.ready = "1";
}

start();
