/** Debian's Chromium driven by playwright-core: launch, per-user contexts, screenshots. */
import { appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** Never a browser downloaded by a test tool: the distribution's build, or CHROMIUM's. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/**
 * Flags for a root user on a small headless machine: no sandbox (root cannot have one), no GPU,
 * /tmp instead of a small /dev/shm, and nothing that talks to the network by itself.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-extensions",
  "--disable-background-networking",
  "--disable-quic",
  "--disable-component-update",
  "--disable-sync",
  "--metrics-recording-only",
  "--mute-audio",
  "--enable-precise-memory-info",
];

/** Launch headless Chromium; playwright gives it a fresh temporary profile (user-data dir). */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A new isolated context (own cookies and storage), one per user, laid out like a laptop. */
export async function newUserContext(browser) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: "en-US",
    timezoneId: "Europe/Amsterdam",
    acceptDownloads: true,
  });
  context.setDefaultTimeout(30_000); // a loaded 2-core machine: Home Assistant answers slowly
  // A script error in a page (the card's, or Home Assistant's) goes to the log and the console:
  // a card that throws otherwise shows up only as a locator timing out.
  // A rejection with a plain object (a websocket error) reaches weberror as "Object": say what it held.
  await context.addInitScript(() =>
    window.addEventListener("unhandledrejection", (e) =>
      console.error(`unhandled rejection: ${JSON.stringify(e.reason)}`),
    ),
  );
  context.on("console", (m) => {
    const text = m.text();
    if (m.type() === "error" && (text.startsWith("unhandled rejection") || text.includes("audit-trail")))
      logPageError(`${m.page()?.url()}: ${text}`);
  });
  context.on("weberror", (e) => {
    const err = e.error();
    logPageError(`${e.page()?.url() ?? "?"}: ${err?.stack || err?.message || JSON.stringify(err)}`);
  });
  return context;
}

/** Append a page's script error to artifacts/e2e/page-errors.log and print it. */
function logPageError(text) {
  const dir = process.env.E2E_ARTIFACTS ?? "artifacts/e2e";
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, "page-errors.log"), `${new Date().toISOString()} ${text}\n`);
  console.error(`page error: ${text}`);
}

/** Save a PNG of the page (or a locator) under the artifacts folder; return its path. */
export async function screenshot(target, name) {
  const dir = process.env.E2E_ARTIFACTS ?? "artifacts/e2e";
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await target.screenshot({ path });
  return path;
}
