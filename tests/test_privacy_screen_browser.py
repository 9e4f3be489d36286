"""The privacy screen in a real browser: the moment a page is hidden, a plain screen covers all
of it (in the same task, so the picture the system takes then shows nothing), and it goes when
she comes back. The plan's own locking is not its business."""

from __future__ import annotations

import pytest

from tests.conftest import PHONE
from tests.helpers import axe_violations

pytestmark = pytest.mark.browser

TEXT_FIELDS = """(e) => (e.tagName === "TEXTAREA" || ["text", "search", "password", "email", "tel", "url", "number"].includes(e.type))
  && e.checkVisibility()"""

# Types into every text field she can see now, as she would have.
TYPE_EVERYWHERE = f"""(text) => {{
  const fields = [...document.querySelectorAll("input, textarea")].filter({TEXT_FIELDS});
  for (const field of fields) field.value = field.type === "number" ? "1" : text;
  return fields.length;
}}"""

# Hides the page as the browser does when she switches apps, looks at once (no await between the
# event and the look: the same task), then shows it again.
HIDE_LOOK_SHOW = f"""() => {{
  const screen = document.querySelector("[data-privacy-screen]");
  const become = (state) => {{
    Object.defineProperty(document, "visibilityState", {{ value: state, configurable: true }});
    document.dispatchEvent(new Event("visibilitychange"));
  }};
  const at = (x, y) => document.elementFromPoint(x, y);
  const centreOf = (element) => {{
    const box = element.getBoundingClientRect();
    return [box.left + box.width / 2, box.top + box.height / 2];
  }};
  const [x, y] = [scrollX, scrollY];
  become("hidden");
  const centre = at(innerWidth / 2, innerHeight / 2) === screen;
  const bar = at(...centreOf(document.querySelector("#quick-exit"))) === screen;
  const fields = [...document.querySelectorAll("input, textarea")].filter((e) => e.value && ({TEXT_FIELDS})(e));
  const uncovered = [];
  for (const field of fields) {{
    field.scrollIntoView({{ block: "center" }});
    if (at(...centreOf(field)) !== screen) uncovered.push(field.id || field.name || field.outerHTML.slice(0, 80));
  }}
  scrollTo(x, y);
  become("visible");
  delete document.visibilityState;  // the browser's own again
  const back = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
  return {{ centre, bar, fields: fields.length, uncovered,
           gone: screen.hidden && back !== screen && getComputedStyle(screen).display === "none" }};
}}"""


# The plan has started: its no-script note is gone and the open plan is shown.
PLAN_OPEN = "() => !document.querySelector('[data-plan-nojs]') && !document.querySelector('[data-plan-sections]').hidden"


def _check(page, path: str, text: str = "Zq-geheim") -> dict:
    typed = page.evaluate(TYPE_EVERYWHERE, text)
    state = page.evaluate(HIDE_LOOK_SHOW)
    assert state["centre"] and state["bar"], (path, state)
    assert state["fields"] == typed and state["uncovered"] == [], (path, state)
    assert state["gone"], (path, state)
    return state


CODES = ["de", "en", "tr", "ar", "uk", "ru", "pl", "fa"]


@pytest.mark.parametrize("code", CODES)
def test_a_hidden_page_is_covered_at_once_and_uncovered_when_she_comes_back(browser, live_server, live_pages, code):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    paths = [*live_pages[code], f"/{code}/no-such-page"]
    typed = 0
    for path in paths:
        page.goto(live_server + path)
        if page.locator("[data-module=plan]").count():
            page.wait_for_function(PLAN_OPEN)
        typed += _check(page, path)["fields"]
    # Her words in the plan's fields were on screen when it was hidden.
    assert len(paths) > 40 and typed > 0, (len(paths), typed)
    context.close()


@pytest.mark.parametrize("code", CODES)
def test_the_plan_with_her_text_is_covered_in_every_language(browser, live_server, code):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(live_server + f"/{code}/plan")
    page.wait_for_function(PLAN_OPEN)
    state = _check(page, f"/{code}/plan")
    assert state["fields"] >= 10, state
    # The plan stays open: its own lock waits for a longer time away.
    assert page.is_visible("[data-plan-sections]") and page.is_hidden("[data-plan-unlock]")
    assert page.input_value("textarea") == "Zq-geheim"
    assert axe_violations(page) == []
    context.close()


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
