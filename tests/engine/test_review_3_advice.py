"""The third independent review's refusals on the advice (docs/review-2026-12-07-3.md), each built here from the
flow the review named, written from the review's expectation before the engine was changed."""

from __future__ import annotations

from typing import Any

from advisor.engine import parse_assessment, recommend
from advisor.engine.model import FlowResult, Recommendation


def recommendation(flow: dict[str, Any], landscape: dict[str, Any]) -> Recommendation:
    return recommend(parse_assessment({"landscape": landscape, "flows": [{"name": "flow", **flow}]}))


def result(flow: dict[str, Any], landscape: dict[str, Any]) -> FlowResult:
    return recommendation(flow, landscape).flows[0]


def said(flow: FlowResult) -> str:
    return " ".join([*flow.reasons, *(r.risk + " " + r.mitigation for r in flow.risks)])


HOSPITAL = {
    "systems": 12,
    "teams": "few",
    "change_rate": "monthly",
    "growth": "some",
    "platform": "on_premises",
    "existing_broker": "rabbitmq",
    "operations": "self_hosted",
    "async_experience": "some",
}
LAB_RESULT = {
    "source": "lab-information-system",
    "consumers": ["ehr"],
    "interaction": "command",
    "latency": "minutes",
    "volume_per_day": 20000,
    "peak_factor": 4,
    "delivery": "no_loss",
    "ordering": "per_key",
    "consumer_availability": "maintenance_windows",
    "message_size_kb": 12,
}


class TestHTheSenderKnowsTheBrokerHasIt:
    """Theme H: no-loss delivery says how the sender learns the broker has stored the message."""

    def test_a_no_loss_command_on_rabbitmq_names_publisher_confirms_and_an_outbox(self) -> None:
        found = result(LAB_RESULT, HOSPITAL)
        assert found.pattern == "message_queue"
        words = said(found)
        assert "publisher confirms" in words
        assert "outbox" in words

    def test_a_no_loss_command_on_kafka_names_acks_all(self) -> None:
        found = result(LAB_RESULT, {**HOSPITAL, "existing_broker": "kafka"})
        assert "acks=all" in said(found)

    def test_a_best_effort_command_is_not_told_to_wait_for_confirms(self) -> None:
        found = result({**LAB_RESULT, "delivery": "best_effort"}, HOSPITAL)
        assert "publisher confirms" not in said(found)


class TestHIoTHubIsSized:
    """Theme H, R3-35: IoT Hub is bought in units of a tier with a daily message quota, counted in 4 KB chunks."""

    def test_firmware_commands_name_units_of_a_tier_against_the_daily_quota(self) -> None:
        # 10,000 commands a day of 8 KB count as 2 chunks each: 20,000 of an S1 unit's 400,000 a day: 95 % headroom.
        found = result(
            {
                "source": "device-management",
                "consumers": ["field-devices"],
                "interaction": "command",
                "latency": "hours",
                "volume_per_day": 10000,
                "peak_factor": 2,
                "delivery": "no_loss",
                "ordering": "none",
                "consumer_availability": "often_offline",
                "consumer_kind": "device",
                "message_size_kb": 8,
            },
            {"systems": 5, "platform": "azure", "existing_broker": "none", "operations": "managed"},
        )
        hub = next(t for t in found.technologies if t.name == "Azure IoT Hub")
        assert hub.sizing is not None
        assert hub.sizing.units == 1
        assert "S1" in hub.sizing.summary
        assert "400,000 messages a day" in hub.sizing.summary
        assert "20,000" in hub.sizing.summary
        assert hub.sizing.headroom == 0.95
