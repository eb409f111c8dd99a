"""When an event happened: the date expression that dates its trigger (resolved by the one date resolver,
`dates.py`), else a date counted from the story's own time, else the dateline."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.tokens import Span, Token

from pipeline.extract import dates, syntax
from pipeline.extract.evidence import Sentence
from pipeline.extract.prefilter import dateline_end

#: Beyond this many dependency arcs a date is more likely another clause's.
MAX_DATE_ARCS = 6


#: Verbs whose simple past still points ahead ('the talks slated for June 4', 'planned a visit on March 3').
#: Words before a date that says when something given begins or ends, not when it was given.
SPAN_START = {"from", "starting", "beginning", "by", "until", "till", "through"}
#: Present-tense verbs that point back at what they name: 'follows a visit to Lviv on Wednesday', 'builds on
#: Sudani's trip to Ankara on March 21', 'reciprocates a visit by Kim Yo-jong on Feb. 10'.
LOOKING_BACK = {"follow", "build", "reciprocate", "repay", "echo"}
PLAN_VERBS = {"schedule", "slate", "plan", "set", "expect", "intend", "aim", "fix", "agree", "promise"}


#: How many years before its dateline a news story's event can lie; a date further back is history the
#: sentence recalls (a landing in 1944, a treaty of 1949), never the day of the meeting or giving it tells.
OLDEST_STORY_YEARS = 60


def find_date(s: Sentence, trigger: Token, future: bool, announced: bool = False, given: bool = False,
              called_off: bool = False) -> dict:
    """The date expression closest to the trigger in the parse, resolved; else the dateline. In a timeline's
    entry ('June 28, 2022 - Erdogan, Andersson and Niinisto meet ...'), the entry's date, whose year a day
    written in the sentence ('held talks in the Kremlin on March 22') takes.

    ``announced``: the event is the announcement ('said on Wednesday it would send troops in April'), so a
    day beats a coarser date even when the coarse one hangs on the trigger. ``given``: the event is a decision
    to give (not a delivery), so a date that starts or ends what is given ('approved sending two F-35s to Poland
    from February') is not its date. ``called_off``: the event was called off, so a day written without
    direction ('the talks, which had been scheduled for Sunday') may lie on either side of the dateline."""
    found = _find_date(s, trigger, future, announced, given, called_off)
    if found["date"].year < s.day.year - OLDEST_STORY_YEARS:  # 'a day after both attended commemorations on the
        found = {"date": s.day, "date_text": None, "date_basis": "DATELINE"}  # beaches where Allied troops
        # landed on June 6, 1944': a date of history, not of the event the sentence tells
    at = s.offset + trigger.sent.start_char
    entry = dates.entry_date(s.ctx.text[s.ctx.text.rfind("\n", 0, at) + 1:], s.day) \
        or dates.heading_date(s.ctx.text, at, s.day)
    return _within_entry(found, entry) if entry is not None else found


def _within_entry(found: dict, entry: "dates.ResolvedDate") -> dict:
    """'-- May 8-10, 2015: ... Xi held talks with Putin on May 8': a day the sentence writes without a year is in
    the entry's year; a date with its own year stands; anything else is the entry's date."""
    own = found["date_basis"] == "EXPLICIT" and found.get("date_text")
    if own and re.search(r"\d{4}", found["date_text"]):
        return found
    if own and (entry.precision == "year" or found["date"].month == entry.date.month):
        try:
            return {**found, "date": found["date"].replace(year=entry.date.year)}
        except ValueError:  # (29 February)
            return found
    if entry.precision == "year":
        return found
    return {"date": entry.date, "date_text": entry.text, "date_basis": "EXPLICIT"}


def _find_date(s: Sentence, trigger: Token, future: bool, announced: bool, given: bool = False,
               called_off: bool = False) -> dict:
    told = _told_from_story(s, trigger, future)
    if told is not None:
        return {"date": told.date, "date_text": told.text, "date_basis": told.basis}
    best = None
    for ent in list(trigger.sent.ents) + _split_off_dates(trigger):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        arcs = syntax.dep_distance(trigger, ent.root) if ent.sent == trigger.sent else MAX_DATE_ARCS
        if arcs > MAX_DATE_ARCS or ent.root.dep_ == "poss" and not (
                trigger.dep_ == "relcl" and ent.root.head == trigger.head):
            continue  # "Anwar, this year's chair, welcomed ...": a date that describes, not dates (but "last
            # night's vote, which approved the extension of air strikes" dates the vote)
        if _dates_a_thing_of_someone(ent.root, trigger):
            continue
        text = ent.text
        if dates.is_ordinal_day(text) and ent.end < len(ent.doc) and ent.doc[ent.end].pos_ in ("NOUN", "PROPN", "ADJ"):
            continue  # 'for the 13th Annual Consultation': a count, not a day
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.lower_ in ("on", "last", "next", "this"):
            text = f"{prev.text} {text}"
        before = ent.start - (2 if text != ent.text else 1)  # the word before 'on Saturday' or 'Saturday'
        said = ent.doc[before] if before >= 0 else None
        if said is not None and said.tag_ == "VBD" and said.lemma_ in syntax.REPORTING:
            if future and not announced:
                continue  # 'has postponed his visit, the White House said on Tuesday': not the visit's day
            resolved = dates.resolve(text, s.day, False)  # 'Qatar said on Saturday it would send': the saying's day
        else:
            now = _called_off_now(s, trigger)
            resolved = dates.resolve(text, s.day, _tense_of(ent.root, future, now))
            if called_off and not now:
                resolved = _beside_dateline(text, s.day, resolved)
        if resolved is None:
            continue
        spans = prev is not None and prev.lower_ in SPAN_START
        if given and (spans or resolved.date > s.day and resolved.precision != "day") or \
                announced and resolved.date > s.day and (resolved.precision != "day" or spans):
            continue  # 'will send a training team early next year', 'agreed on Friday to send six F-16s from 1
            # July': when it comes, not when it was given
        resolved = _in_the_year_said(resolved, trigger.sent.text, s.day, future,
                                     s.ctx.past_years(s.offset + trigger.sent.end_char))
        resolved = _gone_by(resolved, ent.root, s.day, s.ctx.past_years(s.offset + trigger.sent.start_char))
        if _bounds_a_period(ent.root, trigger) or _describes_someone(ent.root, trigger) or any(
                trigger.i < w.i < ent.start and PERIOD.fullmatch(w.text) for w in trigger.sent):
            continue  # 'his first visit since Russia launched its invasion on 24 February' (however parsed)
        own = _own_date(ent.root, trigger)
        key = (not own, _foreign(ent.root, trigger), resolved.precision != "day", arcs, abs(ent.root.i - trigger.i))
        if announced:
            key = (key[2], key[0], key[1]) + key[3:]
        if best is None or key < best[0]:
            best = (key, resolved, ent.root)
    if best and best[0][0] and announced and best[1].precision != "day" and best[2].head.pos_ in ("VERB", "NOUN") \
            and best[2].head not in syntax.governors(trigger, 4) and best[2].head != trigger:
        best = None  # 'said Japan would provide radars, on top of the radars approved last year': another
        # giving's year, not the day this one was told
    if best and not (best[0][0] and _describes_something(best[2], trigger) and not announced):
        r = best[1]
        return {"date": r.date, "date_text": r.text, "date_basis": r.basis}
    # a date only in another clause ('signed the declaration, under which they agreed to resume talks in
    # October') dates that clause; the trigger's day is the story's
    r = (None if best else _date_untagged(s, trigger, future)) or _date_before(s, trigger, future)
    if r is not None:
        return {"date": r.date, "date_text": r.text, "date_basis": r.basis}
    if _told_as_now(trigger) and not _in_the_opening(s):  # 'Ireland and Poland have each committed about 400
        return {"date": s.day, "date_text": None, "date_basis": "DATELINE"}  # troops', after a lead of Monday's
        # decision: as of the report
    lead = _story_time(s, s.offset + trigger.sent.start_char, future=future and not announced)  # the story's time
    if lead is None:
        lead = _told_next(s, future=future and not announced)
    if lead is not None:
        return {"date": lead, "date_text": None, "date_basis": "RELATIVE"}
    return {"date": s.day, "date_text": None, "date_basis": "DATELINE"}


def _told_as_now(trigger: Token) -> bool:
    """A giving or meeting told in the present perfect or the present ('has committed', 'provides the backbone'):
    true as of the report, not of the day the story opened on."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else next(
        (g for g in syntax.governors(trigger, 3) if g.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBN" and bool(aux & {"has", "have", "'ve"}) or verb.tag_ in ("VBZ", "VBP") and not aux


def _told_from_story(s: Sentence, trigger: Token, future: bool) -> Optional["dates.ResolvedDate"]:
    """'A day later, Zelensky was in Athens', 'a day after Erdogan welcomed Herzog': a date counted from the
    story's own time (the sentence's other date, else the last date the story gave before it)."""
    sent = trigger.sent
    told = dates.narratives(sent.text)
    if not told:
        return None
    at = trigger.idx - sent.start_char
    inside = lambda pos: any(n.start <= pos < n.end for n in told)  # noqa: E731
    others = [pos for pos, _ in dates.expressions(sent.text) if not inside(pos)] + [
        e.start_char - sent.start_char for e in sent.ents if e.label_ in ("DATE", "TIME")
        and not inside(e.start_char - sent.start_char) and dates.resolve(e.text, s.day, future)]
    for n in [n for n in told if n.anchored]:
        comma = sent.text.find(",", n.end)
        end = comma if comma >= 0 else len(sent.text)  # the clause 'a day after' governs
        verb = next((w for w in sent if w.idx - sent.start_char >= n.end and w.pos_ in ("VERB", "AUX")), None)
        if verb is not None and comma >= 0 and verb.idx - sent.start_char < comma:  # with the clauses that hang
            last = verb.right_edge  # on it ('three days after Orban made his first visit to Kyiv, where he met')
            end = max(end, last.idx + len(last) - sent.start_char)
        own = [p for p in others if n.end <= p < end]
        leads = not sent.text[:n.start].strip()  # 'A day after ..., Zelensky was welcomed': the main clause follows
        if n.end <= at < end and not own:
            # the trigger in that clause: its event came that much before the sentence's own time, which a
            # main clause before the phrase gives ('came three days after Orban made his first visit to Kyiv,
            # where he met Zelensky on Tuesday': not that Tuesday)
            main = [p for p in others if (p >= end if leads else p < n.start)]
            ref = _sentence_time(s, sent, main, future) or _story_time(s, s.offset + sent.start_char)
            return dates.ResolvedDate(ref - dt.timedelta(days=n.days), n.text, "RELATIVE") if ref else None
        if leads and at >= end and not own and not any(p for p in others if p >= end):
            # 'A day after the opening, Mr Wong held a bilateral meeting': counted from the story's time
            ref = _story_time(s, s.offset + sent.start_char)
            return dates.ResolvedDate(ref + dt.timedelta(days=n.days), n.text, "RELATIVE") if ref else None
        if own and ((at >= end and leads) or at < n.start) and not any(p for p in others if p not in own):
            # 'A day after his meeting with Trump on Friday went wrong, Zelensky was welcomed in London'
            ref = _sentence_time(s, sent, own, future)
            return dates.ResolvedDate(ref + dt.timedelta(days=n.days), n.text, "RELATIVE") if ref else None
    plain = [n for n in told if not n.anchored]
    if not plain:
        return None
    n = min(plain, key=lambda n: abs(n.start - at))
    word = next((w for w in sent if w.idx - sent.start_char >= n.start), None)
    describes = word is not None and trigger.pos_ in ("NOUN", "PROPN") and any(  # 'talks that were to have
        a.dep_ == "relcl" and a.head.i == trigger.i for a in [word] + list(word.ancestors))  # opened the next day'
    def elsewhere(pos: int) -> bool:  # 'Von der Leyen, who landed on Thursday afternoon, held talks ... that
        word = next((w for w in sent if w.idx - sent.start_char >= pos), None)  # evening': the landing's day
        return word is not None and any(a.dep_ in ("relcl", "acl") and trigger not in a.subtree
                                        for a in [word] + list(word.ancestors))
    if not describes and any(abs(pos - at) < abs(n.start - at) and not elsewhere(pos) for pos in others) or any(
            e.label_ in ("DATE", "TIME") and e.start_char - sent.start_char not in range(n.start, n.end)
            and _own_date(e.root, trigger) and getattr(dates.resolve(e.text, s.day, future), "precision", "") == "day"
            for e in sent.ents):
        return None  # the trigger has a date of its own ('a meeting that had been scheduled for Sept. 6')
    # counted from the last date before it: in its sentence ('met Li on Sunday, while Kishida and Yoon held
    # talks the same day'), else in its paragraph or the story's lead; a paragraph that opens with it ('Two
    # days later, Mr Kerry was in Cairo') goes on from the paragraph before
    before = s.ctx.text_before(s.offset + sent.start_char, 99)
    opens = not sent.text[:n.start].strip() and not any(_plain_dates(before))  # (or follows sentences that date
    # nothing: 'Hollande, meanwhile, was looking further afield. The next day he flew to Moscow')
    ref = _sentence_time(s, sent, [p for p in others if p < n.start], future) or (
        opens and _last_paragraph_time(s, s.offset + sent.start_char)) or _story_time(s, s.offset + sent.start_char)
    return dates.ResolvedDate(ref + dt.timedelta(days=n.days), n.text, "RELATIVE") if ref else None


#: A day named by weekday or date ('on Thursday', 'Sept. 5'), not by 'today' or 'overnight'.
NAMED_DAY = re.compile(r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
                       re.I)


def _plain_dates(text: str) -> tuple[list["dates.Narrative"], list[tuple[int, str]]]:
    """The story-time phrases of a text ('a day later') and the date expressions outside them."""
    told = dates.narratives(text)
    return told, [(pos, w) for pos, w in dates.expressions(text) if not any(n.start <= pos < n.end for n in told)]


def _last_paragraph_time(s: Sentence, at: int) -> Optional[dt.date]:
    """The last day the paragraph before ``at`` wrote (not a day something was said)."""
    text = s.ctx.text
    end = text.rfind("\n", 0, at)
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end - 1) + 1
    paragraph = text[start:end]
    _, plain = _plain_dates(paragraph)
    written = [(pos, w) for pos, w in plain if not REPORTED.search(paragraph, 0, pos)
               and NAMED_DAY.search(w)]  # not 'change that overnight'
    r = dates.resolve(written[-1][1], s.day, False) if written else None
    return r.date if r is not None and r.precision == "day" else None


def _sentence_time(s: Sentence, sent: Span, positions: list[int], future: bool) -> Optional[dt.date]:
    """'Biden, who had met Zelenskyy the day before, arrived overnight': the sentence's own date."""
    for pos, written in dates.expressions(sent.text):
        if pos in positions:
            r = dates.resolve(written, s.day, future)
            if r:
                return r.date
    for e in sent.ents:
        if e.label_ in ("DATE", "TIME") and e.start_char - sent.start_char in positions:
            r = dates.resolve(e.text, s.day, future)
            if r:
                return r.date
    return None


#: How many paragraphs open a story and set its time ('On Aug. 20, that shore came into view').
LEAD_PARAGRAPHS = 3


def _story_time(s: Sentence, before: int, depth: int = 3, future: bool = False) -> Optional[dt.date]:
    """The story's time at an offset: the last date written before it in its paragraph (itself counted on
    where it was 'hours later'), else the first date of the story's lead. Dates further back in other
    paragraphs are more often background ('since the war began on Feb. 24') than the story's time."""
    text = s.ctx.text
    low = text.rfind("\n", 0, before) + 1
    chunk = text[low:before]
    told, plain = _plain_dates(chunk)
    told = [n for n in told if not n.anchored]
    if told and depth > 0 and (not plain or told[-1].start > plain[-1][0]):
        ref = _story_time(s, low + told[-1].start, depth - 1)
        return ref + dt.timedelta(days=told[-1].days) if ref else None
    if not plain and s.ctx.label_state(before) is not None:
        return None  # a factbox's entry ('- Norway: Norway will send around 10 naval officers') is told on its own,
        # not on the lead's day
    if not plain:
        skip = 1 if (s.article.get("title") or "").strip() else 0  # the lead comes after the title
        paragraphs = [p for p in text[:low].split("\n") if p.strip()][skip:skip + LEAD_PARAGRAPHS]
        lead = "\n".join(p[dateline_end(p):] for p in paragraphs)  # a dateline's date is the report's
        plain = [(pos, w) for pos, w in _plain_dates(lead)[1] if not _a_span(lead, pos, w)][:1]
        if plain:  # the lead's day in the lead's own tense ('was greeted on Saturday': not the Saturday ahead)
            sentence = lead[:lead.find(".", plain[0][0]) + 1]
            future = future and bool(FUTURE_WORDS.search(sentence[sentence.rfind(".", 0, plain[0][0]) + 1:]))
    if plain:
        r = dates.resolve(plain[-1][1], s.day, future and not SAID_IN_CLAUSE.search(_clause_before(chunk, plain[-1][0])))
        return r.date if r else None
    return None


def _clause_before(text: str, pos: int) -> str:
    return text[max(text.rfind(",", 0, pos), text.rfind(".", 0, pos)) + 1:pos]


#: A verb of saying in the clause that carries a date: the date is the saying's, which is past ('Germany will
#: supply Gepards, Lambrecht said at Ramstein on Tuesday. Germany will also train soldiers, she said').
SAID_IN_CLAUSE = re.compile(r"\b(?:said|told|announced|confirmed|added)\b", re.I)


def _a_span(text: str, pos: int, written: str) -> bool:
    """'on an official visit from May 01-03, 2023', 'until March 5': a date that bounds a stay or a period
    sets no story's day."""
    return bool(SPAN_OPENS.search(text, 0, pos) or SPAN_GOES_ON.match(text, pos + len(written)))


def _all_dateline(text: str, start: int) -> bool:
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else None]
    return bool(line.strip()) and dateline_end(line) >= len(line.rstrip())


