"""Load the shipped spaCy models with the faster of two CPU matrix multiplications.

thinc multiplies with BLIS by default. On the AVX-512 machines warta is built on, numpy's
OpenBLAS runs the same float32 GEMM about 2.8x faster (measured in ``bench/bench_ner.py``), and
the tok2vec layers of the NER and the parser are almost all GEMM. The choice changes speed only:
both compute the same product (same entities on IndoSum). ``WARTA_GEMM=blis|numpy`` forces one;
the default times both once per process on a tok2vec-sized product and keeps the faster.
"""
from __future__ import annotations

import os
import time
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.vectors import BaseVectors, Mode, Vectors
from thinc.api import NumpyOps

__all__ = ["load_model", "use_fast_ops", "preferred_ops", "single_threaded_blas", "CachedFloretVectors"]


def _time_gemm(ops: NumpyOps, a: numpy.ndarray, b: numpy.ndarray, repeat: int = 3) -> float:
    ops.gemm(a, b)  # warm
    t0 = time.perf_counter()
    for _ in range(repeat):
        ops.gemm(a, b)
    return time.perf_counter() - t0


def single_threaded_blas() -> None:
    """Limit BLAS to one thread in this process (batch and Spark workers run one per core).

    ``OMP_NUM_THREADS`` is read when the BLAS library loads, which in a spawned worker has
    already happened by the time its initializer runs; threadpoolctl changes it live.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)


@lru_cache(maxsize=1)
def preferred_ops() -> NumpyOps:
    """NumpyOps with BLIS or with numpy's BLAS, whichever multiplies faster here."""
    choice = os.environ.get("WARTA_GEMM", "auto").lower()
    blis_ops, numpy_ops = NumpyOps(use_blis=True), NumpyOps(use_blis=False)
    if choice == "blis":
        return blis_ops
    if choice == "numpy":
        return numpy_ops
    rng = numpy.random.default_rng(0)
    a = rng.random((2048, 288), dtype=numpy.float32)
    b = rng.random((288, 288), dtype=numpy.float32)
    return numpy_ops if _time_gemm(numpy_ops, a, b) < _time_gemm(blis_ops, a, b) else blis_ops


def use_fast_ops(nlp: Language) -> Language:
    """Point every layer of every trained component of ``nlp`` at :func:`preferred_ops`."""
    ops = preferred_ops()
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return nlp


def load_model(path: Path | str) -> Language:
    """``spacy.load`` of a shipped model, with the fast ops."""
    return use_fast_ops(spacy.load(path))


class CachedFloretVectors(BaseVectors):
    """Floret vectors that remember each word's vector once composed.

    A floret vector is the mean of the word's hashed character n-gram rows, composed anew for
    every token (~2 ms per article in the NER); news repeats its words, so a per-process cache
    makes the lookup nearly free with the same numbers. The cache is dropped when it holds
    ``max_words`` words, to bound memory (400 bytes per word at 100 dimensions).
    """

    def __init__(self, vectors: Vectors, max_words: int = 200_000):
        super().__init__(strings=vectors.strings)
        self.vectors = vectors
        self.strings = vectors.strings
        self.attr = vectors.attr
        self.name = vectors.name
        self.max_words = max_words
        self._cache: dict[int, numpy.ndarray] = {}

    def get_batch(self, keys) -> numpy.ndarray:
        keys = numpy.asarray(keys, dtype="uint64").tolist()
        cache = self._cache
        missing = list({k for k in keys if k not in cache})
        if missing:
            if self.vectors.strings is not self.strings:    # a Vocab adopting us sets .strings
                self.vectors.strings = self.strings
            if len(cache) + len(missing) > self.max_words:
                cache.clear()
                missing = list(set(keys))
            for key, row in zip(missing, self.vectors.get_batch(missing)):
                cache[key] = row
        if not keys:
            return numpy.zeros((0, self.vectors.shape[1]), dtype="float32")
        return numpy.vstack([cache[k] for k in keys])

    def __getitem__(self, key):
        return self.get_batch([key])[0]

    def __contains__(self, key) -> bool:
        return True     # floret composes a vector for any string

    def __len__(self) -> int:
        return len(self.vectors)

    def is_full(self) -> bool:
        return True

    @property
    def shape(self):
        return self.vectors.shape

    @property
    def vectors_length(self) -> int:
        return self.vectors.shape[1]

    @property
    def size(self) -> int:
        return self.vectors.size

    # spaCy also reads, compares and saves a vocab's vectors (meta, sourcing, nlp.to_disk):
    # everything else is the wrapped table's
    def __getattr__(self, name):
        if name == "vectors":
            raise AttributeError(name)
        return getattr(self.vectors, name)

    def __eq__(self, other) -> bool:
        return self.vectors == getattr(other, "vectors", other)

    def to_bytes(self, **kwargs):
        return self.vectors.to_bytes(**kwargs)

    def to_disk(self, path, **kwargs):
        return self.vectors.to_disk(path, **kwargs)


def fast_vectors(vectors):
    """The vectors a pipeline should read: floret ones wrapped in the cache, others as they are."""
    if isinstance(vectors, Vectors) and vectors.mode == Mode.floret:
        return CachedFloretVectors(vectors)
    return vectors
