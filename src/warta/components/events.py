"""``warta_events``: who did what to whom, coded in PLOVER (type, mode) and CAMEO, with claim status.

Reads (all optional except tokens): sentences, ``doc._.entities`` (actors with ids, country, actor
code), ``doc._.quotes`` (an event inside a quote is *claimed* by its speaker), ``doc._.times`` /
``doc._.places`` (date and place of the clause), POS/dependencies when the syntax model ran.
Adds: ``doc._.events`` = [record.Event(id="v1", ...)].

The method, in order (each step a small function, testable on a hand-made Doc):
  1. :func:`find_triggers`  lexicon match (``lang/event_triggers.tsv``): active, passive (di-) and
     nominal forms, multi-word forms, object constraints ("mengirimkan senjata").
  2. :func:`actor_mentions` entity mentions (coreference included) or, without entities,
     proper-noun runs and agent nouns ("polisi", "warga").
  3. :func:`arguments`      source/target by voice: active -> subject left / object or
     "ke/kepada/terhadap/dengan X" right; passive -> subject is the target, "oleh X" (or the agent
     right after the verb) the source; nominal -> "kunjungan Putin ke Pyongyang"; coordinated
     actors ("AS, Korea Selatan, dan Ukraina menuduh ...") give one event each. With a dependency
     parse, the subject/object subtrees are preferred when they hold an actor.
  4. :func:`status_of`      quotes and claim verbs (claimed), cue words (possible, negated,
     planned, failed), denial scope (denied).
  5. date and place of the clause, else of the sentence, else the publication month.
  6. :func:`event_features` + :class:`ConfidenceModel` (``models/events_confidence.json``): each event's
     ``confidence`` is a learned probability that its (source, type, target) is right; events below the
     shipped threshold are left out unless ``min_confidence`` says otherwise (0: every event).
"""
from __future__ import annotations

import json
import logging
import math
import os
import warnings
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from warta import record as R
from warta.components.sentences import dateline_end
from warta.lang import LANG_DIR, verb_shaped, word_list
from warta.tokenizer import enclitic_forms, split_enclitic

log = logging.getLogger(__name__)

__all__ = ["SYNTAX_MODEL", "add_syntax", "Trigger", "TriggerEntry", "Lexicon", "load_lexicon", "find_triggers",
           "actor_mentions", "extract_events", "EventsComponent", "event_features", "ConfidenceModel",
           "load_confidence_model"]

#: The shipped syntax model (tagger + parser). The pipeline sources its components before this stage.
SYNTAX_MODEL = Path(__file__).resolve().parents[1] / "models" / "syntax"
SYNTAX_COMPONENTS = ("syntax_tok2vec", "morphologizer", "parser")
#: Learned confidence: logistic-regression weights over :func:`event_features`, fitted on the events gold
#: by ``training/events/fit_confidence.py``. Without the file, the hand-set confidence stays.
CONFIDENCE_MODEL = Path(__file__).resolve().parents[1] / "models" / "events_confidence.json"


def add_syntax(nlp: Language, after: str = "warta_sentences") -> list[str]:
    """Source the shipped tagger/parser into ``nlp`` right after ``after`` (sentence boundaries set
    before the parser are kept). Returns the names added; nothing when the model is absent."""
    from warta.fastops import load_model

    if not (SYNTAX_MODEL / "meta.json").exists():
        return []
    syn = load_model(SYNTAX_MODEL)
    added = []
    prev = after if after in nlp.pipe_names else None
    for name in SYNTAX_COMPONENTS:
        if name in nlp.pipe_names:
            continue
        with warnings.catch_warnings():     # W113: the NER's floret vectors; the parser reads none
            warnings.filterwarnings("ignore", message=r"\[W113\]")
            nlp.add_pipe(name, source=syn, after=prev) if prev else nlp.add_pipe(name, source=syn)
        prev = name
        added.append(name)
    return added

QUOTE_TOKENS = {'"', "“", "”", "'", "‘", "’", "«", "»", "``", "''"}


def _grammar() -> dict[str, frozenset[str]]:
    """Word classes from ``lang/event_grammar.tsv`` (prepositions, clause breaks, coordinators ...)."""
    out: dict[str, set[str]] = {}
    for line in open(LANG_DIR / "event_grammar.tsv", encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            cls, word = line.rstrip("\n").split("\t")
            out.setdefault(cls, set()).add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


_G = _grammar()
_RULE_ONLY_CLASSES = frozenset({"naming", "refusal_skip", "concessive", "means_prep", "content_object_not",
                                "and_clause", "copula", "request_complement", "consequence",
                                "purpose_intent", "modal_clause"})
PREP_TARGET = _G["prep_target"]
PREP_NOT_ACTOR = _G["prep_not_actor"]
CLAUSE_BREAK = _G["clause_break"]
COORD = _G["coord"]
COORD_PAIR = _G.get("coord_pair", frozenset())
OBJECT_CUES = _G.get("object_cue", frozenset())
VENUE_PREP = _G.get("venue_prep", frozenset())
COUNTRY_NOUN = _G.get("country_noun", frozenset())
CONTENT_LEAD = _G.get("content_lead", frozenset())
CONTENT_HEAD = _G.get("content_head", frozenset())
MODAL = _G.get("modal", frozenset())
NAMING = _G.get("naming", frozenset())   # "dua warga ..., yakni Sun Wei dan Li Hong Ri"
EVALUATIVE = _G.get("evaluative", frozenset())   # "X sangat positif", "X merupakan ...": a judgement
REFUSAL = frozenset(tuple(w.split()) for w in _G.get("refusal", frozenset()))   # "tidak akan", "enggan"
REFUSAL_SKIP = _G.get("refusal_skip", frozenset())
CONCESSIVE = _G.get("concessive", frozenset())   # "X ..., meski dikecam Y": X undergoes
COPULA = _G.get("copula", frozenset())
REQUEST_COMPLEMENT = _G.get("request_complement", frozenset())   # "meminta agar X ...": X is asked (issue 11)   # "X merupakan permohonan ...": a definition (issue 11)
MEANS_PREP = _G.get("means_prep", frozenset())   # "lewat panggilan telepon": the means of the subject
CONTENT_OBJECT_NOT = _G.get("content_object_not", frozenset())
AND_CLAUSE = _G.get("and_clause", frozenset())
CONTENT_SPAN = 20   # tokens from a request / proposal word to the verb it asks for
CONDITIONAL = _G.get("conditional", frozenset())
CONSEQUENCE = _G.get("consequence", frozenset())   # "Jika ..., X akan / bisa V": a hypothetical (issue 11)
PURPOSE_INTENT = _G.get("purpose_intent", frozenset())   # "untuk membantu ...": an intent (issue 12)
MODAL_CLAUSE = _G.get("modal_clause", frozenset())   # "seharusnya X sudah menahan Y" (issue 12)
BETWEEN = _G.get("between", frozenset())
PAIR_JOIN = _G.get("pair_join", frozenset())
SKIP_BEFORE_VERB = _G["skip_before_verb"]
VERB_COORD = _G["verb_coord"]
PURPOSE = _G["purpose"]
POSSESSOR_HEAD = _G["possessor_head"]
SUBJECT_LEAD = _G["subject_lead"]
MUTUAL = _G["mutual"]
ACCORDING = _G["according"]
RELATIVE = _G["relative"]
AGENT_MARKER = _G["agent_marker"]
CONTRAST = _G["contrast"]
CONTRAST_ALSO = _G["contrast_also"]
REPORT_AFTER = _G["report_after"]
QUANTIFIER = _G["quantifier"]
QUANTITY_FROM = _G.get("quantity_from", frozenset())
SHARED_SUBJECT = _G.get("shared_subject", frozenset())
NO_SHARE = _G.get("no_share", frozenset())
COMPLEMENT_THAT = _G.get("complement_that", frozenset())
PATIENT_NOMINAL_PREFIXES = tuple(sorted(_G.get("patient_nominal_prefix", frozenset()), key=len, reverse=True))
COMPLEMENT_LEAD = _G["complement_lead"]
ATTRIBUTION = _G["attribution"]
RECEIVE = _G.get("receive_verb", frozenset())
APPOSITION = _G.get("apposition_lead", frozenset())
FIRST_PERSON = _G.get("first_person", frozenset())
COMITATIVE = _G.get("comitative", frozenset())
RESPONSIBLE = [tuple(w.split()) for w in _G.get("responsible_for", frozenset())]
RECEIVE_FROM = _G.get("receive_from", frozenset())
PLURAL_PRONOUN = [tuple(w.split()) for w in _G.get("plural_pronoun", frozenset())]
DUAL_PRONOUN = sorted((tuple(w.split()) for w in _G.get("dual_pronoun", frozenset())), key=len, reverse=True)
_PRONOUN_FIRSTS = frozenset(f[0] for f in PLURAL_PRONOUN + DUAL_PRONOUN)
LIGHT_PASSIVE = _G.get("light_passive", frozenset())
_OBJECT_STOP = CLAUSE_BREAK | PURPOSE | PREP_TARGET | PREP_NOT_ACTOR
DEMONSTRATIVE = _G.get("demonstrative", frozenset())
FRAME_PREP = _G.get("frame_prep", frozenset())
DOCUMENT_NOUN = _G.get("document_noun", frozenset())
TOPIC_VERB = _G.get("topic_verb", frozenset())
CLAIM_NOUN = _G.get("claim_noun", frozenset())
ORDER_VERB = _G.get("order_verb", frozenset())
SCOPE_BREAK = _G.get("scope_break", frozenset())
MEDIA_SECTORS = frozenset(w.upper() for w in _G.get("media_sector", frozenset()))
PROTEST_SECTORS = frozenset(w.upper() for w in _G.get("protest_sector", frozenset()))
# words that never start a name or an actor span; the classes read only by their own rule stay out
_GRAMMAR_WORDS = frozenset().union(*(words for cls, words in _G.items() if cls not in _RULE_ONLY_CLASSES))
RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}   # "X dan Y bertemu": each is the other's partner
STATUS_RANK = {"denied": 6, "negated": 5, "failed": 4, "planned": 3, "possible": 2, "claimed": 1, "asserted": 0}


# ----------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class TriggerEntry:
    type: str
    mode: Optional[str]
    cameo: str
    voice: str                      # active | passive | nominal
    form: tuple[str, ...]
    requires: frozenset[str]
    row: int


@dataclass
class Lexicon:
    by_first: dict[str, list[TriggerEntry]]
    status_cues: dict[str, list[tuple[tuple[str, ...], str, str]]]   # first token -> (cue, status, where)
    claim_cues: frozenset[str]
    light_verbs: frozenset[str]
    agents: dict[tuple[str, ...], str]
    nominal_blockers: frozenset[str] = frozenset()
    cap_stop: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()   # role/agent head nouns (lang/roles.tsv + event_agents.tsv)
    agent_firsts: frozenset[str] = frozenset()
    cue_words: frozenset[str] = frozenset()
    object_blockers: dict = field(default_factory=dict)   # object word -> event types it blocks ("*": all)
    bare_unusable: frozenset = frozenset()   # agent keys that need a modifier to name an actor ("negara")
    needs_target: frozenset = frozenset()    # trigger words that are events only with a party as object


def _split(cell: str) -> list[str]:
    return [] if cell in ("", "-") else [f.strip() for f in cell.split("|") if f.strip()]


def _object_blockers(path: Path) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    if path.exists():
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                word, _tab, types = line.rstrip("\n").partition("\t")
                out.setdefault(word.strip().lower(), set()).update(types.split("|") if types.strip() else ["*"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=4)
def load_lexicon(lang_dir: str = str(LANG_DIR)) -> Lexicon:
    d = Path(lang_dir)
    by_first: dict[str, list[TriggerEntry]] = {}
    rows = [l.rstrip("\n").split("\t") for l in open(d / "event_triggers.tsv", encoding="utf-8")
            if l.strip() and not l.startswith("#")][1:]
    if (d / "event_trigger_forms.tsv").exists():   # regular derived forms (training/events/morph_forms.py)
        rows += [l.rstrip("\n").split("\t") for l in open(d / "event_trigger_forms.tsv", encoding="utf-8")
                 if l.strip() and not l.startswith("#")][1:]
    for i, cols in enumerate(rows):
        typ, mode, cameo, active, passive, nominal, requires, _gloss = cols
        req = frozenset(w.lower() for w in _split(requires))
        for voice, cell in (("active", active), ("passive", passive), ("nominal", nominal)):
            for form in _split(cell):
                toks = tuple(form.lower().split())
                by_first.setdefault(toks[0], []).append(
                    TriggerEntry(typ, None if mode == "-" else mode, cameo, voice, toks, req, i))
    for entries in by_first.values():   # longest form first, then constrained rows, then file order
        entries.sort(key=lambda e: (-len(e.form), not e.requires, e.row))
    cues: dict[str, list] = {}
    for l in open(d / "event_status_cues.tsv", encoding="utf-8"):
        if not l.strip() or l.startswith("#") or l.startswith("status\t"):
            continue
        status, cue, where = l.rstrip("\n").split("\t")
        toks = tuple(cue.lower().split())
        cues.setdefault(toks[0], []).append((toks, status, where))
    for v in cues.values():
        v.sort(key=lambda c: -len(c[0]))

    def words(name):
        return frozenset(l.strip().lower() for l in open(d / name, encoding="utf-8")
                         if l.strip() and not l.startswith("#"))

    agents = {}
    for l in open(d / "event_agents.tsv", encoding="utf-8"):
        if not l.strip() or l.startswith("#") or l.startswith("word\t"):
            continue
        w, sector = l.rstrip("\n").split("\t")
        agents[tuple(w.lower().split())] = sector
    roles = set()
    if (d / "roles.tsv").exists():   # the entity stage's role words ("menteri", "juru bicara", "tentara")
        for l in open(d / "roles.tsv", encoding="utf-8"):
            if l.strip() and not l.startswith("#"):
                roles.add(l.split("\t")[0].strip().lower())
    roles |= {" ".join(k) for k in agents}
    single_roles = {r for r in roles if " " not in r}
    return Lexicon(by_first, cues, words("event_claim_cues.txt"), words("event_light_verbs.txt"), agents,
                   words("event_nominal_blockers.txt"), words("event_name_stopwords.txt") | single_roles,
                   frozenset(single_roles), frozenset(k[0] for k in agents),
                   frozenset(w for v in cues.values() for toks, _s, _w in v for w in toks),
                   _object_blockers(d / "event_object_blockers.txt"),
                   frozenset((w,) for w in words("event_agents_bare.txt")),
                   words("event_needs_target.txt"))


# ----------------------------------------------------------------------------- triggers
@dataclass
class Trigger:
    start: int          # token index
    end: int            # token index, exclusive
    entry: TriggerEntry
    voice: str


def _norm(tok) -> str:
    return tok.lower_


_ENCLITIC_ENDS = enclitic_forms()


def _base(tok) -> str:
    """The word without its enclitic (kunjungannya -> kunjungan), by the tokenizer's rule."""
    low = tok.lower_
    if not low.endswith(_ENCLITIC_ENDS):      # fast path: most words carry no enclitic
        return low
    return split_enclitic(low)[0] or low


def _match_form(words: Sequence, i: int, form: tuple[str, ...]) -> Optional[int]:
    """Match a multi-word form at token i, skipping quote marks inside; returns the end index."""
    j = i
    for k, part in enumerate(form):
        while k > 0 and j < len(words) and (words[j].text in QUOTE_TOKENS or (words[j].like_num and k == len(form) - 1)):
            j += 1   # quote marks, and a number before the last part ("pengusiran 15 diplomat")
        if j >= len(words):
            return None
        w = words[j]
        if _norm(w) != part and not (k == len(form) - 1 and _base(w) == part):
            return None
        j += 1
    return j


def _object_blocked(doc: Doc, j: int, end: int, lex: Lexicon, typ: str) -> bool:
    """An object that makes the verb no event: "menduduki 52 kursi", "merebut gelar", "menyelamatkan diri",
    "mengancam keamanan kawasan" (endanger, not threaten someone)."""
    while j < end and (doc[j].like_num or _norm(doc[j]) in QUANTIFIER):
        j += 1
    if j >= end:
        return False
    types = lex.object_blockers.get(_norm(doc[j])) or lex.object_blockers.get(_base(doc[j]))
    return bool(types) and ("*" in types or typ in types)


def _subject_blocked(doc: Doc, i: int, start: int, lex: Lexicon, typ: str) -> bool:
    """A passive whose subject makes it no event: "reputasi organisasi itu telah dirusak" (only words
    blocking this type, up to 6 words back, not across punctuation)."""
    texts, lowers = _strings(doc)
    for k in range(i - 1, max(start, i - 7) - 1, -1):
        if not (texts[k].isalpha() or "-" in texts[k]):
            return False
        types = lex.object_blockers.get(lowers[k])
        if types and typ in types:
            return True
    return False


def _strings(doc: Doc) -> tuple[list[str], list[str]]:
    """(texts, lower-case forms) of every token, read once per Doc from its arrays: building a
    Token object per access was a third of this stage's time."""
    cached = doc.user_data.get("warta_events_strings")
    if cached is None or len(cached[0]) != len(doc):
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, LOWER]).tolist() if len(doc) else []
        cached = ([strings[o] for o, _ in arr], [strings[lo] for _, lo in arr])
        doc.user_data["warta_events_strings"] = cached
    return cached


