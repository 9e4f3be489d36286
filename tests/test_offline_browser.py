"""Offline use and installing in Chromium: the worker, every page offline, updates, installability."""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import urlsplit

import pytest
import uvicorn

from pwa.app import create_app
from pwa.settings import ROOT
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, make_settings

pytestmark = pytest.mark.browser

# registration.ready can resolve while the worker is still activating: wait for both.
READY = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return Boolean(registration && registration.active && registration.active.state === "activated"
    && navigator.serviceWorker.controller);
}"""
CACHES = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const urls = [];
    let bytes = 0;
    for (const request of await cache.keys()) {
      urls.push(request.url);
      bytes += (await (await cache.match(request)).blob()).size;
    }
    out[name] = {urls, bytes};
  }
  return out;
}"""
SAVED = """async (paths) => {
  for (const name of await caches.keys()) {
    if (!name.startsWith("wegweiser-")) continue;
    const cache = await caches.open(name);
    const missing = [];
    for (const path of paths) if (!(await cache.match(path))) missing.push(path);
    if (!missing.length) return true;
  }
  return false;
}"""
STANDALONE = """(() => {
  const original = window.matchMedia.bind(window);
  window.matchMedia = (query) => query.includes("display-mode: standalone")
    ? {matches: true, media: query, addEventListener() {}, removeEventListener() {}}
    : original(query);
})();"""
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"


def wait_until(page, script: str, arg: object = None, timeout: float = 30.0) -> None:
    """Polls an (async) script until it returns true: wait_for_function does not await promises."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        page.wait_for_timeout(100)


def worker_version(page, base: str) -> str:
    text = page.request.get(base + "/service-worker.js").text()
    return json.loads(re.search(r"^const BUILD = (.*);$", text, re.MULTILINE).group(1))["version"]


def saved_paths(page, base: str) -> dict[str, set[str]]:
    found = {}
    for name, entry in page.evaluate(CACHES).items():
        for url in entry["urls"]:
            assert url.startswith(base + "/"), f"{url}: only this origin is ever stored"
        found[name] = {urlsplit(url).path for url in entry["urls"]}
    return found


def is_offline_page(page) -> bool:
    return page.locator("h1#offline").count() == 1


def assert_pages_offline(page, base: str, paths: list[str], code: str, direction: str) -> None:
    for path in paths:
        response = page.goto(base + path)
        assert response is not None and response.ok and response.from_service_worker, path
        assert page.get_attribute("html", "lang") == code, path
        assert page.get_attribute("html", "dir") == direction, path
        assert page.locator("#quick-exit").is_visible(), path
        assert is_offline_page(page) == path.endswith("/offline"), f"{path} was not saved"


def test_after_one_visit_every_page_works_offline(context, page, live_server, live_pages, live_app):
    templates = live_app.state.templates
    second = "ar" if "ar" in templates.codes else "en"
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/de/")
    wait_until(page, READY)
    status = page.locator("[data-module=offline]")
    status.locator("p").wait_for()
    assert status.inner_text().strip() == templates.gettext("de", "Jetzt auch offline verfügbar.")

    saved = saved_paths(page, live_server)
    assert list(saved) == [f"wegweiser-{worker_version(page, live_server)}"]
    cached = next(iter(saved.values()))
    assert set(live_pages["de"]) <= cached
    assert f"/{second}/" not in cached, "other languages are saved when visited"

    context.set_offline(True)
    assert_pages_offline(page, live_server, live_pages["de"], "de", "ltr")
    assert status.inner_text().strip() == "", "the app says it works offline once"
    assert page.evaluate("fetch('/api/services').then((response) => response.ok)")

    # A page never saved: the offline page of its language, with the quick exit and 110.
    page.goto(live_server + "/de/services/never-saved")
    assert page.url == live_server + "/de/services/never-saved"
    assert is_offline_page(page) and page.get_attribute("html", "lang") == "de"
    assert page.locator("#quick-exit").is_visible()
    assert page.locator("a[href='tel:110']").count() >= 1
    # A language not saved yet: never another language's page under its address.
    page.goto(live_server + f"/{second}/emergency")
    assert page.url == live_server + "/de/offline" and page.get_attribute("html", "lang") == "de"
    page.goto(live_server + "/")
    assert page.url == live_server + "/de/"

    context.set_offline(False)
    assert page.goto(live_server + "/de/not-a-page").status == 404
    page.goto(live_server + f"/{second}/")
    wait_until(page, SAVED, live_pages[second])
    direction = templates.by_code[second].dir
    context.set_offline(True)
    assert_pages_offline(page, live_server, live_pages[second], second, direction)
    cached = next(iter(saved_paths(page, live_server).values()))
    assert "/de/not-a-page" not in cached, "error pages are never kept"
    page.goto(live_server + "/de/not-a-page")
    assert is_offline_page(page)
    context.set_offline(False)


def test_without_the_worker_nothing_works_offline(browser, live_server):
    """The control run: the offline test above fails when no worker is allowed."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(live_server + "/de/")
    context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(live_server + "/de/emergency")
    context.close()


