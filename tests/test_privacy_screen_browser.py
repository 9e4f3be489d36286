"""The privacy screen in a real browser: the moment a page is hidden, a plain screen covers all
of it (in the same task, so the picture the system takes then shows nothing), and it goes when
she comes back. The plan's own locking is not its business."""

from __future__ import annotations

import pytest

from pwa.i18n import enabled_codes
from pwa.settings import ROOT
from tests import page_walk
from tests.conftest import PHONE
from tests.page_scripts import HIDE_LOOK_SHOW
from tests.page_walk import assert_passes

pytestmark = pytest.mark.browser

CODES = enabled_codes(ROOT / "locales")


# On the walk through every page (tests/page_walk.py): her words typed into every text field she
# can see, the page hidden and looked at, then shown again.
@pytest.mark.parametrize("code", CODES)
def test_a_hidden_page_is_covered_at_once_and_uncovered_when_she_comes_back(page_walks, code):
    walk = page_walks(code)
    assert_passes(walk, page_walk.PRIVACY_SCREEN)
    # Her words in the plan's fields were on screen when it was hidden.
    assert len(walk.paths) > 40 and walk.typed > 0, (len(walk.paths), walk.typed)


@pytest.mark.parametrize("code", CODES)
def test_the_plan_with_her_text_is_covered_in_every_language(page_walks, code):
    """At least ten fields covered; the plan stays open (its own lock waits for a longer time
    away), her text still in it, and still zero axe-core violations."""
    assert_passes(page_walks(code), page_walk.PLAN_COVERED, on=[f"/{code}/plan"])


def test_the_screen_needs_none_of_the_pages_modules(browser, live_server):
    """Started by app.js right after the quick exit: a plan module that never arrives changes nothing."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    held = []

    def hold_the_plan(route):
        name = route.request.url.rsplit("/", 1)[1]
        return held.append(route) if name.startswith("plan") and name.endswith(".js") else route.fallback()

    context.route(f"{live_server}/static/**", hold_the_plan)
    page = context.new_page()
    page.goto(live_server + "/de/plan", wait_until="domcontentloaded")
    for _ in range(100):  # app.js asks for the plan's module once it and its imports have run
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the plan's module was asked for"
    page.wait_for_timeout(200)
    state = page.evaluate(HIDE_LOOK_SHOW)
    assert state["centre"] and state["bar"] and state["gone"], state
    for route in held:
        route.abort()
    context.close()


def test_a_page_back_from_the_cache_shows_itself_again(browser, live_server):
    """Kept in the back/forward cache while hidden, it comes back with a pageshow event."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(live_server + "/de/emergency")
    state = page.evaluate("""() => {
      const screen = document.querySelector("[data-privacy-screen]");
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
      const covered = !screen.hidden;
      delete document.visibilityState;
      window.dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true }));
      return { covered, back: screen.hidden };
    }""")
    assert state == {"covered": True, "back": True}
    context.close()
