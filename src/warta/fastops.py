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
from thinc.api import NumpyOps

__all__ = ["load_model", "use_fast_ops", "preferred_ops", "single_threaded_blas"]


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
