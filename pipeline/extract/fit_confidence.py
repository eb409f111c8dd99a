"""Fits the confidence weights (``data/confidence.json``) on labelled article sets.

    python -m pipeline.extract.fit_confidence            # from the repository root: fit on tests/data
    python -m pipeline.extract.fit_confidence --check    # score the current weights, write nothing

Each extracted event is a sample: true if it matches a gold event of its article (the matching of
``dateline eval``), false if not. A logistic regression is fitted per event type, penalised by its
distance from the prior the data file writes (the judgement the weights started from); the penalty is
chosen by leave-one-batch-out cross-validation (a batch is an article-id prefix, so one outlet style or
annotator is never both fitted and scored), and the prior stands unless the fit beats it there by
``MARGIN``. The cross-validated AUC is what the weights are expected to do on unseen text; the false
events are few (tens), hence the pull to the prior.
"""
from __future__ import annotations

import argparse
import glob
import json
import re
from collections import defaultdict

import numpy as np

from pipeline.articles import parse_published_at
from pipeline.dedup.transform import deduplicate
from pipeline.evaluate import TYPES, load_gold, match, participants, per_article
from pipeline.extract import confidence

SETS = (("tests/data/articles/*.jsonl", "tests/data/gold/*.jsonl"),
        ("tests/data/heldout/articles.jsonl", "tests/data/heldout/gold.jsonl"))
#: What fitted weights must gain over the prior alone (cross-validated AUC) to replace it.
MARGIN = 0.02
PENALTIES = (1.0, 3.0, 10.0, 30.0, 100.0, float("inf"))


def read_articles(pattern: str) -> list[dict]:
    articles = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    a = json.loads(line)
                    a["published_at"] = parse_published_at(a["published_at"])
                    articles.append(a)
    return articles


def batch_of(article_id: str) -> str:
    """'hold7-012' -> 'hold7'; the own corpus's ids ('wire-03') group by file style."""
    return re.sub(r"-?\d+[a-z]?$", "", article_id)


def samples(sets, extractor) -> dict[str, list[tuple[dict, int, str]]]:
    """(signals, 1 if true else 0, batch) per extracted event, by event type. Events are deduplicated and
    paired with the gold as ``dateline eval`` does; each extracted event takes the label of the event it
    was folded into (a second mention of a true event is true, a duplicate of a false one false)."""
    out: dict[str, list] = defaultdict(list)
    for articles_glob, gold_glob in sets:
        results = extractor.extract_many(read_articles(articles_glob))
        found = [dict(e, _n=n) for n, e in enumerate(e for _, es in results if not isinstance(es, Exception) for e in es)]
        final = deduplicate(found)
        _, pairs = match(load_gold([gold_glob]), per_article(final))
        true = {p["event_id"] for _, p in pairs}
        holder = {}
        for e in final:
            for m in e["mentions"]:
                holder.setdefault((e["event_type"], m["article_id"], m["char_start"]), []).append(e)
        for e in found:
            m = e["mentions"][0]
            into = holder[(e["event_type"], m["article_id"], m["char_start"])]
            into = [f for f in into if f["_n"] == e["_n"]] or [f for f in into if _entities(e) <= _entities(f)] or into
            label = int(into[0]["event_id"] in true)
            out[e["event_type"]].append((e[confidence.SIGNALS], label, batch_of(m["article_id"])))
    return out


def _entities(event: dict) -> set:
    return participants(event) if event["event_type"] == "meeting" else {str(event["contributor"].get("country"))}


def _matrix(rows, names):
    return np.array([[r.get(n, 0) for n in names] for r in rows], dtype=float)


def fit(x: np.ndarray, y: np.ndarray, prior: np.ndarray, penalty: float, steps: int = 50) -> np.ndarray:
    """Newton's method on the log-likelihood penalised by the distance from the prior weights (the
    judgement written in the data file); w[0] is the bias, fitted freely. An infinite penalty keeps the
    prior and fits the bias alone."""
    fixed = penalty == float("inf")
    x1 = np.hstack([np.ones((len(x), 1)), x])
    w = np.concatenate([[0.0], prior])
    ridge = np.eye(x1.shape[1]) * (0.0 if fixed else penalty)
    ridge[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x1 @ w))
        gradient = x1.T @ (p - y) + ridge @ (w - np.concatenate([[0.0], prior]))
        hessian = x1.T @ (x1 * (p * (1 - p))[:, None]) + ridge + np.eye(x1.shape[1]) * 1e-9
        if fixed:
            step = np.zeros_like(w)
            step[0] = gradient[0] / hessian[0, 0]
        else:
            step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def auc(scores, labels) -> float:
    true = [s for s, y in zip(scores, labels) if y]
    false = [s for s, y in zip(scores, labels) if not y]
    if not true or not false:
        return float("nan")
    return sum((t > f) + 0.5 * (t == f) for t in true for f in false) / (len(true) * len(false))


def cross_validated(x, y, prior, batches, penalty) -> np.ndarray:
    out = np.zeros(len(y))
    for b in sorted(set(batches)):
        held = np.array([g == b for g in batches])
        w = fit(x[~held], y[~held], prior, penalty)
        out[held] = w[0] + x[held] @ w[1:]
    return out


def main(argv=None) -> int:
    from pipeline.extract.extractor import Extractor

    parser = argparse.ArgumentParser(prog="python -m pipeline.extract.fit_confidence",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="score the current weights only")
    args = parser.parse_args(argv)
    extractor = Extractor()
    extractor.keep_signals = True
    data = samples(SETS, extractor)
    model = confidence.weights()
    for event_type in TYPES:
        rows = data[event_type]
        names = sorted({n for r, _, _ in rows for n in r})
        prior = np.array([model[event_type]["prior"].get(n, 0.0) for n in names])
        x, y = _matrix([r for r, _, _ in rows], names), np.array([t for _, t, _ in rows], dtype=float)
        batches = [b for _, _, b in rows]
        current = [confidence.logit(event_type, r) for r, _, _ in rows]
        print(f"{event_type}: {int(y.sum())} true, {int(len(y) - y.sum())} false events in {len(set(batches))} batches;"
              f" AUC of the current weights {auc(current, y):.3f}")
        if args.check:
            continue
        tried = {penalty: auc(cross_validated(x, y, prior, batches, penalty), y) for penalty in PENALTIES}
        for penalty, value in tried.items():
            print(f"  penalty {penalty:>5}: leave-one-batch-out AUC {value:.3f}")
        best = max(tried, key=lambda k: (round(tried[k], 3), k))  # a tie goes to the stronger pull to the prior
        if tried[best] < tried[float("inf")] + MARGIN:
            best = float("inf")  # too few false events to learn from: the prior stands
        w = fit(x, y, prior, best)
        model[event_type].update(
            bias=round(float(w[0]), 3), weights={n: round(float(v), 3) for n, v in zip(names, w[1:])},
            fitted={"true": int(y.sum()), "false": int(len(y) - y.sum()),
                    "penalty": None if best == float("inf") else best,
                    "leave_one_batch_out_auc": round(tried[best], 3),
                    "prior_alone_auc": round(tried[float("inf")], 3)})
    if not args.check:
        with open(confidence.WEIGHTS, "w", encoding="utf-8") as fh:
            json.dump(model, fh, indent=1)
            fh.write("\n")
        print(f"wrote {confidence.WEIGHTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
