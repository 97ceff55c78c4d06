"""Config flow (one entry, created from the UI) and the options flow for Audit Trail."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import voluptuous as vol
from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.core import callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers import selector

from .backend import DriverMissingError, async_install_driver
from .const import (
    BACKEND_POSTGRESQL,
    BACKEND_SQLITE,
    CONF_ARCHIVE_DROPPED,
    CONF_BACKEND,
    CONF_COPY_SQLITE,
    CONF_EXCLUDE_DOMAINS,
    CONF_EXCLUDE_ENTITIES,
    CONF_EXCLUDE_GLOBS,
    CONF_EXCLUDED_ATTRIBUTES,
    CONF_INCLUDE_DOMAINS,
    CONF_INCLUDE_ENTITIES,
    CONF_INCLUDE_GLOBS,
    CONF_INSTANCE,
    CONF_KEEP_MONTHS,
    CONF_NAME,
    CONF_OFFSET,
    CONF_OWNER_URL,
    CONF_RETENTION_LEVEL,
    CONF_SELECTED_ATTRIBUTES,
    CONF_SELECTED_ONLY,
    CONF_SENSORS,
    CONF_SOURCE,
    CONF_TRANSITIONS_ONLY,
    CONF_URL,
    DEFAULT_INSTANCE,
    DEFAULT_OPTIONS,
    DOMAIN,
    INSTANCE_PATTERN,
    LEVELS,
    SENSOR_LAST_CHANGED_BY,
    SENSOR_STATE_AGO,
    STORE_DIRNAME,
    TITLE,
)
from .store.pg_probe import redact_url

_TEXT_LIST = selector.SelectSelector(
    selector.SelectSelectorConfig(options=[], multiple=True, custom_value=True)
)
_TEXT = selector.TextSelector()
BACKENDS = [BACKEND_SQLITE, BACKEND_POSTGRESQL]
_ENTITIES = selector.EntitySelector(selector.EntitySelectorConfig(multiple=True))
_LIST_KEYS = (
    CONF_INCLUDE_DOMAINS,
    CONF_INCLUDE_GLOBS,
    CONF_EXCLUDE_DOMAINS,
    CONF_EXCLUDE_GLOBS,
    CONF_TRANSITIONS_ONLY,
    CONF_SELECTED_ONLY,
    CONF_SELECTED_ATTRIBUTES,
    CONF_EXCLUDED_ATTRIBUTES,
)


def _options_schema(current: dict[str, Any]) -> vol.Schema:
    """Build the options form, pre-filled with the current options."""
    opts = {**DEFAULT_OPTIONS, **current}
    fields: dict[vol.Marker, Any] = {}
    for key in (CONF_INCLUDE_DOMAINS, CONF_INCLUDE_GLOBS):
        fields[vol.Optional(key, default=opts[key])] = _TEXT_LIST
    fields[vol.Optional(CONF_INCLUDE_ENTITIES, default=opts[CONF_INCLUDE_ENTITIES])] = _ENTITIES
    for key in (CONF_EXCLUDE_DOMAINS, CONF_EXCLUDE_GLOBS):
        fields[vol.Optional(key, default=opts[key])] = _TEXT_LIST
    fields[vol.Optional(CONF_EXCLUDE_ENTITIES, default=opts[CONF_EXCLUDE_ENTITIES])] = _ENTITIES
    fields[vol.Optional(CONF_RETENTION_LEVEL, default=opts[CONF_RETENTION_LEVEL])] = (
        selector.SelectSelector(
            selector.SelectSelectorConfig(
                options=list(LEVELS),
                translation_key=CONF_RETENTION_LEVEL,
                mode=selector.SelectSelectorMode.DROPDOWN,
            )
        )
    )
    for key in (
        CONF_TRANSITIONS_ONLY,
        CONF_SELECTED_ONLY,
        CONF_SELECTED_ATTRIBUTES,
        CONF_EXCLUDED_ATTRIBUTES,
    ):
        fields[vol.Optional(key, default=opts[key])] = _TEXT_LIST
    fields[vol.Optional(CONF_KEEP_MONTHS, default=opts[CONF_KEEP_MONTHS])] = (
        selector.NumberSelector(
            selector.NumberSelectorConfig(
                min=0, max=1200, step=1, mode=selector.NumberSelectorMode.BOX
            )
        )
    )
    fields[vol.Optional(CONF_ARCHIVE_DROPPED, default=opts[CONF_ARCHIVE_DROPPED])] = (
        selector.BooleanSelector()
    )
    return vol.Schema(fields)


def _has_sqlite_log(directory: Path) -> bool:
    """Tell whether this machine holds a SQLite log (that could be copied)."""
    return any(directory.glob("log-*.db"))


def _validate(user_input: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Normalise the submitted options; return them with any form errors."""
    errors: dict[str, str] = {}
    cleaned = dict(user_input)
    for key in _LIST_KEYS:
        cleaned[key] = sorted({str(v).strip() for v in cleaned.get(key, []) if str(v).strip()})
    for key in (CONF_INCLUDE_DOMAINS, CONF_EXCLUDE_DOMAINS):
        if any(not v.replace("_", "").isalnum() or v != v.lower() for v in cleaned[key]):
            errors[key] = "invalid_domain"
    cleaned[CONF_KEEP_MONTHS] = int(cleaned.get(CONF_KEEP_MONTHS, 0))
    return cleaned, errors


