import { describe, expect, it } from "vitest";
import { applyGaps, buildLane, extendLane, gapSpans, type Segment } from "../src/model/lanes";
import { stateAtTime } from "../src/model/state-at";
import { at, auto, ev, H, initial, T0 } from "./fixtures";

const brief = (s: Segment[]) => s.map((x) => [x.kind, x.state, (x.start - T0) / H, (x.end - T0) / H]);

describe("exact lanes", () => {
  it("turn rows into state segments from the initial state, one per change", () => {
    const lane = buildLane(
      "light.kitchen",
      {
        initial: initial("off", -5),
        exact: true,
        events: [
          ev(2, 2, { old_state: "off", new_state: "on" }),
          ev(3, 3, { event_type: "attributes_changed", old_state: "on", new_state: "on" }),
          ev(4, 6, { old_state: "on", new_state: "off", cause: auto() }),
        ],
      },
      [],
      T0,
      T0 + 10 * H,
    );
    expect(brief(lane.segments)).toEqual([
      ["state", "off", 0, 2],
      ["state", "on", 2, 6],
      ["state", "off", 6, 10],
    ]);
    expect(lane.marks.map((m) => [m.seq, m.kind])).toEqual([
      [2, "state"],
      [3, "attributes"],
      [4, "state"],
    ]);
    expect(lane.points.map((p) => p.seq)).toEqual([1, 2, 4]);
  });

  it("a note or a correction is marked but never changes the drawn state", () => {
    const lane = buildLane(
      "light.kitchen",
      {
        initial: initial("on", -1),
        exact: true,
        events: [
          ev(2, 1, {
            event_type: "annotation",
            old_state: null,
            new_state: null,
            payload: { message: "test" },
          }),
          ev(3, 2, { event_type: "correction", old_state: null, new_state: null, causation_seq: 2 }),
        ],
      },
      [],
      T0,
      T0 + 3 * H,
    );
    expect(brief(lane.segments)).toEqual([["state", "on", 0, 3]]);
    expect(lane.marks.map((m) => m.kind)).toEqual(["note", "note"]);
  });

  it("show an entity that did not exist as empty, then its added state, then removal", () => {
    const lane = buildLane(
      "sensor.t",
      {
        initial: null,
        exact: true,
        events: [
          ev(5, 1, { event_type: "entity_added", entity_id: "sensor.t", old_state: null, new_state: "20" }),
          ev(6, 4, { event_type: "entity_removed", entity_id: "sensor.t", old_state: "20", new_state: null }),
        ],
      },
      [],
      T0,
      T0 + 5 * H,
    );
    expect(brief(lane.segments)).toEqual([
      ["none", null, 0, 1],
      ["state", "20", 1, 4],
      ["none", null, 4, 5],
    ]);
    expect(lane.marks.map((m) => m.kind)).toEqual(["added", "removed"]);
  });

  it("never draw the last state over a gap: it is cut and the gap drawn with its reason", () => {
    const lane = buildLane(
      "light.kitchen",
      { initial: initial("on", -1), exact: true, events: [ev(9, 7, { old_state: "on", new_state: "off" })] },
      [{ start: at(3), end: at(5), reason: "unclean_shutdown", seq: 8 }],
      T0,
      T0 + 10 * H,
    );
    expect(brief(lane.segments)).toEqual([
      ["state", "on", 0, 3],
      ["gap", null, 3, 5],
      ["state", "on", 5, 7],
      ["state", "off", 7, 10],
    ]);
    expect(lane.segments[1]!.reason).toBe("unclean_shutdown");
  });
});

