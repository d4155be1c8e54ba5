"""``warta_entities``: cluster name mentions, resolve pronouns, link clusters to the offline KB.

Reads ``doc.ents`` (trained NER and the gazetteer ruler; ``kb_id_`` from the ruler), tokens
(``token._.enclitic`` from warta's tokenizer, else the ending ``-nya`` checked against
``lang/nya_referential.tsv``), sentence boundaries and ``doc._.published``.
Adds ``doc._.entities``: one :class:`warta.record.Entity` per real-world actor (ids e1, e2, … in
order of first mention), whose mentions include resolved pronouns (``Dia``, ``katanya``).

The method, top to bottom:
1. ``name_mentions``   doc.ents + KB names found by one Aho-Corasick pass + "title + Name" patterns;
2. ``parse_titles``    the title before a person ("Menteri Pertahanan Nasional Korea Selatan"):
                       role word -> sector, country/organisation inside it -> country;
3. ``cluster``         same KB entry, full name <-> surname <-> spelling variant, acronym <->
                       expansion, title-only mention <-> the person holding that title;
4. ``resolve_pronouns`` salience-ranked (recency, subject position, speaker history);
5. ``link``            wikidata/country/actor/role valid on the published date.
Pure functions over a small ``Mention`` list; the component only writes ``doc._.entities``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from warta import record as R
from warta.components.sentences import dateline_end
from warta.kb.normalize import alias_key, is_acronym, variant_key
from warta.kb.store import KB
from warta.lang import table, verb_shaped, word_list
from warta.tokenizer import doc_text

if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "NORP": "MISC", "FAC": "LOC", "EVT": "MISC", "PRD": "MISC"}
STOP_IN_ACRONYM = frozenset(word_list("acronym_stopwords.txt"))


# --------------------------------------------------------------------------- language data
@dataclass(frozen=True)
class Lexicon:
    roles: dict            # first word -> list[(tuple words, sector, kind)] longest first
    pronouns: dict         # form -> (number, animacy)
    nya: dict              # base -> (class, animacy)
    honorifics: frozenset
    title_words: frozenset
    speech_verbs: frozenset


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    roles: dict = {}
    for row in table("roles.tsv"):
        words = tuple(row[0].lower().split())
        roles.setdefault(words[0], []).append((words, row[1], row[2] if len(row) > 2 else "title"))
    for lst in roles.values():
        lst.sort(key=lambda r: -len(r[0]))
    pronouns = {r[0].lower(): (r[1], r[2]) for r in table("pronouns.tsv")}
    nya = {r[0].lower(): (r[1], r[2]) for r in table("nya_referential.tsv")}
    speech = frozenset(base for base, (cls, _) in nya.items() if cls == "speech")
    return Lexicon(roles, pronouns, nya, frozenset(word_list("titles.txt")), frozenset(word_list("title_words.txt")),
                   speech)


def _speech_forms() -> frozenset:
    """Reporting-verb forms that mark the subject next to them as a speaker (mengatakan, kata)."""
    out = set()
    for base in lexicon().speech_verbs:
        out.update({base, f"meng{base}kan", f"men{base}kan", f"mem{base}kan", f"me{base}kan", f"ber{base}",
                    f"meng{base}", f"men{base}", f"mem{base}", f"di{base}kan"})
    out.update(word_list("speech_verb_forms.txt"))
    return frozenset(out)


SPEECH_FORMS = None


# --------------------------------------------------------------------------- data model
@dataclass
class Title:
    text: str
    start: int            # token indices of the title phrase
    end: int
    sector: Optional[str]
    country: Optional[str] = None
    actor: Optional[str] = None       # organisation actor code inside the title (KPK -> IDNGOV)
    has_org_or_country: bool = False
    key: str = ""                     # with canonical place/organisation names: "Gubernur BI" -> "gubernur bank indonesia"


@dataclass
class Mention:
    start: int                      # token span
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    kind: str = "name"              # name | title | pronoun
    kb: Optional[int] = None        # KB entity index
    gaz: Optional[dict] = None      # gazetteer row for ruler hits
    source: str = "ner"
    title: Optional[Title] = None
    sent: int = 0
    cluster: Optional[int] = None
    pron: Optional[tuple] = None    # (class, number, animacy) for pronouns
    definite: bool = False          # a group phrase closed by a demonstrative after a speech cue: someone named before
    score: float = 0.0
    inner_country: Optional[str] = None   # country of a KB name inside an unlinked NER span
    subject: Optional[bool] = None  # set by resolve_pronouns: looks like its clause's subject

    @property
    def words(self) -> list[str]:
        return [w for w in alias_key(self.text).split() if w not in lexicon().honorifics]


@dataclass
class Cluster:
    mentions: list = field(default_factory=list)
    label: str = "MISC"
    kb: Optional[int] = None
    gaz: Optional[dict] = None
    speaker: bool = False

    def names(self):
        return [m for m in self.mentions if m.kind == "name"]


# --------------------------------------------------------------------------- fast token view
class _Tok:
    """The few token attributes this stage reads, copied once: spaCy builds a new Token object on
    every ``doc[i]``, which made repeated scans the stage's main cost."""

    __slots__ = ("i", "text", "lower_", "idx", "is_sent_start", "like_num")

    def __init__(self, i, text, lower, idx, sent_start, like_num):
        self.i = i
        self.text = text
        self.lower_ = lower
        self.idx = idx
        self.is_sent_start = sent_start
        self.like_num = like_num


class DocView:
    """Read-only stand-in for a Doc: cached tokens, everything else delegated to the Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        strings = doc.vocab.strings
        arr = doc.to_array(["ORTH", "LOWER", "IDX", "SENT_START", "LIKE_NUM"]).tolist() if len(doc) else []
        self.toks = [_Tok(i, strings[o], strings[lo], idx, ss == 1 or i == 0, bool(num))
                     for i, (o, lo, idx, ss, num) in enumerate(arr)]

    def __len__(self):
        return len(self.toks)

    def __iter__(self):
        return iter(self.toks)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.doc[key]
        return self.toks[key]

    def __getattr__(self, name):
        return getattr(self.doc, name)


# --------------------------------------------------------------------------- 1. mentions
def _sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token; without sentence boundaries, split after . ! ? and newlines."""
    idx = [0] * len(doc)
    if isinstance(doc, DocView):
        annotated = any(t.is_sent_start for t in doc.toks[1:])   # SENT_START from to_array, no Doc walk
    else:
        annotated = doc.has_annotation("SENT_START")
    if annotated:
        s = -1
        for t in doc:
            if t.is_sent_start or t.i == 0:
                s += 1
            idx[t.i] = s
    else:
        s = 0
        for t in doc:
            idx[t.i] = s
            if t.text in (".", "!", "?") or "\n" in t.text:
                s += 1
    return idx


