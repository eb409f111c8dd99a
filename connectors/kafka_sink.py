"""Writing Avro records to Kafka in the Confluent wire format.

Durability contract with :mod:`connectors.kafka_source`: every send of a bundle is flushed and checked in
``finish_bundle``; a failed send raises there, which fails the bundle, so the source's bundle finalizer
never commits the input offsets of output that did not reach Kafka (at-least-once). This holds because on
the FnApiRunner the whole streaming path, this sink included, fuses into the source's stage: finish_bundle
runs before the bundle's finalization.

So nothing that breaks fusion may sit between ``ReadFromKafka`` and ``WriteToKafka``: no GroupByKey, no
Reshuffle, and no multi-input ``beam.Flatten`` — the FnApiRunner always materializes a Flatten of several
PCollections into a separate stage, which runs *after* the source's bundle was finalized, so a crash in
between loses records whose offsets are already committed. To write several PCollections, hand them to one
``WriteToKafka`` as a tuple (``(events, dead) | WriteToKafka(...)``): each gets its own fused writer.
:func:`connectors.kafka_source.unfused_kafka_writes` finds violations in a built pipeline.
"""
from __future__ import annotations

import logging
import os
import time
from typing import Any, NamedTuple, Optional

import apache_beam as beam
from kafka.errors import KafkaTimeoutError

from connectors import kafka_admin
from connectors.kafka_config import KafkaConfig
from connectors.registry import registry_for, subject_for
from schemas import codec

_LOGGER = logging.getLogger(__name__)


class SinkRecord(NamedTuple):
    """One message to write: ``record`` is encoded with the current version of ``schema_name``."""
    topic: str
    #: Message key (UTF-8 encoded on the wire); ``None`` lets the producer spread records over partitions.
    key: Optional[str]
    #: Full Avro name, e.g. ``codec.MEETING`` ('dateline.MeetingEvent').
    schema_name: str
    record: dict


class KafkaWriteError(RuntimeError):
    """A record could not be written; the bundle fails so that its input is not committed."""


#: Seconds a record may wait for Kafka's acknowledgement before the write (and so the bundle) fails;
#: overrides the default of :class:`WriteToKafka` when its caller gives none (operators, fault tests).
WRITE_TIMEOUT_ENV = "DATELINE_KAFKA_WRITE_TIMEOUT_S"
DEFAULT_DELIVERY_TIMEOUT_MS = 60_000
DEFAULT_FLUSH_TIMEOUT_S = 90.0
#: finish_bundle waits for acknowledgements in slices this long, to report a silent broker while waiting.
_FLUSH_SLICE_S = 5.0


