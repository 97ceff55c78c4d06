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
  // Flow-style YAML on one line per key: the code editor indents after a newline by itself.
  const yaml = Object.entries(config)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(", ")}]` : value}`)
    .join("\n");
  const editor = dialog.locator(".cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  for (const line of yaml.split("\n")) {
    await page.keyboard.type(line);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home"); // undo any indentation the editor added
    await page.keyboard.press("Shift+Home");
  }
  await dialog.locator("audit-trail-card").first().waitFor(); // the preview renders the card
  await dialog.getByRole("button", { name: "Save" }).click();
  await dialog.waitFor({ state: "detached" });
}

/** Open the Why? dialog of the newest change whose row names the entity; return the dialog. */
export async function openWhy(page, card, entityName) {
  const row = card.locator(".change", { hasText: entityName }).first();
  await row.getByRole("button", { name: "Why?" }).click();
  const dialog = page.locator("audit-trail-why-dialog, ha-dialog, ha-wa-dialog").filter({ hasText: "Why?" }).first();
  await dialog.waitFor();
  return dialog;
}

/** Drag the replay cursor with the mouse until the card shows `at`. */
export async function setReplayCursor(page, card, at) {
  const slider = card.getByRole("slider", { name: "Replay cursor" });
  await slider.waitFor();
  const box = await slider.boundingBox();
  assert.ok(box, "the replay cursor is on screen");
  const [min, max] = await slider.evaluate((el) => [
    Number(el.getAttribute("aria-valuemin") ?? el.min),
    Number(el.getAttribute("aria-valuemax") ?? el.max),
  ]);
  const fraction = (at.getTime() - min) / (max - min);
  assert.ok(fraction >= 0 && fraction <= 1, `the time ${at.toISOString()} is inside the window`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * fraction, y, { steps: 12 });
  await page.mouse.up();
}