def _complement_subject(doc: Doc, ments: list[Mention], trig: Trigger, hi: int) -> Optional[int]:
    """The mention opening an "agar / supaya" clause right after a request verb (a comma may stand
    between): the party asked. Grammar words as data (``request_complement`` in lang/event_grammar.tsv)."""
    i = trig.end
    while i < hi and doc[i].is_punct:
        i += 1
    if i >= hi or _norm(doc[i]) not in REQUEST_COMPLEMENT:
        return None
    j = i + 1
    while j < hi and (_norm(doc[j]) in SUBJECT_LEAD or doc[j].like_num):
        j += 1
    for k, m in _from(ments, j):
        return k if m.start == j and m.end <= hi else None
    return None


def find_triggers(doc: Doc, start: int, end: int, lex: Lexicon, taken: Optional[set] = None) -> list[Trigger]:
    """Lexicon triggers in tokens [start, end), longest form first, no overlaps."""
    out: list[Trigger] = []
    taken = taken or set()
    lowers = _strings(doc)[1][start:end]
    i = start
    while i < end:
        low = lowers[i - start]
        if i in taken:
            i += 1
            continue
        cands = lex.by_first.get(low)
        if not cands and "-" in low:   # a plural by reduplication: "serangan-serangan" is "serangan"
            cands = [e for e in lex.by_first.get(_singular(low), ()) if e.voice == "nominal"]
            if cands:
                hit = next(((e, j) for e in cands if not e.requires
                            for j in [_match_form(doc, i + 1, e.form[1:]) if len(e.form) > 1 else i + 1]
                            if j is not None and j <= end), None)
                if hit is not None:
                    out.append(Trigger(i, hit[1], hit[0], "nominal"))
                    i = hit[1]
                    continue
            i += 1
            continue
        if not cands:
            if not low.endswith(_ENCLITIC_ENDS):
                i += 1
                continue
            cands = lex.by_first.get(_base(doc[i]), [])
        hit = None
        for e in cands:
            j = _match_form(doc, i, e.form)
            if j is None or j > end:
                continue
            req_at = None
            if e.requires:
                req_at = None
                for k in range(j, min(end, j + 4)):
                    if _norm(doc[k]) in e.requires or _base(doc[k]) in e.requires:
                        req_at = k
                        break
                    if _norm(doc[k]) in _OBJECT_STOP:   # "memberikan akses untuk pengiriman bantuan": not the object
                        break
                if req_at is None and e.voice == "passive" and e.type == "MOBILIZE":
                    # "Kapal survei TNI Angkatan Laut dikerahkan": what is deployed is the passive's subject
                    for k in range(i - 1, max(start, i - 7) - 1, -1):
                        if _norm(doc[k]) in CLAUSE_BREAK:
                            break
                        if _norm(doc[k]) in e.requires or _base(doc[k]) in e.requires:
                            req_at = -1
                            break
                if req_at is None:
                    continue
                if req_at < 0:
                    req_at = None
            if e.voice == "active" and j < end and _object_blocked(doc, j, end, lex, e.type):
                continue
            if e.voice == "passive" and _subject_blocked(doc, i, start, lex, e.type):
                continue
            hit = Trigger(i, j, e, e.voice)
            break
        if hit:
            out.append(hit)
            if req_at is not None:      # the object that made the trigger is not a trigger itself,
                # nor is the rest of its noun phrase ("memotong dana bantuan": no AID in "bantuan")
                taken.update(k for k in range(req_at, min(end, hit.end + 4))
                             if _norm(doc[k]) in hit.entry.requires or _base(doc[k]) in hit.entry.requires)
            i = hit.end
        else:
            i += 1
    return out


# ----------------------------------------------------------------------------- actors
@dataclass
class Mention:
    start: int
    end: int
    actor: R.Actor
    rank: int = 0        # 0 entity, 1 proper-noun run, 2 agent noun
    kind: str = ""       # entity type when known (PER, ORG, LOC)


def _sector(code: Optional[str]) -> Optional[str]:
    if not code:
        return None
    if code.startswith("IGO") or code.startswith("NGO"):
        return code[:3]
    return code[3:6] if len(code) >= 6 else None


def actor_from_entity(ent) -> R.Actor:
    code = getattr(ent, "actor", None)
    country = getattr(ent, "country", None)
    if not code and country and getattr(ent, "type", None) == "LOC":
        code = country
    return R.Actor(entity=ent.id, text=ent.name, country=country, code=code, sector=_sector(code))


