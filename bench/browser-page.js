// In-page part of bench/browser.mjs: a fake `hass` whose callWS answers synthetic rows, and the
// timed scenarios. Every figure is measured with performance.now() inside the page.
const HOUR = 3_600_000;
const DOMAINS = ["light", "switch", "binary_sensor", "sensor", "input_select"];
const CAUSES = [
  { kind: "user", confidence: "high", user_id: "u1", user_name: "Ann", service: "light.turn_on" },
  { kind: "automation", confidence: "high", entity_id: "automation.a", name: "Evening", run_id: "r" },
  { kind: "device", confidence: "low", device_id: "d1", reason: "context_reused" },
  { kind: "entity", confidence: "high", entity_id: "sensor.x" },
  { kind: "unobserved", confidence: "low", reason: "appeared_while_not_observed" },
];

const iso = (t) => new Date(t).toISOString();
const entityIds = (n) => Array.from({ length: n }, (_, i) => `${DOMAINS[i % DOMAINS.length]}.bench_${i}`);

/** The next state of an entity: on/off, a number, or one of four options by domain. */
function nextState(id, i) {
  if (id.startsWith("sensor.")) return String(((i * 7919) % 400) / 10 + 15);
  if (id.startsWith("input_select.")) return ["Home", "Away", "Night", "Guest"][i % 4];
  return i % 2 ? "on" : "off";
}

/** `perEntity` rows for every entity, evenly spread over [start, end] with a little jitter. */
function makeRows(ids, perEntity, start, end) {
  const rows = [];
  const step = (end - start) / (perEntity + 1);
  ids.forEach((id, k) => {
    let state = nextState(id, 0);
    for (let i = 1; i <= perEntity; i += 1) {
      const next = nextState(id, i);
      const t = start + i * step + (((k * 997 + i * 31) % 1000) / 1000) * step * 0.5;
      rows.push({ time: t, entity_id: id, old_state: state, new_state: next, cause: CAUSES[(i + k) % 5] });
      state = next;
    }
  });
  rows.sort((a, b) => a.time - b.time);
  return rows.map((r, i) => ({
    seq: 1000 + i,
    time: iso(r.time),
    event_type: "state_changed",
    entity_id: r.entity_id,
    old_state: r.old_state,
    new_state: r.new_state,
    cause: r.cause,
    causation_seq: null,
  }));
}

/** A StateAt answer for an entity at the window's start. */
const stateAt = (id, t) => ({
  state: nextState(id, 0),
  last_changed: iso(t - HOUR),
  last_updated: iso(t - HOUR),
  seq: 10,
  cause: CAUSES[0],
});

/** Non-empty buckets for every lane of a long window (what the server sends when not exact). */
function makeBuckets(id, start, end, n) {
  const w = (end - start) / n;
  return Array.from({ length: n }, (_, i) => ({
    start: iso(start + i * w),
    end: iso(start + (i + 1) * w),
    count: 20 + (i % 50),
    state: nextState(id, i),
    last_seq: 100_000 + i,
    cause: CAUSES[i % 5],
  }));
}

/** A fake hass for a scenario: states, registries, callWS answers; records answer times. */
export function fakeHass({ ids, rows, buckets, start, end }) {
  const byEntity = new Map(ids.map((id) => [id, []]));
  for (const r of rows) byEntity.get(r.entity_id).push(r);
  const newestFirst = [...rows].reverse();
  const arrivals = [];
  const answers = {
    "audit_trail/timeline": (m) => {
      const s = Date.parse(m.start);
      const e = Date.parse(m.end ?? iso(end));
      const entities = {};
      for (const id of m.entity_id) {
        entities[id] = buckets
          ? { initial: stateAt(id, s), exact: false, buckets: makeBuckets(id, s, e, m.buckets ?? 400) }
          : { initial: stateAt(id, s), exact: true, events: byEntity.get(id) };
      }
      const integrity = {
        ok: true,
        checked: rows.length,
        first_bad_seq: null,
        reason: null,
        verified_at: iso(end),
      };
      return { start: iso(s), end: iso(e), entities, gaps: [], integrity };
    },
    "audit_trail/history": (m) => {
      const from = m.cursor ? newestFirst.findIndex((r) => r.seq < Number(m.cursor)) : 0;
      const page = newestFirst.slice(from, from + (m.limit ?? 100));
      const more = from + page.length < newestFirst.length;
      return { events: page, next_cursor: more ? String(page[page.length - 1].seq) : null };
    },
    "audit_trail/state_at": (m) => ({
      at: m.at,
      states: Object.fromEntries((m.entity_id ?? ids).map((id) => [id, stateAt(id, start)])),
    }),
  };
  const states = Object.fromEntries(
    ids.map((id, i) => [
      id,
      {
        entity_id: id,
        state: nextState(id, 0),
        attributes: { friendly_name: `Bench ${id.split(".")[0]} ${i}` },
        last_changed: iso(end),
        last_updated: iso(end),
        context: { id: "c", user_id: null, parent_id: null },
      },
    ]),
  );
  const connection = {
    subscribeMessage: async () => async () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  const hass = {
    connection,
    states,
    entities: {},
    devices: {},
    areas: {},
    config: { time_zone: "UTC" },
    locale: { language: "en", time_format: "24", time_zone: "server" },
    user: { id: "u1", name: "Ann", is_admin: true },
    localize: () => "",
    callWS: async (m) => {
      const f = answers[m.type];
      if (!f) throw { code: "unknown_command", message: m.type };
      // A real answer arrives as JSON text: parse it here so the card gets fresh objects.
      const text = JSON.stringify(f(m));
      const answer = JSON.parse(text);
      arrivals.push({ type: m.type, at: performance.now(), bytes: text.length });
      return answer;
    },
  };
  return { hass, arrivals };
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
/** Resolves after the next frame has been produced (rAF, then a task after its paint). */
const painted = () =>
  new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));

