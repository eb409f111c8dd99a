"""Dead letters: every input the pipeline cannot use leaves as a record with its bytes and a reason."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from connectors.records import RawRecord

#: Dead letters keep at most this many bytes of the original payload (the size cap of articles is lower).
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024


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
        "error_message": message,
        "payload": bytes(data[:MAX_PAYLOAD_BYTES]),
        "payload_truncated": len(data) > MAX_PAYLOAD_BYTES,
        "source_topic": raw.topic if raw else None,
        "source_partition": raw.partition if raw else None,
        "source_offset": raw.offset if raw else None,
        "source_path": raw.path if raw else None,
        "failed_at": dt.datetime.now(dt.timezone.utc),
    }
