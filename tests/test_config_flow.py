"""The config flow, the reconfigure flow and the options flow, driven as the UI drives them.

The PostgreSQL steps talk to the real server scripts/test starts (a fresh schema per test).
"""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

import pytest
from homeassistant.config_entries import SOURCE_RECONFIGURE, SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.audit_trail import backend
from custom_components.audit_trail.const import (
    CONF_EXCLUDE_DOMAINS,
    CONF_EXCLUDED_ATTRIBUTES,
    CONF_INCLUDE_GLOBS,
    CONF_KEEP_MONTHS,
    CONF_RETENTION_LEVEL,
    DEFAULT_OPTIONS,
    DOMAIN,
    PG_REQUIREMENT,
    TITLE,
)
from custom_components.audit_trail.store import pg_probe

from .conftest import make_entry
from .helpers import flush
from .pg import Place, fresh_schema


@pytest.fixture
def place() -> Any:
    """Give the test a fresh schema on the test server."""
    with fresh_schema() as found:
        yield found


async def _start(hass: HomeAssistant) -> dict[str, Any]:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["sqlite", "postgresql"]
    return dict(result)


async def _postgres_form(hass: HomeAssistant) -> dict[str, Any]:
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "postgresql"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "postgresql"
    return dict(result)


async def _submit(hass: HomeAssistant, user_input: dict[str, Any]) -> dict[str, Any]:
    result = await _postgres_form(hass)
    return dict(await hass.config_entries.flow.async_configure(result["flow_id"], user_input))


async def _unload_all(hass: HomeAssistant) -> None:
    for entry in hass.config_entries.async_entries(DOMAIN):
        await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


async def test_user_flow_sqlite_creates_entry_with_defaults(hass: HomeAssistant) -> None:
    result = await _start(hass)
    with patch.object(backend, "async_process_requirements") as install:
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"next_step_id": "sqlite"}
        )
        await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Audit Trail"
    assert result["data"] == {"backend": "sqlite"}
    assert result["options"] == DEFAULT_OPTIONS
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    assert entry.state.value == "loaded"
    install.assert_not_called()  # a SQLite user never installs the PostgreSQL driver
    await _unload_all(hass)


async def test_only_one_entry(hass: HomeAssistant) -> None:
    make_entry().add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "single_instance_allowed"


async def test_postgresql_flow_installs_driver_checks_and_creates(
    hass: HomeAssistant, place: Place
) -> None:
    seen: list[list[str]] = []
    real = backend.async_process_requirements

    async def spy(hass: HomeAssistant, name: str, requirements: list[str]) -> None:
        seen.append(requirements)
        await real(hass, name, requirements)

    with patch.object(backend, "async_process_requirements", spy):
        result = await _submit(
            hass,
            {"url": place.writer_url, "owner_url": place.owner_url, "instance": "kitchen-pi"},
        )
        await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY, result.get("errors")
    assert result["title"] == TITLE
    assert result["data"] == {
        "backend": "postgresql",
        "url": place.writer_url,
        "owner_url": place.owner_url,
        "instance": "kitchen-pi",
    }
    assert seen == [[PG_REQUIREMENT]] * 2  # by the flow, and by the entry's set-up
    await _unload_all(hass)


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("url", "postgresql://audit_writer:wrong@127.0.0.1:{port}/audit_trail", "invalid_auth"),
        ("url", "postgresql://nobody_here:x@127.0.0.1:{port}/audit_trail", "invalid_auth"),
        ("url", "postgresql://audit_writer:writer@127.0.0.1:1/audit_trail", "cannot_connect"),
        ("url", "postgresql://audit_writer:writer@127.0.0.1:{port}/no_such_db", "cannot_connect"),
        ("url", "this is not a URL", "invalid_url"),
        (
            "owner_url",
            "postgresql://audit_owner:wrong@127.0.0.1:{port}/audit_trail",
            "invalid_auth",
        ),
    ],
)
async def test_postgresql_flow_translated_errors(
    hass: HomeAssistant, place: Place, field: str, value: str, error: str
) -> None:
    port = place.writer_url.split("@127.0.0.1:", 1)[1].split("/", 1)[0]
    user_input = {"url": place.writer_url, "owner_url": place.owner_url, "instance": "default"}
    user_input[field] = value.format(port=port)
    result = await _submit(hass, user_input)
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": error}
    assert "wrong" not in result["description_placeholders"]["error"]  # no password echoed
    assert hass.config_entries.async_entries(DOMAIN) == []


async def test_postgresql_flow_missing_privileges(hass: HomeAssistant, place: Place) -> None:
    # Without an owner the writer must create the tables, and it may not in this schema.
    result = await _submit(hass, {"url": place.writer_url, "instance": "default"})
    assert result["errors"] == {"base": "missing_privileges"}
    assert "CREATE" in result["description_placeholders"]["error"]


