"""The static build's nginx configuration, written from the answers the app gave (pwa/build.py).

`nginx -p OUT -c OUT/nginx.conf` serves OUT/public on a loopback port with every header each
address had from the app, in the headers/ files beside it (one per set of headers). Each
address has its exact location; brotli and gzip are the .br and .gz files beside each text
file (no module needed: a map on Accept-Encoding picks the .br, nginx's gzip_static the .gz).
/ chooses the language from Accept-Language with maps; any other address is the page for an
unknown address in the language of its path, else in the browser's. The access log has no
client address, the error log only what stops the server; pid, logs and temporary files stay
in OUT.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from pwa.recorded import is_text

if TYPE_CHECKING:
    from pwa.recorded import Recorded

SERVER_MADE = frozenset({"content-length", "content-encoding", "etag", "date", "last-modified", "accept-ranges", "location", "content-type"})
# Each Accept-Language tag by its q-value, best first (1 or none, then .9 down to .1): nginx
# finds the first enabled language at the best level, as the app does (pwa/i18n.py).
_LEVELS = ("10", *(str(d) for d in range(9, 0, -1)))  # tenths
# br in Accept-Encoding, unless with q=0.
_ACCEPTS_BR = r"(?:^|,)\s*br\s*(?:,|$|;\s*q\s*=\s*(?!0(?:\.0{0,3})?\s*(?:,|$))[01](?:\.\d{0,3})?\s*(?:,|$))"


def _quoted(value: str) -> str:
    if "$" in value or "\n" in value:
        raise ValueError(f"a header value nginx cannot say as it is: {value!r}")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _level(codes: Iterable[str], level: str) -> str:
    tag = "(" + "|".join(codes) + r")(?:[-_][^,;\s]*)?\s*"
    q = r"(?:;\s*q\s*=\s*1(?:\.0{0,3})?\s*)?" if level == "10" else rf";\s*q\s*=\s*0?\.{level}\d{{0,2}}\s*"
    return rf"(?:^|,)\s*{tag}{q}(?:,|$)"


def language_maps(codes: list[str]) -> str:
    """$language: the browser's best enabled language, the source language when none fits."""
    lines = []
    for index, level in enumerate(_LEVELS):
        after = f"$language_q{_LEVELS[index + 1]}" if index + 1 < len(_LEVELS) else codes[0]
        lines.append(f"map $http_accept_language $language_q{level} {{\n  default {after};\n  \"~*{_level(codes, level)}\" $1;\n}}")
    cases = "\n".join(f"  ~*^{code}$ {code};" for code in codes)
    lines.append(f"map $language_q10 $language {{\n  default {codes[0]};\n{cases}\n}}")
    return "\n".join(lines)


