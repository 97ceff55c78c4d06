"""Sensors about the audit log itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import EntityCategory, UnitOfInformation
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddEntitiesCallback

from . import AuditTrailConfigEntry
from .const import CONF_SENSORS
from .coordinator import Status
from .entity import AuditTrailEntity
from .user_sensors import user_sensors


@dataclass(frozen=True, kw_only=True)
class AuditTrailSensorDescription(SensorEntityDescription):
    """A sensor and how to read its value from the status."""

    value_fn: Callable[[Status], float | int | datetime | None]


def _oldest(status: Status) -> datetime | None:
    oldest = status.stats.oldest_time_us
    return None if oldest is None else datetime.fromtimestamp(oldest / 1e6, UTC)


SENSORS = (
    AuditTrailSensorDescription(
        key="events_recorded",
        translation_key="events_recorded",
        state_class=SensorStateClass.TOTAL_INCREASING,
        value_fn=lambda s: s.stats.last_seq,
    ),
    AuditTrailSensorDescription(
        key="events_per_minute",
        translation_key="events_per_minute",
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement="events/min",
        suggested_display_precision=0,
        value_fn=lambda s: s.per_minute,
    ),
    AuditTrailSensorDescription(
        key="store_size",
        translation_key="store_size",
        device_class=SensorDeviceClass.DATA_SIZE,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=UnitOfInformation.BYTES,
        suggested_unit_of_measurement=UnitOfInformation.MEBIBYTES,
        suggested_display_precision=1,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda s: s.stats.size_bytes,
    ),
    AuditTrailSensorDescription(
        key="oldest_retained",
        translation_key="oldest_retained",
        device_class=SensorDeviceClass.TIMESTAMP,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=_oldest,
    ),
    AuditTrailSensorDescription(
        key="write_backlog",
        translation_key="write_backlog",
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement="events",
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda s: s.backlog,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,  # noqa: ARG001
    entry: AuditTrailConfigEntry,
    async_add_entities: AddEntitiesCallback,
) -> None:
    """Add the status sensors."""
    coordinator = entry.runtime_data.coordinator
    async_add_entities(AuditTrailSensor(coordinator, d) for d in SENSORS)
    async_add_entities(user_sensors(entry, list(entry.options.get(CONF_SENSORS, []))))


class AuditTrailSensor(AuditTrailEntity, SensorEntity):
    """One figure about the audit log."""

    entity_description: AuditTrailSensorDescription

    @property
    def native_value(self) -> float | int | datetime | None:
        """Return the value from the latest status."""
        return self.entity_description.value_fn(self.coordinator.data)
