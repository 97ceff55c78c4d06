import { describe, expect, it } from "vitest";
import { cssVarChain, stateColor } from "../src/model/colors";
import { mergeNewestFirst, needsMore, visibleRange } from "../src/model/virtual";
import { localizeState, makeLocalize } from "../src/localize/localize";

describe("state colours through Home Assistant's variables", () => {
  it("nests var() fallbacks, most specific first", () => {
    expect(cssVarChain(["--a", "--b"], "red")).toBe("var(--a, var(--b, red))");
  });
  it("an on light: domain state variable, then active variables", () => {
    const c = stateColor("light.k", "on");
    expect(c.indexOf("--state-light-on-color")).toBeLessThan(c.indexOf("--state-light-active-color"));
    expect(c).toContain("--state-active-color");
  });
  it("a device class goes first; off is inactive; unavailable uses the history colour", () => {
    const door = stateColor("binary_sensor.d", "off", "door");
    expect(door.startsWith("var(--state-binary_sensor-door-off-color")).toBe(true);
    expect(door).toContain("--state-inactive-color");
    expect(stateColor("light.k", "unavailable").startsWith("var(--history-unavailable-color")).toBe(true);
    expect(stateColor("light.k", null)).toBe("transparent");
  });
  it("free values get a stable palette colour, different values usually differ", () => {
    expect(stateColor("sensor.t", "21.5")).toBe(stateColor("sensor.t", "21.5"));
    const colours = new Set(["1", "2", "3", "4", "5", "6"].map((v) => stateColor("sensor.t", v)));
    expect(colours.size).toBeGreaterThan(2);
  });
});

describe("the virtualised list", () => {
  it("renders only the rows in view plus overscan, with true spacer heights", () => {
    const r = visibleRange(10_000, 400, 40, 10_000, 5);
    expect(r).toEqual({ first: 245, last: 265, padTop: 9800, padBottom: (10_000 - 265) * 40 });
  });
  it("clamps at both ends and asks for more near the loaded end", () => {
    expect(visibleRange(0, 400, 40, 3, 5)).toEqual({ first: 0, last: 3, padTop: 0, padBottom: 0 });
    const end = visibleRange(3600, 400, 40, 100, 5);
    expect(needsMore(end, 100, true)).toBe(true);
    expect(needsMore(end, 100, false)).toBe(false);
    expect(needsMore(visibleRange(0, 400, 40, 100, 5), 100, true)).toBe(false);
  });
  it("merges pages and live rows newest first, each seq once", () => {
    expect(
      mergeNewestFirst([{ seq: 5 }, { seq: 4 }], [{ seq: 6 }, { seq: 5 }, { seq: 1 }]).map((e) => e.seq),
    ).toEqual([6, 5, 4, 1]);
  });
});

describe("localize", () => {
  it("uses Home Assistant's translation where it has the key, the bundle's English otherwise", () => {
    const ha = (key: string) => (key === "ui.common.close" ? "Schließen" : "");
    const t = makeLocalize(ha);
    expect(t("common.close")).toBe("Schließen");
    expect(t("card.dense", { count: 4 })).toBe("4 changes");
    expect(t("gap.some_new_reason")).toBe("some new reason");
  });
  it("translates states through the entity component's keys", () => {
    const ha = (key: string) => (key === "component.light.entity_component._.state.on" ? "An" : "");
    expect(localizeState(ha, "light.k", "on")).toBe("An");
    expect(localizeState(ha, "sensor.t", "21")).toBe("21");
  });
});
