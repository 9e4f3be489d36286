"""One table of filter cases (directory_filter_cases.json) through both directory filters: the
server's (pwa.directory_pages.matches, pwa.directory.is_open) and the browser's
(static/js/directory-filter.js in node, on the data attributes the services page renders)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from pwa.app import create_app
from pwa.directory import CALL_FIRST, is_open
from pwa.directory_pages import Filters, matches
from pwa.settings import Settings
from pwa.store import load_seed
from tests.conftest import make_settings
from tests.helpers import parse_html
from tests.node import evaluate

TABLE = json.loads((Path(__file__).parent / "directory_filter_cases.json").read_text(encoding="utf-8"))
CASES = TABLE["cases"]
ENTRY_DATA = {"data-kind": "kind", "data-cities": "cities", "data-languages": "languages",
              "data-interpreters": "interpreters", "data-hours": "hours"}

JS_FILTER = """
import { readFileSync } from "node:fs";
import { berlinTime, isOpen, matches } from "./static/js/directory-filter.js";
const none = { city: "", kind: "", language: "", open: "" };
const cases = JSON.parse(readFileSync(0, "utf8"));
console.log(JSON.stringify(cases.map(({ data, filters, at }) => {
  const when = berlinTime(new Date(at));
  return { match: matches(data, { ...none, ...filters }, when), open: isOpen(data.hours || "", when) };
})));
"""


@pytest.fixture(scope="module")
def table_app(tmp_path_factory: pytest.TempPathFactory):
    """The app with the table's services as its whole directory."""
    folder = tmp_path_factory.mktemp("filter-cases")
    docs = [
        {"id": key, "name": f"Angebot {key}", "description": "Ein Angebot für die Filterfälle.",
         "sources": ["https://example.org/quelle"], "sources_read": "2026-11-24", "confidence": "medium", **fields}
        for key, fields in TABLE["services"].items()
    ]
    # The numbers to call first come with every directory: the app does not start without them.
    call_first = [doc for doc in load_seed(Settings().seeds["services"]) if doc["id"] in CALL_FIRST]
    seed = folder / "services.json"
    seed.write_text(json.dumps(docs + call_first), encoding="utf-8")
    settings = make_settings(folder)
    app = create_app(replace(settings, seeds={**Settings().seeds, "services": seed}))
    assert app.state.directory.problems() == []
    assert {s.id for s in app.state.directory.services()} == set(TABLE["services"]) | set(CALL_FIRST)
    return app


@pytest.fixture(scope="module")
def rendered_entries(table_app) -> dict[str, dict[str, str]]:
    """Each service's data attributes on /de/services, as the browser's dataset has them."""
    with TestClient(table_app) as client:
        document = parse_html(client.get("/de/services").text)
    entries = {}
    for entry in (e for e in document.iter() if "data-entry" in e.attrs):
        link = entry.find("a")
        key = link.attrs["href"].rsplit("/", 1)[1]
        if key in CALL_FIRST:
            continue
        entries[key] = {name: entry.attrs[attr] or "" for attr, name in ENTRY_DATA.items() if attr in entry.attrs}
    assert set(entries) == set(TABLE["services"])
    return entries


@pytest.fixture(scope="module")
def browser_results(rendered_entries) -> list[dict]:
    data = [{"data": rendered_entries[case["service"]], "filters": case["filters"], "at": case["at"]} for case in CASES]
    return evaluate(JS_FILTER, data)


def test_the_table_covers_every_filter():
    used = {name for case in CASES for name in case["filters"]}
    assert used == {"city", "kind", "language", "open"}
    assert {case["filters"].get("open") for case in CASES} >= {"now", "always"}
    assert {case.get("open", "absent") for case in CASES} >= {True, False, None}
    assert {case["match"] for case in CASES} == {True, False}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_server_filter(table_app, case):
    service = table_app.state.directory.get(case["service"])
    when = datetime.fromisoformat(case["at"])
    assert matches(service, Filters(**case["filters"]), when) is case["match"]
    if "open" in case:
        assert is_open(service, when) is case["open"]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case["name"] for case in CASES])
def test_the_browser_filter(browser_results, index):
    case = CASES[index]
    result = browser_results[index]
    assert result["match"] is case["match"]
    if "open" in case:
        assert result["open"] is case["open"]
