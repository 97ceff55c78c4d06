import { describe, expect, it, vi } from "vitest";
import {
  clampBuckets,
  fetchActivity,
  fetchActorActivity,
  fetchDiff,
  fetchHistory,
  fetchStateAt,
  fetchTimeline,
  fetchTrace,
  verifyLog,
} from "../src/data/audit";
import { dispositionFilename, ExportError, exportPath, fetchExport } from "../src/data/export";
import { subscribeAuditStream } from "../src/data/stream";
import { findTraceLink } from "../src/data/trace-link";
import type { AuditEvent, HomeAssistant, StreamMessage } from "../src/data/types";
import { ev } from "./fixtures";

const fakeHass = (answer: (msg: Record<string, unknown>) => unknown = () => ({})) => {
  const callWS = vi.fn(async (msg: Record<string, unknown>) => answer(msg));
  return { hass: { callWS, states: {} } as unknown as HomeAssistant, callWS };
};

describe("websocket wrappers send the contract's messages", () => {
  it("history: ISO times, desc order, cursor; undefined options left out", async () => {
    const { hass, callWS } = fakeHass(() => ({ events: [], next_cursor: null }));
    await fetchHistory(hass, {
      entityIds: ["light.a"],
      start: new Date("2026-12-01T00:00:00Z"),
      order: "desc",
      limit: 200,
      cursor: "c1",
    });
    expect(callWS.mock.calls[0]![0]).toEqual({
      type: "audit_trail/history",
      entity_id: ["light.a"],
      start: "2026-12-01T00:00:00.000Z",
      order: "desc",
      limit: 200,
      cursor: "c1",
    });
  });
  it("timeline clamps buckets to the server's 10..4000", async () => {
    const { hass, callWS } = fakeHass();
    await fetchTimeline(hass, { entityIds: ["a.b"], start: "2026-12-01T00:00:00Z", buckets: 99999 });
    expect(callWS.mock.calls[0]![0]).toEqual({
      type: "audit_trail/timeline",
      entity_id: ["a.b"],
      start: "2026-12-01T00:00:00Z",
      buckets: 4000,
    });
    expect([clampBuckets(3), clampBuckets(333.4)]).toEqual([10, 333]);
  });
  it("state_at, trace, activity (with and without actor), diff, verify", async () => {
    const { hass, callWS } = fakeHass();
    await fetchStateAt(hass, "2026-12-01T00:00:00Z", ["a.b"]);
    await fetchTrace(hass, 42);
    await fetchActivity(hass, "2026-12-01T00:00:00Z");
    await fetchActorActivity(hass, "u1", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
    await fetchDiff(hass, "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
    await verifyLog(hass);
    expect(callWS.mock.calls.map((c) => c[0])).toEqual([
      { type: "audit_trail/state_at", at: "2026-12-01T00:00:00Z", entity_id: ["a.b"] },
      { type: "audit_trail/trace", seq: 42 },
      { type: "audit_trail/activity", start: "2026-12-01T00:00:00Z" },
      {
        type: "audit_trail/activity",
        start: "2026-12-01T00:00:00Z",
        end: "2026-12-02T00:00:00Z",
        actor: "u1",
      },
      { type: "audit_trail/diff", start: "2026-12-01T00:00:00Z", end: "2026-12-02T00:00:00Z" },
      { type: "audit_trail/verify" },
    ]);
  });
  it("passes the server's error through (code and translated message)", async () => {
    const hass = {
      callWS: vi.fn().mockRejectedValue({ code: "unauthorized", message: "Nope" }),
    } as unknown as HomeAssistant;
    await expect(fetchTrace(hass, 1)).rejects.toEqual({ code: "unauthorized", message: "Nope" });
  });
});

/** A connection that records subscriptions and lets the test push messages and reconnect. */
const fakeConnection = () => {
  const subs: {
    msg: Record<string, unknown>;
    cb: (m: StreamMessage) => void;
    unsub: ReturnType<typeof vi.fn>;
  }[] = [];
  const listeners = new Map<string, Set<() => void>>();
  const connection = {
    subscribeMessage: vi.fn(
      async (
        cb: (m: StreamMessage) => void,
        msg: Record<string, unknown>,
        opts: { resubscribe: boolean },
      ) => {
        expect(opts.resubscribe).toBe(false);
        const unsub = vi.fn(async () => undefined);
        subs.push({ msg, cb, unsub });
        return unsub;
      },
    ),
    addEventListener: (name: string, fn: () => void) => {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(fn);
    },
    removeEventListener: (name: string, fn: () => void) => listeners.get(name)?.delete(fn),
  };
  const fire = (name: string) => listeners.get(name)?.forEach((fn) => fn());
  return { connection, subs, fire, listeners };
};

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("the live stream", () => {
  it("subscribes after the last seq, resubscribes on ready from the last delivered, never repeats", async () => {
    const { connection, subs, fire } = fakeConnection();
    const hass = { connection } as unknown as HomeAssistant;
    const got: AuditEvent[] = [];
    const stop = await subscribeAuditStream(hass, {
      entityIds: ["light.kitchen"],
      afterSeq: 10,
      onEvents: (e) => got.push(...e),
    });
    expect(subs[0]!.msg).toEqual({
      type: "audit_trail/subscribe",
      after_seq: 10,
      entity_id: ["light.kitchen"],
    });
    subs[0]!.cb({ events: [ev(9, 0), ev(11, 1), ev(12, 2)] });
    fire("ready"); // the socket came back
    await flush();
    expect(subs[1]!.msg.after_seq).toBe(12);
    subs[1]!.cb({ events: [ev(12, 2), ev(13, 3)] });
    expect(got.map((e) => e.seq)).toEqual([11, 12, 13]);
    stop();
    expect(subs[1]!.unsub).toHaveBeenCalled();
  });
  it("after too_far_behind, subscribes again from the server's last_seq", async () => {
    const { connection, subs } = fakeConnection();
    const hass = { connection } as unknown as HomeAssistant;
    const got: number[] = [];
    const stop = await subscribeAuditStream(hass, {
      afterSeq: 0,
      onEvents: (e) => got.push(...e.map((x) => x.seq)),
    });
    expect(subs[0]!.msg).toEqual({ type: "audit_trail/subscribe", after_seq: 0 });
    subs[0]!.cb({ events: [ev(1, 0)] });
    subs[0]!.cb({ dropped: "too_far_behind", last_seq: 500 });
    await flush();
    expect(subs[0]!.unsub).toHaveBeenCalled();
    expect(subs[1]!.msg.after_seq).toBe(500);
    subs[1]!.cb({ events: [ev(501, 1)] });
    expect(got).toEqual([1, 501]);
    stop();
  });
  it("stops listening to ready once closed", async () => {
    const { connection, subs, fire, listeners } = fakeConnection();
    const stop = await subscribeAuditStream({ connection } as unknown as HomeAssistant, {
      afterSeq: 3,
      onEvents: () => undefined,
    });
    stop();
    fire("ready");
    await flush();
    expect(subs).toHaveLength(1);
    expect(listeners.get("ready")?.size).toBe(0);
  });
});

describe("export over HTTP", () => {
  it("builds the view's URL and reads the file name and SHA-256 headers", async () => {
    expect(
      exportPath({
        start: "2026-12-01T00:00:00Z",
        end: "2026-12-02T00:00:00Z",
        format: "csv",
        entityIds: ["a.b", "c.d"],
      }),
    ).toBe(
      "/api/audit_trail/export?start=2026-12-01T00%3A00%3A00Z&end=2026-12-02T00%3A00%3A00Z&format=csv&entity_id=a.b%2Cc.d",
    );
    const fetchWithAuth = vi.fn(
      async () =>
        new Response("{}\n", {
          headers: {
            "Content-Disposition": 'attachment; filename="audit-trail-x.jsonl"',
            "X-Audit-Trail-SHA256": "ab12",
          },
        }),
    );
    const file = await fetchExport({ fetchWithAuth } as unknown as HomeAssistant, {
      start: "s",
      end: "e",
      format: "jsonl",
    });
    expect([file.filename, file.sha256, await file.blob.text()]).toEqual([
      "audit-trail-x.jsonl",
      "ab12",
      "{}\n",
    ]);
    expect(dispositionFilename(null, "f.csv")).toBe("f.csv");
  });
  it("a refused export is an error with its status", async () => {
    const fetchWithAuth = vi.fn(async () => new Response("", { status: 403 }));
    await expect(
      fetchExport({ fetchWithAuth } as unknown as HomeAssistant, { start: "s", end: "e", format: "csv" }),
    ).rejects.toBeInstanceOf(ExportError);
  });
});

describe("links to Home Assistant's trace of a run", () => {
  const states = { "automation.night": { attributes: { id: "1700" } } };
  it("links when trace/contexts still holds the run's context, with HA's own run id", async () => {
    // As a real Home Assistant 2025.4 answered: context id -> {run_id, domain, item_id}.
    const { hass } = fakeHass(() => ({
      "01M8T3VT6K85GZ8TPSC5FJ07TP": { run_id: "0f5f0b2a20", domain: "automation", item_id: "1700" },
    }));
    Object.assign(hass, { states });
    expect(await findTraceLink(hass, "automation.night", "01M8T3VT6K85GZ8TPSC5FJ07TP")).toEqual({
      kind: "link",
      url: "/config/automation/trace/1700?run_id=0f5f0b2a20",
    });
  });
  it("links when trace/contexts still holds the run", async () => {
    const { hass, callWS } = fakeHass(() => ({
      ctx1: { run_id: "r1", domain: "automation", item_id: "1700" },
    }));
    Object.assign(hass, { states });
    expect(await findTraceLink(hass, "automation.night", "r1")).toEqual({
      kind: "link",
      url: "/config/automation/trace/1700?run_id=r1",
    });
    expect(callWS.mock.calls[0]![0]).toEqual({
      type: "trace/contexts",
      domain: "automation",
      item_id: "1700",
    });
  });
  it("says gone when Home Assistant no longer keeps it, none without a run id", async () => {
    const { hass } = fakeHass(() => ({ ctx1: { run_id: "r0", domain: "automation", item_id: "1700" } }));
    Object.assign(hass, { states });
    expect(await findTraceLink(hass, "automation.night", "r1")).toEqual({ kind: "gone" });
    expect(await findTraceLink(hass, "automation.night")).toEqual({ kind: "none" });
  });
});
