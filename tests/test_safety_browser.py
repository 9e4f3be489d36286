"""The safety page, the first-visit note and delete everything, in a real browser."""

from __future__ import annotations

import pytest

from tests.conftest import DESKTOP, PHONE
from tests.helpers import axe_violations

pytestmark = pytest.mark.browser

NOTE = "[data-module=first-visit-note]"

# Something in every kind of storage the origin has, and a service worker.
FILL_STORAGE = """async () => {
  localStorage.setItem('wegweiser.plan', 'secret');
  localStorage.setItem('other', 'x');
  sessionStorage.setItem('wegweiser.step', '2');
  for (const name of ['wegweiser', 'another-db']) {
    await new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('plan');
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
  }
  const cache = await caches.open('saved-pages');
  await cache.put('/test-entry', new Response('saved'));
  await caches.open('someone-else');
  // The page registers it (offline.js): under Trusted Types only its own policy may.
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.installing || registration.waiting || registration.active;
  if (worker.state !== 'activated') {
    await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  }
}"""

WHAT_IS_LEFT = """async () => ({
  localStorage: localStorage.length,
  sessionStorage: sessionStorage.length,
  databases: (await indexedDB.databases()).map((db) => db.name),
  caches: await caches.keys(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def test_first_visit_note_shows_once_and_stays_dismissed(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/de/")
    note = page.locator(NOTE)
    note.wait_for()
    assert note.is_visible()
    assert "nicht gelöscht" in note.inner_text()
    assert note.locator("a[href='/de/safety']").is_visible()
    page.set_viewport_size(DESKTOP)
    assert axe_violations(page) == []
    page.set_viewport_size(PHONE)
    assert axe_violations(page) == []
    page.focus(f"{NOTE} button")
    page.keyboard.press("Enter")
    assert note.is_hidden()
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("localStorage.getItem('wegweiser.firstVisitNoteDismissed')") == "1"
    page.goto(live_server + "/en/emergency")
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # the module would have shown it by now
    assert page.locator(NOTE).is_hidden()


def test_first_visit_note_does_not_nag_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/de/")
    assert page.locator(NOTE).is_hidden()
    context.close()


def test_safety_page_has_zero_axe_violations(page, live_server):
    for code in ("de", "en"):
        for size in (PHONE, DESKTOP):
            page.set_viewport_size(size)
            page.goto(f"{live_server}/{code}/safety")
            page.locator(NOTE).wait_for()
            page.locator("[data-delete-everything-start]").wait_for()
            assert axe_violations(page) == [], (code, size)
    page.click("[data-delete-everything-start]")
    assert axe_violations(page) == []


def test_in_page_links_land_below_the_bar(page, live_server):
    """The sticky bar never hides the heading a contents link leads to."""
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/de/safety")
    page.click("nav.safety-contents a[href='#calls']")
    page.wait_for_url("**#calls")
    page.wait_for_timeout(100)
    bar = page.locator(".quick-exit-bar").bounding_box()
    heading = page.locator("#calls").bounding_box()
    assert heading["y"] >= bar["y"] + bar["height"] - 1, (bar, heading)


@pytest.mark.parametrize("path", ["/de/safety", "/en/plan"])
def test_delete_everything_leaves_nothing_behind(page, live_server, path):
    page.goto(live_server + path)
    page.evaluate(FILL_STORAGE)
    page.evaluate("localStorage.setItem('wegweiser.firstVisitNoteDismissed', '1')")
    before = page.evaluate(WHAT_IS_LEFT)
    assert before["localStorage"] == 3 and before["sessionStorage"] == 1 and before["workers"] == 1, before
    assert {"wegweiser", "another-db"} <= set(before["databases"]) and "saved-pages" in before["caches"]

    start = page.locator("[data-delete-everything-start]")
    assert page.locator("[data-delete-everything-no-script]").is_hidden()
    start.click()
    assert start.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "delete-everything-question"
    page.keyboard.press("Escape")  # changing her mind keeps everything
    assert page.locator("#delete-everything-confirm").is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-delete-everything-start')")
    assert page.evaluate("localStorage.length") == 3
    start.click()
    page.click("[data-delete-everything-confirm]")
    done = page.locator("[data-delete-everything-done]")
    done.wait_for()
    assert page.locator("[data-delete-everything-failed]").is_hidden()
    assert done.locator("a[href$='/safety#history']").is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-delete-everything-status')")
    assert axe_violations(page) == []
    assert page.evaluate(WHAT_IS_LEFT) == {
        "localStorage": 0, "sessionStorage": 0, "databases": [], "caches": [], "workers": 0,
    }
    page.reload()
    page.locator(NOTE).wait_for()  # the note's dismissal was deleted too


def test_delete_everything_without_javascript_points_to_the_browser(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/en/safety")
    assert page.locator("[data-delete-everything-no-script]").is_visible()
    assert page.locator("[data-delete-everything-start]").is_hidden()
    context.close()
