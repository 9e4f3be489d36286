"""The covers as the server gives them: a page and a manifest per cover and language, neutral in
every word, linking nothing of the help part, loading only their own files."""

from __future__ import annotations

import re
import shutil

import pytest
from starlette.testclient import TestClient

from pwa import covers, icons
from pwa.app import create_app
from pwa.settings import ROOT
from tests.conftest import make_settings
from tests.neutral_words import cover_telling_words

# Attributes whose values are addresses or names of the page's own parts, checked on their own.
_ADDRESS = {"href", "src"}
_IMPORT = re.compile(r"""(?:import|from)\s*\(?\s*["'](\./[\w./-]+\.js)["']""")
# Words only code would use that would say what a cover is for.
_CODE_WORDS = ("disguise", "cover", "tarn")


def _cover_pages(crawl):
    for cover in covers.COVERS:
        for code in crawl.app.state.templates.codes:
            yield cover, code, crawl.root[covers.start_path(cover, code)]


def _manifest(client, cover, code) -> dict:
    response = client.get(covers.manifest_path(cover, code))
    assert response.status_code == 200, (cover.id, code)
    assert response.headers["content-type"].startswith("application/manifest+json")
    return response.json()


def _loaded_files(page, assets) -> list[str]:
    """Every static file a page loads: its links and scripts, and what those scripts import."""
    prefix = f"{assets.prefix}/{assets.version}/"
    keys = []
    for element in page.document.iter():
        for attribute in _ADDRESS:
            url = element.attrs.get(attribute) or ""
            if url.startswith(prefix):
                keys.append(url[len(prefix):])
    seen: list[str] = []
    while keys:
        key = keys.pop()
        if key in seen:
            continue
        assert key in assets.assets, key
        seen.append(key)
        if key.endswith(".js"):
            folder = key.rsplit("/", 1)[0]
            keys += [f"{folder}/{name[2:]}" for name in _IMPORT.findall(assets.assets[key].body.decode("utf-8"))]
    return seen


def test_every_cover_has_a_start_page_in_every_language(crawl):
    codes = crawl.app.state.templates.codes
    starts = [covers.start_path(c, code) for c in covers.COVERS for code in c.slugs]
    assert list(crawl.app.state.site.family("covers").root_paths) == starts
    assert set(starts) <= set(crawl.app.state.site.root_pages())
    for cover, code, page in _cover_pages(crawl):
        assert page.status == 200, page.path
        html, language = page.document.find("html"), crawl.app.state.templates.by_code[code]
        assert html.attrs["lang"] == language.tag and html.attrs["dir"] == language.dir
        assert page.document.find("body").attrs["data-cover-page"] == cover.id
        assert page.document.find("title").text == crawl.app.state.templates.gettext(code, cover.name)
        assert page.document.find("link", rel="manifest").attrs["href"] == covers.manifest_path(cover, code)
        assert page.headers["content-language"] == language.tag
        assert set(cover.slugs) == set(codes), f"{cover.id} needs a start page in every enabled language"


def test_start_pages_are_everyday_words_each_its_own_address(app):
    codes = app.state.templates.codes
    paths = [covers.start_path(cover, code) for cover in covers.COVERS for code in cover.slugs]
    assert len(paths) == len(set(paths))
    for path in paths:
        assert re.fullmatch(r"/[a-z]+(-[a-z]+)*", path), path
        assert path.lstrip("/") not in codes and path not in {"/manifest.json", "/service-worker.js", "/static", "/api"}
    for cover in covers.COVERS:
        for code, slug in cover.slugs.items():
            assert cover_telling_words(slug.replace("-", " "), code) == [], (cover.id, slug)


