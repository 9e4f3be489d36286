"""Which responses are gzipped, and for whom.

A browser says in Accept-Encoding which codings it takes, each with a weight (q-value): gzip is
sent only when gzip (or x-gzip, or ``*`` without gzip named) has a weight above zero, so
``gzip;q=0`` and ``notgzip`` get none. Static files come gzipped from memory (pwa/static.py);
every other response is compressed by :class:`GZip` as it leaves the app. Each says
``Vary: Accept-Encoding`` once.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware, GZipResponder, IdentityResponder
from starlette.types import Message, Receive, Scope, Send

from pwa import encodings


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header takes gzip (RFC 9110, section 12.5.3)."""
    return encodings.accepted(header)[encodings.GZIP] > 0


def one_vary(send: Send) -> Send:
    """Passes messages on with each name in Vary once, however many layers added it."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            names: list[str] = []
            rest = []
            for key, value in message.get("headers", []):
                if key.lower() == b"vary":
                    names += [n.strip() for n in value.decode("latin-1").split(",") if n.strip()]
                else:
                    rest.append((key, value))
            if names:
                unique = list({name.lower(): name for name in reversed(names)}.values())[::-1]
                rest.append((b"vary", ", ".join(unique).encode("latin-1")))
            message = {**message, "headers": rest}
        await send(message)

    return sending


class GZip(GZipMiddleware):
    """Starlette's gzip, choosing by :func:`accepts_gzip` instead of finding "gzip" in the header."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        responder: IdentityResponder
        if accepts_gzip(Headers(scope=scope).get("accept-encoding")):
            responder = GZipResponder(
                self.app, self.minimum_size, compresslevel=self.compresslevel,
                thread_minimum_size=self.thread_minimum_size, exclude_content_types=self.exclude_content_types,
            )
        else:
            responder = IdentityResponder(self.app, self.minimum_size, exclude_content_types=self.exclude_content_types)
        await responder(scope, receive, one_vary(send))
