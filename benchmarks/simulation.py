"""The what-if simulation's figures: one flow under three patterns, a landscape of 50 flows, the htmx panel.

Part of `make bench` (scenarios.run); `python -c "import benchmarks.__main__, benchmarks.simulation as s;
s.main()"` prints these rows alone (benchmarks.__main__ sets Django up first).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

from django.test import Client

from advisor.assessments import store
from advisor.engine import parse_assessment, recommend
from advisor.engine.model import Assessment
from advisor.engine.simulation import Scenario, simulate, simulate_landscape
from advisor.engine.traffic import Outage

Timer = Callable[[Callable[[], object], int], float]
PairedTimer = Callable[[Callable[[], object], Callable[[], object], int], tuple[float, float]]
Row = tuple[str, float, str, str]
SYSTEMS = ("Shop", "CRM", "ERP", "Warehouse", "Billing", "Email", "Analytics", "Loyalty", "Tills", "App")
KINDS = ("query", "command", "event")


def fifty_flows(seed: int) -> dict[str, Any]:
    """50 flows between ten systems, with volumes, peaks, fan-out and availability varied by `seed`."""
    draw = random.Random(seed)
    flows = []
    for n in range(50):
        kind = KINDS[n % 3]
        source = SYSTEMS[n % len(SYSTEMS)]
        consumers = draw.sample([s for s in SYSTEMS if s != source], 3 if kind == "event" else 1)
        flows.append(
            {
                "name": f"Flow {n + 1}",
                "source": source,
                "consumers": consumers,
                "interaction": kind,
                "latency": "immediate" if kind == "query" else "minutes",
                "volume_per_day": draw.randint(100, 10_000_000),
                "peak_factor": draw.choice([1, 2, 4, 8]),
                "consumer_availability": draw.choice(["always", "maintenance_windows", "often_offline"]),
            }
        )
    return {"landscape": {"systems": len(SYSTEMS)}, "flows": flows}


def run(client: Client, healthz: Callable[[], object], median_ms: Timer, paired_ms: PairedTimer) -> Iterator[Row]:
    landscapes = [parse_assessment(fifty_flows(seed)) for seed in range(40)]
    singles = [
        (flow, result)
        for assessment in landscapes[:4]
        for flow, result in zip(assessment.flows, recommend(assessment).flows, strict=True)
    ]
    outage = Scenario(outages=(Outage(600, 120),), broker_outages=(Outage(900, 30),))
    flows = iter(singles * 3)

    def one_flow() -> object:
        flow, result = next(flows)
        return simulate(flow, outage, result=result)

    yield "what-if: one flow, three patterns, 24 h by the minute", median_ms(one_flow, 400), "ms", "target <= 20 ms"

    cases = iter(landscapes * 2)

    def landscape() -> object:
        assessment: Assessment = next(cases)
        return simulate_landscape(assessment, "Warehouse", Outage(600, 120))

    yield "what-if: landscape of 50 flows, one system down", median_ms(landscape, 60), "ms", "target <= 200 ms"

    stored = store.create(parse_assessment(fifty_flows(99)))
    query = "whatif=1&w1-shape=business_day&w1-outage_start=10:00&w1-outage_minutes=120&w1-retries=3"
    url = f"/r/{stored.view_token}/whatif/1?{query}"
    fragment, baseline = paired_ms(lambda: client.get(url, headers={"HX-Request": "true"}), healthz, 200)
    yield "what-if htmx panel update (server time)", fragment, "ms", "target <= 100 ms"
    yield "what-if panel / healthz (alternating)", fragment / baseline, "x", ""


def main() -> None:
    from django.db import connection
    from django.test.utils import setup_test_environment

    from benchmarks.__main__ import median_ms, paired_ms

    setup_test_environment()
    database = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        client = Client()

        def healthz() -> object:
            return client.get("/healthz")

        print(f"{'GET /healthz (baseline)':<58} {median_ms(healthz, 300):>10.3f} ms")
        for name, figure, unit, target in run(client, healthz, median_ms, paired_ms):
            print(f"{name:<58} {figure:>10.3f} {unit:<12} {target}")
    finally:
        connection.creation.destroy_test_db(database, verbosity=0)
