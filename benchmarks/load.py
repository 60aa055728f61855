"""`make load`: bounded load on loopback against gunicorn as `make serve` runs it (DEBUG off).

Cost, then fairness. /healthz alone with ten users gives the baseline; each target then runs alone for
LOAD_SECONDS (20) with ten users, beside one user of /healthz that shows what the others wait, and
its throughput over the baseline's measures what it costs; then the heavy body (50 flows
of 50 consumers, every choice "not sure") on four connections of one client beside /healthz, as the
probe of issue 24 sent it, which the per-client limits and the engine's budget must keep from starving
the site; then everything at once (the mix).

The API and the preview send a new body each time (the server remembers recent answers), from a new
client address each (X-Forwarded-For behind TRUSTED_PROXIES=1), so the per-client limits measure
nothing there. hey (a Debian
package) sends the GETs; the POSTs come from threads here, which hey cannot vary.
"""

from __future__ import annotations

import csv
import http.client
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from http.cookiejar import CookieJar
from pathlib import Path

from benchmarks.serving import served, shell

SECONDS = int(os.environ.get("LOAD_SECONDS", "20"))
USERS = 10
HEALTHZ_USERS = 1
HEAVY_CONNECTIONS = 4
# (path, body, headers) of one POST
Post = tuple[str, bytes, dict[str, str]]
JSON = {"Content-Type": "application/json"}
Figures = tuple[float, float, float, float, int, int, int]


def main() -> None:
    with served(TRUSTED_PROXIES="1") as (base, env, workdir):
        edit_url, view_url = shell(_CREATE, env)[-2:]
        api_bodies, heavy_bodies = _bodies(env)
        preview_posts = _preview_posts(base, edit_url)
        host = urllib.parse.urlsplit(base).netloc
        print(f"gunicorn on {base} (DEBUG off); each phase {SECONDS} s")
        print(f"machine load before: {_load_average()} on {os.cpu_count()} CPUs, shared with whatever else runs")
        fresh = itertools.count(1)

        def new_client() -> str:
            number = next(fresh)
            return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"

        def api() -> Post:
            return "/api/v1/recommendations", next(api_bodies), {**JSON, "X-Forwarded-For": new_client()}

        def preview() -> Post:
            body, headers = next(preview_posts)
            return f"{edit_url}preview", body, headers | {"X-Forwarded-For": new_client()}

        def heavy_from(client: str) -> Callable[[], Post]:
            return lambda: ("/api/v1/recommendations", next(heavy_bodies), {**JSON, "X-Forwarded-For": client})

        heavy = [heavy_from("192.0.2.1")] * HEAVY_CONNECTIONS
        gets = {"GET /": f"{base}/", "GET results page": f"{base}{view_url}"}
        phases: list[tuple[str, dict[str, Callable[[Path], subprocess.Popen[bytes] | threading.Thread]]]] = [
            ("GET /healthz alone (the baseline)", {"GET /healthz, 10 users": _hey(f"{base}/healthz", USERS)}),
            *[(name, {name: _hey(url, USERS)}) for name, url in gets.items()],
            (
                "POST preview fragment, new bodies",
                {"POST preview fragment, new bodies": _senders(host, preview, USERS)},
            ),
            ("POST API, 10 new flows", {"POST API, 10 new flows": _senders(host, api, USERS)}),
            (
                "POST API, heavy body",
                {"POST API, heavy body (4 connections)": _senders(host, heavy, HEAVY_CONNECTIONS)},
            ),
            (
                "all at once",
                {
                    **{name: _hey(url, USERS) for name, url in gets.items()},
                    "POST preview fragment, new bodies": _senders(host, preview, USERS),
                    "POST API, 10 new flows": _senders(host, api, USERS),
                    "POST API, heavy body (4 connections)": _senders(host, heavy, HEAVY_CONNECTIONS),
                },
            ),
        ]
        print(
            f"{'target':<36} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'429':>5} {'503':>5} {'other':>6} "
            f"{'× hz':>6}"
        )
        baseline = 0.0
        for phase, targets in phases:
            print(f"-- {phase}, beside GET /healthz ({HEALTHZ_USERS} user)")
            figures = _run({**targets, "GET /healthz": _hey(f"{base}/healthz", HEALTHZ_USERS)}, workdir)
            baseline = baseline or figures["GET /healthz, 10 users"][0]
            for name, (rate, p50, p95, p99, limited, stopped, errors) in figures.items():
                ratio = rate / baseline
                print(
                    f"{name:<36} {rate:>8.1f} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} "
                    f"{limited:>5} {stopped:>5} {errors:>6} {ratio:>6.2f}"
                )
    print(f"machine load after: {_load_average()}")
    print(
        "429: over a per-client limit or the client's engine budget; 503: a run stopped at ENGINE_SECONDS "
        "(both with Retry-After); other: anything else not 2xx; × hz: requests/s over /healthz's alone"
    )


