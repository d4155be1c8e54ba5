"""warta.fastops: the GEMM backend changes speed, never the annotations."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy
import spacy
from thinc.api import NumpyOps

from warta.fastops import preferred_ops, single_threaded_blas, use_fast_ops
from warta.tokenizer import blank

EXAMPLE = Path(__file__).parent / "data" / "zelenskyy-korea-utara.txt"


def _ner_entities(use_blis: bool) -> list[tuple[int, int, str]]:
    nlp = spacy.load(Path(str(resources.files("warta") / "models" / "ner")))
    ops = NumpyOps(use_blis=use_blis)
    for node in nlp.get_pipe("ner").model.walk():
        node.ops = ops
    tokens = blank()
    tokens.vocab.vectors = nlp.vocab.vectors     # the NER reads static vectors by the tokens' vocab
    doc = nlp.get_pipe("ner")(tokens.make_doc(EXAMPLE.read_text(encoding="utf-8")))
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_blis_and_numpy_gemm_give_the_same_entities():
    with_blis, with_numpy = _ner_entities(True), _ner_entities(False)
    assert len(with_blis) > 20
    assert with_blis == with_numpy


def test_numpy_gemm_handles_transposes_like_blis():
    rng = numpy.random.default_rng(1)
    x, y = rng.random((7, 5), dtype=numpy.float32), rng.random((3, 5), dtype=numpy.float32)
    a = NumpyOps(use_blis=True).gemm(x, y, trans2=True)
    b = NumpyOps(use_blis=False).gemm(x, y, trans2=True)
    numpy.testing.assert_allclose(a, b, rtol=1e-5)


def test_env_forces_the_backend(monkeypatch):
    preferred_ops.cache_clear()
    try:
        monkeypatch.setenv("WARTA_GEMM", "blis")
        assert preferred_ops().use_blis is True
        preferred_ops.cache_clear()
        monkeypatch.setenv("WARTA_GEMM", "numpy")
        assert preferred_ops().use_blis is False
    finally:
        preferred_ops.cache_clear()


def test_use_fast_ops_reaches_every_layer_and_blas_limit_runs():
    nlp = use_fast_ops(spacy.load(Path(str(resources.files("warta") / "models" / "ner"))))
    ops = preferred_ops()
    assert all(node.ops is ops for node in nlp.get_pipe("ner").model.walk())
    single_threaded_blas()
    from threadpoolctl import threadpool_info

    assert all(pool["num_threads"] == 1 for pool in threadpool_info())


def test_cached_floret_vectors_equal_the_plain_ones():
    """The shipped NER reads floret vectors; the per-process cache must not change a number."""
    from spacy.vectors import Mode

    from warta.fastops import CachedFloretVectors

    ner_nlp = spacy.load(Path(str(resources.files("warta") / "models" / "ner")))
    plain = ner_nlp.vocab.vectors
    assert plain.mode == Mode.floret and plain.shape[1] == 100
    cached = CachedFloretVectors(plain)
    words = EXAMPLE.read_text(encoding="utf-8").lower().split()[:400]
    keys = [plain.strings.add(w) for w in words]
    numpy.testing.assert_array_equal(cached.get_batch(keys), plain.get_batch(keys))
    numpy.testing.assert_array_equal(cached.get_batch(keys[::-1]), plain.get_batch(keys[::-1]))
    assert len(cached._cache) == len(set(keys))
