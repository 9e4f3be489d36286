"""The events and materials model: validation, the archive split, the seeds, their texts.

Partial dates and the checks both share: test_records.py.
"""

from __future__ import annotations

import io
from datetime import date

import pytest

from pwa import about_data, clock
from pwa.about_data import EVENT_RECORDS, MATERIAL_RECORDS, Event, split_events, validate_event, validate_material
from pwa.catalogue import extract_seed
from pwa.settings import ROOT
from pwa.store import load_seed

RECORDS = {"events": EVENT_RECORDS, "materials": MATERIAL_RECORDS}

EVENT = {
    "id": "fachtag-2027",
    "title": "Fachtag",
    "date": "2027-05-04",
    "kind": "fachtag",
    "audience": "professionals",
    "description": "Ein Fachtag.",
    "sources": ["https://www.kreis-mettmann.de"],
}
MATERIAL = {
    "id": "flyer-2027",
    "title": "Faltblatt",
    "kind": "flyer",
    "description": "Ein Faltblatt.",
    "languages": ["de", "tr"],
    "sources": ["https://www.kreis-mettmann.de"],
}


def test_the_seeds_are_valid_and_name_their_sources():
    for table in about_data.TABLES:
        docs = load_seed(ROOT / "data" / f"{table}.yaml")
        assert docs, table
        assert RECORDS[table].validate_all(docs) == []
        assert all(doc["sources"] for doc in docs)


def test_valid_entries_pass():
    assert validate_event(EVENT) == []
    assert validate_event({**EVENT, "date": "2027-05", "end_date": "2027-06", "link": "https://example.org/a?b=1"}) == []
    assert validate_material(MATERIAL) == []
    assert validate_material({**MATERIAL, "languages": []}) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"id": "Fachtag 2027"}, "Fachtag 2027: id: use lower-case"),
        ({"title": None}, "fachtag-2027: title: missing"),
        ({"title": "  "}, "fachtag-2027: title: must be text"),
        ({"date": "2027-05-32"}, "fachtag-2027: date: '2027-05-32' must be a quoted date"),
        ({"date": 20270504}, "fachtag-2027: date: 20270504 must be a quoted date"),
        ({"end_date": "2027-05-03"}, "fachtag-2027: end_date: '2027-05-03' is before the date"),
        ({"kind": "party"}, "fachtag-2027: kind: 'party' is not one of fachtag, campaign"),
        ({"audience": "everyone"}, "fachtag-2027: audience: 'everyone' is not one of public, professionals"),
        ({"link": "http://example.org"}, "fachtag-2027: link: 'http://example.org' is not an https:// address"),
        ({"sources": []}, "fachtag-2027: sources: a list of at least one source"),
        ({"sources": "https://x.de"}, "fachtag-2027: sources: a list of at least one source"),
        ({"source_date": "gestern"}, "fachtag-2027: source_date: 'gestern' must be a quoted date"),
        ({"place": 3}, "fachtag-2027: place: must be text"),
        ({"ort": "Mettmann"}, "fachtag-2027: ort: unknown field"),
    ],
)
def test_each_problem_names_the_entry_and_the_field(change, expected):
    errors = validate_event({**EVENT, **change})
    assert any(error.startswith(expected) for error in errors), errors


def test_a_missing_event_date_and_material_problems():
    doc = dict(EVENT)
    del doc["date"]
    assert validate_event(doc) == ["fachtag-2027: date: missing"]
    assert validate_material({**MATERIAL, "languages": "de"})[0].startswith("flyer-2027: languages:")
    assert validate_material({**MATERIAL, "languages": ["de", "de"]}) == ["flyer-2027: languages: a language is named twice"]
    assert validate_material({**MATERIAL, "kind": "film"})[0].startswith("flyer-2027: kind: 'film'")
    assert validate_material({**MATERIAL, "date": "2027"})[0].startswith("flyer-2027: date: unknown field")
    assert validate_event(["not", "a", "mapping"]) == ["entry: must be a mapping of fields"]


def test_a_whole_table_reports_repeated_ids_and_positions():
    errors = EVENT_RECORDS.validate_all([EVENT, EVENT, {**EVENT, "id": None}])
    assert "fachtag-2027: id: used by more than one entry" in errors
    assert "entry 3: id: missing" in errors
    assert EVENT_RECORDS.validate_all({"id": "x"}) == ["the file must be a list of entries"]


def test_split_upcoming_soonest_first_archive_newest_first():
    make = lambda i, d, end=None: Event(i, i, d, "other", "public", "x", ("s",), end_date=end)  # noqa: E731
    events = [make("a", "2026-01-10"), make("b", "2025-11"), make("c", "2026-03-01"), make("d", "2026-01-01", "2026-01-20")]
    upcoming, past = split_events(events, date(2026, 1, 15))
    assert [e.id for e in upcoming] == ["d", "c"]
    assert [e.id for e in past] == ["a", "b"]


def test_a_campaign_without_an_end_is_never_past():
    campaign = Event("plakate", "Plakate", "2026-02-14", "campaign", "public", "x", ("s",))
    assert campaign.open_ended and not campaign.is_past(date(2040, 1, 1))
    ended = Event("plakate", "Plakate", "2026-02-14", "campaign", "public", "x", ("s",), end_date="2026-03")
    assert not ended.open_ended and ended.is_past(date(2026, 4, 1)) and not ended.is_past(date(2026, 3, 31))
    one_day = Event("tag", "Tag", "2026-02-14", "fachtag", "public", "x", ("s",))
    assert not one_day.open_ended and one_day.is_past(date(2026, 2, 15))


def test_today_defaults_to_berlin():
    assert isinstance(clock.today(), date)


def test_the_extractor_yields_titles_descriptions_and_places():
    text = (ROOT / "data" / "events.yaml").read_text(encoding="utf-8")
    found = list(extract_seed(io.StringIO(text), None, None, {"record": "pwa.about_data:Event"}))
    messages = [message for _, _, message, _ in found]
    assert "Plakataktion zum SOS-Handzeichen" in messages
    assert "digital" in messages
    assert any(m.startswith("Ein digitaler Fachtag") and "\n" not in m for m in messages)
    comments = {message: comment for _, _, message, comment in found}
    assert comments["digital"] == ["fachtag-2025-erstkontakt: place"]
    assert "2025-11" not in messages and "fachtag" not in messages
