"""`warta eval ner`: entity-level exact-span P/R/F1 of the shipped NER on gold test splits.

Scored on gold tokens (as the published IndoNLU / IndoLEM figures are): each gold sentence
becomes ``Doc(nlp.vocab, words=...)`` and only the ``ner`` component runs, so tokenisation
errors do not mix with NER errors. Gold labels are mapped to warta's PER / ORG / LOC
(:data:`DATASETS`); labels outside that set (NERP's IND/EVT/FNB, NER-UGM's TIME/QUANTITY) are
dropped from the gold, and predictions are restricted to the labels a data set annotates
(NERP has no ORG label, so ORG predictions on NERP are neither right nor wrong).

The same readers build the training corpora (``warta.train_ner``), so the label mapping used
for training and for scoring cannot drift apart.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Iterable, Iterator, Optional, Sequence

from typer import Option

__all__ = [
    "Sentence", "DATASETS", "LABELS", "read_conll", "bio_to_spans", "dataset_path",
    "load_split", "score", "evaluate", "eval_ner_cli", "default_data_dir", "default_model_path",
]

LABELS = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class Dataset:
    """Where a data set's splits live (relative to ``../shared/data``) and how its labels map."""
    folder: str
    splits: dict  # split name -> relative file name; "{fold}" is filled for IndoLEM
    label_map: dict  # source label -> PER/ORG/LOC (unlisted labels are dropped)
    lowercased: bool = False

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.label_map.values())))