def name_mentions(doc: Doc, kb: KB, sent_of: list[int]) -> list[Mention]:
    """doc.ents first, checked against the KB; KB names from the text where no entity is.

    The trained NER's usual slips are repaired here: a span that does not start with a capital
    ("sejati") is dropped, a person span that begins with a KB country or organisation
    ("Ukraina Volodymyr Zelenskyy") is split, and a span that is exactly a KB place or
    organisation keeps the KB's type.
    """
    from warta.components.gazetteer import gazetteer_entry  # lead's module; optional at import time

    out: list[Mention] = []
    taken = [False] * len(doc)
    text = doc_text(doc)          # shared with later stages; Doc.text re-joins every token
    hits = list(kb.scan(text))
    hit_at = {}
    for start_c, end_c, idx in hits:
        hit_at.setdefault(start_c, []).append((end_c, idx))

    def add(start, end, label, gaz=None, source="ner", kb_idx=None):
        while end - start > 1 and doc[end - 1].text.isspace():
            end -= 1                              # the NER sometimes takes the paragraph break along
        while end - start > 1 and doc[start].text.isspace():
            start += 1
        span = doc[start:end]
        text, end_char = span.text, span.end_char
        particle = next((p for p in PARTICLES if text.lower().endswith(p)), None) if kb_idx is None and gaz is None else None
        if particle and len(doc[end - 1].text) > len(particle) + 2 and kb.lookup(text[:-len(particle)]):
            text, end_char = text[:-len(particle)], end_char - len(particle)   # "… Turki dan Arab Saudilah yang …"
        m = Mention(start, end, span.start_char, end_char, text, label, gaz=gaz, source=source,
                    sent=sent_of[start], kb=kb_idx)
        if m.kb is None and gaz and gaz.get("wikidata"):
            m.kb = kb.by_wikidata(gaz["wikidata"])
        if m.kb is None:
            ids = kb.lookup(gaz["name"] if gaz else text)
            typed = [i for i in ids if kb.get(i)["type"] == label]
            if len(typed) == 1:
                m.kb = typed[0]
        out.append(m)
        for i in range(start, end):
            taken[i] = True

    ents = list(doc.ents)
    lower_words = None
    # a longer KB organisation/place name wins over a shorter entity inside it:
    # "Indonesia" in "CNN Indonesia" or "Bank Indonesia" is not the country
    swallowed = set()
    for start_c, end_c, idx in hits:
        if kb.get(idx)["type"] not in ("LOC", "ORG"):
            continue
        inside = [k for k, e in enumerate(ents) if e.start_char >= start_c and e.end_char <= end_c
                  and (e.end_char - e.start_char) < (end_c - start_c)]
        crossing = any(e.start_char < end_c and e.end_char > start_c and not (start_c <= e.start_char and e.end_char <= end_c)
                       for e in ents)
        if inside and not crossing:
            span = doc.char_span(start_c, end_c, alignment_mode="strict")
            if span is not None:
                swallowed.update(inside)
                add(span.start, span.end, kb.get(idx)["type"], source="kb", kb_idx=idx)
    for k, ent in enumerate(ents):
        if k in swallowed:
            continue
        label = LABEL_MAP.get(ent.label_, ent.label_)
        if label not in ENTITY_TYPES:
            label = "MISC"
        first = ent.text[:1]
        if not (first.isupper() or first.isdigit()):
            continue
        gaz = gazetteer_entry(ent.kb_id_) if ent.kb_id_ else None
        if gaz is None and label in ("ORG", "LOC"):
            role = _match_role(doc, ent.start)
            if role is not None and role[2] == "title" and role[0] < ent.end:
                inner = [idx for end_c, idx in hit_at.get(doc[role[0]].idx, ()) if end_c == ent.end_char
                         and kb.get(idx)["type"] in ("LOC", "ORG")]
                if inner:   # "[Komisioner Komnas HAM], Natalius Pigai": the title is left to parse_titles
                    add(role[0], ent.end, kb.get(inner[0])["type"], source="kb", kb_idx=inner[0])
                    continue
        if gaz is None and label in ("ORG", "LOC"):
            cut = _person_after_name(doc, ent, hit_at, kb)
            if cut is not None:
                # "[Partai NasDem Surya Paloh]", "[Poso Darmin A. Sigilipu]" after a title: body, then person
                k, body_label, idx = cut
                add(ent.start, k, body_label, source="kb" if idx is not None else "ner", kb_idx=idx)
                add(k, ent.end, "PER")
                continue
        if gaz is None:
            exact = [idx for end_c, idx in hit_at.get(ent.start_char, ()) if end_c == ent.end_char]
            if exact and kb.get(exact[0])["type"] in ("LOC", "ORG"):
                add(ent.start, ent.end, kb.get(exact[0])["type"], source="kb", kb_idx=exact[0])
                continue
            if label == "PER":
                prefix = [(end_c, idx) for end_c, idx in hit_at.get(ent.start_char, ())
                          if end_c < ent.end_char and kb.get(idx)["type"] in ("LOC", "ORG")]
                if prefix:
                    end_c, idx = max(prefix)
                    cut = doc.char_span(ent.start_char, end_c, alignment_mode="strict")
                    if cut is not None and cut.end < ent.end:
                        add(cut.start, cut.end, kb.get(idx)["type"], source="kb", kb_idx=idx)
                        add(cut.end, ent.end, "PER")
                        continue
        if label == "PER" and gaz is None and _idn_region(doc[ent.start].text, city_alone=True):
            province = _idn_province(doc[ent.start].text)
            after_office = _title_before(doc, ent.start) or (
                k > 0 and ents[k - 1].end == ent.start and LABEL_MAP.get(ents[k - 1].label_, ents[k - 1].label_) == "ORG")
            rest_honorific = ent.end - ent.start >= 2 and all(
                doc[j].lower_.rstrip(".") in lexicon().honorifics for j in range(ent.start + 1, ent.end))
            if ent.end - ent.start == 1 and province:
                label = "LOC"       # "[Kaltim] dan Sulsel aman": a province the NER called a person
            elif rest_honorific and after_office:
                add(ent.start, ent.start + 1, "LOC")   # "Kapolres [Purwakarta AKBP] Hanny Hidayat": the rank
                continue                              # is left to the title parser with the name after it
            elif ent.end - ent.start >= 2 and all(_name_token(doc[j], ()) for j in range(ent.start + 1, ent.end)) \
                    and (after_office if ent.end - ent.start == 2 else province):
                # "Kepala OJK [Sultra Mohammad Fredly Nasution]", "Ketua Bawaslu [Balikpapan Agustan]";
                # a regency's name may open a person's ("Bima Arya Sugiarto"): provinces only, or an office before
                add(ent.start, ent.start + 1, "LOC")
                add(ent.start + 1, ent.end, "PER")
                continue
        if label == "PER" and gaz is None and ent.end - ent.start == 1:
            ids = kb.lookup(ent.text)
            if ids and all(kb.get(i)["type"] == "ORG" for i in ids):
                label = "ORG"       # "militan [Daesh]" tagged as a person: the KB knows only the group
        if label == "PER" and gaz is None:
            role = _match_role(doc, ent.start)
            if role is not None and role[2] == "title" and role[0] < ent.end and k + 1 < len(ents) \
                    and ents[k + 1].start == ent.end and LABEL_MAP.get(ents[k + 1].label_, ents[k + 1].label_) == "PER":
                continue            # "[Imam Besar Masjid Istiqlal] [Nasaruddin Umar]": the title of the
                                    # person after it, typed as a person too; left to parse_titles
            if role is not None and role[0] == ent.end and role[2] == "title" \
                    and not any(o.end - o.start > 1 and o.label_ in ("PER", "PERSON") and ent.text in o.text.split()
                                for o in ents):
                continue            # "kata [Presiden]": a bare title, left to parse_titles, not a name
                                    # (but "Imam" after "Imam Nahrawi" is his name)
            if lower_words is None:
                lower_words = _lower_case_words(doc)
            if _common_words_only(ent.text, lower_words):
                continue
        add(ent.start, ent.end, label, gaz=gaz, source="gazetteer" if gaz else "ner")
        m = out[-1]
        if m.kb is None and gaz is None and label in ("LOC", "ORG"):
            inner = [(e - s_, idx) for s_, e, idx in hits if s_ >= ent.start_char and e <= ent.end_char
                     and kb.get(idx)["type"] in ("LOC", "ORG")]
            if inner:
                size, idx = max(inner)
                if kb.get(idx)["type"] == label and size * 2 >= len(ent.text):
                    m.kb = idx          # "Badan Pemeriksa Keuangan RI", "PT Pertamina (Persero)"
                else:
                    m.inner_country = kb.get(idx).get("country")   # "Jakarta Selatan" is in IDN
    for start_c, end_c, idx in hits:
        span = doc.char_span(start_c, end_c, alignment_mode="strict")
        if span is None or any(taken[i] for i in range(span.start, span.end)):
            continue
        ent = kb.get(idx)
        if ent["type"] == "PER" and len(span) == 1 and alias_key(span.text) in alias_key(ent["name"]).split():
            # a bare surname ("Putin", "Anwar") counts alone only for someone in office on the date
            # or when the full name is also in the article
            if ent["name"] not in text and not _in_office(kb, idx, doc._.published):
                continue
        out.append(Mention(span.start, span.end, start_c, end_c, span.text, ent["type"], kb=idx, source="kb",
                           sent=sent_of[span.start]))
        for i in range(span.start, span.end):
            taken[i] = True
    out.sort(key=lambda m: m.start)
    return out


_INITIALS_MAX = 5   # letters in a person's initials ("AS", "KNR", "MHD")


def _initials(text: str) -> bool:
    letters = text.replace(".", "")
    return 1 <= len(letters) <= _INITIALS_MAX and letters.isalpha() and letters.isupper()


def initials_persons(doc: Doc, mentions: list[Mention], sent_of: list[int]) -> list[Mention]:
    """Initials the article gives for a person ("pria berinisial AS (25)", "berinisial KNR dan RI")
    are that person wherever they recur in the article: "AS" is then no United States and "RI" no
    Indonesia, and "kata KNR" has a person as speaker."""
    cues = frozenset(row[0] for row in table("initials_cues.tsv") if row[1] == "cue")
    joins = frozenset(row[0] for row in table("initials_cues.tsv") if row[1] == "join")
    given: set[str] = set()
    n = len(doc)
    for i in range(n):
        if doc[i].lower_ not in cues:
            continue
        j = i + 1
        while j < n and (doc[j].text == ":" or doc[j].text.isspace()):
            j += 1
        while j < n and _initials(doc[j].text):   # "berinisial AS, BS, dan CS"
            given.add(doc[j].text)
            j += 1
            if j + 1 < n and doc[j].lower_ in joins and _initials(doc[j + 1].text):
                j += 1
            elif j + 2 < n and doc[j].text == "," and doc[j + 1].lower_ in joins and _initials(doc[j + 2].text):
                j += 2
    if not given:
        return mentions
    out = []
    covered = set()
    for m in mentions:
        if m.end - m.start == 1 and doc[m.start].text in given:
            m = Mention(m.start, m.end, m.start_char, m.end_char, m.text, "PER", source="initials", sent=m.sent)
        out.append(m)
        covered.update(range(m.start, m.end))
    for i in range(n):
        if i not in covered and doc[i].text in given:
            t = doc[i]
            out.append(Mention(i, i + 1, t.idx, t.idx + len(t.text), t.text, "PER", source="initials", sent=sent_of[i]))
    return sorted(out, key=lambda m: m.start)


_MAX_NAME = 4   # words in one person's name


def _short_forms(mentions: list[Mention]) -> frozenset:
    """Keys of the one-word person mentions: how the article writes its people after naming them."""
    return frozenset(variant_key(m.text) for m in mentions if m.label == "PER" and m.kind == "name"
                     and m.kb is None and m.end - m.start == 1 and len(m.text) >= 3)