def actor_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Token spans that can be actors, best source first: entities, then names, then agent nouns."""
    ments: list[Mention] = []
    covered: set[int] = set()
    ents = doc._.entities if doc.has_extension("entities") else None
    stage_ran = ents is not None
    if ents is None and len(doc.ents):
        from warta.pipeline import entities_from_ents   # same ids as the record will carry
        ents = entities_from_ents(doc)
    for e in ents or ():
        if e.type == "MISC" and not e.actor:   # groups named by role + country ("tentara Korea Utara") act
            continue
        actor = actor_from_entity(e)
        for m in e.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            ments.append(Mention(span.start, span.end, actor, 0, e.type))
            covered.update(range(span.start, span.end))
    for p in (doc._.places if doc.has_extension("places") else None) or ():
        # a capital or city acts for its country ("Moskow melancarkan invasi")
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        code = p.country if p.feature in ("country", "city") else None
        ments.append(Mention(span.start, span.end, R.Actor(entity=p.entity, text=p.name, country=p.country,
                                                            code=code), 1))
        covered.update(range(span.start, span.end))
    # capitalised runs the entity stage missed: after a title ("Aktris Angelina Jolie"), or any run
    # when no entity stage ran
    i = 0
    texts = _strings(doc)[0]
    while i < len(doc):
        if not texts[i][:1].isupper():
            i += 1
            continue
        t = doc[i]
        if (t.is_alpha and not t.is_sent_start and i not in covered
                and _norm(t) not in lex.by_first and _norm(t) not in lex.cap_stop):
            j = i + 1
            while (j < len(doc) and doc[j].text[:1].isupper() and (doc[j].is_alpha or "-" in doc[j].text)
                   and j not in covered and _norm(doc[j]) not in lex.by_first and _norm(doc[j]) not in lex.cap_stop):
                j += 1
            after_title = i > 0 and doc[i - 1].text[:1].isupper() and _norm(doc[i - 1]) in lex.cap_stop
            if (j - i >= 2 and after_title) or not stage_ran:
                ments.append(Mention(i, j, R.Actor(text=doc[i:j].text), 1, "PER" if j - i >= 2 else ""))
                covered.update(range(i, j))
            i = j
        else:
            i += 1
    firsts = lex.agent_firsts
    lowers = _strings(doc)[1]
    for i, low in enumerate(lowers):     # agent nouns ("polisi", "pengunjuk rasa") not inside an entity
        if "-" in low:
            low = _singular(low)
        if i in covered or (low not in firsts and not (low.endswith("nya") and low[:-3] in firsts)):
            continue
        for n in (2, 1):
            key = tuple(_singular(_base(x)) for x in doc[i: i + n])
            if len(key) == n and key in lex.agents:
                a, b = _agent_span(doc, i, i + n, covered, lex)
                if b - a == 1 and key in lex.bare_unusable and not (b < len(doc) and doc[b].text[:1].isupper()):
                    break   # a bare "negara(-negara)" names no one; "negara berkembang" does
                ments.append(Mention(a, b, R.Actor(text=doc[a:b].text, sector=lex.agents[key]), 2))
                break
    ments.extend(_bare_roles(doc, lowers, covered, ments, lex))
    ments.extend(_plural_subjects(doc, lowers, covered, lex))
    ments.sort(key=lambda m: (m.start, -m.end))
    # drop mentions nested in a longer one
    out: list[Mention] = []
    for m in ments:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    # an agent noun followed by a country is that country's agent ("tentara Suriah", "polisi Turki")
    merged: list[Mention] = []
    k = 0
    while k < len(out):
        m = out[k]
        nxt = out[k + 1] if k + 1 < len(out) else None
        if (m.rank == 2 and nxt is not None and nxt.start == m.end and nxt.actor.country
                and nxt.kind in ("LOC", "")):
            c = nxt.actor.country
            sector = m.actor.sector
            if _singular(doc[m.start].lower_) in _relational_agents():
                # "sekutu Ukraina": Ukraine's allies are not Ukraine; the group keeps its words only
                merged.append(Mention(m.start, nxt.end, R.Actor(text=doc[m.start:nxt.end].text), 1, "ORG"))
                k += 2
                continue
            merged.append(Mention(m.start, nxt.end, R.Actor(text=doc[m.start:nxt.end].text, country=c,
                                                             code=f"{c}{sector or ''}", sector=sector), 1, "ORG"))
            k += 2
            continue
        merged.append(m)
        k += 1
    return Mentions(merged)


@lru_cache(maxsize=1)
def _relational_agents() -> frozenset[str]:
    """Group nouns whose following country is the relatum (lang/event_relational_agents.txt)."""
    return frozenset(word_list("event_relational_agents.txt"))


def _singular(w: str) -> str:
    """Plural by reduplication: "kelompok-kelompok" -> "kelompok", "negara-negara" -> "negara"."""
    a, dash, b = w.partition("-")
    return a if dash and a == b else w


def _agent_span(doc: Doc, i: int, j: int, covered: set[int], lex: Lexicon) -> tuple[int, int]:
    """An agent noun with one plain lower-case modifier after it ("pemerintah daerah", "perusahaan
    pelayaran", "masyarakat internasional"). Numbers and quantifiers before it stay out of the name."""
    a = i
    if j < len(doc) and j not in covered:
        t = doc[j]
        w = t.lower_
        second_agent = (w,) in lex.agents and j - i <= 2   # "aparat negara", "pasukan keamanan rezim"
        if (t.is_alpha and t.text.islower() and len(w) > 2 and not _verb_like(t)
                and (second_agent or (w not in _GRAMMAR_WORDS and w not in lex.agent_firsts))
                and w not in lex.by_first and w not in lex.cue_words and w not in lex.claim_cues):
            j += 1
    return a, j


@lru_cache(maxsize=4)
def _role_firsts(roles: frozenset[str]) -> frozenset[str]:
    return frozenset(r.split()[0] for r in roles)


def _bare_roles(doc: Doc, lowers: list[str], covered: set[int], ments: list[Mention], lex: Lexicon) -> list[Mention]:
    """A role named without a person after a target preposition or a quantifier ("mewanti-wanti
    kepada Gubernur dan wakil gubernur terpilih", "para menteri") acts like an agent noun. A role
    a few words before a name is a title or has a possessor ("Presiden Joko Widodo", "para menteri luar
    negeri negara ASEAN") and is left to the name."""
    firsts = _role_firsts(lex.roles)
    taken = covered | {i for m in ments for i in range(m.start, m.end)}
    out = []
    i = 0
    while i < len(lowers):
        hit = None
        if lowers[i] in firsts and i not in taken:
            for n in (3, 2, 1):
                if i + n <= len(lowers) and " ".join(lowers[i: i + n]) in lex.roles \
                        and not any(k in taken for k in range(i, i + n)):
                    hit = n
                    break
        if hit and not any(t.text[:1].isupper() for t in doc[i + hit: i + hit + 3]) \
                and i > 0 and (lowers[i - 1] in PREP_TARGET or lowers[i - 1] in QUANTIFIER):
            out.append(Mention(i, i + hit, R.Actor(text=doc[i: i + hit].text), 2, "ROLE"))
            i += hit
        else:
            i += 1
    return out


def _plural_subjects(doc: Doc, lowers: list[str], covered: set[int], lex: Lexicon) -> list[Mention]:
    """Plural subject pronouns the entity stage leaves unresolved ("Mereka mendapat bantuan",
    "Keduanya bertemu", "kedua negara sepakat"): placeholder mentions (kind PL / DUAL) that
    :func:`_resolve_plural` later replaces by the parties of the last event before them. Only at a
    subject position (clause start, after punctuation, a conjunction or a claim verb), so that
    possessives ("anak-anak mereka") and objects ("kepada mereka") stay out."""
    out = []
    for i, low in enumerate(lowers):
        if low not in _PRONOUN_FIRSTS or i in covered:
            continue
        form, kind = None, ""
        for f in DUAL_PRONOUN:
            if tuple(lowers[i: i + len(f)]) == f:
                form, kind = f, "DUAL"
                break
        if form is None and (low,) in PLURAL_PRONOUN:
            form, kind = (low,), "PL"
        if form is None or any(k in covered for k in range(i, i + len(form))):
            continue
        j = i - 1
        while j >= 0 and doc[j].text in QUOTE_TOKENS:
            j -= 1
        prev = lowers[j] if j >= 0 else ""
        if not (j < 0 or doc[i].is_sent_start or doc[j + 1].is_sent_start or not doc[j].is_alpha
                or prev in COORD or prev in CLAUSE_BREAK or prev in SUBJECT_LEAD or prev in lex.claim_cues):
            continue
        out.append(Mention(i, i + len(form), R.Actor(text=doc[i: i + len(form)].text), 2, kind))
    return out


def _country_actors(doc: Doc) -> dict[str, R.Actor]:
    """ISO3 -> the actor of the country itself, for countries named in the article."""
    out: dict[str, R.Actor] = {}
    ents = {e.id: e for e in (doc._.entities or [])} if doc.has_extension("entities") else {}
    for p in (doc._.places if doc.has_extension("places") else None) or ():
        if p.feature == "country" and p.country and p.country not in out:
            e = ents.get(p.entity) if p.entity else None
            out[p.country] = actor_from_entity(e) if e is not None else \
                R.Actor(text=p.name, country=p.country, code=p.country)
    return out


def _named_pairs(doc: Doc, ments: list[Mention], sentences: list[tuple[int, int]]) -> dict[int, tuple]:
    """Per sentence, the last two named persons or organisations joined by "dan" with nothing but
    punctuation or numbers between ("Satoshi Katsudara, 56, dan Yoshinori Kawamura, 46"): what a later
    "keduanya" names when no event since has named two parties."""
    out: dict[int, tuple] = {}
    for s_i, (lo, hi) in enumerate(sentences):
        named = [m for m in ments if lo <= m.start and m.end <= hi and m.rank == 0 and m.kind in ("PER", "ORG")]
        for a, b in zip(named, named[1:]):
            gap = [t for t in doc[a.end: b.start] if not (t.like_num or t.is_punct)]
            if len(gap) == 1 and _norm(gap[0]) == "dan" and b.start - a.end <= 6 and a.actor.entity != b.actor.entity:
                out[s_i] = (b.end, a.actor, b.actor)
    return out


def _resolve_plural(ms: list[Mention], history: list[tuple], s_index: int,
                    countries: Optional[dict[str, R.Actor]] = None, pairs: Optional[dict] = None) -> list[Mention]:
    """Replace plural/dual pronoun mentions by the parties of the latest earlier event (this sentence
    or the two before): "mereka" -> that event's sources; "keduanya" -> its source and target.
    "kedua negara" names states: a leader party stands for its country when the article names it."""
    out: list[Mention] = []
    countries = countries or {}
    for m in ms:
        if m.kind not in ("PL", "DUAL"):
            out.append(m)
            continue
        if m.kind == "DUAL" and pairs:
            last = max((h[0] for h in history), default=-1)
            pair = next(((k, pairs[k]) for k in (s_index, s_index - 1, s_index - 2)
                         if k in pairs and k > last and pairs[k][0] <= m.start), None)
            if pair is not None:
                out.extend(Mention(m.start, m.end, a, 0) for a in pair[1][1:])
                continue
        for sent, srcs, tgts, typ in reversed(history):
            if s_index - sent > 2:
                break
            if m.kind == "DUAL":
                pair = srcs[:2] if len(srcs) >= 2 else (srcs[:1] + tgts[:1] if srcs and tgts else [])
                if len(pair) == 2:
                    if COUNTRY_NOUN & {w.lower() for w in m.actor.text.split()}:
                        pair = [countries.get(a.country, a) if a.country else a for a in pair]
                    out.extend(Mention(m.start, m.end, a, 0) for a in pair)
                    break
            elif srcs:
                # "X melakukan pertemuan dengan Y. Mereka bersepakat ...": after a two-sided event, both sides
                both = srcs + tgts if typ in RECIPROCAL and len(srcs) == 1 and len(tgts) == 1 else srcs
                out.extend(Mention(m.start, m.end, a, 0) for a in both)
                break
            elif len(tgts) >= 2:
                # "Siti dan Doan akan diadili ... Mereka dituduh": the two targets of a sourceless event
                out.extend(Mention(m.start, m.end, a, 0) for a in tgts)
                break
    return out


class Mentions(list):
    """Mentions sorted by start, with the starts kept for bisecting (arguments look right of a trigger)."""

    def __init__(self, items):
        super().__init__(items)
        self.starts = [m.start for m in self]


def _from(ments, i: int):
    """(index, mention) pairs of the mentions starting at token i or later."""
    starts = getattr(ments, "starts", None)
    k = bisect_left(starts, i) if starts is not None else 0
    return zip(range(k, len(ments)), ments[k:])


# ----------------------------------------------------------------------------- arguments
@dataclass
class Args:
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    mutual: bool = False     # "konflik antara X dan Y": each side acts on the other


def _coordinated(ments: list[Mention], k: int, doc: Doc, direction: int, lo: int, hi: int) -> list[Mention]:
    """Mention k plus the mentions coordinated with it ("AS, Korea Selatan, dan Ukraina")."""
    group = [ments[k]]
    links: list[list[str]] = []
    j = k
    cur = k
    while 0 <= j + direction < len(ments):
        a, b = (ments[cur], ments[j + direction]) if direction > 0 else (ments[j + direction], ments[cur])
        if direction > 0 and b.actor.entity and b.actor.entity == a.actor.entity and b.start - a.end <= 4 \
                and all(t.text[:1].isupper() or t.text in "()." for t in doc[a.end: b.start]):
            # "Kepala Kepolisian ... (Kapolri) Jenderal Pol. Tito Karnavian": a title mention and the name
            j += direction
            cur = j
            continue
        if direction < 0 and a.end == b.start and b.kind == "PER":
            # "Presiden Turki Recep Tayyip Erdogan": the country in the title is not a conjunct
            j += direction
            continue
        # numbers and quantifiers may open a conjunct: "dua warga Cina dan satu perusahaan pelayaran"
        between = [_norm(t) for t in doc[a.end: _skip_titles(doc, b.start, a.end)]
                   if not (t.like_num or t.lower_ in QUANTIFIER)]
        pair = len(between) == 1 and between[0] in COORD_PAIR and a.rank == 0 and b.rank == 0
        if not pair and (not between or len(between) > 2 or not all(w in COORD for w in between)):
            break
        nxt = ments[j + direction]   # the candidate conjunct must lie in the clause (not in a dateline)
        if nxt.start < lo or nxt.end > hi or _prev_word(doc, a.start, lo) in ACCORDING:
            break
        group.append(ments[j + direction])
        links.append(between)
        j += direction
        if direction > 0:
            p = _prefer_person(doc, ments, j)   # "dan Kepala Badan Intelijen Negara (BIN) Budi Gunawan"
            if p != j and ments[p].end <= hi:
                group[-1] = ments[p]
                j = p
        cur = j
    # "A, B, dan C" is a list; "Menurut Lavrov, Rusia ..." is not: a comma-only chain needs a conjunction,
    # which may open a last conjunct that is no mention ("Polri, Kejaksaan, KPK, dan lembaga pengawas ...")
    if direction > 0 and links:
        after = [_norm(t) for t in doc[group[-1].end: min(hi, group[-1].end + 2)]]
        if after and after[0] == ",":
            after = after[1:]
        if after and after[0] in COORD and after[0] != ",":
            links.append([after[0]])
    while links and not any(w != "," for l in links for w in l):
        links.pop()
        group.pop()
    return group


def _patient_nominal(tok) -> bool:
    """A peN-an noun of a transitive verb (pembunuhan, penangkapan, penyerangan, pemecatan): a person
    named right after it undergoes the act; root-an and per-an nouns (serangan, kunjungan, pertemuan)
    take their agent there."""
    w = tok.lower_
    return w.endswith("an") and w.startswith(PATIENT_NOMINAL_PREFIXES) and not w.startswith("per")


def _skip_adverbs(doc: Doc, i: int, lo: int) -> int:
    """Token i moved left over the adverbs and modals before a verb ("karena [tengah] dituding")."""
    while i - 1 > lo and _norm(doc[i - 1]) in SKIP_BEFORE_VERB:
        i -= 1
    return i


def _prev_word(doc: Doc, i: int, lo: int) -> str:
    """The word before token i, skipping quote marks, numbers and quantifiers ("kepada 13 warga")."""
    j = i - 1
    while j >= lo and (doc[j].text in QUOTE_TOKENS or doc[j].like_num or doc[j].lower_ in QUANTIFIER):
        j -= 1
        if j - 1 >= lo and doc[j + 1].like_num and doc[j].lower_ == "dari" and doc[j - 1].lower_ in QUANTITY_FROM:
            j -= 2   # "lebih dari 9.200 orang": a quantity
    return _norm(doc[j]) if j >= lo else ""


def _left_subject(doc, ments, trig_start, lo, triggers) -> Optional[int]:
    """Index of the nearest mention left of the trigger that is not in a prepositional phrase."""
    j = trig_start - 1
    while j > lo and _norm(doc[j]) in SKIP_BEFORE_VERB:
        j -= 1
    if j > lo and _norm(doc[j]) in RELATIVE:   # "gerilyawan yang didukung Prancis": the head noun
        for idx in range(len(ments) - 1, -1, -1):
            e = ments[idx].end
            # "teroris Rohingya yang membunuh": a capitalised word the entity stage left out may follow
            if e == j or (e == j - 1 and doc[j - 1].text == ",") or \
                    (0 < j - e <= 2 and all(t.text[:1].isupper() and t.is_alpha for t in doc[e: j])):
                return idx
            if ments[idx].end < j - 1:
                break
    if j > lo and doc[j].text == ",":
        app = _apposition_subject(doc, ments, j, lo, triggers)
        if app is not None:
            return app
        spk = _speaker_before(doc, ments, j, lo, triggers)
        if spk is not None:
            return spk
    k = None
    for idx in range(len(ments) - 1, -1, -1):
        m = ments[idx]
        if m.end > trig_start or m.start < lo:
            continue
        between = [_norm(t) for t in doc[m.end: trig_start]]
        if any(w in CLAUSE_BREAK and not _time_adverb(doc, m.end + k) for k, w in enumerate(between)):
            # "Pasukan Kurdi Suriah yang beraliansi dengan Arab juga bertempur": the head before "yang"
            rel = [m.end + k for k, w in enumerate(between) if w in RELATIVE]
            if (rel and trig_start - rel[0] <= 10
                    and not any(w in CLAUSE_BREAK and w not in RELATIVE and w not in COORD for w in between)
                    and not any(rel[0] < tr.start < trig_start for tr in triggers)):
                head = next((x for x in range(len(ments)) if ments[x].end == rel[0]), None)
                if head is not None:
                    return head
            break
        if m.start >= 2 and _norm(doc[m.start - 2]) in RELATIVE and _verb_like(doc[m.start - 1]):
            # "Serdadu Suriah yang didukung tentara Rusia, melancarkan": the agent of the relative clause
            head = next((x for x in range(len(ments)) if ments[x].end == m.start - 2), None)
            if head is not None:
                return head
        if _address_between_commas(doc, m, lo):
            continue   # "Pengurus Masjid Luar Batang, Penjaringan, Jakarta Utara, menolak": an address
        if any(t.start >= m.end and t.end <= trig_start
               and not (t.voice == "nominal" and _prev_word(doc, t.start, lo) in PREP_NOT_ACTOR)
               for t in triggers) and _norm(doc[m.end]) != ",":
            # another predicate sits between: the mention is its argument, unless coordination
            # (a nominal in a prepositional adjunct is none: "X dan Y lewat panggilan telepon ... menyatakan")
            break
        group = _coordinated(ments, idx, doc, -1, lo, trig_start)
        g0 = group[-1].start
        if any(t.voice == "active" and t.end <= g0 and g0 - t.end <= 1 and t.start != trig_start
               and not any(_norm(x) in CLAUSE_BREAK or not x.is_alpha for x in doc[t.end: g0]) for t in triggers):
            continue   # "menyerang AS dan pasukan koalisi ... serta berniat menyerang": the object of the verb before
        if len(group) > 1 and g0 >= 2 and _norm(doc[g0 - 2]) in RELATIVE and _verb_like(doc[g0 - 1]):
            # "gerilyawan yang didukung Prancis, Inggris dan Turki melancarkan": the relative's head
            head = next((x for x in range(len(ments)) if ments[x].end == g0 - 2), None)
            if head is not None:
                return head
        prev = _prev_word(doc, group[-1].start, lo)
        if (prev in load_lexicon().roles or prev in POSSESSOR_HEAD) and group[-1].start - 1 > lo \
                and _prev_word(doc, group[-1].start - 1, lo) in PREP_NOT_ACTOR:
            prev = _prev_word(doc, group[-1].start - 1, lo)   # "melalui anggota Kepolisian Sektor Sukowono"
        if prev in PREP_NOT_ACTOR or prev in PREP_TARGET or prev in ATTRIBUTION or prev in APPOSITION \
                or (prev in COMITATIVE and m.start > lo + 1):   # "saya bersama Retno mendiskusikan"
            continue   # "Israel dan para pendukungnya, termasuk AS, menuding": AS is an aside
        if m.rank == 2 and ments_between_is_object(doc, m, trig_start):
            continue
        if m.start - 1 > lo and doc[m.start - 1].text == "(" and m.end < len(doc) and doc[m.end].text == ")" \
                and doc[m.start - 2].text.islower():
            continue   # "utusan khusus PBB untuk pengungsi (UNHCR)": a bracketed acronym restates the noun before
        if not _subject_position(doc, group[-1].start, lo):
            continue
        if m.rank == 2 and idx > 0 and ments[idx - 1].end == m.start and ments[idx - 1].rank == 0 \
                and ments[idx - 1].start >= lo:
            idx = idx - 1   # "Mahkamah Agung negara Teluk itu memvonis": the agent noun modifies the name
        k = idx
        break
    return k


def _after_responsible_frame(doc: Doc, trig: Trigger, lo: int) -> bool:
    """"peretas Korea Utara ada di balik peretasan itu": the mention names who is responsible."""
    return any(trig.start - len(f) >= lo and tuple(_norm(t) for t in doc[trig.start - len(f): trig.start]) == f
               for f in RESPONSIBLE)


def _between_pair(doc: Doc, trig: Trigger, ments, hi: int) -> list:
    """"kerja sama ... antara pemerintah Indonesia dan Filipina": the two parties after 'antara ... dan /
    dengan' right after an event noun (at most two words between)."""
    k = trig.end
    while k < min(hi, trig.end + 3) and _norm(doc[k]) not in BETWEEN and doc[k].is_alpha and doc[k].text.islower():
        k += 1
    if k >= hi or _norm(doc[k]) not in BETWEEN:
        return []
    first = next(((x, m) for x, m in _from(ments, k + 1) if m.end <= hi), None)
    if first is None or first[1].start - k > 4:
        return []
    for x, m in _from(ments, first[1].end):
        if m.end > hi or m.start - first[1].end > 8:
            break
        gap = [_norm(t) for t in doc[first[1].end: m.start]]
        if any(w in PAIR_JOIN for w in gap) and not any(w in CLAUSE_BREAK or w == "," for w in gap):
            return [first[1], m]
    return []


def _conditional(doc: Doc, trig: Trigger, lo: int) -> bool:
    """The trigger stands in an 'if' clause: a conditional word before it, with no comma between."""
    for k in range(trig.start - 1, max(lo, trig.start - 8) - 1, -1):
        w = _norm(doc[k])
        if w in CONDITIONAL:
            return True
        if not doc[k].is_alpha or (w in CLAUSE_BREAK and w not in CONDITIONAL):
            return False
    return False


def _conditional_consequence(doc: Doc, trig: Trigger, lo: int) -> bool:
    """The trigger is the hypothetical consequence of a sentence that opens with an 'if' clause
    ("Jika terbukti ..., Departemen Agama ... bisa menindak mereka", "Kalau ada yang reaktif, akan
    langsung kami minta swab"): a future or ability word (class ``consequence``) stands between the
    comma closing the if-clause and the trigger."""
    first = next((k for k in range(lo, trig.start) if doc[k].is_alpha), None)
    if first is None or _norm(doc[first]) not in CONDITIONAL:
        return False
    comma = next((k for k in range(trig.start - 1, first, -1) if doc[k].text == ","), None)
    if comma is None:
        return False
    return any(_norm(doc[k]) in CONSEQUENCE for k in range(comma + 1, trig.start))


def _refusal_start(doc: Doc, trig: Trigger, lo: int) -> int:
    """Start of "tidak akan (pernah) <verb>" before a trigger, or the trigger's start."""
    k = trig.start - 1
    while k >= lo and _norm(doc[k]) in REFUSAL_SKIP:
        k -= 1
    j = k
    while j >= lo and trig.start - j <= 5:
        if tuple(_norm(t) for t in doc[j: k + 1]) in REFUSAL:
            return j
        j -= 1
    return trig.start


def _refusal_before(doc: Doc, trig: Trigger, lo: int) -> bool:
    """A verb of meeting, negotiating or agreeing under "tidak akan", "tidak mau", "enggan" ... is a refusal."""
    return _refusal_start(doc, trig, lo) < trig.start


def _modal_clause(doc: Doc, trig: Trigger, lo: int) -> bool:
    """A clause-opening modal (``modal_clause``: seharusnya, semestinya ...) before the verb in its
    clause, its subject between: "seharusnya penyidik Kejati Papua sudah menahan Yermias"."""
    k = trig.start - 1
    while k >= lo and trig.start - k <= 8:
        w = _norm(doc[k])
        if w in MODAL_CLAUSE:
            return True
        if w in CLAUSE_BREAK or w in RELATIVE:
            return False
        k -= 1
    return False


def _modal_before(doc: Doc, trig: Trigger, lo: int) -> bool:
    """A modal of obligation (``modal`` in event_grammar.tsv: harus, mesti, wajib ...) right before the
    verb, adverbs aside: what someone must or should do is no event that happened."""
    k = trig.start - 1
    seen = 0
    while k >= lo and seen < 3:
        w = _norm(doc[k])
        if w in MODAL:
            return True
        if w not in SKIP_BEFORE_VERB:
            return False
        k -= 1
        seen += 1
    return False


def _request_content(doc: Doc, trig: Trigger, triggers) -> bool:
    """A verb in the complement of a request, proposal, offer or threat ("meminta aparat kepolisian untuk
    tidak menangkap ...", "mengancam akan menarik diri", "Permohonan Zelensky kepada sekutu Ukraina agar
    mengizinkan negara itu menggunakan rudal jarak jauh untuk menyerang ...", "meminta departemen
    bersangkutan menyelidiki") is what is asked, proposed or threatened: not an asserted event."""
    for t in triggers:
        if trig.voice == "nominal" and t.end == trig.start and t.voice == "active" \
                and t.entry.type in ("REQUEST", "REJECT", "AGREE") and _norm(doc[t.start]) not in ORDER_VERB:
            # (an order of an act is the act: "memerintahkan pengusiran" stays, the order is dropped instead)
            return True   # "menepis dialog", "menyerukan gencatan senjata": the noun is what is asked or refused
    heads = [(t.end, t.voice == "active" and t.entry.type == "REQUEST" and _norm(doc[t.start]) not in ORDER_VERB)
             for t in triggers if t.end <= trig.start and t.entry.type in ("REQUEST", "THREATEN", "AGREE")]
    heads += [(k + 1, False) for k in range(max(0, trig.start - CONTENT_SPAN), trig.start)
              if _norm(doc[k]) in CONTENT_HEAD]
    for k in range(max(0, trig.start - 6), trig.start):
        if _norm(doc[k]) in TOPIC_VERB or _base(doc[k]) in TOPIC_VERB:
            gap = doc[k + 1: trig.start]
            if not any(_norm(x) in CLAUSE_BREAK or _norm(x) in COORD or _verb_like(x) for x in gap):
                return True   # "bertemu guna membahas langkah-langkah mendorong Korea Utara ...": a topic
    for end, bare_ok in heads:
        if trig.start - end > CONTENT_SPAN:
            continue
        gap = [_norm(x) for x in doc[end: trig.start]]
        lead = next((k for k, w in enumerate(gap) if w in CONTENT_LEAD), None)
        if lead is None:
            # "meminta departemen bersangkutan menyelidiki": asked party, then the asked verb, no lead word
            if bare_ok and trig.voice == "active" and 0 < len(gap) <= 6 and not any(
                    w in CLAUSE_BREAK or w in COORD or verb_shaped(w) or not x.is_alpha
                    for w, x in zip(gap, doc[end: trig.start])):
                return True
            continue
        before, after = gap[:lead], gap[lead + 1:]
        if any(w in CLAUSE_BREAK - CONTENT_LEAD for w in before):
            continue   # the request's own clause ended before the lead word
        if any(w in CLAUSE_BREAK - CONTENT_LEAD or w == "," for w in after):
            continue
        if any(w in AND_CLAUSE for w in after) and _prev_word(doc, _skip_adverbs(doc, trig.start, end), end) \
                not in AND_CLAUSE:
            continue   # "untuk menghentikan A dan menyerang B" stays content; a new clause after "dan" does not
        return True
    return False


def _frame_agent(doc: Doc, ments: list[Mention], trig: Trigger, hi: int) -> Optional[int]:
    """The subject of the main clause after a sentence-opening frame ("Dalam pertemuan ... di Trump
    Tower, New York, Trump mengatakan"): the first mention after one of the frame's commas that is
    followed by a verb."""
    for comma in (t.i for t in doc[trig.end: min(hi, trig.end + 20)] if t.text == ","):
        for idx, m in _from(ments, comma + 1):
            if m.start <= comma or m.end > hi:
                continue
            if any(_norm(t) not in SUBJECT_LEAD for t in doc[comma + 1: m.start]):
                break
            j = _skip_forward(doc, m.end, hi)
            if j < hi and _verb_like(doc[j]):
                return idx
            break
    return None


def _clause_subject(doc: Doc, ments: list[Mention], lo: int, trig_start: int) -> Optional[int]:
    """The mention that opens the sentence as its subject (only lead words before it, a verb after it),
    when nothing between it and the trigger starts a reported, relative or new clause. A short opener
    ending in a comma ("Belakangan,", "Sementara itu,") is skipped."""
    head = doc[lo: min(lo + 4, trig_start)]
    comma = next((t.i for t in head if t.text == ","), None)
    if comma is not None and all(t.is_alpha and not any(m.start <= t.i < m.end for m in ments)
                                 for t in doc[lo: comma]):
        lo = comma + 1
    for idx, m in _from(ments, lo):
        if m.start < lo:
            continue
        if m.start >= trig_start or any(_norm(t) not in SUBJECT_LEAD for t in doc[lo: m.start]):
            return None
        group = _coordinated(ments, idx, doc, 1, lo, trig_start)
        j = _skip_forward(doc, group[-1].end, trig_start)
        if j >= trig_start or not _verb_like(doc[j]):
            return None
        if any(_norm(t) in RELATIVE or _norm(t) in NO_SHARE or _norm(t) in ACCORDING or t.text in QUOTE_TOKENS
               for t in doc[m.end: trig_start]):
            return None
        return idx
    return None


def _skip_forward(doc: Doc, i: int, hi: int) -> int:
    while i < hi and _norm(doc[i]) in SKIP_BEFORE_VERB:
        i += 1
    return i


def _content_target(doc: Doc, trig: Trigger, ments: list[Mention], hi: int, triggers=()) -> Optional[int]:
    """The party a threat or promise is about: the object of the verb threatened or promised
    ("Nicholson bersumpah akan mengalahkan militan ISIS", "mengancam akan menarik diri dari PBB",
    "AS berjanji akan membela ... Jepang"), when the trigger has no target of its own."""
    j = trig.end
    while j < hi and _norm(doc[j]) in SKIP_BEFORE_VERB and _norm(doc[j]) not in CONTENT_LEAD:
        j += 1
    if j >= hi or _norm(doc[j]) not in CONTENT_LEAD:
        return None
    j += 1
    while j < hi and _norm(doc[j]) in SKIP_BEFORE_VERB:
        j += 1
    if j >= hi or not _verb_like(doc[j]):
        return None
    if any(t.start == j and t.entry.type == "MOBILIZE" for t in triggers):
        return None   # "mengancam akan mengerahkan massa": one's own forces, not a party
    for idx, m in _from(ments, j + 1):
        if m.start <= j or m.end > hi:
            continue
        if m.start - j > 8:
            return None
        between = [_norm(t) for t in doc[j + 1: m.start]]
        if any(w in CLAUSE_BREAK or w == "," for w in between):
            return None
        if _prev_word(doc, m.start, j) in CONTENT_OBJECT_NOT:
            continue   # "... ISIS di Afghanistan": a place or time, not the party
        if m.rank == 2 and not any(t.start == j for t in triggers):
            return None   # a bare group noun after a verb of no event type ("mengerahkan massa") is no party
        return idx
    return None


def _speaker_before(doc, ments, comma: int, lo: int, triggers) -> Optional[int]:
    """"..., kata Komite Internasional Palang Merah pada Selasa (20/02), meminta pihak bertikai ...": a verb
    right after a speech tag continues with the speaker as its subject."""
    for k in range(comma - 1, max(lo, comma - 30) - 1, -1):
        w = doc[k].lower_
        if w in REPORT_AFTER and doc[k].text.islower():
            if any(k < t.start < comma for t in triggers):
                return None
            return next((x for x, m in _from(ments, k + 1) if m.start < comma and m.rank < 2), None)
        if doc[k].text in (";", ":") or doc[k].text in QUOTE_TOKENS:
            return None
    return None


def _address_between_commas(doc, m, lo: int) -> bool:
    """A town or district between commas ("..., Penjaringan, Jakarta Utara, menolak") is an address of the
    name before it, not a subject; a country there can be one ("Menurut Lavrov, Rusia, menolak")."""
    b = m.start - 1
    while b > lo and doc[b].is_space:
        b -= 1
    if m.kind != "LOC" or b <= lo or m.end >= len(doc) or doc[m.end].text != "," or doc[b].text != ",":
        return False
    key = "warta_events_countries"
    spans = doc.user_data.get(key)
    if spans is None:
        spans = set()
        for p in (doc._.places if doc.has_extension("places") else None) or ():
            if p.feature == "country":
                sp = doc.char_span(p.start, p.end, alignment_mode="expand")
                if sp is not None:
                    spans.update(range(sp.start, sp.end))
        doc.user_data[key] = spans
    return not any(i in spans for i in range(m.start, m.end))


def _apposition_subject(doc, ments, comma: int, lo: int, triggers) -> Optional[int]:
    """"Atheist Republic, organisasi nirlaba yang berbasis di Kanada, mengecam": the name before a
    comma-enclosed apposition that opens with a common noun is the subject of the verb after it."""
    for idx in range(len(ments) - 1, -1, -1):
        m = ments[idx]
        if m.end >= comma:
            continue
        if m.start < lo or comma - m.end > 16:
            return None
        if doc[m.end].text != "," or m.end + 1 >= comma:
            continue
        if any(x.start == m.end + 1 and x.end == comma for x in ments) and m.start > lo \
                and doc[m.start - 1].is_alpha:
            continue   # "... pengasuh Padepokan Dimas Kanjeng, Taat Pribadi,": a possessor inside an apposition
        first = doc[m.end + 1]
        inner = doc[m.end + 1: comma]
        commas = [t.i for t in inner if t.text == ","]
        if len(commas) == 1 and any(x.start == commas[0] + 1 and x.end == comma for x in ments) \
                and commas[0] - m.end > 2:
            # "Andi Faisal, salah satu kuasa hukum pengasuh Padepokan Dimas Kanjeng, Taat Pribadi, ditangkap":
            # the name closing the apposition names the possessor inside it, not the subject
            inner = doc[m.end + 1: commas[0]]
        if (not first.is_alpha or not first.text.islower() or _verb_like(first) or _norm(first) in _GRAMMAR_WORDS
                or any(t.text in (",", ";", ":") or t.text in QUOTE_TOKENS for t in inner)
                or any(m.end < t.start < comma for t in triggers)):
            return None
        if m.rank == 2 or not _subject_position(doc, m.start, lo) or _prev_word(doc, m.start, lo) in \
                (PREP_NOT_ACTOR | PREP_TARGET | ATTRIBUTION | ACCORDING):
            return None
        return idx
    return None


def _subject_position(doc, i: int, lo: int) -> bool:
    """A subject starts the clause or follows a verb, a conjunction or punctuation; a name after a
    plain noun is a possessor ("aliansi Rusia", "perang Rusia"), not a subject."""
    j = i - 1
    while j >= lo and doc[j].text in QUOTE_TOKENS:
        j -= 1
    if j < lo:
        return True
    if doc[i].text[:1].islower():       # a pronoun mention ("ia", "mereka") is a subject wherever it stands
        return True
    p = doc[j]
    w = p.lower_
    lex = load_lexicon()
    if not p.is_alpha or w in COORD or w in CLAUSE_BREAK or w in SKIP_BEFORE_VERB or w in lex.claim_cues:
        return True
    if w in lex.cue_words:
        return True
    if p.text[:1].isupper():       # a title or name before ("Pemimpin Korea Utara Kim")
        return True
    if verb_shaped(w):
        return True
    if w in lex.roles or w in POSSESSOR_HEAD:
        return True   # "para menteri luar negeri negara ASEAN mendesak": the possessor is the actor
    return w in SUBJECT_LEAD


def ments_between_is_object(doc, m, trig_start) -> bool:
    """An agent noun right after another verb is that verb's object, not our subject."""
    prev = doc[m.start - 1] if m.start > 0 else None
    if prev is not None and prev.lower_ in load_lexicon().claim_cues and prev.lower_ not in OBJECT_CUES \
            and not doc[m.end - 1].lower_.endswith("nya"):
        return False   # "Noor menyatakan polisi semakin mengintensifkan ...": the complement's subject
    return prev is not None and prev.lower_[:2] in ("me", "di", "be") and len(prev) > 4


def _right_object(doc, ments, trig_end, hi, allow_direct=True, max_gap=12, skip_agents_until=0) -> Optional[int]:
    roles = load_lexicon().roles
    for idx, m in _from(ments, trig_end):
        if m.start < trig_end or (m.rank == 2 and m.start < skip_agents_until):
            continue
        if m.start - trig_end > max_gap or m.end > hi:
            return None
        between = [_norm(t) for t in doc[trig_end: m.start]]
        if any(w in CLAUSE_BREAK for w in between) and not _purpose_bridge(between):
            return None
        prev = _prev_word(doc, _skip_titles(doc, m.start, trig_end), trig_end)
        if (prev in roles or prev in POSSESSOR_HEAD) and m.start - 1 > trig_end:
            prev = _prev_word(doc, m.start - 1, trig_end) or prev   # "terhadap para anggota Al Qaeda"
        if prev in PREP_NOT_ACTOR:
            continue
        gap_toks = [x for x in doc[trig_end: _skip_titles(doc, m.start, trig_end)] if x.text not in QUOTE_TOKENS]
        if gap_toks and _norm(gap_toks[-1]) in PREP_TARGET:
            gap_toks = gap_toks[:-1]
        titles = all(x.text[:1].isupper() for x in gap_toks)   # "menemui Menteri Luar Negeri RI Retno"
        # "menguasai pangkalan udara ISIS", "memblokir kebijakan imigrasi Trump": the possessor of the object
        possessor = ((m.rank < 2 or doc[m.start].text[:1].isupper()) and len(gap_toks) <= 3
                     and not any(_verb_like(x) or not x.is_alpha for x in gap_toks))
        if prev in PREP_TARGET or prev in APPOSITION or (allow_direct and (len(gap_toks) <= 1 or titles or possessor)
                                   and not any(_norm(x) in COORD for x in gap_toks)):
            return _prefer_person(doc, ments, idx)
    return None


def _time_adverb(doc, i: int) -> bool:
    """'saat ini', 'sejak itu' are adverbs, not clause openers."""
    return i + 1 < len(doc) and doc[i + 1].lower_ in ("ini", "itu")


def _verb_like(tok) -> bool:
    w = tok.lower_
    if tok.has_extension("base") and tok._.base:
        w = tok._.base.lower()
    return len(w) > 4 and w.startswith(("me", "di", "ber")) or (tok.pos_ in ("VERB", "AUX"))


def _skip_titles(doc, start: int, lo: int) -> int:
    """Start of the capitalised title run before a name ("dengan Presiden Vladimir Putin" -> "Presiden")."""
    j = start
    while j - 1 >= lo and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha:
        j -= 1
    return j


def _prefer_person(doc, ments, idx: int) -> int:
    """In "Menteri Luar Negeri RI Retno Marsudi" the actor is the person, not the country in the title."""
    m = ments[idx]
    if idx + 1 >= len(ments):
        return idx
    if m.kind == "PER":
        # "Panglima Tentara Nasional Indonesia (TNI) Jenderal TNI Gatot Nurmantyo": a "person" made of a
        # title and an organisation is the title of the name after it
        n = next((x for x in range(idx + 1, min(len(ments), idx + 4)) if ments[x].kind == "PER"), None)
        if n is not None and doc[m.start].lower_ in _role_firsts(load_lexicon().roles) \
                and ments[n].start - m.end <= 6 and doc[ments[n].start].lower_ not in _role_firsts(load_lexicon().roles) \
                and all(t.text[:1].isupper() or t.text in ("(", ")", ".") for t in doc[m.end: ments[n].start]):
            return n
        return idx
    n = ments[idx + 1]
    if m.rank == 2 and n.rank == 0 and n.start == m.end:
        return idx + 1   # "masyarakat Rohingya", "pasukan Rusia": the named group carries the country
    between = doc[m.end: n.start]
    if n.kind == "PER" and all(x.text[:1].isupper() for x in between) and n.start - m.end <= 3:
        return idx + 1
    if m.start > 0 and doc[m.start - 1].text[:1].isupper() \
            and doc[m.start - 1].lower_ in _role_firsts(load_lexicon().roles):
        # "Panglima [Tentara Nasional Indonesia] (TNI) Jenderal TNI Gatot Nurmantyo": the organisation
        # in a title, an acronym and a rank before the name
        p = next((x for x in range(idx + 1, min(len(ments), idx + 4)) if ments[x].kind == "PER"), None)
        if p is not None and ments[p].start - m.end <= 6 and \
                all(t.text[:1].isupper() or t.text in ("(", ")", ".") for t in doc[m.end: ments[p].start]):
            return p
    return idx


def _purpose_bridge(between: list[str]) -> bool:
    """'tidak hanya mengirimkan senjata tetapi juga tentara untuk membantu Rusia': keep looking."""
    return any(w in CONTRAST_ALSO for w in between) and any(w in CONTRAST for w in between)


class Syntax:
    """Dependency view of the Doc: its own parse, or parses of single sentences (lazy parsing)."""

    def __init__(self, doc: Doc, sentences: Optional[dict[int, tuple[int, Doc]]] = None):
        self.doc = doc
        self.sentences = sentences or {}
        self.whole = sentences is None and doc.has_annotation("DEP")

    def token(self, i: int):
        """(parsed token, offset of its Doc in this Doc) or None when token i is not parsed."""
        if self.whole:
            return self.doc[i], 0
        for lo, sdoc in self.sentences.values():
            if lo <= i < lo + len(sdoc):
                return sdoc[i - lo], lo
        return None


def _dep_argument(syn: Optional[Syntax], trig: Trigger, ments: list[Mention], rels: set[str],
                  named_only: bool = False) -> Optional[int]:
    """With a parse: the mention inside the subtree of a child of the trigger with one of ``rels``."""
    got = syn.token(trig.start) if syn is not None else None
    if got is None:
        return None
    head, off = got
    for child in head.children:
        if child.dep_ == "obl" and "obl" in rels:
            if not any(c.dep_ == "case" and c.lower_ in PREP_TARGET for c in child.children):
                continue
        if child.dep_ in rels:
            lo, hi = off + child.left_edge.i, off + child.right_edge.i + 1
            for idx, m in enumerate(ments):
                if m.start >= lo and m.end <= hi and not (named_only and m.rank == 2) \
                        and _prev_word(syn.doc, _skip_titles(syn.doc, m.start, lo), lo) not in PREP_NOT_ACTOR:
                    return idx   # "... pembangunan gedung di wilayah Palestina": a place, not a party
    return None


def _light_passive_after(doc: Doc, trig: Trigger, hi: int) -> Optional[int]:
    """'N (up to 3 words) yang (telah) di-V' with a light passive verb (dilancarkan, diserukan, diberikan):
    returns the token index after the verb, where the nominal event's agent stands; else None."""
    for k in range(trig.end, min(hi, trig.end + 4)):
        w = _norm(doc[k])
        if w in RELATIVE:
            j = k + 1
            while j < hi and _norm(doc[j]) in SKIP_BEFORE_VERB:
                j += 1
            if j < hi and _norm(doc[j]) in LIGHT_PASSIVE:
                return j + 1
            return None
        if not doc[k].is_alpha or w in CLAUSE_BREAK:
            return None
    return None


def _relative_verb(doc: Doc, trig: Trigger, lo: int) -> bool:
    """The trigger opens a relative clause ("yang (telah) mendukung"): its subject is the head noun."""
    j = trig.start - 1
    while j > lo and _norm(doc[j]) in SKIP_BEFORE_VERB:
        j -= 1
    return j >= lo and _norm(doc[j]) in RELATIVE


def _partner_after(doc: Doc, start: int, lo: int) -> bool:
    """'dengan / bersama' before a name, possibly with a plain noun group or 'seperti' between:
    "sepakat bersama partai koalisi Partai Golkar", "dengan tokoh dunia seperti Sekjen PBB Guterres"."""
    j = start - 1
    steps = 0
    while j >= lo and steps <= 3:
        w = _norm(doc[j])
        if w == "dengan" or w in COMITATIVE:
            return True
        if not doc[j].is_alpha or not doc[j].text.islower() or _verb_like(doc[j]) \
                or (w in _GRAMMAR_WORDS and w not in APPOSITION and w != "seperti"):
            return False
        j -= 1
        steps += 1
    return False


def _document_issuer(doc: Doc, trig: Trigger, ments: list[Mention], lo: int, triggers) -> Optional[int]:
    """'X mengeluarkan surat / pernyataan yang meminta ...': the mention that issued the document."""
    j = trig.start - 1
    while j > lo and _norm(doc[j]) in SKIP_BEFORE_VERB:
        j -= 1
    k = j - 1   # the head noun before "yang", possibly with one modifier ("surat resmi")
    for h in (k, k - 1):
        if h >= lo and _base(doc[h]) in DOCUMENT_NOUN:
            v = h - 1
            while v >= lo and (_norm(doc[v]) in QUANTIFIER or doc[v].like_num):
                v -= 1
            if v >= lo and _verb_like(doc[v]):
                return _left_subject(doc, ments, v, lo, triggers)
            return None
    return None


def _anaphoric_nominal(doc: Doc, trig: Trigger, lo: int, hi: int) -> bool:
    """A nominal event marked as already known: a demonstrative after it ("pertemuan Korsel dan Korut
    tersebut", "peretasan ini"), an enclitic ("kunjungannya") or a framing preposition before it
    ("dalam pertemuan", "di sela kunjungannya"). Such a mention repeats an event told before."""
    if trig.voice != "nominal":
        return False
    if _base(doc[trig.end - 1]) != _norm(doc[trig.end - 1]):
        return True
    if _prev_word(doc, trig.start, lo) in FRAME_PREP:
        return True
    for k in range(trig.end, min(hi, trig.end + 5)):
        w = _norm(doc[k])
        if w in DEMONSTRATIVE:
            return True
        if not doc[k].is_alpha or w in CLAUSE_BREAK or w in COORD and k > trig.end + 3:
            return False
    return False


def _first_person_subject(doc: Doc, trig: Trigger, lo: int) -> bool:
    """'saya' / 'kami' before the verb (adverbs and 'bersama X' may stand between)."""
    for j in range(trig.start - 1, max(lo, trig.start - 6) - 1, -1):
        w = _norm(doc[j])
        if w in FIRST_PERSON:
            return True
        if w in CLAUSE_BREAK or not doc[j].is_alpha:
            return False
    return False


def _governed_nominal(doc: Doc, trig: Trigger, ments: list[Mention], lo: int, hi: int,
                      triggers: list[Trigger], tgt_i: Optional[int]) -> tuple[Optional[int], Optional[int]]:
    """A nominal event with no agent after it that is the object of a verb takes its actors from that
    verb: "Jepang dan AS memulai latihan gabungan" (the verb's subject acts), "Mereka mendapat bantuan
    dari tentara AS" / "dikenakan dakwaan" (receiving verbs and di- passives: the subject is the target,
    "dari X" / "oleh X" the source)."""
    j, v = trig.start - 1, None
    for frame in RESPONSIBLE:   # "Pemerintah Myanmar bertanggung jawab atas genosida": the subject acts
        k = trig.start - len(frame)
        if k >= lo and tuple(_norm(t) for t in doc[k: trig.start]) == frame:
            return _left_subject(doc, ments, k, lo, triggers), tgt_i
    while j >= lo and trig.start - j <= 3:
        w = _norm(doc[j])
        if not doc[j].is_alpha or w in CLAUSE_BREAK or w in PREP_TARGET or w in PREP_NOT_ACTOR:
            break
        if w in RECEIVE or _verb_like(doc[j]) and not any(m.start <= j < m.end for m in ments):
            v = j
            break
        j -= 1
    if v is None:
        return None, tgt_i
    w = _norm(doc[v])
    lex = load_lexicon()
    if w in lex.claim_cues or _base(doc[v]) in lex.claim_cues:
        return None, tgt_i   # "Retno mengatakan bantuan ...": the speaker is not the nominal's agent
    if w in RECEIVE or (w.startswith("di") and len(w) > 4):
        subj = _left_subject(doc, ments, v, lo, triggers)
        src = None
        for idx, m in _from(ments, trig.end):
            if m.start < trig.end:
                continue
            if m.start - trig.end > 6 or m.end > hi:
                break
            if _prev_word(doc, m.start, trig.end) in RECEIVE_FROM:
                src = idx
            break
        return src, (subj if subj is not None else tgt_i)
    return _left_subject(doc, ments, v, lo, triggers), tgt_i


def _named_apposition(doc: Doc, ments: list[Mention], m: Mention, start: int, hi: int) -> list[Mention]:
    """Named members given after a group noun: "negara-negara terkait khususnya Korea Utara", "dua warga
    yang dituduh terlibat, yakni Sun Wei dan Li Hong Ri": the names, searched from ``start``."""
    if m.rank != 2 and doc[m.start].text[:1].isupper():
        return []
    j = start
    if j < hi and doc[j].text == ",":
        j += 1
    if j >= hi or _norm(doc[j]) not in APPOSITION | NAMING:
        return []
    k = next((x for x, n in _from(ments, j + 1) if n.start >= j + 1), None)
    if k is None or ments[k].start > j + 3 or ments[k].end > hi or ments[k].rank != 0:
        return []
    return _coordinated(ments, k, doc, 1, j + 1, hi)


def arguments(doc: Doc, trig: Trigger, ments: list[Mention], lo: int, hi: int,
              triggers: list[Trigger], prev_event_sources: list[Mention], parsed: Optional[Syntax]) -> Args:
    args = Args()
    voice = trig.voice
    light = voice == "nominal" and _prev_word(doc, trig.start, lo) in load_lexicon().light_verbs
    if light:
        voice = "active"
    src_i = tgt_i = None
    if voice == "active":
        src_i = _left_subject(doc, ments, trig.start, lo, triggers)
        if src_i is None and parsed:   # the parse only fills what the clause rules leave open
            src_i = _dep_argument(parsed, trig, ments, {"nsubj"})
            if src_i is not None and ments[src_i].start < lo:
                src_i = None   # never the dateline ("Merdeka.com - Pengurus Masjid ... menolak")
        # a verb coordinated with a previous one shares its subject ("Kim ... dan mengunjungi")
        j = trig.start - (2 if light else 1)
        while j > lo and _norm(doc[j]) in SKIP_BEFORE_VERB:
            j -= 1
        purpose = j >= lo and _norm(doc[j]) in PURPOSE
        spoken = j > lo and doc[j].text == "," and _speaker_before(doc, ments, j, lo, triggers) is not None
        control = None
        if purpose:   # "Obama memerintahkan Kemenhan AS untuk mengerahkan": the one asked acts
            req = [t for t in triggers if t.end <= j and t.entry.type == "REQUEST"]
            if req:
                control = next((x for x, m in enumerate(ments) if req[-1].end <= m.start and m.end <= j), None)
        if control is not None:
            src_i = _prefer_person(doc, ments, control)
        elif prev_event_sources and purpose:
            args.sources = list(prev_event_sources)
        elif purpose:   # "X ... mengajukan banding ... untuk menentang": the main clause's subject
            first = next((x for x, m in enumerate(ments) if lo <= m.start < trig.start
                          and _subject_position(doc, m.start, lo)
                          and _prev_word(doc, m.start, lo) not in PREP_NOT_ACTOR | PREP_TARGET | ATTRIBUTION), None)
            if first is not None:
                src_i = first
        elif spoken:
            pass   # "..., kata X pada Selasa, meminta ...": the speaker found by _left_subject acts
        elif prev_event_sources and j >= lo and _norm(doc[j]) in VERB_COORD:
            if src_i is None or ments[src_i].start > prev_event_sources[0].start:
                args.sources = list(prev_event_sources)
        elif j >= lo and _norm(doc[j]) in VERB_COORD and _verb_like(doc[j - 1] if j > lo else doc[j]) is False:
            # "ISIS sudah sampai Filipina Selatan dan menguasai Kota Marawi": the clause subject, not the
            # previous verb's object, acts
            first = next((x for x, m in enumerate(ments) if lo <= m.start < j and m.rank < 2
                          and _subject_position(doc, m.start, lo)
                          and _prev_word(doc, m.start, lo) not in PREP_NOT_ACTOR | PREP_TARGET | ATTRIBUTION), None)
            if first is not None and src_i is not None and ments[first].start < ments[src_i].start \
                    and any(_verb_like(t) or t.lower_ in SKIP_BEFORE_VERB for t in doc[ments[first].end: ments[src_i].start]):
                src_i = first
        if tgt_i is None:   # "mengancamnya": the enclitic object
            tgt_i = next((x for x, m in enumerate(ments) if m.start == trig.start and m.end == trig.end), None)
        if tgt_i is None:
            nxt = min([t.start for t in triggers if t.start >= trig.end] or [hi])
            if trig.entry.type in ("THREATEN", "REQUEST", "AGREE") and trig.end < hi \
                    and _norm(doc[trig.end]) in COMPLEMENT_LEAD:
                nxt = hi   # "mengancam akan menarik diri dari PBB": the threatened party is the target
            topic = _norm(doc[trig.start]) in TOPIC_VERB or _base(doc[trig.start]) in TOPIC_VERB \
                or (trig.entry.cameo == "016" and trig.end < hi and _base(doc[trig.end]) not in CLAIM_NOUN)
            # a denial answers the owner of a claim ("membantah tuduhan Israel"), not of any object
            # "membahas tema reformasi PBB": the object is a topic; only "dengan X" names a partner
            tgt_i = _right_object(doc, ments, trig.end, nxt, allow_direct=not topic,
                                  skip_agents_until=trig.end + 4 if trig.entry.requires else 0,
                                  max_gap=3 if trig.entry.cameo == "016" else 12)   # "membantah tuduhan Israel"
            if tgt_i is None and trig.entry.type in ("REQUEST", "THREATEN") and trig.end < hi \
                    and _norm(doc[trig.end]) in COMPLEMENT_LEAD and _norm(doc[trig.end]) in CLAUSE_BREAK:
                # "mendesak agar Korea Utara mematuhi resolusi": the one urged is the complement's subject
                tgt_i = _right_object(doc, ments, trig.end + 1, nxt, max_gap=4)
            if tgt_i is None and trig.entry.type == "ACCUSE" and trig.end < hi \
                    and _norm(doc[trig.end]) in COMPLEMENT_THAT:
                # "menuding bahwa sebenarnya rezim Korut merupakan dalang ...": the accused opens the clause
                tgt_i = _right_object(doc, ments, trig.end + 1, nxt, max_gap=3)
            if tgt_i is None and trig.entry.type in ("REQUEST", "THREATEN") and trig.end + 1 < hi \
                    and doc[trig.end].text == ",":
                # "Trump pun mengancam, para senator tidak dapat masuk ...": the threatened party opens the clause
                tgt_i = _right_object(doc, ments, trig.end + 1, hi, max_gap=2)
        if trig.entry.type in RECIPROCAL:
            # "membicarakan persoalan ISIS dengan Menteri Pertahanan Selandia Baru Mark Mitchell",
            # "sepakat bersama partai koalisi Golkar, PPP ...": the partner, not the topic
            for idx, m in _from(ments, trig.end):
                if m.start < trig.end or m.end > hi or m.start - trig.end > 10:
                    continue
                if any((_norm(t) in CLAUSE_BREAK and _norm(t) not in PREP_TARGET)
                       or (t.text.islower() and _verb_like(t) and _norm(t) not in _GRAMMAR_WORDS)
                       for t in doc[trig.end: m.start]):
                    break   # another clause or verb ("bertemu X dan terus berkoordinasi dengan Y")
                if _partner_after(doc, _skip_titles(doc, m.start, trig.end), trig.end):
                    tgt_i = _prefer_person(doc, ments, idx)
                    break
        if trig.entry.type == "COERCE" and trig.entry.mode == "seize":
            # "para militan merebutnya dari pemberontak": the one a place is taken from is the target
            for idx, m in _from(ments, trig.end):
                if m.start < trig.end or m.end > hi or m.start - trig.end > 8:
                    continue
                if any(_norm(t) in CLAUSE_BREAK and _norm(t) not in RECEIVE_FROM for t in doc[trig.end: m.start]):
                    break
                if _prev_word(doc, _skip_titles(doc, m.start, trig.end), trig.end) in RECEIVE_FROM - AGENT_MARKER:
                    tgt_i = idx
                    break
        if tgt_i is None and trig.entry.type in RECIPROCAL:   # "saya bersama Retno mendiskusikan": the partner
            tgt_i = next((x for x, m in enumerate(ments) if lo < m.start < trig.start and trig.start - m.end <= 3
                          and _prev_word(doc, m.start, lo) in COMITATIVE), None)
        if tgt_i is None and parsed and trig.entry.cameo != "016":   # a denial's target: only a claim's owner
            tgt_i = _dep_argument(parsed, trig, ments, {"obj", "iobj", "obl"}, named_only=bool(trig.entry.requires))
    elif voice == "passive":
        tgt_i = _left_subject(doc, ments, trig.start, lo, triggers)
        if tgt_i is None and trig.entry.cameo == "016":
            # "pengakuan Sugiharto itu langsung dibantah Miryam": the denied claim's owner
            tgt_i = next((x for x in range(len(ments) - 1, -1, -1) if lo < ments[x].start and ments[x].end <= trig.start
                          and trig.start - ments[x].end <= 4 and _base(doc[ments[x].start - 1]) in CLAIM_NOUN), None) \
                if ments else None
        for idx, m in _from(ments, trig.end):
            if m.start < trig.end or m.start - trig.end > 8 or m.end > hi:
                continue
            prev = _prev_word(doc, m.start, trig.end)
            if prev in AGENT_MARKER or m.start == trig.end or _prev_word(doc, m.start, trig.start) == _norm(doc[trig.end - 1]):
                src_i = idx   # "diserang sekelompok biksu": only a quantifier between
            elif prev in AGENT_MARKER | PREP_NOT_ACTOR:
                pass
            else:
                # "dikritik dan diblokir oleh hakim": coordinated passives share the agent
                gap = [_norm(t) for t in doc[trig.end: m.start]]
                if gap and gap[0] in COORD and gap[-1] in AGENT_MARKER and len(gap) <= 3 \
                        and any(w.startswith("di") and len(w) > 4 for w in gap[1:-1]):
                    src_i = idx
            break
    else:   # nominal: "kunjungan Putin ke Pyongyang", "serangan Rusia terhadap Ukraina"
        own = next((x for x, m in enumerate(ments) if m.start == trig.start and m.end == trig.end), None)
        if own is not None:          # "seruannya": the enclitic is the agent
            src_i = own
        if own is None and _norm(doc[trig.end - 1]) in PREP_TARGET and len(trig.entry.form) > 1:
            # "perang melawan Kachin": the form ends in its target's preposition
            own = next((x for x, m in enumerate(ments) if trig.end <= m.start <= trig.end + 2 and m.end <= hi), None)
            if own is not None:
                tgt_i = _prefer_person(doc, ments, own)
        for idx, m in enumerate(ments if own is None else ()):
            if m.start < trig.end:
                continue
            gap = [_norm(t) for t in doc[trig.end: m.start] if t.text not in QUOTE_TOKENS]
            if any(not w.isalpha() for w in gap):
                break
            if not gap and m.kind == "PER" and m.rank == 0 and _patient_nominal(doc[trig.start]):
                tgt_i = idx   # "pembunuhan Kim", "penangkapan Rizieq": a person after a peN-an noun is its patient
            elif len(gap) <= 1 and all(w not in PREP_TARGET and w not in PREP_NOT_ACTOR and w not in CLAUSE_BREAK
                                       for w in gap) or (len(gap) == 1 and gap[0] in AGENT_MARKER):
                src_i = idx
            break
        last_end = ments[src_i].end if src_i is not None else None
        for idx, m in _from(ments, trig.end):
            if tgt_i is not None:
                break
            if m.start < trig.end or (src_i is not None and idx <= src_i):
                continue
            if last_end is not None and m.start == last_end:
                last_end = m.end
                continue   # "kunjungan Presiden Nauru Baron Waqa ke Indonesia": the name goes on, the target follows
            if m.start - trig.end > 8 or m.end > hi:
                break
            prev = _prev_word(doc, m.start, trig.end)
            if prev in load_lexicon().roles and m.start - 1 > trig.end:
                prev = _prev_word(doc, m.start - 1, trig.end)   # "terhadap para anggota Al Qaeda"
            if prev in PREP_TARGET:
                tgt_i = _prefer_person(doc, ments, idx)
            break
    if voice == "nominal" and src_i is None and tgt_i is None and own is None:
        pair = _between_pair(doc, trig, ments, hi)
        if pair:   # "konflik berdarah antara pemberontak Huthi dan ... pasukan pemerintah"
            args.sources, args.mutual = pair, True
            return args
    if voice == "nominal" and src_i is None and own is None:
        lp = _light_passive_after(doc, trig, hi)
        if lp is not None:   # "ancaman pemotongan bantuan yang diserukan AS": the agent of the relative
            src_i = next((x for x, m in enumerate(ments) if lp <= m.start <= lp + 1 and m.end <= hi
                          and (m.start == lp or _norm(doc[lp]) in AGENT_MARKER)), None)
    if voice == "nominal" and src_i is None and own is None:
        src_i, tgt_i = _governed_nominal(doc, trig, ments, lo, hi, triggers, tgt_i)
    elif voice == "nominal" and tgt_i is None and own is None and trig.start - 1 >= lo \
            and _norm(doc[trig.start - 1]) in RECEIVE:
        # "Korea Utara telah mendapat sanksi PBB": the possessor gives, the receiver is the target
        k = _left_subject(doc, ments, trig.start - 1, lo, triggers)
        if k is not None and k != src_i:
            tgt_i = k
    if src_i is not None and not args.sources:
        # coordinate away from the trigger: "Jepang dan AS memulai latihan gabungan", "didukung Prancis dan Inggris"
        args.sources = _coordinated(ments, src_i, doc, -1 if ments[src_i].end <= trig.start else +1, lo, hi)
    if tgt_i is not None:
        # a target left of the trigger (passive subject) coordinates leftwards: "AS dan Jepang diserang"
        args.targets = _coordinated(ments, tgt_i, doc, -1 if ments[tgt_i].end <= trig.start else +1, lo, hi)
        if len(args.targets) == 1:
            t = args.targets[0]
            named = _named_apposition(doc, ments, t, t.end if t.end > trig.start else trig.end, hi)
            if not named and t.end <= trig.start and voice == "passive":
                named = _named_apposition(doc, ments, t, _skip_forward(doc, trig.end, hi) + 1, hi)
            if named:
                args.targets = named
    return args


# ----------------------------------------------------------------------------- status
@dataclass
class Status:
    status: str = "asserted"
    claimed_by: Optional[str] = None
    quote: Optional[str] = None


def _cue_at(doc, i: int, lex: Lexicon, hi: int, only: Optional[str] = None):
    for toks, status, where in lex.status_cues.get(_norm(doc[i]), []):
        if only is not None and where != only:
            continue
        if i + len(toks) <= hi and tuple(_norm(t) for t in doc[i: i + len(toks)]) == toks:
            return toks, status, where
    return None


def status_of(doc: Doc, trig: Trigger, lo: int, hi: int, lex: Lexicon, ments: list[Mention],
              quotes, triggers: list[Trigger]) -> Status:
    st = Status()
    tchar = doc[trig.start].idx
    # 1. inside a quotation -> claimed by its speaker
    for q in quotes or ():
        if q.start <= tchar < q.end:
            cue = getattr(q, "cue", None)
            if cue is not None and cue.start <= tchar < cue.end:
                continue
            st = Status("claimed", q.speaker, q.id)
            break
    # 2. complement of a claim verb earlier in the sentence ("X menuduh Y mengirimkan ...")
    if st.status == "asserted":
        for i in range(trig.start - 1, lo - 1, -1):
            w = _norm(doc[i])
            if w in lex.claim_cues or _base(doc[i]) in lex.claim_cues:
                k = _left_subject(doc, ments, i, lo, [])
                if w in ACCORDING:
                    k = next((x for x, m in enumerate(ments) if m.start > i and m.start - i <= 4), None)
                st = Status("claimed", ments[k].actor.entity if k is not None else None)
                break
        else:   # ", kata X" after the event
            for i in range(trig.end, hi):
                if (_norm(doc[i]) in lex.claim_cues and i > lo and
                        (doc[i - 1].text in {","} | QUOTE_TOKENS) and _norm(doc[i]) in REPORT_AFTER):
                    k = next((x for x, m in enumerate(ments) if m.start > i and m.start - i <= 3), None)
                    st = Status("claimed", ments[k].actor.entity if k is not None else None)
                    break
    # 3. cue words before the trigger, inside the clause
    best = None
    i = trig.start - 1
    steps = 0
    while i >= lo and steps < 6:
        w = _norm(doc[i])
        if w == "," and steps > 0:     # "Jika tak dipatuhi, Kemenhub mengancam": the cue is another clause's
            break
        if w in CLAUSE_BREAK and w not in RELATIVE:
            c = _cue_at(doc, i, lex, trig.start, only="before")
            if c and c[2] == "before":
                best = c
            break
        if any(t.start <= i < t.end for t in triggers if t is not trig) and steps > 0:
            # a preceding predicate: cues before it belong to it, except for "akan"/"tidak" scope over
            # serial verbs ("akan melakukan perjalanan") which the trigger covers itself
            break
        for k in range(i, max(lo - 1, i - 3), -1):
            c = _cue_at(doc, k, lex, trig.start, only="before")
            if c and k + len(c[0]) - 1 >= i and c[2] == "before":
                best = best or c
        if best:
            break
        i -= 1
        steps += 1
    if best and best[1] != "none":
        st = Status(best[1], st.claimed_by, st.quote)
    # 4. "gagal" after a nominal trigger ("Permohonan X ... sejauh ini gagal")
    if trig.voice == "nominal":
        # the nominal is the sentence's subject ("Permohonan Zelensky ... sejauh ini gagal"): its predicate
        # comes at the end, past other triggers; otherwise only up to the next trigger
        subject = trig.start - lo <= 1
        for i in range(trig.end, hi):
            if not subject and any(t.start == i for t in triggers):
                break
            c = _cue_at(doc, i, lex, hi, only="after")
            if c and c[2] == "after":
                st = Status(c[1], st.claimed_by, st.quote)
                break
    # 5. denial scope anywhere before in the sentence
    for i in range(lo, trig.start):
        c = _cue_at(doc, i, lex, trig.start, only="scope")
        if c and c[2] == "scope" and not (trig.start <= i < trig.end) \
                and not any(_norm(t) in SCOPE_BREAK for t in doc[i: trig.start]):
            st = Status("denied", st.claimed_by, st.quote)
            break
    return st


# ----------------------------------------------------------------------------- time & place
def _clause(doc: Doc, lo: int, hi: int, trig: Trigger) -> tuple[int, int]:
    """Character span of the trigger's clause: between the nearest clause breaks around it."""
    a = trig.start
    while a > lo and _norm(doc[a - 1]) not in CLAUSE_BREAK and _norm(doc[a - 1]) not in COORD:
        a -= 1
    b = trig.end
    while b < hi and _norm(doc[b]) not in CLAUSE_BREAK and _norm(doc[b]) not in COORD:
        b += 1
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])