@contextmanager
def serve(app) -> Iterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()


def test_new_version_is_offered_never_forced_and_replaces_old_caches(context, page, tmp_path):
    root = tmp_path / "root"
    for folder in ("templates", "static", "locales"):
        shutil.copytree(ROOT / folder, root / folder)
    for name in ("service-worker.js", "manifest.json"):
        shutil.copy2(ROOT / name, root / name)
    app = create_app(make_settings(tmp_path, root=root))
    app.state.offline.wait()  # as a warm server: the worker is there at the first page
    templates = app.state.templates
    with serve(app) as base:
        page.goto(base + "/de/")
        wait_until(page, READY)
        old = f"wegweiser-{worker_version(page, base)}"
        page.evaluate("caches.open('another-app').then((cache) => cache.put('/x', new Response('x')))")
        # She is typing when the new version arrives.
        page.evaluate("""() => {
          const field = document.createElement("input");
          field.setAttribute("aria-label", "Notiz");
          document.querySelector("main").prepend(field);
          field.focus();
        }""")
        offline_html = root / "templates" / "offline.html"
        source = offline_html.read_text(encoding="utf-8")
        head, _, tail = source.rpartition("{% endblock %}")
        offline_html.write_text(head + '<p class="changed">2</p>\n{% endblock %}' + tail, encoding="utf-8")
        # The server sees the change within a second and makes the new build beside it; until
        # that is complete it keeps sending the old worker.
        deadline = time.monotonic() + 30
        while (new := f"wegweiser-{worker_version(page, base)}") == old and time.monotonic() < deadline:
            time.sleep(0.2)
        assert new != old
        page.evaluate("navigator.serviceWorker.getRegistration().then((registration) => registration.update())")
        wait_until(page, "navigator.serviceWorker.getRegistration().then((registration) => Boolean(registration.waiting))")
        page.wait_for_timeout(500)
        status = page.locator("[data-module=offline]")
        assert status.locator("button").count() == 0, "nothing appears while she types"
        saved = saved_paths(page, base)
        assert set(saved) == {old, new, "another-app"}
        assert "/de/offline" in saved[new], "the new version saves the languages the old one had"

        page.evaluate("document.activeElement.blur()")
        button = status.locator("button")
        button.wait_for()
        assert button.inner_text() == templates.gettext("de", "Neu laden")
        assert templates.gettext("de", "Eine neue Version ist bereit.") in status.inner_text()
        page.wait_for_timeout(500)
        assert page.evaluate("navigator.serviceWorker.getRegistration().then((registration) => Boolean(registration.waiting))"), "never forced"
        assert set(page.evaluate("caches.keys()")) == {old, new, "another-app"}

        with page.expect_navigation():
            button.click()
        wait_until(page, READY)
        assert set(page.evaluate("caches.keys()")) == {new, "another-app"}, "only the app's own old caches go"
        assert status.inner_text().strip() == ""
        context.set_offline(True)
        page.goto(base + "/de/services/never-saved")
        assert page.locator(".changed").count() == 1, "the offline page comes from the new version"
        context.set_offline(False)


