"""Review 10's refusals and material contradictions (docs/review-2026-12-07-10.md).

Review 10 was counted once, on engine 3.12.0 (70 of 75): these tests fix what it found and do not make a second
independent count.
"""

from __future__ import annotations

from . import flows

REVIEW = "scenarios-review-10.yaml"


class TestASentenceAgainstTheHeadline:
    def test_a_small_booking_at_a_tiny_peak_goes_direct_and_says_so(self) -> None:
        """#15 (R10-06 'Book an appointment'): 200 bookings a day with peaks of 2x, nothing may be lost: "The work
        goes through a queue" beside a point-to-point headline and "A direct HTTPS call". A peak of 400 a day is no
        load a queue must level: a direct call with retries and an idempotency key, at most medium confidence."""
        flow = flows.reviewed(REVIEW, "R10-06", "Book an appointment")
        said = flows.said(flow)
        assert flow.pattern == "point_to_point"
        assert "goes through a queue" not in said
        assert "idempotency key" in said
        assert "Few systems (3)" in said
        assert flow.confidence != "high"

    def test_no_loss_work_at_a_real_peak_asks_for_a_queue_whichever_pattern_scores_ahead(self) -> None:
        """The same sentence where the peak is real (50,000 a day, peaks 4x): where the message queue wins it says the
        work goes through a queue; where a direct call still scores ahead on the rest, it says a queue is the safer
        carrier and on what condition the direct call holds, never "The work goes through a queue" beside it."""
        work = {"interaction": "command", "latency": "seconds", "volume_per_day": 50_000, "delivery": "no_loss"}
        queued = flows.result({**work, "peak_factor": 8}, {"systems": 8})
        assert queued.pattern == "message_queue"
        assert "The work goes through a queue." in flows.said(queued)
        direct = flows.result({**work, "peak_factor": 4}, {"systems": 8})
        said = flows.said(direct)
        assert direct.pattern == "point_to_point"
        assert "goes through a queue" not in said
        assert "A queue is the safer carrier" in said
        assert direct.confidence != "high"

    def test_critical_alerts_that_must_not_be_lost_are_never_coalesced(self) -> None:
        """#59 (R10-24 'Critical alert to on-call nurses'): "too many for a person to follow … coalesce each
        session's updates to the latest per key" for no-loss alerts at 0.12 a second."""
        said = flows.said(flows.reviewed(REVIEW, "R10-24", "Critical alert to on-call nurses"))
        assert "coalesce" not in said
        assert "Peaks reach 5× the average rate" in said


class TestOrderedPoisonMessages:
    def test_global_order_on_a_log_sets_no_single_event_aside(self) -> None:
        """#55 (R10-22 'Order book updates'): "park it with every event after it, in order … (an SQS redrive
        policy on each subscriber queue)": a redrive moves the failed event alone, so later ones overtake it, and the
        only technology listed is Amazon MSK, with no subscriber queues."""
        said = flows.set_aside(flows.reviewed(REVIEW, "R10-22", "Order book updates"))
        assert "SQS" not in said
        assert "stop that subscriber" in said

    def test_a_log_s_dead_letters_are_the_log_s_own(self) -> None:
        """Contradiction 4 (R10-11 'Match finished', on engine 3.12.0): "(an SQS redrive policy on each subscriber
        queue)" beside Kinesis and MSK, which have no subscriber queues. (Since engine 3.17.0 that flow fans out
        through SNS to the team's SQS, review 11, R11-15; the same log on AWS is checked here.)"""
        scores = {
            "interaction": "event",
            "consumers": ["leaderboard", "achievements", "anti-cheat"],
            "volume_per_day": 4_000_000,
            "peak_factor": 8,
            "delivery": "no_loss",
            "ordering": "per_key",
            "replay": "yes",
        }
        flow = flows.result(scores, {"platform": "aws", "existing_broker": "sqs"})
        said = flows.set_aside(flow)
        assert flow.approach == "event_log"
        assert "SQS redrive policy on each subscriber queue" not in said
        assert "dead-letter topic per consumer group" in said

    def test_a_router_flow_keeps_its_subscriber_queues_dead_letters(self) -> None:
        flow = {"interaction": "event", "consumers": ["A", "B", "C"], "delivery": "no_loss", "volume_per_day": 10_000}
        said = flows.set_aside(flows.result(flow, {"platform": "aws", "existing_broker": "sqs"}))
        assert "an SQS redrive policy on each subscriber queue" in said


