/** Small render helpers and styles the components share: cause chips, states, the view context. */
import { css, html, nothing, type TemplateResult } from "lit";
import type { Cause, HomeAssistant } from "../data/types";
import { localizeState, makeLocalize, type Localize } from "../localize/localize";
import { causeLabel, entityName } from "../model/cause";
import { stateColor } from "../model/colors";
import { timeFormat, type TimeFormat } from "../model/time";

/** What every component needs to turn the model into words, built once per hass. */
export interface ViewContext {
  hass: HomeAssistant;
  t: Localize;
  fmt: TimeFormat;
  name: (entityId: string) => string;
  state: (entityId: string, state: string | null) => string;
  color: (entityId: string, state: string | null) => string;
}

export const viewContext = (hass: HomeAssistant): ViewContext => {
  const t = makeLocalize(hass.localize?.bind(hass));
  return {
    hass,
    t,
    fmt: timeFormat(hass.locale ?? { language: "en" }, hass.config?.time_zone ?? "UTC"),
    name: (id) => entityName(hass.states, id),
    state: (id, s) =>
      s === null ? t("card.did_not_exist") : localizeState(hass.localize?.bind(hass), id, s),
    color: (id, s) => {
      const dc = hass.states[id]?.attributes.device_class;
      return stateColor(id, s, typeof dc === "string" ? dc : undefined);
    },
  };
};

const initials = (text: string): string =>
  text
    .split(/[\s._]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");

/** A cause as a chip: picture or initials, who, and the honesty flags. */
export const causeChip = (cause: Cause, ctx: ViewContext, withDetail = false): TemplateResult => {
  const l = causeLabel(cause, { states: ctx.hass.states, devices: ctx.hass.devices, t: ctx.t });
  const flags = [l.low ? ctx.t("cause.low") : null, l.unobserved ? ctx.t("cause.unobserved") : null].filter(
    Boolean,
  );
  return html`<span
    class="chip kind-${l.kind} ${l.low ? "low" : ""} ${l.unobserved ? "unobserved" : ""}"
    title=${[ctx.t(`cause.${l.kind}`), l.text, l.detail, ...flags].filter(Boolean).join(" · ")}
  >
    ${
      l.picture
        ? html`<img class="avatar" src=${l.picture} alt="" />`
        : html`<span class="avatar">${initials(l.text) || "?"}</span>`
    }
    <span class="who">${l.text}</span>
    ${withDetail && l.detail ? html`<span class="detail">${l.detail}</span>` : nothing}
    ${l.low ? html`<span class="flag" aria-label=${ctx.t("cause.low")}>?</span>` : nothing}
  </span>`;
};

export const sharedStyles = css`
  :host {
    color: var(--primary-text-color);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, inherit));
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--secondary-background-color, transparent);
    border: 1px solid var(--divider-color);
    border-radius: 6px;
    padding: 4px 8px;
    cursor: pointer;
    min-height: 32px;
  }
  button:focus-visible,
  [tabindex]:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 1px;
  }
  input,
  select {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--input-fill-color, var(--secondary-background-color));
    border: 1px solid var(--divider-color);
    border-radius: 6px;
    padding: 4px 6px;
    min-height: 32px;
    box-sizing: border-box;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    max-width: 100%;
    padding: 1px 8px 1px 1px;
    border-radius: 14px;
    background: var(--secondary-background-color);
    border: 1px solid var(--divider-color);
    font-size: 0.85em;
    white-space: nowrap;
    overflow: hidden;
  }
  .chip .who {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .chip .detail {
    color: var(--secondary-text-color);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .chip.low,
  .chip.unobserved {
    border-style: dashed;
    border-color: var(--warning-color);
  }
  .chip .flag {
    color: var(--warning-color);
    font-weight: bold;
  }
  .avatar {
    width: 20px;
    height: 20px;
    border-radius: 50%;
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    font-size: 10px;
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
    object-fit: cover;
  }
  .kind-automation .avatar,
  .kind-script .avatar {
    background: var(--accent-color);
  }
  .kind-device .avatar,
  .kind-entity .avatar,
  .kind-system .avatar {
    background: var(--secondary-text-color);
  }
  .kind-unobserved .avatar,
  .kind-unknown .avatar {
    background: var(--disabled-text-color, var(--secondary-text-color));
  }
  .muted {
    color: var(--secondary-text-color);
  }
  .error {
    color: var(--error-color);
  }
  .swatch {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    margin-right: 4px;
    vertical-align: middle;
  }
`;

/** The panel's sections, forms and tables (the panel and its tools share them). */
export const panelStyles = css`
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
  section > button {
    align-self: flex-start;
  }
  h2 {
    font-size: 1em;
    font-weight: 500;
    margin: 4px 0 0;
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
  .ok {
    color: var(--success-color, var(--primary-text-color));
  }
  .sha {
    word-break: break-all;
    font-family: var(--code-font-family, monospace);
    font-size: 0.85em;
  }
`;
