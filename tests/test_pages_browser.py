"""Every page in a real browser: language and direction, tab order, accessibility."""

from __future__ import annotations

import pytest

from tests.conftest import PHONE
from tests.helpers import axe_violations

pytestmark = pytest.mark.browser


def test_every_page_right_language_and_zero_axe_violations(page, live_server, live_pages):
    page.set_viewport_size(PHONE)
    failures = {}
    for code in ("de", "en"):
        for path in live_pages[code]:
            response = page.goto(live_server + path)
            assert response.status == 200, path
            assert page.get_attribute("html", "lang") == code
            assert page.get_attribute("html", "dir") == "ltr"
            violations = axe_violations(page)
            if violations:
                failures[path] = violations
    assert not failures, failures


@pytest.mark.parametrize("path", ["/de/", "/en/services", "/de/does-not-exist"])
def test_tab_order_skip_link_then_quick_exit(page, live_server, path):
    page.goto(live_server + path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"


def test_not_found_page_has_zero_axe_violations(page, live_server):
    for path in ("/de/nope", "/en/nope"):
        response = page.goto(live_server + path)
        assert response.status == 404
        assert axe_violations(page) == [], path


def test_language_switch_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/de/emergency")
    page.click("details.language-switch summary")
    page.click("details.language-switch a[hreflang=en]")
    assert page.url == live_server + "/en/emergency"
    assert page.get_attribute("html", "lang") == "en"
    context.close()


def test_root_redirect_follows_browser_language(browser, live_server):
    for locale, expected in (("en-GB", "/en/"), ("de-DE", "/de/"), ("fr-FR", "/de/")):
        context = browser.new_context(locale=locale)
        page = context.new_page()
        page.goto(live_server + "/")
        assert page.url == live_server + expected, locale
        context.close()