def names_from_short_forms(doc: Doc, mentions: list[Mention], sent_of: list[int],
                           known: frozenset = frozenset()) -> list[Mention]:
    """Full names the NER ran into the body or title before them, or missed, found through the
    one-word form the article uses for the person elsewhere.

    Indonesian copy introduces a person once with a body and full name ("General Manager Santika
    Hotel Indra Muaz", "Universitas Sam Ratulangi Flora Pricilia Kalalo") and afterwards writes one
    of the names ("Indra", "Mansuri"). When the NER tags the first as one ORG or PER span, or misses
    or clips it ("Antropolog Aris Arif Mundayat", "PO NPM Angga Vircansa [Chairul]"), the person's
    mentions fall into two entities. A one-word PER mention elsewhere is the evidence: the words
    around that name that are name words become the person's own mention; what precedes stays an
    organisation (or is left to ``parse_titles`` when it is a title).
    """
    from warta.components.person_names import name_tables

    global SPEECH_FORMS
    if SPEECH_FORMS is None:
        SPEECH_FORMS = _speech_forms()
    name_words = name_tables()[1]
    short = _short_forms(mentions)
    if not short or short <= known:
        return mentions
    n = len(doc)
    at = {}
    for m in mentions:
        for i in range(m.start, m.end):
            at[i] = m
    written = {m.text for m in mentions if m.label == "PER" and m.kind == "name" and m.kb is None
               and m.end - m.start == 1 and len(m.text) >= 3}
    is_short = written.__contains__      # the short form as the article writes it

    def name_word(k: int) -> bool:
        return _name_token(doc[k], ()) and not doc[k].text.isupper()

    def person_around(k: int, lo: int, hi: int, absorb: bool) -> Optional[tuple[int, int]]:
        """[s, e) of the name holding the short form at k, within [lo, hi); e - s >= 2."""
        e = k + 1
        while e < hi and e - k < _MAX_NAME and name_word(e) and (e not in at or (absorb and _single_person(at[e]))):
            e += 1
        s = k
        while s - 1 >= lo and e - (s - 1) <= _MAX_NAME and (s - 1) not in at and name_word(s - 1) \
                and (doc[s - 1].lower_ in name_words or _is_initial(doc[s - 1])):
            s -= 1
        return (s, e) if e - s >= 2 else None

    def introduced(e: int) -> bool:
        """What follows a person's full name on first mention: a speech verb, a verb and a comma
        ("berpendapat,"), ", " or an age "(25)"."""
        if e >= n:
            return False
        if _speech_verb(doc[e]) or doc[e].text == ",":
            return True
        if doc[e].text.islower() and doc[e].lower_.startswith(("me", "ber")) and e + 1 < n and doc[e + 1].text == ",":
            return True
        return doc[e].text == "(" and e + 2 < n and doc[e + 1].like_num and doc[e + 2].text == ")"

    def title_case_line(k: int) -> bool:
        """Headlines and lists in Title Case ("Persiba Tak Ingin Arema Leluasa") are no evidence."""
        a = b = k
        while a > 0 and "\n" not in doc[a - 1].text and not doc[a].is_sent_start:
            a -= 1
        while b < n - 1 and "\n" not in doc[b + 1].text and not doc[b + 1].is_sent_start:
            b += 1
        words = [doc[j] for j in range(a, b + 1) if doc[j].text[:1].isalpha()]
        return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)

    drop: set[int] = set()
    new: list[Mention] = []

    def person(s: int, e: int) -> Mention:
        span = doc[s:e]
        return Mention(s, e, span.start_char, span.end_char, span.text, "PER", source="short-form", sent=sent_of[s])

    for m in mentions:                    # a name run into the body before it
        if m.kind != "name" or m.kb is not None or m.gaz is not None or m.label not in ("PER", "ORG") \
                or m.end - m.start < 3:
            continue
        k = next((k for k in range(m.start + 1, m.end) if is_short(doc[k].text)), None)
        if k is None or m.end - k > _MAX_NAME or not all(name_word(j) for j in range(k, m.end)) \
                or title_case_line(m.start):
            continue
        s = k
        while s - 1 > m.start and m.end - (s - 1) <= _MAX_NAME and name_word(s - 1) \
                and (doc[s - 1].lower_ in name_words or _is_initial(doc[s - 1])):
            s -= 1
        if m.end - s < 2 or all(doc[j].lower_ in name_words or _is_initial(doc[j]) for j in range(m.start, s)):
            continue                      # "M Isa Sarnuri": all one person's name
        head = doc[m.start:s]
        honorific = all(doc[j].lower_.rstrip(".") in lexicon().honorifics for j in range(m.start, s))
        acronym = len(head) == 1 and head[0].text.isupper() and len(head[0].text) >= 2 and m.label == "PER"
        role = _match_role(doc, m.start)
        role = role if role is not None and role[2] == "title" else None
        if len(head) < 2 and not acronym and m.label == "ORG":
            continue                      # "Universitas [Sam Ratulangi]", "PT [Ramayana …]": a body's own name
        if role is None and not introduced(m.end):
            continue                      # "The Leslie Uggams Show": no sign that a person is introduced
        drop.add(id(m))
        if role is None and not honorific and (m.label == "ORG" or acronym):
            new.append(Mention(m.start, s, head.start_char, head.end_char, head.text, "ORG", source=m.source,
                               sent=m.sent))
        new.append(person(s, m.end))
    kept = [m for m in mentions if id(m) not in drop] + new
    at = {}
    for m in kept:
        for i in range(m.start, m.end):
            at[i] = m
    for k in range(n):                     # a full name the NER missed or clipped
        if k in at or not is_short(doc[k].text) or not name_word(k):
            continue
        span = person_around(k, 0, n, absorb=True)
        if span is None or any(isinstance(x, Mention) and x.start < k for x in [at.get(span[1] - 1)]):
            continue
        s, e = span
        if not introduced(e) or title_case_line(s):
            continue                       # "Tesla Motors secara resmi", "Dubai Downtown."
        for j in range(s, e):
            if j in at:
                drop.add(id(at[j]))
        m = person(s, e)
        new.append(m)
        for j in range(s, e):
            at[j] = m
    return sorted([m for m in mentions if id(m) not in drop] + new, key=lambda m: m.start)


def _single_person(m: Mention) -> bool:
    return m.label == "PER" and m.kind == "name" and m.kb is None and m.end - m.start == 1


def _title_before(doc: Doc, start: int) -> bool:
    """A title ends right before token ``start``: a role phrase, then only title words ("Ketua
    Umum", "Bupati", "Ketua Dewan Kehormatan")."""
    words = lexicon().title_words
    for i in range(max(0, start - 6), start):
        role = _match_role(doc, i)
        if role is not None and role[2] == "title" and role[0] <= start \
                and all(t.lower_ in words for t in doc[role[0]:start]):
            return True
    return False


def _person_after_name(doc: Doc, ent, hit_at: dict, kb: KB) -> Optional[tuple[int, str, Optional[int]]]:
    """An organisation or place span the NER ran on into the name after it: "[KPK Saut
    Situmorang]", "[Gedung Putih Sarah Sanders]", "Ketua Umum [Partai NasDem Surya Paloh]",
    "Bupati [Poso Darmin A. Sigilipu]". The span must open with a KB organisation or place, or a
    place of the places table, and end in one to four capitalised words or initials that are no
    title words, led by a known given name or coming right after a title. Returns (first token of
    the name, label of the body, KB index of the body or None)."""
    from warta.components.person_names import name_tables
    from warta.components.places import gazetteer as place_gazetteer

    places = place_gazetteer()
    if ent.text in places.alias or any(end_c == ent.end_char for end_c, _i in hit_at.get(ent.start_char, ())):
        return None                  # "San Diego", "San Sebastian": the whole span is a known name
    given = name_tables()[0]
    lex = lexicon()
    titled = None
    kb_ends = {end_c: idx for end_c, idx in hit_at.get(ent.start_char, ()) if kb.get(idx)["type"] in ("LOC", "ORG")}
    for k in range(ent.start + 1, ent.end):
        rest = doc[k:ent.end]
        if not 1 <= len(rest) <= 4 or not all(t.text[:1].isupper() and (t.is_alpha or _is_initial(t)) for t in rest):
            continue
        if any(t.lower_ in lex.title_words or t.lower_ in lex.roles for t in rest):
            continue
        body_end = doc[k - 1].idx + len(doc[k - 1].text)
        idx = kb_ends.get(body_end)
        body = doc[ent.start:k].text
        rows = [places.rows[i] for i, weak in places.alias.get(body, ()) if not weak] if idx is None else []
        if idx is None and not (any(r.country == "IDN" for r in rows) or (rows and len(body) >= 5)):
            continue                 # an unknown body, or a short foreign name ("San Sebastian")
        if rest[0].lower_ not in given:
            if titled is None:
                titled = _title_before(doc, ent.start)
            if not titled or len(rest) < 2:
                continue
        return k, (kb.get(idx)["type"] if idx is not None else "LOC"), idx
    return None


@lru_cache(maxsize=1)
def _org_before_words() -> frozenset:
    """Words that make the place name after them part of a body's name ("Bank Bali", "Semen Padang"):
    the ``org_before`` rows of lang/places_context.tsv, which the places stage reads the same way."""
    return frozenset(row[0] for row in table("places_context.tsv") if len(row) > 1 and row[1] == "org_before")


def _body_of_place(doc: Doc, m: Mention, nxt: Mention, kb: KB) -> Optional[dict]:
    """The gazetteer entry of "<Indonesian institution> <place>" as one organisation, or None:
    "Kementerian Luar Negeri Suriah", "Kemenhan AS" are that country's institution (SYRGOV), not
    Indonesia's; "Kepolisian Daerah Papua", "Pemprov Papua", "DPRD Jawa Barat" (a province or
    regency) are the region's body of Indonesia (IDN, the institution's actor code)."""
    ent = kb.get(m.kb) if m.kb is not None else None
    if not (ent is not None and m.label == "ORG" and nxt.start == m.end and nxt.label == "LOC"
            and ent.get("country") == "IDN" and (ent.get("actor") or "").startswith("IDN")):
        return None
    span = doc[m.start:nxt.end]
    if not _names_a_country(ent["name"], kb):
        place = kb.get(nxt.kb) if nxt.kb is not None else None
        country = (nxt.gaz or {}).get("country") or (place or {}).get("country")
        is_country = (nxt.gaz or {}).get("kind") == "country" or (
            place is not None and kb.countries.get(country) == place.get("name"))
        if is_country and country and country != "IDN":
            return {"id": f"foreign:{country}:{ent['name']}", "name": span.text, "country": country,
                    "actor": country + ent["actor"][3:]}
    if nxt.kb is None and _idn_region(nxt.text):
        return {"id": f"regional:{ent['name']}:{nxt.text}", "name": span.text, "country": "IDN",
                "actor": ent["actor"]}
    return None


def bodies_named_after_places(doc: Doc, mentions: list[Mention], kb: KB) -> list[Mention]:
    """A body named after a place is one organisation, not a body and a place, so the place does not
    stand as the actor of what the body did: an Indonesian institution's generic name followed by a
    country or an Indonesian region (:func:`_body_of_place`), and a place led by a name-leading word
    ("Bank Bali", "Universitas Indonesia", "Liga Spanyol")."""
    out: list[Mention] = []
    starts = {m.start for m in mentions}
    lead = _org_before_words()
    k = 0
    while k < len(mentions):
        m = mentions[k]
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        gaz = _body_of_place(doc, m, nxt, kb) if nxt is not None else None
        if gaz is not None:
            span = doc[m.start:nxt.end]
            out.append(Mention(m.start, nxt.end, span.start_char, span.end_char, span.text, "ORG", gaz=gaz,
                               source="kb", sent=m.sent))
            k += 2
            continue
        if m.label == "LOC" and m.kind == "name" and m.start > 0 and (m.start - 1) not in starts \
                and doc[m.start - 1].text in lead and not any(o.start < m.start < o.end for o in mentions):
            span = doc[m.start - 1:m.end]
            country, _ = _body_codes(m, kb)
            gaz = {"id": f"body:{span.text}", "name": span.text, "country": country, "actor": None}
            out.append(Mention(m.start - 1, m.end, span.start_char, span.end_char, span.text, "ORG", gaz=gaz,
                               source="kb", sent=m.sent))
            k += 1
            continue
        out.append(m)
        k += 1
    return out


