"""The information pages in a real browser: a crawl of every language, links and accessibility."""

from __future__ import annotations

from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from pwa import info
from pwa.i18n import enabled_codes
from pwa.settings import ROOT
from tests import page_walk
from tests.conftest import DESKTOP, PHONE
from tests.helpers import axe_violations, parse_html

pytestmark = pytest.mark.browser

def _is_mine(path: str, code: str) -> bool:
    """The pages this family renders, in one language: /info, its topics, /about, /privacy."""
    inner = path[len(f"/{code}/"):] if path.startswith(f"/{code}/") else None
    return inner in info.family.paths


_STATUSES: dict[str, int] = {}  # url -> the status it answered with, for the crawls of all languages


@pytest.mark.parametrize("code", enabled_codes(ROOT / "locales"))
def test_crawl_every_locale_from_info_and_about(page_walks, page, live_server, code):
    """Follows every same-origin link from /info and /about: each answers 200, each #anchor
    exists on its page, every topic is reachable from /info, each topic links to help.

    The family's pages were loaded on the walk through every page (tests/page_walk.py, which also
    checks them with axe-core); their links are followed here as a crawl would."""
    walk = page_walks(code)
    origin = urlsplit(live_server)
    failures: list[str] = []
    to_check: dict[str, str] = {}  # url -> the page that links to it
    anchors: set[tuple[str, str, str]] = set()  # (page path, fragment, linked from)

    queue = deque([f"/{code}/info", f"/{code}/about"])
    seen = set(queue)
    reached_topics: set[str] = set()
    while queue:
        path = queue.popleft()
        if path not in walk.links:
            failures.append(f"{path}: {walk.found.get(page_walk.STATUS, {}).get(path, 'not among the pages walked')}")
            continue
        if path in walk.found.get(page_walk.STATUS, {}):
            failures.append(f"{path}: {walk.found[page_walk.STATUS][path]}")
            continue
        urls, main_links = walk.links[path]["all"], walk.links[path]["main"]
        if path.startswith(f"/{code}/info/"):
            if not any(h.startswith(("tel:", f"/{code}/services/")) for h in main_links):
                failures.append(f"{path}: no tel: link and no link to the directory")
        for url in urls:
            parts = urlsplit(url)
            if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                continue  # tel:, mailto:, other sites: not followed
            bare, fragment = urldefrag(url)
            target = urlsplit(bare).path
            if fragment:
                anchors.add((target, fragment, path))
            if path == f"/{code}/info" and target.startswith(f"/{code}/info/"):
                reached_topics.add(target)
            if _is_mine(target, code):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
            else:
                to_check.setdefault(bare, path)
    expected = {f"/{code}/info/{slug}" for slug in info.TOPICS}
    if reached_topics != expected:
        failures.append(f"/{code}/info does not link {sorted(expected - reached_topics)}")
    if not {f"/{code}/{p}" for p in info.family.paths} <= seen:
        failures.append(f"{code}: not reached: {sorted({f'/{code}/{p}' for p in info.family.paths} - seen)}")

    for url, source in sorted(to_check.items()):
        if url not in _STATUSES:  # the files every language links to are asked for once
            _STATUSES[url] = page.request.get(url, max_redirects=0).status
        if _STATUSES[url] != 200:
            failures.append(f"{url} (linked from {source}): {_STATUSES[url]}")

    documents: dict[str, object] = {}
    for target, fragment, source in sorted(anchors):
        if target not in documents:
            documents[target] = parse_html(page.request.get(live_server + target).text())
        if documents[target].find(id=fragment) is None:  # type: ignore[attr-defined]
            failures.append(f"{target}#{fragment} (linked from {source}): no such id")

    assert not failures, "\n".join(failures)


def test_about_and_a_long_topic_on_a_desktop_screen(page, live_server):
    page.set_viewport_size(DESKTOP)
    for path in ("/de/about", "/de/info/rights", "/en/privacy"):
        assert page.goto(live_server + path).status == 200
        assert axe_violations(page) == [], path


def test_the_rights_contents_lead_to_their_sections(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(live_server + "/de/info/rights")
    for link in page.locator("nav.contents a").all():
        target = link.get_attribute("href")
        link.click()
        assert page.evaluate("location.hash") == target
        assert page.locator(target).is_visible()
