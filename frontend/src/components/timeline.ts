/** <audit-trail-timeline>: one lane per entity, state segments, change marks, gaps and the cursor. */
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";
import { guard } from "lit/directives/guard.js";
import { clusterMarks } from "../model/downsample";
import type { LaneModel, Mark } from "../model/lanes";
import { pixelRuns, type Run } from "../model/pixels";
import { marksDrawing, nearestMark, runsDrawing, TRACK_H } from "./lane-drawing";
import type { StateAtT } from "../model/state-at";
import { axisTicks, formatDate, formatDuration, formatTime } from "../model/time";
import type { StateAt } from "../data/types";
import { causeChip, sharedStyles, type ViewContext } from "./shared";
import { timelineStyles } from "./timeline-styles";

export type CursorInfo = StateAtT | { kind: "server"; state: StateAt | null };

const MARK_GAP_PX = 7;

/** The window snapped outwards to whole pixels: a sliding live window redraws its lanes once a pixel. */
export const snapWindow = (start: number, end: number, width: number): [number, number] => {
  if (width <= 0 || end <= start) return [start, end];
  const step = (end - start) / width;
  // The quantum itself is snapped, so a window sliding at a constant span keeps its step.
  const q = 2 ** Math.ceil(Math.log2(step));
  return [Math.floor(start / q) * q, Math.ceil(end / q) * q];
};

