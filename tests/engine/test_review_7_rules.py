"""Review 7's refusals and the contradictions that the answers decide (docs/review-2026-12-07-7.md, themes 1 to 5
and the smaller contradictions).

Review 7 was held out: its figure (48 of 57) was taken before these changes, so these tests fix what it found
and do not make a second independent count.
"""

from __future__ import annotations

from advisor.engine.model import FlowResult

from . import flows

REVIEW = "scenarios-review-7.yaml"


def everything(flow: FlowResult) -> str:
    return flows.said(flow) + " " + " ".join(flows.texts(t) for t in flow.technologies)


def technology(flow: FlowResult, name: str) -> str:
    return flows.texts(next(t for t in flow.technologies if t.name == name))


class TestTheme3PubSubReplayNeedsASetting:
    def test_a_replayed_meter_reading_turns_on_retained_acknowledged_messages(self) -> None:
        """Theme 3, #16 (R7-10 'Interval meter reading'): 'its default message retention duration of 7 days covers
        that' on a replay flow; by default Pub/Sub keeps only unacknowledged messages."""
        said = technology(flows.reviewed(REVIEW, "R7-10", "Interval meter reading"), "Pub/Sub")
        assert "covers that" not in said
        assert "retain_acked_messages" in said
        assert "topic" in said

    def test_a_replayed_audit_stream_turns_on_retained_acknowledged_messages(self) -> None:
        """Theme 3, #35 (R7-22 'Tenant audit log stream'): the same sentence on a compliance replay flow."""
        said = technology(flows.reviewed(REVIEW, "R7-22", "Tenant audit log stream"), "Pub/Sub")
        assert "covers that" not in said
        assert "retain_acked_messages" in said

    def test_without_replay_the_default_still_covers_a_backlog(self) -> None:
        """Unacknowledged messages are what the default keeps: a queue's backlog through a window is covered."""
        flow = {
            "consumers": ["Billing"],
            "interaction": "command",
            "latency": "minutes",
            "consumer_availability": "maintenance_windows",
        }
        result = flows.result(flow, {"platform": "gcp", "existing_broker": "pubsub"})
        said = technology(result, "Pub/Sub")
        assert "retain_acked_messages" not in said

    def test_sqs_is_never_said_to_replay(self) -> None:
        """Theme 3 on AWS: SQS deletes what is received and deleted, so a replay flow never hears that its
        retention 'covers' replay."""
        flow = {
            "consumers": ["Ledger"],
            "interaction": "command",
            "latency": "minutes",
            "replay": "yes",
        }
        for broker in ("sqs", "none"):
            result = flows.result(flow, {"platform": "aws", "existing_broker": broker})
            for choice in result.technologies:
                if "SQS" in choice.name:
                    assert "covers that" not in flows.texts(choice), choice.name


class TestTheme1NoLossGoesDirectOnlyWhenSmallAndSteady:
    def test_a_large_video_that_must_not_be_lost_goes_through_a_queue_with_a_claim_check(self) -> None:
        """Theme 1, #49 (R7-31 'Analyse dashcam video for claim'): 200 MB, peaks 4× and no loss was a direct call;
        the exemption is for a small message with no peaks."""
        video = flows.reviewed(REVIEW, "R7-31", "Analyse dashcam video for claim")
        assert video.pattern == "message_queue"
        assert "a direct call with retries and an idempotency key can carry it" not in flows.said(video)
        assert "claim check" in everything(video).lower()

    def test_peaks_take_work_that_must_not_be_lost_off_a_direct_call(self) -> None:
        """Theme 1: 'the consumer is always available and peaks reach only 4×: a direct call … can carry it'. At a
        real volume: peaks within a low volume's day (review 10, R10-06: 200 a day, 2x) are no load to level."""
        work = {
            "consumers": ["Billing"],
            "interaction": "command",
            "latency": "minutes",
            "volume_per_day": 50_000,
            "peak_factor": 4,
        }
        result = flows.result(work, {"systems": 4})
        assert result.pattern == "message_queue"
        assert "can carry it" not in flows.said(result)

    def test_a_small_steady_command_that_must_not_be_lost_may_go_direct_at_medium_confidence(self) -> None:
        """R2: a small command to an always-available consumer with no peaks can be a direct call,
        with a lower confidence."""
        work = {"consumers": ["Billing"], "interaction": "command", "latency": "minutes", "volume_per_day": 100}
        result = flows.result(work, {"systems": 2})
        assert result.pattern == "point_to_point"
        assert result.confidence == "medium"

    def test_an_event_that_must_not_be_lost_carried_by_a_direct_call_is_not_high_confidence(self) -> None:
        """Theme 1, #48 (R7-30 'Locker door fault reported'): high with a 66-point margin, while no_loss rides on
        a direct call and three single landscape changes flip it."""
        fault = flows.reviewed(REVIEW, "R7-30", "Locker door fault reported")
        assert fault.pattern == "point_to_point"
        assert fault.confidence == "medium"

    def test_a_winner_one_landscape_answer_turns_is_not_high_confidence(self) -> None:
        """Theme 1, R7-28 'Send appointment reminder SMS': a 68-point lead, yet growth 'fast' or 10 systems would
        turn it into a queue: the confidence agrees with the flips, not the margin."""
        reminder = flows.reviewed(REVIEW, "R7-28", "Send appointment reminder SMS")
        assert reminder.pattern == "point_to_point"
        assert reminder.confidence == "medium"


