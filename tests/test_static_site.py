"""The static build served by Debian's nginx: every address with the app's status, headers and
bytes, the language chosen at /, the page for unknown addresses, no cookie, no client address."""

from __future__ import annotations

import gzip
import http.client
from urllib.parse import urlsplit

import brotli
import pytest

from pwa import i18n
from pwa.headers import SECURITY_HEADERS
from tests.helpers import parse_html

pytestmark = pytest.mark.nginx

# Headers nginx makes for the file it sends, or for its own redirects.
MADE_BY_NGINX = {"content-length", "content-encoding", "etag", "date", "last-modified", "accept-ranges", "server", "connection", "content-type"}


def get(site, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(urlsplit(site.base).netloc, timeout=10)
    try:
        connection.request(headers.pop("method", "GET"), path, headers={k.replace("_", "-"): v for k, v in headers.items()})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def decoded(headers: dict[str, str], body: bytes) -> bytes:
    coding = headers.get("content-encoding")
    return brotli.decompress(body) if coding == "br" else gzip.decompress(body) if coding == "gzip" else body


def test_every_page_of_de_and_ar_has_the_quick_exit_and_the_servers_headers(static_site, crawl):
    for code in ("de", "ar"):
        pages = crawl.of(code)
        assert len(pages) > 30
        for page in pages:
            status, headers, body = get(static_site, page.path, Accept_Encoding="br, gzip")
            assert status == 200, page.path
            document = parse_html(decoded(headers, body).decode("utf-8"))
            assert document.find("a", id="quick-exit") is not None, page.path
            assert document.find("html").attrs["lang"] == code, page.path
            for name in ("content-type", "cache-control", "content-language", *SECURITY_HEADERS):
                assert headers.get(name.lower()) == page.headers.get(name), (page.path, name)
            assert "set-cookie" not in headers


def test_every_address_answers_as_the_app_did(static_site):
    for recorded in static_site.answers:
        if recorded.accept_language is not None:
            continue
        for coding in ("br", "gzip", "identity"):
            status, headers, body = get(static_site, recorded.path, Accept_Encoding=coding, Accept_Language="")
            assert status == recorded.status, recorded.path
            if recorded.status == 200:
                assert headers["content-type"] == recorded.headers["content-type"], recorded.path
                assert decoded(headers, body) == recorded.body, (recorded.path, coding)
            for name, value in recorded.headers.items():
                if name not in MADE_BY_NGINX and name != "location":
                    assert headers.get(name) == value, (recorded.path, name)
            if recorded.status in (301, 302):
                assert headers["location"] == recorded.headers["location"], recorded.path
            assert "set-cookie" not in headers


def test_a_page_not_changed_is_not_sent_again(static_site):
    status, headers, _ = get(static_site, "/de/services", Accept_Encoding="br")
    assert status == 200 and headers["content-encoding"] == "br"
    status, again, body = get(static_site, "/de/services", Accept_Encoding="br", If_None_Match=headers["etag"])
    assert (status, body) == (304, b"")
    status, head, body = get(static_site, "/de/services", method="HEAD", Accept_Encoding="gzip")
    assert status == 200 and body == b"" and head["content-encoding"] == "gzip"


@pytest.mark.parametrize(
    "header",
    [None, "", "en-US,en;q=0.9", "fr", "%%%garbage", "de;q=0.2, en;q=0.8", "tr,en;q=0.5", "EN-us", "uk",
     "pt-BR,pt;q=0.9,fa;q=0.8", "ar-EG;q=0.5, ru;q=0.7", "zh-CN,zh;q=0.9,pl;q=0.8,en;q=0.7", "*"],
)
def test_the_language_is_chosen_at_the_root_as_the_server_chooses_it(static_site, header):
    headers = {"Accept_Language": header} if header is not None else {}
    status, got, _ = get(static_site, "/", **headers)
    assert status == 302
    assert got["location"] == f"/{i18n.negotiate(header, static_site.codes)}/"
    assert "accept-language" in got["vary"].lower()
    for name, value in SECURITY_HEADERS.items():
        assert got[name.lower()] == value


@pytest.mark.parametrize(
    ("path", "accept", "code"),
    [("/de/nope", "en", "de"), ("/ar/services/no-such-service", None, "ar"), ("/nope", "ar", "ar"),
     ("/xx/", None, "de"), ("/fa/info/nothing", "de", "fa"), ("/de/services.html", None, "de")],
)
def test_an_unknown_address_gets_the_page_in_the_right_language(static_site, path, accept, code):
    headers = {"Accept_Language": accept} if accept else {}
    status, got, body = get(static_site, path, Accept_Encoding="br, gzip", **headers)
    assert status == 404
    document = parse_html(decoded(got, body).decode("utf-8"))
    assert document.find("html").attrs["lang"] == code
    assert document.find("a", id="quick-exit") is not None
    assert got["content-language"] == code
    negotiated = path.strip("/").split("/")[0] not in static_site.codes
    assert ("accept-language" in got["vary"].lower()) == negotiated
    for name, value in SECURITY_HEADERS.items():
        assert got[name.lower()] == value


def test_the_logs_hold_no_client_address(static_site):
    get(static_site, "/de/?city=zzfilter")
    logs = "".join(p.read_text(encoding="utf-8") for p in (static_site.out / "logs").iterdir())
    assert "GET /de/" in logs
    assert "127.0.0.1" not in logs and "zzfilter" not in logs
