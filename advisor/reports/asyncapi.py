"""The brokered flows as AsyncAPI 3.0: one document per system that sends or receives one.

AsyncAPI describes one application per document, so each system gets its own:
a `send` operation for each brokered flow it publishes, a `receive` operation
for each it consumes. Channels and messages carry the same names in every
document (the flow's key, and that key in PascalCase), so tools that read them
all see one channel per flow. Servers are the brokers the recommendation chose,
with the protocol bindings AsyncAPI defines for them (amqp, kafka, sqs, sns,
googlepubsub, pulsar, nats); a technology without a binding gets its server
and protocol only. Messages say `x-eventcatalog-message-type`, so EventCatalog's
AsyncAPI generator files each under events, commands or queries.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any, Final

import yaml

from advisor.engine.catalog import APPROACHES, EVENT_DRIVEN, PATTERNS

from .adr import escape
from .topology import Broker, Link, Topology, pascal, received_by, sent_by, unique_keys

ASYNCAPI_VERSION: Final = "3.0.0"
DOCUMENT_VERSION: Final = "1.0.0"
# EventCatalog's message kinds, from the flow's interaction.
MESSAGE_TYPES: Final = {"event": "event", "command": "command", "query": "query"}
# The archive's entries get this date: the same assessment gives the same bytes.
ZIP_DATE: Final = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class Server:
    protocol: str
    host: str
    binding: str = ""
    protocol_version: str = ""


# How each technology of the engine's capability table is reached. The host holds variables
# ({host}, {region}, ...) for the team to fill in: the advisor knows the service, not the address.
SERVERS: Final[dict[str, Server]] = {
    "amazon_sqs_standard": Server("sqs", "sqs.{region}.amazonaws.com", "sqs"),
    "amazon_sqs_fifo": Server("sqs", "sqs.{region}.amazonaws.com", "sqs"),
    "amazon_sns_standard": Server("sns", "sns.{region}.amazonaws.com", "sns"),
    "amazon_sns_fifo": Server("sns", "sns.{region}.amazonaws.com", "sns"),
    "amazon_eventbridge": Server("https", "events.{region}.amazonaws.com"),
    "amazon_kinesis_data_streams": Server("https", "kinesis.{region}.amazonaws.com"),
    "amazon_msk": Server("kafka-secure", "{host}:9098", "kafka"),
    "amazon_mq": Server("amqps", "{host}:5671", "amqp", "0.9.1"),
    "azure_service_bus_queues": Server("amqps", "{namespace}.servicebus.windows.net", "", "1.0"),
    "azure_service_bus_topics": Server("amqps", "{namespace}.servicebus.windows.net", "", "1.0"),
    "azure_event_grid": Server("https", "{namespace}.{region}-1.eventgrid.azure.net"),
    "azure_event_hubs": Server("kafka-secure", "{namespace}.servicebus.windows.net:9093", "kafka"),
    "azure_storage_queues": Server("https", "{account}.queue.core.windows.net"),
    "google_pubsub": Server("googlepubsub", "pubsub.googleapis.com", "googlepubsub"),
    "google_cloud_tasks": Server("https", "cloudtasks.googleapis.com"),
    "google_eventarc": Server("https", "eventarc.googleapis.com"),
    "google_managed_kafka": Server("kafka-secure", "{host}:9092", "kafka"),
    "rabbitmq_queues": Server("amqp", "{host}:5672", "amqp", "0.9.1"),
    "rabbitmq_streams": Server("amqp", "{host}:5672", "amqp", "0.9.1"),
    "apache_kafka": Server("kafka", "{host}:9092", "kafka"),
    "apache_pulsar": Server("pulsar", "{host}:6650", "pulsar"),
    "nats_core": Server("nats", "{host}:4222", "nats"),
    "nats_jetstream": Server("nats", "{host}:4222", "nats"),
}
VARIABLES: Final = {
    "host": ("broker.example.com", "the broker's host name"),
    "region": ("us-east-1", "the cloud region"),
    "namespace": ("example", "the namespace's name"),
    "account": ("example", "the storage account's name"),
}
_VARIABLE: Final = re.compile(r"{(\w+)}")
BINDING_VERSIONS: Final = {
    "amqp": "0.3.0",
    "kafka": "0.5.0",
    "sqs": "0.2.0",
    "sns": "0.1.0",
    "googlepubsub": "0.2.0",
    "pulsar": "0.1.0",
    "nats": "0.1.0",
}


def asyncapi_documents(topology: Topology, assessment_name: str) -> dict[str, dict[str, Any]]:
    """{file name: document} for each system that sends or receives a brokered flow."""
    brokered = [link for link in topology.links if link.brokered]
    systems = [s for s in topology.systems if sent_by(brokered, s) or received_by(brokered, s)]
    files = unique_keys(systems)
    return {
        f"{key}.yaml": _document(system, key, brokered, assessment_name)
        for system, key in zip(systems, files, strict=True)
    }


# libyaml's emitter when PyYAML was built with it: 500 flows' documents in a fraction of the time.
DUMPER: Final = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def asyncapi_yaml(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)


def asyncapi_zip(documents: dict[str, dict[str, Any]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, document in documents.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, asyncapi_yaml(document))
    return buffer.getvalue()


def _document(system: str, key: str, brokered: list[Link], assessment_name: str) -> dict[str, Any]:
    sends, receives = sent_by(brokered, system), received_by(brokered, system)
    links = list({link.key: link for link in [*sends, *receives]}.values())
    brokers = list({link.broker.key: link.broker for link in links if link.broker}.values())
    document: dict[str, Any] = {
        "asyncapi": ASYNCAPI_VERSION,
        "id": f"urn:integration-pattern-advisor:{key}",
        "info": {
            "title": system,
            "version": DOCUMENT_VERSION,
            "description": f"What {escape(system)} sends and receives through a broker in "
            f"“{escape(assessment_name)}”, as the Integration Pattern Advisor recommends it. "
            "Message payloads are placeholders: describe their fields here.",
        },
        "defaultContentType": "application/json",
    }
    servers = {b.key: _server(b, links) for b in brokers if b.capability in SERVERS}
    if servers:
        document["servers"] = servers
    document["channels"] = {link.key: _channel(link, servers) for link in links}
    operations: dict[str, Any] = {}
    for link in sends:
        operations[f"send{pascal(link.key)}"] = _operation(link, "send", system)
    for link in receives:
        operations[f"receive{pascal(link.key)}"] = _operation(link, "receive", system)
    document["operations"] = operations
    document["components"] = {"messages": {pascal(link.key): _message(link) for link in links}}
    return document


def _server(broker: Broker, links: list[Link]) -> dict[str, Any]:
    server = SERVERS[broker.capability]
    flows = ", ".join(f"“{escape(link.result.name)}”" for link in links if link.broker == broker)
    described: dict[str, Any] = {
        "host": server.host,
        "protocol": server.protocol,
    }
    if server.protocol_version:
        described["protocolVersion"] = server.protocol_version
    described["title"] = broker.name
    described["description"] = f"{escape(broker.name)}, recommended for {flows}. Set the address to yours."
    names = _VARIABLE.findall(server.host)
    if names:
        described["variables"] = {
            name: {"default": VARIABLES[name][0], "description": VARIABLES[name][1]} for name in names
        }
    return described


def _channel(link: Link, servers: dict[str, Any]) -> dict[str, Any]:
    name = pascal(link.key)
    channel: dict[str, Any] = {
        "address": link.key,
        "title": link.result.name,
        "description": _what(link),
        "messages": {name: {"$ref": f"#/components/messages/{name}"}},
    }
    if link.broker is not None and link.broker.key in servers:
        channel["servers"] = [{"$ref": f"#/servers/{link.broker.key}"}]
        bindings = _channel_bindings(link)
        if bindings:
            channel["bindings"] = bindings
    return channel


def _what(link: Link) -> str:
    result = link.result
    pattern = PATTERNS[result.pattern].name
    approach = APPROACHES[result.approach].name if result.approach in APPROACHES else pattern
    consumers = ", ".join(escape(c) for c in link.consumers)
    return (
        f"{escape(link.source)} → {consumers}. Recommended: {pattern}, applied as {approach.lower()}; "
        f"{result.confidence} confidence."
    )


def _binding_family(link: Link) -> str:
    broker = link.broker
    if broker is None or broker.capability not in SERVERS:
        return ""
    return SERVERS[broker.capability].binding


def _channel_bindings(link: Link) -> dict[str, Any]:
    family = _binding_family(link)
    flow, key = link.flow, link.key
    fan_out = link.result.pattern == EVENT_DRIVEN
    fifo = link.broker is not None and link.broker.capability.endswith("_fifo")
    binding: dict[str, Any]
    match family:
        case "amqp":
            if fan_out:
                binding = {
                    "is": "routingKey",
                    "exchange": {"name": key, "type": "topic", "durable": True, "autoDelete": False, "vhost": "/"},
                }
            else:
                binding = {
                    "is": "queue",
                    "queue": {"name": key, "durable": True, "exclusive": False, "autoDelete": False, "vhost": "/"},
                }
        case "kafka":
            binding = {"topic": key}
            sizing = _sizing(link)
            if sizing is not None and sizing.unit == "partition" and sizing.units >= 1:
                binding["partitions"] = sizing.units
        case "sqs":
            suffix = ".fifo" if fifo else ""
            binding = {
                "queue": {"name": f"{key}{suffix}", "fifoQueue": fifo},
                "deadLetterQueue": {"name": f"{key}-dlq{suffix}", "fifoQueue": fifo},
            }
        case "sns":
            binding = {"name": f"{key}.fifo" if fifo else key}
            if fifo:
                binding["ordering"] = {"type": "FIFO", "contentBasedDeduplication": False}
        case "googlepubsub":
            binding = {
                "messageRetentionDuration": "604800s" if flow.replay == "yes" else "86400s",
                "schemaSettings": {"encoding": "json", "name": f"projects/{{project}}/schemas/{key}"},
            }
        case "pulsar":
            binding = {"namespace": "default", "persistence": "non-persistent" if _best_effort(link) else "persistent"}
        case _:
            return {}
    binding["bindingVersion"] = BINDING_VERSIONS[family]
    return {family: binding}


def _best_effort(link: Link) -> bool:
    return link.flow.delivery == "best_effort"


def _sizing(link: Link) -> Any:
    broker = link.broker
    chosen = next((t for t in link.result.technologies if broker is not None and t.name == broker.name), None)
    return None if chosen is None else chosen.sizing


def _operation(link: Link, action: str, system: str) -> dict[str, Any]:
    name = pascal(link.key)
    result = link.result
    operation: dict[str, Any] = {
        "action": action,
        "channel": {"$ref": f"#/channels/{link.key}"},
        "title": f"{'Send' if action == 'send' else 'Receive'} {result.name}",
        "summary": _what(link),
        "messages": [{"$ref": f"#/channels/{link.key}/messages/{name}"}],
    }
    bindings = _operation_bindings(link, action, system)
    if bindings:
        operation["bindings"] = bindings
    return operation


def _operation_bindings(link: Link, action: str, system: str) -> dict[str, Any]:
    family = _binding_family(link)
    group = unique_keys([system])[0]
    match family:
        case "amqp" if action == "send":
            binding: dict[str, Any] = {"deliveryMode": 1 if _best_effort(link) else 2}
        case "amqp":
            binding = {"ack": not _best_effort(link)}
        case "kafka" if action == "receive":
            binding = {"groupId": {"type": "string", "enum": [group]}}
        case "nats" if action == "receive" and link.result.pattern != EVENT_DRIVEN:
            binding = {"queue": link.key[:255]}
        case _:
            return {}
    binding["bindingVersion"] = BINDING_VERSIONS[family]
    return {family: binding}


def _size(size: object) -> str:
    return f"Typical size {size:g} KB. " if isinstance(size, int | float) else ""


def _message(link: Link) -> dict[str, Any]:
    flow = link.flow
    message: dict[str, Any] = {
        "name": pascal(link.key),
        "title": link.result.name,
        "summary": f"{escape(flow.interaction.capitalize())} from {escape(link.source)}.",
        "contentType": "application/json",
        "payload": {"type": "object", "description": f"{_size(flow.message_size_kb)}Describe the fields here."},
        "x-eventcatalog-message-type": MESSAGE_TYPES.get(str(flow.interaction), "event"),
    }
    if flow.ordering == "per_key" and _binding_family(link) == "kafka":
        message["bindings"] = {
            "kafka": {
                "key": {"type": "string", "description": "The ordering key: messages with one key keep their order."},
                "bindingVersion": BINDING_VERSIONS["kafka"],
            }
        }
    return message
