"""The one Avro codec: every reader and writer of Dateline's records goes through here.

Schemas live in ``avro/v<N>/<namespace>.<Name>.avsc``; each published version is kept whole so that
compatibility can be tested against all of them, and the highest version is what the pipeline writes.
Records shared between schemas (Actor, Place, ...) are separate files that fastavro resolves by name.
"""
from __future__ import annotations

import io
import json
import struct
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

import fastavro
from fastavro.schema import load_schema

AVRO_DIR = Path(__file__).resolve().parent / "avro"

#: Logical record kinds the pipeline speaks of, mapped to full Avro names.
ARTICLE = "dateline.Article"
MEETING = "dateline.MeetingEvent"
MILITARY_CONTRIBUTION = "dateline.MilitaryContributionEvent"
DEAD_LETTER = "dateline.DeadLetter"

#: Event type (as written in ``event_type``) to its schema.
EVENT_SCHEMAS = {"meeting": MEETING, "military_contribution": MILITARY_CONTRIBUTION}

CONFLUENT_MAGIC = 0


class WireFormatError(ValueError):
    """Bytes that do not follow the Confluent wire format."""


def versions() -> list[int]:
    """Published schema versions, oldest first."""
    return sorted(int(p.name[1:]) for p in AVRO_DIR.glob("v*") if p.is_dir() and p.name[1:].isdigit())


def latest_version() -> int:
    return versions()[-1]


def names(version: int | None = None) -> list[str]:
    """Top-level record names published in a version (the shared sub-records included)."""
    folder = AVRO_DIR / f"v{version or latest_version()}"
    return sorted(p.name[: -len(".avsc")] for p in folder.glob("*.avsc"))


@lru_cache(maxsize=None)
def schema(name: str, version: int | None = None) -> dict:
    """The parsed schema of ``name`` (e.g. ``dateline.MeetingEvent``), named references resolved."""
    path = AVRO_DIR / f"v{version or latest_version()}" / f"{name}.avsc"
    if not path.exists():
        raise KeyError(f"no schema {name} in version {version or latest_version()}")
    return load_schema(str(path), _write_hint=True)


@lru_cache(maxsize=None)
def schema_text(name: str, version: int | None = None) -> str:
    """Self-contained JSON of a schema, named types inlined where first used: what a registry stores.

    Docs, defaults and logical types are kept (Parsing Canonical Form would drop them, and a registry
    checking compatibility needs the defaults; readers need the logical types).
    """
    folder = AVRO_DIR / f"v{version or latest_version()}"
    defined: set[str] = set()

    def inline(node):
        if isinstance(node, str):
            path = folder / f"{node}.avsc"
            if node not in defined and path.exists():
                defined.add(node)
                return inline(json.loads(path.read_text(encoding="utf-8")))
            return node
        if isinstance(node, list):
            return [inline(n) for n in node]
        if isinstance(node, dict):
            if node.get("type") in ("record", "enum", "fixed"):
                defined.add(f"{node.get('namespace', 'dateline')}.{node['name']}")
            return {k: (inline(v) if k in ("type", "items", "values", "fields") else v) for k, v in node.items()}
        return node

    return json.dumps(inline(name), separators=(",", ":"))


def encode(name: str, record: dict) -> bytes:
    """Schemaless Avro body of one record (validated: a wrong record raises, it is never half-written)."""
    buf = io.BytesIO()
    fastavro.schemaless_writer(buf, schema(name), record, strict_allow_default=True)
    return buf.getvalue()


def decode(name: str, body: bytes, writer: dict | None = None) -> dict:
    """Read a schemaless body written with ``writer`` (default: the current schema) as the current schema."""
    reader = schema(name)
    return fastavro.schemaless_reader(io.BytesIO(body), writer or reader, reader)


def frame(schema_id: int, body: bytes) -> bytes:
    """Confluent wire format: magic byte 0, 4-byte big-endian schema id, Avro body."""
    return struct.pack(">bI", CONFLUENT_MAGIC, schema_id) + body


def unframe(data: bytes) -> tuple[int, bytes]:
    """Split a Confluent-framed message into (schema id, Avro body)."""
    if len(data) < 5 or data[0] != CONFLUENT_MAGIC:
        raise WireFormatError("not Confluent wire format: expected magic byte 0 followed by a 4-byte schema id")
    return struct.unpack(">I", data[1:5])[0], data[5:]


def write_container(fo: BinaryIO, name: str, records: Iterable[dict], codec: str = "deflate") -> None:
    """An Avro object container file of ``records`` with the current schema embedded."""
    fastavro.writer(fo, schema(name), records, codec=codec, strict_allow_default=True)


def read_container(fo: BinaryIO, name: str | None = None) -> Iterator[dict]:
    """Records of a container file, read as the current schema of ``name`` when given (schema evolution)."""
    reader_schema = schema(name) if name else None
    yield from fastavro.reader(fo, reader_schema=reader_schema)


def to_json(record: Any) -> str:
    """JSON text of a decoded record (dates and bytes made printable), for people and ``dateline tail``."""
    return json.dumps(record, default=_jsonable, ensure_ascii=False, sort_keys=False)


def _jsonable(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return value.decode("utf-8", "replace")
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
