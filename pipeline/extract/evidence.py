"""What every extracted event carries besides its actors and its date (`event_date.py`): the sentence it
was read from, its mention and its place."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from pipeline.extract import syntax
from pipeline.extract.actors import ArticleContext, ActorResolver
from pipeline.extract.gazetteer import Gazetteer

#: Places named by their city: 'Pristina airport', 'Kabul airbase'.
FACILITIES = {"airport", "airbase", "base", "port", "harbour", "harbor", "station", "airfield", "barracks"}
#: The words of a facility's name after its place: 'Misawa Air Base', 'Pristina International Airport'.
FACILITY_WORDS = FACILITIES | {"international", "air", "naval", "military", "regional", "army", "navy", "force"}
#: Parts of a country named by their place: 'Helmand province', 'Jonglei State'.
PROVINCES = {"province", "region", "district", "governorate", "oblast", "state", "county", "prefecture"}
#: Beyond this many dependency arcs a place is more likely another clause's.
MAX_PLACE_ARCS = 4


@dataclass
class Sentence:
    """A parsed candidate sentence and where it sits: what the extractors are given."""
    doc: object  # spaCy Doc of the sentence alone
    offset: int  # character offset of the sentence in the article text
    article: dict
    ctx: ArticleContext
    resolver: ActorResolver

    @property
    def day(self) -> dt.date:
        return self.article["published_at"].date()

    @property
    def g(self) -> Gazetteer:
        return self.resolver.g

    def actor(self, token: Token) -> Optional[dict]:
        return self.resolver.resolve_token(token, self.day, self.ctx, self.offset)


def mention(s: Sentence, span: Span) -> dict:
    a = s.article
    text = span.text
    return {"article_id": a["article_id"], "source": a["source"], "url": a.get("url"),
            "published_at": a["published_at"], "sentence": text,
            "char_start": s.offset + span.start_char, "char_end": s.offset + span.start_char + len(text)}


def dated_mentions(events: list[dict]) -> list[dict]:
    """Each mention keeps the day its own article gives the event: outlets a day apart merge into one event
    whose date is the best-attested, and what each article said stays on its mention."""
    for e in events:
        for m in e["mentions"]:
            m["date"] = e.get("date")
    return events


def find_place(s: Sentence, trigger: Token, exclude: set[int], preps=("in", "at", "to", "into"),
               where_clause: bool = False) -> Optional[dict]:
    """The place the event happened: a place named by 'in', 'at' or 'visit to' near the trigger; with
    ``where_clause``, the place a 'where' clause hangs on (a meeting's; for forces it is most often history told
    of the place: 'Normandy, where Allied troops landed')."""
    where = _where(s, trigger) if where_clause else None
    if where is not None:
        return where
    best = None
    for ent in trigger.sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or ent.root.i in exclude:
            continue
        head = ent.root.head
        if ent.root.dep_ == "compound" and head.dep_ == "pobj" and head.lemma_.lower() in FACILITIES | PROVINCES:
            head = head.head  # 'landed at Pristina airport', 'deploy to Helmand province'
        if head.dep_ not in ("prep",) or head.lower_ not in preps:
            if not (ent.root.dep_ == "dobj" and ent.root.head.lemma_ in ("visit", "tour")):
                continue
        if head.lower_ in ("from",):
            continue
        arcs = syntax.dep_distance(trigger, ent.root)
        if arcs > MAX_PLACE_ARCS or not _owned_by(ent.root, trigger):
            continue
        name = ent.text.strip().rstrip(",")
        hit = s.g.country_of(name) or s.g.country_of(name.replace(",", "").replace(".", ""))
        for k in range(1, min(len(ent), 4)) if hit is None and ent.root.lemma_.lower() in FACILITIES else ():
            if any(w.lower_ not in FACILITY_WORDS for w in ent[-k:]):
                break  # 'Aden Adde International Airport' is named for a man, not for Aden
            hit = s.g.country_of(ent[:-k].text)  # 'Pristina airport', 'Misawa Air Base', 'Sigonella Naval Air Station'
            if hit:
                break
        kind = hit[1] if hit else None
        specific = kind in ("capital", "city") or (hit is None and ent.label_ != "LOC")
        key = (not specific, arcs, head.lower_ == "to")
        if best is None or key < best[0]:
            best = (key, {"name": name, "country": hit[0] if hit else None})
    if best is None:
        best = _landmark(s, trigger, exclude, preps)
    return best[1] if best else None


def _where(s: "Sentence", trigger: Token) -> Optional[dict]:
    """'flew to San Pedro Sula, Honduras, where he met President Suazo Cordova': the place the 'where' clause
    hangs on, though the tagger took the city for a person."""
    if trigger.dep_ != "relcl" or not any(c.lower_ == "where" and c.dep_ == "advmod" for c in trigger.children):
        return None
    head = trigger.head
    for tok in [head, *(c for c in head.children if c.dep_ == "appos")] + ([head.head] if head.dep_ == "appos" else []):
        name = " ".join(w.text for w in tok.subtree if w.i <= tok.i and w.dep_ in ("compound", "flat") or w.i == tok.i)
        hit = s.g.country_of(name)
        if hit and hit[1] in ("capital", "city", "name"):
            return {"name": name, "country": hit[0]}
    return None


def _landmark(s: "Sentence", trigger: Token, exclude: set[int], preps) -> Optional[tuple]:
    """Places that are not entities: a seat of power ('at the White House', 'to Downing Street'), or a
    capital the tagger missed ('a visit to Kyiv')."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.i in exclude:
                continue
            words = [t for t in obj.subtree if t.dep_ not in ("det", "prep") and t.i <= obj.i]
            text = " ".join(t.text for t in words)
            hit = s.g.country_of(text)
            if hit is None and obj.lemma_.lower() == "capital":  # 'landed in the Haitian capital'
                hit = next(((h[0], "capital") for c in obj.children if c.dep_ == "amod"
                            for h in [s.g.country_of(c.text)] if h and h[1] == "demonym"), None)
            if hit and hit[1].startswith("metonym"):
                return ((True, 1, False), {"name": text, "country": hit[0]})
            if hit and (obj.pos_ == "PROPN" or obj.lemma_.lower() == "capital") and hit[1] in (
                    "capital", "city", "name"):
                return ((hit[1] == "name", 1, prep.lower_ == "to"), {"name": text, "country": hit[0]})  # untagged 'Kyiv'
    return None


def _owned_by(token: Token, trigger: Token) -> bool:
    """True when no other verb stands between a place and the trigger ('met X, traveled to Washington')."""
    governing = {trigger.i}
    if trigger.pos_ not in ("VERB", "AUX"):
        head = trigger
        while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        governing.add(head.i)
    t = token
    while t.head.i != t.i:
        t = t.head
        if t.i in governing:
            return True
        if t.pos_ in ("VERB", "AUX"):
            return False
    return t.i in governing
