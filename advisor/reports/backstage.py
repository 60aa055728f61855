"""The landscape as Backstage catalog entities: `catalog-info.yaml`.

One System for the assessment, a Component per system, an API of type
`asyncapi` per brokered flow (its definition is the producing application's
AsyncAPI document, the one `asyncapi.zip` holds), `providesApis` and
`consumesApis` between them, and a Resource per broker the components depend
on. Backstage needs an owner on each; the advisor does not know the teams, so
every entity names one placeholder group for the team to replace.
"""

from __future__ import annotations

from typing import Any, Final

import yaml

from .adr import escape
from .asyncapi import DUMPER, asyncapi_documents, asyncapi_yaml
from .topology import Topology, received_by, sent_by, slug, unique_keys

API_VERSION: Final = "backstage.io/v1alpha1"
OWNER: Final = "group:default/integration-architecture"
# Systems exist already; the brokered interfaces are what the recommendation proposes.
COMPONENT_LIFECYCLE: Final = "production"
API_LIFECYCLE: Final = "experimental"
HEADER: Final = (
    "# Backstage catalog entities made by the Integration Pattern Advisor.\n"
    f"# Replace the owner ({OWNER}) with the teams that own each entity.\n"
)


def catalog_entities(topology: Topology, assessment_name: str, share_url: str) -> list[dict[str, Any]]:
    system_name = slug(assessment_name)[:63].strip("-") or "integration-landscape"
    documents = asyncapi_documents(topology, assessment_name)
    brokered = [link for link in topology.links if link.brokered]
    component_names = dict(zip(topology.systems, unique_keys(topology.systems), strict=True))
    document_of = {
        system: asyncapi_yaml(documents[f"{key}.yaml"])
        for system, key in zip(
            [s for s in topology.systems if sent_by(brokered, s) or received_by(brokered, s)],
            [name.removesuffix(".yaml") for name in documents],
            strict=True,
        )
    }
    entities: list[dict[str, Any]] = [
        {
            "apiVersion": API_VERSION,
            "kind": "System",
            "metadata": {
                "name": system_name,
                "title": assessment_name,
                "description": f"The integration landscape of {escape(assessment_name)}: "
                f"{len(topology.systems)} systems, {len(topology.links)} flows.",
                "links": [{"url": share_url, "title": "Integration Pattern Advisor recommendation"}],
            },
            "spec": {"owner": OWNER},
        }
    ]
    for system in topology.systems:
        spec: dict[str, Any] = {
            "type": "service",
            "lifecycle": COMPONENT_LIFECYCLE,
            "owner": OWNER,
            "system": system_name,
        }
        sends, receives = sent_by(brokered, system), received_by(brokered, system)
        provides = [f"api:{link.key}" for link in sends]
        consumes = [f"api:{link.key}" for link in receives]
        brokers = {link.broker.key: None for link in [*sends, *receives] if link.broker}
        if provides:
            spec["providesApis"] = provides
        if consumes:
            spec["consumesApis"] = consumes
        if brokers:
            spec["dependsOn"] = [f"resource:{key}" for key in brokers]
        entities.append(
            {
                "apiVersion": API_VERSION,
                "kind": "Component",
                "metadata": {"name": component_names[system], "title": system},
                "spec": spec,
            }
        )
    for link in brokered:
        entities.append(
            {
                "apiVersion": API_VERSION,
                "kind": "API",
                "metadata": {
                    "name": link.key,
                    "title": link.result.name,
                    "description": f"{escape(link.source)} → {', '.join(escape(c) for c in link.consumers)}",
                    "tags": [link.result.pattern.replace("_", "-")],
                },
                "spec": {
                    "type": "asyncapi",
                    "lifecycle": API_LIFECYCLE,
                    "owner": OWNER,
                    "system": system_name,
                    "definition": document_of[link.source],
                },
            }
        )
    for broker in topology.brokers:
        entities.append(
            {
                "apiVersion": API_VERSION,
                "kind": "Resource",
                "metadata": {"name": broker.key, "title": broker.name},
                "spec": {"type": "message-broker", "owner": OWNER, "system": system_name},
            }
        )
    return entities


class _CatalogDumper(DUMPER):  # type: ignore[misc, valid-type]
    """Text of several lines (an API's definition) as a literal block, readable as the document it holds."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_CatalogDumper.add_representer(str, _text)


def catalog_yaml(entities: list[dict[str, Any]]) -> str:
    return HEADER + yaml.dump_all(
        entities, Dumper=_CatalogDumper, sort_keys=False, allow_unicode=True, width=100, explicit_start=True
    )
