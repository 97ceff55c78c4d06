/** <audit-trail-card>: timeline, replay, the change list and "why?" for a few entities. */
import { css, html, LitElement, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import type { HomeAssistant } from "./data/types";
import { makeLocalize } from "./localize/localize";
import { checkConfig, configForm, entitySuggestion, stubConfig, type CardConfig } from "./model/config";
import { resolveEntities } from "./model/target";
import { formatDateTime } from "./model/time";
import { AuditController } from "./components/controller";
import { sharedStyles, viewContext, type ViewContext } from "./components/shared";
import { listView, replayView, timelineView, whyView } from "./components/view";

export class AuditTrailCard extends LitElement {
  @property({ attribute: false }) accessor hass: HomeAssistant | undefined = undefined;
  @state() accessor config: CardConfig | undefined = undefined;
  private readonly ctrl = new AuditController(this);
  private ctxCache: { hass: HomeAssistant; ctx: ViewContext } | null = null;
  private loadedKey = "";

  static getConfigForm() {
    return configForm(makeLocalize());
  }

  static getStubConfig(hass: HomeAssistant): CardConfig {
    return stubConfig(hass.states);
  }

  setConfig(config: unknown): void {
    this.config = checkConfig(config);
  }

  getCardSize(): number {
    return 4 + 2 * (this.ctrl.lanes.length || (this.config?.entities?.length ?? 1));
  }

  getGridOptions() {
    return { columns: 12, min_columns: 6, rows: "auto" as const, min_rows: 4 };
  }

  private get ctx(): ViewContext {
    if (!this.ctxCache || this.ctxCache.hass !== this.hass)
      this.ctxCache = { hass: this.hass!, ctx: viewContext(this.hass!) };
    return this.ctxCache.ctx;
  }

  protected override willUpdate(_changed: PropertyValues): void {
    if (!this.hass || !this.config) return;
    this.ctrl.hass = this.hass;
    const ids = this.resolved();
    const key = `${ids.join(",")}|${this.config.hours_to_show}`;
    // hass changes at every state change; reload only when what is shown changes.
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      this.ctrl.entityIds = ids;
      this.ctrl.hours = this.config.hours_to_show ?? 24;
      void this.ctrl.load();
    }
  }

  private resolvedCache: { key: unknown[]; ids: string[] } | null = null;

  /** The entities shown; registries change rarely, hass at every state change: resolve only then. */
  private resolved(): string[] {
    const h = this.hass!;
    const key = [this.config, h.entities, h.devices, h.areas];
    if (!this.resolvedCache || key.some((k, i) => k !== this.resolvedCache!.key[i])) {
      this.resolvedCache = { key, ids: resolveEntities(this.config?.entities, this.config?.target, h) };
    }
    return this.resolvedCache.ids;
  }

  private integrity() {
    const i = this.ctrl.gapsIntegrity;
    if (!i) return nothing;
    const t = this.ctx.t;
    if (i.ok === null)
      return html`<span class="integrity pending" title=${t("integrity.pending")}
        >◌ ${t("integrity.pending")}</span
      >`;
    if (i.ok) {
      const when = i.verified_at
        ? ` · ${formatDateTime(Date.parse(i.verified_at), this.ctx.fmt, false)}`
        : "";
      return html`<span class="integrity ok" title=${t("integrity.ok", { checked: i.checked }) + when}
        >✓ ${t("integrity.ok", { checked: i.checked })}</span
      >`;
    }
    return html`<span class="integrity bad" role="alert"
      >⚠ ${t("integrity.bad", { seq: i.first_bad_seq ?? "?", reason: i.reason ?? "" })}</span
    >`;
  }

  override render() {
    if (!this.config || !this.hass) return nothing;
    const c = this.ctx;
    const ctrl = this.ctrl;
    const body = !ctrl.entityIds.length
      ? html`<p class="muted">${c.t("card.no_entities")}</p>`
      : html`
          ${ctrl.error ? html`<p class="error">${c.t("card.error", { message: ctrl.error })}</p>` : nothing}
          ${timelineView(ctrl, c, (w) => this.onWidth(w))} ${replayView(ctrl, c)}
          <h3 class="sub">${c.t("card.changes")}</h3>
          ${listView(ctrl, c, ctrl.list)} ${whyView(ctrl, c)}
        `;
    return html`<ha-card>
      <div class="header">
        <span class="title">${this.config.title ?? c.t("card.name")}</span>
        ${this.integrity()}
      </div>
      <div class="content">${body}</div>
    </ha-card>`;
  }

  private widthTimer: number | undefined;

  private onWidth(width: number): void {
    // Ask for one bucket per pixel of the lane; wait for resizing to settle before reloading.
    if (Math.abs(width - this.ctrl.laneWidth) / this.ctrl.laneWidth < 0.25) return;
    this.ctrl.laneWidth = width;
    window.clearTimeout(this.widthTimer);
    this.widthTimer = window.setTimeout(() => {
      const ended = this.ctrl.windowEnd;
      void this.ctrl.load(this.ctrl.windowStart, ended);
    }, 300);
  }

  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ha-card {
        display: block;
        overflow: hidden;
      }
      .header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
        gap: 4px 12px;
        padding: 12px 16px 0;
      }
      .title {
        font-size: var(--ha-card-header-font-size, 1.3em);
        font-weight: 400;
      }
      .content {
        padding: 4px 16px 16px;
        display: flex;
        flex-direction: column;
        gap: 8px;
      }
      .integrity {
        font-size: 0.8em;
      }
      .integrity.ok {
        color: var(--success-color, var(--secondary-text-color));
      }
      .integrity.pending {
        color: var(--secondary-text-color);
      }
      .integrity.bad {
        color: var(--error-color);
        font-weight: 500;
      }
      .sub {
        margin: 8px 0 0;
        font-size: 0.95em;
        font-weight: 500;
      }
    `,
  ];
}

export const cardSuggestion = (hass: HomeAssistant, entityId: string) =>
  entitySuggestion(hass.states, entityId, makeLocalize(hass.localize?.bind(hass))("card.suggestion"));
