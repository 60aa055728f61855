"""Details that mutation testing found unpinned: each test states the behaviour, worked out by hand.

Some helpers run only while the engine's tables are built at import (the
choice alternatives, the sourced-figure constructors, the pressure mixes):
they are called directly here, as a changed table would otherwise go unseen.
"""

from __future__ import annotations

from typing import Any

import pytest

from advisor.engine import ENGINE_VERSION, InvalidAssessment, assessment_to_dict, parse_assessment, recommend
from advisor.engine.answers import ANSWERS, UNKNOWN
from advisor.engine.capabilities import Source, Sourced, _hours, _kb, _mb_per_second, _per_second, _seconds
from advisor.engine.catalog import PATTERNS, label
from advisor.engine.export import flow_result_from_dict, recommendation_to_dict
from advisor.engine.flips import Alternative, _choice_directions
from advisor.engine.model import FlowResult, Recommendation
from advisor.engine.scoring import SIGNALS_OF_ANSWER, Mix, _factors_fed

P2P, QUEUE, EVENTS = "point_to_point", "message_queue", "event_driven"
THREE = ["CRM", "Email", "Analytics"]


def recommendation(flows: list[dict[str, Any]], landscape: dict[str, Any] | None = None) -> Recommendation:
    return recommend(parse_assessment({"landscape": landscape or {}, "flows": flows}))


def result(flow: dict[str, Any], landscape: dict[str, Any] | None = None) -> FlowResult:
    return recommendation([{"name": "flow", **flow}], landscape).flows[0]


def test_the_recommendation_carries_the_engine_version() -> None:
    assert recommendation([{"name": "flow", "interaction": "query"}]).engine_version == ENGINE_VERSION


class TestConfidenceCaps:
    """docs/decision-rules.md, Confidence: caps that hold whatever the margin."""

    @pytest.mark.parametrize("delivery", ["no_loss", "effectively_once"])
    def test_a_direct_command_that_must_not_lose_work_is_at_most_medium(self, delivery: str) -> None:
        found = result({"interaction": "command", "latency": "immediate", "delivery": delivery})
        assert found.pattern == P2P
        assert found.margin >= 12, "the cap, not the margin, must be what keeps this at medium"
        assert found.confidence == "medium"

    def test_a_direct_command_whose_loss_is_acceptable_keeps_high_confidence(self) -> None:
        found = result({"interaction": "command", "latency": "immediate", "delivery": "best_effort"})
        assert (found.pattern, found.confidence) == (P2P, "high")

    @pytest.mark.parametrize("platform", ["on_premises", "kubernetes"])
    def test_a_broker_that_no_vendor_and_no_team_runs_is_at_most_medium(self, platform: str) -> None:
        flow = {"interaction": "command", "consumer_availability": "maintenance_windows", "latency": "hours"}
        flow["volume_per_day"] = 300
        alone = {"platform": platform, "operations": "managed", "async_experience": "none"}
        capped = result(flow, alone)
        assert (capped.pattern, capped.confidence) == (QUEUE, "medium")
        assert capped.margin >= 12
        assert result(flow, {**alone, "platform": "aws"}).confidence == "high"


