"""The store: seeding, the generic table API, fresh reads, atomic and serialised writes."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tinydb import Query

import pwa.store as store_module
from pwa.settings import ROOT
from pwa.store import DatabaseError, Store


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            - {id: one, title: Eins, checked: 2026-01-02}
            - {id: two, title: Zwei}
            - {id: three, title: Drei}
            """
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "var" / "db.json"


@pytest.fixture
def store(db: Path, seed: Path) -> Store:
    return Store(db, {"things": seed})


def contents(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.glob(f".{db.name}.*.tmp"))


def run_python(code: str, *args: str, **popen: object) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", textwrap.dedent(code), *args]
    return subprocess.Popen(command, env=env, cwd=ROOT, **popen)  # type: ignore[call-overload]


# -- seeding and the table API -------------------------------------------------------------


def test_a_missing_database_is_created_from_the_seeds(store: Store, db: Path) -> None:
    assert db.is_file()
    assert db.with_name("db.json.lock").is_file()
    assert [doc["id"] for doc in store.all("things")] == ["one", "two", "three"]
    # YAML dates stay strings, as JSON can hold them
    assert contents(db)["things"]["one"] == {"id": "one", "title": "Eins", "checked": "2026-01-02"}


def test_only_tables_missing_from_the_database_are_seeded(
    store: Store, db: Path, seed: Path, tmp_path: Path
) -> None:
    store.remove("things", "two")
    store.replace_all("empty", [])
    events = tmp_path / "events.yaml"
    events.write_text("- {id: fachtag, title: Fachtag}\n", encoding="utf-8")

    reopened = Store(db, {"things": seed, "empty": seed, "events": events})

    assert [doc["id"] for doc in reopened.all("things")] == ["one", "three"]
    assert reopened.all("empty") == []
    assert reopened.all("events") == [{"id": "fachtag", "title": "Fachtag"}]


def test_a_seed_with_a_repeated_id_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: a}\n- {id: a}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a: id: used twice"):
        Store(tmp_path / "db.json", {"things": bad})
    assert not (tmp_path / "db.json").exists()


def test_get_upsert_remove(store: Store) -> None:
    assert store.get("things", "two") == {"id": "two", "title": "Zwei"}
    assert store.get("things", "nine") is None
    assert store.get("nothing", "two") is None

    store.upsert("things", {"id": "two", "other": 2})
    assert store.get("things", "two") == {"id": "two", "other": 2}  # replaced, not merged
    store.upsert("things", {"id": "four", "title": "Vier"})
    assert [doc["id"] for doc in store.all("things")] == ["one", "two", "three", "four"]

    assert store.remove("things", "one") is True
    assert store.get("things", "one") is None
    assert store.search("things", Query().title == "Vier") == [{"id": "four", "title": "Vier"}]


def test_refused_writes_leave_the_file_untouched(store: Store, db: Path) -> None:
    before = db.read_bytes()
    stamp = store.stamp()

    assert store.remove("things", "nine") is False
    with pytest.raises(ValueError):
        store.upsert("things", {"title": "no id"})
    with pytest.raises(ValueError, match="used twice"):
        store.replace_all("things", [{"id": "x"}, {"id": "x"}])
    with pytest.raises(RuntimeError):
        with store.transaction("things") as docs:
            docs.clear()
            raise RuntimeError("changed my mind")
    with pytest.raises(ValueError, match="must have id"):
        with store.transaction("things") as docs:
            docs["five"] = {"id": "six"}

    assert db.read_bytes() == before
    assert store.stamp() == stamp


def test_replace_all_and_transaction(store: Store) -> None:
    store.replace_all("things", [{"id": "b"}, {"id": "a"}])
    assert store.all("things") == [{"id": "b"}, {"id": "a"}]
    with store.transaction("things") as docs:
        docs["c"] = {"id": "c", "n": len(docs)}
    assert store.get("things", "c") == {"id": "c", "n": 2}


