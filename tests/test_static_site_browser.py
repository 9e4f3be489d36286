"""The static build in Chromium, served by Debian's nginx: offline after one visit, nothing from
other sites, no cookie, the language chosen at / (by nginx, and by the start page for static
hosts), the page for unknown addresses with its quick exit."""

from __future__ import annotations

import pytest

from tests.conftest import PHONE
from tests.test_offline_browser import READY, assert_pages_offline, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.nginx]


def test_after_one_visit_every_page_works_offline(context, page, static_site, crawl):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.set_viewport_size(PHONE)
    page.goto(static_site.base + "/ar/")
    wait_until(page, READY)
    paths = [p.path for p in crawl.of("ar")]
    context.set_offline(True)
    assert_pages_offline(page, static_site.base, paths, "ar", "rtl")
    context.set_offline(False)
    assert requests and all(url.startswith(static_site.base + "/") for url in requests), "nothing from other sites"
    assert context.cookies() == [] and page.evaluate("document.cookie") == ""


def test_nothing_from_other_sites_and_no_cookie_on_any_page_of_de(context, page, static_site, crawl):
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    for crawled in crawl.of("de"):
        response = page.goto(static_site.base + crawled.path)
        assert response is not None and response.status == 200, crawled.path
        assert page.locator("#quick-exit").is_visible(), crawled.path
        assert "set-cookie" not in response.headers, crawled.path
    assert all(url.startswith(static_site.base + "/") for url in requests)
    assert context.cookies() == []


@pytest.mark.parametrize(("locale", "code"), [("ar-EG", "ar"), ("tr", "tr"), ("fr-FR", "fr"), ("ja-JP", "de")])
def test_the_root_opens_her_language(browser, static_site, locale, code):
    context = browser.new_context(locale=locale, service_workers="block")
    try:
        page = context.new_page()
        page.goto(static_site.base + "/")
        assert page.url == f"{static_site.base}/{code}/"
        # A static host has no server to choose: its start page does it with navigator.languages.
        page.goto(static_site.base + "/index.html")
        page.wait_for_url(f"{static_site.base}/{code}/")
        assert page.get_attribute("html", "lang") == code
    finally:
        context.close()


def test_an_unknown_address_shows_her_languages_page_with_the_quick_exit(page, static_site, exit_stub):
    response = page.goto(static_site.base + "/ar/no-such-page")
    assert response is not None and response.status == 404
    assert page.get_attribute("html", "lang") == "ar" and page.get_attribute("html", "dir") == "rtl"
    page.locator("#quick-exit").click()
    page.wait_for_url("https://example.org/**")
    assert exit_stub
