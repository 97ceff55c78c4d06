/** <audit-trail-why-dialog>: one change (time, old -> new, cause) and its causation chain to the root. */
import { css, html, LitElement, nothing, type PropertyValues } from "lit";
import { property } from "lit/decorators.js";
import type { Hop } from "../data/types";
import { entityName, personPicture } from "../model/cause";
import { formatDateTime } from "../model/time";
import { changeText } from "../model/change";
import type { Selection } from "./controller";
import { causeChip, sharedStyles, type ViewContext } from "./shared";

export class AuditTrailWhyDialog extends LitElement {
  @property({ attribute: false }) accessor ctx!: ViewContext;
  @property({ attribute: false }) accessor selection: Selection | null = null;

  protected override updated(changed: PropertyValues): void {
    if (!changed.has("selection")) return;
    const dialog = this.renderRoot.querySelector("dialog");
    if (!dialog) return;
    if (this.selection && !dialog.open) {
      if (dialog.showModal) dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    if (!this.selection && dialog.open) dialog.close?.();
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private hop(h: Hop) {
    const c = this.ctx;
    switch (h.hop) {
      case "state_change":
        return html`<li class="hop change">
          <div><b>${h.entity_id ? c.name(h.entity_id) : h.event_type}</b> ${changeText(h, c)}</div>
          <div class="muted">${formatDateTime(Date.parse(h.time), c.fmt)}</div>
          <div>${causeChip(h.cause, c, true)}</div>
        </li>`;
      case "automation_run":
      case "script_run": {
        const link = h.run_id ? this.selection?.links[h.run_id] : undefined;
        return html`<li class="hop run">
          <div>${c.t("why.run", { name: h.name ?? entityName(c.hass.states, h.entity_id) })}</div>
          ${h.trigger ? html`<div class="muted">${h.trigger}</div>` : nothing}
          ${h.service ? html`<div class="muted">${h.service}</div>` : nothing}
          ${link?.kind === "link" ? html`<a href=${link.url} @click=${(e: Event) => this.navigate(e, link.url)}>${c.t("why.trace_link")}</a>` : nothing}
          ${link?.kind === "gone" ? html`<div class="muted">${c.t("why.trace_gone")}</div>` : nothing}
        </li>`;
      }
      case "action_call":
        return html`<li class="hop action">${c.t("why.action", { service: h.service })}</li>`;
      case "user": {
        const pic = personPicture(c.hass.states, h.user_id);
        return html`<li class="hop user">
          ${pic ? html`<img class="avatar" src=${pic} alt="" />` : nothing}
          ${c.t("why.user", { name: h.user_name ?? c.t("cause.unknown_user") })}
        </li>`;
      }
      case "device": {
        const dev = h.device_id ? c.hass.devices?.[h.device_id] : undefined;
        return html`<li class="hop device">
          ${c.t("why.device", { name: dev?.name_by_user ?? dev?.name ?? h.platform ?? "" })}
        </li>`;
      }
    }
  }

  /** Follow the link inside Home Assistant's app instead of reloading the page. */
  private navigate(ev: Event, url: string): void {
    ev.preventDefault();
    history.pushState(null, "", url);
    window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace: false } }));
    this.emit("closed");
  }

  override render() {
    if (!this.ctx) return nothing;
    const c = this.ctx;
    const sel = this.selection;
    const e = sel?.event;
    return html`<dialog
      @close=${() => this.emit("closed")}
      @cancel=${() => this.emit("closed")}
      aria-labelledby="title"
    >
      ${
        sel
          ? html`
              <div class="top">
                <h2 id="title">${e?.entity_id ? c.name(e.entity_id) : c.t("why.title")}</h2>
                <button @click=${() => this.emit("closed")} aria-label=${c.t("common.close")}>✕</button>
              </div>
              ${
                e
                  ? html`<div class="what">${changeText(e, c)}</div>
                      <div class="muted">${formatDateTime(Date.parse(e.time), c.fmt)} · #${e.seq}</div>
                      <div class="cause">${causeChip(e.cause, c, true)}</div>`
                  : nothing
              }
              ${sel.error ? html`<p class="error">${sel.error}</p>` : nothing}
              ${sel.loading ? html`<p class="muted">${c.t("why.loading")}</p>` : nothing}
              ${
                !sel.trace && !sel.loading
                  ? html`<button class="primary" @click=${() => this.emit("why-load", { seq: sel.seq })}>
                      ${c.t("why.open")}
                    </button>`
                  : nothing
              }
              ${
                sel.trace
                  ? html`<h3>${c.t("why.title")}</h3>
                      <ol class="chain">
                        ${sel.trace.hops.map((h) => this.hop(h))}
                      </ol>
                      <div class="root">
                        <span class="muted">${c.t("why.root")}:</span> ${causeChip(sel.trace.root, c, true)}
                      </div>`
                  : nothing
              }
            `
          : nothing
      }
    </dialog>`;
  }

  static override styles = [
    sharedStyles,
    css`
      dialog {
        background: var(--card-background-color, var(--primary-background-color));
        color: var(--primary-text-color);
        border: 1px solid var(--divider-color);
        border-radius: 12px;
        width: min(520px, calc(100vw - 24px));
        max-height: calc(100vh - 48px);
        box-sizing: border-box;
        padding: 16px;
      }
      dialog::backdrop {
        background: rgba(0, 0, 0, 0.4);
      }
      .top {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
      }
      h2 {
        margin: 0;
        font-size: 1.2em;
      }
      h3 {
        margin: 16px 0 4px;
        font-size: 1em;
      }
      .what {
        font-size: 1.05em;
        margin-top: 8px;
      }
      .cause {
        margin-top: 6px;
      }
      .chain {
        list-style: none;
        padding: 0;
        margin: 0;
        border-left: 2px solid var(--divider-color);
      }
      .hop {
        padding: 6px 0 6px 12px;
        position: relative;
      }
      .hop::before {
        content: "";
        position: absolute;
        left: -6px;
        top: 12px;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        background: var(--primary-color);
      }
      .hop.run::before {
        background: var(--accent-color);
      }
      .hop.user {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .root {
        margin-top: 8px;
      }
      a {
        color: var(--primary-color);
      }
      .primary {
        margin-top: 10px;
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border: none;
      }
    `,
  ];
}
