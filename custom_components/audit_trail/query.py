"""Pure: parse the time inputs of actions and websocket commands, and format times out."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo

_RELATIVE = re.compile(r"^\s*-\s*((?:\d+\s*[smhdw]\s*)+)$", re.IGNORECASE)
_PART = re.compile(r"(\d+)\s*([smhdw])", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class TimeParseError(ValueError):
    """A time input could not be understood."""


def parse_time(value: str | datetime, now: datetime, local_tz: tzinfo) -> datetime:
    """Parse ISO 8601 (with offset, or naive in local time) or a relative "-1d 2h" before now."""
    if isinstance(value, datetime):
        parsed = value
    else:
        text = value.strip()
        match = _RELATIVE.match(text)
        if match:
            delta = timedelta()
            for amount, unit in _PART.findall(match.group(1)):
                delta += timedelta(**{_UNITS[unit.lower()]: int(amount)})
            return (now - delta).astimezone(UTC)
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError as err:
            raise TimeParseError(text) from err
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=local_tz)
    return parsed.astimezone(UTC)


def to_us(moment: datetime) -> int:
    """Return microseconds since the epoch."""
    return (
        int(moment.timestamp() * 1_000_000)
        if moment.tzinfo
        else int(moment.replace(tzinfo=UTC).timestamp() * 1_000_000)
    )


def iso(time_us: int | None) -> str | None:
    """Return an ISO 8601 UTC string with microseconds (None stays None)."""
    if time_us is None:
        return None
    moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=time_us)
    return moment.isoformat(timespec="microseconds")
