"""`make load`: 50 concurrent users for 60 s on loopback, against gunicorn as `make serve` runs it.

Ten users each on the landing page, a results page, the editor's preview fragment, the API and
/healthz, all at once, so every figure is measured beside /healthz under the same load. Bounded in
time (LOAD_SECONDS) and to 127.0.0.1; hey (a Debian package) sends the requests.
"""

from __future__ import annotations

import csv
import os
import re
import statistics
import subprocess
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

from benchmarks.serving import served, shell

SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
USERS_PER_TARGET = 10


def main() -> None:
    with served() as (base, env, workdir):
        edit_url, view_url, api_body = shell(_CREATE, env)[-3:]
        targets = _targets(base, edit_url, view_url, api_body, workdir)
        print(f"{len(targets) * USERS_PER_TARGET} concurrent users for {SECONDS} s on {base} (gunicorn, DEBUG off)")
        print(f"machine load before: {_load_average()} on {os.cpu_count()} CPUs, shared with whatever else runs")
        runs = {
            name: (
                subprocess.Popen(
                    ["hey", "-z", f"{SECONDS}s", "-c", str(USERS_PER_TARGET), "-o", "csv", *arguments],
                    stdout=open(workdir / f"{index}.csv", "w"),  # noqa: SIM115 - closed when hey exits
                ),
                workdir / f"{index}.csv",
            )
            for index, (name, arguments) in enumerate(targets.items())
        }
        figures = {}
        for name, (run, path) in runs.items():
            run.wait(timeout=SECONDS + 60)
            figures[name] = _figures(path)
    print(f"machine load after: {_load_average()}")
    healthz = figures["GET /healthz"]
    print(f"{'target':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'× healthz':>10}")
    for name, (rate, p50, p95, p99, errors) in figures.items():
        print(f"{name:<34} {rate:>8.1f} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {errors:>7} {rate / healthz[0]:>10.2f}")
    results = figures["GET results page"]
    print(
        f"results page: {results[0] / healthz[0]:.2f} × /healthz throughput (target >= 0.5), "
        f"p95 {results[2]:.0f} ms (target < 150), errors {sum(f[4] for f in figures.values())} (target 0)"
    )


_CREATE = (
    "from advisor.assessments import store; from advisor.engine import parse_assessment; "
    "from benchmarks.scenarios import ten_flows; import json; a = store.create(parse_assessment(ten_flows(1))); "
    "print(a.edit_url); print(a.get_absolute_url()); print(json.dumps(ten_flows(2)))"
)


def _targets(base: str, edit_url: str, view_url: str, api_body: str, workdir: Path) -> dict[str, list[str]]:
    """hey's arguments per target; the preview posts the editor's own form with its CSRF token."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}{edit_url}").read().decode()
    token = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    form = re.search(r'<form[^>]*id="editor"[^>]*>(.*?)</form>', page, re.S)
    fields = _form_fields(form.group(1) if form else page)
    preview = workdir / "preview.txt"
    preview.write_text(urllib.parse.urlencode(fields))
    api = workdir / "api.json"
    api.write_text(api_body)
    return {
        "GET /": [f"{base}/"],
        "GET results page": [f"{base}{view_url}"],
        "POST preview fragment": [
            "-m", "POST", "-T", "application/x-www-form-urlencoded", "-D", str(preview),
            "-H", f"Cookie: csrftoken={token}", "-H", f"X-CSRFToken: {token}", "-H", "HX-Request: true",
            f"{base}{edit_url}preview",
        ],
        "POST /api/v1/recommendations": [
            "-m", "POST", "-T", "application/json", "-D", str(api), f"{base}/api/v1/recommendations",
        ],
        "GET /healthz": [f"{base}/healthz"],
    }  # fmt: skip


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


def _figures(path: Path) -> tuple[float, float, float, float, int]:
    """Requests per second, p50/p95/p99 in ms, and the count of answers other than 2xx."""
    with open(path) as file:
        rows = list(csv.DictReader(file))
    times = sorted(float(row["response-time"]) * 1000 for row in rows)
    errors = sum(1 for row in rows if not row["status-code"].startswith("2"))
    cuts = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    return len(rows) / SECONDS, cuts[49], cuts[94], cuts[98], errors


if __name__ == "__main__":
    main()
