// gasbuffer web app: plain JS, no dependencies. Settings live in the URL
// query string; every change re-runs the model and replaces the results.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const DOWNLOADS = ["zones_summary.csv", "zones_daily.csv", "flows_daily.csv", "ledger.csv", "ledger_delta.csv", "summary.json"];
  let generation = 0;
  let timer = null;
  // The request in flight: a newer one aborts it, so that the server drops it
  // (if it has not started) instead of running settings no one will see.
  let inflight = null;

  // A link's slider setting that its slider cannot show (beyond its range or
  // between its steps, e.g. extra_lng=5000 or cutoff_share=0.33): shown and
  // sent as given, until that slider is moved.
  const pinned = {};
  function sliderValue(id) { return id in pinned ? pinned[id] : $(id).value; }

  function pct(v) { return Number.isFinite(+v) ? Math.round(v * 1000) / 10 + " %" : v; }

  // Scenario id -> {start, end}: the cut-off date picker keeps within the period.
  const periods = {};

  function showOutputs() {
    const period = periods[$("scenario").value];
    if (period) { $("cutoff_date").min = period.start; $("cutoff_date").max = period.end; }
    $("cutoff_share_out").textContent = pct(sliderValue("cutoff_share"));
    $("demand_reduction_out").textContent = pct(sliderValue("demand_reduction"));
    $("extra_lng_out").textContent = sliderValue("extra_lng") + " GWh/d";
    const fixed = $("start_fill_mode").value === "set";
    $("start_fill").disabled = !fixed;
    $("start_fill_out").textContent = fixed ? pct(sliderValue("start_fill")) : "";
  }

  function query() {
    const q = new URLSearchParams();
    q.set("scenario", $("scenario").value);
    const packs = Array.from(document.querySelectorAll("#packages input:checked")).map((c) => c.value);
    q.set("packages", packs.join(","));
    q.set("cutoff_share", sliderValue("cutoff_share"));
    if ($("cutoff_date").value) q.set("cutoff_date", $("cutoff_date").value);
    q.set("demand_reduction", sliderValue("demand_reduction"));
    q.set("extra_lng", sliderValue("extra_lng"));
    q.set("start_fill", $("start_fill_mode").value === "set" ? sliderValue("start_fill") : "scenario");
    q.set("mode", $("mode").value);
    q.set("compare", $("compare").checked ? "1" : "0");
    return q;
  }

  function showError(message) {
    $("error").textContent = message;
    $("error").hidden = false;
  }

  async function runNow(q) {
    const mine = ++generation;
    if (inflight) inflight.abort();
    const controller = new AbortController();
    inflight = controller;
    $("busy").textContent = "running…";
    const started = performance.now();
    let response, body;
    try {
      response = await fetch("/api/run?" + q.toString(), { signal: controller.signal });
      body = await response.json();
    } catch (e) {
      if (mine === generation) { showError("the server did not answer: " + e); $("busy").textContent = ""; }
      return;
    } finally {
      if (inflight === controller) inflight = null;
    }
    if (mine !== generation) return;
    $("busy").textContent = "";
    if (!response.ok) {
      showError(body.error || ("error " + response.status));
      return;
    }
    $("error").hidden = true;
    $("results").innerHTML = body.html;
    $("busy").textContent = "ran in " + Math.round(performance.now() - started) + " ms (" + body.status + ")";
    const links = DOWNLOADS.map((f) => '<a download href="/api/download/' + f + "?" + q.toString() + '">' + f + "</a>");
    $("downloads").innerHTML = "download: " + links.join(" ");
  }

  function changed() {
    showOutputs();
    const q = query();
    history.replaceState(null, "", "?" + q.toString());
    clearTimeout(timer);
    timer = setTimeout(() => runNow(q), 150);
  }

  async function init() {
    let options;
    try {
      options = await (await fetch("/api/options")).json();
    } catch (e) {
      showError("could not load the scenario list: " + e);
      return;
    }
    for (const s of options.scenarios) {
      periods[s.id] = { start: s.start, end: s.end };
      const o = document.createElement("option");
      o.value = s.id; o.textContent = s.name + " (" + s.start + " to " + s.end + ")"; o.title = s.description;
      $("scenario").appendChild(o);
    }
    for (const p of options.packages) {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox"; box.value = p.id; box.addEventListener("change", changed);
      label.appendChild(box); label.append(" " + p.name); label.title = p.description;
      $("packages").appendChild(label);
    }
    // Settings from the URL: passed to the server unchanged so that a bad
    // value is reported, and copied into the controls (pinned when a slider
    // cannot show them).
    const given = new URLSearchParams(location.search);
    // A menu keeps its default when the link names no option of it: the first run
    // still sends the link's value, so the server names the bad value, and every
    // later change sends a valid one instead of an empty menu.
    const choose = (id, value) => {
      if (value !== null && [...$(id).options].some((o) => o.value === value)) $(id).value = value;
    };
    const set = (id, value) => { if (value !== null) $(id).value = value; };
    const setSlider = (id, value) => {
      if (value === null || value === "") return;
      $(id).value = value;
      if (+$(id).value !== +value || !Number.isFinite(+value)) pinned[id] = value;
    };
    choose("scenario", given.get("scenario"));
    setSlider("cutoff_share", given.get("cutoff_share"));
    set("cutoff_date", given.get("cutoff_date"));
    setSlider("demand_reduction", given.get("demand_reduction"));
    setSlider("extra_lng", given.get("extra_lng"));
    // Default: myopic, the mode that re-runs a full year in well under a second
    // (see BENCHMARKS.md, "web re-run"); the URL or the menu can pick another.
    $("mode").value = "myopic";
    choose("mode", given.get("mode"));
    const fill = given.get("start_fill");
    if (fill !== null && fill !== "scenario" && fill !== "") { $("start_fill_mode").value = "set"; setSlider("start_fill", fill); }
    $("compare").checked = given.get("compare") === "1";
    for (const id of (given.get("packages") || "").split(",")) {
      const box = document.querySelector('#packages input[value="' + CSS.escape(id) + '"]');
      if (box) box.checked = true;
    }
    for (const el of document.querySelectorAll("#controls select, #controls input")) {
      if (el.type === "range") el.addEventListener("input", () => { delete pinned[el.id]; });
      el.addEventListener(el.type === "range" ? "input" : "change", changed);
    }
    showOutputs();
    runNow(given.toString() ? given : query());
  }

  init();
})();
