"""Fault injection against the real job process and a real broker: crashes, outages and failed writes
lose nothing.

Every test runs ``python -m pipeline run`` as a separate process (the way it runs in production) against
this module's own embedded broker (pausing the session broker would stall other tests), and compares the
sink topics with a clean run of the same input:

- SIGKILL five times at random moments (seeded) during a stream of 2,000+ articles, restarting each
  time with the same group and registry: the final state equals the clean run's, duplicates are exact
  copies, every dead letter arrives, the group's offsets reach the end.
- The broker stops answering for 30 s mid-stream (SIGSTOP): the job waits, says so in one line, resumes.
- The broker stops answering longer than the producer's write timeout: the write fails, the job stops
  without committing that input, and a restart processes it again.

Input topics have one partition so that a clean run and a crashed-and-restarted run see the articles in
the same order: then deduplication must end in exactly the same events, which is a stricter check than
comparing order-free keys (also done, as the first assertion, for a readable failure).

``DATELINE_KAFKA_MAX_POLL_RECORDS=100`` makes bundles (and so commits) 100 records long instead of 500,
so that the jobs commit, and get killed between commits, several times within a few seconds each.
The figures (kills, offsets, records, duplicates) are printed; see them with ``pytest -s``.
"""
from __future__ import annotations

import collections
import datetime as dt
import glob
import json
import os
import random
import signal
import subprocess
import sys
import time
import zlib

import apache_beam as beam
import pytest

from conftest import embedded_broker, kafka_config, unique
from connectors import kafka_admin
from connectors.broker import EmbeddedBroker
from connectors.registry import registry_for
from connectors.restore import decode_value

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: Seed of the kill schedule (and of the stream's bad messages); change it to explore other schedules.
SEED = 20261124
KILLS = 5
BIG_STREAM = 2090
SMALL_STREAM = 300
OUTAGE_S = 30.0
#: Producer write timeout of the job in the failed-write test: shorter than the outage there.
WRITE_TIMEOUT_S = 6.0
SINK_OUTAGE_S = 15.0
#: Every BAD_EVERY-th message of a stream is not an article (it must become a dead letter).
BAD_EVERY = 97
#: --dedup-retention-days for every run here; see test_sigkill docstring.
RETENTION_DAYS = "100000"


# --- input ---------------------------------------------------------------------------------------------

OUTLETS = ["reuters.com", "apnews.com", "bbc.co.uk", "afp.com", "dw.com", "aljazeera.com", "france24.com",
           "kyodonews.net"]


def corpus() -> list[dict]:
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "data", "articles", "*.jsonl")))
    files += sorted(glob.glob(os.path.join(ROOT, "seeds", "*.jsonl")))
    return [json.loads(line) for f in files for line in open(f, encoding="utf-8") if line.strip()]


