// The relata dashboard: plain JS over the JSON API; plotly.js is served by relata itself.
"use strict";

const chosen = { a: null, b: null };
const QUADS = [
  ["verbal_coop", "verbal cooperation", "#8fd19e"],
  ["material_coop", "material cooperation", "#2e9e5b"],
  ["verbal_conflict", "verbal conflict", "#f4a582"],
  ["material_conflict", "material conflict", "#c0392b"],
];
const $ = (id) => document.getElementById(id);

async function api(path, posted) {  // a GET, or a POST of `posted` as JSON
  const response = await fetch(path, posted === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(posted) });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function escape(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// Offsets are code points (Python's), so the text is cut as an array of code points.
function highlight(text, spans) {
  const chars = Array.from(text);
  const marks = spans.filter((s) => s.span).sort((x, y) => x.span[0] - y.span[0]);
  let html = "", at = 0;
  for (const { span: [start, end], cls } of marks) {
    if (start < at || end > chars.length) continue;  // overlapping or out of range: left plain
    html += escape(chars.slice(at, start).join(""));
    html += `<mark class="${cls}">${escape(chars.slice(start, end).join(""))}</mark>`;
    at = end;
  }
  return html + escape(chars.slice(at).join(""));
}

function colour(mean) {  // mean Goldstein, −10 … +10: red, grey, green
  const t = Math.max(-1, Math.min(1, mean / 10));
  const [r, g, b] = t < 0 ? [192 + 63 * (1 + t) * 0.3, 57 + 130 * (1 + t), 43 + 140 * (1 + t)]
    : [187 - 141 * t, 187 - 29 * t, 187 - 96 * t];
  return `rgb(${r | 0},${g | 0},${b | 0})`;
}

// actor pickers

function picker(side) {
  const input = $(`actor-${side}`), list = $(`suggest-${side}`);
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      if (!q) { list.innerHTML = ""; return; }
      const { actors } = await api(`/api/actors?q=${encodeURIComponent(q)}&limit=12`);
      list.innerHTML = actors.map((a) => `<li data-code="${escape(a.code)}" data-name="${escape(a.name)}">` +
        `<span class="code">${escape(a.code)}</span>${escape(a.name)} <span class="muted">${escape(a.kind)}` +
        `${a.matched !== a.name ? " · " + escape(a.matched) : ""}</span></li>`).join("");
    }, 150);
  });
  list.addEventListener("click", (e) => {
    const item = e.target.closest("li");
    if (item) choose(side, item.dataset.code, item.dataset.name);
  });
}

function choose(side, code, name) {
  chosen[side] = { code, name: name || code };
  $(`actor-${side}`).value = name || code;
  $(`suggest-${side}`).innerHTML = "";
  $(`chosen-${side}`).textContent = code;
  $("show").disabled = !(chosen.a && chosen.b);
}

// relations of the chosen dyad

async function showDyad() {
  const { a, b } = chosen, freq = $("freq").value;
  location.hash = `a=${a.code}&b=${b.code}&freq=${freq}`;
  const [dyad, ab, ba] = await Promise.all([
    api(`/api/dyad?a=${a.code}&b=${b.code}&freq=${freq}`),
    api(`/api/events?source=${a.code}&target=${b.code}&limit=200`),
    api(`/api/events?source=${b.code}&target=${a.code}&limit=200`),
  ]);
  $("relations").hidden = false;
  $("dyad-title").textContent = `${a.name} (${a.code}) — ${b.name} (${b.code})`;
  document.title = `${a.name} — ${b.name} · relata`;
  shown["dyad-series"] = dyad.series;
  const s = dyad.summary, t = s.trend;
  $("verdict").innerHTML = `<span class="verdict-${escape(t.verdict.replace(" ", "-"))}">${escape(t.line)}</span>` +
    ` · ${s.events} factual events, Goldstein total ${s.goldstein_total}, ${escape(s.character)}`;
  drawCurve(dyad);
  const events = [...ab.events, ...ba.events].sort((x, y) => (x.date || "").localeCompare(y.date || ""));
  shown["dyad-events"] = events;
  drawEvents(events);
  await drawMap(events);
}

// A whole step of 1, 2 or 5 times a power of ten giving about five ticks up to `most`.
function roundStep(most) {
  for (let power = 1; ; power *= 10) {
    for (const k of [1, 2, 5]) if (k * power * 5 >= most) return k * power;
  }
}