def _opening(s: Sentence) -> tuple[list[int], int]:
    """Where the story's first paragraphs start, and 1 when a headline comes first (0 without one)."""
    text = s.ctx.text
    skip = 1 if (s.article.get("title") or "").strip() else 0
    paragraphs: list[int] = []  # the first few, less datelines on lines of their own ('Baku, Azerbaijan,
    for start in [0] + [m.end() for m in re.finditer(r"\n+", text)]:  # August 9' and 'Trend:' before the lead)
        if not _all_dateline(text, start):
            paragraphs.append(start)
            if len(paragraphs) > skip + 2:
                break
    return paragraphs, skip


def _in_the_opening(s: Sentence, opening: Optional[tuple[list[int], int]] = None) -> bool:
    """The headline or the first paragraph."""
    paragraphs, skip = opening or _opening(s)
    return len(paragraphs) > skip and s.offset < (paragraphs + [len(s.ctx.text)])[skip + 1]


def _told_next(s: Sentence, future: bool) -> Optional[dt.date]:
    """'The government has confirmed it will transfer 49 tanks to Ukraine. Marles announced the decision
    yesterday.': a story's opening sentence often leaves its date to the next one. Only for the headline and
    the first paragraph, and only a date to the day from the rest of that paragraph or the next."""
    text = s.ctx.text
    paragraphs, skip = _opening(s)
    if not _in_the_opening(s, (paragraphs, skip)):
        return None  # (a headline counts as the first paragraph's)
    end = (paragraphs + [len(text), len(text)])[skip + 2]
    after = "\n".join(p[dateline_end(p):] for p in text[s.offset:end].split("\n"))  # not 'MOSCOW, July 25. /TASS/.'
    for pos, written in _plain_dates(after)[1]:
        if BOUND_BEFORE.search(after, 0, pos):
            continue  # 'the plan, which runs until May 19': an end, not the day
        start, end = after.rfind(".", 0, pos), after.find(".", pos)
        if not future and start >= 0 and PLAN_AHEAD.search(after[start + 1:end if end >= 0 else None]):
            continue  # 'Zelensky met Scholz. On Saturday, he is set to travel to Italy': the plan's day
        r = dates.resolve(written, s.day, future)
        if r is not None and not future and (s.day - r.date).days > LEAD_DAYS:
            continue  # 'has received Lavrov and Shoigu. ... the statement signed on 10 November': an undated lead
            # is the news of the last days, not of an earlier event its next sentence recalls
        if r is not None:
            return r.date if r.precision == "day" else None
    return None


