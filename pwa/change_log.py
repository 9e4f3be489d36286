"""The change log: every change to the directory, the events and the materials, as it was made.

One JSON object a line (who, when, which table and entry, what was done, each changed field as
``[old, new]``, and the entry's version after it), in a file beside the database
(:attr:`pwa.settings.Settings.change_log_path`). The maintainers' desk shows it, and a desk that
refuses a save because someone else saved first shows that other change from it.

Lines are only ever appended: each batch in one ``write`` to a file opened for appending, under
an exclusive ``flock``, then ``fsync``. The edits append under the database's lock too, right
after their write (:mod:`pwa.edits`), so the log keeps the order of the changes. A reader skips a
line a crash cut short. Nothing else is in it: no client address, no password.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable


@dataclass(frozen=True)
class Change:
    at: str  # ISO 8601 in Europe/Berlin, to the second
    who: str
    table: str
    entry: str
    action: str  # add, edit, confirm, remove, import
    fields: dict[str, list[Any]] = field(default_factory=dict)  # name -> [old, new]; None: absent
    version: str = ""  # of the entry after the change; "" once removed

    def as_line(self) -> bytes:
        return (json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

    @classmethod
    def from_line(cls, line: bytes) -> "Change | None":
        try:
            data = json.loads(line)
            return cls(**data) if isinstance(data, dict) else None
        except (ValueError, TypeError):
            return None  # a line a crash cut short, or not one of ours


class ChangeLog:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def append(self, changes: Iterable[Change]) -> None:
        text = b"".join(change.as_line() for change in changes)
        if not text:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                text = b"\n" + text  # after a line a crash cut short: that line stays alone
            written = 0
            while written < len(text):  # one write in practice; a short write goes on where it stopped
                written += os.write(fd, text[written:])
            os.fsync(fd)
        finally:
            os.close(fd)  # closing drops the lock

    def read(self, table: str | None = None, entry: str | None = None, limit: int | None = None) -> list[Change]:
        """The changes, newest first; of one table, or of one entry, and at most ``limit``."""
        try:
            lines = self.path.read_bytes().splitlines()
        except FileNotFoundError:
            return []
        found: list[Change] = []
        for line in reversed(lines):
            change = Change.from_line(line)
            if change is None or (table and change.table != table) or (entry and change.entry != entry):
                continue
            found.append(change)
            if limit is not None and len(found) >= limit:
                break
        return found

    def since(self, table: str, entry: str, version: str) -> list[Change]:
        """The changes to an entry after the one that made ``version`` of it, oldest first.

        When no change made that version (it came from the seed, or the log was started
        later), the entry's latest change is all that can be told.
        """
        newest_first = self.read(table, entry)
        later: list[Change] = []
        for change in newest_first:
            if change.version == version:
                return list(reversed(later))
            later.append(change)
        return newest_first[:1]
