"""The quick exit in a real browser: always in view, instant, by keyboard, leaves no app entry
in the history, works offline and after the back/forward cache."""

from __future__ import annotations

import time

import pytest

from tests.conftest import DESKTOP, PHONE, TEST_EXIT_URL

pytestmark = pytest.mark.browser

# Records, in the page, when #quick-exit was clicked (capture phase: before the app's handler)
# and what the page looked like right after the app's handler ran (bubble phase, same task,
# so before any frame could be drawn).
RECORDER = """
(() => {
  const onLink = (event) => event.target instanceof Element && event.target.closest('#quick-exit');
  let sawQuickExitEvent = false;
  document.addEventListener('quickexit', () => { sawQuickExitEvent = true; });
  window.addEventListener('click', (event) => {
    if (onLink(event) && window.__clickedAt) window.__clickedAt(performance.timeOrigin + performance.now());
  }, true);
  window.addEventListener('click', (event) => {
    if (!onLink(event) || !window.__afterClick) return;
    const overlay = document.querySelector('[data-quick-exit-overlay]');
    const box = overlay && overlay.getBoundingClientRect();
    window.__afterClick({
      title: document.title,
      overlay: !!overlay && getComputedStyle(overlay).display !== 'none',
      covers: !!box && box.width >= innerWidth && box.height >= innerHeight,
      contentHidden: getComputedStyle(document.querySelector('main')).visibility === 'hidden',
      quickExitEvent: sawQuickExitEvent,
      sessionStorage: sessionStorage.length,
    });
  });
})();
"""

LINK_STATE = """() => {
  const link = document.getElementById('quick-exit');
  const r = link.getBoundingClientRect();
  const y = r.top + r.height / 2;
  const hits = [r.left + 6, r.left + r.width / 2, r.right - 6].map((x) => {
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === link || link.contains(hit));
  });
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,
          width: r.width, vw: innerWidth, vh: innerHeight, hits,
          visibility: getComputedStyle(link).visibility};
}"""


def _in_view(state: dict) -> list[str]:
    problems = []
    if state["top"] < -0.5 or state["bottom"] > state["vh"] + 0.5:
        problems.append(f"out of view vertically: {state}")
    if state["left"] < -0.5 or state["right"] > state["vw"] + 0.5:
        problems.append(f"out of view horizontally: {state}")
    if not all(state["hits"]):
        problems.append(f"covered: {state}")
    if state["height"] < 44 or state["width"] < 44:
        problems.append(f"smaller than 44px: {state}")
    if state["visibility"] != "visible":
        problems.append("not visible")
    return problems


def test_visible_first_and_never_covered_on_every_page(page, live_server, live_pages):
    """Every page, de and en, phone and desktop: in view without scrolling, right after the
    skip link, still in view and uncovered at the bottom (the first-visit note is showing)."""
    failures: dict[str, list[str]] = {}
    paths = [p for code in ("de", "en") for p in live_pages[code]] + ["/de/no-such-page", "/en/no-such-page"]
    for path in paths:
        page.set_viewport_size(PHONE)
        response = page.goto(live_server + path)
        page.wait_for_selector("[data-module=first-visit-note]:not([hidden])")
        problems = [] if response.status == (404 if "no-such-page" in path else 200) else [f"status {response.status}"]
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") != "quick-exit":
            problems.append("not right after the skip link")
        for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(size)
            page.evaluate("window.scrollTo(0, 0)")
            problems += [f"{name} top: {p}" for p in _in_view(page.evaluate(LINK_STATE))]
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            if page.evaluate("scrollY") == 0 and page.evaluate("document.documentElement.scrollHeight > innerHeight + 1"):
                problems.append(f"{name}: did not scroll")
            problems += [f"{name} bottom: {p}" for p in _in_view(page.evaluate(LINK_STATE))]
        if problems:
            failures[path] = problems
    print(f"\nquick exit in view: {len(paths)} pages x phone {PHONE} and desktop {DESKTOP}")
    assert not failures, failures


