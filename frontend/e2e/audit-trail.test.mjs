/** End to end: the card and panel in Debian's Chromium against a real Home Assistant (scripts/e2e). */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { launchBrowser, newUserContext, screenshot } from "./browser.mjs";
import {
  HA,
  callWS,
  createNonAdmin,
  fetchAsUser,
  login,
  waitForHass,
  waitForRows,
  waitForState,
  wsError,
  wsErrorCode,
} from "./ha.mjs";
import {
  addCardThroughPicker,
  auditCard,
  changeRow,
  openWhy,
  setReplayCursor,
  waitForLaneState,
} from "./card.mjs";

const DASHBOARD = "e2e-card"; // a storage dashboard the test makes, so the card picker can edit it
const MOTION = "input_boolean.hall_motion";
const LIGHT = "input_boolean.hall_light";
const NIGHT = "input_boolean.night_mode";
const MOTION_NAME = "Hall motion (toggle to simulate motion)";
const AUTOMATION_NAME = "Motion turns on the hall light";

describe("Audit Trail in a real Home Assistant", { concurrency: false }, () => {
  let browser;
  let owner; // the owner's page
  let guest; // the non-admin's page
  let toggledAt; // when the owner's toggle was recorded (ISO)
  let replayAt; // an instant between the row before the toggle and the toggle
  let guestId; // the non-admin user's id

  before(async () => {
    browser = await launchBrowser();
    owner = await (await newUserContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
  });

  test("the owner logs in through the login page", async () => {
    await login(owner, HA.owner, { onLoginPage: (page) => screenshot(page, "01-login") });
    await screenshot(owner, "02-logged-in");
  });

  test("the bundle defines the card, its editor and the panel on every page", async () => {
    const defined = await owner.evaluate(async () => {
      // The extra module loads on its own schedule: wait for it as Lovelace would.
      await Promise.race([
        customElements.whenDefined("audit-trail-card"),
        new Promise((resolve) => setTimeout(resolve, 20_000)),
      ]);
      return {
        names: ["audit-trail-card", "audit-trail-panel"].filter((n) => customElements.get(n)),
        // What the page asked for and when: tells a slow fetch from a module never asked for.
        fetched: performance
          .getEntriesByType("resource")
          .filter((e) => e.name.includes("audit-trail.js"))
          .map((e) => `${e.name} at ${e.startTime.toFixed(0)} ms, ${e.duration.toFixed(0)} ms`),
        cards: (window.customCards ?? []).map((c) => c.type),
      };
    });
    assert.deepEqual(defined.names, ["audit-trail-card", "audit-trail-panel"], JSON.stringify(defined));
    const listed = await owner.evaluate(() => (window.customCards ?? []).map((c) => c.type));
    assert.ok(listed.includes("audit-trail-card"), `window.customCards lists the card: ${listed}`);
  });

  test("the card works when its bundle runs before Home Assistant's own app code", async () => {
    // Home Assistant's app chunk installs a scoped custom-element registry polyfill that puts a
    // new, empty registry in window.customElements. A small cached bundle can run before it (a
    // CI run caught it 1 time in 3): its elements were then in the old registry only, so
    // Lovelace's customElements.get() did not find the card. Hold the app chunk back to force it.
    const page = await owner.context().newPage();
    await page.route(/\/frontend_latest\/app\.[0-9a-f]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    try {
      await page.goto(`${HA.url}/audit-trail-demo/home`);
      await waitForHass(page);
      const seen = await page.evaluate(async () => {
        const t0 = performance.now();
        const bundle = performance
          .getEntriesByType("resource")
          .find((e) => e.name.includes("audit-trail.js"));
        const app = performance.getEntriesByType("resource").find((e) => /\/app\.[0-9a-f]+\.js/.test(e.name));
        return {
          bundleFirst: Boolean(bundle && app && bundle.responseEnd < app.responseEnd),
          defined: await Promise.race([
            customElements.whenDefined("audit-trail-card").then(() => true),
            new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
          ]),
          waited: performance.now() - t0,
        };
      });
      assert.ok(seen.bundleFirst, `the bundle arrived before the app chunk: ${JSON.stringify(seen)}`);
      assert.ok(seen.defined, "Home Assistant's registry knows the card");
      await auditCard(page).getByRole("list", { name: "Changes" }).waitFor();
    } finally {
      await page.close();
    }
  });

  test("the owner makes a non-admin user through the websocket API", async () => {
    const user = await createNonAdmin(owner, HA.guest);
    guestId = user.id;
    const users = await callWS(owner, { type: "config/auth/list" });
    const made = users.find((u) => u.id === user.id);
    assert.deepEqual(made?.group_ids, ["system-users"], "in the users' group, not the admins'");
    assert.equal(made?.is_owner, false);
  });

  test("the demo dashboard already holds an Audit Trail card with the home's changes", async () => {
    await owner.goto(`${HA.url}/audit-trail-demo/home`);
    await waitForHass(owner);
    const card = auditCard(owner);
    await card.waitFor();
    // The start itself has recorded rows by now (entities added, Home Assistant started).
    await card.getByRole("list", { name: "Changes" }).getByRole("listitem").first().waitFor();
    await screenshot(owner, "03-demo-dashboard");
    await screenshot(owner, "docs-demo-dashboard");
  });

  test("the owner adds the card through the dashboard's card picker", async () => {
    await callWS(owner, {
      type: "lovelace/dashboards/create",
      url_path: DASHBOARD,
      title: "E2E",
      mode: "storage",
      show_in_sidebar: true,
      require_admin: false,
    });
    await callWS(owner, {
      type: "lovelace/config/save",
      url_path: DASHBOARD,
      config: {
        views: [
          {
            title: "Hall",
            path: "hall",
            cards: [{ type: "entities", title: "Hall", entities: [MOTION, LIGHT, NIGHT] }],
          },
        ],
      },
    });
    await owner.goto(`${HA.url}/${DASHBOARD}/hall?edit=1`);
    await waitForHass(owner);
    await addCardThroughPicker(owner, {
      type: "custom:audit-trail-card",
      title: "Hall audit",
      entities: [MOTION, LIGHT, NIGHT],
      hours_to_show: 0.1, // six minutes: the seconds before the toggle are wide enough to drag to
    });
    await owner.getByRole("button", { name: "Done" }).click();
    const saved = await callWS(owner, { type: "lovelace/config", url_path: DASHBOARD });
    const types = saved.views[0].cards.map((c) => c.type);
    assert.ok(types.includes("custom:audit-trail-card"), `the saved view holds the card: ${types}`);
    await auditCard(owner).getByText("Hall audit").waitFor();
    await screenshot(owner, "04-card-added");
  });

  test("a toggle appears live in the card with the user's name", async () => {
    // A person opening the dashboard (the next test covers the card just out of edit mode).
    await owner.goto(`${HA.url}/${DASHBOARD}/hall`);
    await waitForHass(owner);
    const card = auditCard(owner);
    await card.getByRole("list", { name: "Changes" }).waitFor();
    const before = await owner.evaluate(
      (id) => document.querySelector("home-assistant").hass.states[id].state,
      MOTION,
    );
    assert.equal(before, "off", "the hall is quiet before the test toggles it");
    // The person's way: the toggle in the entities card beside the Audit Trail card.
    const row = owner.locator("hui-toggle-entity-row").filter({ hasText: MOTION_NAME });
    await row.locator("ha-entity-toggle").click();
    await waitForState(owner, MOTION, "on");
    // The writer commits within about a second of the change: ask until the row is there.
    const [latest, previous] = await waitForRows(
      owner,
      {
        type: "audit_trail/history",
        entity_id: [MOTION],
        start: new Date(Date.now() - 600_000).toISOString(),
        order: "desc",
        limit: 2,
      },
      (events) => events[0]?.new_state === "on",
    );
    assert.equal(latest.cause.kind, "user");
    assert.equal(latest.cause.user_name, HA.owner.name);
    // A replay instant before the toggle, after the row before it and after the log began
    // recording the entity (before that the card honestly says "not recorded yet").
    const t1 = Date.parse(latest.time);
    const lane = await callWS(owner, {
      type: "audit_trail/timeline",
      entity_id: [MOTION],
      start: new Date(t1 - 600_000).toISOString(),
      end: latest.time,
    });
    const began = [lane.log_start, lane.entities[MOTION].begins?.time, previous?.time].filter(Boolean);
    const t0 = Math.max(t1 - 60_000, ...began.map((t) => Date.parse(t)));
    toggledAt = latest.time;
    replayAt = new Date(t1 - Math.min(10_000, (t1 - t0) / 2));
    // Live: no reload, the row arrives through the subscription, with the user's name.
    await changeRow(card, MOTION_NAME, HA.owner.name).waitFor();
    await waitForLaneState(card, MOTION_NAME, "On");
    await screenshot(owner, "05-live-row");
    await screenshot(card, "docs-card");
  });

  test("the motion automation fires and Why? shows light <- automation <- motion <- user", async () => {
    await waitForState(owner, LIGHT, "on");
    const card = auditCard(owner);
    const row = changeRow(card, "Hall light", AUTOMATION_NAME);
    await row.waitFor();
    const dialog = await openWhy(owner, row);
    const hops = dialog.locator("ol.chain > li");
    await hops.first().waitFor();
    const texts = await hops.allInnerTexts();
    // Effect first: the light, the automation's run, the motion change, the user who made it.
    const find = (needle) => texts.findIndex((t) => t.includes(needle));
    const chain = [find("Hall light"), find(AUTOMATION_NAME), find(MOTION_NAME), find(HA.owner.name)];
    assert.ok(
      chain.every((i) => i >= 0),
      `every hop is shown: ${JSON.stringify(texts)}`,
    );
    assert.deepEqual(
      [...chain].sort((a, b) => a - b),
      chain,
      `in causal order: ${JSON.stringify(texts)}`,
    );
    await screenshot(owner, "06-why");
    await screenshot(dialog, "docs-why");
    await owner.keyboard.press("Escape");
  });

  test("a lane's change mark opens by keyboard and by a press", async () => {
    const card = auditCard(owner);
    const focus = card.locator(`audit-trail-timeline .track[data-entity="${MOTION}"] .mark.focus`);
    // The lane's one focusable mark starts on its newest change, the owner's toggle.
    const label = await focus.getAttribute("aria-label");
    assert.match(label, /Hall motion/);
    await focus.focus();
    await owner.keyboard.press("Home");
    await owner.keyboard.press("End");
    assert.equal(await focus.getAttribute("aria-label"), label, "End brings it back to the newest mark");
    await owner.keyboard.press("Enter");
    const dialog = owner.locator("audit-trail-why-dialog dialog[open]");
    await dialog.getByText(HA.owner.name).first().waitFor();
    await owner.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    const box = await focus.boundingBox();
    await owner.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await dialog.getByText(HA.owner.name).first().waitFor();
    await owner.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });

  test("the card keeps following live rows after the dashboard leaves edit mode", async () => {
    await owner.goto(`${HA.url}/${DASHBOARD}/hall?edit=1`);
    await waitForHass(owner);
    await auditCard(owner).getByRole("list", { name: "Changes" }).waitFor();
    await owner.getByRole("button", { name: "Done" }).click();
    await owner.getByRole("button", { name: "Done" }).waitFor({ state: "hidden" });
    const row = owner.locator("hui-toggle-entity-row").filter({ hasText: "Night mode" });
    await row.locator("ha-entity-toggle").click();
    await changeRow(auditCard(owner), "Night mode", HA.owner.name).waitFor();
  });

  test("dragging the replay cursor to before the toggle shows the old state", async () => {
    assert.ok(replayAt, "the toggle step recorded a time");
    const card = auditCard(owner);
    // Just after the toggle the lane says On (the sensor resets itself 45 s later)...
    const justAfter = Date.parse(toggledAt) + 3_000;
    await owner.waitForTimeout(Math.max(0, justAfter + 1_000 - Date.now())); // in the past by now
    await setReplayCursor(owner, card, new Date(justAfter));
    await waitForLaneState(card, MOTION_NAME, "On");
    // ...and dragged back to before it, the state the hall was in.
    await setReplayCursor(owner, card, replayAt);
    await waitForLaneState(card, MOTION_NAME, "Off").finally(() => screenshot(owner, "07-replay"));
    await screenshot(card, "docs-replay");
    // The replay bar says the card is no longer live.
    assert.equal(await card.locator("audit-trail-replay-bar .live.on").count(), 0);
  });

  test("the admin opens the panel and exports a file whose SHA-256 the server states", async () => {
    await owner.goto(`${HA.url}/audit-trail`);
    const panel = owner.locator("audit-trail-panel");
    await panel.waitFor();
    await screenshot(owner, "08-panel");
    await panel.getByRole("searchbox", { name: "Filter entities" }).fill("hall motion");
    await panel.getByRole("checkbox", { name: MOTION_NAME }).check();
    await panel.getByRole("button", { name: "Show", exact: true }).click();
    await panel.locator("audit-trail-timeline").getByText(MOTION_NAME).first().waitFor();
    await screenshot(owner, "08-panel-shown");
    await screenshot(panel, "docs-panel");
    const download = owner.waitForEvent("download");
    await panel.getByRole("button", { name: "Export", exact: true }).click();
    const file = await download;
    const bytes = await readFile(await file.path());
    assert.match(file.suggestedFilename(), /^audit-trail-.*\.(jsonl|csv)$/);
    const rows = bytes
      .toString("utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    assert.ok(
      rows.some((r) => r.entity_id === MOTION && r.new_state === "on"),
      "the export holds the toggle",
    );
    // The panel states the file's SHA-256 from the server's header and checks it against the bytes.
    const digest = createHash("sha256").update(bytes).digest("hex");
    await panel.getByText(digest).waitFor();
    await panel.getByText("✓").waitFor();
    const start = new Date(Date.now() - 3600_000).toISOString();
    const path = `/api/audit_trail/export?start=${encodeURIComponent(start)}&format=jsonl&entity_id=${MOTION}`;
    const answer = await fetchAsUser(owner, path);
    assert.equal(answer.status, 200);
    const sha = createHash("sha256").update(answer.body).digest("hex");
    assert.equal(answer.headers["x-audit-trail-sha256"], sha, "the stated hash is the body's");
    await screenshot(owner, "09-panel-exported");
  });

  test("the non-admin sees no panel and is refused what only admins may do", async () => {
    guest = await (await newUserContext(browser)).newPage();
    await login(guest, HA.guest);
    const me = await callWS(guest, { type: "auth/current_user" });
    assert.deepEqual([me.id, me.is_admin], [guestId, false], "logged in as the non-admin");
    const panels = await guest.evaluate(() =>
      Object.keys(document.querySelector("home-assistant").hass.panels),
    );
    assert.ok(!panels.includes("audit-trail"), `no Audit Trail panel for a non-admin: ${panels}`);
    const sidebar = guest.locator("ha-sidebar");
    await sidebar.getByText("Audit Trail demo").waitFor(); // the sidebar has rendered its items
    assert.equal(await sidebar.getByText("Audit Trail", { exact: true }).count(), 0);
    const page = await guest.goto(`${HA.url}/audit-trail`);
    if (page.status() !== 404) {
      // The frontend answers every path; it must find no panel there for this user.
      await waitForHass(guest);
      await guest.evaluate(() => customElements.whenDefined("audit-trail-card")); // the bundle ran
      // Home Assistant's frontend sends a user away from a panel it does not have.
      await guest.waitForURL((url) => !url.pathname.startsWith("/audit-trail"));
      assert.equal(await guest.locator("audit-trail-panel").count(), 0, "the panel does not load");
    }
    const start = new Date(Date.now() - 3600_000).toISOString();
    const path = `/api/audit_trail/export?start=${encodeURIComponent(start)}&format=jsonl`;
    assert.equal((await fetchAsUser(guest, path)).status, 403, "export refuses a non-admin");
    assert.equal((await fetchAsUser(guest, path, { auth: false })).status, 401, "and nobody at all");
    assert.equal(await wsErrorCode(guest, { type: "audit_trail/activity", start }), "unauthorized");
    assert.equal(await wsErrorCode(guest, { type: "audit_trail/verify" }), "unauthorized");
    // The owner is let through the same doors, so the refusals above are about the user.
    assert.ok((await callWS(owner, { type: "audit_trail/verify" })).checked > 0);
    await screenshot(guest, "10-non-admin");
  });

  test("the non-admin's card shows the entities that user may read", async () => {
    // Home Assistant gives a non-admin read access to every entity (no per-entity policy in
    // the UI), so the card shows the owner's toggle to the guest as well.
    await guest.goto(`${HA.url}/${DASHBOARD}/hall`);
    await waitForHass(guest);
    const card = auditCard(guest);
    await changeRow(card, MOTION_NAME, HA.owner.name).waitFor();
    const history = await callWS(guest, {
      type: "audit_trail/history",
      entity_id: [MOTION],
      start: new Date(Date.now() - 3600_000).toISOString(),
    });
    assert.ok(history.events.some((e) => e.cause.user_name === HA.owner.name));
    // Home Assistant's standard shape of a translated error: the code says "an error of Home
    // Assistant's", the translation key says which.
    assert.deepEqual(
      await wsError(guest, {
        type: "audit_trail/history",
        entity_id: ["input_boolean.nope"],
        start: toggledAt,
      }),
      { code: "home_assistant_error", translation_key: "unknown_entity", translation_domain: "audit_trail" },
    );
    await screenshot(guest, "11-non-admin-card");
  });
});
