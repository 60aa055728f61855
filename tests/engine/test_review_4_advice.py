"""The fourth independent review's themes on the advice (docs/review-2026-12-07-4.md), themes 2, 3, 7 and 8 and
contradictions 7 and 12, each flow read from the review's own scenarios (tests/engine/scenarios-review-4.yaml)."""

from __future__ import annotations

from advisor.engine.model import FlowResult, TechnologyChoice

from . import flows
from .flows import result, said, texts


def reviewed(scenario: str, flow: str) -> FlowResult:
    return flows.reviewed("scenarios-review-4.yaml", scenario, flow)


def sized(flow: FlowResult) -> list[TechnologyChoice]:
    return [t for t in flow.technologies if t.sizing is not None]


class Test2BestEffortPushKeepsOneStory:
    """Theme 2: "Do not say 'nothing kept' beside 'keep messages 72 h / 24 h'. Where nothing must be held, omit the
    retention from the sizing or say it is optional." — and "It should not be 'a broker absorbs them so the consumer
    works at its own pace', which delivers stale alarms late."."""

    def test_results_notification_sizings_keep_no_hours_and_name_the_state_fetched_on_open(self) -> None:
        flow = reviewed("R4-17", "Results ready notification to patient app")
        assert sized(flow)
        for choice in sized(flow):
            assert choice.sizing is not None
            assert "keep messages" not in choice.sizing.summary, choice.name
            assert choice.sizing.retention_hours == 0, choice.name
            assert "the back end keeps the current state" in choice.sizing.summary, choice.name

    def test_results_notification_reasons_tell_one_story_of_what_is_kept(self) -> None:
        flow = reviewed("R4-17", "Results ready notification to patient app")
        words = said(flow)
        assert "keeps what each one is owed" not in words
        assert "the back end keeps the current state" in words
        assert "nothing needs to hold the work" not in words

    def test_noc_alarm_sizings_keep_no_hours(self) -> None:
        flow = reviewed("R4-28", "Network alarms to NOC dashboard")
        assert sized(flow)
        for choice in sized(flow):
            assert choice.sizing is not None
            assert "keep messages" not in choice.sizing.summary, choice.name
            assert choice.sizing.retention_hours == 0, choice.name

    def test_an_alarm_storm_to_browsers_is_coalesced_not_queued(self) -> None:
        flow = reviewed("R4-28", "Network alarms to NOC dashboard")
        words = said(flow)
        assert "absorbs them so the consumer works at its own pace" not in words
        assert "deduplicate" in words
        assert "coalesce" in words
        assert "snapshot" in words

    def test_best_effort_events_that_are_replayed_keep_their_history(self) -> None:
        flow = result(
            {
                "source": "web",
                "consumers": ["analytics", "search", "ads"],
                "interaction": "event",
                "volume_per_day": 300_000_000,
                "peak_factor": 3,
                "delivery": "best_effort",
                "replay": "yes",
            },
            {"platform": "aws", "systems": 10},
        )
        assert any(t.sizing is not None and t.sizing.retention_hours == 168 for t in flow.technologies)


class Test3PayloadSizeOneWayForEveryTechnology:
    """Theme 3: "the two technologies disagree on where the payload goes. Pub/Sub carries '3.1 MB/s' in the messages;
    Cloud Tasks uses 'a reference of 1 KB'" and "the SNS FIFO sizing plans 400 KB messages beside its own limit
    '256 KB default MaximumMessageSize'"."""

    def test_when_one_technology_claim_checks_the_photos_every_one_does(self) -> None:
        flow = reviewed("R4-14", "Proof-of-delivery photos")
        assert len(sized(flow)) >= 2
        for choice in sized(flow):
            assert choice.sizing is not None
            assert "a reference of 1 KB" in choice.sizing.summary, choice.name
            assert choice.sizing.peak_mb_per_second < 0.01, choice.name

    def test_photos_from_a_tablet_that_goes_offline_go_straight_to_object_storage(self) -> None:
        flow = reviewed("R4-14", "Proof-of-delivery photos")
        for choice in sized(flow):
            words = texts(choice)
            for part in ("resumable upload", "signed URL", "outbox"):
                assert part in words, choice.name

    def test_a_size_above_sns_default_gives_the_remedy_with_its_consequences(self) -> None:
        flow = reviewed("R4-37", "Charging session completed")
        sns = next(t for t in flow.technologies if t.name == "Amazon SNS FIFO topic")
        remedy = " ".join(sns.remedies)
        assert "MaximumMessageSize" in remedy
        assert "409,600 bytes" in remedy
        assert "1,048,576" in remedy
        assert "100 subscriptions" in remedy
        assert "claim check" in remedy
        assert sns.sizing is not None
        assert "MaximumMessageSize" in sns.sizing.summary
        assert any(
            "262,144" in limit.text and limit.as_of == "2026-12-07" and "large-message-payloads" in limit.url
            for limit in sns.limits
        )

    def test_a_size_within_sns_default_needs_no_remedy(self) -> None:
        flow = result(
            {
                "source": "backend",
                "consumers": ["billing", "roaming", "grid"],
                "interaction": "event",
                "volume_per_day": 400_000,
                "peak_factor": 4,
                "ordering": "per_key",
                "message_size_kb": 200,
            },
            {"platform": "aws", "systems": 7, "growth": "fast"},
        )
        sns = next(t for t in flow.technologies if t.name == "Amazon SNS FIFO topic")
        assert "MaximumMessageSize" not in " ".join(sns.remedies)


