"""What a request is about, resolved once as it arrives: its language and its time.

:class:`RequestState` puts both into the request's state before any route runs, so every page,
the 404 page included, reads ``request.state.locale``, ``request.state.now`` and
``request.state.today``:

- the language is the path's first segment when that is an enabled language, and otherwise
  the browser's best one by Accept-Language (for an address outside the languages; then
  ``request.state.negotiated`` is true, and the page says ``Vary: Accept-Language``);
- the time is ``app.state.clock()`` in Europe/Berlin. ``create_app`` sets the clock to
  :func:`pwa.clock.now`; tests fix the time by setting ``app.state.clock`` to a function that
  returns an aware datetime. ``today`` is its date: a page that needs only the day reads it,
  so that the page memory (pwa/memory.py) renders it again once a day, not once a minute.

The state remembers which of these a page read (:attr:`ResolvedState.read`): the page memory
keeps a page by the values it read, and by nothing else of the request.
"""

from __future__ import annotations

from typing import Any, Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from pwa import i18n
from pwa.clock import BERLIN


TRACKED = ("locale", "now", "today")


class ResolvedState(dict[str, Any]):
    """A request's state that records which of :data:`TRACKED` was read, and whether its
    language came from the browser (Accept-Language) rather than from the path."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()
        self.negotiated = False

    def __getitem__(self, key: str) -> Any:
        if key in TRACKED:
            self.read.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default


def language_from_path(codes: Iterable[str], path: str) -> str | None:
    """The enabled language a path starts with, if any."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in codes else None


def resolve(app: Any, path: str, headers: Iterable[tuple[bytes, bytes]]) -> ResolvedState:
    """The state of a request for ``path`` with these headers: ``locale``, ``now``, ``today``."""
    codes = app.state.templates.codes
    locale = language_from_path(codes, path)
    negotiated = locale is None
    if locale is None:
        accept = next((v.decode("latin-1") for k, v in headers if k.lower() == b"accept-language"), None)
        locale = i18n.negotiate(accept, codes)
    now = app.state.clock().astimezone(BERLIN)
    # negotiated is also a key, so a route reads it as request.state.negotiated.
    state = ResolvedState(locale=locale, negotiated=negotiated, now=now, today=now.date())
    state.negotiated = negotiated
    return state


class RequestState:
    """ASGI middleware: resolves the state of every HTTP request once, before routing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            state = resolve(scope["app"], scope["path"], scope["headers"])
            # Whatever the server put there (uvicorn: the lifespan's state) stays.
            state.update({k: v for k, v in scope.get("state", {}).items() if k not in state})
            scope["state"] = state
        await self.app(scope, receive, send)
