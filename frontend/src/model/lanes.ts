/** Pure: a timeline answer's lanes -> state segments, gap spans and change marks, in ms. */
import type { AuditEvent, Bucket, Cause, Gap, Lane, StateAt } from "../data/types";

export type SegmentKind = "state" | "dense" | "gap" | "none";

export interface Segment {
  start: number;
  end: number;
  kind: SegmentKind;
  /** State shown (the state a dense bucket ends in); null when the entity did not exist. */
  state: string | null;
  /** Rows in a dense span (a bucket with several changes). */
  count?: number;
  /** Why Audit Trail did not record a gap span. */
  reason?: string;
}

/** "note": an annotation or a correction, a person's note about a row (it never changes a state). */
export type MarkKind = "state" | "attributes" | "added" | "removed" | "note" | "other" | "bucket";

export interface Mark {
  time: number;
  seq: number;
  kind: MarkKind;
  cause: Cause;
  /** Rows this mark stands for (a bucket, or a cluster of close marks). */
  count: number;
  event?: AuditEvent;
}

/** A change of the drawn state at a time (null: entity absent). */
export interface StatePoint {
  time: number;
  state: string | null;
  seq: number;
  cause: Cause;
}

export interface LaneModel {
  entityId: string;
  exact: boolean;
  start: number;
  end: number;
  initial: StateAt | null;
  /** Where the state changed, oldest first; the first is the window's start. */
  points: StatePoint[];
  segments: Segment[];
  marks: Mark[];
  gaps: Span[];
  buckets: BucketSpan[];
}

export interface Span {
  start: number;
  end: number;
  reason: string;
}

export interface BucketSpan {
  start: number;
  end: number;
  count: number;
  state: string | null;
  seq: number;
  cause: Cause;
}

export const ms = (iso: string): number => Date.parse(iso);

const SYSTEM_CAUSE: Cause = { kind: "system", confidence: "high" };

/** The state a row leaves its entity in; undefined when the row does not change the state. */
export const rowState = (e: AuditEvent): string | null | undefined => {
  switch (e.event_type) {
    case "state_changed":
    case "entity_added":
      return e.new_state;
    case "entity_removed":
      return null;
    default:
      return undefined;
  }
};

const markKind = (e: AuditEvent): MarkKind => {
  switch (e.event_type) {
    case "state_changed":
      return e.old_state === e.new_state ? "attributes" : "state";
    case "attributes_changed":
      return "attributes";
    case "entity_added":
      return "added";
    case "entity_removed":
      return "removed";
    case "annotation":
    case "correction":
      return "note";
    default:
      return "other";
  }
};

/** Gaps as ms spans clipped to the window, sorted and merged where they overlap. */
export const gapSpans = (gaps: Gap[], start: number, end: number): Span[] => {
  const spans = gaps
    .map((g) => ({ start: Math.max(start, ms(g.start)), end: Math.min(end, ms(g.end)), reason: g.reason }))
    .filter((g) => g.end > g.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const g of spans) {
    const last = out[out.length - 1];
    if (last && g.start <= last.end) last.end = Math.max(last.end, g.end);
    else out.push({ ...g });
  }
  return out;
};

const initialPoint = (initial: StateAt | null, start: number): StatePoint => ({
  time: start,
  state: initial?.state ?? null,
  seq: initial?.seq ?? 0,
  cause: initial?.cause ?? SYSTEM_CAUSE,
});

/** State points of an exact lane: the initial state, then each row that changes it. */
export const exactPoints = (lane: Lane, start: number): StatePoint[] => {
  const points = [initialPoint(lane.initial, start)];
  for (const e of lane.events ?? []) {
    const state = rowState(e);
    if (state === undefined) continue;
    if (points[points.length - 1]!.state === state) continue;
    points.push({ time: ms(e.time), state, seq: e.seq, cause: e.cause });
  }
  return points;
};

/** Pieces from points: each point's state lasts until the next point (or the window's end). */
const piecesFromPoints = (points: StatePoint[], end: number): Segment[] =>
  points.map((p, i) => ({
    start: p.time,
    end: points[i + 1]?.time ?? end,
    kind: p.state === null ? "none" : "state",
    state: p.state,
  }));

/** Pieces of a bucket lane: the state between buckets, and a dense span for busy buckets. */
export const bucketPieces = (
  initial: StateAt | null,
  buckets: BucketSpan[],
  start: number,
  end: number,
): Segment[] => {
  const out: Segment[] = [];
  let state = initial?.state ?? null;
  let t = start;
  for (const b of buckets) {
    if (b.start > t) out.push({ start: t, end: b.start, kind: state === null ? "none" : "state", state });
    out.push({ start: Math.max(t, b.start), end: b.end, kind: "dense", state: b.state, count: b.count });
    state = b.state;
    t = b.end;
  }
  if (t < end) out.push({ start: t, end, kind: state === null ? "none" : "state", state });
  return out;
};