def _date_for(doc: Doc, sent_lo: int, sent_hi: int, trig: Trigger) -> Optional[str]:
    times = doc._.times if doc.has_extension("times") else None
    try:
        from warta.components.times import time_for_span  # type: ignore
    except ImportError:
        time_for_span = None
    if time_for_span is not None:
        try:
            t = time_for_span(doc, *_clause(doc, sent_lo, sent_hi, trig))
            if t is not None:
                v = getattr(t, "value", t)
                if isinstance(v, str) and v[:1].isdigit():
                    return v[:10]
        except Exception:  # helper from another stage must never break events
            log.debug("time_for_span failed", exc_info=True)
    if times:
        lo_c, hi_c = doc[sent_lo].idx, doc[sent_hi - 1].idx + len(doc[sent_hi - 1])
        tc = doc[trig.start].idx
        best = None
        for t in times:
            if not (lo_c <= t.start < hi_c) or not t.value or t.kind not in ("date", "week", "time"):
                continue
            if not t.value[:1].isdigit():
                continue
            d = abs(t.start - tc)
            if best is None or d < best[0]:
                best = (d, t.value)
        if best:
            return best[1][:10]
    pub = doc._.published if doc.has_extension("published") else None
    if pub:
        return pub.isoformat()[:7]
    return None


