"""A table as records: validated once per database change, invalid entries left out, in order."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import pytest

from pwa import records
from pwa.about_data import Event, Material
from pwa.collection import Collection, RecordType
from pwa.directory import Directory
from pwa.records import Checks, spec
from pwa.store import Store


@dataclass(frozen=True)
class Note:
    id: str = spec()
    text: str = spec()
    rank: int = spec(default=0)

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Note":
        return records.from_doc(cls, doc)  # type: ignore[no-any-return]


class Counted:
    """A validation that counts the documents it sees."""

    def __init__(self) -> None:
        self.seen = 0

    def __call__(self, doc: Any) -> list[str]:
        self.seen += 1
        check = Checks(doc, Note, "eine-notiz")
        check.text("text")
        return check.errors


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "db.json")
    store.replace_all("notes", [{"id": "b", "text": "Zwei", "rank": 2}, {"id": "a", "text": "Eins", "rank": 1}])
    return store


def test_validates_once_per_database_change(store: Store) -> None:
    validate = Counted()
    notes = Collection(store, RecordType("notes", Note, validate))
    assert [note.id for note in notes.all()] == ["b", "a"]  # no order: as stored
    assert validate.seen == 2
    first = notes.all()[0]
    assert notes.get("a") == Note("a", "Eins", 1) and notes.get("c") is None and notes.problems() == []
    assert notes.all()[0] is first  # the same records, not built again
    assert validate.seen == 2

    store.upsert("notes", {"id": "c", "text": "Drei"})
    assert notes.get("c") == Note("c", "Drei")
    assert validate.seen == 5  # the whole table once more, then no more
    notes.all()
    notes.problems()
    assert validate.seen == 5


def test_a_change_by_another_store_on_the_same_file_is_seen(store: Store) -> None:
    notes = Collection(store, RecordType("notes", Note, Counted()))
    assert notes.get("a") is not None
    Store(store.path).remove("notes", "a")  # as the maintainers' command line does
    assert notes.get("a") is None


def test_invalid_entries_are_left_out_reported_and_logged(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    store.upsert("notes", {"id": "kaputt", "text": " ", "colour": "rot"})
    notes = Collection(store, RecordType("notes", Note, Counted()))
    with caplog.at_level(logging.WARNING, logger="pwa.collection"):
        assert [note.id for note in notes.all()] == ["b", "a"]
    assert notes.get("kaputt") is None
    assert notes.problems() == [
        "kaputt: colour: unknown field (known: id, text, rank)",
        "kaputt: text: must be text",
    ]
    assert any("notes entry left out: kaputt: colour" in record.getMessage() for record in caplog.records)


def test_the_record_type_orders_the_entries(store: Store) -> None:
    notes = Collection(store, RecordType("notes", Note, Counted(), order=lambda note: note.rank))
    assert [note.id for note in notes.all()] == ["a", "b"]


def test_an_empty_or_missing_table_is_an_empty_collection(tmp_path: Path) -> None:
    notes = Collection(Store(tmp_path / "db.json"), RecordType("notes", Note, Counted()))
    assert notes.all() == [] and notes.problems() == []


def test_the_app_serves_its_collections(app) -> None:
    assert isinstance(app.state.directory, Directory)
    assert app.state.directory.get("police") is not None
    events, materials = app.state.events.all(), app.state.materials.all()
    assert events and all(isinstance(event, Event) for event in events)
    assert materials and all(isinstance(material, Material) for material in materials)
    titles = [material.title.casefold() for material in materials]
    assert titles == sorted(titles)
    assert app.state.events.problems() == app.state.materials.problems() == []
