"""The engine's coefficients pinned by figures worked out by hand (docs/how-scores-are-made.md).

Signal levels, the mixes that make pressures and the fit lines are checked
through what the engine reports: each factor's pressure, and the scores with
one factor weighted alone, where a pattern's score is 100 × its fit. A retuned
coefficient must change a figure here, with the arithmetic beside it.
"""

from __future__ import annotations

from typing import Any

import pytest

from advisor.engine import parse_assessment, recommend
from advisor.engine.catalog import FACTOR_IDS
from advisor.engine.model import FlowResult
from advisor.engine.scoring import raw_contributions

P2P, QUEUE, EVENTS = "point_to_point", "message_queue", "event_driven"
FOUR = ["CRM", "Email", "Analytics", "Billing"]


def result(flow: dict[str, Any], landscape: dict[str, Any] | None = None, **weights: float) -> FlowResult:
    raw = {"landscape": landscape or {}, "flows": [{"name": "flow", **flow}], "weights": weights}
    return recommend(parse_assessment(raw)).flows[0]


def pressures(flow: dict[str, Any], landscape: dict[str, Any] | None = None) -> dict[str, float]:
    found = result(flow, landscape)
    return {f: found.factors[f].pressure for f in FACTOR_IDS}


class TestPressuresByHand:
    """Each pressure is a weighted sum of signal levels, capped at 1 (scoring.PRESSURES)."""

    def test_middling_answers(self) -> None:
        landscape = {
            "systems": 8,  # size log2(8/2)/5 = 0.4
            "teams": "few",  # 0.5
            "change_rate": "monthly",  # 0.5
            "growth": "some",  # 0.5
            "async_experience": "some",  # 0.5
            "platform": "kubernetes",  # managed on Kubernetes: capacity 0.5
        }
        flow = {
            "interaction": "event",
            "consumers": ["CRM", "Email"],  # fan-out (log2(2)/2)^1.5 = 0.353553
            "latency": "minutes",  # urgency 0.25, deferral 0.7
            "volume_per_day": 86_400,  # 1/s, 10/s at the peak: rate log10(1 + 10)/4 = 0.260348
            "peak_factor": 10,  # peak log10(10)/2 = 0.5
            "delivery": "no_loss",  # 0.6
            "consumer_availability": "maintenance_windows",  # 0.8
        }
        assert pressures(flow, landscape) == {
            "complexity": 0.411,  # 0.45 × 0.4 + 0.25 × 0.5 + 0.3 × 0.353553
            "data_volume": 0.332,  # 0.7 × 0.260348 + 0.3 × 0.5
            "real_time": 0.25,
            "loose_coupling": 0.517,  # 0.5 × 0.353553 + 0.2 × 0.5 + 0.3 × 0.8
            "scalability": 0.384,  # 0.4 × 0.5 + 0.3 × 0.260348 + 0.3 × 0.353553 + 0.3 × 0
            "error_handling": 0.74,  # 0.3 × 0.6 + 0.7 × max(0.8, 0.7, 0.5, 0): a loss matters
            "tech_stack": 0.25,  # 0.5 × 0 + 0.3 × 0.5 + 0.2 × 0.5
        }

    def test_a_device_fan_out_a_sender_offline_and_a_replay(self) -> None:
        landscape = {
            "systems": 3,  # size log2(3/2)/5 = 0.116993
            "change_rate": "weekly",  # 1
            "growth": "fast",  # 1
            "existing_broker": "rabbitmq",  # 1
            "async_experience": "strong",  # 1
            "platform": "on_premises",
            "operations": "self_hosted",  # capacity 1
        }
        flow = {
            "interaction": "event",
            # Each phone is a subscriber of its own: a fan-out of 3, (log2(3)/2)^1.5 = 0.705476.
            "consumers": ["App"],
            "consumer_kind": "device",
            "latency": "seconds",  # urgency 0.6, deferral 0
            "source_availability": "often_offline",  # the sender defers 0.7 × 1 and bursts 0.5 × 1
            "volume_per_day": 1000,  # 0.023148/s at the peak: rate log10(1.023148)/4 = 0.002485
            "peak_factor": 2,  # peak max(log10(2)/2 = 0.150515, the burst 0.5) = 0.5
            "delivery": "best_effort",  # 0: a loss counts for 0.4 of holding the work
            "replay": "yes",  # 1
        }
        assert pressures(flow, landscape) == {
            "complexity": 0.264,  # 0.45 × 0.116993 + 0.25 × 0 + 0.3 × 0.705476
            "data_volume": 0.152,  # 0.7 × 0.002485 + 0.3 × 0.5
            "real_time": 0.6,
            "loose_coupling": 0.553,  # 0.5 × 0.705476 + 0.2 × 1 + 0.3 × 0
            "scalability": 0.912,  # 0.4 × 1 + 0.3 × 0.002485 + 0.3 × 0.705476 + 0.3 × 1
            "error_handling": 0.28,  # 0.3 × 0 + 0.7 × 0.4 × max(0, 0.7, 0.5, 1)
            "tech_stack": 1.0,  # 0.5 + 0.3 + 0.2
        }

    def test_a_query_in_a_large_landscape_from_a_sender_with_maintenance_windows(self) -> None:
        landscape = {
            "systems": 500,  # size log2(250)/5 = 1.59, capped at 1
            "teams": "many",  # 1
            "async_experience": "none",  # 0
            "platform": "aws",  # managed on a cloud: capacity 1
        }
        flow = {
            "interaction": "query",
            "consumers": ["CRM"],
            # Browser sessions fan a query out no further: only events reach each session.
            "consumer_kind": "browser",
            "latency": "seconds",
            "source_availability": "maintenance_windows",  # defers 0.7 × 0.8 = 0.56, bursts 0.5 × 0.8 = 0.4
            "volume_per_day": 10_000_000,  # 115.74/s: rate log10(116.74)/4 = 0.516805
            "delivery": "effectively_once",  # 1
        }
        assert pressures(flow, landscape) == {
            "complexity": 0.7,  # 0.45 × 1 + 0.25 × 1 + 0.3 × 0
            "data_volume": 0.482,  # 0.7 × 0.516805 + 0.3 × max(0, 0.4)
            "real_time": 0.6,
            "loose_coupling": 0.0,
            "scalability": 0.155,  # 0.4 × 0 + 0.3 × 0.516805
            "error_handling": 0.692,  # 0.3 × 1 + 0.7 × max(0, 0.56, 0.4, 0)
            "tech_stack": 0.2,  # 0.5 × 0 + 0.3 × 0 + 0.2 × 1
        }

    @pytest.mark.parametrize(
        ("latency", "urgency", "held", "careless"),
        [
            ("immediate", 1.0, 0.18, 0.0),
            ("seconds", 0.6, 0.18, 0.0),
            ("minutes", 0.25, 0.67, 0.196),
            ("hours", 0.0, 0.88, 0.28),
        ],
    )
    def test_latency_sets_urgency_and_how_long_work_is_held(
        self, latency: str, urgency: float, held: float, careless: float
    ) -> None:
        """Deferral: 0 for work due at once or within seconds, 0.7 within minutes, 1 within hours.
        Error handling: 0.3 × 0.6 + 0.7 × deferral when nothing may be lost, 0.7 × 0.4 × deferral when a loss
        is acceptable."""
        flow = {"interaction": "command", "latency": latency, "volume_per_day": 1000}
        assert pressures({**flow, "delivery": "no_loss"})["real_time"] == urgency
        assert pressures({**flow, "delivery": "no_loss"})["error_handling"] == held
        assert pressures({**flow, "delivery": "best_effort"})["error_handling"] == careless

    @pytest.mark.parametrize(
        ("consumers", "complexity"),
        # 0.3 × (log2(n)/2)^1.5, capped at 1 from four consumers on.
        [(1, 0.0), (2, 0.106), (3, 0.212), (4, 0.3), (8, 0.3)],
    )
    def test_fan_out(self, consumers: int, complexity: float) -> None:
        flow = {"interaction": "event", "consumers": [f"system {i}" for i in range(consumers)]}
        # Two systems, as said: left out, they would be counted from the consumers' names.
        assert pressures(flow, {"systems": 2})["complexity"] == complexity

    @pytest.mark.parametrize(("kind", "fan_out"), [("service", 0.0), ("device", 0.212), ("browser", 0.212)])
    def test_a_phone_or_a_browser_receiving_a_fact_counts_as_three(self, kind: str, fan_out: float) -> None:
        assert pressures({"interaction": "event", "consumer_kind": kind})["complexity"] == fan_out

    def test_a_command_to_a_device_fans_out_no_further(self) -> None:
        assert pressures({"interaction": "command", "consumer_kind": "device"})["complexity"] == 0.0

    @pytest.mark.parametrize(
        ("platform", "operations", "tech_stack"),
        [
            ("aws", "managed", 0.35),  # 0.3 × 0.5 + 0.2 × 1: a vendor runs it
            ("any", "managed", 0.35),
            ("kubernetes", "managed", 0.25),  # 0.15 + 0.2 × 0.5
            ("on_premises", "managed", 0.15),  # 0.15 + 0.2 × 0: nobody runs it
            ("on_premises", "self_hosted", 0.35),  # the team runs it
        ],
    )
    def test_who_can_run_a_broker(self, platform: str, operations: str, tech_stack: float) -> None:
        found = pressures({"interaction": "command"}, {"platform": platform, "operations": operations})
        assert found["tech_stack"] == tech_stack

    def test_levels_and_pressures_are_capped_at_one(self) -> None:
        landscape = {"systems": 500, "teams": "many", "growth": "fast"}
        flow = {"interaction": "event", "consumers": [*FOUR, "Shop"], "volume_per_day": 10**11, "peak_factor": 10_000}
        found = pressures({**flow, "replay": "yes"}, landscape)
        # Levels: size log2(250)/5, fan-out (log2(5)/2)^1.5, rate and peak far above 1, each capped at 1.
        assert found["complexity"] == found["data_volume"] == 1.0
        # Scalability: 0.4 + 0.3 + 0.3 + 0.3 = 1.3, capped at 1.
        assert found["scalability"] == 1.0