class TestTheme2TheApproachIsTakenWhereTheSizingIs:
    def test_achievements_at_every_peak_of_the_range_run_on_a_log(self) -> None:
        """Theme 2, #11 (R7-07 'Achievement unlocked'): 'a router … is enough … a router carries this volume' beside
        'if peak factor is 3×, 5.5× or 10×, it is applied as event log (stream)'."""
        achievement = flows.reviewed(REVIEW, "R7-07", "Achievement unlocked")
        assert achievement.approach == "event_log"
        assert "a router carries this volume" not in flows.said(achievement)
        assert "it is applied as event log" not in flows.said(achievement)

    def test_room_inventory_sized_at_the_top_of_its_peaks_is_applied_as_at_that_peak(self) -> None:
        """Theme 2, #50 (R7-32 'Room inventory changed'): sized 'for the top of the range, peaks 12×' on router
        queues, while 'if peak factor is 12×, it is applied as event log (stream)'."""
        inventory = flows.reviewed(REVIEW, "R7-32", "Room inventory changed")
        assert inventory.approach == "event_log"
        assert "is enough" not in flows.said(inventory)
        assert "12× the average (the top of the range given)" in flows.said(inventory)
        assert all("Sized for the top of the range, peaks 12×" in flows.texts(t) for t in inventory.technologies[:2])


def landscape_advice(scenario: str) -> str:
    return " ".join(flows.reviewed_recommendation(REVIEW, scenario).landscape_advice)


class TestTheme4AnOmittedAnswerIsSaidAsAssumed:
    def test_an_omitted_latency_is_not_stated_in_the_lead_query_sentence(self) -> None:
        """Theme 4, #57 (R7-38 'Fetch product details'): 'It is a query answered within seconds' for an omitted
        latency, beside 'within seconds (assumed)'."""
        lookup = flows.reviewed(REVIEW, "R7-38", "Fetch product details")
        assert lookup.reasons[0].startswith("It is a query answered within seconds (assumed):")

    def test_a_given_latency_is_stated_as_given(self) -> None:
        lookup = flows.result({"interaction": "query", "latency": "immediate"}, {})
        assert lookup.reasons[0].startswith("It is a query answered ")
        assert "(assumed)" not in lookup.reasons[0]

    def test_the_sizing_says_which_omitted_answers_it_assumes(self) -> None:
        """Theme 4, #56 (R7-38 'Order shipped notification'): '41.67 messages an hour' on the default 1,000 a day,
        and a durable design on the default no-loss, neither marked."""
        notice = flows.reviewed(REVIEW, "R7-38", "Order shipped notification")
        sized = [t.sizing.summary for t in notice.technologies if t.sizing is not None]
        assert sized
        for summary in sized:
            assert summary.startswith("Sized assuming 1,000 a day (messages per day left out)"), summary
            assert "4 KB (message size (KB) left out)" in summary
            assert "nothing may be lost (delivery left out)" in summary
        assert "durable subscription per subscriber (nothing may be lost, assumed)" in flows.said(notice)
        assert "a router carries this volume (1,000 a day, assumed)" in flows.said(notice)

    def test_a_landscape_flip_from_an_omitted_answer_says_it_was_assumed(self) -> None:
        """Theme 4, R7-31: the landscape advice says '(now “rarely”)' and '(now “none”)' for an omitted change rate
        and growth."""
        advice = landscape_advice("R7-30")
        assert "(now “rarely”, assumed)" not in advice  # R7-30 answered change_rate: rare
        assert "(now “rarely”)" in advice
        fault = {
            "consumers": ["Ticketing"],
            "interaction": "event",
            "latency": "minutes",
            "volume_per_day": 100,
        }
        omitted = " ".join(flows.recommendation(fault, {"systems": 2}).landscape_advice)
        assert "(now “rarely”, assumed)" in omitted
        assert "(now “none”, assumed)" in omitted

    def test_who_runs_it_left_out_is_said_as_managed_assumed(self) -> None:
        """A first-time user: with operations omitted on platform any, the form shows 'managed services (assumed)'
        while the technology text said 'no answer on who would run it'."""
        notice = flows.reviewed(REVIEW, "R7-38", "Order shipped notification")
        said = " ".join(t.why for t in notice.technologies)
        assert "no answer on who would run it" not in said
        assert "who runs it was left out: managed assumed" in said


