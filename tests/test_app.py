"""The server: routes of the URL map, language redirect, 404s, headers, robustness."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from pwa.headers import SECURITY_HEADERS
from tests.helpers import parse_html

URL_MAP = ["", "emergency", "services", "plan", "journal", "safety", "info", "about", "languages", "privacy"]


def assert_security_headers(response) -> None:
    """For a response, or a crawled page: both have its headers."""
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    csp = response.headers["content-security-policy"]
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'none'", "object-src 'none'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "set-cookie" not in {k.lower() for k in response.headers.keys()}


@pytest.mark.parametrize("code", ["de", "en"])
@pytest.mark.parametrize("path", URL_MAP)
def test_every_page_of_the_url_map_renders(crawl, code, path):
    page = crawl.pages[f"/{code}/{path}"]
    assert page.status == 200
    assert page.headers["content-type"].startswith("text/html")
    document = page.document
    html = document.find("html")
    assert html.attrs["lang"] == code and html.attrs["dir"] == "ltr"
    assert document.find("title").text
    assert document.find("meta", name="viewport") is not None
    assert document.find("meta", name="theme-color") is not None
    assert document.find("link", rel="manifest") is not None
    assert_security_headers(page)


def test_every_listed_page_renders(crawl):
    assert set(crawl.pages) == {path for paths in crawl.app.state.site.pages().values() for path in paths}
    for path, page in crawl.pages.items():
        assert page.status == 200, path


def test_skip_link_then_quick_exit_first(client, settings):
    document = parse_html(client.get("/de/").text)
    focusable = [e for e in document.find("body").iter() if e.tag in {"a", "button", "input", "select", "textarea", "summary"}]
    assert focusable[0].attrs["href"] == "#main"
    exit_link = focusable[1]
    assert exit_link.attrs["id"] == "quick-exit"
    assert exit_link.attrs["href"] == settings.quick_exit_url
    assert set(exit_link.attrs["rel"].split()) >= {"noreferrer", "nofollow"}


def test_navigation_and_language_switch(client):
    document = parse_html(client.get("/en/emergency").text)
    nav = document.find("nav", class_="site-nav")
    hrefs = [a.attrs["href"] for a in nav.find_all("a")]
    assert hrefs == ["/en/", "/en/emergency", "/en/services", "/en/plan", "/en/info", "/en/safety", "/en/about"]
    assert nav.find("a", href="/en/emergency").attrs.get("aria-current") == "page"
    switch = document.find("details", class_="language-switch")
    links = {a.attrs["hreflang"]: a for a in switch.find_all("a")}
    assert links["de"].attrs["href"] == "/de/emergency" and links["de"].text == "Deutsch"
    assert links["en"].text == "English"


@pytest.mark.parametrize(
    ("header", "target"),
    [(None, "/de/"), ("en-US,en;q=0.9", "/en/"), ("fr", "/fr/"), ("ja", "/de/"), ("%%%garbage", "/de/"), ("de;q=0.2, en;q=0.8", "/en/")],
)
def test_root_redirects_by_accept_language(client, header, target):
    headers = {"Accept-Language": header} if header is not None else {}
    response = client.get("/", headers=headers)
    assert response.status_code in (302, 307)
    assert response.headers["location"] == target
    assert "accept-language" in response.headers.get("vary", "").lower()
    assert_security_headers(response)


@pytest.mark.parametrize(
    ("path", "accept", "code"),
    [("/xx/", "en", "en"), ("/xx/", None, "de"), ("/de/nope", "en", "de"), ("/en/nope/deeper", None, "en"),
     ("/en/services/no-such-service", None, "en"), ("/en/info/no-such-topic", None, "en"), ("/nothing", "en;q=1", "en")],
)
def test_not_found_page_in_the_right_language_with_help(client, path, accept, code):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get(path, headers=headers)
    assert response.status_code == 404
    document = parse_html(response.text)
    assert document.find("html").attrs["lang"] == code
    assert document.find("a", id="quick-exit") is not None
    tel = {a.attrs["href"] for a in document.find_all("a") if a.attrs.get("href", "").startswith("tel:")}
    assert {"tel:110", "tel:116016"} <= tel
    assert_security_headers(response)


def test_headers_on_every_kind_of_response(client, app):
    app.state.offline.wait()  # the worker as a server started warm answers it
    responses = [
        client.get("/de/"),
        client.get("/"),
        client.get("/de/nope"),
        client.get("/api/services"),
        client.get("/manifest.json"),
        client.get("/service-worker.js"),
        client.get(app.state.assets.url("css/app.css")),
        client.get("/static/0000/css/app.css"),
        client.post("/de/"),
        client.request("OPTIONS", "/de/"),
    ]
    for response in responses:
        assert response.status_code < 500
        assert_security_headers(response)


def test_method_not_allowed_is_not_an_error(client):
    response = client.request("DELETE", "/de/plan")
    assert response.status_code == 405


def test_text_responses_are_compressed(client):
    response = client.get("/de/", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"


def test_static_files_are_hashed_and_immutable(client, app):
    url = app.state.assets.url("css/app.css")
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]
    assert response.headers.get("content-encoding") == "gzip"
    assert client.get(url.replace(app.state.assets.version, "deadbeef0000")).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/static/{v}/../pwa/settings.py",
        "/static/{v}/..%2f..%2fpwa%2fsettings.py",
        "/static/{v}/%2e%2e/%2e%2e/etc/passwd",
        "/static/{v}//etc/passwd",
        "/static/{v}/css/../../server.py",
        "/static/{v}/.%2e/pyproject.toml",
        "/de/../pyproject.toml",
        "/static/{v}/%00",
        "/de/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_nothing_outside_static_is_served(client, app, path):
    response = client.get(path.format(v=app.state.assets.version))
    assert response.status_code in (404, 400, 405)
    for secret in ("root:x:", "QUICK_EXIT_URL", "[project]", "import "):
        assert secret not in response.text


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    segments=st.lists(st.one_of(_text, st.sampled_from(["de", "en", "services", "info", "static", "..", "%2e%2e", "api"])), max_size=5),
    query=st.dictionaries(_text, _text, max_size=4),
    accept=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80),
    method=st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]),
)
def test_fuzzed_requests_never_fail(client, segments, query, accept, method):
    # Empty segments (paths starting with //) are covered by the raw ASGI test below.
    path = "/" + "/".join(quote(segment, safe=".%") or "_" for segment in segments)
    response = client.request(method, path, params=query, headers={"Accept-Language": accept})
    assert response.status_code < 500, (method, path, query)


def test_raw_garbage_paths_never_fail(client):
    for path in ["/%ff%fe", "/de/%", "/" + "a/" * 500, "/de/services/" + "x" * 5000, "/de/?%ZZ=1", "/de/info/%c0%ae%c0%ae"]:
        assert client.get(path).status_code < 500, path


def test_no_cookie_on_any_page(crawl):
    for page in [*crawl.pages.values(), *crawl.not_found.values()]:
        assert "set-cookie" not in {k.lower() for k in page.headers.keys()}, page.path


def test_raw_asgi_paths_and_headers_never_fail(app):
    """Bytes no HTTP client library would send, straight into the ASGI app."""
    import asyncio

    raw_paths = [b"/\xff\xfe", b"/de/\x00", b"/%", b"/de/%zz", b"/" + b"\xc0\xae" * 50, b"//de//", b"/de/services/\xe2\x80\xae"]
    header_sets = [[], [(b"accept-language", b"\xff\xfe\x00")], [(b"host", b"\x00")], [(b"accept-encoding", b"gzip;q=\xff")]]

    async def call(raw_path: bytes, headers: list) -> int:
        statuses: list[int] = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            if message["type"] == "http.response.start":
                statuses.append(message["status"])

        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
            "path": raw_path.decode("latin-1"), "raw_path": raw_path, "root_path": "", "query_string": b"a=%ff&b",
            "headers": headers, "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80), "state": {},
        }
        await app(scope, receive, send)
        return statuses[0]

    async def run_all():
        for raw_path in raw_paths:
            for headers in header_sets:
                status = await call(raw_path, headers)
                assert status < 500, (raw_path, headers)

    # A thread of its own: a browser test earlier in the session may own this thread's event loop.
    import threading

    errors: list[BaseException] = []

    def runner() -> None:
        try:
            asyncio.run(run_all())
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(error)

    thread = threading.Thread(target=runner)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    if errors:
        raise errors[0]
