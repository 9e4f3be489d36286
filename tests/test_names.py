"""The names the JavaScript modules share (static/js/names.js): its tests run in node."""

from __future__ import annotations

from tests.node import run


def test_the_shared_names_pass_their_node_tests():
    result = run("--test", "tests/js/names.test.js")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
