"""Quotations with cues and speakers: direct, indirect and partial (``warta_quotes``).

The algorithm is a set of pure functions over the text (textacy's ``extract.triples`` shape):
``extract_quotes(text, sentences, entities)`` returns typed ``record.Quote`` objects and never
raises for odd input (an unclosed quotation mark becomes a ``quote.unclosed`` warning).
Working on characters rather than spaCy tokens keeps it independent of how the tokenizer splits
quotation marks, and fast (about 0.5 ms CPU for a news article, bench/bench_quotes.py). For the
same reason enclitic cues (``katanya``, ``ujarnya``, ``menurutnya``) are recognised from the cue
lexicon's ``nya`` column rather than from ``token._.enclitic``: the result is the same whichever
tokenizer ran, and the whole token is the ``speaker_mention`` that ``warta_entities`` resolves.

Reads:  ``doc.text``, ``doc.sents`` (optional; a regex fallback is used without a sentencizer),
        ``doc._.entities`` (optional; without it ``speaker`` stays None, ``speaker_mention`` is kept).
Adds:   ``doc._.quotes`` (list of ``record.Quote``, ids q1, q2 … in text order) and warnings
        ``quote.*`` in ``doc._.warnings``.

Span conventions (chosen to match PFSA-ID's STATEMENT spans, so ``warta eval quotes`` is fair):
direct and partial quotes include their quotation marks (a multi-paragraph quote runs from the
first opening mark to the final closing mark); an indirect quote is the reported clause, without
``bahwa`` and without the final full stop.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Literal, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from warta.lang import table, word_list
from warta.record import Quote, Span
from warta.tokenizer import doc_text

__all__ = [
    "QuoteLexicon", "QuotedSpan", "Attribution", "QuoteCandidate", "load_lexicon",
    "find_quoted_spans", "quoted_spans", "find_candidates", "resolve_speakers", "extract_quotes", "QuotesComponent",
]

Kind = Literal["direct", "indirect", "partial"]
SpeakerKind = Literal["name", "pronoun", "enclitic"]
Offsets = tuple[int, int]

_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*")
_SENT_FINAL = ".!?…"
_DOUBLE_MARKS = "“”\"«»„‟"
_SINGLE_MARKS = "‘’'‹›"
_DOUBLE_RE = re.compile(f"[{_DOUBLE_MARKS}]")
_SINGLE_RE = re.compile(f"[{_SINGLE_MARKS}]")
_VERBISH = re.compile(r"^(?:me|mem|men|meng|meny|ber|ter|di)[a-z]{3,}$")


# --------------------------------------------------------------------------------------------
# Lexicon (data in lang/quote_cues.tsv, lang/quote_speaker_words.tsv, lang/pronouns.tsv, roles)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CueInfo:
    lemma: str
    position: str   # post | pre | both | partial | direct (pre, for a direct quote after , or : only)
    kind: str       # verb | prep | passive
    nya: str        # speaker | object | only | no


@dataclass(frozen=True)
class QuoteLexicon:
    """Compiled cue patterns and word classes for one language."""

    cues: dict[str, CueInfo]
    post_re: re.Pattern          # a postposed cue right after a quote / comma
    post_re_ci: re.Pattern       # the same, any case ('“…,” Kata X')
    pre_re: re.Pattern           # any cue that can precede its content, with optional -nya
    comma_post_re: re.Pattern    # a comma followed by a postposed cue (reported speech without marks)
    pronouns: frozenset[str]
    skip: frozenset[str]
    stop: frozenset[str]
    stop_cased: frozenset[str]   # capitalised stop words (weekdays) as written
    lead: tuple[str, ...]        # lower-cased, multi-word allowed, longest first
    coord: frozenset[str]
    det: frozenset[str]          # 'seorang', 'para': an unnamed speaker phrase
    epithet: frozenset[str]      # 'sang', 'si': a description of someone already named
    demonstratives: frozenset[str]  # 'itu', 'tersebut' closing such a description
    person_nouns: frozenset[str]  # 'pria', 'pebalap': a phrase they lead names a person, not the place in it
    block: frozenset[str]        # negation / modal before a cue: nothing was said ('tidak menjelaskan')
    partial_verbs: frozenset[str]  # verbs that attribute a fragment right after them ('menjanjikan')
    object_words: tuple[str, ...]
    roles: frozenset[str]        # lower-cased words that may start or sit inside a speaker phrase
    titles: frozenset[str]       # first words of title roles ('kepala', 'sekretaris'): open an appositive title
    months: frozenset[str]
    abbreviations: frozenset[str]   # lower-cased, without the dot: 'dr', 'jend', 'kol'
    opening: frozenset[str]
    closing: frozenset[str]


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))


def _trie_regex(words: Iterable[str]) -> str:
    """One regex for many words, shaped as a prefix tree (Python's re does not do this itself)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "id") -> QuoteLexicon:
    """Read the quote lexicons for ``lang`` (only Indonesian exists) and compile them once."""
    if lang != "id":
        raise ValueError(f"quotation extraction is not implemented for lang={lang!r}")
    cues: dict[str, CueInfo] = {}
    for row in table("quote_cues.tsv"):
        form, lemma, position, kind, nya = (row + ("", "", "", "", ""))[:5]
        cues[form.lower()] = CueInfo(lemma, position, kind, nya or "no")

    def group(positions: set[str]) -> str:
        bare = [f for f, c in cues.items() if c.position in positions and c.nya != "only"]
        with_nya = [f for f, c in cues.items() if c.position in positions and c.nya in ("speaker", "only", "object")]
        parts = []
        if with_nya:
            parts.append(rf"(?P<nyaform>(?:{_alternation(with_nya)})nya)")
        if bare:
            parts.append(rf"(?:{_alternation(bare)})")
        return "|".join(parts)

    post_alt = group({"post", "both"})
    post_re = re.compile(rf"[ \t]*,?[ \t]*(?P<cue>{post_alt})(?![\w’'-])")
    post_re_ci = re.compile(post_re.pattern, re.IGNORECASE)
    post_forms = [f for f, c in cues.items() if c.position in ("post", "both")]
    comma_post_re = re.compile(rf",[ \t]*(?:{_trie_regex(post_forms)})(?:nya)?(?![\w’'-])")
    pre_forms = [f for f, c in cues.items() if c.position in ("pre", "both", "direct") and " " not in f]
    pre_re = re.compile(rf"(?<![\w’'-])(?:{_trie_regex(pre_forms)})(?:nya)?(?![\w’'-])", re.IGNORECASE)

    words = table("quote_speaker_words.tsv")
    by_class: dict[str, list[str]] = {}
    for row in words:
        if len(row) >= 2:
            by_class.setdefault(row[1], []).append(row[0].lower())
    roles: set[str] = set()
    titles: set[str] = set()
    try:
        for row in table("roles.tsv"):
            roles.update(row[0].lower().split())
            if len(row) < 3 or row[2] == "title":
                titles.add(row[0].lower().split()[0])
    except FileNotFoundError:       # roles belong to the entity stage; degrade without them
        pass
    abbreviations: set[str] = set()
    for name in ("abbreviations.txt", "titles.txt"):
        try:
            abbreviations |= {w.rstrip(".").lower() for w in word_list(name)}
        except FileNotFoundError:
            pass
    months: set[str] = set()
    try:
        months = {row[0].lower() for row in table("time_months.tsv")}
    except FileNotFoundError:
        pass
    pronouns = {"dia", "ia", "beliau", "mereka", "pihaknya", "dirinya", "keduanya"}
    try:
        pronouns |= {row[0].lower() for row in table("pronouns.tsv")}
    except FileNotFoundError:
        pass
    opening, closing = set("“«„‟"), set("”»")
    try:
        for row in table("quote_marks.tsv"):
            if len(row) >= 2 and len(row[0]) == 1 and row[0] in _DOUBLE_MARKS:
                (opening if row[1] == "open" else closing if row[1] == "close" else set()).add(row[0])
    except FileNotFoundError:
        pass
    return QuoteLexicon(
        cues=cues, post_re=post_re, post_re_ci=post_re_ci, pre_re=pre_re, comma_post_re=comma_post_re, pronouns=frozenset(pronouns),
        skip=frozenset(by_class.get("skip", ())), stop=frozenset(by_class.get("stop", ())),
        stop_cased=frozenset(r[0] for r in words if len(r) >= 2 and r[1] == "stop" and r[0][:1].isupper()),
        lead=tuple(sorted(by_class.get("lead", ()), key=len, reverse=True)),
        coord=frozenset(by_class.get("coord", ())),
        block=frozenset(by_class.get("block", ())),
        det=frozenset(w for w in by_class.get("det", ()) if " " not in w),
        epithet=frozenset(by_class.get("epithet", ())), demonstratives=frozenset(by_class.get("demonstrative", ())),
        person_nouns=frozenset(by_class.get("person", ())),
        partial_verbs=frozenset(f for f, c in cues.items() if c.position == "partial"),
        object_words=tuple(sorted(by_class.get("object", ()), key=len, reverse=True)),
        roles=frozenset(roles), titles=frozenset(titles), months=frozenset(months), abbreviations=frozenset(abbreviations),
        opening=frozenset(opening), closing=frozenset(closing),
    )


# --------------------------------------------------------------------------------------------
# Typed intermediate results
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between paired quotation marks; ``start``/``end`` include the marks."""

    start: int
    end: int
    closed: bool = True
    paragraphs: int = 1


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Optional[Offsets] = None
    speaker: Optional[Offsets] = None
    speaker_kind: Optional[SpeakerKind] = None
    end: Optional[int] = None   # where the attribution phrase ends (for continuation quotes)


@dataclass(slots=True)
class QuoteCandidate:
    kind: Kind
    start: int
    end: int
    attribution: Attribution = field(default_factory=Attribution)
    confidence: float = 0.5


# --------------------------------------------------------------------------------------------
# Quotation marks
# --------------------------------------------------------------------------------------------
def _mark_role(text: str, i: int, lex: QuoteLexicon, para_start: int, para_end: int) -> str:
    """open / close / both for the mark at ``i``: spacing decides, then the glyph."""
    prev = text[i - 1] if i > para_start else " "
    nxt = text[i + 1] if i + 1 < para_end else " "
    prev_space = prev.isspace() or prev in "([{—–-"
    next_space = nxt.isspace() or nxt in ",.;:!?)]}—–-…"
    if prev_space and not next_space:
        # '”kata X': a mark glued to a speech cue closes the quote, whatever its spacing
        m = lex.post_re.match(text, i + 1, para_end)
        return "close" if m and m.start("cue") == i + 1 else "open"
    if next_space and not prev_space:
        return "close"
    ch = text[i]
    if ch in lex.opening and ch not in lex.closing:
        return "open"
    if ch in lex.closing and ch not in lex.opening and ch != "”":
        return "close"
    return "both"


def _paragraphs(text: str) -> list[Offsets]:
    out, start = [], 0
    for m in re.finditer(r"\n+", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def find_quoted_spans(text: str, lex: Optional[QuoteLexicon] = None,
                      paras: Optional[list[Offsets]] = None) -> tuple[list[QuotedSpan], list[str]]:
    """Pair quotation marks paragraph by paragraph.

    Double marks are paired by direction (from spacing and glyph) and parity; a quote left open
    at the end of a paragraph continues when the next paragraph opens with a mark (the news
    convention for multi-paragraph quotes), else it is closed at the paragraph end with a
    ``quote.unclosed`` warning. Single marks pair only when clearly not apostrophes (Ma’ruf).
    """
    lex = lex or load_lexicon()
    spans: list[QuotedSpan] = []
    warnings: list[str] = []
    paras = _paragraphs(text) if paras is None else paras
    open_at: Optional[int] = None
    n_paras = 1
    for pi, (ps, pe) in enumerate(paras):
        if open_at is not None:
            first = text[ps:pe].lstrip()
            if first[:1] and first[0] in _DOUBLE_MARKS:
                n_paras += 1
                ps = ps + (len(text[ps:pe]) - len(first)) + 1   # the reopening mark
            else:   # previous paragraph's quote never closed
                end = paras[pi - 1][1]
                spans.append(QuotedSpan(open_at, end, closed=False, paragraphs=n_paras))
                warnings.append(f"quote.unclosed: quotation opened at {open_at} not closed by {end}")
                open_at, n_paras = None, 1
        for mm in _DOUBLE_RE.finditer(text, ps, pe):
            i = mm.start()
            role = _mark_role(text, i, lex, ps, pe)
            if role == "both":
                role = "close" if open_at is not None else "open"
            if role == "open":
                if open_at is not None and i - open_at > 1:
                    # an opening mark while one is open: treat the earlier one as stray
                    warnings.append(f"quote.unclosed: quotation opened at {open_at} reopened at {i}")
                open_at, n_paras = i, 1
            elif open_at is not None:
                spans.append(QuotedSpan(open_at, i + 1, closed=True, paragraphs=n_paras))
                open_at, n_paras = None, 1
    if open_at is not None and paras:
        end = paras[-1][1]
        spans.append(QuotedSpan(open_at, end, closed=False, paragraphs=n_paras))
        warnings.append(f"quote.unclosed: quotation opened at {open_at} not closed by {end}")
    spans.extend(_single_quoted(text, paras, spans))
    spans.sort(key=lambda s: s.start)
    return spans, warnings


@lru_cache(maxsize=2)
def quoted_spans(text: str) -> tuple[tuple[QuotedSpan, ...], tuple[str, ...]]:
    """:func:`find_quoted_spans` with the shipped lexicon, remembered for the last texts: the entity
    stage (which reads pronouns inside quotes) and this stage pair the marks of the same article."""
    spans, warnings = find_quoted_spans(text)
    return tuple(spans), tuple(warnings)


def _single_quoted(text: str, paras: list[Offsets], doubles: list[QuotedSpan]) -> list[QuotedSpan]:
    out = []
    for ps, pe in paras:
        open_at = None
        for mm in _SINGLE_RE.finditer(text, ps, pe):
            i, ch = mm.start(), mm.group()
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if (prev.isspace() or prev in "(“\"") and nxt.isalnum() and ch in "‘'‹":
                open_at = i
            elif open_at is not None and not prev.isspace() and not nxt.isalnum() and ch in "’'›":
                out.append(QuotedSpan(open_at, i + 1))
                open_at = None
    return [s for s in out if not any(d.start < s.start and s.end <= d.end for d in doubles)]


# --------------------------------------------------------------------------------------------
# Speaker phrases
# --------------------------------------------------------------------------------------------
def _words(text: str, start: int, end: int) -> list[re.Match]:
    return list(_WORD.finditer(text, start, end))


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _is_stop(word: str, lex: QuoteLexicon) -> bool:
    """Stop words end a speaker phrase only in their written case ('dalam' yes, 'Menteri Dalam Negeri' no)."""
    low = word.lower()
    if low in lex.months:
        return True
    if low not in lex.stop:
        return False
    return word.islower() or word in lex.stop_cased


def _speaker_after(text: str, pos: int, limit: int, lex: QuoteLexicon) -> Optional[tuple[Offsets, SpeakerKind]]:
    """The speaker phrase after a postposed cue: 'kata Menteri X kepada …' → 'Menteri X'.

    Accepts what long Indonesian titles contain: '(MTI)', 'Riset dan Teknologi', '/', initials
    ('Dr.', 'H.'), and appositives set off by commas ('Ketua KPK, Firli Bahuri,').
    """
    limit = min(limit, pos + 240)
    words: list[tuple[int, int, str]] = []
    cursor = pos
    skip_until = 0
    for m in _WORD.finditer(text, pos, limit):
        if m.start() < skip_until:
            continue
        w = m.group()
        gap = text[cursor:m.start()]
        if words and gap.strip():
            g = gap.strip()
            prev = words[-1][2]
            if g == "." and prev[:1].isupper() and (len(prev) == 1 or prev.lower() in lex.abbreviations):
                pass                                  # initial or abbreviation: 'Dr. Ir.', 'H.'
            elif g == "/" and _is_cap(w):
                pass
            elif g.startswith("(") and g.endswith(")") and _is_cap(w):
                pass                                  # '(MTI) Agus'
            elif g == "(" and 0 < text.find(")", m.start(), m.start() + 40):
                close = text.find(")", m.start(), m.start() + 40)
                inside = text[m.start():close].split()
                if not inside or not all(_is_cap(x) for x in inside):
                    break
                words.append((m.start(), close + 1, w))   # '(MTI)', '(BUMDes LKM)', '(Persero)'
                cursor = skip_until = close + 1
                continue
            else:
                break
        elif not words and gap.strip():
            break
        low = w.lower()
        if not words and low in lex.pronouns:
            return (m.start(), m.end()), "pronoun"
        if _is_stop(w, lex) and not (low == "dan" and words and _is_cap(words[-1][2])):
            break
        if low == "dan" and not (words and _is_cap(words[-1][2])):
            break
        if not _is_cap(w) and (_VERBISH.match(low) and low not in lex.roles):
            break
        words.append((m.start(), m.end(), w))
        cursor = m.end()
        if len(words) >= 16:
            break
    if not (words and words[0][2].lower() in lex.det):
        # a named phrase ends on a capitalised word or a role; 'seorang saksi mata' is kept whole
        while words and not _is_cap(words[-1][2]) and words[-1][2].lower() not in lex.roles:
            words.pop()
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    if text.startswith(")", end):
        end += 1
    # appositives: ', Hukum, dan Keamanan Mahfud MD', ', Firli Bahuri,' (not ', Senin (…)')
    for _ in range(3):
        m = _APPOSITIVE.match(text, end, limit)
        if not m:
            break
        first = m.group(1).split()[0]
        if _is_stop(first, lex):
            break
        end = m.end(1)
        last = m.group(1).split()[-1]
        if last.endswith(".") and len(last) > 2 and last[:-1].lower() not in lex.abbreviations:
            end -= 1            # the full stop ends the sentence, not an abbreviation
    return (start, end), "name"


_APPOSITIVE = re.compile(
    r",\s*((?:dan\s+)?[A-Z][\w’'\-.]*(?:\s+(?:\([A-Za-z]+\)|dan|[A-Z][\w’'\-.]*|/[A-Z][\w’'\-.]*))*)"
    r"(?=\s*[,.;]|\s+(?:di|kepada|dalam|saat|pada|ketika|seusai|usai|melalui|yang)\b|\s*$)"
)


def _strip_lead(text: str, start: int, end: int, lex: QuoteLexicon) -> int:
    """Move ``start`` past discourse connectives and commas ('Sementara itu, ')."""
    changed = True
    while changed and start < end:
        changed = False
        seg = text[start:end]
        stripped = seg.lstrip(" ,;:—–-\t")
        if len(stripped) != len(seg):
            start += len(seg) - len(stripped)
            changed = True
            continue
        low = stripped.lower()
        for lead in lex.lead:
            if low.startswith(lead) and (len(low) == len(lead) or not low[len(lead)].isalnum()):
                start += len(lead)
                changed = True
                break
    return start


def _subject_before(text: str, cue_start: int, floor: int, lex: QuoteLexicon) -> Optional[tuple[Offsets, SpeakerKind]]:
    """The subject of a cue placed before its quote: 'Sementara itu, X juga mengatakan' → X."""
    seg_end = cue_start
    # clause floor: the last comma / semicolon / quote mark before the cue
    cut = max(text.rfind(ch, floor, seg_end) for ch in ",;:“”\"")
    seg_start = max(floor, cut + 1)
    if not text[seg_start:seg_end].strip() and cut >= floor:
        # 'Ketua KPK, Firli Bahuri, mengatakan': take the segment before the comma
        prev_cut = max(text.rfind(ch, floor, cut) for ch in ",;:“”\"")
        seg_start, seg_end = max(floor, prev_cut + 1), cut
    seg_start = _strip_lead(text, seg_start, seg_end, lex)
    words = [(m.start(), m.end(), m.group()) for m in _words(text, seg_start, seg_end)]
    while words and words[-1][2].lower() in lex.skip:
        words.pop()
    if not words:
        return None
    # coordination: 'Rusia menolak komentar tersebut dan menyebutnya …' → the clause subject;
    # 'Putin melakukan … dan Kim menjanjikan …' → the subject after the last verb or 'dan'
    def verbish(w: str) -> bool:
        return not _is_cap(w) and bool(_VERBISH.match(w.lower())) and w.lower() not in lex.roles

    if words[-1][2].lower() in lex.coord:
        first_verb = next((k for k, wd in enumerate(words) if k > 0 and verbish(wd[2])), None)
        words = words[:first_verb] if first_verb else []
    else:
        cut = max((k for k, wd in enumerate(words) if verbish(wd[2]) or wd[2].lower() in lex.coord), default=-1)
        if cut >= 0:
            after = words[cut + 1:]
            if any(_is_cap(w) or w.lower() in lex.pronouns for _, _, w in after):
                words = after
            else:
                first_verb = next((k for k, wd in enumerate(words) if verbish(wd[2])), None)
                words = words[:first_verb] if first_verb else words[:cut]
    rel = next((k for k, wd in enumerate(words) if k > 0 and (wd[2] == "yang" or (wd[2].islower() and wd[2] in lex.stop))), None)
    if rel is not None:
        words = words[:rel]     # 'Sumber … Yordania yang enggan …', 'Menteri … Israel dalam pernyataannya'
    while words and words[-1][2].lower() in lex.skip | lex.stop:
        words.pop()
    if not words:
        return None
    if len(words) > 10:
        tail = []
        for wd in reversed(words):
            if _is_cap(wd[2]) or wd[2].lower() in lex.pronouns:
                tail.append(wd)
            elif tail:
                break
        if not tail:
            return None
        words = list(reversed(tail))
    if len(words) == 1 and words[0][2].lower() in lex.pronouns:
        return (words[0][0], words[0][1]), "pronoun"
    if not any(_is_cap(w) or w.lower() in lex.roles or w.lower() in lex.pronouns for _, _, w in words):
        return None
    return (words[0][0], words[-1][1]), "name"


def _post_attribution(text: str, pos: int, limit: int, lex: QuoteLexicon,
                      pattern: Optional[re.Pattern] = None) -> Optional[Attribution]:
    """A postposed cue starting at ``pos`` (after a quote or a comma) and its speaker."""
    m = (pattern or lex.post_re).match(text, pos, limit)
    if not m:
        return None
    cue = (m.start("cue"), m.end("cue"))
    if m.group("nyaform"):
        info = lex.cues.get(m.group("cue")[:-3].lower())
        if info is None or info.nya not in ("speaker", "only"):
            return None
        return Attribution(cue, cue, "enclitic", end=cue[1])
    found = _speaker_after(text, m.end(), limit, lex)
    if found is None:
        info = lex.cues.get(m.group("cue").lower())
        if info and info.kind == "passive":
            return None
        return Attribution(cue, None, None, end=cue[1])
    (s, e), kind = found
    return Attribution(cue, (s, e), kind, end=e)


def _post_subject_verb(text: str, pos: int, limit: int, lex: QuoteLexicon, idx: "CueIndex") -> Optional[Attribution]:
    """'“…,” Emery menambahkan.' / '“…,” dia menegaskan': a name or pronoun, then a speech verb."""
    m = re.match(r"[ \t]*,?[ \t]*", text[pos:limit])
    start = pos + m.end()
    words = []
    for wm in _WORD.finditer(text, start, min(limit, start + 80)):
        if text[(words[-1].end() if words else start):wm.start()].strip():
            break
        cue = idx.by_start.get(wm.start())
        if cue and cue.end() <= limit and words and not cue.group("nyaform"):
            first = words[0].group()
            if len(words) == 1 and first.lower() in lex.pronouns:
                return Attribution((cue.start("cue"), cue.end("cue")), (words[0].start(), words[0].end()), "pronoun", end=cue.end())
            if all(_is_cap(w.group()) for w in words):
                return Attribution((cue.start("cue"), cue.end("cue")), (words[0].start(), words[-1].end()), "name", end=cue.end())
            return None
        words.append(wm)
        if len(words) > 6:
            break
    return None


class CueHit:
    """A pre cue found by the word index; answers like an ``re.Match`` with groups ``cue`` and ``nyaform``."""

    __slots__ = ("_s", "_e", "_form", "_nya")

    def __init__(self, start: int, end: int, form: str, nya: bool):
        self._s, self._e, self._form, self._nya = start, end, form, nya

    def start(self, _group=None) -> int:
        return self._s

    def end(self, _group=None) -> int:
        return self._e

    def group(self, name=None):
        if name == "nyaform":
            return self._form if self._nya else None
        return self._form


class CueIndex:
    """Every pre/both cue word of a text, found in one pass of a trie-shaped regex
    (3x faster than a plain alternation of the same forms, and run once, not per sentence)."""

    def __init__(self, text: str, lex: QuoteLexicon):
        hits: list[CueHit] = []
        cues = lex.cues
        for m in lex.pre_re.finditer(text):
            w = m.group()
            info = cues.get(w.lower())
            if info is not None and info.nya != "only":
                hits.append(CueHit(m.start(), m.end(), w, False))
            elif w.lower().endswith("nya"):
                info = cues.get(w.lower()[:-3])
                if info is not None and info.nya in ("speaker", "only", "object"):
                    hits.append(CueHit(m.start(), m.end(), w, True))
        self.hits = hits
        self.comma_cues = [m.start() for m in lex.comma_post_re.finditer(text)]   # ', kata X'
        self.starts = [h.start() for h in hits]
        self.by_start = {h.start(): h for h in hits}

    def within(self, start: int, end: int, last: bool = True) -> Optional[CueHit]:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        while j > i and self.hits[j - 1].end() > end:
            j -= 1
        if j <= i:
            return None
        return self.hits[j - 1] if last else self.hits[i]


def _pre_cue_in(text: str, start: int, end: int, lex: QuoteLexicon, last: bool = True,
                idx: Optional[CueIndex] = None) -> Optional[CueHit]:
    return (idx or CueIndex(text, lex)).within(start, end, last)


def _pre_attribution(text: str, m: re.Match, floor: int, lex: QuoteLexicon) -> Optional[Attribution]:
    """Attribution for a cue before its content: 'X mengatakan', 'Menurut X', 'menurutnya'."""
    cue = (m.start("cue"), m.end("cue"))
    word = m.group("cue").lower()
    if m.group("nyaform"):
        info = lex.cues.get(word[:-3])
        if info and info.nya in ("speaker", "only"):
            return Attribution(cue, cue, "enclitic", end=cue[1])
        # -nya is the object ('menyebutnya'): the speaker is the clause subject
    info = lex.cues.get(word[:-3] if m.group("nyaform") else word)
    if info and info.kind == "prep":
        found = _speaker_after(text, cue[1], len(text), lex)
        if found is None:
            return None
        return Attribution(cue, found[0], found[1], end=found[0][1])
    found = _subject_before(text, cue[0], floor, lex)
    if found is None:
        return Attribution(cue, None, None, end=cue[1])
    return Attribution(cue, found[0], found[1], end=cue[1])


# --------------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------------
def _fallback_sentences(text: str) -> list[Offsets]:
    out, start = [], 0
    for m in re.finditer(r"(?<=[.!?…])[”\"’]?\s+(?=[“\"‘A-Z0-9])|\n+", text):
        if m.start() > start:
            out.append((start, m.start() if text[m.start()] not in "”\"’" else m.start() + 1))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _prev_char(text: str, i: int, floor: int) -> str:
    j = i - 1
    while j >= floor and text[j] in " \t":
        j -= 1
    return text[j] if j >= floor else ""


def _sentence_at(sents: Sequence[Offsets], starts: list[int], pos: int) -> Offsets:
    k = bisect_right(starts, pos) - 1
    if k < 0:
        return (0, sents[0][1] if sents else pos)
    return sents[k]


def find_candidates(
    text: str,
    sentences: Optional[Sequence[Offsets]] = None,
    lex: Optional[QuoteLexicon] = None,
) -> tuple[list[QuoteCandidate], list[str]]:
    """All quotation candidates in ``text`` with cue and speaker phrase (no entity ids yet)."""
    lex = lex or load_lexicon()
    paras = _paragraphs(text)
    if lex is load_lexicon():
        quoted, shared_warnings = quoted_spans(text)
        warnings = list(shared_warnings)
    else:
        quoted, warnings = find_quoted_spans(text, lex, paras)
    idx = CueIndex(text, lex)
    sents = list(sentences) if sentences else _fallback_sentences(text)
    sent_starts = [s for s, _ in sents]
    para_starts = [s for s, _ in paras]
    out: list[QuoteCandidate] = []
    prev_direct: Optional[QuoteCandidate] = None

    for q in quoted:
        ps, pe = _sentence_at(paras, para_starts, q.start)
        ss, se = _sentence_at(sents, sent_starts, q.start)
        inner = text[q.start + 1:q.end - 1].rstrip() if q.closed else text[q.start + 1:q.end].rstrip()
        inner_words = len(inner.split())
        ends_punct = bool(inner) and inner[-1] in ",.!?…;:-—–"
        before = _prev_char(text, q.start, ps)
        at_start = before == "" or before in _SENT_FINAL or before in _DOUBLE_MARKS or before in ")"
        after_para = next((e for s, e in paras if s <= q.end <= e), pe)
        post = None
        if q.closed:
            post = _post_attribution(text, q.end, after_para, lex) or _post_subject_verb(text, q.end, after_para, lex, idx)
            if post is None and inner.endswith(","):
                # '“…,” Kata Renhard.': a capitalised cue is still a cue after a quote ending in a comma
                post = _post_attribution(text, q.end, after_para, lex, lex.post_re_ci)

        if post and (ends_punct or at_start or before in ",:"):
            cand = QuoteCandidate("direct", q.start, q.end, post, 0.9 if post.speaker else 0.6)
        elif (at_start or before in ",:") and (ends_punct or inner_words >= 4):
            cand = QuoteCandidate("direct", q.start, q.end, Attribution(), 0.4)
            floor = max(ss, ps)
            if before == "" and text[:ps].rstrip().endswith(":"):
                # 'X menjelaskan:' closing one paragraph, the quote opening the next
                before, floor = ":", max((s for s in sent_starts if s < ps and s < len(text[:ps].rstrip())), default=0)
            if before in ",:":
                m = _pre_cue_in(text, floor, q.start, lex, idx=idx)
                if m:
                    attr = _pre_attribution(text, m, floor, lex)
                    if attr:
                        cand = QuoteCandidate("direct", q.start, q.end, attr, 0.85 if attr.speaker else 0.5)
            if cand.attribution.cue is None and prev_direct is not None and prev_direct.attribution.cue:
                gap_start = max(prev_direct.end, prev_direct.attribution.end or prev_direct.end)
                gap = text[gap_start:q.start]
                # "“…,” kata X dalam pidato. “…”": only the rest of X's attribution sentence between
                if re.fullmatch(r"[^.!?“”\"]{0,120}[.!?]?\s*", gap):
                    cand = QuoteCandidate("direct", q.start, q.end, prev_direct.attribution, 0.8)
        else:
            if _title_like(inner):
                continue        # ‘Reputation Secret Session’, “Meet the Leader”: a name, not speech
            attr = None
            m = _pre_cue_in(text, max(ss, ps), q.start, lex, idx=idx)
            if m and not _direct_only(m, lex):
                attr = _pre_attribution(text, m, max(ss, ps), lex)
            if attr is None and q.closed:
                tail = re.match(r"[^.!?“”\"]*?,\s*", text[q.end:se]) if se > q.end else None
                if tail:
                    attr = _post_attribution(text, q.end + tail.end() - 1, se, lex)
            if attr is None:
                attr = _subject_verb_before(text, q.start, max(ss, ps), lex)
            if attr is None or (attr.speaker is None and attr.cue is None):
                continue        # a scare quote or a title, not speech
            cand = QuoteCandidate("partial", q.start, q.end, attr, 0.6 if attr.cue else 0.4)
        out.append(cand)
        if cand.kind == "direct":
            prev_direct = cand

    out.extend(_indirect(text, sents, [c for c in out if c.kind == "direct"], lex, idx))
    out.sort(key=lambda c: (c.start, c.end))
    # 'Payne mengaku, ia … mereka. “Tapi dia …”': a quote right after reported speech is its speaker's
    for prev, cur in zip(out, out[1:]):
        if (cur.kind == "direct" and cur.attribution.cue is None and prev.kind == "indirect"
                and prev.attribution.speaker and re.fullmatch(r"[.!?]?\s*", text[prev.end:cur.start])):
            cur.attribution, cur.confidence = prev.attribution, 0.6
    return out, warnings


def _title_like(inner: str) -> bool:
    words = re.findall(r"\w[\w’'\-]*", inner)
    if not words:
        return True
    caps = sum(w[:1].isupper() or w[:1].isdigit() for w in words)
    return caps / len(words) >= 0.6 and not inner.rstrip()[-1:] in ",.!?"


def _subject_verb_before(text: str, pos: int, floor: int, lex: QuoteLexicon) -> Optional[Attribution]:
    """'Kim menjanjikan “dukungan penuh”': the subject of the nearest verb before a fragment."""
    words = _words(text, floor, pos)
    for k in range(len(words) - 1, max(0, len(words) - 4), -1):
        w = words[k].group().lower()
        if _VERBISH.match(w) and w not in lex.roles:
            if w not in lex.partial_verbs:
                return None     # 'mengalami “disorientasi”': a verb, but not one of speech
            found = _subject_before(text, words[k].start(), floor, lex)
            if found and (found[1] == "pronoun" or _is_cap(text[found[0][0]:found[0][1]])):
                return Attribution(None, found[0], found[1], end=words[k].end())
            return None
    return None


def _blocked(text: str, cue_start: int, floor: int, lex: QuoteLexicon) -> bool:
    """'tidak menjelaskan', 'akan mengumumkan', 'bisa juga mengatakan': no report was made."""
    for wm in reversed(_words(text, max(floor, cue_start - 40), cue_start)):
        w = wm.group().lower()
        if w in lex.skip:
            continue
        return w in lex.block
    return False


def _clause_after(text: str, pos: int, end: int, lex: QuoteLexicon) -> Optional[Offsets]:
    """The reported clause after a pre cue: skip ', : bahwa' and short adverbials before 'bahwa'."""
    seg = text[pos:end]
    m = re.match(r"[\s,:]*", seg)
    start = pos + m.end()
    head = text[start:min(end, start + 40)]
    b = re.match(r"(?:\w+\s+){0,3}?bahwa\s+", head)
    if b:
        start += b.end()
    low = text[start:end].lower()
    for w in lex.object_words:
        if low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalnum()):
            return None
    stop = end
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".!?…"):
        stop -= 1
    if len(text[start:stop].split()) < 3:
        return None
    return (start, stop)


def _direct_only(m: re.Match, lex: QuoteLexicon) -> bool:
    """A cue that reports speech only before a direct quote ('melanjutkan', 'menjawab')."""
    word = m.group("cue").lower()
    info = lex.cues.get(word[:-3] if m.group("nyaform") else word)
    return info is not None and info.position == "direct"


def _indirect(text: str, sents: Sequence[Offsets], directs: list[QuoteCandidate], lex: QuoteLexicon,
              idx: "CueIndex") -> list[QuoteCandidate]:
    """Reported speech without quotation marks, one per sentence at most."""
    out: list[QuoteCandidate] = []
    dstarts = [d.start for d in directs]
    for ss, se in sents:
        while se > ss and text[se - 1].isspace():
            se -= 1
        k = bisect_left(dstarts, se) - 1
        if k >= 0 and directs[k].end > ss:
            continue        # the sentence holds (part of) a direct quote
        m = _pre_cue_in(text, ss, se, lex, last=False, idx=idx)
        while m is not None and _direct_only(m, lex):
            # 'X melanjutkan, “…”' only: 'melanjutkan studi' reports nothing; a later cue may
            m = _pre_cue_in(text, m.end(), se, lex, last=False, idx=idx)
        if m is not None:
            word = m.group("cue").lower()
            info = lex.cues.get(word[:-3] if m.group("nyaform") else word)
            if info and info.kind == "prep":
                attr = _pre_attribution(text, m, ss, lex)
                if attr and attr.speaker:
                    comma = text.find(",", attr.end or m.end(), se)
                    if comma > 0 and attr.speaker_kind != "enclitic":
                        clause = _clause_after(text, comma + 1, se, lex)
                    elif attr.speaker_kind == "enclitic":
                        clause = _clause_after(text, m.end(), se, lex)
                    else:
                        clause = None
                    if clause is None and m.start() > ss + 10:     # '…, menurut X.'
                        clause = _trim_clause(text, ss, text.rfind(",", ss, m.start()))
                    if clause:
                        out.append(QuoteCandidate("indirect", clause[0], clause[1], attr, 0.7))
                        continue
            elif info and not (m.group("nyaform") and info.nya == "object") and not _blocked(text, m.start(), ss, lex):
                attr = _pre_attribution(text, m, ss, lex)
                if attr and attr.speaker:
                    clause = _clause_after(text, m.end(), se, lex)
                    if clause:
                        out.append(QuoteCandidate("indirect", clause[0], clause[1], attr, 0.7))
                        continue
        # '…, kata X.' without quotation marks
        lo, hi = bisect_left(idx.comma_cues, ss), bisect_left(idx.comma_cues, se)
        for at in idx.comma_cues[lo:hi]:
            attr = _post_attribution(text, at, se, lex)
            if attr and (attr.speaker or attr.cue):
                rest = text[(attr.end or at):se].strip(" .!?")
                if rest and not rest.startswith(","):
                    continue
                clause = _trim_clause(text, ss, at)
                if clause:
                    out.append(QuoteCandidate("indirect", clause[0], clause[1], attr, 0.6))
                break
    return out


def _trim_clause(text: str, start: int, end: int) -> Optional[Offsets]:
    if end <= start:
        return None
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.!?…"):
        end -= 1
    if len(text[start:end].split()) < 3:
        return None
    return (start, end)


# --------------------------------------------------------------------------------------------
# Speakers → entity ids
# --------------------------------------------------------------------------------------------
_TYPE_RANK = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}


def resolve_speakers(
    cands: Sequence[QuoteCandidate], entities: Optional[Sequence], text: str,
    lex: Optional[QuoteLexicon] = None,
) -> list[Quote]:
    """Map each speaker phrase to an entity id; salience fallback only for pronouns/enclitics.

    Within a speaker phrase a person beats an organisation (a spokesperson speaks for the person
    named, the organisation only when no person is named). A pronoun or enclitic that no entity
    claims goes to the speaker named just before (within 400 characters, no person mentioned
    since), else to the most recent person mentioned before it; a name no entity claims, and any
    phrase with no candidate, leaves ``speaker`` None.
    """
    mentions: list[tuple[int, int, str, str]] = []
    for ent in entities or ():
        if isinstance(ent, dict):
            eid, etype, ms = ent.get("id"), ent.get("type", "MISC"), ent.get("mentions") or ()
            pairs = ((m.get("start"), m.get("end")) for m in ms)
        else:
            eid, etype = ent.id, ent.type
            pairs = ((m.start, m.end) for m in ent.mentions)
        if eid:
            mentions.extend((s, e, eid, etype) for s, e in pairs if s is not None and e is not None)
    mentions.sort()
    mention_starts = [m[0] for m in mentions]
    longest = max((m[1] - m[0] for m in mentions), default=0)
    lex = lex or load_lexicon()
    roles = lex.roles
    quotes: list[Quote] = []
    last_named: Optional[tuple[int, Optional[str]]] = None    # (end of the phrase, its speaker)

    def salient(s: int) -> tuple[Optional[str], bool]:
        """The person a pronoun or description at ``s`` most likely means, and whether found."""
        lo = bisect_left(mention_starts, s - 1500 - longest)
        hi = bisect_left(mention_starts, s)
        prior = [m for m in mentions[lo:hi] if m[1] <= s and m[3] == "PER" and s - m[1] < 1500]
        latest = max(prior, key=lambda m: m[1]) if prior else None
        if last_named and s - last_named[0] < 400 and (latest is None or latest[1] <= last_named[0]):
            # '“…,” kata seorang saksi mata. “…,” ujarnya': the speaker just named, even unnamed
            return last_named[1], True
        return (latest[2], True) if latest is not None else (None, False)

    quoted = [(c.start, c.end) for c in cands]
    last_speaker: Optional[tuple[int, str]] = None           # (end of the quote, its speaker)

    def described(s: int) -> Optional[str]:
        """Whom a description ('sang aktor', 'pebalap 37 tahun itu') means: the last quote's
        speaker when one spoke within 1,500 characters, else the person the article has named
        most often so far outside quotations (names inside a quote are what was said, not who)."""
        if last_speaker and s - last_speaker[0] < 1500:
            return last_speaker[1]
        counts: dict[str, list[int]] = {}
        for m in mentions:
            if m[1] > s:
                break
            if m[3] == "PER" and not any(q0 <= m[0] and m[1] <= q1 for q0, q1 in quoted):
                counts.setdefault(m[2], []).append(m[1])
        return max(counts, key=lambda k: (len(counts[k]), counts[k][-1])) if counts else None

    for n, c in enumerate(cands, 1):
        a = c.attribution
        speaker = None
        mention_span = a.speaker
        conf = c.confidence
        if a.speaker and mentions:
            s, e = a.speaker
            lo = bisect_left(mention_starts, s - longest)
            hi = bisect_left(mention_starts, e)
            hits = [m for m in mentions[lo:hi] if s < m[1]]
            people = [m for m in hits if m[3] == "PER"]
            owner = _appositive_owner(text, s, mentions, lex.titles | lex.person_nouns | roles) if not people and a.speaker_kind == "name" else None
            if owner is not None:
                # 'Djoko Hariyanto, Kepala UPT Lokawisata Baturraden menyebut …': the title's owner
                speaker = owner
            elif not people and a.speaker_kind == "name" and (
                    _anaphoric_description(text, s, e, lex) or _described_by_place(text, s, e, hits, lex)):
                # 'ujar sang pelatih', 'kata pria asal Argentina itu', 'ujar pria Kosta Rika yang …':
                # someone already named
                speaker = described(s)
                conf = min(conf, 0.6)
            elif people:
                # a mention that starts with a role word ('Direktur Utama PT …') is a title the
                # entity stage typed PER; a name beats it, then the rightmost wins
                best = max(people, key=lambda m: (text[m[0]:m[1]].split()[0].lower() not in roles, m[1]))
                if a.speaker_kind == "name" and _names_a_person(text, best[1], e, (), roles):
                    speaker = None      # another, unrecognised name follows: don't guess
                else:
                    speaker = best[2]
                    if a.speaker_kind == "name":
                        mention_span = (best[0], best[1])
            elif hits and a.speaker_kind == "name":
                # an organisation speaks only when no person is named in the phrase
                if not _names_a_person(text, s, e, hits, roles):
                    speaker = _widest_body(hits, s, e)
                else:
                    speaker = _by_surname(text[s:e], mentions, text)
            elif hits:
                speaker = _widest_body(hits, s, e)
            elif a.speaker_kind == "name":
                speaker = _by_surname(text[s:e], mentions, text)
                conf = min(conf, 0.7)
            else:
                speaker, found = salient(s)
                if found:
                    conf = min(conf, 0.6)
        if a.speaker and a.speaker_kind == "name":
            last_named = (a.speaker[1], speaker)
        if speaker:
            last_speaker = (c.end, speaker)
        # model_construct: the values are built here from valid offsets; validation would double the cost
        quotes.append(Quote.model_construct(
            id=f"q{n}", kind=c.kind, start=c.start, end=c.end, text=text[c.start:c.end],
            cue=Span.model_construct(start=a.cue[0], end=a.cue[1], text=text[a.cue[0]:a.cue[1]]) if a.cue else None,
            speaker=speaker,
            speaker_mention=(Span.model_construct(start=mention_span[0], end=mention_span[1],
                                                  text=text[mention_span[0]:mention_span[1]])
                             if mention_span else None),
            confidence=round(conf, 2),
        ))
    return quotes


def _widest_body(hits: list[tuple[int, int, str, str]], s: int, e: int) -> str:
    """The body that speaks in a phrase naming no person: organisations before places, the
    rightmost first, among the mentions not nested in another ("Pemerintah Irak", IRQGOV, not the
    country inside it)."""
    outer = [m for m in hits if not any(o is not m and o[0] <= m[0] and m[1] <= o[1] and o[1] - o[0] > m[1] - m[0]
                                        for o in hits)]
    return min(outer or hits, key=lambda m: (_TYPE_RANK.get(m[3], 9), -m[1]))[2]


def _appositive_owner(text: str, start: int, mentions: list[tuple[int, int, str, str]],
                     titles: frozenset[str]) -> Optional[str]:
    """The person named right before a comma that opens a title phrase ('Djoko Hariyanto, [Kepala
    Unit …]'), when the speaker phrase is that title."""
    words = text[start:start + 40].split()
    if not words or words[0].lower() not in titles:
        return None
    before = text[:start].rstrip()
    if not before.endswith(","):
        return None
    comma = len(before) - 1
    return next((m[2] for m in mentions if m[1] == comma and m[3] == "PER"), None)


_CLAUSE_TAIL = re.compile(r"[^.,;:!?\"“”()\n]{0,60}")


def _anaphoric_description(text: str, start: int, end: int, lex: QuoteLexicon) -> bool:
    """A lower-case speaker phrase that describes someone the article has named: it opens with
    'sang' / 'si', or its clause closes with a demonstrative ('kata pria asal Argentina itu',
    'tutur pelatih berusia 60 tahun tersebut'); 'kata seorang sumber' is not one."""
    words = text[start:end].split()
    if not words or _is_cap(words[0]):
        return False
    if words[0].lower() in lex.epithet:
        return True
    if words[0].lower() in lex.det:
        return False
    rest = _CLAUSE_TAIL.match(text, end).group().split()
    tail = words + rest
    if len(tail) > 1 and tail[-1].lower() in lex.demonstratives:
        return True
    # 'kata pebalap Monako itu lagi': the demonstrative right after the phrase, an adverb after it
    return len(words) > 1 and bool(rest) and rest[0].lower() in lex.demonstratives


def _described_by_place(text: str, start: int, end: int, hits, lex: QuoteLexicon) -> bool:
    """A phrase led by a person noun or a title word whose only entities are places ("pria kelahiran
    Balikpapan", "Pelatih asal Brasil ini"): a person described by origin, not the place speaking."""
    words = text[start:end].split()
    return bool(words and hits) and all(m[3] == "LOC" for m in hits) \
        and (words[0].lower() in lex.person_nouns or words[0].lower() in lex.titles)


def _names_a_person(text: str, start: int, end: int, hits, roles: frozenset[str]) -> bool:
    """Capitalised words left in a speaker phrase once entity mentions and role words are removed
    ('Asisten … Kejaksaan Tinggi Sultra Saiful Bahri Siregar') name a person the NER missed."""
    covered = [(m[0], m[1]) for m in hits]
    left = 0
    for wm in re.finditer(r"[A-Z][\w’'\-]+", text[start:end]):
        a, b = start + wm.start(), start + wm.end()
        if wm.group().lower() in roles and text[:a].rstrip().endswith(","):
            break       # ', Dirjen Perhubungan Darat …': the title of the name before the comma
        if any(s <= a and b <= e for s, e in covered) or wm.group().lower() in roles:
            continue
        if text[a - 1:a] == "(" or wm.group().isupper():
            continue        # '(LIPI)', acronyms
        left += 1
    return left >= 2


def _by_surname(phrase: str, mentions: list[tuple[int, int, str, str]], text: str) -> Optional[str]:
    """'kata Arsul' when NER missed this mention but found 'Arsul Sani' elsewhere."""
    names = [w for w in re.findall(r"[A-Z][\w’'\-]+", phrase)]
    if not names:
        return None
    last = names[-1]
    found = {m[2] for m in mentions if m[3] == "PER" and last in text[m[0]:m[1]].split()}
    return found.pop() if len(found) == 1 else None


def extract_quotes(
    text: str,
    sentences: Optional[Sequence[Offsets]] = None,
    entities: Optional[Sequence] = None,
    lex: Optional[QuoteLexicon] = None,
) -> tuple[list[Quote], list[str]]:
    """Quotes of ``text`` as record objects, plus ``quote.*`` warnings. Pure; never raises on text."""
    cands, warnings = find_candidates(text, sentences, lex)
    return resolve_speakers(cands, entities, text, lex), warnings


# --------------------------------------------------------------------------------------------
# spaCy component
# --------------------------------------------------------------------------------------------
for _name in ("quotes", "entities", "warnings"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class QuotesComponent:
    """Thin wrapper: reads text, sentences and entities from the Doc, writes ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str = "warta_quotes"):
        self.name = name
        self.lex = load_lexicon("id")

    def __call__(self, doc: Doc) -> Doc:
        sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else None
        quotes, warnings = extract_quotes(doc_text(doc), sents, doc._.entities, self.lex)
        doc._.quotes = quotes
        if warnings:
            doc._.warnings = list(doc._.warnings or []) + warnings
        return doc


@Language.factory(
    "warta_quotes",
    assigns=["doc._.quotes"],
    default_config={},
    default_score_weights={},
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
