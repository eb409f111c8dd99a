"""``dateline devset``: score the extractor on the public event-coding dev set in ../shared/eval.

Each record is one sentence (or a short synthetic story) with a hand label. A record counts as a
positive for a type when its label says so (``meeting``/``meeting_planned``; ``military_contribution*``;
PLOVER CONSULT other than phone; PLOVER AID or AGREE with context military, or an NGEC story from a
military-aid headline); everything else is a
negative for both types. The score is per record: did the extractor find an event of that type.
The files are read in place and never copied into the repository.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections import Counter

from pipeline.evaluate import Score

LABEL_TYPES = {"meeting": "meeting", "meeting_planned": "meeting",
               "military_contribution": "military_contribution",
               "military_contribution_planned": "military_contribution",
               "military_contribution_offer": "military_contribution"}


def expected_types(record: dict) -> set[str]:
    if "semantic_label" in record:
        return {LABEL_TYPES[l] for l in record.get("semantic_label") or [] if l in LABEL_TYPES}
    out = set()
    for g in record.get("gold") or []:
        if g.get("event") == "CONSULT" and g.get("mode") != "phone":
            out.add("meeting")
        military = "military" in (g.get("context") or "") or record.get("aid_kind_from_template") == "military"
        if g.get("event") in ("AID", "AGREE", "COOPERATE") and military:
            if g.get("event") != "COOPERATE":
                out.add("military_contribution")
    return out


def load(eval_dir: str, include_synthetic: bool) -> list[dict]:
    records = []
    for name in ("petrarch_gold.jsonl", "petrarch_negatives.jsonl", "plover_gold.jsonl"):
        path = os.path.join(eval_dir, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r.get("synthetic") and not include_synthetic:
                    continue
                r["_file"] = name
                records.append(r)
    return records


def as_article(record: dict) -> dict:
    day = None
    if record.get("date") and not record.get("date_is_placeholder"):
        try:
            day = dt.date.fromisoformat(record["date"])
        except ValueError:
            day = None
    day = day or dt.date(2000, 1, 1)
    return {"article_id": record["id"], "source": record["_file"], "url": None,
            "published_at": dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc),
            "title": record.get("headline") or "", "body": record["text"], "language": "en"}


def score(records: list[dict], extractor) -> tuple[dict[str, Score], list[str]]:
    scores = {"meeting": Score(), "military_contribution": Score()}
    errors = []
    results = extractor.extract_many([as_article(r) for r in records])
    for r, (_, events) in zip(records, results):
        if isinstance(events, Exception):
            events = []
        found = Counter(e["event_type"] for e in events)
        want = expected_types(r)
        for t, s in scores.items():
            if t in want and found[t]:
                s.tp += 1
            elif t in want:
                s.fn += 1
                errors.append(f"FN {t} {r['id']}: {r['text'][:150]}")
            elif found[t]:
                s.fp += 1
                errors.append(f"FP {t} {r['id']}: {r['text'][:150]}")
    return scores, errors


def main(argv=None) -> int:
    from pipeline.extract.extractor import Extractor

    parser = argparse.ArgumentParser(prog="dateline devset", description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=os.path.join("..", "shared", "eval"))
    parser.add_argument("--synthetic", action="store_true", help="include the unverified NGEC synthetic stories")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    records = load(args.eval_dir, args.synthetic)
    extractor = Extractor()
    scores, errors = score(records, extractor)
    print(f"{len(records)} records from {args.eval_dir}")
    print(f"{'type':<24}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'f1':>8}")
    for t, s in scores.items():
        print(f"{t:<24}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    # by origin: the stylised PETRARCH unit tests use invented actors (Arnor, Gondor) no gazetteer knows
    origins = sorted({r["id"].split(":")[0].split("-")[0] for r in records})
    for origin in origins:
        part = [r for r in records if r["id"].split(":")[0].split("-")[0] == origin]
        sub, _ = score(part, extractor)
        cells = "  ".join(f"{t}: tp {s.tp} fp {s.fp} fn {s.fn}" for t, s in sub.items())
        print(f"  {origin:<10} {len(part):>4} records  {cells}")
    if args.errors:
        print("\n".join(errors))
    return 0