class TestLandscapeWording:
    def test_a_hub_for_direct_commands_fronts_the_direct_calls_not_query_apis(self) -> None:
        flows = [{"name": f"command {i}", "interaction": "command", "delivery": "best_effort"} for i in range(4)]
        advice = " ".join(recommendation(flows, {"systems": 8}).landscape_advice)
        assert "an API gateway in front of the direct calls" in advice

    def test_a_hub_with_every_flow_direct_leaves_no_rest_for_a_broker(self) -> None:
        flows = [{"name": f"command {i}", "interaction": "command", "delivery": "best_effort"} for i in range(4)]
        found = recommendation(flows, {"systems": 8})
        assert all(f.pattern == P2P for f in found.flows)
        hub = next(sentence for sentence in found.landscape_advice if "introduce a hub" in sentence)
        assert "for the rest" not in hub

    def test_a_hub_for_direct_queries_and_commands_fronts_all_the_direct_calls(self) -> None:
        flows = [{"name": f"command {i}", "interaction": "command", "delivery": "best_effort"} for i in range(2)]
        flows += [{"name": f"lookup {i}", "interaction": "query", "latency": "seconds"} for i in range(2)]
        found = recommendation(flows, {"systems": 8})
        assert all(f.pattern == P2P for f in found.flows)
        hub = next(sentence for sentence in found.landscape_advice if "introduce a hub" in sentence)
        assert "introduce a hub: an API gateway in front of the direct calls, so each system" in hub

    def test_a_hub_beside_brokered_flows_sends_the_rest_to_a_backbone(self) -> None:
        flows = [{"name": f"command {i}", "interaction": "command", "delivery": "best_effort"} for i in range(4)]
        flows.append({"name": "fact", "interaction": "event", "consumers": ["CRM", "Billing", "Analytics"]})
        found = recommendation(flows, {"systems": 8})
        assert found.flows[-1].pattern != P2P
        hub = next(sentence for sentence in found.landscape_advice if "introduce a hub" in sentence)
        assert "an API gateway in front of the direct calls and a broker or event backbone for the rest" in hub

    def test_bulk_transfers_are_not_brokered_flows_to_run_on_a_backbone(self) -> None:
        nightly = {"interaction": "command", "latency": "hours", "volume_per_day": 1}
        flows = [{"name": f"export {i}", **nightly} for i in range(2)]
        found = recommendation(flows, {"systems": 4, "platform": "on_premises"})
        assert all(f.approach == "bulk_transfer" for f in found.flows)
        advice = " ".join(found.landscape_advice)
        assert "brokered" not in advice
        facts = [{"name": f"fact {i}", "interaction": "event", "consumers": THREE} for i in range(2)]
        mixed = " ".join(recommendation(flows + facts, {"systems": 4}).landscape_advice)
        assert "Run the 2 brokered flows on one backbone" in mixed

    def test_a_query_answered_later_is_not_counted_as_a_query_api(self) -> None:
        flows = [{"name": f"report {i}", "interaction": "query", "latency": "hours"} for i in range(4)]
        flows += [{"name": f"lookup {i}", "interaction": "query", "latency": "seconds"} for i in range(4)]
        advice = recommendation(flows, {"systems": 8}).landscape_advice
        hub = next(sentence for sentence in advice if "introduce a hub" in sentence)
        direct = sum(1 for f in recommendation(flows, {"systems": 8}).flows if f.pattern == P2P)
        assert f"{direct} point-to-point flows" in hub
        assert "in front of the 4 query APIs" in hub

    def test_a_landscape_flip_to_two_patterns_names_them_in_catalog_order(self) -> None:
        flows = [
            {"name": "work", "interaction": "command", "volume_per_day": 100_000, "peak_factor": 3},
            {
                "name": "fact",
                "interaction": "event",
                "consumers": ["CRM", "ERP"],
                "latency": "immediate",
                "volume_per_day": 10,
                "delivery": "best_effort",
            },
        ]
        # A fact for two consumers stays an event (R3.5: one consumer is work whatever the growth, review 9).
        found = recommendation(flows, {"systems": 2, "growth": "none"})
        broker = next(f for f in found.landscape_flips if f.field == "existing_broker")
        assert {c.pattern for c in broker.flows} == {QUEUE, EVENTS}
        sentence = next(s for s in found.landscape_advice if s.startswith("If existing broker were"))
        # The existing broker was left out: its "none" is assumed (review 7, theme 4).
        assert "(now “none”, assumed), 2 of 2 flows would change to message queue or event-driven: work and fact." in (
            sentence
        )

    def test_a_landscape_flip_names_three_flows_and_says_there_are_more(self) -> None:
        work = {"interaction": "command", "volume_per_day": 100_000, "peak_factor": 3}
        flows = [{"name": f"work {i}", **work} for i in range(4)]
        found = recommendation(flows, {"systems": 2})
        sentence = next(s for s in found.landscape_advice if s.startswith("If existing broker were"))
        assert sentence.endswith("4 of 4 flows would change to message queue: work 0, work 1 and work 2 and more.")
        three = recommendation(flows[:3], {"systems": 2}).landscape_advice
        assert any(s.endswith("3 of 3 flows would change to message queue: work 0, work 1 and work 2.") for s in three)

    def test_a_landscape_flip_of_the_only_flow_speaks_of_the_flow(self) -> None:
        flows = [{"name": "work", "interaction": "command", "volume_per_day": 100_000, "peak_factor": 3}]
        found = recommendation(flows, {"systems": 2})
        sentence = next(s for s in found.landscape_advice if s.startswith("If existing broker were"))
        assert "the flow would change to message queue: work." in sentence