def test_every_cover_has_its_own_installable_manifest_in_every_language(client, app):
    templates = app.state.templates
    ids = set()
    for cover in covers.COVERS:
        for code in templates.codes:
            data = _manifest(client, cover, code)
            start = covers.start_path(cover, code)
            assert data["id"] == start and data["start_url"] == start, (cover.id, code)
            assert data["scope"] == "/", "the help part opens inside the installed cover"
            assert data["display"] == "standalone"
            assert data["lang"] == templates.by_code[code].tag and data["dir"] == templates.by_code[code].dir
            assert data["theme_color"] == cover.theme and data["background_color"] == cover.background
            assert data["name"] == templates.gettext(code, cover.name)
            assert data["short_name"] == templates.gettext(code, cover.short_name)
            assert 0 < len(data["short_name"]) <= 12, (code, data["short_name"])
            ids.add(data["id"])
            sizes = set()
            for icon in data["icons"]:
                response = client.get(icon["src"])
                assert response.status_code == 200 and response.headers["content-type"] == icon["type"], icon["src"]
                assert f"/icons/{cover.id}" in icon["src"], "a cover shows its own icon"
                if icon["type"] == "image/png":
                    width, height, _ = icons.read_png(response.content)
                    assert icon["sizes"] == f"{width}x{height}"
                sizes.add((icon["sizes"], icon["purpose"]))
            assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    assert len(ids) == len(covers.COVERS) * len(templates.codes), "each cover and language is its own app"
    assert "/" not in ids, "no cover is the help part's app"


def test_nothing_in_a_cover_tells(crawl):
    """Title, text, every attribute, the manifest's texts: no telling word, no name of this app."""
    with TestClient(crawl.app) as client:
        for cover, code, page in _cover_pages(crawl):
            texts = [page.document.text] + [str(v) for e in page.document.iter() for v in e.attrs.values() if v]
            for text in texts:
                assert cover_telling_words(text, code) == [], (page.path, text[:80])
            data = _manifest(client, cover, code)
            for field in ("name", "short_name", "description"):
                assert cover_telling_words(data[field], code) == [], (page.path, field, data[field])
            assert cover_telling_words(page.text, code) == [], f"{page.path}: the source tells"


def test_a_cover_links_nothing_of_the_help_part(crawl):
    assets = crawl.app.state.assets
    prefix = f"{assets.prefix}/{assets.version}/"
    codes = crawl.app.state.templates.codes
    for cover, code, page in _cover_pages(crawl):
        document = page.document
        assert document.find(id="quick-exit") is None, "a cover is the safe place: no quick exit"
        assert document.find_all("a") == [], "no link at all"
        for element in document.iter():
            for attribute in ("href", "src", "action", "formaction"):
                url = element.attrs.get(attribute)
                if url is None:
                    continue
                assert url.startswith(prefix) or url == covers.manifest_path(cover, code), (page.path, url)
        for form in document.find_all("form"):
            assert form.attrs.get("method") == "dialog", "without JavaScript a form sends nothing, not even to the page"


def test_a_cover_loads_only_its_own_small_files(crawl):
    assets = crawl.app.state.assets
    help_paths = re.compile(r"/(%s)/" % "|".join(crawl.app.state.templates.codes))
    for cover, code, page in _cover_pages(crawl):
        files = _loaded_files(page, assets)
        assert f"js/{cover.id}.js" in files and "css/tools.css" in files
        for help_file in ("js/app.js", "js/before-paint.js", "js/names.js", "js/quick-exit.js", "css/app.css"):
            assert help_file not in files, (page.path, help_file)
        for key in files:
            if key.endswith((".png",)):
                continue
            body = assets.assets[key].body.decode("utf-8")
            assert cover_telling_words(body, code) == [], (key, cover_telling_words(body, code))
            folded = body.lower()
            assert not [word for word in _CODE_WORDS if word in folded], key
            assert not help_paths.search(body), f"{key} names a page of the help part"


