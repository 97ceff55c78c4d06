/** Pure: the replay clock (play, pause, speed, seek) and stepping between changes. */

export const SPEEDS = [1, 10, 60, 600, 3600] as const;

export interface ReplayClock {
  /** Log time at `wall` (ms). */
  t: number;
  /** Wall-clock time (ms) when `t` was read. */
  wall: number;
  playing: boolean;
  speed: number;
  /** Following now: the cursor sits at the right edge and moves with live rows. */
  live: boolean;
}

export const liveClock = (now: number): ReplayClock => ({
  t: now,
  wall: now,
  playing: false,
  speed: 1,
  live: true,
});

/** Log time shown at wall time `now`; never past now (the right edge is now). */
export const position = (c: ReplayClock, now: number): number => {
  if (c.live) return now;
  const t = c.playing ? c.t + (now - c.wall) * c.speed : c.t;
  return Math.min(t, now);
};

/** True once playing has caught up with now: the clock then becomes live. */
export const reachedNow = (c: ReplayClock, now: number): boolean =>
  !c.live && c.playing && c.t + (now - c.wall) * c.speed >= now;

export const play = (c: ReplayClock, now: number): ReplayClock =>
  c.live ? c : { ...c, t: position(c, now), wall: now, playing: true };

export const pause = (c: ReplayClock, now: number): ReplayClock => ({
  ...c,
  t: position(c, now),
  wall: now,
  playing: false,
  live: false,
});

export const setSpeed = (c: ReplayClock, speed: number, now: number): ReplayClock => ({
  ...c,
  t: position(c, now),
  wall: now,
  speed,
});

/** Put the cursor at t (paused); at or past now the clock goes live. */
export const seek = (c: ReplayClock, t: number, now: number): ReplayClock =>
  t >= now
    ? { ...c, t: now, wall: now, playing: false, live: true }
    : { ...c, t, wall: now, playing: c.playing, live: false };

/** The change time after (dir 1) or before (dir -1) t in sorted times, or null at the end. */
export const stepTime = (times: number[], t: number, dir: 1 | -1): number | null => {
  if (dir > 0) {
    for (const x of times) if (x > t) return x;
    return null;
  }
  for (let i = times.length - 1; i >= 0; i--) if (times[i]! < t) return times[i]!;
  return null;
};

/** Step the clock to the next or previous change, pausing it. */
export const step = (c: ReplayClock, times: number[], dir: 1 | -1, now: number): ReplayClock => {
  const from = position(c, now);
  const to = stepTime(times, from, dir);
  if (to === null) return dir > 0 ? seek(c, now, now) : pause(c, now);
  return { ...seek(c, to, now), playing: false };
};
