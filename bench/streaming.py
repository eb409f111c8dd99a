"""The Kafka measurements: the streaming job (``python -m pipeline run --bootstrap-servers ...``) in a
subprocess against the embedded broker (tansu), one fresh broker per measurement.

Both start the same way: three warm-up articles are on the input topic before the job starts, and the
job counts as ready once it has committed their offsets (model loaded, consumer positioned). A watcher
thread follows the event topics (every output record, decoded, with its Kafka timestamp, which the job's
producer sets when it sends) and the job's committed offset on the input topic (a Kafka source commits
a bundle's offsets once the bundle is done).

- :func:`throughput`: the whole corpus is published at once; the sustained rate is the corpus over the
  time from the start of publishing to the commit of its last offset. The job then stops by itself
  after ``--stop-after-idle`` seconds without input.
- :func:`latency`: a producer thread offers event-bearing articles at a fixed rate (the input record's
  timestamp is the produce time); an article's latency is the Kafka timestamp of the first output record
  whose mentions name it, minus its produce time. Also kept: when the watcher saw that record, and when
  the article's input offset was committed.
"""
from __future__ import annotations

import json
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Optional

INPUT = "articles"
EVENT_TOPICS = ["events.meetings", "events.military-contributions"]
DLQ = "articles.dlq"
TOPICS = [INPUT, *EVENT_TOPICS, DLQ]


# --------------------------------------------------------------------------------------------------
# The streaming job as a subprocess

class Job:
    """``python -m pipeline run`` in its own session; reaped with wait4 so its own peak RSS is known."""

    def __init__(self, ctx, bootstrap: str, registry_dir: str, idle_s: float):
        self.log_path = ctx.workdir / f"{ctx.step}.job.log"
        self._log = open(self.log_path, "wb")
        prefix = ctx.settings.get("job_cmd") or [sys.executable, "-m", "pipeline", "run"]
        cmd = [*prefix, "--bootstrap-servers", bootstrap, "--stop-after-idle", f"{idle_s:g}",
               "--registry-dir", registry_dir]
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.started = time.time()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True, env=env, cwd=str(Path(__file__).resolve().parent.parent))
        ctx.remember_pid(self.proc.pid, "pipeline")
        self.exit_code: Optional[int] = None
        self.rusage = None
        self.ended: Optional[float] = None

    def poll(self) -> bool:
        """True once the job has exited (and was reaped)."""
        if self.exit_code is not None:
            return True
        pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
        if pid == 0:
            return False
        self.ended = time.time()
        self.exit_code = os.waitstatus_to_exitcode(status)
        self.proc.returncode = self.exit_code
        self.rusage = usage
        self._log.close()
        return True

    def wait(self, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while not self.poll():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def stop(self, grace_s: float = 30.0) -> None:
        """SIGTERM (the job commits and stops cleanly), then SIGKILL of its process group."""
        if self.poll():
            return
        try:
            os.kill(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        if not self.wait(grace_s):
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.wait(10)

    @property
    def cpu_s(self) -> Optional[float]:
        return round(self.rusage.ru_utime + self.rusage.ru_stime, 2) if self.rusage else None

    @property
    def rss_mb(self) -> Optional[float]:
        return round(self.rusage.ru_maxrss / 1024, 1) if self.rusage else None

    def log_tail(self, n: int = 12) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-n:])


def _vm_hwm_mb(pid: Optional[int]) -> Optional[float]:
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def _message(fields: dict) -> tuple[bytes, bytes]:
    return fields["article_id"].encode(), json.dumps(fields, ensure_ascii=False).encode()


def _decode_events(config, registry_dir: str, topics) -> list:
    """(record timestamp ms, timestamp type, event) of every record on the event topics."""
    from connectors.kafka_admin import read_topic
    from connectors.registry import registry_for
    from connectors.restore import decode_value

    registry = registry_for(None, registry_dir)
    cache: dict = {}
    out = []
    for topic in topics:
        for record in read_topic(config, topic, timeout_s=30):
            if record.value is not None:
                out.append((record.timestamp, record.timestamp_type, decode_value(record.value, registry, cache)[1]))
    return out


