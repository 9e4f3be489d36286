from pathlib import Path

import pytest

from pwa.settings import DEFAULT_QUICK_EXIT_URL, Settings


def test_defaults_without_environment():
    settings = Settings.from_env({})
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.quick_exit_url == DEFAULT_QUICK_EXIT_URL
    assert settings.access_log is False
    assert settings.workers == 1


def test_environment_overrides():
    settings = Settings.from_env(
        {"HOST": "0.0.0.0", "PORT": "9001", "QUICK_EXIT_URL": "https://www.tagesschau.de/",
         "DATABASE_PATH": "/tmp/x.json", "ACCESS_LOG": "1", "WORKERS": "3"}
    )
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


def test_every_maintained_collection_has_its_seed_file():
    from pwa.maintainers import COLLECTIONS

    seeds = Settings.from_env({}).seeds
    assert {maintained.records.table for maintained in COLLECTIONS.values()} == set(seeds)
    assert all(path.is_file() for path in seeds.values())