class TestReasonWording:
    def test_a_bulk_burst_of_one_hour_is_an_hour(self) -> None:
        flow = {"interaction": "command", "latency": "hours", "volume_per_day": 2_000_000, "peak_factor": 24}
        reasons = " ".join(result(flow).reasons)
        assert "all within 1 hour," in reasons

    def test_peaks_are_absorbed_for_every_consumer(self) -> None:
        flow = {"interaction": "event", "consumers": ["CRM", "Billing", "Analytics"], "peak_factor": 8}
        reasons = " ".join(result(flow).reasons)
        assert "so the consumers work at their own pace" in reasons
        alone = " ".join(result({**flow, "interaction": "command", "consumers": ["CRM"]}).reasons)
        assert "so the consumer works at its own pace" in alone

    def test_a_stack_without_a_broker_is_not_said_to_have_broker_experience_at_hand(self) -> None:
        # An architect read "some broker experience at hand — broker: none" as a contradiction.
        flow = {"interaction": "query", "latency": "immediate", "consumers": ["CRM"]}
        landscape = {"platform": "on_premises", "existing_broker": "none", "async_experience": "some"}
        decides = next(r for r in result(flow, landscape).reasons if " leads " in r)
        assert "technology stack (+" in decides
        assert "experience at hand — broker: none" not in decides

    def test_replay_does_not_rule_out_the_queue_that_may_win(self) -> None:
        # A queue may still win a replayed command: the reason must say what carries it, not that queues cannot.
        reasons = " ".join(result({"interaction": "command", "replay": "yes"}).reasons)
        assert "which queues and routers do not keep" not in reasons
        assert "whichever pattern carries it runs on a log-based broker" in reasons

    def test_browsers_are_reached_by_a_connection_or_web_push_not_apns(self) -> None:
        flow = {"interaction": "event", "consumers": ["Dashboard"], "consumer_kind": "browser"}
        reasons = " ".join(result(flow).reasons)
        assert "It reaches browser sessions" in reasons
        assert "Apple Push Notification service" not in reasons
        assert "persistent connection (WebSocket, Server-Sent Events)" in reasons

    @pytest.mark.parametrize(
        ("kind", "reach"), [("device", "1 consumer on many devices"), ("browser", "1 consumer in many browsers")]
    )
    def test_one_app_on_many_phones_is_not_counted_as_one_consumer_alone(self, kind: str, reach: str) -> None:
        # The review: "scalability (… 1 consumer)" undersold an app that millions of devices run.
        flow = {"interaction": "event", "consumers": ["Customer app"], "consumer_kind": kind, "latency": "immediate"}
        reasons = " ".join(result(flow).reasons)
        assert reach in reasons
        assert "1 consumer)" not in reasons