function drawCurve(dyad) {
  const x = dyad.series.map((r) => r.period);
  const traces = QUADS.map(([key, name, color]) => ({
    type: "bar", name, x, y: dyad.series.map((r) => r[key]), marker: { color }, yaxis: "y",
  }));
  traces.push({ type: "scatter", mode: "lines+markers", name: "Goldstein sum", x,
    y: dyad.series.map((r) => r.goldstein_sum), yaxis: "y2", line: { color: "#1f3b57", width: 2 } });
  const points = dyad.summary.trend.change_points || [];
  const layout = {
    barmode: "stack", margin: { t: 30, r: 60, l: 50, b: 40 }, legend: { orientation: "h" },
    // periods as categories: one bar a period, labelled by its first day, however few
    xaxis: { type: "category", title: { W: "week of", M: "month of", D: "day" }[dyad.summary.freq] || "" },
    // whole events, a round step; the Goldstein axis its own round ticks, not lined up with
    // the left axis's grid (plotly's "sync" made steps such as 3.95)
    yaxis: { title: "events", rangemode: "tozero", dtick: roundStep(Math.max(0, ...dyad.series.map(
      (r) => QUADS.reduce((sum, [key]) => sum + (r[key] || 0), 0)))) },
    yaxis2: { title: "Goldstein sum", overlaying: "y", side: "right", rangemode: "tozero", zeroline: true,
      tickmode: "auto", nticks: 6, showgrid: false },
    shapes: points.map((p) => ({ type: "line", xref: "x", yref: "paper", x0: p.date, x1: p.date, y0: 0, y1: 1,
      line: { color: "#b3261e", dash: "dot", width: 2 } })),
    annotations: points.map((p) => ({ x: p.date, y: 1, xref: "x", yref: "paper", showarrow: false,
      text: "change", font: { color: "#b3261e" }, yanchor: "bottom" })),
  };
  Plotly.react("curve", traces, layout, { displaylogo: false, responsive: true });
}

function evidenceHtml(e) {
  const sentence = highlight(e.sentence || "", [
    { span: e.source_in_sentence, cls: "src" }, { span: e.trigger_in_sentence, cls: "trg" },
    { span: e.target_in_sentence, cls: "tgt" }]);
  return `<div class="sentence">${sentence}</div><div class="muted">${escape(e.origin || "")}` +
    `${e.attribution ? " · according to " + escape(e.attribution) : ""} · confidence ${e.confidence}` +
    ` · <a class="doc-link" href="#doc=${encodeURIComponent(e.doc_id)}">document</a></div>`;
}

function drawEvents(events) {
  $("events-count").textContent = `(${events.length}, all modalities)`;
  const body = $("events").querySelector("tbody");
  body.innerHTML = "";
  for (const e of events) {
    const row = body.insertRow();
    row.className = "event";
    for (const value of [e.date, e.type, e.modality, e.source_code, e.target_code, e.trigger_text, e.goldstein]) {
      row.insertCell().textContent = value ?? "";
    }
    row.addEventListener("click", () => toggleEvidence(row, e, 7));
  }
}

let world = null;  // the country outlines, fetched from relata once

// A step of 5, 10, 30 or 60 degrees, so that a span shows a few round ticks.
function step(span) {
  return span > 150 ? 60 : span > 60 ? 30 : span > 20 ? 10 : 5;
}

function around(values, pad, min, max) {
  let low = Math.max(min, Math.min(...values) - pad), high = Math.min(max, Math.max(...values) + pad);
  const by = step(high - low);
  low = Math.max(min, Math.floor(low / by) * by);
  high = Math.min(max, Math.ceil(high / by) * by);
  return { range: [low, high], dtick: step(high - low) };
}

