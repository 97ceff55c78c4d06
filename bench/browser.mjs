/**
 * Browser benchmark of the card (scripts/bench --browser): headless Debian Chromium loads the built
 * bundle with a fake `hass` whose callWS answers synthetic rows (bench/browser-page.js). Prints a
 * markdown table: first render of 24 h x 20 entities x 10,000 changes after the data arrives,
 * replay frames for 50 entities, and the heap of a year-long window, each beside its target and
 * an anchor measured in the same run (plain DOM for the same rows, an idle frame, the data's size).
 *   node bench/browser.mjs [--quick] [--json]
 */
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../frontend/e2e/browser.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const quick = process.argv.includes("--quick");
const asJson = process.argv.includes("--json");
const REPEATS = quick ? 3 : 9;
const STEPS = quick ? 60 : 300;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
:root{--primary-color:#03a9f4;--primary-text-color:#212121;--secondary-text-color:#727272;
--divider-color:rgba(0,0,0,.12);--card-background-color:#fff;--primary-background-color:#fafafa;
--secondary-background-color:#e5e5e5;--error-color:#db4437;--success-color:#43a047;
--state-active-color:#fdd835;--state-inactive-color:#9e9e9e}
body{margin:0;font-family:sans-serif;background:var(--primary-background-color)}
ha-card{display:block;background:var(--card-background-color);border:1px solid var(--divider-color)}
</style></head><body><div id="host"></div><script type="module">
import "/bundle/audit-trail.js";
window.bench = await import("/browser-page.js");
window.__ready = true;
</script></body></html>`;

/** Serve the page, the in-page module and the built bundle on 127.0.0.1. */
async function serve() {
  const files = {
    "/browser-page.js": join(here, "browser-page.js"),
    // BENCH_BUNDLE: another build of the bundle (an unminified one, for a profile).
    "/bundle/audit-trail.js":
      process.env.BENCH_BUNDLE ?? join(root, "custom_components/audit_trail/frontend/audit-trail.js"),
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/") return res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE);
    if (path === "/favicon.ico") return res.writeHead(204).end();
    if (!files[path]) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "text/javascript" }).end(await readFile(files[path]));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return server;
}

/** The q-quantile of a list of numbers (nearest rank). */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** JSHeapUsedSize after a full garbage collection, through the DevTools protocol. */
async function heapUsed(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return metrics.find((m) => m.name === "JSHeapUsedSize").value;
}

/** Open a fresh page with the bundle loaded; return it with its DevTools session. */
async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  // A page error means the bundle is broken: no figure from such a page is worth printing.
  page.on("pageerror", (e) => failures.push(String(e)));
  page.on("console", (m) => m.type() === "error" && failures.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.__ready, null, { timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return { page, cdp };
}

const failures = [];

/** Call a scenario of bench/browser-page.js in the page; fail on any error the page logged. */
async function run(page, fn, ...args) {
  const result = await page.evaluate(([f, a]) => window.bench[f](...a), [fn, args]);
  if (failures.length) throw new Error(`the page logged errors: ${failures.join("; ")}`);
  return result;
}

/** Heap a mounted card holds: each in a page of its own, against that page's empty heap. */
async function memory(browser, url, args) {
  const { page, cdp } = await openPage(browser, url);
  try {
    const empty = await heapUsed(cdp);
    const shown = await run(page, "mountForMemory", ...args);
    return { ...shown, heap: (await heapUsed(cdp)) - empty };
  } finally {
    await page.close();
  }
}

/** Run every scenario and return the figures. */
async function measure(browser, url) {
  const { page } = await openPage(browser, url);
  const first = await run(page, "firstRender", 20, 24, 500, REPEATS);
  const plain = await run(page, "plainDomAnchor", 20, 24, 500, REPEATS);
  const replay = await run(page, "replayFrames", 50, 24, 200, STEPS);
  await page.close();
  const day = await memory(browser, url, [20, 24, 500, false]);
  const year = await memory(browser, url, [20, 24 * 366, 0, true]);
  return { first, plain, replay, day, year };
}

/** The markdown table: figure, target, anchor from the same run. */
function table(r, version) {
  const lines = [
    `Chromium ${version}, ${REPEATS} renders, ${STEPS} replay steps${quick ? " (--quick)" : ""}.`,
    "",
    "| measure | target | median | p99 / max | anchor (same run) |",
    "|---|---|---|---|---|",
    `| first render after the (last) timeline answer: 24 h, 20 entities, ${r.first.rows.toLocaleString("en")} changes | 300 ms | ${ms(quantile(r.first.afterData, 0.5))} | max ${ms(Math.max(...r.first.afterData))} | plain DOM, one div a change: ${ms(quantile(r.plain, 0.5))} |`,
    `| same, from mounting the card (answers included) | - | ${ms(quantile(r.first.fromMount, 0.5))} | max ${ms(Math.max(...r.first.fromMount))} | timeline asked ${r.first.timelines.join(", ")} times per render |`,
    `| replay frame update, 50 entities (${r.replay.rows.toLocaleString("en")} changes): update + layout | median 16 ms, p99 50 ms | ${ms(quantile(r.replay.work, 0.5))} | p99 ${ms(quantile(r.replay.work, 0.99))} | - |`,
    `| replay frame interval while dragging (one seek a frame) | median 16 ms, p99 50 ms | ${ms(quantile(r.replay.intervals, 0.5))} | p99 ${ms(quantile(r.replay.intervals, 0.99))} | idle frame: ${ms(quantile(r.replay.idle, 0.5))} (p99 ${ms(quantile(r.replay.idle, 0.99))}) |`,
    `| JS heap of a year-long window, 20 entities (${r.year.segments.toLocaleString("en")} segments from buckets) | - | ${mib(r.year.heap)} | - | answers received: ${mib(r.year.dataBytes)} of JSON |`,
    `| JS heap of the 24 h window, 20 entities, 10,000 changes | - | ${mib(r.day.heap)} | - | answers received: ${mib(r.day.dataBytes)} of JSON |`,
  ];
  return lines.join("\n");
}

const server = await serve();
const browser = await launchBrowser();
try {
  const result = await measure(browser, `http://127.0.0.1:${server.address().port}/`);
  console.log(asJson ? JSON.stringify(result) : table(result, browser.version()));
} finally {
  await browser.close();
  server.close();
}
