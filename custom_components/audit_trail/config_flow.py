"""Config flow (one entry, created from the UI) and the options flow for Audit Trail."""

from __future__ import annotations

from typing import Any

import voluptuous as vol
from homeassistant.config_entries import ConfigEntry, ConfigFlow, ConfigFlowResult, OptionsFlow
from homeassistant.core import callback
from homeassistant.helpers import selector

from .const import (
    CONF_ARCHIVE_DROPPED,
    CONF_EXCLUDE_DOMAINS,
    CONF_EXCLUDE_ENTITIES,
    CONF_EXCLUDE_GLOBS,
    CONF_EXCLUDED_ATTRIBUTES,
    CONF_INCLUDE_DOMAINS,
    CONF_INCLUDE_ENTITIES,
    CONF_INCLUDE_GLOBS,
    CONF_KEEP_MONTHS,
    CONF_RETENTION_LEVEL,
    CONF_SELECTED_ATTRIBUTES,
    CONF_SELECTED_ONLY,
    CONF_TRANSITIONS_ONLY,
    DEFAULT_OPTIONS,
    DOMAIN,
    LEVELS,
    TITLE,
)

_TEXT_LIST = selector.SelectSelector(
    selector.SelectSelectorConfig(options=[], multiple=True, custom_value=True)
)
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
    """Create the single Audit Trail entry."""

    VERSION = 1

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Confirm and create the entry with the default options."""
        if user_input is not None:
            return self.async_create_entry(title=TITLE, data={}, options=dict(DEFAULT_OPTIONS))
        return self.async_show_form(step_id="user")

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> AuditTrailOptionsFlow:  # noqa: ARG004
        """Return the options flow."""
        return AuditTrailOptionsFlow()


class AuditTrailOptionsFlow(OptionsFlow):
    """What to record and how much of it to keep."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Show and save the options."""
        errors: dict[str, str] = {}
        if user_input is not None:
            cleaned, errors = _validate(user_input)
            if not errors:
                return self.async_create_entry(data=cleaned)
        return self.async_show_form(
            step_id="init",
            data_schema=_options_schema(dict(self.config_entry.options)),
            errors=errors,
        )
