"""`warta train ner`: build the PER/ORG/LOC training corpora, train with spaCy, ship the model.

Three steps, each usable alone (``--step prepare|train|ship|all``):

prepare  gold CoNLL files from ``../shared/data`` -> spaCy DocBins in ``training/ner/corpus/<run>/``:
         ``train.spacy`` (the chosen data sets' train parts, merged), ``dev.spacy`` (their dev
         parts, merged; used for model selection), and ``dev-<set>.spacy`` / ``test-<set>.spacy``.
         Any training sentence whose lower-cased tokens equal a dev or test sentence of *any* of
         the four data sets is dropped, so no scored sentence is ever trained on (NERP and NER-UI
         repeat some sentences across splits). IndoLEM sets use one fold (default 1): its train
         part is trained on, its dev part selects the model and its test part is scored.
train    ``spacy train`` with ``training/ner/config.cfg`` and ``--set`` overrides into
         ``training/ner/output/<name>/``, then per-data-set dev scores in ``dev_scores.json``.
ship     copies ``model-best`` (pipeline = ``ner`` only, with its own tok2vec) into
         ``src/warta/models/ner/`` with a meta.json that records the training data.

Heavy work: run with ``OMP_NUM_THREADS=1`` on a shared machine.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Annotated, Optional, Sequence

from typer import Option

from warta.eval.ner import DATASETS, Sentence, load_split, evaluate, default_model_path

__all__ = ["prepare", "train", "ship", "dev_scores", "train_ner_cli"]

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "training" / "ner"
ALL_SETS = tuple(DATASETS)


def _key(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


def _docbin(vocab, sentences: Sequence[Sentence], lower: bool = False):
    from spacy.tokens import Doc, DocBin, Span

    db = DocBin(store_user_data=False)
    for s in sentences:
        words = [w.lower() for w in s.words] if lower else s.words
        doc = Doc(vocab, words=words)
        doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in s.spans]
        db.add(doc)
    return db


def curly_quotes(words: Sequence[str]) -> list[str]:
    """Straight double quotes -> alternating “ ”: news text uses typographic quotes, the gold
    files only straight ones, so a share of training sentences is shown with curly quotes."""
    out, opening = [], True
    for w in words:
        if w == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(w)
    return out


def prepare(datasets: Sequence[str] = ALL_SETS, fold: int = 1, data_dir: Optional[Path] = None,
            out: Path = WORK / "corpus", upsample: Optional[dict] = None, curly: float = 0.0) -> dict:
    """Write the DocBins; return counts (sentences kept/dropped per set) for the model card.

    ``curly``: share of training sentences with straight quotes rewritten by :func:`curly_quotes`
    (chosen deterministically, every round(1/curly)-th such sentence).
    """
    import spacy

    nlp = spacy.blank("id")
    out.mkdir(parents=True, exist_ok=True)
    held_out: set = set()
    evals: dict[str, dict[str, list[Sentence]]] = {}
    for name in ALL_SETS:
        evals[name] = {sp: load_split(name, sp, data_dir, fold) for sp in ("dev", "test")}
        for sp in evals[name].values():
            held_out.update(_key(s.words) for s in sp)
    stats: dict = {"fold": fold, "sets": {}}
    train_all: list[Sentence] = []
    dev_all: list[Sentence] = []
    for name in datasets:
        sents = load_split(name, "train", data_dir, fold)
        kept = [s for s in sents if _key(s.words) not in held_out]
        reps = (upsample or {}).get(name, 1)
        train_all.extend(kept * reps)
        dev_all.extend(evals[name]["dev"])
        stats["sets"][name] = {"train_file": str(load_path(name, "train", fold)),
                               "train_sentences": len(sents), "dropped_overlap": len(sents) - len(kept),
                               "repeats": reps}
    if curly:
        every, n = max(1, round(1 / curly)), 0
        for i, s in enumerate(train_all):
            if '"' in s.words:
                if n % every == 0:
                    train_all[i] = Sentence(curly_quotes(s.words), s.spans)
                n += 1
        stats["curly_quotes"] = curly
    _docbin(nlp.vocab, train_all).to_disk(out / "train.spacy")
    _docbin(nlp.vocab, dev_all).to_disk(out / "dev.spacy")
    for name in ALL_SETS:
        for sp, sents in evals[name].items():
            _docbin(nlp.vocab, sents).to_disk(out / f"{sp}-{name}.spacy")
    stats["train_sentences"] = len(train_all)
    stats["dev_sentences"] = len(dev_all)
    (out / "stats.json").write_text(json.dumps(stats, indent=2))
    return stats


def load_path(name: str, split: str, fold: int) -> str:
    ds = DATASETS[name]
    return f"{ds.folder}/{ds.splits[split].format(fold=fold)}"


def dev_scores(model_dir: Path, fold: int = 1, data_dir: Optional[Path] = None,
               split: str = "dev") -> dict:
    """Per-data-set exact-span micro F1 of a trained model (gold tokens).

    ``quoted_curly``: micro F1 over the dev sentences that contain straight quotes, once as they
    are and once with “ ” quotes (robustness to news typography; gold files have only ").
    """
    from warta.fastops import load_model

    nlp = load_model(model_dir)
    res = {}
    quoted: list[Sentence] = []
    for name, ds in DATASETS.items():
        sents = load_split(name, split, data_dir, fold)
        r = evaluate(sents, nlp, ds.labels)
        res[name] = {k: (v["f"] if k != "_meta" else v["words_per_s"]) for k, v in r.items()}
        if not ds.lowercased:
            quoted += [s for s in sents if '"' in s.words]
    res["mean_f"] = round(sum(res[n]["micro"] for n in DATASETS) / len(DATASETS), 2)
    curly = [Sentence(curly_quotes(s.words), s.spans) for s in quoted]
    res["quoted_straight_f"] = evaluate(quoted, nlp)["micro"]["f"]
    res["quoted_curly_f"] = evaluate(curly, nlp)["micro"]["f"]
    return res


def train(name: str = "base", config: Path = WORK / "config.cfg", overrides: Optional[dict] = None,
          corpus: Path = WORK / "corpus", fold: int = 1, data_dir: Optional[Path] = None) -> dict:
    from spacy.cli.train import train as spacy_train
    from thinc.api import set_current_ops

    from warta.fastops import preferred_ops

    set_current_ops(preferred_ops())    # layers built from here on multiply with the faster GEMM
    out = WORK / "output" / name
    ov = {"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy")}
    ov.update(overrides or {})
    t0 = time.time()
    spacy_train(config, out, use_gpu=-1, overrides=ov)
    minutes = round((time.time() - t0) / 60, 1)
    scores = dev_scores(out / "model-best", fold, data_dir)
    rel = {k: (str(Path(v).relative_to(REPO)) if isinstance(v, str) and v.startswith(str(REPO)) else v)
           for k, v in ov.items()}
    scores["_train"] = {"minutes": minutes, "overrides": rel, "config": str(Path(config).name),
                        "prepare": json.loads((corpus / "stats.json").read_text())}
    (out / "dev_scores.json").write_text(json.dumps(scores, indent=2))
    print(json.dumps({k: v for k, v in scores.items() if k != "_train"}, indent=1))
    return scores


def ship(name: str = "base", dest: Optional[Path] = None) -> Path:
    """Save ``model-best`` of a run as the package's NER (``ner`` only), with training provenance."""
    import spacy

    src = WORK / "output" / name
    dest = dest or default_model_path()
    trained = spacy.load(src / "model-best")
    assert trained.pipe_names[-1] == "ner" and len(trained.pipe_names) <= 2, trained.pipe_names
    # Saved as lang "xx": same weights and features (NORM/PREFIX/SUFFIX/SHAPE do not depend on the
    # language), but loading skips rebuilding spaCy's ~16k Indonesian tokenizer exceptions twice
    # (seconds), which the NER never uses: it runs on warta's tokenizer, sourced into its pipeline.
    cfg = trained.config.copy()
    cfg["nlp"]["lang"] = "xx"
    cfg["paths"]["vectors"] = None          # the vectors ship in vocab/, not at the training path
    cfg["paths"]["init_tok2vec"] = None
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    for pipe_name in trained.pipe_names:     # "ner", or "ner_tok2vec" + "ner" (pretrained tok2vec)
        nlp.get_pipe(pipe_name).from_bytes(trained.get_pipe(pipe_name).to_bytes())
    nlp.vocab.vectors = trained.vocab.vectors      # static vectors, when the run used them
    nlp.meta.update({k: v for k, v in trained.meta.items() if k not in ("lang", "pipeline", "components")})
    scores = json.loads((src / "dev_scores.json").read_text()) if (src / "dev_scores.json").exists() else {}
    info = scores.get("_train", {})
    nlp.meta.update({
        "name": "warta_ner", "version": "0.1.0", "spacy_version": ">=3.7.0,<3.9.0",
        "description": "warta PER/ORG/LOC NER (spaCy CNN). Trained on NERGrit, NERP (lower-cased), "
                       "IndoLEM NER-UI and NER-UGM train parts; see TRAINING.md.",
        "license": "see TRAINING.md",
        "sources": [{"name": n, "url": "../shared/data/" + DATASETS[n].folder}
                    for n in info.get("prepare", {}).get("sets", {})],
        "warta": {"run": name, "trained": time.strftime("%Y-%m-%d"),
                  "training": info, "dev_scores": {k: v for k, v in scores.items() if k != "_train"}},
    })
    if dest.exists():
        for p in dest.iterdir():
            if p.name != "TRAINING.md":
                shutil.rmtree(p) if p.is_dir() else p.unlink()
    nlp.to_disk(dest)
    return dest


def train_ner_cli(
    step: Annotated[str, Option(help="prepare | train | ship | all (prepare + train)")] = "all",
    name: Annotated[str, Option(help="Run name: training/ner/output/<name>/")] = "base",
    datasets: Annotated[str, Option(help="Training sets, comma-separated.")] = ",".join(ALL_SETS),
    fold: Annotated[int, Option(help="IndoLEM fold whose dev/test parts are held out.")] = 1,
    config: Annotated[Path, Option(help="spaCy training config.")] = WORK / "config.cfg",
    set_: Annotated[Optional[list[str]], Option("--set", help="Config override key=value (repeatable).")] = None,
    data_dir: Annotated[Optional[Path], Option(help="The shared data folder (default ../shared/data).")] = None,
    do_ship: Annotated[bool, Option("--ship", help="After training, copy model-best into src/warta/models/ner.")] = False,
    upsample: Annotated[Optional[list[str]], Option(help="Repeat a set's training part: name=N (repeatable).")] = None,
    corpus: Annotated[str, Option(help="Corpus folder training/ner/corpus/<corpus> (default: the run name).")] = "",
    curly: Annotated[float, Option(help="Share of quoted training sentences shown with “ ” quotes.")] = 0.0,
) -> None:
    """Build the NER corpora, train the PER/ORG/LOC model and (with --ship) ship it. Use OMP_NUM_THREADS=1."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    overrides = {}
    for item in set_ or []:
        k, _, v = item.partition("=")
        try:
            overrides[k] = json.loads(v)
        except json.JSONDecodeError:
            overrides[k] = v
    ups = {k: int(v) for k, _, v in (u.partition("=") for u in upsample or [])}
    corpus_dir = WORK / "corpus" / (corpus or name)
    if step in ("prepare", "all"):
        sets = [d for d in datasets.split(",") if d]
        print(json.dumps(prepare(sets, fold, data_dir, out=corpus_dir, upsample=ups, curly=curly), indent=1))
    if step in ("train", "all"):
        train(name, config, overrides, corpus=corpus_dir, fold=fold, data_dir=data_dir)
    if step == "ship" or do_ship:
        print("shipped to", ship(name))


def main(argv: Optional[list[str]] = None) -> None:
    """Fallback when cli.py is absent: ``python -m warta.train_ner --step all``."""
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--step", default="all", choices=["prepare", "train", "ship", "all"])
    ap.add_argument("--name", default="base")
    ap.add_argument("--datasets", default=",".join(ALL_SETS))
    ap.add_argument("--fold", type=int, default=1)
    ap.add_argument("--config", type=Path, default=WORK / "config.cfg")
    ap.add_argument("--set", dest="set_", action="append", default=[])
    ap.add_argument("--upsample", action="append", default=[])
    ap.add_argument("--data-dir", type=Path)
    ap.add_argument("--ship", action="store_true")
    ap.add_argument("--corpus", default="")
    ap.add_argument("--curly", type=float, default=0.0)
    a = ap.parse_args(argv)
    train_ner_cli(a.step, a.name, a.datasets, a.fold, a.config, a.set_, a.data_dir, a.ship, a.upsample,
                  a.corpus, a.curly)


if __name__ == "__main__":
    main()
