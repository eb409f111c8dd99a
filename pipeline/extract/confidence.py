"""An event's confidence: a logistic score over the signals its extractor recorded.

Hand-set bonuses ranked well only on the kind of text they were tuned on (AUC 0.54-0.68 on new outlets).
The weights are data (``data/confidence.json``), fitted on the labelled sets by ``python -m
pipeline.extract.fit_confidence``, so they can be refitted as the sets grow, and a signal that does not
separate true events from false ones gets a weight near zero instead of a guess.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

#: Private key on an event: its signals (name -> 0 or 1) until it is scored.
SIGNALS = "_signals"
WEIGHTS = Path(__file__).with_name("data") / "confidence.json"
FLOOR, CEILING = 0.001, 0.999


@lru_cache(maxsize=1)
def weights() -> dict:
    with open(WEIGHTS, encoding="utf-8") as fh:
        return json.load(fh)


def logit(event_type: str, signals: dict) -> float:
    model = weights()[event_type]
    return model["bias"] + sum(model["weights"].get(name, 0.0) * value for name, value in signals.items())


def probability(event_type: str, signals: dict) -> float:
    z = logit(event_type, signals)
    return round(min(CEILING, max(FLOOR, 1 / (1 + math.exp(-z)))), 4)


def score(events: list[dict], keep_signals: bool = False) -> list[dict]:
    """Sets each event's confidence from its signals; the signals leave the event unless kept (to fit)."""
    for e in events:
        signals = e.get(SIGNALS) if keep_signals else e.pop(SIGNALS, None)
        if signals is not None:
            e["confidence"] = probability(e["event_type"], signals)
    return events


def dated_far(when: dict, day) -> int:
    """A date more than a week from the story's: told as background, where readings go wrong more."""
    return int(when.get("date_basis") != "DATELINE" and abs((when["date"] - day).days) > 7)


def embedded(t) -> int:
    """A trigger inside a modifier ('Xi, who met Putin last week, ...'), not the sentence's own news."""
    return int(t.dep_ in ("relcl", "acl", "advcl", "pcomp", "pobj", "npadvmod", "amod", "appos"))


def headline(t) -> int:
    """A sentence without final punctuation: headlines compress and mislead the parser."""
    return int(not t.sent[-1].is_punct)