def article_stream(n: int) -> list[dict]:
    """``n`` articles varied from the test corpus, deterministic.

    Copy k of the corpus gets new article ids, another outlet, and publication dates 7*(k//2) days
    earlier: copies 2j and 2j+1 report the same events from two outlets (deduplication merges them into
    version 2), other copies report other events. Two copies in three keep only the first paragraph, so
    most articles are short.
    """
    base = corpus()
    out: list[dict] = []
    k = 0
    while len(out) < n:
        for a in base:
            b = dict(a)
            b["article_id"] = f"{a['article_id']}-c{k}"
            if k:
                b["source"] = OUTLETS[(k + zlib.crc32(a["article_id"].encode())) % len(OUTLETS)]
            published = dt.datetime.fromisoformat(a["published_at"].replace("Z", "+00:00"))
            b["published_at"] = (published - dt.timedelta(days=7 * (k // 2))).isoformat().replace("+00:00", "Z")
            if k % 3:
                b["body"] = a["body"].split("\n\n")[0]
            out.append(b)
            if len(out) >= n:
                break
        k += 1
    return out


def bad_message(i: int) -> bytes:
    kinds = [b'{"article_id": "broken", "body": ', b"\xff\xfe not utf-8", b"[1, 2, 3]",
             json.dumps({"article_id": f"no-body-{i}", "source": "x.example", "published_at": "2020-01-01"}).encode()]
    return kinds[i % len(kinds)]


def messages(articles: list[dict]) -> tuple[list[tuple[bytes, bytes]], set[int]]:
    """Kafka (key, value) pairs with a bad message every BAD_EVERY offsets; and the offsets of the bad ones."""
    out, bad = [], set()
    for a in articles:
        if len(out) % BAD_EVERY == BAD_EVERY - 1:
            bad.add(len(out))
            out.append((None, bad_message(len(out))))
        out.append((a["article_id"].encode(), json.dumps(a).encode()))
    return out, bad


# --- the job -------------------------------------------------------------------------------------------

class Job:
    """The real streaming job, ``python -m pipeline run``, as a child process writing its log to a file."""

    def __init__(self, broker: EmbeddedBroker, input_topic: str, group: str, sinks: dict, registry_dir: str,
                 log_dir, idle_s: float = 3.0, env: dict | None = None):
        self.cmd = [sys.executable, "-m", "pipeline", "run", "--bootstrap-servers", broker.bootstrap_servers,
                    "--stop-after-idle", str(idle_s), "--registry-dir", registry_dir, "--group-id", group,
                    "--input-topic", input_topic, "--meetings-topic", sinks["meetings"],
                    "--contributions-topic", sinks["contributions"], "--dlq-topic", sinks["dlq"],
                    "--dedup-retention-days", RETENTION_DAYS]
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("DATELINE_KAFKA_")}
        self.env.update({"DATELINE_KAFKA_MAX_POLL_RECORDS": "100", "PYTHONUNBUFFERED": "1"}, **(env or {}))
        self.group = group
        self.log_dir = log_dir
        self.runs = 0
        self.proc: subprocess.Popen | None = None
        self.log_path = None

    def start(self, env: dict | None = None) -> "Job":
        self.runs += 1
        self.log_path = os.path.join(str(self.log_dir), f"job-{self.runs}.log")
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(self.cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                         env={**self.env, **(env or {})})
        return self

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def wait(self, timeout_s: float) -> int:
        try:
            return self.proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            pytest.fail(f"the job did not finish within {timeout_s:.0f}s; log:\n{self.log()[-3000:]}")

    def run(self, timeout_s: float = 240.0, env: dict | None = None) -> int:
        return self.start(env).wait(timeout_s)

    def log(self) -> str:
        with open(self.log_path, encoding="utf-8", errors="replace") as fh:
            return fh.read()


def sink_names(prefix: str) -> dict:
    return {"meetings": unique(f"{prefix}.meetings"), "contributions": unique(f"{prefix}.contributions"),
            "dlq": unique(f"{prefix}.dlq")}


def create_topics(config, *names) -> None:
    kafka_admin.ensure_topics(config, names, partitions=1)  # tansu would auto-create with several


def decoded(config, registry_dir: str, topic: str) -> list[dict]:
    registry, cache = registry_for(None, registry_dir), {}
    return [decode_value(r.value, registry, cache)[1] for r in kafka_admin.read_topic(config, topic, timeout_s=30)]


def sink_contents(config, registry_dir: str, sinks: dict) -> tuple[list[dict], list[dict]]:
    events = decoded(config, registry_dir, sinks["meetings"]) + decoded(config, registry_dir, sinks["contributions"])
    return events, decoded(config, registry_dir, sinks["dlq"])


def records_on(config, sinks: dict) -> int:
    return sum(sum(kafka_admin.end_offsets(config, t).values()) for t in sinks.values())


def latest(events: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for e in events:
        if e["event_id"] not in out or out[e["event_id"]]["version"] < e["version"]:
            out[e["event_id"]] = e
    return out


def _countries(*actors) -> frozenset:
    return frozenset((a.get("country") or a.get("actor_code") or a["name"]) for a in actors if a)


def order_free_key(e: dict) -> tuple:
    """What a real-world event is, whatever order its reports arrived in."""
    if e["event_type"] == "meeting":
        who = _countries(*e["participants"])
    else:
        who = (_countries(e["contributor"]), _countries(e.get("recipient")))
    return (e["event_id"], e["event_type"], e["status"], str(e.get("date")), who)


def canonical(record: dict) -> str:
    return json.dumps(record, sort_keys=True, default=str)


def duplicates(events: list[dict]) -> tuple[int, list]:
    """How many (event_id, version) pairs arrived more than once, and those whose copies differ."""
    seen: dict[tuple, list] = collections.defaultdict(list)
    for e in events:
        seen[(e["event_id"], e["version"])].append(canonical(e))
    repeated = {k: v for k, v in seen.items() if len(v) > 1}
    return len(repeated), [k for k, v in repeated.items() if len(set(v)) > 1]


def dead_offsets(dead: list[dict]) -> set[int]:
    return {d["source_offset"] for d in dead}


def assert_same_final_state(got_events, got_dead, want_events, want_dead, bad_offsets, label):
    got, want = latest(got_events), latest(want_events)
    assert {order_free_key(e) for e in got.values()} == {order_free_key(e) for e in want.values()}, (
        f"{label}: events lost or different: missing {len(set(want) - set(got))}, extra {len(set(got) - set(want))}")
    differ = [i for i in want if canonical(got[i]) != canonical(want[i])]
    assert not differ, f"{label}: {len(differ)} events end in another state than in the clean run, e.g. {differ[:3]}"
    # Every version the clean run published was published (no version skipped, none invented).
    assert {(e["event_id"], e["version"]) for e in got_events} == {(e["event_id"], e["version"]) for e in want_events}
    repeated, different = duplicates(got_events)
    assert not different, f"{label}: {len(different)} (event_id, version) pairs delivered twice with other content"
    assert dead_offsets(got_dead) == dead_offsets(want_dead) == bad_offsets, f"{label}: dead letters lost"
    assert all(d["error_type"] and d["error_message"] for d in got_dead)
    return repeated


def wait_for(predicate, timeout_s: float, what: str, interval_s: float = 0.2):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval_s)
    pytest.fail(f"timed out after {timeout_s:.0f}s waiting for {what}")


# --- fixtures ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fault_broker():
    """This module's own broker: the tests pause it."""
    with embedded_broker() as running:
        yield running


@pytest.fixture(scope="module")
def registry_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("registry"))


@pytest.fixture(scope="module")
def small_reference(fault_broker, registry_dir, tmp_path_factory):
    """SMALL_STREAM articles (and their bad messages) through one clean run: what every fault must end in."""
    config = kafka_config(fault_broker)
    topic, sinks = unique("small-in"), sink_names("ref")
    create_topics(config, topic, *sinks.values())
    msgs, bad = messages(article_stream(SMALL_STREAM))
    kafka_admin.publish(config, topic, msgs, linger_ms=20)
    started = time.monotonic()
    job = Job(fault_broker, topic, unique("ref"), sinks, registry_dir, tmp_path_factory.mktemp("ref-logs"))
    assert job.run() == 0, job.log()[-3000:]
    events, dead = sink_contents(config, registry_dir, sinks)
    print(f"\n[faults] clean run of {len(msgs)} messages: {len(events)} event records, {len(latest(events))} events, "
          f"{len(dead)} dead letters in {time.monotonic() - started:.1f}s")
    assert events and dead_offsets(dead) == bad
    return {"messages": msgs, "bad": bad, "events": events, "dead": dead}


# --- the graph -----------------------------------------------------------------------------------------

def test_every_kafka_write_is_fused_with_the_kafka_read():
    """At-least-once on the FnApiRunner: offsets are committed when the read's bundle is finalized, right
    after its stage; a write in a later stage (behind a multi-input Flatten, say) would commit input whose
    events are still in memory. This is the cheap, static form of the SIGKILL test below."""
    from connectors.kafka_source import unfused_kafka_writes
    from pipeline.main import build, pipeline_options
    from pipeline.options import DatelineOptions

    options = pipeline_options(["--bootstrap-servers", "127.0.0.1:9", "--stop-after-idle", "1"])
    p = beam.Pipeline(options=options)
    build(p, options.view_as(DatelineOptions), None)
    assert unfused_kafka_writes(p) == [], (
        "these Kafka writes run in a stage after the Kafka read's, so their input offsets are committed "
        "before they write: remove the Flatten/GroupByKey between them (see connectors/kafka_sink.py)")


# --- crashes -------------------------------------------------------------------------------------------

@pytest.mark.kafka
@pytest.mark.slow
def test_sigkill_five_times_loses_nothing(fault_broker, registry_dir, tmp_path):
    """SIGKILL at random moments, restart with the same group and registry dir, let it finish.

    Both runs use a retention far beyond the stream's 23 years of dates: with the default 14 days,
    pruning makes the outcome depend on what was pruned before a restart, which restored state does not
    know (a separate question for deduplication, not a delivery guarantee).
    """
    config = kafka_config(fault_broker)
    topic = unique("big-in")
    clean_sinks, killed_sinks = sink_names("clean"), sink_names("killed")
    create_topics(config, topic, *clean_sinks.values(), *killed_sinks.values())
    msgs, bad = messages(article_stream(BIG_STREAM))
    kafka_admin.publish(config, topic, msgs, linger_ms=20)
    end = kafka_admin.end_offsets(config, topic)
    assert sum(end.values()) == len(msgs) >= 2000

    started = time.monotonic()
    # The clean run goes alongside the crashing one (another group, other sink topics): same input order.
    os.makedirs(tmp_path / "clean")
    clean = Job(fault_broker, topic, unique("clean"), clean_sinks, registry_dir, tmp_path / "clean").start()
    group = unique("killed")
    job = Job(fault_broker, topic, group, killed_sinks, registry_dir, tmp_path)
    rng = random.Random(SEED)
    # The moments: random places in the stream (seeded): 200 or 300 records past where the previous run's
    # offsets stood, so that every run writes new events, then a random part of a bundle (100 records,
    # about a second), so that kills land between a bundle's writes and its commit, whatever the speed of
    # the machine. The last few hundred records are left for the final run.
    figures = []
    committed = 0
    for n in range(KILLS):
        target = min(committed + rng.choice((200, 300)), len(msgs) - 300)
        jitter = rng.uniform(0.0, 1.0)
        job.start()
        before = records_on(config, killed_sinks)
        wait_for(lambda: (kafka_admin.committed_offsets(config, group, topic)[0] or 0) >= target
                 or job.proc.poll() is not None, 180, f"the job to pass offset {target}")
        time.sleep(jitter)
        assert job.proc.poll() is None, f"the job ended before kill {n + 1}: {job.log()[-2000:]}"
        job.kill()
        committed = kafka_admin.committed_offsets(config, group, topic)[0] or 0
        figures.append((target, round(jitter, 2), committed, records_on(config, killed_sinks) - before))
    assert job.run() == 0, job.log()[-3000:]
    killed_s = time.monotonic() - started
    assert clean.wait(300) == 0, clean.log()[-3000:]

    got_events, got_dead = sink_contents(config, registry_dir, killed_sinks)
    want_events, want_dead = sink_contents(config, registry_dir, clean_sinks)
    print(f"\n[faults] SIGKILL x{KILLS} during {len(msgs)} messages ({len(bad)} bad): (kill after offset, + s, "
          f"committed offset after the kill, sink records written by that run) = {figures}; finished in {killed_s:.1f}s; clean run {len(want_events)} event records, "
          f"{len(latest(want_events))} events; killed runs {len(got_events)} event records, "
          f"{len(got_dead)} dead letters for {len(bad)} bad messages")
    mid_stream = [c for _, _, c, _ in figures if (c or 0) < end[0]]
    assert len(mid_stream) == KILLS, "every kill must land before the end of the stream"
    lost = set(latest(want_events)) - set(latest(got_events))
    assert not lost and len(got_dead) >= len(want_dead), (
        f"lost after the kills: {len(lost)} of {len(latest(want_events))} events, "
        f"{len(want_dead) - len(dead_offsets(got_dead))} of {len(want_dead)} dead letters "
        f"(input offsets were committed before their output was written)")
    repeated = assert_same_final_state(got_events, got_dead, want_events, want_dead, bad, "killed runs")
    print(f"[faults] {repeated} (event_id, version) pairs were delivered more than once, all identical; "
          f"0 events lost")
    assert kafka_admin.committed_offsets(config, group, topic) == end
    # The kills did land between writes and commits (not all during start-up).
    assert all(written for *_, written in figures), f"every run writes before it is killed: {figures}"
    assert kafka_admin.committed_offsets(config, clean.group, topic) == end


# --- outages -------------------------------------------------------------------------------------------

@pytest.mark.kafka
@pytest.mark.slow
def test_broker_silent_for_30s_mid_stream_job_waits_says_so_once_and_loses_nothing(
        fault_broker, registry_dir, small_reference, tmp_path):
    config = kafka_config(fault_broker)
    topic, sinks, group = unique("outage-in"), sink_names("outage"), unique("outage")
    create_topics(config, topic, *sinks.values())
    msgs = small_reference["messages"]
    half = len(msgs) // 2
    kafka_admin.publish(config, topic, msgs[:half], linger_ms=20)
    job = Job(fault_broker, topic, group, sinks, registry_dir, tmp_path, idle_s=5.0).start()

    wait_for(lambda: records_on(config, sinks) > 0, 90, "the job's first output")
    committed_before = kafka_admin.committed_offsets(config, group, topic)[0]
    fault_broker.pause()
    paused_at = time.monotonic()
    try:
        time.sleep(OUTAGE_S)
    finally:
        fault_broker.resume()
    outage_s = time.monotonic() - paused_at
    kafka_admin.publish(config, topic, msgs[half:], linger_ms=20)  # the stream goes on after the outage
    assert job.wait(180) == 0, job.log()[-3000:]

    log = job.log()
    down = [line for line in log.splitlines() if "stopped answering" in line]
    up = [line for line in log.splitlines() if "answers again" in line]
    print(f"\n[faults] broker silent for {outage_s:.1f}s after offset {committed_before} was committed; "
          f"the job said:\n  {down[0] if down else '(nothing)'}\n  {up[0] if up else '(nothing)'}")
    assert len(down) == 1 and len(up) == 1, f"expected one line down and one up:\n{down}\n{up}"
    assert "retried with backoff" in down[0]
    assert "Traceback" not in log, log[-3000:]

    events, dead = sink_contents(config, registry_dir, sinks)
    assert_same_final_state(events, dead, small_reference["events"], small_reference["dead"],
                            small_reference["bad"], "after the outage")
    assert kafka_admin.committed_offsets(config, group, topic) == kafka_admin.end_offsets(config, topic)


@pytest.mark.kafka
@pytest.mark.slow
def test_failed_write_commits_nothing_of_its_input_and_a_restart_delivers_it(
        fault_broker, registry_dir, small_reference, tmp_path):
    """The broker stops answering for longer than the producer's write timeout: the sends of the bundle in
    flight fail, the bundle fails, the job stops with an error naming the write, the bundle's offsets stay
    uncommitted; the restarted job reads that input again and delivers it."""
    config = kafka_config(fault_broker)
    topic, sinks, group = unique("sinkfail-in"), sink_names("sinkfail"), unique("sinkfail")
    create_topics(config, topic, *sinks.values())
    kafka_admin.publish(config, topic, small_reference["messages"], linger_ms=20)
    end = kafka_admin.end_offsets(config, topic)
    job = Job(fault_broker, topic, group, sinks, registry_dir, tmp_path, idle_s=5.0)
    job.start(env={"DATELINE_KAFKA_WRITE_TIMEOUT_S": str(WRITE_TIMEOUT_S)})

    wait_for(lambda: records_on(config, sinks) > 0, 90, "the job's first output")
    fault_broker.pause()
    try:
        time.sleep(SINK_OUTAGE_S)
    finally:
        fault_broker.resume()
    rc = job.wait(120)
    log = job.log()
    assert rc != 0, "the job must fail when its writes are not acknowledged"
    assert "KafkaWriteError" in log and ("writing to Kafka topic" in log or "did not acknowledge" in log), log[-3000:]
    committed = kafka_admin.committed_offsets(config, group, topic)[0]
    written_at_failure = records_on(config, sinks)
    assert (committed or 0) < end[0], "the failed bundle's input must not be committed"

    assert job.run() == 0, job.log()[-3000:]  # the restart, with the usual write timeout
    events, dead = sink_contents(config, registry_dir, sinks)
    print(f"\n[faults] writes timed out after {WRITE_TIMEOUT_S:g}s of a {SINK_OUTAGE_S:g}s outage; job exit code {rc}; "
          f"committed offset {committed} of {end[0]}, {written_at_failure} sink records at the failure; "
          f"after the restart {len(events)} event records, {len(dead)} dead letters")
    assert_same_final_state(events, dead, small_reference["events"], small_reference["dead"],
                            small_reference["bad"], "after the failed write")
    assert kafka_admin.committed_offsets(config, group, topic) == end