#: How many days before its report an undated lead's news may lie.
LEAD_DAYS = 7


#: A month with its year ('in February 1999'): the year of a day in that month the sentence names.
MONTH_YEAR = re.compile(r"\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?),? ((?:19|20)\d\d)\b")
#: 'last year' or 'next year' written in a sentence.
YEAR_SAID = re.compile(r"(?<!since )(?<!until )\b(last|next) year\b(?!'s|’s)", re.I)  # not 'in Goma since last year', a span's start
#: A weekday written with a day and month: 'Monday, November 27'.
WEEKDAY_NAME = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
#: Words that open a span of time: a date after them bounds a period.
PERIOD = re.compile(r"\b(?:since|until|till)\b", re.I)
BOUND_BEFORE = re.compile(r"\b(?:since|until|till|through)\s+(?:the\s+)?$", re.I)
SPAN_OPENS = re.compile(r"\b(?:since|until|till|through|from|between|to)\s+(?:the\s+)?$", re.I)
SPAN_GOES_ON = re.compile(r"\s*(?:-|–|to|and)\s*\d")
#: A date written just after a verb of saying is the day of the report, not of what it reports.
REPORTED = re.compile(r"\b(?:said|says|announced|told reporters|reported|confirmed|added)(?: in a statement)?(?: on)?\s*$", re.I)

