"""``dateline eval``: precision, recall and F1 per event type, date accuracy, and deduplication scores.

Gold files are JSON Lines, one expected event per line (format in tests/data/README.md). Predicted events
come from a file-mode output folder; a canonical event counts once for every article that mentions it,
so extraction is scored per article and deduplication separately, pairwise over article mentions.
"""
from __future__ import annotations

import argparse
import glob
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from pipeline.dedup.keys import fold

TYPES = ("meeting", "military_contribution")


def _entity(actor: Optional[dict]) -> Optional[str]:
    if not actor:
        return None
    if isinstance(actor, str):
        return actor.upper() if len(actor) == 3 and actor.isalpha() else fold(actor)
    return actor.get("country") or actor.get("org") or actor.get("actor_code") or fold(actor.get("name", ""))


def participants(event: dict) -> set[str]:
    return {e for e in (_entity(p) for p in event.get("participants") or []) if e}


def _surnames(event: dict) -> set[str]:
    return {fold(p["name"]).split()[-1] for p in event.get("participants") or [] if isinstance(p, dict) and p.get("name")}


def _overlap(gold: dict, pred: dict) -> float:
    """How well a predicted event fits a gold one (0 = not the same event)."""
    if gold["event_type"] == "meeting":
        g, p = participants(gold), participants(pred)
        common = len(g & p)
        if common < min(2, len(g), len(p)):
            return 0.0
        names = len(_surnames(gold) & _surnames(pred))
        same_status = gold.get("status") == pred.get("status")
        same_day = str(pred.get("date")) == gold.get("date")  # two meetings of the same pair: pair them by day
        return common / max(len(g | p), 1) + names + 0.5 * same_status + 0.25 * same_day
    if _entity(gold.get("contributor")) != _entity(pred.get("contributor")):
        return 0.0
    gr, pr = _entity(gold.get("recipient")), _entity(pred.get("recipient"))
    same_status = gold.get("status") == pred.get("status")
    return (1.0 if gr == pr else 0.75) + 0.5 * same_status + 0.25 * (str(pred.get("date")) == gold.get("date"))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dates_right: int = 0  # as each article gives the date
    canonical_dates_right: int = 0  # as the merged event settled it
    status_right: int = 0
    fps: list = field(default_factory=list)
    fns: list = field(default_factory=list)
    wrong_dates: list = field(default_factory=list)
    tp_confidence: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.tp if self.tp else 1.0

    @property
    def canonical_date_accuracy(self) -> float:
        return self.canonical_dates_right / self.tp if self.tp else 1.0

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.tp if self.tp else 1.0

    @property
    def confidence_auc(self) -> Optional[float]:
        """How often a true event outranks a false one by confidence (ties count half); None without both."""
        false = [p.get("confidence") or 0.0 for _, p in self.fps]
        if not self.tp_confidence or not false:
            return None
        wins = sum((t > f) + 0.5 * (t == f) for t in self.tp_confidence for f in false)
        return wins / (len(self.tp_confidence) * len(false))


#: The date the merged event carries, kept beside an article's own reading of it.
CANONICAL_DATE = "_canonical_date"


def per_article(events: Iterable[dict]) -> dict[str, list[dict]]:
    """Canonical events expanded to one entry per article that mentions them. A gold file codes each article's
    own reading, so each entry carries the day its article's mention gives, not the one the merged event
    settled on (that one stays as ``CANONICAL_DATE``); records written before mentions had a date keep the
    event's."""
    out: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        for article_id in dict.fromkeys(m["article_id"] for m in e["mentions"]):
            own = next((m["date"] for m in e["mentions"] if m["article_id"] == article_id and m.get("date")), None)
            out[article_id].append({**e, "date": own or e.get("date"), CANONICAL_DATE: e.get("date")})
    return out


