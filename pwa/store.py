"""The database: one TinyDB JSON file, shared by the web server and the maintainers' command line.

The file has TinyDB's layout, ``{table: {id: document}}``; a document's key is its ``id`` field.
Two processes use it at once (the server reads, the command line writes), so:

- Writes replace the whole file atomically (temporary file in the same folder, fsync, rename,
  fsync of the folder). A reader or a crash sees the old file or the new one, never half of one.
- Writers take an exclusive ``flock`` on a sibling ``<name>.lock`` file for the whole
  read-modify-write, so two writers never lose each other's change. The kernel drops the lock
  when a writer dies, so a killed writer never blocks the next one.
- Readers take no lock. They stat the file on every read and parse it again only when it has
  changed, so the server sees a maintainer's change at the next request without a restart.
- A file that is missing (once the store is open), empty, not JSON, not tables of documents or
  without one of the seeded tables is a :class:`DatabaseError` on every read: nothing is read
  from it and nothing is seeded over it. Only :meth:`Store.reseed` (``python -m pwa directory
  seed``) starts it anew. A database that does not exist yet is made from the seeds when the
  store opens: the first start on a new machine.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Mapping

import yaml
from tinydb import TinyDB
from tinydb.queries import QueryLike
from tinydb.storages import Storage
from tinydb.table import Table

Stamp = tuple[int, int, int]


class SeedLoader(yaml.SafeLoader):
    """YAML without implicit dates: `2024-05-01` stays a string, as JSON can store it."""


SeedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(source: Path | IO[str] | IO[bytes] | str) -> Any:
    """Parse YAML (or JSON, a subset of it) from a path, a stream or a string of YAML."""
    if isinstance(source, Path):
        with source.open("rb") as stream:
            return yaml.load(stream, Loader=SeedLoader)  # noqa: S506 - a safe loader
    return yaml.load(source, Loader=SeedLoader)  # noqa: S506 - a safe loader


def load_seed(path: Path) -> list[dict[str, Any]]:
    """A seed file: a YAML list of documents, each with a unique string ``id``."""
    docs = load_yaml(path)
    if not isinstance(docs, list) or not all(isinstance(doc, dict) for doc in docs):
        raise ValueError(f"{path}: a seed file must be a list of entries")
    _keyed(docs)  # fail early on missing or repeated ids
    return docs


def _keyed(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    keyed: dict[str, dict[str, Any]] = {}
    for position, doc in enumerate(docs, 1):
        doc_id = doc.get("id")
        if not isinstance(doc_id, str) or not doc_id:
            raise ValueError(f"entry {position}: id: missing")
        if doc_id in keyed:
            raise ValueError(f"{doc_id}: id: used twice")
        keyed[doc_id] = doc
    return keyed


class Unchanged(Exception):
    """Raised inside a transaction, ends it without writing (and without an error)."""


RESTORE = "restore it from a backup, or start it anew from the seed files: python -m pwa directory seed"


class DatabaseError(ValueError):
    """The database file cannot be read as tables of documents: missing, empty or broken."""


def check_shape(data: Any, path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """The data of a database file, if it has TinyDB's layout ``{table: {id: document}}``."""
    if not isinstance(data, dict) or not data:
        found = "no tables" if isinstance(data, dict) else f"a JSON {type(data).__name__}"
        raise DatabaseError(f"{path}: must hold tables of entries, {{table: {{id: entry}}}}, not {found}; {RESTORE}")
    for table, docs in data.items():
        if not isinstance(docs, dict):
            raise DatabaseError(f"{path}: table {table!r} must map ids to entries; {RESTORE}")
        for key, doc in docs.items():
            if not isinstance(doc, dict) or doc.get("id") != key:
                raise DatabaseError(f"{path}: {table}: the entry under {key!r} must be a mapping with id {key!r}; {RESTORE}")
    return data


