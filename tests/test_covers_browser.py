"""The covers in Chromium, every cover in every language: they work (the calculator calculates,
the list keeps its items, the converter converts), they are installable apps of their own,
they work offline after one visit, and axe finds nothing."""

from __future__ import annotations

import json

import pytest

from pwa import covers
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE
from tests.helpers import axe_violations
from tests.test_offline_browser import READY, wait_until

pytestmark = pytest.mark.browser


def written(plain: str, code: str) -> str:
    """A plain number ("-1234.5") as the cover shows it in the language ``code``."""
    signs = covers.number_symbols(code)
    negative = plain.startswith("-")
    whole, _, fraction = plain.lstrip("-").partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    text = signs["group"].join([whole, *groups]) + (signs["decimal"] + fraction if "." in plain else "")
    text = "".join(signs["digits"][int(c)] if c.isdigit() else c for c in text)
    return ("\u2212" if negative else "") + text


def typed(text: str, code: str) -> str:
    """What she types on her phone's keyboard in her language for plain ``text``."""
    signs = covers.number_symbols(code)
    return "".join(signs["digits"][int(c)] if c.isdigit() else signs["decimal"] if c == "." else c for c in text)


def cover_url(base: str, cover_id: str, code: str) -> str:
    return base + covers.start_path(covers.BY_ID[cover_id], code)


def press(page, keys: str) -> str:
    """Clicks the calculator's keys ("1 . 5 + 2 ="); returns the display."""
    for key in keys.split():
        page.click(f"button[data-key='{key}']")
    return page.locator("[data-calculator-display]").inner_text()


def test_the_calculator_calculates_in_every_language(page, live_server, live_app):
    page.set_viewport_size(PHONE)
    for code in live_app.state.templates.codes:
        page.goto(cover_url(live_server, "calculator", code))
        assert page.locator("[data-calculator-display]").inner_text() == written("0", code)
        cases = [
            ("0 . 1 + 0 . 2 =", "0.3"),
            ("clear 1 . 5 * 4 =", "6"),
            ("clear 2 + 3 *", "5"),
            ("4 =", "20"),
            ("clear 1 / 3 =", "0.3333333333"),
            ("clear 1 0 - 2 . 5 - 3 =", "4.5"),
            ("= =", "-1.5"),
            ("clear 1 2 3 4 5 * 1 0 0 =", "1234500"),
            ("clear 7 sign - 0 . 2 5 =", "-7.25"),
            ("clear 9 8 7 back", "98"),
            ("clear 5 / 0 =", None),
        ]
        for keys, plain in cases:
            shown = press(page, keys)
            expected = written(plain, code) if plain is not None else live_app.state.templates.gettext(code, "Fehler")
            assert shown == expected, (code, keys, shown)
        assert page.locator("[data-calculator-pending]").inner_text() == ""
        press(page, "clear 2 +")
        assert page.locator("[data-calculator-pending]").inner_text() == written("2", code) + " +"
    # The keyboard works too, with either decimal sign.
    page.goto(cover_url(live_server, "calculator", "de"))
    page.keyboard.type("12,5*2")
    page.keyboard.press("Enter")
    assert page.locator("[data-calculator-display]").inner_text() == "25"
    page.keyboard.press("Escape")
    page.keyboard.type("0.1+0.2=")
    assert page.locator("[data-calculator-display]").inner_text() == "0,3"


def test_the_shopping_list_keeps_its_items_on_the_device_in_every_language(browser, live_server, live_app):
    for code in live_app.state.templates.codes:
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(cover_url(live_server, "shopping-list", code))
        assert page.locator("[data-list-empty]").is_visible()
        for item in ("Milch", "Brot", "Äpfel", "1234"):
            page.fill("#list-new", item)
            page.press("#list-new", "Enter")
        items = page.locator("[data-list-items] li")
        assert items.all_inner_texts() and [t.splitlines()[0].strip() for t in items.all_inner_texts()] == ["Milch", "Brot", "Äpfel", "1234"]
        assert page.locator("[data-list-empty]").is_hidden()
        page.locator("[data-list-items] li", has_text="Brot").locator("input").check()
        page.locator("[data-list-items] li", has_text="Milch").locator("button").click()
        page.reload()
        texts = [t.splitlines()[0].strip() for t in page.locator("[data-list-items] li").all_inner_texts()]
        assert texts == ["Brot", "Äpfel", "1234"], (code, texts)
        assert page.locator("[data-list-items] li", has_text="Brot").locator("input").is_checked()
        page.click("[data-list-clear-done]")
        page.reload()
        texts = [t.splitlines()[0].strip() for t in page.locator("[data-list-items] li").all_inner_texts()]
        assert texts == ["Äpfel", "1234"], (code, texts)
        # Another tab sees the change at once.
        other = context.new_page()
        other.goto(cover_url(live_server, "shopping-list", code))
        other.fill("#list-new", "Tee")
        other.press("#list-new", "Enter")
        page.locator("[data-list-items] li", has_text="Tee").wait_for()
        stored = json.loads(page.evaluate("localStorage.getItem('tools.shopping-list')"))
        assert stored == [{"text": "Äpfel", "done": False}, {"text": "1234", "done": False}, {"text": "Tee", "done": False}]
        context.close()


