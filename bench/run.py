"""Speed and size figures: a soak on a cold server and each page against a bare Starlette app
answering the same bytes (bench/bare.py, started in the same run), two workers, page weights,
quick-exit timing, the static build, and Lighthouse on the server and on the static build
behind nginx.

Run with `make bench`: it installs Debian's wrk and nginx when they are missing, and
Lighthouse in bench/. It prints figures and asserts nothing (the budgets are tests); the README
(Performance) has the targets and the figures measured.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
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


# -- servers ----------------------------------------------------------------------------------

SOAK_SECONDS = int(os.environ.get("SOAK_SECONDS", "60"))
PAGE_SECONDS = int(os.environ.get("PAGE_SECONDS", "4"))
PAGES = ["/de/", "/de/services", "/de/emergency", "/de/plan", "/de/info/rights", "/ar/plan", "/api/services", "/service-worker.js"]


class Server:
    """A server process on a loopback port; ``started`` is how long it took to answer."""

    def __init__(self, command: list[str], port: int, env: dict[str, str], probe: str = "/de/") -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        began = time.perf_counter()
        self.process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:
            try:
                fetch(self.base + probe)
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{command} did not start")
                time.sleep(0.05)
        self.started = time.perf_counter() - began

    def rss_mb(self) -> float:
        """Resident memory of the server and its worker processes."""
        pids = [self.process.pid]
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids += [int(p) for p in children.read_text().split()]
        total = 0
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except FileNotFoundError:
                pass
        return total / 1024

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def app_server(env: dict[str, str], workers: int) -> Server:
    port = free_port()
    return Server([sys.executable, str(ROOT / "server.py")], port, {**env, "PORT": str(port), "WORKERS": str(workers)})


def record_answers(base: str, paths: list[str], target: Path) -> None:
    """What the app sends for each path to a browser that takes br and gzip: the bare app's bytes."""
    answers = {}
    for path in paths:
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": "br, gzip", "Accept-Language": "de-DE,de;q=0.9"})
        try:
            response = urllib.request.urlopen(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            body = response.read()
            headers = {k: v for k, v in response.headers.items() if k.lower() not in ("date", "server", "content-length", "connection")}
            answers[path] = {"status": response.status, "headers": headers, "body": base64.b64encode(body).decode()}
    target.write_text(json.dumps(answers), encoding="utf-8")


def wrk(base: str, paths: list[str], seconds: int, mix_file: Path) -> dict[str, float]:
    """wrk with 2 threads and 64 connections over ``paths`` in turn, 2 s timeout."""
    mix_file.write_text("\n".join(paths) + "\n", encoding="utf-8")
    result = subprocess.run(
        ["wrk", "-t2", "-c64", f"-d{seconds}s", "--timeout", "2s", "--latency", "-s", str(ROOT / "bench" / "mix.lua"), base],
        capture_output=True, text=True, check=False, env={**os.environ, "MIX_FILE": str(mix_file)},
    )
    line = next((l for l in result.stdout.splitlines() if l.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(result.stdout + result.stderr)
    requests, connect, read, write, timeout, status, server_errors, p50, p99, worst = map(float, line.split()[1:])
    return {"rate": requests / seconds, "requests": requests, "socket_errors": connect + read + write, "timeouts": timeout,
            "non_2xx_3xx": status, "5xx": server_errors, "p50": p50, "p99": p99, "max": worst}


def per_page(app: Server, bare: Server, scratch: Path, label: str) -> None:
    print(f"\n## Requests per second, {label}, against the bare Starlette app (wrk -t2 -c64, {PAGE_SECONDS} s each, br)")
    print("| page | this app | bare Starlette | ratio |\n|---|---|---|---|")
    for path in PAGES:
        # In turns, twice each: the machine's other work weighs on both alike.
        ours = theirs = 0.0
        for _ in range(2):
            ours += wrk(app.base, [path], PAGE_SECONDS, scratch / "mix.txt")["rate"] / 2
            theirs += wrk(bare.base, [path], PAGE_SECONDS, scratch / "mix.txt")["rate"] / 2
        print(f"| {path} | {ours:,.0f} | {theirs:,.0f} | {ours / theirs:.2f} |", flush=True)


def soak(app: Server, bare: Server, mix: list[str], scratch: Path, label: str) -> None:
    print(f"\n## Soak, {label}: {SOAK_SECONDS} s at 64 connections over {len(mix)} addresses (every page of every "
          "language, the API, the worker, /, a page not found, a style sheet), started on a cold server", flush=True)
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(1.0):
            samples.append(app.rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    ours = wrk(app.base, mix, SOAK_SECONDS, scratch / "mix.txt")
    stop.set()
    sampler.join()
    theirs = wrk(bare.base, mix, SOAK_SECONDS, scratch / "mix.txt")
    print(f"this app: {ours['rate']:,.0f} req/s, socket errors {ours['socket_errors']:.0f}, timeouts {ours['timeouts']:.0f}, "
          f"5xx {ours['5xx']:.0f}, p50 {ours['p50']:.1f} ms, p99 {ours['p99']:.1f} ms, max {ours['max']:.1f} ms")
    print(f"bare app: {theirs['rate']:,.0f} req/s, socket errors {theirs['socket_errors']:.0f}, timeouts {theirs['timeouts']:.0f}, "
          f"p50 {theirs['p50']:.1f} ms, p99 {theirs['p99']:.1f} ms; p99 ratio {ours['p99'] / theirs['p99']:.2f}")
    if samples:
        warm = samples[min(9, len(samples) - 1)]
        print(f"resident memory: {samples[0]:.0f} MB at 1 s, {warm:.0f} MB at 10 s (warm), {samples[-1]:.0f} MB at the end: "
              f"{samples[-1] - warm:+.1f} MB after warm-up")


def static_build(scratch: Path, env: dict[str, str]) -> tuple[Path, int]:
    print("\n## The static build (python -m pwa build)")
    port = free_port()
    out = scratch / "site"
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pwa", "build", str(out), "--port", str(port)], env=env, cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - began
    files = [p for p in (out / "public").rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    size = sum(p.stat().st_size for p in files)
    brotli_sent = sum(p.stat().st_size for p in files if p.suffix == ".br")
    brotli_sent += sum(p.stat().st_size for p in files if p.suffix not in (".br", ".gz") and not p.with_name(p.name + ".br").exists())
    print(f"{elapsed:.1f} s; {len(pages)} HTML pages, {len(files)} files, {size / 1024 / 1024:.1f} MB on disk with the "
          f".gz and .br forms, {brotli_sent / 1024 / 1024:.1f} MB as sent with brotli")
    return out, port


def lighthouse_paths(app) -> list[str]:
    """The pages the README names, and the journal and disguise pages once the app has them."""
    paths = ["/de/", "/de/services", "/de/plan", "/ar/plan"]
    for name in ("journal", "disguise"):
        try:
            family = app.state.site.family(name)
        except KeyError:
            continue
        paths += [f"/de/{path}" for path in family.page_paths(app.state.directory)[:1]]
        paths += list(family.root_paths[:2])
    return paths


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


def score(category: dict, audits: dict) -> str:
    """A category's score, or why Lighthouse gave none (an audit that could not run)."""
    if category.get("score") is not None:
        return str(round(category["score"] * 100))
    failed = [ref["id"] for ref in category.get("auditRefs", []) if audits.get(ref["id"], {}).get("scoreDisplayMode") == "error"]
    return "none (" + ", ".join(f"{name}: {audits[name].get('errorMessage', '')[:80]}" for name in failed[:3]) + ")"


def lighthouse(base: str, paths: list[str], label: str) -> None:
    print(f"\n## Lighthouse (mobile, simulated slow 4G), {label}", flush=True)
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium")
    if not binary.exists():
        print("not installed: cd bench && npm install")
        return
    for path in paths:
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
        audits = result["audits"]
        scores = ", ".join(f"{k} {score(v, audits)}" for k, v in result["categories"].items())
        print(f"{path}: {scores}; FCP {audits['first-contentful-paint']['displayValue']}, "
              f"LCP {audits['largest-contentful-paint']['displayValue']}, CLS {audits['cumulative-layout-shift']['displayValue']}")


def ensure_tools() -> None:
    missing = [name for name in ("wrk", "nginx") if not shutil.which(name) and not Path(f"/usr/sbin/{name}").exists()]
    if missing:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", *missing], check=True, stdout=subprocess.DEVNULL)
    if not (ROOT / "bench" / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=ROOT / "bench", check=False)


def main() -> None:
    ensure_tools()
    scratch = Path(tempfile.mkdtemp())
    scratch.chmod(0o755)  # nginx's workers read the static build
    env = {**os.environ, "DATABASE_PATH": str(scratch / "db.json"), "QUICK_EXIT_URL": "https://example.org/weather"}
    app = create_app(Settings.from_env(env))
    pages = app.state.site.pages()
    mix = [path for code in app.state.templates.codes for path in pages[code]]
    mix += ["/api/services", "/service-worker.js", "/", "/de/no-such-page", app.state.assets.url("css/app.css")]
    running: list[Server] = []
    try:
        served = app_server(env, 1)  # cold: the soak begins as soon as it answers
        running.append(served)
        print(f"# One worker: the server answers {served.started:.1f} s after its start "
              "(every page rendered and the offline build made before it listens)", flush=True)
        bare_answers = scratch / "answers.json"
        record_answers(served.base, sorted(set(mix) | set(PAGES)), bare_answers)
        port = free_port()
        bare = Server([sys.executable, str(ROOT / "bench" / "bare.py"), str(bare_answers), str(port)], port, dict(os.environ))
        running.append(bare)
        soak(served, bare, mix, scratch, "one worker")
        per_page(served, bare, scratch, "one worker")
        page_weights(served.base, app)
        quick_exit_timing(served.base)
        lighthouse(served.base, lighthouse_paths(app), "the Python server")
        served.stop()
        running.remove(served)

        two = app_server(env, 2)
        running.append(two)
        print(f"\n# Two workers (WORKERS=2): the server answers {two.started:.1f} s after its start", flush=True)
        soak(two, bare, mix, scratch, "two workers")
        per_page(two, bare, scratch, "two workers")
        two.stop()
        running.remove(two)

        out, port = static_build(scratch, env)
        nginx = Server([shutil.which("nginx") or "/usr/sbin/nginx", "-p", str(out), "-c", str(out / "nginx.conf"),
                        "-g", "daemon off;"], port, dict(os.environ))
        running.append(nginx)
        lighthouse(nginx.base, lighthouse_paths(app), "the static build behind nginx")
    finally:
        for server in running:
            server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
