"""Cheap sentence splitting and a trigger-word screen, so that only sentences that can hold an event
reach the parser (the parser is nearly all of the cost of extraction).

The splitter is deliberately conservative: it splits only where a sentence end is unambiguous, and
never after abbreviations or initials ('U.S.', 'Nov.', 'D.C.'), so a candidate is at worst a little long.
"""
from __future__ import annotations

import re
from typing import Iterable

_END = re.compile(r"([.!?])([\"'\u201d\u2019)]*)(\s+)(?=[\"'\u201c\u2018(]*[A-Z0-9])")
_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "st",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
           "prof", "rev", "hon", "pres", "sr", "jr", "inc", "corp", "co", "ltd", "u.s", "u.k", "u.n", "e.u",
           "d.c", "a.m", "p.m", "ft", "mt", "fig", "approx", "est", "dept", "univ", "gens", "cmdr"}


#: Wire datelines that open a story: 'MOSCOW (Reuters) -', 'SEOUL, May 11 (Yonhap) --', 'KYIV, Ukraine (AP) —'.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)*\s*(?:\([^)]{1,40}\))?\s*(?:--|-|\u2014|\u2013)\s+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (paragraph breaks always end one; a wire dateline is left out, as the
    parser would otherwise take the city for the subject)."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        chunk = para.group()
        lead = DATELINE.match(chunk)
        if lead:
            start += lead.end()
            chunk = chunk[lead.end():]
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


class TriggerScreen:
    """True for sentences whose words could make an event: a trigger stem from the data files."""

    def __init__(self, stems: Iterable[str]):
        alternatives = sorted({s.lower() for s in stems if s}, key=len, reverse=True)
        self._re = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in alternatives) + r")", re.I)

    def __call__(self, sentence: str) -> bool:
        return self._re.search(sentence) is not None

    def candidates(self, text: str) -> list[tuple[int, int]]:
        return [(s, e) for s, e in sentences(text) if self(text[s:e])]
