"""Changing entries: checked first, written under the store's lock, versions compared, logged."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path

import pytest

from pwa.about_data import EVENT_RECORDS
from pwa.change_log import ChangeLog
from pwa.clock import BERLIN
from pwa.directory import SERVICE_RECORDS
from pwa.edits import Conflict, Editor, Refused, differences, version
from pwa.settings import Settings
from pwa.store import Store

NOW = datetime(2026, 3, 4, 10, 30, 15, 123, tzinfo=BERLIN)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "db.json", dict(Settings().seeds))


@pytest.fixture
def log(tmp_path: Path) -> ChangeLog:
    return ChangeLog(tmp_path / "db.changes.jsonl")


def editor(store: Store, log: ChangeLog, who: str = "anna", records=SERVICE_RECORDS) -> Editor:
    return Editor(store, records, who, log, now=lambda: NOW)


def test_version_follows_every_change_of_a_document():
    doc = {"id": "a", "phones": [{"tel": "110"}]}
    assert version(doc) == version({"phones": [{"tel": "110"}], "id": "a"})  # key order does not count
    assert version(doc) != version({"id": "a", "phones": [{"tel": "112"}]})
    assert version(None) == ""


def test_differences_name_each_changed_field_old_and_new_in_the_given_order():
    old = {"id": "a", "name": "Alt", "email": None, "website": "https://a.de"}
    new = {"id": "a", "name": "Neu", "email": "x@y.de"}
    assert differences(old, new, ["id", "website", "name"]) == {
        "website": ["https://a.de", None],
        "name": ["Alt", "Neu"],
        "email": [None, "x@y.de"],
    }
    assert differences({"id": "a", "email": None}, {"id": "a"}) == {}  # null and absent: unknown both


def test_an_edit_writes_and_logs_who_when_which_fields_old_and_new(store, log):
    before = store.get("services", "police")
    phones = [{"tel": "+4921041419221", "display": "02104 1419-221"}]
    change = editor(store, log).edit("police", {"phones": phones})
    assert store.get("services", "police") == {**before, "phones": phones}
    assert change.fields == {"phones": [before["phones"], phones]}
    assert change.version == version(store.get("services", "police"))
    [logged] = log.read()
    assert logged == change
    assert (logged.who, logged.at, logged.table, logged.entry, logged.action) == (
        "anna", "2026-03-04T10:30:15+01:00", "services", "police", "edit",
    )


def test_an_invalid_change_writes_nothing_and_logs_nothing(store, log):
    store.all("services")
    stamp = store.stamp()
    with pytest.raises(Refused) as refused:
        editor(store, log).edit("police", {"phones": [{"tel": "0211 123"}], "website": "http://x.de"})
    assert any("police: phones[0].tel:" in line for line in refused.value.lines)
    assert any("police: website:" in line for line in refused.value.lines)
    assert store.stamp() == stamp and log.read() == []


def test_a_change_that_changes_nothing_writes_nothing(store, log):
    current = store.get("services", "police")
    stamp = store.stamp()
    change = editor(store, log).replace("police", current, expected=version(current))
    assert change.fields == {} and store.stamp() == stamp and log.read() == []


def test_the_second_of_two_edits_of_the_same_version_is_refused_with_the_current_entry(store, log):
    opened = version(store.get("services", "police"))
    editor(store, log, "anna").edit("police", {"hours_note": "Erste."}, expected=opened)
    with pytest.raises(Conflict) as conflict:
        editor(store, log, "ben").edit("police", {"hours_note": "Zweite."}, expected=opened)
    assert conflict.value.current["hours_note"] == "Erste."
    assert store.get("services", "police")["hours_note"] == "Erste."
    assert [c.who for c in log.since("services", "police", opened)] == ["anna"]


def test_concurrent_edits_of_one_version_let_exactly_one_win(store, log):
    opened = version(store.get("services", "police"))
    outcomes: list[str] = []

    def save(name: str) -> None:
        try:
            editor(store, log, name).edit("police", {"hours_note": name}, expected=opened)
            outcomes.append("saved")
        except Conflict:
            outcomes.append("refused")

    threads = [threading.Thread(target=save, args=(f"person-{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused"] * 5 + ["saved"]
    [winner] = log.read()
    assert store.get("services", "police")["hours_note"] == winner.who


def test_add_confirm_remove_and_their_refusals(store, log):
    new = {**store.get("services", "police"), "id": "police-2"}
    edit = editor(store, log)
    edit.add(new)
    with pytest.raises(Refused, match="police-2: id: an entry with this id exists"):
        edit.add(new)
    edit.confirm("police-2", date(2026, 3, 1))
    assert store.get("services", "police-2")["checked"] == "2026-03-01"
    with pytest.raises(Refused, match="police-2: checked: 2026-03-05 is in the future"):
        edit.confirm("police-2", date(2026, 3, 5))
    with pytest.raises(Conflict):
        edit.remove("police-2", expected=version(new))  # confirmed since
    edit.remove("police-2")
    assert store.get("services", "police-2") is None
    with pytest.raises(Refused, match="police-2: no entry with this id"):
        edit.remove("police-2")
    with pytest.raises(Refused, match="police: id: cannot be changed"):
        edit.replace("police", {**new, "id": "polizei"})
    assert [c.action for c in reversed(log.read())] == ["add", "confirm", "remove"]
    assert log.read()[0].version == ""


def test_an_import_logs_each_entry_it_changes(store, log):
    events = store.all("events")
    changed = {**events[0], "title": "Ein neuer Titel"}
    changes = editor(store, log, records=EVENT_RECORDS).replace_all([changed])
    assert {(c.entry, c.action) for c in changes} == {(events[0]["id"], "import"), *((e["id"], "import") for e in events[1:])}
    assert store.all("events") == [changed]
    assert len(log.read()) == len(events)
