"""The one date resolver: a date expression plus the article's dateline gives a calendar date.

Relative expressions are resolved here with explicit rules (they are few, and the tense decides their
direction); absolute ones go to dateparser, anchored on the publication date so that a date without a
year lands in the right year.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
#: Month names and their abbreviations, and nothing else that starts like one ('decade', 'marathon').
_MONTH_RE = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
             r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?")

_SAME_DAY = re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening)|earlier today|later today|"
                       r"on (?:this|the same) day|hours ago|overnight)\b")
_YESTERDAY = re.compile(r"\b(yesterday|last night)\b")
_TOMORROW = re.compile(r"\btomorrow\b")
_DAY_AFTER = re.compile(r"\bday after tomorrow\b")
_DAY_BEFORE = re.compile(r"\bday before yesterday\b")
_WEEKDAY = re.compile(r"\b(?:(last|next|this|past|coming) )?(" + "|".join(WEEKDAYS) + r")\b")
_UNIT = re.compile(r"\b(last|next|this|past|coming|earlier this|later this) (week|month|year|weekend)\b")
_AGO = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six|seven|ten) (day|week|month|year|decade)s? (ago|from now)\b")
_HAS_MONTH = re.compile(r"\b" + _MONTH_RE + r"\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_WORD_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_YEARS_WORDS = {**_WORD_NUM, "eight": 8, "nine": 9, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30,
                "forty": 40, "fifty": 50}
#: 'A year ago today', 'Ten years ago this week': an anniversary, counted in calendar years.
_ANNIVERSARY = re.compile(r"\b(\d+|" + "|".join(sorted(_YEARS_WORDS, key=len, reverse=True)) +
                          r") years? ago (today|this week|this month|on this day)\b")
_MONTH_DAY = re.compile(r"\b(" + _MONTH_RE + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*(?:-|–|to|and)\s*\d{1,2}\b)?"
                        r"(?:,?\s*(\d{4}))?"
                        r"|\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|and|to)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?("
                        + _MONTH_RE + r")(?:,?\s*(\d{4}))?", re.I)
# (a range stands for its first day: '27-28 July', 'October 7-10, 1998', 'July 15 and 16, 2001')
_YEAR_ONLY = re.compile(r"^\s*(?:in\s+)?(\d{4})\s*$")
#: A dated entry of a timeline or chronology: a paragraph that opens with its date and a dash or a colon
#: ('June 28, 2022 - ...', 'JAN. 14 — ...', '-- March 22-24, 2013: ...', '17 January 2012 - ...', '1998 — ...').
_ENTRY = re.compile(r"\s*(?:[-–—•*]+\s*)?(?P<date>(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?" + _MONTH_RE
                    + r"(?:\s*[-–]\s*" + _MONTH_RE + r")?(?:\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)?(?:,?\s+(?:\d{4}))?"
                    r"|\d{4})\s*(?:--|[-–—:])\s+", re.I)


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date
    text: str
    basis: str  # EXPLICIT or RELATIVE
    #: Day precision or coarser ('week', 'month'): coarse dates are weaker evidence for matching.
    precision: str = "day"


def _month_index(token: str) -> Optional[int]:
    token = token.lower().rstrip(".")
    for i, name in enumerate(MONTHS):
        if name.startswith(token[:3]):
            return i + 1
    return None


def _closest_year(month: int, day: int, anchor: dt.date, future: bool) -> Optional[dt.date]:
    """A day and month without a year: the occurrence nearest the dateline (news speaks of near dates,
    and tense is a weak guide: 'had been scheduled for September 4'); the tense weighs against the side it
    excludes, a past tense more than a future one (which is often only an infinitive)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None

    def cost(d: dt.date) -> float:
        days = (d - anchor).days
        if future:  # a future tense is often only an infinitive ('offered to lead the force on July 29')
            return abs(days) * (2.0 if days < -1 else 1.0)
        return abs(days) * (3.0 if days > 1 else 1.0)

    return min(options, key=cost)


_MONTH_ONLY = re.compile(r"^(?:(?:in|by|during|since|until|from|early|late|mid|the end of|the start of|next|last)[\s-]+)*"
                         r"(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?$", re.I)


def _month_only(raw: str, anchor: dt.date, future: bool) -> Optional[ResolvedDate]:
    """'in November', 'next March': the month the tense points to, as its first day (or the dateline
    when it is the month of the dateline), with month precision."""
    m = _MONTH_ONLY.match(raw.strip())
    if not m:
        return None
    month = MONTHS.index(m.group(1).lower()) + 1
    if m.group(2):
        year = int(m.group(2))
    elif future:
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    date = anchor if (year, month) == (anchor.year, anchor.month) else dt.date(year, month, 1)
    return ResolvedDate(date, raw, "EXPLICIT", "month")


