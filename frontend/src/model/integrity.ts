/** Pure: what the card says about the log's hash chain, honestly (nothing checked is not "verified"). */
import type { Integrity } from "../data/types";

export type IntegrityLabel =
  | { kind: "pending"; key: "integrity.pending" | "integrity.unchecked"; values: Record<string, never> }
  | { kind: "ok"; key: "integrity.ok"; values: { checked: number } }
  | { kind: "bad"; key: "integrity.bad"; values: { seq: number | string; reason: string } };

/** The label of an integrity answer: pending, not checked yet (0 rows), verified, or broken. */
export const integrityLabel = (i: Integrity): IntegrityLabel => {
  if (i.ok === false)
    return {
      kind: "bad",
      key: "integrity.bad",
      values: { seq: i.first_bad_seq ?? "?", reason: i.reason ?? "" },
    };
  if (i.ok === null) return { kind: "pending", key: "integrity.pending", values: {} };
  // ok with no row checked (right after a start) proves nothing: say so rather than "0 rows intact".
  if (i.checked <= 0) return { kind: "pending", key: "integrity.unchecked", values: {} };
  return { kind: "ok", key: "integrity.ok", values: { checked: i.checked } };
};
