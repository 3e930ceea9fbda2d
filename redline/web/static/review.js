// redline dashboard, reviews: the review box of the event panel, the review queue tab and the keyboard.
// Loaded after app.js and uses its helpers ($, el, api, state, showTab, showError, clearError, codes).
"use strict";

// queue: the review queue; pos: the selected item; opened: the id of the queue item the panel was opened for
const review = { queue: [], pos: -1, opened: null, fields: null, event: null, prefill: null };

function reviewerName() { return $("#rv-reviewer").value.trim(); }
function reviewToken() { return $("#rv-token").value; }

function rememberReviewer() {
  localStorage.setItem("redline.reviewer", reviewerName());
  sessionStorage.setItem("redline.token", reviewToken());
}

async function reviewFields() {
  if (!review.fields) review.fields = (await api("/review-fields")).data;
  return review.fields;
}

async function postReview(id, body) {
  if (!reviewerName() || !reviewToken()) {
    throw new Error("review: enter your name and the server's API token in the Review tab first");
  }
  rememberReviewer();
  const res = await fetch("/events/" + encodeURIComponent(id) + "/review", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + reviewToken() },
    body: JSON.stringify({ ...body, reviewer: reviewerName() }),
  });
  const data = await res.json();
  if (!data.ok) throw new Error(data.error || "HTTP " + res.status);
  return data.data;
}

// ---- the review box in the event panel ------------------------------------------------------------------

function partiesText(ents) {
  return (ents || []).filter((e) => e.code || e.sector).map((e) => (e.code || "") + (e.sector ? ":" + e.sector : "")).join(", ");
}

function dateParts(ev) {
  if (!ev.date) return ["", "unknown"];
  return [ev.date, ev.date_precision || "day"];
}

function showReview(ev) {
  review.event = ev;
  const box = $("#review-box");
  const r = ev.review;
  const status = r
    ? el("p", { class: "review-status " + r.verdict, id: "review-status" },
      el("strong", {}, r.verdict), ` by ${r.reviewer} on ${r.reviewed.replace("T", " ")}`,
      r.changed.length ? ` (changed: ${r.changed.join(", ")})` : "", r.note ? ` \u2014 \u201c${r.note}\u201d` : "")
    : el("p", { class: "review-status", id: "review-status" }, "Not reviewed yet.");
  const machine = r && ev.machine
    ? el("p", { class: "muted" }, `Machine coding: ${ev.machine.event[0]}${ev.machine.mode.length ? "/" + ev.machine.mode[0] : ""} `
      + `${codes(ev.machine.actor)} \u2192 ${codes(ev.machine.recipient)}, ${ev.machine.date || "undated"}, ${ev.machine.factuality}`)
    : "";
  const inQueue = review.opened === ev.id;
  const buttons = el("p", { class: "review-buttons" },
    el("button", { type: "button", id: "rv-confirm", onclick: () => verdict("confirmed") }, "Confirm ", el("kbd", {}, "c")),
    el("button", { type: "button", id: "rv-reject", onclick: () => verdict("rejected") }, "Reject ", el("kbd", {}, "r")),
    el("button", { type: "button", id: "rv-correct", onclick: () => toggleCorrect(true) }, "Correct ", el("kbd", {}, "e")),
    inQueue ? el("span", { class: "muted", id: "queue-position" }, ` queue: ${review.pos + 1} of ${review.queue.length}`) : "");
  box.replaceChildren(el("h3", {}, "Review"), status, machine, buttons, correctForm(ev));
}

