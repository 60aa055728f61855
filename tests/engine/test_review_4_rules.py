"""Review 4's refusals on rules and reasons (docs/review-2026-12-07-4.md, themes 1, 4, 5 and 6).

Each test quotes the flow's shape from tests/engine/scenarios-review-4.yaml and the sentence the
independent architect would not sign.
"""

from __future__ import annotations

from typing import Any

from advisor.engine import parse_assessment, recommend
from advisor.engine.model import FlowResult, Recommendation


def run(flows: list[dict[str, Any]], landscape: dict[str, Any]) -> Recommendation:
    return recommend(parse_assessment({"landscape": landscape, "flows": flows}))


def said(flow: FlowResult) -> str:
    return " ".join([*flow.reasons, *(f"{r.risk} {r.mitigation}" for r in flow.risks)])


RETAILER = {"systems": 9, "teams": "few", "change_rate": "monthly", "growth": "some", "platform": "any"}
SHELF_LABELS = {
    "name": "Price update to store shelf labels",
    "source": "erp",
    "consumers": ["shelf_label_system"],
    "interaction": "command",
    "latency": "minutes",
    "volume_per_day": 50_000,
    "peak_factor": 2,
    "delivery": "no_loss",
    "consumer_availability": "always",
    "message_size_kb": 1,
}
RETURNS = {
    "name": "Return authorised to warehouse",
    "source": "returns_portal",
    "consumers": ["warehouse_system"],
    "interaction": "command",
    "latency": "minutes",
    "volume_per_day": "unknown",
    "peak_factor": [1, 50],
    "delivery": "no_loss",
    "ordering": "none",
    "consumer_availability": "unknown",
    "message_size_kb": 2,
}
CLAIM_STATUS = {
    "name": "Claim status changed",
    "source": "claims_system",
    "consumers": ["customer_portal", "finance"],
    "interaction": "event",
    "latency": "seconds",
    "volume_per_day": 30_000,
    "peak_factor": 3,
    "delivery": "no_loss",
    "ordering": "per_key",
    "consumer_availability": "always",
    "message_size_kb": 4,
}


class TestTheme1ConfidenceWhereTheRuleHingesOnAnAnswer:
    """Theme 1: "whatever the answer … the confidence is not lowered" at high confidence, where rule 2's exception
    (a small command to an always-available consumer without peaks) or rule 3's growth decides."""

    def test_a_small_command_due_within_minutes_to_a_consumer_always_up_can_be_a_direct_call(self) -> None:
        """R4-33: the shelf-label price update was a queue at high confidence with no word of a direct call. With
        review 7 (theme 1) the direct call is for a steady load only, as R2 says ("no peaks"): at 2×
        the reasons say why the queue, and steady it is a direct call's at most medium confidence."""
        peaked = run([SHELF_LABELS], RETAILER).flows[0]
        assert peaked.pattern == "message_queue"
        assert "peaks reach 2× the average, which a queue levels" in said(peaked)
        steady = run([{**SHELF_LABELS, "peak_factor": 1}], RETAILER).flows[0]
        assert steady.confidence != "high"
        assert "a direct call with retries and an idempotency key can carry it" in said(steady)

    def test_not_knowing_the_consumers_availability_and_peaks_names_them_and_caps_the_confidence(self) -> None:
        """R4-34: returns to a warehouse whose availability, volume and peaks are not known read "whatever the
        answer, the message queue comes out ahead, so the confidence is not lowered for it"."""
        flow = run([RETURNS], {"systems": 4, "platform": "aws"}).flows[0]
        assert flow.confidence != "high"
        assert "not lowered" not in said(flow)
        assert "Until consumer availability, messages per day and peak factor are known" in said(flow)

    def test_two_consumers_with_growth_not_known_say_what_hangs_on_growth(self) -> None:
        """R4-35: a fact for two consumers, growth not sure, was event-driven at high confidence "not lowered";
        with growth 'none' the same flow is only medium (R4-10)."""
        flow = run([CLAIM_STATUS], {"systems": 4, "teams": "few", "growth": "unknown", "platform": "azure"}).flows[0]
        assert flow.confidence != "high"
        assert "not lowered" not in said(flow)
        assert "hangs on growth" in said(flow)
        assert "at most medium until growth is known" in said(flow)

    def test_a_consumer_whose_availability_is_not_known_is_not_said_to_be_down(self) -> None:
        """R4-34 (contradiction 10): "A backlog grows unnoticed while the consumer is down", availability not sure."""
        flow = run([RETURNS], {"systems": 4, "platform": "aws"}).flows[0]
        assert "while the consumer is down" not in said(flow)
        assert "its availability is not known" in said(flow)


