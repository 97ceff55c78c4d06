/** Pure: a card's `entities` and `target` (as HA's target selector gives it) -> entity ids. */
import type { AreaRegistryEntry, DeviceRegistryEntry, EntityRegistryEntry } from "../data/types";

export interface Target {
  entity_id?: string | string[];
  device_id?: string | string[];
  area_id?: string | string[];
  label_id?: string | string[];
}

export interface Registries {
  entities?: Record<string, EntityRegistryEntry>;
  devices?: Record<string, DeviceRegistryEntry>;
  areas?: Record<string, AreaRegistryEntry>;
}

export const asList = (v: string | string[] | undefined | null): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];

/** Like Home Assistant's own target expansion: hidden and config/diagnostic entities are left out. */
const expandable = (e: EntityRegistryEntry): boolean => !e.hidden && !e.entity_category;

/** Every entity id the config names, in a stable order, each once. */
export const resolveEntities = (
  entities: string[] | undefined,
  target: Target | undefined,
  reg: Registries,
): string[] => {
  const out = new Set<string>(entities ?? []);
  for (const id of asList(target?.entity_id)) out.add(id);
  const labels = new Set(asList(target?.label_id));
  const has = (ls: string[] | undefined): boolean => ls?.some((l) => labels.has(l)) ?? false;
  const devices = new Set(asList(target?.device_id));
  const areas = new Set(asList(target?.area_id));
  // A label on a device or an area reaches their entities, as in Home Assistant.
  for (const d of Object.values(reg.devices ?? {})) if (has(d.labels)) devices.add(d.id);
  for (const a of Object.values(reg.areas ?? {})) if (has(a.labels)) areas.add(a.area_id);
  const areaDevices = new Set(
    Object.values(reg.devices ?? {})
      .filter((d) => d.area_id && areas.has(d.area_id))
      .map((d) => d.id),
  );
  const expanded: string[] = [];
  for (const e of Object.values(reg.entities ?? {})) {
    if (!expandable(e)) continue;
    const dev = e.device_id ?? "";
    if (
      has(e.labels) ||
      (e.area_id != null && areas.has(e.area_id)) ||
      devices.has(dev) ||
      // A device's entity follows the device's area unless it has an area of its own.
      (e.area_id == null && areaDevices.has(dev))
    ) {
      expanded.push(e.entity_id);
    }
  }
  for (const id of expanded.sort()) out.add(id);
  return [...out];
};
