import { describe, expect, it } from "vitest";
import {
  liveClock,
  pause,
  play,
  position,
  reachedNow,
  seek,
  setSpeed,
  SPEEDS,
  step,
  stepTime,
} from "../src/model/replay";

const NOW = 1_000_000_000;

describe("replay clock", () => {
  it("starts live: its position is now, whatever now is", () => {
    const c = liveClock(NOW);
    expect(position(c, NOW + 5000)).toBe(NOW + 5000);
  });

  it("seeking pauses at T; playing advances at speed; pausing freezes", () => {
    let c = seek(liveClock(NOW), NOW - 3_600_000, NOW);
    expect(c.live).toBe(false);
    expect(position(c, NOW + 10_000)).toBe(NOW - 3_600_000);
    c = setSpeed(play(c, NOW), 60, NOW);
    expect(position(c, NOW + 10_000)).toBe(NOW - 3_600_000 + 600_000);
    c = pause(c, NOW + 10_000);
    expect(position(c, NOW + 99_000)).toBe(NOW - 3_000_000);
  });

  it("changing speed mid-play keeps the position continuous", () => {
    let c = play(seek(liveClock(NOW), NOW - 100_000, NOW), NOW);
    c = setSpeed(c, 10, NOW + 1000); // 1 s at 1x
    expect(position(c, NOW + 1000)).toBe(NOW - 99_000);
    expect(position(c, NOW + 2000)).toBe(NOW - 89_000);
  });

  it("never goes past now, and says when playing caught up", () => {
    const c = setSpeed(play(seek(liveClock(NOW), NOW - 60_000, NOW), NOW), 3600, NOW);
    expect(reachedNow(c, NOW + 10)).toBe(false);
    expect(reachedNow(c, NOW + 100)).toBe(true);
    expect(position(c, NOW + 100)).toBe(NOW + 100);
  });

  it("seeking to now or later goes live", () => {
    expect(seek(liveClock(NOW), NOW + 5, NOW).live).toBe(true);
  });

  it("offers the speeds of the brief", () => {
    expect([...SPEEDS]).toEqual([1, 10, 60, 600, 3600]);
  });
});

describe("stepping between changes", () => {
  const times = [10, 20, 30];
  it("finds the next and previous change strictly after/before t", () => {
    expect(stepTime(times, 20, 1)).toBe(30);
    expect(stepTime(times, 20, -1)).toBe(10);
    expect(stepTime(times, 5, -1)).toBeNull();
    expect(stepTime(times, 30, 1)).toBeNull();
  });
  it("steps the clock, paused, and past the last change goes live", () => {
    const c = seek(liveClock(100), 15, 100);
    const next = step(c, times, 1, 100);
    expect([position(next, 100), next.playing, next.live]).toEqual([20, false, false]);
    expect(step(seek(c, 35, 100), times, 1, 100).live).toBe(true);
    expect(position(step(liveClock(100), times, -1, 100), 100)).toBe(30);
  });
});
