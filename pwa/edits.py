"""Changing the entries of a table, as the command line and the maintainers' desk both do.

An :class:`Editor` adds, edits, replaces, confirms and removes entries of one table (a
:class:`pwa.collection.RecordType`) for one person. Every change

- is checked by the table's validation first: nothing is written when anything is wrong
  (:class:`Refused`, naming the entry and the field, as ``"<id>: <field>: <problem>"``);
- happens inside one transaction of the store, under its lock, written atomically;
- may require the entry to be the version the change was made on (``expected``): a second
  maintainer who saves an entry that someone changed since she opened it gets a
  :class:`Conflict`, never a silent overwrite;
- is recorded in the change log (:mod:`pwa.change_log`), still under the store's lock.

A change that changes nothing writes nothing and records nothing.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any, Callable, Iterable, Mapping

from pwa import clock
from pwa.change_log import Change, ChangeLog
from pwa.collection import RecordType
from pwa.records import field_names
from pwa.store import Store, Unchanged

Doc = dict[str, Any]
NO_ENTRY = "no entry with this id"


class Refused(Exception):
    """Bad input or an impossible change: ``lines`` say why; nothing was written."""

    def __init__(self, *lines: str) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class Conflict(Refused):
    """The entry changed since the version the change was made on."""

    def __init__(self, entry_id: str, current: Doc | None) -> None:
        super().__init__(f"{entry_id}: changed by someone else in the meantime")
        self.entry_id = entry_id
        self.current = current


def version(doc: Mapping[str, Any] | None) -> str:
    """A short fingerprint of a stored document: it changes with any change to it."""
    if doc is None:
        return ""
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def differences(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, order: Iterable[str] = ()) -> dict[str, list[Any]]:
    """Each field that differs, as ``[old, new]`` (None: absent or unknown), ``order`` first."""
    old, new = old or {}, new or {}
    names = list(dict.fromkeys([*order, *old, *new]))
    return {
        name: [old.get(name), new.get(name)]
        for name in names
        if old.get(name) != new.get(name)
    }


class Editor:
    """Changes to one table, made by ``who``, at the time ``now`` gives."""

    def __init__(
        self,
        store: Store,
        records: RecordType[Any],
        who: str,
        log: ChangeLog | None = None,
        now: Callable[[], datetime] = clock.now,
    ) -> None:
        self.store = store
        self.records = records
        self.who = who
        self.log = log
        self.now = now

    @property
    def table(self) -> str:
        return self.records.table

    def add(self, doc: Mapping[str, Any]) -> Change:
        doc = dict(doc)
        self._refuse_invalid(doc)

        def added(current: Doc | None) -> Doc:
            if current is not None:
                raise Refused(f"{doc['id']}: id: an entry with this id exists; use edit to change it")
            return doc

        return self._write(doc["id"], "add", added)

    def edit(self, entry_id: str, changes: Mapping[str, Any], expected: str | None = None) -> Change:
        """The entry with the fields in ``changes`` (a field set to None becomes unknown)."""
        if changes.get("id", entry_id) != entry_id:
            raise Refused(f"{entry_id}: id: cannot be changed; add the entry anew and remove this one")
        return self._write(entry_id, "edit", lambda current: {**self._existing(entry_id, current), **changes}, expected)

    def replace(self, entry_id: str, doc: Mapping[str, Any], expected: str | None = None) -> Change:
        """The entry as ``doc``, whole (what the desk's form holds)."""
        if doc.get("id") != entry_id:
            raise Refused(f"{entry_id}: id: cannot be changed; add the entry anew and remove this one")

        def replaced(current: Doc | None) -> Doc:
            self._existing(entry_id, current)
            return dict(doc)

        return self._write(entry_id, "edit", replaced, expected)

    def confirm(self, entry_id: str, day: date, today: date | None = None) -> Change:
        """Record that the entry was confirmed by phone on ``day``."""
        if day > (today or self.now().date()):
            raise Refused(f"{entry_id}: checked: {day.isoformat()} is in the future")
        return self._write(
            entry_id, "confirm", lambda current: {**self._existing(entry_id, current), "checked": day.isoformat()}
        )

    def remove(self, entry_id: str, expected: str | None = None) -> Change:
        def removed(current: Doc | None) -> None:
            self._existing(entry_id, current)
            return None

        return self._write(entry_id, "remove", removed, expected)

    def replace_all(self, docs: list[Doc]) -> list[Change]:
        """Every entry at once (an import), if every one is valid and no id is used twice."""
        errors = self.records.validate_all(docs)
        if errors:
            raise Refused(*errors)
        keyed = {doc["id"]: dict(doc) for doc in docs}
        changes: list[Change] = []
        with self.store.transaction(self.table, on_write=lambda: self._record(changes)) as current:
            for entry_id in dict.fromkeys([*current, *keyed]):
                before, after = current.get(entry_id), keyed.get(entry_id)
                changes += [self._change(entry_id, "import", before, after)] if before != after else []
            current.clear()
            current.update(keyed)
        return changes

    # -- internals -------------------------------------------------------------------------

    def _existing(self, entry_id: str, current: Doc | None) -> Doc:
        if current is None:
            raise Refused(f"{entry_id}: {NO_ENTRY}")
        return current

    def _refuse_invalid(self, doc: Any) -> None:
        errors = self.records.validate(doc)
        if errors:
            raise Refused(*errors)

    def _change(self, entry_id: str, action: str, before: Doc | None, after: Doc | None) -> Change:
        at = self.now().astimezone(clock.BERLIN).replace(microsecond=0).isoformat()
        fields = differences(before, after, field_names(self.records.record))
        return Change(at, self.who, self.table, entry_id, action, fields, version(after))

    def _record(self, changes: list[Change]) -> None:
        if self.log is not None:
            self.log.append(changes)

    def _write(
        self, entry_id: str, action: str, make: Callable[[Doc | None], Doc | None], expected: str | None = None
    ) -> Change:
        """Make the entry's new document (None: remove it) from the current one, under the lock."""
        made: list[Change] = []
        with self.store.transaction(self.table, on_write=lambda: self._record(made)) as docs:
            current = docs.get(entry_id)
            if expected is not None and version(current) != expected:
                raise Conflict(entry_id, current)
            new = make(current)
            if new is not None:
                self._refuse_invalid(new)
            change = self._change(entry_id, action, current, new)
            made.append(change)
            if not change.fields:
                raise Unchanged
            if new is None:
                del docs[entry_id]
            else:
                docs[entry_id] = new
        return change
