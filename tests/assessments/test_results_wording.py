"""The results page defines every number it shows and says its counts in agreeing sentences."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils.html import escape

from advisor.assessments import store
from advisor.engine import parse_assessment
from advisor.engine.glossary import TERMS
from tests.conftest import DOUBTS, make_assessment
from tests.e2e.retail import RETAIL

pytestmark = pytest.mark.django_db


def page_of(client: Client, **overrides: object) -> str:
    return client.get(make_assessment(**overrides).get_absolute_url()).content.decode()


class TestGlossary:
    def test_the_page_defines_score_margin_confidence_pressure_and_robustness_once(self, client: Client) -> None:
        page = page_of(client)
        for term in ("score", "margin", "confidence", "pressure", "robustness"):
            assert page.count(f'<dfn id="term-{term}">') == 1, term
        for term in TERMS:
            assert escape(term.definition) in page

    def test_each_flows_margin_and_confidence_link_to_their_definitions(self, client: Client) -> None:
        page = page_of(client)
        margins = re.findall(r'wins by <a href="#term-margin">(\d+ points?|less than 1 point)</a>', page)
        confidences = re.findall(r'<a href="#term-confidence"><strong>(high|medium|low)</strong> confidence</a>', page)
        # The nightly export is a bulk transfer: none of the three patterns wins it, so it has no margin.
        assert len(margins) == 2
        assert len(confidences) == 2

    def test_the_score_and_pressure_in_each_table_link_to_their_definitions(self, client: Client) -> None:
        page = page_of(client)
        assert page.count('<th scope="row"><a href="#term-score">Score</a></th>') == 3
        # Three flows' score tables and the profile table.
        assert page.count('<a href="#term-pressure">Pressure</a>') == 4

    def test_a_flow_with_unknown_answers_shows_its_robustness_linked_to_its_definition(self, client: Client) -> None:
        page = page_of(client, **DOUBTS)
        assert (
            'You were not sure about teams and delivery. Over their plausible answers (<a href="#term-robustness">'
            "robustness</a>), message queue wins in 67 % and point-to-point wins in 33 % of cases."
        ) in page

    def test_a_flow_with_every_answer_given_shows_no_robustness(self, client: Client) -> None:
        assert "Over their plausible answers" not in page_of(client)


class TestNumbersAndCounts:
    def test_the_pattern_per_flow_table_takes_the_place_of_the_count_per_pattern(self, client: Client) -> None:
        page = page_of(client)
        assert '<table class="verdicts">' in page
        assert 'class="mix"' not in page

    def test_the_headline_is_not_said_again_by_a_summary_that_adds_nothing(self, client: Client) -> None:
        flows = [
            {"name": f"Lookup {n}", "interaction": "query", "latency": "immediate", "consumers": ["CRM"]}
            for n in range(2)
        ]
        page = page_of(client, flows=flows)
        assert '<h2 id="headline">2 flows are point-to-point</h2>' in page
        # User 5 of issue 23 read the headline twice: the engine's "Both flows fit …" adds nothing to it.
        assert "Both flows fit point-to-point API calls." not in page

    def test_scores_and_contributions_are_whole_points_like_the_margin(self, client: Client) -> None:
        page = page_of(client)
        table = page.split("<caption>Contribution of each factor to each score, in points</caption>")[1]
        table = table.split("</table>")[0]
        cells = re.findall(r"<td>([^<]*)</td>", table)
        # Each row: the pressure (0 to 1, two decimals), then three scores or contributions in points.
        pressures, points = cells[0::4], [c for i, c in enumerate(cells) if i % 4]
        assert all(re.fullmatch(r"[01]\.\d\d", p) for p in pressures[:-1]), pressures
        assert all(re.fullmatch(r"-?\d+", p) for p in points), points


class TestDiagramTable:
    def test_a_bulk_transfer_reads_as_one_in_the_diagram_table(self, client: Client) -> None:
        """First-time user 8: the diagram's table called the nightly file "Message queue" (its weak-fit score)
        while its badge, the headline, the diagram and the PDF said bulk transfer."""
        page = page_of(client)
        table = page.split("<caption>Flows between systems</caption>")[1].split("</table>")[0]
        row = next(r for r in table.split("<tr>") if "Nightly customer-segment export" in r)
        assert "<td>Bulk transfer</td></tr>" in row, row


class TestBulkTransferWords:
    def test_a_bulk_transfers_verdict_and_score_caption_say_why_its_scores_do_not_compare_without_jargon(
        self, client: Client
    ) -> None:
        """First-time user 8 of issue 23 stopped at "weak-fit scores", a term the page never defines."""
        page = page_of(client)
        verdict = re.search(r'<p class="verdict"><strong>Bulk transfer \(batch\)</strong>: ([^<]*)</p>', page)
        assert verdict, page
        assert verdict[1] == (
            "none of the three patterns fits it, so their scores below do not compare with other flows' winners."
        )
        assert "weak-fit" not in page.lower()


class TestAnswersInTheFold:
    def test_a_size_reads_with_its_unit(self, client: Client) -> None:
        """First-time user 8 of issue 23 read "51,200" for a 50 MB file."""
        page = client.get(store.create(parse_assessment(RETAIL)).get_absolute_url()).content.decode()
        lists = re.findall(r'<ul class="flow-answers">(.*?)</ul>', page, re.S)
        export = lists[3]
        assert "<li>Message size: 50 MB</li>" in export, export
        assert "51,200" not in export, export


class TestVerdictsFirst:
    def test_each_flows_verdict_is_a_row_above_the_diagrams_linking_to_its_card(self, client: Client) -> None:
        """First-time user 9 of issue 23, on a phone, found the flow cards 2,800 px down, below the diagrams."""
        page = page_of(client)
        table = page.split('<table class="verdicts">')[1].split("</table>")[0]
        assert page.index('<table class="verdicts">') < page.index('id="diagrams"')
        rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
        cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in rows]
        assert [re.sub(r"<[^>]+>", "", c[0]) for c in cells] == [
            "Customer lookup at checkout",
            "Order placed",
            "Nightly customer-segment export",
        ]
        assert '<a href="#flow-0">' in cells[0][0]
        # As each card says it: "wins by 70 points, with high confidence".
        cards = re.findall(
            r'wins by <a href="#term-margin">(\d+) points?</a>, with <a href="#term-confidence"><strong>(\w+)</strong>',
            page,
        )
        assert [c[1:] for c in cells] == [
            ["Point-to-point", cards[0][1], cards[0][0]],
            ["Event-driven", cards[1][1], cards[1][0]],
            ["Bulk transfer", "low", "—"],
        ]
