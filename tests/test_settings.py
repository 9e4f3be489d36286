from pathlib import Path

import pytest

from pwa.settings import DEFAULT_QUICK_EXIT_URL, Settings


def test_defaults_without_environment():
    settings = Settings.from_env({})
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.quick_exit_url == DEFAULT_QUICK_EXIT_URL
    assert settings.access_log is False
    assert settings.public_host == ""
    assert settings.workers == 1


def test_environment_overrides():
    settings = Settings.from_env(
        {"HOST": "0.0.0.0", "PORT": "9001", "QUICK_EXIT_URL": "https://www.tagesschau.de/",
         "DATABASE_PATH": "/tmp/x.json", "ACCESS_LOG": "1", "PUBLIC_HOST": " Wegweiser-ME.de ",
         "WORKERS": "3"}
    )
    assert settings.public_host == "wegweiser-me.de"
    assert settings.workers == 3
    assert settings.host == "0.0.0.0" and settings.port == 9001
    assert settings.quick_exit_url == "https://www.tagesschau.de/"
    assert settings.database_path == Path("/tmp/x.json")
    assert settings.access_log is True


def test_at_least_one_worker():
    with pytest.raises(ValueError):
        Settings.from_env({"WORKERS": "0"})


def test_quick_exit_must_be_https():
    with pytest.raises(ValueError):
        Settings.from_env({"QUICK_EXIT_URL": "javascript:alert(1)"})


@pytest.mark.parametrize("host", ["https://wegweiser.de", "wegweiser.de/de/", "wegweiser .de", "-x.de", "x.de:", "x.de:123456"])
def test_public_host_is_a_host_name_only(host):
    with pytest.raises(ValueError, match="PUBLIC_HOST"):
        Settings.from_env({"PUBLIC_HOST": host})


@pytest.mark.parametrize("host", ["wegweiser.example.de", "hilfe-me.de:8443", "straße.example"])
def test_public_host_takes_host_names_with_a_port_and_any_letters(host):
    assert Settings.from_env({"PUBLIC_HOST": host}).public_host == host


def test_every_maintained_collection_has_its_seed_file():
    from pwa.maintainers import COLLECTIONS

    seeds = Settings.from_env({}).seeds
    assert {maintained.records.table for maintained in COLLECTIONS.values()} == set(seeds)
    assert all(path.is_file() for path in seeds.values())


def test_the_desks_files_lie_beside_the_database_unless_told(tmp_path):
    settings = Settings.from_env({"DATABASE_PATH": str(tmp_path / "db.json")})
    assert settings.users_file == tmp_path / "admin-users.json"
    assert settings.desk_sessions_path == tmp_path / "admin-sessions.json"
    assert settings.change_log_path == tmp_path / "db.changes.jsonl"
    told = Settings.from_env({"ADMIN_USERS_FILE": "/etc/wegweiser/users.json"})
    assert told.users_file == Path("/etc/wegweiser/users.json")