def test_a_transaction_may_end_unchanged_and_reports_its_write_under_the_lock(store: Store, db: Path) -> None:
    from pwa.store import Unchanged

    store.all("things")
    before = db.stat().st_ino
    written: list[bool] = []
    with store.transaction("things", on_write=lambda: written.append(True)) as docs:
        docs["new"] = {"id": "new"}
        raise Unchanged
    assert db.stat().st_ino == before and store.get("things", "new") is None and written == []

    def locked_now() -> None:
        # The hook runs while the writer still holds the lock: another writer must wait.
        with open(store.lock_path, "a") as lock:
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                written.append(True)
            else:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
                written.append(False)

    with store.transaction("things", on_write=locked_now) as docs:
        docs["new"] = {"id": "new"}
    assert written == [True] and store.get("things", "new") == {"id": "new"}


def test_documents_handed_out_are_copies(store: Store) -> None:
    store.upsert("things", {"id": "list", "items": [1, 2]})
    doc = store.get("things", "list")
    assert doc is not None
    doc["items"].append(3)
    store.all("things")[0]["title"] = "changed"
    assert store.get("things", "list") == {"id": "list", "items": [1, 2]}
    assert store.get("things", "one")["title"] == "Eins"  # type: ignore[index]


def test_reads_see_another_writer_without_reopening(store: Store, db: Path, seed: Path) -> None:
    other = Store(db, {"things": seed})
    stamp = store.stamp()
    assert store.get("things", "two")["title"] == "Zwei"  # type: ignore[index]

    other.upsert("things", {"id": "two", "title": "Zwo"})  # the same size as before

    assert store.stamp() != stamp
    assert store.get("things", "two")["title"] == "Zwo"  # type: ignore[index]
    assert store.search("things", Query().title == "Zwo") == [{"id": "two", "title": "Zwo"}]


def test_reads_see_another_process(store: Store, db: Path) -> None:
    assert store.get("things", "one")["title"] == "Eins"  # type: ignore[index]
    writer = run_python(
        """
        import sys
        from pathlib import Path
        from pwa.store import DatabaseError, Store
        Store(Path(sys.argv[1])).upsert("things", {"id": "one", "title": "Uno"})
        """,
        str(db),
    )
    assert writer.wait(timeout=20) == 0
    assert store.get("things", "one")["title"] == "Uno"  # type: ignore[index]