def percentile(values: list[float], p: float) -> Optional[float]:
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# --------------------------------------------------------------------------------------------------
# Watching the job from outside: its output records and its committed input offsets

class Watcher(threading.Thread):
    """Follows the event topics (per article_id: the first output record naming it) and the job's
    committed offset on the input topic (when each offset was first seen committed)."""

    def __init__(self, config, registry_dir: str, group_id: str = "dateline"):
        super().__init__(name="watcher", daemon=True)
        self.config = config
        self.registry_dir = registry_dir
        self.group_id = group_id
        self.first: dict[str, tuple[int, float]] = {}  # article_id -> (record timestamp ms, seen at ms)
        self.commits: list[tuple[float, int]] = []     # (seen at ms, committed offset), increasing
        self.records = 0
        self.last_record_ms: Optional[int] = None
        self.first_record_ms: Optional[int] = None
        self.timestamp_types: set = set()
        self.last_arrival = time.monotonic()  # when the last output record (or the start) was seen
        self.lock = threading.Lock()
        self.stop_flag = threading.Event()
        self.error: Optional[BaseException] = None

    # -- questions -----------------------------------------------------------------------------------
    def seen(self, ids) -> bool:
        with self.lock:
            return all(i in self.first for i in ids)

    def committed(self) -> int:
        with self.lock:
            return self.commits[-1][1] if self.commits else 0

    def committed_at(self, offset: int) -> Optional[float]:
        """Wall time (ms) at which the record at ``offset`` was first seen committed."""
        with self.lock:
            for at, committed in self.commits:
                if committed > offset:
                    return at
        return None

    def wait_committed(self, offset: int, job: "Job", timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while self.committed() < offset:
            if self.error:
                raise RuntimeError(f"watching the job failed: {self.error}")
            if job.poll() or time.monotonic() > deadline:
                return self.committed() >= offset
            time.sleep(0.02)
        return True

    # -- the loops -----------------------------------------------------------------------------------
    def run(self):
        """Output records here; committed offsets in a second thread (an offset fetch is a round trip,
        which would otherwise delay the records seen)."""
        commits = threading.Thread(target=self._follow_commits, name="watcher-commits", daemon=True)
        commits.start()
        try:
            self._follow_records()
        finally:
            self.stop_flag.set()
            commits.join(10)

    def _follow_records(self):
        from kafka import TopicPartition
        from connectors.kafka_admin import consumer, partitions_of
        from connectors.registry import registry_for
        from connectors.restore import decode_value

        try:
            # A short fetch wait: the broker may hold an empty fetch for the whole wait even when records
            # arrive meanwhile, which would add up to 500 ms (the default) to what this consumer sees.
            events = consumer(self.config, fetch_max_wait_ms=10)
            try:
                tps: list[TopicPartition] = []
                for topic in EVENT_TOPICS:
                    tps += partitions_of(events, topic)
                events.assign(tps)
                events.seek_to_beginning(*tps)
                registry = registry_for(None, self.registry_dir)
                cache: dict = {}
                while not self.stop_flag.is_set():
                    batch = events.poll(timeout_ms=20)
                    now = time.time() * 1000
                    for records in batch.values():
                        for r in records:
                            if r.value is None:
                                continue
                            _, event = decode_value(r.value, registry, cache)
                            with self.lock:
                                self.last_arrival = time.monotonic()
                                self.records += 1
                                self.timestamp_types.add(r.timestamp_type)
                                self.first_record_ms = min(r.timestamp, self.first_record_ms or r.timestamp)
                                self.last_record_ms = max(r.timestamp, self.last_record_ms or r.timestamp)
                                for m in event["mentions"]:
                                    known = self.first.get(m["article_id"])
                                    if known is None or r.timestamp < known[0]:
                                        self.first[m["article_id"]] = (r.timestamp, known[1] if known else now)
            finally:
                events.close()
        except BaseException as exc:  # reported by the step
            self.error = exc

    def _follow_commits(self):
        from connectors.kafka_admin import consumer, partitions_of

        try:
            group = consumer(self.config, group_id=self.group_id)
            try:
                inputs = partitions_of(group, INPUT)
                while not self.stop_flag.is_set():
                    committed = sum(group.committed(tp) or 0 for tp in inputs)
                    now = time.time() * 1000
                    with self.lock:
                        if committed > (self.commits[-1][1] if self.commits else 0):
                            self.commits.append((now, committed))
                    self.stop_flag.wait(0.01)
            finally:
                group.close(autocommit=False)
        except BaseException as exc:
            self.error = exc


class PacedProducer(threading.Thread):
    """Offers the articles at ``rate`` per second; the input record's timestamp is the produce time."""

    def __init__(self, config, articles: list[dict], rate: float):
        super().__init__(name="paced-producer", daemon=True)
        self.config = config
        self.articles = articles
        self.rate = rate
        self.produced: dict[str, int] = {}   # article_id -> produce time (ms)
        self.offsets: dict[str, int] = {}    # article_id -> input offset
        self.stop_flag = threading.Event()
        self.started: Optional[float] = None
        self.ended: Optional[float] = None
        self.error: Optional[BaseException] = None

    def run(self):
        from connectors.kafka_admin import producer
        try:
            p = producer(self.config)
            try:
                self.started = time.time()
                for k, fields in enumerate(self.articles):
                    delay = self.started + k / self.rate - time.time()
                    if delay > 0 and self.stop_flag.wait(delay):
                        break
                    if self.stop_flag.is_set():
                        break
                    key, value = _message(fields)
                    ts = int(time.time() * 1000)
                    future = p.send(INPUT, key=key, value=value, timestamp_ms=ts)
                    future.add_callback(lambda md, aid=fields["article_id"]: self.offsets.__setitem__(aid, md.offset))
                    self.produced[fields["article_id"]] = ts
                self.ended = time.time()
                p.flush(timeout=30)
            finally:
                p.close(timeout=10)
        except BaseException as exc:
            self.error = exc


def _warmup_articles(pool: list[dict], n: int = 3) -> list[dict]:
    return [dict(pool[i % len(pool)], article_id=f"warmup-{i}") for i in range(n)]


def _start(ctx, broker, registry_dir: str, warmup: list[dict]):
    """Topics, the warm-up articles, the watcher, the job; returns (config, watcher, job)."""
    from connectors.kafka_admin import ensure_topics, publish
    from connectors.kafka_config import KafkaConfig

    config = KafkaConfig(bootstrap_servers=broker.bootstrap_servers)
    ensure_topics(config, TOPICS)
    publish(config, INPUT, [_message(f) for f in warmup])
    watcher = Watcher(config, registry_dir)
    watcher.start()
    # The job is stopped with SIGTERM once the measured articles are committed; the idle stop is only a
    # safety net. Not too short: the source's idle clock runs from the last record *read*, so it could
    # end the job between the warm-up and the measured articles.
    job = Job(ctx, broker.bootstrap_servers, registry_dir, ctx.settings["idle_s"])
    if not watcher.wait_committed(len(warmup), job, ctx.settings["job_timeout_s"]):
        raise RuntimeError(f"the job did not commit the warm-up articles (exit {job.exit_code}): {job.log_tail()}")
    return config, watcher, job


def _finish(ctx, job: Job, watcher: Watcher, ids) -> int:
    """Once every measured article is committed: give the outputs a moment, stop the job (SIGTERM: it
    commits and finishes, as at an idle stop), then read what it wrote on the way out. Returns how many
    of the articles had an output record before the stop."""
    ids = list(ids)
    deadline = time.monotonic() + 1.0
    while not watcher.seen(ids) and time.monotonic() < deadline:
        time.sleep(0.02)
    with watcher.lock:
        before_stop = sum(1 for i in ids if i in watcher.first)
    job.stop(grace_s=ctx.settings["job_timeout_s"])
    # The job is gone: what it wrote is on the topics. Read until every article is seen, or nothing new
    # arrived for a while (an article's events can be dropped, e.g. as older than the dedup window).
    deadline = time.monotonic() + ctx.settings["drain_timeout_s"]
    while not watcher.seen(ids) and time.monotonic() < deadline and time.monotonic() - watcher.last_arrival < 1.5:
        time.sleep(0.05)
    settle = time.monotonic() + 0.3  # later versions of events may still be on their way
    while time.monotonic() < settle:
        time.sleep(0.05)
    return before_stop


def _offered(pool: list[dict], count: int) -> list[dict]:
    """``count`` articles from the event-bearing ones, in publication order. When there are fewer, each is
    offered several times in a row as reports of other outlets (new id and source), as a feed has them:
    every report of an event makes a new version of it. Going round the pool again instead would jump
    back years in event time, behind the streaming job's deduplication window: not what a feed does."""
    repeat = -(-count // len(pool))
    offered = []
    for f in pool:
        for r in range(repeat):
            copy = dict(f)
            if r:
                copy["article_id"] = f"{f['article_id']}~{r}"
                copy["source"] = f"{r}.{f['source']}"
            offered.append(copy)
    return offered[:count]


def _event_bearing(ctx) -> list[str]:
    """Article ids with at least one extracted event: from the extract step of this run, else computed."""
    path = ctx.workdir / "extract.with_events.json"
    if path.exists():
        return json.loads(path.read_text())
    from pipeline.extract.extractor import Extractor
    extractor = Extractor()
    articles = ctx.articles()
    ids = []
    for i in range(0, len(articles), 16):
        ids += [a["article_id"] for a, r in extractor.extract_many(articles[i:i + 16]) if isinstance(r, list) and r]
    return ids


def _stats(values: list[float]) -> dict:
    return {"p50_s": percentile(values, 50), "p90_s": percentile(values, 90), "p99_s": percentile(values, 99),
            "max_s": max(values) if values else None}


# --------------------------------------------------------------------------------------------------
# Sustained throughput

def throughput(ctx) -> dict:
    """Warm the job up with 3 articles, then publish the whole corpus at once and time until the job has
    committed all of it (a Kafka source commits a bundle's offsets once the bundle is done), and until
    the last output record."""
    from connectors.broker import EmbeddedBroker
    from connectors.kafka_admin import publish

    fields = ctx.fields()
    n = len(fields)
    wanted = set(_event_bearing(ctx))
    with tempfile.TemporaryDirectory(dir=ctx.workdir, prefix="registry-") as registry_dir, EmbeddedBroker() as broker:
        ctx.remember_pid(broker.pid, "tansu")
        warmup = _warmup_articles(fields)
        job = watcher = None
        try:
            config, watcher, job = _start(ctx, broker, registry_dir, warmup)
            ready_ms = watcher.committed_at(len(warmup) - 1)
            t_pub = time.time()
            publish(config, INPUT, [_message(f) for f in fields])
            publish_s = time.time() - t_pub
            if not watcher.wait_committed(len(warmup) + n, job, ctx.settings["job_timeout_s"]):
                raise RuntimeError(f"the job committed {watcher.committed() - len(warmup)} of {n} articles "
                                   f"(exit {job.exit_code}): {job.log_tail()}")
            done_ms = watcher.committed_at(len(warmup) + n - 1)
            stop_ms = time.time() * 1000
            before_stop = _finish(ctx, job, watcher, [f["article_id"] for f in fields if f["article_id"] in wanted])
        finally:
            if job:
                job.stop(grace_s=10)
            if watcher:
                watcher.stop_flag.set()
                watcher.join(10)
        broker_mb = _vm_hwm_mb(broker.pid)
        if job.exit_code != 0:
            raise RuntimeError(f"streaming job exited with {job.exit_code}: {job.log_tail()}")
    start_ms, pub_ms = job.started * 1000, t_pub * 1000
    with watcher.lock:
        mine = [watcher.first[f["article_id"]][0] for f in fields if f["article_id"] in watcher.first]
        first_ms, last_ms = (min(mine), watcher.last_record_ms) if mine else (None, None)
    return {
        "articles": n, "publish_s": publish_s,
        "ready_s": (ready_ms - start_ms) / 1000 if ready_ms else None,
        "committed_s": (done_ms - pub_ms) / 1000,
        "sustained_per_s": n / ((done_ms - pub_ms) / 1000),
        "first_output_after_publish_s": (first_ms - pub_ms) / 1000 if first_ms else None,
        "last_output_after_publish_s": (last_ms - pub_ms) / 1000 if last_ms else None,
        "to_last_output_per_s": n / ((last_ms - pub_ms) / 1000) if last_ms and last_ms > pub_ms else None,
        "incl_startup_per_s": n / ((done_ms - start_ms) / 1000),
        "job_wall_s": job.ended - job.started,
        "job_stop_s": job.ended - stop_ms / 1000,
        "articles_with_output_before_stop": before_stop,
        "output_records": watcher.records, "articles_with_output": len(mine),
        "timestamp_types": sorted(watcher.timestamp_types),
        "job_rss_mb": job.rss_mb, "broker_rss_mb": broker_mb, "job_cpu_s": job.cpu_s,
    }


# --------------------------------------------------------------------------------------------------
# Latency at a fixed offered rate

def latency(ctx) -> dict:
    from connectors.broker import EmbeddedBroker

    rate = ctx.settings["latency_rate"]
    duration = ctx.settings["latency_seconds"]
    wanted = set(_event_bearing(ctx))
    pool = [f for f in ctx.fields() if f["article_id"] in wanted]  # in publication order
    if not pool:
        raise RuntimeError("no article of the corpus produced an event")
    offered = _offered(pool, max(1, int(rate * duration)))

    with tempfile.TemporaryDirectory(dir=ctx.workdir, prefix="registry-") as registry_dir, EmbeddedBroker() as broker:
        ctx.remember_pid(broker.pid, "tansu")
        job = watcher = producer = None
        try:
            config, watcher, job = _start(ctx, broker, registry_dir, _warmup_articles(pool))
            ready_s = (watcher.committed_at(2) - job.started * 1000) / 1000
            producer = PacedProducer(config, offered, rate)
            producer.start()
            producer.join(duration * 2 + 30)
            if producer.error:
                raise producer.error
            if not watcher.wait_committed(max(producer.offsets.values(), default=2) + 1, job,
                                          ctx.settings["job_timeout_s"]):
                raise RuntimeError(f"the job did not commit every offered article (exit {job.exit_code}): "
                                   f"{job.log_tail()}")
            stop_s = time.time()
            before_stop = _finish(ctx, job, watcher, producer.produced)
        finally:
            if producer:
                producer.stop_flag.set()
            if job:
                job.stop(grace_s=10)
            if watcher:
                watcher.stop_flag.set()
                watcher.join(10)
        broker_mb = _vm_hwm_mb(broker.pid)

    with watcher.lock:
        first = dict(watcher.first)
    to_record, to_seen, to_commit, order = [], [], [], []
    for aid, produced_ms in producer.produced.items():
        offset = producer.offsets.get(aid)
        committed_ms = watcher.committed_at(offset) if offset is not None else None
        if committed_ms is not None:
            to_commit.append((committed_ms - produced_ms) / 1000)
        if aid in first:
            out_ms, seen_ms = first[aid]
            to_record.append((out_ms - produced_ms) / 1000)
            to_seen.append((seen_ms - produced_ms) / 1000)
            order.append(produced_ms)
    sent = len(producer.produced)
    fifth = max(1, len(to_record) // 5)
    chronological = [lat for _, lat in sorted(zip(order, to_record))]
    return {
        "articles": sent, "rate_offered": rate, "seconds": duration,
        "rate_achieved": (sent - 1) / (producer.ended - producer.started)
        if sent > 1 and producer.ended and producer.ended > producer.started else None,
        "matched": len(to_record), "missing": sent - len(to_record),
        **_stats(to_record),
        "mean_s": statistics.fmean(to_record) if to_record else None,
        "seen": _stats(to_seen),
        "commit": {**_stats(to_commit), "n": len(to_commit)},
        "first_fifth_p50_s": statistics.median(chronological[:fifth]) if chronological else None,
        "last_fifth_p50_s": statistics.median(chronological[-fifth:]) if chronological else None,
        "ready_s": ready_s, "articles_with_output_before_stop": before_stop,
        "stop_after_last_produce_s": stop_s - producer.ended if producer.ended else None,
        "job_stop_s": job.ended - stop_s if job.ended else None,
        "output_records": watcher.records, "timestamp_types": sorted(watcher.timestamp_types),
        "job_exit_code": job.exit_code, "job_rss_mb": job.rss_mb, "broker_rss_mb": broker_mb,
        "job_cpu_s": job.cpu_s,
    }
