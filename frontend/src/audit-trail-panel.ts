/** <audit-trail-panel>: the admin page: pick entities and a range, filter, activity, diff, verify, export. */
import { css, html, LitElement, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { live } from "lit/directives/live.js";
import { fetchActivity } from "./data/audit";
import type { Activity, CauseKind, HomeAssistant } from "./data/types";
import { causeActor } from "./model/cause";
import { resolveEntities } from "./model/target";
import { AuditController, errorText } from "./components/controller";
import { panelStyles, sharedStyles, viewContext, type ViewContext } from "./components/shared";
import { listView, replayView, timeInput, timelineView, whyView } from "./components/view";

const KINDS: CauseKind[] = [
  "user",
  "automation",
  "script",
  "action",
  "entity",
  "device",
  "system",
  "unobserved",
  "unknown",
];
const DAY = 86_400_000;
const MAX_LISTED = 200;

export class AuditTrailPanel extends LitElement {
  @property({ attribute: false }) accessor hass: HomeAssistant | undefined = undefined;
  @property({ type: Boolean }) accessor narrow = false;
  @property({ attribute: false }) accessor route: unknown = undefined;
  @property({ attribute: false }) accessor panel: unknown = undefined;
  @state() accessor picked: string[] = [];
  @state() accessor areas: string[] = [];
  @state() accessor search = "";
  @state() accessor from = Date.now() - DAY;
  @state() accessor to: number | null = null;
  @state() accessor kind = "";
  @state() accessor actor = "";
  @state() accessor activity: Activity | null = null;
  @state() accessor message: string | null = null;
  private readonly ctrl = new AuditController(this);
  private ctxCache: { hass: HomeAssistant; ctx: ViewContext } | null = null;

  private get ctx(): ViewContext {
    if (!this.ctxCache || this.ctxCache.hass !== this.hass)
      this.ctxCache = { hass: this.hass!, ctx: viewContext(this.hass!) };
    return this.ctxCache.ctx;
  }

  private get entityIds(): string[] {
    return this.hass ? resolveEntities(this.picked, { area_id: this.areas }, this.hass) : [];
  }

  private async apply(): Promise<void> {
    if (!this.hass) return;
    this.message = null;
    this.ctrl.hass = this.hass;
    this.ctrl.entityIds = this.entityIds;
    const end = this.to === null || this.to >= Date.now() ? null : this.to;
    this.ctrl.hours = ((end ?? Date.now()) - this.from) / 3_600_000;
    await Promise.all([this.ctrl.load(this.from, end), this.loadActivity()]);
  }

  private async loadActivity(): Promise<void> {
    try {
      this.activity = await fetchActivity(
        this.hass!,
        new Date(this.from),
        this.to === null ? undefined : new Date(this.to),
      );
    } catch (err) {
      this.message = errorText(err);
    }
  }

  private toggle(list: "picked" | "areas", id: string, on: boolean): void {
    const cur = this[list];
    this[list] = on ? [...cur, id] : cur.filter((x) => x !== id);
  }

  private picker() {
    const c = this.ctx;
    const q = this.search.toLowerCase();
    const ids = Object.keys(this.hass!.states).sort();
    const matches = ids.filter((id) => !q || id.includes(q) || c.name(id).toLowerCase().includes(q));
    // A stable order (picked ones are not moved up) so a click never lands on a row that moved.
    const shown = ids.filter((id) => this.picked.includes(id) || matches.slice(0, MAX_LISTED).includes(id));
    return html`<section class="pick">
      <h2>
        ${c.t("panel.entities")}
        <span class="muted">${c.t("panel.selected", { count: this.entityIds.length })}</span>
      </h2>
      <input
        type="search"
        placeholder=${c.t("panel.search")}
        aria-label=${c.t("panel.search")}
        .value=${this.search}
        @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
      />
      <div class="checks">
        ${shown.map(
          (id) =>
            html`<label
              ><input
                type="checkbox"
                .checked=${live(this.picked.includes(id))}
                @change=${(e: Event) => this.toggle("picked", id, (e.target as HTMLInputElement).checked)}
              />${c.name(id)} <span class="muted">${id}</span></label
            >`,
        )}
        ${matches.length > MAX_LISTED ? html`<div class="muted">… ${matches.length - MAX_LISTED}</div>` : nothing}
      </div>
      <h2>${c.t("panel.areas")}</h2>
      <div class="checks short">
        ${Object.values(this.hass!.areas ?? {}).map(
          (a) =>
            html`<label
              ><input
                type="checkbox"
                .checked=${live(this.areas.includes(a.area_id))}
                @change=${(e: Event) => this.toggle("areas", a.area_id, (e.target as HTMLInputElement).checked)}
              />${a.name}</label
            >`,
        )}
      </div>
      <h2>${c.t("panel.range")}</h2>
      <div class="row">
        ${timeInput(c, this.from, (t) => (this.from = t ?? this.from), c.t("panel.from"))}
        ${timeInput(c, this.to, (t) => (this.to = t), c.t("panel.to"))}
        <button class="primary" @click=${() => void this.apply()} ?disabled=${!this.entityIds.length}>
          ${c.t("panel.apply")}
        </button>
      </div>
    </section>`;
  }

  private filters() {
    const c = this.ctx;
    return html`<div class="row">
      <label
        >${c.t("panel.filter_kind")}<select
          @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value)}
        >
          <option value="">${c.t("panel.all")}</option>
          ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${c.t(`cause.${k}`)}</option>`)}
        </select></label
      >
      <label
        >${c.t("panel.filter_actor")}<select
          @change=${(e: Event) => (this.actor = (e.target as HTMLSelectElement).value)}
        >
          <option value="">${c.t("panel.all")}</option>
          ${(this.activity?.actors ?? []).map((a) => html`<option value=${a.actor} ?selected=${a.actor === this.actor}>${a.name ?? a.actor}</option>`)}
        </select></label
      >
    </div>`;
  }

  private activitySection() {
    const c = this.ctx;
    if (!this.activity) return nothing;
    return html`<section>
      <h2>
        ${c.t("panel.activity")}
        <span class="muted">${c.t("panel.activity_total", { total: this.activity.total })}</span>
      </h2>
      <table>
        <tbody>
          ${this.activity.actors.map(
            (a) =>
              html`<tr>
                <td>
                  <button class="link" @click=${() => (this.actor = a.actor)}>${a.name ?? a.actor}</button>
                  <span class="muted">${c.t(`cause.${a.kind}`)}</span>
                </td>
                <td class="num">${a.total}</td>
                <td class="muted">
                  ${Object.entries(a.by_entity)
                    .sort((x, y) => y[1] - x[1])
                    .slice(0, 3)
                    .map(([id, n]) => `${c.name(id)} ${n}`)
                    .join(", ")}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  override render() {
    if (!this.hass) return nothing;
    const c = this.ctx;
    const ctrl = this.ctrl;
    const events = ctrl.list.filter(
      (e) =>
        (!this.kind || e.cause.kind === this.kind) && (!this.actor || causeActor(e.cause) === this.actor),
    );
    return html`
      <header>
        <button
          class="menu"
          @click=${() => this.dispatchEvent(new Event("hass-toggle-menu", { bubbles: true, composed: true }))}
          aria-label="Menu"
        >
          ☰
        </button>
        <h1>${c.t("panel.title")}</h1>
      </header>
      <main class=${this.narrow ? "narrow" : ""}>
        ${this.picker()}
        <section class="view">
          ${this.message ? html`<p class="error">${this.message}</p>` : nothing}
          ${ctrl.error ? html`<p class="error">${c.t("card.error", { message: ctrl.error })}</p>` : nothing}
          ${
            ctrl.lanes.length
              ? html`
                  ${timelineView(ctrl, c, (w) => ctrl.setWidth(w))} ${replayView(ctrl, c)}
                  ${ctrl.gapsIntegrity && ctrl.gapsIntegrity.ok === false ? html`<p class="error" role="alert">⚠ ${c.t("integrity.bad", { seq: ctrl.gapsIntegrity.first_bad_seq ?? "?", reason: ctrl.gapsIntegrity.reason ?? "" })}</p>` : nothing}
                  ${this.filters()} ${listView(ctrl, c, events, 480)}
                `
              : html`<p class="muted">${ctrl.loading ? c.t("card.loading") : c.t("card.no_entities")}</p>`
          }
          ${this.activitySection()}
          <audit-trail-panel-tools
            .ctx=${c}
            .entityIds=${this.entityIds}
            .from=${this.from}
            .to=${this.to}
          ></audit-trail-panel-tools>
        </section>
      </main>
      ${whyView(ctrl, c)}
    `;
  }

  static override styles = [
    sharedStyles,
    panelStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--primary-background-color);
      }
      header {
        display: flex;
        align-items: center;
        gap: 8px;
        height: 56px;
        padding: 0 12px;
        background: var(--app-header-background-color, var(--primary-color));
        color: var(--app-header-text-color, var(--text-primary-color, #fff));
      }
      header h1 {
        font-size: 1.25em;
        font-weight: 400;
        margin: 0;
      }
      header .menu {
        background: transparent;
        border: none;
        color: inherit;
        font-size: 1.3em;
      }
      main {
        display: grid;
        grid-template-columns: minmax(260px, 320px) 1fr;
        gap: 16px;
        padding: 16px;
        align-items: start;
      }
      main.narrow {
        grid-template-columns: 1fr;
        padding: 8px;
      }
      section.view {
        gap: 12px;
        background: transparent;
        border: none;
        padding: 0;
      }
      section.view > section {
        background: var(--card-background-color);
      }
      .checks {
        max-height: 260px;
        overflow-y: auto;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .checks.short {
        max-height: 140px;
      }
      .checks label {
        display: flex;
        flex-direction: row;
        /* A flex item with overflow hidden may shrink to nothing: in a list taller than its
           max-height every label was squeezed and their text drawn over each other. */
        flex: 0 0 auto;
        gap: 6px;
        align-items: center;
        font-size: 0.9em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        color: var(--primary-text-color);
      }
      .primary {
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border: none;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .link {
        background: none;
        border: none;
        padding: 0;
        min-height: 0;
        color: var(--primary-color);
        text-align: left;
      }
      audit-trail-timeline,
      audit-trail-replay-bar,
      audit-trail-change-list {
        background: var(--card-background-color);
        padding: 8px 12px;
        border-radius: 8px;
      }
    `,
  ];
}
