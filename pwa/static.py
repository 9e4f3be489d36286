"""Static assets, held in memory under content-hashed URLs.

All files under static/ are read once at start-up. A URL carries a hash of the whole folder, so
relative imports between ES modules keep working and any change gives every asset a new URL;
that lets browsers cache them for a year. Lookups are by exact key only, so no path a client
sends can reach a file outside the folder. JavaScript is served without its comment lines, and
CSS without its comments: they are for the people who read the source, not for a phone on a
slow network.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from pwa import encodings

IMMUTABLE = "public, max-age=31536000, immutable"
_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}
_COMPRESSIBLE = {".css", ".js", ".json", ".svg", ".txt", ".webmanifest"}


def without_comments(source: str) -> str:
    """JavaScript as the browser needs it: every line that is a comment from its start is blank.

    Line numbers stay those of the source. A comment after code stays, and a file with a string
    that spans lines (a template literal, a continued line) is served as written, since a line
    inside it could look like a comment.
    """
    lines = source.split("\n")
    if any(line.count("`") % 2 or line.endswith("\\") for line in lines):
        return source
    out: list[str] = []
    in_block = False
    for line in lines:
        code = line.lstrip()
        if in_block:
            end = line.find("*/")
            in_block = end < 0
            out.append("" if in_block else _rest(line, line[end + 2 :]))
        elif code.startswith("//"):
            out.append("")
        elif code.startswith("/*"):
            end = code.find("*/", 2)
            in_block = end < 0
            out.append("" if in_block else _rest(line, code[end + 2 :]))
        else:
            out.append(line)
    return "\n".join(out)


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_STRING_WITH_COMMENT = re.compile(r"""(["'])[^"'\n]*/\*""")


def css_without_comments(source: str) -> str:
    """CSS without its comments, line for line (a comment's lines stay as blank lines). A file
    with "/*" inside a string is served as written."""
    if _CSS_STRING_WITH_COMMENT.search(source):
        return source
    return _CSS_COMMENT.sub(lambda comment: "\n" * comment.group(0).count("\n"), source)


def _rest(line: str, after: str) -> str:
    """What follows a comment that ends on ``line``, indented as the line was."""
    return line[: len(line) - len(line.lstrip())] + after.lstrip() if after.strip() else ""


@dataclass(frozen=True)
class Asset:
    body: bytes
    gzipped: bytes | None
    media_type: str


class StaticAssets:
    def __init__(self, directory: Path, prefix: str = "/static") -> None:
        self.directory = directory
        self.prefix = prefix
        self.assets: dict[str, Asset] = {}
        digest = hashlib.sha256()
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            key = path.relative_to(directory).as_posix()
            if any(part.startswith(".") for part in key.split("/")):
                continue
            body = path.read_bytes()
            if path.suffix.lower() == ".js":
                body = without_comments(body.decode("utf-8")).encode("utf-8")
            elif path.suffix.lower() == ".css":
                body = css_without_comments(body.decode("utf-8")).encode("utf-8")
            digest.update(key.encode() + b"\0" + body + b"\0")
            suffix = path.suffix.lower()
            media = _TYPES.get(suffix) or mimetypes.guess_type(key)[0] or "application/octet-stream"
            packed = encodings.gzipped(body) if suffix in _COMPRESSIBLE else None
            self.assets[key] = Asset(body, packed if packed and len(packed) < len(body) else None, media)
        self.version = digest.hexdigest()[:12]

    def url(self, key: str) -> str:
        if key not in self.assets:
            raise KeyError(f"no static file {key!r}")
        return f"{self.prefix}/{self.version}/{key}"

    def urls(self) -> list[str]:
        return [self.url(key) for key in sorted(self.assets)]

    async def endpoint(self, request: Request) -> Response:
        asset = self.assets.get(request.path_params["path"])
        if asset is None or request.path_params["version"] != self.version:
            return PlainTextResponse("Not found", status_code=404)
        headers = {"Cache-Control": IMMUTABLE, "Vary": "Accept-Encoding"}
        body = asset.body
        # (The page memory in front sends each asset in her browser's best coding; this is the
        # way without it.)
        accepted = encodings.choose(request.headers.get("accept-encoding"), (encodings.GZIP, encodings.IDENTITY))
        if asset.gzipped and accepted == encodings.GZIP:
            body = asset.gzipped
            headers["Content-Encoding"] = "gzip"
        if request.method == "HEAD":
            headers["Content-Length"] = str(len(body))
            return Response(b"", media_type=asset.media_type, headers=headers)
        return Response(body, media_type=asset.media_type, headers=headers)
