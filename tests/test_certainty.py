"""Every number shows how sure it is and since when, wherever it appears (templates/_certainty.html).

"Beside" is structural: a ``tel:`` link stands inside its service's element (``data-service``),
which holds that service's certainty line (``data-certainty``), or, in running text, it names
that line with ``aria-describedby``. The line reads "Stand: November 2026 · nicht ganz sicher ·
nicht telefonisch bestätigt" in the page's language, as the directory says.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from pwa.formatting import Formatting
from pwa.i18n import cldr_code
from tests.helpers import Element


def expected_certainty(app, code: str, service) -> str:
    """The certainty line of a service in a language, built from the catalogue and the directory."""
    t = lambda text: app.state.templates.gettext(code, text)  # noqa: E731
    formatting = Formatting(cldr_code(code))
    parts = [t("Stand: %(date)s") % {"date": formatting.date(service.sources_read, "month")}]
    if service.confidence == "low":
        parts.append(t("unsicher"))
    elif service.confidence != "high":
        parts.append(t("nicht ganz sicher"))
    if service.checked:
        parts.append(t("am Telefon bestätigt am %(date)s") % {"date": formatting.date(service.checked)})
    else:
        parts.append(t("nicht telefonisch bestätigt"))
    return " ".join(" · ".join(parts).split())


def _by_id(document: Element) -> dict[str, Element]:
    return {element.attrs["id"]: element for element in document.iter() if element.attrs.get("id")}


def _entry(link: Element) -> Element | None:
    element: Element | None = link
    while element is not None and "data-service" not in element.attrs:
        element = element.parent
    return element


def certainty_of(link: Element, document: Element, ids: dict[str, Element]) -> Element | None:
    """The certainty line beside a tel: link, as a screen reader and the eye find it."""
    described = link.attrs.get("aria-describedby")
    if described:
        return ids.get(described)
    entry = _entry(link)
    if entry is None:
        return None
    return entry.find(**{"data-certainty": entry.attrs["data-service"]})


def _every_page(crawl):
    yield from crawl.pages.items()
    yield from ((page.path, page) for page in crawl.not_found.values() if page.code)


def test_every_number_on_every_page_stands_beside_its_date_and_certainty(crawl):
    directory = crawl.app.state.directory
    numbers = 0
    problems = []
    for path, page in _every_page(crawl):
        ids = _by_id(page.document)
        for link in page.document.find_all("a"):
            href = link.attrs.get("href") or ""
            if not href.startswith("tel:"):
                continue
            numbers += 1
            line = certainty_of(link, page.document, ids)
            if line is None or "data-certainty" not in line.attrs:
                problems.append(f"{path}: {href} has no certainty beside it")
                continue
            service = directory.get(line.attrs["data-certainty"])
            if service is None or href not in {phone.href for phone in service.phones}:
                problems.append(f"{path}: {href} stands beside the certainty of {line.attrs['data-certainty']}")
                continue
            if line.text != expected_certainty(crawl.app, page.code, service):
                problems.append(f"{path}: {href}: {line.text!r}")
    assert not problems, "\n".join(problems[:30])
    assert numbers > 1000  # every page of every language has numbers: the list, the help lists, the calls


def test_the_pages_that_show_numbers_show_their_certainty_in_every_language(crawl):
    for code in crawl.app.state.templates.codes:
        for page in (f"/{code}/", f"/{code}/emergency", f"/{code}/services", f"/{code}/plan", f"/{code}/info/children", f"/{code}/offline"):
            lines = crawl.pages[page].document.find_all("p", **{"class": "certainty"})
            assert lines, page
        assert crawl.not_found[code].document.find("p", **{"class": "certainty"}) is not None


def test_every_entry_shows_its_date_even_without_a_number(crawl):
    for code in crawl.app.state.templates.codes:
        main = crawl.pages[f"/{code}/services"].document.find("main")
        entries = [entry for entry in main.find_all("li") if "data-entry" in entry.attrs]
        assert len(entries) == len(crawl.app.state.directory.services())
        for entry in entries:
            service = crawl.app.state.directory.get(entry.attrs["data-service"])
            line = entry.find(**{"data-certainty": service.id})
            assert line is not None and line.text == expected_certainty(crawl.app, code, service), (code, service.id)
        for service in crawl.app.state.directory.services():
            page = crawl.pages[f"/{code}/services/{service.id}"].document
            assert page.find(**{"data-certainty": service.id}) is not None, (code, service.id)


def test_less_sure_entries_say_so_where_they_are_listed(crawl):
    children = crawl.pages["/de/info/children"].document
    assert children.find(**{"data-certainty": "kinderschutzbund-mettmann"}).text == (
        "Stand: November 2026 · unsicher · nicht telefonisch bestätigt"
    )
    plan = crawl.pages["/de/plan"].document
    assert plan.find(id="certainty-places-polizeiwachen").text == "Stand: November 2026 · nicht ganz sicher · nicht telefonisch bestätigt"
    emergency = crawl.pages["/de/emergency"].document
    assert emergency.find(id="certainty-calls-police").text == "Stand: November 2026 · nicht telefonisch bestätigt"
    english = crawl.pages["/en/info/domestic-violence"].document.find(**{"data-certainty": "frauenhaus-mettmann"})
    assert english.text == expected_certainty(crawl.app, "en", crawl.app.state.directory.get("frauenhaus-mettmann"))
    assert "November 2026" in english.text and english.text != expected_certainty(
        crawl.app, "de", crawl.app.state.directory.get("frauenhaus-mettmann")
    )


def test_a_number_confirmed_by_phone_says_when(client, app, monkeypatch):
    # The numbers to call first come from the seed, read at start-up (app.state.call_first).
    police = replace(app.state.call_first.police, checked=date(2027, 1, 5))
    monkeypatch.setattr(app.state, "call_first", replace(app.state.call_first, police=police))
    from tests.helpers import parse_html

    line = parse_html(client.get("/de/").text).find(id="certainty-first-police")
    assert line.text == "Stand: November 2026 · am Telefon bestätigt am 5. Januar 2027"


def test_every_entry_in_the_api_has_the_day_its_sources_were_read(client, app):
    for code in ("de", "ar"):
        for item in client.get("/api/services", params={"locale": code}).json():
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["sources_read"]), item["id"]
            service = app.state.directory.get(item["id"])
            assert item["sources_read"] == service.sources_read.isoformat()
            assert item["source_date"] == service.source_date


# A date as the data stores it: "2022-12" or "2021-09-30".
# A date in a file name ("Notizen-2026-05-01.json") is part of the name, not a date shown.
RAW_DATE = re.compile(r"(?<![\d/])\d{4}-\d{2}(?:-\d{2})?+(?![\d/]|\.[a-z]+\b)")


def _text_outside_sources(element: Element) -> str:
    """Text of an element without the quoted sources (their names may hold dates as written)."""
    if "sources" in (element.attrs.get("class") or "").split():
        return ""
    return " ".join([*element.text_parts, *(_text_outside_sources(child) for child in element.children)])


@pytest.mark.parametrize("code", ["de", "en", "ar", "uk"])
def test_no_date_is_shown_raw(crawl, code):
    for page in crawl.of(code):
        main = page.document.find("main")
        if main is None:
            continue
        shown = RAW_DATE.findall(_text_outside_sources(main))
        assert not shown, (page.path, shown)
