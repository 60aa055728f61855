"""Architecture as code: the Mermaid landscape, AsyncAPI 3.0 documents and Backstage entities.

Each export is checked with its ecosystem's own tools: Mermaid renders every
diagram (mermaidx runs Mermaid itself), @asyncapi/parser and the official
schema from @asyncapi/specs read every AsyncAPI document, and
@backstage/catalog-model's schemas and policies read every catalog entity.
"""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import mermaidx
import pytest
import yaml
from django.test import Client

from advisor.assessments import store
from advisor.engine import parse_assessment, recommend
from advisor.engine.presets import USE_CASES
from advisor.reports.asyncapi import asyncapi_documents, asyncapi_yaml
from advisor.reports.backstage import catalog_entities, catalog_yaml
from advisor.reports.mermaid import label, landscape_mermaid
from advisor.reports.topology import Topology, topology
from tests.conftest import SHOP
from tests.reports import golden

ROOT = Path(__file__).resolve().parents[2]
NODE = ROOT / "tests" / "node"

# Two flows every broker carries: an ordered event several systems replay, and work for one
# consumer that has maintenance windows and peaks. Each (platform, existing broker) below brings
# a different technology, so every binding AsyncAPI defines for them is written and validated.
BROKERED_FLOWS = [
    {
        "name": "Order placed",
        "source": "Shop",
        "consumers": ["CRM", "Mail", "BI"],
        "interaction": "event",
        "ordering": "per_key",
        "replay": "yes",
    },
    {
        "name": "Pay invoice",
        "source": "ERP",
        "consumers": ["Bank"],
        "interaction": "command",
        "consumer_availability": "maintenance_windows",
        "peak_factor": 20,
    },
    {"name": "Price changed", "source": "ERP", "consumers": ["Shop", "Mail", "BI"], "interaction": "event"},
]
BROKER_SETTINGS = [
    ("any", "kafka"),
    ("aws", "sqs"),
    ("any", "pulsar"),
    ("any", "nats"),
    ("gcp", "pubsub"),
    ("azure", "service_bus"),
    ("kubernetes", "none"),
    ("gcp", "none"),
]
NASTY = '"]) --> x[("<script>alert(1)</script> #amp; | `code` & \\n'


def drawn(raw: dict[str, Any]) -> tuple[Topology, str]:
    assessment = parse_assessment(raw)
    return topology(assessment, recommend(assessment)), assessment.name


def preset(slug: str) -> tuple[Topology, str]:
    return drawn(USE_CASES[slug].assessment)


def broker_case(platform: str, broker: str) -> tuple[Topology, str]:
    raw = {
        "name": f"{platform} with {broker}",
        "landscape": {"systems": 6, "platform": platform, "existing_broker": broker},
        "flows": BROKERED_FLOWS,
    }
    return drawn(raw)


def nasty_case() -> tuple[Topology, str]:
    flows = [{**flow, "name": f"{flow['name']} {NASTY}"[:120]} for flow in BROKERED_FLOWS]
    flows[0]["source"] = f"Shop {NASTY}"[:80]
    return drawn({"name": NASTY, "flows": flows})


def all_cases() -> dict[str, tuple[Topology, str]]:
    cases = {slug: preset(slug) for slug in USE_CASES}
    cases |= {f"{platform}-{broker}": broker_case(platform, broker) for platform, broker in BROKER_SETTINGS}
    cases["nasty"] = nasty_case()
    return cases