def match(gold: list[dict], predicted: dict[str, list[dict]]) -> tuple[dict[str, Score], list[tuple[dict, dict]]]:
    scores = {t: Score() for t in TYPES}
    pairs: list[tuple[dict, dict]] = []
    gold_by_article: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by_article[g["article_id"]].append(g)
    articles = set(gold_by_article) | set(predicted)
    for article in sorted(articles):
        for etype in TYPES:
            gs = [g for g in gold_by_article.get(article, []) if g["event_type"] == etype]
            ps = [p for p in predicted.get(article, []) if p["event_type"] == etype]
            candidates = sorted(((_overlap(g, p), i, j) for i, g in enumerate(gs) for j, p in enumerate(ps)), reverse=True)
            used_g, used_p = set(), set()
            for fit, i, j in candidates:
                if fit <= 0 or i in used_g or j in used_p:
                    continue
                used_g.add(i)
                used_p.add(j)
                s = scores[etype]
                s.tp += 1
                s.dates_right += str(ps[j].get("date")) == gs[i].get("date")
                s.canonical_dates_right += str(ps[j].get(CANONICAL_DATE, ps[j].get("date"))) == gs[i].get("date")
                if str(ps[j].get("date")) != gs[i].get("date"):
                    s.wrong_dates.append((gs[i], ps[j]))
                s.status_right += ps[j]["status"] == gs[i].get("status")
                s.tp_confidence.append(ps[j].get("confidence") or 0.0)
                pairs.append((gs[i], ps[j]))
            s = scores[etype]
            s.fn += len(gs) - len(used_g)
            s.fp += len(ps) - len(used_p)
            s.fns += [gs[i] for i in range(len(gs)) if i not in used_g]
            s.fps += [(article, ps[j]) for j in range(len(ps)) if j not in used_p]
    return scores, pairs


def dedup_scores(pairs: list[tuple[dict, dict]]) -> Optional[tuple[float, float, float]]:
    """Pairwise precision and recall of article mentions grouped into one event, against gold clusters."""
    items = [(g["cluster"], p["event_id"]) for g, p in pairs if g.get("cluster")]
    if len(items) < 2:
        return None
    same_gold = same_pred = both = 0
    for (ga, pa), (gb, pb) in itertools.combinations(items, 2):
        same_gold += ga == gb
        same_pred += pa == pb
        both += ga == gb and pa == pb
    precision = both / same_pred if same_pred else 1.0
    recall = both / same_gold if same_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_gold(paths: Iterable[str]) -> list[dict]:
    gold = []
    for pattern in paths:
        for path in sorted(glob.glob(pattern)) or [pattern]:
            with open(path, encoding="utf-8") as fh:
                gold.extend(json.loads(line) for line in fh if line.strip())
    return gold


def report(scores: dict[str, Score], dedup: Optional[tuple[float, float, float]] = None) -> str:
    lines = [f"{'type':<24}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'f1':>8}{'dates':>8}{'status':>8}"
             f"{'merged':>8}"]
    for t, s in scores.items():
        lines.append(f"{t:<24}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
                     f"{s.date_accuracy:>8.3f}{s.status_accuracy:>8.3f}{s.canonical_date_accuracy:>8.3f}")
    lines.append("dates: as each article gives them (its mention's date); merged: the one date its merged event carries")
    if dedup:
        lines.append(f"dedup pairwise: precision {dedup[0]:.3f} recall {dedup[1]:.3f} f1 {dedup[2]:.3f}")
    ranks = [f"{t} {s.confidence_auc:.3f}" for t, s in scores.items() if s.confidence_auc is not None]
    if ranks:
        lines.append("confidence ranks true above false events (AUC): " + ", ".join(ranks))
    return "\n".join(lines)


def main(argv=None) -> int:
    from connectors.files import read_avro_dir
    from schemas import codec

    parser = argparse.ArgumentParser(prog="dateline eval", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="+", required=True, help="gold JSON Lines files (globs allowed)")
    parser.add_argument("--events", required=True, help="output folder of `dateline run --output`")
    parser.add_argument("--errors", action="store_true", help="list false positives and misses")
    args = parser.parse_args(argv)
    events = read_avro_dir(args.events, "meetings", codec.MEETING) + read_avro_dir(
        args.events, "military_contributions", codec.MILITARY_CONTRIBUTION)
    gold = load_gold(args.gold)
    scores, pairs = match(gold, per_article(events))
    print(report(scores, dedup_scores(pairs)))
    if args.errors:
        for t, s in scores.items():
            for article, p in s.fps:
                who = [a["name"] for a in p.get("participants", [])] or [p.get("contributor", {}).get("name")]
                print(f"FP {t} {article}: {who} {p['status']} {p.get('date')} | {p['mentions'][0]['sentence'][:140]}")
            for g in s.fns:
                print(f"FN {t} {g['article_id']}: {g.get('evidence', '')[:140]}")
            for g, p in s.wrong_dates:
                print(f"DATE {t} {g['article_id']}: gold {g.get('date')} found {p.get('date')} "
                      f"({p.get('date_basis')}: {p.get('date_text')!r}) | {g.get('evidence', '')[:100]}")
    return 0
