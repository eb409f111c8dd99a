"""Identity of events: what makes two reports the same real-world event, and the stable id it gets.

Identity cannot be a plain hash, because outlets differ in what they say (three participants or two, a
date one day off, no place). So there are two parts: a *partition key* that every report of the same
event shares for sure (the state cell it is matched in), and a *match* test inside that cell. The
event id is a UUIDv5 of the canonical key of the first report, so replays and restarts keep it.
"""
from __future__ import annotations

import datetime as dt
import uuid
from typing import Optional

from pipeline.extract.gazetteer import fold

NAMESPACE = uuid.UUID("6f1c3b52-9a57-4c43-8f0e-2f2d0d7f1a11")

#: Statuses that describe the same stage of a contribution: a pledge reported as "announced" elsewhere.
CONTRIBUTION_STAGE = {"ANNOUNCED": "promise", "PLEDGED": "promise", "OFFERED": "promise",
                      "APPROVED": "approved", "DELIVERED": "delivered", "REQUESTED": "requested"}

#: How far apart two reports' dates may be and still be one event (a late dateline's "yesterday").
DATE_TOLERANCE = dt.timedelta(days=1)


def actor_key(actor: Optional[dict]) -> Optional[str]:
    """A person by folded name, a state or organisation by its code: 'vladimir putin', 'FRA', 'NATO'."""
    if not actor:
        return None
    if actor.get("role"):
        return fold(actor["name"])
    return actor.get("country") or actor.get("actor_code") or fold(actor["name"])


def actor_entity(actor: dict) -> str:
    """Who an actor stands for, coarsely: its country (or organisation), so 'Obama' and 'the US' agree."""
    return actor.get("country") or actor.get("actor_code") or fold(actor["name"])


def stage(event: dict) -> str:
    if event["event_type"] == "meeting":
        return event["status"]
    return CONTRIBUTION_STAGE.get(event["status"], event["status"])


def partition_key(event: dict) -> str:
    """The state cell: every report of one event lands in the same cell."""
    if event["event_type"] == "military_contribution":
        return f"military_contribution|{actor_entity(event['contributor'])}"
    return "meeting"


def canonical_key(event: dict) -> str:
    if event["event_type"] == "meeting":
        actors = sorted({actor_key(a) for a in event["participants"]})
    else:
        actors = [actor_key(event["contributor"]), actor_key(event.get("recipient")) or "", event.get("purpose") or ""]
    place = (event.get("location") or {}).get("country") or ""
    return "|".join([event["event_type"], stage(event), ",".join(actors), str(event.get("date") or ""), place])


def event_id(event: dict) -> str:
    return str(uuid.uuid5(NAMESPACE, canonical_key(event)))


def _dates_close(a: Optional[dt.date], b: Optional[dt.date], tolerance: dt.timedelta = DATE_TOLERANCE) -> bool:
    return a is None or b is None or abs(a - b) <= tolerance


#: How far ahead of its report a planned or called-off meeting may lie ('calls off Moscow summit' in a
#: headline, 'the summit scheduled for September 4' in the text).
PLAN_HORIZON = dt.timedelta(days=60)


def _undated_plan(a: dict, b: dict) -> bool:
    """A planned or cancelled meeting reported without its date (the dateline stands in) is the one a
    dated report names, when that date lies ahead of the report."""
    if stage(a) not in ("PLANNED", "CANCELLED") or (a.get("date_basis") == "DATELINE") == (b.get("date_basis") == "DATELINE"):
        return False
    undated, dated = (a, b) if a.get("date_basis") == "DATELINE" else (b, a)
    if not undated.get("date") or not dated.get("date"):
        return False
    return -DATE_TOLERANCE <= dated["date"] - undated["date"] <= PLAN_HORIZON


def _places_agree(a: Optional[dict], b: Optional[dict]) -> bool:
    if not a or not b or not a.get("country") or not b.get("country"):
        return True
    return a["country"] == b["country"]


