"""The information pages in a real browser: a crawl of every language, links and accessibility."""

from __future__ import annotations

from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest

from pwa import info
from tests.conftest import DESKTOP, PHONE
from tests.helpers import axe_violations, parse_html

pytestmark = pytest.mark.browser

AXE_LOCALES = ("de", "en")


def _is_mine(path: str, code: str) -> bool:
    """The pages this family renders, in one language: /info, its topics, /about, /privacy."""
    inner = path[len(f"/{code}/"):] if path.startswith(f"/{code}/") else None
    return inner in info.family.paths


def test_crawl_every_locale_from_info_and_about(page, live_server, live_app):
    """Follows every same-origin link from /info and /about: each answers 200, each #anchor
    exists on its page, every topic is reachable from /info, each topic links to help."""
    page.set_viewport_size(PHONE)
    origin = urlsplit(live_server)
    codes = live_app.state.templates.codes
    failures: list[str] = []
    to_check: dict[str, str] = {}  # url -> the page that links to it
    anchors: set[tuple[str, str, str]] = set()  # (page path, fragment, linked from)

    for code in codes:
        queue = deque([f"/{code}/info", f"/{code}/about"])
        seen = set(queue)
        reached_topics: set[str] = set()
        while queue:
            path = queue.popleft()
            response = page.goto(live_server + path)
            if response is None or response.status != 200:
                failures.append(f"{path}: {response.status if response else 'no response'}")
                continue
            if code in AXE_LOCALES:
                violations = axe_violations(page)
                if violations:
                    failures.append(f"{path}: axe {violations}")
            urls = page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)")
            if path.startswith(f"/{code}/info/"):
                main_links = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
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
        response = page.request.get(url, max_redirects=0)
        if response.status != 200:
            failures.append(f"{url} (linked from {source}): {response.status}")

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
