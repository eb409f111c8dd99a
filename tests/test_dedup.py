"""Deduplication rules and the stateful DoFn, on hand-made candidate events (no NLP)."""
import datetime as dt

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that

from pipeline import evaluate
from pipeline.dedup import keys
from pipeline.dedup.merge import merge, new_event
from pipeline.dedup.transform import Deduplicate
from pipeline.extract.evidence import dated_mentions

UTC = dt.timezone.utc
PUTIN = {"name": "Vladimir Putin", "role": "President", "country": "RUS", "actor_code": "RUSGOV"}
HOLLANDE = {"name": "Francois Hollande", "role": "President", "country": "FRA", "actor_code": "FRAGOV"}
MERKEL = {"name": "Angela Merkel", "role": "Chancellor", "country": "DEU", "actor_code": "DEUGOV"}
RUSSIA = {"name": "Russia", "role": None, "country": "RUS", "actor_code": "RUS"}


def meeting(article, source, day, participants=(HOLLANDE, PUTIN), status="HELD", place=None, published=None, start=0):
    published = published or dt.datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return {"event_type": "meeting", "status": status, "participants": list(participants), "host": None,
            "cameo_code": "040", "plover_event": "CONSULT", "plover_mode": None, "plover_context": "diplomatic",
            "date": day, "date_text": None, "date_basis": "RELATIVE", "location": place, "confidence": 0.8,
            "mentions": [{"article_id": article, "source": source, "url": None, "published_at": published,
                          "sentence": "s", "char_start": start, "char_end": start + 1}],
            "related_event_ids": []}


def contribution(article, source, day, status="ANNOUNCED", assets=("frigate",)):
    e = meeting(article, source, day)
    for k in ("participants", "host"):
        e.pop(k)
    e.update(event_type="military_contribution", status=status, contributor={"name": "Germany", "role": None, "country": "DEU", "actor_code": "DEU"},
             recipient=None, purpose="ISIS", requested_by=None, plover_event="AID",
             assets=[{"description": a, "category": "NAVAL", "quantity": None} for a in assets])
    return e


D = dt.date(2015, 11, 26)


def test_outlets_that_differ_in_naming_date_and_place_are_one_event():
    a = meeting("a", "abc", D, place={"name": "Moscow", "country": "RUS"})
    b = meeting("b", "bbc", D - dt.timedelta(days=1), participants=(HOLLANDE, RUSSIA))
    c = meeting("c", "afp", D, participants=(HOLLANDE, PUTIN, MERKEL))
    assert keys.same_event(a, b) and keys.same_event(a, c)


def test_different_events_stay_apart():
    a = meeting("a", "abc", D)
    assert not keys.same_event(a, meeting("b", "bbc", D + dt.timedelta(days=30)))
    assert not keys.same_event(a, meeting("b", "bbc", D, status="PLANNED"))
    assert not keys.same_event(a, meeting("b", "bbc", D, participants=(HOLLANDE, MERKEL)))
    assert not keys.same_event(contribution("a", "x", D), contribution("b", "y", D, status="APPROVED"))
    assert keys.same_event(contribution("a", "x", D), contribution("b", "y", D, status="PLEDGED"))


def test_event_id_is_stable_and_merge_grows_versions_and_sources():
    a = meeting("a", "abc", D)
    assert keys.event_id(a) == keys.event_id(meeting("zzz", "other", D))
    e1 = new_event(a, keys.event_id(a))
    e2 = merge(e1, meeting("b", "bbc", D, participants=(HOLLANDE, PUTIN, MERKEL)))
    assert (e2["version"], e2["num_sources"], len(e2["mentions"]), len(e2["participants"])) == (2, 2, 2, 3)
    assert e2["confidence"] > e1["confidence"]
    assert merge(e2, meeting("b", "bbc", D)) is None  # the same article again adds nothing


