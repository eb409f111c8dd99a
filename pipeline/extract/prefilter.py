"""Cheap sentence splitting and a trigger-word screen, so that only sentences that can hold an event
reach the parser (the parser is nearly all of the cost of extraction).

The splitter is deliberately conservative: it splits only where a sentence end is unambiguous, and
never after abbreviations or initials ('U.S.', 'Nov.', 'D.C.'), so a candidate is at worst a little long.
"""
from __future__ import annotations

import re
from typing import Iterable

from pipeline.extract.dates import entry_end

_END = re.compile(r"([.!?])([\"'\u201d\u2019)]*)(\s+)(?=[\"'\u201c\u2018(]*[A-Z0-9])")
_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "st",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
           "prof", "rev", "hon", "pres", "sr", "jr", "inc", "corp", "co", "ltd", "u.s", "u.k", "u.n", "e.u",
           "d.c", "a.m", "p.m", "ft", "mt", "fig", "approx", "est", "dept", "univ", "gens", "cmdr", "smt"}


#: Wire datelines that open a story: 'MOSCOW (Reuters) -', 'SEOUL, May 11 (Yonhap) --', 'KYIV, Ukraine (AP) —',
#: 'NEW DELHI:'; filed from two desks: 'TOKYO/NEW DELHI --', 'STOCKHOLM and BERLIN —'.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:(?:/| and | & )[A-Z][A-Z .'-]{2,})*(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][a-z]+)?(?:\s+\d{1,2})?)*\s*(?:\([^)]{1,40}\))?\s*(?:--|-|\u2014|\u2013|:)\s+")


#: Agency datelines in title case: 'Colombo, Aug 15 (PTI)', 'New Delhi, March 3 (IANS) -', 'Lahore/New Delhi, Dec 25 (PTI)'.
AGENCY_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{2,30}(?:/[A-Z][A-Za-z .'-]{2,30})*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([A-Za-z ]{2,20}\)\s*"
                             r"(?:--|-|\u2014|\u2013|:)?\s*")

#: Datelines with the agency between slashes: 'MOSCOW, June 25. /TASS/.'.
SLASHED_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{2,30},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.?\s*/[A-Za-z-]{2,12}/\.?\s+")

#: Datelines in title case with an agency or a date: 'La Celle-Saint-Cloud, France (AFP) -', 'Mogadishu (HOL) -', 'Quito (EFE).-'
#: (any agency's code in capitals), 'Berlin, 29 September 2023 -' (a ministry's press release).
PLACE_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{2,40}(?:,\s*[A-Z][A-Za-z .'-]{2,30})?,?\s*"
                            r"(?:\((?:AFP|AP|Reuters|Xinhua|Kyodo|Yonhap|dpa|DPA|ANI|PTI|IANS|TASS|Anadolu|UNI|IRNA|SPA|WAM|"
                            r"Bernama|Antara|PNA|BSS|AA|[A-Z]{2,6})\)|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})\.?\s*(?:--|-|\u2014|\u2013|:)\s+")


#: Datelines in title case with the date and an agency after it: 'Accra, March 10, GNA -', 'Dakar, 16 May (APS) -',
#: 'Jeddah, March 10, 2025, SPA --', 'Addis Abeba, December 07/2019 -', 'Nairobi, 07/12/2019 -'.
DATED_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{2,30}(?:,\s*[A-Z][A-Za-z .'-]{2,30})?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|"
                            r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?|\d{1,2}[/.]\d{1,2}(?=[/.]\d{4}))(?:(?:,?\s*|/|\.)\d{4})?(?:,?\s*\(?[A-Z][A-Za-z]{1,10}\)?)?\s*"
                            r"(?:--|-|\u2014|\u2013|:)\s+")


#: Datelines of a place and its region or country alone, in title case: 'Bogor, West Java - ', 'Athens, Greece – ',
#: 'Riyadh, Munich – ' (the desks a story was filed from). A comma between two runs of capitalised words and a dash
#: set off by spaces: a sentence rarely opens that way ('Kenya, Uganda and Rwanda - leaders met' does not match).
REGION_DATELINE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\s+"
                             r"(?:--|-|\u2014|\u2013)\s+")

#: A place alone before a dash set off by spaces, the story's first word capitalised ('Addis Abeba – Prime Minister
#: Abiy Ahmed on Saturday received', 'Mar del Plata – US President George W. Bush'): regional agencies' and
#: papers' datelines. A name and a dash opening a sentence of prose is rare; the parser would make the city the
#: subject.
PLACE_ALONE_DATELINE = re.compile(r"^[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|de|del|da|do|dos|la|el|es|al)){0,3}\s+[\u2014\u2013-]\s+"
                                  r"(?=[A-Z\"\u201c])")

#: A place and the outlet's own name before a dash set close ('Cairo, Asharq Al-Awsat—', 'Riyadh, Arab News –').
OUTLET_DATELINE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s*[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,3}\s*"
                             r"[\u2014\u2013]\s*(?=[A-Z\"\u201c])")


