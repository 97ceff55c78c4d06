"""Pure: which entities are recorded and at which retention level, from the entry's options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from .const import (
    CONF_EXCLUDE_DOMAINS,
    CONF_EXCLUDE_ENTITIES,
    CONF_EXCLUDE_GLOBS,
    CONF_EXCLUDED_ATTRIBUTES,
    CONF_INCLUDE_DOMAINS,
    CONF_INCLUDE_ENTITIES,
    CONF_INCLUDE_GLOBS,
    CONF_RETENTION_LEVEL,
    CONF_SELECTED_ATTRIBUTES,
    CONF_SELECTED_ONLY,
    CONF_TRANSITIONS_ONLY,
    DEFAULT_OPTIONS,
    LEVEL_FULL,
    LEVEL_SELECTED,
    LEVEL_TRANSITIONS,
)


def _set(options: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(options.get(key, DEFAULT_OPTIONS[key]) or ())


@dataclass(frozen=True, slots=True)
class Policy:
    """The recording policy; decisions are cached per entity by the caller where it matters."""

    include_domains: frozenset[str] = frozenset()
    include_entities: frozenset[str] = frozenset()
    include_globs: frozenset[str] = frozenset()
    exclude_domains: frozenset[str] = frozenset()
    exclude_entities: frozenset[str] = frozenset()
    exclude_globs: frozenset[str] = frozenset()
    default_level: str = LEVEL_FULL
    transitions_only: frozenset[str] = frozenset()
    selected_only: frozenset[str] = frozenset()
    selected_attributes: frozenset[str] = frozenset()
    excluded_attributes: frozenset[str] = frozenset()

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Policy:
        """Build the policy from config entry options (missing keys take their defaults)."""
        return cls(
            include_domains=_set(options, CONF_INCLUDE_DOMAINS),
            include_entities=_set(options, CONF_INCLUDE_ENTITIES),
            include_globs=_set(options, CONF_INCLUDE_GLOBS),
            exclude_domains=_set(options, CONF_EXCLUDE_DOMAINS),
            exclude_entities=_set(options, CONF_EXCLUDE_ENTITIES),
            exclude_globs=_set(options, CONF_EXCLUDE_GLOBS),
            default_level=str(options.get(CONF_RETENTION_LEVEL, LEVEL_FULL)),
            transitions_only=_set(options, CONF_TRANSITIONS_ONLY),
            selected_only=_set(options, CONF_SELECTED_ONLY),
            selected_attributes=_set(options, CONF_SELECTED_ATTRIBUTES),
            excluded_attributes=_set(options, CONF_EXCLUDED_ATTRIBUTES),
        )

    def tracks(self, entity_id: str) -> bool:
        """Return whether an entity is recorded: exclusions win, empty includes mean all."""
        domain = entity_id.split(".", 1)[0]
        if (
            entity_id in self.exclude_entities
            or domain in self.exclude_domains
            or any(fnmatchcase(entity_id, g) for g in self.exclude_globs)
        ):
            return False
        if not (self.include_domains or self.include_entities or self.include_globs):
            return True
        return (
            entity_id in self.include_entities
            or domain in self.include_domains
            or any(fnmatchcase(entity_id, g) for g in self.include_globs)
        )

    def level(self, entity_id: str) -> str:
        """Return the retention level: an entity id wins over its domain, else the default."""
        domain = entity_id.split(".", 1)[0]
        for key in (entity_id, domain):
            if key in self.transitions_only:
                return LEVEL_TRANSITIONS
            if key in self.selected_only:
                return LEVEL_SELECTED
        return self.default_level
