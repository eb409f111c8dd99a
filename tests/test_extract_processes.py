"""Extraction shared out between processes finds exactly what one process finds, in the same order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.articles import validate
from pipeline.extract.extractor import Extractor, _restored, _share_out

ROOT = Path(__file__).resolve().parent


def _articles(limit: int = 24) -> list[dict]:
    out = []
    for path in sorted((ROOT / "data" / "articles").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(validate(json.loads(line)))
    return out[:limit]


def test_share_out_keeps_every_article_once_in_order():
    articles = [{"title": "t", "body": "x" * n} for n in (5, 900, 40, 40, 3000, 1, 700)]
    parts = _share_out(articles, 2)
    assert sorted(i for p in parts for i in p) == list(range(len(articles)))
    assert all(p == sorted(p) for p in parts)
    assert all(parts)


@pytest.fixture(scope="module")
def two():
    extractor = Extractor(processes=2)
    yield extractor
    extractor.close()


def test_two_processes_find_the_same_events(two):
    one = Extractor(nlp=two.nlp)
    articles = _articles()
    expected = one.extract_many(articles)
    for size in (16, 7, 1):
        got = []
        for i in range(0, len(articles), size):
            got.extend(two.extract_many(articles[i:i + size]))
        assert [a["article_id"] for a, _ in got] == [a["article_id"] for a, _ in expected]
        assert [r for _, r in got] == [r for _, r in expected]
    assert two._helpers, "the helper process was not used"


def test_a_failing_article_fails_alone_in_a_helper(two):
    articles = _articles(4)
    broken = dict(articles[1])
    broken["published_at"] = None  # extraction needs a date: this article fails, the others do not
    results = two.extract_many([articles[0], broken, articles[2], articles[3]])
    assert isinstance(results[1][1], Exception)
    assert type(results[1][1]).__name__ == "AttributeError"  # the name a dead letter shows
    assert all(isinstance(r, list) for i, (_, r) in enumerate(results) if i != 1)
    # In the helper itself: the failure comes back as the same type name and message.
    assert two._start_helpers()
    helper = two._helpers[0]
    assert helper.send([broken, articles[0]])
    outcomes, _ = helper.receive()
    failed = _restored(outcomes[0])
    local = Extractor(nlp=two.nlp).extract_many([broken])[0][1]
    assert (type(failed).__name__, str(failed)) == (type(local).__name__, str(local))
    assert isinstance(_restored(outcomes[1]), list)


def test_a_lost_helper_is_replaced_by_this_process(two):
    articles = _articles(6)
    expected = Extractor(nlp=two.nlp).extract_many(articles)
    two.extract_many(articles[:2])
    for helper in two._helpers:
        helper._process.kill()
        helper._process.join(5)
    assert [r for _, r in two.extract_many(articles)] == [r for _, r in expected]
    two.processes = 2  # later tests get a new helper