def _place_for(doc: Doc, sent_lo: int, sent_hi: int, trig: Trigger, args: Args) -> Optional[str]:
    places = doc._.places if doc.has_extension("places") else None
    try:
        from warta.components.places import place_for_span  # type: ignore
    except ImportError:
        place_for_span = None
    if place_for_span is not None and trig.entry.mode != "visit":
        try:
            c0, c1 = _clause(doc, sent_lo, sent_hi, trig)
            p = place_for_span(doc, c0, c1)
            actor_spans = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
                           for m in args.sources + args.targets]
            # only a place inside the clause; a place that is the event's actor ("menuduh Korea
            # Utara") is not where it happened
            if (p is not None and c0 <= p.start and p.end <= c1
                    and not any(a < p.end and p.start < b for a, b in actor_spans)):
                span = doc.char_span(p.start, p.end, alignment_mode="expand")
                prev = _prev_word(doc, span.start, sent_lo) if span is not None else ""
                if prev == "di" or (prev == "ke" and trig.entry.mode == "visit"):
                    return getattr(p, "id", p)
        except Exception:
            log.debug("place_for_span failed", exc_info=True)
    if not places:
        return None
    # without the helper: "di X" inside the clause; for a visit, "ke X" after the trigger
    lo_c, hi_c = _clause(doc, sent_lo, sent_hi, trig)
    actor_chars = set()
    for m in args.sources + args.targets:
        actor_chars.update(range(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])))
    visit = None
    if trig.entry.mode == "visit":   # a visit happens where it goes: "ke Pyongyang", "ke Jerman"
        tchars = {c for m in args.targets for c in range(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))}
        visit = next((p.id for p in places if p.start in tchars), None)
        if visit is not None:
            return visit
    for p in places:
        if not (lo_c <= p.start < hi_c) or p.start in actor_chars:
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        prev = _prev_word(doc, span.start, sent_lo)
        if prev == "di":
            return p.id
        if prev == "ke" and visit is None and span.start >= trig.end and trig.entry.mode == "visit":
            visit = p.id
    return visit