# One flow per kind of interaction (scoring.kind_of) and end of the pressure scale, for every factor.
LOW, HIGH = "low", "high"
QUIET = {"volume_per_day": 0, "delivery": "best_effort"}
EXTREMES: dict[str, dict[str, dict[str, Any]]] = {
    # Each flow sets the factor's pressure to 0 (low) or 1 (high); the kind is in the interaction and latency.
    "complexity": {
        LOW: {"consumers": ["CRM"]},
        HIGH: {"consumers": FOUR, "landscape": {"systems": 64, "teams": "many"}},
    },
    "data_volume": {
        LOW: {"volume_per_day": 0},
        HIGH: {"volume_per_day": 10**9, "peak_factor": 100},
    },
    "loose_coupling": {
        LOW: {"consumers": ["CRM"]},
        HIGH: {"consumers": FOUR, "consumer_availability": "often_offline", "landscape": {"change_rate": "weekly"}},
    },
    "scalability": {
        LOW: {"volume_per_day": 0},
        HIGH: {"consumers": FOUR, "volume_per_day": 10**9, "landscape": {"growth": "fast"}},
    },
    "error_handling": {
        LOW: {"delivery": "best_effort"},
        HIGH: {"delivery": "effectively_once", "consumer_availability": "often_offline"},
    },
    "tech_stack": {
        LOW: {"landscape": {"platform": "on_premises", "async_experience": "none"}},
        HIGH: {"landscape": {"existing_broker": "kafka", "async_experience": "strong"}},
    },
}
# The flows of each kind: a waited-for query, a command, an event.
KINDS = {
    "query": {"interaction": "query", "latency": "seconds"},
    # Sent to a machine, a command moves no pressure differently (its fan-out stays one), and rule 4's few systems
    # (a back-end receiver) do not score it as a direct request (R4.1).
    "command": {"interaction": "command", "latency": "seconds", "consumer_kind": "device"},
    "event": {"interaction": "event", "latency": "seconds"},
}
# A command to several consumers is scored as an event; a query answered later is scored as a command and may have
# several consumers.
FANNED_OUT_COMMAND = {"interaction": "query", "latency": "minutes"}
# Each pattern's fit at pressure 0 and at pressure 1, as percentages (catalog.FITS), in pattern order.
FIT_ENDS: dict[tuple[str, str], tuple[tuple[float, float, float], tuple[float, float, float]]] = {
    ("complexity", "query"): ((100, 30, 5), (80, 40, 10)),
    ("complexity", "command"): ((100, 80, 45), (35, 95, 70)),
    ("complexity", "event"): ((85, 70, 75), (15, 60, 100)),
    ("data_volume", "query"): ((100, 30, 5), (75, 45, 15)),
    ("data_volume", "command"): ((100, 85, 45), (10, 100, 75)),
    ("data_volume", "event"): ((85, 70, 75), (10, 80, 100)),
    ("loose_coupling", "query"): ((100, 30, 5), (70, 45, 15)),
    ("loose_coupling", "command"): ((95, 85, 45), (30, 95, 75)),
    ("loose_coupling", "event"): ((85, 70, 75), (5, 55, 100)),
    ("scalability", "query"): ((100, 30, 5), (80, 40, 15)),
    ("scalability", "command"): ((95, 85, 45), (35, 100, 65)),
    ("scalability", "event"): ((85, 70, 75), (5, 60, 100)),
    ("error_handling", "query"): ((100, 30, 5), (85, 40, 10)),
    ("error_handling", "command"): ((100, 85, 45), (0, 100, 70)),
    ("error_handling", "event"): ((85, 70, 70), (5, 85, 95)),
    ("tech_stack", "query"): ((100, 25, 5), (95, 40, 15)),
    ("tech_stack", "command"): ((100, 60, 40), (70, 100, 80)),
    ("tech_stack", "event"): ((95, 60, 60), (55, 85, 100)),
}


