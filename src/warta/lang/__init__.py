"""Indonesian language resources, kept as data files beside this module.

Readers here only parse files; the algorithms that use them live in ``warta.components``.
Lines starting with ``#`` are comments; blank lines are ignored.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path

LANG_DIR = Path(str(resources.files(__name__)))


def _lines(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                yield line


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """One item per line from ``lang/<name>``."""
    return tuple(line.strip() for line in _lines(LANG_DIR / name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file in ``lang/`` (comment lines skipped, no header)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(LANG_DIR / name))


def weighted_lexicon(name: str) -> dict[str, float]:
    """A ``word<TAB>weight`` file with a header row (the InSet format); ``#`` comment lines first are skipped."""
    out: dict[str, float] = {}
    with open(LANG_DIR / name, encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            try:
                out[row["word"].strip().lower()] = float(row["weight"])
            except (KeyError, TypeError, ValueError):
                continue
    return out


@lru_cache(maxsize=1)
def _verb_prefixes() -> tuple[str, ...]:
    return tuple(word_list("verb_prefixes.txt"))


def verb_shaped(word: str) -> bool:
    """A lower-cased word of more than four letters with a verbal prefix (``verb_prefixes.txt``):
    "menunjuk", "dibantah", "bertemu". A shape test, not a dictionary one."""
    return len(word) > 4 and word.startswith(_verb_prefixes())