async function drawMap(events) {
  const located = events.filter((e) => e.location_lat != null && e.location_lon != null);
  $("located").hidden = located.length === 0;  // nothing to place: no panel
  if (!located.length) return;
  world = world || await api("/static/world.json");
  const lon = around(located.map((e) => e.location_lon), 15, -180, 180);
  const lat = around(located.map((e) => e.location_lat), 10, -90, 90);
  Plotly.react("map", [
    { type: "scatter", mode: "lines", x: world.lon, y: world.lat, hoverinfo: "skip", showlegend: false,
      line: { color: "#9aa7b4", width: 0.8 } },
    { type: "scatter", mode: "markers+text", x: located.map((e) => e.location_lon),
      y: located.map((e) => e.location_lat), text: located.map((e) => e.location_name), textposition: "top center",
      hovertext: located.map((e) => `${e.date || ""} ${e.type} ${e.location_name}`), hoverinfo: "text",
      showlegend: false, marker: { size: 10, color: located.map((e) => colour(e.goldstein || 0)),
        line: { color: "#333", width: 1 } } }],
  { margin: { t: 10, r: 10, l: 50, b: 40 },
    xaxis: { title: "longitude", range: lon.range, dtick: lon.dtick, ticksuffix: "°", zeroline: false },
    yaxis: { title: "latitude", range: lat.range, dtick: lat.dtick, ticksuffix: "°", scaleanchor: "x",
      zeroline: false } }, { displaylogo: false, responsive: true });
}

// the network of the strongest dyads

async function drawNetwork() {
  const { dyads } = await api("/api/trends?top=40&min_events=1");
  const strongest = dyads.sort((x, y) => y.events - x.events).slice(0, 30);
  const nodes = [...new Set(strongest.flatMap((d) => [d.a, d.b]))];
  const at = Object.fromEntries(nodes.map((n, i) => [n, [Math.cos(2 * Math.PI * i / nodes.length),
    Math.sin(2 * Math.PI * i / nodes.length)]]));
  const most = Math.max(1, ...strongest.map((d) => d.events));
  const edges = strongest.map((d) => {
    const mean = d.goldstein_total / d.events;
    return { type: "scatter", mode: "lines", x: [at[d.a][0], at[d.b][0]], y: [at[d.a][1], at[d.b][1]],
      line: { width: 1 + 7 * d.events / most, color: colour(mean) }, hoverinfo: "text",
      text: `${d.a}–${d.b}: ${d.events} events, mean Goldstein ${mean.toFixed(2)}`, showlegend: false };
  });
  edges.push({ type: "scatter", mode: "markers+text", x: nodes.map((n) => at[n][0]), y: nodes.map((n) => at[n][1]),
    text: nodes, textposition: "top center", marker: { size: 14, color: "#1f3b57" }, hoverinfo: "text", showlegend: false });
  Plotly.react("network", edges, { margin: { t: 10, r: 10, l: 10, b: 10 }, hovermode: "closest",
    xaxis: { visible: false, range: [-1.3, 1.3] }, yaxis: { visible: false, range: [-1.3, 1.3], scaleanchor: "x" } },
  { displaylogo: false, responsive: true });
  $("network").on("plotly_click", (click) => {
    const name = click.points[0] && nodes[click.points[0].pointIndex];
    if (click.points[0].curveNumber !== edges.length - 1 || !name) return;
    choose(chosen.a ? "b" : "a", name, name);
  });
}

// one document

async function showDocument(id) {
  const { document: d, events } = await api(`/api/documents/${encodeURIComponent(id)}`);
  $("doc-title").textContent = d.title || d.origin;
  document.title = `${d.title || d.origin} · relata`;
  $("doc-meta").textContent = [d.date, d.outlet, d.url, d.lang, `${events.length} events`].filter(Boolean).join(" · ");
  const spans = events.flatMap((e) => [{ span: e.source_span, cls: "src" }, { span: e.trigger_span, cls: "trg" },
    { span: e.target_span, cls: "tgt" }]);
  $("doc-text").innerHTML = highlight(d.text, spans);
  $("doc-events").innerHTML = events.map((e) => `<li>${escape(e.type)} ${escape(e.source_code || "?")} → ` +
    `${escape(e.target_code || "?")} (${escape(e.modality)}): ${escape(e.trigger_text)}</li>`).join("");
  $("doc-attitudes").innerHTML = "";
  try {  // the attitudes analyse the text again: they come after the rest
    const { attitudes } = await api(`/api/documents/${encodeURIComponent(id)}/attitudes`);
    $("doc-attitudes").innerHTML = attitudes.map((a) => `<li>${escape(a.source_name)} → ${escape(a.target_name)}: ` +
      `<b>${a.label === "pos" ? "for" : "against"}</b> (${a.score})</li>`).join("") || "<li class=\"muted\">none found</li>";
  } catch (error) {
    $("doc-attitudes").innerHTML = `<li class="muted">${escape(error.message)}</li>`;
  }
}

