/** <audit-trail-change-list>: the rows newest first with cause chips, virtualised and paged. */
import { css, html, LitElement, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import type { AuditEvent } from "../data/types";
import { formatDateTime } from "../model/time";
import { needsMore, visibleRange } from "../model/virtual";
import { changeText } from "../model/change";
import { causeChip, sharedStyles, type ViewContext } from "./shared";

const ROW = 52;

export class AuditTrailChangeList extends LitElement {
  @property({ attribute: false }) accessor ctx!: ViewContext;
  @property({ attribute: false }) accessor events: AuditEvent[] = [];
  @property({ type: Boolean }) accessor hasMore = false;
  @property({ type: Boolean }) accessor loading = false;
  @property({ type: Number }) accessor height = 320;
  @state() accessor scrollPos = 0;

  private onScroll(ev: Event): void {
    this.scrollPos = (ev.target as HTMLElement).scrollTop;
  }

  protected override updated(): void {
    const range = visibleRange(this.scrollPos, this.height, ROW, this.events.length);
    if (!this.loading && needsMore(range, this.events.length, this.hasMore)) {
      this.dispatchEvent(new CustomEvent("load-more", { bubbles: true, composed: true }));
    }
  }

  private open(e: AuditEvent, why: boolean): void {
    this.dispatchEvent(
      new CustomEvent("change-select", {
        detail: { seq: e.seq, event: e, why },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onKey(ev: KeyboardEvent, index: number): void {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    ev.preventDefault();
    const next = index + (ev.key === "ArrowDown" ? 1 : -1);
    if (next < 0 || next >= this.events.length) return;
    const scroller = this.renderRoot.querySelector(".scroller") as HTMLElement;
    // Keep the next row rendered before focusing it: scroll it into the rendered range first.
    const top = next * ROW;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW > scroller.scrollTop + this.height) scroller.scrollTop = top + ROW - this.height;
    this.scrollPos = scroller.scrollTop;
    void this.updateComplete.then(() =>
      (this.renderRoot.querySelector(`[data-index="${next}"]`) as HTMLElement | null)?.focus(),
    );
  }

  private row(e: AuditEvent, index: number) {
    const c = this.ctx;
    return html`<div
      class="row"
      role="listitem"
      tabindex="0"
      data-index=${index}
      @click=${() => this.open(e, false)}
      @keydown=${(ev: KeyboardEvent) => (ev.key === "Enter" ? this.open(e, false) : this.onKey(ev, index))}
    >
      <div class="line1">
        <span class="name">${e.entity_id ? c.name(e.entity_id) : e.event_type}</span>
        <span class="change">${changeText(e, c)}</span>
      </div>
      <div class="line2">
        <span class="time">${formatDateTime(Date.parse(e.time), c.fmt)}</span>
        ${causeChip(e.cause, c)}
        <button
          class="why"
          @click=${(ev: Event) => {
            ev.stopPropagation();
            this.open(e, true);
          }}
        >
          ${c.t("why.open")}
        </button>
      </div>
    </div>`;
  }

  override render() {
    if (!this.ctx) return nothing;
    const range = visibleRange(this.scrollPos, this.height, ROW, this.events.length);
    const rows = this.events.slice(range.first, range.last);
    return html`
      <div
        class="scroller"
        style="max-height:${this.height}px"
        @scroll=${this.onScroll}
        role="list"
        aria-label=${this.ctx.t("card.changes")}
      >
        <div style="height:${range.padTop}px"></div>
        ${rows.map((e, i) => this.row(e, range.first + i))}
        <div style="height:${range.padBottom}px"></div>
        ${!this.events.length && !this.loading ? html`<div class="empty muted">${this.ctx.t("card.no_changes")}</div>` : nothing}
        ${this.loading ? html`<div class="empty muted">${this.ctx.t("card.loading")}</div>` : nothing}
      </div>
    `;
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .scroller {
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      .row {
        height: ${ROW}px;
        box-sizing: border-box;
        padding: 4px 2px;
        border-bottom: 1px solid var(--divider-color);
        cursor: pointer;
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: 2px;
      }
      .row:hover {
        background: var(--secondary-background-color);
      }
      .line1,
      .line2 {
        display: flex;
        align-items: center;
        gap: 8px;
        min-width: 0;
        white-space: nowrap;
      }
      .name {
        font-weight: 500;
        overflow: hidden;
        text-overflow: ellipsis;
        flex: 0 1 auto;
      }
      .change {
        overflow: hidden;
        text-overflow: ellipsis;
        flex: 1 1 auto;
      }
      .time {
        font-size: 0.8em;
        color: var(--secondary-text-color);
        flex: none;
      }
      .line2 .chip {
        flex: 0 1 auto;
        min-width: 0;
      }
      .why {
        margin-left: auto;
        min-height: 22px;
        padding: 0 8px;
        font-size: 0.8em;
        flex: none;
      }
      .empty {
        padding: 12px;
        text-align: center;
      }
    `,
  ];
}