def test_installable_in_every_language(playwright, live_server, live_app, tmp_path):
    codes = live_app.state.templates.codes
    second = "ar" if "ar" in codes else "en"
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        cdp = context.new_cdp_session(page)
        for code in ("de", second):
            page.goto(live_server + f"/{code}/")
            wait_until(page, READY)
            assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == [], code
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["errors"] == [] and manifest["url"] == live_server + f"/{code}/manifest.json"
            assert json.loads(manifest["data"])["lang"] == code
        # Chromium offers installing here, so the safety page shows its button (and no banner).
        page.goto(live_server + "/de/safety")
        page.locator("[data-install-action] button").wait_for()
        assert page.locator("[data-install-ios]").is_hidden()
    finally:
        context.close()


def test_install_help_follows_the_device(browser, page, live_server):
    # Chromium without an install offer: neither the button nor the iPhone lines.
    page.goto(live_server + "/de/about")
    wait_until(page, "document.querySelector('[data-install-ios]').hidden")
    assert page.locator("[data-install-action]").is_hidden()
    # The browser offers installing: the button appears, the browser's own banner is held back.
    prevented = page.evaluate("""() => {
      const offer = new Event("beforeinstallprompt", {cancelable: true});
      offer.prompt = () => { window.prompted = true; return Promise.resolve(); };
      dispatchEvent(offer);
      return offer.defaultPrevented;
    }""")
    assert prevented
    page.locator("[data-install-action] button").click()
    assert page.evaluate("window.prompted === true")
    assert page.locator("[data-install-action]").is_hidden()

    context = browser.new_context(user_agent=IPHONE, viewport=PHONE)
    try:
        iphone = context.new_page()
        iphone.goto(live_server + "/de/safety")
        iphone.wait_for_timeout(300)
        assert iphone.locator("[data-install-ios]").is_visible()
        assert iphone.locator("[data-install-action]").is_hidden()
        # Installed (standalone): no install help, and the quick exit is there as on every page.
        installed = context.new_page()
        installed.add_init_script(STANDALONE)
        installed.goto(live_server + "/de/about")
        assert installed.evaluate("matchMedia('(display-mode: standalone)').matches")
        wait_until(installed, "document.querySelector('[data-install-ios]').hidden")
        assert installed.locator("[data-install-action]").is_hidden()
        assert installed.locator("#quick-exit").is_visible()
        installed.keyboard.press("Tab")
        installed.keyboard.press("Tab")
        assert installed.evaluate("document.activeElement.id") == "quick-exit"
    finally:
        context.close()


def test_offline_the_directory_json_answers_only_the_address_that_was_saved(context, page, live_server):
    """/api/services?locale=en is not the German list: a query is part of the address."""
    page.goto(live_server + "/de/")
    wait_until(page, READY)
    fetch = """async (url) => {
      try {
        const response = await fetch(url);
        return {status: response.status, language: response.headers.get("content-language")};
      } catch (error) {
        return {failed: true};
      }
    }"""
    assert page.evaluate(fetch, "/api/services?locale=en")["language"] == "en"  # online: saved too
    context.set_offline(True)
    try:
        assert page.evaluate(fetch, "/api/services") == {"status": 200, "language": "de"}
        assert page.evaluate(fetch, "/api/services?locale=en") == {"status": 200, "language": "en"}
        assert page.evaluate(fetch, "/api/services?locale=tr") == {"failed": True}
        assert page.evaluate(fetch, "/api/services?anything") == {"failed": True}
    finally:
        context.set_offline(False)
