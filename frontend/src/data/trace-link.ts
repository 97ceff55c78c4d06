/** Link an automation or script run to Home Assistant's own trace of it, when HA still keeps it. */
import { fetchTraceContexts } from "./audit";
import type { HomeAssistant } from "./types";

export type TraceLink = { kind: "link"; url: string } | { kind: "gone" } | { kind: "none" };

/** The trace page of a run (named by its context id), found through `trace/contexts`; "gone" when HA dropped it. */
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
  // Audit Trail names a run by its context id; trace/contexts maps that context to HA's run id.
  // A run id of HA's own (should a cause ever carry one) is matched too.
  const found = contexts[runId] ?? Object.values(contexts).find((c) => c.run_id === runId);
  if (!found || found.item_id !== itemId) return { kind: "gone" };
  const query = `run_id=${encodeURIComponent(found.run_id)}`;
  return { kind: "link", url: `/config/${domain}/trace/${encodeURIComponent(itemId)}?${query}` };
};
