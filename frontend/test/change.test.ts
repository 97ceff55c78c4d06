import { describe, expect, it } from "vitest";
import { changeText, type ChangeWords } from "../src/model/change";
import { makeLocalize } from "../src/localize/localize";
import { ev } from "./fixtures";

const t = makeLocalize();
const ctx: ChangeWords = {
  t,
  state: (_id, s) => (s === "on" ? "On" : s === "off" ? "Off" : String(s)),
};

describe("what a row says changed", () => {
  it("old -> new in the user's words, attributes-only and lifecycle rows by name", () => {
    expect(changeText(ev(1, 0), ctx)).toBe("Off → On");
    expect(changeText(ev(2, 0, { old_state: "on", new_state: "on" }), ctx)).toBe("attributes changed");
    expect(changeText(ev(3, 0, { event_type: "entity_added", old_state: null, new_state: "on" }), ctx)).toBe(
      "added: On",
    );
    expect(changeText(ev(4, 0, { event_type: "entity_removed", new_state: null }), ctx)).toBe("removed");
  });
  it("a note or a correction shows its message and the row it is about", () => {
    const note = ev(5, 0, { event_type: "correction", causation_seq: 4, payload: { message: "was a test" } });
    expect(changeText(note, ctx)).toBe("Correction (#4): was a test");
  });
});
