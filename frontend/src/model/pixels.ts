/** Pure: a lane's segments fitted to its pixel columns, so no column is drawn more than once. */
import type { Segment, SegmentKind } from "./lanes";

export interface Run {
  /** Columns [x0, x1) of the lane, in CSS pixels. */
  x0: number;
  x1: number;
  kind: SegmentKind;
  /** The state drawn (a dense run: the state its last change left). */
  state: string | null;
  /** Changes inside a dense run. */
  count: number;
  /** Why a gap was not recorded. */
  reason?: string;
}

/** Spans that say the log did not record: never hidden by a neighbour inside one column. */
const blind = (k: SegmentKind): boolean => k === "gap" || k === "unrecorded";

/** One column's run from the segments overlapping it, [i, j) of `segs` (pixel coordinates). */
const column = (segs: Px[], i: number, j: number, x: number): Run => {
  let best = segs[i]!;
  let bestCover = -1;
  let count = 0;
  for (let k = i; k < j; k++) {
    const s = segs[k]!;
    const { kind, reason } = s.seg;
    if (blind(kind)) return { x0: x, x1: x + 1, kind, state: null, count: 0, reason };
    const cover = Math.min(x + 1, s.b) - Math.max(x, s.a);
    if (cover > bestCover) [best, bestCover] = [s, cover];
    if (kind === "dense") count += s.seg.count ?? 1;
  }
  const boundaries = j - i - 1;
  // One change in a column is a change rounded to its pixel; two or more are too close to draw.
  if (boundaries >= 2 || best.seg.kind === "dense")
    return { x0: x, x1: x + 1, kind: "dense", state: segs[j - 1]!.seg.state, count: count + boundaries };
  return { x0: x, x1: x + 1, kind: best.seg.kind, state: best.seg.state, count: 0 };
};

interface Px {
  a: number;
  b: number;
  seg: Segment;
}

/** Join a column's run to the previous when they draw the same; dense runs add their counts. */
const push = (out: Run[], r: Run): void => {
  const last = out[out.length - 1];
  if (
    last &&
    last.x1 === r.x0 &&
    last.kind === r.kind &&
    last.state === r.state &&
    last.reason === r.reason
  ) {
    last.x1 = r.x1;
    last.count += r.count;
  } else out.push(r);
};

/**
 * Fit segments (ms) to `width` columns of the window [start, end]: a segment wider than its
 * columns stays one run, columns holding two or more changes become one dense run. At most one
 * run starts in any column, whatever the number of segments.
 * */
export const pixelRuns = (segments: Segment[], start: number, end: number, width: number): Run[] => {
  const cols = Math.max(0, Math.round(width));
  if (!cols || end <= start) return [];
  const k = cols / (end - start);
  const px: Px[] = [];
  for (const seg of segments) {
    const a = Math.max(0, (seg.start - start) * k);
    const b = Math.min(cols, (seg.end - start) * k);
    if (b > a) px.push({ a, b, seg });
  }
  const out: Run[] = [];
  let i = 0;
  for (let x = 0; x < cols; x++) {
    while (i < px.length && px[i]!.b <= x) i++;
    if (i >= px.length) break;
    if (px[i]!.a >= x + 1) {
      x = Math.floor(px[i]!.a) - 1; // nothing is drawn up to this segment's column
      continue;
    }
    let j = i + 1;
    while (j < px.length && px[j]!.a < x + 1) j++;
    push(out, column(px, i, j, x));
  }
  return out;
};
