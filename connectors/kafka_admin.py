"""Small blocking Kafka chores outside the pipeline: topics, publishing, reading a topic through, offsets.

Used by the CLI (``dateline tail``, seeding ``articles``), by the pipeline at start (rebuilding dedup state
from compacted event topics) and by tests. Everything here opens its own short-lived clients and closes
them; nothing is meant for a hot path.

End offsets are computed exactly (:func:`exact_end_offsets`) because tansu answers ListOffsets with
"base offset of the last batch + 1", which is short by the size of that batch whenever a producer batched.
"""
from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager
from typing import Iterable, Iterator, Mapping, Optional, Sequence

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from connectors.kafka_config import KafkaConfig

_LOGGER = logging.getLogger(__name__)

#: kafka-python logs every reconnect attempt at ERROR; the connectors log one line per outage instead.
CLIENT_LOG_LEVEL_ENV = "DATELINE_KAFKA_CLIENT_LOG_LEVEL"


#: Client settings whose values are secret, as kafka-python names them.
_SECRET_KEYS = frozenset({"sasl_plain_password", "ssl_password", "sasl_oauth_token_provider"})
#: Every secret handed to a client by this process, so that a log line that quotes one is masked.
_SECRET_VALUES: set[str] = set()


class _RedactSecrets(logging.Filter):
    """Masks secrets in kafka-python's log records: KafkaAdminClient logs its whole configuration, password
    included, at DEBUG, and DATELINE_KAFKA_CLIENT_LOG_LEVEL=DEBUG is how people debug connections."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            if any(isinstance(a, dict) for a in args):
                masked = tuple({k: ("***" if k in _SECRET_KEYS and v is not None else v) for k, v in a.items()}
                               if isinstance(a, dict) else a for a in args)
                record.args = masked if isinstance(record.args, tuple) else masked[0]
        if _SECRET_VALUES:
            try:
                text = record.getMessage()
            except Exception:  # a broken record is not ours to fix; leave it to the handler
                return True
            if any(secret in text for secret in _SECRET_VALUES):
                for secret in _SECRET_VALUES:
                    text = text.replace(secret, "***")
                record.msg, record.args = text, ()
        return True


_REDACT = _RedactSecrets()


def quiet_client_logs() -> None:
    """Mute kafka-python's own loggers unless someone configured them (or asked via the env variable), and
    mask secrets in whatever they do log.

    During a broker outage the client logs each reconnect attempt, drowning the one line that matters.
    """
    kafka_logger = logging.getLogger("kafka")
    wanted = os.environ.get(CLIENT_LOG_LEVEL_ENV)
    if wanted:
        kafka_logger.setLevel(wanted.upper())
    elif kafka_logger.level == logging.NOTSET:
        kafka_logger.setLevel(logging.CRITICAL)
    # A logger's filters see only the records logged on it, not its children's: filter every kafka.* one.
    for name in ["kafka", *[n for n in list(logging.root.manager.loggerDict) if n.startswith("kafka.")]]:
        logger = logging.getLogger(name)
        if _REDACT not in logger.filters:
            logger.addFilter(_REDACT)


def _client_options(config: KafkaConfig) -> dict:
    options = dict(config.client_kwargs())
    # (Values shorter than 4 characters are not masked by value: they would mangle every log line.)
    _SECRET_VALUES.update(v for k, v in options.items() if k in _SECRET_KEYS and isinstance(v, str) and len(v) >= 4)
    quiet_client_logs()
    return options


def consumer(config: KafkaConfig, group_id: Optional[str] = None, **kwargs) -> KafkaConsumer:
    """A consumer that never commits by itself and never joins a group (callers use assign())."""
    options = _client_options(config)
    options.update(group_id=group_id, enable_auto_commit=False)
    options.update(kwargs)
    return KafkaConsumer(**options)


def producer(config: KafkaConfig, **kwargs) -> KafkaProducer:
    """A producer that waits for all in-sync replicas: Dateline never trades durability for latency."""
    options = _client_options(config)
    options.update(acks="all", retries=5, linger_ms=5)
    options.update(kwargs)
    return KafkaProducer(**options)


@contextmanager
def _closing(client, **close_kwargs):
    try:
        yield client
    finally:
        try:
            client.close(**close_kwargs)
        except Exception:  # closing must not hide the real error
            _LOGGER.debug("error while closing %r", client, exc_info=True)


def ensure_topics(config: KafkaConfig, names: Iterable[str], partitions: int = 1,
                  configs: Optional[Mapping[str, str]] = None, replication_factor: int = 1,
                  timeout_s: float = 30.0) -> list[str]:
    """Create the topics that do not exist yet; returns the names created.

    Existing topics are left alone, even with another partition count: repartitioning a keyed topic
    moves keys between partitions, a decision for a person, not for a start-up routine (it is logged).
    """
    names = list(dict.fromkeys(names))
    created: list[str] = []
    with _closing(KafkaAdminClient(**_client_options(config), request_timeout_ms=int(timeout_s * 1000))) as admin:
        existing = set(admin.list_topics())
        for name in names:
            if name in existing:
                continue
            topic = NewTopic(name, partitions, replication_factor, topic_configs=dict(configs or {}))
            try:
                admin.create_topics([topic], timeout_ms=int(timeout_s * 1000))
                created.append(name)
            except TopicAlreadyExistsError:
                pass  # created concurrently by another process: that is what we wanted
        if partitions > 1:
            described = {t["topic"] if "topic" in t else t.get("name"): t for t in admin.describe_topics(names)}
            for name in names:
                have = len(described.get(name, {}).get("partitions", []) or [])
                if name not in created and have and have < partitions:
                    _LOGGER.warning("topic %s has %d partitions, fewer than the %d asked for; left unchanged",
                                    name, have, partitions)
    if created:
        _wait_for_topics(config, created, timeout_s)
        _LOGGER.info("created Kafka topics %s (%d partitions)", ", ".join(created), partitions)
    return created


def _wait_for_topics(config: KafkaConfig, names: Sequence[str], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    with _closing(consumer(config)) as c:
        while True:
            known = c.topics()
            if all(n in known and c.partitions_for_topic(n) for n in names):
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"topics {', '.join(names)} were created but do not show up in metadata")
            time.sleep(0.1)


def publish(config: KafkaConfig, topic: str, values: Iterable[tuple[Optional[bytes], bytes]],
            partition: Optional[int] = None, timeout_s: float = 30.0, **producer_kwargs) -> int:
    """Send ``(key, value)`` pairs and wait until every one is acknowledged; returns how many were sent.

    Raises the first send error: a half-published batch must not look like a success.
    """
    futures = []
    with _closing(producer(config, **producer_kwargs), timeout=timeout_s) as p:
        for key, value in values:
            futures.append(p.send(topic, key=key, value=value, partition=partition))
        p.flush(timeout=timeout_s)
        for future in futures:
            future.get(timeout=timeout_s)
    return len(futures)


def partitions_of(c: KafkaConsumer, topic: str, timeout_s: float = 10.0) -> list[TopicPartition]:
    """Partitions of ``topic``; raises LookupError if the topic does not exist."""
    deadline = time.monotonic() + timeout_s
    while True:
        found = c.partitions_for_topic(topic)
        if found:
            return [TopicPartition(topic, p) for p in sorted(found)]
        if time.monotonic() > deadline:
            raise LookupError(f"Kafka topic {topic!r} does not exist (or this client may not describe it)")
        time.sleep(0.2)


def exact_end_offsets(c: KafkaConsumer, tps: Sequence[TopicPartition], timeout_s: float = 10.0
                      ) -> dict[TopicPartition, int]:
    """The offset the next produced record of each partition will get.

    ListOffsets is asked first; where the partition is not empty, one fetch from just below that answer
    reads the last batch, whose records and the fetch response's high watermark give the real end.
    ``c`` must be a consumer with no assignment that matters: it is reassigned here.
    """
    tps = list(tps)
    if not tps:
        return {}
    timeout_ms = int(timeout_s * 1000)
    reported = c.end_offsets(tps, timeout_ms=timeout_ms)
    beginning = c.beginning_offsets(tps, timeout_ms=timeout_ms)
    result = {tp: int(reported[tp]) for tp in tps}
    probe = {tp: result[tp] - 1 for tp in tps if result[tp] > beginning[tp]}
    if not probe:
        return result
    previous = c.assignment()
    c.assign(list(probe))
    for tp, offset in probe.items():
        c.seek(tp, offset)
    pending = set(probe)
    deadline = time.monotonic() + timeout_s
    try:
        while pending:
            for tp, records in c.poll(timeout_ms=200).items():
                if records:
                    result[tp] = max(result[tp], records[-1].offset + 1)
            for tp in list(pending):
                hw = c.highwater(tp)
                if hw is not None:
                    result[tp] = max(result[tp], hw)
                    pending.discard(tp)
            if pending and time.monotonic() > deadline:
                raise TimeoutError(f"no fetch answer for {sorted(pending)} within {timeout_s:.0f}s")
    finally:
        c.assign(list(previous))
    return result


def end_offsets(config: KafkaConfig, topic: str, timeout_s: float = 10.0) -> dict[int, int]:
    """Exact end offset of each partition of ``topic`` (see :func:`exact_end_offsets`)."""
    with _closing(consumer(config)) as c:
        tps = partitions_of(c, topic, timeout_s)
        return {tp.partition: off for tp, off in exact_end_offsets(c, tps, timeout_s).items()}


def beginning_offsets(config: KafkaConfig, topic: str, timeout_s: float = 10.0) -> dict[int, int]:
    with _closing(consumer(config)) as c:
        tps = partitions_of(c, topic, timeout_s)
        return {tp.partition: off for tp, off in c.beginning_offsets(tps, timeout_ms=int(timeout_s * 1000)).items()}


def committed_offsets(config: KafkaConfig, group_id: str, topic: str, timeout_s: float = 10.0
                      ) -> dict[int, Optional[int]]:
    """The group's committed offset per partition of ``topic`` (``None``: never committed)."""
    with _closing(consumer(config, group_id=group_id)) as c:
        tps = partitions_of(c, topic, timeout_s)
        return {tp.partition: c.committed(tp, timeout_ms=int(timeout_s * 1000)) for tp in tps}


