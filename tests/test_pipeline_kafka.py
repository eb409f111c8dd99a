"""Kafka mode end to end: the real pipeline (``pipeline.main.run``, FnApiRunner, spaCy, dedup state) against
the embedded broker over a socket, with the output read back from the sink topics and decoded through the
schema registry like a downstream consumer would.

Every test uses its own topics, consumer group and file registry, so they share the session's broker.
Runs are streaming with ``--stop-after-idle`` (the production mode) unless a test is about backfills.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import threading
import time
from dataclasses import dataclass
from typing import Optional

import pytest
from apache_beam.metrics.metric import MetricsFilter

from conftest import kafka_config, unique
from connectors import kafka_admin
from connectors.kafka_config import KafkaConfig
from connectors.registry import FileRegistry, normalise
from connectors.restore import decode_value
from pipeline import articles, evaluate
from pipeline.main import run
from schemas import codec

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED_FILE = os.path.join(ROOT, "seeds", "hollande-putin-2015-11-26.jsonl")
SEED_ID = "abcnews-2015-11-26-hollande-putin"
SEED_GOLD = os.path.join(HERE, "expected", "seeds.jsonl")
DEDUP_ARTICLES = os.path.join(HERE, "data", "dedup", "articles.jsonl")

#: Seconds without input after which the streaming job stops (commits, then finishes).
IDLE_S = "3"

pytestmark = pytest.mark.kafka


# --- test data ----------------------------------------------------------------------------------------

def _load_articles() -> dict[str, bytes]:
    """article_id -> the article's JSON line, as a producer would send it."""
    lines = {}
    for path in (SEED_FILE, DEDUP_ARTICLES):
        with open(path, "rb") as fh:
            for line in fh:
                if line.strip():
                    lines[json.loads(line)["article_id"]] = line.strip()
    return lines


ARTICLES = _load_articles()


# --- a job on its own topics --------------------------------------------------------------------------

@dataclass
class Job:
    """One pipeline deployment: its topics and registry; groups are chosen per run."""
    config: KafkaConfig
    input: str
    meetings: str
    contributions: str
    dlq: str
    registry_dir: str

    @property
    def event_topics(self) -> list[str]:
        return [self.meetings, self.contributions]

    def args(self, group: str, *extra: str) -> list[str]:
        return ["--bootstrap-servers", self.config.bootstrap_servers, "--input-topic", self.input,
                "--meetings-topic", self.meetings, "--contributions-topic", self.contributions,
                "--dlq-topic", self.dlq, "--group-id", group, "--registry-dir", self.registry_dir, *extra]

    def run(self, group: str, *extra: str):
        """Runs the job to its end; (result, seconds). Streaming until idle unless ``extra`` says --bounded."""
        if "--bounded" not in extra and "--stop-after-idle" not in extra:
            extra = ("--stop-after-idle", IDLE_S, *extra)
        started = time.monotonic()
        result = run(self.args(group, *extra))
        return result, time.monotonic() - started

    def registry(self) -> FileRegistry:
        return FileRegistry(self.registry_dir)  # a fresh instance: only what the job left on disk


def new_job(config: KafkaConfig, tmp_path, input_partitions: int = 1, prefix: str = "pk") -> Job:
    job = Job(config, unique(f"{prefix}-articles"), unique(f"{prefix}-events.meetings"),
              unique(f"{prefix}-events.military-contributions"), unique(f"{prefix}-articles.dlq"),
              str(tmp_path / unique("registry")))
    kafka_admin.ensure_topics(config, [job.input], partitions=input_partitions)
    kafka_admin.ensure_topics(config, [job.meetings, job.contributions, job.dlq])
    return job


