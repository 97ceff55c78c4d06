/** The card's and panel's shared state: loads lanes and rows, follows the live stream, drives replay. */
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { fetchHistory, fetchStateAt, fetchTimeline, fetchTrace } from "../data/audit";
import { subscribeAuditStream } from "../data/stream";
import { findTraceLink, type TraceLink } from "../data/trace-link";
import type { AuditEvent, HomeAssistant, Integrity, StateAt, Trace } from "../data/types";
import { buildLane, extendLane, type LaneModel } from "../model/lanes";
import * as replay from "../model/replay";
import { changeTimes, stateAtTime, type StateAtT } from "../model/state-at";
import { mergeNewestFirst } from "../model/virtual";

const PAGE = 100;
const now = (): number => Date.now();
const HOUR = 3_600_000;

export interface Selection {
  seq: number;
  event: AuditEvent | null;
  trace: Trace | null;
  links: Record<string, TraceLink>;
  loading: boolean;
  error: string | null;
}

/** A websocket error's message (the server sends it translated). */
export const errorText = (err: unknown): string =>
  typeof err === "object" && err !== null && "message" in err
    ? String((err as { message: unknown }).message)
    : String(err);

export class AuditController implements ReactiveController {
  hass?: HomeAssistant;
  entityIds: string[] = [];
  hours = 24;
  laneWidth = 400;
  lanes: LaneModel[] = [];
  gapsIntegrity: Integrity | null = null;
  loading = false;
  error: string | null = null;
  list: AuditEvent[] = [];
  nextCursor: string | null = null;
  listLoading = false;
  clock: replay.ReplayClock = replay.liveClock(Date.now());
  /** The window shown; end null means it runs to now and grows with live rows. */
  windowStart = 0;
  windowEnd: number | null = null;
  selection: Selection | null = null;
  /** The server's answers for instants the loaded lanes cannot answer. */
  asked: { t: number; states: Record<string, StateAt | null> } | null = null;
  private unsub: (() => void) | null = null;
  private timer: number | undefined;
  private generation = 0;
  private askTimer: number | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = window.setInterval(() => this.tick(), 250);
  }

  hostDisconnected(): void {
    window.clearInterval(this.timer);
    window.clearTimeout(this.askTimer);
    this.stopStream();
  }

  get now(): number {
    return Date.now();
  }

  /** A live window slides: it shows the last `hours` up to now, however long the card stays open. */
  get start(): number {
    return this.windowEnd === null
      ? Math.max(this.windowStart, this.now - this.hours * HOUR)
      : this.windowStart;
  }

  get end(): number {
    return this.windowEnd ?? this.now;
  }

  get cursor(): number {
    return replay.position(this.clock, this.now);
  }

  private ticks = 0;

  private tick(): void {
    this.ticks++;
    if (replay.reachedNow(this.clock, this.now))
      this.clock = { ...replay.liveClock(this.now), speed: this.clock.speed };
    // Playing moves the cursor at every tick; live only ages the "for …" durations: once a second.
    if (this.clock.playing || (this.clock.live && this.ticks % 4 === 0)) {
      const t = this.cursor;
      // Playing past the loaded window: fetch the next window around the cursor.
      if (!this.loading && this.lanes.length && (t > this.end || t < this.windowStart)) void this.jump(t);
      this.host.requestUpdate();
    }
  }

  private stopStream(): void {
    this.unsub?.();
    this.unsub = null;
  }

  /** Load the window [start, end] (end null: to now), the first page of rows, and go live. */
  async load(start?: number, end?: number | null): Promise<void> {
    const hass = this.hass;
    if (!hass || !this.entityIds.length) return;
    const gen = ++this.generation;
    this.stopStream();
    this.windowEnd = end ?? null;
    this.windowStart = start ?? this.end - this.hours * HOUR;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const tl = await fetchTimeline(hass, {
        entityIds: this.entityIds,
        start: new Date(this.windowStart),
        end: new Date(this.end),
        buckets: this.laneWidth,
      });
      if (gen !== this.generation) return;
      const s = Date.parse(tl.start);
      const e = Date.parse(tl.end);
      this.lanes = this.entityIds
        .filter((id) => tl.entities[id])
        .map((id) => buildLane(id, tl.entities[id]!, tl.gaps, s, e));
      this.gapsIntegrity = tl.integrity;
      this.list = [];
      this.nextCursor = null;
      await this.loadMore(gen);
      if (this.windowEnd === null && gen === this.generation) await this.startStream(gen);
    } catch (err) {
      if (gen === this.generation) this.error = errorText(err);
    } finally {
      if (gen === this.generation) this.loading = false;
      this.host.requestUpdate();
    }
  }

  /** The next page of rows, newest first. */
  async loadMore(gen = this.generation): Promise<void> {
    const hass = this.hass;
    if (!hass || this.listLoading || (this.list.length && !this.nextCursor)) return;
    this.listLoading = true;
    try {
      const page = await fetchHistory(hass, {
        entityIds: this.entityIds,
        start: new Date(this.windowStart),
        end: new Date(this.end),
        order: "desc",
        limit: PAGE,
        cursor: this.nextCursor,
      });
      if (gen !== this.generation) return;
      this.list = mergeNewestFirst(this.list, page.events);
      this.nextCursor = page.next_cursor;
    } finally {
      this.listLoading = false;
      this.host.requestUpdate();
    }
  }

  /** The newest seq loaded: the stream starts after it, so nothing is shown twice. */
  private lastSeq(): number {
    let seq = this.list[0]?.seq ?? 0;
    for (const lane of this.lanes) {
      seq = Math.max(seq, lane.initial?.seq ?? 0);
      for (const m of lane.marks) seq = Math.max(seq, m.seq);
    }
    return seq;
  }

  private async startStream(gen: number): Promise<void> {
    const hass = this.hass!;
    const unsub = await subscribeAuditStream(hass, {
      entityIds: this.entityIds,
      afterSeq: this.lastSeq(),
      onEvents: (events) => this.onLive(events),
      onError: (err) => {
        this.error = errorText(err);
        this.host.requestUpdate();
      },
    });
    if (gen !== this.generation) unsub();
    else this.unsub = unsub;
  }

  private onLive(events: AuditEvent[]): void {
    const now = this.now;
    this.lanes = this.lanes.map((lane) => extendLane(lane, events, Math.max(now, lane.end)));
    const rows = events.filter(
      (e) => e.event_type !== "checkpoint" && e.entity_id && this.entityIds.includes(e.entity_id),
    );
    this.list = mergeNewestFirst(rows, this.list);
    this.host.requestUpdate();
  }

  /** Each entity's state at the cursor from the loaded lanes; asks the server when they cannot say. */
  statesAtCursor(): Map<string, StateAtT | { kind: "server"; state: StateAt | null }> {
    const t = this.cursor;
    const out = new Map<string, StateAtT | { kind: "server"; state: StateAt | null }>();
    let ask = false;
    for (const lane of this.lanes) {
      const s = stateAtTime(lane, Math.min(t, lane.end));
      if (s.kind === "ask") {
        if (this.asked && this.asked.t === t && lane.entityId in this.asked.states) {
          out.set(lane.entityId, { kind: "server", state: this.asked.states[lane.entityId] ?? null });
        } else ask = true;
      } else out.set(lane.entityId, s);
    }
    if (ask) this.askLater(t);
    return out;
  }

  private askLater(t: number): void {
    window.clearTimeout(this.askTimer);
    // Debounced: dragging the cursor asks once it rests, not at every pixel.
    this.askTimer = window.setTimeout(async () => {
      if (!this.hass) return;
      try {
        const res = await fetchStateAt(this.hass, new Date(t), this.entityIds, false);
        this.asked = { t, states: res.states };
      } catch (err) {
        this.error = errorText(err);
      }
      this.host.requestUpdate();
    }, 200);
  }

  /** Replay actions from the bar and the timeline's keys. */
  act(action: string, value?: number): void {
    const now = this.now;
    const c = this.clock;
    switch (action) {
      case "play":
        this.clock = replay.play(c.live ? replay.seek(c, this.start, now) : c, now);
        break;
      case "pause":
        this.clock = replay.pause(c, now);
        break;
      case "speed":
        this.clock = replay.setSpeed(c, value ?? 1, now);
        break;
      case "live":
        this.clock = replay.liveClock(now);
        if (this.windowEnd !== null) void this.load();
        break;
      case "prev":
      case "next":
        this.stepChange(action === "next" ? 1 : -1);
        break;
      case "seek":
        this.clock = replay.seek(c, value ?? now, now);
        break;
      case "jump":
        void this.jump(value ?? now);
        return;
    }
    this.host.requestUpdate();
  }

  /** Step to the previous or next change: in the loaded lanes, else the nearest one in the log. */
  private stepChange(dir: 1 | -1): void {
    const now = this.now;
    const t = this.cursor;
    if (replay.stepTime(changeTimes(this.lanes), t, dir) !== null || (dir > 0 && this.windowEnd === null)) {
      this.clock = replay.step(this.clock, changeTimes(this.lanes), dir, now);
      return;
    }
    void this.stepBeyond(t, dir);
  }

  /** The window holds no further change that way: ask the log for the nearest row and go there. */
  private async stepBeyond(t: number, dir: 1 | -1): Promise<void> {
    const hass = this.hass;
    if (!hass) return;
    try {
      const page = await fetchHistory(hass, {
        entityIds: this.entityIds,
        start: new Date(dir > 0 ? t + 1 : 0),
        end: new Date(dir > 0 ? now() : t - 1),
        order: dir > 0 ? "asc" : "desc",
        limit: 1,
      });
      const row = page.events[0];
      if (!row) {
        // Past the log's last change lies now; before its first there is nothing: stay.
        if (dir > 0) this.act("live");
        return;
      }
      this.clock = { ...this.clock, playing: false };
      await this.jump(Date.parse(row.time));
    } catch (err) {
      this.error = errorText(err);
      this.host.requestUpdate();
    }
  }

  /** Show a window around t anywhere in the log, with the cursor at t. */
  async jump(t: number): Promise<void> {
    const now = this.now;
    const half = (this.hours * HOUR) / 2;
    const live = t + half >= now;
    const playing = this.clock.playing;
    this.clock = { ...replay.seek(this.clock, t, now), playing };
    await this.load(live ? now - 2 * half : t - half, live ? null : t + half);
  }

  /** Open a change: its row now, and its causation chain on request. */
  async select(seq: number, event: AuditEvent | null, withTrace: boolean): Promise<void> {
    this.selection = { seq, event, trace: null, links: {}, loading: withTrace || !event, error: null };
    this.host.requestUpdate();
    if (!withTrace && event) return;
    await this.loadTrace(seq);
  }

  async loadTrace(seq: number): Promise<void> {
    const hass = this.hass;
    const sel = this.selection;
    if (!hass || !sel || sel.seq !== seq) return;
    sel.loading = true;
    this.host.requestUpdate();
    try {
      const trace = await fetchTrace(hass, seq);
      const links: Record<string, TraceLink> = {};
      for (const hop of trace.hops) {
        if ((hop.hop === "automation_run" || hop.hop === "script_run") && hop.run_id) {
          links[hop.run_id] = await findTraceLink(hass, hop.entity_id, hop.run_id);
        }
      }
      if (this.selection?.seq !== seq) return;
      this.selection = { ...sel, event: sel.event ?? trace.chain[0] ?? null, trace, links, loading: false };
    } catch (err) {
      if (this.selection?.seq === seq) this.selection = { ...sel, loading: false, error: errorText(err) };
    }
    this.host.requestUpdate();
  }

  closeSelection(): void {
    this.selection = null;
    this.host.requestUpdate();
  }
}