describe("bucket lanes", () => {
  it("draw busy buckets as dense spans and the state each ends in until the next", () => {
    const lane = buildLane(
      "sensor.power",
      {
        initial: initial("10", -1),
        exact: false,
        buckets: [
          { start: at(1), end: at(2), count: 40, state: "55", last_seq: 100, cause: auto() },
          { start: at(5), end: at(6), count: 3, state: "12", last_seq: 140, cause: auto() },
        ],
      },
      [],
      T0,
      T0 + 8 * H,
    );
    expect(brief(lane.segments)).toEqual([
      ["state", "10", 0, 1],
      ["dense", "55", 1, 2],
      ["state", "55", 2, 5],
      ["dense", "12", 5, 6],
      ["state", "12", 6, 8],
    ]);
    expect(lane.segments[1]!.count).toBe(40);
    expect(lane.marks.map((m) => [m.seq, m.count])).toEqual([
      [100, 40],
      [140, 3],
    ]);
  });
});

describe("gaps", () => {
  it("are clipped to the window and overlapping ones merged", () => {
    const spans = gapSpans(
      [
        { start: at(-3), end: at(1), reason: "not_running", seq: 1 },
        { start: at(4), end: at(6), reason: "queue_full", seq: 2 },
        { start: at(5), end: at(7), reason: "queue_full", seq: 3 },
      ],
      T0,
      T0 + 10 * H,
    );
    expect(spans.map((g) => [(g.start - T0) / H, (g.end - T0) / H, g.reason])).toEqual([
      [0, 1, "not_running"],
      [4, 7, "queue_full"],
    ]);
  });

  it("split a segment that spans several gaps", () => {
    const segs = applyGaps(
      [{ start: T0, end: T0 + 10 * H, kind: "state", state: "on" }],
      [
        { start: T0 + H, end: T0 + 2 * H, reason: "a" },
        { start: T0 + 4 * H, end: T0 + 5 * H, reason: "b" },
      ],
    );
    expect(brief(segs)).toEqual([
      ["state", "on", 0, 1],
      ["gap", null, 1, 2],
      ["state", "on", 2, 4],
      ["gap", null, 4, 5],
      ["state", "on", 5, 10],
    ]);
  });
});

describe("live rows", () => {
  it("extend an exact lane once per seq and grow it to now", () => {
    const base = buildLane(
      "light.kitchen",
      { initial: initial("off", -1), exact: true, events: [ev(2, 1)] },
      [],
      T0,
      T0 + 2 * H,
    );
    const live = [
      ev(2, 1),
      ev(3, 3, { old_state: "on", new_state: "off" }),
      ev(4, 3.5, { entity_id: "light.other" }),
    ];
    const grown = extendLane(base, live, T0 + 4 * H);
    expect(grown.marks.map((m) => m.seq)).toEqual([2, 3]);
    expect(brief(grown.segments)).toEqual([
      ["state", "off", 0, 1],
      ["state", "on", 1, 3],
      ["state", "off", 3, 4],
    ]);
  });
});

describe("live gap rows", () => {
  // A gap row names no entity: it is every lane's (Home Assistant stopped, a full queue).
  const gapRow = (seq: number, fromH: number, toH: number, reason = "queue_full") =>
    ev(seq, toH, {
      event_type: "gap",
      entity_id: null,
      old_state: null,
      new_state: null,
      cause: { kind: "system", confidence: "high", reason },
      payload: { reason, lost: 3, from_us: (T0 + fromH * H) * 1000, to_us: (T0 + toH * H) * 1000 },
    });

  it("cut an exact lane: the last state is not drawn on across a gap it is told of live", () => {
    const base = buildLane(
      "light.kitchen",
      { initial: initial("off", -1), exact: true, events: [ev(2, 1)] },
      [],
      T0,
      T0 + 2 * H,
    );
    const grown = extendLane(
      base,
      [gapRow(3, 2.5, 3), ev(4, 3.5, { old_state: "on", new_state: "off" })],
      T0 + 4 * H,
    );
    expect(brief(grown.segments)).toEqual([
      ["state", "off", 0, 1],
      ["state", "on", 1, 2.5],
      ["gap", null, 2.5, 3],
      ["state", "on", 3, 3.5],
      ["state", "off", 3.5, 4],
    ]);
    expect(grown.gaps).toEqual([{ start: T0 + 2.5 * H, end: T0 + 3 * H, reason: "queue_full" }]);
    expect(stateAtTime(grown, T0 + 2.75 * H).kind).toBe("gap");
  });

  it("cut a bucketed lane, and a gap row alone is enough", () => {
    const lane = buildLane(
      "sensor.t",
      {
        initial: initial("10", -1),
        exact: false,
        buckets: [{ start: at(1), end: at(2), count: 40, state: "30", last_seq: 41, cause: auto() }],
      },
      [],
      T0,
      T0 + 4 * H,
    );
    const grown = extendLane(lane, [gapRow(50, 3, 4, "not_running")], T0 + 5 * H);
    expect(brief(grown.segments)).toEqual([
      ["state", "10", 0, 1],
      ["dense", "30", 1, 2],
      ["state", "30", 2, 3],
      ["gap", null, 3, 4],
      ["state", "30", 4, 5],
    ]);
    expect(grown.gaps.map((g) => g.reason)).toEqual(["not_running"]);
  });
});