/** Cut pieces around gap spans and insert the gaps, so no state is drawn over a gap. */
export const applyGaps = (pieces: Segment[], gaps: Span[]): Segment[] => {
  const out: Segment[] = [];
  for (const p of pieces) {
    let cursor = p.start;
    for (const g of gaps) {
      if (g.end <= cursor || g.start >= p.end) continue;
      if (g.start > cursor) out.push({ ...p, start: cursor, end: g.start });
      cursor = Math.min(p.end, g.end);
    }
    if (cursor < p.end) out.push({ ...p, start: cursor });
  }
  for (const g of gaps) out.push({ start: g.start, end: g.end, kind: "gap", state: null, reason: g.reason });
  out.sort((a, b) => a.start - b.start || (a.kind === "gap" ? -1 : 1));
  return mergeSegments(out.filter((s) => s.end > s.start));
};

/** Join neighbouring segments that draw the same (plain states only; dense spans keep counts). */
export const mergeSegments = (segments: Segment[]): Segment[] => {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (
      last &&
      last.end === s.start &&
      last.kind === s.kind &&
      last.state === s.state &&
      s.kind !== "dense" &&
      s.kind !== "gap"
    ) {
      last.end = s.end;
    } else out.push({ ...s });
  }
  return out;
};

const bucketSpan = (b: Bucket): BucketSpan => ({
  start: ms(b.start),
  end: ms(b.end),
  count: b.count,
  state: b.state,
  seq: b.last_seq,
  cause: b.cause,
});

/** Build the drawable model of one lane of a timeline answer. */
export const buildLane = (
  entityId: string,
  lane: Lane,
  gaps: Gap[],
  start: number,
  end: number,
): LaneModel => {
  const spans = gapSpans(gaps, start, end);
  if (lane.exact) {
    const points = exactPoints(lane, start);
    const marks: Mark[] = (lane.events ?? [])
      .filter((e) => e.event_type !== "checkpoint")
      .map((e) => ({ time: ms(e.time), seq: e.seq, kind: markKind(e), cause: e.cause, count: 1, event: e }));
    return {
      entityId,
      exact: true,
      start,
      end,
      initial: lane.initial,
      points,
      marks,
      gaps: spans,
      buckets: [],
      segments: applyGaps(piecesFromPoints(points, end), spans),
    };
  }
  const buckets = (lane.buckets ?? []).map(bucketSpan).sort((a, b) => a.start - b.start);
  const marks: Mark[] = buckets.map((b) => ({
    time: b.end,
    seq: b.seq,
    kind: "bucket",
    cause: b.cause,
    count: b.count,
  }));
  return {
    entityId,
    exact: false,
    start,
    end,
    initial: lane.initial,
    points: [initialPoint(lane.initial, start)],
    marks,
    gaps: spans,
    buckets,
    segments: applyGaps(bucketPieces(lane.initial, buckets, start, end), spans),
  };
};

/** Add live rows to an exact lane (rows already in it are skipped), growing its end to `end`. */
export const extendLane = (model: LaneModel, events: AuditEvent[], end: number): LaneModel => {
  const known = new Set(model.marks.map((m) => m.seq));
  const fresh = events.filter((e) => e.entity_id === model.entityId && !known.has(e.seq));
  if (!model.exact) {
    const buckets = [...model.buckets];
    for (const e of fresh) {
      const t = ms(e.time);
      const state = rowState(e);
      buckets.push({
        start: t,
        end: t,
        count: 1,
        state:
          state === undefined ? (buckets[buckets.length - 1]?.state ?? model.initial?.state ?? null) : state,
        seq: e.seq,
        cause: e.cause,
      });
    }
    const marks = [
      ...model.marks,
      ...fresh.map((e) => ({
        time: ms(e.time),
        seq: e.seq,
        kind: markKind(e),
        cause: e.cause,
        count: 1,
        event: e,
      })),
    ];
    return {
      ...model,
      end,
      buckets,
      marks,
      segments: applyGaps(bucketPieces(model.initial, buckets, model.start, end), model.gaps),
    };
  }
  const lane: Lane = {
    initial: model.initial,
    exact: true,
    events: [...model.marks.flatMap((m) => (m.event ? [m.event] : [])), ...fresh],
  };
  const gaps = model.gaps.map((g) => ({
    start: new Date(g.start).toISOString(),
    end: new Date(g.end).toISOString(),
    reason: g.reason,
    seq: 0,
  }));
  return buildLane(model.entityId, lane, gaps, model.start, end);
};
