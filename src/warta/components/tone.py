"""Article tone from the InSet lexicon (``lang/tone``), GDELT-style percentages.

``positive`` and ``negative`` are the percentage of word tokens covered by positive / negative
lexicon entries (phrases up to four words, matched longest first); ``score`` is
``positive - negative``, so it reads like GDELT's tone (−100…+100). Writes ``doc._.tone``.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from warta.lang import weighted_lexicon
from warta.record import Tone

MAX_PHRASE = 4


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    lex = weighted_lexicon("tone/negative.tsv")
    for word, weight in weighted_lexicon("tone/positive.tsv").items():
        lex[word] = lex.get(word, 0.0) + weight   # InSet lists a few words in both files
    return lex


def tone_of_words(words: list[str]) -> Tone:
    """Tone of a sequence of lower-cased word tokens. Pure function."""
    lex = lexicon()
    pos = neg = 0
    i, n = 0, len(words)
    while i < n:
        for size in range(min(MAX_PHRASE, n - i), 0, -1):
            weight = lex.get(" ".join(words[i:i + size]))
            if weight:
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
    p, q = 100.0 * pos / n, 100.0 * neg / n
    return Tone(score=round(p - q, 3), positive=round(p, 3), negative=round(q, 3), words=n)


@Language.factory("warta_tone", assigns=["doc._.tone"], default_config={})
def make_tone(nlp: Language, name: str):
    return lambda doc: _set_tone(doc)


def _set_tone(doc: Doc) -> Doc:
    doc._.tone = tone_of_words([t.lower_ for t in doc if t.is_alpha])
    return doc