class TestNotSure:
    """What answering an unknown would change is what re-running with that answer gives (R8)."""

    @pytest.mark.parametrize(
        "unknown",
        [
            # 3 × 4 = 12 plausible combinations: every one is scored.
            {"consumer_availability": UNKNOWN, "latency": UNKNOWN},
            # 3 × 4 × 3 × 3 × 3 = 324 combinations: a fixed-seed sample of them is scored.
            {
                "consumer_availability": UNKNOWN,
                "latency": UNKNOWN,
                "delivery": UNKNOWN,
                "source_availability": UNKNOWN,
                "consumer_kind": UNKNOWN,
            },
        ],
        ids=["enumerated", "sampled"],
    )
    def test_the_answers_that_would_change_the_winner_are_those_named(self, unknown: dict[str, str]) -> None:
        flow = {"interaction": "command", **unknown}
        doubtful = result(flow)
        turns = next(r for r in doubtful.reasons if r.startswith("You were not sure about"))
        named = 0
        for field in unknown:
            for value in ANSWERS[field].choices:
                answered = result({**flow, field: value})
                if answered.pattern != doubtful.pattern:
                    named += 1
                    pattern, question = PATTERNS[answered.pattern].in_sentence, ANSWERS[field].label.lower()
                    said = (pattern, f"{question} is", f"“{label(value)}”")
                    assert all(words in turns for words in said), (field, value)
        assert named >= 2

    def test_values_that_turn_the_same_way_are_joined_with_or(self) -> None:
        doubtful = result({"interaction": "command", "consumer_availability": UNKNOWN, "latency": UNKNOWN})
        turns = next(r for r in doubtful.reasons if r.startswith("You were not sure about"))
        # With latency "within seconds" the consumer's availability is still open, and the queue wins two of
        # its three answers: only "immediate" turns the headline on its own.
        assert turns.endswith(
            "It would be point-to-point if latency is “immediate (caller waits, under 1 s)” or if "
            "consumer availability is “always available”."
        )


WHOLE_OR_NOT_SURE = 'must be a whole number from 0 to 100,000,000,000, "unknown" or a range [low, high],'


class TestValidationMessages:
    """Each refusal names the field and says what is wanted, in words a person can act on."""

    @pytest.mark.parametrize(
        ("flow", "field", "message"),
        [
            ({"consumers": "CRM"}, "flows[0].consumers", "must be a list of system names"),
            ({"consumers": ["CRM", 7]}, "flows[0].consumers", "must be a list of system names"),
            ({"consumers": []}, "flows[0].consumers", "must name 1 to 50 systems, not 0"),
            ({"consumers": [f"s{i}" for i in range(51)]}, "flows[0].consumers", "must name 1 to 50 systems, not 51"),
            (
                {"volume_per_day": 10**11 + 1},
                "flows[0].volume_per_day",
                "must be from 0 to 100,000,000,000, not 100,000,000,001",
            ),
            (
                {"volume_per_day": 2.5},
                "flows[0].volume_per_day",
                'must be a whole number from 0 to 100,000,000,000, "unknown" or a range [low, high], not 2.5',
            ),
            (
                {"volume_per_day": "x" * 50},
                "flows[0].volume_per_day",
                f"{WHOLE_OR_NOT_SURE} not '{'x' * 36}...",
            ),
            (
                {"volume_per_day": "x" * 38},
                "flows[0].volume_per_day",
                f"{WHOLE_OR_NOT_SURE} not '{'x' * 38}'",
            ),
            (
                {"peak_factor": float("inf")},
                "flows[0].peak_factor",
                'must be a number from 1 to 10,000, "unknown" or a range [low, high], not inf',
            ),
            (
                {"peak_factor": "2"},
                "flows[0].peak_factor",
                "must be a number from 1 to 10,000, \"unknown\" or a range [low, high], not '2'",
            ),
        ],
    )
    def test_message(self, flow: dict[str, Any], field: str, message: str) -> None:
        with pytest.raises(InvalidAssessment) as caught:
            parse_assessment({"flows": [{"name": "flow", "interaction": "event", **flow}]})
        assert {e.field: e.message for e in caught.value.errors} == {field: message}

    @pytest.mark.parametrize(
        "flow",
        [
            {"consumers": [f"s{i}" for i in range(50)]},
            {"volume_per_day": 10**11},
            {"volume_per_day": 3.0},
            {"peak_factor": 10_000},
        ],
    )
    def test_the_bounds_themselves_are_accepted(self, flow: dict[str, Any]) -> None:
        parse_assessment({"flows": [{"name": "flow", "interaction": "event", **flow}]})

    def test_the_exception_lists_every_field_and_message(self) -> None:
        with pytest.raises(InvalidAssessment) as caught:
            parse_assessment({"flows": [{"name": "flow", "interaction": "event", "latency": "x", "peak_factor": 0}]})
        assert str(caught.value) == (
            "flows[0].latency: must be one of immediate, seconds, minutes, hours or unknown, not 'x'; "
            "flows[0].peak_factor: must be from 1 to 10,000, not 0"
        )