def _people(actors: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for a in actors:
        if a.get("role") and not fold(a["name"]).endswith(fold(a["role"])):  # not an unnamed 'Turkey Minister'
            out.setdefault(actor_entity(a), set()).add(fold(a["name"]))
    return out


def _different_people(a: list[dict], b: list[dict]) -> bool:
    """Lula meeting Li Qiang and Lula meeting Xi are two meetings, though both are Brazil and China."""
    pa, pb = _people(a), _people(b)
    return any(pa[c].isdisjoint(pb[c]) for c in pa.keys() & pb.keys())


#: Words that set a meeting apart from the larger one around it ('met one-on-one before the trilateral').
SIDE_MEETING = ("one on one", "bilateral", "separate", "ahead of the summit", "before the summit",
                "on the eve of", "also met", "also received", "also held talks", "sidelines", "margins",
                "on the fringes", "side meeting", "tete a tete", "private meeting", "earlier in the day",
                "later in the day", "earlier the same day", "later the same day")  # folded: 'one-on-one' reads 'one on one'


def _side_meeting(event: dict) -> bool:
    return any(cue in fold(m.get("sentence") or "") for m in event.get("mentions") or () for cue in SIDE_MEETING)


def _told_apart(known: dict, new: dict) -> bool:
    """One article giving two meetings of overlapping people two different days from its own text: two
    meetings (across outlets a day's difference is only how each counted). One date written in the sentence
    ('welcomed to Downing Street on Saturday') is enough beside a summit the article dates only by its dateline."""
    dated = lambda e: e.get("date") and e.get("date_basis") != "DATELINE"  # noqa: E731
    written = lambda e: dated(e) and e.get("date_text")  # noqa: E731
    return _one_article(known, new) and (dated(known) and dated(new) or written(known) or written(new)) and \
        known.get("date") and new.get("date") and known["date"] != new["date"]


def _own_days_apart(known: dict, new: dict) -> bool:
    """Two outlets each dating, in their own sentence, a meeting of a pair and a summit of more on different
    days: the talks the day before the summit, not another count of the summit's day."""
    written = lambda e: e.get("date") and e.get("date_text") and e.get("date_basis") != "DATELINE"  # noqa: E731
    return written(known) and written(new) and known["date"] != new["date"]


def same_event(known: dict, new: dict) -> bool:
    """True when ``new`` reports the real-world event ``known`` already stands for."""
    if known["event_type"] != new["event_type"] or (stage(known) != stage(new) and not _headline_over(known, new)):
        return False
    if not _places_agree(known.get("location"), new.get("location")):
        return False
    if known["event_type"] == "meeting":
        if not _dates_close(known.get("date"), new.get("date")) and not _undated_plan(known, new):
            return False
        a = {actor_entity(p) for p in known["participants"]}
        b = {actor_entity(p) for p in new["participants"]}
        if len(a & b) < min(2, len(a), len(b)) or (min(len(a), len(b)) == 1 and a != b):
            return False  # one leader at a summit is not the same event as his talks there with another
        if a != b and (_side_meeting(known) or _side_meeting(new)):
            return False  # 'Yoon also met Li separately': a bilateral beside the trilateral, not a report of it
        if a != b and (_told_apart(known, new) or _own_days_apart(known, new)):
            return False  # 'On Monday, Kishida and Biden held talks' before Tuesday's Quad summit, in one article
        return not _different_people(known["participants"], new["participants"])
    if not _dates_close(known.get("date"), new.get("date"), dt.timedelta(days=2)):
        return False
    if _one_article(known, new) and _own_days_apart(known, new) and not (headline_only(known) or headline_only(new)) \
            and _assets_apart(known, new):
        return False  # 'said the UK would send Ukraine 120 armored vehicles' on Saturday and 'announced a further
        # 100 million pounds of equipment, including Starstreak missiles' on Friday, in one article: each dated in
        # its own sentence, with nothing in common, two givings (not 'France will send three Rafale jets' and
        # 'France three Rafale fighters', told on two days)
    ra, rb = known.get("recipient"), new.get("recipient")
    if ra and rb and actor_entity(ra) != actor_entity(rb):
        return False
    pa, pb = known.get("purpose"), new.get("purpose")
    if pa and pb and fold(pa) != fold(pb):
        return False
    ca, cb = _kinds(known), _kinds(new)
    if _one_article(known, new) and known["status"] != new["status"]:
        # 'Canada pledged $3.02 billion in support' and 'would donate 800 drones': money and drones, told apart
        ca, cb = _kinds(known, vague=True), _kinds(new, vague=True)
    return not (ca and cb and ca.isdisjoint(cb))  # a brigade stationed and Patriots lent: two contributions


#: Words of asset descriptions too common to tell two contributions apart.
COMMON_ASSET_WORDS = {"military", "equipment", "support", "system", "systems", "weapons", "more", "further",
                      "additional", "million", "billion", "worth", "package", "including", "troops", "personnel",
                      "soldiers", "forces", "other", "their", "about", "around", "some", "than", "with"}


def _assets_apart(a: dict, b: dict) -> bool:
    words = lambda e: {w for x in e.get("assets") or () for w in fold(x["description"]).split()  # noqa: E731
                       if len(w) > 3 and w not in COMMON_ASSET_WORDS}
    wa, wb = words(a), words(b)
    return bool(wa and wb) and wa.isdisjoint(wb)


#: Asset categories too vague to tell two contributions apart ('military equipment', '$100 million').
VAGUE_KINDS = {"OTHER", "FUNDING"}


def _kinds(event: dict, vague: bool = False) -> set[str]:
    return {a["category"] for a in event.get("assets") or ()} - (set() if vague else VAGUE_KINDS)


def headline_only(event: dict) -> bool:
    """An event told only by the opening of its article: the headline."""
    return all(m["char_start"] == 0 for m in event.get("mentions") or ())


def _headline_over(known: dict, new: dict) -> bool:
    """'Russia and Rwanda send troops' over a story of troops that landed: a headline's present tense tells the
    story's giving, whatever stage the story itself tells."""
    return known["event_type"] == "military_contribution" and _one_article(known, new) and (
        headline_only(known) != headline_only(new))


def _one_article(known: dict, new: dict) -> bool:
    ids = lambda e: {m["article_id"] for m in e.get("mentions") or ()}  # noqa: E731
    return bool(ids(known) & ids(new))


#: How far apart two stages of one affair may be: a meeting announced, then held; a pledge, then approved.
RELATED_WITHIN = {"meeting": dt.timedelta(days=45), "military_contribution": dt.timedelta(days=120)}


def related(known: dict, new: dict) -> bool:
    """Two stages of one affair, kept apart but linked: the planned and the held meeting of the same
    leaders, a frigate pledge and its parliamentary approval."""
    if known["event_type"] != new["event_type"] or stage(known) == stage(new):
        return False
    if known.get("date") and new.get("date") and abs(known["date"] - new["date"]) > RELATED_WITHIN[new["event_type"]]:
        return False
    if new["event_type"] == "meeting":
        a = {actor_entity(p) for p in known["participants"]}
        b = {actor_entity(p) for p in new["participants"]}
        return len(a & b) >= 2 and not _different_people(known["participants"], new["participants"])
    ra, rb = known.get("recipient"), new.get("recipient")
    same_recipient = bool(ra and rb and actor_entity(ra) == actor_entity(rb))
    pa, pb = known.get("purpose"), new.get("purpose")
    same_purpose = bool(pa and pb and fold(pa) == fold(pb))
    return same_recipient or same_purpose