def create_private(path: Path, tables: Iterable[str]) -> None:
    """A new database readable by its owner only, with these tables empty (an empty file would
    be refused as a broken database); later atomic writes keep its permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    created = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(created, json.dumps({table: {} for table in tables}).encode("utf-8"))
    finally:
        os.close(created)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that re-reads only a changed file and writes by atomic replacement."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # One tuple, assigned at once, so threads never see a stamp with another file's text.
        self._cache: tuple[Stamp, bytes] | None = None
        # Tables every read must find, once the file exists; None before: a missing file is new.
        self.required: frozenset[str] | None = None

    def stamp(self) -> Stamp | None:
        """Identifies the file's current version; it changes with every write.

        Every write makes a new inode, so the inode changes even when the size and the
        timestamp (whose granularity is coarse on some file systems) do not.
        """
        self._refresh()
        return self._cache[0] if self._cache else None

    def _refresh(self) -> None:
        try:
            current = _stamp(os.stat(self.path))
        except FileNotFoundError:
            self._cache = None
            return
        if self._cache and self._cache[0] == current:
            return
        try:
            with open(self.path, "rb") as stream:
                # Stamp the open file: writers never change a file in place, so this stamp
                # belongs to exactly these bytes even if a rename happens meanwhile.
                opened = _stamp(os.fstat(stream.fileno()))
                text = stream.read()
        except FileNotFoundError:
            self._cache = None
            return
        self._cache = (opened, text)

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The data, or None for a file that does not exist yet; DatabaseError when it cannot be read."""
        self._refresh()
        if not self._cache:
            if self.required is None:
                return None
            raise DatabaseError(f"{self.path}: the database is missing; {RESTORE}")
        if not self._cache[1].strip():
            raise DatabaseError(f"{self.path}: the database is empty; {RESTORE}")
        try:
            # Parsed anew on each read, so no caller can change another caller's documents.
            data = check_shape(json.loads(self._cache[1]), self.path)
        except DatabaseError:
            raise
        except ValueError as error:
            raise DatabaseError(f"{self.path} is not valid JSON: {error}; {RESTORE}") from None
        missing = sorted((self.required or frozenset()) - set(data))
        if missing:
            raise DatabaseError(f"{self.path}: no table {', '.join(missing)}; {RESTORE}")
        return data

    def write(self, data: Mapping[str, Any]) -> None:
        text = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        directory = self.path.parent
        temporary = directory / f".{self.path.name}.{secrets.token_hex(6)}.tmp"
        # os.open with 0o666 lets the umask decide, as for any new file.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as stream:
                with suppress(FileNotFoundError):
                    # Keep the permissions a maintainer gave the database file.
                    os.fchmod(stream.fileno(), os.stat(self.path).st_mode & 0o777)
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
                written = _stamp(os.fstat(stream.fileno()))
            os.replace(temporary, self.path)
        except BaseException:
            with suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        _fsync_directory(directory)  # makes the rename itself survive a power cut
        self._cache = (written, text)
        if self.required is None:
            self.required = frozenset()

    def close(self) -> None:
        pass


def _stamp(stat: os.stat_result) -> Stamp:
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Table(Table):
    # Our documents are keyed by their string id ("police"), not by TinyDB's counter.
    document_id_class = str


class _TinyDB(TinyDB):
    table_class = _Table


