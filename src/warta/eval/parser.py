"""`warta eval parser`: UPOS accuracy and UAS/LAS of the syntax model on UD Indonesian treebanks.

Scored on gold tokens (like IndoLEM), over *surface* tokens: warta's tokenizer keeps
``menyetujuinya`` whole and exposes the enclitic as an attribute, so UD multiword tokens are
merged back into one token (head, relation and UPOS of the word whose head lies outside the
multiword token). Relations are mapped to the label set the model is trained on
(:func:`map_deprel`), which is also the label set LAS is computed on. Punctuation counts, as in
the CoNLL 2018 scorer; a figure without punctuation is also reported.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

__all__ = ["Sentence", "read_conllu", "map_deprel", "to_doc", "score", "evaluate", "eval_parser_cli"]

# Subtypes kept: the ones the legacy GSD v2.0 training data uses. Everything else
# (flat:name, acl:relcl, obl:agent, nmod:poss …, used by CSUI/PUD) is cut to its base.
KEEP_SUBTYPES = {"nsubj:pass", "csubj:pass", "compound:plur"}


def map_deprel(rel: str) -> str:
    rel = rel.lower()
    if rel in KEEP_SUBTYPES:
        return rel
    return rel.split(":", 1)[0]


@dataclass
class Sentence:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)   # 0-based absolute index; self for root
    deps: list[str] = field(default_factory=list)
    sent_id: str = ""
    text: str = ""


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc


def read_conllu(path: str | Path) -> Iterator[Sentence]:
    """Yield sentences over surface tokens (multiword tokens merged)."""
    block: list[str] = []
    meta: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if block:
                    yield _build(block, meta)
                block, meta = [], {}
                continue
            if line.startswith("#"):
                if " = " in line:
                    k, v = line[1:].split(" = ", 1)
                    meta[k.strip()] = v
                continue
            block.append(line)
    if block:
        yield _build(block, meta)


def _build(lines: list[str], meta: dict[str, str]) -> Sentence:
    words: dict[int, list[str]] = {}
    ranges: list[tuple[int, int, list[str]]] = []
    for line in lines:
        cols = line.split("\t")
        if len(cols) != 10 or "." in cols[0]:
            continue
        if "-" in cols[0]:
            a, b = cols[0].split("-")
            ranges.append((int(a), int(b), cols))
        else:
            words[int(cols[0])] = cols
    # surface token index for each syntactic word
    tok_of: dict[int, int] = {}
    tokens: list[tuple[str, str, list[int]]] = []   # (form, misc, word ids)
    range_at = {a: (a, b, cols) for a, b, cols in ranges}
    i = 1
    n = max(words) if words else 0
    while i <= n:
        if i in range_at:
            a, b, cols = range_at[i]
            ids = list(range(a, b + 1))
            tokens.append((cols[1], cols[9], ids))
            for w in ids:
                tok_of[w] = len(tokens) - 1
            i = b + 1
        else:
            cols = words[i]
            tokens.append((cols[1], cols[9], [i]))
            tok_of[i] = len(tokens) - 1
            i += 1
    s = Sentence(sent_id=meta.get("sent_id", ""), text=meta.get("text", ""))
    for t_index, (form, misc, ids) in enumerate(tokens):
        main = ids[0]
        outside = [w for w in ids if int(words[w][6]) not in ids]
        if outside:
            main = outside[0]
        cols = words[main]
        head_word = int(cols[6])
        head = t_index if head_word == 0 else tok_of[head_word]
        dep = "ROOT" if head_word == 0 else map_deprel(cols[7])
        if head == t_index and head_word != 0:   # head inside the merged token: attach like root of token
            dep = "dep"
        s.words.append(form)
        s.spaces.append(_space_after(misc))
        s.pos.append(cols[3])
        s.heads.append(head)
        s.deps.append(dep)
    # a merged token may leave several roots or self-loops: keep the first root, reattach others
    roots = [k for k, h in enumerate(s.heads) if h == k]
    for k in roots[1:]:
        s.heads[k] = roots[0]
        if s.deps[k] == "ROOT":
            s.deps[k] = "parataxis"
    return s


def to_doc(vocab, sent: Sentence, annotate: bool = True):
    """A spaCy Doc for one sentence; with gold POS/heads/deps when ``annotate``."""
    from spacy.tokens import Doc

    if not annotate:
        return Doc(vocab, words=sent.words, spaces=sent.spaces)
    return Doc(vocab, words=sent.words, spaces=sent.spaces, pos=sent.pos,
               heads=sent.heads, deps=sent.deps, sent_starts=[True] + [False] * (len(sent.words) - 1))


def score(gold: Iterable[Sentence], pred: Iterable[tuple[list[str], list[int], list[str]]]) -> dict:
    """Token-level UPOS accuracy, UAS and LAS (with and without punctuation)."""
    n = n_np = pos_ok = uas = las = uas_np = las_np = 0
    for g, (ppos, pheads, pdeps) in zip(gold, pred):
        for k in range(len(g.words)):
            n += 1
            pos_ok += ppos[k] == g.pos[k]
            u = pheads[k] == g.heads[k]
            lab = u and pdeps[k].lower() == g.deps[k].lower()
            uas += u
            las += lab
            if g.pos[k] != "PUNCT":
                n_np += 1
                uas_np += u
                las_np += lab
    return {
        "tokens": n,
        "upos": pos_ok / n if n else 0.0,
        "uas": uas / n if n else 0.0,
        "las": las / n if n else 0.0,
        "uas_no_punct": uas_np / n_np if n_np else 0.0,
        "las_no_punct": las_np / n_np if n_np else 0.0,
    }


def evaluate(nlp, path: str | Path, batch_size: int = 64) -> dict:
    """Run ``nlp``'s syntax components over gold-tokenised sentences of a CoNLL-U file."""
    sents = list(read_conllu(path))
    docs = [to_doc(nlp.vocab, s, annotate=False) for s in sents]
    t0 = time.perf_counter()
    for name, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    elapsed = time.perf_counter() - t0
    preds = []
    for d in docs:
        preds.append(([t.pos_ for t in d], [t.head.i for t in d],
                      ["ROOT" if t.head.i == t.i else t.dep_ for t in d]))
    res = score(sents, preds)
    res["sentences"] = len(sents)
    res["words_per_second"] = res["tokens"] / elapsed if elapsed else 0.0
    return res


