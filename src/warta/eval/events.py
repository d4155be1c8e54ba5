"""`warta eval events`: coded events against the hand-checked gold (``tests/data/events-gold.jsonl``).

Three figures, all pure functions of (gold, predicted) so they can be tested on their own:

* **triples** – per article, the set of (source, type, target) triples, gold against predicted,
  matched one-to-one. Actors match when their names share a content word (the predicted actor's
  name or any mention of its entity), or when both carry the same foreign country code (a
  country's leader or ministry acts for it, as in CAMEO country-level coding). Indonesian actors
  all share IDN, so they must match by name. A missing actor matches only a missing actor.
* **type** – event mentions: a predicted event matches a gold one of the same type whose trigger
  span overlaps it.
* **status** – accuracy over gold events whose trigger overlaps a predicted event of the same type.
  The "always asserted" baseline is printed beside it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from warta.eval.common import pfsa_articles, pfsa_source, pfsa_text, tests_data_dir
from warta.lang import word_list

__all__ = ["gold_files", "load_gold", "pfsa_articles", "pfsa_text", "actor_names", "actors_match", "score_article", "evaluate", "eval_events_cli"]

DEFAULT_GOLD = tests_data_dir() / "events-gold.jsonl"
_WORD = re.compile(r"[\w-]+", re.UNICODE)


def _stop() -> frozenset[str]:
    return frozenset(word_list("event_eval_stopwords.txt"))


PFSA_GOLD_DIR = tests_data_dir() / "pfsa-events"


def gold_files() -> list[Path]:
    """The shipped gold: ``events-gold.jsonl`` (dev/test) and later held-out sets such as
    ``events-gold-test2.jsonl`` (split ``test2``), so ``--split test2`` needs no path; plus the
    PFSA-ID sets (``pfsa-events/events-gold-test7.jsonl`` ...), which hold no article text."""
    return sorted(DEFAULT_GOLD.parent.glob("events-gold*.jsonl")) + sorted(PFSA_GOLD_DIR.glob("events-gold*.jsonl"))


def load_gold(path: str | Path | None = DEFAULT_GOLD, split: Optional[str] = None) -> list[dict]:
    """Gold articles of one split (``None``/"all": every split) from ``path``, or from every
    shipped gold file when ``path`` is None. PFSA-ID rows carry no text: it is rebuilt from
    ../shared (a split made of them needs ../shared; "all" skips them when it is absent)."""
    paths = gold_files() if path is None else [Path(path)]
    rows = [json.loads(l) for p in paths for l in open(p, encoding="utf-8") if l.strip()]
    rows = [r for r in rows if split in (None, "all") or r.get("split") == split]
    if any("text" not in r and str(r.get("source", "")).startswith("pfsa") for r in rows):
        if split in (None, "all") and not pfsa_source().exists():
            rows = [r for r in rows if "text" in r]
        for r in rows:
            if "text" not in r and str(r.get("source", "")).startswith("pfsa"):
                r["text"] = pfsa_text(r["id"])
    for r in rows:
        for k in ("id", "text", "events"):
            if k not in r:
                raise ValueError(f"gold article without {k!r}: {r.get('id')}")
    return rows


def _tokens(name: str) -> set[str]:
    """Content words of a name; a name made only of title/role words keeps them ("tentara")."""
    stop = _stop()
    words = [m.group(0).lower() for m in _WORD.finditer(name or "")]
    content = {w for w in words if w not in stop and len(w) > 1}
    return content or {w for w in words if len(w) > 1}


@dataclass(frozen=True)
class A:
    names: frozenset[str]
    country: Optional[str]


def actor_names(actor: Optional[dict], entity_mentions: dict[str, list[str]] | None = None) -> Optional[A]:
    if actor is None:
        return None
    names = set(_tokens(actor.get("text", "")))
    ent = actor.get("entity")
    if ent and entity_mentions and ent in entity_mentions:
        for m in entity_mentions[ent]:
            names |= _tokens(m)
    return A(frozenset(names), actor.get("country"))


def actors_match(g: Optional[A], p: Optional[A]) -> bool:
    if g is None or p is None:
        return g is None and p is None
    if g.names & p.names:
        return True
    return bool(g.country and p.country and g.country == p.country and g.country != "IDN")


def _triples(events: Iterable[dict], ments) -> list[tuple]:
    seen, out = set(), []
    for e in events:
        s, t = actor_names(e.get("source"), ments), actor_names(e.get("target"), ments)
        key = (e["type"], s, t)
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def match_triples(gold: list[tuple], pred: list[tuple]) -> dict[int, int]:
    """Greedy one-to-one matching, gold index -> predicted index (same type, both actors matching)."""
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for k, p in enumerate(pred):
            if k in used or p[0] != g[0]:
                continue
            if actors_match(g[1], p[1]) and actors_match(g[2], p[2]):
                used.add(k)
                pairs[gi] = k
                break
    return pairs


def _match(gold: list[tuple], pred: list[tuple]) -> int:
    return len(match_triples(gold, pred))


def predict_article(nlp, art: dict) -> tuple[list[dict], dict[str, list[str]]]:
    """warta's events of a gold article as dicts, and each entity's mention texts (for actor matching)."""
    from warta.pipeline import prepare_doc

    doc = nlp(prepare_doc(nlp, art["text"], published=art.get("published")))
    preds = [e.model_dump(mode="json") for e in (doc._.events or [])]
    ments = {e.id: [m.text or "" for m in e.mentions] + [e.name] for e in (doc._.entities or [])}
    return preds, ments


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def score_article(gold_events: list[dict], pred_events: list[dict], ments=None) -> dict:
    gt, pt = _triples(gold_events, None), _triples(pred_events, ments)
    tp = _match(gt, pt)
    # mentions: type + overlapping trigger
    used = set()
    type_tp = 0
    status_n = status_ok = asserted_ok = 0
    for g in gold_events:
        for k, p in enumerate(pred_events):
            if k in used or p["type"] != g["type"] or not _overlap(g["trigger"], p["trigger"]):
                continue
            used.add(k)
            type_tp += 1
            status_n += 1
            status_ok += p.get("status", "asserted") == g.get("status", "asserted")
            asserted_ok += g.get("status", "asserted") == "asserted"
            break
    return {"triple_tp": tp, "triple_gold": len(gt), "triple_pred": len(pt),
            "type_tp": type_tp, "type_gold": len(gold_events), "type_pred": len(pred_events),
            "status_n": status_n, "status_ok": status_ok, "status_asserted_ok": asserted_ok}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "pred": n_pred, "gold": n_gold}


def evaluate(nlp, gold: list[dict]) -> dict:
    tot: dict[str, int] = {}
    per_type: dict[str, list[int]] = {}
    for art in gold:
        preds, ments = predict_article(nlp, art)
        s = score_article(art["events"], preds, ments)
        for k, v in s.items():
            tot[k] = tot.get(k, 0) + v
        for t in {e["type"] for e in art["events"]} | {e["type"] for e in preds}:
            g = [e for e in art["events"] if e["type"] == t]
            p = [e for e in preds if e["type"] == t]
            st = score_article(g, p, ments)
            acc = per_type.setdefault(t, [0, 0, 0])
            acc[0] += st["triple_tp"]
            acc[1] += st["triple_pred"]
            acc[2] += st["triple_gold"]
    return {
        "articles": len(gold),
        "triples": _prf(tot.get("triple_tp", 0), tot.get("triple_pred", 0), tot.get("triple_gold", 0)),
        "type": _prf(tot.get("type_tp", 0), tot.get("type_pred", 0), tot.get("type_gold", 0)),
        "status_accuracy": tot["status_ok"] / tot["status_n"] if tot.get("status_n") else 0.0,
        "status_matched": tot.get("status_n", 0),
        "status_baseline_all_asserted": tot["status_asserted_ok"] / tot["status_n"] if tot.get("status_n") else 0.0,
        "per_type_triples": {t: _prf(*v) for t, v in sorted(per_type.items())},
    }


def eval_events_cli(data: Optional[Path] = None, split: str = "test", syntax: bool = False,
                    as_json: bool = False):
    """Score warta's events on the gold (default: the test half of tests/data/events-gold.jsonl).
    --split names any split of tests/data/events-gold*.jsonl: dev, test, dev2, dev3, test2, test3,
    test4, test5 (IndoSum held out in issue 10), test6 (NTREX, translated from English, issue 10),
    test7 and test8 (PFSA-ID Kompas articles, issue 11), test9 and test10 (PFSA-ID, issue 12; CC BY-NC-SA,
    text rebuilt from ../shared).
    --syntax sources the shipped tagger/parser into the pipeline if warta.load() lacks it."""
    from warta.components.events import add_syntax
    from warta.pipeline import load

    gold = load_gold(data, split)
    nlp = load()
    if syntax:
        add_syntax(nlp)
    res = evaluate(nlp, gold)
    if as_json:
        print(json.dumps(res, indent=2))
        return res
    t, y = res["triples"], res["type"]
    print(f"articles={res['articles']} split={split} pipeline={'+'.join(nlp.pipe_names)}")
    print(f"triples (source,type,target): P={t['p']:.3f} R={t['r']:.3f} F1={t['f1']:.3f}  (tp={t['tp']} pred={t['pred']} gold={t['gold']})")
    print(f"type (trigger overlap):       P={y['p']:.3f} R={y['r']:.3f} F1={y['f1']:.3f}  (tp={y['tp']} pred={y['pred']} gold={y['gold']})")
    print(f"status accuracy: {res['status_accuracy']:.3f} on {res['status_matched']} matched events "
          f"(always-asserted baseline {res['status_baseline_all_asserted']:.3f})")
    for typ, v in res["per_type_triples"].items():
        print(f"  {typ:10s} triples P={v['p']:.2f} R={v['r']:.2f} F1={v['f1']:.2f} (gold {v['gold']}, pred {v['pred']})")
    return res


if __name__ == "__main__":
    import sys

    eval_events_cli(split=sys.argv[1] if len(sys.argv) > 1 else "test")
