import type { HassEntities } from "home-assistant-js-websocket";
import { describe, expect, it } from "vitest";
import { causeActor, causeLabel, type CauseContext } from "../src/model/cause";
import { makeLocalize } from "../src/localize/localize";

const entity = (entity_id: string, attributes: Record<string, unknown>) => ({
  entity_id,
  state: "x",
  attributes,
  last_changed: "",
  last_updated: "",
  context: { id: "", user_id: null, parent_id: null },
});
const states = {
  "person.ann": entity("person.ann", {
    user_id: "u1",
    friendly_name: "Ann P",
    entity_picture: "/api/image/ann.jpg",
  }),
  "automation.night": entity("automation.night", { friendly_name: "Night lights", id: "1700" }),
  "script.morning": entity("script.morning", { friendly_name: "Morning" }),
} as unknown as HassEntities;
const ctx: CauseContext = {
  states,
  devices: { d1: { id: "d1", name: "Hue bridge", name_by_user: "Hall switch" } },
  t: makeLocalize(),
};

describe("cause labels", () => {
  it("a user: the name from the answer and the person's picture", () => {
    const l = causeLabel(
      { kind: "user", confidence: "high", user_id: "u1", user_name: "Ann", service: "light.turn_on" },
      ctx,
    );
    expect([l.text, l.picture, l.detail, l.actor]).toEqual([
      "Ann",
      "/api/image/ann.jpg",
      "light.turn_on",
      "u1",
    ]);
  });
  it("a deleted user: the person's name if one is linked, else 'Unknown user', and no picture without a person", () => {
    expect(causeLabel({ kind: "user", confidence: "high", user_id: "u1", user_name: null }, ctx).text).toBe(
      "Ann P",
    );
    const gone = causeLabel({ kind: "user", confidence: "high", user_id: "u9", user_name: null }, ctx);
    expect([gone.text, gone.picture]).toEqual(["Unknown user", null]);
  });
  it("an automation: its recorded name, else today's friendly name; its trigger as detail", () => {
    expect(
      causeLabel(
        {
          kind: "automation",
          confidence: "high",
          entity_id: "automation.night",
          name: "Old name",
          trigger: "sun",
        },
        ctx,
      ),
    ).toMatchObject({ text: "Old name", detail: "sun", actor: "automation.night" });
    expect(
      causeLabel({ kind: "automation", confidence: "high", entity_id: "automation.night" }, ctx).text,
    ).toBe("Night lights");
  });
  it("a script run started by another run names it in the detail", () => {
    expect(
      causeLabel(
        { kind: "script", confidence: "high", entity_id: "script.morning", via: "automation.night" },
        ctx,
      ).detail,
    ).toBe("via Night lights");
  });
  it("a device: its user-given name, else the platform", () => {
    expect(causeLabel({ kind: "device", confidence: "medium", device_id: "d1" }, ctx).text).toBe(
      "Hall switch",
    );
    expect(causeLabel({ kind: "device", confidence: "medium", platform: "zha" }, ctx).text).toBe("zha");
  });
  it("an action without a user: the service", () => {
    expect(causeLabel({ kind: "action", confidence: "high", service: "light.turn_off" }, ctx).text).toBe(
      "light.turn_off",
    );
  });
  it("flags low confidence and unobserved causes, with the reason in words", () => {
    const low = causeLabel({ kind: "device", confidence: "low", reason: "context_reused" }, ctx);
    expect([low.low, low.unobserved, low.detail]).toEqual([true, false, "context reused"]);
    const un = causeLabel(
      { kind: "unobserved", confidence: "low", reason: "appeared_while_not_observed" },
      ctx,
    );
    expect([un.text, un.unobserved, un.actor]).toEqual(["Not observed", true, null]);
  });
  it("the actor key matches the server's index: user first, then automation or script entity", () => {
    expect(
      causeActor({ kind: "automation", confidence: "high", entity_id: "automation.a", user_id: "u2" }),
    ).toBe("u2");
    expect(causeActor({ kind: "entity", confidence: "high", entity_id: "sensor.x" })).toBeNull();
  });
});
