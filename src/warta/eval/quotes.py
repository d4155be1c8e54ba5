"""``warta eval quotes``: quotation detection and attribution against PFSA-ID.

PFSA-ID (CC BY-NC-SA; used here to measure, never to train shipped weights) is a BILOU token
stream of Kompas articles. Its STATEMENT spans are quotation-mark spans, marks included
(1,650 of 1,653 in dev-40 start and end with a mark), attributed by a postposed cue. So the
scorer compares STATEMENT with warta's ``direct`` quotes; indirect and partial quotes have no
gold there and are not scored.

Measures (pure functions below, shared by the CLI and the tests):
- statement P/R/F1, overlap (any shared character) and exact (same character span);
- cue P/R/F1 (gold CUE ∪ CUECOREF tokens vs the cues of predicted direct quotes, overlap);
- speaker accuracy: for gold statements whose attribution names the speaker (a PERSON or
  PERSONCOREF span in the statement's attribution sentence), the predicted quote is right when
  its ``speaker_mention`` or any mention of its ``speaker`` entity overlaps that span.
  Statements attributed only by an enclitic cue (``ujarnya``) carry no gold speaker span in
  PFSA-ID; they are counted apart and, as a rougher figure, checked against the nearest
  preceding gold PERSON/PERSONCOREF in the same article.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, List, Optional, Sequence

import typer

Offsets = tuple[int, int]
_DOUBLE = set("“”\"")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "%", "…", "'s"}
_NO_SPACE_AFTER = {"(", "["}
_DATELINE = re.compile(r"^KOMPAS(?:\.com)?$")


@dataclass
class GoldArticle:
    text: str
    statements: list[Offsets] = field(default_factory=list)
    cues: list[Offsets] = field(default_factory=list)
    speakers: list[list[Offsets]] = field(default_factory=list)   # per statement: attached PERSON(COREF)
    prior_speaker: list[Optional[Offsets]] = field(default_factory=list)  # nearest earlier PERSON(COREF)
    persons: list[Offsets] = field(default_factory=list)     # every PERSON / PERSONCOREF span


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------
def read_bilou(path: Path) -> tuple[list[str], list[str], set[int]]:
    """Tokens, tags and the indices where a new segment starts."""
    toks, tags, breaks = [], [], {0}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                breaks.add(len(toks))
                continue
            tok, _, tag = line.partition("\t")
            toks.append(tok)
            tags.append(tag.strip() or "O")
    return toks, tags, breaks


def bilou_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(label, first token, end token) for every BILOU span; tolerant of broken sequences."""
    spans, cur = [], None
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if prefix in ("B", "U") or (prefix in ("I", "L") and (cur is None or cur[0] != label)):
            cur = [label, i, i + 1]
            spans.append(cur)
            if prefix in ("U", "L"):
                cur = None
        elif prefix in ("I", "L") and cur is not None:
            cur[2] = i + 1
            if prefix == "L":
                cur = None
        else:
            cur = None
    return [tuple(s) for s in spans]


def article_starts(toks: Sequence[str], breaks: set[int]) -> list[int]:
    """Token indices where an article starts: the segment holding a 'CITY, KOMPAS —' dateline."""
    seg_starts = sorted(breaks)
    starts = {0}
    import bisect
    for i in range(len(toks) - 2):
        if toks[i + 1] == "," and _DATELINE.match(toks[i + 2]) and i + 3 < len(toks) and toks[i + 3] in "—–-":
            k = bisect.bisect_right(seg_starts, i) - 1
            starts.add(seg_starts[k] if k >= 0 else 0)
    return sorted(starts)


