"""Reading Kafka topics into the pipeline with a splittable DoFn, in pure Python.

Beam's own ReadFromKafka is a Java cross-language transform, which needs a JVM and an expansion service
this project cannot download; so the source is an SDF over kafka-python:

``Impulse -> discover partitions -> SDF, one element per topic-partition``

- **Restriction**: ``OffsetRange(start, stop)``. ``start`` is the group's committed offset (or the reset
  policy when there is none or it is out of range); ``stop`` is ``sys.maxsize`` when unbounded, the exact
  end offset taken at start when bounded. A partition is read strictly in order by one consumer, so the
  restriction is never split except by the self-checkpoint (``defer_remainder``).
- **One process() call** = one poll of that partition's consumer. The poll's timeout is the idle wait
  (the FnApiRunner reschedules a checkpointed residual at once and ignores resume delays). A bundle
  visits every partition in turn, so each waits ``poll_timeout_s / partitions``: a quiet round costs about
  ``poll_timeout_s`` whatever the partition count, while each consumer keeps fetching in its own thread.
- **Offsets** are committed in a bundle finalizer: offset+1 of the last record claimed in the bundle. The
  finalizer runs only after the bundle succeeded, and on the FnApiRunner every fused downstream step,
  the Kafka sink's flush included, finished before it: at-least-once, nothing committed that was not
  written. A restart resumes after the last committed record.
- **Stopping**: ``stop_after_idle`` seconds without a record on any partition (each caught up with its
  end and its last poll empty) ends the source, as does :func:`request_stop` — which the signal handlers
  of :func:`stop_on_signals` call on SIGTERM/SIGINT. Both finish the restrictions instead of killing the
  pipeline, so the last bundle is finalized and its offsets committed.

Limitations, on purpose:
- Partitions are discovered once, at start. Every ``partition_recheck_s`` the source looks again and logs
  a warning if a topic grew; the new partitions are read after a restart (from the beginning under
  ``auto_offset_reset='earliest'``, so nothing is lost).
- The idle clock and the stop flag are per process. That is the whole pipeline on the FnApiRunner with
  its in-process worker (the supported runner); on a multi-process runner each worker stops on its own.
- At-least-once needs the writes fused into the source's stage. The FnApiRunner fuses ParDos and
  stateful DoFns (it does not make them stage roots); a GroupByKey, a Reshuffle or a ``beam.Flatten`` of
  several PCollections in between makes a stage of its own, which runs only after the source's bundle
  was finalized and its offsets committed: a crash in between loses those records.
  :func:`unfused_kafka_writes` lists such writes in a built pipeline (run it in a test).
- Consumers use ``assign()``, not group membership: two pipelines running at once with the same group
  both read every partition (and both commit). Run one per group.
- Broker outages are reported by this module, one line down and one line up; kafka-python's own
  per-reconnect logging is muted (see :func:`connectors.kafka_admin.quiet_client_logs`).
- tansu answers ListOffsets with "base offset of the last batch + 1"; the end offsets used here are the
  exact ones from :func:`connectors.kafka_admin.exact_end_offsets` and the fetch high watermark.
"""
from __future__ import annotations

import functools
import logging
import os
import signal
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from typing import Iterable, Optional, Sequence

import apache_beam as beam
from apache_beam.io.restriction_trackers import OffsetRange, OffsetRestrictionTracker
from apache_beam.io.watermark_estimators import MonotonicWatermarkEstimator
from apache_beam.transforms.core import RestrictionProvider, WatermarkEstimatorProvider
from apache_beam.transforms.window import TimestampedValue
from apache_beam.utils.timestamp import MIN_TIMESTAMP, Timestamp
from kafka import TopicPartition
from kafka.errors import KafkaError
from kafka.structs import OffsetAndMetadata

from connectors import kafka_admin
from connectors.kafka_config import KafkaConfig
from connectors.records import RawRecord

_LOGGER = logging.getLogger(__name__)

UNBOUNDED = sys.maxsize
#: Records per poll, which is also records per bundle on the FnApiRunner: the work redone after a crash,
#: and how often offsets are committed. ``max_records_per_poll`` or this environment variable overrides it.
DEFAULT_MAX_POLL_RECORDS = 500
MAX_POLL_RECORDS_ENV = "DATELINE_KAFKA_MAX_POLL_RECORDS"
OFFSET_RESET_POLICIES = ("earliest", "latest")