ACRONYM_RUN_MAX = 10


def acronym_expansions(doc: Doc, mentions: list[Mention], sent_of: list[int]) -> list[Mention]:
    """An organisation's acronym in brackets after its spelled-out name, when the NER tagged only
    the acronym: "Komite Nasional untuk Rakyat Palestina (KNRP)" becomes one organisation named
    both ways, and "Palestina" inside the name is no place of its own. The words before the bracket
    must spell the acronym (``_acronym``: first letters, function words skipped) and start with a
    capital; concepts such as "Produk Domestik Bruto (PDB)" stay untouched unless the NER or the
    KB took the acronym for an organisation."""
    out = list(mentions)
    for m in mentions:
        if (m.label != "ORG" or m.end - m.start != 1 or m.start < 2 or m.end >= len(doc)
                or doc[m.start - 1].text != "(" or doc[m.end].text != ")"):
            continue
        acr = m.text.upper()
        stop = m.start - 1
        for k in range(stop - 1, max(-1, stop - ACRONYM_RUN_MAX - 1), -1):
            words = [t.text for t in doc[k:stop]]
            if not all(w.replace("-", "").isalpha() for w in words) or sent_of[k] != sent_of[m.start]:
                break
            if doc[k].text[:1].isupper() and _acronym(words) == acr:
                inside = [o for o in out if o is not m and k <= o.start and o.end <= stop]
                if any(o.label == "PER" for o in inside) or any(o.start < k < o.end or o.start < stop < o.end for o in out):
                    break
                span = doc[k:stop]
                out = [o for o in out if o not in inside]
                out.append(Mention(k, stop, span.start_char, span.end_char, span.text, "ORG", source="acronym",
                                   sent=sent_of[k]))
                break
    return sorted(out, key=lambda x: x.start)


def _names_a_country(name: str, kb: KB) -> bool:
    """"Bank Indonesia", "Kepolisian Negara Republik Indonesia": the name itself says whose it is."""
    return any(kb.get(idx)["type"] == "LOC" for _s, _e, idx in kb.scan(name))


def _lower_case_words(doc: Doc) -> frozenset:
    """Words the article itself writes in lower case mid-sentence."""
    return frozenset(t.text for t in doc if t.text.islower() and t.text.isalpha() and not t.is_sent_start)


def _common_words_only(name: str, lower_words: frozenset) -> bool:
    """A 'person' whose every word the same article also writes in lower case and that no
    person-name list knows ("Kanker", "Nasib", "Khilafah", "Purnawirawan Masuk") is a
    capitalised common word the NER took for a name."""
    from warta.components.person_names import name_tables

    _, name_words = name_tables()
    words = [w.lower() for w in name.split() if w.isalpha()]
    return bool(words) and all(w in lower_words and w not in name_words for w in words)


def _in_office(kb: KB, idx: int, published) -> bool:
    if published is None:
        return False
    return kb.role_at(idx, published).current and bool(kb.get(idx).get("roles"))


# --------------------------------------------------------------------------- 2. titles
def _match_role(doc: Doc, i: int) -> Optional[tuple[int, str, str]]:
    """(end token, sector, kind) of the longest role phrase starting at token i."""
    lex = lexicon()
    first = doc[i].lower_
    for words, sector, kind in lex.roles.get(first, ()):
        n = len(words)
        if i + n <= len(doc) and all(doc[i + k].lower_ == words[k] for k in range(n)):
            return i + n, sector, kind
    return None


def _title_key(doc, start: int, end: int, by_start: dict, kb: KB) -> str:
    parts = []
    k = start
    while k < end:
        m = by_start.get(k)
        if m is not None and m.kind == "name" and m.end <= end and m.label in ("LOC", "ORG"):
            ent = kb.get(m.kb) if m.kb is not None else None
            parts.append((m.gaz or {}).get("name") or (ent or {}).get("name") or m.text)
            k = m.end
            continue
        parts.append(doc[k].text)
        k += 1
    return alias_key(" ".join(parts))


def _appositive_title(doc: Doc, m: Mention, ends: dict) -> bool:
    """An NER person span that is the title of the name before it: "Antonny Liem, [CEO Merah
    Cipta Media Group]", "Pudji Hartanto, [Dirjen Perhubungan Darat Kemenhub]". Left to
    ``parse_titles``, which gives the title to that person, so a role phrase is not a person of
    its own."""
    if m.label != "PER" or m.source != "ner" or m.kb is not None or m.start < 2 or doc[m.start - 1].text != ",":
        return False
    before = ends.get(m.start - 1)
    if before is None or before.label != "PER" or not doc[m.start].text[:1].isupper():
        return False
    role = _match_role(doc, m.start)
    return role is not None and role[2] == "title"


@lru_cache(maxsize=1)
def _standalone_titles() -> frozenset:
    return frozenset(word_list("titles_standalone.txt"))


@lru_cache(maxsize=1)
def _indonesian_roles() -> frozenset:
    return frozenset(word_list("roles_indonesian.txt"))


def _body_codes(m: Mention, kb: KB) -> tuple[Optional[str], Optional[str]]:
    """(country, actor) of a place or organisation mention, from its gazetteer row, else its KB entity;
    an Indonesian province or regency the KB does not hold ("Gubernur [DIY]") is in IDN."""
    ent = kb.get(m.kb) if m.kb is not None else None
    country = (m.gaz or {}).get("country") or (ent or {}).get("country")
    if country is None and m.label == "LOC" and _idn_region(m.text):
        country = "IDN"
    return country, (m.gaz or {}).get("actor") or (ent or {}).get("actor")


@lru_cache(maxsize=4096)
def _idn_province(name: str) -> bool:
    """Is ``name`` an Indonesian province ("Jawa Timur", "Sultra", "DIY") in the places table? A
    regency or city name ("Bima", "Batu") may also be a person's given name. (The table names a
    regency or city row "Kabupaten X" / "Kota X".)"""
    return _idn_region(name) and all(r.feature == "admin" and not r.name.startswith(("Kabupaten ", "Kota "))
                                     for r in _region_rows(name))


@lru_cache(maxsize=4096)
def _idn_region(name: str, city_alone: bool = False) -> bool:
    """Is ``name`` (capitalised) only ever an Indonesian province, regency or city in the places table
    ("Kaltim", "DIY", "Sultra", "Bogor"; with ``city_alone`` also a city with no regency of its name,
    "Balikpapan")? The KB holds no Indonesian regions; the places stage does."""
    if not name[:1].isupper():
        return False
    rows = _region_rows(name)
    return bool(rows) and all(r.country == "IDN" and r.feature in ("admin", "city") for r in rows) \
        and (city_alone or any(r.feature == "admin" for r in rows))


@lru_cache(maxsize=4096)
def _region_rows(name: str) -> tuple:
    """The places table's rows for ``name``."""
    from warta.components.places import gazetteer

    g = gazetteer()
    return tuple(g.rows[i] for i, _ in g.lookup(name))


