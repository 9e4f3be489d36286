"""A table of the store as records, for the pages: read, validated once per database change, served.

The maintainers change the database file while the server runs. A collection asks the store for
its :meth:`~pwa.store.Store.stamp` on every call and rebuilds only when the file has changed, so a
change shows at the next request and an unchanged file costs one ``stat``. A stored entry that
fails validation (a hand edit) is left out and logged: it must not take the pages down, and a
half-true entry is never shown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Generic, Mapping, TypeVar

from pwa import records
from pwa.store import Stamp, Store

log = logging.getLogger(__name__)

R = TypeVar("R")


@dataclass(frozen=True)
class RecordType(Generic[R]):
    """One table's records: their dataclass, their checks and the order the pages show them in."""

    table: str
    record: type[R]
    validate: Callable[[Any], list[str]]
    order: Callable[[R], Any] | None = None  # a sort key; None keeps the stored order

    def from_doc(self, doc: Mapping[str, Any]) -> R:
        return self.record.from_doc(doc)  # type: ignore[attr-defined, no-any-return]

    def validate_all(self, docs: Any) -> list[str]:
        """Errors of a whole table: every entry, plus ids used twice."""
        return records.validate_all(self.validate, docs)


@dataclass(frozen=True)
class _Snapshot(Generic[R]):
    stamp: Stamp | None
    items: list[R]
    by_id: dict[str, R]
    problems: list[str]


class Collection(Generic[R]):
    """The valid entries of one table, current with every call."""

    def __init__(self, store: Store, record_type: RecordType[R]) -> None:
        self.store = store
        self.type = record_type
        self._snapshot: _Snapshot[R] | None = None

    def all(self) -> list[R]:
        """Every valid entry, in the record type's order (else as stored)."""
        return list(self._load().items)

    def get(self, entry_id: str) -> R | None:
        return self._load().by_id.get(entry_id)

    def problems(self) -> list[str]:
        """Validation errors of stored entries; such entries are left out."""
        return list(self._load().problems)

    def _load(self) -> _Snapshot[R]:
        stamp = self.store.stamp()
        snapshot = self._snapshot
        if snapshot is not None and snapshot.stamp == stamp:
            return snapshot
        items: list[R] = []
        problems: list[str] = []
        for doc in self.store.all(self.type.table):
            errors = self.type.validate(doc)
            if errors:
                log.warning("%s entry left out: %s", self.type.table, "; ".join(errors))
                problems += errors
                continue
            items.append(self.type.from_doc(doc))
        if self.type.order is not None:
            items.sort(key=self.type.order)
        by_id = {getattr(item, "id"): item for item in items}
        # One object, assigned at once: a thread never sees items of one version, ids of another.
        self._snapshot = snapshot = _Snapshot(stamp, items, by_id, problems)
        return snapshot
