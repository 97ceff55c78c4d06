import { describe, expect, it } from "vitest";
import {
  axisTicks,
  formatDateTime,
  formatDuration,
  formatTime,
  fromInputValue,
  resolveTimeZone,
  timeFormat,
  toInputValue,
  useHour12,
  zoneOffset,
} from "../src/model/time";

const T = Date.parse("2026-07-01T18:05:09Z");

describe("time zone and 12/24 h from the user's profile", () => {
  it("local uses the browser's zone, server the server's", () => {
    expect(
      resolveTimeZone({ language: "en", time_zone: "server" }, "America/New_York", "Europe/Berlin"),
    ).toBe("America/New_York");
    expect(resolveTimeZone({ language: "en", time_zone: "local" }, "America/New_York", "Europe/Berlin")).toBe(
      "Europe/Berlin",
    );
  });
  it("12 and 24 are forced; language follows the language's habit", () => {
    expect(useHour12({ language: "de", time_format: "12" })).toBe(true);
    expect(useHour12({ language: "en", time_format: "24" })).toBe(false);
    expect(useHour12({ language: "en-US", time_format: "language" })).toBe(true);
    expect(useHour12({ language: "de", time_format: "language" })).toBe(false);
  });
  it("formats a time in the chosen zone and clock", () => {
    const ny12 = timeFormat(
      { language: "en-US", time_format: "12", time_zone: "server" },
      "America/New_York",
    );
    const ber24 = timeFormat({ language: "en-GB", time_format: "24", time_zone: "server" }, "Europe/Berlin");
    expect(formatTime(T, ny12)).toMatch(/^2:05:09\s?PM$/);
    expect(formatTime(T, ber24)).toBe("20:05:09");
    expect(formatTime(T, ber24, false)).toBe("20:05");
    expect(formatDateTime(T, ber24)).toContain("2026");
  });
});

describe("durations", () => {
  it("show the two largest units", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(2 * 3600_000 + 5 * 60_000 + 3000)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86400_000 + 4 * 3600_000)).toBe("3 d 4 h");
    expect(formatDuration(3600_000)).toBe("1 h");
    expect(formatDuration(-5)).toBe("0 s");
  });
});

describe("wall time in a zone", () => {
  it("knows the offset, daylight saving included", () => {
    expect(zoneOffset(Date.parse("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe(3600_000);
    expect(zoneOffset(Date.parse("2026-07-15T12:00:00Z"), "Europe/Berlin")).toBe(7200_000);
    expect(zoneOffset(T, "Asia/Kolkata")).toBe(19_800_000);
  });
  it("round-trips a datetime-local value in the zone", () => {
    expect(toInputValue(T, "America/New_York")).toBe("2026-07-01T14:05:09");
    expect(fromInputValue("2026-07-01T14:05:09", "America/New_York")).toBe(T);
    expect(fromInputValue("2026-03-29T03:30", "Europe/Berlin")).toBe(Date.parse("2026-03-29T01:30:00Z"));
    expect(fromInputValue("yesterday", "UTC")).toBeNaN();
  });
});

describe("axis ticks", () => {
  it("are round in the zone's clock and within the window", () => {
    const start = Date.parse("2026-07-01T00:10:00Z");
    const ticks = axisTicks(start, start + 24 * 3600_000, 8, "Asia/Kolkata");
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    for (const t of ticks) {
      const wall = new Date(t + zoneOffset(t, "Asia/Kolkata"));
      expect([wall.getUTCMinutes(), wall.getUTCHours() % 3]).toEqual([0, 0]);
      expect(t).toBeGreaterThanOrEqual(start);
    }
  });
});
