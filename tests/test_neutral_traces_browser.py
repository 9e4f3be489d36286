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

from pwa.i18n import enabled_codes
from pwa.settings import ROOT
from tests import page_walk
from tests.conftest import PHONE
from tests.neutral_words import telling_words
from tests.page_walk import assert_passes

pytestmark = pytest.mark.browser

CODES = enabled_codes(ROOT / "locales")


# Every page's title and the manifest: read on the walk through every page (tests/page_walk.py).
@pytest.mark.parametrize("code", CODES)
def test_every_title_the_browser_keeps_is_neutral(page_walks, code):
    """The title the browser shows in its tabs and list of open apps and keeps in its history,
    on every page and the page for an unknown address."""
    walk = page_walks(code)
    assert len(walk.paths) > 40 and walk.not_found in walk.paths
    assert_passes(walk, page_walk.KEPT_TITLE)


@pytest.mark.parametrize("code", CODES)
def test_the_manifest_the_browser_reads_is_neutral(page_walks, code):
    """Read on the language's home page: every text in it, and what the browser made of it."""
    assert_passes(page_walks(code), page_walk.MANIFEST, on=[f"/{code}/"])


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
