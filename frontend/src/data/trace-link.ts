/** Link an automation or script run to Home Assistant's own trace of it, when HA still keeps it. */
import { fetchTraceContexts } from "./audit";
import type { HomeAssistant } from "./types";

export type TraceLink = { kind: "link"; url: string } | { kind: "gone" } | { kind: "none" };

/** The trace page of a run, found through `trace/contexts`; "gone" when HA dropped it. */
export const findTraceLink = async (
  hass: HomeAssistant,
  entityId: string,
  runId?: string,
): Promise<TraceLink> => {
  const domain = entityId.split(".", 1)[0];
  if (!runId || (domain !== "automation" && domain !== "script")) return { kind: "none" };
  // The trace page is keyed by the item id: an automation's `id` attribute, a script's object id.
  const attrId = hass.states[entityId]?.attributes.id;
  const itemId =
    domain === "automation"
      ? typeof attrId === "string"
        ? attrId
        : null
      : entityId.slice(domain.length + 1);
  if (!itemId) return { kind: "gone" };
  let contexts;
  try {
    contexts = await fetchTraceContexts(hass, domain, itemId);
  } catch {
    return { kind: "gone" };
  }
  const found = Object.values(contexts).some((c) => c.run_id === runId && c.item_id === itemId);
  if (!found) return { kind: "gone" };
  return {
    kind: "link",
    url: `/config/${domain}/trace/${encodeURIComponent(itemId)}?run_id=${encodeURIComponent(runId)}`,
  };
};
