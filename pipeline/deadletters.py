"""Dead letters: every input the pipeline cannot use leaves as a record with its bytes and a reason."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from connectors.records import RawRecord

#: Dead letters keep at most this many bytes of the original payload, so that one always fits in a Kafka
#: message: producers (max.request.size) and brokers (message.max.bytes) refuse records over 1 MiB by
#: default, and a dead letter that cannot be written fails its bundle again on every restart (a poison
#: message). ``payload_truncated`` says when bytes were cut; the source topic, partition and offset lead
#: back to the whole message.
MAX_PAYLOAD_BYTES = 512 * 1024

#: Error messages are cut to this many characters (they may quote input, e.g. an absurd date).
MAX_MESSAGE_CHARS = 2000

#: Every ``error_type`` a dead letter can carry, with what it means. Operators filter and alert on these;
#: a new rule adds its type here (tests check that every dead letter uses one).
ERROR_TYPES = {
    "empty": "the message has no bytes",
    "too_large": "the article, or one of its fields, is over its size cap",
    "invalid_utf8": "the bytes are not UTF-8 text",
    "invalid_json": "the text is not JSON",
    "invalid_text": "a text field holds something that cannot be stored as UTF-8 (an unpaired surrogate)",
    "not_an_object": "the JSON is not an object",
    "missing_field": "a required field is missing or null",
    "wrong_type": "a field has the wrong type",
    "empty_field": "a required text field is empty",
    "invalid_date": "published_at is not a date, or lies outside 1900 to now",
    "unsupported_language": "the article is not in English",
    "unknown_schema_id": "Confluent-framed Avro whose schema id the registry does not know",
    "invalid_avro": "Avro bytes that are not an Article (wrong schema, truncated, not a Confluent frame)",
    "unsupported_format": "an input format the pipeline does not read",
    "unexpected_error": "a parse failure no rule foresaw (a bug: please report it with the payload)",
    "extraction_error": "the extractor failed on a valid article",
}


class Rejected(Exception):
    """An input the pipeline refuses, with a short machine-readable type and a human message."""

    def __init__(self, error_type: str, message: str):
        super().__init__(message)
        self.error_type = error_type


def dead_letter(stage: str, error_type: str, message: str, raw: Optional[RawRecord] = None,
                payload: Optional[bytes] = None) -> dict:
    data = payload if payload is not None else (raw.payload if raw is not None else b"")
    if not isinstance(data, (bytes, bytearray)):
        data = str(data).encode("utf-8", "replace")
    return {
        "stage": stage,
        "error_type": error_type,
        "error_message": _printable(message),
        "payload": bytes(data[:MAX_PAYLOAD_BYTES]),
        "payload_truncated": len(data) > MAX_PAYLOAD_BYTES,
        "source_topic": raw.topic if raw else None,
        "source_partition": raw.partition if raw else None,
        "source_offset": raw.offset if raw else None,
        "source_path": raw.path if raw else None,
        "failed_at": dt.datetime.now(dt.timezone.utc),
    }


def _printable(message: str) -> str:
    """A message that Avro can store (no unpaired surrogates), cut to MAX_MESSAGE_CHARS."""
    text = str(message) or "no reason given"
    if len(text) > MAX_MESSAGE_CHARS:
        suffix = " ...(truncated)"
        text = text[:MAX_MESSAGE_CHARS - len(suffix)] + suffix
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
