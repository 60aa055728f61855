"""Review 11's refusals and material contradictions (docs/review-2026-12-07-11.md).

Review 11 was counted once, on engine 3.16.0 (88 of 98): these tests fix what it found and do not make a second
independent count.
"""

from __future__ import annotations

from . import flows

REVIEW = "scenarios-review-11.yaml"


class TestDeadLettersOfTheListedTechnologies:
    def test_a_self_run_landscape_on_aws_names_its_brokers_dead_letters(self) -> None:
        """#R11-37 'Prescription dispensed': "(an SQS redrive policy … a dead-letter queue on each EventBridge
        target)" on a self-hosted landscape whose listed technologies are RabbitMQ and NATS JetStream."""
        flow = flows.reviewed(REVIEW, "R11-37", "Prescription dispensed")
        said = flows.set_aside(flow)
        assert [t.name for t in flow.technologies] == ["RabbitMQ (classic and quorum queues)", "NATS JetStream"]
        assert "SQS" not in said
        assert "EventBridge" not in said
        assert "a RabbitMQ dead-letter exchange on each subscriber queue" in said
        assert "dead-letter stream" in said


class TestTheTeamsQueueBehindARouter:
    def test_millions_of_no_loss_events_fan_out_through_sns_to_the_team_s_sqs(self) -> None:
        """R11-15 'Match finished': 6 million events a day, peaks of 10x (694 a second), no loss, four consumers, no
        replay and no order, and the team runs SQS: a log was forced and SNS in front of their SQS never offered."""
        flow = flows.reviewed(REVIEW, "R11-15", "Match finished")
        said = flows.said(flow)
        assert flow.approach == "event_router"
        assert "needs a log" not in said
        assert (
            "an Amazon SNS standard topic, with a queue per subscriber in the Amazon SQS you already run, carries its "
            "peak of 694 events a second"
        ) in said


class TestAFixedQuota:
    def test_a_router_whose_quota_cannot_be_raised_is_not_listed_past_it(self) -> None:
        """R11-03 'Live order status to phones': Eventarc at "339 % of its quota of 6.4 MB/s (… not adjustable); ask
        for a raise": the quota cannot be raised, so it does not meet the peak and is not listed."""
        flow = flows.reviewed(REVIEW, "R11-03", "Live order status to phones")
        names = [t.name for t in flow.technologies]
        assert "Eventarc" not in names
        assert "Pub/Sub" in names

    def test_within_its_fixed_quota_eventarc_stays(self) -> None:
        flow = {"interaction": "event", "consumers": ["A", "B", "C"], "volume_per_day": 10_000}
        names = [t.name for t in flows.result(flow, {"platform": "gcp"}).technologies]
        assert "Eventarc" in names


class TestUnknownsBeyondThePattern:
    def test_receivers_not_known_are_told_what_devices_and_browsers_would_need(self) -> None:
        """R11-16 'Flight disruption notice': the receiver kind is not known, and nothing said that phones or
        browsers receive through push or persistent connections."""
        said = flows.said(flows.reviewed(REVIEW, "R11-16", "Flight disruption notice"))
        assert "Whether the receivers are services, devices or browsers was not answered" in said
        assert "push" in said
        assert "persistent connection" in said

    def test_a_caller_that_may_be_offline_is_told_of_a_copy_on_the_device(self) -> None:
        """R11-35 'Ticket scan at the gate': whether the scanner is always connected is not known, and nothing said
        what it would need offline: a local copy on the device (an allow-list), with its age shown."""
        said = flows.said(flows.reviewed(REVIEW, "R11-35", "Ticket scan at the gate"))
        assert "local copy on the device" in said

    def test_an_omitted_operations_answer_is_said_as_assumed_in_the_landscape_advice(self) -> None:
        """R11-17: "nobody to run brokers" in the landscape advice, though operations was left out."""
        advice = " ".join(flows.reviewed_recommendation(REVIEW, "R11-17").landscape_advice)
        assert "nobody to run brokers (assumed" in advice


class TestAStreamToOpenApps:
    def test_chat_within_seconds_to_players_goes_over_persistent_connections(self) -> None:
        """R11-15 'In-game chat to players': 13,889 best-effort messages a second to apps, due within seconds: FCM
        "cannot carry this rate … carry the stream of updates over persistent connections", and no persistent-
        connection service was listed."""
        flow = flows.reviewed(REVIEW, "R11-15", "In-game chat to players")
        assert flow.technologies[0].name == "Amazon API Gateway WebSocket APIs"

    def test_a_few_notifications_within_seconds_still_go_by_push(self) -> None:
        flow = {
            "interaction": "event",
            "consumers": ["app"],
            "consumer_kind": "device",
            "latency": "seconds",
            "delivery": "best_effort",
            "volume_per_day": 5_000,
        }
        assert flows.result(flow, {"platform": "aws"}).technologies[0].name == "Firebase Cloud Messaging"


class TestTheTeamsBrokerSpeaksMqtt:
    def test_a_team_that_runs_rabbitmq_holds_device_commands_in_its_mqtt_plugin(self) -> None:
        """R11-22 'Warehouse pick task to handhelds': a second MQTT broker (EMQX or Mosquitto) was added though the
        RabbitMQ the team runs speaks MQTT with persistent sessions (its MQTT plugin)."""
        flow = flows.reviewed(REVIEW, "R11-22", "Warehouse pick task to handhelds")
        names = [t.name for t in flow.technologies]
        assert names[0] == "RabbitMQ MQTT plugin"
        assert "Self-run MQTT broker (EMQX or Mosquitto)" not in names

    def test_a_team_without_rabbitmq_still_gets_a_self_run_mqtt_broker(self) -> None:
        flow = {
            "interaction": "command",
            "consumers": ["handhelds"],
            "consumer_kind": "device",
            "consumer_availability": "often_offline",
            "delivery": "no_loss",
        }
        landscape = {"platform": "kubernetes", "operations": "self_hosted", "existing_broker": "kafka"}
        names = [t.name for t in flows.result(flow, landscape).technologies]
        assert "Self-run MQTT broker (EMQX or Mosquitto)" in names


class TestReview12BrowsersOverConnections:
    """Review 12 (docs/review-2026-12-07-12.md), counted once on engine 3.17.0 (81 of 83)."""

    def test_open_browser_sessions_get_a_connection_tier_where_the_cloud_runs_none(self) -> None:
        """R12-22 'Live dashboard updates to browsers': the reasons say "over a persistent connection (WebSocket,
        Server-Sent Events), or by web push once the page is closed", and the only technology for the browsers was
        Firebase Cloud Messaging, on Google Cloud where no managed WebSocket service is listed."""
        flow = flows.reviewed("scenarios-review-12.yaml", "R12-22", "Live dashboard updates to browsers")
        assert flow.technologies[0].name == "Self-run WebSocket / Server-Sent Events endpoint"

    def test_on_aws_browsers_keep_the_managed_connection_service(self) -> None:
        flow = {"interaction": "event", "consumers": ["dashboards"], "consumer_kind": "browser", "volume_per_day": 1000}
        assert flows.result(flow, {"platform": "aws"}).technologies[0].name == "Amazon API Gateway WebSocket APIs"