def default_treebanks(shared: Optional[Path] = None) -> dict[str, Path]:
    shared = shared or Path(__file__).resolve().parents[3].parent / "shared" / "data"
    return {
        "gsd-legacy-test": shared / "ud-indonesian-gsd" / "legacy-v2.0" / "id-ud-test.conllu",
        "gsd-test": shared / "ud-indonesian-gsd" / "id_gsd-ud-test.conllu",
        "pud": shared / "ud-indonesian-pud" / "id_pud-ud-test.conllu",
        "csui-test": shared / "ud-indonesian-csui" / "id_csui-ud-test.conllu",
    }


def eval_parser_cli(
    data: Optional[list[Path]] = None,
    model: Optional[Path] = None,
    as_json: bool = False,
):
    """Score the shipped syntax model (or MODEL) on UD treebanks (default: GSD legacy test, GSD test, PUD, CSUI test)."""
    from warta.components.events import SYNTAX_MODEL
    from warta.fastops import load_model

    nlp = load_model(model or SYNTAX_MODEL)
    paths = {Path(p).name: Path(p) for p in data} if data else default_treebanks()
    out = {}
    for name, path in paths.items():
        if not path.exists():
            print(f"skip {name}: {path} not found")
            continue
        out[name] = evaluate(nlp, path)
        r = out[name]
        if not as_json:
            print(f"{name:16s} sents={r['sentences']:5d} tokens={r['tokens']:6d} UPOS={r['upos']:.4f} "
                  f"UAS={r['uas']:.4f} LAS={r['las']:.4f} (no punct UAS={r['uas_no_punct']:.4f} "
                  f"LAS={r['las_no_punct']:.4f}) {r['words_per_second']:.0f} words/s")
    if as_json:
        print(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    import sys

    eval_parser_cli([Path(p) for p in sys.argv[1:]] or None)
