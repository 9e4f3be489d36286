"""The disguise page as the server gives it, in every language, and the contracts the disguise's
scripts rely on: where the pages link it, what the help pages' heads hold before before-paint.js,
and the numbers the server and the scripts share."""

from __future__ import annotations

import re

from pwa import covers, disguise
from pwa.settings import ROOT
from tests.neutral_words import telling_words


def _script(name: str) -> str:
    return (ROOT / "static" / "js" / name).read_text(encoding="utf-8")


def test_the_disguise_page_offers_every_cover_in_every_language(crawl):
    for code in crawl.app.state.templates.codes:
        page = crawl.pages[f"/{code}/disguise"]
        assert page.status == 200
        document = page.document
        assert telling_words(document.find("title").text, code) == [], document.find("title").text
        links = {a.attrs["data-cover"]: a.attrs["href"] for a in document.find_all("a") if "data-cover" in a.attrs}
        assert links == {cover.id: covers.start_path(cover, code) for cover in covers.COVERS}
        radios = [i for i in document.find_all("input", type="radio", name="cover")]
        assert [r.attrs["value"] for r in radios] == [cover.id for cover in covers.COVERS]
        assert "checked" in radios[0].attrs, "a cover is chosen from the start"
        for radio in radios:
            cover = covers.BY_ID[radio.attrs["value"]]
            assert radio.attrs["data-start"] == covers.start_path(cover, code)
            assert radio.attrs["data-manifest"] == covers.manifest_path(cover, code)
            assert radio.attrs["data-title"] == crawl.app.state.templates.gettext(code, cover.name)
            assert radio.attrs["data-theme"] == cover.theme
            steps = [e for e in document.iter() if e.attrs.get("data-disguise-steps") == cover.id]
            assert len(steps) == 1, cover.id
            assert {a.attrs["href"] for a in steps[0].find_all("a")} == {covers.start_path(cover, code)}
        forms = [f for f in document.find_all("form") if "data-disguise-form" in f.attrs]
        assert len(forms) == 1 and "hidden" in forms[0].attrs, "without JavaScript no code can be set, so no form shows"
        for field in ("disguise-code", "disguise-code-again"):
            element = document.find("input", id=field)
            assert element.attrs["type"] == "password" and element.attrs["inputmode"] == "numeric"
            assert element.attrs["autocomplete"] == "one-time-code"  # no password manager offers to keep it (templates/_passphrase.html)
        options = [o.attrs["value"] for o in document.find("select", id="disguise-lock-after").find_all("option")]
        assert options == [str(m) for m in disguise.LOCK_AFTER_MINUTES]
        selected = [o for o in document.find("select", id="disguise-lock-after").find_all("option") if "selected" in o.attrs]
        assert [o.attrs["value"] for o in selected] == [str(disguise.DEFAULT_LOCK_AFTER)]


def test_the_home_page_and_the_safety_page_lead_to_it(crawl):
    for code in crawl.app.state.templates.codes:
        home = crawl.pages[f"/{code}/"].document.find("nav", class_="ways-in")
        assert f"/{code}/disguise" in {a.attrs["href"] for a in home.find_all("a")}, code
        safety = crawl.pages[f"/{code}/safety"].document.find("main")
        assert f"/{code}/disguise" in {a.attrs["href"] for a in safety.find_all("a")}, code


def test_every_help_page_has_what_before_paint_changes_before_it_runs(crawl):
    """before-paint.js gives a disguised page the cover's title, icons, colour and manifest: they
    must be in the head before it, and it must be the first script."""
    for page in [*crawl.pages.values(), *crawl.not_found.values()]:
        head = page.document.find("head")
        order = [e for e in head.children if e.tag in {"title", "link", "meta", "script"}]
        scripts = [i for i, e in enumerate(order) if e.tag == "script"]
        first = scripts[0]
        assert order[first].attrs["src"].endswith("/js/before-paint.js"), page.path
        assert "type" not in order[first].attrs, "a classic script: it runs before the page is drawn"
        before = order[:first]
        assert any(e.tag == "title" for e in before), page.path
        for rel in ("manifest", "icon", "apple-touch-icon"):
            assert any(e.tag == "link" and e.attrs.get("rel") == rel for e in before), (page.path, rel)
        assert any(e.tag == "meta" and e.attrs.get("name") == "theme-color" for e in before), page.path


def test_the_scripts_share_the_servers_numbers_and_names():
    store, lock, before, names = (_script(n) for n in ("tool-store.js", "tool-lock.js", "before-paint.js", "names.js"))
    low, high = disguise.CODE_DIGITS
    assert f"/^[0-9]{{{low},{high}}}$/" in lock
    assert f"MIN_LOCK_AFTER = {min(disguise.LOCK_AFTER_MINUTES) * 60000};" in store
    assert disguise.DEFAULT_LOCK_AFTER in disguise.LOCK_AFTER_MINUTES
    for key, value in (("disguise", "tools.lock"), ("shoppingList", "tools.shopping-list"), ("disguiseOpen", "tools.lock.open")):
        assert f'{key}: "{value}"' in names
        assert f'"{value}"' in store
    for value in ("tools.lock", "tools.lock.open"):
        assert f'"{value}"' in before
    # The covers read these names: nothing in them may name the app.
    assert not re.search(r"wegweiser", store.split("*/", 1)[-1].replace("names.js", ""), re.IGNORECASE)
    assert set(disguise.OPEN_WITH_CODE) == set(covers.BY_ID)
