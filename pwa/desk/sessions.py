"""Signed-in sessions of the desk, kept on the server, and the one cookie that names them.

A session begins when a maintainer signs in and ends when she signs out, when she has done
nothing for 30 minutes (by the app's clock), or when her user is removed. The cookie holds a
random id (``secrets``) and nothing else, and is sent for /admin only: ``Secure; HttpOnly;
SameSite=Strict; Path=/admin``. The server keeps, per session, the user, a token for the
forms (CSRF) and when it was last used.

Sessions are a table in a file beside the database (``admin-sessions.json``), written like the
database, atomically under an flock: every server process sees the same sessions, so the desk
works the same with one worker or several, and a restart signs nobody out. The file holds only
a hash of each id, so reading it does not let anyone in.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from pwa.store import Store, Unchanged, create_private

TABLE = "sessions"
COOKIE = "desk"
IDLE_SECONDS = 30 * 60
_TOUCH_SECONDS = 60  # a session's last use is written at most once a minute
_ATTRIBUTES = "Path=/admin; Secure; HttpOnly; SameSite=Strict"


@dataclass(frozen=True)
class Session:
    key: str  # the hash of the id in the cookie
    user: str
    csrf: str
    seen: float  # seconds since the epoch, by the app's clock

    def csrf_matches(self, token: object) -> bool:
        return isinstance(token, str) and hmac.compare_digest(token.encode(), self.csrf.encode())


def _key(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "replace")).hexdigest()


def cookie(session_id: str) -> str:
    """The Set-Cookie value of a session that has begun."""
    return f"{COOKIE}={session_id}; {_ATTRIBUTES}"


def cookie_cleared() -> str:
    return f"{COOKIE}=; Max-Age=0; {_ATTRIBUTES}"


class Sessions:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            if not self.path.exists():
                create_private(self.path, [TABLE])  # readable by the server's user only
            self._store = Store(self.path)
        return self._store

    def begin(self, user: str, now: float) -> str:
        """A new session for ``user``; returns its id, for the cookie."""
        session_id = secrets.token_urlsafe(32)
        with self.store.transaction(TABLE) as docs:
            for key in [key for key, doc in docs.items() if _expired(doc, now)]:
                del docs[key]
            key = _key(session_id)
            docs[key] = {"id": key, "user": user, "csrf": secrets.token_urlsafe(32), "seen": now}
        return session_id

    def find(self, session_id: str | None, now: float) -> Session | None:
        """The session with this id if it is still going; using it keeps it going."""
        if not session_id:
            return None
        key = _key(session_id)
        doc = self.store.get(TABLE, key)
        if doc is None:
            return None
        if _expired(doc, now):
            self.end(session_id)
            return None
        if now - float(doc["seen"]) >= _TOUCH_SECONDS:
            with self.store.transaction(TABLE) as docs:
                if key not in docs:
                    raise Unchanged  # ended meanwhile
                docs[key]["seen"] = now
        return Session(key, str(doc["user"]), str(doc["csrf"]), now)

    def end(self, session_id: str | None) -> None:
        if not session_id:
            return
        key = _key(session_id)
        with self.store.transaction(TABLE) as docs:
            if docs.pop(key, None) is None:
                raise Unchanged

    def end_all(self, user: str) -> None:
        if not self.path.exists():
            return
        with self.store.transaction(TABLE) as docs:
            ended = [key for key, doc in docs.items() if doc.get("user") == user]
            if not ended:
                raise Unchanged
            for key in ended:
                del docs[key]


def _expired(doc: dict[str, object], now: float) -> bool:
    seen = doc.get("seen")
    return not isinstance(seen, (int, float)) or now - seen >= IDLE_SECONDS or now < seen - IDLE_SECONDS
