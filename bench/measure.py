"""One measurement per process: ``python -m bench.measure STEP WORKDIR``.

The orchestrator (``python -m bench``) runs every step in a fresh interpreter, so that each pays its own
imports and model load and its peak RSS is its own. A step reads WORKDIR/corpus.jsonl (and the settings in
WORKDIR/settings.json) and writes WORKDIR/STEP.json. Processes it starts itself (the embedded broker, the
streaming job) are listed in WORKDIR/STEP.pids, so that the orchestrator can end them if this process is
killed before it could.
"""
from __future__ import annotations

import json
import logging
import resource
import signal
import sys
import time
from pathlib import Path

BATCH = 16  # articles per extract_many call, as the pipeline's --extract-batch-size default


# --------------------------------------------------------------------------------------------------
# Helpers shared by the steps

class Context:
    def __init__(self, step: str, workdir: Path):
        self.step = step
        self.workdir = workdir
        self.settings = json.loads((workdir / "settings.json").read_text())
        self.corpus_path = workdir / "corpus.jsonl"

    def fields(self) -> list[dict]:
        with open(self.corpus_path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    def articles(self) -> list[dict]:
        from pipeline.articles import validate
        return [validate(f) for f in self.fields()]

    def kinds(self) -> dict[str, str]:
        return json.loads((self.workdir / "kinds.json").read_text())

    def remember_pid(self, pid: int, marker: str) -> None:
        with open(self.workdir / f"{self.step}.pids", "a", encoding="utf-8") as fh:
            fh.write(f"{pid} {marker}\n")


def rss_mb(usage) -> float:
    return round(usage.ru_maxrss / 1024, 1)  # Linux: KiB


def cpu_now() -> float:
    """CPU seconds of this process (all threads) and of its reaped children (spaCy's n_process workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def words_of(texts) -> int:
    return sum(len(t.split()) for t in texts)


def event_key(article_id: str, event: dict) -> list:
    """(article_id, event_type, sorted participant / contributor countries, date): what 'the same event'
    means when comparing two extractions of one corpus."""
    if event["event_type"] == "meeting":
        who = sorted((p.get("country") or p.get("actor_code") or p.get("name") or "?") for p in event["participants"])
    else:
        c = event.get("contributor") or {}
        who = [c.get("country") or c.get("actor_code") or c.get("name") or "?"]
    return [article_id, event["event_type"], ",".join(who), str(event.get("date"))]


# --------------------------------------------------------------------------------------------------
# 1. bare spaCy

def step_baseline(ctx: Context, n_process: int = 1) -> dict:
    from pipeline.articles import article_text
    from pipeline.extract.extractor import load_model

    texts = [article_text(a) for a in ctx.articles()]
    t = time.perf_counter()
    nlp = load_model()
    load_s = time.perf_counter() - t
    batch_size = ctx.settings["baseline_batch_size"]
    t, c = time.perf_counter(), cpu_now()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        tokens += len(doc)
    wall, cpu = time.perf_counter() - t, cpu_now() - c
    return {"articles": len(texts), "words": words_of(texts), "tokens": tokens, "wall_s": wall, "cpu_s": cpu,
            "model_load_s": load_s, "components": list(nlp.pipe_names), "batch_size": batch_size,
            "n_process": n_process}


def step_baseline_np2(ctx: Context) -> dict:
    return step_baseline(ctx, n_process=2)


# --------------------------------------------------------------------------------------------------
# 2. the extraction function alone

def step_extract(ctx: Context, screen: bool = True, processes: int = 1) -> dict:
    from pipeline.articles import article_text
    from pipeline.extract.extractor import Extractor, load_model
    from pipeline.extract.prefilter import sentences

    articles = ctx.articles()
    t = time.perf_counter()
    nlp = load_model()
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    extractor = Extractor(nlp, screen=screen, processes=processes)
    build_s = time.perf_counter() - t
    results = []
    t, c = time.perf_counter(), cpu_now()
    for i in range(0, len(articles), BATCH):
        results.extend(extractor.extract_many(articles[i:i + BATCH]))
    extractor.close()  # helpers reaped: their CPU counts
    wall, cpu = time.perf_counter() - t, cpu_now() - c

    kinds = ctx.kinds()
    per_type: dict[str, int] = {}
    keys, with_events, errors = [], [], 0
    filler_events: list[dict] = []
    for article, result in results:
        if isinstance(result, Exception):
            errors += 1
            continue
        for event in result:
            per_type[event["event_type"]] = per_type.get(event["event_type"], 0) + 1
            keys.append(event_key(article["article_id"], event))
            if kinds.get(article["article_id"]) == "filler":
                filler_events.append({"article_id": article["article_id"], "event_type": event["event_type"],
                                      "sentence": event["mentions"][0]["sentence"][:160]})
        if result:
            with_events.append(article["article_id"])
    # How much of the text the parser sees (outside the timing).
    texts = [article_text(a) for a in articles]
    all_spans = [sentences(x) for x in texts]
    parsed = [extractor.candidate_spans(x) for x in texts]
    return {
        "articles": len(articles), "words": words_of(texts), "wall_s": wall, "cpu_s": cpu, "model_load_s": load_s,
        "extractor_build_s": build_s, "screen": screen, "batch": BATCH, "processes": processes,
        "events": sum(per_type.values()), "events_per_type": per_type, "errors": errors,
        "articles_with_events": len(with_events),
        "event_articles_with_events": sum(1 for a in with_events if kinds.get(a) == "event"),
        "filler_articles_with_events": sum(1 for a in with_events if kinds.get(a) == "filler"),
        "filler_event_examples": filler_events[:5],
        "sentences": sum(map(len, all_spans)), "sentences_parsed": sum(map(len, parsed)),
        "chars": sum(map(len, texts)), "chars_parsed": sum(e - s for spans in parsed for s, e in spans),
        "keys_file": str(_write(ctx.workdir / f"{ctx.step}.keys.json", keys)),
        "with_events_file": str(_write(ctx.workdir / f"{ctx.step}.with_events.json", with_events)),
    }


def step_extract_noscreen(ctx: Context) -> dict:
    return step_extract(ctx, screen=False)


def step_extract_np2(ctx: Context) -> dict:
    return step_extract(ctx, processes=2)


def _write(path: Path, data) -> Path:
    path.write_text(json.dumps(data))
    return path


# --------------------------------------------------------------------------------------------------
# 3. file mode on the FnApiRunner

def step_file(ctx: Context, corpus: Path | None = None, extra: tuple = ()) -> dict:
    import fastavro

    corpus = corpus or ctx.corpus_path
    n = sum(1 for line in open(corpus, encoding="utf-8") if line.strip())
    out = ctx.workdir / f"{ctx.step}.out"
    t = time.perf_counter()
    from pipeline.main import pipeline_options, run
    from pipeline.options import DatelineOptions
    import_s = time.perf_counter() - t
    logging.getLogger("apache_beam").setLevel(logging.ERROR)
    argv = ["--input", str(corpus), "--output", str(out), *extra]
    processes = pipeline_options(argv).view_as(DatelineOptions).extract_processes
    t, c = time.perf_counter(), cpu_now()
    run(argv)  # the extract DoFn's teardown reaps its helper processes: their CPU counts
    wall, cpu = time.perf_counter() - t, cpu_now() - c
    counts = {}
    for name in ("meetings", "military_contributions", "dead_letters"):
        path = out / f"{name}.avro"
        if path.exists():
            with open(path, "rb") as fh:
                counts[name] = sum(1 for _ in fastavro.reader(fh))
        else:
            counts[name] = 0
    texts = [f"{f.get('title', '')}\n\n{f['body']}" for f in (json.loads(x) for x in open(corpus, encoding="utf-8") if x.strip())]
    return {"articles": n, "words": words_of(texts), "wall_s": wall, "cpu_s": cpu, "import_s": import_s,
            "outputs": counts, "extract_processes": processes}


def step_file_1p(ctx: Context) -> dict:
    return step_file(ctx, extra=("--extract-processes", "1"))


def step_file_tiny(ctx: Context) -> dict:
    one = ctx.workdir / "one.jsonl"
    with open(ctx.corpus_path, encoding="utf-8") as src:
        one.write_text(src.readline())
    return step_file(ctx, one)


# --------------------------------------------------------------------------------------------------
# 4. Kafka: see bench/streaming.py

def step_kafka_throughput(ctx: Context) -> dict:
    from bench import streaming
    return streaming.throughput(ctx)


def step_kafka_latency(ctx: Context) -> dict:
    from bench import streaming
    return streaming.latency(ctx)


STEPS = {
    "baseline": step_baseline,
    "baseline_np2": step_baseline_np2,
    "extract": step_extract,
    "extract_noscreen": step_extract_noscreen,
    "extract_np2": step_extract_np2,
    "file_tiny": step_file_tiny,
    "file": step_file,
    "file_1p": step_file_1p,
    "kafka_throughput": step_kafka_throughput,
    "kafka_latency": step_kafka_latency,
}


def _on_term(signum, _frame):
    raise SystemExit(128 + signum)  # unwinds: context managers stop the broker and the job


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    step, workdir = argv[0], Path(argv[1])
    signal.signal(signal.SIGTERM, _on_term)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    ctx = Context(step, workdir)
    started = time.perf_counter()
    try:
        result = STEPS[step](ctx)
        result["ok"] = True
    except BaseException as exc:  # the orchestrator shows the error as the row
        logging.exception("step %s failed", step)
        result = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        if isinstance(exc, KeyboardInterrupt):
            raise
    result["step"] = step
    result["process_s"] = time.perf_counter() - started
    result["rss_self_mb"] = rss_mb(resource.getrusage(resource.RUSAGE_SELF))
    result["rss_children_mb"] = rss_mb(resource.getrusage(resource.RUSAGE_CHILDREN))
    (workdir / f"{step}.json").write_text(json.dumps(result, default=str))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
