"""The covers' JavaScript without a page: the calculator, numbers in every language, the lock's
code (static/js/calculator-model.js, tool-numbers.js, tool-lock.js). Their tests run in node."""

from __future__ import annotations

import pytest

from tests.node import run


@pytest.mark.parametrize("suite", ["calculator-model", "tool-numbers"])
def test_the_covers_modules_pass_their_node_tests(suite):
    result = run("--test", f"tests/js/{suite}.test.js")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
