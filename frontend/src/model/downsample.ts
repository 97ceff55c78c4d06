/** Pure: fit buckets and marks to the pixels a lane has, so one pixel draws at most one thing. */
import type { BucketSpan, Mark } from "./lanes";

/** Merge buckets into at most `slots` equal slots of the window: counts add, the last row wins. */
export const downsampleBuckets = (
  buckets: BucketSpan[],
  start: number,
  end: number,
  slots: number,
): BucketSpan[] => {
  if (slots <= 0 || end <= start) return [];
  const width = (end - start) / slots;
  const out: BucketSpan[] = [];
  let cur: BucketSpan | null = null;
  let curSlot = -1;
  for (const b of buckets) {
    const slot = Math.min(slots - 1, Math.max(0, Math.floor((b.start - start) / width)));
    if (cur && slot === curSlot) {
      cur = { ...b, start: cur.start, end: Math.max(cur.end, b.end), count: cur.count + b.count };
      out[out.length - 1] = cur;
    } else {
      cur = { ...b };
      curSlot = slot;
      out.push(cur);
    }
  }
  return out;
};

/** Join marks closer than `minGap` ms into one that counts them and shows the newest row. */
export const clusterMarks = (marks: Mark[], minGap: number): Mark[] => {
  const out: Mark[] = [];
  for (const m of [...marks].sort((a, b) => a.time - b.time || a.seq - b.seq)) {
    const last = out[out.length - 1];
    if (last && m.time - last.time < minGap) {
      const kind = last.kind === "state" || m.kind === "state" ? "state" : m.kind;
      out[out.length - 1] = { ...m, kind, count: last.count + m.count, time: last.time };
    } else out.push({ ...m });
  }
  return out;
};
