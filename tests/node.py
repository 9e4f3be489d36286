"""Running the app's JavaScript in node, for the tests of what needs no page.

`make test` and `make test-fast` install node and the pinned TypeScript (package.json).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def node() -> str:
    found = shutil.which("node")
    assert found, "node is missing: `make test` installs it"
    return found


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Runs node in the project folder (package.json makes .js files ES modules)."""
    return subprocess.run(
        [node(), *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )


def evaluate(module_source: str, data: Any = None) -> Any:
    """The JSON an ES module prints; it reads ``data`` as JSON from its standard input."""
    result = run("--input-type=module", "-e", module_source, stdin=json.dumps(data))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
