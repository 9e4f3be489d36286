"""The rules of on-device records (static/js/device-record.js) without a page: its tests run in node."""

from __future__ import annotations

from tests.node import run


def test_device_records_pass_their_node_tests():
    result = run("--test", "tests/js/device-record.test.js")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