describe("where the log began recording an entity", () => {
  const checkpoint = (seq: number, h: number, state: string) =>
    ev(seq, h, {
      event_type: "checkpoint",
      old_state: null,
      new_state: state,
      cause: { kind: "system", confidence: "high", reason: "initial" },
    });

  it("before the log's first row nothing is known: not recorded yet, never 'did not exist'", () => {
    const lane = buildLane(
      "light.kitchen",
      { initial: null, begins: checkpoint(1, 3, "off"), exact: true, events: [ev(2, 6)] },
      [],
      T0,
      T0 + 10 * H,
      T0 + 3 * H,
    );
    expect(brief(lane.segments)).toEqual([
      ["unrecorded", null, 0, 3],
      ["state", "off", 3, 6],
      ["state", "on", 6, 10],
    ]);
    expect(stateAtTime(lane, T0 + H)).toEqual({ kind: "unrecorded" });
    expect(stateAtTime(lane, T0 + 4 * H)).toMatchObject({
      kind: "state",
      state: "off",
      since: T0 + 3 * H,
      cause: { kind: "system", reason: "initial" },
    });
  });

  it("an entity the log began recording after its own start (added to a running log) too", () => {
    const lane = buildLane(
      "light.kitchen",
      { initial: null, begins: checkpoint(5, 4, "on"), exact: true, events: [] },
      [],
      T0,
      T0 + 10 * H,
      T0 - 100 * H,
    );
    expect(brief(lane.segments)).toEqual([
      ["unrecorded", null, 0, 4],
      ["state", "on", 4, 10],
    ]);
  });

  it("'did not exist' only while the log was recording and the entity was absent", () => {
    const added = ev(3, 5, { event_type: "entity_added", old_state: null, new_state: "on" });
    const lane = buildLane(
      "light.kitchen",
      { initial: null, begins: null, exact: true, events: [added] },
      [],
      T0,
      T0 + 10 * H,
      T0 + 2 * H,
    );
    expect(brief(lane.segments)).toEqual([
      ["unrecorded", null, 0, 2],
      ["none", null, 2, 5],
      ["state", "on", 5, 10],
    ]);
    expect(stateAtTime(lane, T0 + 3 * H)).toMatchObject({ kind: "state", state: null });
  });

  it("a bucketed lane begins with the checkpoint's state as well, and keeps it when extended", () => {
    const lane = buildLane(
      "sensor.power",
      {
        initial: null,
        begins: checkpoint(1, 2, "10"),
        exact: false,
        buckets: [{ start: at(5), end: at(6), count: 40, state: "30", last_seq: 41, cause: auto() }],
      },
      [],
      T0,
      T0 + 10 * H,
      T0 + 2 * H,
    );
    const want = [
      ["unrecorded", null, 0, 2],
      ["state", "10", 2, 5],
      ["dense", "30", 5, 6],
      ["state", "30", 6, 10],
    ];
    expect(brief(lane.segments)).toEqual(want);
    const grown = extendLane(lane, [], T0 + 10 * H);
    expect(brief(grown.segments)).toEqual(want);
  });
});