def node(script: str, *paths: Path) -> dict[str, Any]:
    """What a validator under tests/node says about each file: its problems, none when it is valid."""
    finished = subprocess.run(
        ["node", str(NODE / script), *map(str, paths)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert finished.returncode == 0, finished.stderr
    problems: dict[str, Any] = json.loads(finished.stdout)
    return problems


@pytest.fixture(scope="module")
def cases() -> dict[str, tuple[Topology, str]]:
    return all_cases()


@pytest.fixture(scope="module")
def asyncapi_files(cases: dict[str, tuple[Topology, str]], tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("asyncapi")
    files = []
    for case, (landscape, name) in cases.items():
        for file_name, document in asyncapi_documents(landscape, name).items():
            path = folder / f"{case}--{file_name}"
            path.write_text(asyncapi_yaml(document), encoding="utf-8")
            files.append(path)
    return files


# Exports validated by their own tools: no database is read, so one pass runs them (Makefile).
@pytest.mark.postgres_pass
class TestMermaid:
    def test_every_exported_diagram_renders_with_mermaid(self, cases: dict[str, tuple[Topology, str]]) -> None:
        for case, (landscape, _) in cases.items():
            diagrams = [landscape_mermaid(landscape)]
            if case in USE_CASES:
                diagrams.append(landscape_mermaid(landscape.neighbourhood(landscape.systems[-1])))
            for diagram in diagrams:
                svg = mermaidx.render(diagram).svg()
                assert "<svg" in svg, case

    def test_a_broken_diagram_fails_to_render_so_the_check_means_something(self) -> None:
        with pytest.raises(RuntimeError, match="Parse error"):
            mermaidx.render('flowchart LR\n  s1["Shop" --> s2').svg()

    def test_names_stay_text_in_the_drawing(self) -> None:
        landscape, _ = nasty_case()
        diagram = landscape_mermaid(landscape)
        svg = mermaidx.render(diagram).svg()
        assert "<script" not in svg
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
        assert "#35;amp;" in diagram
        # Each label is one quoted string: nothing the user typed closes it.
        for line in diagram.splitlines():
            if "[" in line and line.strip().startswith("s"):
                assert line.count('"') == 2, line

    def test_a_label_escapes_what_would_end_it_or_become_markup(self) -> None:
        assert label('A "quoted" <b>name</b> & #1 | `x`') == (
            "A #34;quoted#34; #60;b#62;name#60;/b#62; #38; #35;1 #124; #96;x#96;"
        )
        assert label("two\nlines") == "two lines"

    def test_systems_are_nodes_brokers_their_own_nodes_and_flows_arrows_styled_by_pattern(self) -> None:
        landscape, _ = preset("crm-ecommerce")
        diagram = landscape_mermaid(landscape)
        assert 's1["Online shop"]' in diagram
        assert 'b1[("RabbitMQ (classic and quorum queues)")]' in diagram
        # The lookup is a direct call; the order goes through the broker to each of its three consumers.
        assert 's1 -->|"Customer lookup at checkout"| s2' in diagram
        assert 's1 -.->|"Order placed"| b1' in diagram
        assert diagram.count('b1 -.->|"Order placed"|') == 3
        # The nightly export is a bulk transfer: a thick arrow, in the bulk colour.
        assert 's2 ==>|"Nightly customer-segment export"| s1' in diagram
        assert "linkStyle 0 stroke:#1f6fb2" in diagram
        assert "linkStyle 1,2,3,4 stroke:#25763f" in diagram

    def test_a_neighbourhood_holds_only_the_flows_of_that_system(self) -> None:
        landscape, _ = preset("crm-ecommerce")
        near = landscape.neighbourhood("email service")
        assert [link.result.name for link in near.links] == ["Order placed"]
        assert near.systems == ("Online shop", "CRM", "Email service", "Analytics")


class TestMermaidDownload:
    pytestmark = pytest.mark.django_db

    def test_it_serves_the_landscape_as_a_mermaid_file(self, client: Client) -> None:
        assessment = store.create(parse_assessment(SHOP))
        response = client.get(f"/r/{assessment.view_token}/landscape.mmd")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/vnd.mermaid; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="shop-and-crm.mmd"'
        assert response.content.decode().startswith("flowchart LR\n")

    def test_it_draws_one_systems_neighbourhood_on_request(self, client: Client) -> None:
        assessment = store.create(parse_assessment(SHOP))
        text = client.get(f"/r/{assessment.view_token}/landscape.mmd?system=analytics").content.decode()
        assert "Order placed" in text
        assert "Customer lookup" not in text

    def test_the_decision_record_carries_the_same_diagram(self, client: Client) -> None:
        assessment = store.create(parse_assessment(SHOP))
        text = client.get(f"/r/{assessment.view_token}/adr.md").content.decode()
        block = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
        assert block == client.get(f"/r/{assessment.view_token}/landscape.mmd").content.decode()
        mermaidx.render(block).svg()

    def test_an_unknown_system_is_named_in_a_404(self, client: Client) -> None:
        assessment = store.create(parse_assessment(SHOP))
        response = client.get(f"/r/{assessment.view_token}/landscape.mmd?system=Nope")
        assert response.status_code == 404
        assert "system: no system of this assessment is called 'Nope'" in response.content.decode()


# Exports validated by their own tools: no database is read, so one pass runs them (Makefile).
@pytest.mark.postgres_pass
class TestAsyncApi:
    def test_every_document_passes_the_asyncapi_parser_and_the_official_schema(
        self, asyncapi_files: list[Path]
    ) -> None:
        problems = node("validate_asyncapi.cjs", *asyncapi_files)
        assert len(problems) == len(asyncapi_files)
        assert {name: found for name, found in problems.items() if found} == {}

    def test_the_documents_use_the_bindings_asyncapi_defines_for_the_chosen_brokers(
        self, asyncapi_files: list[Path]
    ) -> None:
        families: set[str] = set()
        for path in asyncapi_files:
            document = yaml.safe_load(path.read_text())
            for channel in document["channels"].values():
                families |= set(channel.get("bindings", {}))
        assert families >= {"amqp", "kafka", "sqs", "googlepubsub", "pulsar"}

    def test_the_validator_refuses_a_broken_document(self, tmp_path: Path) -> None:
        landscape, name = preset("loyalty-pos")
        document = asyncapi_documents(landscape, name)["point-of-sale-tills.yaml"]
        document["operations"]["sendPurchasesFromTheTills"]["action"] = "publish"
        document["channels"]["purchases-from-the-tills"]["bindings"]["amqp"]["is"] = "fanout"
        path = tmp_path / "broken.yaml"
        path.write_text(asyncapi_yaml(document))
        found = node("validate_asyncapi.cjs", path)[str(path)]
        assert any("action" in problem for problem in found)
        assert any("bindings.amqp" in problem for problem in found)

    def test_one_document_per_system_that_sends_or_receives_a_brokered_flow(self) -> None:
        landscape, name = preset("crm-ecommerce")
        # The lookup is a direct call and the nightly export a bulk transfer: only the order is brokered.
        assert list(asyncapi_documents(landscape, name)) == [
            "online-shop.yaml",
            "crm.yaml",
            "email-service.yaml",
            "analytics.yaml",
        ]

    def test_channels_and_messages_carry_the_same_names_in_every_document(self) -> None:
        landscape, name = preset("crm-ecommerce")
        documents = asyncapi_documents(landscape, name)
        shop, crm = documents["online-shop.yaml"], documents["crm.yaml"]
        assert list(shop["operations"]) == ["sendOrderPlaced"]
        assert list(crm["operations"]) == ["receiveOrderPlaced"]
        assert shop["operations"]["sendOrderPlaced"]["action"] == "send"
        assert crm["operations"]["receiveOrderPlaced"]["action"] == "receive"
        for document in (shop, crm):
            assert document["channels"]["order-placed"]["address"] == "order-placed"
            assert list(document["components"]["messages"]) == ["OrderPlaced"]

    def test_servers_come_from_the_recommended_technology(self) -> None:
        landscape, name = broker_case("any", "kafka")
        shop = asyncapi_documents(landscape, name)["shop.yaml"]
        assert shop["servers"]["apache-kafka"]["protocol"] == "kafka"
        assert shop["channels"]["order-placed"]["bindings"]["kafka"]["topic"] == "order-placed"
        # Ordered per key: the message says what its key is.
        assert "key" in shop["components"]["messages"]["OrderPlaced"]["bindings"]["kafka"]

    def test_messages_say_whether_they_are_events_or_commands_for_eventcatalog(self) -> None:
        landscape, name = broker_case("any", "kafka")
        documents = asyncapi_documents(landscape, name)
        assert documents["shop.yaml"]["components"]["messages"]["OrderPlaced"]["x-eventcatalog-message-type"] == "event"
        erp = documents["erp.yaml"]["components"]["messages"]
        assert erp["PayInvoice"]["x-eventcatalog-message-type"] == "command"

    def test_the_presets_exports_match_their_golden_files(self) -> None:
        for slug in USE_CASES:
            assert golden.exports(slug) == golden.recorded(slug), (
                f"{slug}: run make aac-golden after a deliberate change"
            )


class TestAsyncApiDownload:
    pytestmark = pytest.mark.django_db

    def test_the_zip_holds_one_yaml_document_per_application(self, client: Client) -> None:
        assessment = store.create(parse_assessment(SHOP))
        response = client.get(f"/r/{assessment.view_token}/asyncapi.zip")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            names = archive.namelist()
            shop = yaml.safe_load(archive.read("online-shop.yaml"))
        assert names == ["online-shop.yaml", "crm.yaml", "email-service.yaml", "analytics.yaml"]
        assert shop["asyncapi"] == "3.0.0"


class TestBackstage:
    def test_every_catalog_passes_backstages_entity_schemas_and_policies(
        self, cases: dict[str, tuple[Topology, str]], tmp_path: Path
    ) -> None:
        paths = []
        for case, (landscape, name) in cases.items():
            paths.append(tmp_path / f"{case}.yaml")
            paths[-1].write_text(catalog_yaml(catalog_entities(landscape, name, golden.SHARE_URL)))
        checked = node("validate_backstage.cjs", *paths)
        assert len(checked) == len(paths)
        for path in paths:
            assert checked[str(path)], path
            assert {entity: found for entity, found in checked[str(path)].items() if found} == {}, path

    def test_the_validator_refuses_a_broken_entity(self, tmp_path: Path) -> None:
        landscape, name = preset("crm-ecommerce")
        entities = catalog_entities(landscape, name, golden.SHARE_URL)
        entities[1]["metadata"]["name"] = "Online shop!"
        del entities[-1]["spec"]["owner"]
        path = tmp_path / "broken.yaml"
        path.write_text(catalog_yaml(entities))
        problems = node("validate_backstage.cjs", path)[str(path)]
        assert any("metadata.name" in p for p in problems["component:online shop!"])
        assert any("owner" in p for p in problems["resource:rabbitmq-classic-and-quorum-queues"])
        assert problems["api:order-placed"] == []

    def test_components_provide_and_consume_the_brokered_flows_as_apis(self) -> None:
        landscape, name = preset("crm-ecommerce")
        entities = {(e["kind"], e["metadata"]["name"]): e for e in catalog_entities(landscape, name, "u")}
        assert list(entities) == [
            ("System", "crm-e-commerce"),
            ("Component", "online-shop"),
            ("Component", "crm"),
            ("Component", "email-service"),
            ("Component", "analytics"),
            ("API", "order-placed"),
            ("Resource", "rabbitmq-classic-and-quorum-queues"),
        ]
        assert entities[("Component", "online-shop")]["spec"]["providesApis"] == ["api:order-placed"]
        assert entities[("Component", "crm")]["spec"]["consumesApis"] == ["api:order-placed"]
        assert entities[("Component", "crm")]["spec"]["dependsOn"] == ["resource:rabbitmq-classic-and-quorum-queues"]
        api = entities[("API", "order-placed")]["spec"]
        assert api["type"] == "asyncapi"
        assert api["definition"] == asyncapi_yaml(asyncapi_documents(landscape, name)["online-shop.yaml"])


class TestBackstageDownload:
    pytestmark = pytest.mark.django_db

    def test_it_serves_catalog_info_yaml(self, client: Client) -> None:
        assessment = store.create(parse_assessment(SHOP))
        response = client.get(f"/r/{assessment.view_token}/catalog-info.yaml")
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="catalog-info.yaml"'
        entities = list(yaml.safe_load_all(response.content))
        assert entities[0]["metadata"]["links"][0]["url"] == assessment.share_url
