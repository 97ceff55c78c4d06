import { describe, expect, it } from "vitest";
import { integrityLabel } from "../src/model/integrity";
import { makeLocalize } from "../src/localize/localize";

const t = makeLocalize();
const base = { checked: 0, first_bad_seq: null, reason: null, verified_at: null };
const text = (i: Parameters<typeof integrityLabel>[0]) => {
  const l = integrityLabel(i);
  return t(l.key, l.values);
};

describe("the integrity label", () => {
  it("right after a start, with no row checked, it says the log is not checked yet", () => {
    expect(text({ ...base, ok: true, checked: 0 })).toBe("Log not checked yet");
    expect(integrityLabel({ ...base, ok: true, checked: 0 }).kind).toBe("pending");
  });
  it("says how many rows were verified once some were", () => {
    expect(text({ ...base, ok: true, checked: 1234 })).toBe("Log verified: 1234 rows intact");
  });
  it("not verified yet, and broken with the first bad row", () => {
    expect(text({ ...base, ok: null })).toBe("Log not verified yet");
    const bad = { ...base, ok: false, checked: 50, first_bad_seq: 41, reason: "hash_mismatch" };
    expect(integrityLabel(bad).kind).toBe("bad");
    expect(text(bad)).toBe("Log integrity problem at row 41 (hash_mismatch)");
  });
});
