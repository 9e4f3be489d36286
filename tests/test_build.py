"""The static build: byte for byte the same from the same commit and data, every text file
compressed beside it, and header rules for static hosts that say what the app said."""

from __future__ import annotations


import gzip
import re
from datetime import datetime
from pathlib import Path

import brotli
import pytest

from pwa import build, static_host
from pwa.clock import BERLIN
from pwa.headers import SECURITY_HEADERS
from tests.conftest import make_settings

MOMENT = datetime(2026, 3, 4, 10, 30, tzinfo=BERLIN)


def files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    answers = build.build(folder / "one", 8123, settings=make_settings(folder), moment=MOMENT)
    return folder, answers


def test_the_same_commit_and_data_give_the_same_files(built):
    folder, _ = built
    build.build(folder / "two", 8123, settings=make_settings(folder), moment=MOMENT)
    one, two = files(folder / "one"), files(folder / "two")
    assert len(one) > 1000
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_every_page_of_every_language_is_there_with_the_worker_and_the_api(built, crawl):
    folder, answers = built
    public = folder / "one" / "public"
    by_path = {r.path: r for r in answers if r.accept_language is None}
    for path, page in crawl.pages.items():
        assert by_path[path].status == 200, path
        # The crawl's pages are today's; the about page's events move with the date.
        assert (public / by_path[path].file).read_bytes() == page.content or "/about" in path, path
    for path in ("/service-worker.js", "/api/services", "/manifest.json", "/de/manifest.json", "/index.html", "/ar/offline"):
        assert (public / by_path[path].file).is_file(), path
    for code in crawl.app.state.templates.codes:
        assert (public / code / "404.html").is_file() and by_path[f"/{code}"].status == 301
    assert (public / "404.html").is_file() and by_path["/"].status == 302
    for url in crawl.app.state.assets.urls():
        assert (public / url.lstrip("/")).is_file(), url


def test_every_text_file_has_its_gzip_and_brotli_forms(built):
    folder, answers = built
    public = folder / "one" / "public"
    for recorded in answers:
        if recorded.file and build.is_text(recorded.media_type):
            body = (public / recorded.file).read_bytes()
            assert gzip.decompress((public / (recorded.file + ".gz")).read_bytes()) == body, recorded.file
            assert brotli.decompress((public / (recorded.file + ".br")).read_bytes()) == body, recorded.file


def _matches(pattern: str, path: str) -> bool:
    """A host's pattern: one splat, anywhere, stands for any characters (Cloudflare, Netlify)."""
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), path) is not None


def test_static_host_rules_give_each_address_the_apps_headers_once(built):
    _, answers = built
    rules = static_host.rules(answers)
    assert len(rules) <= 100, "Cloudflare Pages reads at most 100 rules"
    assert rules[0][0] == "/*" and {k.lower() for k in SECURITY_HEADERS} <= set(rules[0][1])
    served = [r for r in answers if r.status == 200 and r.file]
    for recorded in served:
        said: dict[str, str] = {}
        for pattern, headers in rules:
            if _matches(pattern, recorded.path):
                for name, value in headers.items():
                    assert name not in said, f"{recorded.path}: two rules set {name}"
                    said[name] = value
        assert said == static_host.headers_of(recorded), recorded.path
    manifest = static_host.headers_of(next(r for r in served if r.path == "/de/manifest.json"))
    assert manifest["content-type"] == "application/manifest+json"


def test_the_start_page_for_static_hosts_lists_every_language(built, crawl):
    folder, _ = built
    from tests.helpers import parse_html

    document = parse_html((folder / "one" / "public" / "index.html").read_text(encoding="utf-8"))
    listing = document.find("ul", data_module="choose-language")
    assert [a.attrs["hreflang"] for a in listing.find_all("a")] == [language.tag for language in crawl.app.state.templates.languages]
    assert document.find("a", id="quick-exit") is not None
    redirects = (folder / "one" / "public" / "_redirects").read_text(encoding="utf-8")
    assert "/de  /de/  301" in redirects and "/ar/*  /ar/404.html  404" in redirects
