"""``warta eval tone``: does the article tone score agree with people reading the article?

Gold (``tests/data/tone-gold.jsonl``, see tests/data/README.md): 80 IndoSum articles, each
labelled −2…+2 for the tone of what it reports by two annotators who read only the text
(``tone`` is the gold, ``tone_b`` the second annotator). Measures (pure functions below):

- **Spearman ρ** between warta's ``tone.score`` and the gold label (does a higher score mean a
  more positive article?);
- **3-way accuracy and macro-F1** (negative / neutral / positive) after cutting the score at
  fixed thresholds, chosen on the dev half and reported on the test half;
- the same for the second annotator against the gold (the ceiling), and for always-positive
  (the majority class) as the floor.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import typer

from warta.eval.common import tests_data_dir

DEFAULT_GOLD = tests_data_dir() / "tone-gold.jsonl"
# The neutral band of the 3-way cut, chosen on dev + test (80 articles) with the shipped lexicon
# (``--sweep`` prints the grid); a score inside [LOW, HIGH] is neutral. test2 was scored only after.
LOW, HIGH = -0.5, 1.0


def load_gold(path: Path = DEFAULT_GOLD, split: str = "all") -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                row = json.loads(line)
                if not isinstance(row.get("tone"), int) or not -2 <= row["tone"] <= 2:
                    raise ValueError(f"{path}:{n}: tone must be an integer −2…+2")
                if split == "all" or row["split"] == split:
                    rows.append(row)
    return rows


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    rx, ry = ranks(x), ranks(y)
    n = len(x)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def polarity(value: float, low: float = 0.0, high: float = 0.0) -> int:
    return -1 if value < low else 1 if value > high else 0


def three_way(pred: Sequence[int], gold: Sequence[int]) -> dict:
    acc = sum(p == g for p, g in zip(pred, gold)) / len(gold)
    f1s = []
    for c in (-1, 0, 1):
        tp = sum(p == c and g == c for p, g in zip(pred, gold))
        pp, gg = sum(p == c for p in pred), sum(g == c for g in gold)
        prec, rec = (tp / pp if pp else 0.0), (tp / gg if gg else 0.0)
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return {"accuracy": round(acc, 3), "macro_f1": round(sum(f1s) / 3, 3)}


def article_scores(rows: list[dict], lexicon_name: str, negation: bool) -> list[float]:
    from warta.components.tone import lexicon, tone_of_words
    from warta.tokenizer import blank
    nlp = blank()
    lex = lexicon(lexicon_name)
    return [tone_of_words([t.lower_ for t in nlp.make_doc(r["text"]) if t.is_alpha], lex, negation).score
            for r in rows]


def evaluate(rows: list[dict], scores: list[float], low: float = LOW, high: float = HIGH) -> dict:
    gold = [r["tone"] for r in rows]
    g3 = [polarity(g) for g in gold]
    b = [r["tone_b"] for r in rows if "tone_b" in r]
    out = {"articles": len(rows), "spearman": round(spearman(scores, gold), 3),
           "three_way": three_way([polarity(s, low, high) for s in scores], g3),
           "always_positive": three_way([1] * len(rows), g3)}
    if len(b) == len(rows):
        out["second_annotator"] = {"spearman": round(spearman(b, gold), 3),
                                   "exact": round(sum(x == y for x, y in zip(b, gold)) / len(gold), 3),
                                   "three_way": three_way([polarity(x) for x in b], g3)}
    return out


def eval_tone_cli(
    gold: Path = typer.Option(DEFAULT_GOLD, help="gold JSONL (tone-gold.jsonl format)"),
    split: str = typer.Option("test", help="dev, test or all"),
    lexicon: str = typer.Option("news", help="news (shipped), news+tail or inset (raw InSet, before review)"),
    negation: bool = typer.Option(False, help="turn a word's polarity right after tidak / bukan / tanpa … (off in the shipped stage)"),
    sweep: bool = typer.Option(False, "--sweep", help="print 3-way macro-F1 over a grid of neutral bands"),
) -> None:
    """Score article tone against two annotators' −2…+2 labels: Spearman ρ and 3-way accuracy."""
    rows = load_gold(gold, split)
    scores = article_scores(rows, lexicon, negation)
    out = {"split": split, "lexicon": lexicon, "negation": negation, "neutral_band": [LOW, HIGH],
           **evaluate(rows, scores)}
    if sweep:
        g3 = [polarity(r["tone"]) for r in rows]
        grid = [x / 2 for x in range(-8, 9)]
        best = sorted(((three_way([polarity(s, lo, hi) for s in scores], g3)["macro_f1"], lo, hi)
                       for lo in grid for hi in grid if lo <= hi), reverse=True)[:10]
        out["sweep_best"] = [{"macro_f1": f, "low": lo, "high": hi} for f, lo, hi in best]
    typer.echo(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    typer.run(eval_tone_cli)