// documents

async function showDocuments(params) {
  const q = params.get("q") || "", offset = Number(params.get("offset") || 0);
  $("doc-q").value = q;
  const query = new URLSearchParams({ limit: 50, offset });
  if (q) query.set("q", q);
  const page = await api(`/api/documents?${query}`);
  shown.documents = page.documents;
  const body = $("doc-list").querySelector("tbody");
  body.innerHTML = "";
  for (const d of page.documents) {
    const row = body.insertRow();
    row.className = "document";
    for (const value of [d.date, d.title || "(untitled)", d.origin, d.lang, d.events, d.mentions]) {
      row.insertCell().textContent = value ?? "";
    }
    row.addEventListener("click", () => { location.hash = `doc=${encodeURIComponent(d.id)}`; });
  }
  pager("doc", page, page.documents.length, (at) => hashWith({ view: "documents", q, offset: at }));
}

function pager(prefix, page, shownRows, go) {
  $(`${prefix}-page`).textContent = shownRows ? `rows ${page.offset + 1}–${page.offset + shownRows}` : "none";
  $(`${prefix}-prev`).disabled = page.offset === 0;
  $(`${prefix}-next`).disabled = page.next_offset == null;
  $(`${prefix}-prev`).onclick = () => go(Math.max(0, page.offset - page.limit));
  $(`${prefix}-next`).onclick = () => go(page.next_offset);
}

function hashWith(values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== "" && value != null && !(key === "offset" && !value)) params.set(key, value);
  }
  location.hash = params.toString();
}

// events, filtered

const FILTERS = ["source", "target", "type", "modality", "since", "until", "min_confidence", "limit"];

async function showEvents(params) {
  const form = $("event-filters"), query = new URLSearchParams();
  for (const name of FILTERS) {
    form.elements[name].value = params.get(name) || (name === "limit" ? "50" : "");
    if (params.get(name)) query.set(name, params.get(name));
  }
  const offset = Number(params.get("offset") || 0);
  query.set("offset", offset);
  $("events-error").textContent = "";
  let page;
  try {
    page = await api(`/api/events?${query}`);
  } catch (error) {  // an unknown actor or type: said next to the filters
    $("events-error").textContent = error.message;
    page = { events: [], offset, limit: 50, next_offset: null };
  }
  shown.events = page.events;
  const body = $("event-list").querySelector("tbody");
  body.innerHTML = "";
  for (const e of page.events) {
    const row = body.insertRow();
    row.className = "event";
    for (const value of [e.date, e.type, e.modality, e.source_code, e.target_code, e.trigger_text, e.goldstein,
      e.confidence]) {
      row.insertCell().textContent = value ?? "";
    }
    row.addEventListener("click", () => toggleEvidence(row, e, 8));
  }
  const current = Object.fromEntries(FILTERS.map((name) => [name, params.get(name)]));
  pager("ev", page, page.events.length, (at) => hashWith({ view: "events", ...current, offset: at }));
}

function toggleEvidence(row, e, columns) {
  const next = row.nextElementSibling;
  if (next && next.classList.contains("evidence")) { next.remove(); return; }
  const detail = document.createElement("tr");
  detail.className = "evidence";
  const cell = detail.insertCell();
  cell.colSpan = columns;
  cell.innerHTML = evidenceHtml(e);
  row.after(detail);
}

// the closed sets of type and modality, as the API's own schema lists them
async function fillFilters() {
  const spec = await api("/openapi.json");
  const said = Object.fromEntries(spec.paths["/api/events"].get.parameters.map((p) => [p.name, p.description || ""]));
  const types = said.type.split(": ")[1].replace(/\.$/, "").split(", ");
  const modalities = said.modality.replace("One of: ", "").replace(/ \(any case\)\.$/, "").split(", ");
  $("types").innerHTML = types.map((t) => `<option value="${escape(t)}">`).join("");
  $("event-filters").elements.modality.innerHTML = '<option value="">any</option>' +
    modalities.map((m) => `<option>${escape(m)}</option>`).join("");
}

// paste and code

