"""Information pages and privacy: rendering, help links, facts."""

from __future__ import annotations

import re

import pytest

from pwa import about, info
from tests.helpers import parse_html

# The help facts' do_not_list: a closed association and two unconfirmed numbers. None of them
# may appear anywhere, in any spelling of the number.
FORBIDDEN_NAMES = ("gewaltlos",)
FORBIDDEN_DIGITS = ("021049821066", "9821066", "01621398443")


def _main(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    return response, parse_html(response.text).find("main")


def _crawled(crawl, path: str):
    """A page of the session's crawl and its <main>."""
    page = crawl.pages[path]
    assert page.status == 200, path
    return page, page.document.find("main")


def _my_paths(code: str) -> list[str]:
    """The information pages, privacy and the about page."""
    return [f"/{code}/{inner}" for inner in (*info.family.paths, *about.family.paths)]


def _hrefs(element) -> list[str]:
    return [a.attrs["href"] for a in element.find_all("a") if a.attrs.get("href")]


def test_every_topic_renders_in_every_enabled_locale(crawl):
    app = crawl.app
    for code in app.state.templates.codes:
        for slug, title in info.TOPICS.items():
            page, main = _crawled(crawl, f"/{code}/info/{slug}")
            document = page.document
            assert document.find("html").attrs["lang"] == app.state.templates.by_code[code].tag
            heading = main.find("h1")
            assert heading is not None and heading.text == " ".join(app.state.templates.gettext(code, title).split())  # .text folds no-break spaces
            assert main.find("article", class_="topic") is not None
            stylesheets = [link.attrs["href"] for link in document.find_all("link", rel="stylesheet")]
            assert any(href.endswith("/css/info.css") for href in stylesheets), slug


def test_each_topic_ends_with_help_from_the_directory(crawl):
    directory = crawl.app.state.directory
    for code in crawl.app.state.templates.codes:
        for slug in info.TOPICS:
            _, main = _crawled(crawl, f"/{code}/info/{slug}")
            help_section = main.find("section", class_="topic-help")
            assert help_section is not None, slug
            hrefs = _hrefs(help_section)
            services = [h.rsplit("/", 1)[1] for h in hrefs if h.startswith(f"/{code}/services/")]
            calls = [h for h in hrefs if h.startswith("tel:")]
            assert services or calls, f"{slug}: no help link"
            assert services == [s for s in info.HELP[slug] if directory.get(s) is not None]
            for service_id in services:
                assert crawl.pages[f"/{code}/services/{service_id}"].status == 200


def test_every_number_on_a_topic_comes_from_the_directory(crawl):
    known = {phone.href for service in crawl.app.state.directory.services() for phone in service.phones}
    for slug in info.TOPICS:
        _, main = _crawled(crawl, f"/de/info/{slug}")
        calls = [h for h in _hrefs(main) if h.startswith("tel:")]
        assert set(calls) <= known, f"{slug}: {set(calls) - known}"
        for link in main.find_all("a"):
            if link.attrs.get("href", "").startswith("tel:"):
                assert link.find("bdi") is not None, f"{slug}: a number without <bdi>"


def test_every_help_entry_names_a_service_of_the_directory(app):
    for slug, ids in info.HELP.items():
        for service_id in ids:
            assert app.state.directory.get(service_id) is not None, (slug, service_id)


def test_a_help_entry_missing_from_the_directory_is_skipped(app, client):
    assert app.state.store.remove("services", "police")
    assert app.state.store.remove("services", "hilfetelefon-frauen")
    for slug in info.TOPICS:
        _, main = _main(client, f"/de/info/{slug}")
        hrefs = _hrefs(main)
        assert "/de/services/police" not in hrefs and "tel:110" not in hrefs, slug
        assert "tel:116016" not in hrefs, slug


def test_unknown_topic_is_not_found(client):
    for path in ("/de/info/nope", "/de/info/_help", "/de/info/_topic", "/en/info/Rights"):
        assert client.get(path).status_code == 404, path


def test_the_index_links_every_topic_in_order(crawl):
    for code in crawl.app.state.templates.codes:
        _, main = _crawled(crawl, f"/{code}/info")
        linked = [h for h in _hrefs(main) if h.startswith(f"/{code}/info/")]
        assert linked == [f"/{code}/info/{slug}" for slug in info.TOPICS]


def test_every_page_is_listed_for_crawls_and_the_offline_copy(app):
    paths = info.family.paths
    assert paths[0] == "info" and "privacy" in paths and about.family.paths == ("about",)
    assert {"/de/about", "/de/privacy", *(f"/de/{p}" for p in paths)} <= set(app.state.site.page_paths("de"))
    assert [p for p in paths if p.startswith("info/")] == [f"info/{slug}" for slug in info.TOPICS]
    assert set(info.TOPICS) == set(info.SUMMARIES) == set(info.HELP)
    for slug in info.TOPICS:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", slug), slug


def test_rights_state_the_legal_facts_and_send_to_counselling(client):
    _, main = _main(client, "/de/info/rights")
    text = main.text
    for fact in (
        "§ 34a Polizeigesetz NRW",
        "endet nach 10 Tagen",
        "Gewaltschutzgesetz (GewSchG)",
        "§ 214 FamFG",
        "Freiheitsstrafe bis zu 2 Jahren",
        "§ 132k Sozialgesetzbuch V",
        "seit dem 1. März 2020",
        "§ 31 Aufenthaltsgesetz",
        "mindestens 3 Jahre",
    ):
        assert fact in text, fact
    # The pending 14-day draft is not law.
    assert not re.search(r"\b(?:14|28)\s+Tag", text)
    for section_id in ("wohnungsverweisung", "gewaltschutz", "spurensicherung", "aufenthalt"):
        section = main.find("section", **{"aria-labelledby": section_id})
        assert section is not None, section_id
        assert "Eine Beratungsstelle hilft Ihnen bei Ihrem Fall." in section.text, section_id
        sources = section.find("p", class_="sources")
        assert sources is not None and "Stand:" in sources.text, section_id
    # The one statement from a single source says so.
    assert "nur einer Quelle" in main.find("section", **{"aria-labelledby": "spurensicherung"}).text


def test_the_young_readers_page_says_du(client):
    _, main = _main(client, "/de/info/young-people")
    words = set(re.findall(r"\w+", main.find("article").text))
    assert {"du", "dich", "dir", "deine"} & words
    assert not {"Sie", "Ihnen", "Ihr", "Ihre", "Ihrem", "Ihren"} & words
    assert main.find("h2", id="topic-help-title").text == "Hier bekommst du Hilfe"


def test_the_hand_signal_is_described_as_the_runder_tisch_campaign(client):
    _, main = _main(client, "/de/info/friends-and-family")
    steps = main.find("ol", class_="steps")
    assert steps is not None and len(steps.find_all("li")) == 3
    assert "14. Februar 2026" in main.text and "allen zehn Städten" in main.text


@pytest.mark.parametrize("code", ["de", "en"])
def test_nothing_from_the_do_not_list_appears(crawl, code):
    if code not in crawl.app.state.templates.codes:
        pytest.skip(f"{code} is not enabled")
    for path in _my_paths(code):
        page, _ = _crawled(crawl, path)
        lowered = page.text.lower()
        digits = re.sub(r"\D", "", page.text)
        for name in FORBIDDEN_NAMES:
            assert name not in lowered, (path, name)
        for number in FORBIDDEN_DIGITS:
            assert number not in digits, (path, number)


def test_links_to_other_sites_send_no_referrer(crawl):
    for code in crawl.app.state.templates.codes:
        for path in _my_paths(code):
            _, main = _crawled(crawl, path)
            for link in main.find_all("a"):
                if link.attrs.get("href", "").startswith("http"):
                    assert {"noreferrer", "noopener"} <= set(link.attrs.get("rel", "").split()), path


def test_privacy_says_what_is_stored_and_marks_what_the_operator_fills_in(client):
    _, main = _main(client, "/de/privacy")
    text = main.text
    for fact in ("keine IP-Adressen", "Keine Cookies", "Sicherheitsplan", "ohne Internet", "Betreiber: Kreis Mettmann"):
        assert fact in text, fact
    assert "/de/safety#delete-everything" in _hrefs(main)
    placeholder = main.find("div", **{"data-to-fill": "operator"})
    assert placeholder is not None and "note--warning" in placeholder.attrs["class"].split()
    assert placeholder.text.count("vom Betreiber einzutragen") == 3
    # Nothing invented: no street, postcode or e-mail in the operator's part.
    assert not re.search(r"\d{5}|@|str\.", placeholder.text)


def test_the_police_ban_and_the_court_order_stand_apart(client):
    # The § 4 GewSchG penalty covers court orders only; of a police ban the facts say no penalty.
    _, main = _main(client, "/de/info/people-who-use-violence")
    headings = [h.text for h in main.find_all("h2")]
    assert "Wenn die Polizei Sie aus der Wohnung verweist" in headings
    assert "Wenn das Familiengericht Ihnen etwas verbietet" in headings
    assert not any("Polizei oder Gericht" in heading for heading in headings)
    police = main.find("p", **{"data-legal": "wohnungsverweisung"})
    court = main.find("p", **{"data-legal": "gewaltschutzgesetz"})
    assert "§ 34a PolG NRW" in police.text and "strafbar" not in police.text and "§ 4" not in police.text
    assert "strafbar (§ 4 GewSchG)" in court.text


def test_the_runder_tisch_is_described_in_its_own_terms(crawl):
    for code in crawl.app.state.templates.codes:
        for path in _my_paths(code):
            assert "Arbeitskreis" not in crawl.pages[path].text, path
    _, main = _crawled(crawl, "/de/info/professionals")
    # Its members, as the facts name them; no others (school, kita, medicine, care, administration).
    for word in ("Schule", "Kita", "Medizin", "Pflege", "Verwaltung"):
        assert word not in main.find("article", class_="topic").text, word
    assert "Arbeitsgruppen" in main.text


@pytest.mark.parametrize("slug", ["domestic-violence", "migrants", "children"])
def test_where_a_shelter_is_the_question_the_shelter_search_is_offered(crawl, slug):
    _, main = _crawled(crawl, f"/de/info/{slug}")
    help_ids = [li.attrs["data-service"] for li in main.find("section", class_="topic-help").find_all("li")]
    assert "frauenhaus-mettmann" in help_ids and "frauenhaus-suche" in help_ids
    if slug != "domestic-violence":
        assert "/de/services/frauenhaus-suche" in _hrefs(main.find("article", class_="topic"))


def test_the_plans_places_and_leaving_offer_the_shelter_search(crawl):
    plan = crawl.pages["/de/plan"].document
    for section in ("places", "leaving"):
        ids = [li.attrs["data-service"] for li in plan.find("section", id=section).find_all("li") if "data-service" in li.attrs]
        assert "frauenhaus-suche" in ids and "frauenhaus-mettmann" in ids, section