def parse_titles(doc: Doc, mentions: list[Mention], kb: KB, sent_of: list[int]) -> list[Mention]:
    """Attach titles to person names and add title-only and "title + Name" mentions.

    A title starts at a capitalised role word ("Presiden", "Menteri", "Kapolres") and runs over
    capitalised words, "dan", and country/organisation mentions. The person is then either
    the name after a comma ("Kepala Pelaksana BPBD Garut, Dadi Djakaria"), an entity right after
    the title, or the capitalised words after the last title word/place/organisation
    ("Menteri Pertahanan Nasional Korea Selatan Kim Yong-hyun"); otherwise the title stands alone.
    """
    global SPEECH_FORMS
    if SPEECH_FORMS is None:
        SPEECH_FORMS = _speech_forms()
    lex = lexicon()
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    covered = {}
    for m in mentions:
        for i in range(m.start, m.end):
            covered[i] = m
    new: list[Mention] = []
    dropped: set[int] = set()
    # bare titles the NER tagged as persons ("kata [Wakapolri]"), left out by name_mentions: still a mention
    ner_titles = {(e.start, e.end) for e in doc.ents if e.label_ in ("PER", "PERSON")}
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if i in covered or not tok.text[:1].isupper():
            i += 1
            continue
        role = _match_role(doc, i)
        if role is None or role[2] != "title":
            i += 1
            continue
        j, sector, _kind = role
        j = next((k for k in range(i + 1, j) if k in covered), j)   # "Kepala [Kepolisian Negara RI]"
        country = actor = None
        has_spec = False
        last_title = j            # end of the last token that is surely part of the title
        person = None
        while j < n:
            m = by_start.get(j)
            if m is not None and m.kind == "name":
                if m.label == "PER":
                    person = m
                    break
                c, a = _body_codes(m, kb)
                if m.label == "LOC" and c:
                    country = country or c
                elif m.label == "ORG":
                    actor = actor or a
                    country = country or c
                has_spec = True
                j = last_title = m.end
                continue
            t = doc[j]
            low = t.lower_.rstrip(".")
            if t.text == "(" and j + 2 < n and doc[j + 2].text == ")" and doc[j + 1].text[:1].isupper() \
                    and doc[j + 1].text.isalpha():
                j += 3                      # "Panglima TNI (Tentara …) Jenderal Gatot …": the acronym
                last_title = j
                continue
            inner = by_start.get(j + 1) if t.text == "(" else None
            if inner is not None and inner.kind == "name" and inner.label in ("ORG", "LOC") and inner.end < n \
                    and doc[inner.end].text == ")":
                j = inner.end + 1           # "Komisioner Komisi Nasional HAM (Komnas HAM) Muhammad …"
                last_title = j
                continue
            if t.text == ")" and i > 0 and doc[i - 1].text == "(" and j == i + 1:
                j += 1                      # "(Kapolri) Jenderal Tito …": the person after the bracket
                last_title = j
                continue
            if j in covered:
                break
            if _idn_region(t.text) and j + 1 < n and doc[j + 1].text[:1].isupper():
                country = country or "IDN"  # "Gubernur [DIY] Sri Sultan …": a region no entity marks
                has_spec = True
                j = last_title = j + 1
                continue
            if t.text[:1].isupper() and (low in lex.title_words or low in lex.honorifics or _match_role(doc, j)):
                j += 1
                last_title = j
                continue
            if low == "dan" and j + 1 < n and doc[j + 1].text[:1].isupper():
                j += 1
                continue
            if t.text[:1].isupper() and (t.text.replace("-", "").replace("'", "").isalpha() or _is_initial(t)):
                j += 1
                continue
            break
        region = by_start.get(j + 1) if person is None and j + 1 < n and doc[j].text == "," else None
        if region is not None and region.kind == "name" and region.label == "LOC" and has_spec and _idn_region(region.text) \
                and region.end + 1 < n and doc[region.end].text == "," and doc[region.end + 1].text[:1].isupper():
            j = region.end                  # "Bupati Sidoarjo, Jawa Timur, Saiful Ilah": the province is the
                                            # place's apposition; the name follows the next comma
        apposed = by_end.get(i - 1) if i > 1 and doc[i - 1].text == "," else None
        apposed = apposed if apposed is not None and apposed.label == "PER" and apposed.kind == "name" else None
        if apposed is not None and person is not None and person.end - person.start == 1 and person.kb is None \
                and person.source == "ner" and person.end < n and doc[person.end].text == ",":
            # "AKP Boby Kusumawardhana, Kapolsek Tambun, mengatakan": the word after the role is the
            # title's place, not a person: the title belongs to the name before the comma
            dropped.add(id(person))
            j = last_title = person.end
            person = None
        title_end = last_title
        name_span = None
        if person is None and j < n and doc[j].text == "," and j + 1 < n and doc[j + 1].text[:1].isupper():
            k0 = j + 1
            while k0 < n and k0 not in covered and doc[k0].lower_.rstrip(".") in lex.honorifics:
                k0 += 1                     # "…, Kombes Martinus Sitompul"
            if k0 in by_start and by_start[k0].label == "PER" and k0 > j + 1:
                person = by_start[k0]
                title_end = j
            k = j + 1
            while k < n and k not in covered and _name_token(doc[k], covered) and k - j <= 4:
                k += 1
            listy = k < n and doc[k].text == "," and k + 1 < n and doc[k + 1].text[:1].isupper() \
                and not _speech_verb(doc[k + 1])
            if person is not None:
                pass
            elif k > j + 1 and not listy:
                title_end = j
                name_span = (j + 1, k)
            elif (j + 1) in by_start and by_start[j + 1].label == "PER":
                person = by_start[j + 1]
                title_end = j
        closed_apposition = apposed is not None and j < n and doc[j].text == "," and j - last_title == 1
        if person is None and name_span is None and j > last_title and not closed_apposition:
            # (as above when the NER left the word untagged: "Tambun" ends the title of the name before)
            k0 = last_title
            while k0 < j and doc[k0].lower_ == "dan":
                k0 += 1
            length = j - k0
            follows_cue = j < n and (doc[j].lower_ in SPEECH_FORMS or doc[j].text in ("(", ","))
            if length >= 2 or (length == 1 and (kb.lookup(doc[k0].text, "PER") or follows_cue)):
                if length <= 4:
                    name_span = (k0, j)
            title_end = k0 if name_span else j
        while title_end - i > 1 and doc[title_end - 1].lower_.rstrip(".") in lex.honorifics:
            title_end -= 1                 # "… Polres Jakarta Selatan AKBP" -> the rank is not the title
        if name_span is not None:
            name_span = _strip_honorifics(doc, *name_span)
        if country is None and actor is None and " ".join(t.lower_ for t in doc[i:role[0]]) in _indonesian_roles():
            country = "IDN"                # "Kapolres Buru AKBP Leo Simatupang": only Indonesia has a Kapolres
        title = Title(doc[i:title_end].text.rstrip(" ,"), i, title_end, sector, country, actor, has_spec,
                      key=_title_key(doc, i, title_end, by_start, kb))
        if person is not None:
            person.title = person.title or title
            if person.title is title and person.start > title_end and (has_spec or title_end - i > 1):
                # "Gubernur Bank Indonesia (BI) Agus …": a title apart from its name is a mention too
                span = doc[i:title_end]
                new.append(Mention(i, title_end, span.start_char, span.end_char, span.text, "PER", kind="title",
                                   source="title", title=title, sent=sent_of[i]))
            i = person.end
            continue
        if name_span is not None:
            span = doc[name_span[0]:name_span[1]]
            m = Mention(span.start, span.end, span.start_char, span.end_char, span.text, "PER", source="title",
                        title=title, sent=sent_of[span.start])
            ids = kb.lookup(span.text, "PER")
            if len(ids) == 1:
                m.kb = ids[0]
            new.append(m)
            for k in range(span.start, span.end):
                covered[k] = m
            i = span.end
            continue
        before = by_end.get(i - 1) if i > 1 and doc[i - 1].text == "," else None
        if before is not None and before.label == "PER" and before.kind == "name":
            # "Antonny Liem, CEO Merah Cipta Media Group": the title of the name before the comma
            before.title = before.title or title
            if before.title is title and title_end - i > 1:
                # its words are that person's mention, not a new name ("…, Kapolsek Tambun, mengatakan")
                span = doc[i:title_end]
                new.append(Mention(i, title_end, span.start_char, span.end_char, span.text, "PER", kind="title",
                                   source="title", title=title, sent=sent_of[i]))
                for k in range(i, title_end):
                    covered[k] = new[-1]
            i = max(j, i + 1)
            continue
        if has_spec or tok.lower_ in _standalone_titles() or (i, title_end) in ner_titles:
            span = doc[i:title_end]
            new.append(Mention(i, title_end, span.start_char, span.end_char, span.text, "PER", kind="title",
                               source="title", title=title, sent=sent_of[i]))
        i = max(j, i + 1)
    return sorted([m for m in mentions if id(m) not in dropped] + new, key=lambda m: m.start)


_APPOSITION_REACH = 6   # words between a lower-case role and the country or body that ends it


def lowercase_appositive_titles(doc: Doc, mentions: list[Mention], kb: KB) -> None:
    """A lower-case title after a name and a comma, as wire copy writes it: "Jenderal John Nicholson,
    komandan senior AS di Afghanistan", "Sergei Lavrov, menteri luar negeri Rusia". The role must
    start right after the comma and reach a country or a KB organisation within a few lower-case
    words; the person then holds that title (its country, the body's actor) unless a title with a
    country or body is already theirs."""
    by_start = {m.start: m for m in mentions if m.kind == "name"}
    n = len(doc)
    for m in mentions:
        if m.label != "PER" or m.kind != "name" or m.end + 2 >= n or doc[m.end].text != ",":
            continue
        if m.title is not None and (m.title.country or m.title.actor):
            continue                       # a bare rank before the name ("Jenderal") gives way
        i = m.end + 1
        if not doc[i].text[:1].islower():
            continue
        role = _match_role(doc, i)
        if role is None or role[2] != "title":
            continue
        j = role[0]
        while j < n and j - role[0] <= _APPOSITION_REACH and j not in by_start and doc[j].text.isalpha() \
                and doc[j].text[:1].islower():
            j += 1
        body = by_start.get(j)
        if body is None or body.label not in ("LOC", "ORG"):
            continue
        country, actor = _body_codes(body, kb)
        actor = actor if body.label == "ORG" else None
        if not country and not actor:
            continue
        _, sector, _kind = role
        m.title = Title(doc[i:body.end].text, i, body.end, sector, country, actor, True,
                        key=_title_key(doc, i, body.end, by_start, kb))


@lru_cache(maxsize=1)
def _not_names() -> frozenset:
    lex = lexicon()
    return frozenset(word_list("not_names.txt")) | frozenset(lex.roles) | lex.title_words | frozenset(lex.pronouns)


def _is_initial(tok) -> bool:
    t = tok.text.rstrip(".")
    return len(t) == 1 and t.isupper()


def _name_token(tok, covered) -> bool:
    t = tok.text
    if tok.i in covered or not t[:1].isupper() or tok.lower_ in _not_names():
        return False
    return (t.replace("-", "").replace("'", "").isalpha() and len(t) > 1) or _is_initial(tok)


def pattern_person_mentions(doc: Doc, mentions: list[Mention], sent_of: list[int]) -> list[Mention]:
    """People the NER and KB missed, from Indonesian news patterns around a capitalised name:
    "kata Veri", "menurut Jokowi", "Rangga Cipta mengatakan", "Tomy Kharisma Ilahi (25)",
    "Pak Meled", "AKBP A M Dicky". Only where no entity is already."""
    global SPEECH_FORMS
    if SPEECH_FORMS is None:
        SPEECH_FORMS = _speech_forms()
    lex = lexicon()
    covered = {i for m in mentions for i in range(m.start, m.end)}
    org_ends = {m.end for m in mentions if m.label == "ORG"}
    cue_before = lex.speech_verbs | frozenset(word_list("speech_cues_before_name.txt"))
    new = []
    n = len(doc)
    i = 0
    while i < n:
        if not _name_token(doc[i], covered):
            i += 1
            continue
        j = i
        while j < n and _name_token(doc[j], covered) and j - i < 6:
            j += 1
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[j] if j < n else None
        start, end = i, j
        trigger = False
        if doc[i].lower_.rstrip(".") in lex.honorifics and j - i >= 2:
            trigger = True
            start, end = i + 1, min(j, i + 4)
        elif prev is not None and (prev.lower_ in cue_before or prev.lower_.rstrip(".") in lex.honorifics):
            trigger = True
            if j - i > 3:
                start = j - 2              # "Menurut Asisten Pembangunan Yoyon Indrayana"
            end = min(j, start + 4)
        elif nxt is not None and _speech_verb(nxt):
            trigger = True
            start = max(i, j - (3 if j - i <= 3 else 2))
        elif nxt is not None and nxt.text == "," and j + 1 < n and _speech_verb(doc[j + 1]):
            trigger = True                 # "…, Reza Febrianto, mengatakan"
            start = max(i, j - 3)
        elif nxt is not None and nxt.text in ("(", ",") and j + 2 < n and doc[j + 1].like_num \
                and doc[j + 2].text in (")", ","):
            trigger = True
            start = max(i, j - 3)
        elif nxt is not None and nxt.text == "," and j + 1 < n and (_match_role(doc, j + 1) or
                                                                   doc[j + 1].lower_ in ("salah", "seorang", "warga")):
            trigger = True
            start = max(i, j - 3)
        if trigger and end - start >= 3 and doc[start].is_sent_start:
            start += 1                     # "Jasad Fendi Timah (56)": a capitalised first word
        if trigger and end - start >= 2 and _idn_region(doc[start].text, city_alone=True) \
                and (start in org_ends or _title_before(doc, start)):
            start += 1                     # "Ketua Bawaslu Balikpapan [Agustan] mengatakan": the office's place
        if trigger:
            start, end = _strip_honorifics(doc, start, end)
        if trigger and end > start and not all(_is_initial(doc[k]) for k in range(start, end)):
            span = doc[start:end]
            new.append(Mention(start, end, span.start_char, span.end_char, span.text, "PER", source="pattern",
                               sent=sent_of[start]))
        i = j
    return sorted(mentions + new, key=lambda m: m.start)


