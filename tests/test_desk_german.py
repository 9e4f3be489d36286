"""The desk's words: a German name for every field, a German text for every problem the checks find."""

from __future__ import annotations

import dataclasses

import pytest

from pwa.about_data import validate_event, validate_material
from pwa.desk import german
from pwa.desk.collections import KEPT, split_problem
from pwa.directory_rules import validate
from pwa.settings import Settings
from pwa.store import Store

SERVICE_BREAKS = [
    {"id": "Bad Id"}, {"name": ""}, {"name": 5}, {"kind": "castle"}, {"kind": "shelter", "address": "Weg 1"},
    {"area": "city"}, {"area": ["Berlin"]}, {"area": ["Hilden", "Hilden"]},
    {"phones": "110"}, {"phones": ["110"]}, {"phones": [{"tel": 110}]}, {"phones": [{"tel": "0211 1"}]},
    {"phones": [{"tel": "+4900000000"}]}, {"phones": [{"tel": "+49021041419221"}]},
    {"phones": [{"tel": "+4921041419221", "display": "0211 999"}]}, {"phones": [{"tel": "110", "colour": 1}]},
    {"phones": [{"tel": "110", "display": ""}]}, {"email": "no address"}, {"website": "http://x.de"},
    {"hours": "sometimes"}, {"hours": {"someday": ["09:00-10:00"]}}, {"hours": {"mon": []}}, {"hours": {"mon": ["9-10"]}},
    {"hours": {"mon": ["10:00-09:00"]}}, {"hours": {"mon": ["09:00-12:00", "11:00-13:00"]}}, {"confidence": "total"},
    {"languages": "de"}, {"languages": ["de", "de"]}, {"accessibility": "ramp"}, {"accessibility": ["ramp"]},
    {"accessibility": ["step_free", "step_free"]}, {"free": "maybe"}, {"sources": []}, {"source_date": "2025-13"},
    {"checked": "2025-1-1"}, {"colour": "red"},
    {"outreach": [{"city": "Berlin", "place": "", "when": "Montags", "confidence": "x", "source_date": "x"}]},
]  # fmt: skip
EVENT_BREAKS = [{"date": "soon"}, {"end_date": "2020"}, {"link": "www.x.de"}, {"audience": "everyone"}, {"description": None}]
MATERIAL_BREAKS = [{"kind": "film"}, {"languages": ["deutsch"]}, {"title": ""}]
EDIT_PROBLEMS = [
    "an entry with this id exists; use edit to change it", "no entry with this id",
    "cannot be changed; add the entry anew and remove this one", "2026-03-05 is in the future",
]  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Store:
    return Store(tmp_path_factory.mktemp("german") / "db.json", dict(Settings().seeds))


def _problems(seeded: Store) -> list[str]:
    police = seeded.get("services", "police")
    event = seeded.all("events")[0]
    material = seeded.all("materials")[0]
    lines = [line for change in SERVICE_BREAKS for line in validate({**police, **change})]
    lines += [line for change in EVENT_BREAKS for line in validate_event({**event, **change})]
    lines += [line for change in MATERIAL_BREAKS for line in validate_material({**material, **change})]
    return [split_problem(line)[1] for line in lines] + EDIT_PROBLEMS


def test_every_problem_the_checks_find_has_its_german_text(seeded):
    problems = _problems(seeded)
    assert len(problems) > 45
    untold = sorted({problem for problem in problems if german.problem(problem) is None})
    assert untold == [], "give these a German text in pwa/desk/german.py"


def test_the_german_texts_quote_the_value_as_german_does():
    assert german.problem("'0211 1' must be E.164 (+49 and digits, no spaces) or 110, 112, 116xxx").startswith("„0211 1“: bitte +49")
    assert german.problem("'http://x.de' is not an https:// address") == "„http://x.de“ ist keine Adresse, die mit https:// beginnt."
    assert german.problem("\"it's\" is not an e-mail address") == "„it's“ ist keine E-Mail-Adresse."
    assert german.problem("'0211 999' is not the same number as '+4921041419221'") == "„0211 999“ ist nicht dieselbe Nummer wie „+4921041419221“."
    assert german.problem("missing") == "Bitte ausfüllen."
    assert german.problem("something nobody wrote") is None


@pytest.mark.parametrize("slug", list(KEPT))
def test_every_field_has_a_german_name(slug):
    kept = KEPT[slug]
    untold = []
    for form_spec in kept.form:
        if form_spec.label == form_spec.name.replace("_", " "):
            untold.append(form_spec.name)
        untold += [f"{form_spec.name}.{item.name}" for item in form_spec.items if item.label == item.name.replace("_", " ")]
    assert untold == [], "give these a German name in pwa/desk/german.py"


def test_every_value_of_a_choice_has_its_german_name():
    for slug, kept in KEPT.items():
        for form_spec in kept.form:
            for value, name in form_spec.choices:
                assert name and name != value or form_spec.widget == "area" or form_spec.name == "city", (slug, form_spec.name, value)
    assert dataclasses.is_dataclass(KEPT["directory"].records.record)
