"""The confidence model: weights as data, fitted toward a written prior, and scored on every event."""
import numpy as np
import pytest

from pipeline.articles import validate
from pipeline.extract import confidence
from pipeline.extract.extractor import Extractor
from pipeline.extract.fit_confidence import auc, batch_of, cross_validated, fit


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _article(body, published="2023-06-07"):
    return validate({"article_id": "c-1", "source": "test", "url": None, "published_at": published + "T12:00:00Z",
                     "title": "", "body": body, "language": "en"})


def test_every_signal_an_extractor_records_has_a_weight(extractor):
    extractor.keep_signals = True
    try:
        events = extractor.extract(_article(
            "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. "
            "Germany will send 14 Leopard tanks to Ukraine, Scholz said."))
    finally:
        extractor.keep_signals = False
    assert {e["event_type"] for e in events} == {"meeting", "military_contribution"}
    model = confidence.weights()
    for e in events:
        assert set(e[confidence.SIGNALS]) <= set(model[e["event_type"]]["weights"]), e["event_type"]


def test_signals_are_private_and_every_event_is_scored(extractor):
    events = extractor.extract(_article("Britain is sending 14 Challenger 2 tanks to Ukraine, the defence "
                                        "ministry said on Monday. Sunak hosted Zelensky at Chequers on Saturday."))
    assert events
    for e in events:
        assert confidence.SIGNALS not in e
        assert confidence.FLOOR <= e["confidence"] <= confidence.CEILING


def test_a_summit_told_by_its_host_alone_ranks_below_two_leaders_who_met(extractor):
    (met,) = extractor.extract(_article("Japanese Prime Minister Fumio Kishida held talks with Indian Prime "
                                        "Minister Narendra Modi in New Delhi on Monday."))
    (hosted,) = extractor.extract(_article("Japanese Prime Minister Fumio Kishida hosted the G7 summit in "
                                           "Hiroshima on Sunday."))
    assert met["confidence"] > hosted["confidence"]


def test_the_fit_learns_a_separating_signal_and_an_infinite_penalty_keeps_the_prior():
    rng = np.random.default_rng(7)
    x = rng.integers(0, 2, size=(400, 2)).astype(float)
    y = ((x[:, 0] == 1) | (rng.random(400) < 0.1)).astype(float)  # signal 0 tells; signal 1 is noise
    w = fit(x, y, prior=np.zeros(2), penalty=1.0)
    assert w[1] > 1.0 and abs(w[2]) < 0.5
    kept = fit(x, y, prior=np.array([-0.3, 0.8]), penalty=float("inf"))
    assert kept[1:].tolist() == [-0.3, 0.8]
    assert 0.0 < 1 / (1 + np.exp(-(kept[0] + x @ kept[1:]))).mean() < 1.0


def test_cross_validation_scores_each_batch_with_weights_fitted_without_it():
    x = np.array([[1.0], [1.0], [0.0], [0.0]] * 3)
    y = np.array([1.0, 1.0, 0.0, 1.0] * 3)
    batches = ["a"] * 4 + ["b"] * 4 + ["c"] * 4
    scores = cross_validated(x, y, np.zeros(1), batches, 1.0)
    assert auc(scores, y) > 0.5
    assert auc([0.9, 0.1], [1, 0]) == 1.0 and auc([0.5, 0.5], [1, 0]) == 0.5


def test_batches_are_article_id_prefixes():
    assert batch_of("hold7-012") == "hold7"
    assert batch_of("held-001") == "held"
    assert batch_of("wire-03") == "wire"
