/** Pure: a timeline answer's lanes -> state segments, gap spans and change marks, in ms. */
import type { AuditEvent, Bucket, Cause, Gap, Lane, StateAt } from "../data/types";

/** "none": the log was recording and the entity did not exist; "unrecorded": the log knew nothing yet. */
export type SegmentKind = "state" | "dense" | "gap" | "none" | "unrecorded";

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
  /** The checkpoint the log began recording this entity with inside the window (initial null). */
  begins: AuditEvent | null;
  /** Before this instant the log knew nothing of the entity ("not recorded yet"). */
  recordedFrom: number;
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

/** The checkpoint a lane begins with, when the log began recording it inside the window. */
const beginsOf = (lane: Lane): AuditEvent | null => (lane.initial ? null : (lane.begins ?? null));

/**
 * When the log began knowing the entity: its oldest kept row (log_start; null: it keeps none),
 * or the checkpoint it began recording the entity with. An answer without log_start says nothing.
 */
export const recordedFrom = (lane: Lane, logStart: number | null | undefined, start: number, end: number) => {
  const begins = beginsOf(lane);
  let from = logStart === undefined ? start : logStart === null ? end : logStart;
  if (begins) from = Math.max(from, ms(begins.time));
  return Math.min(end, Math.max(start, from));
};

/** State points of an exact lane: the initial state, the checkpoint it begins with, each change. */
export const exactPoints = (lane: Lane, start: number): StatePoint[] => {
  const points = [initialPoint(lane.initial, start)];
  const begins = beginsOf(lane);
  const rows = begins ? [begins, ...(lane.events ?? [])] : (lane.events ?? []);
  for (const e of rows) {
    const state = e === begins ? e.new_state : rowState(e);
    if (state === undefined) continue;
    if (points[points.length - 1]!.state === state) continue;
    points.push({ time: ms(e.time), state, seq: e.seq, cause: e.cause });
  }
  return points;
};

/** Replace whatever is drawn before `until` by one "not recorded yet" span from `start`. */
export const cutUnrecorded = (pieces: Segment[], start: number, until: number): Segment[] => {
  if (until <= start) return pieces;
  const out: Segment[] = [{ start, end: until, kind: "unrecorded", state: null }];
  for (const p of pieces) {
    if (p.end <= until) continue;
    out.push(p.start < until ? { ...p, start: until } : p);
  }
  return out;
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
  opening: string | null,
  buckets: BucketSpan[],
  start: number,
  end: number,
): Segment[] => {
  const out: Segment[] = [];
  let state = opening;
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

/** A bucket lane's segments: the opening state (initial, or the checkpoint it begins with). */
const bucketSegments = (
  m: Pick<LaneModel, "initial" | "begins" | "buckets" | "gaps">,
  start: number,
  end: number,
) => {
  const opening = m.begins ? m.begins.new_state : (m.initial?.state ?? null);
  const from = m.begins ? Math.max(start, ms(m.begins.time)) : start;
  return bucketPieces(opening, m.buckets, from, end);
};

/** Build the drawable model of one lane of a timeline answer (logStart: the answer's log_start). */
export const buildLane = (
  entityId: string,
  lane: Lane,
  gaps: Gap[],
  start: number,
  end: number,
  logStart?: number | null,
): LaneModel => {
  const spans = gapSpans(gaps, start, end);
  const from = recordedFrom(lane, logStart, start, end);
  const begins = beginsOf(lane);
  const base = { entityId, start, end, initial: lane.initial, begins, recordedFrom: from, gaps: spans };
  if (lane.exact) {
    const points = exactPoints(lane, start);
    const marks: Mark[] = (lane.events ?? [])
      .filter((e) => e.event_type !== "checkpoint")
      .map((e) => ({ time: ms(e.time), seq: e.seq, kind: markKind(e), cause: e.cause, count: 1, event: e }));
    const pieces = cutUnrecorded(piecesFromPoints(points, end), start, from);
    return { ...base, exact: true, points, marks, buckets: [], segments: applyGaps(pieces, spans) };
  }
  const buckets = (lane.buckets ?? []).map(bucketSpan).sort((a, b) => a.start - b.start);
  const marks: Mark[] = buckets.map((b) => ({
    time: b.end,
    seq: b.seq,
    kind: "bucket",
    cause: b.cause,
    count: b.count,
  }));
  const points = exactPoints({ initial: lane.initial, begins, exact: true, events: [] }, start);
  const pieces = cutUnrecorded(bucketSegments({ ...base, buckets }, start, end), start, from);
  return { ...base, exact: false, points, marks, buckets, segments: applyGaps(pieces, spans) };
};

const isoSpan = (g: Span): Gap => ({
  start: new Date(g.start).toISOString(),
  end: new Date(g.end).toISOString(),
  reason: g.reason,
  seq: 0,
});

/** A gap row of the live stream as a gap, as `audit_trail/timeline` answers it (written when it ends). */
export const gapOfRow = (e: AuditEvent): Gap => {
  const p = e.payload ?? {};
  const micros = (v: unknown): string => (typeof v === "number" ? new Date(v / 1000).toISOString() : e.time);
  const reason = typeof p.reason === "string" ? p.reason : (e.cause.reason ?? "unknown");
  return { start: micros(p.from_us), end: micros(p.to_us), reason, seq: e.seq };
};

/** Add live rows to a lane (rows already in it are skipped), growing its end to `end`. */
export const extendLane = (model: LaneModel, events: AuditEvent[], end: number): LaneModel => {
  const known = new Set(model.marks.map((m) => m.seq));
  const fresh = events.filter(
    (e) => e.entity_id === model.entityId && !known.has(e.seq) && e.event_type !== "checkpoint",
  );
  // A gap row names no entity: it is every lane's, and no state is drawn on across it.
  const gapRows = events.filter((e) => e.event_type === "gap" && e.entity_id === null);
  // Nothing new: keep the drawn parts as they are (the timeline redraws a lane when they change).
  if (!fresh.length && !gapRows.length) return model.end === end ? model : { ...model, end };
  const gaps = [...model.gaps.map(isoSpan), ...gapRows.map(gapOfRow)];
  if (!model.exact) return extendBuckets({ ...model, gaps: gapSpans(gaps, model.start, end) }, fresh, end);
  const lane: Lane = {
    initial: model.initial,
    begins: model.begins,
    exact: true,
    events: [...model.marks.flatMap((m) => (m.event ? [m.event] : [])), ...fresh],
  };
  const rebuilt = buildLane(model.entityId, lane, gaps, model.start, end);
  return {
    ...rebuilt,
    recordedFrom: model.recordedFrom,
    segments: cutUnrecorded(rebuilt.segments, model.start, model.recordedFrom),
  };
};

/** Live rows on a bucketed lane: each a one-row bucket and a mark. */
const extendBuckets = (model: LaneModel, fresh: AuditEvent[], end: number): LaneModel => {
  const buckets = [...model.buckets];
  for (const e of fresh) {
    const t = ms(e.time);
    const state = rowState(e);
    const last =
      buckets[buckets.length - 1]?.state ?? model.begins?.new_state ?? model.initial?.state ?? null;
    buckets.push({
      start: t,
      end: t,
      count: 1,
      state: state === undefined ? last : state,
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
  const pieces = cutUnrecorded(
    bucketSegments({ ...model, buckets }, model.start, end),
    model.start,
    model.recordedFrom,
  );
  return { ...model, end, buckets, marks, segments: applyGaps(pieces, model.gaps) };
};
