"""The help directory in a real browser: the filters on the device and without JavaScript,
accessibility, and tap targets of the call links."""

from __future__ import annotations

from datetime import datetime

import pytest

from pwa.clock import BERLIN
from pwa.directory import is_open
from tests.conftest import PHONE
from tests.helpers import axe_violations

pytestmark = pytest.mark.browser

TUESDAY_4PM = datetime(2025, 6, 3, 16, 0, tzinfo=BERLIN)
SUNDAY_3AM = datetime(2025, 6, 8, 3, 0, tzinfo=BERLIN)


def expected_ids(live_app, when: datetime, city: str, language: str) -> list[str]:
    """What the filters must show, computed from the model with is_open."""
    return [
        s.id
        for s in live_app.state.directory.services()
        if city in s.cities and (language in s.reachable_in or s.interpreters) and is_open(s, when) is True
    ]


def visible_ids(page) -> list[str]:
    hrefs = page.locator("[data-entry]:visible h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [href.rsplit("/", 1)[1] for href in hrefs]


@pytest.fixture
def device(browser):
    """A phone-sized page far from Berlin (the filters must use Berlin time, not the device's),
    without the service worker, so every request the page makes is its own."""
    context = browser.new_context(viewport=PHONE, timezone_id="America/Los_Angeles", service_workers="block")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("when", [TUESDAY_4PM, SUNDAY_3AM], ids=["tuesday-16h", "sunday-3h"])
def test_filters_city_language_open_now_on_the_device(device, live_server, live_app, when):
    page = device
    page.clock.set_fixed_time(when)
    page.goto(live_server + "/de/services")
    page.wait_for_selector("[data-filter-started]", state="attached")
    total = len(live_app.state.directory.services())
    assert len(visible_ids(page)) == total
    history_length = page.evaluate("history.length")

    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.select_option("#filter-city", "Hilden")
    page.select_option("#filter-language", "tr")
    page.check("input[name=open][value=now]")

    expected = expected_ids(live_app, when, "Hilden", "tr")
    # Turkish is one of the Hilfetelefon's interpreter languages; the other line names 19 languages, not which.
    assert expected == ["hilfetelefon-frauen"]
    assert visible_ids(page) == expected
    status = page.locator("[data-filter-status]")
    assert status.get_attribute("role") == "status"
    assert status.text_content() == f"{len(expected)} Angebot{'e' if len(expected) != 1 else ''} gefunden"
    # Groups without a visible entry are hidden with their heading.
    visible_groups = page.locator("[data-group]:visible h2").all_text_contents()
    assert visible_groups == ["Hilfetelefon"]

    # 24/7 and a kind, then the reset: still on the device.
    page.check("input[name=open][value=always]")
    page.select_option("#filter-city", "")
    page.select_option("#filter-language", "")
    page.select_option("#filter-kind", "police")
    assert visible_ids(page) == ["polizeiwachen"]
    page.click("[data-filter-reset]")
    assert len(visible_ids(page)) == total
    assert status.text_content() == f"{total} Angebote gefunden"

    assert requests == [], requests
    assert page.url == live_server + "/de/services"
    assert page.evaluate("history.length") == history_length


def test_filters_work_offline_once_the_page_is_there(device, live_server, live_app):
    page = device
    page.clock.set_fixed_time(TUESDAY_4PM)
    page.goto(live_server + "/de/services")
    page.wait_for_selector("[data-filter-started]", state="attached")
    page.context.set_offline(True)
    page.select_option("#filter-kind", "counselling")
    page.select_option("#filter-city", "Wülfrath")
    page.locator("form.filters button[type=submit]").click()  # submitting filters on the device too
    shown = visible_ids(page)
    assert shown == [s.id for s in live_app.state.directory.services() if s.kind == "counselling"]
    assert page.url == live_server + "/de/services"
    page.context.set_offline(False)


def test_without_javascript_all_entries_grouped_and_the_form_filters(browser, live_server, live_app):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    clock, live_app.state.clock = live_app.state.clock, lambda: TUESDAY_4PM
    try:
        page.goto(live_server + "/de/services")
        services = live_app.state.directory.services()
        assert visible_ids(page) == [s.id for s in services]
        headings = page.locator("[data-group] h2").all_text_contents()
        kinds = []
        for s in services:
            if s.kind_label not in kinds:
                kinds.append(s.kind_label)
        assert headings == kinds
        page.select_option("#filter-city", "Hilden")
        page.select_option("#filter-language", "tr")
        page.check("input[name=open][value=now]")
        page.click("form.filters button[type=submit]")
        page.wait_for_url("**/de/services?*")
        assert "city=Hilden" in page.url and "language=tr" in page.url and "open=now" in page.url
        assert visible_ids(page) == expected_ids(live_app, TUESDAY_4PM, "Hilden", "tr") == ["hilfetelefon-frauen"]
        assert page.locator("[data-filter-status]").text_content() == "1 Angebot gefunden"
        # The form keeps the choice for the next change.
        assert page.locator("#filter-city").input_value() == "Hilden"
        page.click("[data-filter-reset]")
        assert len(visible_ids(page)) == len(services)
    finally:
        live_app.state.clock = clock
        context.close()


def test_zero_axe_violations_on_the_directory_pages(device, live_server):
    page = device
    failures = {}
    for code in ("de", "en"):
        for path in ("/", "/emergency", "/services", "/services/frauenberatung-skfm", "/services/frauenhaus-mettmann"):
            page.goto(f"{live_server}/{code}{path}")
            violations = axe_violations(page)
            if violations:
                failures[f"/{code}{path}"] = violations
    # And with a filter applied on the device.
    page.goto(f"{live_server}/de/services")
    page.wait_for_selector("[data-filter-started]", state="attached")
    page.select_option("#filter-kind", "shelter")
    violations = axe_violations(page)
    if violations:
        failures["/de/services (filtered)"] = violations
    assert not failures, failures


def test_call_links_are_at_least_44_px(device, live_server):
    page = device
    small = []
    checked = 0
    for path in ("/de/", "/de/emergency", "/de/services", "/de/services/polizeiwachen", "/de/services/telefonseelsorge"):
        page.goto(live_server + path)
        for link in page.locator("main a[href^='tel:']").all():
            if not link.is_visible():
                continue
            box = link.bounding_box()
            checked += 1
            if box["height"] < 44 or box["width"] < 44:
                small.append((path, link.get_attribute("href"), box))
    assert checked > 40
    assert not small, small