# --------------------------------------------------------------------------------------------------
# Stop flag: set by a signal handler in the process that runs the pipeline, read by every partition.

_STOP = threading.Event()


def request_stop() -> None:
    """Ask every Kafka source in this process to commit and finish at its next poll."""
    _STOP.set()


def clear_stop() -> None:
    _STOP.clear()


def stop_requested() -> bool:
    return _STOP.is_set()


@contextmanager
def stop_on_signals(signals: Sequence[int] = (signal.SIGTERM, signal.SIGINT)):
    """Around ``pipeline.run().wait_until_finish()``: the first SIGTERM/SIGINT asks Kafka sources to stop
    cleanly (commit, then finish); a second one falls back to the previous handler (Ctrl-C twice kills).

    Clears a stop left over from an earlier run in the same process. Signal handlers can only be set from
    the main thread; elsewhere this only clears the flag (use :func:`request_stop` yourself).
    """
    clear_stop()
    previous: dict[int, object] = {}

    def _handler(signum, frame):
        if _STOP.is_set():
            for sig, old in previous.items():
                signal.signal(sig, old)
            old = previous.get(signum)
            if callable(old):
                old(signum, frame)
            else:
                raise KeyboardInterrupt
            return
        _LOGGER.warning("%s received: Kafka sources commit their offsets and stop after the current poll "
                        "(send it again to stop at once)", signal.Signals(signum).name)
        _STOP.set()

    if threading.current_thread() is threading.main_thread():
        for sig in signals:
            previous[sig] = signal.getsignal(sig)
            signal.signal(sig, _handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


# --------------------------------------------------------------------------------------------------
# Process-wide state shared by the DoFn instances of one source (keyed by a uid made at construction).

class _SourceState:
    def __init__(self):
        self.lock = threading.Lock()
        self.last_activity: dict[TopicPartition, float] = {}
        self.stopping = False
        self.warned_growth: set[tuple[str, int]] = set()

    def touch(self, tp: TopicPartition) -> None:
        with self.lock:
            self.last_activity[tp] = time.monotonic()

    def register(self, tp: TopicPartition) -> None:
        with self.lock:
            self.last_activity.setdefault(tp, time.monotonic())

    def idle_for(self, expected: int) -> float:
        """Seconds since the most recent activity on any partition (0 until every partition reported)."""
        with self.lock:
            if len(self.last_activity) < expected:
                return 0.0
            return time.monotonic() - max(self.last_activity.values())


_SOURCES: dict[str, _SourceState] = {}
_SOURCES_LOCK = threading.Lock()


def _source_state(uid: str) -> _SourceState:
    with _SOURCES_LOCK:
        state = _SOURCES.get(uid)
        if state is None:
            state = _SOURCES[uid] = _SourceState()
        return state


class _BrokerHealth:
    """One log line when the brokers stop answering and one when they answer again, for the whole process."""

    def __init__(self, servers: str):
        self.servers = servers
        self.down_since: Optional[float] = None
        self.lock = threading.Lock()

    def failed(self, exc: BaseException) -> None:
        with self.lock:
            if self.down_since is None:
                self.down_since = time.monotonic()
                _LOGGER.warning("Kafka at %s stopped answering (%s); reads and writes wait and are retried "
                                "with backoff, nothing is committed meanwhile", self.servers, _describe(exc))

    def ok(self) -> None:
        with self.lock:
            if self.down_since is not None:
                _LOGGER.warning("Kafka at %s answers again after %.1f s; resumed", self.servers,
                                time.monotonic() - self.down_since)
                self.down_since = None

    @property
    def is_down(self) -> bool:
        return self.down_since is not None


_HEALTH: dict[str, _BrokerHealth] = {}


def _describe(exc: BaseException) -> str:
    text = str(exc)
    name = type(exc).__name__
    return text if text.startswith(name) else f"{name}: {text}" if text else name


def _health(servers: str) -> _BrokerHealth:
    with _SOURCES_LOCK:
        health = _HEALTH.get(servers)
        if health is None:
            health = _HEALTH[servers] = _BrokerHealth(servers)
        return health


def _retry(what: str, fn, config: KafkaConfig, deadline_s: float):
    """Call ``fn`` until it succeeds or ``deadline_s`` passes, backing off; for start-up calls."""
    health = _health(config.bootstrap_servers)
    delay = 0.2
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            result = fn()
            health.ok()
            return result
        except (KafkaError, TimeoutError) as exc:
            health.failed(exc)
            if time.monotonic() + delay > deadline:
                raise RuntimeError(f"{what}: Kafka at {config.bootstrap_servers} did not answer within "
                                   f"{deadline_s:.0f}s ({_describe(exc)})") from exc
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


# --------------------------------------------------------------------------------------------------
# Partition discovery (runs once, at start).

class _DiscoverPartitions(beam.DoFn):
    """Impulse -> one ``(topic, partition, start, stop, partitions_in_source, partitions_in_topic)`` each."""

    def __init__(self, config: KafkaConfig, topics: Sequence[str], group_id: str, bounded: bool,
                 auto_offset_reset: str, startup_timeout_s: float):
        self._config = config
        self._topics = list(topics)
        self._group_id = group_id
        self._bounded = bounded
        self._reset = auto_offset_reset
        self._startup_timeout_s = startup_timeout_s

    def process(self, _impulse):
        # The job's one dump of its Kafka settings, passwords masked (KafkaConfig.masked()).
        _LOGGER.info("Kafka source: topics %s, group %s, settings %s", ", ".join(self._topics), self._group_id,
                     self._config.masked())
        plan = _retry("discovering Kafka partitions", self._plan, self._config, self._startup_timeout_s)
        total = len(plan)
        per_topic = {t: sum(1 for p in plan if p[0].topic == t) for t in self._topics}
        for tp, start, stop, origin in plan:
            _LOGGER.info("Kafka %s[%d]: reading from offset %d (%s)%s for group %s", tp.topic, tp.partition, start,
                         origin, f" to {stop}" if stop != UNBOUNDED else "", self._group_id)
            yield (tp.topic, tp.partition, start, stop, total, per_topic[tp.topic])

    def _plan(self):
        consumer = kafka_admin.consumer(self._config, group_id=self._group_id, bootstrap_timeout_ms=10_000)
        try:
            return self._plan_with(consumer)
        finally:
            consumer.close(autocommit=False)

    def _plan_with(self, consumer):
        tps: list[TopicPartition] = []
        for topic in self._topics:
            tps.extend(kafka_admin.partitions_of(consumer, topic, timeout_s=10.0))
        beginning = consumer.beginning_offsets(tps, timeout_ms=10_000)
        ends = kafka_admin.exact_end_offsets(consumer, tps)
        plan = []
        for tp in tps:
            committed = consumer.committed(tp, timeout_ms=10_000)
            if committed is not None and beginning[tp] <= committed <= ends[tp]:
                start, origin = committed, "committed"
            else:
                if committed is not None:
                    _LOGGER.warning("Kafka %s[%d]: committed offset %d of group %s is outside [%d, %d]; using "
                                    "auto_offset_reset=%s", tp.topic, tp.partition, committed, self._group_id,
                                    beginning[tp], ends[tp], self._reset)
                start = beginning[tp] if self._reset == "earliest" else ends[tp]
                origin = self._reset
            stop = ends[tp] if self._bounded else UNBOUNDED
            plan.append((tp, start, max(start, stop), origin))
        return plan


# --------------------------------------------------------------------------------------------------
# The splittable DoFn.

class _PartitionTracker(OffsetRestrictionTracker):
    """An offset tracker that only ever splits to checkpoint: one partition, one reader, in order."""

    def try_split(self, fraction_of_remainder):
        if fraction_of_remainder != 0:
            return None
        return super().try_split(0)

    def is_bounded(self):
        return self.current_restriction().stop != UNBOUNDED


class _PartitionRestrictionProvider(RestrictionProvider):
    def initial_restriction(self, element):
        return OffsetRange(element[2], element[3])

    def create_tracker(self, restriction):
        return _PartitionTracker(restriction)

    def split(self, element, restriction):
        yield restriction  # no initial split: offsets of a partition are read in order

    def restriction_size(self, element, restriction):
        # Only a scheduling weight; an unbounded range is not "9e18 records" of work.
        return 1 if restriction.stop == UNBOUNDED else restriction.size()


class _RecordTimeWatermarks(WatermarkEstimatorProvider):
    """The watermark follows record timestamps upward (Beam's default provider starts at None, which its
    own estimator cannot compare against in 2.77, so this one starts at the minimum timestamp)."""

    def initial_estimator_state(self, element, restriction):
        return MIN_TIMESTAMP

    def create_watermark_estimator(self, estimator_state):
        return MonotonicWatermarkEstimator(estimator_state if estimator_state is not None else MIN_TIMESTAMP)


_PROVIDER = _PartitionRestrictionProvider()
_WATERMARKS = _RecordTimeWatermarks()


class _ReadPartitions(beam.DoFn):
    """Bounded flavour; :class:`_ReadPartitionsUnbounded` only adds the unbounded marker."""

    def __init__(self, config: KafkaConfig, group_id: str, source_uid: str, stop_after_idle: Optional[float],
                 poll_timeout_s: float, max_records_per_poll: int, partition_recheck_s: float,
                 auto_offset_reset: str = "earliest", commit_timeout_s: float = 10.0):
        self._config = config
        self._reset = auto_offset_reset
        self._group_id = group_id
        self._uid = source_uid
        self._stop_after_idle = stop_after_idle
        self._poll_timeout_s = poll_timeout_s
        self._max_records = max_records_per_poll
        self._recheck_s = partition_recheck_s
        self._commit_timeout_s = commit_timeout_s

    # --- lifecycle -------------------------------------------------------------------------------
    def setup(self):
        self._lock = threading.RLock()
        self._consumers: dict[TopicPartition, object] = {}
        self._next_offset: dict[TopicPartition, int] = {}
        self._committed: dict[TopicPartition, int] = {}
        self._backoff: dict[TopicPartition, float] = {}
        self._last_health_check: dict[TopicPartition, float] = {}
        self._reported_end: dict[TopicPartition, int] = {}
        self._next_recheck: dict[str, float] = {}
        self._health = _health(self._config.bootstrap_servers)
        self._state = _source_state(self._uid)
        self._records_read = beam.metrics.Metrics.counter("dateline.kafka_source", "records_read")
        self._commits = beam.metrics.Metrics.counter("dateline.kafka_source", "offset_commits")

    def teardown(self):
        with self._lock:
            for consumer in self._consumers.values():
                try:
                    consumer.close(autocommit=False)
                except Exception:
                    _LOGGER.debug("error closing a Kafka consumer", exc_info=True)
            self._consumers.clear()

    def _consumer(self, tp: TopicPartition, start: int, poll_timeout_ms: int):
        """The partition's cached consumer, positioned at ``start`` (re-seeks after a retried bundle)."""
        with self._lock:
            consumer = self._consumers.get(tp)
            if consumer is None:
                consumer = kafka_admin.consumer(
                    self._config, group_id=self._group_id, max_poll_records=self._max_records,
                    fetch_max_wait_ms=max(10, min(500, poll_timeout_ms)), bootstrap_timeout_ms=10_000,
                    # Only when a position falls out of the log (retention): the start is always explicit.
                    auto_offset_reset=self._reset,
                    client_id=f"{self._config.client_id}-{tp.topic}-{tp.partition}")
                consumer.assign([tp])
                self._consumers[tp] = consumer
            if self._next_offset.get(tp) != start:
                consumer.seek(tp, start)
                self._next_offset[tp] = start
            return consumer

    # --- the read --------------------------------------------------------------------------------
    def process(self, element, bundle_finalizer=beam.DoFn.BundleFinalizerParam,
                tracker=beam.DoFn.RestrictionParam(_PROVIDER),
                watermark_estimator=beam.DoFn.WatermarkEstimatorParam(_WATERMARKS)):
        return self._read(element, bundle_finalizer, tracker)

    def _read(self, element, bundle_finalizer, tracker):
        topic, partition, _, _, expected, topic_partitions = element
        tp = TopicPartition(topic, partition)
        restriction = tracker.current_restriction()
        start, stop = restriction.start, restriction.stop
        self._state.register(tp)

        if _STOP.is_set() or self._state.stopping:
            self._finish(tracker, tp, "stop requested" if _STOP.is_set() else None)
            return
        if start >= stop:
            return  # empty range: already done

        poll_timeout_s = max(0.02, self._poll_timeout_s / max(1, expected))
        try:
            consumer = self._consumer(tp, start, int(poll_timeout_s * 1000))
            batch = consumer.poll(timeout_ms=int(poll_timeout_s * 1000), max_records=self._max_records)
            records = batch.get(tp, [])
            position = consumer.position(tp, timeout_ms=int(self._commit_timeout_s * 1000))
        except KafkaError as exc:
            self._on_broker_error(tp, exc)
            self._next_offset.pop(tp, None)  # re-seek next time: the consumer's state is unknown
            tracker.defer_remainder()
            return

        last_claimed: Optional[int] = None
        finished = False
        for record in records:
            if record.offset < start:
                continue
            if not tracker.try_claim(record.offset):
                finished = True  # past the bounded stop
                break
            last_claimed = record.offset
            if record.value is None:
                continue  # a tombstone carries no article
            self._records_read.inc()
            yield TimestampedValue(
                RawRecord(payload=record.value, format="auto", topic=topic, partition=partition,
                          offset=record.offset, key=record.key, timestamp_ms=record.timestamp),
                _event_time(record.timestamp))

        if not finished and position is not None and position - 1 > (last_claimed if last_claimed is not None
                                                                      else start - 1):
            # Offsets without records (transaction markers, compacted away): claim them so that the
            # restriction and the committed offset keep up with the consumer.
            if tracker.try_claim(position - 1):
                last_claimed = position - 1
            else:
                finished = True
        if last_claimed is not None:
            self._next_offset[tp] = last_claimed + 1
            bundle_finalizer.register(functools.partial(self._commit, tp, last_claimed + 1))
        if records:
            self._health.ok()
            self._state.touch(tp)
            self._backoff.pop(tp, None)

        if finished or (stop != UNBOUNDED and position is not None and position >= stop):
            if not finished:
                self._finish(tracker, tp, None)
            _LOGGER.info("Kafka %s[%d]: reached the end offset %d taken at start", topic, partition, stop)
            return

        if not records:
            self._check_idle(consumer, tp, position)
        self._maybe_recheck_partitions(consumer, topic, topic_partitions)

        if self._stop_after_idle is not None and not records:
            idle = self._state.idle_for(expected)
            if idle >= self._stop_after_idle and (self._state.stopping or self._all_drained()):
                if not self._state.stopping:
                    self._state.stopping = True
                    _LOGGER.info("Kafka source (group %s): no records for %.1f s on any of its %d partitions; "
                                 "committing and stopping", self._group_id, idle, expected)
                self._finish(tracker, tp, None)
                return
        tracker.defer_remainder()

    def _all_drained(self) -> bool:
        """Before stopping for idleness, ask the brokers afresh: a silent broker also yields empty polls."""
        timeout_ms = max(1000, int(self._poll_timeout_s * 1000))
        for tp, consumer in list(self._consumers.items()):
            try:
                end = consumer.end_offsets([tp], timeout_ms=timeout_ms)[tp]
                position = consumer.position(tp, timeout_ms=timeout_ms)
            except KafkaError as exc:
                self._on_broker_error(tp, exc)
                return False
            self._health.ok()
            highwater = consumer.highwater(tp)
            if position is None or position < end or (highwater is not None and position < highwater):
                self._state.touch(tp)
                return False
        return True

    def _check_idle(self, consumer, tp: TopicPartition, position: Optional[int]) -> None:
        """After an empty poll: is the partition really drained? Also the broker health probe."""
        now = time.monotonic()
        if now - self._last_health_check.get(tp, 0.0) >= 2.0 or self._health.is_down:
            self._last_health_check[tp] = now
            try:
                self._reported_end[tp] = consumer.end_offsets([tp], timeout_ms=max(1000, int(
                    self._poll_timeout_s * 1000)))[tp]
                self._health.ok()
                self._backoff.pop(tp, None)
            except KafkaError as exc:
                self._on_broker_error(tp, exc)
                return
        highwater = consumer.highwater(tp)
        drained = (position is not None and highwater is not None and position >= highwater
                   and position >= self._reported_end.get(tp, 0) and not self._health.is_down)
        if not drained:
            self._state.touch(tp)

    def _on_broker_error(self, tp: TopicPartition, exc: BaseException) -> None:
        self._health.failed(exc)
        self._state.touch(tp)  # an outage is not idleness
        delay = min(self._backoff.get(tp, 0.25) * 2, 5.0)
        self._backoff[tp] = delay
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and not _STOP.is_set():
            time.sleep(0.05)

    def _maybe_recheck_partitions(self, consumer, topic: str, known: int) -> None:
        now = time.monotonic()
        due = self._next_recheck.get(topic)
        if due is None:
            self._next_recheck[topic] = now + self._recheck_s
            return
        if now < due:
            return
        self._next_recheck[topic] = now + self._recheck_s
        try:
            consumer.topics()  # refreshes the metadata cache
            count = len(consumer.partitions_for_topic(topic) or ())
        except KafkaError as exc:
            _LOGGER.debug("partition re-check of %s failed: %s", topic, exc)
            return
        if count > known and (topic, count) not in self._state.warned_growth:
            self._state.warned_growth.add((topic, count))
            _LOGGER.warning("Kafka topic %s now has %d partitions; this run reads the %d it found at start. "
                            "Restart the pipeline to read the new ones (auto_offset_reset='earliest' reads "
                            "them from their beginning, so nothing is lost)", topic, count, known)

    def _finish(self, tracker, tp: TopicPartition, reason: Optional[str]) -> None:
        """End the restriction: claiming its stop position fails, which marks all of it as done."""
        stop = tracker.current_restriction().stop
        tracker.try_claim(stop)
        if reason:
            _LOGGER.info("Kafka %s[%d]: %s; stopping", tp.topic, tp.partition, reason)

    # --- commits ----------------------------------------------------------------------------------
    def _commit(self, tp: TopicPartition, offset: int) -> None:
        """Bundle finalizer: the bundle's output is durable, so its input may be forgotten."""
        with self._lock:
            if offset <= self._committed.get(tp, -1):
                return
            delay = 0.2
            for attempt in range(3):
                consumer = self._consumers.get(tp)
                owned = consumer is None  # torn down meanwhile: commit through a short-lived consumer
                try:
                    if owned:
                        consumer = kafka_admin.consumer(self._config, group_id=self._group_id,
                                                        bootstrap_timeout_ms=int(self._commit_timeout_s * 1000))
                    consumer.commit({tp: OffsetAndMetadata(offset, "", -1)},
                                    timeout_ms=int(self._commit_timeout_s * 1000))
                    self._committed[tp] = offset
                    self._commits.inc()
                    self._health.ok()
                    return
                except KafkaError as exc:
                    self._health.failed(exc)
                    time.sleep(delay)
                    delay *= 2
                finally:
                    if owned and consumer is not None:
                        consumer.close(autocommit=False)
            _LOGGER.warning("Kafka %s[%d]: could not commit offset %d for group %s; a later bundle commits past "
                            "it, or a restart re-reads from the previous commit (at-least-once)", tp.topic,
                            tp.partition, offset, self._group_id)


class _ReadPartitionsUnbounded(_ReadPartitions):
    @beam.DoFn.unbounded_per_element()
    def process(self, element, bundle_finalizer=beam.DoFn.BundleFinalizerParam,
                tracker=beam.DoFn.RestrictionParam(_PROVIDER),
                watermark_estimator=beam.DoFn.WatermarkEstimatorParam(_WATERMARKS)):
        return self._read(element, bundle_finalizer, tracker)


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {raw!r}") from None


def _event_time(timestamp_ms: Optional[int]) -> Timestamp:
    # Records without a producer timestamp (-1, pre-0.10 formats) get the time they are read.
    if timestamp_ms is None or timestamp_ms < 0:
        return Timestamp.now()
    return Timestamp(micros=timestamp_ms * 1000)


# --------------------------------------------------------------------------------------------------

class ReadFromKafka(beam.PTransform):
    """Kafka topics as a PCollection of :class:`~connectors.records.RawRecord` (format ``'auto'``), each
    timestamped with its record's timestamp.

    ``bounded=True`` reads up to the end offsets found at start and finishes (backfills, tests);
    otherwise the source runs until ``stop_after_idle`` seconds pass without records, or
    :func:`request_stop` / a signal under :func:`stop_on_signals`. Offsets are committed for
    ``group_id`` as bundles complete; a restart resumes after the last committed record.
    """

    def __init__(self, config: KafkaConfig, topics: Iterable[str] | str, group_id: str, bounded: bool = False,
                 stop_after_idle: Optional[float] = None, auto_offset_reset: str = "earliest",
                 poll_timeout_s: float = 1.0, max_records_per_poll: Optional[int] = None,
                 partition_recheck_s: float = 60.0, startup_timeout_s: float = 60.0):
        super().__init__()
        if max_records_per_poll is None:
            max_records_per_poll = _env_int(MAX_POLL_RECORDS_ENV, DEFAULT_MAX_POLL_RECORDS)
        topics = [topics] if isinstance(topics, str) else list(topics)
        if not topics:
            raise ValueError("ReadFromKafka needs at least one topic")
        if not group_id:
            raise ValueError("ReadFromKafka needs a group_id: offsets are committed for it")
        if auto_offset_reset not in OFFSET_RESET_POLICIES:
            raise ValueError(f"auto_offset_reset must be one of {OFFSET_RESET_POLICIES}, got {auto_offset_reset!r}")
        if poll_timeout_s <= 0 or max_records_per_poll <= 0:
            raise ValueError("poll_timeout_s and max_records_per_poll must be positive")
        if stop_after_idle is not None and stop_after_idle < 0:
            raise ValueError("stop_after_idle must be >= 0 seconds")
        self._config = config
        self._topics = topics
        self._group_id = group_id
        self._bounded = bounded
        self._stop_after_idle = stop_after_idle
        self._reset = auto_offset_reset
        self._poll_timeout_s = poll_timeout_s
        self._max_records = max_records_per_poll
        self._recheck_s = partition_recheck_s
        self._startup_timeout_s = startup_timeout_s
        self._uid = uuid.uuid4().hex

    def expand(self, pbegin):
        reader_cls = _ReadPartitions if self._bounded else _ReadPartitionsUnbounded
        reader = reader_cls(self._config, self._group_id, self._uid, self._stop_after_idle, self._poll_timeout_s,
                            self._max_records, self._recheck_s, self._reset)
        return (pbegin
                | "Impulse" >> beam.Impulse()
                | "DiscoverPartitions" >> beam.ParDo(_DiscoverPartitions(
                    self._config, self._topics, self._group_id, self._bounded, self._reset,
                    self._startup_timeout_s))
                | "ReadPartitions" >> beam.ParDo(reader))


# --------------------------------------------------------------------------------------------------

#: Transform names that mark the Kafka read (the SDF's process step) and the Kafka writes.
_READ_MARK = "ReadPartitions/Process"
_WRITE_MARK = "WriteAvroToKafka"


def unfused_kafka_writes(pipeline: beam.Pipeline) -> list[str]:
    """Kafka writes that the FnApiRunner would run in a stage other than the Kafka read's.

    The offsets of a bundle are committed when the read's bundle is finalized; on the FnApiRunner that is
    right after the bundle's own stage ran, before any later stage. A write in another stage (behind a
    multi-input Flatten, a GroupByKey, a Reshuffle) would therefore commit input whose output is still in
    memory: a crash then loses it. Returns the unique names of such writes (empty: at-least-once holds),
    or an empty list for a pipeline without a Kafka read. Uses the FnApiRunner's own fusion phases.
    """
    from apache_beam.runners.portability.fn_api_runner import fn_runner

    _, stages = fn_runner.FnApiRunner().create_stages(pipeline.to_runner_api())
    names = [[t.unique_name for t in stage.transforms] for stage in stages]
    read_stages = [n for n in names if any(name.endswith(_READ_MARK) for name in n)]
    if not read_stages:
        return []
    fused = {name for n in read_stages for name in n}
    return sorted(name for n in names for name in n
                  if _WRITE_MARK in name.rsplit("/", 1)[-1] and name not in fused)
