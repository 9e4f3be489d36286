"""What the phone shows to others is neutral, on every page in every language: the titles (the
history, the tabs, the list of open apps, the header of a printout), the description, the name
on the home screen, every manifest and the names of downloaded files. The subject's words stay
in the page body."""

from __future__ import annotations

from starlette.testclient import TestClient

from pwa import offline
from tests.helpers import Element, parse_html, page_code
from tests.neutral_words import telling_words

SEPARATOR = " · "


def _meta(document: Element, name: str) -> list[str]:
    return [e.attrs.get("content") or "" for e in document.find_all("meta") if e.attrs.get("name") == name]


def title_problems(document: Element, app_name: str, code: str) -> list[str]:
    """Why a page's title is not the app's name and a neutral page word (empty when it is)."""
    titles = document.find_all("title")
    if len(titles) != 1:
        return [f"{len(titles)} titles"]
    title = titles[0].text
    if not title.startswith(app_name + SEPARATOR):
        return [f"{title!r} does not start with {app_name + SEPARATOR!r}"]
    word = title[len(app_name + SEPARATOR):].strip()
    problems = [] if word and any(ch.isalnum() for ch in word) else [f"{title!r} has no page word"]
    return problems + [f"{title!r} says {found!r}" for found in telling_words(title, code)]


def test_the_title_check_fails_on_a_missing_or_telling_page_word():
    def problems(title: str) -> list[str]:
        return title_problems(parse_html(f"<html><title>{title}</title></html>"), "Wegweiser", "de")

    assert problems("Wegweiser · Notizen") == []
    assert problems("Wegweiser · ") and problems("Wegweiser · ·") and problems("Wegweiser")
    assert problems("Wegweiser · Sicherheitsplan") and problems("Hilfe bei Gewalt · Wegweiser")


def test_every_title_is_the_apps_name_and_a_neutral_page_word(crawl):
    templates = crawl.app.state.templates
    pages = [*crawl.pages.values(), *crawl.not_found.values()]
    for page in pages:
        code = page_code(templates, page.document)
        assert title_problems(page.document, templates.gettext(code, "Wegweiser"), code) == [], page.path
    assert len(pages) > 8 * 40


def test_the_subjects_words_stay_in_the_page_body(crawl):
    """Only the title is neutral: the heading still says what the page is about."""
    for path in ("/de/", "/de/plan", "/de/services/interventionsstelle"):
        assert telling_words(crawl.pages[path].document.find("h1").text, "de"), path


def test_every_description_and_home_screen_name_is_neutral(crawl):
    templates = crawl.app.state.templates
    for page in [*crawl.pages.values(), *crawl.not_found.values()]:
        code = page_code(templates, page.document)
        descriptions = _meta(page.document, "description")
        assert descriptions == [templates.gettext(code, offline.DESCRIPTION)], page.path
        # Safari names a home-screen icon after the title unless told otherwise.
        assert _meta(page.document, "apple-mobile-web-app-title") == [templates.gettext(code, offline.SHORT_NAME)], page.path
        for text in descriptions:
            assert telling_words(text, code) == [], (page.path, text)


def test_every_manifest_is_neutral(crawl):
    codes = crawl.app.state.templates.codes
    with TestClient(crawl.app) as client:
        for url, code in [("/manifest.json", "de"), *((f"/{code}/manifest.json", code) for code in codes)]:
            data = client.get(url).json()
            assert data["lang"] == crawl.app.state.templates.by_code[code].tag, url
            for field in ("name", "short_name", "description"):
                assert data[field] and telling_words(data[field], code) == [], (url, field, data[field])


def test_the_plans_file_name_is_neutral_in_every_language(crawl):
    for code in crawl.app.state.templates.codes:
        plan = crawl.pages[f"/{code}/plan"].document.find("div", **{"data-module": "plan"})
        word = plan.attrs["data-msg-file-name"]
        assert word.strip() and telling_words(word, code) == [], (code, word)


def test_every_page_has_its_privacy_screen(crawl):
    for page in [*crawl.pages.values(), *crawl.not_found.values()]:
        screens = [e for e in page.document.iter() if "data-privacy-screen" in e.attrs]
        assert len(screens) == 1 and "hidden" in screens[0].attrs, page.path
        assert not screens[0].text.strip(), "a plain screen: nothing to read on it"