#: Words that put a date of the sentences before in the future: without them, it is told as past.
FUTURE_WORDS = re.compile(r"\b(?:will|shall|'ll|due|next|coming|scheduled|expected|to be|plans? to|(?:is|are|was|were) "
                          r"(?:set |slated |poised )?to)\b",
                          re.I)

#: A sentence that tells a plan: its day is the plan's, not a past event's.
PLAN_AHEAD = re.compile(r"\b(?:will|shall|'ll|(?:is|are) (?:set|due|scheduled|expected|slated) to)\b", re.I)

#: How many sentences back, in the same paragraph, an undated sentence may take its date from.
DATE_LOOKBACK = 2


def _date_before(s: Sentence, trigger: Token, future: bool) -> Optional["dates.ResolvedDate"]:
    """'Wong and Albanese met on Wednesday. They also co-chaired the leaders' meeting': a sentence with no
    date of its own continues the day the sentences just before it named, within the paragraph."""
    chunk = s.ctx.text_before(s.offset, DATE_LOOKBACK)
    told, plain = _plain_dates(chunk)
    written = [(pos, w) for pos, w in plain
               if not REPORTED.search(chunk, 0, pos)]  # not the day something was said ('the Kremlin said on Friday')
    told = [n for n in told if not n.anchored]
    if told and (not written or told[-1].start > written[-1][0]):  # 'Hours later he landed in Denmark. ...'
        ref = _story_time(s, s.offset - len(chunk) + told[-1].start)
        return dates.ResolvedDate(ref + dt.timedelta(days=told[-1].days), told[-1].text, "RELATIVE") if ref else None
    ahead = future and bool(FUTURE_WORDS.search(chunk))  # 'Poland stepped forward on Thursday. It will send'
    if written and SAID_IN_CLAUSE.search(_clause_before(chunk, written[-1][0])):
        ahead = False  # '..., Lambrecht said at Ramstein on Tuesday. Germany will also train soldiers, she said'
    r = dates.resolve(written[-1][1], s.day, ahead) if written else None
    # ('During a visit to Vilnius on June 7 last year, Scholz pledged ... Scholz met Nauseda during that visit')
    return _in_the_year_said(r, chunk, s.day, ahead, s.ctx.past_years(s.offset)) if r else None