def _speech_verb(tok) -> bool:
    """A prefixed reporting verb after a subject: mengatakan, menjelaskan, berkata (not bare "lanjut")."""
    low = tok.lower_
    return low in SPEECH_FORMS and (low.startswith(("me", "ber")) or low in ("bilang",))


def surname_mentions(doc: Doc, mentions: list[Mention], sent_of: list[int]) -> list[Mention]:
    """Capitalised words equal to the first or last word of a full person name in the article
    ("Kim" after "Kim Jong Un", "Zelensky" after "Volodymyr Zelenskyy") become person mentions."""
    keys = set()
    for m in mentions:
        if m.label == "PER" and m.kind == "name" and m.words and len(m.words) >= 2:
            full = {variant_key(m.words[0]), variant_key(m.words[-1])}
            for o in mentions:          # the NER typed one "Tomy" of "Tomy Kharisma Ilahi" as ORG
                if o.label in ("ORG", "LOC") and o.kb is None and o.gaz is None and o.end - o.start == 1 \
                        and len(o.words) == 1 and variant_key(o.words[0]) in full:
                    o.label = "PER"
    for m in mentions:
        if m.label == "PER" and m.kind == "name" and m.words:
            if len(m.words) >= 2:
                keys.update({variant_key(m.words[0]), variant_key(m.words[-1])})
            elif m.source in ("pattern", "ner") and len(m.words[0]) >= 3:
                keys.add(variant_key(m.words[0]))
    if not keys:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    lex = lexicon()
    new = []
    for tok in doc:
        if tok.i in covered or not tok.text[:1].isupper() or len(tok.text) < 3:
            continue
        if tok.lower_ in lex.title_words or tok.lower_ in lex.roles or tok.lower_ in lex.pronouns:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.i not in covered:
            continue                      # part of a longer unknown name
        if variant_key(tok.text) in keys:
            new.append(Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "PER", source="surname",
                               sent=sent_of[tok.i]))
    return sorted(mentions + new, key=lambda m: m.start)


def group_mentions(doc: Doc, mentions: list[Mention], kb: KB, sent_of: list[int]) -> list[Mention]:
    """Groups named by a role noun and a country or organisation: "tentara Korea Utara" (PRKMIL),
    "warga negara Indonesia" (IDNCVL), "polisi Filipina" (PHLCOP); and WNI (Indonesian citizens).
    They become MISC entities whose actor is the country's code plus the noun's sector."""
    by_start = {m.start: m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    new = []
    n = len(doc)
    for i in range(n):
        if i in covered:
            continue
        role = _match_role(doc, i)
        if role is None or role[2] != "noun":
            continue
        j, sector, _ = role
        low = doc[i].lower_
        if low in ("wni", "wna") and doc[i].text.isupper():
            country = "IDN" if low == "wni" else None
            span = doc[i:j]
            new.append(Mention(i, j, span.start_char, span.end_char, span.text, "MISC", kind="group", source="role",
                               title=Title(span.text, i, j, sector, country, None, False, key=low), sent=sent_of[i]))
            continue
        m = by_start.get(j)
        if m is None or m.kind != "name" or m.label not in ("LOC", "ORG"):
            continue
        ent = kb.get(m.kb) if m.kb is not None else None
        country, org = _body_codes(m, kb)
        org = org if m.label == "ORG" else None
        if not country and not org:
            continue
        span = doc[i:m.end]
        name = kb.countries.get(country, m.text) if m.label == "LOC" else ((ent or {}).get("name") or m.text)
        key = alias_key(f"{' '.join(t.lower_ for t in doc[i:j])} {name}")
        new.append(Mention(i, m.end, span.start_char, span.end_char, span.text, "MISC", kind="group", source="role",
                           title=Title(span.text, i, m.end, sector, country, org, True, key=key), sent=sent_of[i]))
        # "kata politisi Gerindra itu": after a speech cue and closed by a demonstrative, the phrase
        # describes one person named before, not a group
        new[-1].definite = i > 0 and doc[i - 1].lower_ in SPEECH_FORMS and m.end < n \
            and doc[m.end].lower_ in _demonstratives()
    return sorted(mentions + new, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _demonstratives() -> frozenset:
    return frozenset(row[0] for row in table("quote_speaker_words.tsv") if len(row) > 1 and row[1] == "demonstrative")


def _described_person(m: Mention, clusters: list["Cluster"]) -> Optional[int]:
    """The person a definite description ("politisi Gerindra itu", "pejabat Suriah tersebut") points
    back to: the latest person before it whose title names the same body, or the same country when
    the description names no body."""
    want = m.title
    best, best_at = None, -1
    for ci, c in enumerate(clusters):
        if c.label != "PER":
            continue
        for o in c.mentions:
            t = o.title
            if o.start >= m.start or t is None:
                continue
            same = (want.actor and t.actor == want.actor) or \
                (not want.actor and want.country and t.country == want.country)
            if same and o.start > best_at:
                best, best_at = ci, o.start
    return best


def _strip_honorifics(doc, start: int, end: int) -> tuple[int, int]:
    """Drop ranks and honorifics around a name: "Kombes Martinus Sitompul" -> "Martinus Sitompul"."""
    hon = lexicon().honorifics
    while end - start > 1 and doc[start].lower_.rstrip(".") in hon:
        start += 1
    return start, end


def _name_like(tok) -> bool:
    t = tok.text
    return t[:1].isupper() and any(c.isalpha() for c in t) and tok.lower_ not in lexicon().title_words \
        and not tok.is_sent_start


# --------------------------------------------------------------------------- 3. clustering
def _acronym(words: list[str]) -> str:
    letters = []
    for w in words:
        for part in w.split("-"):
            if part and part.lower() not in STOP_IN_ACRONYM and part[0].isalpha():
                letters.append(part[0].upper())
    # "Bangsa-Bangsa" contributes one letter, as in PBB
    out = []
    for w in words:
        if w.lower() in STOP_IN_ACRONYM or not w[:1].isalpha():
            continue
        out.append(w[0].upper())
    return "".join(out)


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset:
    return frozenset(word_list("name_prefixes.txt"))


def _person_match(short: list[str], full: list[str]) -> bool:
    """Is ``short`` (words) a way to write the person named ``full``? Variants allowed."""
    if not short or not full:
        return False
    vs = [variant_key(w) for w in short]
    vf = [variant_key(w) for w in full]
    if vs == vf:
        return True
    if len(vs) == 1:
        if len(vs[0]) < 2:
            return False
        prefixes = _name_prefixes()
        first = next((w for w, raw in zip(vf, full) if len(raw.rstrip(".")) > 1 and raw.lower() not in prefixes), vf[0])
        return vs[0] in (vf[0], vf[-1], first)
    if len(vs) < len(vf):  # contiguous sub-sequence: "Jong Un" in "Kim Jong Un", "Sri Mulyani"
        for k in range(len(vf) - len(vs) + 1):
            if vf[k:k + len(vs)] == vs:
                return True
    return False


def cluster(mentions: list[Mention], kb: KB) -> list[Cluster]:
    clusters: list[Cluster] = []
    by_kb: dict[int, int] = {}
    by_key: dict[tuple, int] = {}

    def join(m: Mention, ci: int):
        m.cluster = ci
        c = clusters[ci]
        c.mentions.append(m)
        if c.kb is None and m.kb is not None:
            c.kb = m.kb
            by_kb.setdefault(m.kb, ci)
        c.gaz = c.gaz or m.gaz

    def new(m: Mention) -> int:
        clusters.append(Cluster(label=m.label))
        ci = len(clusters) - 1
        join(m, ci)
        return ci

    names = [m for m in mentions if m.kind == "name"]
    # pass 1: multi-word names and KB-linked mentions
    deferred = []
    for m in names:
        if m.kb is not None and m.kb in by_kb:
            join(m, by_kb[m.kb])
            continue
        words = m.words
        if m.label == "PER" and len(words) <= 1 and m.kb is None:
            deferred.append(m)
            continue
        key = (m.label, alias_key(m.text))
        gkey = ("gaz", (m.gaz or {}).get("id")) if m.gaz else None
        if gkey and gkey in by_key:
            join(m, by_key[gkey])
            continue
        if key in by_key:
            join(m, by_key[key])
            continue
        target = None
        if m.label == "PER":
            for ci, c in enumerate(clusters):
                if c.label == "PER" and any(_person_match(words, o.words) or _person_match(o.words, words)
                                            for o in c.names()):
                    if c.kb is not None and m.kb is not None and c.kb != m.kb:
                        continue
                    target = ci
        else:
            target = _org_match(m, clusters)
        if target is not None:
            join(m, target)
            ci = target
        else:
            ci = new(m)
        by_key[key] = ci
        if gkey:
            by_key[gkey] = ci
    # pass 2: single-word person names -> the nearest cluster whose name contains the word
    for m in deferred:
        words = m.words
        best = None
        best_dist = None
        for ci, c in enumerate(clusters):
            if c.label != "PER":
                continue
            for o in c.names():
                if o is m or len(o.words) < 2 or not _person_match(words, o.words):
                    continue
                dist = (m.start - o.start) if o.start < m.start else (o.start - m.start) * 4 + 10**6
                if best_dist is None or dist < best_dist:
                    best, best_dist = ci, dist
        if best is None:
            key = ("PER", variant_key(words[0]) if words else alias_key(m.text))
            best = by_key.get(key)
            if best is None:
                ids = kb.lookup(m.text, "PER")
                if len(ids) == 1 and ids[0] in by_kb:
                    best = by_kb[ids[0]]
            if best is None:
                best = new(m)
                by_key[key] = best
                continue
        join(m, best)
    for m in mentions:
        if m.kind != "group":
            continue
        if m.definite:
            person = _described_person(m, clusters)
            if person is not None:
                join(m, person)
                continue
        key = ("group", m.title.key)
        if key in by_key:
            join(m, by_key[key])
        else:
            by_key[key] = new(m)
    # title-only mentions: the person bearing the same title in the article, else the KB holder
    for m in mentions:
        if m.kind != "title":
            continue
        tkey = m.title.key if m.title is not None and m.title.key else alias_key(m.text)
        target = None
        for ci, c in enumerate(clusters):
            if c.label == "PER" and any(o.title and (o.title.key or alias_key(o.title.text)) == tkey for o in c.names()):
                target = ci
                break
        if target is None:
            holder = kb.holder(tkey, _published(m))
            if holder is not None:
                target = by_kb.get(holder)
                if target is None:
                    m.kb = holder
        if target is None:
            key = ("title", tkey)
            target = by_key.get(key)
            if target is None:
                by_key[key] = target = new(m)
                if m.kb is not None:
                    by_kb[m.kb] = target
                continue
        join(m, target)
    return clusters


_PUBLISHED = {"value": None}


def _published(_m):
    return _PUBLISHED["value"]


def _org_match(m: Mention, clusters: list[Cluster]) -> Optional[int]:
    """Acronym <-> expansion (KPK <-> Komisi Pemberantasan Korupsi) among ORG/LOC clusters."""
    text = m.text.strip()
    for ci, c in enumerate(clusters):
        if c.label != m.label and not (c.label in ("ORG", "MISC") and m.label in ("ORG", "MISC")):
            continue
        for o in c.names():
            a, b = text, o.text.strip()
            if is_acronym(a) and not is_acronym(b) and _acronym(b.split()) == a.replace(".", ""):
                return ci
            if is_acronym(b) and not is_acronym(a) and _acronym(a.split()) == b.replace(".", ""):
                return ci
    return None


# --------------------------------------------------------------------------- 4. pronouns
def pronoun_mentions(doc: Doc, sent_of: list[int], taken: set[int]) -> list[Mention]:
    lex = lexicon()
    out = []
    for tok in doc:
        if tok.i in taken:
            continue
        low = tok.lower_
        if low in lex.pronouns:
            number, animacy = lex.pronouns[low]
            cls = "pronoun"
        else:
            enc, base = _enclitic(tok)
            if enc != "nya":
                continue
            info = lex.nya.get(base.lower())
            if info is None:
                continue
            cls, animacy = info
            number = "sg"
        out.append(Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "PER", kind="pronoun",
                           source="coref", sent=sent_of[tok.i], pron=(cls, number, animacy)))
    return out


def _enclitic(tok) -> tuple[Optional[str], str]:
    """("nya", base) for a word ending in -nya; the base is then checked against
    lang/nya_referential.tsv, so "hanya", "punya" or "sebenarnya" never become pronouns
    (same split as token._.enclitic from warta's tokenizer, without its per-token getter)."""
    low = tok.lower_
    if low.endswith("nya") and len(low) > 5:
        return "nya", tok.text[:-3].rstrip("-")
    return None, tok.text


def _quote_mask(doc: Doc) -> list[bool]:
    """True for tokens inside a quotation (pronouns there refer to third parties, or the speaker).

    The quotes stage's own pairing of marks is used, so that Kompas's ”…,” (the closing glyph
    opening a quote too) and quotes running over paragraphs are read as that stage reads them."""
    from bisect import bisect_left, bisect_right

    from warta.components.quotes import quoted_spans

    starts = [t.idx for t in doc]
    mask = [False] * len(doc)
    for q in quoted_spans(doc_text(doc))[0]:
        for i in range(bisect_right(starts, q.start), bisect_left(starts, q.end - 1)):
            mask[i] = True
    return mask


PREPOSITIONS = frozenset(word_list("subject_blocking_words.txt"))
SUBJECT_FOLLOWERS = frozenset(word_list("subject_following_words.txt"))
SOURCE_CUES = frozenset(tuple(line.split()) for line in word_list("source_cue_words.txt"))
PARTICLES = frozenset(row[0] for row in table("enclitics.tsv") if row[1] == "particle")   # "Arab Saudilah"


def _looks_subject(doc: Doc, m: Mention) -> Optional[bool]:
    """True when a verb follows the mention (subject), False after a preposition, else None."""
    first = m.title.start if m.title is not None and m.title.end <= m.start else m.start
    if first > 0 and doc[first - 1].lower_ in PREPOSITIONS:
        return False
    k = m.end
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].like_num and doc[k + 2].text == ")":
        k += 3                                    # "Arkani Melinda Putri (24) justru memilih"
    if k < len(doc) and doc[k].text in (",", "("):
        return None
    if k < len(doc):
        low = doc[k].lower_
        if verb_shaped(low) or low in SUBJECT_FOLLOWERS:
            return True
    return None


