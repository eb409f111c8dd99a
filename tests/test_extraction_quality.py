"""Extraction and deduplication quality on the project's own corpus, through the real file-mode pipeline.

The floors sit a little under the scores measured when they were set (see the closing notes of the
extraction issue), so a change that loses events fails here; raising them is how progress is kept.
"""
import glob
import hashlib
import json
import os
from collections import defaultdict

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


#: CI reads this share of every held-out batch; `make heldout` reads them all.
SAMPLE_SHARE = 0.4


def batch_of(article_id: str) -> str:
    return article_id.rsplit("-", 1)[0]


def heldout_sample(articles: list[dict], share: float) -> list[dict]:
    """The same articles on every run, and the same share of each batch.

    Each batch holds one theme and one set of outlets, so a per-batch share keeps the whole set's mix where a
    plain random draw could leave a theme out; ordering by a hash of the id rather than by position keeps a
    batch's sample from being only its first articles. A new batch adds its own share and leaves the old
    batches' samples as they were."""
    by_batch = defaultdict(list)
    for article in articles:
        by_batch[batch_of(article["article_id"])].append(article)
    keep = []
    for batch in by_batch.values():
        batch.sort(key=lambda a: hashlib.sha1(a["article_id"].encode()).hexdigest())
        keep.extend(batch[:max(1, round(len(batch) * share))])
    return keep


def test_heldout_sample_takes_a_share_of_every_batch():
    with open(os.path.join(DATA, "heldout", "articles.jsonl"), encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    sample = heldout_sample(articles, SAMPLE_SHARE)
    batches = {batch_of(a["article_id"]) for a in articles}
    assert {batch_of(a["article_id"]) for a in sample} == batches
    assert abs(len(sample) - SAMPLE_SHARE * len(articles)) <= len(batches)
    ids = sorted(a["article_id"] for a in sample)
    assert ids == sorted(a["article_id"] for a in heldout_sample(list(reversed(articles)), SAMPLE_SHARE))


@pytest.fixture(scope="module")
def heldout_scores(tmp_path_factory, request):
    out = tmp_path_factory.mktemp("heldout")
    source = os.path.join(DATA, "heldout", "articles.jsonl")
    gold = evaluate.load_gold([os.path.join(DATA, "heldout", "gold.jsonl")])
    if request.config.getoption("--heldout") == "sample":
        with open(source, encoding="utf-8") as fh:
            sample = heldout_sample([json.loads(line) for line in fh if line.strip()], SAMPLE_SHARE)
        source = str(tmp_path_factory.mktemp("heldout-sample") / "articles.jsonl")
        with open(source, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(a) + "\n" for a in sample)
        ids = {a["article_id"] for a in sample}
        gold = [g for g in gold if g["article_id"] in ids]
    run(["--input", source, "--output", str(out)])
    scores, _ = evaluate.match(gold, evaluate.per_article(events_of(str(out))))
    print(evaluate.report(scores))
    return scores


def test_heldout_set_keeps_its_floor(heldout_scores):
    """The held-out set was written without looking at the rules; each batch was measured blind before
    the fixes it prompted (the README has those numbers). The floor keeps what the fixes gained; it sits
    under the last measure of the whole set and of the two-in-five sample CI reads (`make heldout` scores the
    whole set), which each new batch of unseen outlets lowers before its fixes."""
    meetings, contributions = heldout_scores["meeting"], heldout_scores["military_contribution"]
    assert meetings.precision >= 0.90 and meetings.recall >= 0.82, (meetings.precision, meetings.recall)
    assert contributions.precision >= 0.86 and contributions.recall >= 0.74, (contributions.precision,
                                                                               contributions.recall)
    # dates told from the story's own time ('a day later', 'hours after his arrival') are the hard part here;
    # each article is scored by the day its own mention gives
    assert meetings.date_accuracy >= 0.91 and contributions.date_accuracy >= 0.90, (meetings.date_accuracy,
                                                                                    contributions.date_accuracy)
