"""The envelope every source hands to the pipeline: raw bytes plus where they came from.

Parsing happens in the pipeline (ParseArticles), not in the sources, so that a file line and a Kafka
message take the same road and fail the same way into the dead-letter output.
"""
from __future__ import annotations

from typing import NamedTuple, Optional


class RawRecord(NamedTuple):
    payload: bytes
    #: How to read ``payload``: 'auto' (Confluent-framed Avro if it starts with magic byte 0, else JSON),
    #: 'json', 'avro' (schemaless Article body, from a container file) or 'text' (headline line + body).
    format: str = "auto"
    topic: Optional[str] = None
    partition: Optional[int] = None
    offset: Optional[int] = None
    key: Optional[bytes] = None
    #: Producer timestamp (ms since the epoch) for Kafka records.
    timestamp_ms: Optional[int] = None
    #: File origin, e.g. 'seeds/x.jsonl:3'.
    path: Optional[str] = None
    #: Metadata the format itself lacks (for 'text': source, published_at, article_id, url).
    hints: Optional[dict] = None
