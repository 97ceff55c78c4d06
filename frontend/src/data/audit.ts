/** Typed wrappers of every audit_trail/* websocket command; no DOM. */
import type {
  Activity,
  ActorActivity,
  Diff,
  HistoryPage,
  HomeAssistant,
  StatesAt,
  Timeline,
  Trace,
  TraceContext,
  VerifyResult,
} from "./types";

type Time = string | Date;

const iso = (t: Time): string => (typeof t === "string" ? t : t.toISOString());

/** Drop keys whose value is undefined, so the server's defaults apply. */
const compact = (msg: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(msg).filter(([, v]) => v !== undefined));

export interface HistoryQuery {
  entityIds: string[];
  start: Time;
  end?: Time;
  eventTypes?: string[];
  limit?: number;
  cursor?: string | null;
  order?: "asc" | "desc";
}

/** One page of rows of the given entities. */
export const fetchHistory = (hass: HomeAssistant, q: HistoryQuery): Promise<HistoryPage> =>
  hass.callWS<HistoryPage>({
    type: "audit_trail/history",
    ...compact({
      entity_id: q.entityIds,
      start: iso(q.start),
      end: q.end === undefined ? undefined : iso(q.end),
      event_types: q.eventTypes,
      limit: q.limit,
      cursor: q.cursor ?? undefined,
      order: q.order,
    }),
  });

/** The state of each entity (all when none given) at an instant. */
export const fetchStateAt = (
  hass: HomeAssistant,
  at: Time,
  entityIds?: string[],
  attributes?: boolean,
): Promise<StatesAt> =>
  hass.callWS<StatesAt>({
    type: "audit_trail/state_at",
    ...compact({ at: iso(at), entity_id: entityIds, attributes }),
  });

/** The causation chain of a row, effect first, to its root. */
export const fetchTrace = (hass: HomeAssistant, seq: number): Promise<Trace> =>
  hass.callWS<Trace>({ type: "audit_trail/trace", seq });

export interface TimelineQuery {
  entityIds: string[];
  start: Time;
  end?: Time;
  buckets?: number;
  exactLimit?: number;
}

/** Lanes of the given entities over a window, exact or in buckets. */
export const fetchTimeline = (hass: HomeAssistant, q: TimelineQuery): Promise<Timeline> =>
  hass.callWS<Timeline>({
    type: "audit_trail/timeline",
    ...compact({
      entity_id: q.entityIds,
      start: iso(q.start),
      end: q.end === undefined ? undefined : iso(q.end),
      buckets: q.buckets === undefined ? undefined : clampBuckets(q.buckets),
      exact_limit: q.exactLimit,
    }),
  });

/** The server takes 10..4000 buckets; a lane narrower or wider than that is clamped. */
export const clampBuckets = (n: number): number => Math.min(4000, Math.max(10, Math.round(n)));

/** Who changed what in a window (admin only). */
export const fetchActivity = (hass: HomeAssistant, start: Time, end?: Time): Promise<Activity> =>
  hass.callWS<Activity>({
    type: "audit_trail/activity",
    ...compact({ start: iso(start), end: end === undefined ? undefined : iso(end) }),
  });

/** One actor's changes in a window (admin only). */
export const fetchActorActivity = (
  hass: HomeAssistant,
  actor: string,
  start: Time,
  end?: Time,
): Promise<ActorActivity> =>
  hass.callWS<ActorActivity>({
    type: "audit_trail/activity",
    ...compact({ start: iso(start), end: end === undefined ? undefined : iso(end), actor }),
  });

/** What differs between two instants. */
export const fetchDiff = (hass: HomeAssistant, start: Time, end: Time, entityIds?: string[]): Promise<Diff> =>
  hass.callWS<Diff>({
    type: "audit_trail/diff",
    ...compact({ start: iso(start), end: iso(end), entity_id: entityIds }),
  });

/** Check the hash chain now (admin only). */
export const verifyLog = (hass: HomeAssistant, fromSeq?: number): Promise<VerifyResult> =>
  hass.callWS<VerifyResult>({ type: "audit_trail/verify", ...compact({ from_seq: fromSeq }) });

/** Home Assistant's own map of the contexts whose traces it still keeps. */
export const fetchTraceContexts = (
  hass: HomeAssistant,
  domain?: string,
  itemId?: string,
): Promise<Record<string, TraceContext>> =>
  hass.callWS<Record<string, TraceContext>>({
    type: "trace/contexts",
    ...compact({ domain, item_id: itemId }),
  });
