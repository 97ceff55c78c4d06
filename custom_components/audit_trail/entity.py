"""The base of Audit Trail's own entities, all on its service device."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN, TITLE
from .coordinator import AuditTrailCoordinator


def service_device(entry_id: str) -> DeviceInfo:
    """Return the device every Audit Trail entity belongs to."""
    return DeviceInfo(
        identifiers={(DOMAIN, entry_id)},
        name=TITLE,
        manufacturer=TITLE,
        entry_type=DeviceEntryType.SERVICE,
    )


class AuditTrailEntity(CoordinatorEntity[AuditTrailCoordinator]):
    """An entity showing part of Audit Trail's status."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: AuditTrailCoordinator, description: EntityDescription) -> None:
        super().__init__(coordinator)
        self.entity_description = description
        entry_id = coordinator.config_entry.entry_id
        self._attr_unique_id = f"{entry_id}_{description.key}"
        self._attr_device_info = service_device(entry_id)
