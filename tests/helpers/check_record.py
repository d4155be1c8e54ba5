#!/usr/bin/env python3
"""Check records printed by `warta extract` against shared/schema/article.schema.json.

usage: warta extract ARTICLE --published DATE | python3 check_record.py
       python3 check_record.py records.jsonl

Checks the schema (with the `jsonschema` package when it is installed, else the required
fields), then invariants the schema cannot express: every span's text equals
text[start:end], ids are unique, and every reference (quote speaker, event actor entity,
event place, event quote, claimed_by) points at an existing id. Exit 1 on any problem.
"""
import json, os, sys

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "article.schema.json")


def spans(rec):
    """Yield (where, span) for every object with start/end offsets."""
    for i, s in enumerate(rec.get("sentences") or []):
        yield f"sentences[{i}]", s
    for e in rec.get("entities") or []:
        for j, m in enumerate(e.get("mentions") or []):
            yield f"entity {e.get('id')} mention {j}", m
    for q in rec.get("quotes") or []:
        yield f"quote {q.get('id')}", q
        for k in ("cue", "speaker_mention"):
            if q.get(k):
                yield f"quote {q.get('id')} {k}", q[k]
    for v in rec.get("events") or []:
        if v.get("trigger"):
            yield f"event {v.get('id')} trigger", v["trigger"]
    for t in rec.get("times") or []:
        yield f"time {t.get('id')}", t
    for p in rec.get("places") or []:
        yield f"place {p.get('id')}", p


def problems(rec, validator):
    out = []
    if validator is not None:
        out += [f"schema: {'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(rec)][:20]
    else:
        for k in json.load(open(SCHEMA))["required"]:
            if k not in rec:
                out.append(f"schema: missing field {k}")
    text = rec.get("text") or ""
    for where, s in spans(rec):
        a, b = s.get("start"), s.get("end")
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a <= b <= len(text)):
            out.append(f"{where}: bad offsets {a}..{b}")
        elif "text" in s and s["text"] != text[a:b]:
            out.append(f"{where}: text {s['text']!r} != text[{a}:{b}] {text[a:b]!r}")
    ids = {}
    for kind in ("entities", "quotes", "events", "times", "places"):
        for x in rec.get(kind) or []:
            if "id" in x:
                if x["id"] in ids:
                    out.append(f"duplicate id {x['id']}")
                ids[x["id"]] = kind
    def ref(where, value, kind):
        if value is not None and ids.get(value) != kind:
            out.append(f"{where}: {value!r} is not an id in {kind}")
    for q in rec.get("quotes") or []:
        ref(f"quote {q.get('id')} speaker", q.get("speaker"), "entities")
    for v in rec.get("events") or []:
        for side in ("source", "target"):
            if v.get(side):
                ref(f"event {v.get('id')} {side}.entity", v[side].get("entity"), "entities")
        ref(f"event {v.get('id')} place", v.get("place"), "places")
        ref(f"event {v.get('id')} quote", v.get("quote"), "quotes")
        ref(f"event {v.get('id')} claimed_by", v.get("claimed_by"), "entities")
    return out


def main():
    try:
        import jsonschema
        validator = jsonschema.Draft202012Validator(json.load(open(SCHEMA)))
    except ImportError:
        validator = None
    data = open(sys.argv[1]).read() if len(sys.argv) > 1 else sys.stdin.read()
    data = data.strip()
    records = [json.loads(data)] if data.startswith("{") and "\n{" not in data else [json.loads(l) for l in data.splitlines() if l.strip()]
    bad = 0
    for n, rec in enumerate(records):
        for p in problems(rec, validator):
            bad += 1
            print(f"record {n} ({rec.get('id')}): {p}")
    how = "jsonschema" if validator else "required fields only (pip install jsonschema for the full check)"
    print(f"{len(records)} record(s), {bad} problem(s); schema checked with {how}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
