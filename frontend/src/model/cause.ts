/** Pure: what a cause says in words, with the person's picture for a user. */
import type { HassEntities } from "home-assistant-js-websocket";
import type { Cause, DeviceRegistryEntry } from "../data/types";

export interface CauseLabel {
  kind: Cause["kind"];
  /** Who or what: a person's name, an automation's name, a service. */
  text: string;
  /** Second line: the trigger, the service, the reason. */
  detail: string | null;
  picture: string | null;
  /** Honesty flags: drawn differently so a guess never looks like a fact. */
  low: boolean;
  unobserved: boolean;
  /** The actor id the panel filters by (user id, or automation/script entity id). */
  actor: string | null;
}

export interface CauseContext {
  states: HassEntities;
  devices?: Record<string, DeviceRegistryEntry>;
  /** Translate one of this bundle's keys. */
  t: (key: string, values?: Record<string, string | number>) => string;
}

/** The actor index key of a cause: the user, else the automation or script (as the server's). */
export const causeActor = (cause: Cause): string | null => {
  if (cause.user_id) return cause.user_id;
  if ((cause.kind === "automation" || cause.kind === "script") && cause.entity_id) return cause.entity_id;
  return null;
};

/** The picture of the person entity linked to a user, if any. */
export const personPicture = (states: HassEntities, userId: string): string | null => {
  for (const s of Object.values(states)) {
    if (s.entity_id.startsWith("person.") && s.attributes.user_id === userId) {
      const pic = s.attributes.entity_picture;
      return typeof pic === "string" ? pic : null;
    }
  }
  return null;
};

/** A person's name for a user id when the answer had none (deleted user: the person's name). */
const personName = (states: HassEntities, userId: string): string | null => {
  for (const s of Object.values(states)) {
    if (s.entity_id.startsWith("person.") && s.attributes.user_id === userId) {
      const n = s.attributes.friendly_name;
      return typeof n === "string" ? n : null;
    }
  }
  return null;
};

export const entityName = (states: HassEntities, entityId: string): string => {
  const n = states[entityId]?.attributes.friendly_name;
  return typeof n === "string" && n ? n : entityId;
};

const who = (cause: Cause, ctx: CauseContext): string => {
  switch (cause.kind) {
    case "user":
      return (
        cause.user_name ??
        (cause.user_id ? personName(ctx.states, cause.user_id) : null) ??
        ctx.t("cause.unknown_user")
      );
    case "automation":
    case "script":
      return (
        cause.name ??
        (cause.entity_id ? entityName(ctx.states, cause.entity_id) : ctx.t(`cause.${cause.kind}`))
      );
    case "action":
      return cause.service ?? ctx.t("cause.action");
    case "device": {
      const dev = cause.device_id ? ctx.devices?.[cause.device_id] : undefined;
      return dev?.name_by_user ?? dev?.name ?? cause.platform ?? ctx.t("cause.device");
    }
    case "entity":
      return cause.entity_id ? entityName(ctx.states, cause.entity_id) : ctx.t("cause.entity");
    default:
      return ctx.t(`cause.${cause.kind}`);
  }
};

const detail = (cause: Cause, ctx: CauseContext): string | null => {
  const parts: string[] = [];
  if (cause.kind === "user" && cause.service) parts.push(cause.service);
  if ((cause.kind === "automation" || cause.kind === "script") && cause.trigger) parts.push(cause.trigger);
  if (cause.via) parts.push(ctx.t("cause.via", { via: entityName(ctx.states, cause.via) }));
  if (cause.reason) parts.push(ctx.t(`reason.${cause.reason}`));
  return parts.length ? parts.join(" · ") : null;
};

/** Describe a cause for a chip or a dialog line. */
export const causeLabel = (cause: Cause, ctx: CauseContext): CauseLabel => ({
  kind: cause.kind,
  text: who(cause, ctx),
  detail: detail(cause, ctx),
  picture: cause.kind === "user" && cause.user_id ? personPicture(ctx.states, cause.user_id) : null,
  low: cause.confidence === "low",
  unobserved: cause.kind === "unobserved",
  actor: causeActor(cause),
});
