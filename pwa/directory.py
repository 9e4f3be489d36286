"""The help directory: emergency numbers, helplines and services, as the pages and the API see them.

Its parts, one module each:

- :mod:`pwa.directory_vocabulary`: kinds of help, the cities of the Kreis, areas, groups, channels;
- :mod:`pwa.directory_model`: a :class:`Service` and its JSON (the fields: ``docs/api.md``);
- :mod:`pwa.directory_rules`: what a document must be before it is stored or shown;
- here: the services of the store (table ``services``, seeded from ``data/directory.yaml``), as
  a :class:`pwa.collection.Collection` ordered by kind, what saves a life first; and the numbers
  to call first (:class:`CallFirst`: 110, 112, 116 016), read from the seed file at start-up and
  never from the database, so no broken or emptied database can take them off a page.

The pages import from here; the maintainers change the table with ``python -m pwa directory``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
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
from pwa.store import Store, load_seed

__all__ = [
    "ACCESSIBILITY", "ALWAYS", "AREAS", "CALL_FIRST", "CHANNELS", "CITIES", "CONFIDENCE", "CallFirst", "DAYS", "KINDS", "KREIS",
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


# Police (110), fire and ambulance (112), the Hilfetelefon Gewalt gegen Frauen (116 016).
CALL_FIRST = ("police", "fire-ambulance", "hilfetelefon-frauen")


@dataclass(frozen=True)
class CallFirst:
    """The numbers to call first, from the seed file as the release ships it."""

    police: Service
    fire_ambulance: Service
    hilfetelefon: Service

    @classmethod
    def from_seed(cls, path: Path) -> "CallFirst":
        """Refuses to start without every one of them, valid and with a number."""
        docs = {doc["id"]: doc for doc in load_seed(path)}
        found = []
        for service_id in CALL_FIRST:
            doc = docs.get(service_id)
            errors = validate(doc) if doc is not None else ["missing"]
            if errors or not doc or not doc.get("phones"):
                raise ValueError(f"{path}: {service_id}: {'; '.join(errors) or 'phones: missing'}")
            found.append(Service.from_doc(doc))
        return cls(*found)

    def context(self) -> dict[str, Service]:
        """For templates/_call_first.html: call 110, then the Hilfetelefon."""
        return {"police": self.police, "hilfetelefon": self.hilfetelefon}

    @property
    def emergency(self) -> list[Service]:
        """The emergency numbers, first on the emergency page."""
        return [self.police, self.fire_ambulance]
