"""The yardstick: a bare Starlette app answering the same bytes from memory.

`python bench/bare.py ANSWERS.json PORT`, where ANSWERS.json maps each path to the status,
headers and body (base64) that the app sent for it; run by bench/run.py under the same uvicorn.
"""

from __future__ import annotations

import base64
import json
import sys

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def app_for(answers: dict[str, dict]) -> Starlette:
    kept = {
        path: (a["status"], a["headers"], base64.b64decode(a["body"]))
        for path, a in answers.items()
    }
    missing = kept.get("*")

    async def answer(request: Request) -> Response:
        status, headers, body = kept.get(request.url.path) or missing or (404, {}, b"")
        return Response(body, status_code=status, headers=headers)

    return Starlette(routes=[Route("/{path:path}", answer)])


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as source:
        answers = json.load(source)
    uvicorn.run(app_for(answers), host="127.0.0.1", port=int(sys.argv[2]), access_log=False,
                server_header=False, log_level="warning")
