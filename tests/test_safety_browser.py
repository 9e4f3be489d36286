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


# Whether the browser's HTTP cache still holds an address: "only-if-cached" never goes to the
# network, so it fails for what is not (or no longer) in that cache.
IN_HTTP_CACHE = """async (url) => {
  try {
    await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' });
    return true;
  } catch (error) {
    return false;
  }
}"""


def delete_everything(page) -> None:
    page.click("[data-delete-everything-start]")
    page.click("[data-delete-everything-confirm]")
    page.locator("[data-delete-everything-done]").wait_for()


def test_delete_everything_empties_the_browsers_own_cache_of_the_site(browser, live_server):
    # No worker here, so what is fetched comes from the HTTP cache, not from the worker's.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(live_server + "/de/safety")
    stylesheet = page.evaluate("document.querySelector('link[rel=stylesheet]').href")
    assert "/static/" in stylesheet  # a year-long, immutable address
    page.goto(live_server + "/de/emergency")
    page.goto(live_server + "/de/safety")
    cached = [stylesheet, live_server + "/de/emergency"]
    assert [page.evaluate(IN_HTTP_CACHE, url) for url in cached] == [True, True]
    with page.expect_response("**/clear-site-data") as answer:
        delete_everything(page)
    assert answer.value.all_headers()["clear-site-data"] == '"cache", "storage"'
    assert page.locator("[data-delete-everything-failed]").is_hidden()
    assert [page.evaluate(IN_HTTP_CACHE, url) for url in cached] == [False, False]
    context.close()


def test_after_delete_everything_the_app_saves_nothing_until_opened_again(context, live_server):
    page = context.new_page()
    page.goto(live_server + "/en/plan")
    page.evaluate(FILL_STORAGE)
    delete_everything(page)
    left = page.locator("[data-delete-everything-left] > li")
    assert left.count() == 4
    for where in ("/en/safety#history", "/en/safety#app-icon"):
        assert page.locator(f"[data-delete-everything-left] a[href='{where}']").is_visible()
    assert axe_violations(page) == []
    # The done message's own link, then on through the app: no worker, nothing saved again.
    page.click("[data-delete-everything-left] a[href='/en/safety#history']")
    page.wait_for_url("**/en/safety#history")
    page.click(".site-footer a[href='/en/about']")
    page.wait_for_url("**/en/about")
    page.wait_for_timeout(3000)  # a worker would have saved the pages by now
    assert page.evaluate(WHAT_IS_LEFT) == {
        "localStorage": 0, "sessionStorage": 0, "databases": [], "caches": [], "workers": 0,
    }
    # Opening the app again, on purpose: it works offline again.
    again = context.new_page()
    again.goto(live_server + "/en/")
    again.evaluate("navigator.serviceWorker.ready")
    assert again.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 1


def test_only_the_apps_own_pages_can_ask_to_clear_the_site(page, live_server):
    """Another site must not be able to wipe her plan with a hidden form."""
    page.goto(live_server + "/de/safety")
    page.evaluate("localStorage.setItem('wegweiser.plan', 'kept')")
    form = page.context.new_page()
    form.set_content(
        f'<form method="post" action="{live_server}/clear-site-data"><button>go</button></form>'
    )
    with form.expect_response("**/clear-site-data") as answer:
        form.click("button")
    assert answer.value.status == 403 and "clear-site-data" not in answer.value.headers
    page.reload()
    assert page.evaluate("localStorage.getItem('wegweiser.plan')") == "kept"


def test_delete_everything_without_javascript_points_to_the_browser(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/en/safety")
    assert page.locator("[data-delete-everything-no-script]").is_visible()
    assert page.locator("[data-delete-everything-start]").is_hidden()
    context.close()
