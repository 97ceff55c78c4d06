import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditEvent, HomeAssistant, StreamMessage, Timeline } from "../src/data/types";
import { ev, H, initial, user } from "./fixtures";

// The controller schedules with window timers; in Node the global object stands in for window.
(globalThis as unknown as { window: typeof globalThis }).window = globalThis;
const { AuditController } = await import("../src/components/controller");

const NOW = Date.parse("2026-12-02T00:00:00Z");
const rel = (h: number) => new Date(NOW + h * H).toISOString();

/** A hass whose audit_trail commands answer from a list of rows, and whose stream the test drives. */
const fakeHass = (rows: AuditEvent[]) => {
  const streams: { msg: Record<string, unknown>; cb: (m: StreamMessage) => void }[] = [];
  const callWS = vi.fn(async (msg: Record<string, unknown>) => {
    const ids = msg.entity_id as string[];
    const inRange = (r: AuditEvent) =>
      Date.parse(r.time) > Date.parse(msg.start as string) &&
      (msg.end === undefined || Date.parse(r.time) <= Date.parse(msg.end as string));
    if (msg.type === "audit_trail/timeline") {
      const tl: Timeline = {
        start: msg.start as string,
        end: msg.end as string,
        entities: Object.fromEntries(
          ids.map((id) => [
            id,
            {
              initial: initial("off", -30),
              exact: true,
              events: rows.filter((r) => r.entity_id === id && inRange(r)),
            },
          ]),
        ),
        gaps: [],
        integrity: { ok: true, checked: 10, first_bad_seq: null, reason: null, verified_at: null },
      };
      return tl;
    }
    if (msg.type === "audit_trail/history") {
      const found = rows.filter((r) => ids.includes(r.entity_id!) && inRange(r));
      const desc = found.sort((a, b) => (msg.order === "desc" ? b.seq - a.seq : a.seq - b.seq));
      const after = msg.cursor ? desc.filter((r) => r.seq < Number(msg.cursor)) : desc;
      const page = after.slice(0, msg.limit as number);
      return {
        events: page,
        next_cursor: after.length > page.length ? String(page[page.length - 1]!.seq) : null,
      };
    }
    if (msg.type === "audit_trail/state_at")
      return { at: msg.at, states: { "light.kitchen": initial("on", -50) } };
    throw { code: "unknown_command", message: String(msg.type) };
  });
  const connection = {
    subscribeMessage: vi.fn(async (cb: (m: StreamMessage) => void, msg: Record<string, unknown>) => {
      streams.push({ msg, cb });
      return async () => undefined;
    }),
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return { hass: { callWS, connection, states: {} } as unknown as HomeAssistant, callWS, streams };
};

const host = () => ({
  addController: vi.fn(),
  requestUpdate: vi.fn(),
  removeController: vi.fn(),
  updateComplete: Promise.resolve(true),
});

describe("the card's controller", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  const rows = [
    ev(11, 0, { time: rel(-5), new_state: "on" }),
    ev(12, 0, { time: rel(-3), old_state: "on", new_state: "off" }),
    ev(13, 0, { time: rel(-1), new_state: "on" }),
  ];

  it("loads lanes and the newest page, then streams after the newest seq without repeats", async () => {
    const { hass, streams } = fakeHass(rows);
    const ctrl = new AuditController(host());
    Object.assign(ctrl, { hass, entityIds: ["light.kitchen"], hours: 24 });
    await ctrl.load();
    expect(ctrl.lanes[0]!.segments.map((s) => s.state)).toEqual(["off", "on", "off", "on"]);
    expect(ctrl.list.map((e) => e.seq)).toEqual([13, 12, 11]);
    expect(streams[0]!.msg).toEqual({
      type: "audit_trail/subscribe",
      after_seq: 13,
      entity_id: ["light.kitchen"],
    });
    streams[0]!.cb({
      events: [
        ev(14, 0, {
          time: new Date(NOW).toISOString(),
          old_state: "on",
          new_state: "off",
          cause: user("u2", "Bo"),
        }),
      ],
    });
    expect(ctrl.list.map((e) => e.seq)).toEqual([14, 13, 12, 11]);
    expect(ctrl.lanes[0]!.marks.map((m) => m.seq)).toEqual([11, 12, 13, 14]);
  });

  it("a live window slides with now; a past window stays put", async () => {
    const { hass } = fakeHass(rows);
    const ctrl = new AuditController(host());
    Object.assign(ctrl, { hass, entityIds: ["light.kitchen"], hours: 24 });
    await ctrl.load();
    expect([ctrl.start, ctrl.end]).toEqual([NOW - 24 * H, NOW]);
    vi.setSystemTime(NOW + 2 * H);
    expect([ctrl.start, ctrl.end]).toEqual([NOW - 22 * H, NOW + 2 * H]);
    await ctrl.load(NOW - 48 * H, NOW - 24 * H);
    vi.setSystemTime(NOW + 5 * H);
    expect([ctrl.start, ctrl.end]).toEqual([NOW - 48 * H, NOW - 24 * H]);
  });

  it("pages older rows with next_cursor until none is left", async () => {
    const many = Array.from({ length: 230 }, (_, i) => ev(100 + i, 0, { time: rel(-20 + i * 0.05) }));
    const { hass } = fakeHass(many);
    const ctrl = new AuditController(host());
    Object.assign(ctrl, { hass, entityIds: ["light.kitchen"] });
    await ctrl.load();
    expect(ctrl.list).toHaveLength(100);
    await ctrl.loadMore();
    await ctrl.loadMore();
    expect(ctrl.list).toHaveLength(230);
    expect(ctrl.nextCursor).toBeNull();
    expect(new Set(ctrl.list.map((e) => e.seq)).size).toBe(230);
  });

  it("steps the cursor between changes and reads state at T from the lanes", async () => {
    const { hass } = fakeHass(rows);
    const ctrl = new AuditController(host());
    Object.assign(ctrl, { hass, entityIds: ["light.kitchen"] });
    await ctrl.load();
    ctrl.act("prev");
    expect(ctrl.cursor).toBe(Date.parse(rows[2]!.time));
    ctrl.act("prev");
    const s = ctrl.statesAtCursor().get("light.kitchen");
    expect(s).toMatchObject({ kind: "state", state: "off", since: Date.parse(rows[1]!.time), seq: 12 });
    ctrl.act("live");
    expect(ctrl.clock.live).toBe(true);
  });

  it("stepping back past the window's first change finds the previous one in the log", async () => {
    const old = ev(5, 0, { time: rel(-24 * 7), new_state: "on" });
    const { hass, callWS } = fakeHass([old, ...rows]);
    const ctrl = new AuditController(host());
    Object.assign(ctrl, { hass, entityIds: ["light.kitchen"], hours: 4 });
    await ctrl.load(NOW - 2 * H, null); // the window holds seq 13 (-1 h) only
    ctrl.act("prev");
    expect(ctrl.cursor).toBe(NOW - H);
    callWS.mockClear();
    ctrl.act("prev"); // seq 12 (-3 h) is before the window: asked of the log, shown around it
    await vi.waitFor(() => expect(ctrl.cursor).toBe(NOW - 3 * H));
    expect(callWS.mock.calls[0]![0]).toMatchObject({
      type: "audit_trail/history",
      order: "desc",
      limit: 1,
      end: new Date(NOW - H - 1).toISOString(),
    });
    expect([ctrl.start, ctrl.end]).toEqual([NOW - 5 * H, NOW - H]);
    ctrl.act("prev"); // seq 11 (-5 h) sits on the new window's open start edge: asked again
    await vi.waitFor(() => expect(ctrl.cursor).toBe(NOW - 5 * H));
    ctrl.act("prev"); // seq 5, a week back
    await vi.waitFor(() => expect(ctrl.cursor).toBe(NOW - 24 * 7 * H));
    ctrl.act("prev"); // the log's first change: the cursor stays
    await Promise.resolve();
    expect(ctrl.cursor).toBe(NOW - 24 * 7 * H);
  });

  it("jumping to an instant outside the window loads a window around it, not live", async () => {
    const { hass, callWS, streams } = fakeHass(rows);
    const ctrl = new AuditController(host());
    Object.assign(ctrl, { hass, entityIds: ["light.kitchen"], hours: 24 });
    await ctrl.load();
    const t = NOW - 10 * 24 * H;
    await ctrl.jump(t);
    const last = callWS.mock.calls.filter((c) => c[0].type === "audit_trail/timeline").pop()![0];
    expect([Date.parse(last.start as string), Date.parse(last.end as string)]).toEqual([
      t - 12 * H,
      t + 12 * H,
    ]);
    expect(ctrl.cursor).toBe(t);
    expect(streams).toHaveLength(1); // only the first, live window subscribed
  });

  it("shows the server's error message instead of lanes", async () => {
    const hass = {
      callWS: vi
        .fn()
        .mockRejectedValue({ code: "unauthorized", message: "Not allowed to read light.kitchen" }),
    } as unknown as HomeAssistant;
    const ctrl = new AuditController(host());
    Object.assign(ctrl, { hass, entityIds: ["light.kitchen"] });
    await ctrl.load();
    expect(ctrl.error).toBe("Not allowed to read light.kitchen");
    expect(ctrl.loading).toBe(false);
  });
});