def test_assets_union_across_reports():
    e1 = new_event(contribution("a", "x", D), "id")
    e2 = merge(e1, contribution("b", "y", D, assets=("frigate", "tanker aircraft")))
    assert sorted(a["description"] for a in e2["assets"]) == ["frigate", "tanker aircraft"]


def test_stateful_dofn_emits_versioned_upserts_and_ignores_replays():
    inputs = [meeting(f"art{i}", f"outlet{i}", D, start=i) for i in range(5)]
    inputs += [inputs[0], inputs[3]]  # redelivered
    inputs += [meeting("later", "abc", D + dt.timedelta(days=30))]

    def check(events):
        by_id = {}
        for e in events:
            by_id.setdefault(e["event_id"], []).append(e["version"])
        assert len(by_id) == 2, by_id
        assert sorted(len(v) for v in by_id.values()) == [1, 5]
        for versions in by_id.values():
            assert sorted(versions) == list(range(1, len(versions) + 1))

    with TestPipeline(runner="FnApiRunner") as p:
        out = p | beam.Create(inputs, reshuffle=False) | Deduplicate()
        assert_that(out, check)


def test_restored_state_continues_versions_instead_of_restarting():
    first = new_event(meeting("a", "abc", D), keys.event_id(meeting("a", "abc", D)))
    first = merge(first, meeting("b", "bbc", D))  # version 2 already published

    def check(events):
        assert [(e["event_id"], e["version"]) for e in events] == [(first["event_id"], 3)]

    with TestPipeline(runner="FnApiRunner") as p:
        out = p | beam.Create([meeting("c", "cnn", D)]) | Deduplicate(restore=lambda: [first])
        assert_that(out, check)


def test_retention_prunes_by_publication_time_and_a_pruned_id_never_restarts_at_version_1():
    from pipeline.dedup.transform import PRUNED, _prune, upsert
    old = new_event(meeting("a", "abc", D), keys.event_id(meeting("a", "abc", D)))
    new = new_event(meeting("b", "abc", D + dt.timedelta(days=20), participants=(HOLLANDE, MERKEL)), "new")
    planned = new_event(meeting("c", "abc", D + dt.timedelta(days=400), status="PLANNED",
                                published=new["updated_at"], participants=(MERKEL, PUTIN)), "planned")
    cell = _prune({old["event_id"]: old, "new": new, "planned": planned}, dt.timedelta(days=14))
    assert set(cell) == {"new", "planned", PRUNED}  # a meeting planned for next year moves no horizon
    again, outcome = upsert(cell, meeting("z", "late.example", D))
    assert outcome == "new" and again[0]["event_id"] == old["event_id"] and again[0]["version"] == 2


def test_planned_and_held_meetings_stay_apart_but_are_linked_both_ways():
    from pipeline.dedup.transform import upsert

    cell = {}
    planned, _ = upsert(cell, meeting("a", "abc", D, status="PLANNED"))
    held, outcome = upsert(cell, meeting("b", "bbc", D + dt.timedelta(days=1)))
    assert outcome == "new" and len(held) == 2  # the held meeting, and the planned one's new version
    new, relinked = held
    assert new["status"] == "HELD" and relinked["status"] == "PLANNED"
    assert new["related_event_ids"] == [relinked["event_id"]] and relinked["related_event_ids"] == [new["event_id"]]
    assert relinked["version"] == planned[0]["version"] + 1
    later, _ = upsert(cell, meeting("c", "cnn", D + dt.timedelta(days=90)))
    assert later[0]["related_event_ids"] == []  # three months on, another affair


def test_a_link_lost_to_a_kill_is_written_when_its_report_is_replayed():
    """Killed after writing the held meeting and before the planned one's link: the restored state has the held
    meeting linked one way. The replayed report mends the link, at the version a clean run gives it."""
    from pipeline.dedup.transform import upsert

    clean = {}
    (planned,), _ = upsert(clean, meeting("a", "abc", D, status="PLANNED"))
    held_report = meeting("b", "bbc", D + dt.timedelta(days=1))
    (held, relinked), _ = upsert(clean, held_report)
    restored = {planned["event_id"]: planned, held["event_id"]: held}  # the last versions written before the kill
    mended, outcome = upsert(restored, held_report)
    assert outcome == "replay" and mended == [relinked]
    assert upsert(restored, held_report) == ([], "replay")  # mended once, then a replay changes nothing