function correctForm(ev) {
  const [date, precision] = dateParts(ev);
  review.prefill = {
    event: ev.event[0], mode: (ev.mode || [])[0] || "", actor: partiesText(ev.actor), recipient: partiesText(ev.recipient),
    date, precision, place: ev.event_loc ? ev.event_loc.name : "", factuality: ev.factuality,
  };
  const p = review.prefill;
  const form = el("form", { id: "correct-form", class: "controls correct", hidden: "" },
    el("label", {}, "Event ", el("select", { id: "cx-event" })),
    el("label", {}, "Mode ", el("select", { id: "cx-mode" })),
    el("label", {}, "Actor ", el("input", { id: "cx-actor", size: "16", value: p.actor, title: "CODE or CODE:SECTOR, comma-separated" })),
    el("label", {}, "Recipient ", el("input", { id: "cx-recipient", size: "16", value: p.recipient })),
    el("label", {}, "Find an actor ", el("input", { id: "cx-find", size: "16", placeholder: "name or code", autocomplete: "off" })),
    el("label", {}, "Date ", el("input", { id: "cx-date", type: "date", value: p.date })),
    el("label", {}, "Precision ", el("select", { id: "cx-precision" },
      ...["day", "month", "year", "unknown"].map((x) => el("option", x === p.precision ? { selected: "" } : {}, x)))),
    el("label", {}, "Place ", el("input", { id: "cx-place", size: "14", value: p.place })),
    el("label", {}, "Factuality ", el("select", { id: "cx-factuality" })),
    el("label", {}, "Note ", el("input", { id: "cx-note", size: "20" })),
    el("button", { type: "submit", id: "cx-save" }, "Save correction"),
    el("ul", { id: "cx-hits", class: "hits" }));
  form.addEventListener("submit", (e) => { e.preventDefault(); saveCorrection(); });
  reviewFields().then((f) => {
    const types = form.querySelector("#cx-event"), facts = form.querySelector("#cx-factuality");
    types.replaceChildren(...Object.keys(f.types).map((t) => el("option", t === p.event ? { selected: "" } : {}, t)));
    facts.replaceChildren(...f.factuality.map((x) => el("option", x === p.factuality ? { selected: "" } : {}, x)));
    fillModes(p.mode);
    types.addEventListener("change", () => fillModes(""));
  }).catch(showError);
  const find = form.querySelector("#cx-find");
  let lastField = "cx-actor";
  for (const id of ["cx-actor", "cx-recipient"]) form.querySelector("#" + id).addEventListener("focus", () => { lastField = id; });
  find.addEventListener("input", () => searchActors(find.value, lastField));
  return form;
}

function fillModes(selected) {
  const modes = review.fields.types[$("#cx-event").value] || [];
  $("#cx-mode").replaceChildren(el("option", { value: "" }, "(none)"),
    ...modes.map((m) => el("option", m === selected ? { selected: "" } : {}, m)));
}

async function searchActors(q, field) {
  const list = $("#cx-hits");
  if (q.trim().length < 2) { list.replaceChildren(); return; }
  try {
    const hits = (await api("/actors/search", { q, limit: 8 })).data;
    list.replaceChildren(...hits.map((h) => el("li", {},
      el("button", { type: "button", class: "hit", "data-code": h.code || "", onclick: () => addParty(field, h) },
        `${h.name} \u2192 ${h.code || "?"}${h.sector ? ":" + h.sector : ""}`))));
  } catch (err) { showError(err); }
}

function addParty(field, hit) {
  const input = $("#" + field);
  const party = (hit.code || "") + (hit.sector ? ":" + hit.sector : "");
  input.value = input.value.trim() ? input.value.trim() + ", " + party : party;
  $("#cx-hits").replaceChildren();
  $("#cx-find").value = "";
}

function toggleCorrect(show) {
  const form = $("#correct-form");
  if (!form) return;
  form.hidden = !show;
  if (show) $("#cx-event").focus();
}

function correctionChanges() {
  const p = review.prefill, set = {};
  const norm = (s) => s.split(",").map((x) => x.trim().toUpperCase()).filter(Boolean).join(",");
  const ev = $("#cx-event").value, mode = $("#cx-mode").value;
  if (ev !== p.event) set.event = ev;
  if (mode !== p.mode || (ev !== p.event && mode)) set.mode = mode;
  for (const side of ["actor", "recipient"]) {
    const v = $("#cx-" + side).value;
    if (norm(v) !== norm(p[side])) set[side] = norm(v);
  }
  const precision = $("#cx-precision").value, day = $("#cx-date").value;
  const date = precision === "unknown" || !day ? "" : precision === "year" ? day.slice(0, 4) : precision === "month" ? day.slice(0, 7) : day;
  const was = p.precision === "unknown" ? "" : p.precision === "year" ? p.date.slice(0, 4) : p.precision === "month" ? p.date.slice(0, 7) : p.date;
  if (date !== was) set.date = date;
  if ($("#cx-place").value.trim() !== p.place) set.place = $("#cx-place").value.trim();
  if ($("#cx-factuality").value !== p.factuality) set.factuality = $("#cx-factuality").value;
  return set;
}

async function saveCorrection() {
  clearError();
  const set = correctionChanges();
  if (!Object.keys(set).length) { showError(new Error("correction: nothing changed; confirm the event instead")); return; }
  await submit({ verdict: "corrected", set, note: $("#cx-note").value.trim() || null });
}

async function verdict(v) { clearError(); await submit({ verdict: v }); }

async function submit(body) {
  const ev = review.event;
  if (!ev) return;
  try {
    await postReview(ev.id, body);
    afterReview(ev.id);
  } catch (err) { showError(err); }
}

