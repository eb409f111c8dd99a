"""Meetings: who met whom, where, when, who hosted, and whether it happened, is planned or was called off."""
from __future__ import annotations

import datetime as dt
import itertools
import re

from typing import Collection, Iterator, Optional

from spacy.tokens import Span, Token

from pipeline.extract import confidence, dates, syntax
from pipeline.extract.confidence import SIGNALS
from pipeline.extract.actors import actor_from_office, is_person, state_actor
from pipeline.extract.event_date import find_date
from pipeline.extract.evidence import Sentence, find_place, mention

#: Triggers that make a meeting even when only states are named ('Israel and Lebanon renewed negotiations').
STATE_MEETINGS = {"meet", "host", "summit", "talk", "talks", "negotiation", "negotiations", "consultation", "consultations",
                  "mediation", "mediate", "credentials", "attendance"}
#: Nouns a trigger can modify and that then carry its structure ('a mediation mission between X and Y').
CARRIERS = {"mission", "effort", "bid", "initiative", "process", "round", "session", "trip", "tour"}
#: Heads of a group whose members are named in an 'of' phrase ('a group of Moroccan diplomats').
GROUPS = {"leader", "representative", "minister", "official", "delegation", "head", "group", "team", "ambassador",
          "envoy", "diplomat", "negotiator", "delegate"}
#: Nouns of something handed to the other side in person ('presented his credentials to President Xi').
HANDED = {"credential", "credentials", "welcome", "hug"}
#: Verbs whose subject takes part in the gathering that is their object.
ATTENDING = {"attend", "join", "host", "chair", "hold", "convene"}
#: Verbs that open a gathering: its host or chair opens it ('Merkel opened the meeting', 'the summit ...
#: opened Monday').
SUMMIT_OPENING = {"open", "begin", "start", "convene", "chair", "host", "close"}
#: Words that make a 'conference' a press event, not a gathering of states.
NOT_GATHERINGS = {"news", "press", "video", "phone", "telephone", "party", "academic"}
#: Prepositions that only place something in time around a meeting ('Hours before the summit, Pyongyang
#: notified Japan'): the verb's subject is not thereby a participant.
TEMPORAL = {"before", "ahead", "until"}
#: Verbs of going somewhere, whose purpose clause may be the meeting ('flew to Kyiv to see Zelensky').
TRAVEL = {"travel", "fly", "go", "head", "come", "arrive", "visit", "return", "leave", "journey"}
#: Verbs of setting off, whose 'for' names the destination ('left for Delhi on Wednesday').
DEPARTING = {"leave", "depart", "set", "head"}
#: Verbs that put what they govern ahead ('is set to meet', 'is expected to visit').
PLANNING = {"set", "due", "expect", "schedule", "plan", "slate", "poise", "intend", "aim"}
#: Verbs that make a meeting only with someone ('talked with Xi', 'celebrated Diwali with Sunak').
WITH_ONLY = {"talk", "celebrate", "dine", "breakfast", "lunch"}
#: Verbs that make a meeting only between people of two countries present ('Pistorius and his Lithuanian
#: counterpart signed a roadmap in Vilnius', 'Zelensky, accompanied by Rutte').
PEOPLE_ONLY = {"sign", "accompany"}
#: Words that make a conversation one held in person.
IN_PERSON = ("one-on-one", "one on one", "face-to-face", "in-person", "private")
#: Verbs whose subject hosts ("Erdogan hosted Putin").
HOSTING = {"host", "receive", "welcome", "greet"}


def _was_to(t: Token) -> bool:
    """'was to fly to Beijing for talks', 'is to visit': the future seen from the past or present."""
    for v in [t] + syntax.governors(t, 3):
        if v.dep_ == "xcomp" and v.head.lemma_ == "be" and any(c.lower_ == "to" for c in v.children) and not any(
                c.dep_ == "attr" and c.lemma_.lower() in PLEASURES for c in v.head.children):
            return True  # (not 'It is a great pleasure to welcome President Obama': a welcome given as it is said)
    return False


def _headline_to(t: Token) -> bool:
    """'Biden to meet Polish leader in Warsaw', 'Wickremesinghe to visit India this week': a headline writes 'will'
    as a bare 'to' after the name (the parser hangs it on the name or makes it the root)."""
    if t.sent[-1].is_punct:
        return False  # a sentence: 'asked Macron to host Xi' is no headline
    v = t if t.pos_ in ("VERB", "AUX") else next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    to = next((c for c in v.children if c.dep_ == "aux" and c.tag_ == "TO"), None) if v is not None else None
    if to is not None:  # the meeting's own verb, not 'Biden and Trudeau meet in Ottawa; Canada to send ships'
        if v.dep_ == "ROOT":
            return any(c.dep_ == "nsubj" and c.i < to.i for c in v.children)
        name = v.head
        return v.dep_ in ("relcl", "acl", "advcl") and name.i == to.i - 1 and name.text.istitle() and not any(
            c.dep_ in ("det", "amod") for c in name.children)  # not 'the first Indian PM to visit Israel'
    return False


def _people_inside(token: Token) -> list[Token]:
    """Named people inside a subject the parser nested ('Kishida and Yoon held' parsed as a chain)."""
    clauses = [c for c in token.subtree if c.dep_ in ("relcl", "acl", "advcl", "ccomp")]
    inside = {w.i for c in clauses for w in c.subtree}  # 'Guterres, who met Erdogan on Monday, held talks'
    return [t for t in token.subtree if t.ent_type_ == "PERSON" and t.i != token.i and t.i not in inside
            and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")
            and not (t.dep_ in ("compound", "flat") and t.head.i == token.i and token.pos_ == "PROPN")]
    # (not 'Seyed Abbas' of 'Seyed Abbas Araghchi', the tagger's name cut short inside the subject's own name)


def _sports_phrase(text: str, words: set[str]) -> bool:
    """Sports words of more than one token ('group stage', 'head-to-head'), found in the sentence's text."""
    return any((" " in w or "-" in w) and w in text for w in words)


def _within_clause(verb: Token, limit: int) -> list[Token]:
    """``own_governors``, up to a clause that tells something of its own: 'wants to meet Xi' is a wish, but in
    'I wanted to note that the Vice President is in Guatemala City, where she met Giammattei' the meeting is
    told, the wish is only to tell it."""
    out: list[Token] = []
    for g in syntax.own_governors(verb, limit):
        if (out[-1] if out else verb).dep_ in ("ccomp", "advcl"):
            break
        out.append(g)
    return out


def _called_off_or_on(t: Token, meeting_nouns: Collection[str] = ()) -> bool:
    """'called off a meeting', 'called on the king', 'what officials called the most consequential
    announcement', 'called for calm', 'met Obama ..., and Xi called for "mutual respect"': the verb 'call', but no
    telephone. ('called for talks' stays a call: a wish for a meeting, not one.)"""
    return t.lemma_.lower() == "call" and t.pos_ == "VERB" and any(
        (c.lower_ in ("off", "on", "upon") and c.dep_ in ("prt", "prep")
         and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children))  # not 'called on Monday for talks'
        or c.dep_ in ("oprd", "ccomp")
        or (c.lower_ == "for" and c.dep_ == "prep" and any(
            o.dep_ == "pobj" and o.lemma_.lower() not in meeting_nouns for o in c.children))
        for c in t.children)


def _told_in_passing(t: Token) -> bool:
    """A summit attended in a clause about something else: 'flew in from Johannesburg, where he attended the
    BRICS summit', 'who chaired the 41st GCC summit', 'leaves for Hangzhou on Saturday to attend the G20'."""
    verb = t.head.head if t.dep_ == "pobj" else t.head
    return verb.dep_ in ("relcl", "acl") or verb.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # not 'shortly after Sarkozy hosted a summit'



def _did_not_happen(t: Token) -> bool:
    """'A planned meeting with Lula on Sunday did not happen': a meeting called off, not a denied one."""
    verb = t.head if t.dep_ in ("nsubj", "nsubjpass") else None
    return verb is not None and verb.lemma_.lower() in ("happen", "take", "materialise", "materialize", "go", "occur") \
        and syntax.is_negated(verb)


def _plan_overtaken(t: Token) -> bool:
    """'Widodo had been due to hold talks with Turnbull': the past perfect of a plan says it fell through."""
    governors = syntax.governors(t if t.pos_ in ("VERB", "AUX") else t.head, 2)
    # 'had been due in Port Moresby on Monday for talks': 'due' hangs beside the trigger, on 'been'
    governors += [c for g in governors for c in g.children if c.dep_ == "acomp"]
    for g in governors:
        if g.lemma_.lower() in ("due", "schedule", "set", "expect", "supposed") or g.lower_ == "due":
            words = {c.lower_ for c in g.children if c.dep_ in ("aux", "auxpass")} | {g.head.lower_} | {
                c.lower_ for c in g.head.children if c.dep_ in ("aux", "auxpass")}
            if {"had", "been"} <= words:
                return True
    return False


#: What a leader flies somewhere to do in person with another: 'flew to Jeddah to show him satellite photos',
#: 'will head to Doha to brief Qatar's Emir', 'flew to Tbilisi, where he presented the plan to Saakashvili'.
PITCHING = {"brief", "show", "present", "reassure", "thank", "lobby", "persuade", "consult", "court", "woo",
            "convince", "update"}


def _pitched_on_arrival(t: Token) -> bool:
    """A visit told by what the traveller went to do with someone there: the purpose clause of a journey
    ('flew to Jeddah to show him ...') or a clause on its destination ('flew to Tbilisi, where he presented
    the plan to Saakashvili'); the one shown or told is a person, not 'to brief reporters'."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in PITCHING:
        return False
    journey = t.head if t.dep_ in ("xcomp", "advcl") and t.head.lemma_.lower() in TRAVEL and any(
        c.dep_ == "prep" and c.lower_ in ("to", "for", "into") for c in t.head.children) else None  # a journey
    # somewhere (not 'The landing came a day after Carter persuaded ...')
    if journey is None and t.dep_ == "relcl" and any(c.lower_ == "where" for c in t.children) and \
            t.head.head.dep_ == "prep" and t.head.head.head.lemma_.lower() in TRAVEL:
        journey = t.head.head.head
    if journey is None:
        return False
    told = [c for c in t.children if c.dep_ in ("dobj", "dative")] + list(syntax.preps(t, ("to",)))
    return any(o.ent_type_ == "PERSON" or o.lower_ in ("him", "her") or o.lemma_.lower() in (
        "president", "king", "emir", "chancellor", "premier", "counterpart", "leader", "minister")
               or any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP") for c in o.children) for o in told)


def _looked_back_on(t: Token) -> bool:
    """'had met', 'last met', 'had previously held talks', 'first met': a meeting the story recalls."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children) or any(
        c.dep_ == "advmod" and c.lower_ in ("last", "previously", "first", "once", "before") for c in verb.children)


#: Words that make a year the bound of a span, not the time of what the phrase tells.
PERIOD_BOUNDS = {"since", "until", "till", "before", "after"}


def _of_a_past_year(t: Token, day) -> bool:
    """A meeting noun whose own phrase names only a past year ('his visit to Washington in 1941', 'their 2019
    summit')."""
    def own(e) -> bool:  # the year hangs from the noun by prepositions alone, not from a clause within it
        path = [a for a in e.root.ancestors if a.i != t.i and t in a.ancestors] if t in e.root.ancestors else None
        return path is not None and not any(a.pos_ in ("VERB", "AUX") or a.lower_ in PERIOD_BOUNDS for a in path)
    return any(e.label_ == "DATE" and (m := re.fullmatch(r"(?:(?:in|of) )?((?:19|20)\d\d)", e.text))
               and int(m.group(1)) < day.year and not (e.start and t.doc[e.start - 1].lower_ in PERIOD_BOUNDS)
               and own(e) for e in t.sent.ents)  # (not 'his first visit since 2019', nor 'talks, where he thanked
    # him for a commitment made in 2023')


def _coarse(when: dict, day) -> bool:
    """A date the text gives no day of: 'last year', 'in June', 'in 2019'."""
    if when["date_basis"] == "DATELINE" or not when.get("date_text"):
        return False
    r = dates.resolve(when["date_text"], day)
    return r is not None and r.precision in ("month", "year", "season")


def _discussed_with(t: Token) -> Iterator[Token]:
    """Whom a topic is discussed with: 'discuss the budget with Theresa May' (the parser often hangs
    'with' on the topic)."""
    yield from syntax.preps(t, ("with",))
    for c in t.children:
        if c.dep_ == "dobj":
            yield from syntax.preps(c, ("with",))


def _handed(tok: Token) -> bool:
    """'handing the US president a letter from the King', 'delivered a message from Xi': a letter or message
    given in person, not sent instead of meeting; 'the two leaders agreed the joint letter': one written together."""
    return tok.lemma_.lower() in ("letter", "message") and tok.dep_ in ("dobj", "dative") and \
        tok.head.lemma_.lower() in ("hand", "deliver", "give", "present", "pass", "carry", "convey", "bring",
                                    "agree", "sign", "draft", "co-sign", "cosign")


def _stray_subject(verb: Token) -> Optional[Token]:
    """'Before sitting down with Kim, Trump was received ... by Trong': the name before 'was', parsed as an
    apposition of the clause before, is the passive verb's subject."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if aux is None or aux.i == 0 or syntax.subject(verb) is not None:
        return None
    before = verb.doc[aux.i - 1]
    return before if before.dep_ == "appos" and before.ent_type_ == "PERSON" else None


def _verb_read_as_noun(verb: Token) -> Optional[Token]:
    """'Biden lands in Tel Aviv and meets Netanyahu': a present verb read as a noun ('lands') with the name as its
    modifier; the name is the subject of the verb coordinated with it."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ != "NOUN" or head.tag_ != "NNS" or syntax.subject(verb) is not None:
        return None
    return next((c for c in head.children if c.dep_ == "compound" and c.ent_type_ == "PERSON" and c.i == head.i - 1),
                None)


def _fronted_people(verb: Token) -> Optional[Token]:
    """'Some 1,600km away in Kabul, Esper and Stoltenberg met Ghani': with no subject, the people the parser
    coordinated with the fronted place are the verb's."""
    if verb.pos_ != "VERB" or syntax.subject(verb) is not None:
        return None
    for c in verb.children:
        if c.i < verb.i and c.dep_ in ("advmod", "prep", "npadvmod"):
            for w in c.subtree:
                if w.dep_ == "conj" and w.ent_type_ == "PERSON" and w.head.ent_type_ in ("GPE", "LOC", "FAC"):
                    return w
    return None