def test_numbers_are_written_as_each_language_does(app):
    assert covers.number_symbols("de") == {"digits": "0123456789", "decimal": ",", "group": "."}
    assert covers.number_symbols("en")["decimal"] == "."
    assert covers.number_symbols("pl")["group"] == "\u00a0"
    assert covers.number_symbols("fa") == {"digits": "۰۱۲۳۴۵۶۷۸۹", "decimal": "٫", "group": "٬"}
    for code in app.state.templates.codes:
        assert len(covers.number_symbols(code)["digits"]) == 10


def test_the_calculators_keys_are_in_the_pages_language(crawl):
    for cover, code, page in _cover_pages(crawl):
        if cover.id != "calculator":
            continue
        numbers = covers.number_symbols(code)
        keys = {b.attrs["data-key"]: b for b in page.document.find_all("button") if "data-key" in b.attrs}
        assert set(keys) == {*"0123456789", ".", "+", "-", "*", "/", "=", "clear", "back", "sign"}
        assert [keys[d].text for d in "0123456789"] == list(numbers["digits"])
        assert keys["."].text == numbers["decimal"]
        assert all(keys[k].attrs.get("aria-label") for k in ("+", "-", "*", "/", "=", "clear", "back", "sign", "."))


def test_the_converters_units_are_complete(crawl):
    page = crawl.root[covers.start_path(covers.BY_ID["converter"], "de")]
    ids = [unit.id for kind in covers.UNIT_KINDS for unit in kind.units]
    assert len(ids) == len(set(ids))
    for name in ("from", "to"):
        select = page.document.find("select", id=f"converter-{name}")
        options = select.find_all("option")
        assert [o.attrs["value"] for o in options] == ids
        assert all(float(o.attrs["data-factor"]) > 0 and o.attrs["data-symbol"] for o in options)
    for kind in covers.UNIT_KINDS:
        assert len(kind.units) >= 2, kind.id


def test_a_language_that_is_not_enabled_has_no_covers(tmp_path):
    root = tmp_path / "root"
    for folder in ("templates", "static", "locales"):
        shutil.copytree(ROOT / folder, root / folder)
    for name in ("service-worker.js", "manifest.json"):
        shutil.copy2(ROOT / name, root / name)
    (root / "locales" / "enabled").write_text("de\nen\n", encoding="utf-8")
    app = create_app(make_settings(tmp_path, root=root))
    with TestClient(app) as client:
        assert client.get("/rechner").status_code == 200
        assert client.get("/kalkulator").status_code == 404
        assert client.get("/kalkulator/manifest.json").status_code == 404


def test_cover_icons_are_the_generators(app):
    for name, (cover, size, rounded) in icons.cover_icons().items():
        width, height, rgba = icons.read_png((ROOT / "static" / "icons" / name).read_bytes())
        assert (width, height) == (size, size), name
        assert rgba == icons.pixels(size, rounded, icons.COVER_DRAWINGS[cover]), f"{name} is stale: run `make icons`"
        if not rounded:
            assert all(rgba[i] == 255 for i in range(3, len(rgba), 4)), f"{name}: a maskable icon is opaque"
    for cover in covers.COVERS:
        svg = (ROOT / "static" / "icons" / f"{cover.id}.svg").read_text(encoding="utf-8")
        assert svg == icons.svg(icons.COVER_DRAWINGS[cover.id]), f"{cover.id}.svg is stale: run `make icons`"
        assert covers.icon_keys(cover)["svg"] in app.state.assets.assets


@pytest.mark.parametrize("cover_id", list(icons.COVER_DRAWINGS))
def test_cover_drawings_stay_in_the_maskable_safe_zone(cover_id):
    drawing = icons.COVER_DRAWINGS[cover_id]
    centre = icons.GRID / 2
    for _, rings in drawing.shapes:
        for ring in rings:
            for x, y in ring:
                assert ((x - centre) ** 2 + (y - centre) ** 2) ** 0.5 <= 0.4 * icons.GRID, (cover_id, x, y)
    assert drawing.background != icons.BLUE, "a cover looks like nothing of the help part"
