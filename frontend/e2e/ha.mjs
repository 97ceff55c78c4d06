/** Home Assistant as a browser user meets it: the login page, the `hass` object, its websocket. */
import assert from "node:assert/strict";

/** The Home Assistant under test and the accounts scripts/e2e made or asks for. */
export const HA = {
  url: process.env.E2E_URL ?? "http://127.0.0.1:8130",
  owner: {
    name: process.env.E2E_OWNER_NAME ?? "Demo Owner",
    username: process.env.E2E_OWNER_USER ?? "owner",
    password: process.env.E2E_OWNER_PASSWORD ?? "audit-trail-owner",
  },
  guest: {
    name: process.env.E2E_GUEST_NAME ?? "Guest Viewer",
    username: process.env.E2E_GUEST_USER ?? "guest",
    password: process.env.E2E_GUEST_PASSWORD ?? "audit-trail-guest",
  },
};

/** Log in through Home Assistant's own login page and wait for the frontend to connect. */
export async function login(page, user, { onLoginPage } = {}) {
  await page.goto(`${HA.url}/`);
  await page.waitForURL(/\/auth\/authorize/);
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  if (onLoginPage) await onLoginPage(page);
  await page.getByRole("button", { name: "Log in" }).click();
  await waitForHass(page);
  const name = await page.evaluate(() => document.querySelector("home-assistant").hass.user.name);
  assert.equal(name, user.name, "the frontend is logged in as the user who typed the password");
}

/** Wait until the frontend holds a connected `hass` with its user and states. */
export async function waitForHass(page) {
  await page.waitForFunction(
    () => {
      const hass = document.querySelector("home-assistant")?.hass;
      // States arrive after the user and the connection: a moment with none is "not yet", not
      // an error (waitForFunction gives up on a predicate that throws; a CI run did).
      return Boolean(hass?.user && hass.connected && Object.keys(hass.states ?? {}).length > 0);
    },
    null,
    { timeout: 60_000 },
  );
}

/**
 * Send a websocket command as the page's user; reject with the error's `code`, `message` and,
 * for Home Assistant's translated errors, `translation_key` and `translation_domain`.
 */
export async function callWS(page, message) {
  const outcome = await page.evaluate(async (msg) => {
    try {
      return { ok: await document.querySelector("home-assistant").hass.callWS(msg) };
    } catch (err) {
      const { code, message, translation_key, translation_domain } = err ?? {};
      return {
        error: {
          code: code ?? String(err),
          message: message ?? String(err),
          translation_key,
          translation_domain,
        },
      };
    }
  }, message);
  if (outcome.error) throw Object.assign(new Error(outcome.error.message), outcome.error);
  return outcome.ok;
}

/** Return the websocket error a command gives the page's user (fails if it succeeds). */
export async function wsError(page, message) {
  try {
    await callWS(page, message);
  } catch (err) {
    const { code, translation_key, translation_domain } = err;
    return { code, translation_key, translation_domain };
  }
  assert.fail(`${message.type} succeeded for a user it should refuse`);
}

/** Return the websocket error code a command gives the page's user (fails if it succeeds). */
export async function wsErrorCode(page, message) {
  return (await wsError(page, message)).code;
}

/** Send a history-like command until `ready(events)` holds; return those events. */
export async function waitForRows(page, message, ready, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const { events } = await callWS(page, message);
    if (ready(events)) return events;
    if (Date.now() > deadline) assert.fail(`${message.type} never answered what was waited for`);
    await page.waitForTimeout(250);
  }
}

/** Return the state object of an entity as the page's frontend sees it. */
export async function stateOf(page, entityId) {
  return page.evaluate((id) => document.querySelector("home-assistant").hass.states[id], entityId);
}

/** Wait until the frontend sees an entity in a state. */
export async function waitForState(page, entityId, state, timeout = 30_000) {
  await page.waitForFunction(
    ([id, want]) => document.querySelector("home-assistant").hass.states[id]?.state === want,
    [entityId, state],
    { timeout },
  );
}

/** Fetch a path of Home Assistant's HTTP API with the page user's access token. */
export async function fetchAsUser(page, path, { auth = true } = {}) {
  return page.evaluate(
    async ([url, withAuth]) => {
      const hass = document.querySelector("home-assistant").hass;
      const headers = withAuth ? { Authorization: `Bearer ${hass.auth.data.access_token}` } : {};
      const response = await fetch(url, { headers });
      const body = await response.text();
      return { status: response.status, headers: Object.fromEntries(response.headers), body };
    },
    [`${HA.url}${path}`, auth],
  );
}

/** Create a non-admin user (group system-users) with a password login, as the page's admin. */
export async function createNonAdmin(page, user) {
  const created = await callWS(page, {
    type: "config/auth/create",
    name: user.name,
    group_ids: ["system-users"],
    local_only: false,
  });
  await callWS(page, {
    type: "config/auth_provider/homeassistant/create",
    user_id: created.user.id,
    username: user.username,
    password: user.password,
  });
  return created.user;
}