def _they_of(subj: Optional[Token], verb: Token) -> Optional[Token]:
    """'Ishiba and Trump reaffirmed the alliance as they held their first talks': 'they' in a clause hung on
    another is the pair that clause's verb has for subject."""
    if subj is None or subj.lower_ != "they" or verb.dep_ not in ("advcl", "conj", "ccomp"):
        return subj
    main = syntax.subject(verb.head)
    return main if main is not None and len(syntax.with_conjuncts(main)) > 1 else subj


def _they_told_to(subj: Optional[Token], verb: Token) -> list[Token]:
    """'He explained the plan to Crown Prince Mohammed bin Salman when they met in AlUla': 'they' in a clause
    hung on a verb of one subject are that subject and the person it told or was with."""
    if subj is None or subj.lower_ != "they" or verb.dep_ != "advcl":
        return []
    main = syntax.subject(verb.head)
    if main is None or len(syntax.with_conjuncts(main)) > 1:
        return []
    told = [o for o in syntax.preps(verb.head, ("to", "with")) if o.ent_type_ == "PERSON"]
    return [main, *told] if told else []


#: What one welcomes that is no visitor: 'welcomed a Trump idea', 'welcomed the decision'.
WELCOMED_THINGS = {"idea", "proposal", "decision", "move", "step", "news", "offer", "agreement", "initiative", "plan",
                   "deal", "statement", "effort", "progress", "announcement", "release", "suggestion", "outcome",
                   "result", "resolution", "ceasefire", "truce", "report", "support", "remark", "commitment",
                   "invitation", "election", "victory", "return", "appointment", "talk", "dialogue", "signing"}

#: What a host has a guest to: 'had Trump to tea at Windsor Castle'.
MEALS = {"tea", "lunch", "dinner", "breakfast", "supper", "luncheon", "banquet"}

#: What leaders spend together when a story tells their meeting by its length.
TIME_SPENT = {"hour", "minute", "day", "evening", "morning", "afternoon", "weekend", "night"}


def _other_trigger(t: Token) -> bool:
    """'paid a courtesy call on', 'sat down this afternoon with', 'return to Geneva for talk on', 'is flying
    to London to discuss the budget with the prime minister'."""
    if t.lemma_.lower() in ("discuss", "see") and t.pos_ == "VERB" and t.dep_ in ("xcomp", "advcl") \
            and t.head.lemma_.lower() in TRAVEL | {"stop"} and (t.lemma_.lower() == "see" or list(_discussed_with(t))):
        # ('will stop in Amman on Saturday to see King Hussein')
        return True
    if t.lower_ == "talk" and t.dep_ == "pobj" and t.head.lower_ == "for":
        return True
    if _pitched_on_arrival(t):
        return True
    if t.lemma_.lower() == "discuss" and t.pos_ == "VERB" and any(w.ent_type_ == "PERSON" for p in _discussed_with(t)
                                                                   for w in p.subtree) and _somewhere(t.subtree):
        return True  # 'who discussed the deployment with U.S. Defense Secretary William Perry in Bonn on Tuesday'
    seen = next((c for c in t.children if c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN" and (
        c.ent_type_ not in ("GPE", "NORP", "LOC", "ORG", "DATE")) or c.lemma_.lower() in SEEN_TITLES and any(
            a.dep_ == "appos" and a.ent_type_ == "PERSON" or a.dep_ == "pobj" and a.ent_type_ == "GPE"
            for a in c.subtree))), None) \
        if t.lemma_.lower() == "see" else None
    if seen is not None and t.pos_ == "VERB" and (_somewhere([*t.children, *seen.children]) or _on_a_day(t)) \
            and not any(c.dep_ == "prep" and c.lower_ in ("as", "on") and any(
                o.lemma_.lower() in SCREENS for o in c.children) for c in t.children):
        return True  # 'after he saw Crown Prince Abdullah in Riyadh on Sunday', 'will see Prime Minister Harold
        # Macmillan tomorrow', 'saw the exiled emir of Kuwait, Sheik Jaber'; not 'saw Putin as a threat', nor 'on
        # television'
    if t.lemma_.lower() == "call" and t.pos_ == "VERB" and any(c.lower_ in ("on", "upon") for c in t.children) and any(
            o.ent_type_ == "PERSON" or o.lemma_.lower() in CALLED_ON for c in t.children
            if c.lower_ in ("on", "upon") or c.dep_ == "dobj" for o in c.subtree):
        # 'called on Saudi Crown Prince Mohammed bin Salman in Riyadh', 'is to call on the Emperor ... to discuss';
        # not 'called on Scholz to send tanks' (an urging), whatever clause follows ('hours after ...')
        urged = {w.i for c in t.children if c.lower_ in ("on", "upon") for w in c.subtree}
        return not any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() not in TALKING for c in t.children) and not any(
            w.lower_ == "to" and w.dep_ == "aux" and w.head.i != t.i and w.head.lemma_.lower() not in TALKING
            and (w.head.head.i == t.i or w.head.i in urged) for w in t.subtree)  # (not '..., and was later
        # conferred the honour, the first Indian to receive it': another verb's clause)
    if t.lemma_.lower() == "stand" and t.pos_ == "VERB":  # 'Trump stood beside Theresa May at Chequers'; not
        return any(_a_person(o) for o in syntax.preps(t, ("beside", "alongside")))  # 'stands
        # with Ukraine'
    if t.lemma_.lower() == "sit" and t.pos_ == "VERB" and any(c.lower_ == "across" for c in t.children) and any(
            _a_person(o) for o in syntax.preps(t, ("from",))):
        return True  # 'sat across the table from President Vladimir Putin'
    if t.lemma_.lower() == "have" and t.pos_ == "VERB" and any(o.lemma_.lower() in MEALS for o in syntax.preps(t, ("to",))):
        return any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or _a_person(c)) for c in t.children)  # 'the Queen had
        # Trump and Melania to tea at Windsor Castle'
    if t.lemma_.lower() == "play" and t.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ == "host" for c in t.children):
        return any(_a_person(o) for o in syntax.preps(t, ("to",)))  # 'played host to the
        # Gambian President'
    if t.lemma_.lower() == "guest" and t.dep_ == "attr" and any(_a_person(o)
                                                                 for o in syntax.preps(t, ("of",))):
        return True  # 'Trump was the guest of South Korean President Lee Jae-myung'
    if t.lemma_.lower() == "bring" and any(c.lower_ == "together" for c in t.children):
        return True  # 'Monday's conference brought together Scholz, Duda and Rutte'
    if t.pos_ == "VERB" and (t.lemma_.lower() in ("come", "get") and any(c.lower_ == "together" for c in t.children) or
                             t.lemma_.lower() == "shake" and any(c.lower_ == "hands" for c in t.children)):
        return any(o.ent_type_ == "PERSON" for o in syntax.preps(t, ("with",)))  # 'also came together with
        # Ukrainian Foreign Minister Dmytro Kuleba', 'in Beijing, shaking hands with Xi Jinping'
    if t.lemma_.lower() in ("spend", "have") and t.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "npadvmod") and (c.lemma_.lower() in TIME_SPENT or c.ent_type_ == "DATE")
            for c in t.children):
        # 'Witkoff spent three hours with Putin at the Kremlin', 'had 30 minutes alone with his Australian
        # counterpart', 'In Kyiv the two leaders spent several hours together', 'spent Feb. 22 with Bush'
        return any(c.dep_ == "prep" and c.lower_ == "with" and any(o.ent_type_ == "PERSON" or o.lemma_.lower() in (
            "counterpart", "president", "minister", "leader", "host") for o in c.children if o.dep_ == "pobj")
            for w in [t] + [c for c in t.children if c.dep_ in ("advmod", "dobj")] for c in w.children) or (
            any(c.lower_ == "together" for c in t.children)
            and any(_the_two(c) for c in t.children if c.dep_ == "nsubj"))
    if t.lemma_.lower() == "sit" and t.pos_ == "VERB":  # 'sat down with', and 'sat with Bush in the Oval Office',
        down = any(c.lower_ == "down" for c in t.children)  # 'Biden and Erdogan will sit down on the sidelines'
        return down and any(c.lower_ == "with" for c in t.children) or down and any(
            c.dep_ == "nsubj" and (_the_two(c) or any(k.dep_ == "conj" for k in c.children)) for c in t.children) or any(
            c.dep_ == "prep" and c.lower_ in ("with", "beside") and any(  # 'sat beside Trump': a person
                o.ent_type_ == "PERSON" for o in c.children if o.dep_ == "pobj") for c in t.children)
    if t.lemma_.lower() == "conversation" and t.pos_ == "NOUN":  # 'a one-on-one conversation at a seaside resort'
        before = t.doc[t.left_edge.i:t.i].text.lower()
        return any(w in before for w in IN_PERSON) or any(  # 'held a separate conversation in the Oval Office'
            o.ent_type_ in ("GPE", "FAC") or o.lower_ in SEATS for o in syntax.preps(t, ("in", "at")))
    return _courtesy_call(t)


#: Whom one calls on in person when the tagger misses the name: 'called on Party General Secretary To Lam',
#: 'will call on His Majesty The King'.
CALLED_ON = {"president", "king", "queen", "emperor", "emir", "sultan", "chancellor", "premier", "minister",
             "secretary", "majesty", "highness", "counterpart", "pope", "governor-general"}

#: What one calls on a leader to do in person: 'called on Annan to discuss the transition'.
TALKING = {"discuss", "talk", "review", "brief", "exchange", "convey", "deliver", "present", "pay"}


#: Titles a leader is seen by ('saw the exiled emir of Kuwait, Sheik Jaber al-Ahmed al-Sabah').
SEEN_TITLES = {"emir", "king", "president", "prime", "minister", "leader", "chancellor", "premier", "sultan", "prince"}
#: What a leader is seen on that is no meeting: 'saw Putin on television'.
SCREENS = {"television", "tv", "screen", "video", "threat", "partner", "rival", "ally", "friend"}


def _on_a_day(t: Token) -> bool:
    """'will see Macmillan tomorrow', 'is expected to see Saddam Hussein on Sunday': a day of its own."""
    return any(c.ent_type_ in ("DATE", "TIME") and c.dep_ in ("npadvmod", "advmod") or c.dep_ == "prep"
               and c.lower_ == "on" and any(o.ent_type_ == "DATE" for o in c.children) for c in t.children)
    # ('will see Mr. Brezhnev tomorrow evening')


def _somewhere(near) -> bool:
    """'in Bonn', 'at the White House' among the words near a verb (its own words, or a whole clause): it says
    where it happened, so it happened in person."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(o.ent_type_ in ("GPE", "FAC") for o in c.children)
               for c in near)


#: The words that end the name of a leader's seat: 'the Oval Office', 'the White House', 'the Elysee Palace'.
SEATS = {"office", "house", "palace", "street", "kremlin", "elysee", "élysée", "chancellery", "bhavan", "istana"}


def _due_somewhere(t: Token) -> bool:
    """'Koizumi is due at the White House next Tuesday', 'is expected at the Elysee on Monday', 'Zelensky was in
    the Oval Office on Monday', 'returned to the Oval Office': a visit told by the seat its guest will be or was
    at (not 'is due to meet', told by its own verb)."""
    if t.lemma_ in ("be", "return") and any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.text.istitle())
                                            and c.pos_ != "PRON" for c in t.children) and any(
            c.dep_ == "prep" and c.lower_ in ("in", "at", "to") and any(
                o.ent_type_ in ("FAC", "ORG") and o.lower_ in SEATS for o in c.children) for c in t.children) and not any(
            c.dep_ == "acomp" for c in t.children):
        return True  # (a person's name as the subject: not 'Reporters were at the White House')
    if t.lemma_ == "be" and t.pos_ == "AUX":
        due = next((c for c in t.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
    elif t.lemma_ == "expect" and t.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in t.children):
        due = t
    else:
        return False
    if due is None or any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ == "for"
                          for c in [*due.children, *t.children]):
        return False  # (nor 'is due in Hamburg for the G20 summit': a gathering, told as such)
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(o.ent_type_ == "FAC" for o in c.children)
               for c in due.children)  # (a residence: 'is due in Belgrade later today' may be for anything)


def _courtesy_call(t: Token) -> bool:
    """'paid a courtesy call on President X': a visit in person, not a telephone call."""
    return t.pos_ == "NOUN" and t.lemma_.lower() == "call" and any(c.lower_ == "courtesy" for c in t.children)


def _a_person(t: Token) -> bool:
    """'joined the US president', 'joined Sunak': a person, not 'joined NATO' or 'joined the army'."""
    return t.ent_type_ == "PERSON" or t.lemma_.lower() in ("president", "minister", "leader", "chancellor", "king",
                                                             "premier", "counterpart")


def _joined_by(t: Token) -> bool:
    """'the two were joined by Estonian Prime Minister Kaja Kallas': people who meet joined by another."""
    by = syntax.agent(t)
    return t.lemma_.lower() == "join" and by is not None and _a_person(by) and any(
        c.dep_ == "nsubjpass" and (_a_person(c) or _the_two(c) or c.pos_ == "PROPN") for c in t.children)


#: Offices whose holders' visits abroad are received by their counterparts, not by the head of state.
COUNTERPART_VISITORS = {"Defence Minister", "Defence Secretary", "Secretary of Defense", "Intelligence Chief",
                        "Army Chief", "Chief of General Staff", "Finance Minister"}


def _received_by_a_counterpart(person: dict) -> bool:
    """'Austin announced the operation during a visit to Bahrain': a defence secretary's visit is not a
    meeting with the King."""
    return (person.get("role") or "") in COUNTERPART_VISITORS


def _hyphenated(t: Token) -> str:
    """The hyphenated word a token ends ('tete-a-tete'), in lower case; the token alone if none."""
    start = t.i
    while start >= 2 and t.doc[start - 1].text == "-" and not t.doc[start - 1].whitespace_ \
            and not t.doc[start - 2].whitespace_:
        start -= 2
    return t.doc[start:t.i + 1].text.lower()


def _leg_place(s: Sentence, leg: Span) -> Optional[dict]:
    """The place a leg of an itinerary names after 'in' or 'at' ('President Boric in Santiago de Chile'): the
    longest run of words the gazetteer knows as a place."""
    for w in leg:
        if w.lower_ not in ("in", "at") or w.dep_ != "prep":
            continue
        words = list(itertools.takewhile(lambda x: x.pos_ in ("PROPN", "ADP") and x.lower_ not in ("on", "in", "at"),
                                         leg.doc[w.i + 1:leg.end]))
        for k in range(len(words), 0, -1):
            hit = s.g.country_of(" ".join(x.text for x in words[:k]))
            if hit:
                return {"name": " ".join(x.text for x in words[:k]), "country": hit[0]}
    return None


def _ahead_of(t: Token) -> bool:
    """'ahead of a trip to China': a meeting still to come, whatever the clause it hangs on did."""
    return t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "ahead"


def _a_day_named(sent) -> bool:
    """A sentence that names a day: a date with a figure, or a weekday."""
    return any(e.label_ == "DATE" and (any(w.like_num for w in e) or any(w.lower_ in dates.WEEKDAYS for w in e))
               for e in sent.ents)


def _invited_by(t: Token) -> list[Token]:
    """'arrived in Tehran on an official visit at the invitation of Ayatollah Raisi': who invited receives
    the visit. Only an invitation hung on the trigger's own phrase, not on another clause's verb."""
    if not _is_a_trip(t):
        return []
    out = []
    for w in t.subtree:
        if w.lemma_.lower() != "invitation" or w.i == t.i:
            continue
        path = [a for a in w.ancestors if a.i != t.i and t.i in {b.i for b in a.ancestors}]
        if all(a.pos_ not in ("VERB", "AUX") for a in path):
            out += list(syntax.preps(w, ("of", "from", "by")))
    return out


def _is_a_trip(t: Token) -> bool:
    return t.lemma_.lower() in TRAVEL | {"trip", "tour", "stay"}


#: Verbs of a host's part in a gathering ('hosted by', 'chaired by', 'which Putin opened').
CHAIRING = {"host", "chair", "convene", "open"}
#: Verbs whose subject, a gathering, has its participants as objects ('the summit has drawn Xi, Modi and ...').
DRAWING = {"draw", "bring", "attract", "gather", "assemble"}


def _headline_host(t: Token) -> bool:
    """'Xi Jinping hosts Vladimir Putin in Beijing', 'Blinken and Austin host Australian counterparts ...': the
    verb the tagger read as a noun, between the name that ends one leader's and the name that starts the
    next, or with the subject and object a verb would have."""
    if t.lower_ not in ("host", "hosts") or t.pos_ != "NOUN" or t.i == 0 or t.i + 1 >= len(t.doc):
        return False
    if any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in t.children) and any(c.dep_ == "dobj" for c in t.children):
        return True
    before, after = t.nbor(-1), t.nbor(1)
    return t.tag_ == "NNS" and (before.ent_type_ == "PERSON" or before.tag_ == "NNP") and after.ent_iob_ == "B" \
        and (after.ent_type_ in ("PERSON", "GPE") or _guest_named(t) is not None)


def _a_pair_talked(t: Token) -> bool:
    """'Xi and Vladimir Putin talked for more than four hours in the Kremlin': two people who talk, together and
    not about something, meet."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    return subj is not None and not any(c.lower_ in ("about", "of") for c in t.children) and (
        _the_two(subj) or any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in subj.children))


