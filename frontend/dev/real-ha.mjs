// Look at the card and the panel inside a real Home Assistant's own frontend:
//   node dev/real-ha.mjs TOKENS.json OUTDIR   (TOKENS: {access_token, refresh_token, hassUrl, clientId, ...})
// Saves a dashboard holding the card, screenshots it and the panel, and prints page errors.
import { readFileSync } from "node:fs";
import { launch } from "./browser.mjs";

const [tokensFile, out = "/tmp"] = process.argv.slice(2);
const tokens = JSON.parse(readFileSync(tokensFile, "utf8"));
const url = tokens.hassUrl;
const browser = await launch();
const hassReady = () => {
  const h = document.querySelector("home-assistant")?.hass;
  return Boolean(h?.user && h.connected && Object.keys(h.states).length > 0);
};
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript((t) => localStorage.setItem("hassTokens", JSON.stringify(t)), tokens);
  await page.goto(`${url}/`);
  await page.waitForFunction(hassReady, null, { timeout: 60_000 });
  const config = {
    views: [
      {
        title: "Audit",
        path: "audit",
        cards: [
          {
            type: "custom:audit-trail-card",
            title: "Hall",
            entities: ["input_boolean.hall_motion", "input_boolean.hall_light"],
            hours_to_show: 2,
          },
        ],
      },
    ],
  };
  await page.evaluate(
    (c) => document.querySelector("home-assistant").hass.callWS({ type: "lovelace/config/save", config: c }),
    config,
  );
  await page.goto(`${url}/lovelace/audit`);
  await page.waitForFunction(hassReady, null, { timeout: 60_000 });
  await page.waitForTimeout(4000);
  const info = await page.evaluate(() => ({
    cards: window.customCards?.filter((c) => c.type === "audit-trail-card").length,
    defined: ["audit-trail-card", "audit-trail-panel"].map((n) => !!customElements.get(n)),
  }));
  console.log(JSON.stringify(info));
  await page.screenshot({ path: `${out}/real-card.png` });
  // Open the newest change's "Why?" from inside the card's shadow roots.
  await page.locator("audit-trail-change-list .row").first().locator("button.why").click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/real-why.png` });
  await page.goto(`${url}/audit-trail`);
  await page.waitForFunction(hassReady, null, { timeout: 60_000 });
  await page.waitForTimeout(1500);
  await page
    .locator("audit-trail-panel .checks label", { hasText: "input_boolean.hall_light" })
    .locator("input")
    .check();
  await page.locator("audit-trail-panel button.primary").click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/real-panel.png`, fullPage: true });
  // Export the selection: the file downloads, and the panel shows the header's SHA-256 and
  // whether it matches the bytes received.
  const download = page.waitForEvent("download");
  await page.locator("audit-trail-panel-tools button", { hasText: "Export" }).click();
  const file = await download;
  await page.waitForTimeout(500);
  const sha = await page.locator("audit-trail-panel-tools .sha").textContent();
  console.log(JSON.stringify({ download: file.suggestedFilename(), sha: sha?.replace(/\s+/g, " ").trim() }));
  console.log("page errors:", errors);
} finally {
  await browser.close();
}
