"""Times value accuracy and places within-50-km accuracy on every gold split in one process.

    OMP_NUM_THREADS=1 python tools/gold/all_splits.py [--errors SPLIT]

The same scoring as `warta eval times|places --split X` (it calls their ``evaluate``), printed as
one table (t_xF1: exact-span F1; p_50f: within 50 km of the found places) so a rule change can be checked against every split's figure in one run.
"""
from __future__ import annotations

import sys

from warta.eval import places as ep
from warta.eval import times as et

SPLITS = ("dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11",
          "test12", "test13", "test14", "test15",   # NTREX-128 (translated news); test15 held out until the end of the seventh round
          "test16", "test17",
          "test18", "test19")   # PFSA-ID (Kompas 2020-2021, CC BY-NC-SA, measurement only; text rebuilt from ../shared); test17 held out until the end of the eighth round; test18/test19 ninth round (test19 held out until its end)


def main() -> None:
    show = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--errors" else None
    print(f"{'split':7} {'t_gold':>6} {'t_P':>6} {'t_R':>6} {'t_val':>6} {'t_xF1':>6} | {'p_gold':>6} {'p_P':>6} {'p_R':>6} {'p_50km':>6} {'p_50f':>6}")
    for split in SPLITS:
        try:
            t, ts = et.evaluate(et.DEFAULT_GOLD, split, "pipeline", peer=False)
            p, ps = ep.evaluate(ep.DEFAULT_GOLD, split, "pipeline")
        except Exception:  # noqa: BLE001 (a split not drawn yet)
            continue
        if not t["articles"]:
            continue
        print(f"{split:7} {t['gold']:6d} {t['precision']:6.3f} {t['recall']:6.3f} {t['value_accuracy']:6.3f} {t['exact_span_f1']:6.3f} | "
              f"{p['gold']:6d} {p['precision']:6.3f} {p['recall']:6.3f} {p['within_50km_accuracy']:6.3f} "
              f"{p['within_50km_accuracy_detected']:6.3f}")
        if split == show:
            for e in ts.errors + ps.errors:
                print("   ", e[0][:40], e[1:])


if __name__ == "__main__":
    main()