def test_pledge_and_approval_are_separate_linked_events():
    from pipeline.dedup.transform import upsert

    cell = {}
    upsert(cell, contribution("a", "x", D, status="PLEDGED"))
    approved, _ = upsert(cell, contribution("b", "y", D + dt.timedelta(days=8), status="APPROVED"))
    assert {e["status"] for e in approved} == {"APPROVED", "PLEDGED"}
    assert len(cell) == 2


def test_a_state_named_for_a_visit_gives_way_to_its_leader_when_merged():
    e1 = new_event(meeting("a", "abc", D, participants=(HOLLANDE, RUSSIA)), "id")
    e2 = merge(e1, meeting("b", "bbc", D, participants=(HOLLANDE, PUTIN)))
    assert [p["name"] for p in e2["participants"]] == ["Francois Hollande", "Vladimir Putin"]


def test_a_plan_reported_without_its_date_is_the_dated_plan_ahead_of_it():
    headline = {**meeting("a1", "x.example", dt.date(2013, 8, 7), status="CANCELLED"), "date_basis": "DATELINE"}
    body = meeting("a1", "x.example", dt.date(2013, 9, 4), status="CANCELLED", start=80)
    assert keys.same_event(headline, body) and keys.same_event(body, headline)
    merged = merge(new_event(headline, "id"), body)
    assert merged["date"] == dt.date(2013, 9, 4) and merged["date_basis"] == "RELATIVE"
    held_later = {**meeting("a2", "x.example", dt.date(2013, 8, 7)), "date_basis": "DATELINE"}
    assert not keys.same_event(held_later, meeting("a3", "y.example", dt.date(2013, 9, 4)))
    too_far = meeting("a4", "y.example", dt.date(2014, 3, 1), status="CANCELLED")
    assert not keys.same_event(headline, too_far)


def test_a_bilateral_held_beside_a_larger_meeting_stays_its_own_event():
    trilateral = meeting("a", "x.example", D, participants=(HOLLANDE, PUTIN, MERKEL))
    aside = meeting("a", "x.example", D, participants=(HOLLANDE, PUTIN), start=200)
    aside["mentions"][0]["sentence"] = "Before the summit, Hollande and Putin met one-on-one at a hotel."
    assert not keys.same_event(trilateral, aside) and not keys.same_event(aside, trilateral)
    same_pair = meeting("b", "y.example", D, start=10)
    same_pair["mentions"][0]["sentence"] = "The two leaders also held bilateral talks on Thursday."
    assert keys.same_event(aside, same_pair)
    assert keys.same_event(trilateral, meeting("c", "z.example", D))  # a report naming two of the three
    separate = meeting("d", "w.example", D, participants=(HOLLANDE, PUTIN), start=300)
    separate["mentions"][0]["sentence"] = "Ahead of the announcement, Hollande held separate talks with Putin."
    assert not keys.same_event(trilateral, separate)
    separate["mentions"][0]["sentence"] = "The French leader also held a separate meeting with Putin that evening."
    assert not keys.same_event(trilateral, separate)


def test_an_unnamed_official_is_not_a_different_person_from_a_named_one():
    minister = {"name": "Russia Minister", "role": "Minister", "country": "RUS", "actor_code": "RUSGOV"}
    headline = meeting("a", "x.example", D, participants=(HOLLANDE, minister))
    assert keys.same_event(meeting("a", "x.example", D, start=90), headline)