def alone(factor_id: str) -> dict[str, float]:
    """Weights that leave one factor: every score is then 100 × that factor's fit."""
    return {f: 1.0 if f == factor_id else 0.0 for f in FACTOR_IDS}


class TestFitsAtBothEnds:
    """With one factor weighted alone, the scores at pressures 0 and 1 are the ends of its fit lines."""

    @pytest.mark.parametrize(("factor_id", "kind"), list(FIT_ENDS))
    def test_fit_ends(self, factor_id: str, kind: str) -> None:
        for end, expected in zip((LOW, HIGH), FIT_ENDS[factor_id, kind], strict=True):
            answers = {**QUIET, **KINDS[kind], **EXTREMES[factor_id][end]}
            if kind == "command" and len(answers.get("consumers", ())) > 1:
                answers.update(FANNED_OUT_COMMAND)
            landscape = answers.pop("landscape", {})
            found = result(answers, landscape, **alone(factor_id))
            if kind == "event" and len(answers.get("consumers", ["consumer"])) == 1:
                # A fact for one consumer is work for that consumer whatever the growth (R3.5, review 9): the event
                # line is read off the line itself, at the pressure the flow has.
                assert found.factors[factor_id].pressure == (0.0 if end == LOW else 1.0), (factor_id, kind, end)
                points = raw_contributions(factor_id, kind, found.factors[factor_id].pressure, 1.0)
                assert tuple(round(p, 2) for p in points) == expected
                continue
            assert found.factors[factor_id].pressure == (0.0 if end == LOW else 1.0), (factor_id, kind, end)
            assert found.scores == {P2P: expected[0], QUEUE: expected[1], EVENTS: expected[2]}, (factor_id, kind, end)

    @pytest.mark.parametrize(
        ("flow", "expected"),
        [
            # Urgency 1 and 0.6 for the waited-for query: 85 + 15 × 0.6 = 94, 35 − 25 × 0.6 = 20, 10 − 10 × 0.6 = 4.
            ({"interaction": "query", "latency": "immediate"}, (100, 10, 0)),
            ({"interaction": "query", "latency": "seconds"}, (94, 20, 4)),
            # Urgency 1 and 0 for a command and for an event.
            # A consumer with maintenance windows keeps the command's own line: were it always available, the
            # caller waiting for the outcome would make it a request scored with the query's fits (R2.8).
            (
                {"interaction": "command", "latency": "immediate", "consumer_availability": "maintenance_windows"},
                (100, 45, 50),
            ),
            ({"interaction": "command", "latency": "hours", "volume_per_day": 1000}, (20, 100, 45)),
            # Three consumers keep a fact an event (R3.5) and move no real-time pressure.
            ({"interaction": "event", "latency": "immediate", "consumers": ["A", "B", "C"]}, (90, 60, 90)),
            (
                {"interaction": "event", "latency": "hours", "volume_per_day": 1000, "consumers": ["A", "B", "C"]},
                (75, 85, 85),
            ),
        ],
    )
    def test_real_time_fits(self, flow: dict[str, Any], expected: tuple[float, float, float]) -> None:
        found = result(flow, {}, **alone("real_time"))
        assert found.scores == {P2P: expected[0], QUEUE: expected[1], EVENTS: expected[2]}