async def test_postgresql_flow_missing_table_privileges(hass: HomeAssistant, place: Place) -> None:
    place.owner_sql("CREATE TABLE log (x int)")  # a table the writer may not touch
    place.owner_sql(f"GRANT USAGE ON SCHEMA {place.schema} TO audit_writer")
    result = await _submit(hass, {"url": place.writer_url, "instance": "default"})
    assert result["errors"] == {"base": "missing_privileges"}
    assert "log" in result["description_placeholders"]["error"]


async def test_postgresql_flow_owner_without_rights(hass: HomeAssistant, place: Place) -> None:
    result = await _submit(
        hass, {"url": place.writer_url, "owner_url": place.writer_url, "instance": "default"}
    )
    assert result["errors"] == {"base": "missing_privileges"}
    assert "owner" in result["description_placeholders"]["error"]


async def test_postgresql_flow_server_too_old(hass: HomeAssistant, place: Place) -> None:
    # The real server's version against a threshold above it: the comparison is the product's.
    with patch.object(pg_probe, "PG_MIN_SERVER_VERSION", 10_000_000):
        result = await _submit(
            hass, {"url": place.writer_url, "owner_url": place.owner_url, "instance": "default"}
        )
    assert result["errors"] == {"base": "server_too_old"}


async def test_postgresql_flow_bad_instance(hass: HomeAssistant, place: Place) -> None:
    result = await _submit(hass, {"url": place.writer_url, "instance": "my home!"})
    assert result["errors"] == {"instance": "invalid_instance"}


async def test_postgresql_flow_driver_install_fails(hass: HomeAssistant, place: Place) -> None:
    # pip is the boundary: a requirement that is not installed, and an install that fails.
    with (
        patch.object(backend, "PG_REQUIREMENT", "audit-trail-no-such-driver==0.0.1"),
        patch.object(backend, "PG_REQUIREMENT_FALLBACK", "audit-trail-no-such-either==0.0.1"),
        patch("homeassistant.util.package.install_package", return_value=False) as pip,
    ):
        result = await _submit(hass, {"url": place.writer_url, "instance": "default"})
    assert result["errors"] == {"base": "driver_missing"}
    tried = {c[0][0] for c in pip.call_args_list}
    assert tried == {"audit-trail-no-such-driver==0.0.1", "audit-trail-no-such-either==0.0.1"}


async def test_postgresql_flow_falls_back_to_psycopg_alone(
    hass: HomeAssistant, place: Place
) -> None:
    # No wheel of the binary build (armv7): psycopg alone is installed (here: it already is).
    with (
        patch.object(backend, "PG_REQUIREMENT", "audit-trail-no-such-driver==0.0.1"),
        patch("homeassistant.util.package.install_package", return_value=False) as pip,
    ):
        result = await _submit(
            hass, {"url": place.writer_url, "owner_url": place.owner_url, "instance": "default"}
        )
        await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY, result.get("errors")
    assert {c[0][0] for c in pip.call_args_list} == {"audit-trail-no-such-driver==0.0.1"}
    await _unload_all(hass)


async def test_reconfigure_moves_sqlite_entry_to_postgresql_and_back(
    hass: HomeAssistant, place: Place
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN, title=TITLE, data={}, options=dict(DEFAULT_OPTIONS), version=1
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await flush(hass, entry)  # the SQLite log's first file exists
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "postgresql"}
    )
    assert "copy_sqlite" in result["data_schema"].schema  # there is a SQLite log to copy
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "url": place.writer_url,
            "owner_url": place.owner_url,
            "instance": "default",
            "copy_sqlite": True,
        },
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.data["backend"] == "postgresql"
    assert entry.data["url"] == place.writer_url
    copied = place.owner_sql("SELECT count(*) FROM log")[0][0]
    assert copied > 0

    # The form shows the stored URL without its password; sent back unchanged, it keeps it.
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "postgresql"}
    )
    shown = {str(k): k.description for k in result["data_schema"].schema}
    suggested = shown["url"]["suggested_value"]
    assert "writer@" not in suggested
    assert "**REDACTED**" in suggested
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"url": suggested, "owner_url": place.owner_url, "instance": "default"}
    )
    await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    assert entry.data["url"] == place.writer_url

    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "sqlite"}
    )
    await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    assert entry.data == {"backend": "sqlite"}
    await _unload_all(hass)


def test_redact_url_forms() -> None:
    assert (
        pg_probe.redact_url("postgresql://u:s3cret@h:5432/db?sslmode=require")
        == "postgresql://u:**REDACTED**@h:5432/db?sslmode=require"
    )
    assert pg_probe.redact_url("postgresql://u@h/db?password=s3cret") == (
        "postgresql://u@h/db?password=**REDACTED**"
    )
    assert pg_probe.redact_url("host=h user=u password='s3 cret' dbname=db") == (
        "host=h user=u password=**REDACTED** dbname=db"
    )
    assert pg_probe.scrub("failed for s3cret", "postgresql://u:s3cret@h/db") == (
        "failed for **REDACTED**"
    )


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