def detokenize(toks: Sequence[str], closers: frozenset[str] = frozenset()) -> tuple[str, list[Offsets]]:
    """Rebuild running text with news spacing. Tokenisation lost which way each double quote
    faces: they alternate (open → glued to the next word, close → to the previous one), except
    that a mark right before a speech cue in ``closers`` (``kata``, ``ujarnya``) always closes,
    as in real text, so one stray mark does not flip every later quote in the article."""
    parts: list[str] = []
    offsets: list[Offsets] = []
    pos = 0
    inside = False
    glue_next = False
    for i, tok in enumerate(toks):
        is_mark = tok in _DOUBLE
        if is_mark:
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            opening = not inside and nxt not in closers
            inside = opening
        else:
            inside ^= sum(ch in _DOUBLE for ch in tok) % 2 == 1
        prev = toks[i - 1] if i else ""
        no_space = (
            not parts or glue_next or tok in _NO_SPACE_BEFORE or (is_mark and not opening)
            or tok.startswith("-nya") or (tok == "-" and prev[-1:].isalnum())
            or (tok == "/" and prev[-1:].isdigit())
        )
        if not no_space:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        glue_next = tok in _NO_SPACE_AFTER or (is_mark and opening) or (
            tok in ("-", "/") and prev[-1:].isalnum() and i + 1 < len(toks) and toks[i + 1][:1].isalnum())
    return "".join(parts), offsets


def _cue_words() -> frozenset[str]:
    """Postposed speech cues and their -nya forms, from warta's cue lexicon."""
    from warta.components.quotes import load_lexicon

    lex = load_lexicon()
    out = set()
    for form, info in lex.cues.items():
        if info.position in ("post", "both") and " " not in form:
            if info.nya != "only":
                out.add(form)
            if info.nya in ("speaker", "only"):
                out.add(form + "nya")
    return frozenset(out)


def load_pfsa(path: Path | str) -> list[GoldArticle]:
    """PFSA-ID BILOU file → articles with character-offset gold."""
    toks, tags, breaks = read_bilou(Path(path))
    closers = _cue_words()
    starts = article_starts(toks, breaks) + [len(toks)]
    articles = []
    for a, b in zip(starts, starts[1:]):
        if b <= a:
            continue
        text, offs = detokenize(toks[a:b], closers)
        spans = bilou_spans(tags[a:b])
        seg_breaks = sorted(x - a for x in breaks if a <= x < b)

        def char(s: int, e: int) -> Offsets:
            return (offs[s][0], offs[e - 1][1])

        gold = GoldArticle(text)
        persons = [(s, e) for lab, s, e in spans if lab in ("PERSON", "PERSONCOREF")]
        stmts = [(s, e) for lab, s, e in spans if lab == "STATEMENT"]
        gold.cues = [char(s, e) for lab, s, e in spans if lab in ("CUE", "CUECOREF")]
        gold.persons = [char(s, e) for s, e in persons]
        for k, (s, e) in enumerate(stmts):
            gold.statements.append(char(s, e))
            nxt = stmts[k + 1][0] if k + 1 < len(stmts) else b - a
            # attribution after the quote: up to the end of the segment that holds the cue
            seg_end = next((x for x in seg_breaks if x > e), b - a)
            after = [(ps, pe) for ps, pe in persons if e <= ps < min(seg_end, nxt)]
            if not after:   # 'X mengatakan, “…”': the same segment before the quote
                seg_start = max((x for x in seg_breaks if x <= s), default=0)
                prv = stmts[k - 1][1] if k else 0
                after = [(ps, pe) for ps, pe in persons if max(seg_start, prv) <= ps and pe <= s]
            gold.speakers.append([char(ps, pe) for ps, pe in after])
            prior = [(ps, pe) for ps, pe in persons if pe <= s]
            gold.prior_speaker.append(char(*prior[-1]) if prior else None)
        articles.append(gold)
    return articles


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------
def _overlaps(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "pred": n_pred, "gold": n_gold}


@dataclass
class Counts:
    n_pred: int = 0
    n_gold: int = 0
    tp_pred_overlap: int = 0
    tp_gold_overlap: int = 0
    tp_exact: int = 0
    cue_pred: int = 0
    cue_gold: int = 0
    cue_tp_pred: int = 0
    cue_tp_gold: int = 0
    spk_total: int = 0
    spk_found: int = 0
    spk_correct: int = 0
    enc_total: int = 0
    enc_found: int = 0
    enc_correct: int = 0
    fp_named: int = 0            # false-positive direct quotes whose speaker phrase is a name …
    fp_named_unannotated: int = 0  # … that no gold PERSON/PERSONCOREF in the article shares


