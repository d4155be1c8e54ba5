"""Compare the events code of an older commit with the working tree, everything else unchanged.

The older ``components/events.py`` and its ``lang/event*`` files are taken with ``git show`` into a
temporary directory and loaded as a separate module, so both versions run on the same Docs:

* ``score``: the working-tree pipeline with the old events module swapped in, scored on the given
  splits (isolates what the events changes did from what other stages changed);
* ``speed``: CPU time of ``extract_events`` per article, old and new alternating in one process,
  over IndoSum articles already through the other stages (lazy parses included).

    OMP_NUM_THREADS=1 python training/events/ab_frozen.py --commit d9ccf3a score dev dev2 dev3 test2
    OMP_NUM_THREADS=1 python training/events/ab_frozen.py --commit d9ccf3a speed --limit 500 --rounds 6
"""
import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def old_module(commit: str, tmp: Path):
    lang = tmp / "lang"
    lang.mkdir()
    names = subprocess.run(["git", "ls-tree", "--name-only", commit, "src/warta/lang/"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    for n in names:
        if Path(n).name.startswith("event"):
            (lang / Path(n).name).write_bytes(subprocess.run(["git", "show", f"{commit}:{n}"], cwd=ROOT,
                                                             capture_output=True, check=True).stdout)
    # the other language files the events module reads (roles.tsv ...) belong to other stages: the
    # working tree's, as the rest of the pipeline (issue 10: without them the old module ran with no
    # role words, which lowered test2 and dev3 and was misread in issue 9 as other stages' changes)
    for f in (ROOT / "src/warta/lang").iterdir():
        if f.is_file() and not f.name.startswith("event"):
            (lang / f.name).write_bytes(f.read_bytes())
    src = subprocess.run(["git", "show", f"{commit}:src/warta/components/events.py"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    # "from warta.lang import LANG_DIR[, other names]": keep the other names, point LANG_DIR at the old files
    src = re.sub(r"^from warta\.lang import LANG_DIR(?:, *([\w, ]+))?$",
                 lambda m: (f"from warta.lang import {m.group(1)}\n" if m.group(1) else "")
                 + f"LANG_DIR = Path({str(lang)!r})", src, count=1, flags=re.M)
    src = src.replace('@Language.factory("warta_events"', '@Language.factory("warta_events_old"')
    # issue 12: the old code's own learned-confidence model (weights and default threshold), so "before" is
    # that commit's default output; before, the old module found no model and kept every event
    model = subprocess.run(["git", "show", f"{commit}:src/warta/models/events_confidence.json"], cwd=ROOT,
                           capture_output=True)
    if model.returncode == 0:
        (tmp / "events_confidence.json").write_bytes(model.stdout)
        src = re.sub(r"^CONFIDENCE_MODEL = .*$", f"CONFIDENCE_MODEL = Path({str(tmp / 'events_confidence.json')!r})",
                     src, count=1, flags=re.M)
    path = tmp / "events_old.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("events_old", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["events_old"] = mod
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--commit", default="d9ccf3a")
    ap.add_argument("what", choices=["score", "speed"])
    ap.add_argument("splits", nargs="*")
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    import warta.components.events as cur
    from warta.pipeline import load, prepare_doc
    with tempfile.TemporaryDirectory() as tmp:
        old = old_module(args.commit, Path(tmp))
        nlp = load()
        if args.what == "score":
            from warta.eval.events import evaluate, load_gold
            nlp.get_pipe("warta_events").lexicon = old.load_lexicon()
            cur.extract_events = old.extract_events    # the component calls the module-level function
            for s in args.splits:
                r = evaluate(nlp, load_gold(None, s))
                t, y = r["triples"], r["type"]
                print(f"{s} (events code of {args.commit}): triples P {t['p']:.3f} R {t['r']:.3f} F1 {t['f1']:.3f} "
                      f"(tp {t['tp']} pred {t['pred']} gold {t['gold']}) | type F1 {y['f1']:.3f} | "
                      f"status {r['status_accuracy']:.3f} on {r['status_matched']}")
            return
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_extract import indosum_articles
        parser = nlp.get_pipe("warta_events").parser
        docs = []
        with nlp.select_pipes(disable=["warta_events", "warta_tone"]):
            for a in indosum_articles(args.shared, args.limit):
                docs.append(nlp(prepare_doc(nlp, a["text"], published=a["published"])))
        runs = {"old": (old, old.load_lexicon(), []), "new": (cur, cur.load_lexicon(), [])}
        for name, (mod, lex, _t) in runs.items():   # sentences parsed lazily (the costly part), counted once
            n_parsed, orig = [0], mod._lazy_parse

            def counting(doc, spans, parser, _orig=orig, _n=n_parsed):
                _n[0] += len(spans)
                return _orig(doc, spans, parser)
            mod._lazy_parse = counting
            for d in docs:
                mod.extract_events(d, lex, parser, use_doc_parse=False)
            mod._lazy_parse = orig
            print(f"{name}: {n_parsed[0]} sentences parsed lazily over {len(docs)} articles", flush=True)
        for rnd in range(args.rounds):
            for name in (("old", "new") if rnd % 2 == 0 else ("new", "old")):
                mod, lex, times = runs[name]
                t0, n = time.process_time(), 0
                for d in docs:
                    n += len(mod.extract_events(d, lex, parser, use_doc_parse=False))
                times.append((time.process_time() - t0) / len(docs) * 1000)
                print(f"round {rnd} {name}: {times[-1]:.2f} ms/article, {n} events", flush=True)
        for name, (_, _, times) in runs.items():
            print(f"{name} ({args.commit if name == 'old' else 'working tree'}): mean {sum(times) / len(times):.2f} "
                  f"ms, min {min(times):.2f} ms over {len(docs)} articles")


if __name__ == "__main__":
    main()
