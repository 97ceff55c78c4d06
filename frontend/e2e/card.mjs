/** The Audit Trail card as a person uses it: the card picker, the Why? dialog, the replay cursor. */
import assert from "node:assert/strict";

const CARD_NAME = "Audit trail"; // card.name in the bundle's strings, as the picker lists it

/** The (first) Audit Trail card on the page. */
export function auditCard(page) {
  return page.locator("audit-trail-card").first();
}

/** Add a card through the dashboard's card picker (edit mode open) with this YAML config. */
export async function addCardThroughPicker(page, config) {
  await page.getByRole("button", { name: /add card/i }).click();
  await page.getByRole("tab", { name: "By card" }).click();
  await page.getByPlaceholder(/search cards/i).fill("audit");
  const picker = page.locator("hui-card-picker");
  // The picker's card tile has an overlay over its preview; clicking the tile picks it.
  const tile = picker.locator(".card").filter({ has: page.locator(".card-header", { hasText: CARD_NAME }) });
  await tile.first().click();
  const dialog = page.locator("hui-dialog-edit-card");
  await dialog.getByRole("button", { name: /show code editor/i }).click();
  // Flow-style YAML, put in as one paste: typed key by key, the editor would auto-indent and
  // close brackets, and the preview would load the card for every partial entity id.
  const yaml = Object.entries(config)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(", ")}]` : value}`)
    .join("\n");
  await dialog.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(yaml);
  await dialog.locator("audit-trail-card").first().waitFor(); // the preview renders the card
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "hidden" }); // Home Assistant keeps the closed dialog element
}

/** The change list's row that names the entity and the cause (newest first, so the newest). */
export function changeRow(card, entityName, causeText) {
  return card
    .getByRole("list", { name: "Changes" })
    .getByRole("listitem")
    .filter({ has: card.page().locator(".name", { hasText: entityName }) })
    .filter({ hasText: causeText })
    .first();
}

/** The state a lane's head shows (at the replay cursor, or now when live). */
export async function laneState(card, entityName) {
  const head = card.locator("audit-trail-timeline .head").filter({ hasText: entityName }).first();
  return (await head.locator(".state").innerText()).trim();
}

/** Wait (a few seconds at most) until a lane's head shows `want`; fail with what it shows. */
export async function waitForLaneState(card, entityName, want, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let shown = await laneState(card, entityName);
  while (shown !== want && Date.now() < deadline) {
    await card.page().waitForTimeout(100);
    shown = await laneState(card, entityName);
  }
  assert.equal(shown, want, `the ${entityName} lane shows ${want}`);
}

/** Open a change row's Why? dialog and return the dialog. */
export async function openWhy(page, row) {
  await row.getByRole("button", { name: "Why?" }).click();
  const dialog = page.locator("audit-trail-why-dialog dialog[open]");
  await dialog.waitFor();
  return dialog;
}

/** Drag the replay cursor with the mouse to the instant `at` (inside the card's window). */
export async function setReplayCursor(page, card, at) {
  const slider = card.getByRole("slider", { name: "Replay cursor" });
  const box = await slider.boundingBox();
  assert.ok(box, "the replay cursor is on screen");
  const [min, max] = await slider.evaluate((el) => [
    Number(el.getAttribute("aria-valuemin")),
    Number(el.getAttribute("aria-valuemax")),
  ]);
  const fraction = (at.getTime() - min) / (max - min);
  assert.ok(fraction > 0 && fraction < 1, `${at.toISOString()} is inside the card's window`);
  const track = await card.locator("audit-trail-timeline .track").first().boundingBox();
  const y = track.y + track.height / 2;
  const targetX = box.x + box.width * fraction;
  await page.mouse.move(await bareTrackX(page, targetX, y), y);
  await page.mouse.down();
  await page.mouse.move(targetX, y, { steps: 8 });
  await page.mouse.up();
  const now = Number(await slider.getAttribute("aria-valuenow"));
  const pxPerMs = box.width / (max - min);
  assert.ok(Math.abs(now - at.getTime()) * pxPerMs < 2, "the cursor sits where it was dragged");
}

/** The x nearest `x` on row `y` where a press lands on a bare track, not on a change mark. */
async function bareTrackX(page, x, y) {
  return page.evaluate(
    ([x0, y0]) => {
      const hit = (px) => {
        let el = document.elementFromPoint(px, y0);
        while (el?.shadowRoot) {
          const inner = el.shadowRoot.elementFromPoint(px, y0);
          if (!inner || inner === el) break;
          el = inner;
        }
        return el;
      };
      for (let d = 0; d < 200; d += 1) {
        for (const px of [x0 - d, x0 + d]) {
          const el = hit(px);
          if (el?.closest(".track") && !el.closest(".mark")) return px;
        }
      }
      throw new Error("no bare track near the target");
    },
    [x, y],
  );
}
