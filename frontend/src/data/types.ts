/** Types of the audit_trail websocket contract and the small part of `hass` the card uses. */
import type { Connection, HassConfig, HassEntities } from "home-assistant-js-websocket";

export type Iso = string;

export type CauseKind =
  "user" | "automation" | "script" | "action" | "entity" | "device" | "system" | "unobserved" | "unknown";

export interface Cause {
  kind: CauseKind;
  confidence: "high" | "medium" | "low";
  user_id?: string;
  user_name?: string | null;
  entity_id?: string;
  name?: string;
  trigger?: string;
  run_id?: string;
  service?: string;
  device_id?: string;
  platform?: string;
  reason?: string;
  via?: string;
  runs?: { entity_id: string; trigger?: string }[];
  trigger_entity_id?: string;
  context_id?: string;
  parent_id?: string;
}

export type EventType =
  | "state_changed"
  | "attributes_changed"
  | "entity_added"
  | "entity_removed"
  | "checkpoint"
  | "annotation"
  | "correction"
  | "ha_started"
  | "ha_stopped"
  | "integration_loaded"
  | "integration_unloaded"
  | "gap";

export interface AuditEvent {
  seq: number;
  time: Iso;
  event_type: EventType;
  entity_id: string | null;
  old_state: string | null;
  new_state: string | null;
  attributes?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  cause: Cause;
  causation_seq: number | null;
}

export interface StateAt {
  state: string;
  attributes?: Record<string, unknown>;
  last_changed: Iso;
  last_updated: Iso;
  seq: number;
  cause: Cause;
}

export interface Bucket {
  start: Iso;
  end: Iso;
  count: number;
  state: string | null;
  last_seq: number;
  cause: Cause;
}

export interface Lane {
  initial: StateAt | null;
  exact: boolean;
  events?: AuditEvent[];
  buckets?: Bucket[];
}

export interface Gap {
  start: Iso;
  end: Iso;
  reason: string;
  seq: number;
}

export interface Integrity {
  ok: boolean | null;
  checked: number;
  first_bad_seq: number | null;
  reason: string | null;
  verified_at: Iso | null;
}

export interface Timeline {
  start: Iso;
  end: Iso;
  entities: Record<string, Lane>;
  gaps: Gap[];
  integrity: Integrity;
}

export interface HistoryPage {
  events: AuditEvent[];
  next_cursor: string | null;
}

export interface StatesAt {
  at: Iso;
  states: Record<string, StateAt | null>;
}

export type Hop =
  | ({ hop: "state_change" } & AuditEvent)
  | {
      hop: "automation_run" | "script_run";
      entity_id: string;
      name?: string;
      trigger?: string;
      run_id?: string;
      service?: string;
      trigger_entity_id?: string;
    }
  | { hop: "action_call"; service: string }
  | { hop: "user"; user_id: string; user_name: string | null }
  | { hop: "device"; device_id?: string; platform?: string };

export interface Trace {
  chain: AuditEvent[];
  hops: Hop[];
  root: Cause;
}

export interface ActorSummary {
  actor: string;
  kind: "user" | "automation" | "script";
  name: string | null;
  total: number;
  by_entity: Record<string, number>;
}

export interface Activity {
  actors: ActorSummary[];
  total: number;
}

export interface ActorActivity {
  actor: string;
  total: number;
  by_entity: Record<string, number>;
  by_event_type: Record<string, number>;
  events: AuditEvent[];
}

export interface DiffChange {
  before: StateAt | null;
  after: StateAt | null;
  transitions: number;
}

export interface Diff {
  changes: Record<string, DiffChange>;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  first_bad_seq: number | null;
  reason: string | null;
}

/** The stream's messages: rows in seq order, or a notice that the client fell behind. */
export type StreamMessage = { events: AuditEvent[] } | { dropped: "too_far_behind"; last_seq: number };

/** A context Home Assistant's trace integration still holds, from `trace/contexts`. */
export interface TraceContext {
  run_id: string;
  domain: string;
  item_id: string;
}

export interface EntityRegistryEntry {
  entity_id: string;
  device_id?: string | null;
  area_id?: string | null;
  labels?: string[];
  hidden?: boolean;
  entity_category?: string | null;
  name?: string | null;
}

export interface DeviceRegistryEntry {
  id: string;
  area_id?: string | null;
  labels?: string[];
  name?: string | null;
  name_by_user?: string | null;
}

export interface AreaRegistryEntry {
  area_id: string;
  name: string;
  labels?: string[];
}

export interface HassLocale {
  language: string;
  time_format?: "language" | "system" | "12" | "24";
  time_zone?: "local" | "server";
}

/** The part of Home Assistant's frontend `hass` object this bundle reads. */
export interface HomeAssistant {
  connection: Connection;
  states: HassEntities;
  config: HassConfig;
  locale: HassLocale;
  language?: string;
  user?: { id: string; name: string; is_admin: boolean };
  entities?: Record<string, EntityRegistryEntry>;
  devices?: Record<string, DeviceRegistryEntry>;
  areas?: Record<string, AreaRegistryEntry>;
  themes?: { darkMode?: boolean };
  auth?: { data: { access_token: string } };
  localize(key: string, values?: Record<string, string | number>): string;
  callWS<T>(msg: Record<string, unknown> & { type: string }): Promise<T>;
  fetchWithAuth?(path: string, init?: RequestInit): Promise<Response>;
  hassUrl?(path?: string): string;
}