CREDIT_REPORT = {
    "name": "Credit report request",
    "source": "loan_origination",
    "consumers": ["credit_bureau"],
    "interaction": "query",
    "latency": "unknown",
    "volume_per_day": 20_000,
    "peak_factor": 4,
    "delivery": "no_loss",
    "consumer_availability": "always",
    "message_size_kb": 30,
}
BUREAU = {"systems": 5, "teams": "few", "platform": "on_premises", "existing_broker": "rabbitmq"}


class TestTheme6LandscapeAdviceUsesTheMix:
    """Theme 6 (R4-36): "5 systems could need up to 10 direct connections (n(n−1)/2); the flow is point-to-point"
    beside a mix that counts the flow undecided."""

    def test_an_undecided_flow_is_called_undecided_in_the_landscape_advice(self) -> None:
        found = run([CREDIT_REPORT], BUREAU)
        assert found.mix["undecided"] == 1
        assert found.landscape_advice[0].endswith("; the flow is undecided.")

    def test_undecided_flows_are_not_counted_as_point_to_point_among_others(self) -> None:
        lookup = {"name": "Lookup", "interaction": "query", "latency": "immediate", "consumers": ["CRM"]}
        found = run([CREDIT_REPORT, lookup], BUREAU)
        assert found.landscape_advice[0].endswith("; 1 of the 2 flows is point-to-point and 1 is undecided.")


TAX_RETURNS = {
    "name": "Tax return submitted",
    "source": "citizen_portal",
    "consumers": ["assessment_backend"],
    "interaction": "command",
    "latency": "hours",
    "volume_per_day": 300_000,
    "peak_factor": 50,
    "delivery": "no_loss",
    "consumer_availability": "maintenance_windows",
    "message_size_kb": 60,
}
NUMBER_PORTING = {
    "name": "Number porting request",
    "source": "order_management",
    "consumers": ["porting_clearinghouse"],
    "interaction": "query",
    "latency": "hours",
    "volume_per_day": 10_000,
    "peak_factor": 3,
    "delivery": "no_loss",
    "consumer_availability": "maintenance_windows",
    "message_size_kb": 4,
}
TAX_OFFICE = {"systems": 5, "teams": "few", "platform": "on_premises", "operations": "self_hosted"}


class TestTheme4RulesOnTheRightKindOfFlow:
    def test_a_deadline_peak_of_individual_submissions_is_not_a_bulk_transfer(self) -> None:
        """R4-19: 300,000 online tax returns a day with a 50× deadline peak read "all within 0.48 hours: a periodic
        bulk transfer"; they are separate submissions whose peak a queue levels for a back end with windows."""
        flow = run([TAX_RETURNS], TAX_OFFICE).flows[0]
        assert not flow.bulk
        assert flow.pattern == "message_queue"
        assert "bulk transfer" not in said(flow)

    def test_a_table_extract_in_a_burst_is_still_a_bulk_transfer(self) -> None:
        """Review 2, item 1: 50 million rows within an hour, entered as an event, is a bulk transfer."""
        rows = {"name": "Rows", "interaction": "event", "latency": "hours", "volume_per_day": 50_000_000}
        assert run([rows | {"peak_factor": 24}], TAX_OFFICE).flows[0].bulk

    def test_a_slow_query_to_a_provider_with_windows_is_held_not_answered_from_a_copy(self) -> None:
        """R4-28: the number-porting request (answer within hours) got "the caller needs a local copy" beside
        "accept the request at once with 202"; its requests wait across the clearinghouse's windows instead."""
        flow = run([NUMBER_PORTING], {"systems": 9}).flows[0]
        assert flow.approach == "async_request_reply"
        assert "local copy" not in said(flow)
        assert "correlation id" in said(flow)
        assert "held and retried" in said(flow)


