// A fake `hass` for looking at the card and panel in a browser without Home Assistant:
// deterministic rows for three entities over the last day, one gap, and a live row every 2 s.
const H = 3_600_000;
const NOW = Date.now();
const iso = (t) => new Date(t).toISOString();
const ann = {
  kind: "user",
  confidence: "high",
  user_id: "u-ann",
  user_name: "Ann",
  service: "light.turn_on",
};
const night = {
  kind: "automation",
  confidence: "high",
  entity_id: "automation.night",
  name: "Night lights",
  run_id: "run-1",
  trigger: "sun below horizon",
  service: "light.turn_off",
};
const device = { kind: "device", confidence: "low", device_id: "dev-door", reason: "context_reused" };
const unobserved = { kind: "unobserved", confidence: "low", reason: "appeared_while_not_observed" };

let seq = 100;
const rows = [];
const add = (t, entity_id, old_state, new_state, cause, event_type = "state_changed") =>
  rows.push({
    seq: ++seq,
    time: iso(t),
    event_type,
    entity_id,
    old_state,
    new_state,
    cause,
    causation_seq: cause === night ? 101 : null,
  });
let light = "off";
for (let h = 22; h > 0; h -= 2.3) {
  const next = light === "on" ? "off" : "on";
  add(NOW - h * H, "light.kitchen", light, next, next === "on" ? ann : night);
  light = next;
  add(NOW - h * H + 600_000, "light.kitchen", light, light, ann, "attributes_changed");
}
let door = "off";
for (let h = 20; h > 0; h -= 1.7) {
  const next = door === "on" ? "off" : "on";
  add(NOW - h * H, "binary_sensor.front_door", door, next, h < 6 ? unobserved : device);
  door = next;
}
rows.sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
rows.forEach((r, i) => (r.seq = 101 + i));
seq = 100 + rows.length;
const gap = { start: iso(NOW - 9 * H), end: iso(NOW - 8 * H), reason: "unclean_shutdown", seq: 99 };

const initial = (state, cause) => ({
  state,
  last_changed: iso(NOW - 30 * H),
  last_updated: iso(NOW - 30 * H),
  seq: 50,
  cause,
});
const buckets = (start, end, n) => {
  const out = [];
  const w = (end - start) / n;
  for (let i = 0; i < n; i += 3)
    out.push({
      start: iso(start + i * w),
      end: iso(start + (i + 1) * w),
      count: 1 + (i % 17),
      state: String(100 + ((i * 37) % 900)),
      last_seq: 5000 + i,
      cause: night,
    });
  return out;
};

const answers = {
  "audit_trail/timeline": (m) => {
    const s = Date.parse(m.start),
      e = Date.parse(m.end ?? iso(Date.now()));
    const lane = (id) => ({
      initial: initial(id.startsWith("light") ? "off" : "off", ann),
      exact: true,
      events: rows.filter((r) => r.entity_id === id && Date.parse(r.time) > s && Date.parse(r.time) <= e),
    });
    const entities = {};
    for (const id of m.entity_id)
      entities[id] =
        id === "sensor.power"
          ? { initial: initial("120", night), exact: false, buckets: buckets(s, e, m.buckets) }
          : lane(id);
    return {
      start: iso(s),
      end: iso(e),
      entities,
      gaps: [gap],
      integrity: {
        ok: true,
        checked: 12840,
        first_bad_seq: null,
        reason: null,
        verified_at: iso(NOW - 600_000),
      },
    };
  },
  "audit_trail/history": (m) => {
    let r = rows.filter((x) => m.entity_id.includes(x.entity_id)).sort((a, b) => b.seq - a.seq);
    if (m.cursor) r = r.filter((x) => x.seq < Number(m.cursor));
    const page = r.slice(0, m.limit ?? 100);
    return { events: page, next_cursor: r.length > page.length ? String(page[page.length - 1].seq) : null };
  },
  "audit_trail/state_at": (m) => ({
    at: m.at,
    states: Object.fromEntries((m.entity_id ?? []).map((id) => [id, initial("333", night)])),
  }),
  "audit_trail/trace": (m) => {
    const row = rows.find((r) => r.seq === m.seq) ?? rows[0];
    const hops = [{ hop: "state_change", ...row }];
    if (row.cause.kind === "automation")
      hops.push({
        hop: "automation_run",
        entity_id: "automation.night",
        name: "Night lights",
        trigger: "sun below horizon",
        run_id: "run-1",
        service: "light.turn_off",
      });
    if (row.cause.kind === "user")
      hops.push(
        { hop: "action_call", service: "light.turn_on" },
        { hop: "user", user_id: "u-ann", user_name: "Ann" },
      );
    return { chain: [row], hops, root: row.cause };
  },
  "audit_trail/activity": () => ({
    total: rows.length,
    actors: [
      { actor: "u-ann", kind: "user", name: "Ann", total: 12, by_entity: { "light.kitchen": 12 } },
      {
        actor: "automation.night",
        kind: "automation",
        name: "Night lights",
        total: 9,
        by_entity: { "light.kitchen": 9 },
      },
    ],
  }),
  "audit_trail/diff": () => ({
    changes: { "light.kitchen": { before: initial("off", ann), after: initial("on", ann), transitions: 9 } },
  }),
  "audit_trail/verify": () => ({ ok: true, checked: 12840, first_bad_seq: null, reason: null }),
  "trace/contexts": () => ({ "run-1": { run_id: "ha-run-1", domain: "automation", item_id: "1700000" } }),
};

