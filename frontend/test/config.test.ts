import type { HassEntities } from "home-assistant-js-websocket";
import { describe, expect, it } from "vitest";
import { checkConfig, ConfigError, configForm, entitySuggestion, stubConfig } from "../src/model/config";
import { makeLocalize } from "../src/localize/localize";

const st = (entity_id: string, minutesAgo: number) => ({
  entity_id,
  state: "on",
  attributes: {},
  last_changed: new Date(Date.UTC(2026, 11, 1) - minutesAgo * 60000).toISOString(),
  last_updated: "",
  context: { id: "", user_id: null, parent_id: null },
});
const states = Object.fromEntries(
  [st("sensor.noise", 0), st("light.a", 5), st("lock.door", 1), st("switch.b", 30), st("cover.c", 60)].map(
    (s) => [s.entity_id, s],
  ),
) as unknown as HassEntities;

describe("card config", () => {
  it("defaults hours_to_show to 24 and keeps entities, title and target", () => {
    expect(
      checkConfig({
        type: "custom:audit-trail-card",
        entities: ["light.a"],
        title: "T",
        target: { area_id: ["kitchen"] },
      }),
    ).toEqual({
      type: "custom:audit-trail-card",
      entities: ["light.a"],
      title: "T",
      target: { area_id: ["kitchen"] },
      hours_to_show: 24,
    });
  });
  it("refuses bad input with a message naming the key", () => {
    expect(() => checkConfig({ type: "x", entities: "light.a" })).toThrow(/entities/);
    expect(() => checkConfig({ type: "x", entities: ["Light A"] })).toThrow(ConfigError);
    expect(() => checkConfig({ type: "x", hours_to_show: 0 })).toThrow(/hours_to_show/);
    expect(() => checkConfig({ type: "x", hours_to_show: "24" })).toThrow(/hours_to_show/);
    expect(() => checkConfig({ type: "x", target: { area_id: 5 } })).toThrow(/target.area_id/);
    expect(() => checkConfig(null)).toThrow(ConfigError);
  });
  it("the form offers HA's selectors for every key, labelled", () => {
    const form = configForm(makeLocalize());
    expect(form.schema.map((s) => [s.name, Object.keys(s.selector)[0]])).toEqual([
      ["title", "text"],
      ["entities", "entity"],
      ["target", "target"],
      ["hours_to_show", "number"],
    ]);
    expect(form.schema[1]!.selector).toEqual({ entity: { multiple: true } });
    expect(form.computeLabel({ name: "hours_to_show" })).toBe("Hours to show");
  });
  it("the stub picks the most recently changed entities people use", () => {
    expect(stubConfig(states).entities).toEqual(["lock.door", "light.a", "switch.b"]);
    expect(stubConfig({} as HassEntities).entities).toEqual([]);
  });
  it("suggests itself for an existing entity only", () => {
    expect(entitySuggestion(states, "light.a", "Audit trail of this entity")).toEqual({
      label: "Audit trail of this entity",
      config: { type: "custom:audit-trail-card", entities: ["light.a"], hours_to_show: 24 },
    });
    expect(entitySuggestion(states, "light.gone", "x")).toBeNull();
  });
});
