"""The user's own sensors: an entity's state some time ago, and who or what last changed it."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.components.sensor import SensorDeviceClass, SensorEntity
from homeassistant.core import Event, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.event import async_track_state_change_event, async_track_time_interval
from homeassistant.util import dt as dt_util

from .const import CONF_NAME, CONF_SOURCE, SENSOR_STATE_AGO, SIGNAL_COMMITTED
from .entity import service_device
from .models import KIND_AUTOMATION, KIND_SCRIPT, KIND_USER, StoredRow
from .query import iso, to_us

if TYPE_CHECKING:
    from . import AuditTrailConfigEntry

# "State ago" moves with time as well as with the source: a minute is fine-grained enough for a
# dashboard or a condition, and costs one indexed query a minute.
REFRESH = timedelta(minutes=1)


def user_sensors(entry: AuditTrailConfigEntry, configs: list[dict[str, Any]]) -> list[SensorEntity]:
    """Build the sensors the user added in the options."""
    return [
        StateAgoSensor(entry, c) if c["type"] == SENSOR_STATE_AGO else LastChangedBySensor(entry, c)
        for c in configs
    ]


class _UserSensor(SensorEntity):
    """Common parts: identity, device, and a store read in the executor."""

    _attr_should_poll = False
    _attr_has_entity_name = True

    def __init__(self, entry: AuditTrailConfigEntry, config: dict[str, Any]) -> None:
        self._entry = entry
        self._source: str = config[CONF_SOURCE]
        self._attr_unique_id = f"{entry.entry_id}_{config['id']}"
        self._attr_name = config[CONF_NAME]
        self._attr_device_info = service_device(entry.entry_id)
        self._attr_extra_state_attributes = {"source": self._source}

    async def _row_at(self, at_us: int) -> StoredRow | None:
        store = self._entry.runtime_data.store
        found = await self.hass.async_add_executor_job(store.state_at, [self._source], at_us)
        return found.get(self._source)


class StateAgoSensor(_UserSensor):
    """The source's state at now minus an offset, as recorded."""

    def __init__(self, entry: AuditTrailConfigEntry, config: dict[str, Any]) -> None:
        super().__init__(entry, config)
        self._offset = timedelta(seconds=int(config["offset_s"]))

    async def async_added_to_hass(self) -> None:
        """Follow the source and the clock."""
        self.async_on_remove(
            async_track_state_change_event(self.hass, [self._source], self._async_changed)
        )
        self.async_on_remove(async_track_time_interval(self.hass, self._async_tick, REFRESH))
        await self._async_refresh()

    @callback
    def _async_changed(self, _event: Event[Any]) -> None:
        self.hass.async_create_task(self._async_refresh(), eager_start=False)

    async def _async_tick(self, _now: object) -> None:
        await self._async_refresh()

    async def _async_refresh(self) -> None:
        at = dt_util.utcnow() - self._offset
        row = await self._row_at(to_us(at))
        value = None if row is None else row.new_state
        self._attr_native_value = value
        self._attr_native_unit_of_measurement = None
        self._attr_device_class = None
        attrs = (row.new_attributes if row is not None else None) or {}
        if value is not None and _is_number(value):
            # A number keeps its unit and device class, so graphs and conditions compare alike.
            self._attr_native_unit_of_measurement = attrs.get("unit_of_measurement")
            device_class = attrs.get("device_class")
            if device_class in {c.value for c in SensorDeviceClass}:
                self._attr_device_class = SensorDeviceClass(device_class)
        self._attr_extra_state_attributes = {
            "source": self._source,
            "at": iso(to_us(at)),
            "seq": None if row is None else row.seq,
        }
        self.async_write_ha_state()


class LastChangedBySensor(_UserSensor):
    """Who or what last changed the source, updated as the log is written."""

    _seq: int | None = None

    async def async_added_to_hass(self) -> None:
        """Refresh after each commit (a cheap indexed read)."""
        self.async_on_remove(
            async_dispatcher_connect(self.hass, SIGNAL_COMMITTED, self._async_committed)
        )
        await self._async_refresh()

    @callback
    def _async_committed(self, _last_seq: int, _rows: int) -> None:
        self.hass.async_create_task(self._async_refresh(), eager_start=False)

    async def _async_refresh(self) -> None:
        row = await self._row_at(to_us(dt_util.utcnow()))
        if row is None or row.seq == self._seq:
            if row is None:
                self.async_write_ha_state()
            return
        self._seq = row.seq
        cause = row.cause
        users = {u.id: u.name for u in await self.hass.auth.async_get_users()}
        user_name = users.get(cause.get("user_id", ""))
        automation = (
            cause.get("entity_id") if cause.get("kind") in (KIND_AUTOMATION, KIND_SCRIPT) else None
        )
        if cause.get("kind") == KIND_USER or (user_name and not automation):
            value = user_name or cause.get("user_id")
        else:
            value = cause.get("name") or automation or cause.get("kind")
        self._attr_native_value = value
        self._attr_extra_state_attributes = {
            "source": self._source,
            "kind": cause.get("kind"),
            "user_name": user_name,
            "automation": automation,
            "time": iso(row.time_us),
            "seq": row.seq,
        }
        self.async_write_ha_state()


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
