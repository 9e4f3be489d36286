"""What a request is about, resolved once as it arrives: its language and its time.

:class:`RequestState` puts both into the request's state before any route runs, so every page,
the 404 page included, reads ``request.state.locale`` and ``request.state.now``:

- the language is the path's first segment when that is an enabled language, and otherwise
  the browser's best one by Accept-Language (for an address outside the languages; then
  ``request.state.negotiated`` is true, and the page says ``Vary: Accept-Language``);
- the time is ``app.state.clock()`` in Europe/Berlin. ``create_app`` sets the clock to
  :func:`pwa.clock.now`; tests fix the time by setting ``app.state.clock`` to a function that
  returns an aware datetime.
"""

from __future__ import annotations

from typing import Any, Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from pwa import i18n
from pwa.clock import BERLIN


def resolve(app: Any, path: str, headers: Iterable[tuple[bytes, bytes]]) -> dict[str, Any]:
    """The state of a request for ``path`` with these headers: ``locale``, ``negotiated``, ``now``."""
    codes = app.state.templates.codes
    first = path.lstrip("/").split("/", 1)[0]
    negotiated = first not in codes
    if negotiated:
        accept = next((v.decode("latin-1") for k, v in headers if k.lower() == b"accept-language"), None)
        locale = i18n.negotiate(accept, codes)
    else:
        locale = first
    return {"locale": locale, "negotiated": negotiated, "now": app.state.clock().astimezone(BERLIN)}


class RequestState:
    """ASGI middleware: resolves the state of every HTTP request once, before routing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope.setdefault("state", {}).update(resolve(scope["app"], scope["path"], scope["headers"]))
        await self.app(scope, receive, send)
