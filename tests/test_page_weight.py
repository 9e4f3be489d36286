"""Page weight budget: the HTML plus the CSS and JavaScript it loads, gzip-compressed."""

from __future__ import annotations

import gzip
import re

HOME_BUDGET = 14 * 1024
PAGE_BUDGET = 30 * 1024
# The plan page alone is over 30 KB since every number on it carries its date and certainty, a
# second tab can no longer undo its protection, the disguise and the privacy screen load on
# every page, it says how the journal takes its passphrase, and the language switch on every
# page names 14 languages: the largest (Ukrainian, Russian) weigh about 32.2 KB. Its own budget
# holds it there until the plan's guidance or its tools are loaded apart.
PLAN_BUDGET = 33 * 1024
# The journal keeps its entries and photos sealed in IndexedDB, prints a report and writes and
# reads a sealed file, all on the device: about 29 KB of modules (gzip), a quarter of them shared
# with the plan (sealing, one writer for two tabs), and takes the plan's new passphrase. Its
# largest language (Greek) weighs about 39 KB.
JOURNAL_BUDGET = 40 * 1024
_IMPORT = re.compile(r"""(?:import|from)\s*\(?\s*["'](\./[\w./-]+\.js)["']""")


def _gz(body: bytes) -> int:
    return len(gzip.compress(body, 9))


def _page_weight(page, assets) -> tuple[int, list[str]]:
    """A crawled page's weight: its HTML and every asset it loads, each gzip-compressed."""
    html, document = page.content, page.document
    prefix = f"{assets.prefix}/{assets.version}/"
    keys: list[str] = []
    for element in document.iter():
        url = element.attrs.get("href") if element.tag == "link" and element.attrs.get("rel") == "stylesheet" else None
        url = url or (element.attrs.get("src") if element.tag == "script" else None)
        if url and url.startswith(prefix):
            keys.append(url[len(prefix):])
    # Modules the page starts through data-module, and everything they import statically.
    keys += [f"js/{e.attrs['data-module']}.js" for e in document.iter() if e.attrs.get("data-module")]
    seen: list[str] = []
    while keys:
        key = keys.pop()
        if key in seen or key not in assets.assets:
            continue
        seen.append(key)
        if key.endswith(".js"):
            folder = key.rsplit("/", 1)[0]
            for relative in _IMPORT.findall(assets.assets[key].body.decode("utf-8")):
                keys.append(f"{folder}/{relative[2:]}")
    total = _gz(html) + sum(_gz(assets.assets[key].body) for key in seen)
    return total, seen


def test_home_within_budget(crawl):
    for code in crawl.app.state.templates.codes:
        total, files = _page_weight(crawl.pages[f"/{code}/"], crawl.app.state.assets)
        assert total <= HOME_BUDGET, f"/{code}/ weighs {total} bytes with {files}"


def test_every_page_within_budget(crawl):
    for path, page in crawl.pages.items():
        total, files = _page_weight(page, crawl.app.state.assets)
        budget = PLAN_BUDGET if path.endswith("/plan") else JOURNAL_BUDGET if path.endswith("/journal") else PAGE_BUDGET
        assert total <= budget, f"{path} weighs {total} bytes with {files}"


def test_weight_counts_what_the_page_loads(crawl):
    home = crawl.pages["/de/"]
    total, files = _page_weight(home, crawl.app.state.assets)
    assert {"css/app.css", "css/quick-exit.css", "js/app.js"} <= set(files)
    assert total > _gz(home.content)