def _date_untagged(s: Sentence, trigger: Token, future: bool) -> Optional["dates.ResolvedDate"]:
    """A date the tagger left inside another entity: the one written nearest the trigger."""
    sent = trigger.sent
    at = trigger.idx - sent.start_char
    bounds = [m.start() for m in PERIOD.finditer(sent.text)]
    at_token = lambda pos: next((t for t in sent if t.idx - sent.start_char >= pos), trigger)  # noqa: E731
    written = [(pos, w) for pos, w in dates.expressions(sent.text)
               if not any(at < b < pos for b in bounds)  # not '... since Russia invaded on 24 February'
               and not BOUND_BEFORE.search(sent.text, 0, pos)  # nor 'under the plan, which runs until May 19'
               and not _describes_someone(at_token(pos), trigger)
               and not _dates_a_thing_of_someone(at_token(pos), trigger)
               and not _told_of_something_past(at_token(pos), trigger)
               and not (future and REPORTED.search(sent.text, 0, pos))]  # '..., the Palace confirmed on Saturday'
    if not written:
        return None
    _, nearest = min(written, key=lambda w: abs(w[0] - at))
    r = dates.resolve(nearest, s.day, future)  # ('in June last year, when he met Xi ... on June 20', untagged)
    return _in_the_year_said(r, sent.text, s.day, future, s.ctx.past_years(s.offset + sent.end_char)) if r else None