def _cited_source(doc: Doc, m: Mention) -> bool:
    """'dilansir Reuters', 'dikutip dari Tribratanews': a cited outlet, never an antecedent."""
    return any(tuple(t.lower_ for t in doc[m.start - k: m.start]) in SOURCE_CUES for k in (2, 1) if m.start >= k)


def _recent(history: list[Mention], cluster: int, sent: int, window: int) -> bool:
    """True when ``cluster`` was mentioned within ``window`` sentences before ``sent``."""
    for h in reversed(history):
        if sent - h.sent > window:
            return False
        if h.cluster == cluster:
            return True
    return False


# A possessed noun's -nya ("jabatannya", "rumahnya") points at the nearest person or body before it
# in its sentence more often than at the salient subject: bonus for that candidate (coref dev 0.807 ->
# 0.810, held-out 0.755 -> 0.773; 1.5 changes nothing, 3.5 the same as 2.5).
_NEAREST_BONUS = 2.5
_NEAREST_CLASSES = frozenset({"poss"})


def resolve_pronouns(doc: Doc, mentions: list[Mention], pronouns: list[Mention], clusters: list[Cluster],
                     sent_of: list[int]) -> None:
    """Salience-ranked resolution: each pronoun joins the best-scoring earlier cluster or none."""
    global SPEECH_FORMS
    if SPEECH_FORMS is None:
        SPEECH_FORMS = _speech_forms()
    in_quote = _quote_mask(doc)
    sent_start = {}
    for t in doc:
        sent_start.setdefault(sent_of[t.i], t.i)
    # speakers: a person mention next to a reporting verb ("kata Zelenskyy", "Dia mengatakan")
    for m in mentions:
        if m.cluster is None:
            continue
        first = m.title.start if m.title is not None and m.title.end <= m.start else m.start
        before = doc[first - 1].lower_ if first > 0 else ""
        k = m.end
        if k < len(doc) and doc[k].text == "," and k + 1 < len(doc) and _speech_verb(doc[k + 1]):
            k += 1
        after = doc[k].lower_ if k < len(doc) else ""
        if before in SPEECH_FORMS or after in SPEECH_FORMS or before == "menurut":
            m.score = 1.0
    after_dateline = dateline_end(doc)   # the publisher named in a dateline is not in the story
    events = sorted([m for m in mentions if m.cluster is not None and m.end > after_dateline and not _cited_source(doc, m)]
                    + pronouns, key=lambda m: m.start)
    for m in events:
        m.subject = _looks_subject(doc, m)
    history: list[Mention] = []
    last_speaker = None
    for m in events:
        if m.kind != "pronoun":
            history.append(m)
            if m.score:
                last_speaker = m.cluster
            continue
        cls, number, animacy = m.pron
        if number == "pl":
            continue
        if cls == "pronoun" and m.start > 0 and doc[m.start - 1].lower_ in SPEECH_FORMS:
            cls = "speech"                        # '…," ujar dia.': resolved like "ujarnya"
        if cls == "source":
            cls = "speech"                        # "Menurutnya, …": the source is the running speaker
        best, best_score = None, 0.0
        nearest = None
        if cls in _NEAREST_CLASSES:
            for h in reversed(history):       # history is in text order: stop at the sentence before
                if h.sent < m.sent:
                    break
                if h.start < m.start and clusters[h.cluster].label in ("PER", "ORG") \
                        and (animacy != "person" or clusters[h.cluster].label == "PER"):
                    nearest = h.cluster
                    break
        first_of_sent: dict[int, int] = {}
        for o in history:
            if clusters[o.cluster].label in ("PER", "ORG") and o.subject is not False:
                first_of_sent.setdefault(o.sent, o.start)   # "Berbeda dengan Tomy, Arkani …": Arkani
        for h in reversed(history):
            dist = m.sent - h.sent
            if dist > 3:
                break
            c = clusters[h.cluster]
            if animacy == "person" and c.label != "PER":
                continue
            if c.label not in ("PER", "ORG"):
                continue
            score = 10.0 - 3.0 * dist
            subject = h.subject
            if subject is not False and first_of_sent.get(h.sent) == h.start:
                score += 2.0                      # first actor of its sentence: usually the subject
            if subject:
                score += 1.5
            if h.start - sent_start.get(h.sent, 0) <= 6 and subject is not False:
                score += 1.0
            if c.label == "PER":
                score += 1.5
            if cls == "speech" and in_quote[h.start] and not in_quote[m.start]:
                continue                          # a quote's speaker is not someone named inside it
            if any(o.score for o in c.mentions if o.start <= m.start):
                if in_quote[m.start] and cls != "speech":
                    score -= 3.0                  # "dia" inside a quote is rarely the speaker
                else:
                    score += 3.0 if cls == "speech" else 1.0
                    if h.cluster == last_speaker:
                        score += 2.0 if cls == "speech" else 0.5
            if cls == "speech" and c.label != "PER":
                score -= 3.0
            score += min(len(c.mentions), 5) * 0.3
            if in_quote[m.start] and not in_quote[h.start] and m.text.lower() in ("dia", "ia", "beliau"):
                score -= 1.0
            if dist == 0:
                score += 0.5
            if h.cluster == nearest:
                score += _NEAREST_BONUS          # "mencopot Susi dari jabatannya": the nearest owner
            if score > best_score:
                best, best_score = h.cluster, score
        speaks = cls == "speech" or (cls == "pronoun" and m.start + 1 < len(doc) and doc[m.start + 1].lower_ in SPEECH_FORMS)
        if best_score < 3.0 and speaks and not in_quote[m.start] and last_speaker is not None \
                and clusters[last_speaker].label == "PER" and _recent(history, last_speaker, m.sent, 8):
            # "…," katanya. after a long quote, or "Dia menambahkan, …" paragraphs later: the reporting
            # verb's owner is the running speaker
            best, best_score = last_speaker, 3.0
        if best is not None and best_score >= 3.0:
            m.cluster = best
            m.label = clusters[best].label
            clusters[best].mentions.append(m)
            if m.start + 1 < len(doc) and cls == "pronoun" and doc[m.start + 1].lower_ in SPEECH_FORMS:
                m.score = 1.0
            if cls == "speech":
                m.score = 1.0
            if m.score:
                last_speaker = best
            history.append(m)