def test_without_javascript_the_link_leaves_without_a_referrer(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    requests = []

    def fulfil(route):
        requests.append(route.request)
        route.fulfill(content_type="text/html", body="<title>Wetter</title>ok")

    context.route("https://example.org/**", fulfil)
    page = context.new_page()
    for path in ("/de/", "/en/safety"):
        page.goto(live_server + path)
        page.click("#quick-exit")
        page.wait_for_url(TEST_EXIT_URL)
        assert "referer" not in {k.lower() for k in requests[-1].headers}
    context.close()


@pytest.mark.parametrize(
    "path,viewport", [("/de/", PHONE), ("/en/services", DESKTOP), ("/de/plan", PHONE), ("/en/no-such-page", DESKTOP)]
)
def test_click_covers_the_page_at_once_and_leaves_within_100ms(context, exit_stub, live_server, path, viewport):
    clicks: list[float] = []
    after: list[dict] = []
    context.expose_function("__clickedAt", lambda t: clicks.append(t))
    context.expose_function("__afterClick", lambda s: after.append(s))
    context.add_init_script(RECORDER)

    def answer_a_little_later(route):
        # The old document lives on until the answer arrives, so the recorder's messages get out
        # on a busy machine too; the new document's timeOrigin is still the navigation's start.
        time.sleep(0.2)
        route.fallback()

    context.route(TEST_EXIT_URL, answer_a_little_later)
    page = context.new_page()
    page.set_viewport_size(viewport)
    page.goto(live_server + path)
    page.evaluate("sessionStorage.setItem('wegweiser.test', '1')")
    entries = page.evaluate("history.length")
    page.click("#quick-exit")
    page.wait_for_url(TEST_EXIT_URL)
    arrived = page.evaluate("performance.timeOrigin")
    for _ in range(50):
        if clicks and after:
            break
        page.wait_for_timeout(20)
    assert clicks and after, "the click was not recorded"
    elapsed = arrived - clicks[0]
    print(f"\n{path} at {viewport['width']}x{viewport['height']}: click to navigation start {elapsed:.1f} ms")
    assert 0 <= elapsed < 100
    state = after[0]
    assert state["overlay"] and state["covers"] and state["contentHidden"], state
    assert state["title"] == "example.org", state
    assert state["quickExitEvent"], state
    assert state["sessionStorage"] == 0, state
    assert exit_stub == [TEST_EXIT_URL]
    assert page.evaluate("history.length") == entries  # replaced, not added


# The exit's own modules: app.js starts it before anything else, with names.js for its event.
EXIT_MODULES = {"app.js", "quick-exit.js", "names.js"}
PAGE_MODULES = {"plan.js", "delete-everything.js", "first-visit-note.js"}  # on /de/plan


@pytest.mark.parametrize("trouble", ["app.js's other import throws", "the page's modules throw", "the page's modules never arrive"])
def test_the_exit_is_ready_before_anything_else_runs(browser, live_server, trouble):
    """Whatever the other scripts do, the exit works fully: app.js starts it first, so a module
    that throws cannot stop it, and it waits for none of the page's modules."""
    context = browser.new_context(viewport=PHONE, service_workers="block")

    def answer_a_little_later(route):
        time.sleep(0.2)  # so that the recorder's message gets out of the old document first
        route.fulfill(content_type="text/html", body="<title>W</title>ok")

    context.route("https://example.org/**", answer_a_little_later)
    after: list[dict] = []
    context.expose_function("__afterClick", lambda s: after.append(s))
    context.expose_function("__clickedAt", lambda t: None)
    context.add_init_script(RECORDER)
    troubled: list[str] = []
    held = []

    def meddle(route):
        name = route.request.url.rsplit("/", 1)[1]
        if not name.endswith(".js") or name in EXIT_MODULES:
            return route.fallback()
        if trouble == "app.js's other import throws" or (trouble == "the page's modules throw" and name in PAGE_MODULES):
            troubled.append(name)
            return route.fulfill(content_type="text/javascript", body='throw new Error("broken on purpose");')
        if trouble == "the page's modules never arrive" and name in PAGE_MODULES:
            troubled.append(name)
            return held.append(route)  # never answered
        return route.fallback()

    context.route(f"{live_server}/static/**", meddle)
    page = context.new_page()
    page.goto(live_server + "/de/plan", wait_until="domcontentloaded")
    expected = {"same-entry-navigation.js"} if trouble == "app.js's other import throws" else PAGE_MODULES
    for _ in range(100):
        if expected <= set(troubled):
            break
        page.wait_for_timeout(20)
    assert expected <= set(troubled), troubled
    page.wait_for_timeout(200)
    assert page.locator("[data-plan-nojs]").count() == 1, "the plan module did not start"
    page.evaluate("sessionStorage.setItem('wegweiser.test', '1')")
    entries = page.evaluate("history.length")
    page.click("#quick-exit")
    page.wait_for_url(TEST_EXIT_URL)
    for _ in range(50):
        if after:
            break
        page.wait_for_timeout(20)
    assert after, "the click was not recorded"
    state = after[0]
    assert state["overlay"] and state["covers"] and state["title"] == "example.org", state
    assert state["quickExitEvent"] and state["sessionStorage"] == 0, state
    assert page.evaluate("history.length") == entries  # replaced, not added
    for route in held:
        route.abort()
    context.close()


def test_tap_enter_and_space_leave_too(browser, live_server):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.route("https://example.org/**", lambda r: r.fulfill(content_type="text/html", body="<title>W</title>ok"))
    page = context.new_page()
    for how in ("tap", "Enter", "Space"):
        page.goto(live_server + "/de/emergency")
        if how == "tap":
            page.tap("#quick-exit")
        else:
            page.focus("#quick-exit")
            page.keyboard.press(how)
        page.wait_for_url(TEST_EXIT_URL)
    context.close()


def _status(page) -> str:
    return page.evaluate("document.querySelector('[data-quick-exit-status]').textContent").strip()


def _said(page, key: str) -> str:
    return page.get_attribute(".quick-exit-bar", f"data-quick-exit-{key}").strip()


def test_shift_three_times_counts_resets_and_speaks(page, exit_stub, live_server):
    page.clock.install()
    page.goto(live_server + "/de/safety")
    page.wait_for_selector("[data-module=first-visit-note]:not([hidden])")
    assert _status(page) == ""
    page.keyboard.press("Shift")
    assert _status(page) == _said(page, "two-more")
    page.keyboard.press("Shift")
    assert _status(page) == _said(page, "one-more")
    page.keyboard.press("a")  # any other key resets
    assert _status(page) == _said(page, "reset")
    page.keyboard.press("Shift")
    assert _status(page) == _said(page, "two-more")
    # Capital letters: the Shift held for them never counts, and the letter resets.
    for letter in ("Shift+H", "Shift+A", "Shift+L"):
        page.keyboard.press(letter)
    assert _status(page) == _said(page, "reset")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert _status(page) == _said(page, "one-more")
    page.clock.run_for(5100)  # a pause resets
    assert _status(page) == _said(page, "reset")
    page.keyboard.press("Shift")
    assert _status(page) == _said(page, "two-more")
    page.clock.run_for(4000)  # each press restarts the 5 seconds
    page.keyboard.press("Shift")
    page.clock.run_for(4000)
    assert _status(page) == _said(page, "one-more")
    assert exit_stub == [] and page.url.startswith(live_server)
    # Left and right Shift both count, mixed and overlapping.
    page.keyboard.press("a")
    page.keyboard.down("ShiftLeft")
    page.keyboard.down("ShiftRight")
    page.keyboard.up("ShiftLeft")
    page.keyboard.up("ShiftRight")
    assert _status(page) == _said(page, "one-more")
    page.keyboard.press("ShiftLeft")
    page.wait_for_url(TEST_EXIT_URL)
    assert exit_stub == [TEST_EXIT_URL]


def test_shift_three_times_works_while_typing_in_a_field(page, exit_stub, live_server):
    page.goto(live_server + "/en/services")
    page.evaluate("""() => {
      const input = document.createElement('input');
      input.id = 'typing'; input.setAttribute('aria-label', 'test');
      document.querySelector('main').prepend(input);
    }""")
    page.click("#typing")
    page.keyboard.type("Hallo")
    page.keyboard.press("Shift+W")
    assert exit_stub == []
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(TEST_EXIT_URL)


START_PAGE = "https://example.org/start"


def test_after_exit_back_leads_out_of_the_app(context, exit_stub, live_server):
    """Start outside, visit pages through links and a form, exit, go back: not on an app page."""
    context.route(
        START_PAGE,
        lambda route: route.fulfill(
            content_type="text/html",
            body=f'<!doctype html><title>Start</title><a id="in" href="{live_server}/de/">Wegweiser</a>',
        ),
    )
    page = context.new_page()
    page.goto(START_PAGE)
    page.click("#in")
    page.wait_for_url(live_server + "/de/")
    entries = page.evaluate("history.length")  # the new tab's blank page, the start page, the app
    for href in ("/de/emergency", "/de/services", "/de/safety"):
        page.click(f"nav.site-nav a[href='{href}']")
        page.wait_for_url(live_server + href)
        assert page.evaluate("history.length") == entries, href
    # In-page links and the skip link replace too.
    page.click("nav.safety-contents a[href='#calls']")
    page.wait_for_url(live_server + "/de/safety#calls")
    page.focus("a.skip-link")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server + "/de/safety#main")
    assert page.evaluate("document.activeElement.id") == "main"
    # A GET form of the app (like the directory's filters).
    page.evaluate("""() => {
      const form = document.createElement('form');
      form.action = '/de/services'; form.method = 'get';
      // Built from elements: the page's Trusted Types policy refuses HTML strings.
      const city = Object.assign(document.createElement('input'), {name: 'city', value: 'Mettmann'});
      const go = Object.assign(document.createElement('button'), {name: 'go', value: '1', textContent: 'Go'});
      form.append(city, go);
      document.querySelector('main').append(form);
    }""")
    page.click("main form button")
    page.wait_for_url(live_server + "/de/services?city=Mettmann&go=1")
    # The language switch.
    page.click("details.language-switch summary")
    page.click("details.language-switch a[hreflang=en]")
    page.wait_for_url(live_server + "/en/services")
    assert page.evaluate("history.length") == entries
    page.click("#quick-exit")
    page.wait_for_url(TEST_EXIT_URL)
    page.go_back()
    assert page.url == START_PAGE
    assert not page.url.startswith(live_server)