class AuditTrailConfigFlow(ConfigFlow, domain=DOMAIN):
    """Create the single Audit Trail entry, and move its log to another store."""

    VERSION = 1

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:  # noqa: ARG002
        """Ask where the log is kept: this machine (SQLite) or a PostgreSQL server."""
        return self.async_show_menu(step_id="user", menu_options=BACKENDS)

    async def async_step_reconfigure(
        self,
        user_input: dict[str, Any] | None = None,  # noqa: ARG002
    ) -> ConfigFlowResult:
        """Ask where the log is kept from now on."""
        return self.async_show_menu(step_id="reconfigure", menu_options=BACKENDS)

    def _done(self, data: dict[str, Any]) -> ConfigFlowResult:
        if self.source == SOURCE_RECONFIGURE:
            return self.async_update_reload_and_abort(self._get_reconfigure_entry(), data=data)
        return self.async_create_entry(title=TITLE, data=data, options=dict(DEFAULT_OPTIONS))

    async def async_step_sqlite(
        self,
        user_input: dict[str, Any] | None = None,  # noqa: ARG002
    ) -> ConfigFlowResult:
        """Keep the log in SQLite files in the configuration folder."""
        return self._done({CONF_BACKEND: BACKEND_SQLITE})

    async def async_step_postgresql(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the server's URL, then check the connection, the version and the rights."""
        current = self._current_postgres()
        errors: dict[str, str] = {}
        detail = ""
        if user_input is not None:
            data, errors, detail = await self._async_check(user_input, current)
            if not errors:
                return self._done(data)
        suggested = user_input or {
            CONF_URL: redact_url(str(current.get(CONF_URL, ""))) if current else "",
            CONF_INSTANCE: current.get(CONF_INSTANCE, DEFAULT_INSTANCE),
        }
        schema = self.add_suggested_values_to_schema(await self._async_postgres_schema(), suggested)
        return self.async_show_form(
            step_id="postgresql",
            data_schema=schema,
            errors=errors,
            description_placeholders={"error": detail},
        )

    def _current_postgres(self) -> dict[str, Any]:
        """Return the PostgreSQL settings being reconfigured (empty for a new entry)."""
        if self.source != SOURCE_RECONFIGURE:
            return {}
        data = dict(self._get_reconfigure_entry().data)
        return data if data.get(CONF_BACKEND) == BACKEND_POSTGRESQL else {}

    async def _async_postgres_schema(self) -> vol.Schema:
        """Build the PostgreSQL form (the copy offer only when there is a SQLite log)."""
        fields: dict[vol.Marker, Any] = {
            vol.Required(CONF_URL): _TEXT,
            vol.Optional(CONF_OWNER_URL): _TEXT,
            vol.Required(CONF_INSTANCE, default=DEFAULT_INSTANCE): _TEXT,
        }
        directory = Path(self.hass.config.path(STORE_DIRNAME))
        if await self.hass.async_add_executor_job(_has_sqlite_log, directory):
            fields[vol.Optional(CONF_COPY_SQLITE, default=False)] = selector.BooleanSelector()
        return vol.Schema(fields)

    async def _async_check(
        self, user_input: dict[str, Any], current: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, str], str]:
        """Return the entry data, form errors and the server's own words about a failure."""
        url = str(user_input[CONF_URL]).strip()
        if current and url == redact_url(str(current[CONF_URL])):
            url = str(current[CONF_URL])  # the form showed the stored URL without its password
        owner = str(user_input.get(CONF_OWNER_URL) or "").strip() or None
        instance = str(user_input.get(CONF_INSTANCE) or DEFAULT_INSTANCE).strip()
        if not INSTANCE_PATTERN.fullmatch(instance):
            return {}, {CONF_INSTANCE: "invalid_instance"}, ""
        try:
            await async_install_driver(self.hass)
        except DriverMissingError as err:
            return {}, {"base": "driver_missing"}, str(err)
        from .store.pg_probe import ProbeError, probe

        try:
            await self.hass.async_add_executor_job(probe, url, owner)
        except ProbeError as err:
            return {}, {"base": err.key}, str(err)
        data: dict[str, Any] = {CONF_BACKEND: BACKEND_POSTGRESQL, CONF_URL: url}
        data[CONF_INSTANCE] = instance
        if owner:
            data[CONF_OWNER_URL] = owner
        if user_input.get(CONF_COPY_SQLITE):
            data[CONF_COPY_SQLITE] = True
        return data, {}, ""

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> AuditTrailOptionsFlow:  # noqa: ARG004
        """Return the options flow."""
        return AuditTrailOptionsFlow()


