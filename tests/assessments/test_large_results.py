"""The results page of an enterprise inventory: 500 flows among 200 systems, grouped, filtered and searched."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from advisor.assessments.large import DETAILED_MAX, LISTED_MAX
from advisor.assessments.models import Assessment
from advisor.engine.parse import MAX_FLOWS
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db

SYSTEMS = 200


def enterprise_flows(count: int) -> list[dict[str, Any]]:
    """`count` flows among SYSTEMS systems: flow n goes from system n to systems n+1 and n+7 (modulo)."""
    kinds = ("query", "command", "event")
    return [
        {
            "name": f"Flow {n:03d}",
            "source": f"System {n % SYSTEMS:03d}",
            "consumers": [f"System {(n + 1) % SYSTEMS:03d}", f"System {(n + 7) % SYSTEMS:03d}"],
            "interaction": kinds[n % 3],
            "latency": "immediate" if n % 3 == 0 else "seconds",
        }
        for n in range(count)
    ]


@pytest.fixture
def enterprise() -> Assessment:
    return make_assessment(
        name="Enterprise", landscape={"systems": SYSTEMS, "teams": "many"}, flows=enterprise_flows(500)
    )


def rows(page: str) -> list[str]:
    """The flow names of the grouped tables, in order."""
    return re.findall(r'<tr><th scope="row"><a href="[^"]*">(Flow \d{3})</a>', page)


def test_an_inventory_of_500_flows_among_200_systems_is_accepted_through_the_api(client: Client) -> None:
    body = {"landscape": {"systems": SYSTEMS}, "flows": enterprise_flows(MAX_FLOWS)}
    response = client.post("/api/v1/assessments", body, content_type="application/json")
    assert response.status_code == 201
    assert Assessment.objects.get().flow_count == 500


def test_the_page_groups_flows_by_the_system_that_sends_them(client: Client, enterprise: Assessment) -> None:
    page = client.get(enterprise.get_absolute_url()).content.decode()
    assert "500 flows among 200 systems, grouped by the system that sends them" in page
    # The first hundred flows are listed, by sender in alphabetical order: System 000 sends Flow 000 and Flow 200.
    listed = rows(page)
    assert len(listed) == LISTED_MAX
    assert listed[:2] == ["Flow 000", "Flow 200"]
    assert "narrow the filter to see the rest" in page
    # No flow is shown in full until a filter narrows them down.
    assert 'class="flow-result"' not in page


def test_a_system_filter_lists_what_it_sends_and_receives(client: Client, enterprise: Assessment) -> None:
    page = client.get(enterprise.get_absolute_url(), {"system": "system 010"}).content.decode()
    # System 010 sends flows 10, 210, 410 and receives from 9, 209, 409 (n+1) and 3, 203, 403 (n+7).
    assert sorted(rows(page)) == sorted(f"Flow {n:03d}" for n in (10, 210, 410, 9, 209, 409, 3, 203, 403))
    assert "9 of 500 flows match" in page
    assert page.count('class="flow-result"') == 9


def test_a_pattern_filter_and_a_search_narrow_together(client: Client, enterprise: Assessment) -> None:
    page = client.get(enterprise.get_absolute_url(), {"pattern": "point_to_point", "q": "flow 03"}).content.decode()
    # Queries (n divisible by 3) that wait are point-to-point; "Flow 03x" among them: 30, 33, 36, 39.
    assert sorted(rows(page)) == ["Flow 030", "Flow 033", "Flow 036", "Flow 039"]


def test_a_broad_filter_lists_without_showing_each_flow_in_full(client: Client, enterprise: Assessment) -> None:
    page = client.get(enterprise.get_absolute_url(), {"q": "Flow 1"}).content.decode()
    assert len(rows(page)) == LISTED_MAX
    assert 'class="flow-result"' not in page
    assert f"Filter to {DETAILED_MAX} flows or fewer to see each in full" in page


def test_the_diagram_draws_one_systems_neighbourhood(client: Client, enterprise: Assessment) -> None:
    page = client.get(enterprise.get_absolute_url(), {"system": "System 010"}).content.decode()
    assert "the diagram shows System 010 and the 9 flows it sends or receives" in page
    table = page.split("<caption>Flows between systems</caption>", 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == 1 + 9


def test_an_unknown_filter_value_is_ignored_not_an_error(client: Client, enterprise: Assessment) -> None:
    response = client.get(enterprise.get_absolute_url(), {"system": "Nope", "pattern": "carrier_pigeon"})
    assert response.status_code == 200
    assert len(rows(response.content.decode())) == LISTED_MAX


def test_typed_text_is_escaped_in_the_search_box(client: Client, enterprise: Assessment) -> None:
    page = client.get(enterprise.get_absolute_url(), {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in page
    assert "0 of 500 flows match" in page


def test_a_small_assessment_keeps_every_flow_in_full(client: Client) -> None:
    small = make_assessment()
    page = client.get(small.get_absolute_url()).content.decode()
    assert page.count('class="flow-result"') == 3
    assert 'class="flow-filter"' not in page


def test_a_large_landscape_keeps_the_count_of_flows_per_pattern(client: Client, enterprise: Assessment) -> None:
    page = client.get(enterprise.get_absolute_url()).content.decode()
    assert 'class="mix"' in page
    assert '<table class="verdicts">' not in page
    assert re.search(r'<span class="mix-count">\d+</span> flows?: <a href="/patterns/', page)
