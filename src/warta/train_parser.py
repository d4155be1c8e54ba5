"""`warta train parser`: UD Indonesian treebanks -> the shipped syntax model (UPOS + dependencies).

Steps (``--step prepare|train|ship|all``):

prepare  GSD legacy-v2.0 train + CSUI train -> ``training/parser/corpus/train.spacy``; GSD legacy
         dev -> ``dev.spacy`` (model selection). Surface tokens, relations mapped by
         ``warta.eval.parser.map_deprel``. GSD test, PUD and CSUI test are never trained on.
train    ``spacy train training/parser/config.cfg`` (CNN tok2vec named ``syntax_tok2vec``,
         morphologizer for UPOS, transition parser) with one thread and a wall-clock bound
         (``--minutes``): ``model-best`` is written at each evaluation, so the bound only stops it.
ship     copies ``model-best`` to ``src/warta/models/syntax/`` with a meta.json naming the data.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

__all__ = ["prepare", "train", "ship", "train_parser_cli"]

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "training" / "parser"
SHARED = REPO.parent / "shared" / "data"


def _treebanks(shared: Path = SHARED) -> tuple[list[Path], list[Path]]:
    train = [shared / "ud-indonesian-gsd" / "legacy-v2.0" / "id-ud-train.conllu",
             shared / "ud-indonesian-csui" / "id_csui-ud-train.conllu"]
    dev = [shared / "ud-indonesian-gsd" / "legacy-v2.0" / "id-ud-dev.conllu"]
    return train, dev


def _docbin(paths, out: Path, per_doc: int = 8) -> int:
    """Sentences grouped a few per Doc (faster training); sentence starts are kept."""
    import spacy
    from spacy.tokens import Doc, DocBin

    from warta.eval.parser import read_conllu, to_doc

    nlp = spacy.blank("id")
    db = DocBin()
    n = 0
    for path in paths:
        group = []
        for sent in read_conllu(path):
            group.append(to_doc(nlp.vocab, sent))
            n += 1
            if len(group) == per_doc:
                db.add(Doc.from_docs(group))
                group = []
        if group:
            db.add(Doc.from_docs(group))
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n


def prepare(shared: Path = SHARED, out: Path = WORK / "corpus") -> dict:
    train, dev = _treebanks(shared)
    return {"train_sentences": _docbin(train, out / "train.spacy"), "dev_sentences": _docbin(dev, out / "dev.spacy")}


def train(minutes: int = 45, output: Path = WORK / "output", vectors: Optional[Path] = None) -> int:
    """``spacy train`` in a child process (so the wall-clock bound can stop it), with the layers
    built on warta's faster GEMM (``warta.fastops``; thinc's BLIS is ~2.8x slower on this CPU);
    ``vectors``: a spaCy vectors directory (the NER's floret vectors) read by the tok2vec."""
    env = dict(os.environ, OMP_NUM_THREADS="1")
    overrides = {"paths.train": str(WORK / "corpus" / "train.spacy"), "paths.dev": str(WORK / "corpus" / "dev.spacy")}
    if vectors:
        overrides.update({"paths.vectors": str(vectors),
                          "components.syntax_tok2vec.model.embed.include_static_vectors": True})
    cmd = [sys.executable, "-m", "warta.train_parser", str(WORK / "config.cfg"), str(output), repr(overrides)]
    try:
        return subprocess.run(cmd, env=env, timeout=minutes * 60).returncode
    except subprocess.TimeoutExpired:
        return 0   # model-best holds the best evaluation so far


def _spacy_train_fast(config: str, output: str, overrides: str) -> None:
    import ast

    from spacy.cli.train import train as spacy_train
    from thinc.api import set_current_ops

    from warta.fastops import preferred_ops

    set_current_ops(preferred_ops())
    spacy_train(Path(config), Path(output), use_gpu=-1, overrides=ast.literal_eval(overrides))


def language_neutral(trained):
    """The same components in a ``lang = "xx"`` pipeline.

    Loading a ``lang = "id"`` pipeline rebuilds spaCy's ~16k Indonesian tokenizer exceptions
    (~1.7 s per load); warta never uses this model's tokenizer (it parses Docs of its own tokens)
    and the tok2vec features (NORM, PREFIX, SUFFIX, SHAPE) do not depend on the language.
    """
    import spacy

    cfg = trained.config.copy()
    cfg["nlp"]["lang"] = "xx"
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    for name in trained.pipe_names:
        nlp.get_pipe(name).from_bytes(trained.get_pipe(name).to_bytes())
    nlp.meta.update({k: v for k, v in trained.meta.items() if k not in ("lang", "pipeline", "components")})
    return nlp


def ship(src: Path = WORK / "output" / "model-best", dst: Optional[Path] = None) -> Path:
    import spacy

    from warta.components.events import SYNTAX_MODEL

    dst = dst or SYNTAX_MODEL
    nlp = language_neutral(spacy.load(src))
    nlp.meta.update({
        "name": "syntax", "version": "0.1.0",
        "description": "warta Indonesian UPOS tagger (morphologizer) + dependency parser, CNN tok2vec",
        "sources": ["UD_Indonesian-GSD legacy v2.0 train (CC BY-SA 4.0)", "UD_Indonesian-CSUI train (CC BY-SA 4.0)"],
        "license": "CC BY-SA 4.0 (training data)",
    })
    if dst.exists():
        shutil.rmtree(dst)
    nlp.to_disk(dst, exclude=["vocab.lookups"])
    return dst


def train_parser_cli(step: str = "all", minutes: int = 45):
    """Prepare the UD data, train the syntax model (bounded time, one thread) and ship it."""
    if step in ("prepare", "all"):
        print(prepare())
    if step in ("train", "all"):
        train(minutes)
    if step in ("ship", "all"):
        print("shipped", ship())


if __name__ == "__main__":       # the child process of train()
    _spacy_train_fast(*sys.argv[1:4])