# ----------------------------------------------------------------------------- driver
def _sentences(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    out, start = [], 0
    for t in doc:
        if t.text in {".", "!", "?"} and t.i + 1 < len(doc):
            out.append((start, t.i + 1))
            start = t.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def _same(a: Optional[R.Actor], b: Optional[R.Actor]) -> bool:
    if a is None or b is None:
        return False
    if a.entity and b.entity:
        return a.entity == b.entity
    return a.text.lower() == b.text.lower()


def _state_clause(doc: Doc, trig: Trigger, lo: int) -> bool:
    """'kota yang dikuasai gerilyawan': a passive seize in a relative clause describes who holds a
    place, not an act reported by the article. 'Kerja sama Rusia - Indonesia sangat positif': an
    event noun opening the sentence as the subject of a judgement or copula is a topic, not an act."""
    if trig.voice == "nominal" and all(t.text in QUOTE_TOKENS for t in doc[lo: trig.start]):
        for t in doc[trig.end: trig.end + 7]:
            w = _norm(t)
            if w in EVALUATIVE:
                return True
            if _verb_like(t) or w in CLAUSE_BREAK or not (t.is_alpha or t.text == "-"):
                break
    return (trig.voice == "passive" and trig.entry.type == "COERCE" and trig.entry.mode == "seize"
            and trig.start > lo and _norm(doc[trig.start - 1]) in RELATIVE)


def _needs_parse(doc: Doc, triggers: list[Trigger], ments: list[Mention], lo: int, hi: int) -> bool:
    for trig in triggers:
        if trig.voice == "passive" or (trig.voice == "nominal"
                                       and _prev_word(doc, trig.start, lo) not in load_lexicon().light_verbs):
            continue          # the parse is only consulted for active clauses
        a = arguments(doc, trig, ments, lo, hi, triggers, [], None)
        if not a.sources or not a.targets:
            return True
    return False


def _lazy_parse(doc: Doc, spans: list[tuple[int, int, int]], parser: Language) -> dict[int, tuple[int, Doc]]:
    """Parse only the given sentences (index, start, end) with the syntax model, as separate Docs."""
    sdocs = [Doc(parser.vocab, words=[t.text for t in doc[lo:hi]],
                 spaces=[bool(t.whitespace_) for t in doc[lo:hi]]) for _i, lo, hi in spans]
    return {i: (lo, sd) for (i, lo, _hi), sd in zip(spans, parser.pipe(sdocs))}


def extract_events(doc: Doc, lex: Optional[Lexicon] = None, parser: Optional[Language] = None,
                   use_doc_parse: bool = True, trace: Optional[list] = None,
                   features: Optional[list] = None, model: Optional[ConfidenceModel] = None,
                   min_confidence: Optional[float] = None) -> list[R.Event]:
    """Events of one Doc. ``parser``: a syntax pipeline used to parse, on demand, only the sentences
    that hold a trigger, when the Doc carries no parse of its own. ``trace``: a list that receives
    (start_char, end_char, reason) for every lexicon trigger dropped by a filter, so error analysis
    can tell a lexicon miss from a found-but-dropped trigger (``training/events/causes.py``).
    ``model``: the learned confidence (default: the shipped one) sets each event's ``confidence``;
    ``features``: a list that receives each returned event's features, in order (for training).
    ``min_confidence``: events below it are left out at the end (the context they gave later sentences
    stays); None: the model's cross-validated threshold, 0: every event."""
    lex = lex or load_lexicon()
    model = model or load_confidence_model()
    if min_confidence is None:
        min_confidence = model.threshold if model is not None else 0.0

    def drop(trig: Trigger, reason: str) -> None:
        if trace is not None:
            sp = doc[trig.start: trig.end]
            trace.append((sp.start_char, sp.end_char, reason))
    if not len(doc):
        return []
    ments = actor_mentions(doc, lex)
    # tokens of named mentions cannot be triggers; a one-token lower-case mention is an enclitic
    # pronoun on the trigger itself ("seruannya", "kunjungannya") and stays a trigger
    ment_tokens = {i for m in ments if m.rank == 0 and not (m.end - m.start == 1 and doc[m.start].text[:1].islower())
                   for i in range(m.start, m.end)}
    quotes = doc._.quotes if doc.has_extension("quotes") else None
    sentences = _sentences(doc)
    found = [[t for t in find_triggers(doc, lo, hi, lex)
              if t.start not in ment_tokens   # a multi-word form may end inside a name ("pengusiran 15 diplomat Iran")
              and not (t.voice == "nominal" and _prev_word(doc, t.start, lo) in lex.nominal_blockers)
              and not _state_clause(doc, t, lo)]
             for lo, hi in sentences]
    for k, (lo, hi) in enumerate(sentences):   # "ancaman yang diserukan AS": "diserukan" carries the nominal
        found[k] = [t for t in found[k] if not (t.voice == "passive" and _norm(doc[t.start]) in LIGHT_PASSIVE
                    and any(n.voice == "nominal" and _light_passive_after(doc, n, hi) == t.end for n in found[k]))]
    if trace is not None:
        for k, (lo, hi) in enumerate(sentences):
            kept = {(t.start, t.end) for t in found[k]}
            for t in find_triggers(doc, lo, hi, lex):
                if (t.start, t.end) in kept:
                    continue
                drop(t, "inside-name" if t.start in ment_tokens
                     else "nominal-blocker" if t.voice == "nominal" and _prev_word(doc, t.start, lo) in lex.nominal_blockers
                     else "state-clause" if _state_clause(doc, t, lo) else "light-passive")
    if use_doc_parse and doc.has_annotation("DEP"):
        parsed: Optional[Syntax] = Syntax(doc)
    elif parser is not None:
        # parse only sentences where the clause rules leave a trigger without source or target
        todo = [(i, lo, hi) for i, (lo, hi) in enumerate(sentences)
                if found[i] and _needs_parse(doc, found[i], ments, lo, hi)]
        parsed = Syntax(doc, _lazy_parse(doc, todo, parser)) if todo else None
    else:
        parsed = None
    events: list[R.Event] = []
    text_cache: list[str] = []   # Doc.text joins every token on each access: built once, only when needed

    def text() -> str:
        if not text_cache:
            text_cache.append(doc.text)
        return text_cache[0]
    history: list[tuple] = []   # (sentence, source actors, target actors, type) per trigger
    told_types: set[str] = set()                 # event types coded in earlier sentences
    told_pairs: set[tuple] = set()               # (type, source) coded in earlier sentences
    countries: Optional[dict[str, R.Actor]] = None   # built when a plural pronoun needs it
    named_pairs: dict = {}                            # "A dan B" per sentence, idem
    last_claimer: Optional[R.Actor] = None
    last_accuser: Optional[tuple[int, R.Actor]] = None   # (sentence, source) of the last allegation
    last_request: Optional[tuple[int, R.Actor, list]] = None   # (sentence, asker, asked) of the last request
    for s_index, (lo, hi) in enumerate(sentences):
        triggers = found[s_index]
        prev_sources: list[Mention] = []
        prev_active: Optional[tuple[int, list[Mention]]] = None   # (end, sources) of the last active verb
        prev_subject: Optional[tuple[int, list[Mention]]] = None  # (end, grammatical subject) of the last verb
        sent_events: list[R.Event] = []
        feats: dict[int, dict] = {}   # id(event) -> features
        report_cue: list[bool] = []   # a reporting verb in the sentence, looked up once an event needs it
        a_lo = dateline_end(doc, lo, hi) if s_index == 0 else lo
        for trig in triggers:
            args = arguments(doc, trig, ments, a_lo, hi, triggers, prev_sources, parsed)
            how: list[str] = []   # which fallback rule filled an argument (a feature of the confidence model)
            if trig.entry.type in told_types and _anaphoric_nominal(doc, trig, lo, hi) \
                    and not (args.sources and _after_responsible_frame(doc, trig, lo)):
                drop(trig, "anaphoric-nominal")
                continue   # guideline: a nominal marked as known ("kerja sama ini") of a type already told is no new event
            if _conditional(doc, trig, lo):
                drop(trig, "conditional")
                continue   # "jika ditangkap Polisi", "kalau ... berani menangkap Rizieq": a hypothetical, no event
            if _conditional_consequence(doc, trig, lo):
                drop(trig, "conditional")
                continue   # "Jika terbukti ..., Departemen ... bisa menindak mereka": the consequence of a hypothesis
            if trig.voice == "active" and trig.entry.type == "REJECT" and trig.entry.cameo == "128" \
                    and _relative_verb(doc, trig, lo):
                drop(trig, "relative-verb")
                continue   # "sanksi bagi masyarakat yang melanggar protokol kesehatan": a class of violators, no act
            if trig.entry.type == "ACCUSE" and trig.voice == "active" and not args.targets \
                    and _prev_word(doc, trig.start, lo) in VERB_COORD \
                    and any(e.type == "ACCUSE" for e in sent_events):
                drop(trig, "restated-accusation")
                continue   # "mengecam tindakan polisi itu dan menyebutnya sebagai ...": one act of criticism
            if trig.voice == "passive" and trig.entry.type == "MOBILIZE" and args.targets and not args.sources:
                # "Kepolisian Daerah Sulawesi Utara dikerahkan": the force deployed is the mobilising actor
                args.sources, args.targets = args.targets, []
                how.append("deployed-force")
            if trig.voice == "passive" and trig.entry.type == "COERCE" and trig.entry.mode == "arrest" \
                    and "COERCE" in told_types and _relative_verb(doc, trig, lo):
                drop(trig, "given-arrest")
                continue   # "ratusan pelajar yang diamankan tersebut": an arrest told before, restated as given
            if trig.voice == "active" and not args.targets \
                    and _prev_word(doc, _skip_adverbs(doc, trig.start, lo), lo) in PURPOSE_INTENT:
                drop(trig, "purpose")
                continue   # "dikerahkan untuk membantu misi SAR": what an act is for is an intent, no event
            if trig.voice != "nominal" and (_modal_before(doc, trig, lo) or _modal_clause(doc, trig, lo)):
                drop(trig, "modal")
                continue   # "Para perwira aktif harus mengundurkan diri": an obligation, not an act
            if _request_content(doc, trig, triggers):
                drop(trig, "request-content")
                continue
            if trig.voice == "nominal" and any(t.end == trig.start and t.voice == "nominal" for t in triggers):
                drop(trig, "noun-modifier")
                continue   # "kerja sama bantuan hukum", "ancaman serangan": the second noun qualifies the first
            if _norm(doc[trig.start]) in ORDER_VERB and any(t.start == trig.end and t.voice == "nominal" for t in triggers):
                drop(trig, "order-of-an-act")
                continue   # "Kuwait memerintahkan pengusiran 15 diplomat Iran": the ordered act is the event   # guideline: "meminta aparat untuk tidak menangkap X": the content of a request is no event
            if trig.entry.type == "REQUEST" and not args.targets:
                k = _complement_subject(doc, ments, trig, hi)
                if k is not None:
                    # "Teguh menyarankan, supaya DKI Jakarta mengoptimalkan ...": who is asked is the
                    # subject of the agar / supaya clause
                    args.targets = _coordinated(ments, k, doc, 1, a_lo, hi)
                    how.append("complement-subject")
            if trig.voice == "nominal" and _prev_word(doc, trig.start, lo) in COPULA:
                drop(trig, "copula")
                continue   # "red notice merupakan pemberitahuan dan permohonan ...": what a thing is, not an act
            if trig.voice == "nominal" and not args.targets and _prev_word(doc, trig.start, lo) in VENUE_PREP:
                drop(trig, "venue")
                continue   # "bertemu Turnbull di KTT G20", "dalam pertemuan itu": a venue or frame, not an event
            if not args.sources and trig.voice == "active" and _relative_verb(doc, trig, lo):
                issuer = _document_issuer(doc, trig, ments, a_lo, triggers)
                if issuer is None:
                    drop(trig, "relative-verb")
                    continue   # "iklan politik yang mendukung Trump": the agent is the head noun, no actor
                args.sources = _coordinated(ments, issuer, doc, -1, a_lo, hi)
                how.append("issuer")
            if not args.sources and trig.voice == "active" and prev_active is not None \
                    and not any(_norm(t) in CLAUSE_BREAK for t in doc[prev_active[0]: trig.start]):
                # "Korea Utara menepis dialog dengan sebaliknya mengancam ...": a later verb of the
                # clause with no subject of its own shares the subject of the active verb before it
                args.sources = list(prev_active[1])
                how.append("prev-active")
            if prev_subject is not None and trig.voice in ("active", "passive") \
                    and not (args.sources if trig.voice == "active" else args.targets) \
                    and _prev_word(doc, _skip_adverbs(doc, trig.start, lo), lo) in SHARED_SUBJECT \
                    and not any(_norm(t) in RELATIVE or _norm(t) in NO_SHARE for t in doc[prev_subject[0]: trig.start]):
                # "Qatar diisolasi Saudi karena dituding ...", "X ditangkap setelah menyerang Y": the verb
                # after a subordinator keeps the grammatical subject of the verb before
                if trig.voice == "active":
                    args.sources = list(prev_subject[1])
                else:
                    args.targets = list(prev_subject[1])
                how.append("shared-subject")
            if not args.sources and trig.voice == "nominal" and _prev_word(doc, trig.start, a_lo) in MEANS_PREP:
                k = _left_subject(doc, ments, trig.start - 1, a_lo, triggers)
                if k is not None:
                    # "Trump dan Moon lewat panggilan telepon menyatakan ...": the means is the subject's act
                    args.sources = _coordinated(ments, k, doc, -1, a_lo, trig.start)
                    how.append("means")
            if not args.sources and trig.voice == "nominal" and trig.start - a_lo > 3 and args.targets \
                    and _prev_word(doc, trig.start, a_lo) in FRAME_PREP and trig.entry.type in RECIPROCAL:
                k = _left_subject(doc, ments, trig.start - 1, a_lo, triggers)
                if k is not None and not any(_same(ments[k].actor, m.actor) for m in args.targets):
                    # "Anies Baswedan, Gubernur DKI Jakarta dalam rapat koordinasi dengan Tim Pengawas DPR RI,
                    # ... menjelaskan": the meeting framed after the subject is the subject's
                    args.sources = _coordinated(ments, k, doc, -1, a_lo, trig.start)
                    how.append("frame-after-subject")
            if not args.sources and trig.voice == "nominal" and trig.start - a_lo <= 3 \
                    and any(_norm(t) in FRAME_PREP for t in doc[a_lo: trig.start]):
                k = _frame_agent(doc, ments, trig, hi)
                if k is not None and not any(_same(ments[k].actor, m.actor) for m in args.targets):
                    # "Dalam pertemuan ... dengan Netanyahu di Trump Tower, Trump mengatakan ...": a frame
                    # opening the sentence is the event of the main clause's subject
                    args.sources = [ments[k]]
                    how.append("frame")
            if not args.targets and trig.voice == "passive" and prev_subject is None \
                    and _prev_word(doc, _skip_adverbs(doc, trig.start, lo), lo) in SHARED_SUBJECT | CONCESSIVE:
                k = _clause_subject(doc, ments, a_lo, trig.start)
                if k is not None:
                    # "Korut terus melakukan uji coba ... meski telah dikecam oleh masyarakat internasional"
                    args.targets = _coordinated(ments, k, doc, 1, a_lo, trig.start)
                    how.append("clause-subject")
            if not args.sources and trig.voice == "active" and prev_subject is None \
                    and _prev_word(doc, _skip_adverbs(doc, trig.start, lo), lo) in SHARED_SUBJECT:
                k = _clause_subject(doc, ments, a_lo, trig.start)
                if k is not None:
                    # "Tokyo khawatir ... sehingga meminta kepastian", "Trump akan berada di Korea Selatan
                    # ..., setelah terlebih dahulu mengunjungi Jepang": the sentence's subject, whose own
                    # verb is no trigger, acts in the verb chain
                    args.sources = _coordinated(ments, k, doc, 1, a_lo, trig.start)
                    how.append("clause-subject")
            if trig.entry.type in ("THREATEN", "AGREE") and trig.voice == "active" and not args.targets \
                    and len(args.sources) <= 1 and not any(m.kind in ("PL", "DUAL") for m in args.sources):
                k = _content_target(doc, trig, ments, hi, triggers)
                if k is not None and not any(_same(ments[k].actor, m.actor) for m in args.sources):
                    args.targets = [ments[k]]
                    how.append("content-target")
            if any(m.kind in ("PL", "DUAL") for m in args.sources + args.targets):
                if countries is None:
                    countries = _country_actors(doc)
                    named_pairs = _named_pairs(doc, ments, sentences)
                args.sources = _resolve_plural(args.sources, history, s_index, countries, named_pairs)
                how.append("plural")
                args.targets = _resolve_plural(args.targets, history, s_index, countries, named_pairs)
            st = status_of(doc, trig, lo, hi, lex, ments, quotes, triggers)
            targets = [m.actor for m in args.targets
                       if not any(_same(m.actor, src.actor) for src in args.sources)]
            if trig.entry.type == "REJECT" and not targets and last_request is not None \
                    and s_index - last_request[0] <= 1 \
                    and any(_same(m.actor, t) for m in args.sources for t in last_request[2]):
                # "Luhut minta Susi menghentikan ..., tapi Susi tetap pada pendiriannya": a refusal answers the asker
                targets = [last_request[1]]
                how.append("answer")
            if trig.entry.type == "REJECT" and not targets and last_accuser is not None \
                    and s_index - last_accuser[0] <= 1 and not any(_same(m.actor, last_accuser[1]) for m in args.sources):
                # "Pemerintah menuduh gerilyawan yang kemudian dibantah gerilyawan": a denial answers the accuser
                targets = [last_accuser[1]]
                how.append("answer")
            if trig.entry.type == "REJECT" and not targets and last_claimer is not None:
                # "Rusia menolak komentar tersebut": the rejected claim is the last one reported
                targets = [last_claimer]
                how.append("answer")
            if not args.sources and st.quote and st.claimed_by and trig.voice == "active" \
                    and _first_person_subject(doc, trig, a_lo):
                # "'Kami membantu mereka,' ujar Rouhani": the speaker acts
                ent = next((e for e in (doc._.entities or []) if e.id == st.claimed_by), None)
                if ent is not None:
                    args.sources = [Mention(trig.start, trig.start, actor_from_entity(ent))]
                    how.append("speaker")
            sources = [m.actor for m in args.sources] or [None]
            targets = targets or [None]
            pairs = [(s, t) for s in sources for t in targets]
            mutual = any(_norm(x) in MUTUAL for x in doc[max(lo, trig.start - 2): trig.end])
            if targets == [None] and len(sources) >= 2 and (mutual or args.mutual or trig.entry.type in RECIPROCAL):
                # "Rusia dan Indonesia sepakat", "Pemerintah dan gerilyawan saling melempar tuduhan"
                pairs = [(s, t) for s in sources for t in sources if s is not t]
            if sources == [None] and targets == [None]:
                drop(trig, "no-actor")
                continue
            if targets == [None] and _norm(doc[trig.start]) in lex.needs_target:
                drop(trig, "needs-target")
                continue   # "mendorong ekspor ikan": no party pushed, no appeal
            if trig.voice == "nominal" and targets == [None] and sources[0] is not None \
                    and all((trig.entry.type, _key(a)) in told_pairs for a in sources):
                drop(trig, "nominal-re-mention")
                continue   # guideline: "pertemuan itu / kerja sama ASEAN" re-mentions an event already coded
            history.append((s_index, [a for a in sources if a is not None], [a for a in targets if a is not None],
                            trig.entry.type))
            if args.sources:
                prev_sources = args.sources
                if trig.voice == "active":
                    prev_active = (trig.end, args.sources)
            subj = args.sources if trig.voice == "active" else args.targets if trig.voice == "passive" else None
            if subj:
                prev_subject = (trig.end, subj)
            span = doc[trig.start: trig.end]
            refusal = trig.entry.type in ("CONSULT", "COOPERATE", "AGREE") and _refusal_before(doc, trig, lo)
            if refusal:
                span = doc[_refusal_start(doc, trig, lo): trig.end]
            date = _date_for(doc, lo, hi, trig)
            place = _place_for(doc, lo, hi, trig, args)
            for src, tgt in pairs:
                if trig.entry.type == "CONSULT" and tgt is not None and tgt.sector in MEDIA_SECTORS:
                    continue   # "berbincang dengan CNNIndonesia.com": an interview, not a meeting
                if True:
                    if _same(src, tgt):
                        tgt = None
                        if src is None:
                            continue
                    conf = 0.4 + (0.25 if src is not None and src.entity else 0.1 if src else 0) \
                        + (0.25 if tgt is not None and tgt.entity else 0.1 if tgt else 0) \
                        + (0.1 if len(trig.entry.form) > 1 or trig.entry.requires else 0)
                    typ, mode, cameo = trig.entry.type, trig.entry.mode, trig.entry.cameo
                    if typ == "PROTEST" and mode is None and src is not None and src.sector not in PROTEST_SECTORS:
                        # a government or official "memprotes": a diplomatic protest (PLOVER ACCUSE disapprove)
                        typ, mode, cameo = "ACCUSE", "disapprove", "114"
                    status = st.status
                    recoded = typ != trig.entry.type
                    if refusal:
                        # "Korut ... tidak akan pernah menegosiasikan program nuklirnya": a refusal to meet,
                        # negotiate or cooperate is itself an event (CAMEO 12x, PLOVER REJECT)
                        typ, mode, cameo, status = "REJECT", None, "125", "asserted" if st.status in ("negated", "planned") else st.status
                    ev = R.Event(
                        id="", type=typ, mode=mode, cameo=cameo,
                        source=src, target=tgt,
                        trigger=R.Span(start=span.start_char, end=span.end_char, text=span.text),
                        sentence=s_index, date=date, place=place, status=status,
                        claimed_by=st.claimed_by, quote=st.quote, confidence=round(min(conf, 1.0), 2))
                    sent_events.append(ev)
                    src_m = next((m for m in args.sources if m.actor is src), None)
                    tgt_m = next((m for m in args.targets if m.actor is tgt), None)
                    if not report_cue:
                        report_cue.append(not lex.claim_cues.isdisjoint(_strings(doc)[1][lo:hi]))
                    feats[id(ev)] = event_features(doc, trig, ev, src_m, tgt_m, s_index, len(sentences), lo, hi,
                                                   len(triggers), how, report_cue[0], min(conf, 1.0),
                                                   targets == [None] and len(sources) >= 2
                                                   and (mutual or args.mutual or trig.entry.type in RECIPROCAL),
                                                   len(pairs), refusal, recoded)
            if trig.entry.type == "REQUEST" and args.sources and targets != [None]:
                last_request = (s_index, args.sources[0].actor, [t for t in targets if t is not None])
            if trig.entry.type == "ACCUSE" and trig.entry.mode == "allege" and args.sources:
                last_accuser = (s_index, args.sources[0].actor)
            if st.status in ("claimed", "possible") and st.claimed_by:
                last_claimer = next((m.actor for m in ments if m.actor.entity == st.claimed_by), last_claimer)
        kept = _dedupe(sent_events, text)
        for ev in kept:
            f = feats[id(ev)]
            f["log_sent_events"] = math.log1p(len(kept)) / 2
            if model is not None:
                ev.confidence = round(model(f), 3)
            if ev.confidence < min_confidence:
                continue
            if features is not None:
                features.append(f)
            events.append(ev)
        told_types.update(e.type for e in sent_events)
        told_pairs.update((e.type, _key(e.source)) for e in sent_events if e.source is not None)
    for k, ev in enumerate(events, 1):
        ev.id = f"v{k}"
    return events


def _key(a: Optional[R.Actor]):
    return None if a is None else (a.entity or a.text.lower())


def _purpose_between(text, a: R.Event, b: R.Event) -> bool:
    """A purpose clause joins the two triggers ("mengirimkan senjata ... untuk membantu Rusia");
    ``text`` returns the Doc's text."""
    lo, hi = sorted((a.trigger.end, b.trigger.start)) if a.trigger.end <= b.trigger.start \
        else sorted((b.trigger.end, a.trigger.start))
    return any(w in PURPOSE for w in text()[lo:hi].lower().split())


def _dedupe(evs: list[R.Event], text=lambda: "") -> list[R.Event]:
    """One event per (type, source, target) in a sentence; the most specific CAMEO code wins.
    An event without a target lends its mode, CAMEO code and status to one of the same type and source
    with a target when a purpose clause joins them ("mengirimkan senjata ... untuk membantu Rusia" is
    military aid to Russia); since issue 9 it is no longer dropped: the gold codes a targetless act and
    a targeted one as two events ("melepaskan tembakan, membunuh seorang pasien")."""
    with_target = {(e.type, _key(e.source)): e for e in evs if e.target is not None and e.source is not None}
    merged = []
    for e in evs:
        if e.target is None and e.source is not None and (e.type, _key(e.source)) in with_target \
                and _purpose_between(text, e, with_target[(e.type, _key(e.source))]):
            other = with_target[(e.type, _key(e.source))]
            if (e.mode and not other.mode) or len(e.cameo or "") > len(other.cameo or ""):
                other.cameo, other.mode = e.cameo, e.mode
            if STATUS_RANK[e.status] > STATUS_RANK[other.status]:
                other.status = e.status
        merged.append(e)   # both stay: the gold codes "melepaskan tembakan" and "membunuh X" as two events
    evs = merged
    best: dict = {}
    order = []
    for ev in evs:
        k = (ev.type, _key(ev.source), _key(ev.target))
        if k not in best:
            best[k] = ev
            order.append(k)
        elif len(ev.cameo or "") > len(best[k].cameo or ""):
            best[k] = ev
    return [best[k] for k in order]


# ----------------------------------------------------------------------------- confidence
#: Prefixes of the categorical features :func:`event_features` writes ("type=ACCUSE", "how=plural" ...);
#: every other name is one of NUMERIC_FEATURES or a boolean flag in FLAG_FEATURES.
CATEGORICAL_FEATURES = ("type", "voice", "status", "src_kind", "tgt_kind", "src_rank", "tgt_rank", "how", "lemma")
FLAG_FEATURES = ("src", "tgt", "src_entity", "tgt_entity", "src_country", "tgt_country", "src_idn", "tgt_idn",
                 "src_code", "tgt_code", "multiword", "quote", "claimed_by", "first_sentence", "report_cue",
                 "mutual", "coordinated", "refusal", "recoded", "mode")
NUMERIC_FEATURES = ("sent_pos", "log_sent_events", "log_triggers", "log_sent_len", "src_dist", "tgt_dist", "hand")


def known_feature(name: str) -> bool:
    """Whether ``name`` is a feature :func:`event_features` can write (checks a model file against the code)."""
    return name in FLAG_FEATURES or name in NUMERIC_FEATURES or name.split("=", 1)[0] in CATEGORICAL_FEATURES


def event_features(doc: Doc, trig: Trigger, ev: R.Event, src_m: Optional[Mention], tgt_m: Optional[Mention],
                   s_index: int, n_sents: int, lo: int, hi: int, n_triggers: int, how: Sequence[str],
                   report_cue: bool, hand: float, mutual: bool, n_pairs: int, refusal: bool, recoded: bool) -> dict:
    """The run-time evidence of one event, as sparse features of the confidence model (names in
    CATEGORICAL_FEATURES / FLAG_FEATURES / NUMERIC_FEATURES); ``log_sent_events`` is added after the
    sentence's events are deduplicated."""
    f: dict[str, float] = {f"type={ev.type}": 1.0, f"voice={trig.voice}": 1.0, f"status={ev.status}": 1.0,
                           f"lemma={_strings(doc)[1][trig.start]}": 1.0, "hand": hand}
    for side, a, m in (("src", ev.source, src_m), ("tgt", ev.target, tgt_m)):
        if a is None:
            continue
        f[side] = 1.0
        if a.entity:
            f[side + "_entity"] = 1.0
        if a.country:
            f[side + "_idn" if a.country == "IDN" else side + "_country"] = 1.0
        if a.code:
            f[side + "_code"] = 1.0
        if m is not None:
            f[f"{side}_kind={m.kind or 'none'}"] = 1.0
            f[f"{side}_rank={m.rank}"] = 1.0
            gap = m.start - trig.end if m.start >= trig.end else trig.start - m.end
            f[side + "_dist"] = math.log1p(max(gap, 0)) / 3
    for h in how:
        f[f"how={h}"] = 1.0
    for name, on in (("multiword", len(trig.entry.form) > 1 or bool(trig.entry.requires)), ("quote", ev.quote is not None),
                     ("claimed_by", ev.claimed_by is not None), ("first_sentence", s_index == 0),
                     ("report_cue", report_cue), ("mutual", mutual), ("coordinated", n_pairs > 1),
                     ("refusal", refusal), ("recoded", recoded), ("mode", ev.mode is not None)):
        if on:
            f[name] = 1.0
    f["sent_pos"] = s_index / max(n_sents - 1, 1)
    f["log_triggers"] = math.log1p(n_triggers) / 2
    f["log_sent_len"] = math.log1p(hi - lo) / 4
    return f


@dataclass(frozen=True)
class ConfidenceModel:
    """Logistic regression over :func:`event_features`: P(the event's (source, type, target) is right)."""
    bias: float
    weights: dict
    threshold: float = 0.0    # the default output drops events below it (0: keep every event)

    def __call__(self, f: dict) -> float:
        w = self.weights
        z = self.bias + sum(w.get(k, 0.0) * v for k, v in f.items())
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


@lru_cache(maxsize=4)
def load_confidence_model(path: str = str(CONFIDENCE_MODEL)) -> Optional[ConfidenceModel]:
    p = Path(path)
    if not p.exists():
        return None
    d = json.loads(p.read_text(encoding="utf-8"))
    return ConfidenceModel(float(d["bias"]), dict(zip(d["features"], map(float, d["weights"]))),
                           float(d.get("threshold", 0.0)))


# ----------------------------------------------------------------------------- component
for _name in ("events", "entities", "quotes", "times", "places", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


MIN_CONFIDENCE_ENV = "WARTA_MIN_EVENT_CONFIDENCE"


class EventsComponent:
    """Thin wrapper: runs :func:`extract_events` and stores the events on the Doc."""

    def __init__(self, nlp: Language, name: str, syntax: str = "lazy", min_confidence: Optional[float] = None):
        if syntax not in ("lazy", "doc", "off"):
            raise ValueError(f"warta_events syntax must be lazy, doc or off, got {syntax!r}")
        self.name = name
        self.syntax = syntax
        if min_confidence is None and os.environ.get(MIN_CONFIDENCE_ENV):
            # set by `warta extract|batch --min-event-confidence`, so batch worker processes see it too
            min_confidence = float(os.environ[MIN_CONFIDENCE_ENV])
        self.min_confidence = min_confidence
        self.lexicon = load_lexicon()
        self._parser: Optional[Language] = None

    @property
    def parser(self) -> Optional[Language]:
        """The shipped syntax model, loaded on first use ("lazy" mode only)."""
        if self.syntax != "lazy" or not (SYNTAX_MODEL / "meta.json").exists():
            return None
        if self._parser is None:
            from warta.fastops import load_model

            self._parser = load_model(SYNTAX_MODEL)
        return self._parser

    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.events = extract_events(doc, self.lexicon, self.parser,
                                          use_doc_parse=self.syntax != "off", min_confidence=self.min_confidence)
        except Exception as err:   # one bad article must not stop a batch
            log.warning("events failed: %s", err, exc_info=True)
            doc._.events = []
            if doc.has_extension("warnings"):
                doc._.warnings = (doc._.warnings or []) + [f"events.error: {type(err).__name__}: {err}"]
        doc.user_data.pop("warta_events_strings", None)
        return doc


@Language.factory("warta_events", assigns=["doc._.events"],
                  requires=["token.is_sent_start"], default_config={"syntax": "lazy", "min_confidence": None})
def make_events(nlp: Language, name: str, syntax: str, min_confidence: Optional[float]) -> EventsComponent:
    """syntax: "lazy" parses the sentences that hold a trigger with the shipped model when the Doc
    has no parse; "doc" uses only a parse already on the Doc; "off" ignores syntax. min_confidence:
    events whose learned confidence is below it are left out; None: the threshold shipped with the
    model (``models/events_confidence.json``), 0.0: every event."""
    return EventsComponent(nlp, name, syntax, min_confidence)