class TestTheTeamsBrokerPassedOver:
    def test_the_team_s_sqs_is_said_to_be_too_slow_for_global_order(self) -> None:
        """#55 (R10-22 'Order book updates'): the team runs SQS and the reasons never said why its FIFO queue cannot
        carry 23,148 ordered events a second."""
        flow = flows.reviewed(REVIEW, "R10-22", "Order book updates")
        first = flow.technologies[0].why
        assert "Amazon SQS FIFO queue, which you run, does not fit" in first
        assert "23,148.15 a second" in first


class TestGatewayQuota:
    def test_api_gateway_s_account_quota_is_stated_where_the_peak_passes_it(self) -> None:
        """#46 (R10-19 'Card authorisation request'): 13,889 requests a second at the peak, and Amazon API Gateway's
        default account quota of 10,000 a second per Region was never said."""
        flow = flows.reviewed(REVIEW, "R10-19", "Card authorisation request")
        gateway = next(t for t in flow.technologies if t.name.startswith("Amazon API Gateway"))
        assert any("10,000" in limit.text for limit in gateway.limits)
        assert any("ask for a raise" in remedy for remedy in gateway.remedies)

    def test_a_small_peak_asks_for_no_raise(self) -> None:
        flow = {"interaction": "query", "latency": "immediate", "volume_per_day": 100_000, "peak_factor": 3}
        result = flows.result(flow, {"platform": "aws", "systems": 12})
        gateway = next(t for t in result.technologies if t.name.startswith("Amazon API Gateway"))
        assert not [r for r in gateway.remedies if "raise" in r]


class TestSmallLandscapeQueries:
    def test_a_lookup_between_three_systems_says_nothing_more_is_needed(self) -> None:
        """#42 (R10-17 'Enrolment lookup'): three systems and 20,000 lookups a day, and nothing said the landscape is
        small enough that a direct call is all it takes (docs/decision-rules.md, R4)."""
        said = flows.said(flows.reviewed(REVIEW, "R10-17", "Enrolment lookup"))
        assert "Few systems (3)" in said
        assert "over-engineering" in said

    def test_a_lookup_in_a_large_landscape_does_not_say_so(self) -> None:
        flow = {"interaction": "query", "latency": "immediate"}
        assert "Few systems" not in flows.said(flows.result(flow, {"systems": 30}))


class TestLandscapeWording:
    def test_two_flows_are_both_not_all_2(self) -> None:
        """Contradiction 10 (R10-06): "all 2 flows are point-to-point" beside the summary's "Both flows fit"."""
        advice = " ".join(flows.reviewed_recommendation(REVIEW, "R10-06").landscape_advice)
        assert "all 2 flows" not in advice
        assert "both flows are point-to-point" in advice

    def test_a_server_sender_s_sequence_is_per_sender_not_per_device(self) -> None:
        """Contradiction 11 (R10-32 'Standing order instruction'): "a per-device sequence number" for online banking,
        a server system that is away in maintenance windows."""
        said = flows.said(flows.reviewed(REVIEW, "R10-32", "Standing order instruction"))
        assert "per-device" not in said
        assert "a per-sender sequence number" in said

    def test_a_device_sender_keeps_its_per_device_sequence(self) -> None:
        flow = {
            "interaction": "event",
            "consumers": ["A", "B", "C"],
            "source_availability": "often_offline",
            "source_kind": "device",
            "ordering": "per_key",
            "delivery": "no_loss",
        }
        assert "a per-device sequence number" in flows.said(flows.result(flow, {}))

    def test_self_run_options_after_prefer_a_managed_one_say_whom_they_are_for(self) -> None:
        """Contradiction 9 (R10-17, R10-34): "With no platform chosen and nobody to run it, prefer a managed one",
        then a self-run object store or self-run brokers as the only sized entries, with no word on whom they fit."""
        flow = flows.reviewed(REVIEW, "R10-34", "Submit inspection report")
        operator = next(t for t in flow.technologies if t.role == "operator")
        assert operator.why.endswith("The self-run ones listed after it fit only a team that will run its own.")