class TestTheme5AnUnknownBrokerIsTiedToTheTechnologies:
    def test_the_technologies_say_to_prefer_a_broker_already_run(self) -> None:
        """Theme 5, #28 (R7-18 'Student enrolled'): the broker choice depends on the unknown existing broker, and
        the list named RabbitMQ, NATS or a managed service without 'prefer the broker you may already run'."""
        enrolled = flows.reviewed(REVIEW, "R7-18", "Student enrolled")
        assert enrolled.technologies[0].why.startswith(
            "If you already run a broker that fits, use it; the list below assumes none."
        )

    def test_a_known_broker_or_a_direct_call_hears_nothing_of_it(self) -> None:
        for scenario, flow in (("R7-01", "Lab result finalised (HL7 ORU)"), ("R7-38", "Fetch product details")):
            result = flows.reviewed(REVIEW, scenario, flow)
            assert not any("the list below assumes none" in t.why for t in result.technologies)


class TestSmallerContradictions:
    def test_the_in_flight_bound_says_the_time_it_computes(self) -> None:
        """R7-06 'Proof of delivery': 120,000 in flight at 6.94/s is 4.8 hours, printed 'over 5 hours'."""
        proof = flows.reviewed(REVIEW, "R7-06", "Proof of delivery with signature photo")
        said = " ".join(flows.texts(t) for t in proof.technologies)
        assert "over 5 hours" not in said
        assert "only if each message takes 4.8 hours or longer to process" in said

    def test_a_small_write_equivalent_traffic_is_not_a_rounded_zero(self) -> None:
        """R7-22 'Tenant audit log stream': '0 MB/s of write-equivalent traffic'."""
        audit = flows.reviewed(REVIEW, "R7-22", "Tenant audit log stream")
        said = " ".join(flows.texts(t) for t in audit.technologies)
        assert " 0 MB/s of write-equivalent" not in said
        assert "MB/s of write-equivalent traffic" in said

    def test_a_best_effort_sender_buffer_drops_older_readings(self) -> None:
        """R7-05 'Vehicle GPS ping': the buffer 'send[s] the latest first when it reconnects' beside per-key
        order; it reads consistently only if every older reading is dropped, and should say so."""
        ping = flows.reviewed(REVIEW, "R7-05", "Vehicle GPS ping")
        assert "latest first" not in flows.said(ping)
        assert "dropping every older one" in flows.said(ping)

    def test_a_local_copy_with_who_runs_it_left_out_names_the_managed_services(self) -> None:
        """R7-04 'Get motor insurance quote': 'Self-run Valkey or Redis' and a self-run gateway, though operations
        was omitted (managed assumed)."""
        quote = flows.reviewed(REVIEW, "R7-04", "Get motor insurance quote")
        managed = [t.why for t in quote.technologies if t.name == "A managed service on your cloud"]
        assert managed
        assert all("managed assumed" in why for why in managed)


class TestABulkTransferSaysItsSize:
    def test_a_nightly_catalogue_file_names_its_size(self) -> None:
        """A first-time user: a nightly 50 MB catalogue file from the ERP to the shop is headlined a bulk transfer,
        yet no reason mentions its size."""
        catalogue = {
            "source": "ERP",
            "consumers": ["Shop"],
            "interaction": "command",
            "latency": "hours",
            "volume_per_day": 1,
            "message_size_kb": 50_000,
        }
        result = flows.result(catalogue, {})
        assert result.approach == "bulk_transfer"
        assert "1 message a day of 48.8 MB (a file, not a message)" in result.reasons[0]

    def test_an_omitted_size_is_not_stated(self) -> None:
        export = {"consumers": ["Warehouse"], "interaction": "command", "latency": "hours", "volume_per_day": 1}
        assert " KB" not in flows.result(export, {}).reasons[0]