def test_two_contributions_of_different_kinds_from_one_state_stay_apart():
    brigade = contribution("a", "x.example", D)
    brigade["assets"] = [{"description": "brigade", "category": "GROUND_FORCES", "quantity": 4000}]
    patriots = contribution("a", "x.example", D)
    patriots["assets"] = [{"description": "Patriot systems", "category": "WEAPONS", "quantity": None}]
    patriots["mentions"][0]["char_start"] = 300
    assert not keys.same_event(brigade, patriots)
    warship = contribution("b", "y.example", D, assets=("warship",))
    assert keys.same_event(contribution("c", "z.example", D), warship)  # 'a frigate' and 'a warship': one pledge


def test_one_article_telling_a_bilateral_on_another_day_or_earlier_in_the_day_keeps_it_apart():
    obama = {"name": "Barack Obama", "role": "President", "country": "USA", "actor_code": "USAGOV"}
    summit = meeting("a1", "s1", D, participants=(HOLLANDE, PUTIN, MERKEL))
    talks = meeting("a1", "s1", D - dt.timedelta(days=1), participants=(HOLLANDE, PUTIN), start=50)
    assert not keys.same_event(new_event(summit, "x"), talks)  # one article, two days: two meetings
    other_outlet = meeting("a2", "s2", D - dt.timedelta(days=1), participants=(HOLLANDE, PUTIN))
    assert keys.same_event(new_event(summit, "x"), other_outlet)  # another outlet a day off: the same summit
    earlier = meeting("a1", "s1", D, participants=(HOLLANDE, obama), start=80)
    earlier["mentions"][0]["sentence"] = "Earlier in the day, Hollande and Obama held talks at the White House."
    assert not keys.same_event(new_event(meeting("a1", "s1", D, participants=(HOLLANDE, obama, MERKEL)), "x"), earlier)


def test_a_pair_and_a_summit_each_dated_by_its_own_sentence_on_different_days_are_two_meetings():
    summit = meeting("a1", "s1", D, participants=(HOLLANDE, PUTIN, MERKEL))
    summit.update(date_text="on Sunday")
    talks = meeting("a2", "s2", D - dt.timedelta(days=1), participants=(HOLLANDE, PUTIN))
    talks.update(date_text="on Saturday")
    assert not keys.same_event(new_event(summit, "x"), talks)  # the talks the day before the summit
    talks.update(date_text=None)  # a day off only by the story's time: how that outlet counted
    assert keys.same_event(new_event(summit, "x"), talks)
    same_pair = meeting("a3", "s3", D, participants=(HOLLANDE, PUTIN))
    same_pair.update(date_text="on Sunday")
    talks.update(date_text="on Saturday")
    assert keys.same_event(new_event(same_pair, "y"), talks)  # the same two, a day apart: one meeting


def test_one_article_pledging_money_and_announcing_drones_tells_two_contributions():
    money = contribution("a", "x.example", D, status="PLEDGED")
    money["assets"] = [{"description": "$3.02 billion in support", "category": "FUNDING", "quantity": None}]
    drones = contribution("a", "x.example", D, status="ANNOUNCED")
    drones["assets"] = [{"description": "SkyRanger drones", "category": "ISR", "quantity": 800}]
    drones["mentions"][0]["char_start"] = 400
    assert not keys.same_event(money, drones)
    other = contribution("b", "y.example", D, status="ANNOUNCED")
    other["assets"] = drones["assets"]
    headline = contribution("b", "y.example", D, status="ANNOUNCED")
    headline["assets"] = money["assets"]  # 'US unveils $345 million aid package' over its contents: one event
    assert keys.same_event(headline, other)


def test_a_date_written_in_the_reports_own_sentence_wins_over_one_carried_from_the_story():
    carried = meeting("a", "abc", D - dt.timedelta(days=1))  # RELATIVE, no date_text: the story's day
    written = {**meeting("b", "bbc", D), "date_text": "on Thursday"}
    merged = merge(new_event(carried, "id"), written)
    assert (merged["date"], merged["date_text"]) == (D, "on Thursday")
    assert merge(new_event(written, "id"), carried)["date"] == D