_CREATE = (
    "from advisor.assessments import store; from advisor.engine import parse_assessment; "
    "from benchmarks.scenarios import ten_flows; a = store.create(parse_assessment(ten_flows(1))); "
    "print(a.edit_url); print(a.get_absolute_url())"
)
_BODIES = (
    "import json, sys; from benchmarks.scenarios import heavy, ten_flows; "
    "json.dump({'api': [ten_flows(s) for s in range(5000, 8000)], 'heavy': [heavy(s) for s in range(300)]}, sys.stdout)"
)


def _bodies(env: dict[str, str]) -> tuple[Iterator[bytes], Iterator[bytes]]:
    bodies = json.loads(shell(_BODIES, env)[-1])
    return (
        _Shared(itertools.cycle([json.dumps(b).encode() for b in bodies["api"]])),
        _Shared(itertools.cycle([json.dumps(b).encode() for b in bodies["heavy"]])),
    )


class _Shared[T]:
    """One iterator for many threads: a generator refuses a second thread while it runs."""

    def __init__(self, items: Iterator[T]) -> None:
        self.items = items
        self.lock = threading.Lock()

    def __iter__(self) -> _Shared[T]:
        return self

    def __next__(self) -> T:
        with self.lock:
            return next(self.items)


def _preview_posts(base: str, edit_url: str) -> Iterator[tuple[bytes, dict[str, str]]]:
    """The editor's own form with its CSRF token, with a new volume each time, so no answer is remembered."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}{edit_url}").read().decode()
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    form = re.search(r'<form[^>]*id="editor"[^>]*>(.*?)</form>', page, re.S)
    fields = dict(_form_fields(form.group(1) if form else page))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={token}",
        "X-CSRFToken": token,
        "HX-Request": "true",
        "Referer": f"{base}{edit_url}",
    }
    volumes = itertools.count(1000)
    return _Shared(
        (urllib.parse.urlencode(fields | {"flow-0-volume_per_day": str(v)}).encode(), headers) for v in volumes
    )


def _hey(url: str, users: int) -> Callable[[Path], subprocess.Popen[bytes]]:
    def start(path: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            ["hey", "-z", f"{SECONDS}s", "-c", str(users), "-o", "csv", url],
            stdout=open(path, "w"),
        )

    return start


def _senders(
    host: str, posts: Callable[[], Post] | list[Callable[[], Post]], users: int
) -> Callable[[Path], threading.Thread]:
    """`users` threads posting for SECONDS, each on its own keep-alive connection; rows as hey writes them."""
    makers = posts if isinstance(posts, list) else [posts] * users

    def start(path: Path) -> threading.Thread:
        rows: list[tuple[float, int]] = []
        deadline = time.monotonic() + SECONDS

        def user(make: Callable[[], Post]) -> None:
            connection = http.client.HTTPConnection(host, timeout=60)
            while time.monotonic() < deadline:
                url, body, headers = make()
                started = time.monotonic()
                try:
                    connection.request("POST", url, body, headers)
                    response = connection.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException):
                    connection.close()
                    connection = http.client.HTTPConnection(host, timeout=60)
                    status = 0
                rows.append((time.monotonic() - started, status))

        def run() -> None:
            threads = [threading.Thread(target=user, args=(make,)) for make in makers]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            with open(path, "w", newline="") as file:
                writer = csv.writer(file)
                writer.writerow(["response-time", "status-code"])
                writer.writerows(rows)

        runner = threading.Thread(target=run)
        runner.start()
        return runner

    return start


def _run(
    targets: dict[str, Callable[[Path], subprocess.Popen[bytes] | threading.Thread]], workdir: Path
) -> dict[str, Figures]:
    paths = {name: workdir / f"{random.getrandbits(32):08x}.csv" for name in targets}
    runs = {name: start(paths[name]) for name, start in targets.items()}
    for run in runs.values():
        if isinstance(run, threading.Thread):
            run.join(timeout=SECONDS + 120)
        else:
            run.wait(timeout=SECONDS + 60)
    return {name: _figures(paths[name]) for name in targets}


def _form_fields(html: str) -> list[tuple[str, str]]:
    fields = []
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if not name or (kind and kind.group(1) in ("radio", "checkbox") and "checked" not in tag):
            continue
        fields.append((name.group(1), value.group(1) if value else ""))
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        fields.append((name, chosen.group(1) if chosen else ""))
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        fields.append((name, body.strip()))
    return fields


def _load_average() -> str:
    return ", ".join(f"{figure:.2f}" for figure in os.getloadavg()) + " (1, 5, 15 min)"


def _figures(path: Path) -> Figures:
    """Requests per second, p50/p95/p99 in ms, the counts of 429s, 503s and other answers that are not 2xx."""
    with open(path) as file:
        statuses = [(float(row["response-time"]) * 1000, row["status-code"]) for row in csv.DictReader(file)]
    times = sorted(t for t, _ in statuses) or [0.0]
    limited = sum(1 for _, status in statuses if status == "429")
    stopped = sum(1 for _, status in statuses if status == "503")
    errors = sum(1 for _, status in statuses if not status.startswith("2")) - limited - stopped
    cuts = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    return len(statuses) / SECONDS, cuts[49], cuts[94], cuts[98], limited, stopped, errors


if __name__ == "__main__":
    main()
