"""The page memory: the app's answers to GET requests, rendered once and kept ready to send.

An answer is rendered once per *generation* of what it is made of: the database file (its
stamp, looked at on every request, so a maintainer's change shows at the next one), the
templates and the top-level files service-worker.js and manifest.json (looked at once a
second). The static files and the catalogues are read once, at start-up, so they are the same
for the whole life of a process. It is kept with its gzip and brotli forms and a strong ETag
for each; a request whose If-None-Match names the form it would get is answered 304.

An answer is kept by its path and query string, and by what of the request it read
(pwa/request_state.py records that): its language when that came from Accept-Language (the
page for an unknown address, the redirect at /) and the time: ``request.state.today`` keeps it for the day, ``request.state.now`` for the minute.
Conditional and encoding headers are the memory's own: routes never see them. A route reads
what it needs of a request from ``request.state``; one whose answer depends on anything else
(a header, a cookie) says ``Cache-Control: no-store``: it is rendered for every request and
sent as it is.

Answers to paths without a query string that are found (200) or redirect are kept until the
next change; the others (the directory filters' query strings, addresses not found) in a
bounded memory that forgets the least recently used.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Iterable
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pwa import encodings, i18n
from pwa.answers import Answer, answer_from, etag_matches
from pwa.clock import BERLIN

LOOK_AGAIN_SECONDS = 1.0  # how often the templates and top-level files are looked at
KEPT_UNTIL_CHANGE = 20_000  # a bound that only a route answering 200 for any path would reach
KEPT_RECENT = 512  # query strings and addresses not found
_FOUND = frozenset({200, 301, 302, 303, 307, 308})
# The memory answers these itself; a route never sees them, so it cannot depend on them.
_REQUEST_HEADERS_KEPT_FROM_ROUTES = frozenset(
    {b"accept-encoding", b"if-none-match", b"if-modified-since", b"if-match", b"if-unmodified-since", b"range", b"if-range"}
)


class _Variant:
    """The answers to one path and query in one generation, by what they read of the request."""

    __slots__ = ("generation", "depends", "answers")

    def __init__(self, generation: int, depends: frozenset[str]) -> None:
        self.generation = generation
        self.depends = depends
        self.answers: dict[tuple[Any, Any, Any], Answer] = {}


def normal_query(query: bytes) -> bytes:
    """A query string in one spelling: pairs sorted by name (same names keep their order),
    empty values left out."""
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=False)
    return urlencode(sorted(pairs, key=lambda pair: pair[0])).encode("latin-1")


def time_slot(depends: frozenset[str], now: Any) -> Any:
    """The minute (``now`` read) or the day (``today`` read) an answer is kept for."""
    if "now" in depends:
        return (now.year, now.month, now.day, now.hour, now.minute)
    if "today" in depends:
        return now.date()
    return None


class PageMemory:
    """ASGI middleware in front of the app's routes (see the module's notes)."""

    def __init__(self, app: Any) -> None:
        self.owner = app  # the Starlette app: its state, its settings
        self.app: ASGIApp | None = None  # the routes behind the memory, set with the stack
        self.listeners: list[Callable[[], None]] = []  # told when the generation changes
        self._found: dict[tuple[str, bytes], _Variant] = {}
        self._recent: OrderedDict[tuple[str, bytes], _Variant] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0
        self._stamp: Any = None
        self._files: tuple[Any, ...] = ()
        self._next_look = 0.0
        self._negotiated: dict[bytes, str] = {}
        self.renders = 0  # how many answers were rendered (for tests and the benchmark)

    # -- what the answers are made of ------------------------------------------------------

    def _file_stamps(self) -> tuple[Any, ...]:
        settings = self.owner.state.settings
        files = [settings.root / "service-worker.js", settings.root / "manifest.json"]
        files += sorted(p for p in settings.templates_dir.rglob("*") if p.is_file())
        stamps = []
        for path in files:
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            stamps.append((str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size))
        return tuple(stamps)

    def generation(self) -> int:
        """A number that grows whenever anything the answers are made of has changed."""
        stamp = self.owner.state.store.stamp()
        files = self._files
        moment = time.monotonic()
        if moment >= self._next_look:
            self._next_look = moment + LOOK_AGAIN_SECONDS
            files = self._file_stamps()
        if stamp != self._stamp or files != self._files:
            with self._lock:
                if stamp != self._stamp or files != self._files:
                    self._stamp, self._files = stamp, files
                    self._generation += 1
                    self._found.clear()
                    self._recent.clear()
            for listener in list(self.listeners):
                listener()
        return self._generation

    def _now(self) -> Any:
        return self.owner.state.clock().astimezone(BERLIN)

    def _language(self, headers: Iterable[tuple[bytes, bytes]]) -> str:
        accept = next((v for k, v in headers if k == b"accept-language"), b"")
        code = self._negotiated.get(accept)
        if code is None:
            code = i18n.negotiate(accept.decode("latin-1") or None, self.owner.state.templates.codes)
            if len(self._negotiated) > 1000:
                self._negotiated.clear()
            self._negotiated[accept] = code
        return code

    def _subkey(self, depends: frozenset[str], headers: Iterable[tuple[bytes, bytes]]) -> tuple[Any, Any]:
        if not depends:
            return (None, None)
        locale = self._language(headers) if "locale" in depends else None
        slot = time_slot(depends, self._now()) if depends & {"now", "today"} else None
        return (locale, slot)

    # -- serving ---------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert self.app is not None, "the memory is wired in App.build_middleware_stack"
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        generation = self.generation()
        query = scope["query_string"]
        key = (scope["path"], normal_query(query) if query else b"")
        variant = self._found.get(key) or self._recently(key)
        answer = None
        if variant is not None and variant.generation == generation:
            answer = variant.answers.get(self._subkey(variant.depends, scope["headers"]))
        if answer is None:
            answer, error = await self._render(scope, receive, generation, key)
            if error is not None:  # the error page was written: send it, then let it be logged
                await self._send(answer, scope, send)
                raise error
        await self._send(answer, scope, send)

    def _recently(self, key: tuple[str, bytes]) -> _Variant | None:
        if key not in self._recent:
            return None
        with self._lock:
            variant = self._recent.get(key)
            if variant is not None:
                self._recent.move_to_end(key)
            return variant

    async def _send(self, answer: Answer, scope: Scope, send: Send) -> None:
        accept = match = None
        for name, value in scope["headers"]:
            if name == b"accept-encoding":
                accept = value
            elif name == b"if-none-match":
                match = value
        form = answer.forms[encodings.IDENTITY]
        if len(answer.forms) > 1:
            coding = encodings.choose(accept.decode("latin-1") if accept is not None else None, tuple(answer.forms))
            form = answer.forms.get(coding or encodings.IDENTITY, form)
        if match is not None and form.etag is not None and etag_matches(match, form.etag):
            await send({"type": "http.response.start", "status": 304, "headers": form.not_modified})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": answer.status, "headers": form.headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else form.body})

    # -- rendering -------------------------------------------------------------------------

    def _routes(self) -> ASGIApp:
        if self.app is None:  # the app has not answered a request yet: build its stack now
            self.owner.middleware_stack = self.owner.build_middleware_stack()
        assert self.app is not None
        return self.app

    async def _render(
        self, scope: Scope, receive: Receive, generation: int, key: tuple[str, bytes]
    ) -> tuple[Answer, Exception | None]:
        """The routes' answer to this request (kept when it may be), and the error that broke
        it after its error page was written."""
        headers = [(k, v) for k, v in scope["headers"] if k not in _REQUEST_HEADERS_KEPT_FROM_ROUTES]
        inner: dict[str, Any] = {**scope, "method": "GET", "headers": headers, "state": dict(scope.get("state") or {})}
        start: Message | None = None
        chunks: list[bytes] = []

        async def collect(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        try:
            await self._routes()(inner, receive, collect)
        except Exception as error:
            if start is None:
                raise
            return answer_from(start, b"".join(chunks), inner["state"], keep=False), error
        if start is None:
            raise RuntimeError(f"{key[0]}: the app sent no answer")
        self.renders += 1
        state = inner["state"]
        answer = answer_from(start, b"".join(chunks), state)
        if answer.kept:
            self._keep(key, generation, answer, state)
        return answer, None

    def _keep(self, key: tuple[str, bytes], generation: int, answer: Answer, state: Any) -> None:
        depends = answer.reads
        now = dict.get(state, "now")
        subkey = (
            dict.get(state, "locale") if "locale" in depends else None,
            time_slot(depends, now) if depends & {"now", "today"} and now else None,
        )
        found = not key[1] and answer.status in _FOUND
        with self._lock:
            if generation != self._generation:
                return  # rendered from what has changed since
            table: Any = self._found if found else self._recent
            variant = table.get(key)
            if variant is None or variant.generation != generation or variant.depends != depends:
                if found and key not in table and len(table) >= KEPT_UNTIL_CHANGE:
                    return
                variant = table[key] = _Variant(generation, depends)
            elif subkey[1] is not None:  # a new minute or day: the answers of the last one go
                variant.answers = {k: v for k, v in variant.answers.items() if k[1] == subkey[1]}
            variant.answers[subkey] = answer
            if not found:
                self._recent.move_to_end(key)
                while len(self._recent) > KEPT_RECENT:
                    self._recent.popitem(last=False)

    # -- for the offline build and the static build ------------------------------------------

    async def answer(self, path: str, query: bytes = b"", headers: Iterable[tuple[bytes, bytes]] = ()) -> Answer:
        """The app's answer to a GET of ``path``, from memory or rendered now and kept."""
        generation = self.generation()
        given = [(b"host", b"localhost"), *headers]
        key = (path, normal_query(query) if query else b"")
        variant = self._found.get(key) or self._recently(key)
        if variant is not None and variant.generation == generation:
            found = variant.answers.get(self._subkey(variant.depends, given))
            if found is not None:
                return found
        scope = request_scope(self.owner, path, query, given)

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        answer, error = await self._render(scope, receive, generation, key)
        if error is not None:
            raise error
        return answer


def request_scope(app: Any, path: str, query: bytes = b"", headers: Iterable[tuple[bytes, bytes]] = ()) -> dict[str, Any]:
    """The ASGI scope of a GET from a browser on this machine, for rendering in-process."""
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "server": ("localhost", 80), "client": None, "root_path": "",
        "path": path, "raw_path": path.encode(), "query_string": query,
        "headers": list(headers), "app": app, "state": {},
    }