def test_modified_clicks_and_other_links_are_left_alone(page, live_server):
    page.goto(live_server + "/de/")
    decide = """async ([attributes, init]) => {
      const {linkTarget} = await import(document.querySelector('script[type=module]').src.replace('app.js', 'same-entry-navigation.js'));
      const holder = document.createElement('div');
      // A link made from its attributes: the page's Trusted Types policy refuses HTML strings.
      const made = document.createElement('a');
      for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
      made.textContent = 'x';
      holder.append(made);
      document.querySelector('main').append(holder);
      const link = holder.firstElementChild;
      let result = 'unset';
      // Decide, then keep the click from reaching the app's own listener and the browser.
      const listen = (event) => { result = linkTarget(event); event.stopPropagation(); event.preventDefault(); };
      window.addEventListener('click', listen, {capture: true, once: true});
      link.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, ...init}));
      holder.remove();
      return result;
    }"""
    own = f"{live_server}/de/services"
    assert page.evaluate(decide, [{"href": "/de/services"}, {}]) == own
    assert page.evaluate(decide, [{"href": "#main"}, {}]) == f"{live_server}/de/#main"
    for init in ({"ctrlKey": True}, {"metaKey": True}, {"shiftKey": True}, {"altKey": True}, {"button": 1}):
        assert page.evaluate(decide, [{"href": "/de/services"}, init]) is None, init
    for attributes in (
        {"href": "tel:+49110"},
        {"href": "mailto:a@example.org"},
        {"href": "https://www.hilfetelefon.de/"},
        {"href": "/de/services", "download": ""},
        {"href": "/de/services", "target": "_blank"},
    ):
        assert page.evaluate(decide, [attributes, {}]) is None, attributes