def send(config: KafkaConfig, topic: str, values: list[bytes], partitions: Optional[list[int]] = None
         ) -> list[tuple[int, int]]:
    """Publishes ``values`` (no key) and returns the (partition, offset) each one got."""
    producer = kafka_admin.producer(config)
    try:
        futures = [producer.send(topic, value=v, partition=None if partitions is None else partitions[i])
                   for i, v in enumerate(values)]
        producer.flush(timeout=30)
        placed = [f.get(timeout=30) for f in futures]
    finally:
        producer.close(timeout=10)
    return [(md.partition, md.offset) for md in placed]


@dataclass
class Message:
    topic: str
    partition: int
    offset: int
    key: Optional[bytes]
    schema_id: int
    schema_name: str
    record: dict


def read_messages(job: Job, topic: str) -> list[Message]:
    """Every message of ``topic``, decoded through the job's registry (Confluent framing checked)."""
    registry, cache, out = job.registry(), {}, []
    for r in kafka_admin.read_topic(job.config, topic, timeout_s=15):
        assert r.value[:1] == b"\x00", f"{topic}@{r.offset} is not in the Confluent wire format"
        schema_id, _ = codec.unframe(r.value)
        name, record = decode_value(r.value, registry, cache)
        out.append(Message(topic, r.partition, r.offset, r.key, schema_id, name, record))
    return out


def read_events(job: Job) -> list[Message]:
    return read_messages(job, job.meetings) + read_messages(job, job.contributions)


def end_offsets(job: Job, topics) -> dict[tuple[str, int], int]:
    return {(t, p): o for t in topics for p, o in kafka_admin.end_offsets(job.config, t).items()}


def after(messages: list[Message], ends: dict[tuple[str, int], int]) -> list[Message]:
    """The messages written after ``ends`` were taken."""
    return [m for m in messages if m.offset >= ends.get((m.topic, m.partition), 0)]


def counters(result) -> dict[str, int]:
    """The job's Beam counters by name (a counter never incremented is absent: use .get(name, 0))."""
    out: dict[str, int] = {}
    for c in result.metrics().query(MetricsFilter())["counters"]:
        out[c.key.metric.name] = out.get(c.key.metric.name, 0) + (c.committed or 0)
    return out


def assert_caught_up(job: Job, group: str) -> None:
    committed = kafka_admin.committed_offsets(job.config, group, job.input)
    ends = kafka_admin.end_offsets(job.config, job.input)
    assert committed == ends, f"group {group} committed {committed}, but the input ends at {ends}"


def assert_well_formed_events(job: Job, messages: list[Message]) -> None:
    """Key = event_id, right schema on the right topic, schema id registered under the topic's subject,
    versions of an event consecutive from 1 in topic order."""
    registry = job.registry()
    subjects = registry.subjects()
    expected_schema = {job.meetings: codec.MEETING, job.contributions: codec.MILITARY_CONTRIBUTION}
    versions: dict[str, list[int]] = {}
    for m in messages:
        assert m.schema_name == expected_schema[m.topic], (m.topic, m.schema_name)
        assert m.key is not None and m.key.decode() == m.record["event_id"], (m.key, m.record["event_id"])
        assert registry.schema_by_id(m.schema_id) == normalise(codec.schema_text(m.schema_name))
        assert m.schema_id in subjects.get(f"{m.topic}-value", []), subjects
        versions.setdefault(m.record["event_id"], []).append(m.record["version"])
    for event_id, seen in versions.items():
        assert seen == list(range(1, len(seen) + 1)), f"{event_id}: versions {seen} in topic order"


