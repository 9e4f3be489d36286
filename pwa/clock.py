"""The app's time: Europe/Berlin, the Kreis's time zone, in one place.

Tests fix the time of an app by setting ``app.state.clock`` to a function that returns an aware
datetime; requests read it once, into their state.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def now() -> datetime:
    """The current time in Europe/Berlin."""
    return datetime.now(BERLIN)


def today() -> date:
    """Today's date in Europe/Berlin."""
    return now().date()