def test_outlets_a_day_apart_keep_their_own_day_on_their_mentions():
    """The merged event carries the best-attested day; each mention keeps the day its own article gave, and the
    evaluator scores each article by its own reading."""
    carried = dated_mentions([meeting("a", "abc", D - dt.timedelta(days=1))])[0]
    written = dated_mentions([{**meeting("b", "bbc", D, start=1), "date_text": "on Thursday"}])[0]

    def check(events):
        last = max(events, key=lambda e: e["version"])
        assert last["date"] == D
        assert {m["article_id"]: m["date"] for m in last["mentions"]} == {"a": D - dt.timedelta(days=1), "b": D}
        views = evaluate.per_article([last])
        assert (views["a"][0]["date"], views["b"][0]["date"]) == (D - dt.timedelta(days=1), D)
        assert views["a"][0][evaluate.CANONICAL_DATE] == D

    with TestPipeline(runner="FnApiRunner") as p:
        assert_that(p | beam.Create([carried, written], reshuffle=False) | Deduplicate(), check)


def test_a_headline_in_the_present_is_the_giving_its_story_tells_at_whatever_stage():
    headline = contribution("a", "x", D)  # 'Germany sends frigate', char_start 0
    landed = {**contribution("a", "x", D, status="DELIVERED"), "mentions": [
        {**headline["mentions"][0], "char_start": 80, "sentence": "The frigate reached the Gulf on Thursday."}]}
    assert keys.same_event(headline, landed) and keys.same_event(landed, headline)
    assert merge(new_event(headline, "id"), landed)["status"] == "DELIVERED"
    other_outlet = contribution("b", "y", D, status="DELIVERED")
    assert not keys.same_event(headline, {**other_outlet, "mentions": [{**other_outlet["mentions"][0], "char_start": 80}]})


def test_a_pair_dated_by_its_own_words_stays_apart_from_an_undated_summit_of_its_article():
    summit = meeting("a", "x.example", D + dt.timedelta(days=1), participants=(HOLLANDE, PUTIN, MERKEL))
    summit["date_basis"] = "DATELINE"
    pair = meeting("a", "x.example", D, start=300)
    pair.update(date_text="on Saturday")
    assert not keys.same_event(summit, pair) and not keys.same_event(pair, summit)
    told_again = meeting("a", "x.example", D + dt.timedelta(days=1), start=400)  # the same day: one meeting
    told_again.update(date_text="on Sunday")
    assert keys.same_event(summit, told_again)
    elsewhere = meeting("b", "y.example", D, start=300)  # another outlet counts a day differently
    elsewhere.update(date_text="on Saturday")
    assert keys.same_event(summit, elsewhere)


def test_one_article_giving_on_two_days_each_written_in_its_sentence_tells_two_contributions():
    def told(day, text, start, assets, article="a"):
        e = contribution(article, "x.example", day, status="ANNOUNCED", assets=assets)
        e.update(date_text=text, date_basis="RELATIVE")
        e["mentions"][0]["char_start"] = start
        return e
    vehicles = told(D, "on Saturday", 300, ("120 armored vehicles",))
    starstreak = told(D - dt.timedelta(days=1), "on Friday", 100, ("Starstreak missiles",))
    assert not keys.same_event(vehicles, starstreak)
    assert keys.same_event(vehicles, told(D - dt.timedelta(days=1), "on Friday", 100, ("Starstreak missiles",), "b"))
    # (two outlets a day apart: one giving)
    rafale = told(D - dt.timedelta(days=1), "on Friday", 100, ("three Rafale fighter jets",))
    assert keys.same_event(told(D, "on Saturday", 300, ("three Rafale fighters",)), rafale)  # told again a day on
    assert keys.same_event(starstreak, told(D, "Saturday", 0, ("120 armored vehicles",)))  # the headline's
