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

async function api(path) {
  const response = await fetch(path);
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
  const s = dyad.summary, t = s.trend;
  $("verdict").innerHTML = `<span class="verdict-${escape(t.verdict.replace(" ", "-"))}">${escape(t.line)}</span>` +
    ` · ${s.events} factual events, Goldstein total ${s.goldstein_total}, ${escape(s.character)}`;
  drawCurve(dyad);
  const events = [...ab.events, ...ba.events].sort((x, y) => (x.date || "").localeCompare(y.date || ""));
  drawEvents(events);
  drawMap(events);
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
    yaxis: { title: "events" },
    yaxis2: { title: "Goldstein sum", overlaying: "y", side: "right", rangemode: "tozero", zeroline: true },
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
    row.addEventListener("click", () => {
      const next = row.nextElementSibling;
      if (next && next.classList.contains("evidence")) { next.remove(); return; }
      const detail = document.createElement("tr");
      detail.className = "evidence";
      const cell = detail.insertCell();
      cell.colSpan = 7;
      cell.innerHTML = evidenceHtml(e);
      row.after(detail);
    });
  }
}

function drawMap(events) {
  const located = events.filter((e) => e.location_lat != null && e.location_lon != null);
  Plotly.react("map", [{ type: "scatter", mode: "markers+text", x: located.map((e) => e.location_lon),
    y: located.map((e) => e.location_lat), text: located.map((e) => e.location_name), textposition: "top center",
    marker: { size: 10, color: located.map((e) => colour(e.goldstein || 0)) } }],
  { margin: { t: 10, r: 10, l: 50, b: 40 }, xaxis: { title: "longitude", range: [-180, 180] },
    yaxis: { title: "latitude", range: [-90, 90], scaleanchor: "x" } }, { displaylogo: false, responsive: true });
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
  $("dashboard").hidden = true;
  $("document").hidden = false;
  const { document: d, events } = await api(`/api/documents/${encodeURIComponent(id)}`);
  $("doc-title").textContent = d.title || d.origin;
  $("doc-meta").textContent = [d.date, d.source, d.url, d.lang, `${events.length} events`].filter(Boolean).join(" · ");
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

async function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get("doc")) return showDocument(params.get("doc"));
  $("document").hidden = true;
  $("dashboard").hidden = false;
  if (params.get("a") && params.get("b") && !(chosen.a && chosen.b && chosen.a.code === params.get("a")
      && chosen.b.code === params.get("b"))) {
    choose("a", params.get("a"));
    choose("b", params.get("b"));
    if (params.get("freq")) $("freq").value = params.get("freq");
    await showDyad();
  }
}

async function main() {
  picker("a");
  picker("b");
  $("show").addEventListener("click", () => showDyad().catch(fail));
  window.addEventListener("hashchange", () => route().catch(fail));
  const status = await api("/api/status");
  $("status").textContent = `${status.counts.documents} documents · ${status.counts.events} events`;
  await Promise.all([drawNetwork(), route()]);
}

function fail(error) {
  $("status").textContent = `error: ${error.message}`;
}

main().catch(fail);
