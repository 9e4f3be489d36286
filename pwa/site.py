"""The site: every page family, its routes and its pages in every language.

`create_app` builds one :class:`Site` and keeps it on ``app.state.site``. Whatever needs the
whole site reads it there: the routes of the app, the offline copy (every page it precaches),
the benchmark and the tests that look at every page.

A page family is one feature's part of the site (the directory, the plan, ...). Its routes
live inside ``/{locale}/`` (``routes``) or at the root (``root_routes``). Its pages are paths
inside the locale: fixed ones (``paths``), and those that follow the directory's entries
(``paths_from_directory``), so a service added while the server runs has its page at once.
A family may also have pages outside the locales (``root_paths``, absolute paths).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from starlette.routing import BaseRoute
from starlette.types import Message

from pwa import request_state


@dataclass(frozen=True)
class PageFamily:
    name: str
    routes: Sequence[BaseRoute] = ()
    root_routes: Sequence[BaseRoute] = ()
    paths: Sequence[str] = ()
    paths_from_directory: Callable[[Any], Iterable[str]] | None = None
    root_paths: Sequence[str] = ()  # pages outside /{locale}/, as absolute paths

    def page_paths(self, directory: Any) -> list[str]:
        """Its pages inside one locale ("" is the locale's home page)."""
        found = list(self.paths)
        if self.paths_from_directory is not None:
            found += self.paths_from_directory(directory)
        return found


class Site:
    """Every page family of the app, for the enabled languages, over the app's directory."""

    def __init__(self, families: Sequence[PageFamily], codes: Sequence[str], directory: Any) -> None:
        names = [family.name for family in families]
        if len(set(names)) != len(names):
            raise ValueError(f"page families must have different names: {names}")
        self.families = tuple(families)
        self.codes = tuple(codes)
        self.directory = directory

    def family(self, name: str) -> PageFamily:
        for family in self.families:
            if family.name == name:
                return family
        raise KeyError(name)

    @property
    def routes(self) -> list[BaseRoute]:
        """The routes inside /{locale}/, in family order."""
        return [route for family in self.families for route in family.routes]

    @property
    def root_routes(self) -> list[BaseRoute]:
        return [route for family in self.families for route in family.root_routes]

    def inner_paths(self) -> list[str]:
        """Every page inside a locale, each once, in family order ("" is the home page)."""
        paths: list[str] = []
        for family in self.families:
            paths += [path for path in family.page_paths(self.directory) if path not in paths]
        return paths

    def page_paths(self, code: str) -> list[str]:
        """Every HTML page of one language, as absolute paths."""
        if code not in self.codes:
            raise KeyError(code)
        return [f"/{code}/{inner}" for inner in self.inner_paths()]

    def root_pages(self) -> list[str]:
        """Every page outside the locales, each once, in family order."""
        return list(dict.fromkeys(path for family in self.families for path in family.root_paths))

    def pages(self) -> dict[str, list[str]]:
        """Every HTML page of every enabled language: code -> absolute paths."""
        inner = self.inner_paths()
        return {code: [f"/{code}/{path}" for path in inner] for code in self.codes}


async def render_path(app: Any, path: str) -> tuple[int, dict[str, str], bytes]:
    """One of the app's own pages, rendered in-process as its routes answer it: status,
    headers and body. A page that is not found raises HTTPException, like any route."""
    headers = [(b"host", b"localhost")]
    # The app's middleware is not on this way in: the request's state is resolved here.
    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "server": ("localhost", 80), "client": None, "root_path": "",
        "path": path, "raw_path": path.encode(), "query_string": b"",
        "headers": headers, "app": app, "state": request_state.resolve(app, path, headers),
    }
    status, head, chunks = 0, {}, []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status, head
        if message["type"] == "http.response.start":
            status = message["status"]
            head = {k.decode("latin-1"): v.decode("latin-1") for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app.router(scope, receive, send)
    return status, head, b"".join(chunks)
