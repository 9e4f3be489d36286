"""The desk's sessions: random ids, kept on the server as hashes, ended by time, by signing out."""

from __future__ import annotations

import json
import stat

from pwa.desk.sessions import IDLE_SECONDS, Sessions, cookie, cookie_cleared


def test_a_session_is_a_random_id_the_server_keeps_only_as_a_hash(tmp_path):
    sessions = Sessions(tmp_path / "admin-sessions.json")
    first, second = sessions.begin("anna", 1000.0), sessions.begin("anna", 1000.0)
    assert first != second and len(first) >= 43
    text = sessions.path.read_text(encoding="utf-8")
    assert first not in text and second not in text
    assert stat.S_IMODE(sessions.path.stat().st_mode) == 0o600
    found = sessions.find(first, 1001.0)
    assert found is not None and found.user == "anna" and len(found.csrf) >= 43
    assert found.csrf != sessions.find(second, 1001.0).csrf
    assert found.csrf_matches(found.csrf) and not found.csrf_matches("") and not found.csrf_matches(None)
    assert sessions.find("made-up", 1001.0) is None and sessions.find(None, 1001.0) is None


def test_a_session_ends_after_thirty_idle_minutes_and_lives_on_while_used(tmp_path):
    sessions = Sessions(tmp_path / "admin-sessions.json")
    session_id = sessions.begin("anna", 0.0)
    for minute in range(0, 120, 20):  # used every 20 minutes: goes on
        assert sessions.find(session_id, minute * 60.0) is not None, minute
    assert sessions.find(session_id, 100 * 60 + IDLE_SECONDS - 1.0) is not None
    assert sessions.find(session_id, 100 * 60 + 2 * IDLE_SECONDS) is None
    assert json.loads(sessions.path.read_text())["sessions"] == {}  # and is gone from the file


def test_signing_out_ends_the_session_on_the_server(tmp_path):
    sessions = Sessions(tmp_path / "admin-sessions.json")
    session_id = sessions.begin("anna", 0.0)
    sessions.end(session_id)
    assert sessions.find(session_id, 1.0) is None
    sessions.end(session_id)  # twice is no error
    stale = sessions.begin("ben", 0.0)
    sessions.begin("cem", 10 * IDLE_SECONDS)  # a new session clears the ended ones from the file
    assert stale not in sessions.path.read_text() and len(json.loads(sessions.path.read_text())["sessions"]) == 1


def test_the_cookie_is_secure_http_only_strict_and_for_the_desk_only():
    attributes = {part.strip() for part in cookie("abc").split(";")}
    assert attributes == {"desk=abc", "Path=/admin", "Secure", "HttpOnly", "SameSite=Strict"}
    assert "Max-Age=0" in cookie_cleared() and "Path=/admin" in cookie_cleared()
