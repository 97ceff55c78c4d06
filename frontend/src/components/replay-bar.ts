/** <audit-trail-replay-bar>: play/pause, speed, step, live, and a field to jump to any time. */
import { css, html, LitElement, nothing } from "lit";
import { property } from "lit/decorators.js";
import { SPEEDS } from "../model/replay";
import { formatDateTime, fromInputValue, toInputValue } from "../model/time";
import { sharedStyles, type ViewContext } from "./shared";

export class AuditTrailReplayBar extends LitElement {
  @property({ attribute: false }) accessor ctx!: ViewContext;
  @property({ type: Number }) accessor cursor = 0;
  @property({ type: Boolean }) accessor playing = false;
  @property({ type: Boolean }) accessor live = true;
  @property({ type: Number }) accessor speed = 1;

  private act(action: string, value?: number): void {
    this.dispatchEvent(new CustomEvent("replay", { detail: { action, value }, bubbles: true, composed: true }));
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
      <button @click=${() => this.act("prev")} aria-label=${t("replay.prev")} title=${t("replay.prev")}>⏮</button>
      ${this.playing
        ? html`<button @click=${() => this.act("pause")} aria-label=${t("replay.pause")} title=${t("replay.pause")}>⏸</button>`
        : html`<button @click=${() => this.act("play")} aria-label=${t("replay.play")} title=${t("replay.play")}>▶</button>`}
      <button @click=${() => this.act("next")} aria-label=${t("replay.next")} title=${t("replay.next")}>⏭</button>
      <select aria-label=${t("replay.speed")} title=${t("replay.speed")} @change=${(e: Event) => this.act("speed", Number((e.target as HTMLSelectElement).value))}>
        ${SPEEDS.map((s) => html`<option value=${s} ?selected=${s === this.speed}>${s}×</option>`)}
      </select>
      <button class="live ${this.live ? "on" : ""}" @click=${() => this.act("live")} aria-pressed=${this.live ? "true" : "false"}>● ${t("card.live")}</button>
      <span class="at" aria-live="polite">${this.live ? "" : formatDateTime(this.cursor, this.ctx.fmt)}</span>
      <input type="datetime-local" step="1" aria-label=${t("replay.jump")} title=${t("replay.jump")}
        .value=${toInputValue(this.cursor, this.ctx.fmt.timeZone)} @change=${this.onJump} />
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      :host { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
      button { min-width: 36px; }
      .live.on { color: var(--success-color, var(--primary-color)); border-color: currentColor; }
      .at { font-size: 0.85em; color: var(--secondary-text-color); flex: 1 1 auto; min-width: 0; }
      input[type="datetime-local"] { flex: 0 1 210px; min-width: 0; }
    `,
  ];
}
