/** <audit-trail-panel>: the admin page: pick entities and a range, filter, activity, diff, verify, export. */
import { css, html, LitElement, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { live } from "lit/directives/live.js";
import { fetchActivity } from "./data/audit";
import type { Activity, CauseKind, HomeAssistant } from "./data/types";
import { causeActor } from "./model/cause";
import { resolveEntities } from "./model/target";
import { fromInputValue, toInputValue } from "./model/time";
import { AuditController, errorText } from "./components/controller";
import { sharedStyles, viewContext, type ViewContext } from "./components/shared";

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

  private timeInput(value: number | null, set: (t: number | null) => void, label: string) {
    const tz = this.ctx.fmt.timeZone;
    return html`<label
      >${label}<input
        type="datetime-local"
        step="1"
        .value=${value === null ? "" : toInputValue(value, tz)}
        @change=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          const t = fromInputValue(v, tz);
          set(v === "" ? null : Number.isNaN(t) ? value : t);
        }}
    /></label>`;
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
        ${this.timeInput(this.from, (t) => (this.from = t ?? this.from), c.t("panel.from"))}
        ${this.timeInput(this.to, (t) => (this.to = t), c.t("panel.to"))}
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
                  <audit-trail-timeline
                    .ctx=${c}
                    .lanes=${ctrl.lanes}
                    .start=${ctrl.start}
                    .end=${ctrl.end}
                    .cursor=${ctrl.cursor}
                    .live=${ctrl.clock.live}
                    .growing=${ctrl.windowEnd === null && !ctrl.error}
                    .info=${ctrl.statesAtCursor()}
                    @cursor-set=${(e: CustomEvent<{ t: number }>) => ctrl.act("seek", e.detail.t)}
                    @cursor-step=${(e: CustomEvent<{ dir: 1 | -1 }>) => ctrl.act(e.detail.dir > 0 ? "next" : "prev")}
                    @mark-select=${(e: CustomEvent<{ seq: number; event: null }>) => void ctrl.select(e.detail.seq, e.detail.event, false)}
                  ></audit-trail-timeline>
                  <audit-trail-replay-bar
                    .ctx=${c}
                    .cursor=${ctrl.cursor}
                    .playing=${ctrl.clock.playing}
                    .live=${ctrl.clock.live}
                    .speed=${ctrl.clock.speed}
                    @replay=${(e: CustomEvent<{ action: string; value?: number }>) => ctrl.act(e.detail.action, e.detail.value)}
                  ></audit-trail-replay-bar>
                  ${ctrl.gapsIntegrity && ctrl.gapsIntegrity.ok === false ? html`<p class="error" role="alert">⚠ ${c.t("integrity.bad", { seq: ctrl.gapsIntegrity.first_bad_seq ?? "?", reason: ctrl.gapsIntegrity.reason ?? "" })}</p>` : nothing}
                  ${this.filters()}
                  <audit-trail-change-list
                    .ctx=${c}
                    .events=${events}
                    .hasMore=${!!ctrl.nextCursor}
                    .loading=${ctrl.listLoading || ctrl.loading}
                    .height=${480}
                    @load-more=${() => void ctrl.loadMore()}
                    @change-select=${(e: CustomEvent<{ seq: number; event: null; why: boolean }>) => void ctrl.select(e.detail.seq, e.detail.event, e.detail.why)}
                  ></audit-trail-change-list>
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
      <audit-trail-why-dialog
        .ctx=${c}
        .selection=${ctrl.selection}
        @closed=${() => ctrl.closeSelection()}
        @why-load=${(e: CustomEvent<{ seq: number }>) => void ctrl.loadTrace(e.detail.seq)}
      ></audit-trail-why-dialog>
    `;
  }

  static override styles = [
    sharedStyles,
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
      section {
        background: var(--card-background-color);
        border-radius: var(--ha-card-border-radius, 12px);
        border: 1px solid var(--divider-color);
        padding: 12px;
        display: flex;
        flex-direction: column;
        gap: 8px;
        min-width: 0;
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
      h2 {
        font-size: 1em;
        font-weight: 500;
        margin: 4px 0 0;
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
      section > button {
        align-self: flex-start;
      }
      .checks label {
        display: flex;
        gap: 6px;
        align-items: center;
        font-size: 0.9em;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 2px;
        font-size: 0.85em;
        color: var(--secondary-text-color);
      }
      .checks label {
        flex-direction: row;
        color: var(--primary-text-color);
      }
      .primary {
        background: var(--primary-color);
        color: var(--text-primary-color, #fff);
        border: none;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9em;
      }
      td {
        padding: 4px 6px;
        border-bottom: 1px solid var(--divider-color);
        vertical-align: top;
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
      .ok {
        color: var(--success-color, var(--primary-text-color));
      }
      .sha {
        word-break: break-all;
        font-family: var(--code-font-family, monospace);
        font-size: 0.85em;
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
