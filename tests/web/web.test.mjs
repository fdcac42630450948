// Browser tests of the gasbuffer web app and HTML report.
//
// Needs target/release/gasbuffer (CI: cargo build --release -p gas-cli) and
// Debian's chromium at /usr/bin/chromium. Run from the repository root:
//   node --test tests/web/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import net from "node:net";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const binary = join(root, "target", "release", "gasbuffer");
const artifacts = join(here, "artifacts");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const RUN_TIMEOUT = 120_000;

let server, base, browser, profile;

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.unref();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

before(async () => {
  assert.ok(existsSync(binary), `${binary} missing: run cargo build --release -p gas-cli first`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} missing: apt-get install chromium`);
  mkdirSync(artifacts, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(binary, ["serve", "--port", String(port)], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  server.stderr.on("data", () => {});
  server.stdout.on("data", () => {});
  await waitFor(`${base}/api/options`, 60_000);
  profile = mkdtempSync(join(tmpdir(), "gasbuffer-chromium-"));
  // A fresh temporary profile (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPage(query) {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) problems.push("external request " + r.url()); });
  await page.goto(`${base}/${query}`);
  return { page, problems };
}

const START = "?scenario=russia-full-cutoff&mode=perfect_foresight";

test("the page loads, runs and shows figures without console errors", async () => {
  const { page, problems } = await openPage(START);
  await page.waitForSelector('figure[data-chart="eu-fill"] svg path', { timeout: RUN_TIMEOUT });
  assert.equal(await page.locator("#error").isHidden(), true);
  const kpi = await page.textContent('[data-kpi="eu_unserved_twh"] dd');
  assert.match(kpi, /TWh/);
  await page.screenshot({ path: join(artifacts, "web-app.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("moving a slider changes the numbers, the chart and the URL", async () => {
  const { page, problems } = await openPage(START);
  await page.waitForSelector('figure[data-chart="eu-fill"] svg path', { timeout: RUN_TIMEOUT });
  const before = await page.textContent('[data-kpi="eu_unserved_twh"] dd');
  const chartBefore = await page.innerHTML('figure[data-chart="unserved-heatmap"] svg');
  await page.locator("#demand_reduction").fill("0.3");
  await page.waitForFunction(
    (old) => { const e = document.querySelector('[data-kpi="eu_unserved_twh"] dd'); return e && e.textContent !== old; },
    before, { timeout: RUN_TIMEOUT });
  const after = await page.textContent('[data-kpi="eu_unserved_twh"] dd');
  assert.notEqual(after, before);
  assert.notEqual(await page.innerHTML('figure[data-chart="unserved-heatmap"] svg'), chartBefore);
  assert.match(page.url(), /demand_reduction=0\.3/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("quick slider moves abort the superseded runs and show the last one", async () => {
  const { page, problems } = await openPage(START);
  await page.waitForSelector('figure[data-chart="eu-fill"] svg path', { timeout: RUN_TIMEOUT });
  const aborted = [];
  page.on("requestfailed", (r) => { if (r.url().includes("/api/run?")) aborted.push(r.failure()?.errorText); });
  // 300 ms apart: past the 150 ms debounce, within a perfect-foresight run.
  for (const lng of [250, 500, 750, 1000]) {
    await page.locator("#extra_lng").fill(String(lng));
    await page.waitForTimeout(300);
  }
  await page.waitForFunction(() => document.querySelector("#busy").textContent.startsWith("ran"), null, { timeout: RUN_TIMEOUT });
  assert.ok(aborted.length >= 1, "no superseded request was aborted");
  assert.ok(aborted.every((e) => /ABORTED/.test(e)), aborted.join(", "));
  assert.equal(await page.locator("#error").isHidden(), true);
  assert.match(page.url(), /extra_lng=1000/);
  const links = await page.getAttribute("#downloads a", "href");
  assert.match(links, /extra_lng=1000/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a link's settings beyond the sliders are shown and run as given", async () => {
  // extra_lng 5000 is beyond the slider (max 2000), demand_reduction 0.8 too
  // (max 0.5), cutoff_share 0.33 between its steps (0.05): the page must say
  // what it ran, not what the sliders can show.
  const { page, problems } = await openPage(START + "&extra_lng=5000&demand_reduction=0.8&cutoff_share=0.33");
  await page.waitForSelector('figure[data-chart="eu-fill"] svg path', { timeout: RUN_TIMEOUT });
  assert.equal(await page.textContent("#extra_lng_out"), "5000 GWh/d");
  assert.equal(await page.textContent("#demand_reduction_out"), "80 %");
  assert.equal(await page.textContent("#cutoff_share_out"), "33 %");
  const downloads = await page.getAttribute("#downloads a", "href");
  assert.match(downloads, /extra_lng=5000/);
  assert.match(downloads, /demand_reduction=0\.8/);
  // Moving one slider takes its own value; the others stay as the link gave them.
  await page.locator("#extra_lng").fill("100");
  await page.waitForFunction(() => /extra_lng=100&/.test(location.search + "&"), null, { timeout: RUN_TIMEOUT });
  assert.equal(await page.textContent("#extra_lng_out"), "100 GWh/d");
  assert.equal(await page.textContent("#demand_reduction_out"), "80 %");
  assert.match(page.url(), /demand_reduction=0\.8/);
  assert.match(page.url(), /cutoff_share=0\.33/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a bad parameter shows the error message", async () => {
  const { page } = await openPage("?scenario=russia-full-cutoff&cutoff_share=abc");
  await page.waitForSelector("#error:not([hidden])", { timeout: RUN_TIMEOUT });
  const message = await page.textContent("#error");
  assert.match(message, /parameter `cutoff_share`: expected a share between 0 and 1, found "abc"/);
  await page.close();
});

test("a link naming no scenario or mode of the menus reports it once, then runs what the menus show", async () => {
  const { page } = await openPage("?scenario=nope&mode=fast");
  await page.waitForSelector("#error:not([hidden])", { timeout: RUN_TIMEOUT });
  assert.match(await page.textContent("#error"), /nope/);
  // The menus keep valid choices instead of going blank ...
  assert.notEqual(await page.inputValue("#scenario"), "");
  assert.equal(await page.inputValue("#mode"), "myopic");
  // ... so the next change runs them.
  await page.locator("#extra_lng").fill("100");
  await page.waitForSelector("#error", { state: "hidden", timeout: RUN_TIMEOUT });
  assert.match(page.url(), /mode=myopic/);
  await page.close();
});

test("the cut-off date picker keeps within the chosen scenario's period", async () => {
  const { page, problems } = await openPage(START);
  await page.waitForSelector('figure[data-chart="eu-fill"] svg path', { timeout: RUN_TIMEOUT });
  assert.equal(await page.getAttribute("#cutoff_date", "min"), "2022-04-01");
  assert.equal(await page.getAttribute("#cutoff_date", "max"), "2023-03-31");
  await page.selectOption("#scenario", "actual-2022");
  assert.equal(await page.getAttribute("#cutoff_date", "min"), "2021-09-27");
  assert.equal(await page.getAttribute("#cutoff_date", "max"), "2023-04-22");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a cut-off date outside the period is reported as that parameter", async () => {
  const { page } = await openPage(START + "&cutoff_share=1&cutoff_date=2030-01-01");
  await page.waitForSelector("#error:not([hidden])", { timeout: RUN_TIMEOUT });
  const message = await page.textContent("#error");
  assert.match(message, /parameter `cutoff_date`: expected a date within the period of russia-full-cutoff, 2022-04-01 to 2023-03-31, found "2030-01-01"/);
  await page.close();
});

test("on a narrow screen wide tables scroll inside themselves, not the page", async () => {
  const { page, problems } = await openPage(START + "&packages=eu-contingency&compare=1");
  await page.setViewportSize({ width: 420, height: 900 });
  await page.waitForSelector('table[data-table="ledger"] td', { timeout: RUN_TIMEOUT });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
    ledger: document.querySelector('table[data-table="ledger"]').scrollWidth,
  }));
  assert.ok(widths.ledger > widths.view, `the ledger table fits anyway: ${JSON.stringify(widths)}`);
  assert.ok(widths.page <= widths.view, `the page scrolls sideways: ${JSON.stringify(widths)}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a generated report opens and every chart is drawn", async () => {
  const dir = mkdtempSync(join(tmpdir(), "gasbuffer-report-"));
  const report = join(dir, "report.html");
  try {
    execFileSync(binary, ["run", "scenarios/russia-full-cutoff.toml", "--package", "packages/eu-contingency.toml",
      "--out", join(dir, "out"), "--report", report], { cwd: root, stdio: "ignore" });
  } catch (e) {
    // Exit code 4 (infeasible dispatch) still writes the report.
    if (e.status !== 4) throw e;
  }
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith("file:")) problems.push("external request " + r.url()); });
  await page.goto("file://" + report);
  const charts = await page.$$eval("figure[data-chart]", (figures) => figures.map((f) => {
    const svg = f.querySelector("svg");
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    return {
      id: f.dataset.chart,
      drawn: svg ? svg.querySelectorAll("path, rect, line, circle, polyline, polygon").length : 0,
      width: box.width, height: box.height,
      caption: !!f.querySelector("figcaption"),
    };
  }));
  const ids = charts.map((c) => c.id);
  for (const id of ["eu-fill", "zone-fill", "map-buffer", "map-unserved", "unserved-heatmap", "unserved-sector", "supply-mix", "ledger", "package-change"]) {
    assert.ok(ids.includes(id), `figure ${id} missing (have ${ids.join(", ")})`);
  }
  for (const c of charts) {
    assert.ok(c.drawn > 0, `${c.id}: nothing drawn`);
    assert.ok(c.width > 100 && c.height > 100, `${c.id}: ${c.width}x${c.height}`);
    assert.ok(c.caption, `${c.id}: no caption`);
  }
  await page.screenshot({ path: join(artifacts, "report.png"), fullPage: true });
  // On a narrow screen the heat map keeps its size (its cells hold numbers)
  // and scrolls inside its figure; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 420, height: 900 });
  const heat = await page.$eval('figure[data-chart="unserved-heatmap"]', (f) => {
    const svg = f.querySelector("svg");
    return { drawn: svg.getBoundingClientRect().width, own: +svg.getAttribute("width"), figure: f.clientWidth, scroll: f.scrollWidth };
  });
  assert.ok(Math.abs(heat.drawn - heat.own) < 1, `heat map shrunk: ${JSON.stringify(heat)}`);
  assert.ok(heat.scroll > heat.figure, JSON.stringify(heat));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
  assert.deepEqual(problems, []);
  await page.close();
  rmSync(dir, { recursive: true, force: true });
});

test("20 concurrent runs all succeed", async () => {
  const requests = Array.from({ length: 20 }, (_, i) =>
    fetch(`${base}/api/run?scenario=russia-full-cutoff&mode=perfect_foresight&extra_lng=${(i % 4) * 100}`)
      .then(async (r) => ({ status: r.status, body: await r.json() })));
  const answers = await Promise.all(requests);
  for (const a of answers) {
    assert.equal(a.status, 200, JSON.stringify(a.body).slice(0, 200));
    assert.ok(a.body.html.includes('data-chart="eu-fill"'));
  }
});
