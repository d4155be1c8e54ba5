"""``warta eval coref``: pronoun resolution accuracy and linking precision against warta's own gold.

Gold (``tests/data/coref-gold.jsonl``, one article per line): the article text, and for every
third-person pronoun / referential ``-nya`` the span of its antecedent (the nearest name
mention of the entity it refers to) or ``null`` when it refers to no named entity (plural
groups, generic "dia", ordinal "keduanya"). A pronoun is resolved correctly when warta puts it
in the same entity as the gold antecedent span, or leaves it unresolved when the gold is null.

``tests/data/coref-heldout.jsonl`` has the same format and was annotated after the resolver was
developed on the first file; it is reported separately as the honest figure.

Linking gold (``tests/data/link-gold.jsonl``): name spans with the expected Wikidata id,
country and actor code on the article's date; scored field by field on the entity warta
gives that span.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

from warta.eval.common import tests_data_dir
from warta.lang import table

GOLD = tests_data_dir() / "coref-gold.jsonl"
LINK_GOLD = GOLD.with_name("link-gold.jsonl")
HELDOUT = GOLD.with_name("coref-heldout.jsonl")   # annotated after development; never tuned on


def load_gold(path: Path | str = GOLD) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["text"]
            for m in row.get("mentions", []):
                for span in (m, m.get("antecedent")):
                    if span and text[span["start"]:span["end"]] != span["text"]:
                        raise ValueError(f"{path}:{n}: span {span} does not match the text")
            rows.append(row)
    return rows


def _entity_of(entities, start: int, end: int, exact: bool = False) -> Optional[str]:
    """The entity owning a span: exact match first, then largest overlap, then shortest mention."""
    best, best_key = None, None
    for ent in entities:
        for m in ent.mentions:
            if exact and (m.start, m.end) != (start, end):
                continue
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            key = ((m.start, m.end) == (start, end), overlap, -(m.end - m.start))
            if best_key is None or key > best_key:
                best, best_key = ent.id, key
    return best


def score_coref(gold: list[dict], predicted: Iterable[list]) -> dict:
    """``predicted``: for each gold article, its list of :class:`warta.record.Entity`."""
    n = correct = ref = ref_correct = resolved = resolved_correct = null_ok = nulls = 0
    by_class: dict[str, list[int]] = {}
    for row, entities in zip(gold, predicted):
        for m in row["mentions"]:
            sys_ent = _entity_of(entities, m["start"], m["end"], exact=True)
            ante = m.get("antecedent")
            gold_ent = _entity_of(entities, ante["start"], ante["end"]) if ante else None
            if ante is None:
                ok = sys_ent is None
                nulls += 1
                null_ok += ok
            else:
                ok = sys_ent is not None and sys_ent == gold_ent
                ref += 1
                ref_correct += ok
            if sys_ent is not None:
                resolved += 1
                resolved_correct += ok
            n += 1
            correct += ok
            kind = _kind(m["text"])
            by_class.setdefault(kind, [0, 0])
            by_class[kind][0] += ok
            by_class[kind][1] += 1
    return {
        "mentions": n,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "referential": ref,
        "recall": round(ref_correct / ref, 4) if ref else 0.0,
        "precision": round(resolved_correct / resolved, 4) if resolved else 0.0,
        "resolved": resolved,
        "null_gold": nulls,
        "null_kept_unresolved": round(null_ok / nulls, 4) if nulls else 0.0,
        "by_form": {k: {"accuracy": round(v[0] / v[1], 4), "n": v[1]} for k, v in sorted(by_class.items())},
    }


PRONOUN_FORMS = frozenset(row[0] for row in table("pronouns.tsv"))


def baseline_nearest_person(gold: list[dict], predicted: Iterable[list]) -> dict:
    """Trivial baseline on the same entities: every pronoun goes to the nearest preceding
    person name mention (no salience, no speaker rules, never unresolved)."""
    n = correct = 0
    for row, entities in zip(gold, predicted):
        names = sorted((m.end, e.id) for e in entities if e.type == "PER" for m in e.mentions
                       if m.text.lower() not in PRONOUN_FORMS and not m.text.lower().endswith("nya"))
        for m in row["mentions"]:
            before = [eid for end, eid in names if end <= m["start"]]
            guess = before[-1] if before else None
            ante = m.get("antecedent")
            gold_ent = _entity_of(entities, ante["start"], ante["end"]) if ante else None
            n += 1
            correct += (guess is None) if ante is None else (guess is not None and guess == gold_ent)
    return {"mentions": n, "accuracy": round(correct / n, 4) if n else 0.0}


def _kind(text: str) -> str:
    low = text.lower()
    if low in ("dia", "ia", "beliau", "dirinya"):
        return "dia/ia/beliau/dirinya"
    if low in ("mereka", "keduanya"):
        return "mereka/keduanya"
    if low == "pihaknya":
        return "pihaknya"
    return "-nya"


def score_links(gold: list[dict], predicted: Iterable[list]) -> dict:
    fields = ("wikidata", "country", "actor")
    counts = {f: [0, 0] for f in fields}
    per_type: dict[str, list[int]] = {}
    found = total = 0
    for row, entities in zip(gold, predicted):
        by_id = {e.id: e for e in entities}
        for item in row["links"]:
            total += 1
            eid = _entity_of(entities, item["start"], item["end"])
            ent = by_id.get(eid)
            found += ent is not None
            all_ok = True
            for f in fields:
                if f not in item:
                    continue
                ok = bool(ent is not None and getattr(ent, f) == item[f])
                counts[f][1] += 1
                counts[f][0] += ok
                all_ok &= ok
            t = per_type.setdefault(item.get("type", "?"), [0, 0])
            t[0] += all_ok
            t[1] += 1
    out = {"spans": total, "entity_found": round(found / total, 4) if total else 0.0}
    for f, (ok, n) in counts.items():
        out[f"{f}_accuracy"] = round(ok / n, 4) if n else None
        out[f"{f}_n"] = n
    out["all_fields_by_type"] = {k: {"accuracy": round(v[0] / v[1], 4), "n": v[1]} for k, v in sorted(per_type.items())}
    return out


def _run(rows: list[dict], nlp) -> list[list]:
    from warta.pipeline import prepare_doc

    docs = (prepare_doc(nlp, r["text"], published=r.get("published")) for r in rows)
    return [doc._.entities or [] for doc in nlp.pipe(docs)]


def evaluate(gold_path: Path | str = GOLD, link_path: Path | str | None = LINK_GOLD, nlp=None) -> dict:
    from warta.pipeline import load

    nlp = nlp or load()
    gold = load_gold(gold_path)
    predicted = _run(gold, nlp)
    result = {"coref": score_coref(gold, predicted), "gold": str(gold_path),
              "baseline_nearest_person": baseline_nearest_person(gold, predicted)}
    if Path(gold_path) == GOLD and HELDOUT.exists():
        held = load_gold(HELDOUT)
        held_pred = _run(held, nlp)
        result["coref_heldout"] = score_coref(held, held_pred)
        result["baseline_nearest_person_heldout"] = baseline_nearest_person(held, held_pred)
    if link_path and Path(link_path).exists():
        links = [json.loads(line) for line in open(link_path, encoding="utf-8") if line.strip()]
        result["linking"] = score_links(links, _run(links, nlp))
    return result


def eval_coref_cli(gold: Optional[Path] = None, links: Optional[Path] = None, no_ner: bool = False):
    """Pronoun resolution accuracy (tests/data/coref-gold.jsonl + held-out) and linking accuracy.

    --no-ner runs the pipeline without the trained NER (entities from the KB, gazetteer and
    Indonesian name patterns only)."""
    from warta.pipeline import load

    nlp = load(exclude=("ner",) if no_ner else ())
    result = evaluate(gold or GOLD, links or LINK_GOLD, nlp=nlp)
    result["pipeline"] = nlp.pipe_names
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    no_ner = "--no-ner" in args
    args = [a for a in args if a != "--no-ner"]
    eval_coref_cli(Path(args[0]) if args else None, Path(args[1]) if len(args) > 1 else None, no_ner=no_ner)