class Store:
    """Tables of documents keyed by ``id``, safe for one server and any number of writers.

    ``seeds`` maps a table name to a YAML seed file (a list of documents). A table that the
    database lacks is filled from its seed when the store opens: all tables for a new database,
    and a table added in a later release for an existing one. An empty table stays empty. A
    database that exists but cannot be read is refused (:class:`DatabaseError`), at the opening
    and at every read after it. ``fill_missing=False`` opens it without reading or seeding
    anything: for a server that must answer even then, and for :meth:`reseed`.
    """

    def __init__(self, path: Path, seeds: Mapping[str, Path] | None = None, *, fill_missing: bool = True) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._storage = AtomicJSONStorage(self.path)
        # No query cache: another process may change the file between two searches.
        self._db = _TinyDB(storage=lambda: self._storage)
        self._seeds = dict(seeds or {})
        if self._seeds and fill_missing:
            self._seed_missing_tables()
        if self.path.exists() or not fill_missing:
            self._storage.required = frozenset(self._seeds)

    # -- reading ---------------------------------------------------------------------------

    def stamp(self) -> Stamp | None:
        """Changes whenever the file changes; callers cache what they derive from the data."""
        return self._storage.stamp()

    def tables(self) -> set[str]:
        return set(self._storage.read() or {})

    def all(self, table: str) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self._table(table).all()]

    def get(self, table: str, doc_id: str) -> dict[str, Any] | None:
        doc = self._table(table).get(doc_id=doc_id)
        return dict(doc) if doc is not None else None

    def search(self, table: str, cond: QueryLike) -> list[dict[str, Any]]:
        """TinyDB queries, e.g. ``store.search("events", Query().date >= "2026-01-01")``."""
        return [dict(doc) for doc in self._table(table).search(cond)]

    def _table(self, table: str) -> Table:
        return self._db.table(table, cache_size=0)

    # -- writing ---------------------------------------------------------------------------

    @contextmanager
    def transaction(
        self, table: str, on_write: Callable[[], None] | None = None
    ) -> Iterator[dict[str, dict[str, Any]]]:
        """Read-modify-write one table under the lock: yields ``{id: document}`` to change.

        The change is written once, when the block ends without an exception; an exception
        leaves the file as it was (:class:`Unchanged` quietly). ``on_write`` runs after the
        write, still under the lock, e.g. to record the change in a log in the same order.
        """
        with self._locked():
            data = self._storage.read() or {}
            docs = data.setdefault(table, {})
            try:
                yield docs
            except Unchanged:
                return
            for key, doc in docs.items():
                if not isinstance(doc, dict) or doc.get("id") != key:
                    raise ValueError(f"{table}: document under {key!r} must have id {key!r}")
            self._storage.write(data)
            if on_write is not None:
                on_write()

    def upsert(self, table: str, doc: Mapping[str, Any]) -> None:
        """Insert the document, or replace the one with the same id (whole, not merged)."""
        doc_id = doc.get("id")
        if not isinstance(doc_id, str) or not doc_id:
            raise ValueError(f"{table}: a document needs a string id")
        with self.transaction(table) as docs:
            docs[doc_id] = dict(doc)

    def remove(self, table: str, doc_id: str) -> bool:
        """Remove a document; False (and nothing written) if there was none."""
        removed = False
        with self.transaction(table) as docs:
            if doc_id not in docs:
                raise Unchanged
            del docs[doc_id]
            removed = True
        return removed

    def replace_all(self, table: str, docs: list[Mapping[str, Any]]) -> None:
        """Replace a whole table in one write (an import)."""
        keyed = _keyed([dict(doc) for doc in docs])
        with self.transaction(table) as current:
            current.clear()
            current.update(keyed)

    # -- internals -------------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        # flock locks belong to the open file, so threads of one process exclude each other
        # too. The lock file itself is never removed: removing it would let two writers lock
        # two different files.
        with open(self.lock_path, "a") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                self._remove_stale_temporaries()
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    def _remove_stale_temporaries(self) -> None:
        # Only a writer that died half-way leaves one; under the lock none is being written.
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with suppress(FileNotFoundError):
                leftover.unlink()

    def reseed(self, tables: list[str]) -> Path | None:
        """Fills ``tables`` anew from their seeds (and any table the file lacks), keeping the rest.

        A database that cannot be read is started anew from every seed; the file is kept beside
        it as ``<name>.broken-<time>``, whose path is returned.
        """
        with self._locked():
            required, self._storage.required = self._storage.required, frozenset()
            try:
                data = self._storage.read()  # its shape only: a table it lacks is seeded below
            except DatabaseError:
                data = None
            finally:
                self._storage.required = required
            kept = None
            if data is None and self.path.exists():
                kept = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
                os.replace(self.path, kept)
            data = data or {}
            for name, seed in self._seeds.items():
                if name in tables or name not in data:
                    data[name] = _keyed(load_seed(seed))
            self._storage.write(data)
            self._storage.required = frozenset(self._seeds)
            return kept

    def _seed_missing_tables(self) -> None:
        if self._storage.read() is not None and set(self._seeds) <= self.tables():
            return  # the usual start: nothing to do, no lock taken
        with self._locked():
            data = self._storage.read() or {}
            missing = {name: seed for name, seed in self._seeds.items() if name not in data}
            if not missing:
                return
            for name, seed in missing.items():
                data[name] = _keyed(load_seed(seed))
            self._storage.write(data)
