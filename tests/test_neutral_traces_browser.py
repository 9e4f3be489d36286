"""Neutral traces in a real browser, in every language: the title of every page as the browser
keeps it for its tabs, history and list of open apps, the manifest it reads for the home screen,
the file she saves from the plan and what a printout carries at its top (the browser prints the
document's title above it)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import PHONE
from tests.neutral_words import telling_words

pytestmark = pytest.mark.browser

CODES = ["de", "en", "tr", "ar", "uk", "ru", "pl", "fa"]


def _texts(value: object) -> list[str]:
    """Every string in a manifest, wherever it sits (names, descriptions, and any added later)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


@pytest.mark.parametrize("code", CODES)
def test_every_title_the_browser_keeps_and_the_manifest_it_reads_are_neutral(browser, live_server, live_app, live_pages, code):
    app_name = live_app.state.templates.gettext(code, "Wegweiser")
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    paths = [*live_pages[code], f"/{code}/no-such-page"]
    assert len(paths) > 40
    for path in paths:
        page.goto(live_server + path)
        # The title the browser shows in its tabs and list of open apps and keeps in its history.
        kept = cdp.send("Target.getTargetInfo")["targetInfo"]["title"]
        assert kept == page.title() and kept.startswith(app_name + " · "), (path, kept)
        assert telling_words(kept, code) == [], (path, kept)

    page.goto(live_server + f"/{code}/")
    found = cdp.send("Page.getAppManifest")
    assert found["url"] == live_server + f"/{code}/manifest.json" and found["errors"] == [], found
    manifest = json.loads(found["data"])
    assert manifest["lang"] == code and manifest["name"] and manifest["short_name"] and manifest["description"]
    texts = _texts(manifest)
    assert manifest["name"] in texts
    for text in texts:
        assert telling_words(text, code) == [], (code, text)
    # What the browser made of it: the name in the list of installed apps and in its details.
    parsed = found["manifest"]
    assert (parsed["name"], parsed["description"]) == (manifest["name"], manifest["description"]), parsed
    context.close()


@pytest.mark.parametrize("code", CODES)
def test_the_saved_plan_and_the_printout_are_neutral(browser, live_server, code):
    context = browser.new_context(viewport=PHONE, accept_downloads=True, service_workers="block")
    page = context.new_page()
    page.goto(live_server + f"/{code}/plan")
    page.wait_for_function("() => !document.querySelector('[data-plan-nojs]')")
    page.fill("textarea", "Zq-geheim")

    with page.expect_download() as download:
        page.click("[data-plan-export]")
    name = download.value.suggested_filename
    word = page.get_attribute("[data-module=plan]", "data-msg-file-name")
    # Invisible characters (the Persian word's zero-width non-joiner) become a space.
    word = " ".join("".join(" " if unicodedata.category(c) == "Cf" else c for c in word).split())
    assert re.fullmatch(rf"{re.escape(word)}-\d{{4}}-\d{{2}}-\d{{2}}\.json", name), name
    assert telling_words(name, code) == [], name
    record = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert record["type"] == "wegweiser-notes" and record["plan"]["fields"]

    page.emulate_media(media="print")
    title = page.title()
    header = page.inner_text(".site-header")
    assert title.startswith(header.strip() + " · "), (title, header)
    assert telling_words(title, code) == [] and telling_words(header, code) == [], (title, header)
    # The page itself still says what it is, for her.
    assert telling_words(page.inner_text("h1"), code)
    context.close()
