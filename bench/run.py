"""Speed and size figures: page weights, server throughput and latency, quick-exit timing,
and Lighthouse scores.

Run with `make bench`. Prints figures; it asserts nothing (the budgets are tests).
Throughput uses wrk when installed (`apt-get install wrk`), else a small Python client.
Lighthouse runs when installed in bench/ (`cd bench && npm install`).
"""

from __future__ import annotations

import gzip
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pwa.app import create_app  # noqa: E402
from pwa.settings import Settings  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, gzip_ok: bool = True) -> bytes:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def page_weights(base: str, app) -> None:
    print("\n## Page weight (gzip, HTML only; the budget test adds CSS and JS)")
    for code in app.state.templates.codes:
        paths = app.state.site.page_paths(code)
        sizes = {path: len(gzip.compress(fetch(base + path, gzip_ok=False), 9)) for path in paths}
        largest = max(sizes, key=sizes.get)
        print(f"{code}: {len(paths)} pages, median {statistics.median(sizes.values()) / 1024:.1f} KB, "
              f"largest {largest} {sizes[largest] / 1024:.1f} KB, home {sizes[f'/{code}/'] / 1024:.1f} KB")
    assets = app.state.assets
    total = sum(len(a.gzipped or a.body) for a in assets.assets.values())
    print(f"static assets: {len(assets.assets)} files, {total / 1024:.1f} KB as sent")


def python_load(url: str, seconds: float = 4.0, workers: int = 8) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            fetch(url)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / seconds, latencies


def throughput(base: str, app) -> None:
    print("\n## Throughput and latency (one uvicorn worker, loopback, 2 cores shared with the client)")
    targets = ["/de/", "/de/services", "/de/emergency", app.state.assets.url("css/app.css")]
    wrk = shutil.which("wrk")
    for path in targets:
        if wrk:
            result = subprocess.run(
                [wrk, "-t1", "-c16", "-d4s", "--latency", "-H", "Accept-Encoding: gzip", base + path],
                capture_output=True, text=True, check=False,
            )
            lines = [l.strip() for l in result.stdout.splitlines() if "Requests/sec" in l or l.strip().startswith(("50%", "99%"))]
            print(f"{path}: " + "; ".join(lines))
        else:
            rate, latencies = python_load(base + path)
            latencies.sort()
            p50 = latencies[len(latencies) // 2] * 1000
            p95 = latencies[int(len(latencies) * 0.95)] * 1000
            print(f"{path}: {rate:.0f} req/s, p50 {p50:.1f} ms, p95 {p95:.1f} ms (python client, 8 threads)")


def quick_exit_timing(base: str) -> None:
    print("\n## Quick exit: click to navigation start (Chromium)")
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright not installed: skipped")
        return
    if not Path(chromium).exists():
        print("chromium not installed: skipped")
        return
    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    figures = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        context = browser.new_context()
        context.route("https://example.org/**", lambda r: r.fulfill(content_type="text/html", body="<title>x</title>ok"))
        clicks: list[float] = []
        context.expose_function("benchRecordClick", lambda t: clicks.append(float(t)))
        context.add_init_script(
            "addEventListener('click', () => window.benchRecordClick(performance.timeOrigin + performance.now()), true);"
        )
        page = context.new_page()
        for _ in range(10):
            page.goto(base + "/de/")
            page.wait_for_load_state("load")
            page.click("#quick-exit")
            page.wait_for_url("https://example.org/**")
            started = page.evaluate("performance.timeOrigin")
            if clicks:
                figures.append(started - clicks.pop())
        browser.close()
    if figures:
        figures.sort()
        print(f"median {statistics.median(figures):.1f} ms, max {figures[-1]:.1f} ms over {len(figures)} exits")
    else:
        print("no figures recorded")


def lighthouse(base: str) -> None:
    print("\n## Lighthouse (mobile, simulated slow 4G)")
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium")
    if not binary.exists():
        print("not installed: cd bench && npm install")
        return
    import json

    for path in ("/de/", "/de/services", "/de/plan", "/ar/plan", "/en/emergency"):
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            subprocess.run(
                [str(binary), base + path, "--output=json", f"--output-path={report.name}", "--quiet",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking"],
                env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, check=False, timeout=180,
            )
            try:
                result = json.loads(Path(report.name).read_text() or "{}")
            except json.JSONDecodeError:
                result = {}
        if not result.get("categories"):
            print(f"{path}: no result")
            continue
        scores = ", ".join(f"{k} {round(v['score'] * 100)}" for k, v in result["categories"].items())
        audits = result["audits"]
        print(f"{path}: {scores}; FCP {audits['first-contentful-paint']['displayValue']}, "
              f"LCP {audits['largest-contentful-paint']['displayValue']}, CLS {audits['cumulative-layout-shift']['displayValue']}")


def main() -> None:
    scratch = Path(tempfile.mkdtemp())
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATABASE_PATH": str(scratch / "db.json"),
           "QUICK_EXIT_URL": "https://example.org/weather"}
    server = subprocess.Popen([sys.executable, str(ROOT / "server.py")], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/de/")
                break
            except OSError:
                time.sleep(0.1)
        app = create_app(Settings.from_env(env))
        page_weights(base, app)
        throughput(base, app)
        quick_exit_timing(base)
        lighthouse(base)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