def test_the_converter_converts_in_every_language(page, live_server, live_app):
    page.set_viewport_size(PHONE)
    for code in live_app.state.templates.codes:
        page.goto(cover_url(live_server, "converter", code))
        result = page.locator("[data-converter-result]")
        page.fill("#converter-amount", typed("12.5", code))
        assert result.inner_text() == f"{written('12.5', code)} cm = {written('4.92126', code)} in", code
        page.click("[data-converter-swap]")
        assert result.inner_text() == f"{written('12.5', code)} in = {written('31.75', code)} cm", code
        page.select_option("#converter-kind", "temperature")
        assert page.locator("#converter-from option").all_inner_texts() and len(page.locator("#converter-to option").all()) == 2
        page.fill("#converter-amount", typed("100", code))
        assert result.inner_text() == f"{written('100', code)} °C = {written('212', code)} °F", code
        page.select_option("#converter-kind", "mass")
        page.select_option("#converter-from", "lb")
        page.select_option("#converter-to", "g")
        page.fill("#converter-amount", typed("1", code))
        assert result.inner_text() == f"{written('1', code)} lb = {written('453.5924', code)} g", code
        page.fill("#converter-amount", "x")
        assert result.inner_text() == ""


def test_every_cover_is_an_installable_app_of_its_own(playwright, live_server, live_app, tmp_path):
    """Chromium reports no installability errors for any cover in any language, and each has
    its own manifest (a persistent profile: an incognito one always reports in-incognito)."""
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        cdp = context.new_cdp_session(page)
        seen = set()
        for cover in covers.COVERS:
            for code in live_app.state.templates.codes:
                page.goto(cover_url(live_server, cover.id, code))
                assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == [], (cover.id, code)
                manifest = cdp.send("Page.getAppManifest")
                assert manifest["errors"] == [], (cover.id, code, manifest["errors"])
                assert manifest["url"] == live_server + covers.manifest_path(cover, code)
                data = json.loads(manifest["data"])
                assert data["id"] == covers.start_path(cover, code) and data["lang"] == live_app.state.templates.by_code[code].tag
                seen.add(manifest["url"])
        assert len(seen) == len(covers.COVERS) * len(live_app.state.templates.codes)
    finally:
        context.close()


def test_every_cover_works_offline_after_one_visit(context, page, live_server, live_app):
    page.goto(live_server + "/de/disguise")
    wait_until(page, READY)
    wait_until(page, """async (paths) => {
      const cache = await caches.open((await caches.keys()).find((name) => name.startsWith("wegweiser-")));
      for (const path of paths) if (!(await cache.match(path))) return false;
      return true;
    }""", live_app.state.site.root_pages())
    context.set_offline(True)
    try:
        for cover in covers.COVERS:
            for code in live_app.state.templates.codes:
                response = page.goto(cover_url(live_server, cover.id, code))
                assert response is not None and response.ok and response.from_service_worker, (cover.id, code)
                assert page.get_attribute("body", "data-cover-page") == cover.id
                assert page.get_attribute("html", "lang") == live_app.state.templates.by_code[code].tag
        page.goto(cover_url(live_server, "calculator", "de"))
        assert press(page, "6 * 7 =") == "42", "its script and styles come from the device too"
        assert page.evaluate("getComputedStyle(document.querySelector('.tool-bar')).backgroundColor") == "rgb(60, 64, 67)"
    finally:
        context.set_offline(False)


def test_no_axe_violations_on_any_cover_in_any_language(page, live_server, live_app):
    page.set_viewport_size(PHONE)
    for cover in covers.COVERS:
        for code in live_app.state.templates.codes:
            page.goto(cover_url(live_server, cover.id, code))
            if cover.id == "shopping-list":
                page.fill("#list-new", "Milch")
                page.press("#list-new", "Enter")
                page.locator("[data-list-items] input").first.check()
            if cover.id == "converter":
                page.fill("#converter-amount", typed("3", code))
            if cover.id == "calculator":
                press(page, "1 +")
            assert axe_violations(page) == [], (cover.id, code)
            assert page.evaluate("document.querySelectorAll('a').length") == 0
    # The list's data of these runs is the cover's own: nothing else was stored.
    keys = page.evaluate("Object.keys(localStorage)")
    assert set(keys) == {"tools.shopping-list"}, keys