def _in_the_year_said(r: "dates.ResolvedDate", sentence: str, day: dt.date, future: bool,
                      past_years: tuple[int, ...] | list[int] = ()) -> "dates.ResolvedDate":
    """'a visit to Washington last year, meeting Obama on July 7': a day and month in a sentence that names
    last (or next) year, or that month with its year, belong to it; but a past event is not dated next year
    ('committed 500 troops on 8 July, and 150 more from next year'), nor is 'on Jan. 22' in a sentence that
    speaks of 'last year's election'. A weekday written with the day picks the year it fits ('Monday,
    November 27' in a retrospective of 1995): near the dateline first, else in a past year the article
    named. A past year alone does not date a day: news names past years as background ('was elevated to
    leaders' level in 2021. Albanese was last with Biden on March 13')."""
    if r.basis != "EXPLICIT" or r.precision != "day" or re.search(r"\d{4}", r.text):
        return r
    weekday = WEEKDAY_NAME.search(r.text) or re.search(WEEKDAY_NAME.pattern + r",?\s+(?=" + re.escape(r.text) + ")",
                                                       sentence, re.I)
    if weekday is not None:
        wanted = dates.WEEKDAYS.index(WEEKDAY_NAME.search(weekday.group(0)).group(0).lower())
        years = [r.date.year, r.date.year - 1, r.date.year + 1] + [y + k for y in past_years for k in (0, 1)]
        for year in years:
            try:
                if dt.date(year, r.date.month, r.date.day).weekday() == wanted:
                    return dates.ResolvedDate(r.date.replace(year=year), r.text, r.basis)
            except ValueError:
                continue
    told = sentence.find(r.text)
    for m in MONTH_YEAR.finditer(sentence):  # 'in February 1999, when Vajpayee ... met Sharif on February 20'
        if 0 <= told < m.start() and re.search(r"\bsince\b", sentence[told:m.start()], re.I):
            continue  # 'met on Feb. 18 in the first talks since the invasion in February 2022': another time
        if m.group(1)[:3].lower() == r.date.strftime("%b").lower() and int(m.group(2)) != r.date.year:
            try:
                return dates.ResolvedDate(r.date.replace(year=int(m.group(2))), r.text, r.basis)
            except ValueError:
                return r
    year = YEAR_SAID.search(sentence)
    if year is None or (year.group(1).lower() == "next" and not future):
        return r
    named = sentence[:year.start()].split()[-1:]  # 'On June 15, ... liberated in November last year': November's
    month = dates.MONTHS.index(named[0].lower()) + 1 if named and named[0].lower() in dates.MONTHS else None
    if month is not None and month != r.date.month:
        return r
    try:
        return dates.ResolvedDate(r.date.replace(year=day.year + (-1 if year.group(1).lower() == "last" else 1)), r.text,
                                  r.basis)
    except ValueError:
        return r


def _gone_by(r: "dates.ResolvedDate", token: Token, day: dt.date, past_years: list[int]) -> "dates.ResolvedDate":
    """A day and month told in the simple past cannot lie ahead of the dateline ('On November 6, the
    chancellor announced' in an August story): it is in the last past year the article named (a
    retrospective), else the last such day before the dateline."""
    if r.basis != "EXPLICIT" or r.precision != "day" or re.search(r"\d{4}", r.text) or r.date <= day + dt.timedelta(days=2):
        return r
    verb = token.head.head if token.head.pos_ == "ADP" else token.head  # 'announced on November 6', not 'his visit on'
    if verb.tag_ != "VBD" or verb.lemma_.lower() in PLAN_VERBS:
        return r
    for year in ([past_years[0]] if past_years else []) + [day.year, day.year - 1]:
        try:
            when = r.date.replace(year=year)
        except ValueError:
            continue
        if when <= day:
            return dates.ResolvedDate(when, r.text, r.basis)
    return r


