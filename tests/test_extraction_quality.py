"""Extraction and deduplication quality on the project's own corpus, through the real file-mode pipeline.

The floors sit a little under the scores measured when they were set (see the closing notes of the
extraction issue), so a change that loses events fails here; raising them is how progress is kept.
"""
import glob
import os

import pytest

from connectors.files import read_avro_dir
from pipeline import evaluate
from pipeline.main import run
from schemas import codec

DATA = os.path.join(os.path.dirname(__file__), "data")


def events_of(folder):
    return read_avro_dir(folder, "meetings", codec.MEETING) + read_avro_dir(
        folder, "military_contributions", codec.MILITARY_CONTRIBUTION)


@pytest.fixture(scope="module")
def corpus_scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    run(["--input", os.path.join(DATA, "articles"), "--output", str(out)])
    gold = evaluate.load_gold(sorted(glob.glob(os.path.join(DATA, "gold", "*.jsonl"))))
    scores, pairs = evaluate.match(gold, evaluate.per_article(events_of(str(out))))
    print(evaluate.report(scores))
    return scores


@pytest.fixture(scope="module")
def dedup_scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("dedup")
    run(["--input", os.path.join(DATA, "dedup", "articles.jsonl"), "--output", str(out)])
    events = events_of(str(out))
    gold = evaluate.load_gold([os.path.join(DATA, "dedup", "gold.jsonl")])
    scores, pairs = evaluate.match(gold, evaluate.per_article(events))
    return scores, evaluate.dedup_scores(pairs), events


def test_meetings_precision_recall_and_dates(corpus_scores):
    s = corpus_scores["meeting"]
    assert s.precision >= 0.95 and s.recall >= 0.93, (s.precision, s.recall)
    assert s.date_accuracy >= 0.94


def test_contributions_precision_recall_and_dates(corpus_scores):
    s = corpus_scores["military_contribution"]
    assert s.precision >= 0.95 and s.recall >= 0.88, (s.precision, s.recall)
    assert s.date_accuracy >= 0.94


def test_traps_yield_almost_nothing(corpus_scores):
    fps = [a for s in corpus_scores.values() for a, _ in s.fps if a.startswith("trap-")]
    assert len(fps) <= 2, fps


def test_cross_source_reports_merge_into_one_event_each(dedup_scores):
    _, (precision, recall, f1), events = dedup_scores
    assert f1 >= 0.95, (precision, recall)
    multi = [e for e in events if e["num_sources"] >= 3]
    assert multi, "no event was reported by three or more outlets"
    for e in multi:
        assert e["version"] >= 2 and e["num_sources"] == len({m["source"] for m in e["mentions"]})


@pytest.fixture(scope="module")
def heldout_scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("heldout")
    run(["--input", os.path.join(DATA, "heldout", "articles.jsonl"), "--output", str(out)])
    gold = evaluate.load_gold([os.path.join(DATA, "heldout", "gold.jsonl")])
    scores, _ = evaluate.match(gold, evaluate.per_article(events_of(str(out))))
    print(evaluate.report(scores))
    return scores


def test_heldout_set_keeps_its_floor(heldout_scores):
    """The held-out set was written without looking at the rules; each batch was measured blind before
    the fixes it prompted (the README has those numbers). The floor keeps what the fixes gained; it sits
    under the last measure of the whole set, which each new batch of unseen outlets lowers before its fixes."""
    meetings, contributions = heldout_scores["meeting"], heldout_scores["military_contribution"]
    assert meetings.precision >= 0.90 and meetings.recall >= 0.82, (meetings.precision, meetings.recall)
    assert contributions.precision >= 0.86 and contributions.recall >= 0.74, (contributions.precision,
                                                                               contributions.recall)
    # dates told from the story's own time ('a day later', 'hours after his arrival') are the hard part here;
    # each article is scored by the day its own mention gives
    assert meetings.date_accuracy >= 0.91 and contributions.date_accuracy >= 0.90, (meetings.date_accuracy,
                                                                                    contributions.date_accuracy)
