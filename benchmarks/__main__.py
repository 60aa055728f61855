"""`python -m benchmarks`: time the engine, the API, the pages and the PDF against /healthz.

Runs in-process through Django's test client (the whole middleware stack, no
network), on a throwaway test database, and prints medians with their ratio
to the /healthz request measured in the same run. Then the PDF with a task
worker, on gunicorn as `make serve` runs it (benchmarks/worker.py).
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "advisor.settings")
os.environ.setdefault("HTTPS", "0")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from benchmarks import enterprise, scenarios, worker  # noqa: E402


def median_ms(action: Callable[[], object], repeat: int) -> float:
    gc.collect()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def paired_ms(action: Callable[[], object], baseline: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Medians of an action and of the baseline, run alternately so both see the same machine load."""
    ours, theirs = [], []
    for _ in range(repeat):
        theirs.append(median_ms(baseline, 1))
        ours.append(median_ms(action, 1))
    return statistics.median(ours), statistics.median(theirs)


def main() -> None:
    setup_test_environment()
    database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        random.seed(7)
        client = Client()
        for name, figure, unit, target in scenarios.run(client, median_ms, paired_ms):
            print(f"{name:<58} {figure:>10.3f} {unit:<12} {target}")
    finally:
        connection.creation.destroy_test_db(database, verbosity=0)
    for name, figure, unit, target in [*worker.rows(), *enterprise.worker_rows()]:
        print(f"{name:<58} {figure:>10.3f} {unit:<12} {target}")


if __name__ == "__main__":
    main()
