import { describe, expect, it } from "vitest";
import type { Segment } from "../src/model/lanes";
import { pixelRuns } from "../src/model/pixels";

const seg = (start: number, end: number, state: string | null, kind: Segment["kind"] = "state"): Segment => ({
  start,
  end,
  kind,
  state,
});
const brief = (runs: ReturnType<typeof pixelRuns>) =>
  runs.map((r) =>
    r.kind === "dense" ? [r.kind, r.state, r.x0, r.x1, r.count] : [r.kind, r.state, r.x0, r.x1],
  );

describe("segments fitted to pixel columns", () => {
  it("wide segments stay one run each, a change rounded to its column", () => {
    const runs = pixelRuns([seg(0, 40.4, "off"), seg(40.4, 100, "on")], 0, 100, 100);
    expect(brief(runs)).toEqual([
      ["state", "off", 0, 40],
      ["state", "on", 40, 100],
    ]);
  });

  it("thousands of sub-pixel changes make at most one run a column, dense, with their count", () => {
    const segs: Segment[] = [];
    for (let i = 0; i < 10_000; i++) segs.push(seg(i, i + 1, i % 2 ? "on" : "off"));
    const runs = pixelRuns(segs, 0, 10_000, 868);
    expect(runs.length).toBeLessThanOrEqual(868);
    expect(runs.every((r) => r.kind === "dense")).toBe(true);
    // Adjacent dense columns ending in the same state join; the counts add up to the changes.
    const total = runs.reduce((n, r) => n + r.count, 0);
    expect(total).toBeGreaterThan(9_000);
    expect(runs[0]!.x0).toBe(0);
    expect(runs[runs.length - 1]!.x1).toBe(868);
  });

  it("a gap shorter than a pixel is still drawn, never hidden by the state around it", () => {
    const runs = pixelRuns(
      [seg(0, 50, "on"), { ...seg(50, 50.2, null, "gap"), reason: "not_running" }, seg(50.2, 100, "on")],
      0,
      100,
      100,
    );
    expect(brief(runs)).toEqual([
      ["state", "on", 0, 50],
      ["gap", null, 50, 51],
      ["state", "on", 51, 100],
    ]);
    expect(runs[1]!.reason).toBe("not_running");
  });

  it("segments outside the window are clipped; an empty window draws nothing", () => {
    expect(brief(pixelRuns([seg(-50, 20, "a"), seg(20, 500, "b")], 0, 100, 10))).toEqual([
      ["state", "a", 0, 2],
      ["state", "b", 2, 10],
    ]);
    expect(pixelRuns([seg(0, 1, "a")], 0, 100, 0)).toEqual([]);
  });

  it("one change inside a column is rounded to it; two or more make the column dense", () => {
    const one = pixelRuns([seg(0, 50.5, "on"), seg(50.5, 100, "off")], 0, 100, 100);
    expect(brief(one)).toEqual([
      ["state", "on", 0, 51],
      ["state", "off", 51, 100],
    ]);
    const two = pixelRuns([seg(0, 50.2, "on"), seg(50.2, 50.6, "off"), seg(50.6, 100, "on")], 0, 100, 100);
    expect(brief(two)).toEqual([
      ["state", "on", 0, 50],
      ["dense", "on", 50, 51, 2],
      ["state", "on", 51, 100],
    ]);
  });
});
