"""The shipped syntax model and its UD scorer, on the PUD sample in tests/data (no ../shared needed)."""
from __future__ import annotations

import pytest
import spacy

from warta.components.events import SYNTAX_MODEL, add_syntax
from warta.eval.parser import map_deprel, read_conllu, score


def test_multiword_tokens_are_merged_into_surface_tokens(data_dir):
    sents = list(read_conllu(data_dir / "ud-sentences-sample.conllu"))
    assert len(sents) == 120
    for s in sents:
        assert len(s.words) == len(s.heads) == len(s.deps) == len(s.pos)
        assert sum(1 for k, h in enumerate(s.heads) if h == k) == 1          # one root
        assert "".join(w + (" " if sp else "") for w, sp in zip(s.words, s.spaces)).strip() == s.text.strip()


def test_relation_mapping_keeps_training_subtypes():
    assert map_deprel("nsubj:pass") == "nsubj:pass"
    assert map_deprel("flat:name") == "flat"
    assert map_deprel("obl:agent") == "obl"


@pytest.fixture(scope="module")
def syntax():
    if not (SYNTAX_MODEL / "meta.json").exists():
        pytest.skip("syntax model not built")
    return spacy.load(SYNTAX_MODEL)


def test_model_is_small_and_self_contained(syntax):
    size = sum(f.stat().st_size for f in SYNTAX_MODEL.rglob("*") if f.is_file())
    assert size < 20 * 2**20
    assert syntax.pipe_names == ["syntax_tok2vec", "morphologizer", "parser"]


def test_parses_pud_sample_well_above_chance(syntax, data_dir):
    from warta.eval.parser import to_doc

    sents = list(read_conllu(data_dir / "ud-sentences-sample.conllu"))
    docs = list(syntax.pipe(to_doc(syntax.vocab, s, annotate=False) for s in sents))
    res = score(sents, [([t.pos_ for t in d], [t.head.i for t in d],
                         ["ROOT" if t.head.i == t.i else t.dep_ for t in d]) for d in docs])
    assert res["upos"] > 0.8 and res["uas"] > 0.7 and res["las"] > 0.5


def test_add_syntax_sources_the_parser_after_sentences(syntax):
    from warta.pipeline import load

    nlp = load()
    added = add_syntax(nlp)
    assert added == ["syntax_tok2vec", "morphologizer", "parser"]
    names = nlp.pipe_names
    assert names.index("parser") == names.index("warta_sentences") + 3
    doc = nlp("Presiden Ukraina menuduh Korea Utara mengirimkan senjata ke Rusia.")
    root = [t for t in doc if t.dep_ == "ROOT"]
    assert len(root) == 1 and doc[2].pos_ == "VERB"
