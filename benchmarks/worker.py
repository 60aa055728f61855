"""A 10-flow PDF with a task worker, as `make serve` runs it: how long after the save it is ready.

gunicorn and `manage.py worker` share a throwaway SQLite database. Each round saves a new
assessment through the API (the save queues its PDF) and polls the PDF's link until the worker's
document arrives; /healthz is timed on the same server in between, so the ratio holds whatever
else the machine runs.
"""

from __future__ import annotations

import json
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

from benchmarks.scenarios import Row, ten_flows
from benchmarks.serving import ROOT, served

ROUNDS = 5
POLL_SECONDS = 0.05
GIVE_UP_SECONDS = 60


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers.get("Content-Type", ""), refused.read()


def _save(base: str, seed: int) -> str:
    """Store a new 10-flow assessment through the API; the PDF link of its first version."""
    request = urllib.request.Request(
        f"{base}/api/v1/assessments",
        data=json.dumps(ten_flows(seed)).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return f"{base}{json.load(response)['pdf_url']}?v=1"


def _ready_after(pdf_url: str) -> float:
    """Seconds from now until the PDF link serves the document."""
    started = time.perf_counter()
    while time.perf_counter() - started < GIVE_UP_SECONDS:
        status, content_type, _ = _get(pdf_url)
        if status == 200 and content_type == "application/pdf":
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"no PDF after {GIVE_UP_SECONDS} s: {pdf_url}")


def _healthz_ms(base: str) -> float:
    samples = []
    for _ in range(20):
        started = time.perf_counter()
        _get(f"{base}/healthz")
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def rows() -> Iterator[Row]:
    with served(PDF_WORKER="1", CREATE_RATE="1000/m", PDF_RATE="1000/m") as (base, env, _):
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker"],  # as `make serve` starts it
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _ready_after(_save(base, 4000))  # the worker's first PDF starts kaleido's browser
            ready, healthz = [], []
            for seed in range(4001, 4001 + ROUNDS):
                ready.append(_ready_after(_save(base, seed)) * 1000)
                healthz.append(_healthz_ms(base))
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)
    ready_ms, healthz_ms = statistics.median(ready), statistics.median(healthz)
    yield "GET /healthz on gunicorn beside the worker", healthz_ms, "ms", ""
    yield "PDF report, 10 flows, ready after the save (worker)", ready_ms, "ms", "target <= 3000 ms"
    yield "PDF ready after save / healthz", ready_ms / healthz_ms, "x", ""
