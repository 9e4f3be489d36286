"""The change log: appended line by line, read newest first, a cut-short line skipped."""

from __future__ import annotations

import threading
from pathlib import Path

from pwa.change_log import Change, ChangeLog


def change(entry: str, version: str, who: str = "anna") -> Change:
    return Change("2026-03-04T10:30:00+01:00", who, "services", entry, "edit", {"name": ["A", "B"]}, version)


def test_read_newest_first_by_table_and_entry_with_a_limit(tmp_path: Path):
    log = ChangeLog(tmp_path / "var" / "db.changes.jsonl")
    assert log.read() == []
    log.append([change("a", "1"), change("b", "2")])
    log.append([change("a", "3")])
    assert [c.version for c in log.read()] == ["3", "2", "1"]
    assert [c.version for c in log.read(entry="a")] == ["3", "1"]
    assert [c.version for c in log.read(table="events")] == []
    assert [c.version for c in log.read(limit=1)] == ["3"]


def test_since_a_version_gives_the_later_changes_of_the_entry_oldest_first(tmp_path: Path):
    log = ChangeLog(tmp_path / "log.jsonl")
    log.append([change("a", "1"), change("a", "2", "ben"), change("b", "x"), change("a", "3", "cem")])
    assert [c.who for c in log.since("services", "a", "1")] == ["ben", "cem"]
    assert [c.version for c in log.since("services", "a", "seeded")] == ["3"]  # unknown: the latest


def test_a_line_cut_short_by_a_crash_is_skipped(tmp_path: Path):
    path = tmp_path / "log.jsonl"
    log = ChangeLog(path)
    log.append([change("a", "1")])
    with path.open("ab") as stream:
        stream.write(b'{"at": "2026-03-04T10:3')
    log.append([change("a", "2")])  # on a line of its own
    assert [c.version for c in log.read()] == ["2", "1"]


def test_appends_from_many_threads_keep_every_line_whole(tmp_path: Path):
    log = ChangeLog(tmp_path / "log.jsonl")
    threads = [
        threading.Thread(target=lambda n=n: log.append([change(f"e{n}-{i}", str(i)) for i in range(20)]))
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(log.read()) == 160
    assert len((tmp_path / "log.jsonl").read_bytes().splitlines()) == 160