def _weekday(anchor: dt.date, weekday: int, modifier: Optional[str], future: bool) -> dt.date:
    delta_back = (anchor.weekday() - weekday) % 7
    delta_fwd = (weekday - anchor.weekday()) % 7
    if modifier in ("next", "coming"):
        return anchor + dt.timedelta(days=delta_fwd or 7)
    if modifier in ("last", "past"):
        return anchor - dt.timedelta(days=delta_back or 7)
    if future:
        return anchor + dt.timedelta(days=delta_fwd)
    return anchor - dt.timedelta(days=delta_back)


#: A day of the month without the month: 'on the 14th', 'the 14th of last month' (the whole expression: not
#: 'the 20th anniversary').
_ORDINAL_DAY = re.compile(r"^(?:on |by )?the (\d{1,2})(?:st|nd|rd|th)(?: of (last|this|next) month)?$")


def is_ordinal_day(text: str) -> bool:
    """For the date finder, which must tell 'the 13th' before a noun (a count) from a day of the month."""
    return bool(_ORDINAL_DAY.search(text.strip().lower()))


def _ordinal_day(day: int, which: Optional[str], published: dt.date, future: bool, raw: str) -> Optional[ResolvedDate]:
    """The day in the month named, else in this month when the tense allows, else the month before or after."""
    shift = {"last": -1, "next": 1, "this": 0}.get(which or "")
    if shift is None:
        shift = 0 if (day >= published.day if future else day <= published.day) else (1 if future else -1)
    year, month = divmod(published.year * 12 + published.month - 1 + shift, 12)
    try:
        return ResolvedDate(dt.date(year, month + 1, day), raw, "RELATIVE")
    except ValueError:
        return None


def resolve(text: str, published: dt.date, future: bool = False) -> Optional[ResolvedDate]:
    """Resolve one date expression as written (e.g. 'on Monday', 'Nov. 26, 2015', 'last week')."""
    raw = text.strip()
    low = raw.lower()
    if not low:
        return None
    m = _MONTH_DAY.search(raw)
    if m:
        month_tok, day_tok, year_tok = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        month, day = _month_index(month_tok), int(day_tok)
        if month and 1 <= day <= 31:
            if year_tok:
                try:
                    return ResolvedDate(dt.date(int(year_tok), month, day), raw, "EXPLICIT")
                except ValueError:
                    return None
            shift = {"last year": -1, "next year": 1, "this year": 0}.get(next(
                (w for w in ("last year", "next year", "this year") if w in low), ""))
            if shift is not None:  # 'on June 7 last year'
                try:
                    return ResolvedDate(dt.date(published.year + shift, month, day), raw, "EXPLICIT")
                except ValueError:
                    return None
            date = _closest_year(month, day, published, future)
            return ResolvedDate(date, raw, "EXPLICIT") if date else None
    if _HAS_MONTH.search(low):
        parsed = _dateparser(raw, published, future)
        if parsed:
            return ResolvedDate(parsed, raw, "EXPLICIT", "day")
        return _month_only(raw, published, future)
    m = _ORDINAL_DAY.search(low)
    if m:
        return _ordinal_day(int(m.group(1)), m.group(2), published, future, raw)
    m = _ANNIVERSARY.search(low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _YEARS_WORDS[m.group(1)]
        try:
            day = published.replace(year=published.year - n)
        except ValueError:  # 29 February
            day = published.replace(year=published.year - n, day=28)
        return ResolvedDate(day, raw, "RELATIVE", "day" if m.group(2) in ("today", "on this day") else m.group(2)[5:])
    if _DAY_AFTER.search(low):
        return ResolvedDate(published + dt.timedelta(days=2), raw, "RELATIVE")
    if _DAY_BEFORE.search(low):
        return ResolvedDate(published - dt.timedelta(days=2), raw, "RELATIVE")
    if _YESTERDAY.search(low):
        return ResolvedDate(published - dt.timedelta(days=1), raw, "RELATIVE")
    if _TOMORROW.search(low):
        return ResolvedDate(published + dt.timedelta(days=1), raw, "RELATIVE")
    if _SAME_DAY.search(low):
        return ResolvedDate(published, raw, "RELATIVE")
    m = _WEEKDAY.search(low)
    if m:
        return ResolvedDate(_weekday(published, WEEKDAYS.index(m.group(2)), m.group(1), future), raw, "RELATIVE")
    m = _AGO.search(low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _WORD_NUM[m.group(1)]
        days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[m.group(2)] * n
        sign = -1 if m.group(3) == "ago" else 1
        return ResolvedDate(published + dt.timedelta(days=sign * days), raw, "RELATIVE",
                            "day" if m.group(2) == "day" else "year" if m.group(2) == "decade" else m.group(2))
    m = _UNIT.search(low)
    if m:
        unit = m.group(2)
        step = {"week": 7, "weekend": 7, "month": 30, "year": 365}[unit]
        if m.group(1) in ("last", "past"):
            return ResolvedDate(published - dt.timedelta(days=step), raw, "RELATIVE", unit)
        if m.group(1) in ("next", "coming"):
            return ResolvedDate(published + dt.timedelta(days=step), raw, "RELATIVE", unit)
        return ResolvedDate(published, raw, "RELATIVE", unit)
    return None


_NARRATIVE = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|six|seven|\d+) (?P<unit>day|week|fortnight)s? (?P<dir>later|afterwards|after|before|earlier)"
    r"|the (?P<adj>next|following|previous|preceding) (?:day|morning|afternoon|evening|night)"
    r"|the (?:day|evening|night|morning|afternoon) (?P<dir2>before|after)(?! (?:yesterday|tomorrow))"
    r"|(?:hours|minutes|moments|shortly) (?P<dir3>later|afterwards|after|before|earlier)"
    r"|(?:later|earlier) (?:that|the same|in the) day|(?:on )?the same day"
    r"|(?:on )?that (?:day|morning|afternoon|evening|night))\b", re.I)


