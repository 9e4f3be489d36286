"""Security and privacy headers on every response, and no cookie, except for the maintainers' desk."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        # No string ever becomes HTML or script (innerHTML, script.src, ...): the app builds its
        # DOM with createElement and textContent. The one policy allowed passes the service
        # worker's address to register() and nothing else (static/js/offline.js).
        "require-trusted-types-for 'script'",
        "trusted-types service-worker",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    ]
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    # Two years on https only, for every host under this one. Browsers ignore it over plain http,
    # so it costs nothing locally; the reverse proxy sends http on to https (README).
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
}

_ENCODED = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
_REPLACED = {name for name, _ in _ENCODED} | {b"set-cookie", b"server"}
# The one cookie is the maintainers' session, on the desk's addresses only (pwa/desk, PREFIX).
DESK_PREFIX = "/admin"


def cookies_allowed(path: str) -> bool:
    return path == DESK_PREFIX or path.startswith(DESK_PREFIX + "/")

access_logger = logging.getLogger("pwa.access")


class SecurityHeadersMiddleware:
    """Adds the headers to every HTTP response, error pages included, and drops any cookie
    outside the desk: no public answer sets one, and no public route sees one a browser sends.

    When access logging is on, it logs method, path, status and time, never the client address.
    """

    def __init__(self, app: ASGIApp, access_log: bool = False) -> None:
        self.app = app
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        desk = cookies_allowed(scope.get("path", ""))
        replaced = _REPLACED - {b"set-cookie"} if desk else _REPLACED
        if not desk:
            scope = {**scope, "headers": [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"cookie"]}

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in replaced]
                message = {**message, "headers": headers + _ENCODED}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            if self.access_log:
                access_logger.info(
                    "%s %s %s %.1fms", scope.get("method"), scope.get("path"), status,
                    (time.perf_counter() - started) * 1000,
                )