def test_scripts_cannot_add_history_entries(page, live_server):
    page.goto(live_server + "/de/")
    before = page.evaluate("history.length")
    page.evaluate("history.pushState(null, '', '/de/emergency')")
    assert page.evaluate("history.length") == before


def test_exit_while_offline_covers_and_leaves(context, live_server):
    page = context.new_page()
    page.goto(live_server + "/de/plan")
    context.set_offline(True)
    # Activate and read the page in the same task: covered before anything else could happen.
    state = page.evaluate("""() => {
      document.getElementById('quick-exit').click();
      const overlay = document.querySelector('[data-quick-exit-overlay]');
      return {overlay: getComputedStyle(overlay).display !== 'none',
              contentHidden: getComputedStyle(document.querySelector('main')).visibility === 'hidden',
              title: document.title};
    }""")
    assert state == {"overlay": True, "contentHidden": True, "title": "example.org"}
    page.wait_for_function("() => !document.getElementById('quick-exit')")
    assert not page.url.startswith(live_server), page.url
    context.set_offline(False)


def test_back_forward_cache_return_shows_the_page_again(browser_type, browser_type_launch_args, live_server):
    """A page restored from the back/forward cache has no overlay, its title, and a fresh count."""
    browser = browser_type.launch(**browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"])
    context = browser.new_context()
    # An exit target that answers "204 No Content" keeps the page where it is, covered.
    context.route(TEST_EXIT_URL, lambda route: route.fulfill(status=204))
    context.route("https://example.org/away", lambda r: r.fulfill(content_type="text/html", body="<title>away</title>ok"))
    context.add_init_script("addEventListener('pageshow', (e) => { window.__restored = e.persisted; });")
    page = context.new_page()
    page.goto(live_server + "/de/emergency")
    title = page.title()
    page.keyboard.press("Shift")
    page.click("#quick-exit")
    page.wait_for_timeout(200)
    assert page.url == live_server + "/de/emergency"
    assert page.evaluate("document.documentElement.classList.contains('quick-exit-active')")
    assert page.title() != title
    page.goto("https://example.org/away")
    page.go_back(wait_until="commit")  # a restored page fires no load event
    page.wait_for_function("window.__restored !== undefined")
    assert page.evaluate("window.__restored") is True, "not restored from the back/forward cache"
    assert page.title() == title
    assert page.is_hidden("[data-quick-exit-overlay]")
    assert page.is_visible("main")
    assert page.evaluate("getComputedStyle(document.querySelector('main')).visibility") == "visible"
    page.keyboard.press("Shift")
    assert _status(page) == _said(page, "two-more")
    context.close()
    browser.close()


def test_stays_in_view_when_the_visible_area_moves(browser, live_server):
    """Zoomed in, or with an on-screen keyboard, the visible area moves inside the page: the bar
    moves with it."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server + "/de/safety")
    cdp = context.new_cdp_session(page)
    page.evaluate("scrollTo(0, 1500)")
    cdp.send("Emulation.setPageScaleFactor", {"pageScaleFactor": 2})
    page.mouse.wheel(0, 300)
    page.wait_for_function("visualViewport.offsetTop > 50")
    page.wait_for_timeout(100)
    state = page.evaluate("""() => {
      const box = document.getElementById('quick-exit').getBoundingClientRect();
      return {top: box.top, bottom: box.bottom, from: visualViewport.offsetTop,
              to: visualViewport.offsetTop + visualViewport.height};
    }""")
    assert state["from"] - 0.5 <= state["top"] and state["bottom"] <= state["to"] + 0.5, state
    context.close()