def _bounds_a_period(token: Token, trigger: Token) -> bool:
    """A date that opens or closes a span of time ('since ... on 24 February', 'until Feb 22', 'pending a vote
    next week') is not when the trigger's event happened."""
    above = {a.i for a in trigger.ancestors} | {trigger.i}
    for a in [token] + list(token.ancestors):
        if a.i in above:
            return False
        if (a.dep_ == "prep" and a.lower_ in ("since", "until", "till", "pending")) or any(
                c.dep_ == "mark" and c.lower_ in ("since", "until") for c in a.children):
            return True
    return False


def _describes_someone(token: Token, trigger: Token) -> bool:
    """'Mr. Modi, who arrived in Hanoi on Friday night, held talks': the date of a relative clause on a
    participant tells what he did, not when the trigger's event was."""
    for a in [token] + list(token.ancestors):
        if a.i == trigger.i:
            return False
        if a.dep_ == "relcl" and a.head.i != trigger.i and not (a.left_edge.i <= trigger.i <= a.right_edge.i):
            return a.head.ent_type_ == "PERSON" or any(c.lower_ == "who" for c in a.children)
    return False


def _dates_a_thing_of_someone(token: Token, trigger: Token) -> bool:
    """'to enforce the result of The Gambia's December 1 election': a date inside a possessed noun phrase
    after the trigger names the day of that thing."""
    return token.dep_ in ("nmod", "compound") and token.head.pos_ == "NOUN" and token.head.i > trigger.i \
        and any(c.dep_ == "poss" for c in token.head.children)


def _describes_something(token: Token, trigger: Token) -> bool:
    """A date in a relative clause, after the trigger, on a thing its clause names ('signed the declaration,
    under which they agreed to resume talks in October'): the date of what the clause tells of that thing."""
    for a in [token] + list(token.ancestors):
        if a.i == trigger.i:
            return False
        if a.dep_ == "relcl" and a.left_edge.i > trigger.i and a.head.i != trigger.i:
            return True  # (a clause before the trigger is more often the one the trigger sums up)
    return False


def _told_of_something_past(token: Token, trigger: Token) -> bool:
    """'signed the declaration as guarantors of the deal, which took effect on Friday': a past relative clause on
    a thing dates that thing (but not 'the meeting between the delegations, which is scheduled for tomorrow', nor
    'a visit to Beijing, which had been due to begin on Feb. 5', the trigger's own plan hung on a name)."""
    clause = next((a for a in [token, *token.ancestors] if a.dep_ == "relcl"), None)
    return clause is not None and clause.tag_ == "VBD" and _describes_something(token, trigger)


def _foreign(token: Token, trigger: Token) -> bool:
    """A date inside a clause that does not hold the trigger ('Anwar, who chaired the cabinet this morning,
    will hold talks with Widodo next Tuesday')."""
    for a in [token] + list(token.ancestors):
        if a.dep_ in ("relcl", "advcl", "ccomp", "parataxis") and not (a.left_edge.i <= trigger.i <= a.right_edge.i) \
                and not (a.dep_ == "relcl" and a.head.i == trigger.i):  # a clause describing the trigger is its own
            return True
    return False


#: A plan called off in the present or present perfect: today's news, so the plan's day is still ahead.
CALLED_OFF_NOW = re.compile(r"\b(?:(?:has|have) (?:been )?(?:called off|cancell?ed|postponed|put off|scrapped|shelved|"
                            r"pulled out)|(?:cancels|postpones|calls off|puts off|scraps|scuttles|shelves|pulls out))\b",
                            re.I)


def _beside_dateline(text: str, day: dt.date, resolved: Optional["dates.ResolvedDate"]) -> Optional["dates.ResolvedDate"]:
    """A meeting called off is news around the day it was meant for: 'the talks in Muscat, which had been due
    on Sunday' in Saturday's paper is tomorrow, 'had been scheduled for Sunday in Luanda' in Monday's is
    yesterday, though the tense of 'had been' reads as the past. A day either side of the dateline wins over
    one most of a week away; a plan called off in the present ('postpones his trip') keeps the day ahead."""
    other = dates.resolve(text, day, not (resolved is not None and resolved.date > day))
    if resolved is None or other is None or resolved.precision != "day":
        return resolved
    if abs((other.date - day).days) <= 1 < abs((resolved.date - day).days):
        return other
    return resolved


def _called_off_now(s: Sentence, trigger: Token) -> bool:
    """'A visit ..., where he had been due to hold talks on Monday, has been put off': the Monday ahead. In
    'had been due to host him on Monday, but the visit was called off', the Monday is gone. The title,
    the sentence and the one before it tell which."""
    before = s.ctx.text_before(s.offset, 1)
    return any(CALLED_OFF_NOW.search(t or "") for t in (s.article.get("title"), trigger.sent.text, before))


