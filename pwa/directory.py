"""The help directory: emergency numbers, helplines and services, as the pages and the API see them.

Its parts, one module each:

- :mod:`pwa.directory_vocabulary`: kinds of help, the cities of the Kreis, areas, groups, channels;
- :mod:`pwa.directory_model`: a :class:`Service` and its JSON (the fields: ``docs/api.md``);
- :mod:`pwa.directory_rules`: what a document must be before it is stored or shown;
- here: the services of the store (table ``services``, seeded from ``data/directory.yaml``), as
  a :class:`pwa.collection.Collection` ordered by kind, what saves a life first.

The pages import from here; the maintainers change the table with ``python -m pwa directory``.
"""

from __future__ import annotations

from typing import Any

from pwa.collection import Collection, RecordType
from pwa.directory_model import NAME_NOTE, Outreach, Phone, Service, Span, is_open
from pwa.directory_rules import check_tel, validate
from pwa.directory_vocabulary import (
    ACCESSIBILITY,
    ALWAYS,
    AREAS,
    CHANNELS,
    CITIES,
    CONFIDENCE,
    DAYS,
    KINDS,
    KREIS,
    NATIONWIDE,
    TARGET_GROUPS,
)
from pwa.records import Translate
from pwa.store import Store

__all__ = [
    "ACCESSIBILITY", "ALWAYS", "AREAS", "CHANNELS", "CITIES", "CONFIDENCE", "DAYS", "KINDS", "KREIS",
    "NAME_NOTE", "NATIONWIDE", "SERVICE_RECORDS", "TABLE", "TARGET_GROUPS", "Directory", "Outreach", "Phone",
    "Service", "Span", "check_tel", "is_open", "validate",
]  # fmt: skip

TABLE = "services"
_KIND_ORDER = list(KINDS)
SERVICE_RECORDS: RecordType[Service] = RecordType(TABLE, Service, validate, order=lambda s: _KIND_ORDER.index(s.kind))


class Directory(Collection[Service]):
    """The valid services: emergency first, then by kind (:data:`KINDS`), then as stored."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, SERVICE_RECORDS)

    def services(self) -> list[Service]:
        return self.all()

    def as_json(self, translate: Translate | None = None) -> list[dict[str, Any]]:
        """The body of ``/api/services``."""
        return [service.to_json(translate) for service in self.all()]