#: A dateline written as a paragraph of its own ('Baku, Azerbaijan, August 9', 'Shusha, June 15, AZERTAC'), or an
#: agency's name on its own line ('Trend:').
DATELINE_LINE = re.compile(r"^(?:[A-Z][A-Za-z .'-]{2,40}(?:,\s*[A-Za-z0-9 .'()-]{1,30}){1,3}|[A-Z][A-Za-z-]{1,20}:)\s*$")
_DATE_WORD = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|:$")


#: A newsletter's label before its item ('The UK leg: At Chequers on Friday, Theresa May hosted Trump', 'Why it
#: matters: ...'): a few words and a colon, the item's first word capitalised. Parsed with the item, the label
#: would read as its subject.
LABEL = re.compile(r"^(?:[A-Z0-9][\w'’-]*)(?:,? [\w'’-]+){0,3}: (?=[\"“A-Z])")


def dateline_end(paragraph: str) -> int:
    """Where a paragraph's wire dateline ends (0 without one): its city would read as a subject, and its date
    is the report's, not the story's."""
    if DATELINE_LINE.match(paragraph) and _DATE_WORD.search(paragraph.strip()) and not re.search(r"\b[a-z]", paragraph):
        return len(paragraph)
    lead = DATELINE.match(paragraph) or AGENCY_DATELINE.match(paragraph) or PLACE_DATELINE.match(paragraph) \
        or SLASHED_DATELINE.match(paragraph) or DATED_DATELINE.match(paragraph) \
        or REGION_DATELINE.match(paragraph) or OUTLET_DATELINE.match(paragraph) \
        or PLACE_ALONE_DATELINE.match(paragraph)
    return lead.end() if lead else 0


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (paragraph breaks always end one; a wire dateline, or the date a timeline's
    entry opens with, is left out, as the parser would otherwise take the city or the date for the subject)."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        chunk = para.group()
        lead = dateline_end(chunk) or entry_end(chunk)
        label = LABEL.match(chunk[lead:])
        lead += label.end() if label else 0
        start += lead
        chunk = chunk[lead:]
        last = 0
        for m in _END.finditer(chunk):
            before = chunk[last:m.start(1)].rsplit(None, 1)
            word = before[-1].lower().lstrip("(\"'") if before else ""
            if word in _ABBREV or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word):
                continue
            end = m.end(2)
            if chunk[last:end].strip():
                spans.append((start + last, start + end))
            last = m.end(3)
        if chunk[last:].strip():
            spans.append((start + last, start + len(chunk.rstrip())))
    return spans


def _alternation(words: Iterable[str]) -> re.Pattern:
    """A regex true wherever one of ``words`` starts at a word boundary (any case; a stem matches longer
    words). Written as a trie: a flat alternation of the ~900 asset words tries each of them at every
    character, which cost 30 times as much and more than a third of the extraction time outside spaCy.
    It answers the same: a word that has another as its prefix is dropped, since wherever it matches the
    shorter one does too; the screen asks only whether a sentence matches, never what."""
    words = sorted({w.lower() for w in words if w})
    minimal = [w for i, w in enumerate(words) if not (i and any(w.startswith(v) for v in words[:i]))]
    return re.compile(r"\b" + _trie(minimal), re.I)


def _trie(words: list[str]) -> str:
    """A regex for exactly these words (none a prefix of another), sharing their common prefixes."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    alternatives = [re.escape(c) + (_trie(rest) if rest != [""] else "") for c, rest in sorted(groups.items())]
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


class TriggerScreen:
    """True for sentences whose words could make an event: a meeting stem; or a contribution stem
    together with a word for something military (a verb of giving alone is most of a newspaper)."""

    def __init__(self, words: dict[str, list[str]]):
        self._meeting = _alternation(words["meeting"])
        self._contribution = _alternation(words["contribution"])
        self._asset = _alternation(words["asset"])

    def __call__(self, sentence: str) -> bool:
        if self._meeting.search(sentence):
            return True
        return self._contribution.search(sentence) is not None and self._asset.search(sentence) is not None

    def candidates(self, text: str) -> list[tuple[int, int]]:
        return [(s, e) for s, e in sentences(text) if self(text[s:e])]


#: A photo caption as scraped pages keep it: a short paragraph that ends with its credit ('(Adrian Wyld/Canadian
#: Press)', '(U.S. Navy photo by ...)', '— Photo courtesy PTV', '(Photo: AFP)') or opens with 'FILE - '.
CAPTION = re.compile(r"^(?:FILE(?: PHOTO)?\s*[-:–—]\s.*|.*(?:\((?:[^()\n]*\b(?i:photo)\b[^()\n]*|[A-Z][\w.'’ -]{1,40}/"
                     r"[A-Z][\w.'’ &-]{1,40})\)|[—–-]\s*(?i:photo)\b[^\n]{0,60}|\b(?i:photo):\s*[^\n]{1,60}))\s*$")
# (the credit's names are capitalised: not a sentence that ends '(and/or)')


def caption_spans(text: str, longest: int = 400) -> list[tuple[int, int]]:
    """Where a text's photo captions lie: they repeat, in the present tense and with no day, an event the story
    tells (or one it does not tell at all)."""
    spans, start = [], 0
    for paragraph in text.split("\n"):
        if paragraph.strip() and len(paragraph) <= longest and CAPTION.match(paragraph.strip()):
            spans.append((start, start + len(paragraph)))
        start += len(paragraph) + 1
    return spans
