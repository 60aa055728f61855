"""The fifth independent review's themes on the advice (docs/review-2026-12-07-5.md), themes 2, 3, 4 and 5 and the
two vendor-limit contradictions, each flow read from the review's own scenarios (tests/engine/scenarios-review-5.yaml).
"""

from __future__ import annotations

from typing import Any

from advisor.engine.capabilities import CAPABILITIES
from advisor.engine.model import FlowResult, TechnologyChoice

from . import flows
from .flows import said, texts


def reviewed(scenario: str, flow: str) -> FlowResult:
    return flows.reviewed("scenarios-review-5.yaml", scenario, flow)


def named(flow: FlowResult, name: str) -> TechnologyChoice:
    return next(t for t in flow.technologies if t.name.startswith(name))


def capability(capability_id: str) -> Any:
    return next(c for c in CAPABILITIES if c.id == capability_id)


class Test2StreamsToOpenAppsGoOverConnections:
    """Theme 2: "Streams of updates to open apps and pages go over a persistent connection ... Size that tier on
    concurrent connections and egress ... FCM/APNs wake an app or carry milestones only. Don't size a Kafka log on the
    per-connection delivered rate ... So '34 times the default quota: ask for a raise' is not an option."."""

    def test_live_odds_list_the_connection_tier_first_sized_on_its_egress(self) -> None:
        flow = reviewed("R5-24", "Live odds to customer screens")
        first = flow.technologies[0]
        assert first.role == "push"
        assert "WebSocket" in first.name
        assert first.sizing is not None
        assert "231,481.48 messages/s" in first.sizing.summary
        assert "45.2 MB/s" in first.sizing.summary
        assert "connections" in first.sizing.summary

    def test_live_odds_never_ask_fcm_for_a_raise_and_keep_it_for_waking(self) -> None:
        flow = reviewed("R5-24", "Live odds to customer screens")
        fcm = named(flow, "Firebase Cloud Messaging")
        assert "ask for a raise" not in texts(fcm)
        assert "never the stream" in fcm.why
        assert any("+25 %" in limit.text for limit in fcm.limits)

    def test_live_odds_backbone_is_sized_on_the_rate_published_not_delivered(self) -> None:
        flow = reviewed("R5-24", "Live odds to customer screens")
        kafka = named(flow, "Apache Kafka")
        assert kafka.sizing is not None
        assert "published once" in kafka.sizing.summary

    def test_courier_position_lists_a_connection_tier_before_the_phones_push(self) -> None:
        flow = reviewed("R5-25", "Live courier position to customer")
        roles = [(t.role, t.name) for t in flow.technologies]
        assert "WebSocket" in roles[0][1], roles
        fcm = named(flow, "Firebase Cloud Messaging")
        assert "milestone" in fcm.why

    def test_fcm_beyond_its_raise_is_not_told_to_ask_for_one(self) -> None:
        fcm = capability("firebase_cloud_messaging")
        assert fcm.quota_raise is not None
        assert fcm.quota_raise.source.as_of == "2026-12-07"


class Test3DeviceCommandsExpireWithTheirLatency:
    """Theme 3: "A device command's time-to-live should follow its latency answer. For `seconds` it should be
    minutes at most, with an acknowledgement deadline and escalation ... Safety-relevant one-shot commands must never
    fall back to a desired state read days later ... With `operations: managed` on GCP ... lead with push to wake plus
    a durable per-device inbox ... A self-run EMQX should not come first."."""

    def test_door_unlock_expires_in_minutes_with_a_deadline_and_escalation(self) -> None:
        flow = reviewed("R5-18", "Remote door unlock")
        words = " ".join(texts(t) for t in flow.technologies)
        assert "72 hours" not in words
        assert "long weekend" not in words
        assert "desired state" not in words
        assert "expires after 5 minutes" in words
        assert "escalate" in words

    def test_door_unlock_risks_never_fall_back_to_a_desired_state(self) -> None:
        flow = reviewed("R5-18", "Remote door unlock")
        words = said(flow)
        assert "Keep the desired state" not in words
        assert "desired state it holds is read" not in words
        assert "never run it later from a queue or a desired state" in words
        assert "acknowledg" in words
        assert "escalat" in words

    def test_restaurant_tablet_on_managed_gcp_leads_with_push_to_wake_and_an_inbox(self) -> None:
        flow = reviewed("R5-25", "New order to restaurant tablet")
        first = flow.technologies[0]
        assert first.name == "Firebase Cloud Messaging", [t.name for t in flow.technologies]
        assert "inbox" in first.why
        words = " ".join(texts(t) for t in flow.technologies)
        assert "72 hours" not in words
        assert "9,000,000 commands" not in words
        names = [t.name for t in flow.technologies]
        assert names.index("Pub/Sub") < names.index("Self-run MQTT broker (EMQX or Mosquitto)")

    def test_commands_due_within_hours_still_wait_for_a_device_away_for_days(self) -> None:
        flow = reviewed("R5-17", "Valve schedule to controller")
        assert "72 hours" in " ".join(texts(t) for t in flow.technologies)