def _speaker_ok(q: dict, golds: Iterable[Offsets], entity_mentions: dict[str, list[Offsets]]) -> bool:
    spans = []
    if q.get("speaker_mention"):
        spans.append((q["speaker_mention"]["start"], q["speaker_mention"]["end"]))
    if q.get("speaker"):
        spans.extend(entity_mentions.get(q["speaker"], []))
    return any(_overlaps(s, g) for s in spans for g in golds)


def score_article(gold: GoldArticle, quotes: Sequence[dict], entities: Sequence[dict], c: Counts) -> None:
    """Add one article's counts to ``c``. ``quotes``/``entities`` are record dicts."""
    pred = [q for q in quotes if q["kind"] == "direct"]
    pspans = [(q["start"], q["end"]) for q in pred]
    c.n_pred += len(pspans)
    c.n_gold += len(gold.statements)
    c.tp_pred_overlap += sum(any(_overlaps(p, g) for g in gold.statements) for p in pspans)
    c.tp_gold_overlap += sum(any(_overlaps(p, g) for p in pspans) for g in gold.statements)
    c.tp_exact += len(set(pspans) & set(gold.statements))
    gold_names = {w for s, e in gold.persons for w in gold.text[s:e].split()}
    for q in pred:
        if any(_overlaps((q["start"], q["end"]), g) for g in gold.statements):
            continue
        sm = q.get("speaker_mention")
        if sm and sm.get("text") and sm["text"][:1].isupper() and not sm["text"].lower().endswith("nya"):
            c.fp_named += 1
            caps = [w for w in sm["text"].replace(",", " ").split() if w[:1].isupper()]
            c.fp_named_unannotated += not any(w in gold_names for w in caps)
    pcues = sorted({(q["cue"]["start"], q["cue"]["end"]) for q in pred if q.get("cue")})
    c.cue_pred += len(pcues)
    c.cue_gold += len(gold.cues)
    c.cue_tp_pred += sum(any(_overlaps(p, g) for g in gold.cues) for p in pcues)
    c.cue_tp_gold += sum(any(_overlaps(p, g) for p in pcues) for g in gold.cues)
    mentions = {e["id"]: [(m["start"], m["end"]) for m in e.get("mentions", [])] for e in entities}
    for g, golds, prior in zip(gold.statements, gold.speakers, gold.prior_speaker):
        match = max((q for q in pred if _overlaps((q["start"], q["end"]), g)),
                    key=lambda q: min(q["end"], g[1]) - max(q["start"], g[0]), default=None)
        if golds:
            c.spk_total += 1
            if match is not None:
                c.spk_found += 1
                c.spk_correct += _speaker_ok(match, golds, mentions)
        elif prior is not None:
            c.enc_total += 1
            if match is not None:
                c.enc_found += 1
                c.enc_correct += _speaker_ok(match, [prior], mentions)


def summarize(c: Counts) -> dict:
    acc = lambda k, n: round(k / n, 4) if n else 0.0  # noqa: E731
    return {
        "statement_overlap": {**prf(c.tp_pred_overlap, c.n_pred, c.tp_gold_overlap, c.n_gold)},
        "statement_exact": {**prf(c.tp_exact, c.n_pred, c.tp_exact, c.n_gold)},
        "cue": {**prf(c.cue_tp_pred, c.cue_pred, c.cue_tp_gold, c.cue_gold)},
        "speaker": {
            "accuracy": acc(c.spk_correct, c.spk_found), "correct": c.spk_correct, "found": c.spk_found,
            "end_to_end": acc(c.spk_correct, c.spk_total), "gold": c.spk_total,
        },
        "speaker_enclitic_approx": {
            "accuracy": acc(c.enc_correct, c.enc_found), "correct": c.enc_correct, "found": c.enc_found,
            "gold": c.enc_total,
        },
        "false_positives": {
            "direct": c.n_pred - c.tp_pred_overlap, "named_speaker": c.fp_named,
            "named_speaker_never_gold_person": c.fp_named_unannotated,
        },
    }


