// Screenshot the card or panel in Debian's Chromium against the fake hass: node dev/shot.mjs OUT.png [query]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "./browser.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const bundle = resolve(here, "../../custom_components/audit_trail/frontend/audit-trail.js");
const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  const file =
    path === "/bundle/audit-trail.js" ? bundle : join(here, path === "/" ? "preview.html" : path.slice(1));
  try {
    const body = await readFile(file);
    res.writeHead(200, { "Content-Type": file.endsWith(".html") ? "text/html" : "text/javascript" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const port = server.address().port;
const [out = "/tmp/card.png", query = "", script = ""] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`http://127.0.0.1:${port}/?${query}`);
  await page.waitForFunction(() => window.__ready);
  await page.waitForTimeout(1500);
  if (script) {
    const result = await page.evaluate(script);
    if (result !== undefined) console.log(JSON.stringify(result));
    await page.waitForTimeout(800);
  }
  await page.screenshot({ path: out, fullPage: true });
  if (errors.length) console.log("page errors:", errors);
} finally {
  await browser.close();
  server.close();
}
