"""The maintainers' command line, for the directory: every command, its success and its refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from pwa import maintainers
from pwa.clock import BERLIN
from pwa.directory import Directory
from pwa.settings import ROOT
from pwa.store import Store, load_seed

SEED = ROOT / "data" / "directory.yaml"
TODAY = datetime.now(BERLIN).date()


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "db.json"
    # Never the repository's var/: a command without --db must land here too.
    monkeypatch.setenv("DATABASE_PATH", str(path))
    Store(path, {"services": SEED})
    return path


@pytest.fixture
def cli(db: Path, capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> Run:
        code = maintainers.main("directory", ["--db", str(db), *argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def unchanged(db: Path):
    """Asserts that a refused command wrote nothing."""
    before = db.read_bytes()
    inode = db.stat().st_ino
    yield
    assert db.read_bytes() == before
    assert db.stat().st_ino == inode  # not even rewritten with the same content


def entries(db: Path) -> dict[str, dict]:
    return json.loads(db.read_text(encoding="utf-8"))["services"]


def write(path: Path, data: object) -> Path:
    if path.suffix == ".json":
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def new_entry() -> dict:
    return {
        "id": "beratung-hilden",
        "name": "Beratungsstelle Hilden",
        "kind": "counselling",
        "area": ["Hilden"],
        "phones": [{"tel": "+4921038986410", "display": "02103 898-6410", "label": None}],
        "description": "Eine Beratungsstelle.",
        "sources": ["https://example.org"],
        "sources_read": "2026-11-24",
        "confidence": "medium",
        "checked": None,
    }


# -- reading -------------------------------------------------------------------------------


def test_list_shows_every_entry(cli) -> None:
    result = cli("list")
    assert result.code == 0
    ids = [line.split()[0] for line in result.out.splitlines()]
    assert ids == [doc["id"] for doc in load_seed(SEED)]
    assert "unconfirmed" in result.out


def test_show_prints_the_entry_as_yaml(cli, db: Path) -> None:
    result = cli("show", "interventionsstelle")
    assert result.code == 0
    assert yaml.safe_load(result.out) == entries(db)["interventionsstelle"]


def test_show_refuses_an_unknown_id(cli) -> None:
    result = cli("show", "nowhere")
    assert result.code == 1
    assert "nowhere: no entry with this id" in result.err


def test_the_database_comes_from_the_environment_and_option_after_the_command(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert maintainers.main("directory", ["confirm", "police", "--date", "2026-01-02"]) == 0
    assert entries(db)["police"]["checked"] == "2026-01-02"
    other = tmp_path / "other" / "db.json"
    assert maintainers.main("directory", ["confirm", "police", "--db", str(other), "--date", "2026-01-03"]) == 0
    assert json.loads(other.read_text(encoding="utf-8"))["services"]["police"]["checked"] == "2026-01-03"
    assert entries(db)["police"]["checked"] == "2026-01-02"
    capsys.readouterr()


# -- add -----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_add_from_yaml_or_json(cli, db: Path, tmp_path: Path, suffix: str) -> None:
    result = cli("add", str(write(tmp_path / f"new{suffix}", new_entry())))
    assert result.code == 0, result.err
    assert entries(db)["beratung-hilden"] == new_entry()
    assert Directory(Store(db)).get("beratung-hilden") is not None


def test_add_refuses_an_invalid_entry_naming_it_and_the_field(cli, tmp_path: Path, unchanged) -> None:
    bad = {**new_entry(), "phones": [{"tel": "0162 1234"}], "website": "http://example.org"}
    result = cli("add", str(write(tmp_path / "bad.yaml", bad)))
    assert result.code == 1
    assert "error: beratung-hilden: phones[0].tel:" in result.err
    assert "error: beratung-hilden: website:" in result.err


def test_add_refuses_a_shelter_address(cli, tmp_path: Path, unchanged) -> None:
    bad = {**new_entry(), "kind": "shelter", "address": "Geheimweg 1"}
    result = cli("add", str(write(tmp_path / "bad.yaml", bad)))
    assert result.code == 1
    assert "beratung-hilden: address:" in result.err


def test_add_refuses_an_existing_id(cli, tmp_path: Path, unchanged) -> None:
    result = cli("add", str(write(tmp_path / "dup.yaml", {**new_entry(), "id": "police"})))
    assert result.code == 1
    assert "police: id: an entry with this id exists" in result.err


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("missing.yaml", None, "no such file"),
        ("broken.yaml", "id: [unclosed\n", "cannot be read"),
        ("broken.json", '{"id": ', "cannot be read"),
        ("list.yaml", "- id: x\n", "must hold one entry"),
    ],
)
def test_add_refuses_unreadable_files(
    cli, tmp_path: Path, unchanged, name: str, text: str | None, message: str
) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    result = cli("add", str(path))
    assert result.code == 1
    assert message in result.err


# -- edit ----------------------------------------------------------------------------------


def test_edit_changes_only_the_given_fields(cli, db: Path, tmp_path: Path) -> None:
    before = entries(db)["interventionsstelle"]
    changes = {"email": None, "hours_note": "Montag bis Freitag."}
    result = cli("edit", "interventionsstelle", str(write(tmp_path / "c.yaml", changes)))
    assert result.code == 0, result.err
    assert entries(db)["interventionsstelle"] == {**before, **changes}
    assert "email, hours_note" in result.out


@pytest.mark.parametrize(
    ("target", "changes", "message"),
    [
        ("nowhere", {"name": "X"}, "nowhere: no entry with this id"),
        ("police", {"id": "polizei"}, "police: id: cannot be changed"),
        ("frauenhaus-mettmann", {"address": "Geheimweg 1"}, "frauenhaus-mettmann: address:"),
        ("polizeiwachen", {"area": ["Berlin"]}, "polizeiwachen: area:"),
        ("police", {"hours": {"mon": ["25:00-26:00"]}}, "police: hours.mon:"),
    ],
)
def test_edit_refusals(cli, tmp_path: Path, unchanged, target: str, changes: dict, message: str) -> None:
    result = cli("edit", target, str(write(tmp_path / "c.yaml", changes)))
    assert result.code == 1
    assert message in result.err


# -- remove --------------------------------------------------------------------------------


def test_remove(cli, db: Path) -> None:
    result = cli("remove", "nora")
    assert result.code == 0
    assert "nora" not in entries(db)


def test_remove_refuses_an_unknown_id(cli, unchanged) -> None:
    result = cli("remove", "nowhere")
    assert result.code == 1
    assert "nowhere: no entry with this id" in result.err


# -- import and export ---------------------------------------------------------------------


def test_export_to_stdout_is_the_database(cli, db: Path) -> None:
    result = cli("export")
    assert result.code == 0
    assert yaml.safe_load(result.out) == list(entries(db).values())


def test_export_and_import_round_trip(cli, db: Path, tmp_path: Path) -> None:
    assert cli("confirm", "police", "--date", "2026-02-01").code == 0
    exported = tmp_path / "export.yaml"
    assert cli("export", str(exported)).code == 0
    before = entries(db)

    assert cli("remove", "police").code == 0
    result = cli("import", str(exported))
    assert result.code == 0, result.err
    assert f"imported {len(before)} entries" in result.out
    assert entries(db) == before
    assert list(entries(db)) == list(before)


def test_import_replaces_everything(cli, db: Path, tmp_path: Path) -> None:
    result = cli("import", str(write(tmp_path / "one.json", [new_entry()])))
    assert result.code == 0, result.err
    assert list(entries(db)) == ["beratung-hilden"]


def test_import_refuses_when_any_entry_is_bad_and_lists_all_problems(cli, tmp_path: Path, unchanged) -> None:
    docs = load_seed(SEED)
    docs[3]["email"] = "nobody"
    docs[5]["confidence"] = "certain"
    docs.append(dict(docs[0]))
    result = cli("import", str(write(tmp_path / "all.yaml", docs)))
    assert result.code == 1
    assert f"{docs[3]['id']}: email:" in result.err
    assert f"{docs[5]['id']}: confidence:" in result.err
    assert f"{docs[0]['id']}: id: used by more than one entry" in result.err


def test_import_refuses_a_file_that_is_not_a_list(cli, tmp_path: Path, unchanged) -> None:
    result = cli("import", str(write(tmp_path / "one.yaml", new_entry())))
    assert result.code == 1
    assert "must be a list of entries" in result.err


# -- validate ------------------------------------------------------------------------------


def test_validate_passes_the_seeded_database(cli) -> None:
    result = cli("validate")
    assert result.code == 0
    assert f"{len(load_seed(SEED))} entries, all valid" in result.out


def test_validate_names_the_broken_entry_and_field(cli, db: Path) -> None:
    police = entries(db)["police"]
    Store(db).upsert("services", {**police, "phones": [{"tel": "+49 110"}]})  # a hand edit
    result = cli("validate")
    assert result.code == 1
    assert "police: phones[0].tel:" in result.err


def test_a_broken_database_file_is_reported(cli, db: Path) -> None:
    db.write_text("{not json", encoding="utf-8")
    result = cli("list")
    assert result.code == 1
    assert "not valid JSON" in result.err
    assert db.read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize("content", ["[]", "{}", '{"services": [1, 2]}', '{"services": {"police": 3}}', ""])
def test_a_database_of_the_wrong_shape_is_a_message_not_a_traceback(cli, db: Path, content: str) -> None:
    db.write_text(content, encoding="utf-8")
    for command in ("list", "validate", "export"):
        result = cli(command)
        assert result.code == 1, command
        assert result.err.startswith(f"error: {db}") and "Traceback" not in result.err
        assert "python -m pwa directory seed" in result.err
    assert db.read_text(encoding="utf-8") == content


def test_seed_starts_a_broken_database_anew_and_keeps_it_beside(cli, db: Path) -> None:
    db.write_text("", encoding="utf-8")
    result = cli("seed")
    assert result.code == 0, result.err
    kept = list(db.parent.glob("db.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == ""
    assert str(kept[0]) in result.out
    tables = json.loads(db.read_text(encoding="utf-8"))
    assert set(tables) == {"services", "events", "materials"}
    assert set(tables["services"]) == {doc["id"] for doc in load_seed(SEED)}
    assert cli("list").code == 0


def test_seed_of_a_good_database_replaces_only_the_directory(cli, db: Path) -> None:
    assert cli("remove", "police").code == 0
    assert maintainers.main("events", ["--db", str(db), "remove", "fachtag-2025-erstkontakt"]) == 0
    events = json.loads(db.read_text(encoding="utf-8"))["events"]
    result = cli("seed")
    assert result.code == 0 and "broken" not in result.out
    assert "police" in entries(db)
    assert json.loads(db.read_text(encoding="utf-8"))["events"] == events


# -- confirm and stale ---------------------------------------------------------------------


def test_confirm_defaults_to_today(cli, db: Path) -> None:
    result = cli("confirm", "interventionsstelle")
    assert result.code == 0
    assert entries(db)["interventionsstelle"]["checked"] == TODAY.isoformat()


def test_confirm_with_a_date(cli, db: Path) -> None:
    assert cli("confirm", "interventionsstelle", "--date", "2026-01-15").code == 0
    assert entries(db)["interventionsstelle"]["checked"] == "2026-01-15"


def test_confirm_refuses_a_future_date_and_an_unknown_id(cli, unchanged) -> None:
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    result = cli("confirm", "police", "--date", tomorrow)
    assert result.code == 1 and "police: checked:" in result.err
    result = cli("confirm", "nowhere")
    assert result.code == 1 and "nowhere: no entry with this id" in result.err


def test_stale_lists_unconfirmed_and_old_confirmations(cli) -> None:
    recent = (TODAY - timedelta(days=30)).isoformat()
    old = (TODAY - timedelta(days=400)).isoformat()
    assert cli("confirm", "police", "--date", recent).code == 0
    assert cli("confirm", "fire-ambulance", "--date", old).code == 0

    result = cli("stale")
    assert result.code == 0
    lines = {line.split()[0]: line for line in result.out.splitlines()}
    assert "police" not in lines
    assert f"last confirmed {old}" in lines["fire-ambulance"]
    assert "never confirmed" in lines["nora"]
    assert len(lines) == len(load_seed(SEED)) - 1

    result = cli("stale", "--months", "36")
    assert "fire-ambulance" not in result.out
    result = cli("stale", "--months", "0")
    assert "police" in result.out


def test_stale_is_empty_when_everything_is_fresh(cli, db: Path) -> None:
    for entry_id in entries(db):
        assert cli("confirm", entry_id).code == 0
    result = cli("stale")
    assert result.code == 0 and result.out == ""
    assert "every entry is confirmed" in result.err


# -- usage ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["show"],
        ["confirm", "police", "--date", "15.01.2026"],
        ["confirm", "police", "--date", "2026-02-30"],
        ["stale", "--months", "-1"],
        ["edit", "police"],
    ],
)
def test_wrong_usage_exits_2(cli, unchanged, argv: list[str]) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert "usage:" in result.err


def test_help_exits_0(cli) -> None:
    result = cli("--help")
    assert result.code == 0
    assert "confirm" in result.out


# -- the running server sees changes -------------------------------------------------------


def test_a_change_by_the_command_line_is_seen_by_an_open_directory(db: Path) -> None:
    directory = Directory(Store(db, {"services": SEED}))
    police = directory.get("police")
    assert police is not None and police.checked is None

    command = [sys.executable, "-c", "import sys; from pwa.maintainers import main; sys.exit(main('directory'))"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_PATH": str(db)}
    confirm = [*command, "confirm", "police", "--date", "2026-04-01"]
    done = subprocess.run(confirm, env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

    police = directory.get("police")
    assert police is not None and police.checked == date(2026, 4, 1)

    done = subprocess.run([*command, "remove", "nora"], env=env, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert directory.get("nora") is None


def test_every_change_is_recorded_in_the_change_log_beside_the_database(cli, db: Path) -> None:
    from pwa.change_log import ChangeLog
    from pwa.settings import change_log_beside

    before = entries(db)["police"]["checked"]
    assert cli("confirm", "police", "--date", "2026-01-15").code == 0
    assert cli("remove", "nora").code == 0
    assert cli("show", "police").code == 0  # reading changes nothing
    removed, confirmed = ChangeLog(change_log_beside(db)).read()
    assert (confirmed.entry, confirmed.action, confirmed.fields) == ("police", "confirm", {"checked": [before, "2026-01-15"]})
    assert (removed.entry, removed.action) == ("nora", "remove")
    assert confirmed.who.endswith("(Kommandozeile)")