def default_nlp(exclude: Sequence[str] = ()):
    """warta's full pipeline (minus ``exclude``); a blank Indonesian pipeline with a sentencizer
    and the quotes stage only when the package's pipeline cannot be imported."""
    try:
        from warta.pipeline import load
    except ImportError as err:     # foundation absent: measure the quotes stage on its own
        import sys

        import spacy
        import warta.components.quotes  # noqa: F401  (registers the factory)

        print(f"warning: warta.pipeline unavailable ({err}); using spacy.blank('id') + sentencizer", file=sys.stderr)
        nlp = spacy.blank("id")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("warta_quotes")
        return nlp
    return load(exclude=tuple(exclude))


def evaluate(articles: Sequence[GoldArticle], nlp=None, limit: Optional[int] = None) -> dict:
    """Run the pipeline over gold articles and score; returns the summary dict with timings."""
    from warta.components.quotes import find_quoted_spans

    nlp = nlp or default_nlp()
    c = Counts()
    base = Counts()         # trivial baseline: every paired quotation mark span is a statement
    arts = list(articles)[:limit] if limit else list(articles)
    t0 = time.perf_counter()
    for gold, doc in zip(arts, nlp.pipe(a.text for a in arts)):
        quotes = [q.model_dump() for q in (doc._.quotes or [])]
        entities = [e.model_dump() for e in (doc._.entities or [])] if doc.has_extension("entities") else []
        score_article(gold, quotes, entities, c)
        marks = [{"kind": "direct", "start": q.start, "end": q.end} for q in find_quoted_spans(gold.text)[0]]
        score_article(gold, marks, [], base)
    out = summarize(c)
    out["baseline_all_marks"] = summarize(base)["statement_overlap"]
    out["articles"] = len(arts)
    out["pipeline"] = list(nlp.pipe_names)
    out["seconds"] = round(time.perf_counter() - t0, 2)
    return out


def format_report(res: dict) -> str:
    lines = [f"articles: {res['articles']}   pipeline: {', '.join(res['pipeline'])}"]
    for key in ("statement_overlap", "statement_exact", "cue", "baseline_all_marks"):
        r = res[key]
        lines.append(f"{key:<20} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}   (pred {r['pred']}, gold {r['gold']})")
    s = res["speaker"]
    lines.append(f"{'speaker accuracy':<20} {s['accuracy']:.3f} of found ({s['correct']}/{s['found']}); "
                 f"end-to-end {s['end_to_end']:.3f} of {s['gold']} gold statements with a named speaker")
    s = res["speaker_enclitic_approx"]
    lines.append(f"{'speaker (-nya, approx)':<20} {s['accuracy']:.3f} of found ({s['correct']}/{s['found']}), "
                 f"{s['gold']} gold statements attributed only by an enclitic cue")
    fp = res["false_positives"]
    lines.append(f"{'false positives':<20} {fp['direct']} direct quotes match no STATEMENT; {fp['named_speaker']} name "
                 f"their speaker, and for {fp['named_speaker_never_gold_person']} of those the name is never a "
                 f"gold PERSON/PERSONCOREF in the article (PFSA-ID annotates public figures' statements)")
    return "\n".join(lines)


def eval_quotes_cli(
    data: Path = typer.Option(Path("../shared/data/pfsa-id-quotes/dev-40.txt"), "--data",
                              help="PFSA-ID BILOU file (token<TAB>tag)."),
    limit: Optional[int] = typer.Option(None, help="Only the first N articles."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude",
                                                help="Pipeline stages to leave out, e.g. warta_entities."),
) -> None:
    """Quotation detection (P/R/F1 overlap, exact), cues and speaker accuracy against PFSA-ID."""
    if not Path(data).exists():
        typer.echo(f"error: {data} not found", err=True)
        raise typer.Exit(2)
    res = evaluate(load_pfsa(data), nlp=default_nlp(exclude or ()), limit=limit)
    typer.echo(json.dumps(res, indent=2) if as_json else format_report(res))


if __name__ == "__main__":
    typer.run(eval_quotes_cli)
