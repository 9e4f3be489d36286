"""One answer of the app as the static build records it (pwa/build.py), and as its nginx
configuration (pwa/nginx.py) and its static-host rules (pwa/static_host.py) read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# What is written with its .gz and .br forms beside it.
_TEXT = ("text/", "application/json", "application/manifest+json", "application/javascript", "image/svg+xml")


def is_text(media_type: str) -> bool:
    return media_type.startswith(_TEXT)


@dataclass(frozen=True)
class Recorded:
    """One answer of the app: what was asked (path, Accept-Language), status, headers, file."""

    path: str
    accept_language: str | None
    status: int
    headers: dict[str, str]
    body: bytes
    file: str | None = None  # under public/, for 200s and the pages not found

    @property
    def media_type(self) -> str:
        return self.headers.get("content-type", "")

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "accept_language": self.accept_language, "status": self.status,
                "headers": self.headers, "file": self.file}