PAYMENT_WEBHOOK = {
    "name": "Payment status webhook",
    "source": "payment_provider",
    "consumers": ["order_service"],
    "interaction": "event",
    "latency": "seconds",
    "volume_per_day": 400_000,
    "peak_factor": 20,
    "delivery": "effectively_once",
    "ordering": "per_key",
    "consumer_availability": "always",
    "message_size_kb": 3,
}
TENANT_WEBHOOKS = {
    "name": "Customer-facing webhooks",
    "source": "saas_core",
    "consumers": ["tenant_crm_a", "tenant_erp_b", "tenant_zapier_c", "tenant_slack_d", "tenant_custom_e"],
    "interaction": "event",
    "latency": "seconds",
    "volume_per_day": 5_000_000,
    "peak_factor": 6,
    "delivery": "no_loss",
    "consumer_availability": "often_offline",
    "message_size_kb": 4,
    "replay": "yes",
}


class TestTheme5WebhooksInAndOut:
    def test_a_queue_fed_by_another_companys_webhook_stores_before_answering_and_deduplicates(self) -> None:
        """R4-06: the only loss mitigation asked the payment provider to run an outbox."""
        flow = run([PAYMENT_WEBHOOK], {"systems": 3, "platform": "gcp"}).flows[0]
        assert flow.pattern == "message_queue"
        words = said(flow)
        assert "answer 2xx" in words
        assert "verify its signature" in words
        assert "its event id" in words

    def test_subscribers_often_away_each_get_their_own_delivery_with_backoff_and_a_pause(self) -> None:
        """R4-24: tenant endpoints that are often down need one delivery per endpoint, backoff over hours, a
        dead-letter queue and disabling, so a dead endpoint holds only itself."""
        landscape = {"systems": 8, "platform": "kubernetes", "existing_broker": "rabbitmq", "growth": "fast"}
        flow = run([TENANT_WEBHOOKS], landscape | {"operations": "self_hosted"}).flows[0]
        words = said(flow)
        assert "its own durable subscription or queue" in words
        assert "backoff over hours" in words
        assert "pause a subscriber that stays away" in words


class TestFirstTimeUserContradictions:
    """The first-time user of issue 23 (2026-12-07, 15:18): purchases from the tills to loyalty and ERP, peaks 3–10×,
    read "Until peak factor is known, the choice rests on it" followed by a sentence about consumers to come."""

    PURCHASES = {
        "name": "Purchases",
        "source": "Tills",
        "consumers": ["Loyalty", "ERP"],
        "interaction": "event",
        "latency": "minutes",
        "volume_per_day": 100_000,
        "peak_factor": [3, 10],
        "source_availability": "often_offline",
    }

    def test_a_peak_range_is_not_said_to_decide_whether_more_consumers_come(self) -> None:
        flow = run([self.PURCHASES], {"systems": 6}).flows[0]
        assert "Until peak factor is known" not in said(flow)
        assert "two consumers and no growth expected" in said(flow)
        assert flow.confidence != "high"

    def test_a_range_is_said_to_be_a_range_not_that_the_answer_was_not_known(self) -> None:
        flow = run([self.PURCHASES], {"systems": 6}).flows[0]
        assert "not sure about peak factor" not in said(flow)
        assert "peak factor (a range, 3–10×)" in said(flow)