const listeners = {};
export const connection = {
  subscribeMessage: async (cb, msg) => {
    window.__subscriptions = (window.__subscriptions ?? []).concat([msg]);
    const timer = setInterval(() => {
      light = light === "on" ? "off" : "on";
      const r = {
        seq: ++seq,
        time: iso(Date.now()),
        event_type: "state_changed",
        entity_id: "light.kitchen",
        old_state: light === "on" ? "off" : "on",
        new_state: light,
        cause: ann,
        causation_seq: null,
      };
      rows.push(r);
      cb({ events: [r] });
    }, window.__liveEvery ?? 2000);
    return async () => clearInterval(timer);
  },
  addEventListener: (n, f) => (listeners[n] ??= []).push(f),
  removeEventListener: (n, f) => (listeners[n] = (listeners[n] ?? []).filter((x) => x !== f)),
};

const st = (entity_id, state, attributes) => ({
  entity_id,
  state,
  attributes,
  last_changed: iso(NOW - H),
  last_updated: iso(NOW - H),
  context: { id: "c", user_id: null, parent_id: null },
});
export const hass = {
  connection,
  states: {
    "light.kitchen": st("light.kitchen", light, { friendly_name: "Kitchen light" }),
    "binary_sensor.front_door": st("binary_sensor.front_door", door, {
      friendly_name: "Front door",
      device_class: "door",
    }),
    "sensor.power": st("sensor.power", "333", { friendly_name: "Power", unit_of_measurement: "W" }),
    "automation.night": st("automation.night", "on", { friendly_name: "Night lights", id: "1700000" }),
    "person.ann": st("person.ann", "home", {
      friendly_name: "Ann",
      user_id: "u-ann",
      entity_picture:
        "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'><rect width='20' height='20' fill='%23e91e63'/><circle cx='10' cy='8' r='4' fill='white'/></svg>",
    }),
  },
  entities: { "light.kitchen": { entity_id: "light.kitchen", area_id: "kitchen" } },
  devices: { "dev-door": { id: "dev-door", name: "Door contact", name_by_user: null } },
  areas: { kitchen: { area_id: "kitchen", name: "Kitchen" } },
  config: { time_zone: "Europe/Berlin" },
  locale: { language: "en-GB", time_format: "24", time_zone: "server" },
  user: { id: "u-ann", name: "Ann", is_admin: true },
  localize: () => "",
  callWS: async (m) => {
    window.__calls = (window.__calls ?? []).concat([m]);
    const f = answers[m.type];
    if (!f) throw { code: "unknown_command", message: `Unknown command ${m.type}` };
    return structuredClone(f(m));
  },
  fetchWithAuth: async () =>
    new Response('{"seq":1}\n', {
      headers: {
        "Content-Disposition": 'attachment; filename="audit-trail-x.jsonl"',
        "X-Audit-Trail-SHA256": "deadbeef",
      },
    }),
};
