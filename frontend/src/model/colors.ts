/** Pure: the CSS colour of a state, through Home Assistant's state colour variables. */

/** States Home Assistant draws as "off" (inactive) rather than "on" (active). */
const INACTIVE = new Set([
  "off",
  "idle",
  "closed",
  "locked",
  "not_home",
  "standby",
  "docked",
  "paused",
  "disarmed",
  "below_horizon",
  "0",
]);
const UNAVAILABLE = new Set(["unavailable", "unknown"]);

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9_]+/g, "_");

/** Nest var() fallbacks: var(--a, var(--b, fallback)). */
export const cssVarChain = (names: string[], fallback: string): string =>
  names.reduceRight((acc, name) => `var(${name}, ${acc})`, fallback);

/** A palette colour for states with no variable of their own (sensor values, modes). */
const PALETTE = [
  "--blue-color",
  "--teal-color",
  "--amber-color",
  "--purple-color",
  "--cyan-color",
  "--pink-color",
  "--lime-color",
  "--deep-orange-color",
];
const hash = (s: string): number => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

/** The colour of an entity's state, most specific variable first, theme variables as fallback. */
export const stateColor = (entityId: string, state: string | null, deviceClass?: string): string => {
  if (state === null) return "transparent";
  if (UNAVAILABLE.has(state))
    return cssVarChain(
      ["--history-unavailable-color", "--state-unavailable-color"],
      "var(--disabled-text-color, #bdbdbd)",
    );
  const domain = entityId.split(".", 1)[0] ?? "";
  const s = slug(state);
  const active = INACTIVE.has(state) ? "inactive" : "active";
  const names = [
    ...(deviceClass ? [`--state-${domain}-${slug(deviceClass)}-${s}-color`] : []),
    `--state-${domain}-${s}-color`,
  ];
  // Numeric and free-text states have no on/off meaning: give each value a distinct palette colour.
  const binaryish =
    INACTIVE.has(state) ||
    ["on", "open", "unlocked", "home", "playing", "heat", "cool", "active"].includes(state);
  if (binaryish) {
    names.push(`--state-${domain}-${active}-color`, `--state-${active}-color`);
    return cssVarChain(names, active === "active" ? "var(--primary-color)" : "var(--secondary-text-color)");
  }
  return cssVarChain(names, `var(${PALETTE[hash(state) % PALETTE.length]!}, var(--primary-color))`);
};
