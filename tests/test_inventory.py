"""Inventories in: YAML and CSV through the reader, the start page's import and both API endpoints."""

from __future__ import annotations

import json

import pytest
import yaml
from django.test import Client

from advisor.assessments.models import Assessment
from advisor.engine import InvalidAssessment, parse_assessment, recommend, recommendation_to_dict
from advisor.inventory import UnreadableInventory, kind_of, read_inventory
from tests.conftest import SHOP

CSV = """name,source,consumers,interaction,latency,volume,delivery,replay
Customer lookup at checkout,Online shop,CRM,query,immediate,"20,000",best_effort,no
Order placed,Online shop,CRM;Email service;Analytics,event,seconds,5000,,
Nightly customer-segment export,CRM,Online shop,command,hours,1,,
"""
YAML_LIST = """
- name: Customer lookup at checkout
  source: Online shop
  consumers: [CRM]
  interaction: query
  latency: immediate
  replay: no
- name: Order placed
  source: Online shop
  consumers: [CRM, Email service, Analytics]
  interaction: event
"""


class TestReader:
    def test_a_csv_inventory_reads_one_flow_per_row(self) -> None:
        assessment = read_inventory(CSV, "csv")
        assert [f.name for f in assessment.flows] == [
            "Customer lookup at checkout",
            "Order placed",
            "Nightly customer-segment export",
        ]
        assert assessment.flows[1].consumers == ("CRM", "Email service", "Analytics")
        assert assessment.flows[0].volume_per_day == 20000
        # An empty cell is an answer not given: the default, not an empty string.
        assert assessment.flows[1].delivery == "no_loss"

    def test_an_inventory_counts_the_systems_its_flows_name(self) -> None:
        assert read_inventory(CSV, "csv").landscape.systems == 4

    def test_yaml_no_is_the_answer_no_not_false(self) -> None:
        assert read_inventory(YAML_LIST, "yaml").flows[0].replay == "no"

    def test_a_csv_mistake_names_the_spreadsheet_row_and_the_column(self) -> None:
        broken = CSV.replace("query,immediate", "query,later").replace("5000", "lots")
        with pytest.raises(InvalidAssessment) as raised:
            read_inventory(broken, "csv")
        fields = [e.field for e in raised.value.errors]
        # The header is row 1: the first flow is row 2, the second row 3. The column keeps the header's name.
        assert fields == ["row 2, latency", "row 3, volume"]
        assert str(raised.value).startswith("row 2, latency: must be one of immediate, seconds")

    def test_a_yaml_list_mistake_names_the_item_as_the_row(self) -> None:
        with pytest.raises(InvalidAssessment) as raised:
            read_inventory(YAML_LIST.replace("interaction: event", "interaction: shout"), "yaml")
        assert [e.field for e in raised.value.errors] == ["row 2, interaction"]

    def test_an_unknown_column_is_named(self) -> None:
        with pytest.raises(UnreadableInventory, match="row 1: unknown column latencyy"):
            read_inventory("name,latencyy\nA,seconds\n", "csv")

    def test_yaml_aliases_are_refused(self) -> None:
        with pytest.raises(UnreadableInventory, match="alias"):
            read_inventory("- &a {name: A, interaction: event}\n- *a\n", "yaml")

    def test_broken_yaml_says_where(self) -> None:
        with pytest.raises(UnreadableInventory, match="line 2, column 1: found character"):
            read_inventory("flows:\n\t- name: A\n", "yaml")

    def test_yaml_and_json_of_one_assessment_give_the_same_recommendation(self) -> None:
        from_yaml = read_inventory(yaml.safe_dump(SHOP), "yaml")
        from_json = read_inventory(json.dumps(SHOP), "json")
        assert from_yaml == from_json == parse_assessment(SHOP)
        assert recommendation_to_dict(recommend(from_yaml)) == recommendation_to_dict(recommend(from_json))

    def test_the_kind_comes_from_the_name_the_media_type_or_the_first_line(self) -> None:
        assert kind_of("flows.CSV") == "csv"
        assert kind_of("flows.yml") == "yaml"
        assert kind_of(media_type="application/yaml") == "yaml"
        assert kind_of(text='  {"flows": []}') == "json"
        assert kind_of(text="name,source,consumers\nA,B,C\n") == "csv"
        assert kind_of(text="flows:\n- name: A\n") == "yaml"


@pytest.mark.django_db
class TestImportPage:
    def test_a_csv_file_becomes_an_assessment(self, client: Client) -> None:
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("inventory.csv", CSV.encode(), content_type="text/csv")
        response = client.post("/assess/", {"import": "1", "file": upload})
        assert response.status_code == 302
        assert Assessment.objects.get().flow_count == 3

    def test_a_pasted_yaml_inventory_with_a_mistake_is_refused_by_row_and_column(self, client: Client) -> None:
        pasted = YAML_LIST.replace("latency: immediate", "latency: soon")
        response = client.post("/assess/", {"import": "1", "json": pasted})
        assert response.status_code == 422
        page = response.content.decode()
        assert "row 1, latency" in page
        assert "latency: soon" in page  # what was pasted is kept
        assert not Assessment.objects.exists()

    def test_yaml_to_assessment_to_json_export_gives_the_same_recommendation(self, client: Client) -> None:
        client.post("/assess/", {"import": "1", "json": yaml.safe_dump(SHOP)})
        imported = Assessment.objects.get()
        exported = client.get(f"/r/{imported.view_token}/assessment.json").content
        again = client.post("/api/v1/recommendations", exported, content_type="application/json").json()
        assert again == imported.result == recommendation_to_dict(recommend(parse_assessment(SHOP)))


@pytest.mark.django_db
class TestApi:
    def test_recommendations_take_yaml(self, client: Client) -> None:
        response = client.post("/api/v1/recommendations", yaml.safe_dump(SHOP), content_type="application/yaml")
        assert response.status_code == 200
        assert response.json() == recommendation_to_dict(recommend(parse_assessment(SHOP)))

    def test_assessments_take_a_csv_inventory(self, client: Client) -> None:
        response = client.post("/api/v1/assessments", CSV, content_type="text/csv")
        assert response.status_code == 201
        assert Assessment.objects.get().flow_count == 3

    def test_an_inventory_mistake_is_a_problem_naming_row_and_column(self, client: Client) -> None:
        response = client.post(
            "/api/v1/recommendations", CSV.replace("query,immediate", "query,later"), content_type="text/csv"
        )
        assert response.status_code == 422
        assert response["Content-Type"] == "application/problem+json"
        assert [e["field"] for e in response.json()["errors"]] == ["row 2, latency"]

    def test_unreadable_yaml_is_a_400_naming_the_body(self, client: Client) -> None:
        response = client.post("/api/v1/assessments", "flows: [oops", content_type="application/yaml")
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "body"

    def test_a_form_post_is_still_refused(self, client: Client) -> None:
        response = client.post("/api/v1/recommendations", "a=b", content_type="text/plain")
        assert response.status_code == 415
        assert "application/yaml" in response["Accept-Post"]