def _write_timeout_from_env() -> Optional[float]:
    raw = os.environ.get(WRITE_TIMEOUT_ENV, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{WRITE_TIMEOUT_ENV} must be a number of seconds, got {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{WRITE_TIMEOUT_ENV} must be positive, got {raw!r}")
    return value


class _WriteToKafkaFn(beam.DoFn):
    def __init__(self, config: KafkaConfig, registry_url: Optional[str], registry_dir: Optional[str],
                 producer_kwargs: dict[str, Any], flush_timeout_s: float):
        self._config = config
        self._registry_url = registry_url
        self._registry_dir = registry_dir
        self._producer_kwargs = producer_kwargs
        self._flush_timeout_s = flush_timeout_s
        self._producer = None
        self._registry = None

    def setup(self):
        self._registry = registry_for(self._registry_url, self._registry_dir)
        self._producer = kafka_admin.producer(self._config, **self._producer_kwargs)
        self._schema_ids: dict[tuple[str, str], int] = {}
        self._pending: list = []
        self._first_error: Optional[BaseException] = None
        self._written = beam.metrics.Metrics.counter("dateline.kafka_sink", "records_written")

    def start_bundle(self):
        self._pending = []
        self._first_error = None

    def _schema_id(self, topic: str, schema_name: str) -> int:
        key = (topic, schema_name)
        schema_id = self._schema_ids.get(key)
        if schema_id is None:
            schema_id = self._registry.register(subject_for(topic), codec.schema_text(schema_name))
            self._schema_ids[key] = schema_id
        return schema_id

    def _remember_error(self, topic: str, exc: BaseException) -> None:
        if self._first_error is None:
            self._first_error = KafkaWriteError(f"writing to Kafka topic {topic} failed: {type(exc).__name__}: {exc}")

    def process(self, element: SinkRecord):
        if self._first_error is not None:
            raise self._first_error  # fail fast: the bundle is lost anyway
        topic, key, schema_name, record = element
        value = codec.frame(self._schema_id(topic, schema_name), codec.encode(schema_name, record))
        future = self._producer.send(topic, key=key.encode("utf-8") if key is not None else None, value=value)
        future.add_errback(self._remember_error, topic)
        self._pending.append(future)
        if len(self._pending) >= 10_000:
            self._pending = [f for f in self._pending if not f.is_done]

    def finish_bundle(self):
        if not self._pending and self._first_error is None:
            return
        from connectors.kafka_source import _health  # one outage line per process, shared with the source

        health = _health(self._config.bootstrap_servers)
        deadline = time.monotonic() + self._flush_timeout_s
        while True:
            try:
                self._producer.flush(timeout=max(0.01, min(_FLUSH_SLICE_S, deadline - time.monotonic())))
                break
            except KafkaTimeoutError as exc:
                if self._first_error is not None:
                    break  # a send already failed: the bundle fails below, no need to wait for the rest
                health.failed(exc)
                if time.monotonic() >= deadline:
                    raise KafkaWriteError(f"Kafka did not acknowledge this bundle's records within "
                                          f"{self._flush_timeout_s:g}s ({type(exc).__name__}: {exc})") from exc
            except Exception as exc:
                raise KafkaWriteError(f"flushing this bundle's records to Kafka failed "
                                      f"({type(exc).__name__}: {exc})") from exc
        if self._first_error is not None:
            raise self._first_error
        health.ok()
        for future in self._pending:
            if future.failed():
                raise KafkaWriteError(f"writing to Kafka failed: {future.exception!r}")
        self._written.inc(len(self._pending))
        self._pending = []

    def teardown(self):
        if self._producer is not None:
            try:
                self._producer.close(timeout=5)
            except Exception:
                _LOGGER.debug("error closing the Kafka producer", exc_info=True)
            self._producer = None


class WriteToKafka(beam.PTransform):
    """Writes :class:`SinkRecord` elements as Confluent-framed Avro, value schema id from the registry.

    ``registry_url`` selects a Confluent-API registry; without it the file registry in ``registry_dir``
    (default ``.dateline/registry``, resolved against the directory the pipeline is built in) is used.
    The output PCollection is empty; it exists so that tests and graphs can depend on the write.
    Applied to a tuple, list or dict of PCollections, each gets its own writer (no Flatten: see the
    module docstring) and the result is a tuple of empty PCollections.
    """

    def __init__(self, config: KafkaConfig, registry_url: Optional[str] = None,
                 registry_dir: Optional[str] = None, flush_timeout_s: Optional[float] = None, **producer_kwargs):
        super().__init__()
        self._config = config
        self._registry_url = registry_url
        if not registry_url:
            from connectors.registry import DEFAULT_DIRECTORY
            registry_dir = os.path.abspath(os.path.expanduser(str(registry_dir or DEFAULT_DIRECTORY)))
        self._registry_dir = registry_dir
        options = {"acks": "all", "linger_ms": 5, "delivery_timeout_ms": DEFAULT_DELIVERY_TIMEOUT_MS,
                   "max_block_ms": 30_000}
        env_timeout_s = _write_timeout_from_env()
        if env_timeout_s is not None:
            # kafka-python insists on delivery > linger + request timeout.
            delivery_ms = int(env_timeout_s * 1000)
            options.update(delivery_timeout_ms=delivery_ms, request_timeout_ms=max(100, min(30_000, delivery_ms // 2)),
                           max_block_ms=min(30_000, delivery_ms))
        options.update(producer_kwargs)
        self._producer_kwargs = options
        if flush_timeout_s is None:
            flush_timeout_s = (env_timeout_s + 30.0) if env_timeout_s is not None else DEFAULT_FLUSH_TIMEOUT_S
        self._flush_timeout_s = flush_timeout_s

    def _fn(self) -> _WriteToKafkaFn:
        return _WriteToKafkaFn(self._config, self._registry_url, self._registry_dir, self._producer_kwargs,
                               self._flush_timeout_s)

    def expand(self, pcoll):
        if isinstance(pcoll, beam.pvalue.PCollection):
            return pcoll | "WriteAvroToKafka" >> beam.ParDo(self._fn())
        # Several inputs: one writer per input, never a Flatten. The FnApiRunner materializes every
        # multi-input Flatten as a stage of its own, which would run after the source's bundle was
        # finalized and its offsets committed (see the module docstring).
        inputs = list(pcoll.items()) if isinstance(pcoll, dict) else list(enumerate(pcoll))
        if not inputs:
            raise ValueError("WriteToKafka needs at least one PCollection")
        return tuple(p | f"WriteAvroToKafka_{name}" >> beam.ParDo(self._fn()) for name, p in inputs)
