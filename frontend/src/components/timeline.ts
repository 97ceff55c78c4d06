/** <audit-trail-timeline>: one lane per entity, state segments, change marks, gaps and the cursor. */
import { css, html, LitElement, nothing, svg, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";
import { guard } from "lit/directives/guard.js";
import { clusterMarks } from "../model/downsample";
import type { LaneModel, Mark } from "../model/lanes";
import { pixelRuns, type Run } from "../model/pixels";
import type { StateAtT } from "../model/state-at";
import { axisTicks, formatDate, formatDuration, formatTime } from "../model/time";
import type { StateAt } from "../data/types";
import { causeChip, sharedStyles, type ViewContext } from "./shared";

export type CursorInfo = StateAtT | { kind: "server"; state: StateAt | null };

const MARK_GAP_PX = 7;
const TRACK_H = 22;

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

  /**
   * One lane's drawing: one SVG path per state colour (and one for dense, gap and "not recorded
   * yet" hatching), from at most one run a pixel column, whatever the number of changes.
   */
  private drawing(lane: LaneModel, width: number) {
    const [v0, v1] = this.view;
    const segs = this.growing ? grow(lane, v1) : lane.segments;
    const runs = pixelRuns(segs, v0, v1, width);
    const fills = new Map<string, { d: string; title: string }>();
    const add = (key: string, r: Run, title: string) => {
      const rect = `M${r.x0} 0h${r.x1 - r.x0}v${TRACK_H}h${r.x0 - r.x1}z`;
      const f = fills.get(key);
      if (f) f.d += rect;
      else fills.set(key, { d: rect, title });
    };
    for (const r of runs) {
      const title = this.runTitle(lane, r);
      if (r.kind === "gap" || r.kind === "unrecorded") add(r.kind, r, title);
      else if (r.kind !== "none")
        add(`s:${r.state}`, r, r.kind === "dense" ? this.ctx.state(lane.entityId, r.state) : title);
      if (r.kind === "dense") add("dense", r, title);
    }
    const paths = [...fills].map(([key, f]) => {
      const cls = key.startsWith("s:") ? "fill" : key;
      const style = key.startsWith("s:") ? `fill:${this.ctx.color(lane.entityId, key.slice(2))}` : "";
      return svg`<path class=${cls} style=${style} d=${f.d}><title>${f.title}</title></path>`;
    });
    return html`<svg
      class="draw"
      viewBox="0 0 ${Math.max(1, width)} ${TRACK_H}"
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      ${paths}
    </svg>`;
  }

  /** The lane's drawing and marks: rendered again only when the lane, window or width change. */
  private track(lane: LaneModel) {
    const [v0, v1] = this.view;
    const width = this.width;
    return guard([lane.segments, lane.marks, v0, v1, width, this.growing, this.ctx], () => {
      const gapMs = width ? ((v1 - v0) / width) * MARK_GAP_PX : 0;
      return html`${width ? this.drawing(lane, width) : nothing}
      ${clusterMarks(this.inWindow(lane.marks), gapMs).map((m) => this.mark(lane, m))}`;
    });
  }

  private mark(lane: LaneModel, m: Mark) {
    const c = this.ctx;
    const label = `${formatTime(m.time, c.fmt)} ${c.name(lane.entityId)}${m.count > 1 ? ` (${c.t("card.dense", { count: m.count })})` : ""}`;
    return html`<button
      class="mark ${m.kind} ${m.cause.confidence === "low" ? "low" : ""} ${m.cause.kind === "unobserved" ? "unobserved" : ""}"
      style="left:${this.pct(m.time)}%"
      aria-label=${label}
      title=${label}
      @click=${() => this.emit("mark-select", { seq: m.seq, event: m.count === 1 ? (m.event ?? null) : null })}
    ></button>`;
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
    return html`<span class="swatch" style="background:${c.color(lane.entityId, state)}"></span>
      <span class="state">${c.state(lane.entityId, state)}</span>
      ${
        since !== null && state !== null
          ? html`<span class="muted"
              >${c.t(approx ? "card.state_for_approx" : "card.state_for", { duration: formatDuration(this.cursor - since) })}</span
            >`
          : nothing
      }
      ${cause && state !== null ? causeChip(cause, c) : nothing}`;
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
              <div class="track" data-entity=${lane.entityId}>${this.track(lane)}</div>`,
        )}
        <div class="cursor ${this.live ? "live" : ""}" style="left:${this.pct(this.cursor)}%"></div>
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

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        position: relative;
      }
      .tracks {
        position: relative;
        display: flex;
        flex-direction: column;
        gap: 0;
        touch-action: pan-y;
        cursor: crosshair;
        outline: none;
      }
      .tracks:focus-visible {
        outline: 2px solid var(--primary-color);
      }
      .track {
        position: relative;
        height: 22px;
        background: var(--secondary-background-color);
        border-radius: 3px;
      }
      .draw {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        display: block;
      }
      .defs {
        position: absolute;
        width: 0;
        height: 0;
      }
      path.dense {
        fill: url(#at-dense);
      }
      path.gap {
        fill: url(#at-gap);
        stroke: var(--error-color);
        stroke-width: 1px;
        vector-effect: non-scaling-stroke;
      }
      .gapline {
        fill: var(--divider-color);
      }
      /* Not recorded yet: neutral, finer and the other way than a gap's hatch, no red edge. */
      path.unrecorded {
        fill: url(#at-unrecorded);
      }
      .unrecline {
        fill: var(--secondary-text-color);
        opacity: 0.35;
      }
      .mark {
        position: absolute;
        top: -5px;
        width: 10px;
        height: 10px;
        min-height: 0;
        margin-left: -5px;
        padding: 0;
        border-radius: 50%;
        border: 2px solid var(--card-background-color, var(--primary-background-color));
        background: var(--primary-text-color);
      }
      .mark.attributes {
        top: -3px;
        width: 6px;
        height: 6px;
        margin-left: -3px;
        border-width: 1px;
        background: var(--secondary-text-color);
      }
      .mark.bucket {
        top: -3px;
        width: 6px;
        height: 6px;
        margin-left: -3px;
        border-width: 1px;
        background: var(--secondary-text-color);
      }
      .mark.note {
        border-radius: 2px;
        background: var(--info-color, var(--primary-color));
      }
      .mark.low,
      .mark.unobserved {
        background: var(--warning-color);
      }
      .cursor {
        position: absolute;
        top: 0;
        bottom: -4px;
        width: 2px;
        margin-left: -1px;
        background: var(--primary-color);
        pointer-events: none;
      }
      .cursor.live {
        background: var(--success-color, var(--primary-color));
      }
      .axis {
        position: relative;
        height: 18px;
        margin-top: 2px;
        font-size: 11px;
        color: var(--secondary-text-color);
        overflow: hidden;
      }
      .axis span {
        position: absolute;
        white-space: nowrap;
      }
      .head {
        height: 28px;
        margin-top: 4px;
        display: flex;
        align-items: center;
        gap: 6px;
        font-size: 0.9em;
        overflow: hidden;
        white-space: nowrap;
        cursor: default;
      }
      .head .name {
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        flex: 0 0 auto;
        max-width: 45%;
      }
      .head .chip {
        flex: 0 1 auto;
        min-width: 0;
      }
      .head .state {
        font-weight: 500;
      }
      .gapnote {
        color: var(--warning-color);
      }
    `,
  ];
}

/** A live lane's last state lasts until now (the drawn window's end), not only to its last row. */
const grow = (lane: LaneModel, to: number) => {
  const last = lane.segments[lane.segments.length - 1];
  if (!last || last.kind === "gap" || last.end < lane.end || to <= last.end) return lane.segments;
  return [...lane.segments.slice(0, -1), { ...last, end: to }];
};