/** Wait until the card and its timeline and list have rendered everything they loaded. */
async function settled(card, lanes) {
  for (;;) {
    await card.updateComplete;
    const tl = card.shadowRoot.querySelector("audit-trail-timeline");
    const list = card.shadowRoot.querySelector("audit-trail-change-list");
    if (tl && list && !card.ctrl.loading && !card.ctrl.listLoading) {
      await tl.updateComplete;
      await list.updateComplete;
      const tracks = tl.shadowRoot.querySelectorAll(".track").length;
      if (tracks === lanes && list.shadowRoot.querySelector(".row")) return;
    }
    await frame();
  }
}

/** Mount a card for a scenario in the host element; resolves when it has rendered. */
async function mount(scenario, width = 900) {
  const host = document.getElementById("host");
  host.replaceChildren();
  host.style.width = `${width}px`;
  const { hass, arrivals } = fakeHass(scenario);
  const card = document.createElement("audit-trail-card");
  card.setConfig({ type: "custom:audit-trail-card", entities: scenario.ids, hours_to_show: scenario.hours });
  const t0 = performance.now();
  card.hass = hass;
  host.appendChild(card);
  await settled(card, scenario.ids.length);
  const done = await painted();
  return { card, arrivals, t0, done };
}

/** A scenario of `n` entities over the last `hours` with `perEntity` rows each (or buckets). */
export function scenario(n, hours, perEntity, buckets = false) {
  const end = Date.now();
  const start = end - hours * HOUR;
  const ids = entityIds(n);
  return {
    ids,
    hours,
    start,
    end,
    buckets,
    rows: buckets ? makeRows(ids, 5, start, end) : makeRows(ids, perEntity, start, end),
  };
}

/** First render: from the timeline answer's arrival (and from mount) to the painted frame. */
export async function firstRender(n, hours, perEntity, repeats) {
  const s = scenario(n, hours, perEntity);
  const afterData = [];
  const fromMount = [];
  const timelines = [];
  for (let i = 0; i < repeats; i += 1) {
    const { arrivals, t0, done } = await mount(s);
    // The last timeline answer: the card asks again once it knows its width (more buckets).
    const tl = arrivals.filter((a) => a.type === "audit_trail/timeline");
    timelines.push(tl.length);
    afterData.push(done - tl[tl.length - 1].at);
    fromMount.push(done - t0);
  }
  return { rows: s.rows.length, afterData, fromMount, timelines };
}

/** Anchor: the same rows as plain absolutely placed divs (no framework), to the painted frame. */
export async function plainDomAnchor(n, hours, perEntity, repeats) {
  const s = scenario(n, hours, perEntity);
  const out = [];
  for (let i = 0; i < repeats; i += 1) {
    const host = document.getElementById("host");
    host.replaceChildren();
    const t0 = performance.now();
    const box = document.createElement("div");
    box.style.cssText = "position:relative;width:900px";
    const span = s.end - s.start;
    const lane = new Map(s.ids.map((id, k) => [id, k]));
    for (const r of s.rows) {
      const d = document.createElement("div");
      const left = ((Date.parse(r.time) - s.start) / span) * 100;
      d.style.cssText = `position:absolute;top:${lane.get(r.entity_id) * 24}px;left:${left}%;width:2px;height:20px;background:#888`;
      d.title = `${r.entity_id} ${r.new_state}`;
      box.appendChild(d);
    }
    host.appendChild(box);
    out.push((await painted()) - t0);
  }
  return out;
}

/** Replay: the cursor dragged across the window one step a frame; work and frame interval. */
export async function replayFrames(n, hours, perEntity, steps) {
  const s = scenario(n, hours, perEntity);
  const { card } = await mount(s);
  const tl = card.shadowRoot.querySelector("audit-trail-timeline");
  const work = [];
  const intervals = [];
  let last = await frame();
  for (let i = 1; i <= steps; i += 1) {
    const t = s.start + ((s.end - s.start) * i) / (steps + 1);
    const a = performance.now();
    // What a drag emits on every pointermove (timeline.ts): the card seeks the replay clock.
    tl.dispatchEvent(new CustomEvent("cursor-set", { detail: { t }, bubbles: true, composed: true }));
    await card.updateComplete;
    await tl.updateComplete;
    void tl.shadowRoot.querySelector(".tracks").getBoundingClientRect(); // style and layout now
    work.push(performance.now() - a);
    const now = await frame();
    intervals.push(now - last);
    last = now;
  }
  const idle = [];
  for (let i = 0; i < 60; i += 1) {
    const a = await frame();
    idle.push((await frame()) - a);
  }
  return { rows: s.rows.length, work, intervals, idle };
}

/** Heap after the card rendered a scenario, with a garbage collection before each reading. */
export async function mountForMemory(n, hours, perEntity, buckets) {
  const s = scenario(n, hours, perEntity, buckets);
  const { card, arrivals } = await mount(s);
  const segments = card.ctrl.lanes.reduce((sum, lane) => sum + (lane.segments?.length ?? 0), 0);
  return { lanes: card.ctrl.lanes.length, segments, dataBytes: arrivals.reduce((a, x) => a + x.bytes, 0) };
}

/** Remove whatever the bench mounted. */
export function clear() {
  document.getElementById("host").replaceChildren();
}