def read_topic(config: KafkaConfig, topic: str, from_beginning: bool = True, until_end: bool = True,
               timeout_s: Optional[float] = 30.0, poll_timeout_s: float = 0.5) -> Iterator:
    """Records of every partition of ``topic`` as kafka-python ConsumerRecords, in offset order within a
    partition (partitions interleave).

    ``until_end=True`` reads up to the end offsets taken when the call starts and stops; if the end is
    not reached within ``timeout_s`` seconds without progress, TimeoutError is raised rather than
    returning a silently short read (state rebuilt from a short read would let duplicates through).
    ``until_end=False`` follows the topic (``dateline tail -f``) and stops after ``timeout_s`` seconds
    without a record, or never if ``timeout_s`` is None.
    """
    with _closing(consumer(config, max_poll_records=1000)) as c:
        tps = partitions_of(c, topic)
        ends = exact_end_offsets(c, tps) if until_end or not from_beginning else {}
        c.assign(tps)
        if from_beginning:
            c.seek_to_beginning(*tps)
        else:
            for tp in tps:
                c.seek(tp, ends[tp])
        remaining = {tp for tp in tps if until_end and c.position(tp) < ends[tp]} if until_end else set(tps)
        if until_end and not remaining:
            return
        last_progress = time.monotonic()
        while True:
            batch = c.poll(timeout_ms=int(poll_timeout_s * 1000))
            for tp in sorted(batch, key=lambda t: t.partition):
                for record in batch[tp]:
                    if until_end and record.offset >= ends[tp]:
                        break
                    yield record
                last_progress = time.monotonic()
            if until_end:
                remaining = {tp for tp in remaining if c.position(tp) < ends[tp]}
                if not remaining:
                    return
                if timeout_s is not None and time.monotonic() - last_progress > timeout_s:
                    raise TimeoutError(f"reading {topic} stalled before its end: partitions "
                                       f"{sorted(tp.partition for tp in remaining)} did not reach {ends}")
            elif timeout_s is not None and time.monotonic() - last_progress > timeout_s:
                return
