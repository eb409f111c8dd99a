"""The Dateline pipeline: Read → Parse → Extract → Deduplicate → Write, whatever the source and sink.

    python -m pipeline run --input seeds/ --output out/
    python -m pipeline run --bootstrap-servers localhost:9092 --stop-after-idle 10
"""
from __future__ import annotations

import logging
import os

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from pipeline import io
from pipeline.dedup.transform import Deduplicate
from pipeline.extract.transform import ExtractEvents
from pipeline.options import DatelineOptions
from pipeline.parse import ParseArticles

log = logging.getLogger(__name__)

#: The runner used unless --runner says otherwise: the plain DirectRunner first tries to download a
#: Prism binary, which fails on any machine without internet.
DEFAULT_RUNNER = "FnApiRunner"

#: How long (in publication time) the streaming job keeps an event joinable; see pipeline/dedup/transform.py.
DEFAULT_RETENTION_DAYS = 14.0


def build(p: beam.Pipeline, opts: DatelineOptions, restore=None):
    """Adds the whole graph to ``p``; returns the events PCollection (for tests)."""
    raw = p | "ReadArticles" >> io.ReadArticles(opts)
    parsed = raw | "ParseArticles" >> ParseArticles(opts.max_article_bytes, opts.schema_registry, opts.registry_dir)
    extracted = parsed.articles | "ExtractEvents" >> ExtractEvents(opts.extract_batch_size, opts.extract_processes or 1)
    retention = opts.dedup_retention_days or (
        DEFAULT_RETENTION_DAYS if io.is_kafka_mode(opts) and not opts.bounded else None)
    events = extracted.events | "Deduplicate" >> Deduplicate(retention, restore)
    # No Flatten before a Kafka write: on the FnApiRunner a multi-input Flatten is a stage of its own, run
    # after the Kafka source committed the offsets (connectors/kafka_sink.py). WriteEvents flattens the
    # dead letters in file mode only.
    (events, parsed.dead_letters, extracted.dead_letters) | "WriteEvents" >> io.WriteEvents(opts)
    return events


def pipeline_options(argv=None) -> PipelineOptions:
    options = PipelineOptions(argv)
    std = options.view_as(StandardOptions)
    if not std.runner:
        std.runner = DEFAULT_RUNNER
    opts = options.view_as(DatelineOptions)
    io.validate_mode(opts)
    if io.is_kafka_mode(opts):
        std.streaming = std.streaming or not opts.bounded
    if opts.extract_processes is None:
        opts.extract_processes = default_extract_processes(opts, std_runner(options))
    return options


def default_extract_processes(opts: DatelineOptions, runner: str) -> int:
    """File mode on the local runner uses two cores: the FnApiRunner's own multi-worker mode gave less
    (its stage boundaries, worker start-up and a model per worker; bench/README.md). Kafka mode stays in
    one process, and cluster runners scale with workers of their own."""
    if io.is_kafka_mode(opts) or runner.split(".")[-1] not in (DEFAULT_RUNNER, "DirectRunner"):
        return 1
    return min(2, os.cpu_count() or 1)


def std_runner(options: PipelineOptions) -> str:
    return str(options.view_as(StandardOptions).runner or DEFAULT_RUNNER)


def run(argv=None):
    """Builds and runs the pipeline; unknown flags pass to Beam (--runner and friends)."""
    options = pipeline_options(argv)
    opts = options.view_as(DatelineOptions)
    restore = None
    if io.is_kafka_mode(opts) and opts.restore_state:
        from connectors.restore import EventTopicSnapshot
        restore = EventTopicSnapshot(io.kafka_config(opts), [opts.meetings_topic, opts.contributions_topic],
                                     opts.schema_registry, opts.registry_dir)
    p = beam.Pipeline(options=options)
    build(p, opts, restore)
    if not io.is_kafka_mode(opts):
        result = p.run()
        result.wait_until_finish()
        return result
    from connectors.kafka_source import stop_on_signals, unfused_kafka_writes

    if std_runner(options) == DEFAULT_RUNNER:
        unfused = unfused_kafka_writes(p)
        if unfused:  # a write behind a stage boundary would run after its input offsets were committed
            raise RuntimeError(f"Kafka writes not fused with the Kafka read, at-least-once would break: {unfused}")
    with stop_on_signals():  # SIGTERM/SIGINT end the stream cleanly, committing what was written
        result = p.run()
        result.wait_until_finish()
    return result
