"""Kafka source, sink, admin helpers and config against a real broker (tansu over a socket).

Pipelines run on the FnApiRunner, the only runner that executes the splittable source offline. Their
output is collected through a file, because DoFns are pickled and a list in the test would stay empty.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import pickle
import signal
import threading
import time

import apache_beam as beam
import fastavro
import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from conftest import kafka_config, unique
from connectors import kafka_admin
from connectors.broker import EmbeddedBroker, metadata_round_trip
from connectors.kafka_config import KafkaConfig
from connectors.kafka_sink import SinkRecord, WriteToKafka
from connectors.kafka_source import ReadFromKafka, clear_stop, request_stop, stop_on_signals
from connectors.records import RawRecord
from connectors.registry import FileRegistry, normalise
from schemas import codec


def pipeline() -> beam.Pipeline:
    return beam.Pipeline(runner="FnApiRunner", options=PipelineOptions([]))


class _Collect(beam.DoFn):
    """Appends one JSON line per element (with its event time) to a file."""

    def __init__(self, path: str):
        self._path = path

    def process(self, record: RawRecord, timestamp=beam.DoFn.TimestampParam):
        with open(self._path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({
                "topic": record.topic, "partition": record.partition, "offset": record.offset,
                "key": record.key.decode() if record.key is not None else None,
                "payload": record.payload.decode(), "format": record.format,
                "timestamp_ms": record.timestamp_ms, "event_time_ms": int(timestamp.micros // 1000),
            }) + "\n")


def collected(path) -> list[dict]:
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def produce(config: KafkaConfig, topic: str, start: int, count: int) -> None:
    """Keyed messages through a batching producer (several records per batch, several partitions)."""
    kafka_admin.publish(config, topic, ((f"k{i}".encode(), json.dumps({"n": i}).encode())
                                        for i in range(start, start + count)), linger_ms=50)


def read(config, topics, group, out_path, **kwargs) -> None:
    p = pipeline()
    _ = p | ReadFromKafka(config, topics, group, **kwargs) | beam.ParDo(_Collect(str(out_path)))
    p.run().wait_until_finish()


def numbers(rows) -> list[int]:
    return sorted(json.loads(r["payload"])["n"] for r in rows)


@pytest.fixture
def config(broker):
    return kafka_config(broker)


@pytest.fixture(autouse=True)
def _no_leftover_stop():
    clear_stop()
    yield
    clear_stop()


# --- broker & admin ---------------------------------------------------------------------------------

@pytest.mark.kafka
def test_broker_answers_metadata(broker):
    host, port = broker.bootstrap_servers.split(":")
    assert broker.is_running()
    assert metadata_round_trip(host, int(port))


@pytest.mark.kafka
def test_exact_end_offsets_despite_batched_producer(config):
    topic = unique("ends")
    kafka_admin.ensure_topics(config, [topic], partitions=2)
    assert kafka_admin.ensure_topics(config, [topic], partitions=2) == []  # idempotent
    produce(config, topic, 0, 300)
    ends = kafka_admin.end_offsets(config, topic)
    assert sum(ends.values()) == 300
    records = list(kafka_admin.read_topic(config, topic, timeout_s=10))
    assert sorted(json.loads(r.value)["n"] for r in records) == list(range(300))


# --- source -------------------------------------------------------------------------------------------

@pytest.mark.kafka
def test_bounded_read_returns_every_record_exactly_once(config, tmp_path):
    topic = unique("articles")
    kafka_admin.ensure_topics(config, [topic], partitions=3)
    produce(config, topic, 0, 1200)  # more than max_records_per_poll on some partitions
    out = tmp_path / "out.jsonl"

    read(config, [topic], unique("g"), out, bounded=True, max_records_per_poll=100)

    rows = collected(out)
    assert len(rows) == 1200
    assert numbers(rows) == list(range(1200))
    assert len({(r["partition"], r["offset"]) for r in rows}) == 1200
    assert {r["partition"] for r in rows} == {0, 1, 2}
    row = rows[0]
    assert row["topic"] == topic and row["format"] == "auto" and row["key"].startswith("k")
    # Element event time is the record's timestamp.
    assert all(r["event_time_ms"] == r["timestamp_ms"] for r in rows)
    assert abs(row["timestamp_ms"] / 1000 - time.time()) < 120


@pytest.mark.kafka
def test_bounded_read_of_several_topics(config, tmp_path):
    a, b = unique("ta"), unique("tb")
    kafka_admin.ensure_topics(config, [a, b], partitions=2)
    produce(config, a, 0, 50)
    produce(config, b, 1000, 30)
    out = tmp_path / "out.jsonl"
    read(config, [a, b], unique("g"), out, bounded=True)
    rows = collected(out)
    assert numbers(rows) == list(range(50)) + list(range(1000, 1030))
    assert {r["topic"] for r in rows} == {a, b}


@pytest.mark.kafka
def test_unbounded_read_stops_when_idle_and_commits_end_offsets(config, tmp_path):
    topic = unique("articles")
    group = unique("g")
    kafka_admin.ensure_topics(config, [topic], partitions=3)
    produce(config, topic, 0, 400)

    # Records arriving while the pipeline runs are read as they come, not only those present at start.
    def late_producer():
        time.sleep(0.8)
        produce(config, topic, 400, 100)

    thread = threading.Thread(target=late_producer)
    thread.start()
    out = tmp_path / "out.jsonl"
    read(config, [topic], group, out, stop_after_idle=2.0, poll_timeout_s=0.3)
    thread.join()

    rows = collected(out)
    assert numbers(rows) == list(range(500))
    assert len({(r["partition"], r["offset"]) for r in rows}) == 500
    ends = kafka_admin.end_offsets(config, topic)
    assert kafka_admin.committed_offsets(config, group, topic) == ends


@pytest.mark.kafka
def test_restart_with_same_group_resumes_after_committed_offsets(config, tmp_path):
    topic = unique("articles")
    group = unique("g")
    kafka_admin.ensure_topics(config, [topic], partitions=3)
    produce(config, topic, 0, 300)
    first = tmp_path / "first.jsonl"
    read(config, [topic], group, first, stop_after_idle=1.0, poll_timeout_s=0.3)
    assert numbers(collected(first)) == list(range(300))

    produce(config, topic, 300, 200)
    second = tmp_path / "second.jsonl"
    read(config, [topic], group, second, stop_after_idle=1.0, poll_timeout_s=0.3)
    assert numbers(collected(second)) == list(range(300, 500))  # nothing again, nothing lost

    third = tmp_path / "third.jsonl"
    read(config, [topic], group, third, stop_after_idle=0.5, poll_timeout_s=0.3)
    assert collected(third) == []
    assert kafka_admin.committed_offsets(config, group, topic) == kafka_admin.end_offsets(config, topic)


@pytest.mark.kafka
def test_latest_reset_skips_history_but_not_new_records(config, tmp_path):
    topic = unique("articles")
    kafka_admin.ensure_topics(config, [topic], partitions=1)
    produce(config, topic, 0, 20)
    out = tmp_path / "out.jsonl"

    def late_producer():
        time.sleep(1.0)
        produce(config, topic, 20, 5)

    thread = threading.Thread(target=late_producer)
    thread.start()
    read(config, [topic], unique("g"), out, stop_after_idle=1.5, poll_timeout_s=0.3, auto_offset_reset="latest")
    thread.join()
    assert numbers(collected(out)) == list(range(20, 25))


@pytest.mark.kafka
def test_stop_request_finishes_cleanly_and_commits(config, tmp_path):
    topic = unique("articles")
    group = unique("g")
    kafka_admin.ensure_topics(config, [topic], partitions=2)
    produce(config, topic, 0, 100)
    out = tmp_path / "out.jsonl"
    errors = []

    def run():
        try:
            read(config, [topic], group, out, poll_timeout_s=0.3)  # no idle stop: only the flag ends it
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    runner = threading.Thread(target=run)
    runner.start()
    deadline = time.monotonic() + 20
    while len(collected(out)) < 100 and time.monotonic() < deadline:
        time.sleep(0.1)
    request_stop()  # what the SIGTERM/SIGINT handler of stop_on_signals does
    runner.join(timeout=20)
    assert not runner.is_alive() and not errors
    assert numbers(collected(out)) == list(range(100))
    assert kafka_admin.committed_offsets(config, group, topic) == kafka_admin.end_offsets(config, topic)


@pytest.mark.kafka
def test_sigterm_under_stop_on_signals_stops_cleanly(config, tmp_path):
    topic = unique("articles")
    group = unique("g")
    kafka_admin.ensure_topics(config, [topic], partitions=2)
    produce(config, topic, 0, 40)
    out = tmp_path / "out.jsonl"

    def terminate_when_read():
        deadline = time.monotonic() + 20
        while len(collected(out)) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGTERM)

    previous = signal.getsignal(signal.SIGTERM)
    killer = threading.Thread(target=terminate_when_read)
    killer.start()
    with stop_on_signals():
        read(config, [topic], group, out, poll_timeout_s=0.3)
    killer.join()
    assert signal.getsignal(signal.SIGTERM) is previous  # handlers restored
    assert numbers(collected(out)) == list(range(40))
    assert kafka_admin.committed_offsets(config, group, topic) == kafka_admin.end_offsets(config, topic)


@pytest.mark.kafka
def test_broker_outage_is_logged_once_and_reading_resumes(tmp_path, caplog):
    from connectors import kafka_source

    with EmbeddedBroker() as own:  # its own broker: pausing the shared one would stall other tests
        config = kafka_config(own)
        # health is remembered per address for the whole process: an earlier test's paused broker may have
        # had this port and left it marked down, and then no new outage would be logged
        kafka_source._HEALTH.pop(config.bootstrap_servers, None)
        topic = unique("articles")
        kafka_admin.ensure_topics(config, [topic], partitions=2)
        produce(config, topic, 0, 50)
        out = tmp_path / "out.jsonl"

        def outage():
            deadline = time.monotonic() + 10
            while len(collected(out)) < 50 and time.monotonic() < deadline:
                time.sleep(0.05)
            own.pause()
            # the outage lasts until the source has seen it (up to 30 s): how soon the runner polls a deferred
            # source again varies with load, and a fixed pause was sometimes over before it looked
            seen = time.monotonic() + 30
            while time.monotonic() < seen:
                health = kafka_source._HEALTH.get(config.bootstrap_servers)
                if health is not None and health.is_down:
                    break
                time.sleep(0.1)
            time.sleep(1)
            own.resume()
            produce(config, topic, 50, 10)

        thread = threading.Thread(target=outage)
        thread.start()
        records: list[logging.LogRecord] = []
        catch = logging.Handler(logging.WARNING)
        catch.emit = records.append  # on the logger itself: what other tests did to the root cannot hide it
        source_log = logging.getLogger("connectors.kafka_source")
        source_log.addHandler(catch)
        try:
            with caplog.at_level(logging.WARNING, logger="connectors.kafka_source"):
                read(config, [topic], unique("g"), out, stop_after_idle=2.5, poll_timeout_s=0.3)
        finally:
            source_log.removeHandler(catch)
        thread.join()

    assert numbers(collected(out)) == list(range(60))
    messages = [r.getMessage() for r in records]
    assert sum("stopped answering" in m for m in messages) == 1, messages
    assert sum("answers again" in m for m in messages) == 1, messages


# --- sink ---------------------------------------------------------------------------------------------

def _dead_letter(i: int) -> dict:
    return {"stage": "parse", "error_type": "invalid_json", "error_message": f"line {i} is not JSON",
            "payload": f"{{broken {i}".encode(), "payload_truncated": False, "source_topic": "articles",
            "source_partition": i % 3, "source_offset": i, "source_path": None,
            "failed_at": dt.datetime(2025, 3, 1, 12, 0, i % 60, tzinfo=dt.timezone.utc)}


@pytest.mark.kafka
def test_sink_writes_confluent_framed_avro_that_decodes_via_the_registry(config, tmp_path):
    topic = unique("articles.dlq")
    kafka_admin.ensure_topics(config, [topic], partitions=2)
    registry_dir = tmp_path / "registry"
    records = [SinkRecord(topic, f"id-{i}", codec.DEAD_LETTER, _dead_letter(i)) for i in range(25)]
    p = pipeline()
    _ = p | beam.Create(records) | WriteToKafka(config, registry_dir=str(registry_dir))
    p.run().wait_until_finish()

    registry = FileRegistry(registry_dir)  # a new instance: only what is on disk
    messages = list(kafka_admin.read_topic(config, topic, timeout_s=10))
    assert len(messages) == 25
    by_key = {r.key: r.record for r in records}
    decoded = {}
    for message in messages:
        schema_id, body = codec.unframe(message.value)
        writer_text = registry.schema_by_id(schema_id)
        assert writer_text == normalise(codec.schema_text(codec.DEAD_LETTER))
        writer = fastavro.parse_schema(json.loads(writer_text))
        key = message.key.decode()
        # Through the registry's writer schema, the bytes read back as a direct encoding does...
        assert codec.decode(codec.DEAD_LETTER, body, writer) == codec.decode(
            codec.DEAD_LETTER, codec.encode(codec.DEAD_LETTER, by_key[key]), writer)
        decoded[key] = codec.decode(codec.DEAD_LETTER, body)
    # ...and as the current schema they are the records written, logical types included.
    assert decoded == by_key
    assert registry.subjects() == {f"{topic}-value": [schema_id]}


@pytest.mark.kafka
def test_source_to_sink_commits_only_after_the_sink_wrote(config, tmp_path):
    source, target = unique("in"), unique("out")
    group = unique("g")
    kafka_admin.ensure_topics(config, [source, target], partitions=2)
    produce(config, source, 0, 60)

    def to_sink(topic):
        def convert(raw: RawRecord) -> SinkRecord:
            n = json.loads(raw.payload)["n"]
            return SinkRecord(topic, raw.key.decode(), codec.DEAD_LETTER, _dead_letter(n))
        return convert

    # A sink that cannot send fails the bundle: the source must not commit anything.
    p = pipeline()
    _ = (p | ReadFromKafka(config, [source], group, stop_after_idle=1.0, poll_timeout_s=0.3)
         | beam.Map(to_sink("not a valid topic!")) | WriteToKafka(config, registry_dir=str(tmp_path / "r")))
    with pytest.raises(Exception, match="illegal"):
        p.run().wait_until_finish()
    assert set(kafka_admin.committed_offsets(config, group, source).values()) == {None}

    p = pipeline()
    _ = (p | ReadFromKafka(config, [source], group, stop_after_idle=1.0, poll_timeout_s=0.3)
         | beam.Map(to_sink(target)) | WriteToKafka(config, registry_dir=str(tmp_path / "r")))
    p.run().wait_until_finish()
    written = list(kafka_admin.read_topic(config, target, timeout_s=10))
    assert sorted(m.key.decode() for m in written) == sorted(f"k{i}" for i in range(60))
    assert kafka_admin.committed_offsets(config, group, source) == kafka_admin.end_offsets(config, source)


class _PauseBrokerAt(beam.DoFn):
    """Passes elements through and freezes the broker (SIGSTOP) when it sees the marked one."""

    def __init__(self, pid: int, marker: str):
        self._pid, self._marker = pid, marker

    def process(self, element: SinkRecord):
        if element.key == self._marker:
            os.kill(self._pid, signal.SIGSTOP)
        yield element


@pytest.mark.kafka
def test_sink_raises_when_kafka_does_not_acknowledge(tmp_path):
    with EmbeddedBroker() as own:
        config = kafka_config(own)
        topic = unique("events")
        kafka_admin.ensure_topics(config, [topic])
        records = [SinkRecord(topic, f"k{i}", codec.DEAD_LETTER, _dead_letter(i)) for i in range(3)]
        p = pipeline()
        _ = (p | beam.Create(records) | beam.ParDo(_PauseBrokerAt(own.pid, "k1"))
             | WriteToKafka(config, registry_dir=str(tmp_path / "r"), flush_timeout_s=6, delivery_timeout_ms=2500,
                            request_timeout_ms=1000, max_block_ms=2000))
        try:
            with pytest.raises(Exception, match="writing to Kafka topic .* failed"):
                p.run().wait_until_finish()
        finally:
            own.resume()


def test_partition_growth_is_noticed_and_logged_once(caplog):
    """tansu cannot add partitions (no CreatePartitions), so the re-check runs against a stand-in."""
    from connectors import kafka_source

    class GrownTopic:
        def topics(self):
            return {"articles"}

        def partitions_for_topic(self, topic):
            return {0, 1, 2, 3}

    reader = kafka_source._ReadPartitionsUnbounded(KafkaConfig(), "g", unique("uid"), None, 1.0, 10, 0.0)
    reader.setup()
    with caplog.at_level(logging.WARNING, logger="connectors.kafka_source"):
        for _ in range(4):  # the first call only schedules the re-check
            reader._maybe_recheck_partitions(GrownTopic(), "articles", 2)
    warnings = [r.getMessage() for r in caplog.records if "now has 4 partitions" in r.getMessage()]
    assert len(warnings) == 1 and "Restart the pipeline" in warnings[0]


def test_read_from_kafka_refuses_bad_arguments():
    with pytest.raises(ValueError, match="group_id"):
        ReadFromKafka(KafkaConfig(), ["t"], "")
    with pytest.raises(ValueError, match="auto_offset_reset"):
        ReadFromKafka(KafkaConfig(), ["t"], "g", auto_offset_reset="smallest")
    with pytest.raises(ValueError, match="topic"):
        ReadFromKafka(KafkaConfig(), [], "g")


# --- config ---------------------------------------------------------------------------------------------

def test_config_never_shows_secrets(monkeypatch, tmp_path):
    ca = tmp_path / "ca.pem"
    ca.write_text("not really a cert")
    monkeypatch.setenv("DATELINE_KAFKA_BOOTSTRAP_SERVERS", "b1:9093, b2:9093")
    monkeypatch.setenv("DATELINE_KAFKA_SECURITY_PROTOCOL", "sasl_ssl")
    monkeypatch.setenv("DATELINE_KAFKA_SASL_MECHANISM", "scram-sha-512")
    monkeypatch.setenv("DATELINE_KAFKA_SASL_USERNAME", "dateline")
    monkeypatch.setenv("DATELINE_KAFKA_SASL_PASSWORD", "hunter2-s3cret")
    monkeypatch.setenv("DATELINE_KAFKA_SSL_CAFILE", str(ca))
    config = KafkaConfig.from_env({"sasl_username": "operator", "ssl_certfile": None})

    assert config.bootstrap_servers == "b1:9093,b2:9093"
    assert config.security_protocol == "SASL_SSL" and config.sasl_mechanism == "SCRAM-SHA-512"
    assert config.sasl_username == "operator"  # override wins; None overrides leave the env alone
    for shown in (repr(config), str(config), json.dumps(config.masked()), f"{config}", repr([config])):
        assert "hunter2" not in shown
    assert config.masked()["sasl_password"] == "***"
    copy = pickle.loads(pickle.dumps(config))  # Beam pickles it with the DoFns
    assert copy == config and "hunter2" not in repr(copy)

    kwargs = config.client_kwargs()
    assert kwargs["bootstrap_servers"] == ["b1:9093", "b2:9093"]
    assert kwargs["sasl_plain_password"] == "hunter2-s3cret" and kwargs["ssl_cafile"] == str(ca)
    assert kwargs["sasl_mechanism"] == "SCRAM-SHA-512"


def test_config_rejects_bad_settings_without_echoing_secrets():
    with pytest.raises(ValueError, match="security_protocol"):
        KafkaConfig(security_protocol="SASL_PLAINTEXTISH", sasl_password="hunter2")
    with pytest.raises(ValueError, match="sasl_username"):
        KafkaConfig(security_protocol="SASL_PLAINTEXT")
    with pytest.raises(ValueError, match="ssl_cafile"):
        KafkaConfig(security_protocol="SSL", ssl_cafile="/nonexistent/ca.pem")
    try:
        KafkaConfig(security_protocol="SASL_SSL", sasl_mechanism="GSSAPI", sasl_username="u", sasl_password="hunter2")
    except ValueError as exc:
        assert "hunter2" not in str(exc)
    else:
        pytest.fail("GSSAPI is not supported and must be refused")
    with pytest.raises(TypeError):
        KafkaConfig.from_env({"no_such_setting": 1}, environ={})
    assert KafkaConfig.from_env(environ={}).client_kwargs() == {
        "bootstrap_servers": ["localhost:9092"], "security_protocol": "PLAINTEXT", "client_id": "dateline"}