class _Snippets:
    """One headers/N.conf per set of headers, numbered in the order first used."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self._names: dict[tuple[object, ...], str] = {}

    def include(self, recorded: Recorded, compressed: bool, skip: frozenset[str] = frozenset()) -> str:
        headers = [(k, v) for k, v in recorded.headers.items() if k not in SERVER_MADE and k not in skip]
        key = (recorded.media_type, compressed, tuple(headers))
        name = self._names.get(key)
        if name is None:
            name = self._names[key] = f"headers/{len(self._names) + 1}.conf"
            lines = [f"default_type {_quoted(recorded.media_type)};"] if recorded.media_type else []
            lines += [f"add_header {_title(k)} {_quoted(v)} always;" for k, v in headers]
            if compressed:
                lines.append("add_header Content-Encoding $br_encoding always;")
            self.files[name] = "\n".join(lines) + "\n"
        return name


def _title(name: str) -> str:
    return "-".join(part.capitalize() for part in name.split("-"))


def _page_location(recorded: Recorded, snippets: _Snippets, is_text: bool) -> str:
    file = "/" + (recorded.file or "")
    tries = f"{file}$br_suffix {file}" if is_text else file
    return f"location = {recorded.path} {{ include {snippets.include(recorded, is_text)}; try_files {tries} =404; }}"


def _redirect_location(recorded: Recorded, snippets: _Snippets, codes: list[str]) -> str:
    target = recorded.headers["location"]
    if "accept-language" in recorded.headers.get("vary", "").lower():
        first = target.strip("/").split("/", 1)[0]
        if first in codes:  # the language chosen from Accept-Language
            target = target.replace(f"/{first}/", "/$language/", 1)
    return f"location = {recorded.path} {{ include {snippets.include(recorded, False)}; return {recorded.status} {target}; }}"


def _not_found(answers: list[Recorded], snippets: _Snippets, codes: list[str]) -> tuple[str, str]:
    """The maps and the location of the page for an unknown address."""
    missing = [r for r in answers if r.status == 404]
    varying = {"content-language", "vary"}
    common = {k: v for k, v in missing[0].headers.items() if all(r.headers.get(k) == v for r in missing)}
    if set(missing[0].headers) - set(common) - varying - SERVER_MADE:
        raise ValueError("the pages for unknown addresses differ in more than language and Vary")
    by_path = next(r for r in missing if r.accept_language is None and r.file and r.file != "404.html")
    by_browser = next(r for r in missing if r.accept_language is not None)
    alternatives = "|".join(codes)
    # A language's tag where it is not its code (Leichte Sprache: /ls/, de-x-ls), from its page.
    tags = {r.file.split("/")[0]: r.headers.get("content-language") for r in missing if r.file and r.file.endswith("/404.html")}
    renamed = "".join(f"  {code} {_quoted(tag)};\n" for code, tag in sorted(tags.items()) if tag and tag != code)
    return "\n".join([
        f"map $request_uri $language_of_path {{\n  default \"\";\n  \"~^/({alternatives})(?:/|$)\" $1;\n}}",
        f"map $language_of_path $notfound_language {{\n  \"\" $language;\n  default $language_of_path;\n}}",
        f"map $notfound_language $notfound_tag {{\n  default $notfound_language;\n{renamed}}}",
        f"map $language_of_path $notfound_vary {{\n  \"\" {_quoted(by_browser.headers.get('vary', ''))};\n"
        f"  default {_quoted(by_path.headers.get('vary', ''))};\n}}",
    ]), (
        f"location @notfound {{ include {snippets.include(by_path, True, frozenset(varying))}; "
        "add_header Content-Language $notfound_tag always; add_header Vary $notfound_vary always; "
        "try_files /$notfound_language/404.html$br_suffix /$notfound_language/404.html =404; }"
    )


def configuration(answers: list[Recorded], codes: list[str], port: int) -> tuple[str, dict[str, str]]:
    """nginx.conf and its headers/ files."""
    snippets = _Snippets()
    locations = []
    for recorded in answers:
        if recorded.status == 200 and recorded.file:
            locations.append(_page_location(recorded, snippets, is_text(recorded.media_type)))
        elif 300 <= recorded.status < 400:
            locations.append(_redirect_location(recorded, snippets, codes))
    maps, notfound = _not_found(answers, snippets, codes)
    conf = f"""# Written by `python -m pwa build` from the app's own answers: do not edit, build again.
# Start: nginx -p OUT -c OUT/nginx.conf   (stop: nginx -p OUT -c OUT/nginx.conf -s quit)
worker_processes auto;
pid nginx.pid;
# Only what stops the server: other messages would name client addresses.
error_log logs/error.log crit;

events {{
  worker_connections 1024;
}}

http {{
  client_body_temp_path tmp/client_body;
  proxy_temp_path tmp/proxy;
  fastcgi_temp_path tmp/fastcgi;
  uwsgi_temp_path tmp/uwsgi;
  scgi_temp_path tmp/scgi;
  # Method, path without its query, status, size and time: never a client address.
  log_format private '$time_iso8601 "$request_method $asked" $status $body_bytes_sent $request_time';
  access_log logs/access.log private;
  log_not_found off;
  server_tokens off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 30;
  # Every answer says its own type (headers/*.conf), as the app did.
  types {{ }}
  default_type application/octet-stream;
  charset off;
  gzip_static on;
  gzip_vary off;
  absolute_redirect off;

  map $http_accept_encoding $br_suffix {{
    default "";
    "~*{_ACCEPTS_BR}" .br;
  }}
  map $br_suffix $br_encoding {{
    default "";
    .br br;
  }}
{_indent(language_maps(codes))}
{_indent(maps)}

  server {{
    listen 127.0.0.1:{port};
    root public;
    set $asked $uri;  # the address asked, before it becomes a file's name
    error_page 404 @notfound;
{_indent(chr(10).join(locations), 4)}
    location / {{ return 404; }}
{_indent(notfound, 4)}
  }}
}}
"""
    return conf, snippets.files


def _indent(text: str, spaces: int = 2) -> str:
    return "\n".join((" " * spaces + line) if line else line for line in text.split("\n"))


def write(out: Path, answers: list[Recorded], codes: list[str], port: int) -> None:
    conf, files = configuration(answers, codes, port)
    (out / "nginx.conf").write_text(conf, encoding="utf-8")
    for name, text in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