@dataclass(frozen=True)
class Narrative:
    """A date told from the story's own time, not the dateline's ('a day later', 'earlier that day',
    'two days after X met Y'): ``days`` from the time it refers to."""
    start: int
    end: int
    text: str
    days: int
    #: True for 'a day after <something>': the time referred to is the clause that follows, and an event
    #: in that clause lies ``days`` before the sentence's own time
    anchored: bool


def entry_end(paragraph: str) -> int:
    """Where a timeline entry's opening date ends (0 in any other paragraph): parsed with its sentence, the date
    reads as the subject ('Aug. 20, 2023 — Denmark and the Netherlands pledge F-16s')."""
    m = _ENTRY.match(paragraph)
    return m.end() if m else 0


def entry_date(paragraph: str, published: dt.date) -> Optional[ResolvedDate]:
    """The date a timeline entry opens with: every event the entry tells happened then (a past date when the
    entry gives no year: a chronology looks back). A year alone has year precision; a span of months
    ('May-July 1999') its first month."""
    m = _ENTRY.match(paragraph)
    if not m:
        return None
    text = m.group("date")
    if text.isdigit():
        return ResolvedDate(dt.date(int(text), 1, 1), text, "EXPLICIT", "year")
    r = resolve(text, published, False)
    if r is not None and r.date > published and not re.search(r"\d{4}", text):
        r = replace(r, date=r.date.replace(year=r.date.year - 1)) if (r.date.month, r.date.day) != (2, 29) else None
    if r is not None:
        return r
    month, year = re.match(_MONTH_RE, text, re.I), re.search(r"\d{4}", text)
    if month and year:
        return ResolvedDate(dt.date(int(year.group()), _month_index(month.group()), 1), text, "EXPLICIT", "month")
    return None


def _is_heading(paragraph: str) -> bool:
    """A timeline's date heading: a date, a dash and a few words of place or title ('Dec. 21, 2022 – Washington')."""
    end = entry_end(paragraph)
    rest = paragraph[end:].strip()
    return bool(end) and len(paragraph) <= 80 and len(rest.split()) <= 6 and not rest.endswith(".")


@lru_cache(maxsize=8)
def _headings(text: str) -> int:
    """How many date headings a text has: counted once per article, not once per event."""
    return sum(map(_is_heading, text.split("\n")))


def heading_date(text: str, at: int, published: dt.date) -> Optional[ResolvedDate]:
    """The date of the heading an entry sits under, in a timeline that heads its entries with dates of their own
    ('Dec. 21, 2022 – Washington', then 'Traveling via Poland, Zelensky meets U.S. President Joe Biden ...'): the
    nearest heading above, within a few paragraphs. It takes two headings to make a timeline; one date over a text
    is its dateline."""
    if _headings(text) < 2:
        return None
    paragraphs = [p for p in text[:text.rfind("\n", 0, at) + 1].split("\n") if p.strip()]
    for paragraph in reversed(paragraphs[-4:]):
        if _is_heading(paragraph):
            return entry_date(paragraph, published)
    return None


