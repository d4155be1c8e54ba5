"""Sentence-boundary F1 on the UD Indonesian treebanks: warta's segmenter vs spaCy's sentencizer.

Each treebank file becomes one text: its sentences (``# text``) joined by a single space, so
the segmenter sees running text without line breaks. A boundary is the character offset where
a sentence starts (the first sentence excluded); P/R/F1 compare predicted and gold offsets.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TREEBANKS = {
    "GSD dev": "ud-indonesian-gsd/id_gsd-ud-dev.conllu",
    "GSD test": "ud-indonesian-gsd/id_gsd-ud-test.conllu",
    "CSUI test": "ud-indonesian-csui/id_csui-ud-test.conllu",
    "PUD test": "ud-indonesian-pud/id_pud-ud-test.conllu",
}
DOC_CHARS = 50_000  # texts are cut into documents of about this size (spaCy's max_length is 1M)


@dataclass
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def conllu_sentences(path: Path) -> list[str]:
    return [line[len("# text = "):].strip() for line in open(path, encoding="utf-8") if line.startswith("# text = ")]


def documents(sentences: list[str]) -> list[tuple[str, set[int]]]:
    """Group sentences into texts of ~DOC_CHARS; return (text, gold boundary offsets)."""
    docs, parts, bounds, size = [], [], set(), 0
    for sent in sentences:
        if parts:
            bounds.add(size + 1)
            size += 1
        parts.append(sent)
        size += len(sent)
        if size >= DOC_CHARS:
            docs.append((" ".join(parts), bounds))
            parts, bounds, size = [], set(), 0
    if parts:
        docs.append((" ".join(parts), bounds))
    return docs


def score(nlp, docs: list[tuple[str, set[int]]]) -> PRF:
    tp = fp = fn = 0
    for doc, (_, gold) in zip(nlp.pipe(text for text, _ in docs), docs):
        pred = {s.start_char for s in doc.sents if s.start_char > 0}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return PRF(tp, fp, fn)


def segmenters():
    import spacy

    from warta.pipeline import load

    warta_nlp = load(exclude=("ner", "warta_gazetteer", "warta_entities", "warta_times", "warta_places",
                              "warta_quotes", "warta_events", "warta_tone"))
    plain = spacy.blank("id")
    plain.add_pipe("sentencizer")
    return {"warta_sentences": warta_nlp, "spaCy sentencizer": plain}


def evaluate(shared: Path) -> dict[str, dict[str, PRF]]:
    results: dict[str, dict[str, PRF]] = {}
    nlps = segmenters()
    for name, rel in TREEBANKS.items():
        path = shared / "data" / rel
        if not path.exists():
            continue
        docs = documents(conllu_sentences(path))
        results[name] = {seg: score(nlp, docs) for seg, nlp in nlps.items()}
    return results


def to_markdown(results: dict[str, dict[str, PRF]]) -> str:
    lines = ["| treebank | segmenter | P | R | F1 |", "|---|---|---|---|---|"]
    for bank, by_seg in results.items():
        for seg, prf in by_seg.items():
            lines.append(f"| {bank} | {seg} | {prf.precision:.3f} | {prf.recall:.3f} | {prf.f1:.3f} |")
    return "\n".join(lines)


def main(shared: Path, out: Path | None = None) -> str:
    if not (shared / "data").exists():
        raise SystemExit(f"warta: error: {shared}/data not found (the UD treebanks live there)")
    table = to_markdown(evaluate(shared))
    print(table)
    if out:
        out.write_text(table + "\n", encoding="utf-8")
    return table