def latest(messages: list[Message]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for m in messages:
        e = m.record
        if e["event_id"] not in out or out[e["event_id"]]["version"] < e["version"]:
            out[e["event_id"]] = e
    return out


def article_ids(event: dict) -> set[str]:
    return {m["article_id"] for m in event["mentions"]}


@pytest.fixture
def config(broker):
    return kafka_config(broker)


# --- seeds in, events out -------------------------------------------------------------------------------

def test_seed_events_come_out_of_the_sink_topics_framed_keyed_and_found(config, tmp_path):
    job = new_job(config, tmp_path)
    send(config, job.input, [ARTICLES[SEED_ID]])
    group = unique("g")

    result, _ = job.run(group)

    messages = read_events(job)
    assert messages, "no events on the sink topics"
    assert_well_formed_events(job, messages)
    events = list(latest(messages).values())
    gold = evaluate.load_gold([SEED_GOLD])
    scores, pairs = evaluate.match(gold, evaluate.per_article(events))
    missed = [g["evidence"] for s in scores.values() for g in s.fns]
    assert not missed, f"seed events not found on the sink topics: {missed}"
    for g, p in pairs:
        assert str(p["date"]) == g["date"], (g["evidence"], p["date"])
        if g.get("location"):
            assert p["location"] and p["location"]["country"] == g["location"]["country"], g["evidence"]
    assert read_messages(job, job.dlq) == []
    assert_caught_up(job, group)
    assert counters(result)["articles_read"] == 1


# --- dead letters -------------------------------------------------------------------------------------

def test_malformed_messages_land_on_the_dlq_with_bytes_origin_and_reason(config, tmp_path):
    job = new_job(config, tmp_path, input_partitions=3)
    seed = json.loads(ARTICLES[SEED_ID])
    # A good article as Confluent-framed Avro, its schema in the job's registry (as a producer would do).
    avro_article = articles.validate(json.loads(ARTICLES["dd-016"]))
    article_schema_id = job.registry().register(f"{job.input}-value", codec.schema_text(codec.ARTICLE))
    unknown_id = 424242
    with pytest.raises(KeyError):
        job.registry().schema_by_id(unknown_id)

    noise = b"\xff\xfe" + random.Random(20151126).randbytes(62)  # not UTF-8, not magic byte 0
    truncated = ARTICLES[SEED_ID][: len(ARTICLES[SEED_ID]) // 2]
    no_body = json.dumps({k: v for k, v in seed.items() if k != "body"} | {"article_id": "no-body"}).encode()
    unknown_schema = codec.frame(unknown_id, codec.encode(codec.ARTICLE, avro_article))
    messages = [
        ("good", ARTICLES[SEED_ID]),
        ("invalid_utf8", noise),
        ("invalid_json", truncated),
        ("good", codec.frame(article_schema_id, codec.encode(codec.ARTICLE, avro_article))),
        ("missing_field", no_body),
        ("unknown_schema_id", unknown_schema),
    ]
    placed = send(config, job.input, [v for _, v in messages], partitions=[i % 3 for i in range(len(messages))])
    expected_dead = {where: (kind, value) for where, (kind, value) in zip(placed, messages) if kind != "good"}
    group = unique("g")

    result, _ = job.run(group)

    dead = read_messages(job, job.dlq)
    assert {m.schema_name for m in dead} == {codec.DEAD_LETTER}
    by_origin = {(m.record["source_partition"], m.record["source_offset"]): m.record for m in dead}
    assert len(by_origin) == len(dead) == len(expected_dead), [d.record["error_type"] for d in dead]
    now = dt.datetime.now(dt.timezone.utc)
    for where, (kind, value) in expected_dead.items():
        d = by_origin[where]
        assert d["stage"] == "parse" and d["error_type"] == kind, (where, d["error_type"], d["error_message"])
        assert d["error_message"], kind
        assert d["payload"] == value and d["payload_truncated"] is False, kind
        assert d["source_topic"] == job.input and d["source_path"] is None
        assert now - dt.timedelta(minutes=5) < d["failed_at"] <= now
    assert str(unknown_id) in by_origin[placed[5]]["error_message"]
    assert "'body'" in by_origin[placed[4]]["error_message"]

    events = read_events(job)
    assert_well_formed_events(job, events)
    found = set().union(*(article_ids(m.record) for m in events))
    assert {SEED_ID, "dd-016"} <= found, found  # JSON and framed-Avro articles both yield events
    assert found <= {SEED_ID, "dd-016"}
    c = counters(result)
    assert c["articles_read"] == 6 and c["articles_parsed"] == 2 and c["dead_letters"] == 4
    assert_caught_up(job, group)


# --- offsets ------------------------------------------------------------------------------------------

def test_committed_offsets_equal_end_offsets_when_the_job_stops(config, tmp_path):
    job = new_job(config, tmp_path, input_partitions=3)
    ids = [f"dd-{i:03d}" for i in range(1, 13)]
    send(config, job.input, [ARTICLES[i] for i in ids[:6]], partitions=[i % 3 for i in range(6)])

    def late_publisher():  # more input while the job runs: it must be read and committed too
        time.sleep(1.5)
        send(config, job.input, [ARTICLES[i] for i in ids[6:]])

    group = unique("g")
    thread = threading.Thread(target=late_publisher)
    thread.start()
    try:
        result, _ = job.run(group)
    finally:
        thread.join()

    ends = kafka_admin.end_offsets(config, job.input)
    assert sum(ends.values()) == 12
    assert kafka_admin.committed_offsets(config, group, job.input) == ends
    assert counters(result)["articles_read"] == 12


# --- restart and replay ------------------------------------------------------------------------------

def test_restart_with_the_same_group_reprocesses_nothing_and_loses_nothing(config, tmp_path):
    job = new_job(config, tmp_path)
    first_batch = [SEED_ID, "dd-006"]      # seed (DEU pledge of 2015-11-26, Merkel-Hollande) + Obama-Putin
    second_batch = ["dd-014", "dd-016"]    # DW re-reports the DEU pledge; DW on the Bundestag vote (new event)
    group = unique("g")

    send(config, job.input, [ARTICLES[i] for i in first_batch])
    first_result, _ = job.run(group)
    assert_caught_up(job, group)
    assert counters(first_result)["articles_read"] == len(first_batch)
    first = read_events(job)
    ends = end_offsets(job, job.event_topics)
    known = latest(first)
    pledge = next(e for e in known.values() if e["event_type"] == "military_contribution"
                  and e["contributor"].get("country") == "DEU" and SEED_ID in article_ids(e))

    send(config, job.input, [ARTICLES[i] for i in second_batch])
    second_result, _ = job.run(group)

    assert_caught_up(job, group)
    c = counters(second_result)
    assert c["articles_read"] == len(second_batch), c  # nothing committed was read again
    everything = read_events(job)
    assert_well_formed_events(job, everything)  # versions keep growing across the restart
    second = after(everything, ends)
    assert second, "the new articles produced nothing"
    first_versions = {(m.record["event_id"], m.record["version"]) for m in first}
    reported_now = {m.record["event_id"] for m in second if article_ids(m.record) & set(second_batch)}
    previous = dict(known)
    for m in second:  # in topic order, so per event in version order
        e = m.record
        assert (e["event_id"], e["version"]) not in first_versions, f"{e['event_id']} v{e['version']} emitted twice"
        before = previous.get(e["event_id"])
        if before is not None:
            assert e["version"] == before["version"] + 1, (e["event_id"], before["version"], e["version"])
            assert article_ids(before) <= article_ids(e), f"{e['event_id']} lost mentions across the restart"
        # Caused by the new articles: a mention from one of them, or a link to an event they reported.
        mentions = article_ids(e) - (article_ids(before) if before else set())
        links = set(e.get("related_event_ids") or []) - set((before or {}).get("related_event_ids") or [])
        assert mentions <= set(second_batch), f"{e['event_id']} v{e['version']} re-added old mentions {mentions}"
        assert mentions or (links and links <= reported_now), \
            f"{e['event_id']} v{e['version']} was not caused by the new articles"
        previous[e["event_id"]] = e
    # Nothing lost: every new article reached an event.
    assert set(second_batch) <= set().union(*(article_ids(m.record) for m in second))

    # The re-reported pledge continues the same event, one version up, two outlets now.
    rereported = [m.record for m in second if m.record["event_id"] == pledge["event_id"]]
    assert rereported, "the DW report of the German pledge did not join the event restored from the topics"
    assert rereported[0]["version"] == pledge["version"] + 1
    assert "dd-014" in article_ids(rereported[-1]) and rereported[-1]["num_sources"] == 2


def test_replay_with_a_new_group_emits_no_new_versions(config, tmp_path):
    """Also the at-least-once case after a crash: records re-read after a restart must not re-emit.

    Fails while _DedupFn.process (pipeline/dedup/transform.py) drops a restored cell whose first
    candidate is a replay: _restored_cell pops the key, the replay writes no state, so the next candidate
    of that key finds neither state nor snapshot and starts the event again at version 1."""
    job = new_job(config, tmp_path)
    send(config, job.input, [ARTICLES[i] for i in (SEED_ID, "dd-014", "dd-016")])
    first_result, _ = job.run(unique("g"))
    first = read_events(job)
    assert first and counters(first_result)["dedup_new_events"] > 0
    ends = end_offsets(job, job.event_topics)

    replay_group = unique("g")
    replay_result, _ = job.run(replay_group)  # the whole input again; state restored from the event topics

    assert end_offsets(job, job.event_topics) == ends, [
        (m.record["event_id"], m.record["version"]) for m in after(read_events(job), ends)]
    c = counters(replay_result)
    assert c["articles_read"] == 3 and c.get("dedup_new_events", 0) == 0 and c.get("dedup_hits", 0) == 0, c
    assert c["dedup_replays"] > 0, c
    assert_caught_up(job, replay_group)

    # Control: the same replay without restoring state does re-emit (so the restore is what prevented it).
    blind, _ = job.run(unique("g"), "--no-restore-state")
    assert counters(blind).get("dedup_new_events", 0) > 0
    assert after(read_events(job), ends)


# --- version regressions under the retention window -----------------------------------------------------

@pytest.mark.parametrize("mode", [("--bounded",), ("--stop-after-idle", IDLE_S)], ids=["backfill", "streaming"])
def test_an_event_id_never_goes_back_to_an_older_version(config, tmp_path, mode):
    """A report of an event more than 14 days (the Kafka-mode retention) older than the newest event of
    its state cell re-creates it as version 1 under the same event_id, because the earlier versions were
    pruned from state: on a compacted topic that later version 1 replaces the richer one (compaction keeps
    the last record per key), while consumers keeping the highest version ignore it.

    Input: the seed (Merkel-Hollande, 2015-11-25), then Trump-Kim (2018-06-12), then DW reporting
    Merkel-Hollande again. Streaming: whatever the policy for such late reports, the id must not go
    back. Backfill (--bounded): nothing is pruned, as pipeline/dedup/transform.py promises ("a bounded
    run ... keeps everything"), so the DW report joins the seed's event; pipeline/main.py gives --bounded
    Kafka runs the 14-day retention all the same.
    """
    job = new_job(config, tmp_path)
    send(config, job.input, [ARTICLES[i] for i in (SEED_ID, "dd-012", "dd-014")])
    job.run(unique("g"), *mode)

    messages = read_events(job)
    # Precondition, or the test proves nothing: an event far ahead of 2015 in the meetings cell.
    assert any(m.record["event_type"] == "meeting" and m.record["date"] > dt.date(2016, 1, 1) for m in messages)
    per_id: dict[str, list[tuple[int, list[str]]]] = {}
    for m in messages:
        per_id.setdefault(m.record["event_id"], []).append((m.record["version"], sorted(article_ids(m.record))))
    regressions = {k: v for k, v in per_id.items() if [x[0] for x in v] != sorted({x[0] for x in v})}
    assert not regressions, f"event ids re-emitted at an older or equal version: {regressions}"
    if mode == ("--bounded",):
        merkel = [e for e in latest(messages).values() if e["event_type"] == "meeting"
                  and {p.get("country") for p in e["participants"]} == {"FRA", "DEU"}]
        assert len(merkel) == 1 and article_ids(merkel[0]) >= {SEED_ID, "dd-014"}, merkel
