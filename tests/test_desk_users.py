"""The desk's users: scrypt hashes only, a file for its owner, the operator's command line."""

from __future__ import annotations

import json
import stat

import pytest

from pwa import __main__ as entry
from pwa.desk import users as users_module
from pwa.desk.sessions import Sessions
from pwa.desk.users import Users, hash_password, password_matches
from pwa.edits import Refused

PASSWORD = "ein langes Passwort"


def test_a_password_is_kept_as_a_salted_scrypt_hash_only(tmp_path):
    users = Users(tmp_path / "var" / "admin-users.json")
    assert users.names() == [] and not users.path.exists()
    users.add("anna", PASSWORD)
    text = users.path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    stored = json.loads(text)["users"]["anna"]["password"]
    assert stored["scheme"] == "scrypt" and stored["n"] >= 2**14 and len(bytes.fromhex(stored["salt"])) == 16
    assert stat.S_IMODE(users.path.stat().st_mode) == 0o600
    assert users.verify("anna", PASSWORD)
    assert not users.verify("anna", PASSWORD + "!") and not users.verify("ben", PASSWORD)
    assert hash_password(PASSWORD)["salt"] != hash_password(PASSWORD)["salt"]
    assert not password_matches(PASSWORD, {"scheme": "scrypt"})


def test_names_passwords_and_existing_users_are_checked(tmp_path):
    users = Users(tmp_path / "admin-users.json")
    users.add("anna", PASSWORD)
    for name, password, message in [
        ("Anna Meier", PASSWORD, "a name is"), ("ben", "kurz", "at least 12"), ("anna", PASSWORD, "exists"),
    ]:
        with pytest.raises(Refused, match=message):
            users.add(name, password)
    with pytest.raises(Refused, match="no such user"):
        users.set_password("ben", PASSWORD)
    users.set_password("anna", "ein anderes Passwort")
    assert users.verify("anna", "ein anderes Passwort") and not users.verify("anna", PASSWORD)
    users.remove("anna")
    assert users.names() == []
    with pytest.raises(Refused):
        users.remove("anna")


def test_the_command_line_asks_twice_without_echo_and_never_prints_the_password(tmp_path, monkeypatch, capsys):
    path = tmp_path / "var" / "admin-users.json"
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "var" / "db.json"))
    answers = iter([PASSWORD, PASSWORD, PASSWORD, "something else entirely"])
    prompts: list[str] = []
    monkeypatch.setattr(users_module.getpass, "getpass", lambda prompt: prompts.append(prompt) or next(answers))
    assert entry.main(["admin", "add-user", "anna"]) == 0
    assert entry.main(["admin", "add-user", "ben"]) == 1  # the two answers differ
    assert entry.main(["admin", "list-users"]) == 0
    out = capsys.readouterr()
    assert prompts == ["Password: ", "Password again: "] * 2
    assert "added anna" in out.out and "anna" in out.out.splitlines()[-1]
    assert "differ" in out.err and "ben" not in Users(path).names()
    assert PASSWORD not in out.out + out.err
    assert entry.main(["admin", "add-user", "anna"]) == 1  # exists: no password asked in vain
    assert "exists" in capsys.readouterr().err


def test_removing_a_user_ends_her_sessions(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "db.json"))
    users = Users(tmp_path / "admin-users.json")
    users.add("anna", PASSWORD)
    users.add("ben", PASSWORD)
    sessions = Sessions(tmp_path / "admin-sessions.json")
    anna, ben = sessions.begin("anna", 1000.0), sessions.begin("ben", 1000.0)
    assert entry.main(["admin", "remove-user", "anna"]) == 0
    assert sessions.find(anna, 1001.0) is None and sessions.find(ben, 1001.0) is not None
    assert users.names() == ["ben"]
    assert entry.main(["admin", "--file", str(tmp_path / "other.json"), "list-users"]) == 0
    assert "the desk is off" in capsys.readouterr().out
