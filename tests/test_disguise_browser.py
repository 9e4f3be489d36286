"""The disguise in Chromium: setting it up, the code in every cover and every language, the help
part carrying the cover's name and icon, locking after the quick exit and after being hidden,
removing it, "delete everything", other tabs, installing, and axe on the disguise page."""

from __future__ import annotations

import json

import pytest

from pwa.i18n import enabled_codes
from pwa.settings import ROOT

from pwa import covers
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, TEST_EXIT_URL
from tests.helpers import axe_violations
from tests.test_covers_browser import cover_url, press, typed
from tests.test_offline_browser import READY, wait_until

pytestmark = pytest.mark.browser

CODE = "0042"
# What the page shows others and what it keeps, read in one go.
SNAPSHOT = """() => ({
  title: document.title,
  icon: document.querySelector("link[rel=icon]").getAttribute("href"),
  manifest: document.querySelector("link[rel=manifest]").getAttribute("href"),
  theme: document.querySelector("meta[name=theme-color]").getAttribute("content"),
  exit: document.getElementById("quick-exit") && document.getElementById("quick-exit").getAttribute("href"),
  local: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
  session: Object.fromEntries(Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)])),
})"""
# A page hidden and seen again, as when she switches apps and comes back.
HIDE = """(hidden) => {
  Object.defineProperty(document, "visibilityState", {configurable: true, get: () => hidden ? "hidden" : "visible"});
  Object.defineProperty(document, "hidden", {configurable: true, get: () => hidden});
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def set_up(page, base: str, code: str = "de", cover_id: str = "calculator", digits: str = CODE, minutes: int | None = None) -> None:
    page.goto(f"{base}/{code}/disguise")
    page.check(f"#cover-{cover_id}")
    page.fill("#disguise-code", digits)
    page.fill("#disguise-code-again", digits)
    if minutes is not None:
        page.select_option("#disguise-lock-after", str(minutes))
    page.click("[data-disguise-form] button[type=submit]")
    page.locator("[data-disguise-current]").wait_for()


def title_of(app, cover_id: str, code: str) -> str:
    return app.state.templates.gettext(code, covers.BY_ID[cover_id].name)


def enter_code(page, cover_id: str, text: str, code: str) -> None:
    """Enters ``text`` the way the cover takes input."""
    if cover_id == "calculator":
        press(page, " ".join(text) + " =")
    elif cover_id == "shopping-list":
        page.fill("#list-new", typed(text, code))
        page.press("#list-new", "Enter")
    else:
        page.fill("#converter-amount", typed(text, code))
        page.click(".converter > button[type=submit]")


def cover_display(page, cover_id: str) -> str:
    selector = {"calculator": "[data-calculator-display]", "shopping-list": "[data-list-items]", "converter": "[data-converter-result]"}
    return page.locator(selector[cover_id]).inner_text()


def test_setting_up_stores_only_a_salted_hash_and_disguises_the_page(page, live_server, live_app):
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/de/disguise")
    own_title = page.title()
    # Mistakes are said in the page, and nothing is stored.
    page.fill("#disguise-code", "12")
    page.fill("#disguise-code-again", "12")
    page.click("[data-disguise-form] button[type=submit]")
    error = page.locator("[data-disguise-error]")
    assert error.inner_text() == live_app.state.templates.gettext("de", "Der Code braucht %(low)s bis %(high)s Ziffern, und nur Ziffern.") % {"low": 4, "high": 12}
    assert page.evaluate("document.activeElement.id") == "disguise-code"
    page.fill("#disguise-code", "123456")
    page.fill("#disguise-code-again", "123465")
    page.click("[data-disguise-form] button[type=submit]")
    assert error.inner_text() == live_app.state.templates.gettext("de", "Die beiden Codes sind nicht gleich.")
    assert page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('tools.'))") == []

    set_up(page, live_server, "de", "converter", "۱۲۳۴۵۶", minutes=5)
    state = page.evaluate(SNAPSHOT)
    record = json.loads(state["local"]["tools.lock"])
    assert set(record) == {"version", "tool", "title", "start", "manifest", "theme", "home", "lockAfter", "salt", "hash", "iterations"}
    assert record["tool"] == "converter" and record["home"] == "/de/" and record["lockAfter"] == 5 * 60000
    assert record["start"] == covers.start_path(covers.BY_ID["converter"], "de") and record["iterations"] >= 600000
    assert "123456" not in json.dumps(state["local"]) + json.dumps(state["session"]), "the code itself is never stored"
    assert state["session"] == {"tools.lock.open": "0"}, "the tab that set it is open"
    assert state["title"] == title_of(live_app, "converter", "de") != own_title
    assert state["icon"].endswith("/icons/converter.svg") and state["manifest"] == record["manifest"]
    assert state["theme"] == covers.BY_ID["converter"].theme and state["exit"] == record["start"]
    assert page.locator("[data-disguise-current-name]").inner_text() == record["title"]
    assert page.locator("[data-disguise-steps=converter]").is_visible()
    assert page.locator("[data-disguise-steps=calculator]").is_hidden()
    assert page.evaluate("document.activeElement.id") == "disguise-current-title"


@pytest.mark.parametrize("code", enabled_codes(ROOT / "locales"))
def test_the_right_code_opens_and_a_wrong_one_changes_only_the_covers_display(browser, live_server, live_app, code):
    if code not in live_app.state.templates.codes:
        pytest.skip(f"{code} is not enabled")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    set_up(page, live_server, code, "calculator")
    for cover in covers.COVERS:
        page.goto(cover_url(live_server, cover.id, code))
        assert page.evaluate("sessionStorage.length") == 0, "a cover is the locked place"
        before = page.evaluate(SNAPSHOT)
        entries = page.evaluate("history.length")
        shown = cover_display(page, cover.id)
        enter_code(page, cover.id, "0043", code)
        page.wait_for_timeout(1500)  # longer than the hash takes
        after = page.evaluate(SNAPSHOT)
        assert page.url == cover_url(live_server, cover.id, code), (cover.id, code)
        assert page.evaluate("history.length") == entries
        assert cover_display(page, cover.id) != shown, "it behaves as the cover does: it shows the number"
        if cover.id == "shopping-list":  # a new item is the list's own data
            assert json.loads(after["local"].pop("tools.shopping-list")) == [{"text": typed("0043", code), "done": False}]
        assert after == before, (cover.id, code)
        assert page.locator("[role=alert], [data-disguise-error]").count() == 0
        with page.expect_navigation():
            enter_code(page, cover.id, CODE, code)
        page.wait_for_load_state()
        assert page.url == f"{live_server}/{code}/", (cover.id, code)
        assert page.title() == title_of(live_app, "calculator", code)
        assert page.locator("#quick-exit").get_attribute("href") == covers.start_path(covers.BY_ID["calculator"], code)
        if cover.id == "shopping-list":
            stored = json.loads(page.evaluate("localStorage.getItem('tools.shopping-list')"))
            assert stored == [{"text": typed("0043", code), "done": False}], "the code as an item is not kept"
    context.close()


def test_while_disguised_every_help_page_carries_the_covers_name_and_icon(browser, live_server, live_app):
    context = browser.new_context(viewport=PHONE)
    # The title as early as a script can see it: when the document is parsed.
    context.add_init_script("""document.addEventListener("DOMContentLoaded", () => { window.__titleAtParse = document.title; });""")
    page = context.new_page()
    set_up(page, live_server, "tr", "shopping-list")
    name = title_of(live_app, "shopping-list", "tr")
    for path in live_app.state.site.page_paths("tr") + ["/de/", "/ar/emergency", "/tr/no-such-page"]:
        page.goto(live_server + path)
        state = page.evaluate(SNAPSHOT)
        assert state["title"] == name and page.evaluate("window.__titleAtParse") == name, path
        assert state["icon"].endswith("/icons/shopping-list.svg"), path
        assert state["manifest"] == covers.manifest_path(covers.BY_ID["shopping-list"], "tr"), path
        assert state["exit"] == covers.start_path(covers.BY_ID["shopping-list"], "tr"), path
    icon = page.evaluate("fetch(document.querySelector('link[rel=icon]').href).then((r) => r.status)")
    assert icon == 200
    context.close()


def test_the_quick_exit_lands_on_the_locked_cover(browser, live_server, live_app):
    context = browser.new_context(viewport=PHONE)
    context.route("https://example.org/**", lambda route: route.fulfill(content_type="text/html", body="<title>x</title>"))
    reached: list[str] = []
    context.on("request", lambda request: reached.append(request.url) if request.url.startswith("https://example.org") else None)
    page = context.new_page()
    set_up(page, live_server, "ar", "calculator")
    start = covers.start_path(covers.BY_ID["calculator"], "ar")
    for exit_by in ("click", "shift", "installed"):
        if exit_by == "installed":  # the same inside the installed cover
            page.add_init_script("""window.matchMedia = ((original) => (query) => query.includes("standalone")
              ? {matches: true, media: query, addEventListener() {}, removeEventListener() {}} : original(query))(window.matchMedia.bind(window));""")
        page.goto(live_server + "/ar/plan")
        if page.url != live_server + "/ar/plan":
            enter_code(page, "calculator", CODE, "ar")
            page.wait_for_url(live_server + "/ar/")
            page.goto(live_server + "/ar/plan")
        entries = page.evaluate("history.length")
        if exit_by == "shift":
            for _ in range(3):
                page.keyboard.press("Shift")
            page.wait_for_url(live_server + start)
        else:
            page.click("#quick-exit")
            page.wait_for_url(live_server + start)
        assert page.get_attribute("body", "data-cover-page") == "calculator"
        assert page.evaluate("history.length") == entries, "the cover replaces the page"
        assert page.evaluate("sessionStorage.length") == 0
        # Locked: any page of the help part goes to the cover, until the code is entered.
        page.goto(live_server + "/ar/services")
        page.wait_for_url(live_server + start)
        assert page.title() == title_of(live_app, "calculator", "ar")
    assert reached == [], "never to the neutral site while disguised"
    context.close()


def test_hidden_longer_than_the_timeout_locks_again(browser, live_server, live_app):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.install()
    set_up(page, live_server, "de", "converter", minutes=2)
    start = covers.start_path(covers.BY_ID["converter"], "de")
    page.goto(live_server + "/de/plan")
    page.evaluate(HIDE, True)
    page.clock.fast_forward("01:50")
    page.evaluate(HIDE, False)
    page.wait_for_timeout(300)
    assert page.url == live_server + "/de/plan", "back within the time: still open"
    assert page.evaluate("sessionStorage.getItem('tools.lock.open')") == "0"
    page.evaluate(HIDE, True)
    page.clock.fast_forward("02:01")
    with page.expect_navigation():
        page.evaluate(HIDE, False)
    page.wait_for_url(live_server + start)
    assert page.evaluate("sessionStorage.length") == 0
    # Hidden too long, and the page loaded again (a tab the browser had put away, restored):
    # the cover at once, before anything of the page is drawn.
    enter_code(page, "converter", CODE, "de")
    page.wait_for_url(live_server + "/de/")
    page.evaluate(HIDE, True)
    page.clock.fast_forward("05:00")
    page.goto(live_server + "/de/services", wait_until="commit")
    page.wait_for_url(live_server + start)
    context.close()


def test_the_disguise_works_offline_after_one_visit(context, page, live_server, live_app):
    """Without a network: the cover, the code, the help part in the cover's name, the quick exit
    back to the locked cover."""
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/ru/disguise")
    wait_until(page, READY)
    wait_until(page, """async (paths) => {
      const cache = await caches.open((await caches.keys()).find((name) => name.startsWith("wegweiser-")));
      for (const path of paths) if (!(await cache.match(path))) return false;
      return true;
    }""", live_app.state.site.root_pages() + live_app.state.site.page_paths("ru"))
    set_up(page, live_server, "ru", "shopping-list")
    start = covers.start_path(covers.BY_ID["shopping-list"], "ru")
    name = title_of(live_app, "shopping-list", "ru")
    context.set_offline(True)
    try:
        response = page.goto(live_server + "/ru/plan")
        assert response is not None and response.from_service_worker and page.url == live_server + "/ru/plan"
        page.click("#quick-exit")
        page.wait_for_url(live_server + start)
        page.goto(live_server + "/ru/services")
        page.wait_for_url(live_server + start)
        enter_code(page, "shopping-list", "Чай", "ru")
        with page.expect_navigation():
            enter_code(page, "shopping-list", CODE, "ru")
        page.wait_for_url(live_server + "/ru/")
        for path in ("/ru/plan", "/ru/services", "/ru/safety"):
            response = page.goto(live_server + path)
            assert response is not None and response.ok and response.from_service_worker, path
            assert page.url == live_server + path and page.title() == name, path
            assert page.evaluate(SNAPSHOT)["icon"].endswith("/icons/shopping-list.svg"), path
        page.click("#quick-exit")
        page.wait_for_url(live_server + start)
        assert page.evaluate("sessionStorage.length") == 0
        items = [t.splitlines()[0].strip() for t in page.locator("[data-list-items] li").all_inner_texts()]
        assert items == ["Чай"], "the list is the cover's own, and the code was not kept"
    finally:
        context.set_offline(False)


def test_removing_the_disguise_is_one_control(page, live_server, live_app):
    page.set_viewport_size(PHONE)
    set_up(page, live_server, "pl", "shopping-list")
    page.goto(cover_url(live_server, "shopping-list", "pl"))
    enter_code(page, "shopping-list", "Mleko", "pl")
    enter_code(page, "shopping-list", CODE, "pl")
    page.wait_for_url(live_server + "/pl/")
    page.goto(live_server + "/pl/disguise")
    own = live_app.state.templates.gettext("pl", "Symbol und Code")
    page.click("[data-disguise-remove]")
    page.locator("[data-disguise-status]").get_by_text(live_app.state.templates.gettext("pl", "Die Tarnung ist entfernt. Ein Symbol der Tarn-App auf dem Startbildschirm entfernen Sie selbst: Symbol lange drücken und „Entfernen“ wählen.")).wait_for()
    state = page.evaluate(SNAPSHOT)
    assert [key for key in state["local"] if key.startswith("tools.")] == [], "the lock and the cover's data are gone"
    assert state["session"] == {}
    assert page.title().endswith(f" · {own}") and state["icon"].endswith("/icons/icon.svg")
    assert state["manifest"] == "/pl/manifest.json" and state["exit"] == TEST_EXIT_URL
    assert page.locator("[data-disguise-current]").is_hidden()
    page.goto(live_server + "/pl/emergency")
    assert page.url == live_server + "/pl/emergency"


def test_delete_everything_removes_the_disguise_too(page, live_server, live_app, exit_stub):
    page.set_viewport_size(PHONE)
    set_up(page, live_server, "uk", "calculator")
    page.goto(cover_url(live_server, "shopping-list", "uk"))
    enter_code(page, "shopping-list", "Хліб", "uk")
    enter_code(page, "shopping-list", CODE, "uk")
    page.wait_for_url(live_server + "/uk/")
    page.goto(live_server + "/uk/safety")
    page.click("[data-delete-everything-start]")
    page.click("[data-delete-everything-confirm]")
    page.locator("[data-delete-everything-done]").wait_for()
    state = page.evaluate(SNAPSHOT)
    assert state["local"] == {} and state["session"] == {}
    assert state["exit"] == TEST_EXIT_URL, "the quick exit leads to the neutral site again at once"
    page.goto(live_server + "/uk/plan")
    assert page.url == live_server + "/uk/plan" and page.evaluate(SNAPSHOT)["icon"].endswith("/icons/icon.svg")
    page.goto(cover_url(live_server, "shopping-list", "uk"))
    assert page.locator("[data-list-items] li").count() == 0
    page.goto(live_server + "/uk/")
    page.click("#quick-exit")
    page.wait_for_url(TEST_EXIT_URL)


def test_other_tabs_follow_at_once(browser, live_server, live_app):
    context = browser.new_context(viewport=PHONE)
    other = context.new_page()
    other.goto(live_server + "/de/emergency")
    page = context.new_page()
    set_up(page, live_server, "de", "calculator")
    start = covers.start_path(covers.BY_ID["calculator"], "de")
    other.wait_for_url(live_server + start)
    assert other.evaluate("sessionStorage.length") == 0
    context.close()


def test_without_a_disguise_nothing_changes(page, live_server):
    page.goto(live_server + "/de/plan")
    state = page.evaluate(SNAPSHOT)
    assert state["exit"] == TEST_EXIT_URL and state["manifest"] == "/de/manifest.json"
    assert state["icon"].endswith("/icons/icon.svg") and not page.title().startswith(("Taschenrechner", "Einkaufsliste"))
    assert state["session"] == {} and [key for key in state["local"] if key.startswith("tools.")] == []


def test_installing_from_the_disguise_page_installs_the_cover(playwright, live_server, live_app, tmp_path):
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    try:
        context.add_init_script("""window.__offers = [];
          addEventListener("beforeinstallprompt", (event) => window.__offers.push({trusted: event.isTrusted, event}));""")
        page = context.pages[0] if context.pages else context.new_page()
        cdp = context.new_cdp_session(page)
        set_up(page, live_server, "fa", "converter")
        wait_until(page, READY)
        manifest = cdp.send("Page.getAppManifest")
        cover = covers.BY_ID["converter"]
        assert manifest["url"] == live_server + covers.manifest_path(cover, "fa") and manifest["errors"] == []
        assert json.loads(manifest["data"])["id"] == covers.start_path(cover, "fa")
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        # Chromium offers installing the cover itself, and the page's own button takes the offer.
        wait_until(page, "window.__offers.some((offer) => offer.trusted)")
        button = page.locator("[data-disguise-steps=converter] [data-disguise-install] button")
        button.wait_for()
        page.evaluate("""() => {
          const real = window.__offers.find((offer) => offer.trusted).event;
          real.prompt = () => { window.prompted = true; return Promise.resolve(); };
        }""")
        button.click()
        assert page.evaluate("window.prompted === true") and button.is_hidden()
    finally:
        context.close()


def test_no_axe_violations_on_the_disguise_page_in_any_language(browser, live_server, live_app):
    for code in live_app.state.templates.codes:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(f"{live_server}/{code}/disguise")
        assert axe_violations(page) == [], (code, "before")
        set_up(page, live_server, code, "shopping-list")
        assert axe_violations(page) == [], (code, "set up")
        context.close()
