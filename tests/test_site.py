"""The site registry: every page family, its routes and its pages in every language."""

from __future__ import annotations

import pytest
from starlette.routing import Route

from pwa.site import PageFamily, Site


class _Directory:
    def __init__(self, ids: list[str]) -> None:
        self.ids = ids

    def services(self):
        return [type("S", (), {"id": i}) for i in self.ids]


def _site(directory: _Directory) -> Site:
    first = PageFamily("first", routes=[Route("/", lambda r: None)], paths=("", "a"))
    second = PageFamily(
        "second",
        routes=[Route("/b", lambda r: None)],
        root_routes=[Route("/root", lambda r: None)],
        paths=("b", "a"),
        paths_from_directory=lambda d: [f"b/{s.id}" for s in d.services()],
    )
    return Site([first, second], ["de", "en"], directory)


def test_pages_follow_the_families_and_the_directory():
    directory = _Directory(["x", "y"])
    site = _site(directory)
    assert site.inner_paths() == ["", "a", "b", "b/x", "b/y"]
    assert site.page_paths("en") == ["/en/", "/en/a", "/en/b", "/en/b/x", "/en/b/y"]
    directory.ids.append("z")  # a service added while the server runs has its page at once
    assert site.pages()["de"][-1] == "/de/b/z"
    assert list(site.pages()) == ["de", "en"]
    with pytest.raises(KeyError):
        site.page_paths("xx")


def test_routes_are_collected_in_family_order():
    site = _site(_Directory([]))
    assert [r.path for r in site.routes] == ["/", "/b"]
    assert [r.path for r in site.root_routes] == ["/root"]
    assert site.family("second").paths == ("b", "a")
    with pytest.raises(KeyError):
        site.family("third")


def test_family_names_are_unique():
    with pytest.raises(ValueError):
        Site([PageFamily("one"), PageFamily("one")], ["de"], _Directory([]))


def test_the_app_serves_every_family_of_its_site(app):
    site = app.state.site
    assert [f.name for f in site.families] == ["home", "languages", "directory", "plan", "journal", "safety", "disguise", "info", "about", "offline", "covers"]
    mounted = {getattr(route, "path", None) for route in app.routes}
    for route in site.root_routes:
        assert route.path in mounted
    assert site.directory is app.state.directory
    for code in app.state.templates.codes:
        paths = site.page_paths(code)
        assert len(paths) == len(set(paths))
        assert paths[0] == f"/{code}/"
        assert {f"/{code}/services/{s.id}" for s in app.state.directory.services()} <= set(paths)


def test_pages_outside_the_locales_are_listed_once_in_family_order():
    first = PageFamily("first", root_paths=("/cover-a/", "/cover-b/"))
    second = PageFamily("second", root_paths=("/cover-b/", "/cover-c/"))
    site = Site([first, second], ["de"], _Directory([]))
    assert site.root_pages() == ["/cover-a/", "/cover-b/", "/cover-c/"]
    assert site.inner_paths() == []
