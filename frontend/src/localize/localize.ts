/** One localize function: Home Assistant's string where it has a key, this bundle's otherwise. */
import { EN } from "./en";

/** Keys whose text Home Assistant already translates, mapped to its keys. */
const HA_KEYS: Record<string, string> = {
  "common.close": "ui.common.close",
  "common.cancel": "ui.common.cancel",
  "common.refresh": "ui.common.refresh",
  "replay.play": "ui.components.media-browser.play",
};

export type Localize = (key: string, values?: Record<string, string | number>) => string;

const fill = (text: string, values?: Record<string, string | number>): string =>
  values ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m)) : text;

/** Build the bundle's localize from Home Assistant's (absent outside HA, e.g. in tests). */
export const makeLocalize =
  (haLocalize?: (key: string, values?: Record<string, string | number>) => string): Localize =>
  (key, values) => {
    const haKey = HA_KEYS[key];
    if (haKey && haLocalize) {
      const text = haLocalize(haKey, values);
      if (text) return text;
    }
    const own = EN[key];
    if (own !== undefined) return fill(own, values);
    // A reason or gap code the bundle does not know yet: show the code rather than nothing.
    return key.includes(".") ? key.slice(key.indexOf(".") + 1).replace(/_/g, " ") : key;
  };

/** A state in the user's language when Home Assistant translates it. */
export const localizeState = (
  haLocalize: ((key: string) => string) | undefined,
  entityId: string,
  state: string,
): string => {
  const domain = entityId.split(".", 1)[0];
  const text = haLocalize?.(`component.${domain}.entity_component._.state.${state}`);
  return text || state;
};
