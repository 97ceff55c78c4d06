import { describe, expect, it } from "vitest";
import { resolveEntities, type Registries } from "../src/model/target";

const reg: Registries = {
  entities: {
    "light.k1": { entity_id: "light.k1", device_id: "dk" },
    "sensor.k_batt": { entity_id: "sensor.k_batt", device_id: "dk", entity_category: "diagnostic" },
    "light.k_moved": { entity_id: "light.k_moved", device_id: "dk", area_id: "hall" },
    "switch.hidden": { entity_id: "switch.hidden", device_id: "dk", hidden: true },
    "light.lamp": { entity_id: "light.lamp", area_id: "kitchen" },
    "sensor.tagged": { entity_id: "sensor.tagged", labels: ["watch"] },
    "lock.front": { entity_id: "lock.front", device_id: "dl" },
    "fan.attic": { entity_id: "fan.attic", device_id: "da" },
  },
  devices: {
    dk: { id: "dk", area_id: "kitchen" },
    dl: { id: "dl", area_id: "hall", labels: ["security"] },
    da: { id: "da", area_id: "attic" },
  },
  areas: {
    kitchen: { area_id: "kitchen", name: "Kitchen" },
    hall: { area_id: "hall", name: "Hall" },
    attic: { area_id: "attic", name: "Attic", labels: ["watch"] },
  },
};

describe("target resolution", () => {
  it("an area: entities in it, and entities of its devices unless they have an area of their own", () => {
    expect(resolveEntities(undefined, { area_id: "kitchen" }, reg)).toEqual(["light.k1", "light.lamp"]);
  });
  it("a device: all its visible entities, wherever they are", () => {
    expect(resolveEntities(undefined, { device_id: ["dk"] }, reg)).toEqual(["light.k1", "light.k_moved"]);
  });
  it("a label: on entities, on devices and on areas", () => {
    expect(resolveEntities(undefined, { label_id: ["watch", "security"] }, reg)).toEqual([
      "fan.attic",
      "lock.front",
      "sensor.tagged",
    ]);
  });
  it("explicit entities first, in their order, hidden ones too; no duplicates", () => {
    expect(
      resolveEntities(["switch.hidden", "light.lamp"], { entity_id: "light.lamp", area_id: "kitchen" }, reg),
    ).toEqual(["switch.hidden", "light.lamp", "light.k1"]);
  });
  it("nothing configured: nothing", () => {
    expect(resolveEntities(undefined, undefined, reg)).toEqual([]);
    expect(resolveEntities([], {}, {})).toEqual([]);
  });
});
