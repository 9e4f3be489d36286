"""The desk's forms, made from the record model: every field, every stored entry unchanged by its form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from starlette.datastructures import FormData

from pwa import records
from pwa.desk.collections import KEPT
from pwa.desk.fields import Field, fields, parse, specs
from pwa.edits import differences
from pwa.records import spec
from pwa.settings import Settings
from pwa.store import Store


def submitted(shown: list[Field]) -> FormData:
    """What a browser sends for a form filled as shown (nothing changed)."""
    pairs: list[tuple[str, str]] = []
    for top in shown:
        for item in top.walk():
            widget = item.spec.widget
            if widget in ("items", "row"):
                continue
            if widget == "choices":  # in the form's order, as a browser sends boxes
                pairs += [(item.name, value) for value, _ in item.spec.choices if value in item.value]
                pairs += [(item.name, value) for value in item.value if value not in dict(item.spec.choices)]
            elif widget in ("flag", "area", "hours"):
                if item.value:
                    pairs.append((item.name, item.value))
            else:
                pairs.append((item.name, item.value))
    return FormData(pairs)


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> Store:
    return Store(tmp_path_factory.mktemp("fields") / "db.json", dict(Settings().seeds))


@pytest.mark.parametrize("slug", list(KEPT))
def test_every_stored_entry_comes_back_from_its_form_unchanged(stored, slug):
    kept = KEPT[slug]
    docs = stored.all(kept.table)
    assert docs
    for doc in docs:
        shown, left = fields(kept.form, doc)
        assert left == []
        again, problems = parse(kept.form, submitted(shown), doc)
        assert problems == []
        assert differences(doc, again) == {}, doc["id"]


@pytest.mark.parametrize("slug", list(KEPT))
def test_every_field_of_the_record_model_is_in_its_form(slug):
    kept = KEPT[slug]
    assert [s.name for s in kept.form] == list(records.field_names(kept.records.record))
    for form_spec in kept.form:
        assert form_spec.widget != "yaml", f"{slug}.{form_spec.name} has no widget of its own"


def test_the_widget_follows_the_type_of_a_field():
    form = {s.name: s for s in specs("services", KEPT["directory"].records.record)}
    assert {name: form[name].widget for name in ("name", "kind", "area", "phones", "hours", "languages", "interpreters", "target_groups", "sources", "checked", "description")} == {
        "name": "text", "kind": "choice", "area": "area", "phones": "items", "hours": "hours", "languages": "codes",
        "interpreters": "flag", "target_groups": "choices", "sources": "lines", "checked": "date", "description": "long",
    }  # fmt: skip
    assert [s.name for s in form["phones"].items] == ["tel", "display", "label"]
    assert form["name"].required and not form["email"].required


@dataclass(frozen=True)
class _Note:
    text: str = spec()


@dataclass(frozen=True, kw_only=True)
class _Record:
    id: str = spec()
    sources_read: date = spec(read=date.fromisoformat)
    reviewed: bool | None = spec(default=None)
    tags: tuple[str, ...] = spec(default=())
    notes: tuple[_Note, ...] = spec(default=(), of=_Note)
    weights: dict[str, int] | None = spec(default=None)


def test_a_field_added_to_a_record_appears_in_its_form_without_more():
    form = specs("services", _Record)
    assert [(s.name, s.label, s.widget, s.required) for s in form] == [
        ("id", "Kennung", "text", True),
        ("sources_read", "Quellen gelesen am", "date", True),
        ("reviewed", "reviewed", "flag", False),
        ("tags", "tags", "lines", False),
        ("notes", "notes", "items", False),
        ("weights", "weights", "yaml", False),
    ]
    doc = {"id": "x", "sources_read": "2026-02-03", "reviewed": False, "tags": ["a", "b"], "notes": [{"text": "eins"}], "weights": {"a": 1}}
    shown, _ = fields(form, doc)
    again, problems = parse(form, submitted(shown), doc)
    assert problems == [] and again == doc


def test_an_empty_row_adds_nothing_and_an_emptied_row_is_removed():
    kept = KEPT["directory"]
    doc = {"id": "x", "phones": [{"tel": "110"}, {"tel": "112", "label": "Feuer"}]}
    shown, _ = fields(kept.form, doc)
    phones = next(f for f in shown if f.name == "phones")
    assert [row.label for row in phones.parts] == ["Telefonnummer 1", "Telefonnummer 2", "Telefonnummer (neu)"]
    form = [(k, v) for k, v in submitted(shown).multi_items() if not k.startswith("phones.0.")]
    form += [("phones.0.tel", ""), ("phones.2.tel", "+4921041419221")]
    again, _ = parse(kept.form, FormData(form), doc)
    assert again["phones"] == [{"tel": "112", "label": "Feuer"}, {"tel": "+4921041419221"}]


def test_hours_area_flags_and_choices_are_read_from_their_inputs():
    form = KEPT["directory"].form
    sent = FormData([
        ("hours", "times"), ("hours.mon", "09:00-12:00, 14:00-16:00"), ("hours.fri", " 09:00-12:00 "),
        ("area", "cities"), ("area.cities", "Hilden"), ("area.cities", "Haan"),
        ("free", "yes"), ("anonymous", "no"), ("interpreters", ""),
        ("target_groups", "women"), ("languages", "de, tr ar"), ("sources", "eins\r\n\r\nzwei\n"),
    ])  # fmt: skip
    doc, _ = parse(form, sent, None)
    assert doc == {
        "area": ["Hilden", "Haan"], "hours": {"mon": ["09:00-12:00", "14:00-16:00"], "fri": ["09:00-12:00"]},
        "languages": ["de", "tr", "ar"], "target_groups": ["women"], "free": True, "anonymous": False,
        "sources": ["eins", "zwei"],
    }  # fmt: skip
    assert parse(form, FormData([("hours", "always"), ("area", "kreis")]), None)[0] == {"area": "kreis", "hours": "always", "sources": []}
    # Required lists stay, empty, for the checks to name; "at these times" without a time too.
    assert parse(form, FormData([("hours", "times")]), None)[0] == {"hours": {}, "sources": []}


def test_empty_lists_keep_the_stored_form():
    form = KEPT["materials"].form
    assert parse(form, FormData([("languages", "")]), {"languages": []})[0]["languages"] == []  # required: kept
    directory = KEPT["directory"].form
    assert "languages" not in parse(directory, FormData([("languages", "")]), {})[0]
    assert parse(directory, FormData([("languages", "")]), {"languages": []})[0]["languages"] == []


def test_problems_stand_at_their_fields_and_the_rest_above_the_form():
    kept = KEPT["directory"]
    doc = {"id": "x", "phones": [{"tel": "0211"}], "hours": {"mon": ["25:00-26:00"]}}
    problems = [("phones[0].tel", "Nummer falsch."), ("hours.mon", "Zeit falsch."), ("colour", "Gibt es nicht."), ("", "Ganz falsch.")]
    shown, left = fields(kept.form, doc, problems)
    by_name = {inner.name: inner for top in shown for inner in top.walk()}
    assert by_name["phones.0.tel"].errors == ["Nummer falsch."]
    assert by_name["hours.mon"].errors == ["Zeit falsch."]
    assert left == ["Gibt es nicht.", "Ganz falsch."]


def test_yaml_that_cannot_be_read_is_a_problem_of_its_field():
    form = specs("services", _Record)
    doc, problems = parse(form, FormData([("weights", "a: [1")]), None)
    assert "weights" not in doc and problems[0][0] == "weights"
