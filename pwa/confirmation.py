"""Confirmation by phone: which directory entries need a call, and in what order.

A maintainer calls a service and records the day (``checked``). Entries never confirmed come
first, then those confirmed longest ago; the stale report lists those never confirmed or
confirmed longer ago than a number of months. The command line (``directory stale``) and the
maintainers' desk read the stored documents, so an entry a hand edit broke is listed too.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any, Iterable, Mapping

Doc = Mapping[str, Any]
STALE_MONTHS = 12


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, or that month's last if it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def checked(doc: Doc) -> str:
    """The day it was last confirmed, as stored ("" if never, or if it is not text)."""
    value = doc.get("checked")
    return value if isinstance(value, str) else ""


def attention_order(docs: Iterable[Doc]) -> list[Doc]:
    """Never confirmed first, then confirmed longest ago; then by id."""
    return sorted(docs, key=lambda doc: (bool(checked(doc)), checked(doc), str(doc.get("id", ""))))


def stale(docs: Iterable[Doc], today: date, months: int = STALE_MONTHS) -> list[Doc]:
    """Entries never confirmed, or last confirmed before ``months`` before ``today``, in attention order."""
    cutoff = months_before(today, months).isoformat()
    return [doc for doc in attention_order(docs) if not checked(doc) or checked(doc) < cutoff]
