import { describe, expect, it } from "vitest";
import { buildLane } from "../src/model/lanes";
import { changeTimes, lastAtOrBefore, stateAtTime } from "../src/model/state-at";
import { at, auto, ev, H, initial, T0, user } from "./fixtures";

const exact = buildLane(
  "light.kitchen",
  {
    initial: initial("off", -5, 1, user("u0", "Bo")),
    exact: true,
    events: [
      ev(2, 2, { new_state: "on", cause: user("u1", "Ann") }),
      ev(3, 3, { event_type: "attributes_changed", old_state: "on", new_state: "on", cause: auto() }),
      ev(4, 6, { old_state: "on", new_state: "off", cause: auto() }),
    ],
  },
  [{ start: at(7), end: at(8), reason: "not_running", seq: 5 }],
  T0,
  T0 + 10 * H,
);

describe("state at T from an exact lane", () => {
  it("before the first change: the initial state, since its last_changed, and who set it", () => {
    const s = stateAtTime(exact, T0 + H);
    expect(s).toMatchObject({ kind: "state", state: "off", since: T0 - 5 * H, approx: false, seq: 1 });
    expect(s.kind === "state" && s.cause.user_name).toBe("Bo");
  });

  it("an attribute-only change neither resets how long nor who set the state", () => {
    const s = stateAtTime(exact, T0 + 4 * H);
    expect(s).toMatchObject({ kind: "state", state: "on", since: T0 + 2 * H, seq: 2 });
    expect(s.kind === "state" && s.cause.kind).toBe("user");
  });

  it("exactly at a change: the new state", () => {
    expect(stateAtTime(exact, T0 + 6 * H)).toMatchObject({ state: "off", seq: 4 });
  });

  it("inside a gap: not recorded, with the reason", () => {
    expect(stateAtTime(exact, T0 + 7.5 * H)).toEqual({
      kind: "gap",
      reason: "not_running",
      start: T0 + 7 * H,
      end: T0 + 8 * H,
    });
  });

  it("after a gap: the state verified at restart continues", () => {
    expect(stateAtTime(exact, T0 + 9 * H)).toMatchObject({ kind: "state", state: "off", seq: 4 });
  });

  it("outside the loaded window: ask the server", () => {
    expect(stateAtTime(exact, T0 - H)).toEqual({ kind: "ask" });
    expect(stateAtTime(exact, T0 + 11 * H)).toEqual({ kind: "ask" });
  });
});

describe("state at T from a bucket lane", () => {
  const lane = buildLane(
    "sensor.p",
    {
      initial: initial("1", -2),
      exact: false,
      buckets: [{ start: at(2), end: at(3), count: 9, state: "7", last_seq: 50, cause: auto() }],
    },
    [],
    T0,
    T0 + 5 * H,
  );
  it("before the first bucket: the initial state exactly", () => {
    expect(stateAtTime(lane, T0 + H)).toMatchObject({ state: "1", approx: false, since: T0 - 2 * H });
  });
  it("inside a busy bucket: ask the server", () => {
    expect(stateAtTime(lane, T0 + 2.5 * H)).toEqual({ kind: "ask" });
  });
  it("after a bucket: its last state, set at most at its end", () => {
    expect(stateAtTime(lane, T0 + 4 * H)).toMatchObject({
      state: "7",
      approx: true,
      since: T0 + 3 * H,
      seq: 50,
    });
  });
});

describe("helpers", () => {
  it("binary search finds the last item at or before t", () => {
    const items = [1, 3, 3, 7].map((time) => ({ time }));
    expect([0, 1, 3, 5, 7, 9].map((t) => lastAtOrBefore(items, t))).toEqual([-1, 0, 2, 2, 3, 3]);
  });
  it("change times of all lanes, sorted and unique", () => {
    expect(changeTimes([exact, exact]).map((t) => (t - T0) / H)).toEqual([2, 3, 6]);
  });
});