class Test4BestEffortSenderKeepsTheLatest:
    """Theme 4: "When `delivery: best_effort` and `source_availability: often_offline`, the sender should buffer a
    bounded window, coalesce to the latest per key, and drop stale readings ... 'Keep each message until
    acknowledged' belongs to `no_loss` only."."""

    def test_courier_ping_is_not_kept_until_acknowledged(self) -> None:
        flow = reviewed("R5-25", "Courier location ping")
        words = said(flow)
        assert "until it is sent and acknowledged" not in words
        assert "until the receiving side acknowledges it" not in words
        assert "latest" in words
        assert "small buffer" in words

    def test_no_loss_sender_keeps_each_message_until_acknowledged(self) -> None:
        flow = reviewed("R5-04", "Manual meter reading upload")
        assert "until it is sent and acknowledged" in said(flow)


class Test5PulsarTopicIsSized:
    """Theme 5: "That is a partitioned topic spread over several brokers ... with the per-broker ingress/egress ...
    plus headroom ... Give a per-partition planning figure with a source"."""

    def test_player_heartbeat_gets_partitions_with_headroom_and_its_traffic(self) -> None:
        flow = reviewed("R5-26", "Player heartbeat")
        pulsar = named(flow, "Apache Pulsar")
        assert pulsar.sizing is not None
        summary = pulsar.sizing.summary
        assert not summary.split("Sized for the top of the range")[-1].split(": ", 1)[1].startswith("1 partition ")
        assert pulsar.sizing.units >= 14
        assert "headroom" in summary
        assert "271.3 MB/s" in summary  # 4 subscriptions each read 67.8 MB/s
        assert any("Astra Streaming" in limit.source for limit in pulsar.limits)


class TestVendorLimitContradictions:
    """Contradiction 7: "'keep messages 72 hours' sits beside the limit '1 hour persistent session expiry period by
    default: queued messages are discarded after it'. No remedy says to raise the expiry." Contradiction 12: "the
    limit '40 throughput units per Basic or Standard namespace' disagrees with Microsoft's ARM/SDK reference, which says
    '0 to 20 throughput units'"."""

    def test_valve_schedule_says_to_raise_the_session_expiry(self) -> None:
        flow = reviewed("R5-17", "Valve schedule to controller")
        iot = named(flow, "AWS IoT Core")
        assert "raise its persistent session expiry" in texts(iot)

    def test_firmware_job_says_to_raise_the_session_expiry(self) -> None:
        flow = reviewed("R5-36", "Firmware job to machines")
        iot = named(flow, "AWS IoT Core")
        assert "raise its persistent session expiry" in texts(iot)

    def test_iot_hub_daily_quota_says_it_is_the_units_times_one_unit_s(self) -> None:
        """Contradiction 6: "The 6,000,000 is 15 S1 units × 400,000, not a per-S1 figure"."""
        flow = reviewed("R5-18", "Remote door unlock")
        hub = named(flow, "Azure IoT Hub")
        assert hub.sizing is not None
        assert "daily quota of 6,000,000 (15 S1 or S2 units × 400,000 per S1 unit" in hub.sizing.summary

    def test_event_hubs_standard_units_are_the_quota_page_read_again(self) -> None:
        hubs = capability("azure_event_hubs")
        assert hubs.tier.max_units.value == 40
        assert hubs.tier.max_units.source.as_of == "2026-12-07"
        assert "0 to 20" in hubs.tier.max_units.note
