"""The landscape diagram agrees with the headline: a bulk transfer is drawn as one, not as a pattern."""

from __future__ import annotations

from advisor import charts
from advisor.engine import parse_assessment, recommend


def test_a_bulk_transfer_is_drawn_apart_from_the_patterns() -> None:
    answers = parse_assessment(
        {
            "flows": [
                {
                    "name": "Purchases",
                    "source": "Tills",
                    "consumers": ["Loyalty"],
                    "interaction": "command",
                    "latency": "minutes",
                    "peak_factor": 8,
                    "consumer_availability": "often_offline",
                },
                {
                    "name": "Nightly stock export",
                    "source": "ERP",
                    "consumers": ["Web shop"],
                    "interaction": "command",
                    "latency": "hours",
                    "volume_per_day": 1,
                },
            ]
        }
    )
    results = recommend(answers).flows
    assert results[1].fit == "weak"
    figure = charts.landscape_diagram(answers.flows, results)
    lines = {trace["name"]: trace for trace in figure["data"] if trace.get("mode") == "lines"}
    assert set(lines) == {"Message queue", "Bulk transfer"}
    assert "Nightly stock export" in lines["Bulk transfer"]["text"]
    assert "Nightly stock export" not in lines["Message queue"]["text"]
    assert lines["Bulk transfer"]["line"]["dash"] not in charts.DASHES.values()
