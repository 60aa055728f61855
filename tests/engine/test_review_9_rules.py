"""Review 9's refusals that the engine's rules decide (docs/review-2026-12-07-9.md, themes 1 to 4).

Review 9 was held out: its figure (47 of 52) was taken before these changes, so these tests fix what it found
and do not make a second independent count.
"""

from __future__ import annotations

from . import flows

REVIEW = "scenarios-review-9.yaml"


class TestTheme1BulkFlowsSayNoPattern:
    def test_a_bulk_file_for_several_consumers_is_not_carried_by_a_router(self) -> None:
        """Theme 1, #25 (R9-19 'Full timetable export (GTFS)'): "a router carries this volume" beside "244 MB (a file,
        not a message)"; no router carries the file, and other systems are told by a small event once it lands."""
        said = flows.said(flows.reviewed(REVIEW, "R9-19", "Full timetable export (GTFS)"))
        assert "router" not in said
        assert "Published as events" not in said
        assert "publish a small event with a reference to the file once it lands" in said

    def test_a_bulk_file_for_one_consumer_is_not_served_by_a_direct_call_or_a_queue(self) -> None:
        """Theme 1, #49 (R9-34 'Nightly 10-minute averages export'): "a direct call or a queue can serve as well"
        against the next reason's "None of the three patterns fits it well"."""
        said = flows.said(flows.reviewed(REVIEW, "R9-34", "Nightly 10-minute averages export"))
        assert "can serve as well" not in said
        assert "publish/subscribe decouples little" not in said
        assert "None of the three patterns fits it well" in said


class TestTheme2TheTeamsRouterCarriesTheVolume:
    TEAM_RUNS_EVENTBRIDGE = {"platform": "aws", "existing_broker": "eventbridge", "operations": "managed"}

    def test_the_team_s_eventbridge_carries_millions_of_events_that_must_not_be_lost(self) -> None:
        """Theme 2, #27 (R9-20 'Parcel scanned'): 8 million scans a day, peaks 2-6x (556 a second), no loss, four
        consumers, and the team already runs EventBridge: the engine left it out and proposed a new Kinesis or MSK log
        though nobody asked for replay. The team's router carries that peak, with a durable queue per subscriber."""
        flow = flows.reviewed(REVIEW, "R9-20", "Parcel scanned")
        said = flows.said(flow)
        assert flow.approach == "event_router"
        assert flow.technologies[0].name == "Amazon EventBridge"
        assert "needs a log" not in said
        assert "the Amazon EventBridge you already run carries its peak of 556 events a second" in said

    def test_without_a_router_of_their_own_the_volume_still_calls_for_a_log(self) -> None:
        scans = {
            "interaction": "event",
            "consumers": ["tracking", "billing", "customs"],
            "volume_per_day": 8_000_000,
            "peak_factor": 6,
            "delivery": "no_loss",
        }
        assert flows.result(scans, {"platform": "aws", "existing_broker": "none"}).approach == "event_log"
        # A team that runs queues runs a router's durable half (review 11, R11-15): SNS fans out to its SQS.
        assert flows.result(scans, {"platform": "aws", "existing_broker": "sqs"}).approach == "event_router"

    def test_a_peak_beyond_the_team_s_router_still_calls_for_a_log(self) -> None:
        ticks = {
            "interaction": "event",
            "consumers": ["risk", "pricing", "archive"],
            "volume_per_day": 1_000_000_000,
            "peak_factor": 2,
            "delivery": "no_loss",
        }
        assert flows.result(ticks, self.TEAM_RUNS_EVENTBRIDGE).approach == "event_log"


class TestTheme3CallerOutOfCoverage:
    def test_a_waiting_query_from_a_terminal_often_offline_keeps_a_copy_on_the_device(self) -> None:
        """Theme 3, #23 (R9-17 'Vehicle registration check'): the terminal is often out of coverage and no sentence
        said so: no queue helps a disconnected caller who waits, a hot list on the device with its age shown serves
        it out of coverage, and the confidence is at most medium."""
        flow = flows.reviewed(REVIEW, "R9-17", "Vehicle registration check")
        said = flows.said(flow)
        assert flow.pattern == "point_to_point"
        assert flow.confidence in ("medium", "low")
        assert "a queue cannot help a caller who is disconnected and waiting" in said
        assert "local copy on the device" in said
        assert "hot list" in said
        assert "its age" in said

    def test_a_caller_always_connected_is_not_told_so(self) -> None:
        result = flows.result({"interaction": "query", "latency": "immediate"}, {})
        assert "disconnected and waiting" not in flows.said(result)


class TestTheme4OneConsumerIsNoFanOut:
    def test_landscape_growth_does_not_make_one_consumer_a_fan_out(self) -> None:
        """Theme 4, #13 (R9-11 'Engine fault code'): one consumer was made pub/sub only because the landscape's
        growth is "some" ("one consumer today and more expected"); rule 3 starts at fan-out 2 with growth."""
        flow = flows.reviewed(REVIEW, "R9-11", "Engine fault code")
        assert flow.pattern in ("message_queue", "point_to_point")
        assert "more expected" not in flows.said(flow)

    def test_fast_growth_alone_does_not_either(self) -> None:
        flow = {"interaction": "event", "consumers": ["billing"]}
        result = flows.result(flow, {"growth": "fast", "systems": 12})
        assert result.pattern != "event_driven"
        assert "more expected" not in flows.said(result)

    def test_two_consumers_with_growth_still_fan_out(self) -> None:
        flow = {"interaction": "event", "consumers": ["billing", "crm"]}
        result = flows.result(flow, {"growth": "fast", "systems": 12})
        assert result.pattern == "event_driven"
        assert "more expected" in flows.said(result)