def _guest_named(t: Token) -> Optional[Span]:
    """'Ruto hosts Haitian Prime Minister Ariel Henry': after a nationality and a title, the guest's name."""
    after = next((e for e in t.doc.ents if e.start == t.i + 1), None)
    if after is None or after.label_ != "NORP":
        return None
    return next((e for e in t.doc.ents if e.label_ == "PERSON" and after.end <= e.start <= after.end + 3), None)


def _headline_sides(t: Token) -> list[Token]:
    """The host first, then the guests."""
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is not None:
        guests = [w for c in t.children if c.dep_ == "dobj" for g in syntax.with_conjuncts(c)
                  for w in [g] + [a for a in g.children if a.dep_ == "appos"]]
        return syntax.with_conjuncts(subj) + [w for g in guests for w in syntax.with_conjuncts(g)]
    after = _guest_named(t) or next(e for e in t.doc.ents if e.start == t.i + 1)
    return [t.nbor(-1), after[-1]]


def _host_by(t: Token) -> Optional[Token]:
    """The agent of 'hosted by' hung on a meeting noun: 'the summit ..., hosted by President Ilham Aliyev',
    'chaired by Mr. Modi'; the subject of 'which Putin opened'."""
    acl = next((c for c in t.subtree if c.dep_ == "acl" and c.lemma_.lower() in CHAIRING - {"open"}), None)  # the
    # parser may hang it on the last of the states listed
    if acl is not None:
        return syntax.agent(acl)
    relcl = next((c for c in t.children if c.dep_ == "relcl" and c.lemma_.lower() in CHAIRING), None)
    if relcl is not None and any(c.dep_ == "auxpass" for c in relcl.children):
        return syntax.agent(relcl)  # 'a summit of ECOWAS heads of state to be hosted by President Ouattara'
    return syntax.subject(relcl) if relcl is not None and any(
        c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in relcl.children) else None


#: A plan without its day: not yet an event (the day it is set, it will be reported with it).
NO_DATE = re.compile(r"\b(?:no date (?:has|had) been (?:set|fixed|announced)|without giving (?:a )?dates?|"
                     r"(?:a )?date (?:still |yet )?to be (?:set|fixed|agreed|determined|announced))\b", re.I)
#: What a host says it is to welcome a guest.
PLEASURES = {"pleasure", "honor", "honour", "privilege", "delight", "joy"}
#: A leg of an itinerary dated by the one before ('and then President Putin in Moscow the next day').
NEXT_DAY = re.compile(r"(?:the )?(?:next|following) day", re.I)
VAGUE_PLAN = re.compile(r"\b(?:in the coming (?:days|weeks|months)|next month|"
                        r"within the (?:next )?(?:few |two |three |six )?(?:days|weeks|months)|"
                        r"later (?:this|in the) (?:year|month)|(?:in|this|next) (?:the )?(?:spring|summer|autumn|fall|winter)|"
                        r"at some point|at a later date)\b", re.I)


def _vaguer(event: dict, day) -> bool:
    """Dated by the dateline alone, by a date its sentence does not write, or to a week, month or year rather
    than a day."""
    if event["date_basis"] == "DATELINE" or not event.get("date_text"):
        return True
    r = dates.resolve(event["date_text"], day) if event.get("date_text") else None
    return r is not None and r.precision != "day"


