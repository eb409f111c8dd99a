"""ParseArticles: raw bytes from any source to valid Articles, and everything else to dead letters."""
from __future__ import annotations

import collections
import json
import logging
import time
from typing import Optional

import apache_beam as beam
import fastavro
from apache_beam.metrics import Metrics

from connectors.registry import RegistryError
from pipeline import articles
from pipeline.deadletters import Rejected, dead_letter

log = logging.getLogger(__name__)

DEAD = "dead_letters"

#: Schema ids remembered per worker (hits and misses); random bytes after a 0 byte name random ids, so
#: the cache is bounded, and a miss is asked again after a while (the schema may be registered since).
SCHEMA_CACHE_SIZE = 1024
SCHEMA_MISS_TTL_S = 60.0


class _ParseFn(beam.DoFn):
    def __init__(self, max_bytes: int, registry_url: Optional[str], registry_dir: Optional[str]):
        self._max_bytes = max_bytes
        self._registry_url = registry_url
        self._registry_dir = registry_dir
        self.read = Metrics.counter("dateline", "articles_read")
        self.parsed = Metrics.counter("dateline", "articles_parsed")
        self.rejected = Metrics.counter("dateline", "dead_letters")

    def setup(self):
        self._registry = None
        # schema id -> (parsed schema or None for "unknown", monotonic time it was looked up)
        self._schemas: collections.OrderedDict[int, tuple[Optional[dict], float]] = collections.OrderedDict()

    def _writer_schema(self, schema_id: int) -> Optional[dict]:
        cached = self._schemas.get(schema_id)
        now = time.monotonic()
        if cached is not None and (cached[0] is not None or now - cached[1] < SCHEMA_MISS_TTL_S):
            self._schemas.move_to_end(schema_id)
            return cached[0]
        schema = self._lookup(schema_id)
        self._schemas[schema_id] = (schema, now)
        self._schemas.move_to_end(schema_id)
        while len(self._schemas) > SCHEMA_CACHE_SIZE:
            self._schemas.popitem(last=False)
        return schema

    def _lookup(self, schema_id: int) -> Optional[dict]:
        if self._registry is None:
            from connectors.registry import registry_for  # only Kafka mode needs a registry
            self._registry = registry_for(self._registry_url, self._registry_dir)
        try:
            text = self._registry.schema_by_id(schema_id)
        except KeyError:  # SchemaNotFound: the id is unknown, the message is a dead letter
            return None
        # Any other registry error (unreachable, 5xx) propagates: the bundle fails and is retried after a
        # restart, rather than dead-lettering valid messages because the registry was down.
        return fastavro.parse_schema(json.loads(text)) if text else None

    def process(self, raw):
        self.read.inc()
        try:
            article = articles.parse_raw(raw, self._writer_schema, self._max_bytes)
        except Rejected as exc:
            self.rejected.inc()
            Metrics.counter("dateline", f"dead_letters_{exc.error_type}").inc()
            yield beam.pvalue.TaggedOutput(DEAD, dead_letter("parse", exc.error_type, str(exc), raw))
            return
        except RegistryError:
            raise  # infrastructure, not input: see _lookup
        except Exception as exc:  # a bug or an input no rule foresaw: never stop the stream for it
            log.warning("unexpected parse failure at %s: %s", raw.path or (raw.topic, raw.partition, raw.offset), exc)
            self.rejected.inc()
            yield beam.pvalue.TaggedOutput(DEAD, dead_letter("parse", "unexpected_error", f"{type(exc).__name__}: {exc}", raw))
            return
        self.parsed.inc()
        yield article


class ParseArticles(beam.PTransform):
    """Returns a tuple-like result: ``.articles`` and ``.dead_letters``."""

    def __init__(self, max_bytes: int = articles.DEFAULT_MAX_ARTICLE_BYTES,
                 registry_url: Optional[str] = None, registry_dir: Optional[str] = None):
        super().__init__()
        self._fn = _ParseFn(max_bytes, registry_url, registry_dir)

    def expand(self, raw):
        results = raw | "Parse" >> beam.ParDo(self._fn).with_outputs(DEAD, main="articles")
        return results
