"""The integrity problem sensor, kept current by a scheduled incremental verify."""

from __future__ import annotations

from typing import Any

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from . import AuditTrailConfigEntry
from .entity import AuditTrailEntity

INTEGRITY = BinarySensorEntityDescription(
    key="integrity",
    translation_key="integrity",
    device_class=BinarySensorDeviceClass.PROBLEM,
    entity_category=EntityCategory.DIAGNOSTIC,
)


async def async_setup_entry(
    hass: HomeAssistant,  # noqa: ARG001
    entry: AuditTrailConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the integrity sensor."""
    async_add_entities([IntegritySensor(entry.runtime_data.coordinator, INTEGRITY)])


class IntegritySensor(AuditTrailEntity, BinarySensorEntity):
    """On when the hash chain does not verify."""

    @property
    def is_on(self) -> bool | None:
        """Return whether there is a problem (unknown until the first check)."""
        result = self.coordinator.data.verify
        return None if result is None else not result.ok

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return what the last check found."""
        result = self.coordinator.data.verify
        if result is None:
            return {}
        return {
            "checked": result.checked,
            "first_bad_seq": result.first_bad_seq,
            "reason": result.reason,
        }
