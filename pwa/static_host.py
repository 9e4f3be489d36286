"""`_headers` and `_redirects` of the static build, for static hosts (Netlify, Cloudflare Pages).

Written from the app's answers (pwa/build.py). A header every answer has is said once for
`/*`; any other is said for the widest pattern whose every address has it with the same value
(a folder such as `/de/*`, a name in every folder such as `/*/manifest.json`, an address and
what continues it such as `/rechner*`), else for the address alone, so no address matches two
rules that set one header (a host would join their values) and Cloudflare's limit of 100 rules
holds. The host makes
the types, sizes and codings of the files itself; where the app's type differs from the one
a file's extension says (the manifests), the rule says it.

`/` is the start page (index.html): the list of languages, going on to the browser's best
one with JavaScript. The pages for unknown addresses are each language's 404.html: Cloudflare
Pages shows the nearest one, Netlify follows the 404 rules of `_redirects`.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pwa.recorded import Recorded

HOST_MADE = frozenset({"content-length", "content-encoding", "etag", "date", "last-modified", "accept-ranges", "location", "vary"})
_BY_EXTENSION = {".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
                 ".svg": "image/svg+xml", ".png": "image/png"}


def _host_type(file: str) -> str:
    extension = "." + file.rsplit(".", 1)[-1] if "." in file else ""
    return _BY_EXTENSION.get(extension) or mimetypes.guess_type(file)[0] or ""


def headers_of(recorded: Recorded) -> dict[str, str]:
    """The headers a static host must be told for one address."""
    said = {k: v for k, v in recorded.headers.items() if k not in HOST_MADE and k != "content-type"}
    media = recorded.media_type.split(";")[0].strip()
    if recorded.file and media != _host_type(recorded.file):
        said["content-type"] = recorded.media_type
    return said


def _folders(path: str) -> list[str]:
    """The folders an address is in, largest first: /de/services/x -> /, /de/, /de/services/."""
    parts = path.split("/")[1:-1]
    return ["/" + "".join(part + "/" for part in parts[:depth]) for depth in range(len(parts) + 1)]


def matches(pattern: str, path: str) -> bool:
    """Whether a host's pattern takes an address: one splat (``*``) stands for any characters."""
    head, star, tail = pattern.partition("*")
    if not star:
        return path == pattern
    return len(path) >= len(head) + len(tail) and path.startswith(head) and path.endswith(tail)


def _candidates(path: str) -> list[str]:
    """The patterns that could say a header for an address, widest first: the whole site, the
    same file in every top folder (``/*/manifest.json``), its folders (``/de/*``), the address
    and whatever continues it (``/rechner*``: a cover's start page and its manifest)."""
    folders = [folder + "*" for folder in _folders(path)]
    parts = path.split("/")
    same_file = ["/*/" + parts[2]] if len(parts) == 3 and "." in parts[2] else []
    return [folders[0], *same_file, *folders[1:], path + "*"]


def rules(answers: list[Recorded]) -> list[tuple[str, dict[str, str]]]:
    """(pattern, headers) for every file the host serves, in a fixed order: for each header,
    the widest pattern whose every address has the same value, and no address under two."""
    served = {r.path: headers_of(r) for r in answers if r.status == 200 and r.file}
    if "/index.html" in served:
        served["/"] = served["/index.html"]  # the host's / is index.html
    paths = sorted(served)
    everywhere = {k: v for k, v in served[paths[0]].items() if all(served[p].get(k) == v for p in paths)}
    patterns: dict[str, dict[str, str]] = {"/*": dict(everywhere)}
    names = sorted({k for said in served.values() for k in said} - set(everywhere))
    for name in names:
        covered: set[str] = set()
        for path in paths:
            value = served[path].get(name)
            if value is None or path in covered:
                continue
            pattern, inside = path, [path]
            for candidate in _candidates(path):
                matched = [p for p in paths if matches(candidate, p)]
                if candidate == path + "*" and matched == [path]:
                    break  # nothing continues it: the address alone says it plainly
                if all(served[p].get(name) == value and p not in covered for p in matched):
                    pattern, inside = candidate, matched
                    break
            covered.update(inside)
            patterns.setdefault(pattern, {})[name] = value
    return sorted(patterns.items(), key=lambda item: (item[0] != "/*", item[0]))


def _title(name: str) -> str:
    return "-".join(part.capitalize() for part in name.split("-"))


def headers_file(answers: list[Recorded]) -> str:
    lines = ["# Written by `python -m pwa build` from the app's own answers: do not edit, build again."]
    for pattern, said in rules(answers):
        lines.append(pattern)
        lines += [f"  {_title(k)}: {v}" for k, v in sorted(said.items())]
    return "\n".join(lines) + "\n"


def redirects_file(answers: list[Recorded], codes: list[str]) -> str:
    lines = ["# Written by `python -m pwa build`: do not edit, build again."]
    for recorded in answers:
        if 300 <= recorded.status < 400 and recorded.path != "/":  # / is index.html
            lines.append(f"{recorded.path}  {recorded.headers['location']}  {recorded.status}")
    lines += [f"/{code}/*  /{code}/404.html  404" for code in codes]
    lines.append("/*  /404.html  404")
    return "\n".join(lines) + "\n"


def write(public: Path, answers: list[Recorded], codes: list[str]) -> None:
    (public / "_headers").write_text(headers_file(answers), encoding="utf-8")
    (public / "_redirects").write_text(redirects_file(answers, codes), encoding="utf-8")
