"""Pages of the help directory: emergency, the list and its no-JavaScript filter, one service, the API."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st
from starlette.testclient import TestClient

from pwa.clock import BERLIN
from pwa.directory import CITIES, KINDS, is_open
from pwa.directory_pages import Filters, matches
from pwa.formatting import Formatting
from pwa.store import load_seed
from tests.helpers import parse_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "directory.yaml"
FACTS = ROOT.parent / "shared" / "data" / "help-facts.yaml"

TUESDAY_4PM = datetime(2025, 6, 3, 16, 0, tzinfo=BERLIN)
SUNDAY_3AM = datetime(2025, 6, 8, 3, 0, tzinfo=BERLIN)
_SHORT = re.compile(r"^(?:110|112|116\d{3})$")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def seed_tels() -> set[str]:
    return {phone["tel"] for doc in load_seed(SEED) for phone in doc.get("phones") or ()}


def tel_links(html: str) -> list[str]:
    return tel_hrefs(parse_html(html))


def tel_hrefs(document) -> list[str]:
    return [a.attrs["href"] for a in document.find_all("a") if (a.attrs.get("href") or "").startswith("tel:")]


def main_of(html: str):
    return parse_html(html).find("main")


def with_attr(root, name: str):
    """The first element under root with a (boolean) attribute, or None."""
    return next((e for e in root.iter() if name in e.attrs), None)


def is_hidden(element) -> bool:
    while element is not None:
        if "hidden" in element.attrs:
            return True
        element = element.parent
    return False


def shown_entries(html: str) -> list[str]:
    """Ids of the list entries that are not hidden (what a browser without JavaScript shows)."""
    ids = []
    for group in main_of(html).find_all("section", class_="kind-group"):
        for entry in group.find_all("li", class_="entry"):
            if "hidden" in entry.attrs or "hidden" in group.attrs:
                continue
            ids.append(entry.find("a").attrs["href"].rsplit("/", 1)[1])
    return ids


# -- every page ------------------------------------------------------------------------------


def test_every_service_page_renders_in_every_language(crawl):
    app = crawl.app
    services = app.state.directory.services()
    assert len(services) == len(load_seed(SEED))
    translated_names = 0
    for code in app.state.templates.codes:
        for service in services:
            translated_names += app.state.templates.gettext(code, service.name) != service.name
            page = crawl.pages[f"/{code}/services/{service.id}"]
            assert page.status == 200, (code, service.id)
            main = page.document.find("main")
            # The heading is the name in the page's language (German: the name itself).
            assert main.find("h1").text == " ".join(app.state.templates.gettext(code, service.name).split())  # .text folds no-break spaces
            backs = [a for a in main.find_all("a") if a.attrs.get("href") == f"/{code}/services"]
            assert backs, "no way back to the list"
    assert translated_names > len(services), "service names should read in the page's language"


def test_unknown_service_is_a_404(client):
    assert client.get("/de/services/no-such-thing").status_code == 404


def test_every_tel_link_on_every_page_is_e164_or_short_and_in_the_seed(crawl):
    app = crawl.app
    allowed = seed_tels()
    checked = 0
    for path, page in crawl.pages.items():
        for href in tel_hrefs(page.document):
            number = href[len("tel:"):]
            assert _E164.match(number) or _SHORT.match(number), (path, href)
            assert number in allowed, (path, href)
            checked += 1
    # Every phone of every service is on its own page and in the list, in every language.
    assert checked >= 3 * len(allowed) * len(app.state.templates.codes)


def test_no_do_not_list_name_appears_on_any_page(crawl):
    names = ["Gewaltlos.de e.V.", "Weisser Ring local number 02104 982-1066", "BAG TäHG referral hotline 0162-139 844 3"]
    if FACTS.is_file():
        names = [item["name"] for item in yaml.safe_load(FACTS.read_text(encoding="utf-8"))["do_not_list"]]
    forbidden: list[str] = []
    for name in names:
        digits = re.sub(r"\D", "", name)
        if len(digits) >= 6:  # a number: as dialled nationally, and without the leading 0
            forbidden += [digits, digits.lstrip("0")]
        else:  # an organisation: its distinctive first word
            forbidden.append(re.split(r"[\s.]", name.lower())[0])
    assert "gewaltlos" in forbidden and "1621398443" in forbidden
    with TestClient(crawl.app) as client:
        bodies = {path: page.text for path, page in crawl.pages.items()} | {"/api/services": client.get("/api/services").text}
    for path, body in bodies.items():
        squeezed = re.sub(r"[\s\-/().]", "", body.lower())
        for word in forbidden:
            assert word not in squeezed, (path, word)


# -- the emergency page ---------------------------------------------------------------------


def test_emergency_page_calls_110_and_112_first_then_the_lines(client, app):
    html = client.get("/de/emergency").text
    main = main_of(html)
    hrefs = tel_links(html[html.index("<main"):])
    assert hrefs[:2] == ["tel:110", "tel:112"]
    # Then the police stations of the Kreis, staffed around the clock, then the Hilfetelefon.
    stations = app.state.directory.get("polizeiwachen")
    assert hrefs[2:6] == [phone.href for phone in stations.phones]
    assert main.find("section", **{"aria-labelledby": "stations-title"}).find("p", class_="hours").text == "Rund um die Uhr"
    assert hrefs[6] == "tel:116016"
    large = main.find_all("a", class_="call-button call-button--danger call-button--large")
    assert [a.attrs["href"] for a in large] == ["tel:110", "tel:112"]
    directory = app.state.directory
    for service in directory.services():
        if service.nationwide and service.phones:
            for phone in service.phones:
                assert phone.href in hrefs, service.id
            if service.when_you_call:
                assert service.when_you_call in main.text, service.id
    assert "Rund um die Uhr" in main.text and "kostenlos" in main.text and "anonym" in main.text


def test_emergency_page_shows_ways_without_speaking_as_the_data_says(client):
    main = main_of(client.get("/de/emergency").text)
    silent = main.find("section", **{"aria-labelledby": "silent-title"})
    articles = {a.attrs["aria-labelledby"]: a for a in silent.find_all("article")}
    assert "silent-nora" in articles
    assert "stillen Notruf" in articles["silent-nora"].text
    frauen = articles["silent-hilfetelefon-frauen"]
    tags = [span.text for span in frauen.find("p", class_="tags").find_all("span")]
    assert tags == ["Chat", "E-Mail", "Gebärdensprache", "Leichte Sprache"]
    website = frauen.find("a", href="https://www.hilfetelefon.de")
    assert set(website.attrs["rel"].split()) == {"noreferrer", "noopener"}


def test_emergency_hours_are_localized_day_names(client):
    de = main_of(client.get("/de/emergency").text).find("article", **{"aria-labelledby": "line-hilfetelefon-missbrauch"})
    assert [dt.text for dt in de.find_all("dt")] == ["Montag, Mittwoch und Freitag", "Dienstag und Donnerstag"]
    en = main_of(client.get("/en/emergency").text).find("article", **{"aria-labelledby": "line-hilfetelefon-missbrauch"})
    assert [dt.text for dt in en.find_all("dt")] == ["Monday, Wednesday, and Friday", "Tuesday and Thursday"]
    assert "9:00" in en.find("dd").text and "AM" in en.find("dd").text


def test_each_fact_has_its_date_and_sources(client, app):
    main = main_of(client.get("/de/emergency").text)
    facts = main.find_all("div", class_="facts")
    assert facts and all(f.find("details", class_="sources") for f in facts)
    frauen = app.state.directory.get("hilfetelefon-frauen")
    article = main.find("article", **{"aria-labelledby": "line-hilfetelefon-frauen"})
    # "2022-12" reads "Dezember 2022"; the day the sources were read, by its month.
    assert f"Datum der Quelle: {Formatting('de').date(frauen.source_date)}." in article.find("div", class_="facts").text
    assert article.find("p", class_="certainty").text == "Stand: November 2026 · nicht telefonisch bestätigt"
    assert [li.text for li in article.find("details").find_all("li")] == list(frauen.sources)


# -- the home page ----------------------------------------------------------------------------


def test_home_calls_110_first_and_116016_second_then_the_ways_in(client):
    for code in ("de", "en"):
        main = main_of(client.get(f"/{code}/").text)
        links = [a for a in main.find_all("a") if a.attrs.get("href") and not is_hidden(a)]
        assert [a.attrs["href"] for a in links[:2]] == ["tel:110", "tel:116016"]
        assert links[0].attrs["class"] == "call-button call-button--danger"
        cards = [a.attrs["href"] for a in main.find_all("a", class_="card")]
        assert cards[:2] == [f"/{code}/emergency", f"/{code}/services"]
        assert len(cards) == 7 and cards[-1] == f"/{code}/disguise"
        assert f"/{code}/journal" in cards


def test_directory_styles_and_filter_script_load_only_where_needed(client, app):
    css = app.state.assets.url("css/directory.css")

    def loads(path: str) -> tuple[bool, bool]:
        document = parse_html(client.get(path).text)
        styled = any(link.attrs.get("href") == css for link in document.find_all("link"))
        filtered = document.find(**{"data-module": "directory-filter"}) is not None
        return styled, filtered

    assert loads("/de/") == (False, False)
    assert loads("/de/emergency") == (True, False)
    assert loads("/de/services/police") == (True, False)
    assert loads("/de/services") == (True, True)


# -- the list and its filters without JavaScript ---------------------------------------------


def test_list_shows_every_entry_grouped_by_kind(client, app):
    html = client.get("/de/services").text
    main = main_of(html)
    services = app.state.directory.services()
    assert shown_entries(html) == [s.id for s in services]
    groups = main.find_all("section", class_="kind-group")
    kinds = [g.attrs["aria-labelledby"].removeprefix("kind-") for g in groups]
    assert kinds == [k for k in KINDS if any(s.kind == k for s in services)]
    for group in groups:
        kind = group.attrs["aria-labelledby"].removeprefix("kind-")
        assert group.find("h2").text == KINDS[kind]
        assert {e.attrs["data-kind"] for e in group.find_all("li", class_="entry")} == {kind}
    assert main.find("p", class_="result-count").text == f"{len(services)} Angebote gefunden"


def test_list_entries_carry_what_the_browser_filters_on(client, app):
    main = main_of(client.get("/de/services").text)
    entries = {e.find("a").attrs["href"].rsplit("/", 1)[1]: e for e in main.find_all("li", class_="entry")}
    for service in app.state.directory.services():
        data = entries[service.id].attrs
        assert data["data-kind"] == service.kind
        cities = data["data-cities"]
        assert (cities == "*" and set(service.cities) == set(CITIES)) or cities.split("|") == list(service.cities)
        assert data["data-languages"].split() == list(service.reachable_in)
        assert ("data-interpreters" in data) == bool(service.interpreters)
        hours = data["data-hours"]
        if service.always_open:
            assert hours == "always"
        elif service.hours is None:
            assert hours == ""
        else:
            assert json.loads(hours) == service.to_json()["hours"]


def test_counts_for_the_browser_in_every_plural_form(client, app):
    total = len(app.state.directory.services())
    root = main_of(client.get("/de/services").text).find(**{"data-module": "directory-filter"})
    counts = json.loads(root.attrs["data-counts"])
    assert len(counts) == total + 1
    assert counts[0] == "Kein Angebot passt zu Ihrer Auswahl."
    assert counts[1] == "1 Angebot gefunden" and counts[3] == "3 Angebote gefunden"


@pytest.mark.parametrize(
    ("when", "expected"),
    [(TUESDAY_4PM, ["hilfetelefon-frauen"]), (SUNDAY_3AM, ["hilfetelefon-frauen"])],
)
def test_no_js_filter_city_language_open_now_at_a_fixed_clock(client, app, fixed_clock, when, expected):
    fixed_clock(when)
    html = client.get("/de/services", params={"city": "Hilden", "language": "tr", "open": "now"}).text
    assert shown_entries(html) == expected
    # The same as the model says.
    filters = Filters(city="Hilden", language="tr", open="now")
    model = [
        s.id
        for s in app.state.directory.services()
        if "Hilden" in s.cities and ("tr" in s.reachable_in or s.interpreters) and is_open(s, when) is True
    ]
    assert model == expected
    assert [s.id for s in app.state.directory.services() if matches(s, filters, when)] == expected
    main = main_of(html)
    assert main.find("p", class_="result-count").text == f"{len(expected)} Angebot{'e' if len(expected) > 1 else ''} gefunden"
    # The form shows what was chosen.
    assert "selected" in main.find("select", name="city").find("option", value="Hilden").attrs
    assert "selected" in main.find("select", name="language").find("option", value="tr").attrs
    assert "checked" in main.find("input", name="open", value="now").attrs
    # Groups without a shown entry are hidden too.
    for group in main.find_all("section", class_="kind-group"):
        shown = [e for e in group.find_all("li", class_="entry") if "hidden" not in e.attrs]
        assert ("hidden" in group.attrs) == (not shown)


def test_a_language_shows_who_speaks_it_or_names_interpreters_for_it(client, app):
    # Turkish is one of the Hilfetelefon's 18 interpreter languages; Greek is not, so only the
    # Interventionsstelle, which arranges interpreters for whatever language is needed, shows.
    assert shown_entries(client.get("/de/services", params={"language": "tr"}).text) == ["hilfetelefon-frauen", "interventionsstelle"]
    assert shown_entries(client.get("/de/services", params={"language": "el"}).text) == ["interventionsstelle"]
    # Nobody's languages are known but two services': German finds those two.
    assert shown_entries(client.get("/de/services", params={"language": "de"}).text) == ["nora", "hilfetelefon-frauen", "interventionsstelle"]
    hint = main_of(client.get("/de/services").text).find("p", id="filter-language-hint").text
    assert "jeder Sprache" not in hint


def test_no_js_filter_kind_and_always(client, fixed_clock):
    fixed_clock(SUNDAY_3AM)
    html = client.get("/de/services", params={"kind": "police"}).text
    assert shown_entries(html) == ["polizeiwachen", "polizei-opferschutz"]
    html = client.get("/de/services", params={"open": "always"}).text
    assert shown_entries(html) == [
        "police", "fire-ambulance", "hilfetelefon-frauen", "telefonseelsorge", "schwangere-in-not", "polizeiwachen",
    ]
    html = client.get("/de/services", params={"city": "Velbert", "kind": "children"}).text
    assert shown_entries(html) == []
    assert main_of(html).find("p", class_="result-count").text == "Kein Angebot passt zu Ihrer Auswahl."


def test_a_city_filter_keeps_kreis_wide_and_nationwide_services(client, app):
    html = client.get("/de/services", params={"city": "Haan"}).text
    shown = shown_entries(html)
    assert "kinderschutzbund-mettmann" not in shown  # Mettmann, Ratingen, Heiligenhaus, Wülfrath only
    assert "interventionsstelle" in shown and "police" in shown
    assert len(shown) == len(app.state.directory.services()) - 1


def test_open_now_uses_berlin_time_for_an_aware_clock(client, fixed_clock):
    from datetime import timezone

    # 13:30 UTC on a Tuesday in summer is 15:30 in Berlin: the Tuesday line (15-20) is open.
    fixed_clock(datetime(2025, 6, 3, 13, 30, tzinfo=timezone.utc))
    shown = shown_entries(client.get("/de/services", params={"open": "now", "kind": "hotline"}).text)
    assert "hilfetelefon-missbrauch" in shown


_junk = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.lists(
        st.tuples(st.sampled_from(["city", "kind", "language", "open", "lang", "x", ""]), st.one_of(_junk, st.sampled_from(["Hilden", "now", "always", "tr"]))),
        max_size=6,
    )
)
def test_bad_filter_params_never_fail(client, params):
    response = client.get("/de/services", params=params)
    assert response.status_code == 200
    assert main_of(response.text).find("p", class_="result-count") is not None


def test_unknown_filter_values_count_as_no_filter(client, app):
    html = client.get("/de/services?city=Atlantis&kind=%00&language=zz&open=soon").text
    assert len(shown_entries(html)) == len(app.state.directory.services())
    html = client.get("/de/services?city=Atlantis&city=Hilden&kind=police&kind=police").text
    assert shown_entries(html) == ["polizeiwachen", "polizei-opferschutz"]


# -- one service ---------------------------------------------------------------------------


def test_service_page_every_phone_email_website(crawl):
    for service in crawl.app.state.directory.services():
        main = crawl.pages[f"/de/services/{service.id}"].document.find("main")
        hrefs = [a.attrs.get("href") for a in main.find_all("a")]
        for phone in service.phones:
            link = main.find("a", href=phone.href)
            assert link is not None and link.find("bdi").text == phone.display, service.id
        if service.email:
            link = main.find("a", href=f"mailto:{service.email}")
            assert link is not None and link.find("bdi") is not None
        if service.website:
            link = main.find("a", href=service.website)
            assert set(link.attrs["rel"].split()) == {"noreferrer", "noopener"}
        assert len([h for h in hrefs if h and h.startswith("tel:")]) == len(service.phones)


def test_service_page_shows_hours_outreach_and_sources(client, app):
    main = main_of(client.get("/de/services/frauenberatung-skfm").text)
    outreach = main.find("ul", class_="outreach").find_all("li")
    assert [li.find("strong").text for li in outreach] == ["Erkrath:", "Wülfrath:"]
    assert "Am 1. Freitag im Monat, 14–16 Uhr." in outreach[0].text and "Stand: 2021" in outreach[0].text
    assert "Montag bis Freitag telefonisch erreichbar." in main.text
    service = app.state.directory.get("frauenberatung-skfm")
    assert [li.text for li in main.find("details", class_="sources").find_all("li")] == list(service.sources)
    weekly = main_of(client.get("/de/services/nummer-gegen-kummer-kinder").text)
    assert weekly.find("dl", class_="hours").find("dt").text == "Montag – Samstag"


def test_needs_check_note_in_plain_words(crawl):
    for service in crawl.app.state.directory.services():
        main = crawl.pages[f"/de/services/{service.id}"].document.find("main")
        note = with_attr(main, "data-needs-check")
        assert (note is not None) == service.needs_check, service.id
        if note is None:
            continue
        if service.confidence != "high":
            assert "Bitte prüfen Sie die Angaben" in note.text
            assert "note--warning" in note.attrs["class"]
        if service.checked is None:
            assert "noch nicht am Telefon bestätigt" in note.text
    with_address = crawl.pages["/de/services/kinderschutzbund-mettmann"].document.find("main")
    assert "bevor Sie hingehen" in with_attr(with_address, "data-needs-check").text


def test_confirmed_and_sure_entries_have_no_warning(client, app, monkeypatch):
    from datetime import date

    police = dataclasses.replace(app.state.directory.get("police"), checked=date(2025, 5, 1))
    monkeypatch.setattr(app.state.directory, "get", lambda service_id: police)
    main = main_of(client.get("/de/services/police").text)
    assert with_attr(main, "data-needs-check") is None
    assert main.find("p", class_="certainty").text == "Stand: November 2026 · am Telefon bestätigt am 1. Mai 2025"


def test_no_address_on_a_shelter_page_even_if_the_data_had_one(client, app, monkeypatch):
    shelter = app.state.directory.get("frauenhaus-mettmann")
    main = main_of(client.get("/de/services/frauenhaus-mettmann").text)
    assert with_attr(main, "data-address") is None
    leaked = dataclasses.replace(shelter, address="Geheimweg 7, 40822 Mettmann")
    monkeypatch.setattr(app.state.directory, "get", lambda service_id: leaked)
    for code in app.state.templates.codes:
        html = client.get(f"/{code}/services/frauenhaus-mettmann").text
        assert "Geheimweg" not in html


def test_the_office_address_is_shown(client, app):
    service = app.state.directory.get("runder-tisch-office")
    main = main_of(client.get("/de/services/runder-tisch-office").text)
    assert with_attr(main, "data-address").text == service.address


def test_phone_numbers_emails_urls_stay_left_to_right(client):
    main = main_of(client.get("/de/services/hilfetelefon-maenner").text)
    for link in main.find_all("a"):
        href = link.attrs.get("href") or ""
        if href.startswith(("tel:", "mailto:", "https:")):
            assert link.find("bdi") is not None, href


# -- the API ---------------------------------------------------------------------------------


def test_api_fields_and_values_match_the_data(client, app):
    response = client.get("/api/services")
    assert response.status_code == 200
    data = response.json()
    assert data == app.state.directory.as_json()
    seed = {doc["id"]: doc for doc in load_seed(SEED)}
    assert [item["id"] for item in data] == [s.id for s in app.state.directory.services()]
    assert set(seed) == {item["id"] for item in data}
    fields = set(data[0])
    for item in data:
        assert set(item) == fields
        doc = seed[item["id"]]
        for key in ("name", "kind", "email", "website", "address", "languages", "confidence", "source_date", "sources"):
            assert item[key] == doc.get(key, None if key not in ("languages", "sources") else []), (item["id"], key)
        assert [p["tel"] for p in item["phones"]] == [p["tel"] for p in doc.get("phones") or []]
        assert all(p["href"] == "tel:" + p["tel"] for p in item["phones"])
        assert item["hours"] == doc.get("hours")
        assert item["kind_label"] == KINDS[item["kind"]]
        if item["kind"] == "shelter":
            assert item["address"] is None


def test_api_translates_for_a_locale(client, app):
    templates = app.state.templates
    data = client.get("/api/services", params={"locale": "en"}).json()
    police = next(item for item in data if item["id"] == "police")
    assert police["kind_label"] == templates.gettext("en", "Notruf")
    assert police["name"] == "Polizei (Notruf)"  # a proper name: never translated
    assert client.get("/api/services", params={"locale": "en"}).headers["content-language"] == "en"
    assert client.get("/api/services", params={"locale": "de"}).json() == app.state.directory.as_json()


@pytest.mark.parametrize("locale", ["xx", "../de", "", "DE", "de\x00"])
def test_api_bad_locale_is_a_clear_error_not_a_failure(client, locale):
    response = client.get("/api/services", params={"locale": locale})
    if locale == "":
        assert response.status_code == 200
    else:
        assert response.status_code == 400
        assert response.json()["error"] == "unknown locale"


def test_the_language_filter_finds_the_hilfetelefon_for_the_languages_its_interpreters_cover(client):
    """Its sources name 18 interpreted languages; Italian, French, Romanian and Kurdish among them,
    Greek not: the filter finds it for the first and does not claim the last."""
    for code, found in (("it", True), ("fr", True), ("ro", True), ("ku", True), ("uk", True), ("el", False)):
        main = main_of(client.get(f"/de/services?language={code}").text)
        shown = [e.find("a").attrs["href"].rsplit("/", 1)[1] for e in main.iter() if "data-entry" in e.attrs and "hidden" not in e.attrs]
        assert ("hilfetelefon-frauen" in shown) is found, code


# -- no field the seed does not hold ---------------------------------------------------------


def _holds(doc: dict, field: str) -> bool:
    """Whether a seed document holds a value for a field (channels follow from the contacts)."""
    if field == "channels":
        return bool(doc.get("channels") or doc.get("phones") or doc.get("email") or doc.get("website"))
    return doc.get(field) not in (None, False, "", [])


def test_no_directory_field_is_shown_that_the_seed_does_not_hold(crawl):
    seed = {doc["id"]: doc for doc in load_seed(SEED)}
    shown: set[str] = set()
    for path, page in crawl.pages.items():
        for entry in page.document.iter():
            service_id = entry.attrs.get("data-service")
            if not service_id:
                continue
            for element in entry.iter():
                field = element.attrs.get("data-field")
                if field:
                    assert _holds(seed[service_id], field), (path, service_id, field, element.text)
                    shown.add(field)
    assert {"area", "hours", "free", "anonymous", "languages", "interpreter_languages", "accessibility"} <= shown
    # What the facts do not say stays unsaid: the languages of 21 services, nora's accessibility,
    # LoGe's anonymity (only through its website: its description says so).
    for service_id in ("police", "interventionsstelle", "frauenhaus-mettmann", "nora", "skf-ratingen-loge"):
        main = crawl.pages[f"/de/services/{service_id}"].document.find("main")
        terms = [dt.text for dt in main.find_all("dt")]
        if not seed[service_id]["languages"] and not seed[service_id].get("languages_note"):
            assert "Sprachen" not in terms, service_id
        assert "Barrierefreiheit" not in terms or seed[service_id]["accessibility"], service_id
    assert "Anonym" not in [dt.text for dt in crawl.pages["/de/services/skf-ratingen-loge"].document.find_all("dt")]
    for code in crawl.app.state.templates.codes:
        emergency = crawl.pages[f"/{code}/emergency"].document
        for article in emergency.find_all("article"):
            if not seed[article.attrs["data-service"]]["languages"]:
                assert article.find(**{"data-field": "languages"}) is None, (code, article.attrs["data-service"])
