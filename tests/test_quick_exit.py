"""The quick exit's markup on every page, and how the scripts that run it are started."""

from __future__ import annotations

from dataclasses import replace

import pytest
from starlette.testclient import TestClient

from pwa.app import create_app
from tests.conftest import TEST_EXIT_URL
from tests.helpers import parse_html

_FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary"}
ANNOUNCEMENTS = ("data-quick-exit-two-more", "data-quick-exit-one-more", "data-quick-exit-reset")


def _focusables(document):
    return [
        e for e in document.iter()
        if (e.tag in _FOCUSABLE and (e.tag != "a" or "href" in e.attrs)) or e.attrs.get("tabindex") not in (None, "-1")
    ]


def test_every_page_has_the_quick_exit_right_after_the_skip_link(crawl):
    styles = crawl.app.state.assets.url("css/quick-exit.css")
    pages = [(page, 200) for page in crawl.pages.values()] + [(page, 404) for page in crawl.not_found.values()]
    assert "/xx/nope" in {page.path for page, _ in pages}
    for page, status in pages:
        path, document = page.path, page.document
        assert page.status == status, path
        links = document.find_all("a", id="quick-exit")
        assert len(links) == 1, path
        link = links[0]
        assert link.attrs["href"] == TEST_EXIT_URL, path
        assert {"noreferrer", "nofollow"} <= set(link.attrs["rel"].split()), path
        if path.startswith("/de/"):
            assert link.text == "Seite schnell verlassen", path
        assert link.text, path
        first, second = _focusables(document)[:2]
        assert first.attrs.get("href") == "#main", path
        assert second is link, path
        assert styles in [e.attrs.get("href") for e in document.find("head").find_all("link", rel="stylesheet")], path


def test_the_bar_carries_what_the_script_says(client):
    document = parse_html(client.get("/de/").text)
    bar = document.find("div", class_="quick-exit-bar")
    assert bar is not None
    for name in ANNOUNCEMENTS:
        assert bar.attrs.get(name, "").strip(), name
    assert bar.attrs["data-quick-exit-two-more"] != bar.attrs["data-quick-exit-one-more"]
    status = [e for e in bar.iter() if e.attrs.get("role") == "status"]
    assert len(status) == 1 and status[0].text == ""
    link = document.find("a", id="quick-exit")
    hint = document.find(id=link.attrs["aria-describedby"])
    assert hint is not None and "Shift" in hint.text


def test_overlay_is_in_the_page_hidden_and_plain(client):
    document = parse_html(client.get("/en/emergency").text)
    overlays = [e for e in document.iter() if "data-quick-exit-overlay" in e.attrs]
    assert len(overlays) == 1
    overlay = overlays[0]
    assert "hidden" in overlay.attrs
    assert overlay.parent.tag == "body"
    assert not [e for e in overlay.iter() if e.tag in _FOCUSABLE]


def test_exit_target_comes_from_the_settings(settings):
    app = create_app(replace(settings, quick_exit_url="https://www.tagesschau.de/"))
    with TestClient(app) as client:
        link = parse_html(client.get("/de/safety").text).find("a", id="quick-exit")
    assert link.attrs["href"] == "https://www.tagesschau.de/"


@pytest.mark.parametrize("name", ["quick-exit.js", "same-entry-navigation.js", "first-visit-note.js", "delete-everything.js"])
def test_modules_are_checked_and_use_no_inline_styles(app, name):
    source = (app.state.settings.static_dir / "js" / name).read_text(encoding="utf-8")
    assert source.startswith("// @ts-check")
    assert "setAttribute(\"style\"" not in source and ".innerHTML" not in source


def test_viewport_lets_the_keyboard_resize_the_page(client):
    document = parse_html(client.get("/de/plan").text)
    viewport = document.find("meta", name="viewport")
    assert "interactive-widget=resizes-content" in viewport.attrs["content"]


def test_first_visit_note_is_hidden_until_the_script_shows_it(crawl):
    for code in crawl.app.state.templates.codes:
        document = crawl.pages[f"/{code}/"].document
        notes = [e for e in document.iter() if e.attrs.get("data-module") == "first-visit-note"]
        assert len(notes) == 1
        note = notes[0]
        assert "hidden" in note.attrs
        assert note.parent.tag == "main"
        assert note.find("a", href=f"/{code}/safety") is not None
        assert note.find("button", type="button") is not None
