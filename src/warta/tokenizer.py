"""Indonesian tokenizer: spaCy's ``id`` rules, adjusted for news text.

What changes from spaCy's defaults, and why:
- a hyphen between letters or digits no longer splits a word, so names (``Yong-hyun``,
  ``Hwasong-11``) and reduplications (``sekutu-sekutunya``) stay one token, as in the NER data;
- abbreviations from ``lang/abbreviations.txt`` (``Jl.``, ``Jend.``, ``Pol.``) stay one token,
  which also keeps the sentence splitter from cutting after them;
- enclitics are exposed, not split: ``token._.enclitic`` is ``"nya"`` for *katanya* and
  ``token._.base`` is ``"kata"``, so later stages see both the word and its pronoun while the
  token sequence still matches the whitespace-tokenised training corpora.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.id import Indonesian
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Token
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from warta.lang import table, word_list

def _keep_hyphens(infixes) -> list[str]:
    """Rewrite spaCy's infix rules so that an ASCII hyphen inside a word never splits it.

    Dashes (–, —, --) and slashes still split; only the plain hyphen rules are removed.
    """
    kept = []
    for pattern in infixes:
        if ")-(?=" in pattern:                 # letter-digit / digit-letter hyphen rules
            continue
        pattern = pattern.replace("(?:-|–|", "(?:–|")          # letter-letter hyphen
        pattern = pattern.replace("[+\\-\\*^]", "[+\\*^]")  # digit-digit hyphen (3-0, 14-10-2024)
        pattern = pattern.replace("[\\/-]", "[\\/]")          # hyphen before currency / letters
        kept.append(pattern)
    return kept


@lru_cache(maxsize=1)
def _enclitic_rules() -> tuple[tuple[str, ...], frozenset[str]]:
    enclitics = tuple(sorted((row[0] for row in table("enclitics.tsv")), key=len, reverse=True))
    return enclitics, frozenset(word_list("not_enclitic.txt"))


def enclitic_forms() -> tuple[str, ...]:
    """The enclitics of ``lang/enclitics.tsv`` (longest first), for fast ``str.endswith`` checks."""
    return _enclitic_rules()[0]


def split_enclitic(word: str) -> tuple[str, str | None]:
    """``katanya`` → (``kata``, ``nya``); ``hanya`` → (``hanya``, None). Pure function."""
    enclitics, exceptions = _enclitic_rules()
    lower = word.lower()
    if lower in exceptions:
        return word, None
    if lower.startswith("-") and lower[1:] in enclitics:   # "AS-nya" is split by the suffix rule
        return "", lower[1:]
    for enc in enclitics:
        if lower.endswith(enc) and len(lower) - len(enc) >= 3 and lower[: -len(enc)].replace("-", "").isalpha():
            base = word[: -len(enc)]
            return base.rstrip("-"), enc
    return word, None


def _enclitic(token: Token):
    return split_enclitic(token.text)[1]


def _base(token: Token) -> str:
    return split_enclitic(token.text)[0]


for _name, _getter in (("enclitic", _enclitic), ("base", _base)):
    if not Token.has_extension(_name):
        Token.set_extension(_name, getter=_getter)


def abbreviation_exceptions() -> dict[str, list[dict]]:
    """Special cases for ``lang/abbreviations.txt`` in as-written, title and upper case."""
    out = {}
    for abbr in word_list("abbreviations.txt"):
        for form in {abbr, abbr[:1].upper() + abbr[1:], abbr.upper()}:
            out[form] = [{ORTH: form}]
    return out


#: A word of letters joined by hyphens ("abang-abang", "Yong-hyun").
_PLAIN_HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")


def tokenizer_rules() -> dict[str, list[dict]]:
    """spaCy's Indonesian exceptions that still do something here, plus warta's abbreviations.

    15,573 of spaCy's 15,963 Indonesian exceptions only keep a hyphenated word whole against
    the hyphen infix rule, which warta removes: they change no token, and loading them costs
    ~1.7 s per pipeline. The 390 others (abbreviations with periods, emoticons, whitespace)
    stay. Tokens are identical on all of IndoSum (``tests/test_language.py``).
    """
    rules = {text: pieces for text, pieces in Indonesian.Defaults.tokenizer_exceptions.items()
             if not (len(pieces) == 1 and set(pieces[0]) == {ORTH} and _PLAIN_HYPHENATED.match(text))}
    rules.update(abbreviation_exceptions())
    return rules


def make_tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's Indonesian tokenizer with warta's rules, built once (no re-flush per rule)."""
    d = nlp.Defaults
    return Tokenizer(
        nlp.vocab,
        rules=tokenizer_rules(),
        prefix_search=compile_prefix_regex(d.prefixes).search if d.prefixes else None,
        suffix_search=compile_suffix_regex(d.suffixes).search if d.suffixes else None,
        infix_finditer=compile_infix_regex(_keep_hyphens(d.infixes)).finditer,
        token_match=d.token_match,
        url_match=d.url_match,
    )


def customize_tokenizer(nlp: Language) -> Language:
    """Give ``nlp`` warta's tokenizer in place."""
    nlp.tokenizer = make_tokenizer(nlp)
    return nlp


def blank() -> Language:
    """A blank Indonesian pipeline with warta's tokenizer."""
    return Indonesian(create_tokenizer=make_tokenizer)


def doc_text(doc) -> str:
    """``doc.text``, computed once per doc and kept in ``doc.user_data``.

    ``Doc.text`` joins every token in Python on each access (about a millisecond for a news
    article), more than the times and places stages themselves; later stages can share this.
    """
    key = ("warta", "text", len(doc))
    text = doc.user_data.get(key)
    if text is None:
        text = doc.user_data[key] = doc.text
    return text