class TestExport:
    def test_an_assessment_reads_back_from_its_dict(self) -> None:
        raw = {
            "landscape": {"systems": 12, "platform": "gcp", "teams": UNKNOWN},
            "flows": [
                {"name": "Order placed", "interaction": "event", "consumers": THREE, "peak_factor": 2.5},
                {"name": "Lookup", "interaction": "query", "latency": "immediate", "delivery": UNKNOWN},
            ],
            "weights": {"real_time": 2, "tech_stack": 0},
        }
        assessment = parse_assessment(raw)
        written = assessment_to_dict(assessment)
        assert written["flows"][0]["consumers"] == THREE
        assert written["weights"] == {"real_time": 2, "tech_stack": 0}
        assert written["landscape"]["systems"] == 12
        assert parse_assessment(written) == assessment

    def test_a_result_saved_before_unknowns_existed_has_none(self) -> None:
        saved = recommendation_to_dict(recommendation([{"name": "flow", "interaction": "query"}]))["flows"][0]
        del saved["unknowns"]
        assert flow_result_from_dict(saved).unknowns == ()


class TestTablesBuiltAtImport:
    def test_an_ordered_answer_steps_down_and_up_from_the_given_value(self) -> None:
        down, up = _choice_directions(ANSWERS["latency"], "minutes")
        assert down == (Alternative(1, "seconds", "seconds"), Alternative(2, "immediate", "immediate"))
        assert up == (Alternative(1, "hours", "hours"),)

    def test_the_ends_of_an_ordered_answer_have_one_way_to_go(self) -> None:
        assert _choice_directions(ANSWERS["teams"], "one") == (
            (),
            (Alternative(1, "few", "few"), Alternative(2, "many", "many")),
        )
        assert _choice_directions(ANSWERS["teams"], "many")[1] == ()

    @pytest.mark.parametrize(("answer", "before"), [("platform", "aws"), ("teams", UNKNOWN)])
    def test_an_unordered_or_unknown_answer_may_become_any_other_value_at_once(self, answer: str, before: str) -> None:
        (only,) = _choice_directions(ANSWERS[answer], before)
        assert only == tuple(Alternative(1, v, v) for v in ANSWERS[answer].choices if v != before)

    @pytest.mark.parametrize(
        ("make", "unit"),
        [(_kb, "KB"), (_hours, "hours"), (_seconds, "seconds"), (_per_second, "messages/s"), (_mb_per_second, "MB/s")],
    )
    def test_sourced_figures_carry_their_unit_source_and_note(self, make: Any, unit: str) -> None:
        source = Source("A page", "https://example.org/limits", "2026-11-26")
        assert make(5, source, "per shard") == Sourced(5, unit, source, "per shard")
        assert make(5, source).note == ""

    def test_a_mix_weighs_its_signals_and_caps_at_one(self) -> None:
        mix = Mix(size=0.5, teams=0.25)
        assert mix.swings == {"size": 0.5, "teams": 0.25}
        assert mix({"size": 1.0, "teams": 0.4}) == 0.6
        assert mix({"size": 1.0, "teams": 4.0}) == 1.0

    def test_an_answer_feeds_the_factors_its_signals_feed_in_catalog_order(self) -> None:
        assert _factors_fed(SIGNALS_OF_ANSWER["latency"]) == ("real_time", "error_handling")
        assert _factors_fed(SIGNALS_OF_ANSWER["consumers"]) == ("complexity", "loose_coupling", "scalability")
        assert _factors_fed(()) == ()
