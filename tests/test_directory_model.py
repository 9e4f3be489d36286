"""A help service: documents to records, opening hours, its JSON and docs/api.md, its texts."""

from __future__ import annotations

import copy
import io
import re
from datetime import datetime, timezone

import pytest
from babel.messages.extract import extract

from pwa.catalogue import extract_seed
from pwa.directory import CITIES, Service, is_open
from pwa.records import json_fields
from pwa.settings import ROOT
from pwa.store import load_seed
from tests.test_directory_rules import good_doc

SEED = ROOT / "data" / "directory.yaml"
API_DOC = ROOT / "docs" / "api.md"
SERVICE = {"record": "pwa.directory_model:Service"}


@pytest.fixture(scope="module")
def seed_docs() -> list[dict]:
    return load_seed(SEED)


@pytest.fixture(scope="module")
def services(seed_docs: list[dict]) -> dict[str, Service]:
    return {doc["id"]: Service.from_doc(doc) for doc in seed_docs}


def test_a_display_form_is_made_when_missing() -> None:
    doc = {**good_doc(), "phones": [{"tel": "+4921041419221"}, {"tel": "110"}]}
    phones = Service.from_doc(doc).phones
    assert [(p.tel, p.display) for p in phones] == [("+4921041419221", "02104 1419221"), ("110", "110")]


# -- opening hours -------------------------------------------------------------------------


BERLIN_TIMES = [
    ("2026-11-23T09:00", True),  # Monday
    ("2026-11-23T13:59", True),
    ("2026-11-23T14:00", False),
    ("2026-11-24T10:00", False),  # Tuesday morning
    ("2026-11-24T19:59", True),
    ("2026-11-28T10:00", False),  # Saturday
]


@pytest.mark.parametrize(("when", "expected"), BERLIN_TIMES)
def test_is_open_follows_the_structured_hours(services: dict[str, Service], when: str, expected: bool) -> None:
    service = services.get("hilfetelefon-missbrauch")
    assert service is not None
    assert is_open(service, datetime.fromisoformat(when)) is expected


def test_is_open_converts_to_berlin_time(services: dict[str, Service]) -> None:
    service = services.get("hilfetelefon-missbrauch")
    assert service is not None
    # 08:30 UTC is 09:30 in Berlin in winter (open), 10:30 in summer (open); 07:30 UTC in winter
    # is 08:30 (closed), in summer 09:30 (open).
    assert is_open(service, datetime(2026, 1, 5, 7, 30, tzinfo=timezone.utc)) is False
    assert is_open(service, datetime(2026, 7, 6, 7, 30, tzinfo=timezone.utc)) is True


def test_is_open_for_always_and_unknown(services: dict[str, Service]) -> None:
    night = datetime(2026, 11, 29, 3, 0)
    assert is_open(services["police"], night) is True
    assert is_open(services["hilfetelefon-maenner"], night) is None
    midnight = Service.from_doc(good_doc())
    assert is_open(midnight, datetime(2026, 11, 29, 23, 59)) is True
    assert is_open(midnight, datetime(2026, 11, 30, 12, 30)) is False


# -- JSON and its documentation -----------------------------------------------------------


def test_api_fields_are_documented(client):
    doc = API_DOC.read_text(encoding="utf-8").split("## Fields of a service", 1)[1]
    documented = set(re.findall(r"^\| `(\w+)`", doc, re.MULTILINE))
    data = client.get("/api/services").json()
    fields = set(data[0]) | {f"phones.{k}" for item in data for p in item["phones"] for k in p}
    fields |= {f"outreach.{k}" for item in data for o in item["outreach"] for k in o}
    nested = set(re.findall(r"^\| `(\w+\.\w+)`", doc, re.MULTILINE))
    assert {f for f in fields if "." not in f} == documented
    assert {f for f in fields if "." in f} == nested
    model = set(json_fields(Service))  # the fields written once, on the dataclass
    assert {f for f in model if "." not in f} == documented
    assert {f for f in model if "." in f} == nested


def test_the_json_follows_the_dataclass_in_order() -> None:
    service = Service.from_doc({**good_doc(), "outreach": [{"city": "Hilden", "place": "Rathaus", "when": "Montags."}]})
    data = service.to_json()
    assert list(data) == [name for name in json_fields(Service) if "." not in name]
    assert list(data)[:4] == ["id", "name", "display_name", "operator"]  # a derived field follows its own
    assert list(data["phones"][0]) == ["tel", "href", "display", "label"]
    assert data["hours"] == {"mon": ["09:00-12:00", "13:00-16:00"], "sun": ["20:00-24:00"]}
    assert data["checked"] == "2026-01-31" and data["needs_check"] is True  # medium confidence
    assert data["channels"] == ["phone", "email", "website"]  # not stated: the ways of contact it has
    assert data["outreach"] == [
        {"city": "Hilden", "place": "Rathaus", "when": "Montags.", "source_date": None, "confidence": None}
    ]


# -- extraction for translators ------------------------------------------------------------


def test_extract_seed_yields_every_text(seed_docs: list[dict]) -> None:
    with SEED.open("rb") as stream:
        found = list(extract_seed(stream, ["_"], [], SERVICE))
    messages = {message for _, _, message, _ in found}
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for doc in seed_docs:
        service = Service.from_doc(doc)
        assert service.description in messages
        for text in (service.when_you_call, service.hours_note, service.languages_note):
            assert text is None or text in messages
        for outreach in service.outreach:
            assert outreach.when in messages
        assert service.name in messages  # translated as a heading, the German name kept
    for lineno, funcname, message, comments in found:
        assert funcname is None
        assert message.split()[0] in lines[lineno - 1] or lines[lineno - 1].rstrip().endswith(">-")
        assert re.match(r"^[a-z0-9-]+: [a-z_.]+$", comments[0]), comments
        assert (comments[0].endswith(": name")) == (len(comments) == 2)
    assert "Zweite Nummer" in messages
    assert not messages & set(CITIES)  # city names are proper names


def test_babel_runs_the_extractor() -> None:
    source = io.BytesIO(
        "- id: x\n  description: Hallo\n  phones:\n    - {tel: '110', label: Zentrale}\n".encode()
    )
    found = list(extract("pwa.catalogue:extract_seed", source, keywords={"_": None}, options=SERVICE))
    assert [(lineno, message, comments) for lineno, message, comments, _ in found] == [
        (2, "Hallo", ["x: description"]),
        (4, "Zentrale", ["x: phones.label"]),
    ]


def test_the_seed_texts_round_trip_through_a_copy(seed_docs: list[dict]) -> None:
    # from_doc must not change the documents it reads (the store hands out its own copies,
    # but the model may be given any mapping).
    docs = copy.deepcopy(seed_docs)
    for doc in docs:
        Service.from_doc(doc)
    assert docs == seed_docs
