/** <audit-trail-timeline>: one lane per entity, state segments, change marks, gaps and the cursor. */
import { css, html, LitElement, nothing, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";
import { clusterMarks } from "../model/downsample";
import type { LaneModel, Mark, Segment } from "../model/lanes";
import type { StateAtT } from "../model/state-at";
import { axisTicks, formatDate, formatDuration, formatTime } from "../model/time";
import type { StateAt } from "../data/types";
import { causeChip, sharedStyles, type ViewContext } from "./shared";

export type CursorInfo = StateAtT | { kind: "server"; state: StateAt | null };

const MARK_GAP_PX = 7;

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

  private pct(t: number): number {
    const span = this.end - this.start;
    return span > 0 ? Math.min(100, Math.max(0, ((t - this.start) / span) * 100)) : 0;
  }

  private timeAt(clientX: number): number {
    const rect = (this.renderRoot.querySelector(".tracks") as HTMLElement).getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (clientX - rect.left) / Math.max(1, rect.width)));
    return this.start + f * (this.end - this.start);
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

  private segment(lane: LaneModel, s: Segment) {
    const left = this.pct(s.start);
    const end = this.growing && s.end >= lane.end && s.kind !== "gap" ? this.end : s.end;
    const width = Math.max(0.15, this.pct(end) - left);
    const c = this.ctx;
    const title =
      s.kind === "gap"
        ? c.t("card.not_recorded", { reason: c.t(`gap.${s.reason}`) })
        : s.kind === "dense"
          ? `${c.t("card.dense", { count: s.count ?? 0 })} → ${c.state(lane.entityId, s.state)}`
          : c.state(lane.entityId, s.state);
    const style = s.kind === "gap" ? "" : `background:${c.color(lane.entityId, s.state)}`;
    return html`<div
      class="seg ${s.kind}"
      style="left:${left}%;width:${width}%;${style}"
      title=${title}
    ></div>`;
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

  override render() {
    if (!this.ctx) return nothing;
    const gapMs = this.width ? ((this.end - this.start) / this.width) * MARK_GAP_PX : 0;
    const ticks = axisTicks(
      this.start,
      this.end,
      Math.max(2, Math.floor((this.width || 300) / 80)),
      this.ctx.fmt.timeZone,
    );
    const long = this.end - this.start > 36 * 3_600_000;
    return html`
      <div
        class="tracks"
        tabindex="0"
        role="slider"
        aria-label=${this.ctx.t("replay.cursor")}
        aria-valuemin=${this.start}
        aria-valuemax=${this.end}
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
                ${lane.segments.map((s) => this.segment(lane, s))}
                ${clusterMarks(this.inWindow(lane.marks), gapMs).map((m) => this.mark(lane, m))}
              </div>`,
        )}
        <div class="cursor ${this.live ? "live" : ""}" style="left:${this.pct(this.cursor)}%"></div>
      </div>
      <div class="axis">${ticks.map((t) => this.tick(t, long))}</div>
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
      .seg {
        position: absolute;
        top: 0;
        bottom: 0;
      }
      .seg.none {
        background: transparent;
      }
      .seg.dense {
        background-image: repeating-linear-gradient(90deg, transparent 0 2px, rgba(0, 0, 0, 0.25) 2px 3px);
      }
      .seg.gap {
        background: repeating-linear-gradient(45deg, var(--divider-color) 0 3px, transparent 3px 7px);
        border-left: 1px solid var(--error-color);
        border-right: 1px solid var(--error-color);
        box-sizing: border-box;
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