def _aside(t: Token) -> bool:
    """A meeting held beside a larger one: 'bilateral talks', 'met separately', 'on the sidelines of'."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    if any(c.lower_ in ("bilateral", "separate") for c in t.children) or any(
            c.lower_ == "separately" for c in verb.children):
        return True
    return any(p.lower_ in ("sidelines", "margins", "fringes") for c in verb.children if c.dep_ == "prep"
               and c.lower_ == "on" for p in c.children)


def _broken_coordination(token: Token) -> list[Token]:
    """'Modi and Afghan President Ashraf Ghani' parsed with 'Modi' as a modifier of 'Ghani' that holds the
    'and': the first of two coordinated names (and 'Trump, El-Sisi, ... and Erdogan signed', 'Trump' tagged an
    adjective that heads the list)."""
    return [c for c in token.children if (c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" or c.dep_ == "amod"
                                          and c.is_title and any(k.dep_ == "conj" for k in c.children))
            and any(k.dep_ in ("cc", "conj") for k in c.children)]


def _relative_of_both(subj: Token, verb: Token) -> list[Token]:
    """'Mr Obama and Prime Minister Julia Gillard, who held talks in Canberra on Wednesday, announced': the
    relative clause hangs on the last of the pair but tells of both, when it names no one else they met."""
    if not (verb.dep_ == "relcl" and verb.tag_ == "VBD" and verb.head.i == subj.i and subj.dep_ == "conj" and any(
            c.tag_ == "WP" and c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if any(o.pos_ == "PROPN" for o in objects) or any(list(syntax.preps(w, ("with", "by"))) for w in [verb, *objects]):
        return []  # 'met Obama and Merkel, who met Xi on Tuesday': hers alone
    first = subj
    while first.dep_ == "conj":
        first = first.head
    return syntax.with_conjuncts(first)


def _visits_a_person(t: Token, g) -> bool:
    """'paid a visit to the former leader Fidel Castro', 'visited the Dalai Lama': a visit to someone the
    sentence names, whom no office holder stands in for when he holds none."""
    visited = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"] \
        if t.pos_ == "NOUN" else [c for c in t.children if c.dep_ == "dobj"]
    return any(w.ent_type_ == "PERSON" and not g.country_of(w.text) for o in visited for w in [o, *(
        c for c in o.children if c.dep_ in ("compound", "appos", "amod", "nmod"))])
    # (not 'a visit to Beirut, at which he was to have seen Gemayel'; nor 'a visit to Kyiv', tagged a person)


def _jointly(t: Token) -> bool:
    """'Modi and Ghani jointly inaugurated the dam': two people doing one thing together, in person."""
    subj = syntax.subject(t)
    return subj is not None and bool(subj.conjuncts or _broken_coordination(subj)) and (any(
        c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in t.children) or _agreed_there(t) or (
        t.lemma_.lower() == "witness" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("signing", "exchange")
                                              for c in t.children)))  # 'she and Museveni witnessed the signing'


def _agreed_there(t: Token) -> bool:
    """'Kishida and Marcos agreed in Manila on Nov. 3', 'At Camp David, they agreed': two people agreeing at a
    place agree face to face (not 'agreed in a phone call', not 'agreed in principle')."""
    return t.lemma_.lower() == "agree" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and any(o.ent_type_ in ("GPE", "FAC") for o in c.children)
        for c in t.children)


#: How many people 'the two leaders', 'both', 'the four leaders' speak of.
COUNTED = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _receiver(g, country: str, day, t: Token):
    """Who receives a visit to a country: its leader; a state visit, its head of state ('Macron begins first
    French state visit to Germany': the German president, not the chancellor)."""
    if t.lemma_.lower() == "visit" and any(c.lower_ == "state" for c in t.children):
        for role in g.head_of_state_roles:
            office = g.holder(country, role, day)
            if office is not None:
                return office
    return g.holder(country, "Leader", day)


#: Nouns of the people 'the two ...' and 'each ...' speak of.
PAIR_NOUNS = ("leader", "man", "president", "minister", "premier", "head")


def _the_two(t: Token) -> bool:
    """'the two leaders', 'both presidents', 'the four leaders', 'The leaders first met': people the story has
    just named."""
    if (t.lower_ == "pair" or t.lower_ in COUNTED) and t.dep_ in ("nsubj", "nsubjpass", "pobj") and any(
            c.lower_ == "the" for c in t.children):
        return True  # 'The pair met again on July 12', 'the two had met in Dubai', 'The four were met by Zelensky'
    if t.tag_ != "NNS" or t.lemma_.lower() not in PAIR_NOUNS:
        return False
    mods = [c for c in t.children if c.dep_ in ("nummod", "det", "predet", "amod", "compound")]
    return any(c.lower_ in COUNTED for c in mods) or [c.lower_ for c in mods] == ["the"]


def _how_many(t: Token) -> Optional[int]:
    if t.lower_ == "pair":
        return 2
    if t.lower_ in COUNTED:  # 'the four'
        return COUNTED[t.lower_]
    of = [o for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return next((COUNTED[c.lower_] for c in list(t.children) + [k for o in of for k in o.children]
                 if c.lower_ in COUNTED), None)  # 'the leaders of the two countries'


def _other_people(a: dict, b: dict) -> bool:
    """Two meetings of the same countries with different people of one of them (the king, the prime minister),
    each named or titled in the sentence ('with the Chinese President on Tuesday ... a day after he held the
    annual leaders' meeting with Premier Li Qiang'); not a visited country's leader the text only implies."""
    def people(e):
        out: dict = {}
        sentence = e["mentions"][0]["sentence"]
        for p in e["participants"]:
            if is_person(p) and (_named_in(p, sentence) or (IMPLIED in e and p["name"] not in e[IMPLIED])):
                out.setdefault(p.get("country"), set()).add(p["name"])
        return out
    pa, pb = people(a), people(b)
    return any(pa[c].isdisjoint(pb[c]) for c in pa.keys() & pb.keys())


#: The private mark (dropped before output) of the people a visit only implies: the visited country's leader.
IMPLIED = "_implied"


def _implied(event: dict) -> int:
    """How many of a meeting's people the text does not name but a visit implies."""
    return len(event.get(IMPLIED) or ())


def _named_in(person: dict, sentence: str) -> bool:
    """Whether the sentence writes the person's name: the surname, or for 'Moon Jae-in' and 'Kim Jong Un'
    the family name first; for 'Khalifa bin Zayed Al Nahyan' the given name, as the dynasty's is shared."""
    words = person["name"].split()
    given = len(words) > 1 and len(words[0]) > 2 and re.search(rf"\b{re.escape(words[0])}\b", sentence) is not None
    if any(w.lower() in ("bin", "bint", "ibn", "al") for w in words):
        return given
    return words[-1] in sentence or given


def _titled_name_after(s: Sentence, tok: Token, country: str) -> Optional[dict]:
    """'with Cook Islands Prime Minister Mark Brown', the name parsed away from its state: the person the title
    and name right after the state's name give, when they are that state's."""
    doc = tok.doc
    ent = next((e for e in doc.ents if e.label_ == "PERSON" and tok.i + 1 < e.start <= tok.i + 4), None)
    if ent is None or not s.g.title(doc[tok.i + 1:ent.start].text):
        return None
    actor = s.actor(ent.root)
    return actor if actor and is_person(actor) and actor.get("country") == country else None


def _first_pronoun_above(tok: Token) -> Optional[Token]:
    """'He flew in from Christchurch after a state visit, where he met Key, and before that spent three days in
    Australia, where he held talks with Abbott': a subject pronoun in a clause below another's goes back with
    it, not to the people named between them; the first clause above with a subject decides."""
    for a in tok.head.ancestors:
        subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj if subj.lower_ in ("he", "she") and subj.i < tok.i else None
    return None


#: Plural nouns of a country's people whom a leader may meet without meeting their state.
NOT_OFFICIALS = {"recruit", "soldier", "troop", "student", "worker", "refugee", "family", "fan", "veteran", "cadet",
                 "child", "resident", "pilot", "athlete", "player", "journalist", "survivor", "volunteer", "farmer",
                 "businessman", "entrepreneur", "investor", "expatriate", "emigre", "pupil", "sailor", "marine"}

#: Prepositions of the means of a talk ('by video link', 'over the phone', 'on the telephone').
CALL_MEANS = ("by", "via", "over", "through", "on")

#: How many days a state visit may run from the arrival to the talks it was for.
VISIT_DAYS = 4


def without_implied(events: list[dict]) -> list[dict]:
    """An article's events less the meetings a visit only implies ('Trump arrived in Seoul on Saturday
    evening': with Moon) when the article tells of that meeting itself within a day ('Earlier in the day,
    Moon and Trump held a summit') or in the days of the visit after the arrival ('Ruto arrived in the US on
    Monday'; 'Biden on Thursday received Ruto'): the implied one would add nothing but an arrival's date."""
    meetings = [e for e in events if e["event_type"] == "meeting"]
    names = lambda e: {p["name"] for p in e["participants"]}  # noqa: E731
    told = [e for e in meetings if not _implied(e) and e.get("date_text")
            and e["date_text"] in e["mentions"][0]["sentence"]]  # and dated by its own sentence
    drop = {id(e) for e in meetings if _implied(e) and any(
        names(o) == names(e) and o["status"] == e["status"] and -1 <= (o["date"] - e["date"]).days <= VISIT_DAYS
        for o in told)}
    for e in meetings:
        e.pop(IMPLIED, None)
    return [e for e in events if id(e) not in drop]


def without_tour_lists(events: list[dict]) -> list[dict]:
    """An article's meetings less the one that only lists a visitor's hosts ('Zelensky in Rome, meets
    Mattarella, Meloni and Pope Francis') when the article tells each of those talks on its own, each with
    its own host ('Mattarella received Zelensky'; 'he was received by Pope Francis'): a tour of separate
    meetings, not one meeting of all. A summit the article also tells in pairs keeps its one host for all."""
    meetings = [e for e in events if e["event_type"] == "meeting"]
    names = lambda e: frozenset(p["name"] for p in e["participants"])  # noqa: E731
    host = lambda e: (e.get("host") or {}).get("name")  # noqa: E731
    pairs = [e for e in meetings if len(e["participants"]) == 2 and host(e)]
    drop = set()
    for e in meetings:
        if len(e["participants"]) < 3 or e["status"] != "HELD":
            continue
        for visitor in names(e):
            hosts = {host(p) for p in pairs if visitor in names(p) and names(p) <= names(e) and host(p) != visitor}
            if len(hosts) >= 2 and hosts == names(e) - {visitor}:
                drop.add(id(e))
    return [e for e in events if id(e) not in drop]


#: Days a summit lasts, and the eve before it, for the talks on its sidelines.
SUMMIT_DAYS = 3


def with_summit_attendees(events: list[dict]) -> list[dict]:
    """A summit told by its host alone ('The summit, hosted by Mark Carney, opened Monday') or by its forum
    ('Meloni, hosting her first G7') is attended by the leaders the article has meeting on its sidelines in
    those days, in that country: they are its participants."""
    meetings = [e for e in events if e["event_type"] == "meeting" and e["status"] == "HELD"]
    out = []
    for e in events:
        if e["event_type"] != "meeting" or e["status"] != "HELD" or not (e.get(SIGNALS) or {}).get("gathering") or \
                sum(map(is_person, e["participants"])) > 1:
            out.append(e)
            continue
        have = {_actor_key(p) for p in e["participants"]}
        where = (e.get("location") or {}).get("country")
        for o in (o for o in meetings if o is not e):
            there = (o.get("location") or {}).get("country")
            if -1 <= (o["date"] - e["date"]).days <= SUMMIT_DAYS and not (where and there and where != there):
                for p in o["participants"]:
                    if is_person(p) and _actor_key(p) not in have:
                        e["participants"].append(p)
                        have.add(_actor_key(p))
        out.append(e)
    return out


def without_lone_forums(events: list[dict]) -> list[dict]:
    """'Zelensky will take part in the Munich Security Conference', 'Soreide said on her way into the meeting of
    NATO defence ministers', 'Mr Ban arrived for the Pacific Islands Forum leaders' meeting': one person and a
    forum, once the article has lent the summit no other attendee, is a presence, not a meeting of two sides. One
    who hosts or chairs it ('Sarkozy hosted an emergency summit at the Elysee') convenes the others, and one who
    met a body's members ('after meeting EU foreign ministers in Brussels') met them: meetings."""
    return [e for e in events if e["event_type"] != "meeting" or sum(map(is_person, e["participants"])) > 1
            or any(p.get("country") for p in e["participants"] if not is_person(p))
            or is_person(e.get("host")) or _met_as_verb(e)]


def without_told_captions(events: list[dict], captions: list[tuple[int, int]]) -> list[dict]:
    """'Prime Minister Imran Khan meets US President Donald Trump in the Oval Office. — Photo courtesy PTV': a
    caption with no day of its own repeats a meeting the story tells, with its day; it is kept only when the story
    does not tell that meeting."""
    def in_caption(e: dict) -> bool:
        start = e["mentions"][0]["char_start"]
        return any(a <= start < b for a, b in captions) and (e.get("date_basis") == "DATELINE" or not e.get("date_text"))

    def sides(e: dict) -> frozenset:
        return frozenset(_actor_key(p) for p in e["participants"])
    told = {sides(e) for e in events if e["event_type"] == "meeting" and not in_caption(e)}
    return [e for e in events if e["event_type"] != "meeting" or not in_caption(e) or sides(e) not in told]


def _met_as_verb(event: dict) -> bool:
    signals = event.get(SIGNALS) or {}
    return bool(signals.get("meet_verb")) and not signals.get("noun_trigger")


def _actor_key(a: dict) -> str:
    return a.get("country") or a.get("actor_code") or a["name"].lower()


class MeetingExtractor:
    def __init__(self, triggers: dict):
        self.kinds: dict[str, str] = {k: v for k, v in (triggers.get("meeting_verbs") or {}).items() if " " not in k}
        self.kinds.update({"travel": "VISIT", "return": "VISIT", "come": "VISIT", "land": "VISIT"})
        self.verbs = {k for k, v in self.kinds.items() if k not in ("travel", "return", "come", "go", "head", "fly", "land")}
        self.nouns = set(triggers.get("meeting_nouns", []))
        self.calls = set(triggers.get("call_words", []))
        self.venues = frozenset(triggers.get("venue_nouns", []))
        self.planned = set(triggers.get("planned_cues", []))
        self.cancel = set(triggers.get("cancel_cues", []))
        self.hypothetical = {w for w in triggers.get("hypothetical_cues", []) if " " not in w} - {"would", "if", "discuss", "discussing"}
        self.intent = set(triggers.get("meeting_intent_cues", []))
        self.wishes = set(triggers.get("meeting_wish_verbs", []))
        self.giving = {v for v in triggers.get("contribution_verbs", {}) if " " not in v}
        # called off is a status here; 'stop in Port Moresby' is a stopover, not a halt
        self.negation = set(triggers.get("negation_cues", [])) - self.cancel - {"stop", "stopped", "fail", "failed"}
        self.refusals = {w for w in triggers.get("negation_cues", []) if " " in w}  # 'rule out', 'turn down'
        # ('talks that failed to produce a deal' were held)
        self.not_meeting = set(triggers.get("not_meeting_context", []))
        self.gatherings = {w.lower() for w in triggers.get("multilateral_nouns", [])}

    def triggers(self, doc) -> Iterator[Token]:
        for t in doc:
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.verbs:
                if t.lemma_.lower() in WITH_ONLY and not any(c.lower_ == "with" for c in t.children) and not (
                        t.lemma_.lower() == "talk" and _a_pair_talked(t)):
                    continue  # 'the guardrails they talked about', 'celebrated the deal' are not meetings
                if t.lemma_.lower() == "welcome" and t.dep_ == "acl" and t.head.pos_ == "NOUN" and not _a_person(t.head):
                    continue  # 'extended the waiver, a decision welcomed by President Christodoulides'
                if t.lemma_.lower() in ("attend", "join") and not self._attends_meeting(t) and not (
                        t.lemma_.lower() == "join" and any(c.dep_ == "dobj" and _a_person(c) for c in t.children)) \
                        and not _joined_by(t):
                    continue  # 'a ceremony attended by the president', 'joined the army': no meeting attended
                if t.lemma_.lower() == "accompany" and t.dep_ == "relcl":
                    continue  # 'Energy Minister Khalid al-Falih, who accompanied the King, met ...': one delegation
                yield t
            elif t.pos_ == "VERB" and _jointly(t):
                yield t  # 'Modi and Ghani jointly inaugurated the dam'
            elif t.pos_ in ("NOUN", "PROPN") and (t.lemma_.lower() in self.nouns or t.lower_ in self.nouns):
                yield t
            elif t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and _hyphenated(t) in self.nouns and not (
                    t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "NOUN"):  # (not 'face-to-face talks', 'talks' is)
                yield t  # 'held a tete-a-tete with', tokenised in five
            elif _other_trigger(t) or _headline_host(t) or _due_somewhere(t):
                yield t

    def extract(self, s: Sentence) -> list[dict]:
        events: list[dict] = []
        seen: set[tuple] = set()
        found = [(t, e) for t in self.triggers(s.doc) for e in self._as_bilaterals(s, t, self._event(s, t))]
        aside = [id(e) for t, e in found if _aside(t)]
        for trigger, event in found:
            key = frozenset(_actor_key(p) for p in event["participants"])
            if any(_other_people(event, e) for e in events) or id(event) in aside:
                # 'talks with Sunak came a day after King Charles hosted a banquet for Yoon'; 'held bilateral
                # talks on the sidelines of the trilateral summit'
                events.append(event)
                continue
            same = next((e for e in events if frozenset(_actor_key(p) for p in e["participants"]) == key), None)
            if same is not None and (_vaguer(same, s.day) and not _vaguer(event, s.day) or
                                     _implied(same) > _implied(event)):
                # 'on a visit, also paid a call on X on Wednesday', 'a visit last year, meeting Obama on July 7':
                # the one dated to the day; 'arrived in Islamabad and held talks with Sartaj Aziz': the one
                # who received the visit named, not the leader a visit implies
                events[events.index(same)] = event
                continue
            if any(key <= k for k in seen):
                continue
            events = [e for e in events if id(e) in aside or not frozenset(_actor_key(p) for p in e["participants"]) < key]
            seen.add(key)
            events.append(event)
        named = [e for e in events if not _implied(e)]
        names = lambda e: {p["name"] for p in e["participants"] if p["name"] not in (e.get(IMPLIED) or ())}  # noqa: E731
        events = [e for e in events if not _implied(e) or not any(names(e) & names(o) for o in named)]
        # 'travelled to Brussels for talks with Von der Leyen ..., the first such visit': the visit was for the
        # talks the sentence names, not with the leader of the country it went to
        people = [p for p in events[-1]["participants"] if is_person(p)] if events else []
        if len(people) >= 2:
            s.ctx.met = people
        return events

    def _as_bilaterals(self, s: Sentence, t: Token, event: Optional[dict]) -> list[dict]:
        """'will hold bilateral meetings with Sisi, Tamim and King Hamad': one meeting with each of them."""
        if event is None:
            return []
        legs = self._legs(s, t, event)
        if legs:
            return legs
        if t.lemma_.lower() in HOSTING and any(c.dep_ == "agent" for c in t.children) and event["host"]:
            return [event] + self._second_hosts(s, t, event)
        clauses = {w.i for c in t.children if c.dep_ in ("relcl", "ccomp", "advcl", "conj") and c.pos_ in ("VERB", "AUX")
                   for w in c.subtree}
        if t.pos_ == "VERB" and any(w.lower_ in ("separately", "respectively") and w.i not in clauses for w in t.subtree):
            # ('met Netanyahu in Jerusalem and, separately, President Reuven Rivlin', the word hung on the second)
            subj = syntax.subject(t)  # 'On Tuesday, Kerry met separately with Wang Yi and Premier Li Qiang': two
            own = self._resolve(s, subj) if subj is not None else None  # meetings, though both are China's ('met
            # Macron and Tusk respectively', in Paris and Warsaw, too)
            met = [w for c in t.children if c.dep_ == "prep" and c.lower_ == "with" or c.dep_ in ("dobj", "dep")
                   for o in ([c] if c.dep_ in ("dobj", "dep") else [o for o in c.children if o.dep_ == "pobj"])
                   for w in syntax.with_conjuncts(o)]
            others = [a for a in map(lambda w: self._resolve(s, w), met) if a and a.get("actor_code") and is_person(a)]
            if own is not None and any(c.lower_ == "each" for w in met for c in w.children if c.dep_ == "det"):
                others = [p for p in s.ctx.met if p["name"] != own["name"]]  # 'Erdogan first met each leader
                # separately', after hosting Abiy Ahmed and Hassan Sheikh Mohamud: each of those just met
            if own is not None and is_person(own) and len(others) >= 2:
                return [{**event, "participants": [own, a], "host": None, "plover_mode": None,
                         "mentions": [dict(m) for m in event["mentions"]]} for a in others
                        if a["name"] != own["name"]]
        separate = t.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("bilateral", "separate") for c in t.children)
        verb = t.head if t.dep_ in ("dobj", "attr") else None
        subj = syntax.subject(verb) if separate and verb is not None and len(event["participants"]) > 2 else None
        keys = {_actor_key(p) for p in event["participants"]}
        mine = {_actor_key(a) for a in (self._resolve(s, w) for w in (
            syntax.with_conjuncts(subj) if subj is not None else [])) if a is not None} & keys
        if not mine or mine == keys:
            return [event]
        owns = [p for p in event["participants"] if _actor_key(p) in mine]
        each = any(c.dep_ == "nsubj" and c.lower_ in ("both", "each") for c in verb.children)
        return [{**event, "participants": [*group, p], "host": None, "plover_mode": None,
                 "mentions": [dict(m) for m in event["mentions"]]}
                for group in ([[o] for o in owns] if each else [owns])
                for p in event["participants"] if _actor_key(p) not in mine]
        # ('Macron and Scholz held separate meetings with Vucic and Kurti': the two together, with each; 'Ghani and
        # Sharif arrived ..., and both held bilateral talks with Berdimuhamedov': one meeting each)

    def _legs(self, s: Sentence, t: Token, event: dict) -> list[dict]:
        """An itinerary told with one verb: 'I met President Zelenskyy in Kyiv on June 29, and then President Putin
        in Moscow the next day'; 'On Saturday I will meet President Fernandez in Buenos Aires, on Sunday President
        Boric in Santiago and on Monday President Lula in Brasilia'. Each leg after the verb names one person and
        no verb of its own, and every leg its own day or place: one meeting a leg, with that day and place."""
        subj = syntax.subject(t) if t.pos_ in ("VERB", "AUX") else None
        own = self._resolve(s, subj) if subj is not None else None
        if own is None or not is_person(own) or _actor_key(own) not in {_actor_key(p) for p in event["participants"]}:
            return []
        sent, found = t.sent, {}
        for tok in (w for w in sent if w.i > t.i and w.pos_ == "PROPN"):
            path = list(itertools.takewhile(lambda a: a.i != t.i, tok.ancestors))
            if len(path) == len(list(tok.ancestors)) or any(a.pos_ in ("NOUN", "VERB", "AUX") for a in path):
                continue  # a leg hangs on the verb ('then President Putin in Moscow'), not on a thing ('a day
                # after his row with Donald Trump')
            actor = self._resolve(s, tok)
            if actor and is_person(actor) and _actor_key(actor) != _actor_key(own):
                found.setdefault(_actor_key(actor), (tok, actor))
        people = sorted(found.values(), key=lambda p: p[0].i)
        if len(people) < 2:
            return []
        cuts = []
        for (a, _), (b, _) in zip(people, people[1:]):
            marks = [w.i for w in sent[a.i - sent.start + 1:b.i - sent.start] if w.text in (",", ";") or w.lower_ == "and"]
            if not marks:
                return []  # 'met Scholz, Meloni' needs a mark between; 'Scholz and Meloni' with nothing else is one
            cuts.append(marks[0])
        bounds = list(zip([t.left_edge.i] + cuts, cuts + [sent.end]))  # (the first leg from its own clause: not
        # 'will leave for Jakarta on Wednesday ..., where he will join Prabowo ... and Austin on Thursday')
        if any(w.pos_ in ("VERB", "AUX") for a, b in bounds[1:] for w in t.doc[a:b]):
            return []  # '..., a day after Scholz hosted Meloni in Rome': another verb's meeting
        legs = []
        for (a, b), (tok, actor) in zip(bounds, people):
            days = [e for e in sent.ents if e.label_ == "DATE" and a <= e.start and e.end <= b]
            legs.append((tok, actor, days[0] if days else None, _leg_place(s, t.doc[a:b])))
        days = [d.text.lower() for _, _, d, _ in legs if d is not None]
        places = [p["name"] for _, _, _, p in legs if p is not None]
        if not any(len(told) == len(legs) and len(set(told)) == len(told) for told in (days, places)):
            return []  # every leg its own day, or every leg its own place ('hosted Mitsotakis on Wednesday and
            # Sisi for a summit in Nicosia' is one meeting)
        out, previous = [], None
        for tok, actor, day, place in legs:
            when = {k: event[k] for k in ("date", "date_text", "date_basis")}
            if day is not None:
                text = f"{t.doc[day.start - 1].text} {day.text}" if day.start and t.doc[day.start - 1].lower_ == "on" \
                    else day.text
                resolved = dates.resolve(text, s.day, event["status"] == "PLANNED")
                if NEXT_DAY.fullmatch(day.text) and previous is not None:
                    when = {"date": previous + dt.timedelta(days=1), "date_text": day.text, "date_basis": "RELATIVE"}
                elif resolved is not None:
                    when = {"date": resolved.date, "date_text": resolved.text, "date_basis": resolved.basis}
            previous = when["date"]
            location = place or (event["location"] if len(legs) == 1 else None)
            host = event["host"] if event["host"] and _actor_key(event["host"]) == _actor_key(own) else None
            out.append({**event, **when, "participants": [own, actor], "host": host, "location": location,
                        "mentions": [dict(m) for m in event["mentions"]]})
        return out

    def _second_hosts(self, s: Sentence, t: Token, event: dict) -> list[dict]:
        """'was received by Macron at the Elysee and by Tusk in Warsaw': a second host, a second meeting."""
        guest = [p for p in event["participants"] if _actor_key(p) != _actor_key(event["host"])]
        out = []
        for by in (w for w in t.subtree if w.lower_ == "by" and w.dep_ == "conj"):
            for o in (c for c in by.children if c.dep_ == "pobj"):
                host = s.actor(o)
                if len(guest) == 1 and is_person(host) and _actor_key(host) != _actor_key(guest[0]):
                    out.append({**event, "participants": [host, guest[0]], "host": host,
                                "location": find_place(s, o, set(), preps=("in", "at")),
                                "mentions": [dict(m) for m in event["mentions"]]})
        return out

    # -- one trigger ---------------------------------------------------------------------------------------
    def _event(self, s: Sentence, t: Token) -> Optional[dict]:
        called_off = _did_not_happen(t)
        if self._is_call(t) or self._is_hypothetical(t) or (self._is_negated(t) and not called_off):
            return None
        if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() in ("address", "brief"):
            return None  # 'will address a joint meeting of Congress': a speech to a gathering, no one met
        if t.tag_ == "NNS" and t.lemma_.lower() == "meeting" and t.head.pos_ not in ("VERB", "AUX") and not any(
                c.dep_ == "poss" for c in t.children) and len(
                [o for o in syntax.preps(t, ("with",))]) > 1:
            return None  # 'Zelensky in Rome: meetings with Mattarella, Meloni and Pope Francis': one each, told after
        if t.tag_ == "NNS" and t.lemma_.lower() in ("trip", "visit") and any(
                (c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1")) or
                (c.dep_ == "amod" and c.lower_ in ("several", "many", "numerous", "repeated")) for c in t.children):
            return None  # 'has made six trips to Washington', 'several visits': a tally, no one meeting
        if t.pos_ == "VERB" and any(c.lower_ in ("often", "frequently", "regularly") or c.lemma_.lower() == "time" and any(
                n.dep_ == "nummod" or n.lower_ in ("many", "several", "dozens") for n in c.children)
                for c in t.children if c.dep_ in ("advmod", "npadvmod")):
            return None  # 'have met more often than any other pair', 'have met 30 times': a tally
        if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "about":
            return None  # 'spoke by phone with Rubio about the U.S.-brokered talks': what was talked about
        if any(a.lemma_.lower() == "coincide" for a in [t, *t.ancestors][:4]):
            return None  # "Kishida's trip coincided with Xi's state visit to Russia": two trips, no meeting
        if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() == "cut" and any(
                c.lower_ == "short" for c in t.head.children):
            return None  # 'Abbas cut short a visit to Amman and returned to Ramallah': a trip broken off, no one met
        if t.lemma_.lower() == "welcome" and t.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in WELCOMED_THINGS for c in t.children):
            return None  # 'Putin had welcomed a Trump idea to organise ice hockey matches'
        tokens = self._participant_tokens(s, t)
        titled = [(tok, s.resolver.title_holder(tok)) for tok in tokens]
        inside = {i for tok, holder in titled if holder is not None for i in range(tok.i + 1, holder.start)}
        tokens = [tok for tok in tokens if tok.i not in inside]  # 'Envoy of the President of Kenya X': one person
        participants: list[dict] = []
        seen: set[str] = set()
        token_of: dict[str, Token] = {}
        unplaced: list[tuple[Token, dict]] = []
        companions: list[dict] = []  # a second official of a state already at the table
        implied: list[str] = []
        verb = t if t.pos_ in ("VERB", "AUX") else t.head if t.dep_ == "dobj" else None
        # the subject of the verb or of what it completes ('The two presidents had been due to meet')
        raised = {g.i for g in syntax.raised(verb)} if verb is not None else set()
        antecedent = [verb.head] if verb is not None and verb.dep_ == "relcl" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in verb.children) else []
        # ('The two leaders, who held talks in the palace before the ceremony, said')
        pair = [w for w in tokens + antecedent if _the_two(w) and (
            w.dep_ in ("nsubj", "nsubjpass") and w.head.i in raised or w.head.lower_ == "between" and w.head.head.i == t.i
            or w in antecedent)] if (
            self.kinds.get(t.lemma_.lower()) == "MEET"
            or t.lemma_.lower() in ("talk", "talks", "meeting", "summit", "sit", "spend")
        ) else []
        if t.pos_ == "VERB" and any(c.lower_ == "separately" for c in t.children):  # 'first met each leader
            pair += [w for w in tokens if w.dep_ == "dobj" and w.head.i == t.i and any(  # separately'
                c.dep_ == "det" and c.lower_ == "each" for c in w.children) and w.lemma_.lower() in PAIR_NOUNS]
        if t.lemma_.lower() in HOSTING | {"join"} and t.pos_ == "VERB":  # 'Erdogan hosted the two leaders in Ankara',
            pair += [w for w in tokens if _the_two(w) and w.dep_ == "dobj" and w.head.i == t.i and _how_many(w)]
            # ('joined the two leaders for a three-way meeting'; not 'will host the G7 leaders')
        words = {w.lower_ for w in t.sent} | {w.lemma_.lower() for w in t.sent}
        if words & self.not_meeting or _sports_phrase(t.sent.text.lower(), self.not_meeting):
            pair = []  # 'The two men met for the 48th time in their careers': players, not leaders
        for tok in pair:  # 'The two leaders had earlier held bilateral talks'; not 'both leaders welcomed progress'
            office = tok.lemma_.lower() if tok.lemma_.lower() in ("president", "minister", "premier") else None
            found = s.ctx.last_pair(s.offset + tok.idx, _how_many(tok), office, s.offset + tok.sent.start_char)
            host = self._resolve(s, syntax.subject(t)) if tok.dep_ == "dobj" and syntax.subject(t) is not None else None
            if host is not None and any(a["name"] == host["name"] for a in found):  # not the host who 'hosted
                found = s.ctx.last_pair(s.offset + tok.sent.start_char, _how_many(tok), office)  # the two' himself
            for actor in found:
                if _actor_key(actor) not in seen:
                    seen.add(_actor_key(actor))
                    token_of[_actor_key(actor)] = tok
                    participants.append(actor)
        listed = [(tok, actor) for tok in tokens for actor in self._each_of(s, tok)]
        for tok, given in [(tok, None) for tok in tokens] + listed:
            if given is None and tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.ent_type_ == "PERSON" \
                    and tok.head in tokens and (self._resolve(s, tok.head) or {}).get("actor_code"):
                continue  # 'Joao Lourenco, the African Union's mediator': the same person, described
            actor = given or self._resolve(s, tok)
            if actor is not None and not is_person(actor) and actor.get("country") and given is None:
                actor = _titled_name_after(s, tok, actor["country"]) or actor
            if actor is not None and actor.get("role") and not actor.get("country") and not actor.get("actor_code"):
                unplaced.append((tok, actor))  # 'talks with President Michel Suleiman' on a visit to Beirut
                continue
            if actor is None or not actor.get("actor_code"):
                continue  # a state, an organisation or an official in office; not a CEO or an ex-leader
            key = _actor_key(actor)
            if key in seen:
                i = next(i for i, p in enumerate(participants) if _actor_key(p) == key)
                if is_person(actor) and not is_person(participants[i]):  # 'of Nepal, H.E. Pushpa Kamal Dahal'
                    participants[i], token_of[key] = actor, tok
                elif is_person(actor) and given is None and actor.get("role") and tok.ent_type_ == "PERSON" \
                        and tok.text in actor["name"].split() and not s.g.title(actor["name"].split()[-1]) \
                        and actor["name"] not in {
                        p["name"] for p in participants + companions}:
                    companions.append(actor)  # 'met Prime Minister Benjamin Netanyahu and Defense Minister Yoav
                    # Gallant': both sit at the table, though the meeting is told by country
                continue
            seen.add(key)
            token_of[key] = tok
            participants.append(actor)
        exclude = {tok.i for tok in tokens}
        verb = t if t.pos_ in ("VERB", "AUX") else t.head if t.head.pos_ in ("VERB", "AUX") else None
        subj = syntax.subject(verb) if verb is not None else None
        if subj is not None and not (subj.i == t.i and verb.lemma_.lower() in self.cancel):  # 'the US commander in
            own = {w.i for w in verb.subtree} if _relative_of_both(subj, verb) else set()  # (a relative clause
            exclude.update(w.i for w in subj.subtree if w.i not in own)  # that tells of both is the meeting's own:
            # 'Obama and Gillard, who held talks in Canberra'); 'the US commander in Iraq held talks': a post, not the
            # meeting's place; in 'Blinken's trip to Beijing was postponed' Beijing is the trip's
        place = find_place(s, t, exclude, where_clause=self.kinds.get(t.lemma_.lower()) != "VISIT")
        # ('Warsaw, where the president arrived tonight': an arrival is no meeting with whoever governs there)
        if place is None and t.dep_ in ("xcomp", "advcl") and self.kinds.get(t.head.lemma_.lower()) == "VISIT":
            place = find_place(s, t.head, exclude)  # 'traveled to Washington on Tuesday to meet Obama'
        if place is None and t.dep_ == "pobj" and t.head.dep_ == "prep" and self._is_visit(t.head.head):
            place = find_place(s, t.head.head, exclude)  # 'a visit to Kyiv for talks with Zelenskiy'
        if place is None and t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in DEPARTING:
            place = find_place(s, t.head.head, exclude, preps=("for",))  # 'left for Tokyo for talks with Kishida'
        if place is None and verb is not None:  # 'held talks with Suleiman during a visit to Beirut'
            for w in verb.children:
                trip = next((o for o in w.children if o.dep_ == "pobj" and self._is_visit(o)), None) if w.dep_ == "prep" else None
                if trip is not None and trip.i != t.i:
                    place = find_place(s, trip, exclude)
                    break
        if place and place.get("country") and len(participants) == 1 and participants[0].get("country") != place["country"]:
            for tok, actor in unplaced[:1]:  # an unnamed country's official met at home: the host
                actor = {**actor, "country": place["country"], "actor_code": f"{place['country']}GOV"}
                token_of[_actor_key(actor)] = tok
                participants.append(actor)
        travellers = {w.i for w in syntax.with_conjuncts(subj)} if subj is not None else set()
        together = len(participants) > 1 and all(getattr(token_of.get(_actor_key(p)), "i", -1) in travellers
                                                 for p in participants)  # 'Meloni, Trudeau and De Croo arrived in Kyiv'
        received = t.lemma_.lower() in HOSTING and any(c.dep_ == "auxpass" for c in t.children) and not any(
            c.dep_ == "agent" for c in t.children)  # 'Zelensky was received at the White House': by its occupant
        if (len(participants) == 1 or together) and (self._is_visit(t) or received) and \
                all(map(is_person, participants)) and place \
                and place.get("country") and place["country"] not in {p.get("country") for p in participants} \
                and not self._visits_a_thing(s, t) and not _visits_a_person(t, s.g) \
                and not any(_received_by_a_counterpart(p) for p in participants):
            # 'Saddam Hussein arrived in Amman on a visit': a visit is a meeting with the country visited, and
            # the one who receives it is its leader on that day, where the gazetteer knows who that was
            office = _receiver(s.g, place["country"], s.day, t)
            participants.append(actor_from_office(office) if office else state_actor(s.g, place["country"], "GOV"))
            implied.append(participants[-1]["name"])
        if self._is_visit(t) and len(participants) == 2 and sum(map(is_person, participants)) == 1:
            # 'Macron to visit China': as 'a visit to China', the visit is received by China's leader
            i = next(k for k, p in enumerate(participants) if not is_person(p))
            state = participants[i]
            office = _receiver(s.g, state["country"], s.day, t) if state.get("country") and \
                state.get("actor_code") in (state["country"], state["country"] + "GOV") else None
            if office and office.country != participants[1 - i].get("country"):
                participants[i] = actor_from_office(office)
                implied.append(participants[i]["name"])
        if (t.lemma_.lower() in PEOPLE_ONLY or (t.lemma_.lower() not in self.verbs and _jointly(t))) and \
                len({p.get("country") for p in participants if is_person(p)}) < 2:
            return None  # 'Germany and Lithuania signed a roadmap': a signing is a meeting of the people who sign
        gathering = len(participants) == 1 and self._is_gathering(t) and not _told_in_passing(t)
        if gathering:  # 'Zelensky will attend the G7 summit': the forum is the other side
            forum = self._forum(s, t)
            if forum is not None and _actor_key(forum) not in seen:
                participants.append(forum)
        if len(participants) < 2 and not gathering:
            return None
        if not any(is_person(p) for p in participants):
            if t.lemma_.lower() not in STATE_MEETINGS or len({p.get("country") for p in participants} - {None}) < 2:
                return None  # 'Peru is due to host APEC', 'EU and Mercosur conclude trade talks': no two states
            if t.lemma_.lower() in HOSTING and any(tok.ent_type_ not in ("GPE", "ORG", "NORP") or tok.tag_ in ("NNS", "NNPS")
                                                   for tok in token_of.values()):
                return None  # 'Poland to host extra US troops', 'hosts 100,000 Ukrainians': forces and people
            words = {w.lower_ for w in t.sent} | {w.lemma_.lower() for w in t.sent}
            if words & self.not_meeting or _sports_phrase(t.sent.text.lower(), self.not_meeting):
                return None  # 'Ukraine meet Iceland in Wroclaw': national teams, not states
            subject = syntax.subject(t) if t.pos_ == "VERB" else None
            if t.tag_ == "VBP" and subject is not None and subject.tag_ == "NNP" and not any(
                    c.dep_ == "cc" for c in subject.children):
                return None  # 'Germany meet Hungary in Stuttgart': a country as a plural, its team
        status = "CANCELLED" if called_off or _plan_overtaken(t) else self._status(t)
        future = status in ("PLANNED", "CANCELLED")  # a meeting called off was still ahead
        when = find_date(s, t, future, called_off=status == "CANCELLED")
        if status == "HELD" and when["date_basis"] != "DATELINE" and when["date"] > s.day and self._no_past(t):
            status, future = "PLANNED", True
        if status == "PLANNED" and (NO_DATE.search(t.sent.text) or VAGUE_PLAN.search(t.sent.text) and _vaguer(when, s.day)):
            return None  # 'is due to visit Oman next month', 'a return visit in the spring, but no date has been set'
        if _ahead_of(t) and when["date"] < s.day:
            return None  # 'sat down with Nikkei Asia on Tuesday, ahead of a trip to China': a trip not yet dated
        if status == "HELD" and _looked_back_on(t) and _coarse(when, s.day):
            return None  # 'The pair last met face to face at the Pacific Islands Forum in Tonga last year', 'had
            # previously met in Samarkand last year': a past meeting recalled without its day
        if status == "HELD" and t.pos_ == "NOUN" and _of_a_past_year(t, s.day):
            return None  # 'echoing Winston Churchill's Christmas visit to Washington in 1941': a visit of long ago,
            # told by its year, not of the day the sentence speaks of
        for k, p in enumerate(participants):  # 'after Pelosi visited Taiwan in August 2022': received by the
            if p["name"] in implied and p.get("country") and when["date"] != s.day:  # leader of that day
                office = _receiver(s.g, p["country"], when["date"], t)
                if office is not None and office.name != p["name"]:
                    implied[implied.index(p["name"])] = office.name
                    participants[k] = actor_from_office(office)

        host = self._host(t, participants, token_of, place)
        mode = "multilateral" if len(participants) > 2 or gathering else ("visit" if host else None)
        if place and place.get("country") and all(p.get("country") != place["country"] for p in participants) \
                and len(participants) == 2 and not gathering:
            mode = "third-party"
        cameo = {"PLANNED": "036", "CANCELLED": "036"}.get(status) or (
            "043" if host and t.lemma_.lower() in HOSTING else "042" if host else "044" if mode == "third-party" else "040")
        return {
            "event_type": "meeting",
            "status": status,
            "participants": participants + companions,
            "host": host,
            "cameo_code": cameo,
            "plover_event": "CONSULT",
            "plover_mode": mode,
            "plover_context": "diplomatic",
            **when,
            "location": place,
            "confidence": None,
            "mentions": [mention(s, t.sent)],
            "related_event_ids": [],
            IMPLIED: implied,
            SIGNALS: self._signals(s, t, participants, when, place, token_of, gathering, host, status),
        }

    def _attends_meeting(self, t: Token) -> bool:
        """What is attended or joined is a meeting: 'attended the summit', 'joined the talks'."""
        attended = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        if t.dep_ == "acl":
            attended.append(t.head)
        attended += [o for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for o in c.children
                     if o.dep_ == "pobj"]
        return any(a.lemma_.lower() in self.nouns or a.lower_ in self.nouns or a.lemma_.lower() in self.gatherings
                   for a in attended)

    def _is_gathering(self, t: Token) -> bool:
        """A summit or conference someone attends, hosts or travels to: a meeting of states even when the
        sentence names one of them ('Obama is scheduled to attend a summit in Switzerland')."""
        if t.pos_ not in ("NOUN", "PROPN"):
            return False
        words = {t.lemma_.lower(), t.lower_} | {" ".join(w.lower_ for w in t.subtree if w.i <= t.i and w.dep_ != "det")}
        if not words & self.gatherings or any(c.lower_ in NOT_GATHERINGS for c in t.children):
            return False
        head = t.head
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ATTENDING | SUMMIT_OPENING for c in t.children):
            return True  # 'The summit, chaired by Mr. Modi, began', 'the summit, which Putin opened on Tuesday'
        if t.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in SUMMIT_OPENING and any(
                c.dep_ in ("agent", "prep") or c.lemma_.lower() in ATTENDING for c in t.subtree):
            return True  # 'The summit, hosted by Mark Carney at a resort in the Rockies, opened Monday'
        if t.dep_ == "dobj":
            return head.lemma_.lower() in ATTENDING | SUMMIT_OPENING
        if t.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            if head.lower_ in ("to", "for"):
                return self._is_visit(verb) or verb.lemma_.lower() in ("leave", "depart", "set")
            return head.lower_ in ("in", "at") and verb.lemma_.lower() in ("participate", "take", "speak", "arrive", "be")
        return False

    def _forum(self, s: Sentence, t: Token) -> Optional[dict]:
        """The organisation whose summit it is ('the NATO summit', "ASEAN's summit")."""
        for c in t.children:
            if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i < t.i:
                actor = s.actor(c)
                if actor and not is_person(actor) and actor.get("actor_code") and not actor.get("country"):
                    return actor
        return None

    def _visits_a_thing(self, s: Sentence, t: Token) -> bool:
        """'after visiting U.S. troops at Osan Air Base', 'visited a car plant': a visit to people or a site
        that is no state, and so no meeting with the state's leader."""
        objects = [c for c in t.children if c.dep_ == "dobj"] if t.pos_ in ("VERB", "AUX") else []

        def named(o: Token) -> str:
            return next((e.text for e in o.sent.ents if e.start <= o.i < e.end), o.text)  # 'Port-au-Prince'
        return any(o.ent_type_ not in ("GPE", "LOC") and not s.g.country_of(named(o)) for o in objects)

    def _with_at_venue(self, t: Token) -> list[Token]:
        """'had talks at the Elysee Palace with President Chirac', 'met in the Jordanian capital with Mikati': the
        parser hangs the 'with' on the place."""
        return [w for where in syntax.preps(t, ("at", "in"))
                if where.ent_type_ in ("FAC", "GPE", "LOC", "ORG") or where.lemma_.lower() in self.venues
                for w in syntax.preps(where, ("with",)) if _a_person(w)]

    def _is_visit(self, t: Token) -> bool:
        lemma = t.lemma_.lower()
        return self.kinds.get(lemma) == "VISIT" or lemma in ("visit", "trip", "tour", "state visit") or _due_somewhere(t)

    def _each_of(self, s: Sentence, tok: Token) -> list[dict]:
        """'received the presidents of Mali, Niger and Chad', 'met the foreign ministers of Egypt and Jordan': a
        plural title over a list of states is each state's holder of that office (the first alone is what the
        title's own reading gives)."""
        if tok.tag_ != "NNS":
            return []
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
        title = (s.g.title(" ".join([w.text for w in mods] + [tok.lemma_])) if mods else None) or s.g.title(tok.lemma_)
        if not title or not title.get("role") or title["role"] == "Leader":
            return []  # 'the leaders of Japan, China and South Korea': China's may be its premier
        states = [w for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj" for w in syntax.with_conjuncts(o)]
        out = []
        for w in states[1:]:
            hit = s.g.country_of(w.text) or s.g.country_of(" ".join(x.text for x in w.subtree if x.dep_ != "cc"
                                                                    and x.dep_ != "punct" and x.i <= w.i))
            if not hit or hit[1] != "name":
                return []  # 'the presidents of Mali and of the AU Commission': not a plain list of states
            office = s.g.holder(hit[0], title["role"], s.day)
            out.append(actor_from_office(office) if office else None)
        return [a for a in out if a]

    def _resolve(self, s: Sentence, tok: Token) -> Optional[dict]:
        if tok.tag_ == "WP" and tok.lower_ in ("who", "whom") and tok.head.dep_ == "relcl":
            tok = tok.head.head  # 'Jake Sullivan, whom Xi received in Beijing': Sullivan
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if any(w is not None and w.lower_.endswith("s") and w.lemma_.lower() in NOT_OFFICIALS for w in (tok, after)):
            return None  # 'The King meets Ukrainian recruits': people of a country, not its state
        found = self._resolve_any(s, tok)
        if found and tok.lower_ in ("he", "she") and tok.dep_ == "nsubj":  # 'He sat down with Trump': not Trump,
            others = [o for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("with", "beside")  # whom
                      for o in c.children if o.dep_ == "pobj"] + [c for c in tok.head.children if c.dep_ == "dobj"]
            if any((s.actor(o) or {}).get("name") == found.get("name") for o in others if o.pos_ == "PROPN"):
                before = s.ctx.antecedent(s.offset + tok.sent.start_char - 1)  # he met; the one before
                return before if before and before.get("name") != found.get("name") else None
        return found

    def _resolve_any(self, s: Sentence, tok: Token) -> Optional[dict]:
        if tok.lower_ in ("i", "me") and tok.pos_ == "PRON":  # 'Pistorius: I met my counterpart', in an interview
            return s.ctx.speaker(s.offset + tok.idx)
        if tok.lower_ == "it" and any(c.dep_ == "attr" and c.lemma_.lower() in PLEASURES for c in tok.head.children):
            return s.ctx.speaker(s.offset + tok.idx)  # 'It is a great pleasure to welcome President Obama to
            # Canberra': the one who speaks welcomes
        if tok.lower_ in ("he", "she", "him", "her", "his"):
            # 'The crown prince travelled to Paris, where he met ...': the subject of the clause above first
            # ('The prime minister will leave for Tehran today, where he is to call on ..., the PM Office said')
            own = {g.i for g in syntax.raised(tok.head)}  # ('where the King is to receive him': not the King)
            above = [a for a in tok.head.ancestors if a.pos_ in ("VERB", "AUX") and a.i not in own] or [tok.sent.root]
            root = next((a for a in above if any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                                                 for c in a.children)), tok.sent.root)
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            mine = syntax.subject(tok.head) if tok.lower_ in ("him", "her") and tok.head.pos_ in ("VERB", "AUX") else None
            told_after = subj is not None and subj.i > tok.i and root.lemma_.lower() in syntax.REPORTING \
                and subj.pos_ == "PROPN"  # ('After China, he is expected to travel to Kyrgyzstan, Peskov said': the
            # one spoken of, not the speaker; but '..., Prime Minister Shehbaz Sharif's office said' speaks for him)
            if subj is not None and subj.i != tok.i and subj.pos_ != "PRON" and tok.head.i != root.i and not (
                    mine is not None and mine.lower_ in ("he", "she")) and subj.tag_ not in ("NNS", "NNPS") \
                    and not told_after:
                # ('when he hosted him': he is the one above; 'Turkish officials say Erdogan will receive him': no
                # one of the officials)
                actor = s.actor(subj)
                if actor and actor.get("role"):
                    return actor
            first = _first_pronoun_above(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
            found = s.ctx.antecedent(s.offset + (first or tok).idx)
            if found and tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "pobj"):
                verb = tok.head if tok.dep_ == "dobj" else tok.head.head
                subj = syntax.subject(verb) if verb.pos_ in ("VERB", "AUX") else None
                own = (self._resolve_any(s, subj) if subj.lower_ in ("he", "she") else s.actor(subj)) \
                    if subj is not None and subj.lower_ not in ("him", "her", "his") else None
                abroad = own.get("country") if own and is_person(own) and verb.lemma_.lower() in HOSTING else None
                if own and own.get("name") == found.get("name"):
                    # 'On Thursday, President Mohamed bin Zayed received him': not himself, but the one the
                    # sentences before were about ('explained the plan to Rouhani when he hosted him'); a guest
                    # from abroad ('Vice President Kamala Harris hosted him' after 'Biden welcomed him')
                    return s.ctx.other_person(s.offset + tok.idx, s.offset + tok.sent.start_char, own["name"], abroad)
                if abroad and is_person(found) and found.get("country") == abroad:
                    return s.ctx.other_person(s.offset + tok.idx, s.offset + tok.sent.start_char, own["name"],
                                              abroad) or found
            if found and tok.dep_ in ("nsubj", "nsubjpass"):
                possessive = {"he": "his", "she": "her"}.get(tok.lower_)
                if any(w.lower_ == possessive and w.dep_ == "poss" and w.head.dep_ in ("nsubj", "nsubjpass") and w.i < tok.i
                       for w in tok.sent):  # 'Her trip included the inauguration of Paraguay's president, Mario Abdo
                    return s.ctx.antecedent(s.offset + tok.sent.start_char) or found  # Benitez, ..., and a stop in
                    # Belize, where she held talks': hers, as the trip is
                named = [c for c in tok.sent if c.i < tok.i and c.pos_ == "PROPN" and (s.actor(c) or {}).get("name") == found["name"]]
                if named and all(c.dep_ in ("dobj", "pobj", "dative", "attr") for c in named):
                    # 'he met President Zelenskyy this morning, and he travels to Moscow': a subject pronoun
                    # goes back past the people its own sentence has met to the one the story is about
                    return s.ctx.antecedent(s.offset + tok.sent.start_char) or found
            return found
        return s.actor(tok)

    def _participant_tokens(self, s: Sentence, t: Token) -> list[Token]:
        out: list[Token] = []
        lemma = t.lemma_.lower()
        if _headline_host(t):
            return _headline_sides(t)
        if t.pos_ in ("VERB", "AUX"):
            subj = _they_of(syntax.subject(t), t) or _stray_subject(t) or syntax.agent(t) or _fronted_people(t) \
                or _verb_read_as_noun(t)
            if subj is None and t.dep_ == "acl" and t.head.pos_ == "PROPN" and t.head.i < t.i and t.tag_ in ("VBD", "VBZ"):
                subj = t.head  # 'Dahal, who arrived on Wednesday, called on President Murmu', 'called' parsed as
                # a modifier of 'Dahal'
            if subj is None and t.dep_ == "pcomp" and t.head.dep_ == "prep":  # 'received Trump on Monday, a day
                above = next((a for a in t.head.ancestors if a.pos_ in ("VERB", "AUX")), None)  # after hosting Kim
                subj = syntax.subject(above) if above is not None else None  # there': who received hosted
                if subj is None:  # 'Umerov said after meeting his Swedish counterpart', the speaker parsed away: 'his'
                    subj = next((c for o in t.children if o.dep_ == "dobj" for c in o.children
                                 if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            by = syntax.agent(t)
            if by is not None and by is not subj:  # 'was greeted on the steps of Number 10 by Sir Keir Starmer'
                out += syntax.with_conjuncts(by)
            if subj is not None:
                out += syntax.with_conjuncts(subj) + _people_inside(subj) + _broken_coordination(subj)
                out += _relative_of_both(subj, t) + _they_told_to(subj, t)
                # headlines join subjects with a comma: 'Putin, Kim hold first summit'
                out += [w for c in t.children if c.dep_ == "nsubj" and c.i != subj.i and (
                    c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and c.i == subj.i + 1) or (c.pos_ == "PROPN" and any(
                        w.dep_ in ("nmod", "compound") for w in c.children) and (s.actor(c) or {}).get("role")))
                        for w in syntax.with_conjuncts(c)]  # 'PM Modi met', parsed apart; 'Biden, Albanese and Sunak
                # met', a second subject; '... and U.S. Secretary of Defense Lloyd Austin signed', a name tagged ORG
            if t.dep_ == "amod" and t.head.i > t.i and t.tag_ in ("VBD", "VBN") and any(
                    c.dep_ == "nsubj" for c in t.children):  # 'Erdogan hosted GNA head Fayez al-Sarraj', 'hosted'
                out += [t.head] + [c for c in t.head.children if c.dep_ == "appos"]  # parsed as the head's modifier
            for c in t.children:
                if c.dep_ in ("dobj", "dative", "attr") or (c.dep_ == "nsubjpass"):
                    out += syntax.with_conjuncts(c)
                    if c.dep_ == "dobj" and any(w.dep_ == "cc" for w in c.subtree):  # 'met Israeli Prime Minister
                        out += [p for p in _people_inside(c) if p.dep_ in ("appos", "conj")]  # Benjamin Netanyahu
                        # and Defense Minister Yoav Gallant', the first name hung inside the second's titles
                elif c.dep_ == "npadvmod" and c.ent_type_ == "PERSON":
                    out.append(c)  # headlines parse badly: 'Erdogan hosts Zelensky in Istanbul'
                elif c.dep_ == "dep" and c.ent_type_ == "PERSON" and c.i > t.i and any(
                        w.dep_ == "cc" and t.i < w.i < c.i for w in t.children):
                    out.append(c)  # 'met Netanyahu in Jerusalem and, separately, President Reuven Rivlin'
                elif c.dep_ == "npadvmod" and lemma in HOSTING and c.pos_ == "PROPN" and s.g.title(c.text) and not any(
                        d.dep_ == "dobj" for d in t.children):  # 'received at Al-Salam Palace in Jeddah today
                    out.append(c)  # President of Ukraine Volodymyr Zelenskyy', the guest parsed as a time
            out += list(syntax.preps(t, ("with", "between", "by", "to", "among"))) + self._with_at_venue(t)
            if lemma in ("sit", "stand"):  # 'sat beside Trump', 'stood alongside Biden', 'sat across the table from Putin'
                out += list(syntax.preps(t, ("beside", "alongside", "from")))
            if t.dep_ == "xcomp" and t.head.lemma_.lower() in PLANNING:  # 'is expected to convene a summit ...,
                out += list(syntax.preps(t.head, ("with",)))  # with Tshisekedi and Kagame expected to attend'
                out += [w for c in t.head.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                        if p.dep_ == "pcomp" for s_ in p.children if s_.dep_ == "nsubj" for w in syntax.with_conjuncts(s_)]
            if lemma == "call":
                out += list(syntax.preps(t, ("on", "upon")))
            if lemma in PEOPLE_ONLY:  # 'signed a 10-year security agreement with President Zelensky'
                out += [w for c in t.children if c.dep_ == "dobj" for w in syntax.preps(c, ("with",))]
            out += [w for c in t.children if c.dep_ == "dobj" and _courtesy_call(c)  # 'received a courtesy call
                    for w in syntax.preps(c, ("from",))]  # from Secretary of State Marco Rubio'
            out += _invited_by(t)
            if lemma == "discuss":
                out += list(_discussed_with(t))
            if lemma in HOSTING and not any(c.dep_ == "dobj" for c in t.children):  # 'received today at Al-Salam
                out += [e.root for e in t.doc.ents if e.label_ == "PERSON" and e.root.dep_ == "ROOT"  # Palace in
                        and e.root.i > t.i and e.root.head.i == e.root.i]  # Jeddah His Excellency President
                # Volodymyr Zelenskyy', the guest parsed as a sentence of its own
            if lemma in HOSTING:  # 'hosted a dinner for the visiting Indian prime minister'
                guests = [g for c in t.children if c.dep_ == "dobj" for g in syntax.preps(c, ("for",))]
                guests += list(syntax.preps(t, ("for",)))
                out += guests + [p for g in guests for p in _people_inside(g)]  # 'for Yoon/nmod and first lady Kim'
                out += [w for g in guests for w in g.subtree if w.pos_ == "PROPN" and w.dep_ == "nmod"
                        and w.ent_type_ != "PERSON"]  # the same, with 'Yoon' tagged as a place
        else:
            if t.dep_ == "compound" and t.head.lemma_.lower() in CARRIERS:
                t = t.head  # 'launched a mediation effort between X and Y': the effort carries the structure
            # 'a warm welcome to X'; but 'a visit to Australia' names the place, and its leader is the host
            out += list(syntax.preps(t, ("with", "between", "among", "of") + (() if self._is_visit(t) else ("to",))))
            for body in syntax.preps(t, ("of",)):  # 'meetings of the joint commission with India'
                out += list(syntax.preps(body, ("with",)))
            for role in (w for w in syntax.preps(t, ("as",)) if s.g.title(w.text)):  # 'his first meeting as
                out += list(syntax.preps(role, ("with",)))  # president with Erdogan', 'with' hung on the office
            out += self._with_at_venue(t)
            if _courtesy_call(t):
                out += list(syntax.preps(t, ("on",))) + list(syntax.preps(t.head, ("on",)))
            out += [a for a in (_host_by(t),) if a is not None]  # 'a summit ..., hosted by President Aliyev'
            out += [w for v in t.children if v.dep_ == "amod" and v.pos_ == "VERB" and v.i < t.i
                    for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for w in syntax.with_conjuncts(c)]
            # ('Earlier, Trump held talks with Netanyahu', 'held' parsed as a modifier of 'talks')
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in DRAWING and t.lemma_.lower() in self.gatherings:
                out += [w for c in t.head.children if c.dep_ == "dobj" for w in syntax.with_conjuncts(c)]
            out += _invited_by(t)
            for c in t.children:
                # 'Putin's visit', 'Biden-Xi talks'; not 'Syria summit' or 'NATO summit' (topics and forums)
                if c.dep_ in ("poss", "nmod") or (c.dep_ == "compound" and c.ent_type_ == "PERSON"):
                    if c.lower_ in ("his", "her"):
                        # 'A day after his meeting with Trump': he is a participant; but in 'Assad made
                        # his first trip abroad' he is the subject already
                        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
                        subj = syntax.subject(verb) if verb is not None else None
                        if subj is None or t.left_edge.i <= subj.i <= t.right_edge.i:
                            out.append(c)
                    elif c.lower_ not in ("their", "our", "its"):
                        out += syntax.with_conjuncts(c)
            head = t.head
            passive = head.head if head.dep_ == "auxpass" else head  # ('was co-chaired' can parse as 'was' + 'chaired')
            if t.dep_ in ("nsubjpass", "nsubj") and passive.tag_ == "VBN":  # 'The meeting was co-chaired by Healey
                for v in [passive] + list(passive.conjuncts):  # and Pistorius and attended by Umerov'
                    by = syntax.agent(v)
                    out += syntax.with_conjuncts(by) if by is not None else []
            if t.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and head.pos_ in ("VERB", "AUX") and \
                    head.lemma_.lower() not in ("follow", "precede", "overshadow", "dominate") and not any(
                    c.dep_ == "prep" and c.lower_ == "by" and c.i > t.i for c in [*t.children, *head.children]):
                # (not "Kwasniewski's decision followed Sunday's summit": what came after it, not who was there;
                # nor 'Netanyahu called off a visit to Washington by two of his aides': theirs, not his)
                subj = _they_of(syntax.subject(head), head)
                if subj is not None and subj.i != t.i:
                    out += syntax.with_conjuncts(subj) + _people_inside(subj) + _broken_coordination(subj)
                    out += _relative_of_both(subj, head)
                    out += [c for c in head.children if c.dep_ == "nsubj" and c.i not in (subj.i, t.i)
                            and c.ent_type_ == "PERSON"]  # 'Putin, Kim hold first summit'
                out += list(syntax.preps(head, ("with", "between") + (("to",) if t.lemma_.lower() in HANDED else ())))
                out += [c for c in head.children if c.dep_ == "npadvmod" and c.ent_type_ == "PERSON" and c.i > t.i]
                # ('held talks with National Transitional Council (NTC) chairman Mustafa Abdul Jalil', the name
                # parsed apart from its title)
                if t.lemma_.lower() in HANDED:  # 'gave a warm welcome on Thursday to Xi': the parser's dative
                    out += [w for c in head.children if c.dep_ == "dative" and c.lower_ == "to"
                            for o in c.children if o.dep_ == "pobj" for w in syntax.with_conjuncts(o)]
                    out += [w for c in head.children if c.dep_ == "dative" and c.pos_ == "PROPN"
                            for w in syntax.with_conjuncts(c)]  # 'gave Zelensky a bear hug'
                    out += [w for c in [*t.children, *head.children] if c.dep_ == "agent" and t.dep_ == "dobj"
                            for o in c.children if o.dep_ == "pobj" for w in syntax.with_conjuncts(o)]
                    # ('Xi was given a red-carpet welcome by President Vo Van Thuong')
            elif t.dep_ == "pobj" and head.lower_ == "including" and head.dep_ == "prep":
                # 'passed through Poland on his way, including a brief meeting with Duda': one of the things
                # the subject did
                verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX") and a.i != head.i), None)
                subj = syntax.subject(verb) if verb is not None else None
                out += syntax.with_conjuncts(subj) if subj is not None else []
            elif t.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj" and \
                    head.head.head.lemma_.lower() in ("hold", "have", "conduct"):
                subj = syntax.subject(head.head.head)  # 'held more than five hours of talks with Qin Gang'
                out += syntax.with_conjuncts(subj) if subj is not None else []
            elif t.dep_ == "pobj" and not (head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX")) \
                    and (not out or (head.dep_ == "prep" and (self._is_visit(head.head) or (  # ('and then on to
                        head.head.pos_ == "ADV" and head.head.dep_ == "conj")))) \
                    and head.lower_ not in TEMPORAL:  # Berlin for talks with Scholz', the travelling gapped)
                # 'agreed ... after six hours of talks', 'offered, during a visit to Kyiv for talks with
                # Zelenskiy, to ...': the subject of the verb the noun phrase hangs on
                verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), t.sent.root)
                subj = syntax.subject(verb) if verb is not None else None  # 'Blinken lands in Beijing for talks'
                if subj is not None:
                    out += syntax.with_conjuncts(subj)
            if t.dep_ == "pobj" and head.lower_ in ("during", "at", "in", "after") and head.head.pos_ not in ("VERB", "AUX") \
                    and any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children):
                # 'paved the way for the summit during talks with Lavrov': the one who paved had the talks ('met
                # Blinken on Wednesday, a day after separate talks with Lloyd Austin': the one who met Blinken)
                verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                subj = syntax.subject(verb) if verb is not None else None
                out += syntax.with_conjuncts(subj) if subj is not None else []
            if t.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in TEMPORAL:
                verb = head.head
                if verb.dep_ == "advmod" and verb.pos_ in ("ADJ", "ADV"):  # 'went to Tunis alone for talks with
                    verb = verb.head  # Saied', the phrase hung on 'alone'
                if verb.pos_ in ("VERB", "AUX"):
                    subj = syntax.subject(verb)
                    if subj is not None:
                        out += syntax.with_conjuncts(subj)
                    by = syntax.agent(verb) if verb.tag_ == "VBN" else None
                    out += syntax.with_conjuncts(by) if by is not None and t.lemma_.lower() in syntax.DOINGS else []
                    # ('The decision was announced by Rajnath Singh during talks with Gen. Giang': who announced)
                    gave = verb.lemma_.lower() in self.giving and not any(
                        c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in verb.children)
                    if any(c.lower_ in ("their", "the") for c in t.children) and not gave:
                        # (not 'At the Nato summit, Cameron committed 500 troops to Estonia': what he gave, to whom)
                        out += [c for c in verb.children if c.dep_ in ("dobj",)]
                        out += list(syntax.preps(verb, ("to", "with")))
                    elif verb.lemma_.lower() in TALKING | {"agree", "sign", "speak"}:
                        out += list(_discussed_with(verb))  # 'discussed the crisis with Obama at a meeting'
        expanded: list[Token] = []
        for tok in out:
            expanded.append(tok)
            for c in tok.children:  # 'with President Sisi, the Emir of Qatar ... and Bahrain's King Hamad' parsed
                if c.dep_ == "poss" and any(w.dep_ == "cc" for w in c.subtree):  # as one possessive list
                    expanded += [c] + _people_inside(c)
            if tok.dep_ == "pobj" and tok.head.lower_ in ("with", "between") and any(w.dep_ == "cc" for w in tok.subtree):
                expanded += [p for p in _people_inside(tok) if p.dep_ in ("appos", "conj")]  # 'talks with Estonian
                # Prime Minister Juri Ratas and Defence Minister Margus Tsahkna', the first name hung in the titles
            if tok.lemma_.lower() in GROUPS:
                expanded += list(syntax.preps(tok, ("of", "from")))
                expanded += [w for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head")
                             for by in [syntax.agent(c)] if by is not None for w in syntax.with_conjuncts(by)]
                # ('A high-level ECOWAS delegation led by Liberian President Ellen Johnson Sirleaf held talks')
            elif tok.lower_ == "party" or tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "GPE", "NORP"):
                # 'met Communist Party of Vietnam General Secretary Nguyen Phu Trong', 'received by the Custodian of
                # the Two Holy Mosques King Salman': the person the title's 'of' phrase ends in
                expanded += [p for p in syntax.preps(tok, ("of",)) if p.ent_type_ == "PERSON"]
            nationalities = [c for c in tok.children if c.dep_ in ("amod", "nmod", "compound") and c.i < tok.i]
            for c in nationalities:  # 'U.S. and Russian negotiators': one side per nationality
                expanded += [k for k in c.conjuncts if k.i > c.i and k.i < tok.i]
            if tok.tag_ == "NNS" and tok.lemma_.lower() in GROUPS:  # 'Turkish, Russian, Ukrainian foreign ministers'
                expanded += [c for c in nationalities[1:] if c.ent_type_ in ("NORP", "GPE")]
        # 'hosted Group of Eight foreign ministers including Russia's Igor Ivanov and Madeleine Albright'
        expanded += [w for tok in list(expanded) if tok.lemma_.lower() in GROUPS
                     for w in syntax.preps(tok, ("including",))]
        return expanded

    def _status(self, t: Token) -> str:
        chain = [t]
        for g in syntax.governors(t, 3):  # up to the clause a 'when' or 'as' clause hangs on, not beyond:
            if chain[-1].dep_ in ("advcl", "parataxis", "relcl"):  # 'visits suspended for a decade, as they held
                break  # summit talks'; 'meets Netanyahu, says ...; Jordan calls off planned summit'; 'Renzi, who saw
                # Hollande on Thursday, ruled out air strikes'
            chain.append(g)
        own = [c for c in t.children if c.dep_ not in ("advcl", "relcl", "ccomp", "conj", "parataxis")]
        for tok in chain + own:  # not 'Biden meets Netanyahu after Amman summit is called off'
            prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
            dropped_by = tok.lemma_.lower() == "drop" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in (
                "by", "in")  # 'Biden dropped by 10 Downing Street for a chat with Sunak': a call paid
            if (tok.lemma_.lower() in self.cancel and not dropped_by) or (
                    prt and f"{tok.lemma_.lower()} {prt}" in self.cancel):
                return "CANCELLED"  # 'cancelled', 'called off'
        verb = t if t.pos_ in ("VERB", "AUX") else next(  # 'is due in Berlin on Sunday for talks': the clause of
            (a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), t.head)  # the verb the noun hangs on
        clause = syntax.clause_tokens(t if verb is t else t.head if t.head.pos_ in ("VERB", "AUX") else verb)
        words = {c.lower_ for c in clause} | {c.lemma_.lower() for c in clause}
        told = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "during" else None
        if told is not None and told.tag_ == "VBD" and not (words & self.planned):
            return "HELD"  # 'offered on Monday to mediate during his first meeting with Imran Khan': the offer was
            # made at a meeting held
        if words & self.planned or any(c.lower_ in ("will", "'ll", "shall", "would") for c in clause) or _was_to(t) \
                or _headline_to(t) \
                or any(g.lemma_.lower() in syntax.READINESS | PLANNING for g in syntax.own_governors(t, 2)
                       if chain[-1].dep_ != "advcl" or g.i in {c.i for c in chain}):
            return "PLANNED"  # hypothetical 'would' was rejected before; what is left is reported future (not 'offered
            # ... when the pair met at the Elysee')
        if t.pos_ == "NOUN" and any(c.lower_ in ("upcoming", "planned", "forthcoming", "next", "proposed") for c in t.children):
            return "PLANNED"
        if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "for" and verb is not t and verb.tag_ == "VBG" \
                and verb.lemma_.lower() in TRAVEL | {"head"} and any(
                c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
            return "PLANNED"  # 'is flying to Geneva for talks with Putin on Wednesday': on the way, not yet met
        if _ahead_of(t):
            return "PLANNED"
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in ("agree", "decide", "arrange") and \
                t.lemma_.lower() in self.kinds:
            return "PLANNED"  # 'the two leaders had agreed to meet at a later date': a meeting still ahead (but in
            # 'Cameron and Noda agreed on Tuesday to jointly develop defence equipment' the agreeing met)
        if verb is not t and any(c.dep_ == "acomp" and c.lemma_.lower() in PLANNING for c in verb.children):
            return "PLANNED"  # 'Zelensky is due in Berlin on Sunday for talks with Scholz'
        return "HELD"

    def _no_past(self, t: Token) -> bool:
        verb = t if t.pos_ in ("VERB", "AUX") else t.head
        return not any(c.tag_ in ("VBD", "VBN") for c in syntax.clause_tokens(verb))

    def _is_call(self, t: Token) -> bool:
        if _courtesy_call(t):
            return False
        own = [c for c in t.children if not (c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("before", "after", "until") for m in c.children))]
        # ('received him at the chancellery before the two joined a video call with Trump': a call after it)
        aside = {w.i for x in t.subtree if x.dep_ == "relcl" and x.head.i != t.i for w in x.subtree}
        # ('talks with Najib Razak, who is expected to call an election': what the one met will do)
        near = [w for w in t.subtree if w.i not in aside] if t.pos_ == "NOUN" else own + [g for c in own for g in c.children]
        near += [t, t.head] + list(t.head.children)
        near += [w for c in t.children if c.dep_ in ("prep", "agent") and c.lower_ in CALL_MEANS
                 for w in c.subtree]  # 'met by video link'
        near += [w for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children if o.dep_ == "pobj"
                 for w in o.children if w.dep_ in ("compound", "amod") and w.lemma_.lower() != "call"]
        # ('joined Macron and Merkel in a video summit'; not 'met in the so-called Normandy format')
        during = t.head.lower_ == "during" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)
        verb = t.head.head if t.dep_ == "pobj" and (t.head.lower_ in ("after", "following", "before") or during) else \
            t.head.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in (
                "ahead", "prior") else t.head if t.dep_ in ("advcl", "xcomp", "conj", "pcomp") else None
        # ('spoke by telephone with Biden last month ahead of the summit': the call, not the summit; 'says he
        # called Putin during the talks', though not 'called Putin during the talks with Zelensky')
        if verb is not None:  # 'spent Thursday on the telephone, talking with Thatcher'; 'After the talks, Yeltsin
            near += [verb] + [w for c in verb.children if c.dep_ == "prep" and c.lower_ in CALL_MEANS
                              for w in c.subtree]  # telephoned Kohl': a call after the talks
            if t.dep_ == "advcl" and t.tag_ == "VBG":  # 'held their first virtual summit in June, signing an
                near += [w for c in verb.children if c.dep_ == "dobj" for w in c.children if w.dep_ == "amod"]
                # agreement': signed at the virtual summit
        near = [tok for tok in near if not _called_off_or_on(tok, self.nouns) and not _courtesy_call(tok)
                and not _handed(tok)]
        # ('called off a meeting', 'called on the king', 'received a courtesy call from Rubio', 'met Trump,
        # handing him a letter from the King')
        return any(tok.lemma_.lower() in self.calls or tok.lower_ in self.calls for tok in near)

    def _is_hypothetical(self, t: Token) -> bool:
        if t.pos_ not in ("VERB", "AUX") and any(c.lemma_.lower() in ("possible", "potential", "proposed", "hypothetical")
                                                 for c in t.children):
            return True  # 'a possible summit'
        if t.dep_ == "pobj" and t.head.lower_ == "during" and t.head.head.pos_ in ("VERB", "AUX") and not any(
                c.lower_ in ("could", "might", "may", "would") for c in t.head.head.children):
            return False  # 'offered to mediate on Kashmir during his first meeting with Imran Khan': what was offered
            # is the wish, the meeting its time
        if any(w.lower_ in ("indirect", "proximity") and w.dep_ == "amod" and not any(
                a.dep_ in ("relcl", "acl") for a in itertools.takewhile(lambda a: a.i != o.i, w.ancestors))
               for o in [t] + [c for c in t.children if c.dep_ == "dobj"] for w in (o.children if o is t else o.subtree)):
            return True  # 'have mediated months of indirect negotiations': the sides never sat together (but 'met
            # Berri, who has been leading indirect contacts with Washington', met)
        verb = t if t.pos_ in ("VERB", "AUX") else t.head
        if verb is not t and t.dep_ == "dobj" and verb.lemma_.lower() in self.hypothetical:
            return True  # 'floated a three-way meeting', 'proposed a summit'
        timed = verb.dep_ == "advcl" and any(c.lower_ in ("when", "as", "while", "after", "before")
                                             and c.dep_ in ("advmod", "mark") for c in verb.children) and not any(
            c.lower_ in ("though", "if") and c.dep_ == "mark" for c in verb.children)  # (not 'as though ... would')
        if timed:  # 'offered Hollande the use of RAF Akrotiri when the pair met at the Elysee': the meeting dates
            # the offer, which is no wish of a meeting; only its own 'could' or 'might' makes it a guess ('could not
            # take place' did not happen: cancelled)
            return any(c.dep_ == "aux" and c.lower_ in syntax.UNCERTAIN for c in verb.children) and not any(
                c.dep_ == "neg" for c in verb.children)
        if any(g.lemma_.lower() in ("readiness", "willingness", "preparedness", "desire", "wish") and g.pos_ == "NOUN"
               for g in syntax.own_governors(verb, 2)):
            return True  # 'stressed his willingness to meet Soviet leader Konstantin Chernenko': a wish, not a plan
        if any(g.lemma_.lower() == "invite" or g.lemma_.lower() in syntax.READINESS or (
                g.lemma_.lower() == "invitation" and not _a_day_named(t.sent)) for g in [verb] + syntax.own_governors(verb, 2)):
            return True  # 'invited Zelensky to visit Australia', 'accepted an invitation to visit the United
            # States at a mutually convenient time', 'ready to host a meeting': not yet a plan (but 'accepted an
            # invitation to pay a state visit, scheduled for 28 June' is one; nor 'Renzi, who lunched with
            # Hollande on Thursday, offered sympathy')
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_.lower() in self.wishes:
            return True  # 'called for talks with Putin', 'pressed for a summit': asked for, not arranged
        if t.lower_ == "talks" and t.head.lower_ == "in" and t.head.head.lemma_ == "be":
            return True  # 'are in talks with Niger, Chad and Burkina Faso about': negotiating, not a meeting
        if any(g.lemma_.lower() in self.intent for g in _within_clause(verb, 4)):
            return True  # 'remains committed to meeting Trump', 'wants to meet Xi': a wish, not a plan
        if verb.tag_ in ("VBP", "VBZ") and any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in verb.children):
            return True  # '"nothing is going to happen until Putin and I get together"': a condition
        return syntax.is_hypothetical(verb, self.hypothetical)

    def _is_negated(self, t: Token) -> bool:
        verb = t if t.pos_ in ("VERB", "AUX") else t.head
        if syntax.is_negated(verb):
            return True
        subj = syntax.subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            return True  # 'Wei, whom no Australian defence minister has met since 2019'
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("dobj", "dative") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in verb.children):
            return True  # 'he met no US government officials'
        chain = [verb] + syntax.governors(verb, 3)
        above = list(t.ancestors)[:3] if t.pos_ == "NOUN" else []
        if any(w.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in w.children)
               for a in above for w in [a, *(c for c in a.children if c.dep_ in ("attr", "nsubj"))]):
            return True  # 'there were no preparations under way for a meeting between Putin and Zelensky'
        ruler = t.head if t.dep_ in ("dobj", "xcomp", "pcomp", "ccomp", "advcl") else None
        prt = next((c.lower_ for c in ruler.children if c.dep_ == "prt"), None) if ruler is not None else None
        if prt and f"{ruler.lemma_.lower()} {prt}" in self.refusals and not syntax.is_negated(ruler):
            return True  # 'ruled out ever meeting Uribe again', 'had ruled out a formal bilateral meeting with Putin',
            # 'turned down a meeting': refused, never arranged (the verbs with a particle among the negation cues)
        return any(tok.lemma_.lower() in self.negation for tok in chain)

    def _host(self, t: Token, participants: list[dict], token_of: dict, place: Optional[dict]) -> Optional[dict]:
        giver = t.head if t.lemma_.lower() == "welcome" and t.dep_ == "dobj" else None  # 'gave a warm welcome to'
        by = _headline_sides(t)[0] if _headline_host(t) else _host_by(t) if t.pos_ in ("NOUN", "PROPN") else None
        if by is not None:
            host = next((p for p in participants if getattr(token_of.get(_actor_key(p)), "i", None) == by.i), None)
            if host is not None:
                return host
        if (t.lemma_.lower() in HOSTING and t.pos_ in ("VERB", "AUX")) or giver is not None:
            passive = giver is None and any(c.dep_ == "auxpass" for c in t.children)  # 'was welcomed by Starmer'
            subj = syntax.agent(t) if passive else syntax.subject(giver if giver is not None else t)
            for p in participants:
                tok = token_of.get(_actor_key(p))
                if subj is not None and tok is not None and tok.i == subj.i:
                    return p
        if place and place.get("country"):
            at_home = [p for p in participants if p.get("country") == place["country"]]
            if len(at_home) == 1:
                return at_home[0]
        return None

    def _signals(self, s: Sentence, t: Token, participants: list[dict], when: dict, place: Optional[dict],
                 token_of: dict, gathering: bool, host: Optional[dict], status: str) -> dict:
        """What the confidence weighs (``confidence.py``): how plainly the sentence tells of a meeting and
        how much of it the text names, against what is only implied or told in passing."""
        named = [token_of.get(_actor_key(p)) for p in participants]
        people = sum(1 for p in participants if is_person(p))
        lemma = t.lemma_.lower()
        return {
            "meet_verb": int(lemma in ("meet", "host", "talk", "talks", "summit")),
            "visit": int(self.kinds.get(lemma) == "VISIT"),
            "noun_trigger": int(t.pos_ in ("NOUN", "PROPN")),
            "two_people": int(people >= 2),
            "no_person": int(people == 0),
            "crowd": int(len(participants) > 2),
            "organisation": int(any(not p.get("country") for p in participants)),
            "pronoun": int(any(tok is not None and tok.pos_ == "PRON" for tok in named)),
            "unnamed": int(any(tok is None for tok in named)),
            "gathering": int(gathering),
            "headline": confidence.headline(t),
            "explicit_date": int(when["date_basis"] == "EXPLICIT"),
            "no_date": int(when["date_basis"] == "DATELINE"),
            "dated_far": confidence.dated_far(when, s.day),
            "place": int(place is not None),
            "host": int(host is not None),
            "planned": int(status == "PLANNED"),
            "cancelled": int(status == "CANCELLED"),
            "embedded": confidence.embedded(t),
        }