# --------------------------------------------------------------------------- 5. linking
def link(clusters: list[Cluster], kb: KB, published, doc: Doc) -> list[R.Entity]:
    out: list[R.Entity] = []
    order = sorted((c for c in clusters if c.mentions), key=lambda c: min(m.start for m in c.mentions))
    for c in order:
        names = c.names()
        titles = [m for m in c.mentions if m.kind == "title"]
        groups = [m for m in c.mentions if m.kind == "group"]
        if groups and not names:
            g = groups[0].title
            mentions = sorted({(m.start_char, m.end_char): m for m in c.mentions}.values(), key=lambda m: m.start_char)
            actor = _title_actor(g, g.country) if (g.country or g.actor) else (g.sector and None)
            out.append(R.Entity(
                id=f"e{len(out) + 1}", type="MISC", name=groups[0].text, country=g.country, actor=actor,
                role=None, confidence=0.6, source="kb",
                mentions=[R.Span(start=m.start_char, end=m.end_char, text=m.text) for m in mentions]))
            continue
        if not names and not titles:
            continue
        ent = kb.get(c.kb) if c.kb is not None else None
        # the longest name, written in mixed case when it ever is (a "SURABAYA, KOMPAS —" dateline is not the name)
        longest = max(names, key=lambda m: (len(m.words), not m.text.isupper(), -m.start)) if names else None
        name = (ent or {}).get("name") or (c.gaz or {}).get("name") or (longest.text if longest else titles[0].text)
        if ent is None and c.label == "PER" and longest is not None:
            start, end = _strip_honorifics(doc, longest.start, longest.end)
            if start > longest.start:
                name = doc[start:end].text       # "Mayor Issam al Rayes", "Dr David Dao": the name alone
        wikidata = (ent or {}).get("wikidata") or (c.gaz or {}).get("wikidata")
        country = (ent or {}).get("country") or (c.gaz or {}).get("country")
        actor = (c.gaz or {}).get("actor") or (ent or {}).get("actor")
        role = None
        title = next((m.title for m in c.mentions if m.title), None)
        confidence = 0.6
        if c.label == "PER":
            if ent is not None:
                at = kb.role_at(c.kb, published)
                actor = at.actor or actor
                role = at.role
                confidence = 0.9 if any(len(m.words) >= 2 for m in names) else 0.75
            if title is not None:
                current = ent is not None and kb.role_at(c.kb, published).current and bool(ent.get("roles"))
                if ent is not None and not current and not _before_known_roles(ent, published):
                    current = True      # the KB knows this period: former office holders stay XXXELI
                if ent is None or not role or title.has_org_or_country:
                    role = title.text
                if ent is None:
                    country = country or title.country
                    confidence = 0.6
                if not current:
                    # the text's title is evidence of the office held on the article's date
                    actor = _title_actor(title, country) or actor
        elif c.label in ("ORG", "LOC"):
            if not actor and ent is not None and ent.get("roles"):
                actor = kb.role_at(c.kb, published).actor    # groups with dated codes ("The Islamic State")
            confidence = 0.9 if (wikidata or actor) else 0.6
            if not country:
                country = next((m.inner_country for m in c.mentions if m.inner_country), None)
                if country and c.label == "LOC" and not actor:
                    actor = country
        etype = c.label if c.label in ENTITY_TYPES else "MISC"
        mentions = sorted({(m.start_char, m.end_char): m for m in c.mentions}.values(), key=lambda m: m.start_char)
        out.append(R.Entity(
            id=f"e{len(out) + 1}", type=etype, name=name,
            mentions=[R.Span(start=m.start_char, end=m.end_char, text=m.text) for m in mentions],
            wikidata=wikidata, country=country, actor=actor, role=role, confidence=round(confidence, 2),
            source="kb" if ent is not None else ("gazetteer" if c.gaz else "ner"),
        ))
    return out


def locate_from_places(entities: list[R.Entity], places) -> None:
    """A place entity the KB does not know ("Florida", "Kharkiv") takes the country of the places
    the places stage resolved for its mentions, when they agree; as in CAMEO, a place acting or
    acted on codes as its country, so its actor is that country too. Runs after the places stage."""
    countries: dict[str, set] = {}
    for p in places or ():
        if p.entity and p.country:
            countries.setdefault(p.entity, set()).add(p.country)
    for ent in entities or ():
        found = countries.get(ent.id)
        if ent.type == "LOC" and ent.country is None and found and len(found) == 1:
            ent.country = next(iter(found))
            ent.actor = ent.actor or ent.country


def foreign_namesakes(entities: list[R.Entity], kb: KB, doc: Doc) -> list[R.Entity]:
    """A bare generic institution named after its foreign namesake is that namesake: after
    "Mahkamah Agung Kuwait", "Mahkamah Agung menolak banding mereka" is Kuwait's court (KWTJUD),
    not Indonesia's, which the KB name alone would give. Only institutions named by spelled-out
    generic words qualify ("Kementerian Luar Negeri"); acronyms and names that say Indonesia
    (KPK, Polri, "Bank Indonesia") stay Indonesian. (Guessing the story's country without such a
    namesake was not done: Indonesian places often carry no country at this stage.)"""
    text = doc_text(doc)

    def says_whose(m) -> bool:
        """The mention or the word after it names a country ("Kementerian Luar Negeri RI")."""
        after = text[m.end:m.end + 30].split()[:1]
        return _names_a_country(m.text, kb) or bool(after and _names_a_country(after[0].strip(",."), kb))

    def generic(e):
        return (e.type == "ORG" and e.country == "IDN" and (e.actor or "").startswith("IDN") and e.mentions
                and all(len(m.text.split()) >= 2 and not says_whose(m) for m in e.mentions))

    foreign = [f for f in entities if f.type == "ORG" and f.country and f.country != "IDN" and f.actor]
    out = []
    for e in entities:
        if generic(e):
            first = e.mentions[0].start
            base = {m.text.lower() for m in e.mentions}
            twin = next((f for f in foreign if f.mentions[0].start < first
                         and any(m.text.lower().startswith(tuple(b + " " for b in base)) for m in f.mentions)), None)
            if twin is not None:
                e = e.model_copy(update={"country": twin.country, "actor": twin.country + e.actor[3:],
                                         "wikidata": None, "confidence": 0.6})
        out.append(e)
    return out


def _before_known_roles(ent: dict, published) -> bool:
    """True when the article predates every role the KB knows for this person (or there are none):
    then only the text can say what the person was ("Plt Gubernur Djarot" before his own term)."""
    starts = [r[0] for r in ent.get("roles") or [] if r[0]]
    if not starts:
        return True
    if published is None:
        return False
    day = published.isoformat()[:10] if hasattr(published, "isoformat") else str(published)[:10]
    return all(str(s)[:10] > day for s in starts)


def _title_actor(title: Title, country: Optional[str]) -> Optional[str]:
    """CAMEO code from a title: the organisation's code ("Kepala Kor Lalu Lintas Polri" -> IDNCOP)
    unless the role word is more specific than a plain government organisation
    ("Hakim", "Panglima"), else country + the role's sector ("Menteri … Korea Selatan" -> KORGOV)."""
    sector = title.sector
    org = title.actor
    if org and org.startswith(("IGO", "NGO", "IMG")):
        return org
    if org and not (sector in ("MIL", "COP", "JUD", "LEG", "SPY") and org.endswith("GOV")):
        return org
    base = (org or "")[:3] or title.country or country
    return f"{base}{sector}" if base and sector else None


# --------------------------------------------------------------------------- component
def analyse(doc: Doc, kb: Optional[KB] = None) -> list[R.Entity]:
    """The whole stage as a function (testable on any Doc with or without ents)."""
    kb = kb or KB.load()
    real = doc
    doc = DocView(doc)
    sent_of = _sentence_index(doc)
    _PUBLISHED["value"] = doc._.published
    mentions = initials_persons(doc, name_mentions(doc, kb, sent_of), sent_of)
    mentions = acronym_expansions(doc, bodies_named_after_places(doc, mentions, kb), sent_of)
    short = _short_forms(mentions)
    mentions = names_from_short_forms(doc, mentions, sent_of)
    ends = {m.end: m for m in mentions}
    mentions = parse_titles(doc, [m for m in mentions if not _appositive_title(doc, m, ends)], kb, sent_of)
    lowercase_appositive_titles(doc, mentions, kb)
    mentions = group_mentions(doc, mentions, kb, sent_of)
    mentions = pattern_person_mentions(doc, mentions, sent_of)
    mentions = surname_mentions(doc, mentions, sent_of)
    mentions = names_from_short_forms(doc, mentions, sent_of, known=short)   # short forms the patterns found
    clusters = cluster(mentions, kb)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    pronouns = pronoun_mentions(doc, sent_of, taken)
    resolve_pronouns(doc, mentions, pronouns, clusters, sent_of)
    return foreign_namesakes(link(clusters, kb, real._.published, real), kb, real)


def entity_at(doc: Doc, start_char: int, end_char: int) -> Optional[str]:
    """Id of the entity with a mention overlapping [start_char, end_char): an exact span wins,
    then the largest overlap, then the shortest mention ("Ukraina" in "Presiden Ukraina" is Ukraine)."""
    best, best_key = None, None
    for ent in doc._.entities or []:
        for m in ent.mentions:
            overlap = min(end_char, m.end) - max(start_char, m.start)
            if overlap <= 0:
                continue
            key = ((m.start, m.end) == (start_char, end_char), overlap, -(m.end - m.start))
            if best_key is None or key > best_key:
                best, best_key = ent.id, key
    return best


@Language.factory("warta_entities", assigns=["doc._.entities"], requires=["doc.ents"], default_config={})
def make_entities(nlp: Language, name: str):
    return EntitiesComponent()


class EntitiesComponent:
    def __init__(self):
        self.kb = KB.load()
        self.kb.automaton()   # build once, at pipeline load

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = analyse(doc, self.kb)
        return doc
