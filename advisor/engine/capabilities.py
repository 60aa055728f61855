"""What each integration technology can do, and its limits, with the page each number was read from.

The technology advice selects from this table by the flow's requirements
(ordering, delivery, replay, message size, peak rate) and sizes the choice
from its per-unit throughput. Limits change: this table is the one place to
update them, and every number carries its source and the date it was read
(`as_of`), which the guide's limits page shows.

Vocabulary
- roles: "queue" (work for one consumer), "router" (publish/subscribe fan-out
  of discrete events), "log" (a retained, replayable stream), "gateway"
  (request/response in front of APIs), "push" (the last hop to phones and
  browser sessions), "bulk" (files and large payloads: batch, claim check),
  "device" (commands to machines over MQTT, held per device while it is
  offline), "cache" (the local copy a caller reads while its provider is away).
- platforms: the `platform` answers it runs on: "aws", "azure", "gcp",
  "kubernetes", "on_premises", "any".
- ordering: the strongest order it keeps: "none", "per_key" or "global".
- delivery: what it guarantees: "at_most_once", "at_least_once",
  "exactly_once" (within the service, e.g. transactions or FIFO
  deduplication).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str
    # ISO date on which the figure was read from the page.
    as_of: str


@dataclass(frozen=True, slots=True)
class Sourced:
    """A number and where it comes from."""

    value: float
    # "KB", "MB/s", "messages/s", "hours", "seconds", "units".
    unit: str
    source: Source
    # What the number counts, when the unit alone does not say ("writes per shard", "with batching").
    note: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """What a technology does or may not do, where no figure says it (who may subscribe, a licence)."""

    text: str
    source: Source
    # It tells how to keep order per key: beside a flow in global order it would split the one sequence.
    per_key: bool = False


@dataclass(frozen=True, slots=True)
class Tier:
    """A tier of a service, named by its vendor, with the ceilings that send a flow to a larger one."""

    name: str
    max_message: Sourced | None = None
    # The most units (throughput, processing or capacity units) one namespace or cluster can have.
    max_units: Sourced | None = None
    max_partitions: Sourced | None = None


@dataclass(frozen=True, slots=True)
class Capability:
    id: str
    # The product's own name, as its vendor writes it.
    name: str
    roles: tuple[str, ...]
    platforms: tuple[str, ...]
    # A vendor runs it (a managed service), or the team does.
    managed: bool
    # `existing_broker` answers that mean the team already runs it.
    broker_ids: tuple[str, ...]
    ordering: str
    # How order is kept, in the vendor's words: "message group ID", "partition key", "sessions".
    ordering_how: str
    delivery: tuple[str, ...]
    # Consumers can re-read messages they have already consumed.
    replay: bool
    # The longest a message can be kept, in hours; None when it is only bounded by storage.
    retention: Sourced | None
    # The largest message, in KB; None when no limit is documented.
    max_message: Sourced | None
    # What scales: "shard", "partition", "throughput unit", "queue", ...
    unit: str
    # Throughput of one unit: messages and megabytes written per second; None when not documented.
    unit_messages_per_second: Sourced | None
    unit_mb_per_second: Sourced | None
    # Throughput within one ordering key or group when order is kept; None when it is not limited apart.
    ordered_messages_per_second: Sourced | None
    # How long a caller may wait for an answer (gateways); None when not relevant.
    max_wait: Sourced | None
    # What the bill grows with: "per request", "per shard-hour", "per broker-hour", "servers you run".
    cost_shape: str
    good_at: str
    # Partitions, offsets and rebalancing: worth it only for a team at ease with asynchronous systems.
    needs_experience: bool
    # How much there is to run, smallest first: 0 serverless and paid per use, 1 provisioned units of a
    # managed service, 2 a managed cluster sized by the team, 3 servers the team runs.
    footprint: int = 0
    # The unit is a quota of the account or project (raised on request), not something one adds more of.
    unit_is_quota: bool = False
    # Other limits worth showing beside the advice (each with its own source).
    limits: tuple[Sourced, ...] = ()
    # Bytes within one ordering key or group when order is kept, for vendors that state it in MB/s
    # (a Pub/Sub ordering key, a Kinesis shard, a Kafka partition); None when not documented.
    ordered_mb_per_second: Sourced | None = None
    # A consumer group reads each partition with one consumer, so the partition count caps how many of a
    # group's consumers work at once (Kafka); None where consumers share a partition or scale by themselves.
    group_parallelism: Sourced | None = None
    # What one unit delivers to readers, shared by all of them: every consumer (a consumer group, an
    # application) reads every message, so reads grow with the consumers; None when reads are not limited apart.
    read_mb_per_second: Sourced | None = None
    read_messages_per_second: Sourced | None = None
    # Read throughput per unit that each registered consumer gets to itself (Kinesis enhanced fan-out).
    dedicated_read_mb_per_second: Sourced | None = None
    # The fewest brokers a cluster spreads its partitions over: a topic's load lands on no more brokers than
    # it has partitions, so partitions come in multiples of the brokers.
    brokers: Sourced | None = None
    # Messages per second a unit takes when each call carries one message (unit_messages_per_second assumes
    # batches); None when the unit's rate does not depend on batching.
    unbatched_messages_per_second: Sourced | None = None
    # How long it keeps retrying an HTTP/S endpoint that does not answer, in hours; None when it does not
    # push to HTTP endpoints.
    http_retry: Sourced | None = None
    # Partitions one unit's worth of throughput needs (Event Hubs: a partition carries one throughput unit).
    unit_partitions: Sourced | None = None
    # It exists to keep order (a FIFO topic): for an unordered flow its standard sibling does all it does.
    for_ordered_flows: bool = False
    # The tier its unit figures describe, and the larger tiers to name when that one cannot carry the flow.
    tier: Tier | None = None
    larger_tiers: tuple[Tier, ...] = ()
    # What it does or may not do where no figure says it.
    facts: tuple[Fact, ...] = ()
    # Where the vendor publishes no rate per unit, what the sizing assumes, in a sentence with its source: a self-run
    # broker is sized in practice (a queue per subscriber, a stream, replicas on nodes), a service by what bounds it.
    practice: Fact | None = None
    # The nodes a unit is replicated on (quorum queues, stream replicas): the cluster the sizing assumes.
    replicas: Sourced | None = None
    # Each subscriber reads from a unit of its own (a RabbitMQ queue per subscriber) rather than sharing one.
    unit_per_reader: bool = False
    # How it keeps order per key where its own order is that of one queue (RabbitMQ: queues filled by key).
    per_key_how: str = ""
    # Above this size the vendor's guidance is a claim check, though the service takes larger messages.
    claim_check_above: Sourced | None = None
    # The largest message it takes until a setting is raised (SNS: 256 KiB, up to max_message), and how to raise it
    # with what that costs, "{bytes}" standing for the size the flow needs.
    default_max_message: Sourced | None = None
    max_message_setting: str = ""
    raise_max_message: str = ""
    # The same quota where it is lower (Pub/Sub's publisher throughput in smaller Regions).
    lower_quota: Sourced | None = None
    # Throughput is counted in chunks of this size (Eventarc Advanced: 64 KB), a smaller event as a whole chunk.
    counted_in: Sourced | None = None
    # Messages received and not yet deleted, at most (SQS standard, which sets no rate).
    in_flight: Sourced | None = None
    # Write-equivalent throughput one vCPU takes, and the share of it to plan for (Google's Managed Kafka).
    vcpu_mb_per_second: Sourced | None = None
    vcpu_utilisation: Sourced | None = None
    # The fewest units a cluster has (Google's Managed Kafka: 3 vCPUs).
    fewest_units: Sourced | None = None
    # A router that keeps no messages for its subscribers, in words (SNS stores nothing; EventBridge holds an
    # event only while it retries), and the queue that keeps them instead: one per subscriber that must not
    # lose one, with a dead-letter queue (SNS → SQS fan-out).
    stores_nothing: str = ""
    subscriber_queue: str = ""
    # Where a subscriber's event it cannot process goes once its retries are spent, in words (review 11, R11-37: the
    # dead letters named are those of the technologies listed, not of the platform's other services).
    dead_letters: str = ""
    # Its quota is not adjustable (Eventarc Advanced's publish throughput): a peak past it is not carried at all.
    quota_fixed: bool = False
    # Offered only to a team that already runs the broker it is part of (RabbitMQ's MQTT plugin): to anyone else it
    # is a second broker to run.
    theirs_only: bool = False
    # It delivers at most once and keeps nothing (Core NATS): listed only for events a subscriber may miss.
    at_most_once: bool = False
    # A daily message quota per unit of the tier named in its note, counted in chunks of counted_in (IoT Hub S1).
    daily_quota: Sourced | None = None
    # Where the unit's rate counts operations, not messages written (Service Bus Standard's credits): what each
    # message costs besides its send, once on a queue and once per subscription on a topic.
    charged: tuple[str, ...] = ()
    # The most a quota of the project can be raised to, as a multiple of the default (FCM: up to +25 %); None where
    # the vendor sets no bound on a raise.
    quota_raise: Sourced | None = None
    # What each consumer reads through where no read limit is published (a Pulsar subscription): the sizing says
    # what all of them read out of the brokers beside what is written in.
    reader: str = ""
    # How long it keeps messages until a setting is raised (AWS IoT Core: a persistent session expires after 1 hour by
    # default, adjustable up to `retention`), and that setting's name.
    default_retention: Sourced | None = None
    retention_setting: str = ""
    # What to turn on before acknowledged messages can be replayed, where the default retention keeps only the
    # unacknowledged ones (Pub/Sub); "" where what is retained can be re-read as it is (a log).
    replay_setting: str = ""


# The date the stored pages were read, for pages that show no "last updated" date of their own.
READ_ON: Final = "2026-11-26"
# The date of the second reading, for the architect's second review (issue 20).
REREAD_ON: Final = "2026-12-07"


def _kb(value: float, source: Source, note: str = "") -> Sourced:
    return Sourced(value, "KB", source, note)


def _hours(value: float, source: Source, note: str = "") -> Sourced:
    return Sourced(value, "hours", source, note)


def _seconds(value: float, source: Source, note: str = "") -> Sourced:
    return Sourced(value, "seconds", source, note)


def _per_second(value: float, source: Source, note: str = "") -> Sourced:
    return Sourced(value, "messages/s", source, note)


def _mb_per_second(value: float, source: Source, note: str = "") -> Sourced:
    return Sourced(value, "MB/s", source, note)


# Sizes are in KB with 1 KB = 1024 bytes and 1 MB = 1024 KB, whether the vendor writes MB or MiB.
_MIB = 1024
_GIB = 1024 * _MIB
_TIB = 1024 * _GIB

# --- Amazon Web Services -----------------------------------------------------------------------

_SQS_MESSAGE_QUOTAS = Source(
    "Amazon SQS message quotas - Amazon Simple Queue Service",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html",
    READ_ON,
)
_SQS_MESSAGE_BODY = Source(
    "message body",
    "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/sqs/aws.sdk.kotlin.services.sqs.model/-send-message-request/message-body.html",
    READ_ON,
)
_SQS_FIFO_THROTTLING = Source(
    "Troubleshoot FIFO throttling issues in Amazon SQS - Amazon Simple Queue Service",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/troubleshooting-fifo-throttling-issues.html",
    READ_ON,
)
_SQS_FIFO_HIGH_THROUGHPUT = Source(
    "Announcing throughput increase and dead letter queue redrive support for Amazon SQS FIFO queues",
    "https://aws.amazon.com/blogs/aws/announcing-throughput-increase-and-dead-letter-queue-redrive-support-for-amazon-sqs-fifo-queues/",
    "2023-11-28",
)
_SERVERLESS_1MB = Source(
    "More room to build: serverless services now support payloads up to 1 MB",
    "https://aws.amazon.com/blogs/compute/more-room-to-build-serverless-services-now-support-payloads-up-to-1-mb",
    READ_ON,
)
# Re-read for the fourth review (theme 3): 262,144 bytes by default, 1,024 to 1,048,576 through MaximumMessageSize,
# and above 256 KiB at most 100 subscriptions, of Amazon Data Firehose, Amazon SQS and AWS Lambda only.
_SNS_LARGE_MESSAGES = Source(
    "Publishing large messages with Amazon SNS",
    "https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html",
    REREAD_ON,
)
_SNS_DEFAULT_MESSAGE = _kb(256, _SNS_LARGE_MESSAGES, "default MaximumMessageSize of every topic: 262,144 bytes")
_SNS_LARGE_SUBSCRIPTIONS = Sourced(
    100,
    "subscriptions per topic",
    _SNS_LARGE_MESSAGES,
    "when MaximumMessageSize is above 256 KiB (Firehose, SQS and Lambda only)",
)
# How to take messages above the default, and what it costs; {bytes} is the size the flow needs.
_SNS_RAISE = (
    "raise the topic's MaximumMessageSize to at least {bytes} bytes (it takes up to 1,048,576), which caps the topic "
    "at 100 subscriptions and lets only Amazon SQS, AWS Lambda and Amazon Data Firehose subscribe"
)
_SNS_RETRIES = Source(
    "Amazon SNS message delivery retries - Amazon Simple Notification Service",
    "https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html",
    READ_ON,
)
_SNS_FIFO_SCOPE = Source(
    "enum FifoThroughputScope",
    "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_sns.FifoThroughputScope.html",
    READ_ON,
)
_SNS_FIFO_ARCHIVE = Source(
    "fifo message archiving replay",
    "https://docs.amazonaws.cn/en_us/sns/latest/dg/fifo-message-archiving-replay.md",
    READ_ON,
)
_EVENTBRIDGE_QUOTAS = Source(
    "Amazon EventBridge quotas - Amazon EventBridge",
    "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html",
    READ_ON,
)
_EVENTBRIDGE_RETRIES = Source(
    "How EventBridge retries delivering events - Amazon EventBridge",
    "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html",
    READ_ON,
)
_KINESIS_STREAMS = Source(
    "Create and manage Kinesis data streams - Amazon Kinesis Data Streams",
    "https://docs.aws.amazon.com/streams/latest/dev/working-with-streams.html",
    READ_ON,
)
_KINESIS_RETENTION = Source(
    "Change the data retention period - Amazon Kinesis Data Streams",
    "https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention",
    READ_ON,
)
_KINESIS_LARGE_RECORDS = Source(
    "Handle large records - Amazon Kinesis Data Streams",
    "https://docs.aws.amazon.com/streams/latest/dev/large-records.html",
    READ_ON,
)
_KINESIS_QUOTAS = Source(
    "Quotas and limits - Amazon Kinesis Data Streams",
    "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html",
    READ_ON,
)
_MSK_QUOTA = Source(
    "Amazon MSK quota",
    "https://github.com/awsdocs/amazon-msk-developer-guide/blob/11a4ac0d2a6ef0c24420dfd7233a76ffda2dd94d/doc_source/limits.md",
    READ_ON,
)
_MSK_BEST_PRACTICES = Source(
    "Best practices for Standard brokers - Amazon Managed Streaming for Apache Kafka",
    "https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html",
    READ_ON,
)
_KINESIS_READS = Source(
    "Read data from Amazon Kinesis Data Streams (building-consumers)",
    "https://github.com/awsdocs/amazon-kinesis-data-streams-developer-guide/blob/master/doc_source/building-consumers.md",
    REREAD_ON,
)
_KINESIS_ENHANCED_FAN_OUT = Source(
    "Develop enhanced fan-out consumers with dedicated throughput - Amazon Kinesis Data Streams",
    "https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html",
    REREAD_ON,
)
_MSK_DEFAULT_CONFIGURATION = Source(
    "Default Amazon MSK configuration - Amazon Managed Streaming for Apache Kafka",
    "https://docs.aws.amazon.com/msk/latest/developerguide/msk-default-configuration.html",
    REREAD_ON,
)
_MSK_CREATE_CLUSTER = Source(
    "Create an MSK Provisioned cluster - Amazon Managed Streaming for Apache Kafka",
    "https://docs.amazonaws.cn/en_us/msk/latest/developerguide/msk-create-cluster.html",
    REREAD_ON,
)
_SNS_FIFO_DELIVERY = Source(
    "Message delivery for FIFO topics - Amazon Simple Notification Service",
    "https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html",
    REREAD_ON,
)
_EVENTBRIDGE_API_DESTINATIONS = Source(
    "API destinations as targets in Amazon EventBridge - Amazon EventBridge",
    "https://docs.aws.amazon.com/eventbridge/latest/userguide/api-destinations.html",
    REREAD_ON,
)
_MQ_RABBITMQ_SIZING = Source(
    "Amazon MQ for RabbitMQ sizing guidelines",
    "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-sizing-guidelines.html",
    READ_ON,
)
_MQ_QUOTAS = Source(
    "amazon mq limits",
    "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/amazon-mq-limits.md",
    READ_ON,
)
_API_GATEWAY_TIMEOUT = Source(
    "Amazon API Gateway integration timeout limit increase beyond 29 seconds",
    "https://aws.amazon.com/about-aws/whats-new/2024/06/amazon-api-gateway-integration-timeout-limit-29-seconds/",
    "2024-06-04",
)
_API_GATEWAY_QUOTAS = Source(
    "Amazon API Gateway quotas",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html",
    "2026-12-07",
)
_API_GATEWAY_HTTP_QUOTAS = Source(
    "Quotas for configuring and running an HTTP API in API Gateway",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html",
    READ_ON,
)
_API_GATEWAY_WEBSOCKET_QUOTAS = Source(
    "Quotas for configuring and running a WebSocket in API Gateway",
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html",
    READ_ON,
)
_APPSYNC_MONITORING = Source(
    "CloudWatch を使用した GraphQL API データのモニタリングとログ - AWS AppSync GraphQL",
    "https://docs.aws.amazon.com/ja_jp/appsync/latest/devguide/monitoring.html",
    READ_ON,
)
_S3_OBJECTS = Source(
    "Amazon S3 objects overview",
    "https://docs.amazonaws.cn/en_us/AmazonS3/latest/userguide/UsingObjects.md",
    READ_ON,
)
_TRANSFER_FAMILY_CLIENTS = Source(
    "Transferring files over a server endpoint using a client - AWS Transfer Family",
    "https://docs.aws.amazon.com/transfer/latest/userguide/transfer-file.html",
    REREAD_ON,
)
_S3_PREFIX_RATES = Source(
    "s3 object key naming pattern",
    "https://aws.amazon.com/premiumsupport/knowledge-center/s3-object-key-naming-pattern/",
    READ_ON,
)
_S3_GET_RATE = Source(
    "Reduce throttling at the service level",
    "https://docs.aws.amazon.com/athena/latest/ug/performance-tuning-s3-throttling-reduce-throttling-at-the-service-level.html",
    READ_ON,
)

_SQS_STANDARD_QUOTAS = Source(
    "Amazon SQS standard queue quotas - Amazon Simple Queue Service",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html",
    REREAD_ON,
)
_SNS_THROTTLING = Source(
    "Troubleshoot ThrottlingException and Rate exceeded errors in Amazon SNS (AWS re:Post Knowledge Center)",
    "https://repost.aws/knowledge-center/sns-throttling-exception-errors",
    REREAD_ON,
)
_MQ_QUORUM_QUEUES = Source(
    "Best practices for quorum queues for Amazon MQ for RabbitMQ - Amazon MQ",
    "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/quorum-queues-best-practices.html",
    REREAD_ON,
)

# --- Microsoft Azure ---------------------------------------------------------------------------

_SERVICE_BUS_QUOTAS = Source(
    "Microsoft Azure Service Bus quotas and limits",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/service-bus-messaging/service-bus-quotas.md",
    "2023-12-07",
)
_SERVICE_BUS_THROTTLING = Source(
    "Azure Service Bus throttling",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/service-bus-messaging/service-bus-throttling.md",
    "2024-03-19",
)
_SERVICE_BUS_DEDUP_PAGE = Source(
    "QueueProperties.DuplicateDetectionHistoryTimeWindow Property",
    "https://learn.microsoft.com/en-us/dotnet/api/azure.messaging.servicebus.administration.queueproperties"
    ".duplicatedetectionhistorytimewindow?view=azure-dotnet-preview",
    READ_ON,
)
_EVENT_GRID_LIMITS = Source(
    "Event Grid limits (include file)",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/event-grid/includes/limits.md",
    "2022-09-07",
)
_EVENT_GRID_NAMESPACE_DELIVERY = Source(
    "Message push delivery and retry with namespace topics",
    "https://learn.microsoft.com/en-us/azure/event-grid/namespace-delivery-retry",
    READ_ON,
)
_EVENT_HUBS_SCALABILITY = Source(
    "Scalability - Azure Event Hubs | Microsoft Docs",
    "https://github.com/Microsoft/azure-docs/blob/master/articles/event-hubs/event-hubs-scalability.md",
    "2023-11-23",
)
_EVENT_HUBS_QUOTAS = Source(
    "Azure Event Hubs Quotas and Limits Overview",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/event-hubs/event-hubs-quotas.md",
    "2026-02-05",
)
_EVENT_HUBS_PARTITIONS = Source(
    "Event Hubs partitions (include file)",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/event-hubs-partitions.md",
    "2021-03-15",
)
_QUEUE_STORAGE_TARGETS = Source(
    "Scalability and performance targets for Queue Storage",
    "https://learn.microsoft.com/azure/storage/queues/scalability-targets",
    READ_ON,
)
_WEB_PUBSUB_LIMITS = Source(
    "Azure Web PubSub limits table",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/azure-web-pubsub-limits.md",
    "2023-12-20",
)
_SIGNALR_LIMITS = Source(
    "Azure SignalR Service limits table",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/includes/signalr-service-limits.md",
    "2023-12-20",
)
_APIM_FORWARD_REQUEST = Source(
    "Forward request",
    "https://learn.microsoft.com/en-US/Azure/api-management/forward-request-policy",
    READ_ON,
)
_BLOB_SFTP_ACCESS = Source(
    "Authorize access to Azure Blob Storage for an SFTP client",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/storage/blobs/secure-file-transfer-protocol-support-authorize-access.md",
    "2024-04-30",
)
_BLOB_SCALE_TARGETS = Source(
    "storage blob scale targets",
    "https://raw.githubusercontent.com/MicrosoftDocs/azure-docs/main/includes/storage-blob-scale-targets.md",
    "2026-05-18",
)

_SERVICE_BUS_PREMIUM = Source(
    "Service Bus premium messaging tier",
    "https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-premium-messaging",
    REREAD_ON,
)
_SERVICE_BUS_LARGE_MESSAGES = Source(
    "Azure Service Bus Premium: Large Message Support Generally Available (Messaging on Azure blog)",
    "https://techcommunity.microsoft.com/t5/messaging-on-azure-blog/azure-service-bus-premium-large-message-support-generally/ba-p/2900186",
    "2021-11-02",
)

# --- Google Cloud ------------------------------------------------------------------------------

_PUBSUB_QUOTAS_REGIONS = Source("Quotas and limits", "https://cloud.google.com/pubsub/quotas", READ_ON)
_PUBSUB_RETENTION = Source(
    "Subscription properties: message retention duration",
    "https://docs.cloud.google.com/pubsub/docs/subscription-properties",
    REREAD_ON,
)
_PUBSUB_REPLAY = Source(
    "Replay and purge messages with seek", "https://cloud.google.com/pubsub/docs/replay-overview", REREAD_ON
)
_PUBSUB_SEEK = Source(
    "Replay and purge messages with seek", "https://cloud.google.com/pubsub/docs/replay-overview", READ_ON
)
# Google's comparison table: task and message sizes, handler deadlines, one handler per task.
_TASKS_OR_PUBSUB = Source(
    "Choose Cloud Tasks or Pub/Sub - Google Cloud",
    "https://cloud.google.com/tasks/docs/comp-pub-sub",
    "2026-12-06",
)
_EVENTARC_QUOTAS = Source("Quotas and limits", "https://cloud.google.com/eventarc/docs/quotas", READ_ON)
_EVENTARC_STANDARD_QUOTAS = Source("Quotas and limits", "https://cloud.google.com/eventarc/docs/run/quotas", READ_ON)
_MANAGED_KAFKA_SIZING = Source(
    "Plan the size of your Managed Service for Apache Kafka cluster",
    "https://cloud.google.com/managed-service-for-apache-kafka/docs/plan-cluster-size",
    READ_ON,
)
_GOOGLE_API_GATEWAY_QUOTAS = Source("Quotas and limits", "https://cloud.google.com/api-gateway/docs/quotas", READ_ON)
# API Gateway and Cloud Endpoints run Google's Extensible Service Proxy V2; its default backend deadline is a
# constant of its source, which Google's "OpenAPI extensions" page lets `x-google-backend: deadline` raise.
_GOOGLE_API_GATEWAY_TIMEOUT = Source(
    "esp-v2/src/go/util/util.go: DefaultResponseDeadline (Google's Extensible Service Proxy V2)",
    "https://github.com/GoogleCloudPlatform/esp-v2/blob/defb543406be105d2bcf1c08f55015ab4d221f85/src/go/util/util.go",
    REREAD_ON,
)
_CLOUD_STORAGE_QUOTAS = Source("Quotas & limits", "https://cloud.google.com/storage/quotas", READ_ON)
_PUBSUB_ORDERING = Source("Order messages (Pub/Sub)", "https://docs.cloud.google.com/pubsub/docs/ordering", REREAD_ON)

# --- Self-run ----------------------------------------------------------------------------------

_RABBITMQ_DEFAULT_MESSAGE_SIZE = Source(
    "Conflicting information on what the default max_message_size is",
    "https://github.com/rabbitmq/rabbitmq-website/issues/2537",
    "2026-06-10",
)
_RABBITMQ_HARD_CAP = Source(
    "Is the message body size limited? How many bytes is the maximum limit?",
    "https://github.com/rabbitmq/rabbitmq-server/issues/2054",
    "2019-07-04",
)
_RABBITMQ_STREAM_FRAME = Source(
    "fix(network): bump default frame max to 20 MiB",
    "https://github.com/rabbitmq/rabbitmq-stream-java-client/pull/1052",
    "2026-08-06",
)
_RABBITMQ_MODULUS_HASH = Source(
    "Modulus Hash Exchange (RabbitMQ 4.3 documentation)",
    "https://www.rabbitmq.com/docs/modulus-hash-exchange",
    REREAD_ON,
)
_RABBITMQ_SHARDING = Source(
    "rabbitmq-sharding: sharded queues for RabbitMQ (README)",
    "https://github.com/rabbitmq/rabbitmq-sharding",
    REREAD_ON,
)
_RABBITMQ_CLUSTERING = Source(
    "Clustering Guide (RabbitMQ 4.0 documentation)", "https://rabbitmq.com/docs/4.0/clustering", REREAD_ON
)
_NATS_JETSTREAM = Source("JetStream (NATS documentation)", "https://docs.nats.io/nats-concepts/jetstream", REREAD_ON)
_CORE_NATS = Source("Core NATS (NATS documentation)", "https://docs.nats.io/nats-concepts/core-nats", "2026-12-07")
_PULSAR_PARTITIONED_TOPICS = Source(
    "Partitioned topics (Apache Pulsar 2.5.1 documentation)",
    "https://pulsar.apache.org/docs/2.5.1/cookbooks-partitioned",
    REREAD_ON,
)
# Read for the fifth review (theme 5): the only per-partition figure a Pulsar vendor publishes, DataStax's guardrail on
# its shared Astra Streaming clusters, for producers and for subscriptions, per topic or per partition.
_ASTRA_STREAMING_LIMITS = Source(
    "Astra Streaming limits (DataStax)",
    "https://docs.datastax.com/en/astra-streaming/operations/astream-limits.html",
    REREAD_ON,
)
_PULSAR_PARTITION_NOTE = (
    "per partition: DataStax's guardrail for a partition of a topic on its shared Astra Streaming (Pulsar) clusters, "
    "for producers and for each subscription; a cluster you run sets its own, so measure it"
)
_KAFKA_MAX_MESSAGE = Source(
    "KAFKA-4203: Align broker default for max.message.bytes with Java producer default #4154",
    "https://github.com/apache/kafka/pull/4154",
    "2017-10-28",
)
_CONFLUENT_PITFALLS = Source(
    "5 Common Pitfalls When Using Apache Kafka",
    "https://www.confluent.io/en-gb/blog/5-common-pitfalls-when-using-apache-kafka/",
    READ_ON,
)
_PULSAR_MESSAGE_SIZE = Source(
    "PIP-36: Support set message size in broker.conf #4247", "https://github.com/apache/pulsar/pull/4247", READ_ON
)
_NATS_CONSTANTS = Source(
    "nats-server/server/const.go",
    "https://github.com/nats-io/nats-server/blob/cf433ae0077a9aab7deb94adc423741079f4a1f8/server/const.go",
    READ_ON,
)
_NGINX_PROXY_TIMEOUTS = Source(
    'nixos/nginx: set "recommended" proxy timeouts to 60s #118443',
    "https://github.com/NixOS/nixpkgs/pull/118443",
    READ_ON,
)
_SFTP_MANUAL = Source(
    "sftp(1): OpenSSH secure file transfer program (NetBSD manual page)",
    "https://man.netbsd.org/NetBSD-5.0/sftp.1",
    REREAD_ON,
)
_CEPH_S3_LIMITS = Source(
    "Chapter 3. Ceph Object Gateway and the S3 API (Red Hat Ceph Storage 9 Developer Guide)",
    "https://docs.redhat.com/en/documentation/red_hat_ceph_storage/9/html/developer_guide/ceph-object-gateway-and-the-s3-api",
    REREAD_ON,
)
# The README of MinIO's upstream repository as a Go module of it publishes it: AGPL-3.0, no longer maintained.
_MINIO_README = Source(
    'minio: README ("THIS REPOSITORY IS NO LONGER MAINTAINED"), License: AGPL-3.0',
    "https://pkg.go.dev/github.com/SimpleDataLabsInc/minio",
    "2026-06-02",
)
_MDN_EVENTSOURCE = Source("EventSource", "https://developer.mozilla.org/en-US/docs/web/api/eventsource", READ_ON)

# --- Device push -------------------------------------------------------------------------------

_FCM_QUOTAS = Source(
    "Throttling and quotas (Firebase Cloud Messaging)",
    "https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas",
    READ_ON,
)
# Read for the fifth review (theme 2): a quota increase may be requested for up to +25 %, and only by a project whose
# usage is regularly at 80 % of its quota.
_FCM_QUOTA_INCREASE = Source(
    "FCM Throttling and Quotas: Request a quota increase",
    "https://firebase.google.com/docs/cloud-messaging/throttling-and-quotas",
    REREAD_ON,
)
_FCM_PAYLOAD = Source("Firebase Cloud Messaging", "https://firebase.google.com/docs/cloud-messaging", "2026-12-05")
_APNS_PAYLOAD = Source(
    "Creating the Remote Notification Payload (Local and Remote Notification Programming Guide, archived)",
    "https://developer.apple.com/legacy/library/documentation/NetworkingInternet/Conceptual/RemoteNotificationsPG/"
    "CreatingtheNotificationPayload.html",
    "2026-12-05",
)
_APNS_COALESCING = Source(
    "Only the last notification is being delivered (Apple Developer Forums, answered by Apple DTS)",
    "https://developer.apple.com/forums/thread/775455",
    "2026-12-05",
)

# --- Machines (IoT), caches and bulk loads (read 2026-12-07, the architect's second review) ------------

_IOT_HUB_QUOTAS = Source(
    "IoT Hub quotas and throttling",
    "https://learn.microsoft.com/en-us/azure/iot-hub/iot-hub-devguide-quotas-throttling",
    REREAD_ON,
)
_IOT_HUB_C2D = Source(
    "Understand cloud-to-device messaging from an IoT hub",
    "https://learn.microsoft.com/en-us/azure/iot-hub/iot-hub-devguide-messages-c2d",
    REREAD_ON,
)
_IOT_HUB_SCALING = Source(
    "Choose the right IoT Hub tier and size for your solution",
    "https://learn.microsoft.com/en-us/azure/iot-hub/iot-hub-scaling",
    REREAD_ON,
)
_IOT_CORE_QUOTAS = Source(
    "AWS IoT Core endpoints and quotas", "https://docs.aws.amazon.com/general/latest/gr/iot-core.html", REREAD_ON
)
_IOT_CORE_SESSION_EXPIRY = Sourced(
    1,
    "hour",
    _IOT_CORE_QUOTAS,
    "persistent session expiry period by default: queued messages are discarded after it",
)
_IOT_LENS_RELIABILITY = Source(
    "AWS IoT Lens: workload architecture (IOTREL05-BP01-02, MQTT persistent sessions)",
    "https://docs.aws.amazon.com/wellarchitected/latest/iot-lens/workload-architecture.html",
    REREAD_ON,
)
_GOOGLE_IOT_CORE_RETIRED = Source(
    "Google.Cloud.Iot.V1 (Cloud IoT API client library)",
    "https://cloud.google.com/dotnet/docs/reference/Google.Cloud.Iot.V1/latest",
    REREAD_ON,
)
_MQTT_5 = Source(
    "MQTT Version 5.0 (OASIS Standard), 1.5.5 Variable Byte Integer",
    "https://docs.oasis-open.org/mqtt/mqtt/v5.0/mqtt-v5.0.html",
    REREAD_ON,
)
_RABBITMQ_MQTT = Source("MQTT Plugin (RabbitMQ documentation)", "https://www.rabbitmq.com/docs/mqtt", "2026-12-07")
_EMQX_MQUEUE = Source(
    "In-flight and Message Queue (EMQX documentation)",
    "https://docs.emqx.com/en/emqx/latest/design/inflight-window-and-message-queue.html",
    REREAD_ON,
)
_ELASTICACHE = Source(
    "What is Amazon ElastiCache?", "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/WhatIs.html", REREAD_ON
)
_AZURE_REDIS_RETIREMENT = Source(
    "Azure Cache for Redis retirement: what to know",
    "https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/retirement-faq",
    REREAD_ON,
)
_MEMORYSTORE_VALKEY = Source(
    "Memorystore for Valkey overview",
    "https://cloud.google.com/memorystore/docs/valkey/product-overview",
    REREAD_ON,
)
_VALKEY_README = Source("valkey-io/valkey: README", "https://github.com/valkey-io/valkey", REREAD_ON)
_GLUE_ETL = Source(
    "Running ETL jobs on Amazon S3 tables with AWS Glue",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-tables-integrating-glue.html",
    REREAD_ON,
)
_DATA_FACTORY = Source(
    "Azure Data Factory documentation", "https://learn.microsoft.com/en-us/azure/data-factory/", REREAD_ON
)
_BIGQUERY_LOAD_JOBS = Source(
    "Optimize load jobs (BigQuery)", "https://docs.cloud.google.com/bigquery/docs/optimize-load-jobs", REREAD_ON
)

AWS: Final = ("aws",)
AZURE: Final = ("azure",)
GCP: Final = ("gcp",)
SELF_RUN: Final = ("kubernetes", "on_premises", "any")
EVERYWHERE: Final = ("aws", "azure", "gcp", "kubernetes", "on_premises", "any")

_SQS_RETENTION = _hours(
    336, _SQS_MESSAGE_QUOTAS, "MessageRetentionPeriod: 1,209,600 seconds (14 days); 4 days by default"
)
_SQS_DEFAULT_RETENTION = Sourced(4, "day", _SQS_MESSAGE_QUOTAS, "MessageRetentionPeriod by default")
_SQS_MAX_MESSAGE = _kb(_MIB, _SQS_MESSAGE_BODY, "1 MiB (1,048,576 bytes), raised from 256 KiB in 2025")
_KINESIS_SHARD_RECORDS = _per_second(1000, _KINESIS_STREAMS, "records written per shard")
_KINESIS_SHARD_MB = _mb_per_second(1, _KINESIS_STREAMS, "written per shard; reads 2 MB/s")
_SERVICE_BUS_MAX_MESSAGE = _kb(
    100 * _MIB, _SERVICE_BUS_QUOTAS, "100 MB on the Premium tier, properties included; 256 KB on Standard"
)
_SERVICE_BUS_STANDARD_MESSAGE = _kb(256, _SERVICE_BUS_QUOTAS, "largest message on the Standard tier")
_SERVICE_BUS_CREDITS = _per_second(
    1000,
    _SERVICE_BUS_THROTTLING,
    "Standard namespace: 1,000 credits per second; every message sent, received or peeked costs 1 credit, "
    "and each topic filter evaluation 1 more. Premium scales with messaging units and publishes no rate.",
)
_SERVICE_BUS_DUPLICATE_WINDOW = _hours(
    168, _SERVICE_BUS_DEDUP_PAGE, "longest duplicate-detection window: 7 days (default 1 minute)"
)
_WEB_SOCKET_CONNECTIONS = "concurrent connections per unit (Standard and Premium tiers)"

_KAFKA_OPERATIONS = Source(
    "Basic Kafka Operations - Apache Kafka documentation",
    "https://github.com/apache/kafka/blob/0432d66c9a1f0249f69dd767c50cf9b04d14ba2b/docs/operations/basic-kafka-operations.md",
    "2026-12-06",
)
# "the partition count impacts the maximum parallelism of your consumers"; share groups (queues for Kafka) aside.
_KAFKA_GROUP_PARALLELISM = Sourced(1, "consumer per partition", _KAFKA_OPERATIONS, "in one consumer group")
_KAFKA_DEFAULT_MESSAGE = _kb(
    _MIB, _KAFKA_MAX_MESSAGE, "broker default message.max.bytes = 1 MiB + 12 bytes of log overhead; configurable"
)
_KAFKA_PARTITION_MB = _mb_per_second(
    10,
    _CONFLUENT_PITFALLS,
    "produce throughput of one partition: 'roughly 10s of MB/sec' per Confluent; 10 MB/s is that range's floor, "
    "measure your own producers",
)

# Kafka keeps a message on as many brokers as its replication factor, 3 by Kafka's recommendation, and a topic's
# load lands on no more brokers than it has partitions.
_KAFKA_BROKERS = Sourced(
    3,
    "brokers",
    _KAFKA_OPERATIONS,
    "replication factor of 2 or 3 recommended; a topic's read and write load is handled by no more servers than it "
    "has partitions",
)
_KAFKA_REPLICAS = Sourced(3, "replicas", _KAFKA_OPERATIONS, "a replication factor of 3 (2 or 3 recommended)")
_KINESIS_SHARD_READS = _mb_per_second(2, _KINESIS_READS, "read per shard, shared by all consumers of the shard")
# Re-read for the fifth review (contradiction 12): the quotas page's tier table still gives 40 TUs for Basic and
# Standard, while the ARM/SDK reference (EventHubsSku.Capacity) documents a capacity of 0 to 20.
_EVENT_HUBS_TIER_LIMITS = Source(
    "Azure Event Hubs quotas and limits: Basic vs. standard vs. premium vs. dedicated tiers (include file)",
    "https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/event-hubs/includes/event-hubs-tier-limits.md",
    REREAD_ON,
)
_EVENT_HUBS_STANDARD_UNITS = Sourced(
    40,
    "throughput units",
    _EVENT_HUBS_TIER_LIMITS,
    "per Basic or Standard namespace, as the quotas page gives it; the ARM/SDK reference (EventHubsSku.Capacity) "
    "documents a capacity of 0 to 20",
)
_EVENT_HUBS_STANDARD_PARTITIONS = Sourced(
    32, "partitions per event hub", _EVENT_HUBS_QUOTAS, "Basic and Standard tiers"
)
# A RabbitMQ cluster has an odd number of nodes, three or more; quorum queues and streams replicate over three.
_RABBITMQ_NODES = Sourced(
    3, "nodes", _RABBITMQ_CLUSTERING, "an odd number of nodes (three, five, seven); two-node clusters are discouraged"
)
_RABBITMQ_PER_KEY = (
    "a consistent-hash or modulus-hash exchange routes each key to one of several queues, each read by a single "
    "active consumer"
)
_RABBITMQ_PER_KEY_FACT = Fact(
    "Per-key order with parallel consumers: bind N queues to an x-modulus-hash (or consistent-hash) exchange and "
    "enable single active consumer on each; a key always reaches the same queue while the bindings stay the same.",
    _RABBITMQ_MODULUS_HASH,
    per_key=True,
)
_RABBITMQ_PRACTICE = Fact(
    "RabbitMQ publishes no rate per queue: a queue is its unit of concurrency, so the sizing assumes a quorum queue "
    "per subscriber on a cluster of 3 nodes.",
    _RABBITMQ_SHARDING,
)
_SERVICE_BUS_CLAIM_CHECK = _kb(
    _MIB,
    _SERVICE_BUS_LARGE_MESSAGES,
    "the claim check remains Microsoft's best practice for large documents; Premium's messages up to 100 MB serve "
    "systems without a shared store, transactions and applications already built on them",
)
_SERVICE_BUS_PREMIUM_UNITS = Sourced(
    16, "messaging units", _SERVICE_BUS_PREMIUM, "per Premium namespace: 1, 2, 4, 8 or 16, changed at will"
)
# A queue or topic lives in one namespace and cannot draw on another's credits; for throughput beyond them Microsoft
# advises Premium ("Standard tier is the recommended choice for developer environments, QA environments, and low
# throughput production systems").
_SERVICE_BUS_STANDARD = Tier(
    "Standard",
    max_message=_SERVICE_BUS_STANDARD_MESSAGE,
    max_units=Sourced(
        1, "namespace", _SERVICE_BUS_THROTTLING, "a queue or topic uses the credits of its one namespace"
    ),
)

CAPABILITIES: Final[tuple[Capability, ...]] = (
    # --- Amazon Web Services ---
    Capability(
        id="amazon_sqs_standard",
        name="Amazon SQS standard queue",
        roles=("queue",),
        platforms=AWS,
        managed=True,
        broker_ids=("sqs",),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=_SQS_RETENTION,
        default_retention=_SQS_DEFAULT_RETENTION,
        retention_setting="MessageRetentionPeriod",
        max_message=_SQS_MAX_MESSAGE,
        unit="queue",
        # AWS documents "nearly unlimited" API calls per second for standard queues, not a figure.
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per request",
        good_at="Buffering work for one consumer, with retries and a dead-letter queue, at almost any rate.",
        needs_experience=False,
        footprint=0,
        limits=(Sourced(10, "messages per batch", _SQS_MESSAGE_QUOTAS, "SendMessageBatch and ReceiveMessage"),),
        in_flight=Sourced(
            120000,
            "messages in flight",
            _SQS_STANDARD_QUOTAS,
            "approximately, per standard queue: received by a consumer and not yet deleted; more queues, or a raise",
        ),
        practice=Fact(
            "AWS's quotas set a standard queue no rate: its backlog is unlimited, and what bounds it is the messages "
            "in flight, received by a consumer and not yet deleted.",
            _SQS_STANDARD_QUOTAS,
        ),
        dead_letters="an SQS redrive policy on each subscriber queue",
    ),
    Capability(
        id="amazon_sqs_fifo",
        name="Amazon SQS FIFO queue",
        roles=("queue",),
        platforms=AWS,
        managed=True,
        broker_ids=("sqs",),
        ordering="per_key",
        ordering_how="message group ID",
        delivery=("at_least_once", "exactly_once"),
        replay=False,
        retention=_SQS_RETENTION,
        default_retention=_SQS_DEFAULT_RETENTION,
        retention_setting="MessageRetentionPeriod",
        max_message=_SQS_MAX_MESSAGE,
        unit="queue",
        unit_messages_per_second=_per_second(
            3000,
            _SQS_FIFO_THROTTLING,
            "default mode: 300 transactions per second per API action, 3,000 messages/s with batches of 10",
        ),
        unit_mb_per_second=None,
        ordered_messages_per_second=_per_second(
            300,
            _SQS_MESSAGE_QUOTAS,
            "per message group: a group lives in one partition, which takes 300 transactions per second per "
            "API action (3,000 messages/s with batches of 10)",
        ),
        max_wait=None,
        cost_shape="per request",
        good_at="Ordered, deduplicated work per business key (an order, an account) at moderate rates.",
        needs_experience=False,
        footprint=0,
        unbatched_messages_per_second=_per_second(
            300, _SQS_FIFO_THROTTLING, "default mode: 300 transactions per second per API action, one message each"
        ),
        limits=(
            Sourced(
                70000,
                "transactions/s per API action",
                _SQS_FIFO_HIGH_THROUGHPUT,
                "high throughput mode, in selected Regions; up to 700,000 messages/s with batching",
            ),
        ),
        dead_letters="an SQS redrive policy to a FIFO dead-letter queue on each SQS FIFO queue",
    ),
    Capability(
        id="amazon_sns_standard",
        name="Amazon SNS standard topic",
        roles=("router",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        # It stores nothing: its retries are no retention, and a subscriber's queue keeps the messages.
        retention=None,
        max_message=_kb(_MIB, _SNS_LARGE_MESSAGES, "1 MiB with the MaximumMessageSize topic attribute raised"),
        unit="topic",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per request and per delivery",
        good_at="Fanning a notification out to many queues, functions and HTTP endpoints without storing it.",
        needs_experience=False,
        footprint=0,
        practice=Fact(
            "AWS sets no rate per standard topic: Publish calls may not exceed the request rate allowed for each "
            "account and Region, a quota raised on request.",
            _SNS_THROTTLING,
        ),
        http_retry=_hours(1, _SNS_RETRIES, "total retry time to HTTP/S endpoints: 3,600 seconds (hard limit)"),
        default_max_message=_SNS_DEFAULT_MESSAGE,
        max_message_setting="MaximumMessageSize",
        raise_max_message=_SNS_RAISE,
        limits=(
            _SNS_LARGE_SUBSCRIPTIONS,
            _seconds(3600, _SNS_RETRIES, "total retry time to HTTP/S endpoints (hard limit)"),
            _hours(
                552,
                _SNS_RETRIES,
                "of retries to SQS and Lambda subscribers (100,015 attempts over 23 days); SNS stores nothing, so "
                "subscribe an SQS queue for durable consumers",
            ),
        ),
        stores_nothing="it stores nothing",
        subscriber_queue="amazon_sqs_standard",
        dead_letters="an SQS redrive policy on each subscriber queue behind SNS",
    ),
    Capability(
        id="amazon_sns_fifo",
        name="Amazon SNS FIFO topic",
        roles=("router",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="per_key",
        ordering_how="message group ID (delivered in order to subscribed SQS FIFO queues)",
        delivery=("at_least_once", "exactly_once"),
        replay=True,
        retention=_hours(8760, _SNS_FIFO_ARCHIVE, "message archive up to 365 days, replayed to subscribers"),
        max_message=_kb(_MIB, _SNS_LARGE_MESSAGES, "1 MiB with the MaximumMessageSize topic attribute raised"),
        unit="topic",
        unit_messages_per_second=_per_second(
            3000, _SNS_FIFO_SCOPE, "topic throughput scope; message-group scope raises it to the Regional limit"
        ),
        unit_mb_per_second=_mb_per_second(20, _SNS_FIFO_SCOPE, "topic throughput scope"),
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per request and per delivery",
        good_at="Ordered fan-out of events per key to several SQS FIFO queues, with archive and replay.",
        needs_experience=False,
        footprint=0,
        default_max_message=_SNS_DEFAULT_MESSAGE,
        max_message_setting="MaximumMessageSize",
        raise_max_message=_SNS_RAISE,
        limits=(_SNS_LARGE_SUBSCRIPTIONS,),
        for_ordered_flows=True,
        subscriber_queue="amazon_sqs_fifo",
        facts=(
            Fact(
                "It delivers only to Amazon SQS queues: HTTP/S endpoints (a partner's webhook), email, SMS and "
                "mobile apps cannot subscribe, so each consumer reads from a queue of its own.",
                _SNS_FIFO_DELIVERY,
            ),
        ),
        dead_letters="an SQS redrive policy to a FIFO dead-letter queue on each subscriber's SQS FIFO queue",
    ),
    Capability(
        id="amazon_eventbridge",
        name="Amazon EventBridge",
        roles=("router",),
        platforms=AWS,
        managed=True,
        broker_ids=("eventbridge",),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=True,
        # An archive keeps events indefinitely by default and replays them to the bus.
        retention=None,
        max_message=_kb(_MIB, _SERVERLESS_1MB, "vendor writes 1 MB, raised from 256 KB"),
        unit="account per Region",
        unit_messages_per_second=_per_second(
            10000, _EVENTBRIDGE_QUOTAS, "PutEvents requests per second in us-east-1; lower in other Regions"
        ),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per event published (and per GB archived)",
        good_at="Routing events by content to many AWS targets and SaaS integrations, with archive and replay.",
        needs_experience=False,
        footprint=0,
        unit_is_quota=True,
        limits=(
            _hours(
                24,
                _EVENTBRIDGE_RETRIES,
                "default retry window to a target (up to 185 attempts), then dropped unless a dead-letter queue is set",
            ),
        ),
        http_retry=_hours(
            24, _EVENTBRIDGE_RETRIES, "default retry window to a target, API destinations included (up to 185 attempts)"
        ),
        stores_nothing=(
            "it holds an event only while it retries a target (24 hours by default), then drops it unless a "
            "dead-letter queue is set"
        ),
        subscriber_queue="amazon_sqs_standard",
        facts=(
            Fact(
                "API destinations deliver matching events to HTTPS endpoints such as a partner's webhook, with the "
                "rule's retry policy and a dead-letter queue for what is not delivered.",
                _EVENTBRIDGE_API_DESTINATIONS,
            ),
        ),
        dead_letters="a dead-letter queue on each EventBridge target",
    ),
    Capability(
        id="amazon_kinesis_data_streams",
        name="Amazon Kinesis Data Streams",
        roles=("log",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="per_key",
        ordering_how="partition key (order within a shard)",
        delivery=("at_least_once",),
        replay=True,
        retention=_hours(8760, _KINESIS_RETENTION, "24 hours by default, up to 365 days"),
        max_message=_kb(
            _MIB, _KINESIS_LARGE_RECORDS, "1 MiB default record size; larger records only intermittently, see limits"
        ),
        unit="shard",
        unit_messages_per_second=_KINESIS_SHARD_RECORDS,
        unit_mb_per_second=_KINESIS_SHARD_MB,
        ordered_messages_per_second=_KINESIS_SHARD_RECORDS,
        ordered_mb_per_second=_KINESIS_SHARD_MB,
        max_wait=None,
        cost_shape="per shard-hour (provisioned) or per GB (on-demand)",
        good_at="A replayable, ordered-per-key event stream at high volume, sized in shards.",
        needs_experience=True,
        footprint=1,
        read_mb_per_second=_KINESIS_SHARD_READS,
        dedicated_read_mb_per_second=_mb_per_second(
            2, _KINESIS_ENHANCED_FAN_OUT, "read per shard for each enhanced fan-out consumer, not shared"
        ),
        limits=(
            _kb(10 * _MIB, _KINESIS_LARGE_RECORDS, "up to 10 MiB records if configured, for under 2% of traffic"),
            _mb_per_second(4, _KINESIS_QUOTAS, "write throughput of a new on-demand stream before it scales"),
            Sourced(
                20,
                "enhanced fan-out consumers per stream",
                _KINESIS_ENHANCED_FAN_OUT,
                "on provisioned and On-demand Standard streams; 50 with On-demand Advantage",
            ),
            Sourced(
                20000,
                "shards per account",
                _KINESIS_QUOTAS,
                "default quota in us-east-1, us-west-2 and eu-west-1; 1,000 or 6,000 elsewhere",
            ),
        ),
        dead_letters=("on Kinesis, the on-failure destination of the function that reads the stream (an SQS queue)"),
    ),
    Capability(
        id="amazon_msk",
        name="Amazon MSK (Managed Streaming for Apache Kafka)",
        roles=("log",),
        platforms=AWS,
        managed=True,
        broker_ids=("kafka",),
        ordering="per_key",
        ordering_how="partition key (order within a partition)",
        delivery=("at_least_once", "exactly_once"),
        replay=True,
        retention=None,
        max_message=_KAFKA_DEFAULT_MESSAGE,
        unit="partition",
        unit_messages_per_second=None,
        unit_mb_per_second=_mb_per_second(
            5, _MSK_QUOTA, "MSK Serverless ingress quota per partition; provisioned clusters set no per-partition quota"
        ),
        ordered_messages_per_second=None,
        # One ordered partition on provisioned MSK is a Kafka partition: AWS sets no quota on it, so the measured
        # basis the Kafka entry cites applies (review 8, R8-27); MSK Serverless's 5 MB/s is its own quota.
        ordered_mb_per_second=_mb_per_second(
            10,
            _CONFLUENT_PITFALLS,
            "provisioned clusters set no per-partition quota (MSK Serverless caps ingress at 5 MB/s per partition); "
            "one partition's produce throughput is 'roughly 10s of MB/sec' per Confluent, 10 MB/s that range's "
            "floor: measure your own producers",
        ),
        max_wait=None,
        cost_shape="per broker-hour and GB stored (provisioned) or per partition-hour and GB (serverless)",
        good_at="Kafka's replayable, partitioned log without running the brokers yourself.",
        group_parallelism=_KAFKA_GROUP_PARALLELISM,
        needs_experience=True,
        footprint=2,
        brokers=Sourced(
            3,
            "brokers",
            _MSK_CREATE_CLUSTER,
            "one per Availability Zone over three zones: MSK spreads brokers evenly over two or three zones",
        ),
        replicas=Sourced(
            3,
            "replicas",
            _MSK_DEFAULT_CONFIGURATION,
            "default.replication.factor: 3 for clusters in 3 Availability Zones (2 in 2 zones)",
        ),
        limits=(
            _mb_per_second(200, _MSK_QUOTA, "MSK Serverless ingress per cluster"),
            # Provisioned brokers set no read quota per partition: their network and disks bound the reads.
            _mb_per_second(10, _MSK_QUOTA, "MSK Serverless egress per partition, shared by the consumer groups"),
            _kb(8 * _MIB, _MSK_QUOTA, "largest message on MSK Serverless"),
            Sourced(
                1000,
                "partitions per broker",
                _MSK_BEST_PRACTICES,
                "recommended for kafka.m5.large and m5.xlarge, replicas included (4,000 for 4xlarge and up)",
            ),
        ),
        dead_letters="a dead-letter topic per consumer group on MSK",
    ),
    Capability(
        id="amazon_mq",
        name="Amazon MQ",
        roles=("queue", "router"),
        platforms=AWS,
        managed=True,
        broker_ids=("rabbitmq",),
        ordering="global",
        ordering_how="a RabbitMQ queue with a single active consumer",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="broker",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per broker-hour and GB stored",
        good_at=(
            "RabbitMQ (or ActiveMQ) brokers that AWS operates: exchanges and routing keys, priorities and per-message "
            "time to live; applications written for RabbitMQ run on it unchanged."
        ),
        needs_experience=False,
        footprint=2,
        per_key_how=_RABBITMQ_PER_KEY,
        replicas=Sourced(
            3, "nodes", _MQ_QUORUM_QUEUES, "a cluster broker replicates quorum queues over three nodes by default"
        ),
        practice=Fact(
            "Amazon MQ publishes no rate per queue: the sizing assumes a cluster deployment, whose quorum queues "
            "replicate over 3 nodes, with a queue per subscriber.",
            _MQ_QUORUM_QUEUES,
        ),
        facts=(_RABBITMQ_PER_KEY_FACT,),
        limits=(
            Sourced(5000, "connections", _MQ_RABBITMQ_SIZING, "single-instance mq.m5.large broker"),
            Sourced(30000, "queues", _MQ_RABBITMQ_SIZING, "single-instance mq.m5.large broker"),
            Sourced(200, "brokers per Region", _MQ_QUOTAS),
        ),
        dead_letters="a dead-letter exchange on each subscriber queue of Amazon MQ for RabbitMQ",
    ),
    Capability(
        id="amazon_api_gateway",
        name="Amazon API Gateway (REST and HTTP APIs)",
        roles=("gateway",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=_kb(10 * _MIB, _API_GATEWAY_HTTP_QUOTAS, "payload size 10 MB (vendor's MB)"),
        unit="account per Region",
        unit_messages_per_second=_per_second(
            10000,
            _API_GATEWAY_QUOTAS,
            "throttle quota per account and Region across its APIs, raised on request; 2,500 in some newer Regions",
        ),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=_seconds(
            29,
            _API_GATEWAY_TIMEOUT,
            "integration timeout; Regional and private REST APIs can raise it beyond 29 s at the cost of "
            "account throttle quota",
        ),
        cost_shape="per million requests",
        good_at="A managed front door for request/response APIs: auth, throttling and routing to backends.",
        needs_experience=False,
        footprint=0,
        unit_is_quota=True,
        limits=(_seconds(30, _API_GATEWAY_HTTP_QUOTAS, "maximum integration timeout of HTTP APIs (fixed)"),),
    ),
    Capability(
        id="amazon_api_gateway_websocket",
        name="Amazon API Gateway WebSocket APIs",
        roles=("push",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=_kb(128, _API_GATEWAY_WEBSOCKET_QUOTAS, "message payload; frames of 32 KB"),
        unit="account per Region",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per million messages and per connection-minute",
        good_at="Pushing live updates to browsers and apps over WebSockets without running socket servers.",
        needs_experience=False,
        footprint=0,
        unit_is_quota=True,
        limits=(
            _hours(2, _API_GATEWAY_WEBSOCKET_QUOTAS, "longest connection; clients must reconnect"),
            _seconds(600, _API_GATEWAY_WEBSOCKET_QUOTAS, "idle connection timeout"),
            Sourced(500, "new connections/s", _API_GATEWAY_WEBSOCKET_QUOTAS, "per account per Region"),
            _kb(32, _API_GATEWAY_WEBSOCKET_QUOTAS, "WebSocket frame size"),
        ),
    ),
    Capability(
        id="aws_appsync",
        name="AWS AppSync (real-time subscriptions)",
        roles=("push",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=_kb(240, _APPSYNC_MONITORING, "subscription payload limit"),
        unit="account per Region",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per query or mutation, per real-time message and per connection-minute",
        good_at="Live GraphQL subscriptions to web and mobile clients when data changes.",
        needs_experience=False,
        footprint=0,
        unit_is_quota=True,
        limits=(
            Sourced(
                5000,
                "request tokens/s",
                _APPSYNC_MONITORING,
                "per account, 5,000 or 10,000 depending on the Region; one token per request up to 1,500 KB-seconds",
            ),
        ),
    ),
    Capability(
        id="amazon_s3",
        name="Amazon S3",
        roles=("bulk",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=True,
        retention=None,
        max_message=_kb(
            50000 * _GIB, _S3_OBJECTS, "largest object: 10,000 parts x 5 GiB = 50,000 GiB, which AWS calls 50 TB"
        ),
        unit="partitioned prefix",
        unit_messages_per_second=_per_second(
            3500, _S3_PREFIX_RATES, "PUT/COPY/POST/DELETE requests per second per partitioned prefix"
        ),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per GB-month stored and per request",
        good_at="Files, nightly exports and large payloads passed by reference (claim check).",
        needs_experience=False,
        footprint=0,
        limits=(Sourced(5500, "GET requests/s", _S3_GET_RATE, "per partitioned prefix"),),
    ),
    Capability(
        id="aws_transfer_family",
        name="AWS Transfer Family (SFTP into Amazon S3)",
        roles=("bulk",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="server endpoint",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per endpoint-hour and per GB transferred",
        good_at="A managed SFTP endpoint for partners and legacy systems that hand over files, stored in Amazon S3.",
        needs_experience=False,
        footprint=1,
        limits=(
            Sourced(10, "SFTP sessions per connection", _TRANSFER_FAMILY_CLIENTS, "concurrent, multiplexed"),
            _seconds(1800, _TRANSFER_FAMILY_CLIENTS, "idle connection timeout, for all protocols"),
        ),
    ),
    # --- Microsoft Azure ---
    Capability(
        id="azure_service_bus_queues",
        name="Azure Service Bus queues",
        roles=("queue",),
        platforms=AZURE,
        managed=True,
        broker_ids=("service_bus",),
        ordering="per_key",
        ordering_how="message sessions (session ID)",
        delivery=("at_least_once", "exactly_once"),
        replay=False,
        retention=None,
        max_message=_SERVICE_BUS_MAX_MESSAGE,
        unit="namespace",
        unit_messages_per_second=_SERVICE_BUS_CREDITS,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per operation (Standard) or per messaging-unit-hour (Premium)",
        good_at="Enterprise work queues: sessions for order, duplicate detection, transactions, dead-lettering.",
        needs_experience=False,
        footprint=0,
        tier=_SERVICE_BUS_STANDARD,
        larger_tiers=(Tier("Premium", max_message=_SERVICE_BUS_MAX_MESSAGE, max_units=_SERVICE_BUS_PREMIUM_UNITS),),
        claim_check_above=_SERVICE_BUS_CLAIM_CHECK,
        charged=("a receive",),
        limits=(
            _SERVICE_BUS_STANDARD_MESSAGE,
            _SERVICE_BUS_DUPLICATE_WINDOW,
            Sourced(5000, "concurrent receive requests", _SERVICE_BUS_QUOTAS, "per queue, topic or subscription"),
            Sourced(100, "messages per transaction", _SERVICE_BUS_QUOTAS),
        ),
        dead_letters="Service Bus dead-lettering on each queue after its maximum delivery count",
    ),
    Capability(
        id="azure_service_bus_topics",
        name="Azure Service Bus topics",
        roles=("router",),
        platforms=AZURE,
        managed=True,
        broker_ids=("service_bus",),
        ordering="per_key",
        ordering_how="message sessions (session ID) on session-enabled subscriptions",
        delivery=("at_least_once", "exactly_once"),
        replay=False,
        retention=None,
        max_message=_SERVICE_BUS_MAX_MESSAGE,
        unit="namespace",
        unit_messages_per_second=_SERVICE_BUS_CREDITS,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per operation (Standard) or per messaging-unit-hour (Premium)",
        good_at="Durable publish/subscribe with filtered subscriptions, each a queue of its own.",
        needs_experience=False,
        footprint=0,
        tier=_SERVICE_BUS_STANDARD,
        larger_tiers=(Tier("Premium", max_message=_SERVICE_BUS_MAX_MESSAGE, max_units=_SERVICE_BUS_PREMIUM_UNITS),),
        claim_check_above=_SERVICE_BUS_CLAIM_CHECK,
        charged=("a filter evaluation", "a receive"),
        limits=(
            _SERVICE_BUS_STANDARD_MESSAGE,
            _SERVICE_BUS_DUPLICATE_WINDOW,
            Sourced(2000, "subscriptions per topic", _SERVICE_BUS_QUOTAS, "Standard and Premium tiers"),
        ),
        dead_letters="Service Bus dead-lettering on each subscription after its maximum delivery count",
    ),
    Capability(
        id="azure_event_grid",
        name="Azure Event Grid",
        roles=("router",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=_hours(
            168, _EVENT_GRID_NAMESPACE_DELIVERY, "namespace topics: event time to live up to 7 days (or the topic's)"
        ),
        max_message=_kb(_MIB, _EVENT_GRID_LIMITS, "event size 1 MB (vendor's MB), cannot be increased"),
        unit="custom topic",
        unit_messages_per_second=_per_second(5000, _EVENT_GRID_LIMITS, "publish rate per custom or partner topic"),
        unit_mb_per_second=_mb_per_second(5, _EVENT_GRID_LIMITS, "publish rate per custom or partner topic"),
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per million operations",
        good_at="Reacting to Azure resource and application events with push delivery to handlers.",
        needs_experience=False,
        footprint=0,
        limits=(
            Sourced(500, "event subscriptions per topic", _EVENT_GRID_LIMITS, "cannot be increased"),
            Sourced(100, "custom topics per subscription", _EVENT_GRID_LIMITS, "per Region"),
        ),
        dead_letters="an Event Grid dead-letter location",
    ),
    Capability(
        id="azure_event_hubs",
        name="Azure Event Hubs",
        roles=("log",),
        platforms=AZURE,
        managed=True,
        # Event Hubs speaks the Kafka protocol, but a team that runs Kafka does not thereby run Event Hubs.
        broker_ids=(),
        ordering="per_key",
        ordering_how="partition key (order within a partition)",
        delivery=("at_least_once",),
        replay=True,
        retention=_hours(2160, _EVENT_HUBS_QUOTAS, "90 days on Premium and Dedicated; 7 days on Standard, 1 on Basic"),
        max_message=_kb(_MIB, _EVENT_HUBS_QUOTAS, "publication of 1 MB on Standard and above; 256 KB on Basic"),
        unit="throughput unit",
        unit_messages_per_second=_per_second(
            1000, _EVENT_HUBS_SCALABILITY, "ingress per throughput unit (Standard), whichever comes first"
        ),
        unit_mb_per_second=_mb_per_second(
            1, _EVENT_HUBS_SCALABILITY, "ingress per throughput unit; egress 2 MB/s or 4,096 events/s"
        ),
        ordered_messages_per_second=_per_second(
            1000, _EVENT_HUBS_PARTITIONS, "one partition carries one throughput unit's worth"
        ),
        ordered_mb_per_second=_mb_per_second(
            1, _EVENT_HUBS_PARTITIONS, "one partition carries one throughput unit's worth"
        ),
        max_wait=None,
        cost_shape="per throughput-unit-hour plus ingress events (Standard)",
        good_at="High-volume telemetry and event streams with replay, sized in throughput units and partitions.",
        needs_experience=True,
        footprint=1,
        limits=(
            _hours(168, _EVENT_HUBS_QUOTAS, "longest retention on the Standard tier"),
            _EVENT_HUBS_STANDARD_UNITS,
            _EVENT_HUBS_STANDARD_PARTITIONS,
            Sourced(20, "consumer groups per event hub", _EVENT_HUBS_QUOTAS, "Standard tier"),
        ),
        read_mb_per_second=_mb_per_second(
            2, _EVENT_HUBS_SCALABILITY, "egress per throughput unit, shared by the consumer groups"
        ),
        read_messages_per_second=_per_second(
            4096, _EVENT_HUBS_SCALABILITY, "egress events per throughput unit, shared by the consumer groups"
        ),
        unit_partitions=Sourced(
            1,
            "partition per throughput unit",
            _EVENT_HUBS_PARTITIONS,
            "calculate with one partition carrying 1 TU (1 MB/s in, 2 MB/s out)",
        ),
        tier=Tier("Standard", max_units=_EVENT_HUBS_STANDARD_UNITS, max_partitions=_EVENT_HUBS_STANDARD_PARTITIONS),
        larger_tiers=(
            Tier(
                "Premium",
                max_units=Sourced(16, "processing units", _EVENT_HUBS_QUOTAS, "per namespace"),
                max_partitions=Sourced(
                    100, "partitions per event hub", _EVENT_HUBS_QUOTAS, "and 200 per processing unit per namespace"
                ),
            ),
            Tier(
                "Dedicated",
                max_units=Sourced(20, "capacity units", _EVENT_HUBS_QUOTAS, "per cluster"),
                max_partitions=Sourced(
                    1024, "partitions per event hub", _EVENT_HUBS_QUOTAS, "and 2,000 per capacity unit"
                ),
            ),
        ),
        dead_letters=(
            "a store each consumer writes what it cannot process to (a Service Bus queue or a blob "
            "container): Event Hubs keeps no dead-letter queue of its own"
        ),
    ),
    Capability(
        id="azure_storage_queues",
        name="Azure Queue Storage",
        roles=("queue",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=_kb(64, _QUEUE_STORAGE_TARGETS, "64 KiB"),
        unit="queue",
        unit_messages_per_second=_per_second(2000, _QUEUE_STORAGE_TARGETS, "target per queue with 1 KiB messages"),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per operation and GB stored",
        good_at="A simple, cheap backlog of small work items for one consumer.",
        needs_experience=False,
        footprint=0,
        limits=(_per_second(20000, _QUEUE_STORAGE_TARGETS, "per storage account, with 1 KiB messages"),),
        dead_letters="a poison queue for each Storage queue after its maximum dequeue count",
    ),
    Capability(
        id="azure_web_pubsub",
        name="Azure Web PubSub",
        roles=("push",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="unit",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per unit-day plus messages beyond those included",
        good_at="Managed WebSocket publish/subscribe to browsers and devices, scaled in units of connections.",
        needs_experience=False,
        footprint=1,
        limits=(
            Sourced(1000, "connections", _WEB_PUBSUB_LIMITS, _WEB_SOCKET_CONNECTIONS),
            Sourced(1_000_000, "messages per unit per day", _WEB_PUBSUB_LIMITS, "included (more are billed)"),
            Sourced(1000, "units per instance", _WEB_PUBSUB_LIMITS, "Premium_P2 tier; 100 on Standard"),
        ),
    ),
    Capability(
        id="azure_signalr_service",
        name="Azure SignalR Service",
        roles=("push",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="unit",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per unit-day plus messages beyond those included",
        good_at="Adding real-time push to ASP.NET SignalR applications without hosting the connections.",
        needs_experience=False,
        footprint=1,
        limits=(
            Sourced(1000, "connections", _SIGNALR_LIMITS, _WEB_SOCKET_CONNECTIONS),
            Sourced(1_000_000, "messages per unit per day", _SIGNALR_LIMITS, "included (more are billed)"),
            Sourced(100, "units per instance", _SIGNALR_LIMITS, "Standard and Premium_P1 tiers"),
        ),
    ),
    Capability(
        id="azure_api_management",
        name="Azure API Management",
        roles=("gateway",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="unit",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=_seconds(
            240,
            _APIM_FORWARD_REQUEST,
            "forward-request timeout: values above 240 s may not be honored because idle connections are dropped",
        ),
        cost_shape="per unit-hour (dedicated tiers) or per call (Consumption tier)",
        good_at="Publishing, securing and throttling APIs for many consumers in one managed front door.",
        needs_experience=False,
        footprint=1,
        limits=(
            _seconds(
                300,
                _APIM_FORWARD_REQUEST,
                "default forward-request timeout, above the 240 s honored: set it at or below 240 s",
            ),
        ),
    ),
    Capability(
        id="azure_blob_storage",
        name="Azure Blob Storage",
        roles=("bulk",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=True,
        retention=None,
        max_message=_kb(
            50000 * 4000 * _MIB, _BLOB_SCALE_TARGETS, "largest block blob: 50,000 blocks x 4,000 MiB (about 190.7 TiB)"
        ),
        unit="block blob",
        unit_messages_per_second=_per_second(
            500, _BLOB_SCALE_TARGETS, "target request rate for a single blob: up to 500 requests per second"
        ),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per GB-month stored and per operation",
        good_at="Files, exports and large payloads passed by reference (claim check).",
        needs_experience=False,
        footprint=0,
        facts=(
            Fact(
                "Its SFTP endpoint takes files from partners and legacy systems: it needs a hierarchical namespace, "
                "and clients sign in as local users with a password or an SSH key pair.",
                _BLOB_SFTP_ACCESS,
            ),
        ),
    ),
    # --- Google Cloud ---
    Capability(
        id="google_pubsub",
        name="Pub/Sub",
        roles=("queue", "router", "log"),
        platforms=GCP,
        managed=True,
        broker_ids=("pubsub",),
        ordering="per_key",
        ordering_how="ordering keys (published in one Region)",
        delivery=("at_least_once", "exactly_once"),
        replay=True,
        retention=_hours(744, _PUBSUB_RETENTION, "message retention duration: 7 days by default, up to 31 days"),
        default_retention=Sourced(7, "day", _PUBSUB_RETENTION, "message retention duration by default"),
        retention_setting="message retention duration",
        replay_setting=(
            "retain_acked_messages on each subscription that replays, or message retention on the topic (which "
            "also lets a new subscription read what was published before it)"
        ),
        max_message=_kb(10 * _MIB, _TASKS_OR_PUBSUB, "largest message: 10 MB (vendor's MB)"),
        unit="project per Region (publisher quota)",
        unit_messages_per_second=None,
        unit_mb_per_second=_mb_per_second(
            200,
            _PUBSUB_QUOTAS_REGIONS,
            "publisher throughput quota in large Regions (europe-west1, us-central1, us-east1); 50 MB/s elsewhere",
        ),
        ordered_messages_per_second=None,
        ordered_mb_per_second=_mb_per_second(
            1, _PUBSUB_ORDERING, "publish throughput per ordering key; the topic's keys share the Region's quota"
        ),
        max_wait=None,
        cost_shape="per TiB of throughput (and retained storage)",
        good_at="Serverless fan-out and work distribution at any scale, with ordering keys, seek and exactly-once.",
        needs_experience=False,
        footprint=0,
        unit_is_quota=True,
        lower_quota=_mb_per_second(50, _PUBSUB_QUOTAS_REGIONS, "publisher throughput quota in smaller Regions"),
        limits=(
            _mb_per_second(50, _PUBSUB_QUOTAS_REGIONS, "publisher throughput quota in smaller Regions"),
            _hours(168, _PUBSUB_SEEK, "longest snapshot lifetime for seek"),
        ),
        facts=(
            Fact(
                "Replaying acknowledged messages (seek to a time in the past) needs message retention configured on "
                "the topic (up to 31 days) or the subscription set to retain acknowledged messages "
                "(retain_acked_messages): by default a subscription keeps only unacknowledged messages and a topic "
                "discards a message once every subscription has acknowledged it.",
                _PUBSUB_REPLAY,
            ),
        ),
        dead_letters="a dead-letter topic on each Pub/Sub subscription after its maximum delivery attempts",
    ),
    Capability(
        id="google_cloud_tasks",
        name="Cloud Tasks",
        roles=("queue",),
        platforms=GCP,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=_kb(_MIB, _TASKS_OR_PUBSUB, "largest task: 1 MB (vendor's MB)"),
        unit="queue",
        unit_messages_per_second=_per_second(
            500, _TASKS_OR_PUBSUB, "largest delivery rate of a queue (max_dispatches_per_second)"
        ),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per million operations",
        good_at="Rate-limited, scheduled HTTP calls to one handler, with retries the sender controls.",
        needs_experience=False,
        footprint=0,
        limits=(_seconds(1800, _TASKS_OR_PUBSUB, "longest an HTTP handler may take to answer a task"),),
        dead_letters="a Cloud Tasks queue's retry limit, then an alert on the tasks it gives up",
    ),
    Capability(
        id="google_eventarc",
        name="Eventarc",
        roles=("router",),
        platforms=GCP,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=_kb(512, _EVENTARC_STANDARD_QUOTAS, "event size limit of Eventarc Standard triggers"),
        unit="project per Region (Eventarc Advanced bus)",
        unit_messages_per_second=None,
        unit_mb_per_second=_mb_per_second(
            6.4, _EVENTARC_QUOTAS, "384 MB per minute of publish throughput, counted in 64 KB units, not adjustable"
        ),
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per event",
        good_at="Routing Google Cloud and custom events to Cloud Run, functions and workflows.",
        needs_experience=False,
        footprint=0,
        unit_is_quota=True,
        counted_in=_kb(64, _EVENTARC_QUOTAS, "publish throughput is counted in 64 KB units"),
        quota_fixed=True,
        limits=(
            Sourced(500, "triggers per location", _EVENTARC_STANDARD_QUOTAS, "per project"),
            Sourced(100, "enrollments per bus", _EVENTARC_QUOTAS, "Eventarc Advanced"),
        ),
    ),
    Capability(
        id="google_managed_kafka",
        name="Google Cloud Managed Service for Apache Kafka",
        roles=("log",),
        platforms=GCP,
        managed=True,
        broker_ids=("kafka",),
        ordering="per_key",
        ordering_how="partition key (order within a partition)",
        delivery=("at_least_once", "exactly_once"),
        replay=True,
        retention=None,
        max_message=None,
        unit="vCPU",
        vcpu_mb_per_second=_mb_per_second(
            20,
            _MANAGED_KAFKA_SIZING,
            "estimated capacity of one vCPU in one zone, in write-equivalent MB/s (reads count a quarter, as they "
            "cost a quarter of a write)",
        ),
        vcpu_utilisation=Sourced(50, "% vCPU utilisation", _MANAGED_KAFKA_SIZING, "the baseline target to plan for"),
        replicas=Sourced(3, "replicas", _MANAGED_KAFKA_SIZING, "the default number of replicas of a partition"),
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per vCPU-hour, GiB of memory and GB stored",
        good_at="Kafka's replayable, partitioned log on Google Cloud, sized in vCPUs rather than brokers.",
        group_parallelism=_KAFKA_GROUP_PARALLELISM,
        needs_experience=True,
        footprint=2,
        fewest_units=Sourced(3, "vCPUs", _MANAGED_KAFKA_SIZING, "smallest cluster"),
        limits=(Sourced(8, "GiB of memory per vCPU", _MANAGED_KAFKA_SIZING, "between 1 and 8"),),
        dead_letters="a dead-letter topic per consumer group on Managed Kafka",
    ),
    Capability(
        id="google_api_gateway",
        name="API Gateway (Google Cloud)",
        roles=("gateway",),
        platforms=GCP,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=_kb(32 * _MIB, _GOOGLE_API_GATEWAY_QUOTAS, "request size 32 megabytes; streaming not supported"),
        unit="gateway",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=_seconds(
            15,
            _GOOGLE_API_GATEWAY_TIMEOUT,
            "default response deadline of the proxy behind API Gateway; raise it with x-google-backend deadline",
        ),
        cost_shape="per million calls",
        good_at="A managed front door with API keys and JWT checks for Cloud Run and Cloud Functions backends.",
        needs_experience=False,
        footprint=0,
        limits=(
            _kb(_MIB, _GOOGLE_API_GATEWAY_QUOTAS, "gRPC transcoding request and response size"),
            Sourced(50, "gateways per Region", _GOOGLE_API_GATEWAY_QUOTAS),
        ),
    ),
    Capability(
        id="google_cloud_storage",
        name="Cloud Storage",
        roles=("bulk",),
        platforms=GCP,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=True,
        retention=None,
        max_message=_kb(5 * _TIB, _CLOUD_STORAGE_QUOTAS, "5 TB per object as the page writes it (5 TiB)"),
        unit="object",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per GB-month stored and per operation",
        good_at="Files, exports and large payloads passed by reference (claim check).",
        needs_experience=False,
        footprint=0,
        limits=(Sourced(1, "updates/s per object name", _CLOUD_STORAGE_QUOTAS, "writes to the same object name"),),
    ),
    # --- Self-run ---
    Capability(
        id="sftp_file_transfer",
        name="SFTP server (OpenSSH) or a managed file transfer product",
        roles=("bulk",),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="server",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers you run (and licences, for a managed file transfer product)",
        good_at=(
            "Files handed over on a schedule, between your own systems or with partners, with a key per partner "
            "and a folder per flow; a managed file transfer product adds resumable transfers, checksums and an "
            "audit trail."
        ),
        needs_experience=False,
        footprint=3,
        facts=(
            Fact(
                "In batch mode (sftp -b) a failed get, put, rename or other transfer command aborts the run, so a "
                "scheduled transfer fails where the scheduler sees it.",
                _SFTP_MANUAL,
            ),
        ),
    ),
    Capability(
        id="ceph_object_gateway",
        name="Self-run S3-compatible object store (Ceph Object Gateway)",
        roles=("bulk",),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=True,
        retention=None,
        max_message=_kb(5 * _TIB, _CEPH_S3_LIMITS, "largest object: 5 TB as the page writes it"),
        unit="object",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers and disks you run",
        good_at=(
            "Files, exports and large payloads passed by reference (claim check) on your own servers, through "
            "the S3 API that tools and SDKs already speak."
        ),
        needs_experience=False,
        footprint=3,
        limits=(_kb(5 * _GIB, _CEPH_S3_LIMITS, "largest object in a single PUT; use multipart upload above 100 MB"),),
        facts=(
            Fact(
                "MinIO, the best-known alternative, is licensed AGPL-3.0, and its open-source repository says it is "
                "no longer maintained: check both before you build on it.",
                _MINIO_README,
            ),
        ),
    ),
    Capability(
        id="rabbitmq_queues",
        name="RabbitMQ (classic and quorum queues)",
        roles=("queue", "router"),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=("rabbitmq",),
        ordering="global",
        ordering_how="one queue consumed by a single active consumer",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=_kb(
            16 * _MIB, _RABBITMQ_DEFAULT_MESSAGE_SIZE, "max_message_size default 16 MiB since RabbitMQ 4.0"
        ),
        unit="queue",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers you run",
        good_at="Flexible routing (exchanges) and reliable work queues; quorum queues replicate for safety.",
        needs_experience=False,
        footprint=3,
        limits=(_kb(512 * _MIB, _RABBITMQ_HARD_CAP, "hard cap that max_message_size can be raised to"),),
        facts=(_RABBITMQ_PER_KEY_FACT,),
        practice=_RABBITMQ_PRACTICE,
        replicas=_RABBITMQ_NODES,
        unit_per_reader=True,
        per_key_how=_RABBITMQ_PER_KEY,
        dead_letters=(
            "a RabbitMQ dead-letter exchange on each subscriber queue, with a delivery limit on quorum queues"
        ),
    ),
    Capability(
        id="rabbitmq_streams",
        name="RabbitMQ Streams",
        roles=("log", "router"),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=("rabbitmq",),
        ordering="global",
        ordering_how="a stream is one append-only log; super streams keep order per partition key",
        delivery=("at_least_once",),
        replay=True,
        retention=None,
        max_message=None,
        unit="stream",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers you run",
        good_at="Replay and large fan-out as streams on RabbitMQ, beside its queues on the same brokers.",
        needs_experience=True,
        replicas=_RABBITMQ_NODES,
        practice=Fact(
            "RabbitMQ publishes no rate per stream: the sizing assumes one stream replicated over a cluster of 3 "
            "nodes, which every subscriber reads at its own offset, and a super stream (partitions by key) where one "
            "stream cannot keep up.",
            _RABBITMQ_CLUSTERING,
        ),
        footprint=3,
        limits=(
            _kb(
                20 * _MIB,
                _RABBITMQ_STREAM_FRAME,
                "stream protocol frame max, raised from 1 MiB to 20 MiB to match the broker default of RabbitMQ 4.3.5",
            ),
        ),
    ),
    Capability(
        id="apache_kafka",
        name="Apache Kafka",
        roles=("log",),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=("kafka",),
        ordering="per_key",
        ordering_how="partition key (order within a partition)",
        delivery=("at_least_once", "exactly_once"),
        replay=True,
        retention=None,
        max_message=_KAFKA_DEFAULT_MESSAGE,
        unit="partition",
        unit_messages_per_second=None,
        unit_mb_per_second=_KAFKA_PARTITION_MB,
        ordered_messages_per_second=None,
        ordered_mb_per_second=_KAFKA_PARTITION_MB,
        max_wait=None,
        cost_shape="servers you run",
        good_at="A durable, replayable event log at very high volume with ordering per key.",
        group_parallelism=_KAFKA_GROUP_PARALLELISM,
        needs_experience=True,
        footprint=3,
        brokers=_KAFKA_BROKERS,
        replicas=_KAFKA_REPLICAS,
        dead_letters="a dead-letter topic per consumer group on Kafka",
    ),
    Capability(
        id="apache_pulsar",
        name="Apache Pulsar",
        roles=("queue", "router", "log"),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=("pulsar",),
        ordering="per_key",
        ordering_how="partition key, or key hash ranges on a Key_Shared subscription",
        delivery=("at_least_once", "exactly_once"),
        replay=True,
        retention=None,
        max_message=_kb(5 * _MIB, _PULSAR_MESSAGE_SIZE, "5 MB default (maxMessageSize=5242880 bytes), configurable"),
        unit="partition",
        unit_messages_per_second=_per_second(5000, _ASTRA_STREAMING_LIMITS, _PULSAR_PARTITION_NOTE),
        unit_mb_per_second=_mb_per_second(25, _ASTRA_STREAMING_LIMITS, _PULSAR_PARTITION_NOTE),
        ordered_messages_per_second=_per_second(5000, _ASTRA_STREAMING_LIMITS, _PULSAR_PARTITION_NOTE),
        ordered_mb_per_second=_mb_per_second(25, _ASTRA_STREAMING_LIMITS, _PULSAR_PARTITION_NOTE),
        max_wait=None,
        cost_shape="servers you run (brokers and BookKeeper bookies)",
        good_at="Both queueing and streaming on one platform, multi-tenant and geo-replicated.",
        needs_experience=True,
        reader="subscription",
        facts=(
            Fact(
                "A Pulsar topic is served by a single broker; a partitioned topic spans several brokers for more "
                "throughput. The sizing partitions one topic by a published per-partition figure, with a subscription "
                "per subscriber.",
                _PULSAR_PARTITIONED_TOPICS,
            ),
        ),
        footprint=3,
        dead_letters="a dead-letter topic policy on each Pulsar subscription",
    ),
    Capability(
        id="nats_core",
        name="Core NATS",
        roles=("router",),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=("nats",),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=_kb(_MIB, _NATS_CONSTANTS, "default max_payload (MAX_PAYLOAD_SIZE = 1 MiB); configurable"),
        unit="subject",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers you run",
        good_at="Fire-and-forget publish/subscribe on subjects, for events a subscriber may miss.",
        needs_experience=False,
        footprint=3,
        at_most_once=True,
        stores_nothing="it keeps nothing: a subscriber gets only what is published while it is connected",
        practice=Fact(
            "Core NATS (no JetStream) delivers at most once, only to subscribers connected when a message is "
            "published, and publishes no rate per subject: the sizing assumes one subject on the servers you run.",
            _CORE_NATS,
        ),
    ),
    Capability(
        id="nats_jetstream",
        name="NATS JetStream",
        roles=("queue", "router", "log"),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=("nats",),
        ordering="global",
        ordering_how="a stream stores messages in publish order; consumers filter by subject",
        delivery=("at_least_once", "exactly_once"),
        replay=True,
        retention=None,
        max_message=_kb(_MIB, _NATS_CONSTANTS, "default max_payload (MAX_PAYLOAD_SIZE = 1 MiB); configurable"),
        unit="stream",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers you run",
        good_at="Lightweight persistent messaging and replay that also runs at the edge.",
        needs_experience=False,
        replicas=Sourced(
            3,
            "servers",
            _NATS_JETSTREAM,
            "JetStream-enabled servers: 1, or 3 or 5 for fault tolerance against 1 or 2 failing at once",
        ),
        practice=Fact(
            "NATS publishes no rate per stream: the sizing assumes one stream replicated over 3 JetStream servers, "
            "with a durable consumer per subscriber.",
            _NATS_JETSTREAM,
        ),
        footprint=3,
        dead_letters=(
            "a JetStream consumer's maximum deliveries, with its advisory copying the message to a dead-letter stream"
        ),
    ),
    Capability(
        id="api_gateway_self_run",
        name="Self-run API gateway (Kong, Envoy, NGINX)",
        roles=("gateway",),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="gateway instance",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=_seconds(
            60,
            _NGINX_PROXY_TIMEOUTS,
            "NGINX proxy_read_timeout default (between two reads); configurable, like Kong's and Envoy's",
        ),
        cost_shape="servers you run",
        good_at="REST or gRPC request/response behind one front door you control: routing, auth, rate limits.",
        needs_experience=False,
        footprint=3,
    ),
    Capability(
        id="websocket_sse_gateway",
        name="Self-run WebSocket / Server-Sent Events endpoint",
        roles=("push",),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="server",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers you run",
        good_at="Live updates to browser sessions over a connection you host.",
        needs_experience=False,
        footprint=3,
        limits=(
            Sourced(
                6,
                "connections per browser and domain",
                _MDN_EVENTSOURCE,
                "Server-Sent Events over HTTP/1.1; HTTP/2 negotiates concurrent streams instead",
            ),
        ),
    ),
    # --- Device push ---
    Capability(
        id="firebase_cloud_messaging",
        name="Firebase Cloud Messaging",
        roles=("push",),
        platforms=EVERYWHERE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=_kb(4, _FCM_PAYLOAD, "a payload of up to 4,096 bytes"),
        unit="project",
        unit_messages_per_second=_per_second(
            10000, _FCM_QUOTAS, "default downstream quota of 600,000 messages per minute per project"
        ),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="no charge per message",
        good_at="Waking Android, iOS and web apps with a small notification or data message.",
        needs_experience=False,
        footprint=0,
        unit_is_quota=True,
        quota_raise=Sourced(
            1.25,
            "times the default quota",
            _FCM_QUOTA_INCREASE,
            "a quota increase request is for up to +25 %, from a project whose usage is regularly at 80 % of its quota",
        ),
    ),
    Capability(
        id="apple_push_notification_service",
        name="Apple Push Notification service (APNs)",
        roles=("push",),
        platforms=EVERYWHERE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=_kb(4, _APNS_PAYLOAD, "4,096 bytes for regular remote notifications"),
        unit="device",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="no charge per message (Apple Developer Program membership)",
        good_at="The only path to alert an iPhone or Mac app that is not running.",
        needs_experience=False,
        footprint=0,
        unit_is_quota=True,
        limits=(
            _kb(5, _APNS_PAYLOAD, "for VoIP notifications: 5,120 bytes"),
            Sourced(
                1,
                "stored notification per app",
                _APNS_COALESCING,
                "while a device is offline APNs stores one notification per app and drops the others",
            ),
        ),
    ),  # --- Machines (IoT): commands to devices over MQTT, held per device while it is offline ---
    Capability(
        id="azure_iot_hub",
        name="Azure IoT Hub",
        roles=("device",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=_hours(48, _IOT_HUB_QUOTAS, "longest time to live of a cloud-to-device message: 2 days"),
        max_message=_kb(64, _IOT_HUB_QUOTAS, "largest cloud-to-device message"),
        unit="S1 or S2 unit",
        unit_messages_per_second=_per_second(
            1.67, _IOT_HUB_QUOTAS, "cloud-to-device sends per S1 or S2 unit (100 a minute); 83.33 per S3 unit"
        ),
        daily_quota=Sourced(
            400_000,
            "messages a day",
            _IOT_HUB_SCALING,
            "per S1 unit (a level 1 hub); 6,000,000 per S2 unit; cloud-to-device messaging needs the standard tier",
        ),
        counted_in=_kb(4, _IOT_HUB_QUOTAS, "the message size the daily quota counts in, on paid tiers"),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per hub unit and day, by tier (a daily message quota)",
        good_at=(
            "Commands and settings for devices: cloud-to-device messages wait in a queue per device until it "
            "connects and completes them; a device twin's desired properties hold the state a device reads when it "
            "reconnects."
        ),
        needs_experience=False,
        footprint=1,
        limits=(
            Sourced(50, "messages queued per device", _IOT_HUB_C2D, "an error occurs when more are sent to one device"),
        ),
    ),
    Capability(
        id="aws_iot_core",
        name="AWS IoT Core",
        roles=("device",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=_hours(
            168,
            _IOT_LENS_RELIABILITY,
            "persistent session expiry: 1 hour by default, adjustable up to 7 days",
        ),
        max_message=_kb(128, _IOT_CORE_QUOTAS, "largest payload of a publish request"),
        unit="account and Region",
        unit_messages_per_second=_per_second(
            20_000, _IOT_CORE_QUOTAS, "outbound publish requests per second per account, adjustable"
        ),
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per million messages and connection-minutes",
        unit_is_quota=True,
        good_at=(
            "An MQTT broker for devices: a persistent session keeps a device's QoS 1 messages while it is "
            "offline; device shadows and jobs hold the state and the work a device picks up when it reconnects."
        ),
        needs_experience=False,
        footprint=0,
        limits=(_IOT_CORE_SESSION_EXPIRY,),
        default_retention=_IOT_CORE_SESSION_EXPIRY,
        retention_setting="persistent session expiry",
    ),
    Capability(
        id="rabbitmq_mqtt",
        name="RabbitMQ MQTT plugin",
        roles=("device",),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=("rabbitmq",),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=_kb(
            256 * _MIB, _MQTT_5, "the protocol's largest packet: 268,435,455 bytes; brokers configure less"
        ),
        unit="broker",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="the RabbitMQ cluster you already run",
        theirs_only=True,
        good_at=(
            "MQTT 3.1, 3.1.1 and 5.0 on the RabbitMQ you run, from a plugin in its core distribution: non-clean "
            "sessions keep QoS 1 messages for a device that is offline, with a message expiry interval, and the "
            "commands published to RabbitMQ reach the devices' sessions without a second broker."
        ),
        needs_experience=False,
        footprint=0,
        practice=Fact(
            "RabbitMQ publishes no rate per queue: the sizing counts one queue per device session, which the plugin "
            "creates for each non-clean session and keeps while the device is away.",
            _RABBITMQ_MQTT,
        ),
    ),
    Capability(
        id="mqtt_broker_self_run",
        name="Self-run MQTT broker (EMQX or Mosquitto)",
        roles=("device",),
        platforms=("gcp", *SELF_RUN),
        managed=False,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=_kb(
            256 * _MIB, _MQTT_5, "the protocol's largest packet: 268,435,455 bytes; brokers configure less"
        ),
        unit="broker",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers you run (and licences, for EMQX's enterprise edition)",
        good_at=(
            "MQTT for devices on your own servers or cluster: persistent sessions keep QoS 1 messages for a "
            "device that is offline, bridged to the backbone behind it."
        ),
        needs_experience=False,
        footprint=3,
        practice=Fact(
            "EMQX publishes no rate per broker: the sizing counts one persistent session per device, each with a "
            "message queue for what arrives while it is away, bounded by max_mqueue_len; once a queue is full, the "
            "oldest message in it is discarded.",
            _EMQX_MQUEUE,
        ),
        facts=(
            Fact(
                "Google Cloud has no managed device broker: Google Cloud IoT Core was retired on 16 August 2023, so "
                "on Google Cloud devices connect to an MQTT broker you run (or a partner's) in front of Pub/Sub.",
                _GOOGLE_IOT_CORE_RETIRED,
            ),
        ),
    ),
    # --- Caches: the local copy a caller reads while the provider is away ---
    Capability(
        id="amazon_elasticache",
        name="Amazon ElastiCache",
        roles=("cache",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="cache",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per GB-hour and request unit (serverless), or per node-hour",
        good_at="An in-memory cache in front of a provider, serverless or on nodes you size.",
        needs_experience=False,
        footprint=0,
        facts=(
            Fact(
                "Works with the Valkey, Memcached and Redis OSS engines; a serverless cache scales its memory, "
                "compute and network by itself.",
                _ELASTICACHE,
            ),
        ),
    ),
    Capability(
        id="azure_managed_redis",
        name="Azure Managed Redis",
        roles=("cache",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="cache",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per instance-hour, by memory and performance tier",
        good_at="An in-memory cache in front of a provider, the successor to Azure Cache for Redis.",
        needs_experience=False,
        footprint=1,
        facts=(
            Fact(
                "Azure Cache for Redis is being retired (its Basic, Standard and Premium tiers on 30 September "
                "2028): start new caches on Azure Managed Redis.",
                _AZURE_REDIS_RETIREMENT,
            ),
        ),
    ),
    Capability(
        id="google_memorystore",
        name="Memorystore for Valkey",
        roles=("cache",),
        platforms=GCP,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="instance",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per node-hour",
        good_at="A managed Valkey (Redis-compatible) cache in front of a provider on Google Cloud.",
        needs_experience=False,
        footprint=1,
        facts=(
            Fact(
                "An instance is a set of shards, each a primary node with optional replicas spread over zones: "
                "provision enough shards for the whole key space.",
                _MEMORYSTORE_VALKEY,
            ),
        ),
    ),
    Capability(
        id="valkey_self_run",
        name="Self-run Valkey or Redis",
        roles=("cache",),
        platforms=SELF_RUN,
        managed=False,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_most_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="server",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="servers you run",
        good_at="An in-memory cache on your own servers or cluster, in front of a provider that is sometimes away.",
        needs_experience=False,
        footprint=3,
        facts=(
            Fact(
                "Valkey was forked from the open-source Redis project right before Redis moved to source-available "
                "licences: check the licence of the Redis version you run.",
                _VALKEY_README,
            ),
        ),
    ),
    # --- Bulk loads: the ETL/ELT or load tool that takes a file into its target ---
    Capability(
        id="aws_glue",
        name="AWS Glue (ETL jobs)",
        roles=("bulk",),
        platforms=AWS,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="job",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per DPU-hour while a job runs",
        good_at=(
            "Loading a dropped file into its target on a schedule or when it lands: an ETL job reads it from "
            "Amazon S3, transforms it and writes it to the warehouse (or Redshift's COPY loads it directly)."
        ),
        needs_experience=False,
        footprint=0,
        facts=(
            Fact(
                "A serverless data integration service: a job runs an extract, transform and load script on Apache "
                "Spark, and each run's status, duration and start time can be monitored.",
                _GLUE_ETL,
            ),
        ),
    ),
    Capability(
        id="azure_data_factory",
        name="Azure Data Factory",
        roles=("bulk",),
        platforms=AZURE,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="pipeline",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="per activity run and integration-runtime hour",
        good_at=(
            "Scheduled or event-triggered pipelines that copy a file or an extract into its target and transform "
            "it; a self-hosted integration runtime reaches systems on premises."
        ),
        needs_experience=False,
        footprint=0,
        facts=(
            Fact(
                "Azure's cloud ETL service for scale-out serverless data integration and data transformation, with "
                "monitoring of every pipeline run.",
                _DATA_FACTORY,
            ),
        ),
    ),
    Capability(
        id="bigquery_load_jobs",
        name="BigQuery load jobs",
        roles=("bulk",),
        platforms=GCP,
        managed=True,
        broker_ids=(),
        ordering="none",
        ordering_how="",
        delivery=("at_least_once",),
        replay=False,
        retention=None,
        max_message=None,
        unit="load job",
        unit_messages_per_second=None,
        unit_mb_per_second=None,
        ordered_messages_per_second=None,
        max_wait=None,
        cost_shape="no charge for batch loads from Cloud Storage (shared slot pool)",
        good_at="Loading a file dropped in Cloud Storage into a BigQuery table, as one job per batch.",
        needs_experience=False,
        footprint=0,
        facts=(
            Fact(
                "Table modifications per table per day (load, copy and query jobs that write to it) are a fixed "
                "limit that cannot be raised: load fewer, larger batches, and failed jobs count too.",
                _BIGQUERY_LOAD_JOBS,
            ),
        ),
    ),
)
