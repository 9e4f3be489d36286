"""The help directory: the seed is true to the facts, the services as the pages get them, their JSON.

The model: test_directory_model.py; validation: test_directory_rules.py.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from pwa.directory import (
    ACCESSIBILITY, CITIES, KINDS, SERVICE_RECORDS, TARGET_GROUPS, CallFirst, Directory, Phone, Service,
)  # fmt: skip
from pwa.formatting import language_name
from pwa.records import period
from pwa.records import json_fields
from pwa.settings import ROOT
from pwa.store import Store, load_seed

SEED = ROOT / "data" / "directory.yaml"
FACTS = ROOT.parent / "shared" / "data" / "help-facts.yaml"


@pytest.fixture(scope="module")
def seed_docs() -> list[dict]:
    return load_seed(SEED)


@pytest.fixture(scope="module")
def facts() -> dict:
    if not FACTS.is_file():
        pytest.skip("the shared help facts are not beside this repository")
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "db.json", {"services": SEED})


@pytest.fixture
def directory(store: Store) -> Directory:
    return Directory(store)


def by_id(docs: list[dict]) -> dict[str, dict]:
    return {doc["id"]: doc for doc in docs}


# -- the seed is true to the facts ---------------------------------------------------------


def test_the_whole_seed_validates(seed_docs: list[dict]) -> None:
    assert SERVICE_RECORDS.validate_all(seed_docs) == []
    assert seed_docs, "the seed is empty"


def test_every_listed_fact_entry_is_in_the_seed_and_nothing_else(seed_docs: list[dict], facts: dict) -> None:
    fact_ids = {entry["id"] for entry in facts["nationwide"] + facts["local"]}
    assert {doc["id"] for doc in seed_docs} == fact_ids


def _fact_phones(entry: dict) -> set[str]:
    phones = {entry.get("phone"), entry.get("phone_alt")}
    phones |= {station["phone"] for station in entry.get("stations", [])}
    return {phone for phone in phones if phone}


def test_every_number_is_from_the_facts_and_none_is_missing(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        seeded = {phone["tel"] for phone in docs[entry["id"]].get("phones") or []}
        assert seeded == _fact_phones(entry), entry["id"]


def test_contacts_sources_and_confidence_are_copied(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        doc = docs[entry["id"]]
        # The facts file glosses one name in English; the app keeps the German name alone.
        assert entry["name"].startswith(doc["name"])
        assert doc.get("operator") == entry.get("operator")
        assert doc.get("email") == entry.get("email"), entry["id"]
        assert doc.get("website") == entry.get("website"), entry["id"]
        # The Hilfetelefon's interpreter languages add the sources of the facts' reach section.
        reach = _reach(facts)["sources"] if doc.get("interpreter_languages") else []
        assert doc["sources"] == entry["sources"] + reach, entry["id"]
        assert doc["confidence"] == entry["confidence"], entry["id"]
        assert "checked" in doc and doc["checked"] is None  # nobody has confirmed by phone yet
        if entry.get("kind"):
            assert doc["kind"] == entry["kind"]
        address = entry.get("address")
        assert doc.get("address") == (None if address == "secret" else address), entry["id"]


def _reach(facts: dict) -> dict:
    return next(entry for entry in facts["reach"] if entry["id"] == "hilfetelefon-fremdsprachen")


# A date written in a source's text: "2017", "2022-11", "2021-09-30" (not inside an id number).
SOURCE_DATE = re.compile(r"(?<![\d-])((?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?)(?![\d])")


def _newest_date_in(sources: list[str]) -> str | None:
    dates = [found for source in sources for found in SOURCE_DATE.findall(source)]
    return max(dates, key=lambda text: period(text)[1], default=None)


def test_every_entry_keeps_the_day_its_sources_were_read(seed_docs: list[dict], facts: dict) -> None:
    assert {doc["sources_read"] for doc in seed_docs} == {facts["as_of"]}


def test_the_source_date_is_the_facts_own_or_the_newest_a_source_names(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        expected = entry.get("source_date") or _newest_date_in(entry["sources"])
        assert docs[entry["id"]].get("source_date") == expected, entry["id"]
    # The dates the sources carry in their own text, checked one by one.
    named = {
        "weisser-ring": "2017", "hilfetelefon-maenner": "2023", "caritas-gewaltpraevention": "2021",
        "skf-ratingen-loge": "2022-11-11", "anonyme-spurensicherung": "2021-09-30",
        "kinderschutzbund-mettmann": "2020", "runder-tisch-office": "2020", "frauenberatung-skfm": "2021",
    }  # fmt: skip
    for service_id, day in named.items():
        assert docs[service_id]["source_date"] == day, service_id
        assert any(day in source for source in by_id(facts["nationwide"] + facts["local"])[service_id]["sources"])
    assert _newest_date_in(["x (id228452957)", "https://www.bmfsfj.de (154604, 2020)", "y, 2021-09-30"]) == "2021-09-30"


ENGLISH_NAMES = {"de": "German", "en": "English"}


def test_languages_are_only_those_the_facts_name(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        doc = docs[entry["id"]]
        said = f"{entry.get('languages') or ''} {entry.get('notes') or ''}"
        for code in doc["languages"]:
            assert ENGLISH_NAMES[code] in said, (entry["id"], code)
        if doc.get("interpreters"):
            assert "interpreters arranged when needed" in said, entry["id"]
    assert docs["hilfetelefon-frauen"]["languages"] == ["de"]
    assert docs["nora"]["languages"] == ["de", "en"]
    assert [doc["id"] for doc in seed_docs if doc["languages"]] == ["nora", "hilfetelefon-frauen"]


def test_the_hilfetelefons_interpreter_languages_are_the_reach_sections_eighteen(seed_docs: list[dict], facts: dict) -> None:
    reach = _reach(facts)
    wording = " ".join(reach["supported_wording"])
    first = re.search(r"The original 15 \(list[^)]*\): ([^.]+)\.", wording)
    assert first is not None
    names = [name.strip().split("/")[0] for name in first.group(1).split(",")]
    names += ["Albanisch", "Kurdisch", "Ukrainisch"]  # added 2017 and 2022, as the reach section says
    assert len(names) == 18 and "18" in str(by_id(facts["nationwide"])["hilfetelefon-frauen"]["languages"])
    doc = by_id(seed_docs)["hilfetelefon-frauen"]
    assert sorted(language_name(code, "de") for code in doc["interpreter_languages"]) == sorted(names)
    assert doc["interpreter_languages_confidence"] == reach["confidence"] == "medium"
    assert not doc.get("interpreters")  # 18 languages, not every one
    # The other Hilfetelefon names 19 languages, but not which: none are claimed.
    missbrauch = by_id(seed_docs)["hilfetelefon-missbrauch"]
    assert not missbrauch.get("interpreter_languages") and not missbrauch.get("interpreters")
    assert [d["id"] for d in seed_docs if d.get("interpreter_languages")] == ["hilfetelefon-frauen"]


def test_accessibility_free_and_anonymous_only_where_the_facts_say_so(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        doc = docs[entry["id"]]
        said = " ".join(str(entry.get(key) or "") for key in ("languages", "notes", "hours")).lower()
        if doc.get("anonymous"):
            assert entry.get("anonymous") is True or "anonymous on request" in said, entry["id"]
        if doc.get("free"):
            assert entry.get("cost") == "free" or "free" in said, entry["id"]
        if "sign_language" in doc["accessibility"]:
            assert "sign language" in said and "guides in german sign language" not in said, entry["id"]
        if "easy_language" in doc["accessibility"]:
            assert "leichte sprache" in said and "guides in" not in said, entry["id"]
    assert docs["nora"]["accessibility"] == []  # only its guides are in sign language
    assert docs["skf-ratingen-loge"].get("anonymous") is None  # anonymous only through the website


def test_hours_are_only_what_the_facts_say(seed_docs: list[dict], facts: dict) -> None:
    docs = by_id(seed_docs)
    for entry in facts["nationwide"] + facts["local"]:
        doc = docs[entry["id"]]
        if doc.get("hours") == "always":
            assert str(entry.get("hours", "")).startswith("24/7"), entry["id"]
        elif doc.get("hours") is not None:
            assert entry.get("hours"), f"{entry['id']}: hours without a source"
    assert docs["hilfetelefon-maenner"]["hours"] is None  # sources conflict
    assert docs["hilfetelefon-missbrauch"]["hours"] == {
        "mon": ["09:00-14:00"],
        "tue": ["15:00-20:00"],
        "wed": ["09:00-14:00"],
        "thu": ["15:00-20:00"],
        "fri": ["09:00-14:00"],
    }


def test_every_phone_is_e164_or_a_short_number(directory: Directory) -> None:
    phones = [phone for service in directory.services() for phone in service.phones]
    assert len(phones) >= 20
    for phone in phones:
        assert re.fullmatch(r"\+49\d{6,13}|110|112|116\d{3}", phone.tel), phone
        assert phone.href == f"tel:{phone.tel}"


def test_the_polizeiwachen_are_four_phones_labelled_by_city(directory: Directory) -> None:
    service = directory.get("polizeiwachen")
    assert service is not None
    assert [phone.label for phone in service.phones] == ["Velbert", "Ratingen", "Hilden", "Langenfeld"]
    assert all(phone.label in CITIES for phone in service.phones)
    assert service.always_open


def test_no_do_not_list_name_appears_in_data() -> None:
    # The do_not_list of the facts: a closed association and two unconfirmed numbers.
    forbidden = ["gewaltlos", "9821066", "0162139", "1621398443"]
    for path in (ROOT / "data").rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8").lower()
            squeezed = re.sub(r"[\s\-/]", "", text)
            for name in forbidden:
                assert name not in squeezed, f"{path}: {name}"


def test_no_shelter_has_an_address(seed_docs: list[dict], directory: Directory) -> None:
    shelters = [doc for doc in seed_docs if doc["kind"] == "shelter"]
    assert shelters
    assert all(doc.get("address") is None for doc in shelters)
    assert all(s.address is None for s in directory.services() if s.kind == "shelter")


def test_user_facing_texts_are_present(seed_docs: list[dict]) -> None:
    for doc in seed_docs:
        assert len(doc["description"].split()) >= 5, doc["id"]
    for short in ("police", "fire-ambulance", "hilfetelefon-frauen"):
        assert by_id(seed_docs)[short].get("when_you_call"), short


# -- services ------------------------------------------------------------------------------


def test_services_come_emergency_first_and_by_kind(directory: Directory, seed_docs: list[dict]) -> None:
    services = directory.services()
    assert len(services) == len(seed_docs)
    assert [s.id for s in services[:2]] == ["police", "fire-ambulance"]
    order = list(KINDS)
    positions = [order.index(s.kind) for s in services]
    assert positions == sorted(positions)


def test_a_service_has_typed_fields(directory: Directory) -> None:
    service = directory.get("hilfetelefon-frauen")
    assert isinstance(service, Service)
    assert service.phones == (Phone("116016", "116 016", None),)
    assert service.kind_label == "Hilfetelefon"
    assert service.nationwide and service.cities == CITIES
    assert service.free is True and service.anonymous is True
    assert set(service.accessibility) <= set(ACCESSIBILITY)
    assert set(service.target_groups) <= set(TARGET_GROUPS)
    assert "chat" in service.channels
    assert service.needs_check  # never confirmed
    assert directory.get("no-such-service") is None

    local = directory.get("kinderschutzbund-mettmann")
    assert local is not None and local.cities == ("Mettmann", "Ratingen", "Heiligenhaus", "Wülfrath")
    assert local.phones == ()


def test_the_directory_follows_the_store_and_caches_meanwhile(store: Store, directory: Directory) -> None:
    first = directory.services()
    assert directory.services()[0] is first[0]  # unchanged file: nothing rebuilt

    doc = store.get("services", "police")
    assert doc is not None
    store.upsert("services", {**doc, "checked": "2026-03-01"})

    police = directory.get("police")
    assert police is not None and police.checked == date(2026, 3, 1)
    assert police.needs_check is False


def test_invalid_stored_entries_are_left_out_and_reported(store: Store, directory: Directory) -> None:
    store.upsert("services", {"id": "broken", "name": "Kaputt", "kind": "spa"})
    assert directory.get("broken") is None
    assert any(problem.startswith("broken: kind:") for problem in directory.problems())
    assert directory.get("police") is not None


# -- JSON ----------------------------------------------------------------------------------

def test_as_json_has_the_documented_fields(directory: Directory) -> None:
    items = directory.as_json()
    assert [item["id"] for item in items] == [s.id for s in directory.services()]
    fields = [name for name in json_fields(Service) if "." not in name]  # documented: test_directory_model.py
    for item in items:
        assert list(item) == fields

    missbrauch = next(item for item in items if item["id"] == "hilfetelefon-missbrauch")
    assert missbrauch["hours"]["tue"] == ["15:00-20:00"]
    assert missbrauch["phones"] == [
        {"tel": "+498002255530", "href": "tel:+498002255530", "display": "0800 22 55 530", "label": None}
    ]
    wachen = next(item for item in items if item["id"] == "polizeiwachen")
    assert wachen["hours"] == "always" and wachen["area"] == "kreis" and len(wachen["cities"]) == 10


def test_as_json_translates_the_texts_it_is_given(directory: Directory) -> None:
    items = directory.as_json(lambda text: "«" + text + "»")
    police = next(item for item in items if item["id"] == "police")
    assert police["description"].startswith("«") and police["kind_label"] == "«Notruf»"
    assert police["name"] == "Polizei (Notruf)"  # proper names stay
    seelsorge = next(item for item in items if item["id"] == "telefonseelsorge")
    assert seelsorge["phones"][1]["label"] == "«Zweite Nummer»"




def test_the_numbers_to_call_first_are_read_from_the_seed(tmp_path: Path) -> None:
    call_first = CallFirst.from_seed(SEED)
    assert [s.phones[0].tel for s in call_first.emergency] == ["110", "112"]
    assert call_first.hilfetelefon.phones[0].tel == "116016"
    # A release whose seed lost one of them does not start.
    docs = [doc for doc in load_seed(SEED) if doc["id"] != "fire-ambulance"]
    broken = tmp_path / "directory.yaml"
    broken.write_text(yaml.safe_dump(docs, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="fire-ambulance: missing"):
        CallFirst.from_seed(broken)
