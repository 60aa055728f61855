"""Enterprise size: 500 flows among 200 systems against 10 flows of the same inventory, in the same run.

The engine must stay linear: 500 flows within 60 times the time of 10 (each
flow is scored on its own; the landscape's flips score every flow again per
landscape answer, which is linear too).
"""

from __future__ import annotations

import json
import random
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

from django.test import Client

from advisor.assessments import store
from advisor.engine import parse_assessment, recommend

from .scenarios import DOUBTS, PairedTimer, Row, Timer
from .serving import ROOT, served

SYSTEMS = 200
PDF_GIVE_UP_SECONDS = 900
KINDS = ("query", "command", "event")


def inventory(count: int, seed: int = 11) -> dict[str, Any]:
    """`count` flows among SYSTEMS systems; the first 10 of 500 are the 10 of a 10-flow inventory."""
    rng = random.Random(seed)
    names = [f"System {n:03d}" for n in range(SYSTEMS)]
    flows = []
    for index in range(count):
        source = rng.choice(names)
        consumers = rng.sample([n for n in names if n != source], rng.choice([1, 1, 2, 3, 5]))
        flow: dict[str, Any] = {
            "name": f"Flow {index:03d}",
            "source": source,
            "consumers": consumers,
            "interaction": rng.choice(KINDS),
            "latency": rng.choice(["immediate", "seconds", "minutes", "hours"]),
            "volume_per_day": rng.randint(1, 10_000_000),
            "peak_factor": rng.choice([1, 2, 4, 8, 20]),
        }
        for answer in rng.sample(DOUBTS, index % 4):
            flow[answer] = "unknown"
        flows.append(flow)
    return {
        "name": f"Enterprise {count}",
        "landscape": {"systems": SYSTEMS, "teams": "many", "growth": "some", "platform": "aws"},
        "flows": flows,
    }


def rows(client: Client, median_ms: Timer, paired_ms: PairedTimer) -> Iterator[Row]:
    small, large = parse_assessment(inventory(10)), parse_assessment(inventory(500))
    many, few = paired_ms(lambda: recommend(large), lambda: recommend(small), 9)
    yield "engine: 10 flows of the enterprise inventory", few, "ms", ""
    yield "engine: 500 flows among 200 systems", many, "ms", ""
    yield "engine 500 / 10 flows (alternating)", many / few, "x", "target <= 60x"

    # A new inventory each time: the API keeps recent recommendations, and a repeat would measure that.
    small_bodies = iter([json.dumps(inventory(10, seed)) for seed in range(100, 105)])
    large_bodies = iter([json.dumps(inventory(500, seed)) for seed in range(100, 105)])

    def post(bodies: Iterator[str]) -> object:
        return client.post("/api/v1/recommendations", next(bodies), content_type="application/json")

    many, few = paired_ms(lambda: post(large_bodies), lambda: post(small_bodies), 5)
    yield "API: POST /api/v1/recommendations, 500 flows", many, "ms", ""
    yield "API 500 / 10 flows (alternating)", many / few, "x", ""

    small_page = store.create(small)
    large_page = store.create(large)
    many, few = paired_ms(
        lambda: client.get(large_page.get_absolute_url(), {"q": "Flow"}),
        lambda: client.get(small_page.get_absolute_url(), {"q": "Flow"}),
        5,
    )
    yield "results page, 500 flows (grouped, not cached)", many, "ms", ""
    yield "results page 500 / 10 flows (alternating)", many / few, "x", ""
    size = len(client.get(large_page.get_absolute_url()).content)
    yield "results page, 500 flows, HTML", size / 1000, "KB", ""


def worker_rows() -> Iterator[Row]:
    """The 500-flow PDF on gunicorn with a task worker, as `make serve` runs it; /healthz answers meanwhile."""
    with served(PDF_WORKER="1", CREATE_RATE="1000/m", PDF_RATE="1000/m") as (base, env, _):
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            request = urllib.request.Request(
                f"{base}/api/v1/assessments",
                data=json.dumps(inventory(500)).encode(),
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=60) as response:
                pdf_url = f"{base}{json.load(response)['pdf_url']}?v=1"
            started, healthz = time.perf_counter(), []
            while True:
                if time.perf_counter() - started > PDF_GIVE_UP_SECONDS:
                    raise TimeoutError(f"no 500-flow PDF after {PDF_GIVE_UP_SECONDS} s")
                with urllib.request.urlopen(pdf_url, timeout=30) as answer:
                    if answer.headers.get("Content-Type") == "application/pdf":
                        size = len(answer.read())
                        break
                asked = time.perf_counter()
                urllib.request.urlopen(f"{base}/healthz", timeout=30).read()
                healthz.append((time.perf_counter() - asked) * 1000)
                time.sleep(1)
            ready = time.perf_counter() - started
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)
    yield "PDF report, 500 flows, ready after the save (worker)", ready, "s", ""
    yield "PDF report, 500 flows, size", size / 1_000_000, "MB", ""
    yield "GET /healthz while the worker renders it (median)", statistics.median(healthz), "ms", ""