def test_a_broken_file_is_reported_and_not_replaced(db: Path, seed: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_text('{"things": {"one": ', encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        Store(db, {"things": seed})
    assert db.read_text(encoding="utf-8") == '{"things": {"one": '


BROKEN = {"empty": "", "blank": " \n", "a list": "[]", "no tables": "{}", "a table not keyed": '{"things": [1]}',
          "an entry under another id": '{"things": {"one": {"id": "two"}}}'}


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_file_of_the_wrong_shape_is_refused_and_not_seeded_over(db: Path, seed: Path, content: str) -> None:
    db.parent.mkdir(parents=True)
    db.write_text(content, encoding="utf-8")
    with pytest.raises(DatabaseError, match="python -m pwa directory seed"):
        Store(db, {"things": seed})
    assert db.read_text(encoding="utf-8") == content


@pytest.mark.parametrize("change", ["empty", "removed", "without the table"])
def test_an_open_store_refuses_every_read_once_its_file_breaks(store: Store, db: Path, change: str) -> None:
    if change == "removed":
        db.unlink()
    else:
        db.write_text("" if change == "empty" else '{"other": {}}', encoding="utf-8")
    with pytest.raises(DatabaseError):
        store.all("things")
    with pytest.raises(DatabaseError):
        store.get("things", "one")
    with pytest.raises(DatabaseError):  # and a write does not start it anew either
        store.upsert("things", {"id": "four"})
    assert db.exists() == (change != "removed")


def test_reseed_keeps_a_broken_file_beside_and_starts_every_table_anew(db: Path, seed: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("- {id: x}\n", encoding="utf-8")
    db.parent.mkdir(parents=True)
    db.write_text("[]", encoding="utf-8")
    store = Store(db, {"things": seed, "other": other}, fill_missing=False)
    kept = store.reseed(["things"])
    assert kept is not None and kept.read_text(encoding="utf-8") == "[]" and kept.parent == db.parent
    assert [doc["id"] for doc in store.all("things")] == ["one", "two", "three"]
    assert store.all("other") == [{"id": "x"}]


def test_reseed_of_a_good_file_replaces_only_its_tables(store: Store, db: Path, seed: Path, tmp_path: Path) -> None:
    store.remove("things", "two")
    store.upsert("kept", {"id": "mine"})
    assert Store(db, {"things": seed}).reseed(["things"]) is None
    assert [doc["id"] for doc in store.all("things")] == ["one", "two", "three"]
    assert store.all("kept") == [{"id": "mine"}]
    assert list(db.parent.glob("db.json.broken-*")) == []


def test_permissions_are_kept(store: Store, db: Path) -> None:
    os.chmod(db, 0o640)
    store.upsert("things", {"id": "x"})
    assert db.stat().st_mode & 0o777 == 0o640


# -- crashes and concurrency -----------------------------------------------------------------


def test_a_crash_between_writing_and_renaming_changes_nothing(
    store: Store, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db.read_bytes()

    def crash(source: str, target: str) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(store_module.os, "replace", crash)
    with pytest.raises(OSError, match="disk gone"):
        store.upsert("things", {"id": "four"})
    monkeypatch.undo()

    assert db.read_bytes() == before
    assert leftovers(db) == []
    assert store.get("things", "four") is None
    store.upsert("things", {"id": "four"})  # and the next write works
    assert store.get("things", "four") == {"id": "four"}


# Where the writer is killed: holding the lock before any byte is written, or with the
# temporary file complete and synced but not yet renamed over the database.
KILL_POINTS = {
    "holding the lock": "store_module.AtomicJSONStorage.write = pause",
    "before the rename": "store_module.os.replace = pause",
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_writer_killed_half_way_leaves_a_valid_database(store: Store, db: Path, point: str) -> None:
    before = contents(db)
    writer = run_python(
        f"""
        import sys, time
        from pathlib import Path
        import pwa.store as store_module

        def pause(*args, **kwargs):
            print("paused", flush=True)
            time.sleep(60)

        {KILL_POINTS[point]}
        store_module.Store(Path(sys.argv[1])).upsert("things", {{"id": "half", "title": "x" * 100000}})
        """,
        str(db),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "paused"
        # The lock is really held: another writer would wait now.
        with open(db.with_name("db.json.lock"), "a") as lock:
            with pytest.raises(BlockingIOError):
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        if writer.stdout:
            writer.stdout.close()

    assert contents(db) == before
    assert store.get("things", "half") is None
    if point == "before the rename":
        assert len(leftovers(db)) == 1

    started = time.monotonic()
    store.upsert("things", {"id": "after"})  # the dead writer's lock is gone
    assert time.monotonic() - started < 5
    assert leftovers(db) == []  # its temporary file was cleared up
    assert set(contents(db)["things"]) == {"one", "two", "three", "after"}


WRITER = """
import sys, time
from pathlib import Path
from pwa.store import DatabaseError, Store

db, tag, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
store = Store(db)
while not go.exists():
    time.sleep(0.001)
for number in range(20):
    store.upsert("things", {"id": f"{tag}-{number}", "number": number})
    with store.transaction("counter") as docs:
        count = docs.get("count", {"id": "count", "value": 0})
        docs["count"] = {"id": "count", "value": count["value"] + 1}
"""


def test_two_concurrent_writers_lose_nothing(store: Store, db: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    writers = [run_python(WRITER, str(db), tag, str(go)) for tag in ("a", "b")]
    time.sleep(0.3)  # both have started and are waiting
    go.touch()
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0]

    data = contents(db)  # valid JSON
    expected = {"one", "two", "three"} | {f"{tag}-{n}" for tag in "ab" for n in range(20)}
    assert set(data["things"]) == expected
    assert data["counter"]["count"]["value"] == 40  # no read-modify-write was lost
    assert leftovers(db) == []