class Test7ALogsSizingIncludesItsDisk:
    """Theme 7: "For a retained log, print the disk: rate × size × retention × replication factor" and "compare the
    ≈ 153 MB/s read by three consumer groups with the brokers' network, not only the produce rate with the
    partitions"."""

    def test_call_detail_records_on_kafka_state_the_disk_for_a_week_three_times_over(self) -> None:
        flow = reviewed("R4-27", "Call detail records")
        kafka = flow.technologies[0]
        assert kafka.name == "Apache Kafka"
        assert kafka.sizing is not None
        words = kafka.sizing.summary
        # 3,000,000,000 × 0.5 KB = 1.4 TB a day (1 TB = 1024³ KB); × 7 days × 3 replicas = 29.3 TB, 9.8 TB a broker.
        assert "1.4 TB a day" in words
        assert "29.3 TB on disk" in words
        assert "3 replicas" in words
        assert "9.8 TB per broker on 3 brokers" in words

    def test_call_detail_records_reads_of_three_consumer_groups_are_weighed_per_broker(self) -> None:
        kafka = reviewed("R4-27", "Call detail records").technologies[0]
        assert kafka.sizing is not None
        words = kafka.sizing.summary
        assert "3 consumer groups read 152.6 MB/s" in words
        # Out of each broker: (152.6 reads + 2 × 50.9 replication) / 3 = 84.8 MB/s.
        assert "84.8 MB/s" in words
        assert "Gbit/s" in words

    def test_a_managed_log_states_what_it_stores(self) -> None:
        flow = result(
            {
                "source": "trucks",
                "consumers": ["fleet", "maintenance", "billing"],
                "interaction": "event",
                "volume_per_day": 10_000_000,
                "peak_factor": 3,
                "message_size_kb": 1,
                "replay": "yes",
            },
            {"platform": "aws", "systems": 10},
        )
        logs = [t for t in flow.technologies if t.role == "log" and t.sizing is not None]
        assert logs
        for choice in logs:
            assert choice.sizing is not None, choice.name
            assert "a day" in choice.sizing.summary, choice.name
            assert "over 7 days" in choice.sizing.summary, choice.name


class Test8CommandsToDevices:
    """Theme 8: "The only technology is a self-run EMQX/Mosquitto with no sizing (sessions, queued messages per
    session). It dismisses the tablet app's obvious channel: 'not by phone push, which is made for apps on phones'.
    The existing Pub/Sub is not named."."""

    def test_the_self_run_mqtt_broker_is_sized_in_sessions_rate_and_queue_per_session(self) -> None:
        flow = reviewed("R4-14", "Dispatch job to driver tablet")
        broker = next(t for t in flow.technologies if t.role == "device")
        assert broker.sizing is not None
        words = broker.sizing.summary
        assert "1.04 messages/s" in words
        assert "persistent session per device" in words
        assert "assumed" in words
        # A job due within seconds expires with its latency (review 5, theme 3): its 5 minutes at the peak of 1.04
        # messages/s are 312 commands shared by the devices (review 6, contradiction 2: not the average 104), not
        # 90,000 over the 72 hours a device may be away.
        assert "312 commands over 5 minutes at the peak rate" in words
        assert "max_mqueue_len" in words
        assert "oldest" in words
        assert any("max_mqueue_len" in limit.text and "emqx" in limit.url for limit in broker.limits)

    def test_the_team_s_pub_sub_is_named_as_the_backbone_behind_the_device_broker(self) -> None:
        flow = reviewed("R4-14", "Dispatch job to driver tablet")
        backbone = [t for t in flow.technologies if t.name == "Pub/Sub"]
        assert backbone
        assert backbone[0].why.startswith("You already run it")
        assert "device broker" in backbone[0].why
        assert backbone[0].sizing is not None

    def test_push_is_not_dismissed_for_a_device_that_runs_an_app(self) -> None:
        flow = reviewed("R4-14", "Dispatch job to driver tablet")
        words = said(flow)
        assert "made for apps on phones" not in words
        assert "push notification may instead wake the app" in words
        assert "inbox per device" in words


class TestContradictions7And12:
    """Contradiction 7: "R4-15 adds 'a lost message is acceptable here', which is wrong for the feed of a read model:
    a lost change leaves a wrong price cached." Contradiction 12: "'a queue holds them and drains in 1 h 48 min'
    while both technologies are logs (RabbitMQ Streams, Kafka) and no queue is listed."."""

    def test_the_change_feed_of_a_read_model_must_not_lose_a_change(self) -> None:
        flow = reviewed("R4-15", "Carrier rate quote at checkout")
        feed = next(t for t in flow.technologies if t.role == "router")
        assert "a lost message is acceptable" not in texts(feed)
        assert "dead-letter queue" in texts(feed)

    def test_an_outage_of_subscribers_to_a_log_is_held_by_the_log(self) -> None:
        flow = reviewed("R4-24", "Customer-facing webhooks")
        assert all(t.role == "log" for t in flow.technologies if t.sizing is not None)
        words = said(flow)
        assert "a queue holds them" not in words
        assert "the log keeps them" in words
