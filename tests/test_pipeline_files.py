"""File mode end to end: the real pipeline on the FnApiRunner, real spaCy, real Avro files read back."""
import json
import os
import shutil

import pytest

from connectors.files import read_avro_dir
from pipeline import evaluate
from pipeline.main import run
from schemas import codec

HERE = os.path.dirname(__file__)
ROOT = os.path.dirname(HERE)
SEED_GOLD = os.path.join(HERE, "expected", "seeds.jsonl")


def outputs(folder):
    meetings = read_avro_dir(folder, "meetings", codec.MEETING)
    contributions = read_avro_dir(folder, "military_contributions", codec.MILITARY_CONTRIBUTION)
    dead = read_avro_dir(folder, "dead_letters", codec.DEAD_LETTER)
    return meetings, contributions, dead


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    inp = tmp_path_factory.mktemp("in")
    shutil.copy(os.path.join(ROOT, "seeds", "hollande-putin-2015-11-26.jsonl"), inp / "seed.jsonl")
    with open(inp / "more.jsonl", "w") as fh:
        fh.write('{"article_id": "broken", "source": "x.com", "published_at": "2020-01-01", "body": \n')
        fh.write(json.dumps({"article_id": "ok-1", "source": "wire.example", "published_at": "2021-06-16T10:00:00Z",
                             "title": "Summit in Geneva",
                             "body": "U.S. President Joe Biden met Russian President Vladimir Putin in Geneva on Wednesday."}) + "\n")
    out = tmp_path_factory.mktemp("out")
    run(["--input", str(inp), "--output", str(out)])
    return outputs(str(out))


def test_seed_events_are_found_with_participants_dates_and_places(seed_run):
    meetings, contributions, _ = seed_run
    gold = evaluate.load_gold([SEED_GOLD])
    scores, pairs = evaluate.match(gold, evaluate.per_article(meetings + contributions))
    missed = [g["evidence"] for s in scores.values() for g in s.fns]
    assert not missed, f"seed events not found: {missed}"
    for g, p in pairs:
        assert str(p["date"]) == g["date"], (g["evidence"], p["date"])
        if g["event_type"] == "meeting":
            assert evaluate.participants(p) == evaluate.participants(g), (g["evidence"], p["participants"])
        if g.get("location"):
            assert p["location"] and p["location"]["country"] == g["location"]["country"], (g["evidence"], p["location"])
    contribution = next(p for g, p in pairs if g["event_type"] == "military_contribution")
    assert {a["category"] for a in contribution["assets"]} >= {"NAVAL", "ISR", "REFUELING"}
    assert contribution["purpose"] == "ISIS"


def test_every_event_carries_its_evidence(seed_run):
    meetings, contributions, _ = seed_run
    seed = json.load(open(os.path.join(ROOT, "seeds", "hollande-putin-2015-11-26.jsonl")))
    text = f"{seed['title']}\n\n{seed['body']}"
    for e in meetings + contributions:
        assert e["mentions"] and 0 < e["confidence"] <= 1 and e["event_id"] and e["version"] >= 1
        for m in e["mentions"]:
            if m["article_id"] == seed["article_id"]:
                assert text[m["char_start"]:m["char_end"]] == m["sentence"]
                assert m["date"] == e["date"]  # one outlet: its own day is the event's, read back from Avro bytes


def test_malformed_line_is_a_dead_letter_and_the_rest_still_flows(seed_run):
    meetings, _, dead = seed_run
    assert [(d["stage"], d["error_type"]) for d in dead] == [("parse", "invalid_json")]
    assert dead[0]["source_path"].endswith("more.jsonl:1") and dead[0]["payload"].startswith(b'{"article_id": "broken"')
    geneva = [e for e in meetings if any(m["article_id"] == "ok-1" for m in e["mentions"])]
    assert len(geneva) == 1
    assert {p["country"] for p in geneva[0]["participants"]} == {"USA", "RUS"}
    assert str(geneva[0]["date"]) == "2021-06-16" and geneva[0]["location"]["name"] == "Geneva"


def test_file_mode_writes_one_latest_version_per_event(seed_run):
    meetings, contributions, _ = seed_run
    ids = [e["event_id"] for e in meetings + contributions]
    assert len(ids) == len(set(ids))
