"""One answer of the app, ready to send in every content coding: its status, its headers, its
body as identity, gzip and brotli with a strong ETag each, and what of the request it read.

The page memory (pwa/memory.py) makes one from what the routes sent and keeps it while it may.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from starlette.types import Message

from pwa import encodings
from pwa.request_state import ResolvedState

KEPT_STATUSES = frozenset({200, 301, 302, 303, 307, 308, 404, 410})
_COMPRESSIBLE = ("text/", "application/json", "application/manifest+json", "application/javascript", "image/svg+xml")
_SMALLEST_COMPRESSED = 256
_MADE_HERE = frozenset({b"content-length", b"content-encoding", b"etag", b"vary", b"transfer-encoding"})
_NOT_MODIFIED_HEADERS = frozenset({b"cache-control", b"content-location", b"expires"})


@dataclass(frozen=True)
class Form:
    """An answer in one content coding, with every header it is sent with."""

    body: bytes
    headers: list[tuple[bytes, bytes]]
    etag: bytes | None
    not_modified: list[tuple[bytes, bytes]]  # the headers of a 304 for it


@dataclass(frozen=True)
class Answer:
    """One answer of the app: its status, the headers its route gave, its body in every coding
    worth having, and what of the request it read (``locale``, ``host``, ``now``, ``today``)."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    forms: dict[str, Form]
    reads: frozenset[str]
    kept: bool

    def header(self, name: str) -> str | None:
        wanted = name.lower().encode("latin-1")
        return next((v.decode("latin-1") for k, v in self.headers if k == wanted), None)


def etag_matches(header: bytes, etag: bytes) -> bool:
    """If-None-Match, compared weakly as RFC 9110 says: a list of tags, or *."""
    if header.strip() == b"*":
        return True
    return any(tag.strip().removeprefix(b"W/") == etag for tag in header.split(b","))


def answer_from(start: Message, body: bytes, state: Any, keep: bool = True) -> Answer:
    """The answer the routes sent (their start message and body), with what they read of the
    request's state; ``kept`` when the memory may keep it (a status worth keeping, no
    ``no-store`` or ``private``)."""
    status = start["status"]
    given = [(k.lower(), v) for k, v in start.get("headers", [])]
    headers = [(k, v) for k, v in given if k not in _MADE_HERE]
    cache_control = b",".join(v for k, v in given if k == b"cache-control").lower()
    reads: set[str] = set()
    if isinstance(state, ResolvedState):
        reads = {name for name in state.read if name != "locale"}
        if "locale" in state.read and state.negotiated:
            reads.add("locale")
    keep = keep and status in KEPT_STATUSES and b"no-store" not in cache_control and b"private" not in cache_control
    # The routes' own Vary (GZip's Accept-Encoding is said again below only when it is true).
    vary = [t for t in dict.fromkeys(token.strip() for k, v in given if k == b"vary" for token in v.split(b","))
            if t and t.lower() != b"accept-encoding"]
    if "locale" in reads and b"accept-language" not in {t.lower() for t in vary}:
        vary.append(b"Accept-Language")
    media = next((v for k, v in headers if k == b"content-type"), b"").decode("latin-1")
    bodies = {encodings.IDENTITY: body}
    if keep and len(body) >= _SMALLEST_COMPRESSED and media.startswith(_COMPRESSIBLE):
        bodies = {k: v for k, v in encodings.compressed(body, encodings.QUICK).items() if len(v) < len(body) or k == encodings.IDENTITY}
    if len(bodies) > 1:
        vary.append(b"Accept-Encoding")
    digest = hashlib.sha256(body).hexdigest()[:24] if status == 200 and keep else None
    forms = {}
    for coding, content in bodies.items():
        extra: list[tuple[bytes, bytes]] = [(b"content-length", str(len(content)).encode())]
        if coding != encodings.IDENTITY:
            extra.append((b"content-encoding", coding.encode()))
        if vary:
            extra.append((b"vary", b", ".join(vary)))
        etag = None
        if digest is not None:
            etag = f'"{digest}{"" if coding == encodings.IDENTITY else "-" + coding}"'.encode()
            extra.append((b"etag", etag))
        full = headers + extra
        not_modified = [(k, v) for k, v in full if k in _NOT_MODIFIED_HEADERS or k in (b"etag", b"vary")]
        forms[coding] = Form(content, full, etag, not_modified)
    return Answer(status, headers, body, forms, frozenset(reads), keep)
