/** Pure: an entity's state at an instant from a loaded lane, and how long it had been in it. */
import type { Cause } from "../data/types";
import { ms, type LaneModel, type StatePoint } from "./lanes";

export type StateAtT =
  /** Known from the loaded rows. `since` is when the state began (approx: at most then). */
  | { kind: "state"; state: string | null; since: number; approx: boolean; seq: number; cause: Cause }
  /** Audit Trail was not recording at T. */
  | { kind: "gap"; reason: string; start: number; end: number }
  /** The loaded lane cannot say (T outside it, or inside a busy bucket): ask the server. */
  | { kind: "ask" };

/** Index of the last item whose time is <= t (-1 if none), by binary search. */
export const lastAtOrBefore = <T extends { time: number }>(items: T[], t: number): number => {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.time <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
};

const fromPoint = (lane: LaneModel, p: StatePoint, first: boolean): StateAtT => {
  // The window's first point is the state it opened in: it began at the state's last_changed.
  const since = first && lane.initial ? ms(lane.initial.last_changed) : p.time;
  return { kind: "state", state: p.state, since, approx: false, seq: p.seq, cause: p.cause };
};

/** The state of a lane's entity at t. */
export const stateAtTime = (lane: LaneModel, t: number): StateAtT => {
  if (t < lane.start || t > lane.end) return { kind: "ask" };
  const gap = lane.gaps.find((g) => t >= g.start && t < g.end);
  if (gap) return { kind: "gap", reason: gap.reason, start: gap.start, end: gap.end };
  if (lane.exact) {
    const i = lastAtOrBefore(lane.points, t);
    return fromPoint(lane, lane.points[Math.max(0, i)]!, i <= 0);
  }
  const bi = lastAtOrBefore(
    lane.buckets.map((b) => ({ time: b.start })),
    t,
  );
  if (bi < 0) return fromPoint(lane, lane.points[0]!, true);
  const b = lane.buckets[bi]!;
  if (t < b.end) return { kind: "ask" };
  // The bucket's last row set the state somewhere inside the bucket: at most b.end ago.
  return { kind: "state", state: b.state, since: b.end, approx: true, seq: b.seq, cause: b.cause };
};

/** Sorted times of every change in the loaded lanes, for stepping the replay cursor. */
export const changeTimes = (lanes: LaneModel[]): number[] => {
  const times = new Set<number>();
  for (const lane of lanes) for (const m of lane.marks) times.add(m.time);
  return [...times].sort((a, b) => a - b);
};
