/** Pure: the card's config (checked), its editor form, its stub and its card-picker suggestion. */
import type { HassEntities } from "home-assistant-js-websocket";
import { asList, type Target } from "./target";

export const CARD_TYPE = "audit-trail-card";

export interface CardConfig {
  type: string;
  entities?: string[];
  target?: Target;
  hours_to_show?: number;
  title?: string;
}

export const DEFAULT_HOURS = 24;
const MAX_HOURS = 24 * 366;
const ENTITY_ID = /^[a-z0-9_]+\.[a-z0-9_]+$/;

/** Thrown for a config the card cannot show: Home Assistant displays the message in the card. */
export class ConfigError extends Error {}

/** Check a config and return it normalised; throws ConfigError naming the bad key. */
export const checkConfig = (raw: unknown): CardConfig => {
  if (typeof raw !== "object" || raw === null) throw new ConfigError("Invalid configuration");
  const c = raw as Record<string, unknown>;
  const entities = c.entities ?? [];
  if (!Array.isArray(entities) || entities.some((e) => typeof e !== "string" || !ENTITY_ID.test(e))) {
    throw new ConfigError("entities must be a list of entity ids (like light.kitchen)");
  }
  const hours = c.hours_to_show ?? DEFAULT_HOURS;
  if (typeof hours !== "number" || !Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
    throw new ConfigError(`hours_to_show must be a number of hours between 0 and ${MAX_HOURS}`);
  }
  if (c.title !== undefined && typeof c.title !== "string") throw new ConfigError("title must be text");
  let target: Target | undefined;
  if (c.target !== undefined && c.target !== null) {
    if (typeof c.target !== "object")
      throw new ConfigError("target must be a target (area_id, device_id, label_id, entity_id)");
    const t = c.target as Record<string, unknown>;
    for (const key of ["area_id", "device_id", "label_id", "entity_id"]) {
      const v = t[key];
      if (
        v !== undefined &&
        typeof v !== "string" &&
        !(Array.isArray(v) && v.every((x) => typeof x === "string"))
      ) {
        throw new ConfigError(`target.${key} must be an id or a list of ids`);
      }
    }
    target = t as Target;
  }
  return {
    ...(c as unknown as CardConfig),
    entities: entities as string[],
    hours_to_show: hours,
    ...(target ? { target } : {}),
  };
};

/** The editor form with Home Assistant's selectors. */
export const configForm = (label: (key: string) => string) => ({
  schema: [
    { name: "title", selector: { text: {} } },
    { name: "entities", selector: { entity: { multiple: true } } },
    { name: "target", selector: { target: {} } },
    {
      name: "hours_to_show",
      selector: { number: { min: 1, max: MAX_HOURS, step: 1, mode: "box", unit_of_measurement: "h" } },
    },
  ],
  computeLabel: (schema: { name: string }) => label(`editor.${schema.name}`),
});

/** Domains whose changes tell a story (who switched, opened, locked what). */
const PREFERRED = [
  "light",
  "switch",
  "lock",
  "cover",
  "climate",
  "input_boolean",
  "binary_sensor",
  "fan",
  "media_player",
];

/** A stub for the card picker: the few entities that changed most recently, preferring devices people use. */
export const stubConfig = (states: HassEntities, count = 3): CardConfig => {
  const all = Object.values(states).sort((a, b) => Date.parse(b.last_changed) - Date.parse(a.last_changed));
  const preferred = all.filter((s) => PREFERRED.includes(s.entity_id.split(".", 1)[0]!));
  const picked = (preferred.length ? preferred : all).slice(0, count).map((s) => s.entity_id);
  return { type: `custom:${CARD_TYPE}`, entities: picked, hours_to_show: DEFAULT_HOURS };
};

/** The card picker's suggestion for a chosen entity (Home Assistant 2026.6 and later). */
export const entitySuggestion = (states: HassEntities, entityId: string, label: string) =>
  states[entityId]
    ? { label, config: { type: `custom:${CARD_TYPE}`, entities: [entityId], hours_to_show: DEFAULT_HOURS } }
    : null;

/** Every entity id a config names directly (to know when hass changes matter). */
export const namedEntities = (c: CardConfig): string[] => [
  ...(c.entities ?? []),
  ...asList(c.target?.entity_id),
];