async function codeText(event) {
  event.preventDefault();
  const text = $("code-text").value, date = $("code-date").value;
  if (!text.trim()) return;
  $("code-status").textContent = "coding…";
  $("code-events").innerHTML = "";
  try {
    const coded = await api("/api/code", date ? { text, date } : { text });
    shown.coded = coded.events;
    $("code-status").textContent = `${coded.events.length} events` + (coded.skipped ? ` (skipped: ${coded.skipped})` : "");
    $("code-events").innerHTML = coded.events.map(codedHtml).join("");
  } catch (error) {
    $("code-status").textContent = `error: ${error.message}`;
  }
}

function codedHtml(e) {
  const at = e.sentence.span[0];
  const inSentence = (side) => side && side.span ? [side.span[0] - at, side.span[1] - at] : null;
  const sentence = highlight(e.sentence.text, [{ span: inSentence(e.source), cls: "src" },
    { span: inSentence(e.trigger), cls: "trg" }, { span: inSentence(e.target), cls: "tgt" }]);
  const side = (s) => s ? escape(s.code || s.text || "?") : "?";
  return `<li class="coded"><b>${escape(e.type)}</b> ${side(e.source)} → ${side(e.target)} ` +
    `<span class="muted">(${escape(e.modality)}, Goldstein ${e.goldstein}, confidence ${e.confidence})</span>` +
    `<div class="sentence">${sentence}</div></li>`;
}

// downloads: made in the page from the JSON it shows, nothing asked of the server again

const shown = {};

function csv(rows) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v) => {
    if (v == null) return "";
    const text = typeof v === "object" ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}

function download(name, format) {
  const rows = shown[name] || [];
  const blob = format === "csv" ? new Blob([csv(rows)], { type: "text/csv" })
    : new Blob([JSON.stringify(rows, null, 1)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `relata-${name}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// which view the address asks for

const VIEWS = ["dashboard", "documents", "events-view", "code", "document"];

function showView(id) {
  for (const view of VIEWS) $(view).hidden = view !== id;
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    link.classList.toggle("current", link.dataset.view === id);
  }
}

async function actorName(given) {  // a code or a name from the address: its code and name
  const { actors } = await api(`/api/actors?q=${encodeURIComponent(given)}&limit=5`);
  const found = actors.find((a) => a.code === given) || actors[0];
  return found ? [found.code, found.name] : [given, given];
}

async function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get("doc")) { showView("document"); return showDocument(params.get("doc")); }
  const view = params.get("view");
  if (view === "documents") { showView("documents"); document.title = "Documents · relata"; return showDocuments(params); }
  if (view === "events") { showView("events-view"); document.title = "Events · relata"; return showEvents(params); }
  if (view === "code") { showView("code"); document.title = "Code a text · relata"; return; }
  showView("dashboard");
  // a dyad from the hash (#a=RUS&b=AZE) or from the query (/?a=RUS&b=AZE)
  const search = new URLSearchParams(location.search);
  const a = params.get("a") || search.get("a"), b = params.get("b") || search.get("b");
  const freq = params.get("freq") || search.get("freq");
  if (a && b && !(chosen.a && chosen.b && chosen.a.code === a && chosen.b.code === b)) {
    const [[codeA, nameA], [codeB, nameB]] = await Promise.all([actorName(a), actorName(b)]);
    choose("a", codeA, nameA);
    choose("b", codeB, nameB);
    if (freq) $("freq").value = freq;
    await showDyad();
  } else if (chosen.a && chosen.b) {
    document.title = `${chosen.a.name} — ${chosen.b.name} · relata`;
  }
}

async function main() {
  picker("a");
  picker("b");
  $("show").addEventListener("click", () => showDyad().catch(fail));
  $("back").addEventListener("click", (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } });
  $("doc-search").addEventListener("submit", (e) => {
    e.preventDefault();
    hashWith({ view: "documents", q: $("doc-q").value.trim() });
  });
  $("event-filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const form = e.target;
    hashWith({ view: "events", ...Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value.trim()])) });
  });
  $("code-form").addEventListener("submit", (e) => codeText(e));
  document.addEventListener("click", (e) => {
    const button = e.target.closest("[data-download]");
    if (button) download(button.dataset.download, button.dataset.format);
  });
  window.addEventListener("hashchange", () => route().catch(fail));
  const status = await api("/api/status");
  $("status").textContent = `${status.counts.documents} documents · ${status.counts.events} events`;
  await Promise.all([drawNetwork(), fillFilters(), route()]);
}

function fail(error) {
  $("status").textContent = `error: ${error.message}`;
}

main().catch(fail);
