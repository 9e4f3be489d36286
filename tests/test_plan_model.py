"""The plan's state model (static/js/plan-model.js) without a page: its tests run in node."""

from __future__ import annotations

from tests.node import run


def test_the_plan_model_passes_its_node_tests():
    result = run("--test", "tests/js/plan-model.test.js")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
