"""The home page and the pages for errors; above all: a database that cannot be read.

The numbers to call first come from the seed at start-up, so no emptied, removed or broken
database takes them off a page. Pages that need the database answer 503 (never a 200 that
lacks entries), so the service worker keeps the copy it saved.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pwa.app import create_app
from tests.conftest import make_settings
from tests.helpers import parse_html

# The ways a file can be broken that once answered 200 with nothing in it, or a traceback.
BROKEN = {
    "empty": "",
    "blank": "\n",
    "a list": "[]",
    "no tables": "{}",
    "a table that is a list": '{"services": [], "events": {}, "materials": {}}',
    "an entry without its id": '{"services": {"police": {"name": "x"}}, "events": {}, "materials": {}}',
    "without the directory": '{"events": {}, "materials": {}}',
    "not JSON": '{"services": {',
}


def calls(html: str) -> set[str]:
    return {a.attrs["href"] or "" for a in parse_html(html).find_all("a") if (a.attrs.get("href") or "").startswith("tel:")}


def assert_unavailable(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 503, path
    assert response.headers["cache-control"] == "no-store"
    if path.startswith("/api/"):
        assert response.json() == {"error": "unavailable"}
    else:
        assert {"tel:110", "tel:116016"} <= calls(response.text), path


@pytest.fixture
def db(client: TestClient, settings) -> Path:
    assert client.get("/de/emergency").status_code == 200  # the store is open and was read
    return Path(settings.database_path)


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_database_broken_under_the_server_answers_503_with_the_numbers(client, db, content) -> None:
    db.write_text(content, encoding="utf-8")
    home = client.get("/de/")
    assert home.status_code == 200  # it needs nothing from the database
    assert {"tel:110", "tel:116016"} <= calls(home.text)
    for path in ("/de/emergency", "/de/services", "/de/services/police", "/ar/emergency", "/api/services"):
        assert_unavailable(client, path)
    # A page that is not found stays a 404 with the numbers.
    missing = client.get("/de/nothing-here")
    assert missing.status_code == 404 and "tel:110" in calls(missing.text)
    assert db.read_text(encoding="utf-8") == content  # nothing seeded over it


def test_a_removed_database_is_not_made_again_under_the_server(client, db) -> None:
    db.unlink()
    assert_unavailable(client, "/de/emergency")
    assert_unavailable(client, "/api/services")
    assert not db.exists()


def test_the_service_worker_is_not_rebuilt_from_a_broken_database(client, db) -> None:
    client.app.state.offline.wait()  # the worker is answered once its offline build is made
    assert client.get("/service-worker.js").status_code == 200
    db.write_text("", encoding="utf-8")
    # Not 200: the browser's update fails and it keeps the worker and the pages it saved.
    assert client.get("/service-worker.js").status_code == 503


def test_each_new_problem_is_logged_once(client, db, caplog) -> None:
    db.write_text("", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="pwa.pages"):
        for _ in range(3):
            client.get("/de/emergency")
        db.write_text("[]", encoding="utf-8")
        client.get("/api/services")
    said = [r.getMessage() for r in caplog.records if r.name == "pwa.pages"]
    assert len(said) == 2
    assert "empty" in said[0] and "python -m pwa directory seed" in said[0]
    assert "JSON list" in said[1]


def test_the_pages_come_back_when_the_database_is_restored(client, db) -> None:
    good = db.read_bytes()
    db.write_text("", encoding="utf-8")
    assert client.get("/de/emergency").status_code == 503
    db.write_bytes(good)
    page = client.get("/de/emergency")
    assert page.status_code == 200 and "tel:110" in calls(page.text)


def test_a_server_started_on_a_broken_database_answers_and_keeps_it(tmp_path, caplog) -> None:
    settings = make_settings(tmp_path)
    db = Path(settings.database_path)
    db.write_text("[]", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="pwa.app"):
        app = create_app(settings)
    assert any("cannot be read" in r.getMessage() for r in caplog.records)
    with TestClient(app) as client:
        assert {"tel:110", "tel:116016"} <= calls(client.get("/de/").text)
        assert_unavailable(client, "/de/about")
        offline = client.get("/de/offline")
        assert offline.status_code == 200 and "tel:110" in calls(offline.text)
    assert json.loads(db.read_text(encoding="utf-8")) == []


def test_the_numbers_to_call_first_do_not_come_from_the_database(app, client) -> None:
    for service_id in ("police", "fire-ambulance", "hilfetelefon-frauen"):
        assert app.state.store.remove("services", service_id)
    assert {"tel:110", "tel:116016"} <= calls(client.get("/de/").text)
    assert {"tel:110", "tel:112", "tel:116016"} <= calls(client.get("/de/emergency").text)
    assert "tel:110" in calls(client.get("/de/nothing-here").text)