def narratives(text: str) -> list[Narrative]:
    out = []
    for m in _NARRATIVE.finditer(text):
        way = (m.group("dir") or m.group("adj") or m.group("dir2") or m.group("dir3") or "").lower()
        sign = 1 if way in ("later", "afterwards", "after", "next", "following") else -1
        if m.group("n"):
            n = int(m.group("n")) if m.group("n").isdigit() else _WORD_NUM.get(m.group("n").lower(), 1)
            days = sign * n * {"week": 7, "fortnight": 14}.get(m.group("unit").lower(), 1)
        elif m.group("adj") or m.group("dir2"):
            days = sign
        else:
            days = 0  # 'hours later', 'the same day', 'earlier that day'
        follows = text[m.end():m.end() + 2]
        anchored = way in ("after", "before") and len(follows) == 2 and follows[0] == " " and follows[1].isalnum()
        out.append(Narrative(m.start(), m.end(), m.group(0), days, anchored))
    return out


_ANY_EXPRESSION = [_MONTH_DAY, re.compile(r"\b(?:on |last |next |this |past |coming )?(?:" + "|".join(WEEKDAYS) + r")\b", re.I),
                   re.compile(_YESTERDAY.pattern, re.I), re.compile(_TOMORROW.pattern, re.I),
                   re.compile(_SAME_DAY.pattern, re.I)]


#: 'last year' after a day of the month: the year the day is in.
_YEAR_AFTER = re.compile(r",? (?:last|next|this) year\b", re.I)


def expressions(text: str) -> list[tuple[int, str]]:
    """Date expressions written in raw text, with their offsets: for text the tagger gave no DATE entity
    ('at the Istana on Feb 12' tagged as one place), and for the sentences before an undated one. 'A year ago
    today' is one expression, not 'today'."""
    years = [(m.start(), m.end()) for m in re.finditer(_ANNIVERSARY.pattern, text, re.I)]
    found = [(a, text[a:b]) for a, b in years]
    for pattern in _ANY_EXPRESSION:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in years):
                continue
            year = _YEAR_AFTER.match(text, m.end()) if pattern is _MONTH_DAY else None
            found.append((m.start(), m.group(0) + (year.group(0) if year else "")))  # 'On October 7 last year'
    return sorted(found)


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: dt.date, future: bool) -> Optional[dt.date]:
    import dateparser  # loaded on first absolute date only: its import costs about a second

    settings = {
        "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    cleaned = re.sub(r"^(on|by|since|until|from|in|of)\s+", "", text.strip(), flags=re.I)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A year the text names as a time: 'October 29, 1997', '29 October 1997', 'March 30th 1987', 'March 2003', 'in 1996'
#: (not 'since 1989', a span's start, nor 'the 1989 massacre', a thing's name).
PAST_DATE = re.compile(r"\b(?:" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                       + _MONTH + r"\s+|" + _MONTH +
                       r"\s+|(?:in|of|early|late|mid-|spring|summer|autumn|fall|winter|during)\s*)"
                       r"((?:19|20)\d\d)\b", re.I)


#: 'Nov. 16 last year': a past date whose year is the one before the dateline's.
LAST_YEAR_DATE = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2}),?\s+last year\b|\b(\d{1,2})\s+" + _MONTH + r",?\s+last year\b",
                            re.I)


def past_dates(text: str, day: Optional[dt.date]) -> list[tuple[int, dt.date]]:
    """The dates with a year before the dateline's that a text names, by offset (mid-year for a bare year;
    'Nov. 16 last year' too)."""
    out = []
    for m in LAST_YEAR_DATE.finditer(text) if day is not None else ():
        name, date = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month = next((k + 1 for k, full in enumerate(MONTHS) if full.startswith(name[:3].lower())), None)
        try:
            if month:
                out.append((m.start(), dt.date(day.year - 1, month, int(date))))
        except ValueError:
            pass
    for m in PAST_DATE.finditer(text):
        year = int(m.group(6))
        if day is None or year >= day.year:
            continue
        name = (m.group(1) or m.group(4) or m.group(5) or "").lower()
        month = next((k + 1 for k, full in enumerate(MONTHS) if name and full.startswith(name[:3])), 7)
        date = int(m.group(2) or m.group(3) or 1)
        try:
            out.append((m.start(), dt.date(year, month, date)))
        except ValueError:
            out.append((m.start(), dt.date(year, month, 1)))
    return out