class AuditTrailOptionsFlow(OptionsFlow):
    """What to record, how much of it to keep, and the user's own sensors."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:  # noqa: ARG002
        """Offer the settings and the sensors."""
        options = ["settings", SENSOR_STATE_AGO, SENSOR_LAST_CHANGED_BY]
        if self.config_entry.options.get(CONF_SENSORS):
            options.append("remove_sensors")
        return self.async_show_menu(step_id="init", menu_options=options)

    def _save(self, **changes: Any) -> ConfigFlowResult:  # noqa: ANN401
        return self.async_create_entry(data={**self.config_entry.options, **changes})

    async def async_step_settings(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and save what is recorded and kept."""
        errors: dict[str, str] = {}
        if user_input is not None:
            cleaned, errors = _validate(user_input)
            if not errors:
                return self._save(**cleaned)
        return self.async_show_form(
            step_id="settings",
            data_schema=_options_schema(dict(self.config_entry.options)),
            errors=errors,
        )

    async def async_step_state_ago(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add a sensor showing an entity's state some time ago."""
        if user_input is not None:
            offset = cv.time_period_dict(user_input[CONF_OFFSET])
            if offset.total_seconds() <= 0:
                return self._sensor_form(SENSOR_STATE_AGO, {CONF_OFFSET: "offset_not_positive"})
            return self._add_sensor(
                SENSOR_STATE_AGO, user_input, offset_s=int(offset.total_seconds())
            )
        return self._sensor_form(SENSOR_STATE_AGO)

    async def async_step_last_changed_by(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add a sensor showing who or what last changed an entity."""
        if user_input is not None:
            return self._add_sensor(SENSOR_LAST_CHANGED_BY, user_input)
        return self._sensor_form(SENSOR_LAST_CHANGED_BY)

    async def async_step_remove_sensors(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Remove some of the user's sensors."""
        sensors = list(self.config_entry.options.get(CONF_SENSORS, []))
        if user_input is not None:
            gone = set(user_input.get("remove", []))
            return self._save(**{CONF_SENSORS: [x for x in sensors if x["id"] not in gone]})
        choices = [selector.SelectOptionDict(value=x["id"], label=x[CONF_NAME]) for x in sensors]
        schema = vol.Schema(
            {
                vol.Required("remove"): selector.SelectSelector(
                    selector.SelectSelectorConfig(options=choices, multiple=True)
                )
            }
        )
        return self.async_show_form(step_id="remove_sensors", data_schema=schema)

    def _sensor_form(self, kind: str, errors: dict[str, str] | None = None) -> ConfigFlowResult:
        fields: dict[vol.Marker, Any] = {vol.Required(CONF_SOURCE): selector.EntitySelector()}
        if kind == SENSOR_STATE_AGO:
            fields[vol.Required(CONF_OFFSET, default={"hours": 24})] = selector.DurationSelector(
                selector.DurationSelectorConfig(enable_day=True)
            )
        fields[vol.Optional(CONF_NAME)] = selector.TextSelector()
        return self.async_show_form(step_id=kind, data_schema=vol.Schema(fields), errors=errors)

    def _add_sensor(self, kind: str, user_input: dict[str, Any], **extra: Any) -> ConfigFlowResult:  # noqa: ANN401
        source = user_input[CONF_SOURCE]
        default = f"{source} {'ago' if kind == SENSOR_STATE_AGO else 'last changed by'}"
        sensor = {
            "id": uuid.uuid4().hex,
            "type": kind,
            CONF_SOURCE: source,
            CONF_NAME: str(user_input.get(CONF_NAME) or default),
            **extra,
        }
        return self._save(
            **{CONF_SENSORS: [*self.config_entry.options.get(CONF_SENSORS, []), sensor]}
        )
