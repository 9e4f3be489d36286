"""Pages in a real browser: tab order, the language switch, the root redirect, no layout shift.

Every page's language, direction and axe-core result, the page for an unknown address
included, are checked in every language by test_locales_browser."""

from __future__ import annotations

import pytest

from tests.conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/de/", "/en/services", "/de/does-not-exist"])
def test_tab_order_skip_link_then_quick_exit(page, live_server, path):
    page.goto(live_server + path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"


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
    for locale, expected in (("en-GB", "/en/"), ("de-DE", "/de/"), ("fr-FR", "/fr/"), ("ja-JP", "/de/")):
        context = browser.new_context(locale=locale)
        page = context.new_page()
        page.goto(live_server + "/")
        assert page.url == live_server + expected, locale
        context.close()


CLS_RECORDER = """
window.__shifts = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.parametrize("dismissed", [False, True])
def test_pages_do_not_jump_while_loading(context, live_server, dismissed):
    """The first-visit note and the scripts change nothing that pushes the page around."""
    context.add_init_script(CLS_RECORDER)
    if dismissed:
        context.add_init_script("localStorage.setItem('wegweiser.firstVisitNoteDismissed', '1')")
    page = context.new_page()
    page.set_viewport_size(PHONE)
    shifts = {}
    for path in ("/de/", "/de/services", "/ar/plan", "/en/emergency"):
        page.goto(live_server + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)
        note_shown = page.locator("[data-module=first-visit-note]").is_visible()
        assert note_shown is (not dismissed), path
        shifts[path] = round(page.evaluate("window.__shifts"), 3)
    assert all(value < 0.05 for value in shifts.values()), shifts
