"""Pretrain the NER's tok2vec on raw Indonesian text (issue 3, idea "spacy pretrain").

    OMP_NUM_THREADS=1 python training/ner/pretrain.py [--shared ../shared] [--epochs 4]

Writes ``training/ner/pretrain/raw.jsonl`` (the same raw paragraphs as ``vectors.py``: id-raw-text,
IndoSum, UD GSD/CSUI train; cased, as written) and runs ``spacy pretrain`` with the character
objective (predict each word's first and last 4 characters from its context) on the tok2vec of
``training/ner/config.cfg`` (moved into its own component). A NER run then starts from the weights
with ``--config training/ner/pretrain/config.cfg --set paths.init_tok2vec=training/ner/pretrain/out/model<N>.bin``
(that config's ``[pretraining]`` block tells spaCy which layer the weights belong to).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "training" / "ner" / "pretrain"
sys.path.insert(0, str(Path(__file__).resolve().parent))

PRETRAIN_BLOCK = """
[corpora.pretrain]
@readers = "spacy.JsonlCorpus.v1"
path = ${paths.raw_text}
min_length = 3
max_length = 400
limit = 0

[pretraining]
max_epochs = %(epochs)d
dropout = 0.2
n_save_every = null
n_save_epoch = null
component = "ner_tok2vec"
layer = ""
corpus = "corpora.pretrain"

[pretraining.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 3000
discard_oversize = false
tolerance = 0.2
get_length = null

[pretraining.objective]
@architectures = "spacy.PretrainCharacters.v1"
maxout_pieces = 3
hidden_size = 300
n_characters = 4

[pretraining.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 1e-08
learn_rate = 0.001
"""


def listener_config(path: Path) -> str:
    """The NER config with its tok2vec moved into a ``ner_tok2vec`` component the NER listens to:
    ``spacy pretrain`` can only pretrain a tok2vec that is a component (the one inside the parser
    model ends in a projection). Same layers and widths as the inline model."""
    from thinc.api import Config

    cfg = Config().from_disk(path, interpolate=False)
    t2v = cfg["components"]["ner"]["model"]["tok2vec"]
    width = cfg["components"]["ner"]["model"]["tok2vec"]["encode"]["width"]
    t2v["embed"]["width"] = "${components.ner_tok2vec.model.encode.width}"
    cfg["components"]["ner_tok2vec"] = {"factory": "tok2vec", "model": t2v}
    cfg["components"]["ner"]["model"]["tok2vec"] = {"@architectures": "spacy.Tok2VecListener.v1",
                                                     "width": width, "upstream": "ner_tok2vec"}
    cfg["nlp"]["pipeline"] = ["ner_tok2vec", "ner"]
    cfg["pretraining"] = {}
    return cfg.to_str()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--epochs", type=int, default=4)
    a = ap.parse_args()
    from vectors import raw_paragraphs

    OUT.mkdir(parents=True, exist_ok=True)
    raw = OUT / "raw.jsonl"
    n = 0
    with open(raw, "w", encoding="utf-8") as f:
        for para in raw_paragraphs(a.shared):
            f.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
            n += 1
    listener = listener_config(ROOT / "training" / "ner" / "config.cfg")
    cfg = OUT / "config.cfg"
    cfg.write_text(listener.replace("[pretraining]\n", "").replace("[paths]\n", "[paths]\nraw_text = null\n")
                   + PRETRAIN_BLOCK % {"epochs": a.epochs}, encoding="utf-8")
    print(f"{n} paragraphs -> {raw}")
    subprocess.run([sys.executable, "-m", "spacy", "init", "fill-config", str(cfg), str(cfg)], check=True)
    subprocess.run([sys.executable, "-m", "spacy", "pretrain", str(cfg), str(OUT / "out"),
                    "--paths.raw_text", str(raw), "--paths.train", "", "--paths.dev", ""], check=True)


if __name__ == "__main__":
    main()
