"""Name normalisation shared by the KB builder and the run-time lookups (both must agree)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def alias_key(text: str) -> str:
    """Case-, accent-, hyphen- and punctuation-insensitive key: "Kim Jong-un" -> "kim jong un"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("'", "")
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def is_acronym(text: str) -> bool:
    """Acronyms (AS, PBB, KPK, G20) are matched case-sensitively in running text."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(text) <= 8 and all(c.isupper() for c in letters)


@lru_cache(maxsize=65536)
def variant_key(word: str) -> str:
    """Spelling-variant key for one name word: Zelenskyy / Zelensky / Zelenskiy / Zelenski -> "zelensk"."""
    w = alias_key(word).replace(" ", "")
    w = re.sub(r"(.)\1+", r"\1", w)                # doubled letters
    w = re.sub(r"(iy|yi|ij|ii|y|i)$", "", w)       # transliteration endings
    w = w.replace("kh", "h").replace("j", "y").replace("dz", "z")
    return w


def one_edit_apart(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion or substitution
    (a one-letter typo of a name: "Malysia", "Febriari")."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]
