import { describe, expect, it } from "vitest";
import { clusterMarks, downsampleBuckets } from "../src/model/downsample";
import type { BucketSpan, Mark } from "../src/model/lanes";
import { auto, user } from "./fixtures";

const b = (start: number, count: number, state: string, seq: number): BucketSpan => ({
  start,
  end: start + 1,
  count,
  state,
  seq,
  cause: auto(),
});

describe("downsampling buckets into the pixels a lane has", () => {
  it("merges buckets of one slot: counts add, the last row's state, seq and cause win", () => {
    const out = downsampleBuckets([b(0, 2, "a", 1), b(3, 5, "b", 2), b(12, 1, "c", 3)], 0, 20, 2);
    expect(out.map((x) => [x.start, x.end, x.count, x.state, x.seq])).toEqual([
      [0, 4, 7, "b", 2],
      [12, 13, 1, "c", 3],
    ]);
  });
  it("keeps every bucket when there are enough slots, and the total count always", () => {
    const input = Array.from({ length: 50 }, (_, i) => b(i * 2, i + 1, String(i), i));
    expect(downsampleBuckets(input, 0, 100, 100)).toHaveLength(50);
    const few = downsampleBuckets(input, 0, 100, 7);
    expect(few.length).toBeLessThanOrEqual(7);
    expect(few.reduce((s, x) => s + x.count, 0)).toBe(input.reduce((s, x) => s + x.count, 0));
    expect(few[few.length - 1]!.state).toBe("49");
  });
  it("gives nothing for no slots or an empty window", () => {
    expect(downsampleBuckets([b(0, 1, "a", 1)], 0, 10, 0)).toEqual([]);
    expect(downsampleBuckets([b(0, 1, "a", 1)], 10, 10, 5)).toEqual([]);
  });
});

describe("clustering marks", () => {
  const m = (time: number, seq: number, kind: Mark["kind"]): Mark => ({
    time,
    seq,
    kind,
    cause: user(),
    count: 1,
  });
  it("joins marks closer than the gap, counting them, a state change winning over attributes", () => {
    const out = clusterMarks(
      [m(0, 1, "attributes"), m(2, 2, "state"), m(3, 3, "attributes"), m(50, 4, "attributes")],
      5,
    );
    expect(out.map((x) => [x.time, x.seq, x.count, x.kind])).toEqual([
      [0, 3, 3, "state"],
      [50, 4, 1, "attributes"],
    ]);
  });
});
