"""Reading the compacted event topics back at start, so deduplication continues where it stopped.

A compacted topic keyed by event_id holds the latest version of every event; feeding those to the
deduplication state at start makes a restarted local job emit version n+1, not version 1 again.
"""
from __future__ import annotations

import json
import logging
from typing import Iterator, Optional, Sequence

import fastavro

from connectors.kafka_config import KafkaConfig
from schemas import codec

log = logging.getLogger(__name__)


def decode_value(value: bytes, registry, cache: dict) -> tuple[str, dict]:
    """(schema name, record) of a Confluent-framed Avro value, its writer schema from the registry."""
    schema_id, body = codec.unframe(value)
    if schema_id not in cache:
        writer = fastavro.parse_schema(json.loads(registry.schema_by_id(schema_id)))
        cache[schema_id] = (writer["name"], writer)
    name, writer = cache[schema_id]
    return name, codec.decode(name, body, writer=writer)


class EventTopicSnapshot:
    """Callable giving the latest version of every event on the event topics (picklable: config only)."""

    def __init__(self, config: KafkaConfig, topics: Sequence[str], registry_url: Optional[str], registry_dir: Optional[str]):
        self._config = config
        self._topics = list(topics)
        self._registry_url = registry_url
        self._registry_dir = registry_dir

    def __call__(self) -> Iterator[dict]:
        from connectors.kafka_admin import ensure_topics, read_topic
        from connectors.registry import registry_for

        registry = registry_for(self._registry_url, self._registry_dir)
        cache: dict = {}
        latest: dict[str, dict] = {}
        ensure_topics(self._config, self._topics)
        for topic in self._topics:
            for record in read_topic(self._config, topic, from_beginning=True, until_end=True):
                if record.value is None:
                    continue
                try:
                    _, event = decode_value(record.value, registry, cache)
                except Exception as exc:
                    log.warning("skipping undecodable record %s/%d@%d while restoring state: %s",
                                topic, record.partition, record.offset, exc)
                    continue
                known = latest.get(event["event_id"])
                if known is None or known["version"] < event["version"]:
                    latest[event["event_id"]] = event
        return iter(latest.values())
