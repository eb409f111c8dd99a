"""ExtractEvents: articles in, candidate events (one mention each) out; failures become dead letters."""
from __future__ import annotations

import logging

import apache_beam as beam
from apache_beam.metrics import Metrics

from pipeline.deadletters import dead_letter

log = logging.getLogger(__name__)

DEAD = "dead_letters"


class _ExtractFn(beam.DoFn):
    """Holds the spaCy model per worker: loaded in setup(), never pickled with the DoFn."""

    def __init__(self, processes: int = 1):
        self._processes = processes
        self.articles = Metrics.counter("dateline", "articles_extracted")
        self.failures = Metrics.counter("dateline", "dead_letters")
        self.per_type = {
            "meeting": Metrics.counter("dateline", "events_meetings"),
            "military_contribution": Metrics.counter("dateline", "events_military_contributions"),
        }
        self.skipped = Metrics.counter("dateline", "sentences_skipped")

    def setup(self):
        from pipeline.extract.extractor import Extractor
        self._extractor = Extractor.shared(self._processes)

    def teardown(self):
        self._extractor.close()  # helper processes end with the pipeline; the model stays loaded

    def process(self, batch):
        skipped = self._extractor.sentences_skipped
        results = self._extractor.extract_many(batch)
        self.skipped.inc(self._extractor.sentences_skipped - skipped)
        for article, result in results:
            if isinstance(result, Exception):
                log.warning("extraction failed for %s: %s", article.get("article_id"), result)
                self.failures.inc()
                payload = f"{article.get('article_id')}\n{article.get('title', '')}\n\n{article.get('body', '')}"
                yield beam.pvalue.TaggedOutput(DEAD, dead_letter(
                    "extract", "extraction_error", f"{type(result).__name__}: {result}",
                    payload=payload.encode("utf-8", "replace")))
                continue
            self.articles.inc()
            for event in result:
                self.per_type[event["event_type"]].inc()
                yield event


class ExtractEvents(beam.PTransform):
    """Batches articles so spaCy's nlp.pipe amortises its cost, then extracts per article.

    Batches have ``batch_size`` articles, or fewer where a bundle ends (a Kafka poll's worth): never a
    wait for more input. (BatchElements' adaptive sizing started every bundle at one article and
    rarely got to the maximum.) With ``processes`` > 1 each batch is shared out between the worker and
    helper processes forked from it (pipeline/extract/extractor.py)."""

    def __init__(self, batch_size: int = 16, processes: int = 1):
        super().__init__()
        self._batch_size = batch_size
        self._processes = processes

    def expand(self, articles):
        return (
            articles
            | "Batch" >> beam.BatchElements(min_batch_size=self._batch_size, max_batch_size=self._batch_size)
            | "Extract" >> beam.ParDo(_ExtractFn(self._processes)).with_outputs(DEAD, main="events")
        )
