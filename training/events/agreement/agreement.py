"""Inter-annotator agreement on event triples: a second, independent annotation of 17 gold
articles (7 of test2, all 10 of dev3) scored against the first with warta's own event scorer
(`warta.eval.events.score_article`, the first annotation as gold). It measures how far two
careful readers agree under the same guidelines, i.e. the ceiling any coder can be held to.

    python training/events/agreement/agreement.py
"""
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from warta.eval.events import _prf, load_gold, score_article  # noqa: E402

SECOND = {"second-test2.txt": "articles-test2.jsonl", "second-dev3.txt": "articles-dev3.jsonl"}


def build(gold_txt: Path, articles: str) -> list[dict]:
    """The second annotation in the record form, through the same builder as the gold."""
    import build_gold

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "second.jsonl"
        argv, sys.argv = sys.argv, ["build_gold.py", "--gold", str(gold_txt), "--articles", articles, "--out", str(out)]
        try:
            build_gold.main()
        finally:
            sys.argv = argv
        return [json.loads(line) for line in out.open(encoding="utf-8")]


def main() -> None:
    first = {r["id"]: r for r in load_gold(None, None)}
    rows = []
    for name, articles in SECOND.items():
        second = build(HERE / name, articles)
        tot: dict[str, int] = {}
        for art in second:
            s = score_article(first[art["id"]]["events"], art["events"])
            for k, v in s.items():
                tot[k] = tot.get(k, 0) + v
        rows.append((name, len(second), tot))
    grand: dict[str, int] = {}
    for name, n, tot in rows + [("all", sum(n for _, n, _ in rows), None)]:
        if tot is None:
            tot = grand
        else:
            for k, v in tot.items():
                grand[k] = grand.get(k, 0) + v
        tr = _prf(tot["triple_tp"], tot["triple_pred"], tot["triple_gold"])
        ty = _prf(tot["type_tp"], tot["type_pred"], tot["type_gold"])
        print(f"{name:18s} articles {n:2d}  triples P {tr['p']:.3f} R {tr['r']:.3f} F1 {tr['f1']:.3f} "
              f"({tr['tp']}/{tr['pred']}/{tr['gold']})  type F1 {ty['f1']:.3f}  "
              f"status {tot['status_ok']}/{tot['status_n']}")


if __name__ == "__main__":
    main()
