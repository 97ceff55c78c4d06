/** Pure: times in the user's chosen zone (local or server) and 12/24 h, durations, axis ticks. */
import type { HassLocale } from "../data/types";

export interface TimeFormat {
  language: string;
  timeZone: string;
  hour12: boolean;
}

/** The zone Home Assistant's profile setting asks for: the server's, or the browser's own. */
export const resolveTimeZone = (locale: HassLocale, serverZone: string, browserZone?: string): string =>
  locale.time_zone === "server"
    ? serverZone
    : (browserZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);

/** Whether to show am/pm, as Home Assistant decides it for each time_format setting. */
export const useHour12 = (locale: HassLocale): boolean => {
  if (locale.time_format === "12") return true;
  if (locale.time_format === "24") return false;
  const lang = locale.time_format === "system" ? undefined : locale.language;
  const probe = new Date(Date.UTC(2023, 0, 1, 22)).toLocaleString(lang, { hour: "numeric", timeZone: "UTC" });
  return /10/.test(probe);
};

export const timeFormat = (locale: HassLocale, serverZone: string, browserZone?: string): TimeFormat => ({
  language: locale.language || "en",
  timeZone: resolveTimeZone(locale, serverZone, browserZone),
  hour12: useHour12(locale),
});

const cache = new Map<string, Intl.DateTimeFormat>();
const fmt = (f: TimeFormat, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${f.language}|${f.timeZone}|${f.hour12}|${JSON.stringify(opts)}`;
  let out = cache.get(key);
  if (!out) {
    out = new Intl.DateTimeFormat(f.language, { ...opts, timeZone: f.timeZone, hour12: f.hour12 });
    cache.set(key, out);
  }
  return out;
};

export const formatTime = (t: number, f: TimeFormat, seconds = true): string =>
  fmt(f, { hour: "numeric", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}) }).format(t);

export const formatDateTime = (t: number, f: TimeFormat, seconds = true): string =>
  fmt(f, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
  }).format(t);

export const formatDate = (t: number, f: TimeFormat): string =>
  fmt(f, { month: "short", day: "numeric" }).format(t);

/** A duration in the two largest units: "3 d 4 h", "2 h 5 min", "45 s". */
export const formatDuration = (msDur: number): string => {
  const s = Math.max(0, Math.floor(msDur / 1000));
  const units: [number, string][] = [
    [86400, "d"],
    [3600, "h"],
    [60, "min"],
    [1, "s"],
  ];
  const i = units.findIndex(([size]) => s >= size);
  if (i < 0) return "0 s";
  const [size, name] = units[i]!;
  const n = Math.floor(s / size);
  const next = units[i + 1];
  const m = next ? Math.floor((s - n * size) / next[0]) : 0;
  return m && next ? `${n} ${name} ${m} ${next[1]}` : `${n} ${name}`;
};

/** The zone's offset from UTC at t, in ms (east positive). */
export const zoneOffset = (t: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(t);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour") % 24,
    get("minute"),
    get("second"),
  );
  return wall - Math.floor(t / 1000) * 1000;
};

const pad = (n: number): string => String(n).padStart(2, "0");

/** t as the value of an <input type="datetime-local"> showing the zone's wall time. */
export const toInputValue = (t: number, timeZone: string): string => {
  const d = new Date(t + zoneOffset(t, timeZone));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Parse a datetime-local value as wall time in the zone; NaN when it is not a time. */
export const fromInputValue = (value: string, timeZone: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return NaN;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // Two rounds settle the offset across a daylight-saving change.
  let t = wall - zoneOffset(wall, timeZone);
  t = wall - zoneOffset(t, timeZone);
  return t;
};

const STEPS = [1, 5, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * 60_000);

/** Tick times for an axis: a round step giving at most maxTicks ticks, aligned to the zone's clock. */
export const axisTicks = (start: number, end: number, maxTicks: number, timeZone: string): number[] => {
  if (end <= start || maxTicks < 1) return [];
  const step = STEPS.find((s) => (end - start) / s <= maxTicks) ?? STEPS[STEPS.length - 1]!;
  const offset = zoneOffset(start, timeZone);
  let t = Math.ceil((start + offset) / step) * step - offset;
  const out: number[] = [];
  for (; t <= end && out.length <= maxTicks; t += step) out.push(t);
  return out;
};
