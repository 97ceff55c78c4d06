"""The config flow and the options flow, driven as the UI drives them."""

from __future__ import annotations

from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from custom_components.audit_trail.const import (
    CONF_EXCLUDE_DOMAINS,
    CONF_EXCLUDED_ATTRIBUTES,
    CONF_INCLUDE_GLOBS,
    CONF_KEEP_MONTHS,
    CONF_RETENTION_LEVEL,
    DEFAULT_OPTIONS,
    DOMAIN,
)

from .conftest import make_entry


async def test_user_flow_creates_entry_with_defaults(hass: HomeAssistant) -> None:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Audit Trail"
    assert result["data"] == {}
    assert result["options"] == DEFAULT_OPTIONS
    await hass.async_block_till_done()


async def test_only_one_entry(hass: HomeAssistant) -> None:
    make_entry().add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "single_instance_allowed"


async def test_options_flow_saves_cleaned_options(hass: HomeAssistant) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["settings", "state_ago", "last_changed_by"]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "settings"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_INCLUDE_GLOBS: [" sensor.*_temperature ", "sensor.*_temperature"],
            CONF_EXCLUDE_DOMAINS: ["sun"],
            CONF_RETENTION_LEVEL: "transitions",
            CONF_EXCLUDED_ATTRIBUTES: ["latitude"],
            CONF_KEEP_MONTHS: 12.0,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert entry.options[CONF_INCLUDE_GLOBS] == ["sensor.*_temperature"]
    assert entry.options[CONF_EXCLUDE_DOMAINS] == ["sun"]
    assert entry.options[CONF_RETENTION_LEVEL] == "transitions"
    assert entry.options[CONF_KEEP_MONTHS] == 12


async def test_options_flow_rejects_bad_domain(hass: HomeAssistant) -> None:
    entry = make_entry()
    entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "settings"}
    )
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_EXCLUDE_DOMAINS: ["Not A Domain"]}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_EXCLUDE_DOMAINS: "invalid_domain"}
