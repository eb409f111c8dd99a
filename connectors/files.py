"""File sources and sinks: the file mode reads and writes through the same PCollections as Kafka.

Paths go through Beam's FileSystems, so a glob on gs:// or s3:// works on a cluster as a local path does here.
"""
from __future__ import annotations

import io
import logging
import os
from typing import Iterable, Iterator

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems

from connectors.records import RawRecord
from schemas import codec

log = logging.getLogger(__name__)

#: File extensions the file mode reads, and the RawRecord format each yields.
ARTICLE_EXTENSIONS = {".jsonl": "json", ".json": "json", ".avro": "avro", ".txt": "text"}


def expand_input(pattern: str) -> list[str]:
    """Files named by a file, a folder (searched recursively) or a glob, sorted for reproducible runs."""
    if os.path.isdir(pattern):
        found = [os.path.join(root, name) for root, _, names in os.walk(pattern) for name in names]
        paths = [p for p in found if os.path.splitext(p)[1].lower() in ARTICLE_EXTENSIONS]
    else:
        paths = [m.path for result in FileSystems.match([pattern]) for m in result.metadata_list]
    if not paths:
        raise FileNotFoundError(f"no input files match {pattern!r} (expected .jsonl, .avro or .txt)")
    return sorted(paths)


def read_file(path: str, text_hints: dict | None = None) -> Iterator[RawRecord]:
    """One RawRecord per article in ``path``; damage inside a file is left for ParseArticles to dead-letter."""
    ext = os.path.splitext(path)[1].lower()
    kind = ARTICLE_EXTENSIONS.get(ext)
    with FileSystems.open(path) as fh:
        data = fh.read()
    if kind == "json":
        for lineno, line in enumerate(data.split(b"\n"), start=1):
            if line.strip():
                yield RawRecord(payload=line.rstrip(b"\r"), format="json", path=f"{path}:{lineno}")
    elif kind == "text":
        stem = os.path.splitext(os.path.basename(path))[0]
        hints = {"article_id": stem, **(text_hints or {})}
        yield RawRecord(payload=data, format="text", path=path, hints=hints)
    elif kind == "avro":
        yield from _read_avro_articles(path, data)
    else:
        yield RawRecord(payload=data[:4096], format="unsupported", path=path,
                        hints={"reason": f"unsupported file extension {ext!r}"})


def _read_avro_articles(path: str, data: bytes) -> Iterator[RawRecord]:
    try:
        for index, record in enumerate(codec.read_container(io.BytesIO(data), codec.ARTICLE)):
            yield RawRecord(payload=codec.encode(codec.ARTICLE, record), format="avro", path=f"{path}#{index}")
    except Exception as exc:  # a foreign or corrupt container: keep its bytes and say why
        yield RawRecord(payload=data, format="unsupported", path=path,
                        hints={"reason": f"not an Avro container of Article records: {exc}"})


class ReadArticleFiles(beam.PTransform):
    """Raw articles from files: the file-mode twin of ReadFromKafka."""

    def __init__(self, pattern: str, text_hints: dict | None = None):
        super().__init__()
        self._pattern = pattern
        self._hints = text_hints or {}

    def expand(self, pbegin):
        hints = self._hints
        return (
            pbegin
            | "ListFiles" >> beam.Create(expand_input(self._pattern))
            | "Reshuffle" >> beam.Reshuffle()
            | "ReadFile" >> beam.FlatMap(read_file, text_hints=hints)
        )


class _LatestVersion(beam.CombineFn):
    """Keeps the record with the highest version: what a compacted topic shows a new consumer."""

    def create_accumulator(self):
        return None

    def add_input(self, best, record):
        return record if best is None or record["version"] > best["version"] else best

    def merge_accumulators(self, accumulators):
        best = None
        for acc in accumulators:
            if acc is not None:
                best = self.add_input(best, acc)
        return best

    def extract_output(self, best):
        return best


class WriteAvroFile(beam.PTransform):
    """One Avro container file ``DIR/<name>.avro`` of ``schema_name`` records (written even when empty)."""

    def __init__(self, directory: str, name: str, schema_name: str, compact: bool):
        super().__init__()
        self._path = os.path.join(directory, name)
        self._schema_name = schema_name
        self._compact = compact

    def expand(self, records):
        if self._compact:
            records = (
                records
                | "KeyByEventId" >> beam.Map(lambda r: (r["event_id"], r))
                | "LatestVersion" >> beam.CombinePerKey(_LatestVersion())
                | "DropKey" >> beam.Values()
            )
        return records | "WriteAvro" >> beam.io.WriteToAvro(
            self._path,
            schema=codec.schema(self._schema_name),
            file_name_suffix=".avro",
            num_shards=1,
            shard_name_template="",
        )


def read_avro_dir(directory: str, prefix: str, schema_name: str | None = None) -> list[dict]:
    """All records of ``DIR/<prefix>*.avro``: for tests, the CLI table and ``dateline eval``."""
    records: list[dict] = []
    for path in expand_input_optional(os.path.join(directory, f"{prefix}*.avro")):
        with open(path, "rb") as fh:
            records.extend(codec.read_container(fh, schema_name))
    return records


def expand_input_optional(pattern: str) -> Iterable[str]:
    try:
        return expand_input(pattern)
    except FileNotFoundError:
        return []
