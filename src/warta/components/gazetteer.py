"""Entity ruler fed from the offline gazetteer (``kb/data/gazetteer.jsonl``).

Reads ``doc.ents`` (from the trained NER when it runs first) and adds gazetteer matches:
a match on exactly an NER span gives that span its KB key (``span.kb_id_``); a match that
overlaps no entity becomes a new entity; a match inside a longer NER span (``Rusia`` in
``Kementerian Luar Negeri Rusia``) is left to the NER. ``gazetteer_entry(key)`` returns the
name, country (ISO3), Wikidata id and actor code behind a key.
"""
from __future__ import annotations

import json
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from warta.components.person_names import add_person_names
from warta.kb import KB_DATA
from warta.lang import verb_shaped, word_list

GAZETTEER_FILE = KB_DATA / "gazetteer.jsonl"


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[dict, ...]:
    with open(GAZETTEER_FILE, encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


@lru_cache(maxsize=1)
def _entries() -> dict[str, dict]:
    return {row["id"]: row for row in load_gazetteer()}


def gazetteer_entry(key: str) -> dict | None:
    """The KB row behind a ``kb_id_`` set by this component (name, country, wikidata, actor, kind)."""
    return _entries().get(key)


@Language.factory("warta_gazetteer", assigns=["doc.ents"], requires=["token.is_sent_start"], default_config={})
def make_gazetteer(nlp: Language, name: str):
    return GazetteerRuler(nlp)


class GazetteerRuler:
    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[int, tuple[str, str]] = {}
        by_pattern: dict[tuple[str, str], list] = {}
        self.kinds: dict[str, str | None] = {}
        for row in load_gazetteer():
            by_pattern.setdefault((row["id"], row["label"]), []).append(row["pattern"])
            self.kinds[row["id"]] = row.get("kind")
        for (key, label), patterns in by_pattern.items():
            match_id = nlp.vocab.strings.add(f"{label}|{key}")
            self.keys[match_id] = (label, key)
            self.matcher.add(f"{label}|{key}", [nlp.make_doc(p) for p in patterns])

    def __call__(self, doc: Doc) -> Doc:
        return places_typed_as_persons(add_person_names(self._match(_trim_space(doc))))

    def _match(self, doc: Doc) -> Doc:
        matches = []
        for match_id, start, end in self.matcher(doc):
            label, key = self.keys[match_id]
            matches.append(Span(doc, start, end, label=label, kb_id=key))
        if not matches:
            return doc
        existing = list(doc.ents)
        taken = {}
        for ent in existing:
            for i in range(ent.start, ent.end):
                taken[i] = ent
        new_ents = []
        relabelled = {}
        for span in filter_spans(matches):
            owners = {taken[i] for i in range(span.start, span.end) if i in taken}
            if not owners:
                new_ents.append(span)
            elif len(owners) == 1:
                ent = next(iter(owners))
                if (ent.start, ent.end) == (span.start, span.end):
                    relabelled[(ent.start, ent.end)] = span   # NER span confirmed by the KB
                elif ent.start >= span.start and ent.end <= span.end:
                    relabelled[(ent.start, ent.end)] = span   # gazetteer span is longer: trust it
                elif _title_country_name(doc, ent, span, self.kinds.get(span.kb_id_)):
                    # "Presiden [Turki Erdogan]": the country, then the person the title names
                    relabelled[(ent.start, ent.end)] = span
                    new_ents.append(Span(doc, span.end, ent.end, label="PER"))
        ents = [relabelled.get((e.start, e.end), e) for e in existing] + new_ents
        doc.ents = filter_spans(ents)
        return doc


@lru_cache(maxsize=1)
def _name_particles() -> frozenset[str]:
    return frozenset(word_list("name_particles.txt"))


def _lowercase_tail(doc: Doc, start: int, end: int, label: str) -> bool:
    """A span whose last word the NER glued on: for a person any lower-case word ("Fahri geram",
    "Edy layak"; name particles and hyphenated parts stay), for an organisation or place a
    lower-case verb ("Kementerian Keuangan AS menunjuk"; "Komite … untuk Rakyat" keeps its words)."""
    last = doc[end - 1]
    if end - start < 2 or not last.is_alpha or not last.text[:1].islower() or doc[end - 2].text == "-":
        return False
    if label == "PER":
        return last.lower_ not in _name_particles()
    return verb_shaped(last.lower_)


def _trim_space(doc: Doc) -> Doc:
    """The trained NER sometimes takes a paragraph break into a span ("Persiba\n\n"), a
    lower-case word after a person's name ("Materazzi roboh") or a verb after an organisation
    ("Kementerian Keuangan AS menunjuk"): cut them off entity edges, so every later stage gets
    clean mention offsets."""
    ents = doc.ents
    if not any(doc[e.end - 1].is_space or doc[e.start].is_space or _lowercase_tail(doc, e.start, e.end, e.label_) for e in ents):
        return doc
    out = []
    for e in ents:
        start, end = e.start, e.end
        while end > start and doc[end - 1].is_space:
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        while _lowercase_tail(doc, start, end, e.label_):
            end -= 1
        if end > start:
            out.append(Span(doc, start, end, label=e.label, kb_id=e.kb_id))
    doc.ents = out
    return doc


@lru_cache(maxsize=1)
def _title_roles() -> frozenset[str]:
    """Role words written before a name ("presiden", "perdana menteri"): the entity stage's
    reading of ``lang/roles.tsv``."""
    from warta.components.entities import lexicon   # entities imports this module lazily too

    return frozenset(" ".join(words) for entries in lexicon().roles.values()
                     for words, _sector, kind in entries if kind == "title")


def _title_country_name(doc: Doc, ent: Span, country: Span, kind: str | None) -> bool:
    """An NER span that glues a country to the name after a title: "Presiden [Turki Erdogan]".

    True when the span starts with a gazetteer country, a title role comes right before it, and
    the rest is one to three capitalised words (the person the title names).
    """
    if kind != "country" or ent.start != country.start or not 1 <= ent.end - country.end <= 3:
        return False
    before = [t.lower_ for t in doc[max(0, ent.start - 2): ent.start]]
    roles = _title_roles()
    if not before or not (before[-1] in roles or " ".join(before) in roles):
        return False
    return all(t.is_alpha and t.text[:1].isupper() for t in doc[country.end: ent.end])


# --------------------------------------------------------------------------- places the NER calls persons

_PERSON_CUES_AFTER = 2      # tokens after a name searched for a speech verb ("Hamilton mengatakan")


def _place_rows(name: str):
    """Gazetteer places named exactly ``name``, and whether one of them needs a cue to count
    (a weak alias: "Nice", "Oita", "Jordan" are as often words, clubs or persons)."""
    from warta.components.places import gazetteer as place_gazetteer   # places imports nothing from here

    g = place_gazetteer()
    cands = g.alias.get(name) or []
    return g, [g.rows[i] for i, _weak in cands], any(weak for _i, weak in cands)


def _person_evidence(doc: Doc, name: str, speech: frozenset, titles: frozenset) -> bool:
    """The article uses ``name`` as a person somewhere: inside a longer person span ("Lewis
    Hamilton"), next to a speech verb ("kata Hamilton", "Hamilton mengatakan") or after a title."""
    for ent in doc.ents:
        if ent.label_ in ("PER", "PERSON") and ent.text != name and name in ent.text.split():
            return True
    words = name.split()
    n = len(words)
    for i, tok in enumerate(doc):
        if tok.text != words[0] or [t.text for t in doc[i:i + n]] != words:
            continue
        before = [t.lower_ for t in doc[max(0, i - 2):i] if not t.is_punct]
        after = [t.lower_ for t in doc[i + n:i + n + _PERSON_CUES_AFTER] if not t.is_punct]
        if (before and (before[-1] in speech or before[-1] in titles)) or any(w in speech for w in after[:1]):
            return True
    return False


def places_typed_as_persons(doc: Doc) -> Doc:
    """A person span that is exactly a known place, in an article that locates it, becomes LOC.

    The trained NER calls some foreign towns persons ("rudal yang menghantam Kharkiv", "Palestina,
    termasuk Hebron", "pergi ke Oita"); every later stage then loses the place. The span is retyped
    when the gazetteer knows the name as a place needing no cue and the article never uses it as a
    person, and either a place cue comes right before it ("di", "ke", "menuju": ``cue`` rows of
    ``lang/places_context.tsv``) or, for a foreign place, the article also names its country. A name
    the table marks weak ("Nice", "Oita") needs a locative cue right before it ("ke Oita", not
    "dari Jackson").
    Sports articles are left alone: there a bare city is usually the club ("Leganes", "Lyon").
    Indonesian places need the cue, since many regency names are also surnames ("Samosir", "Karo").
    """
    persons = [e for e in doc.ents if e.label_ in ("PER", "PERSON") and e.end - e.start <= 3]
    if not persons:
        return doc
    countries = {e.kb_id_.split(":", 1)[1] for e in doc.ents if e.kb_id_.startswith("country:")}
    changed = {}
    usable: dict[str, tuple] = {}
    for ent in persons:
        name = ent.text
        if name not in usable:
            g, rows, weak = _place_rows(name)
            if rows and g.sports_text(doc.text):
                return doc
            usable[name] = (rows, weak) if rows and not _person_evidence(doc, name, _speech_words(), _title_roles()) \
                else ((), False)
        rows, weak = usable[name]
        if not rows:
            continue
        prev = doc[ent.start - 1].text if ent.start > 0 else ""
        if weak:
            located = prev.lower() in g.locatives
        else:
            nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
            located = prev in g.cues or prev.lower() in g.cues \
                or (any(r.country and r.country != "IDN" and r.country in countries for r in rows)
                    and not verb_shaped(nxt))   # "Epworth mendapatkan uang": a person acts
        if located:
            changed[(ent.start, ent.end)] = Span(doc, ent.start, ent.end, label="LOC")
    if changed:
        doc.ents = [changed.get((e.start, e.end), e) for e in doc.ents]
    return doc


@lru_cache(maxsize=1)
def _speech_words() -> frozenset[str]:
    """Speech verbs of the entity stage's lexicon: a name beside one is a speaker, not a place."""
    from warta.components.entities import _speech_forms

    return _speech_forms()