def _tense_of(token: Token, default: bool, called_off_now: bool = False) -> bool:
    """Future or past for a date, from the verb it hangs on: 'said on Tuesday' is past even when
    what was said is 'will send'; 'will meet on Monday' is future."""
    verb = token
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return default
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        if verb.lemma_.lower() in ("schedule", "slate", "plan", "set") and token.head.lower_ == "for":
            return True  # 'talks with Kim set for Wednesday', 'a summit scheduled for Monday': the day ahead
        return False  # 'a statement released Tuesday', 'a decision to deploy ..., announced on Sunday': past
    while verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl") and verb.head.i != verb.i \
            and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # 'Speaking on Tuesday night, Obama said ...': the tense of 'said'
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    bare = verb.tag_ == "VB" or verb.tag_ == "VBN" and {"to", "be"} <= aux and not any(
        w.tag_ == "VBD" for g in syntax.governors(verb, 2)
        for w in [g, *(c for c in g.children if c.dep_ in ("aux", "auxpass"))])
    # ('is expected to be received on Wednesday': the passive infinitive looks ahead as the active one does; not
    # 'talks that were due to be held on Aug. 25', told once the day has gone by)
    if bare and "will" not in aux and not called_off_now and any(c.dep_ == "aux" and c.lower_ == "had" for g in
                                                  [verb] + syntax.governors(verb, 2) for c in g.children):
        return False  # 'had been expected to take place on Friday', 'had been due to host him on Monday': the
        # plan's day has gone by (a past perfect looks back from now)
    if bare and "to" in aux and _purpose_of_past(verb):
        return False  # 'pledged $300 million to buy ammunition on Monday': the pledge's Monday, gone by
    if aux & {"will", "shall", "'ll"} or (bare and "to" in aux):
        return True
    if verb.lemma_.lower() in ("schedule", "slate", "plan") or verb.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children):
        return True  # 'a visit that was scheduled for Thursday', 'is due at the White House on Thursday': ahead
    if verb.lemma_.lower() == "expect" and aux & {"is", "are", "'s", "'re"}:
        return True  # 'Jonathan is expected in Abidjan on Saturday'
    if called_off_now and "had" in aux:
        return default  # 'Biden had been due in Port Moresby on Monday' in a story of the trip's postponement
    if verb.tag_ in ("VBD", "VBN") or aux & {"has", "have", "had", "did", "was", "were"}:
        return False
    if verb.tag_ in ("VBZ", "VBP") and (verb.lemma_.lower() in LOOKING_BACK or verb.lemma_.lower() == "come" and any(
            c.lower_ == "after" for c in verb.subtree)):
        return False  # 'The British move follows a visit to Lviv on Wednesday', 'comes days after talks on Monday'
    if verb.tag_ in ("VBZ", "VBP") and verb.pos_ == "VERB" and not aux and verb.lemma_ not in syntax.REPORTING:
        return True  # 'on Monday Mr Trump flies to Israel': the present of a schedule is the future
    return default


def _purpose_of_past(verb: Token) -> bool:
    """An infinitive of purpose after a past verb with a thing for object ('pledged $300 million to buy',
    'sent two ships to patrol'): it tells what for, not when; in 'asked him to visit' or 'agreed to meet'
    the infinitive is the plan."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.tag_ != "VBD":
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NUM", "NOUN") for c in head.children)


def _split_off_dates(trigger: Token) -> list:
    """The dates of a verbless piece the parser split off the trigger's sentence ('will hold summit talks at Cheong
    Wa Dae on Sunday, their eighth meeting': 'Dae on Sunday, their eighth meeting' parsed as a sentence of its
    own), when the trigger's own part has none; only those before the piece's head noun."""
    if any(e.label_ in ("DATE", "TIME") for e in trigger.sent.ents) or trigger.sent.end >= len(trigger.doc):
        return []
    piece = trigger.doc[trigger.sent.end].sent
    if piece.root.pos_ in ("VERB", "AUX"):
        return []
    return [e for e in piece.ents if e.end <= piece.root.i]


def _own_date(token: Token, trigger: Token) -> bool:
    """A date in the trigger's own clause, or in a clause describing it ('a visit that was to begin on
    Sunday'), and not in a coordinated clause ('met X on Monday, traveled ... on Tuesday'). A noun trigger's
    clause is that of the verb it is the subject or object of."""
    t = token
    light = trigger.head if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else None
    while t.head.i != t.i:
        t = t.head
        if t.i == trigger.i or (light is not None and t.i == light.i):
            return True  # 'hold talks ... on Thursday', 'the talks took place on Tuesday': the verb carries the noun
        if t.pos_ in ("VERB", "AUX"):
            if t.dep_ == "xcomp":
                continue  # 'a visit that was to begin on Sunday': up through 'to begin'
            return t.dep_ in ("relcl", "acl") and (t.head.i == trigger.i or (
                t.lemma_.lower() in ("schedule", "slate", "set") and trigger.pos_ == "NOUN"
                and trigger.left_edge.i <= t.head.i <= trigger.right_edge.i))
            # ('his first summit with Trump, scheduled for Monday', the schedule hung on the last name)
    return False