export class AuditTrailTimeline extends LitElement {
  @property({ attribute: false }) accessor ctx!: ViewContext;
  @property({ attribute: false }) accessor lanes: LaneModel[] = [];
  @property({ type: Number }) accessor start = 0;
  @property({ type: Number }) accessor end = 0;
  @property({ type: Number }) accessor cursor = 0;
  @property({ type: Boolean }) accessor live = true;
  /** The window runs to now and the stream is live: the last state lasts until now. */
  @property({ type: Boolean }) accessor growing = false;
  @property({ attribute: false }) accessor info = new Map<string, CursorInfo>();
  private width = 0;
  private observer?: ResizeObserver;
  private dragging = false;
  private readonly clusters = new Map<string, { key: unknown[]; marks: Mark[] }>();
  /** Which mark of each lane holds the lane's keyboard focus. */
  private readonly focused = new Map<string, number>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w && Math.abs(w - this.width) > 1) {
        this.width = w;
        this.dispatchEvent(
          new CustomEvent("width-changed", { detail: { width: w }, bubbles: true, composed: true }),
        );
        this.requestUpdate();
      }
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  protected override firstUpdated(_: PropertyValues): void {
    const tracks = this.renderRoot.querySelector(".tracks");
    if (tracks) this.observer?.observe(tracks);
  }

  /** Marks a sliding live window has left behind are not drawn (they would pile up at its left edge). */
  private inWindow(marks: Mark[]): Mark[] {
    return marks[0] && marks[0].time >= this.start ? marks : marks.filter((m) => m.time >= this.start);
  }

  /** The window drawn: start and end snapped to pixels (see snapWindow). */
  private view: [number, number] = [0, 0];

  private pct(t: number): number {
    const [v0, v1] = this.view;
    const span = v1 - v0;
    return span > 0 ? Math.min(100, Math.max(0, ((t - v0) / span) * 100)) : 0;
  }

  private timeAt(clientX: number): number {
    const rect = (this.renderRoot.querySelector(".tracks") as HTMLElement).getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (clientX - rect.left) / Math.max(1, rect.width)));
    const [v0, v1] = this.view;
    return v0 + f * (v1 - v0);
  }

  private emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private onPointer(ev: PointerEvent, phase: "down" | "move" | "up"): void {
    const target = ev.target as HTMLElement;
    if (target.closest(".mark")) return;
    if (phase === "down" && this.pressMark(ev)) return;
    if (phase === "down") {
      if (!target.closest(".track")) return;
      this.dragging = true;
      (ev.currentTarget as HTMLElement).setPointerCapture?.(ev.pointerId);
    }
    if (!this.dragging) return;
    if (phase === "up") this.dragging = false;
    this.emit("cursor-set", { t: this.timeAt(ev.clientX) });
  }

  private onKey(ev: KeyboardEvent): void {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => this.emit("cursor-step", { dir: -1 }),
      ArrowRight: () => this.emit("cursor-step", { dir: 1 }),
      Home: () => this.emit("cursor-set", { t: this.start }),
      End: () => this.emit("cursor-set", { t: this.end }),
    };
    const fn = keys[ev.key];
    if (fn && (ev.target as HTMLElement).classList.contains("tracks")) {
      ev.preventDefault();
      fn();
    }
  }

  private runTitle(lane: LaneModel, r: Run): string {
    const c = this.ctx;
    if (r.kind === "gap") return c.t("card.not_recorded", { reason: c.t(`gap.${r.reason ?? "unknown"}`) });
    if (r.kind === "unrecorded") return c.t("card.not_recorded_yet");
    if (r.kind === "dense")
      return `${c.t("card.dense", { count: r.count })} → ${c.state(lane.entityId, r.state)}`;
    return c.state(lane.entityId, r.state);
  }

  /** A lane's marks clustered to its pixels, kept until the lane, window or width change. */
  private clustered(lane: LaneModel): Mark[] {
    const [v0, v1] = this.view;
    const key = [lane.marks, v0, v1, this.width];
    const hit = this.clusters.get(lane.entityId);
    if (hit && hit.key.every((k, i) => k === key[i])) return hit.marks;
    const gapMs = this.width ? ((v1 - v0) / this.width) * MARK_GAP_PX : 0;
    const marks = clusterMarks(this.inWindow(lane.marks), gapMs);
    this.clusters.set(lane.entityId, { key, marks });
    return marks;
  }

  /**
   * The lane's drawing and marks, rendered again only when the lane, window or width change
   * (a seek moves only the cursor and the heads): a few SVG paths, whatever the rows.
   */
  private track(lane: LaneModel) {
    const [v0, v1] = this.view;
    const width = this.width;
    const marks = this.clustered(lane);
    return guard([lane.segments, marks, v0, v1, width, this.growing, this.ctx], () => {
      if (!width) return nothing;
      const segs = this.growing ? grow(lane, v1) : lane.segments;
      const runs = pixelRuns(segs, v0, v1, width);
      return html`${runsDrawing(runs, this.ctx, lane.entityId, width, (r) => this.runTitle(lane, r))}
      ${marksDrawing(marks, v0, v1, width)}`;
    });
  }

  /**
   * The lane's one focusable mark (a roving focus: arrow keys move it from mark to mark, Enter
   * opens it), so the keyboard reaches every mark without a button per mark.
   */
  private focusMark(lane: LaneModel) {
    const marks = this.clustered(lane);
    if (!marks.length) return nothing;
    const i = Math.min(marks.length - 1, Math.max(0, this.focused.get(lane.entityId) ?? marks.length - 1));
    const m = marks[i]!;
    const c = this.ctx;
    const label = `${formatTime(m.time, c.fmt)} ${c.name(lane.entityId)}${m.count > 1 ? ` (${c.t("card.dense", { count: m.count })})` : ""}`;
    const move = (ev: KeyboardEvent) => {
      const to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: marks.length - 1 }[ev.key];
      if (to === undefined) return;
      ev.preventDefault();
      ev.stopPropagation();
      this.focused.set(lane.entityId, Math.min(marks.length - 1, Math.max(0, to)));
      this.requestUpdate();
    };
    return html`<button
      class="mark focus"
      style="left:${this.pct(m.time)}%"
      aria-label=${label}
      title=${label}
      @keydown=${move}
      @click=${() => this.select(m)}
    ></button>`;
  }

  /**
   * The cursor moves on its own compositor layer (a transform, not left): a seek then repaints
   * neither the lanes it crosses nor their drawings.
   */
  private cursorStyle(): string {
    const p = this.pct(this.cursor);
    return this.width ? `transform:translateX(${(p / 100) * this.width}px)` : `left:${p}%`;
  }

  private select(m: Mark): void {
    this.emit("mark-select", { seq: m.seq, event: m.count === 1 ? (m.event ?? null) : null });
  }

  /** A press on a drawn mark opens it (the dots are painted, not elements: find it by x). */
  private pressMark(ev: PointerEvent): boolean {
    const target = ev.target as Element;
    if (!target.classList?.contains("dots")) return false;
    const track = target.closest(".track") as HTMLElement | null;
    const lane = this.lanes.find((l) => l.entityId === track?.dataset.entity);
    if (!track || !lane) return false;
    const marks = this.clustered(lane);
    const [v0, v1] = this.view;
    const x = ev.clientX - track.getBoundingClientRect().left;
    const i = nearestMark(marks, v0, v1, this.width, x);
    if (i < 0) return false;
    this.focused.set(lane.entityId, i);
    this.select(marks[i]!);
    this.requestUpdate();
    return true;
  }

  private laneInfo(lane: LaneModel) {
    const c = this.ctx;
    const info = this.info.get(lane.entityId);
    if (!info || info.kind === "ask") return html`<span class="muted">…</span>`;
    if (info.kind === "unrecorded") return html`<span class="muted">${c.t("card.not_recorded_yet")}</span>`;
    if (info.kind === "gap")
      return html`<span class="gapnote"
        >${c.t("card.not_recorded", { reason: c.t(`gap.${info.reason}`) })}</span
      >`;
    const state = info.kind === "server" ? (info.state?.state ?? null) : info.state;
    const since =
      info.kind === "server" ? (info.state ? Date.parse(info.state.last_changed) : null) : info.since;
    const cause = info.kind === "server" ? info.state?.cause : info.cause;
    const approx = info.kind === "state" && info.approx;
    const id = lane.entityId;
    // A seek changes every head: only what differs is touched (the state and the chip rarely,
    // the duration, last so nothing moves because of it, at every frame).
    return html`${guard(
      [state, c],
      () =>
        html`<span class="swatch" style="background:${c.color(id, state)}"></span>
          <span class="state">${c.state(id, state)}</span>`,
    )}
    ${guard([cause ? JSON.stringify(cause) : "", state === null, c], () =>
      cause && state !== null ? causeChip(cause, c) : nothing,
    )}
    ${
      since !== null && state !== null
        ? html`<span class="muted since"
            >${c.t(approx ? "card.state_for_approx" : "card.state_for", { duration: formatDuration(this.cursor - since) })}</span
          >`
        : nothing
    }`;
  }

  /** An axis label; near an edge it is aligned inwards so it is never cut (11:00 read as 1:00). */
  private tick(t: number, long: boolean) {
    const p = this.pct(t);
    const shift = p < 8 ? "0" : p > 92 ? "-100%" : "-50%";
    const text = `${long ? `${formatDate(t, this.ctx.fmt)} ` : ""}${formatTime(t, this.ctx.fmt, false)}`;
    return html`<span style="left:${p}%;transform:translateX(${shift})">${text}</span>`;
  }

  private axis() {
    const [v0, v1] = this.view;
    return guard([v0, v1, this.width, this.ctx], () => {
      const ticks = axisTicks(
        v0,
        v1,
        Math.max(2, Math.floor((this.width || 300) / 80)),
        this.ctx.fmt.timeZone,
      );
      const long = v1 - v0 > 36 * 3_600_000;
      return ticks.map((t) => this.tick(t, long));
    });
  }

  override render() {
    if (!this.ctx) return nothing;
    this.view = snapWindow(this.start, this.end, this.width);
    const [v0, v1] = this.view;
    return html`
      <div
        class="tracks"
        tabindex="0"
        role="slider"
        aria-label=${this.ctx.t("replay.cursor")}
        aria-valuemin=${v0}
        aria-valuemax=${v1}
        aria-valuenow=${Math.round(this.cursor)}
        aria-valuetext=${formatTime(this.cursor, this.ctx.fmt)}
        @pointerdown=${(e: PointerEvent) => this.onPointer(e, "down")}
        @pointermove=${(e: PointerEvent) => this.onPointer(e, "move")}
        @pointerup=${(e: PointerEvent) => this.onPointer(e, "up")}
        @keydown=${this.onKey}
      >
        ${this.lanes.map(
          (lane) =>
            html`<div class="head">
                <span class="name">${this.ctx.name(lane.entityId)}</span>${this.laneInfo(lane)}
              </div>
              <div class="track" data-entity=${lane.entityId}>
                ${this.track(lane)}${this.focusMark(lane)}
              </div>`,
        )}
        <div class="cursor ${this.live ? "live" : ""}" style=${this.cursorStyle()}></div>
      </div>
      <svg class="defs" aria-hidden="true">
        <defs>
          <pattern id="at-dense" width="3" height="${TRACK_H}" patternUnits="userSpaceOnUse">
            <rect x="2" width="1" height="${TRACK_H}" fill="rgba(0,0,0,0.25)"></rect>
          </pattern>
          <pattern
            id="at-gap"
            width="7"
            height="7"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="3" height="7" class="gapline"></rect>
          </pattern>
          <pattern
            id="at-unrecorded"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(-45)"
          >
            <rect width="1.5" height="6" class="unrecline"></rect>
          </pattern>
        </defs>
      </svg>
      <div class="axis">${this.axis()}</div>
    `;
  }

  static override styles = [sharedStyles, timelineStyles];
}

/** A live lane's last state lasts until now (the drawn window's end), not only to its last row. */
const grow = (lane: LaneModel, to: number) => {
  const last = lane.segments[lane.segments.length - 1];
  if (!last || last.kind === "gap" || last.end < lane.end || to <= last.end) return lane.segments;
  return [...lane.segments.slice(0, -1), { ...last, end: to }];
};
