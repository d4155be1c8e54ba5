"""Convert UD Indonesian treebanks into spaCy DocBins for the syntax model.

train = GSD legacy-v2.0 train + CSUI train (surface tokens, relations mapped by
``warta.eval.parser.map_deprel``); dev = GSD legacy-v2.0 dev. GSD test / PUD stay for scoring.
Sentences are grouped a few per Doc (training is faster on longer Docs; sentence
starts are kept so the parser never attaches across them).
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from warta.eval.parser import read_conllu, to_doc

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1].parent / "shared" / "data"
TRAIN = [
    SHARED / "ud-indonesian-gsd" / "legacy-v2.0" / "id-ud-train.conllu",
    SHARED / "ud-indonesian-csui" / "id_csui-ud-train.conllu",
]
DEV = [SHARED / "ud-indonesian-gsd" / "legacy-v2.0" / "id-ud-dev.conllu"]


def build(paths, out: Path, per_doc: int = 8) -> int:
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


if __name__ == "__main__":
    corpus = HERE / "corpus"
    print("train", build(TRAIN, corpus / "train.spacy"))
    print("dev", build(DEV, corpus / "dev.spacy"))
