"""Article tone, GDELT-style percentages, from a news-reviewed InSet lexicon (``lang/tone``).

``positive`` and ``negative`` are the percentage of word tokens covered by positive / negative
lexicon entries (phrases up to four words, matched longest first); ``score`` is
``positive - negative``, so it reads like GDELT's tone (−100…+100). Writes ``doc._.tone``.

InSet comes from tweets; read over news it scores function and topic words ("yang" −5, "tim" −4,
"presiden" +3) and gets plain words backwards ("gempa" +4). The ``news`` lexicon therefore drops
InSet's closed-class words, replaces the 1,000 InSet words most frequent in news by a reviewed
weight, and adds news words InSet lacks (``training/tone/build_review.py``). Turning a word's
polarity after a negator ("tidak berhasil") is available but off: like GDELT, warta counts words,
because negation lowered the rank correlation with readers on the gold (``warta eval tone
--negation``; docs/accuracy.md). ``inset`` is the raw lexicon, kept to measure the difference.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from warta.lang import word_list, weighted_lexicon
from warta.record import Tone

MAX_PHRASE = 4
NEGATION_WINDOW = 1


@lru_cache(maxsize=1)
def inset_lexicon() -> dict[str, float]:
    """InSet as published: a word listed as both positive and negative gets the sum."""
    lex = weighted_lexicon("tone/negative.tsv")
    for word, weight in weighted_lexicon("tone/positive.tsv").items():
        lex[word] = lex.get(word, 0.0) + weight
    return lex


@lru_cache(maxsize=2)
def news_lexicon(keep_tail: bool = False) -> dict[str, float]:
    """Reviewed weights for the words that matter in news. ``keep_tail`` also keeps the unreviewed
    open-class InSet words (measured worse on the dev gold; kept for `warta eval tone`)."""
    closed = set(word_list("tone/inset_closed_class.txt"))
    lex = {w: v for w, v in inset_lexicon().items() if v and w not in closed} if keep_tail else {}
    lex.update(weighted_lexicon("tone/news_review.tsv"))
    return {w: v for w, v in lex.items() if v}


def lexicon(name: str = "news") -> dict[str, float]:
    return {"news": news_lexicon, "inset": inset_lexicon, "news+tail": lambda: news_lexicon(True)}[name]()


@lru_cache(maxsize=1)
def negators() -> frozenset[str]:
    return frozenset(word_list("tone/negators.txt"))


def tone_of_words(words: list[str], lex: dict[str, float] | None = None, negation: bool = False) -> Tone:
    """Tone of a sequence of lower-cased word tokens. Pure function."""
    lex = news_lexicon() if lex is None else lex
    neg_words = negators() if negation else frozenset()
    pos = neg = 0
    i, n = 0, len(words)
    while i < n:
        for size in range(min(MAX_PHRASE, n - i), 0, -1):
            weight = lex.get(" ".join(words[i:i + size]))
            if weight:
                if any(w in neg_words for w in words[max(0, i - NEGATION_WINDOW):i]):
                    weight = -weight
                if weight > 0:
                    pos += size
                else:
                    neg += size
                i += size
                break
        else:
            i += 1
    if n == 0:
        return Tone(score=0.0, positive=0.0, negative=0.0, words=0)
    p, q = round(100.0 * pos / n, 3), round(100.0 * neg / n, 3)
    return Tone(score=round(p - q, 3), positive=p, negative=q, words=n)   # score = positive − negative as shown


def doc_words(doc: Doc) -> list[str]:
    return [t.lower_ for t in doc if t.is_alpha]


@Language.factory("warta_tone", assigns=["doc._.tone"], default_config={})
def make_tone(nlp: Language, name: str):
    return lambda doc: _set_tone(doc)


def _set_tone(doc: Doc) -> Doc:
    doc._.tone = tone_of_words(doc_words(doc))
    return doc