DATASETS: dict[str, Dataset] = {
    "nergrit": Dataset(
        "indonlu-nergrit",
        {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"},
        {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    ),
    "nerp": Dataset(
        "indonlu-nerp",
        {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"},
        {"PPL": "PER", "PLC": "LOC"},
        lowercased=True,
    ),
    "indolem-ui": Dataset(
        "indolem-ner-ui",
        {"train": "folds/train.0{fold}.tsv", "dev": "folds/dev.0{fold}.tsv", "test": "folds/test.0{fold}.tsv"},
        {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    ),
    "indolem-ugm": Dataset(
        "indolem-ner-ugm",
        {"train": "folds/train.0{fold}.tsv", "dev": "folds/dev.0{fold}.tsv", "test": "folds/test.0{fold}.tsv"},
        {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    ),
}


@dataclass
class Sentence:
    words: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # token start, end (excl.), label


def default_data_dir() -> Path:
    """``../shared/data`` beside the repository (where the gold sets live on the dev machine)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def default_model_path() -> Path:
    return Path(__file__).resolve().parents[1] / "models" / "ner"


def bio_to_spans(tags: Sequence[str], label_map: Optional[dict] = None) -> list[tuple[int, int, str]]:
    """BIO tags -> (start, end, label) spans; an ``I-`` after another type starts a new span.

    Labels absent from ``label_map`` are dropped (when a map is given).
    """
    spans: list[tuple[int, int, str]] = []
    start, cur = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, lab = tag.partition("-")
        if tag == "O" or not lab or prefix == "B" or lab != cur:
            if cur is not None:
                spans.append((start, i, cur))
            start, cur = (i, lab) if lab and prefix in ("B", "I") else (None, None)
    if label_map is None:
        return spans
    return [(s, e, label_map[l]) for s, e, l in spans if l in label_map]


def read_conll(path: Path, label_map: Optional[dict] = None) -> Iterator[Sentence]:
    """Read ``token<TAB>tag`` (or ``token POS tag``) lines, sentences split by blank lines."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield Sentence(words, bio_to_spans(tags, label_map))
                words, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            words.append(parts[0])
            tags.append(parts[-1] if len(parts) > 1 else "O")
    if words:
        yield Sentence(words, bio_to_spans(tags, label_map))


def dataset_path(name: str, split: str, data_dir: Optional[Path] = None, fold: int = 1) -> Path:
    ds = DATASETS[name]
    return (data_dir or default_data_dir()) / ds.folder / ds.splits[split].format(fold=fold)


def load_split(name: str, split: str, data_dir: Optional[Path] = None, fold: int = 1) -> list[Sentence]:
    return list(read_conll(dataset_path(name, split, data_dir, fold), DATASETS[name].label_map))


def score(gold: Iterable[Iterable[tuple]], pred: Iterable[Iterable[tuple]],
          labels: Sequence[str] = LABELS) -> dict:
    """Exact-span scores: per label and micro-averaged over ``labels``.

    ``gold``/``pred``: one collection of (start, end, label) per sentence; spans with other
    labels are ignored on both sides.
    """
    counts = {lab: [0, 0, 0] for lab in labels}  # tp, n_pred, n_gold
    for g, p in zip(gold, pred):
        g = {s for s in g if s[2] in counts}
        p = {s for s in p if s[2] in counts}
        for s in g:
            counts[s[2]][2] += 1
        for s in p:
            counts[s[2]][1] += 1
            if s in g:
                counts[s[2]][0] += 1

    def prf(tp, npred, ngold):
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2),
                "tp": tp, "pred": npred, "gold": ngold}

    out = {lab: prf(*c) for lab, c in counts.items()}
    tot = [sum(c[i] for c in counts.values()) for i in range(3)]
    out["micro"] = prf(*tot)
    return out


def predict(ner_nlp, sentences: Sequence[Sentence], batch_size: int = 256) -> list[list[tuple]]:
    """Run the NER model's components (``ner``, after its own tok2vec if it has one) on
    gold-tokenised Docs."""
    from spacy.tokens import Doc

    docs = (Doc(ner_nlp.vocab, words=s.words) for s in sentences)
    return [[(e.start, e.end, e.label_) for e in d.ents] for d in ner_nlp.pipe(docs, batch_size=batch_size)]


def predict_raw(nlp, sentences: Sequence[Sentence]) -> list[list[tuple]]:
    """Run a full pipeline on each sentence's text (tokens joined by spaces) and map its
    ``doc.ents`` back to gold token indices; spans that cut through a gold token are kept as
    unmatched predictions (they count as false positives)."""
    out = []
    texts = []
    bounds = []
    for s in sentences:
        starts, ends, pos = {}, {}, 0
        for i, w in enumerate(s.words):
            starts[pos] = i
            ends[pos + len(w)] = i + 1
            pos += len(w) + 1
        texts.append(" ".join(s.words))
        bounds.append((starts, ends))
    for doc, (starts, ends) in zip(nlp.pipe(texts, batch_size=64), bounds):
        spans = []
        for e in doc.ents:
            a, b = starts.get(e.start_char), ends.get(e.end_char)
            spans.append((a, b, e.label_) if a is not None and b is not None else (-1, -1, e.label_))
        out.append(spans)
    return out


_LATER = ("warta_entities", "warta_times", "warta_places", "warta_quotes", "warta_events", "warta_tone")
# mode -> stages of warta.pipeline.load() left out (the shipped ner is the one in the package)
RAW_MODES = {
    "raw": ("warta_gazetteer",) + _LATER,
    "raw+gazetteer": _LATER,
    "gazetteer": ("ner",) + _LATER,
}


def evaluate(sentences: Sequence[Sentence], ner_nlp, labels: Sequence[str] = LABELS,
             raw: bool = False) -> dict:
    """Score ``ner_nlp`` on gold tokens, or (``raw``) a full pipeline on the sentences' text."""
    t0 = time.perf_counter()
    pred = predict_raw(ner_nlp, sentences) if raw else predict(ner_nlp, sentences)
    secs = time.perf_counter() - t0
    res = score([s.spans for s in sentences], pred, labels)
    n_words = sum(len(s.words) for s in sentences)
    res["_meta"] = {"sentences": len(sentences), "words": n_words, "labels": list(labels),
                    "seconds": round(secs, 2), "words_per_s": round(n_words / secs) if secs else None}
    return res


def format_table(res: dict) -> str:
    rows = ["label  P      R      F1     gold"]
    for lab, v in res.items():
        if lab.startswith("_"):
            continue
        rows.append(f"{lab:<6} {v['p']:6.2f} {v['r']:6.2f} {v['f']:6.2f} {v['gold']:6d}")
    return "\n".join(rows)


def eval_ner_cli(
    dataset: Annotated[str, Option(help="nergrit | nerp | indolem-ui | indolem-ugm")] = "nergrit",
    split: Annotated[str, Option(help="test | dev | train")] = "test",
    fold: Annotated[int, Option(help="IndoLEM fold (the shipped model holds out fold 1's dev and test).")] = 1,
    limit: Annotated[int, Option(help="Score only the first N sentences (0 = all).")] = 0,
    model: Annotated[Optional[Path], Option(help="A spaCy pipeline with a `ner` component (default: the shipped one).")] = None,
    data_dir: Annotated[Optional[Path], Option(help="The shared data folder (default ../shared/data).")] = None,
    file: Annotated[Optional[Path], Option(help="A CoNLL file in the dataset's format, instead of the split.")] = None,
    as_json: Annotated[bool, Option("--json", help="Print the scores as JSON.")] = False,
    mode: Annotated[str, Option(help="model: the ner on gold tokens (default); raw: warta's tokenizer + ner "
                                     "on the sentence text; raw+gazetteer: also warta_gazetteer after it; "
                                     "gazetteer: the gazetteer alone (no trained NER), the baseline.")] = "model",
) -> dict:
    """Entity-level exact-span P/R/F1 per label of the NER on a gold split (gold tokens)."""
    from warta.fastops import load_model

    if dataset not in DATASETS:
        raise SystemExit(f"unknown dataset {dataset!r}; choose from {', '.join(DATASETS)}")
    ds = DATASETS[dataset]
    path = file or dataset_path(dataset, split, data_dir, fold)
    if not path.exists():
        raise SystemExit(f"gold file not found: {path} (pass --data-dir or --file)")
    sents = list(read_conll(path, ds.label_map))
    if limit:
        sents = sents[:limit]
    if mode in RAW_MODES:
        from warta.pipeline import load

        res = evaluate(sents, load(exclude=RAW_MODES[mode]), ds.labels, raw=True)
    elif mode == "model":
        res = evaluate(sents, load_model(model or default_model_path()), ds.labels)
    else:
        raise SystemExit(f"unknown mode {mode!r}: model, {', '.join(RAW_MODES)}")
    res["_meta"].update({"dataset": dataset, "split": split, "file": str(path),
                         "fold": fold if dataset.startswith("indolem") else None,
                         "mode": mode, "model": str(model or default_model_path())})
    if as_json:
        print(json.dumps(res, indent=2))
    else:
        print(f"{dataset} {split} ({path.name}), {len(sents)} sentences, labels {'/'.join(ds.labels)}")
        print(format_table(res))
    return res


def main(argv: Optional[list[str]] = None) -> None:
    """Fallback entry point when cli.py is absent: ``python -m warta.eval.ner --dataset nergrit``."""
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="nergrit", choices=list(DATASETS))
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--fold", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--model", type=Path)
    ap.add_argument("--data-dir", type=Path)
    ap.add_argument("--file", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--mode", default="model")
    a = ap.parse_args(argv)
    eval_ner_cli(a.dataset, a.split, a.fold, a.limit, a.model, a.data_dir, a.file, a.json, a.mode)


if __name__ == "__main__":
    main()
