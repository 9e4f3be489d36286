"""The desk's users: a name and a scrypt hash of the password each, in a file the operator makes.

    python -m pwa admin add-user NAME        asks for the password twice, without echo
    python -m pwa admin set-password NAME
    python -m pwa admin remove-user NAME     also ends the user's sessions
    python -m pwa admin list-users

The file is ``ADMIN_USERS_FILE`` (default: admin-users.json beside the database), written as
the database is (atomically, under a lock) and readable by its owner only. Without it, or
without a user in it, the desk is off and every /admin address answers 404. A password is
never stored, shown or logged: only its scrypt hash with a salt of its own, and the scrypt
parameters, so they can be raised later without locking anyone out.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import hmac
import re
import secrets
import sys
from pathlib import Path
from typing import Any

from pwa.edits import Refused
from pwa.settings import Settings
from pwa.store import Store, create_private

TABLE = "users"
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,31}$")
MIN_PASSWORD = 12
# About 0.1 s and 32 MiB on this kind of server; stored with each hash.
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
_MAXMEM = 128 * 1024 * 1024


def hash_password(password: str, salt: bytes | None = None, n: int = SCRYPT["n"], r: int = SCRYPT["r"], p: int = SCRYPT["p"]) -> dict[str, Any]:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=32)
    return {"scheme": "scrypt", "n": n, "r": r, "p": p, "salt": salt.hex(), "hash": digest.hex()}


def password_matches(password: str, stored: dict[str, Any]) -> bool:
    try:
        again = hash_password(password, bytes.fromhex(stored["salt"]), int(stored["n"]), int(stored["r"]), int(stored["p"]))
    except (KeyError, ValueError, TypeError):
        return False
    return hmac.compare_digest(again["hash"], str(stored.get("hash", "")))


# Checked against for a name that has no account, so the answer takes as long as for one.
_NOBODY = hash_password(secrets.token_urlsafe(16))


class Users:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._store: Store | None = None

    def _opened(self) -> Store | None:
        if self._store is None and self.path.exists():
            self._store = Store(self.path)
        return self._store

    def names(self) -> list[str]:
        """Every user, by name; none when there is no file (the desk is off then)."""
        store = self._opened()
        return sorted(doc["id"] for doc in store.all(TABLE)) if store else []

    def exists(self, name: str) -> bool:
        store = self._opened()
        return bool(store and store.get(TABLE, name))

    def verify(self, name: str, password: str) -> bool:
        """Whether the password is this user's; as slow for an unknown name as for a known one."""
        store = self._opened()
        doc = store.get(TABLE, name) if store else None
        matches = password_matches(password, (doc or {}).get("password") or _NOBODY)
        return bool(doc) and matches

    def add(self, name: str, password: str) -> None:
        self._write(name, password, existing=False)

    def set_password(self, name: str, password: str) -> None:
        self._write(name, password, existing=True)

    def remove(self, name: str) -> None:
        store = self._opened()
        if store is None or not store.remove(TABLE, name):
            raise Refused(f"{name}: no such user")

    def _write(self, name: str, password: str, existing: bool) -> None:
        if not NAME.match(name):
            raise Refused(f"{name!r}: a name is lower-case letters, digits, '.', '_' or '-', at most 32")
        if len(password) < MIN_PASSWORD:
            raise Refused(f"the password must have at least {MIN_PASSWORD} characters")
        if not self.path.exists():
            create_private(self.path, [TABLE])
        store = self._opened()
        assert store is not None
        with store.transaction(TABLE) as docs:
            if (name in docs) != existing:
                raise Refused(f"{name}: no such user" if existing else f"{name}: a user with this name exists; use set-password")
            docs[name] = {"id": name, "password": hash_password(password)}


# -- the command line --------------------------------------------------------------------------


def _ask_password() -> str:
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise Refused("the two passwords differ; nothing was written")
    return first


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m pwa admin ...``; returns the exit status."""
    from pwa.desk.sessions import Sessions  # the sessions of a removed user end with it
    from pwa.maintainers import run

    parser = argparse.ArgumentParser(prog="python -m pwa admin", description="The users of the maintainers' desk at /admin/.")
    parser.add_argument("--file", metavar="PATH", help="the users file (default: $ADMIN_USERS_FILE or admin-users.json beside the database)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command, purpose in [
        ("add-user", "add a user; asks for the password twice"),
        ("set-password", "give a user a new password"),
        ("remove-user", "remove a user and end her sessions"),
    ]:
        commands.add_parser(command, help=purpose, description=purpose).add_argument("name")
    commands.add_parser("list-users", help="every user's name")

    def command(args: argparse.Namespace) -> int:
        settings = Settings.from_env()
        users = Users(Path(args.file) if args.file else settings.users_file)
        if args.command == "list-users":
            names = users.names()
            print("\n".join(names) if names else f"no users in {users.path}: the desk is off")
        elif args.command == "remove-user":
            users.remove(args.name)
            Sessions(settings.desk_sessions_path).end_all(args.name)
            print(f"removed {args.name}" + ("" if users.names() else "; no user is left, so the desk is off"))
        else:
            if (args.command == "add-user") == users.exists(args.name):  # ask for no password in vain
                raise Refused(f"{args.name}: a user with this name exists; use set-password" if users.exists(args.name) else f"{args.name}: no such user")
            (users.add if args.command == "add-user" else users.set_password)(args.name, _ask_password())
            print(f"{'added' if args.command == 'add-user' else 'changed the password of'} {args.name} in {users.path}")
        return 0

    return run(parser, argv if argv is not None else sys.argv[1:], command)
