from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from advisor.engine.catalog import FACTOR_IDS, PATTERNS
from advisor.engine.presets import USE_CASES
from tests.engine.test_capabilities import READ_BY

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value and value.startswith("/"):
                self.found.append(value.split("#")[0])


def test_every_internal_link_from_the_landing_page_works(client: Client) -> None:
    seen: dict[str, int] = {}
    queue = ["/"]
    while queue:
        url = queue.pop()
        if url in seen or url.startswith("/static/"):
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response["Content-Type"].startswith("text/html"):
            parser = Links()
            parser.feed(response.content.decode())
            queue += [u for u in parser.found if u and u not in seen]
    broken = {url: status for url, status in seen.items() if status >= 400 and url != "/assess/"}
    assert not broken
    assert {"/patterns/", "/factors/", "/use-cases/crm-ecommerce/", "/patterns/message-queue/"} <= set(seen)


@pytest.mark.parametrize("slug", [p.slug for p in PATTERNS.values()])
def test_each_pattern_page_explains_the_pattern(client: Client, slug: str) -> None:
    pattern = PATTERNS[slug.replace("-", "_")]
    page = client.get(f"/patterns/{slug}/").content.decode()
    for section in (
        "How it works",
        "Strengths",
        "Weaknesses",
        "Use it when",
        "Avoid it when",
        "How it handles failure",
        "Technologies",
    ):
        assert section in page
    assert pattern.failure_handling[0].split(",")[0] in page
    assert '<svg class="message-path"' in page


@pytest.mark.parametrize("slug", ["point_to_point", "queue", "p2p"])
def test_an_unknown_pattern_is_a_404(client: Client, slug: str) -> None:
    assert client.get(f"/patterns/{slug}/").status_code == 404


# The pattern that fits each factor best when its pressure is high, for the commands and events that
# can use any pattern: what the engine's fit table says, written out by hand.
BEST_AT_HIGH_PRESSURE = {
    "complexity": "event_driven",
    "data_volume": "message_queue",
    "real_time": "point_to_point",
    "loose_coupling": "event_driven",
    "scalability": "event_driven",
    "error_handling": "message_queue",
    "tech_stack": "message_queue",
}


def test_the_factors_page_names_the_pattern_each_factor_favours(client: Client) -> None:
    page = client.get("/factors/").content.decode()
    stated = dict(re.findall(r'<section id="(\w+)" class="factor".*?data-best="(\w+)"', page, re.S))
    assert stated == BEST_AT_HIGH_PRESSURE


def test_the_comparison_table_marks_the_best_fit_of_each_factor(client: Client) -> None:
    page = client.get("/patterns/").content.decode()
    for factor_id in FACTOR_IDS:
        row = page.split(f'#{factor_id}"')[1].split("</tr>")[0]
        best = BEST_AT_HIGH_PRESSURE[factor_id]
        assert re.search(rf'data-fit="{best}"><strong>', row), factor_id
        assert len(re.findall(r"<strong>", row)) == 1, factor_id


def test_the_comparison_tells_the_combination_story_from_live_answers(client: Client) -> None:
    page = client.get("/patterns/").content.decode()
    assert "The combination story" in page
    for case in USE_CASES.values():
        assert case.title.replace("+", "+") in page


class TestFactorDemo:
    def test_moving_one_answer_changes_the_scores(self, client: Client) -> None:
        calm = client.get("/factors/demo", {"fan_out": "1"}, headers={"HX-Request": "true"}).content.decode()
        busy = client.get("/factors/demo", {"fan_out": "5"}, headers={"HX-Request": "true"}).content.decode()
        assert "Point-to-point API calls" in calm
        assert "Event-driven publish/subscribe" in busy
        assert "<html" not in busy

    def test_without_javascript_the_demo_renders_the_whole_page(self, client: Client) -> None:
        page = client.get("/factors/demo", {"latency": "hours"}).content.decode()
        assert "<html" in page
        assert "Message queue" in page

    def test_an_unknown_answer_is_named(self, client: Client) -> None:
        response = client.get("/factors/demo", {"latency": "never"}, headers={"HX-Request": "true"})
        assert response.status_code == 400
        assert "Unknown answer for: latency" in response.content.decode()


