"""Content codings: which one a request accepts (Accept-Encoding with its q-values), and a body
in each of them.

The page memory (pwa/memory.py), the static files (pwa/static.py) and the static build
(pwa/build.py) compress with these functions, so the same body gives the same bytes everywhere:
gzip without a timestamp, brotli at its best quality.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache

import brotli

BR = "br"
GZIP = "gzip"
IDENTITY = "identity"
# Preferred first when a request accepts several equally: brotli is the smallest.
PREFERENCE = (BR, GZIP, IDENTITY)
_LAST = 0.0001
_QVALUE = re.compile(r"^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$")  # RFC 9110, 12.4.2


def gzipped(body: bytes) -> bytes:
    return gzip.compress(body, 9, mtime=0)


# Brotli's best quality takes 20 to 60 ms for a page, its quality 5 one or two: the server
# compresses what it renders at 5 (a page is ready at once); the static build takes its time.
BEST = 11
QUICK = 5


def brotli_compressed(body: bytes, quality: int = BEST) -> bytes:
    return bytes(brotli.compress(body, quality=quality))


def compressed(body: bytes, quality: int = BEST) -> dict[str, bytes]:
    """The body in every coding: identity, gzip, br."""
    return {IDENTITY: body, GZIP: gzipped(body), BR: brotli_compressed(body, quality)}


@lru_cache(maxsize=256)
def accepted(header: str | None) -> dict[str, float]:
    """The codings an Accept-Encoding header names, with their q-values (0 is "not this one").

    ``identity`` is acceptable unless the header refuses it (``identity;q=0`` or ``*;q=0``), after
    every coding the header names.
    Browsers send one of a few headers, so the parsed form of each is kept.
    """
    found: dict[str, float] = {}
    for part in (header or "")[:1000].split(","):
        name, _, params = part.strip().partition(";")
        name = name.strip().lower()
        if not name:
            continue
        if name == "x-gzip":  # the same coding (RFC 9110, 8.4.1.3)
            name = GZIP
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                value = value.strip()
                quality = float(value) if _QVALUE.match(value) else 0.0  # a broken weight takes nothing
        found[name] = max(quality, found.get(name, 0.0))
    star = found.pop("*", None)
    result = {coding: found.get(coding, star if star is not None else 0.0) for coding in (BR, GZIP)}
    # Unnamed, identity is the last choice: acceptable unless refused, never before a coding she named.
    result[IDENTITY] = found.get(IDENTITY, 0.0 if star == 0 else _LAST)
    return result


def choose(header: str | None, available: tuple[str, ...] = PREFERENCE) -> str | None:
    """The coding to send: the highest q-value among ``available``, brotli before gzip before
    identity on a tie; None when the request refuses every one of them."""
    weights = accepted(header)
    best, best_q = None, 0.0
    for coding in PREFERENCE:
        if coding in available and weights[coding] > best_q:
            best, best_q = coding, weights[coding]
    return best
