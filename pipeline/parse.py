"""ParseArticles: raw bytes from any source to valid Articles, and everything else to dead letters."""
from __future__ import annotations

import json
import logging
from typing import Optional

import apache_beam as beam
import fastavro
from apache_beam.metrics import Metrics

from pipeline import articles
from pipeline.deadletters import Rejected, dead_letter

log = logging.getLogger(__name__)

DEAD = "dead_letters"


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
        self._schemas: dict[int, Optional[dict]] = {}

    def _writer_schema(self, schema_id: int) -> Optional[dict]:
        if schema_id not in self._schemas:
            self._schemas[schema_id] = self._lookup(schema_id)
        return self._schemas[schema_id]

    def _lookup(self, schema_id: int) -> Optional[dict]:
        if self._registry is None:
            from connectors.registry import registry_for  # only Kafka mode needs a registry
            self._registry = registry_for(self._registry_url, self._registry_dir)
        try:
            text = self._registry.schema_by_id(schema_id)
        except KeyError:
            return None
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
