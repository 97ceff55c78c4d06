/** Pure: what a row says changed, in words: old -> new, or what kind of row it is. */
import type { AuditEvent } from "../data/types";

/** The words it needs: the bundle's strings and a state in the user's language. */
export interface ChangeWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  state: (entityId: string, state: string | null) => string;
}

/** What a row says changed: old -> new, or what kind of change it was. */
export const changeText = (e: AuditEvent, ctx: ChangeWords): string => {
  const id = e.entity_id ?? "";
  switch (e.event_type) {
    case "attributes_changed":
      return ctx.t("change.attributes");
    case "entity_added":
      return `${ctx.t("change.added")}: ${ctx.state(id, e.new_state)}`;
    case "entity_removed":
      return ctx.t("change.removed");
    case "annotation":
    case "correction": {
      const msg = typeof e.payload?.message === "string" ? e.payload.message : "";
      const of = e.causation_seq === null ? "" : ` (#${e.causation_seq})`;
      return `${ctx.t(`change.${e.event_type}`)}${of}: ${msg}`;
    }
    default:
      if (e.old_state === e.new_state) return ctx.t("change.attributes");
      return `${e.old_state === null ? "—" : ctx.state(id, e.old_state)} → ${e.new_state === null ? "—" : ctx.state(id, e.new_state)}`;
  }
};
