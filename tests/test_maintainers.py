"""The maintainers' command line, for events and materials: every success and every refusal.

The directory's own commands and its refusals: test_maintainers_directory.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pwa import __main__ as entry
from pwa.maintainers import main
from pwa.store import Store

NEW = {
    "events": {
        "id": "fachtag-2027",
        "title": "Fachtag 2027",
        "date": "2027-05-04",
        "kind": "fachtag",
        "audience": "professionals",
        "description": "Ein Fachtag.",
        "sources": ["https://www.kreis-mettmann.de"],
    },
    "materials": {
        "id": "flyer-2027",
        "title": "Faltblatt 2027",
        "kind": "flyer",
        "description": "Ein Faltblatt.",
        "languages": ["de"],
        "sources": ["https://www.kreis-mettmann.de"],
    },
}
SEEDED = {"events": "fachtag-2025-erstkontakt", "materials": "plakat-sos-handzeichen"}
# One broken field per table, and the message that must name it.
BROKEN = {
    "events": ({"date": "2027-02-30"}, "fachtag-2027: date:"),
    "materials": ({"kind": "film"}, "flyer-2027: kind:"),
}

pytestmark = pytest.mark.parametrize("table", ["events", "materials"])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "db.json"


def run(table: str, db: Path, *args: str) -> int:
    return main(table, ["--db", str(db), *args])


def write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def seeded(table: str, db: Path, capsys) -> bytes:
    assert run(table, db, "list") == 0
    capsys.readouterr()
    return db.read_bytes()


def test_list_creates_the_table_from_its_seed(table, db, capsys):
    assert run(table, db, "list") == 0
    out = capsys.readouterr().out
    assert SEEDED[table] in out
    assert table in json.loads(db.read_text(encoding="utf-8"))


def test_list_events_soonest_first(table, db, capsys):
    assert run(table, db, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    if table == "events":
        assert [line.split()[0] for line in lines] == ["fachtag-2025-erstkontakt", "plakataktion-sos-handzeichen"]
    else:
        assert len(lines) == 2


def test_list_of_an_empty_table(table, db, capsys):
    Store(db, {}).replace_all(table, [])
    assert run(table, db, "list") == 0
    captured = capsys.readouterr()
    assert captured.out == "" and f"no {table}" in captured.err


def test_show(table, db, capsys):
    assert run(table, db, "show", SEEDED[table]) == 0
    assert yaml.safe_load(capsys.readouterr().out)["id"] == SEEDED[table]


def test_show_unknown(table, db, capsys):
    assert run(table, db, "show", "nope") == 1
    assert "nope: no entry with this id" in capsys.readouterr().err


def test_add_from_yaml_and_json(table, db, tmp_path, capsys):
    assert run(table, db, "add", str(write(tmp_path, "new.yaml", NEW[table]))) == 0
    assert f"added {NEW[table]['id']}" in capsys.readouterr().out
    assert Store(db, {}).get(table, NEW[table]["id"]) == NEW[table]
    other = {**NEW[table], "id": NEW[table]["id"] + "-b"}
    assert run(table, db, "add", str(write(tmp_path, "new.json", other))) == 0
    assert Store(db, {}).get(table, other["id"]) == other


def test_add_refuses_an_existing_id(table, db, tmp_path, capsys):
    before = seeded(table, db, capsys)
    doc = yaml.safe_load(yaml.safe_dump(Store(db, {}).get(table, SEEDED[table])))
    assert run(table, db, "add", str(write(tmp_path, "dup.yaml", doc))) == 1
    assert f"{SEEDED[table]}: id: an entry with this id exists" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_add_refuses_an_invalid_entry_naming_entry_and_field(table, db, tmp_path, capsys):
    before = seeded(table, db, capsys)
    change, message = BROKEN[table]
    assert run(table, db, "add", str(write(tmp_path, "bad.yaml", {**NEW[table], **change}))) == 1
    assert message in capsys.readouterr().err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- a\n- list\n", "must hold one entry"),
        ("id: [unclosed\n", "cannot be read"),
        ("just text\n", "must hold one entry"),
    ],
)
def test_add_refuses_a_file_that_is_not_one_entry(table, db, tmp_path, capsys, content, message):
    before = seeded(table, db, capsys)
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    assert run(table, db, "add", str(path)) == 1
    assert message in capsys.readouterr().err
    assert db.read_bytes() == before


def test_add_refuses_a_missing_file_and_broken_json(table, db, tmp_path, capsys):
    before = seeded(table, db, capsys)
    assert run(table, db, "add", str(tmp_path / "missing.yaml")) == 1
    assert "no such file" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert run(table, db, "add", str(broken)) == 1
    assert "cannot be read" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_edit_changes_only_the_given_fields(table, db, tmp_path, capsys):
    seeded(table, db, capsys)
    old = Store(db, {}).get(table, SEEDED[table])
    assert run(table, db, "edit", SEEDED[table], str(write(tmp_path, "c.yaml", {"title": "Neuer Titel"}))) == 0
    assert "changed" in capsys.readouterr().out
    assert Store(db, {}).get(table, SEEDED[table]) == {**old, "title": "Neuer Titel"}


def test_edit_refuses_an_unknown_id_an_id_change_and_an_invalid_result(table, db, tmp_path, capsys):
    before = seeded(table, db, capsys)
    change, _ = BROKEN[table]
    cases = [
        ("nope", {"title": "x"}, "nope: no entry with this id"),
        (SEEDED[table], {"id": "other"}, f"{SEEDED[table]}: id: cannot be changed"),
        (SEEDED[table], change, f"{SEEDED[table]}: {next(iter(change))}:"),
        (SEEDED[table], {"description": None}, f"{SEEDED[table]}: description: missing"),
        (SEEDED[table], {"colour": "red"}, f"{SEEDED[table]}: colour: unknown field"),
    ]
    for target, changes, message in cases:
        assert run(table, db, "edit", target, str(write(tmp_path, "c.yaml", changes))) == 1, changes
        assert message in capsys.readouterr().err, changes
        assert db.read_bytes() == before, changes


def test_remove(table, db, capsys):
    seeded(table, db, capsys)
    assert run(table, db, "remove", SEEDED[table]) == 0
    assert f"removed {SEEDED[table]}" in capsys.readouterr().out
    assert Store(db, {}).get(table, SEEDED[table]) is None


def test_remove_unknown(table, db, capsys):
    before = seeded(table, db, capsys)
    assert run(table, db, "remove", "nope") == 1
    assert "nope: no entry with this id" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_validate_the_database(table, db, capsys):
    assert run(table, db, "validate") == 0
    assert "all valid" in capsys.readouterr().out


def test_validate_reports_every_broken_entry_in_the_database(table, db, capsys):
    seeded(table, db, capsys)
    change, _ = BROKEN[table]
    store = Store(db, {})
    store.upsert(table, {**NEW[table], **change})
    store.upsert(table, {"id": "half"})
    before = db.read_bytes()
    assert run(table, db, "validate") == 1
    err = capsys.readouterr().err
    assert BROKEN[table][1] in err and "half: title: missing" in err
    assert db.read_bytes() == before


def test_validate_a_file_writes_nothing(table, db, tmp_path, capsys):
    before = seeded(table, db, capsys)
    good = write(tmp_path, "good.yaml", [NEW[table]])
    assert run(table, db, "validate", str(good)) == 0
    assert "1 entries, all valid" in capsys.readouterr().out
    change, message = BROKEN[table]
    bad = write(tmp_path, "bad.yaml", [NEW[table], {**NEW[table], **change}])
    assert run(table, db, "validate", str(bad)) == 1
    err = capsys.readouterr().err
    assert message in err and "used by more than one entry" in err
    assert db.read_bytes() == before


def test_wrong_usage(table, db, capsys):
    assert run(table, db) == 2
    assert run(table, db, "frobnicate") == 2
    assert run(table, db, "show") == 2
    assert run(table, db, "--help") == 0
    assert "validate" in capsys.readouterr().out
    assert not db.exists()


def test_a_broken_database_is_refused(table, db, capsys):
    db.write_text("{ not json", encoding="utf-8")
    assert run(table, db, "list") == 1
    assert "not valid JSON" in capsys.readouterr().err
    assert db.read_text(encoding="utf-8") == "{ not json"


def test_the_named_task_dispatches_here(table, db, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_PATH", str(db))
    assert entry.main([table, "show", SEEDED[table]]) == 0
    assert SEEDED[table] in capsys.readouterr().out


def test_an_unknown_table(table, capsys):
    assert main("people", ["list"]) == 2
    assert "'people' is not one of" in capsys.readouterr().err


# -- what every collection has, the directory included ---------------------------------------


def test_export_and_import_round_trip(table, db, tmp_path, capsys):
    seeded(table, db, capsys)
    exported = tmp_path / "export.yaml"
    assert run(table, db, "export", str(exported)) == 0
    assert f"exported to {exported}" in capsys.readouterr().out
    before = Store(db, {}).all(table)
    assert run(table, db, "remove", SEEDED[table]) == 0
    assert run(table, db, "import", str(exported)) == 0
    assert f"imported {len(before)} entries" in capsys.readouterr().out
    assert Store(db, {}).all(table) == before
    assert run(table, db, "export") == 0
    assert yaml.safe_load(capsys.readouterr().out) == before


def test_import_refuses_a_bad_entry_and_writes_nothing(table, db, tmp_path, capsys):
    before = seeded(table, db, capsys)
    change, message = BROKEN[table]
    bad = write(tmp_path, "all.yaml", [NEW[table], {**NEW[table], **change, "id": "other"}, NEW[table]])
    assert run(table, db, "import", str(bad)) == 1
    err = capsys.readouterr().err
    assert message.replace(NEW[table]["id"], "other") in err
    assert f"{NEW[table]['id']}: id: used by more than one entry" in err
    assert run(table, db, "import", str(write(tmp_path, "one.yaml", NEW[table]))) == 1
    assert "must be a list of entries" in capsys.readouterr().err
    assert db.read_bytes() == before


@pytest.mark.parametrize("name", ["directory", "events", "materials"])
def test_every_collection_has_every_command(table, name, capsys):
    assert main(name, ["--help"]) == 0
    out = capsys.readouterr().out
    commands = out.split("positional arguments:", 1)[1].split("options:", 1)[0].split()
    for command in ("list", "show", "add", "edit", "remove", "validate", "import", "export"):
        assert command in commands, (name, command)
    assert ("confirm" in commands and "stale" in commands) == (name == "directory")
    if name != "directory":
        assert main(name, ["confirm", "x"]) == 2  # wrong usage: before any database is opened
