/** <audit-trail-replay-bar>: play/pause, speed, step, live, and a field to jump to any time. */
import { css, html, LitElement, nothing, svg } from "lit";
import { property } from "lit/decorators.js";
import { SPEEDS } from "../model/replay";
import { formatDateTime, fromInputValue, toInputValue } from "../model/time";
import { sharedStyles, type ViewContext } from "./shared";

/** Material Design Icons paths (the same icons Home Assistant shows), inlined: no icon font needed. */
const ICONS = {
  prev: "M6,18V6H8V18H6M9.5,12L18,6V18L9.5,12Z",
  next: "M16,18H18V6H16M6,18L14.5,12L6,6V18Z",
  play: "M8,5.14V19.14L19,12.14L8,5.14Z",
  pause: "M14,19H18V5H14M6,19H10V5H6V19Z",
};
const icon = (d: string) =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d=${d}></path></svg>`;

export class AuditTrailReplayBar extends LitElement {
  @property({ attribute: false }) accessor ctx!: ViewContext;
  @property({ type: Number }) accessor cursor = 0;
  @property({ type: Boolean }) accessor playing = false;
  @property({ type: Boolean }) accessor live = true;
  @property({ type: Number }) accessor speed = 1;

  private act(action: string, value?: number): void {
    this.dispatchEvent(
      new CustomEvent("replay", { detail: { action, value }, bubbles: true, composed: true }),
    );
  }

  private onJump(ev: Event): void {
    const input = ev.target as HTMLInputElement;
    const t = fromInputValue(input.value, this.ctx.fmt.timeZone);
    if (Number.isNaN(t)) {
      input.setCustomValidity(this.ctx.t("replay.jump"));
      input.reportValidity();
      return;
    }
    input.setCustomValidity("");
    this.act("jump", t);
  }

  override render() {
    if (!this.ctx) return nothing;
    const t = this.ctx.t;
    return html`
      <button @click=${() => this.act("prev")} aria-label=${t("replay.prev")} title=${t("replay.prev")}>
        ${icon(ICONS.prev)}
      </button>
      ${
        this.playing
          ? html`<button
              @click=${() => this.act("pause")}
              aria-label=${t("replay.pause")}
              title=${t("replay.pause")}
            >
              ${icon(ICONS.pause)}
            </button>`
          : html`<button
              @click=${() => this.act("play")}
              aria-label=${t("replay.play")}
              title=${t("replay.play")}
            >
              ${icon(ICONS.play)}
            </button>`
      }
      <button @click=${() => this.act("next")} aria-label=${t("replay.next")} title=${t("replay.next")}>
        ${icon(ICONS.next)}
      </button>
      <select
        aria-label=${t("replay.speed")}
        title=${t("replay.speed")}
        @change=${(e: Event) => this.act("speed", Number((e.target as HTMLSelectElement).value))}
      >
        ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}×</option>`)}
      </select>
      <button
        class="live ${this.live ? "on" : ""}"
        @click=${() => this.act("live")}
        aria-pressed=${this.live ? "true" : "false"}
      >
        ● ${t("card.live")}
      </button>
      <span class="at" aria-live="polite">${this.live ? "" : formatDateTime(this.cursor, this.ctx.fmt)}</span>
      <input
        type="datetime-local"
        step="1"
        aria-label=${t("replay.jump")}
        title=${t("replay.jump")}
        .value=${toInputValue(this.cursor, this.ctx.fmt.timeZone)}
        @change=${this.onJump}
      />
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
      }
      button {
        min-width: 36px;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 4px;
      }
      .live.on {
        color: var(--success-color, var(--primary-color));
        border-color: currentColor;
      }
      .at {
        font-size: 0.85em;
        color: var(--secondary-text-color);
        flex: 1 1 auto;
        min-width: 0;
      }
      input[type="datetime-local"] {
        flex: 0 1 235px;
        min-width: 0;
      }
    `,
  ];
}