@pytest.mark.parametrize("slug", USE_CASES)
def test_each_use_case_shows_its_live_recommendation(client: Client, slug: str) -> None:
    case = USE_CASES[slug]
    page = client.get(f"/use-cases/{slug}/").content.decode()
    for flow in case.assessment["flows"]:
        assert flow["name"] in page
    assert 'name="preset" value="' + slug in page
    assert "fig-landscape" in page


def test_an_unknown_use_case_is_a_404(client: Client) -> None:
    assert client.get("/use-cases/nope/").status_code == 404


def test_the_factors_page_names_the_answers_that_really_move_each_pressure(client: Client) -> None:
    from advisor.engine import parse_assessment, recommend

    page = client.get("/factors/").content.decode()
    base = {"name": "f", "interaction": "command"}
    moved = {
        "volume_per_day": ({}, {"volume_per_day": 10**9}),
        "consumer_availability": ({}, {"consumer_availability": "often_offline"}),
        "consumers": ({}, {"consumers": ["a", "b", "c", "d"]}),
    }
    for field, (before, after) in moved.items():
        low = recommend(parse_assessment({"flows": [{**base, **before}]})).flows[0].factors
        high = recommend(parse_assessment({"flows": [{**base, **after}]})).flows[0].factors
        changed = [f for f in FACTOR_IDS if low[f].pressure != high[f].pressure]
        for factor_id in changed:
            section = page.split(f'<section id="{factor_id}"')[1].split("</section>")[0]
            label = {
                "volume_per_day": "messages per day",
                "consumer_availability": "consumer availability",
                "consumers": "consumers",
            }[field]
            assert label in section.split("Pressure comes from:")[1].split(".")[0], (field, factor_id)


class TestTechnologyPages:
    def test_each_technology_appears_once_on_a_pattern_page_whatever_its_platforms(self, client: Client) -> None:
        page = client.get("/patterns/event-driven/").content.decode()
        rows = re.findall(r'<th scope="row"><a href="/limits/#limits-([a-z0-9_]+)">', page)
        assert len(rows) == len(set(rows))
        assert {"apache_kafka", "amazon_sns_fifo", "azure_event_hubs", "firebase_cloud_messaging"} <= set(rows)
        assert "amazon_sqs_standard" not in rows

    def test_the_queue_page_lists_queues_not_logs(self, client: Client) -> None:
        page = client.get("/patterns/message-queue/").content.decode()
        assert "Amazon SQS FIFO queue" in page
        assert "Amazon Kinesis Data Streams" not in page

    def test_the_limits_page_gives_every_figure_its_source_and_date(self, client: Client) -> None:
        page = client.get("/limits/").content.decode()
        assert "Amazon SQS FIFO queue" in page
        assert "Messages per ordered group" in page
        dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">', page)
        assert dates
        assert all(date <= READ_BY.isoformat() for date in dates)
        assert page.count('rel="noopener noreferrer"') == len(dates)

    def test_the_limits_page_says_which_delivery_each_technology_offers(self, client: Client) -> None:
        page = client.get("/limits/").content.decode()
        rows = dict(re.findall(r'id="limits-([a-z0-9_]+)".*?delivery: ([a-z ]+) ·', page, flags=re.S))
        assert rows["amazon_sqs_fifo"] == "at least once or exactly once"
        assert rows["amazon_sqs_standard"] == "at least once"
        assert rows["firebase_cloud_messaging"] == "at most once"


def test_pages_take_the_pattern_colours_from_the_catalog(client: Client) -> None:
    page = client.get("/").content.decode()
    for pattern in PATTERNS.values():
        assert f"--{pattern.slug}: {pattern.colour};" in page
    stylesheet = (Path(settings.BASE_DIR) / "static" / "css" / "advisor.css").read_text()
    assert not any(pattern.colour in stylesheet for pattern in PATTERNS.values())


def test_the_factors_page_says_each_sentence_once(client: Client) -> None:
    page = client.get("/factors/").content.decode()
    prose = " ".join(re.findall(r"<p>(.*?)</p>", re.sub(r"<(?!/?p>)[^>]+>", "", page), flags=re.S))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", prose) if len(s.strip()) > 20]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert repeated == set()


def test_the_landing_page_names_the_bulk_transfer_the_results_may_give(client: Client) -> None:
    """First-time user 9 of issue 23 read "Three patterns, usually combined", then a fourth outcome in the results."""
    page = client.get("/").content.decode()
    assert "A nightly file or a large batch fits none of the three: it is advised as a bulk transfer." in page
