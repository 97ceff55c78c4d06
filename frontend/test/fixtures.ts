/** Small builders of contract values for the tests. */
import type { AuditEvent, Cause, StateAt } from "../src/data/types";

export const T0 = Date.parse("2026-12-01T00:00:00+00:00");
export const H = 3_600_000;
export const at = (h: number): string => new Date(T0 + h * H).toISOString();

export const user = (id = "u1", name: string | null = "Ann"): Cause => ({
  kind: "user",
  confidence: "high",
  user_id: id,
  user_name: name,
});
export const auto = (entity_id = "automation.night", name = "Night"): Cause => ({
  kind: "automation",
  confidence: "high",
  entity_id,
  name,
  run_id: "r1",
  trigger: "time",
});

export const ev = (seq: number, h: number, over: Partial<AuditEvent> = {}): AuditEvent => ({
  seq,
  time: at(h),
  event_type: "state_changed",
  entity_id: "light.kitchen",
  old_state: "off",
  new_state: "on",
  cause: user(),
  causation_seq: null,
  ...over,
});

export const initial = (state: string, changedH: number, seq = 1, cause: Cause = user()): StateAt => ({
  state,
  last_changed: at(changedH),
  last_updated: at(changedH),
  seq,
  cause,
});