// Every view counts reviewed values: reload the one on screen, the others when they are shown next.
function afterReview(id) {
  const active = document.querySelector("#tabs button.active").dataset.tab;
  state.loaded = { [active]: true };
  ({ timeline: loadTimeline, events: loadEvents, network: loadNetwork, map: loadMap, alerts: loadAlerts,
     review: loadRecentReviews })[active]();
  const i = review.queue.findIndex((q) => q.id === id);
  if (i >= 0) {
    review.queue.splice(i, 1);
    if (i < review.pos || review.pos >= review.queue.length) review.pos -= 1;
    renderQueue();
  }
  if (review.opened === id) {  // opened from the queue: go on with the next one
    review.opened = null;
    if (i >= 0 && i < review.queue.length) { openQueueItem(i); return; }
    closeEvent();
    return;
  }
  openEvent(id);
}

// ---- the queue tab --------------------------------------------------------------------------------------

// The queue is loaded when the tab is shown (or reloaded with the form); reviews take items off it locally.
async function loadReviewTab() {
  clearError();
  $("#rv-reviewer").value ||= localStorage.getItem("redline.reviewer") || "";
  $("#rv-token").value ||= sessionStorage.getItem("redline.token") || "";
  try {
    const q = await api("/review-queue", { limit: cap(50) });
    review.queue = q.data;
    review.pos = review.queue.length ? 0 : -1;
    renderQueue();
    await loadRecentReviews();
  } catch (err) { showError(err); }
}

async function loadRecentReviews() {
  try {
    const recent = await api("/reviews", { limit: cap(20) });
    const c = recent.meta.counts;
    $("#review-counts").textContent = `${c.total} reviews: ${c.verdicts.confirmed} confirmed, ${c.verdicts.rejected} rejected, `
      + `${c.verdicts.corrected} corrected, by ${Object.keys(c.by).length} reviewer(s)`;
    $("#review-list").replaceChildren(...recent.data.map((r) => el("li", { "data-review": r.id },
      el("div", { class: "meta" }, `${r.reviewed.replace("T", " ")} \u00b7 ${r.reviewer} \u00b7 ${r.verdict}`
        + (r.changed.length ? ` (${r.changed.join(", ")})` : "") + " \u00b7 ",
        r.event_id ? el("a", { href: "#event=" + encodeURIComponent(r.event_id) }, r.event_id) : "orphaned"),
      `${r.event}${r.mode ? "/" + r.mode : ""} ${codes(r.actor)} \u2192 ${codes(r.recipient)}`
        + (r.note ? ` \u2014 \u201c${r.note}\u201d` : ""))));
  } catch (err) { showError(err); }
}

function renderQueue() {
  $("#queue-count").textContent = review.queue.length ? `${review.queue.length} event(s) to review` : "Nothing to review.";
  $("#queue-table tbody").replaceChildren(...review.queue.map((q, i) => el("tr", {
    "data-event": q.id, class: i === review.pos ? "selected" : "", onclick: () => openQueueItem(i) },
  el("td", {}, q.date || ""), el("td", {}, q.event + (q.mode ? "/" + q.mode : "")),
  el("td", {}, (q.actor_codes || []).join(", ")), el("td", {}, (q.recipient_codes || []).join(", ")),
  el("td", { class: "why" }, q.why.alert ? "alert: " + q.why.alert : `confidence ${q.why.confidence}`),
  el("td", { class: "sentence" }, q.text || ""))));
}

function openQueueItem(i) {
  if (i < 0 || i >= review.queue.length) return;
  review.pos = i;
  review.opened = review.queue[i].id;
  renderQueue();
  location.hash = "event=" + encodeURIComponent(review.opened);
}

// ---- keyboard -------------------------------------------------------------------------------------------

function typing(e) {
  const t = e.target;
  return t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
}

document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
  const panel = !$("#event-view").hidden;
  const onReview = !$("#tab-review").hidden;
  if (panel) {
    const act = { c: () => verdict("confirmed"), r: () => verdict("rejected"), e: () => toggleCorrect(true),
                  j: () => openQueueItem(review.pos + 1), n: () => openQueueItem(review.pos + 1),
                  k: () => openQueueItem(review.pos - 1), p: () => openQueueItem(review.pos - 1) }[e.key];
    if (act) { e.preventDefault(); act(); }
  } else if (onReview && review.queue.length) {
    if (e.key === "Enter" || e.key === "o") { e.preventDefault(); openQueueItem(Math.max(0, review.pos)); }
    else if (e.key === "j") { review.pos = Math.min(review.queue.length - 1, review.pos + 1); renderQueue(); }
    else if (e.key === "k") { review.pos = Math.max(0, review.pos - 1); renderQueue(); }
  }
});

$("#review-form").addEventListener("submit", (e) => { e.preventDefault(); rememberReviewer(); loadReviewTab(); });
